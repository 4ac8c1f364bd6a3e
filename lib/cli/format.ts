/**
 * --format: the result through Prettier with prettier-plugin-sh's Dockerfile
 * printer. Off by default (a codemod's diff should touch only what it
 * changes), and loaded only when asked for.
 */
import { parseDockerfile } from '../core/dockerfile.js';
import { checkParseable } from '../core/validate.js';

export async function formatDockerfile(text: string, filepath: string): Promise<string> {
  const prettier = await import('prettier');
  const sh = (await import('prettier-plugin-sh')) as unknown as { default?: unknown };
  const plugin = (sh.default ?? sh) as import('prettier').Plugin;
  const formatted = await prettier.format(text, { parser: 'dockerfile', plugins: [plugin], filepath });
  // Formatting must not be where a Dockerfile breaks.
  checkParseable(parseDockerfile(formatted.replace(/^\uFEFF/, '')));
  return formatted;
}
