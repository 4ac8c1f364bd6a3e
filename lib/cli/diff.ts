import { createTwoFilesPatch } from 'diff';

export interface DiffStyle {
  color: boolean;
}

const RESET = '\u001b[0m';
const STYLES: Record<string, string> = {
  '---': '\u001b[1m',
  '+++': '\u001b[1m',
  '@@': '\u001b[36m',
  '+': '\u001b[32m',
  '-': '\u001b[31m',
};

/** A git-style unified diff of one file (`--- a/path`, `+++ b/path`). */
export function unifiedDiff(path: string, before: string, after: string, style: DiffStyle = { color: false }): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 3 })
    .replace(/^=+\n/, '')
    .replace(/^(---|\+\+\+) ([^\n]*?)\t?\n/gm, '$1 $2\n');
  if (!style.color) return patch;
  return patch
    .split('\n')
    .map((line) => {
      const key = ['---', '+++', '@@', '+', '-'].find((prefix) => line.startsWith(prefix));
      return key && line.length ? `${STYLES[key]}${line}${RESET}` : line;
    })
    .join('\n');
}

/**
 * Colour on a terminal, as prettier and eslint do: NO_COLOR turns it off,
 * FORCE_COLOR (other than 0/false) turns it on.
 */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' ) return !['0', 'false'].includes(env.FORCE_COLOR);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}
