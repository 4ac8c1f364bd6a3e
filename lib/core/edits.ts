/**
 * Text that transforms write into a Dockerfile, and where it goes, shared so
 * that every transform writes it the same way.
 */
import type { DockerfileModel, InstructionNode } from './dockerfile.js';

/** An argv in JSON (exec) form as dfmod writes it: `["tini", "--", "app"]`. */
export function jsonArray(argv: readonly string[]): string {
  return `[${argv.map((arg) => JSON.stringify(arg)).join(', ')}]`;
}

/**
 * The start of `node`'s first line, above the comment lines directly before
 * it: they belong to it (suppressions, explanations), so an insertion before
 * `node` goes above them and a move takes them along. Not above `floor`, an
 * instruction `node` stays below.
 */
export function startWithComments(model: DockerfileModel, node: InstructionNode, floor: InstructionNode | null = null): number {
  const top = floor ? floor.endLine : 0; // 0-based: the first line a comment of node's may be on
  let line = node.line - 1;
  while (line > top && /^\s*#/.test(model.source.lineText(line - 1))) line--;
  return model.source.lineStarts[line];
}
