/**
 * JSON.parse with positions: the value, and where each key and value starts
 * (line:column, 1-based), so configuration errors can point at the text.
 * Syntax errors carry a line and column too (JSON.parse gives a character
 * offset, or none).
 */

export interface Position {
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(readonly position: Position, message: string) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface PositionedJson {
  value: unknown;
  /** By path (keys and indexes joined with NUL): where each value starts. */
  positions: Map<string, Position>;
  /** By path: where each object member's key starts. */
  keyPositions: Map<string, Position>;
}

/** The key of `path` in PositionedJson.positions. */
export const positionKey = (path: readonly (string | number)[]): string => path.join('\u0000');

export function parseJsonWithPositions(text: string): PositionedJson {
  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const positionAt = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const fail = (message: string, at = index): never => {
    throw new JsonSyntaxError(positionAt(at), message);
  };
  const describe = (at: number) => (at >= text.length ? 'end of file' : `'${text[at]}'`);
  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[index] !== char) fail(`expected '${char}', found ${describe(index)}`);
    index++;
  };

  const parseString = (): string => {
    const start = index;
    index++;
    while (index < text.length && text[index] !== '"') {
      if (text[index] === '\\') index++;
      else if (text.charCodeAt(index) < 0x20) fail('control character in string');
      index++;
    }
    if (index >= text.length) fail('unterminated string', start);
    index++;
    try {
      return JSON.parse(text.slice(start, index)) as string;
    } catch {
      return fail('invalid escape in string', start);
    }
  };

  const parseValue = (path: (string | number)[]): unknown => {
    skipSpace();
    const start = index;
    positions.set(positionKey(path), positionAt(start));
    const char = text[index];
    if (char === '{') {
      index++;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[index] === '}') {
        index++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[index] !== '"') fail(`expected a key in double quotes, found ${describe(index)}`);
        const keyAt = index;
        const key = parseString();
        keyPositions.set(positionKey([...path, key]), positionAt(keyAt));
        expect(':');
        object[key] = parseValue([...path, key]);
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return object;
        }
        fail(`expected ',' or '}', found ${describe(index)}`);
      }
    }
    if (char === '[') {
      index++;
      const array: unknown[] = [];
      skipSpace();
      if (text[index] === ']') {
        index++;
        return array;
      }
      for (;;) {
        array.push(parseValue([...path, array.length]));
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return array;
        }
        fail(`expected ',' or ']', found ${describe(index)}`);
      }
    }
    if (char === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index, index + 64));
    if (!literal) return fail(`unexpected ${describe(index)}`);
    index += literal[0].length;
    return JSON.parse(literal[0]);
  };

  const value = parseValue([]);
  skipSpace();
  if (index < text.length) fail(`unexpected ${describe(index)} after the value`);
  return { value, positions, keyPositions };
}
