/**
 * Where each part of a rewritten text came from in the file as read. Changes
 * and notes are made against whatever text a pass sees; people read them next
 * to the file on disk, so the engine carries every offset back through the
 * edits it applied: text kept from the file as read maps to where it was
 * there, text an edit wrote to the line of the instruction it was written in.
 * A RUN merged from several RUNs keeps each command's own place on disk.
 */
import type { DockerfileModel } from './dockerfile.js';
import type { SourceText } from './source.js';
import type { Edit } from './types.js';

/** A stretch of the current text: a copy of the file as read from `from` on, or text an edit wrote (`from` null), cited at `anchor`. */
interface Segment {
  start: number;
  end: number;
  from: number | null;
  anchor: number;
}

/** The file as read: its text, and the lines its instructions span. */
interface Input {
  source: SourceText;
  instructions: readonly { line: number; endLine: number }[];
}

export class LineOrigins {
  /** `segments` cover the current text in order, none empty; `lineStarts` are the current text's. */
  private constructor(
    private readonly segments: readonly Segment[],
    private readonly lineStarts: readonly number[],
    private readonly input: Input,
  ) {}

  static identity(model: DockerfileModel): LineOrigins {
    const length = model.source.text.length;
    const input = { source: model.source, instructions: model.instructions.map((i) => ({ line: i.line, endLine: i.endLine })) };
    return new LineOrigins(length ? [{ start: 0, end: length, from: 0, anchor: 1 }] : [], model.source.lineStarts, input);
  }

  /** The line of the file as read for 1-based `line` of the current text: where its first character comes from. */
  of(line: number): number {
    if (this.lineStarts.length === 0) return line;
    return this.lineAt(this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1]);
  }

  /**
   * Whether 1-based `line` of the current text starts as a line of the file
   * as read starts, in text no edit wrote: a line an edit inserted, or moved,
   * or rewrote from its first character, is not on disk as it stands.
   */
  onDisk(line: number): boolean {
    if (line < 1 || line > this.lineStarts.length) return false;
    const offset = this.lineStarts[line - 1];
    const segment = this.segmentAt(offset);
    if (!segment) return true;
    if (segment.from === null) return false;
    const original = segment.from + Math.min(offset, segment.end) - segment.start;
    return this.input.source.positionAt(Math.min(original, this.input.source.text.length)).character === 0;
  }

  /** The line of the file as read that the character at `offset` of the current text comes from. */
  lineAt(offset: number): number {
    const segment = this.segmentAt(offset);
    if (!segment) return 1;
    if (segment.from === null) return segment.anchor;
    const original = segment.from + Math.min(Math.max(offset, segment.start), segment.end) - segment.start;
    return this.input.source.positionAt(Math.min(original, this.input.source.text.length)).line + 1;
  }

  /**
   * The line on disk of the instruction that the text at `offset` was written
   * in: for a command of a RUN merged from several, the first line of the RUN
   * it was part of in the file as read; for text an edit wrote, the line that
   * edit is cited at.
   */
  instructionLineAt(offset: number): number {
    const line = this.lineAt(offset);
    const within = this.input.instructions.find((i) => i.line <= line && line <= i.endLine);
    return within ? within.line : line;
  }

  private segmentAt(offset: number): Segment | undefined {
    const segments = this.segments;
    if (segments.length === 0) return undefined;
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (segments[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return segments[low];
  }

  /** The segments of [start, end) of the current text, moved by `shift`. */
  private slice(start: number, end: number, shift: number): Segment[] {
    const pieces: Segment[] = [];
    for (const s of this.segments) {
      if (s.end <= start || s.start >= end) continue;
      const from = Math.max(s.start, start);
      const to = Math.min(s.end, end);
      pieces.push({ start: from + shift, end: to + shift, from: s.from === null ? null : s.from + from - s.start, anchor: s.anchor });
    }
    return pieces;
  }

  /**
   * The origins of `after`, the text `edits` made of `before`. Text kept from
   * `before` comes from where it came from; text an edit wrote comes from the
   * instruction the edit starts in, or, for an insertion between
   * instructions, the instruction it was inserted before.
   */
  after(before: DockerfileModel, edits: readonly Edit[], after: DockerfileModel): LineOrigins {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const segments: Segment[] = [];
    let oldAt = 0;
    let newAt = 0;
    for (const edit of sorted) {
      if (edit.start > oldAt) {
        segments.push(...this.slice(oldAt, edit.start, newAt - oldAt));
        newAt += edit.start - oldAt;
      }
      if (edit.text.length) {
        segments.push({ start: newAt, end: newAt + edit.text.length, from: null, anchor: this.of(anchorLine(before, edit)) });
        newAt += edit.text.length;
      }
      oldAt = Math.max(oldAt, edit.end);
    }
    segments.push(...this.slice(oldAt, before.source.text.length, newAt - oldAt));
    return new LineOrigins(segments, after.source.lineStarts, this.input);
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
