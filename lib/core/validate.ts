/**
 * Inputs dfmod refuses to touch: what BuildKit would reject at parse time, and
 * bytes that would not survive a round trip through a JavaScript string.
 */
import type { DockerfileModel, InstructionNode } from './dockerfile.js';

/** A problem with one input file, reported as `path:line: message`. */
export class InputError extends Error {
  constructor(message: string, readonly line: number | null = null) {
    super(message);
    this.name = 'InputError';
  }
}

const KNOWN_INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes a file's bytes, refusing binary files and invalid UTF-8. */
export function decodeDockerfile(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = countLines(bytes, nul);
    throw new InputError('binary file (contains NUL bytes); left untouched', line);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8; left untouched');
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) line++;
  return line;
}

/**
 * Size limits, far above any real Dockerfile (the largest of several thousand
 * public ones is 25 KB) and low enough that the shell parse of the largest
 * allowed instruction takes about a second: a bulk run meets a generated or
 * corrupted giant and moves on with a clear error instead of stalling.
 */
export const MAX_FILE_CHARS = 1024 * 1024;
export const MAX_INSTRUCTION_CHARS = 64 * 1024;
export const MAX_INSTRUCTIONS = 2000;

/** Throws an InputError for a text too large to rewrite in bounded time. */
export function checkSize(text: string): void {
  if (text.length > MAX_FILE_CHARS) {
    throw new InputError(`too large (${text.length} characters, the limit is ${MAX_FILE_CHARS}); left untouched`);
  }
}

/** Throws an InputError for a file BuildKit would reject while parsing, or with an instruction too large to rewrite. */
export function checkParseable(dockerfile: DockerfileModel): void {
  if (dockerfile.instructions.length > MAX_INSTRUCTIONS) {
    throw new InputError(`too many instructions (${dockerfile.instructions.length}, the limit is ${MAX_INSTRUCTIONS}); left untouched`);
  }
  for (const node of dockerfile.instructions) {
    if (node.end - node.start > MAX_INSTRUCTION_CHARS) {
      throw new InputError(`instruction too large (${node.end - node.start} characters, the limit is ${MAX_INSTRUCTION_CHARS}); left untouched`, node.line);
    }
    if (!KNOWN_INSTRUCTIONS.has(node.keyword)) {
      throw new InputError(`unknown instruction: ${node.ast.getKeyword()}`, node.line);
    }
    if (node.keyword === 'ONBUILD') {
      const trigger = (node.ast as unknown as { getTriggerWord(): string | null }).getTriggerWord?.();
      if (trigger && !KNOWN_INSTRUCTIONS.has(trigger.toUpperCase())) {
        throw new InputError(`unknown instruction: ${trigger}`, node.line);
      }
    }
    if ('getHeredocs' in node.ast) {
      const heredocs = (node.ast as unknown as { getHeredocs(): { getName(): string; getDelimiterRange(): unknown }[] }).getHeredocs();
      for (const heredoc of heredocs) {
        if (heredoc.getDelimiterRange() === null && !delimiterLineFollows(dockerfile, node, heredoc.getName())) {
          throw new InputError(`unterminated heredoc <<${heredoc.getName()}`, node.line);
        }
      }
    }
  }
}

/**
 * Whether a line after the instruction's first is the heredoc's delimiter,
 * as BuildKit ends a heredoc (leading tabs allowed, for `<<-`). dockerfile-ast
 * misses it after a body line that ends in the escape character and one more
 * character (`find . -exec rm {} \;`), reading the line break as escaped.
 */
function delimiterLineFollows(dockerfile: DockerfileModel, node: InstructionNode, name: string): boolean {
  for (let line = node.line; line < node.endLine; line++) {
    if (dockerfile.source.lineText(line).replace(/^\t+/, '').replace(/\r$/, '') === name) return true;
  }
  return false;
}
