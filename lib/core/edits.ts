/**
 * Text that transforms write into a Dockerfile, and where it goes, shared so
 * that every transform writes it the same way.
 */
import type { DockerfileModel, InstructionNode } from './dockerfile.js';
import type { Edit } from './types.js';

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

/**
 * The edit that closes the file's last instruction when its last line still
 * ends in the escape character (`RUN make \` at the end of the file, maybe
 * followed by blank or comment lines): anything appended after it would
 * become part of it, as BuildKit reads continuations. Removing the escape
 * character keeps what the instruction means (the file ended it anyway).
 * Null when the file does not end in an open continuation.
 */
export function closeOpenContinuation(model: DockerfileModel): Edit | null {
  const last = model.instructions[model.instructions.length - 1];
  const text = model.source.text;
  if (!last || last.end !== text.length) return null;
  const escape = model.escapeChar;
  for (let line = last.endLine - 1; line >= last.line - 1; line--) {
    const content = model.source.lineText(line);
    const trimmed = content.replace(/\s+$/, '');
    if (trimmed === '' || (line > last.line - 1 && /^\s*#/.test(content))) continue;
    if (!trimmed.endsWith(escape)) return null;
    const at = model.source.lineStarts[line] + trimmed.length - 1;
    // The escape and the blanks before it go; a word before it keeps its place.
    let start = at;
    while (start > model.source.lineStarts[line] && /[ \t]/.test(text[start - 1])) start--;
    return { start, end: at + 1, text: '' };
  }
  return null;
}

/**
 * Where words go in front of an exec-form instruction's JSON array, as
 * written: the offset of its first element (after `[` and any blanks), and
 * the text to insert there (`"tini", "--", `). Only that is
 * inserted, so an array the author spread over several lines keeps its
 * layout. Null when `node` is no exec form or its array is empty (then there
 * is no element to write before).
 */
export function execFormPrefix(model: DockerfileModel, node: InstructionNode, words: readonly string[]): { at: number; text: string } | null {
  if (node.form !== 'exec' || !node.execArgs?.length || !words.length) return null;
  const script = model.logicalText(node.argsStart, node.end);
  const open = script.text.indexOf('[');
  if (open < 0 || script.text.slice(0, open).trim() !== '') return null;
  let first = open + 1;
  while (first < script.text.length && /\s/.test(script.text[first])) first++;
  if (script.text[first] !== '"') return null;
  return { at: script.offsets[first], text: `${words.map((w) => JSON.stringify(w)).join(', ')}, ` };
}

/** `node`'s arguments as written, with `words` put in front of its exec-form array (see execFormPrefix); null when that does not apply. */
export function execFormWithPrefix(model: DockerfileModel, node: InstructionNode, words: readonly string[]): string | null {
  const prefix = execFormPrefix(model, node, words);
  if (!prefix) return null;
  const text = model.source.text;
  return text.slice(node.argsStart, prefix.at) + prefix.text + text.slice(prefix.at, node.end);
}

/** A piece of a rewrite: text written anew, or a stretch `[start, end)` of the current text kept as it is. */
export type RewritePiece = string | { keep: readonly [number, number] };

/**
 * The edits that make [start, end) of the text read as `pieces`, writing only
 * what is new: each kept stretch (in order, inside the range) stays where it
 * is, so the engine still knows the line on disk its text comes from (a RUN
 * merged from several keeps each command's line). One edit when nothing is kept.
 */
export function rewriteKeeping(start: number, end: number, pieces: readonly RewritePiece[]): Edit[] {
  const edits: Edit[] = [];
  let at = start;
  let text = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    const [from, to] = piece.keep;
    if (from < at || to < from || to > end) throw new Error(`rewriteKeeping: kept [${from}, ${to}) is out of order in [${start}, ${end})`);
    if (text || from > at) edits.push({ start: at, end: from, text });
    at = to;
    text = '';
  }
  if (text || end > at || edits.length === 0) edits.push({ start: at, end, text });
  return edits;
}
