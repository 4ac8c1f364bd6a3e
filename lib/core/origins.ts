/**
 * Where each line of a rewritten text came from in the file as read. Changes
 * and notes are made against whatever text a pass sees; people read them next
 * to the file on disk, so the engine carries every line back through the
 * edits it applied.
 */
import type { DockerfileModel } from './dockerfile.js';
import type { Edit } from './types.js';

export class LineOrigins {
  /**
   * origin[i]: the 1-based line of the file as read that line i (0-based) of the current text comes from.
   * kept[i]: whether line i starts in text as read, at the start of a line of the file (no edit wrote it).
   */
  private constructor(private readonly origin: readonly number[], private readonly kept: readonly boolean[]) {}

  static identity(model: DockerfileModel): LineOrigins {
    return new LineOrigins(model.source.lineStarts.map((_, i) => i + 1), model.source.lineStarts.map(() => true));
  }

  /** The line of the file as read for 1-based `line` of the current text. */
  of(line: number): number {
    if (this.origin.length === 0) return line;
    return this.origin[Math.min(Math.max(line, 1), this.origin.length) - 1];
  }

  /**
   * Whether 1-based `line` of the current text starts as a line of the file
   * as read starts, in text no edit wrote: a line an edit inserted, or moved,
   * or rewrote from its first character, is not on disk as it stands.
   */
  onDisk(line: number): boolean {
    if (this.kept.length === 0) return true;
    if (line < 1 || line > this.kept.length) return false;
    return this.kept[line - 1];
  }

  /**
   * The origins of `after`, the text `edits` made of `before`. A line that
   * starts in text kept from `before` comes from where that text came from;
   * a line that starts in text an edit wrote comes from the instruction the
   * edit starts in, or, for an insertion between instructions, the
   * instruction it was inserted before.
   */
  after(before: DockerfileModel, edits: readonly Edit[], after: DockerfileModel): LineOrigins {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    // Segments of the new text: kept (oldStart is where it was) or written (anchor is the origin of every line starting in it).
    const segments: { newStart: number; newEnd: number; oldStart: number | null; anchor: number }[] = [];
    let oldAt = 0;
    let newAt = 0;
    for (const edit of sorted) {
      if (edit.start > oldAt) {
        segments.push({ newStart: newAt, newEnd: newAt + edit.start - oldAt, oldStart: oldAt, anchor: 0 });
        newAt += edit.start - oldAt;
      }
      segments.push({ newStart: newAt, newEnd: newAt + edit.text.length, oldStart: null, anchor: this.of(anchorLine(before, edit)) });
      newAt += edit.text.length;
      oldAt = Math.max(oldAt, edit.end);
    }
    const oldLength = before.source.text.length;
    segments.push({ newStart: newAt, newEnd: newAt + oldLength - oldAt, oldStart: oldAt, anchor: 0 });

    const origin: number[] = [];
    const kept: boolean[] = [];
    let s = 0;
    for (const lineStart of after.source.lineStarts) {
      while (s < segments.length - 1 && (segments[s].newEnd <= lineStart || segments[s].newStart === segments[s].newEnd)) s++;
      const segment = segments[s];
      if (segment.oldStart === null) {
        origin.push(segment.anchor);
        kept.push(false);
      } else {
        const old = Math.min(segment.oldStart + Math.max(0, lineStart - segment.newStart), oldLength);
        const position = before.source.positionAt(old);
        origin.push(this.of(position.line + 1));
        // Kept text that starts a line here but not in `before` (an edit ended mid-line) is no line as read.
        kept.push(position.character === 0 && this.onDisk(position.line + 1));
      }
    }
    return new LineOrigins(origin, kept);
  }
}

/**
 * The line of `before` an edit's new lines belong to. Lines inserted at the
 * end of an instruction, after its line break (`LABEL a=b` + `\nRUN apk add
 * tini`), stand before the next instruction of the same stage: they are cited
 * at its line, where a person reading the file on disk finds the spot (a
 * RUN merged into the inserted one is cited at its own line, not the LABEL's).
 */
function anchorLine(before: DockerfileModel, edit: Edit): number {
  const within = before.instructions.find((node) => node.start <= edit.start && edit.start <= node.end);
  if (within && edit.start === edit.end && edit.start === within.end && /^\r?\n/.test(edit.text)) {
    const next = before.instructions[within.index + 1];
    if (next && next.stage === within.stage) return next.line;
  }
  if (within) return within.line;
  const next = before.instructions.find((node) => node.start >= edit.start);
  if (next) return next.line;
  const previous = [...before.instructions].reverse().find((node) => node.end <= edit.start);
  if (previous) return previous.line;
  return before.source.positionAt(edit.start).line + 1;
}

/**
 * Where an instruction that started at `offset` starts after `edits`, or null
 * when an edit rewrote its start (it was removed, moved or joined into another).
 */
export function mapOffset(offset: number, edits: readonly Edit[]): number | null {
  let shift = 0;
  for (const edit of edits) {
    if (edit.start === edit.end) {
      if (edit.start <= offset) shift += edit.text.length;
      continue;
    }
    if (edit.end <= offset) shift += edit.text.length - (edit.end - edit.start);
    else if (edit.start <= offset) return null;
  }
  return offset + shift;
}
