/**
 * Text bookkeeping shared by the engine and the transforms: offsets <-> positions,
 * the file's line ending, and the BOM, which is kept aside so that offsets are
 * the same as the parser's.
 */

export interface Position {
  /** 0-based line, as dockerfile-ast reports it. */
  line: number;
  character: number;
}

const BOM = '\uFEFF';

export function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

/**
 * Line start offsets with the same notion of a line break as dockerfile-ast's
 * TextDocument (\r\n, \n, or a lone \r), so positions from the parser map back
 * to the right offsets.
 */
export function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      offsets.push(i + 1);
    } else if (ch === 10 /* \n */) {
      offsets.push(i + 1);
    }
  }
  return offsets;
}

export class SourceText {
  readonly text: string;
  readonly lineStarts: number[];
  /** The line ending new lines should use: the first one in the file, or \n. */
  readonly eol: string;

  constructor(text: string) {
    this.text = text;
    this.lineStarts = lineOffsets(text);
    const match = /\r\n|\n|\r/.exec(text);
    this.eol = match ? match[0] : '\n';
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  /** 1-based line number of an offset, for messages. */
  lineNumberAt(offset: number): number {
    return this.positionAt(offset).line + 1;
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\n') end--;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }

  /** Offset just past a line's line break (or the end of the text). */
  lineEndWithBreak(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The whitespace a line starts with. */
  indentOf(line: number): string {
    return /^[ \t]*/.exec(this.lineText(line))![0];
  }
}
