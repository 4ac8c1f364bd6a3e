/**
 * Configuration text read as data, and where in the text each key and value
 * starts (line:column, 1-based), so problems can point at it. JSON is read
 * with JSON.parse (lib/cli/config.ts); the `yaml` package reads YAML, and
 * (its parser reads JSON too) places a problem in either. Loaded only for a
 * YAML file or a problem to place.
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export class ConfigSyntaxError extends Error {
  constructor(readonly position: Position | undefined, message: string) {
    super(message);
    this.name = 'ConfigSyntaxError';
  }
}

export interface Positions {
  /** By path (keys and indexes joined with NUL): where each value starts. */
  values: Map<string, Position>;
  /** By path: where each object member's key starts. */
  keys: Map<string, Position>;
}

/** The key of `path` in Positions. */
export const positionKey = (path: readonly (string | number)[]): string => path.join('\u0000');

export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function parse(text: string): { document: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { document: parseDocument(withoutBom(text), { lineCounter, prettyErrors: false }), lineCounter };
}

/** A JSON.parse SyntaxError, placed: V8 names the offset for most mistakes ("… at position 12"); for the rest, YAML's parser of the same text says where it stopped. */
export function jsonSyntaxError(text: string, error: SyntaxError): ConfigSyntaxError {
  const offset = /at position (\d+)/.exec(error.message)?.[1];
  const message = error.message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/^\w/, (c) => c.toLowerCase());
  if (offset !== undefined) return new ConfigSyntaxError(lineColumn(withoutBom(text), Number(offset)), message);
  const { document, lineCounter } = parse(text);
  const first = document.errors[0];
  return new ConfigSyntaxError(first ? toPosition(lineCounter, first.pos[0]) : undefined, message);
}

export function parseYaml(text: string): unknown {
  const { document, lineCounter } = parse(text);
  const [error] = document.errors;
  if (error) throw new ConfigSyntaxError(toPosition(lineCounter, error.pos[0]), error.message.split('\n')[0]!);
  return document.toJS();
}

/** Where each key and value of a JSON or YAML text that parsed starts. */
export function positionsIn(text: string): Positions {
  const { document, lineCounter } = parse(text);
  const values = new Map<string, Position>();
  const keys = new Map<string, Position>();
  const walk = (node: Node | null | undefined, path: (string | number)[]): void => {
    if (!node) return;
    if (node.range) values.set(positionKey(path), toPosition(lineCounter, node.range[0]));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (isScalar(pair.key) && pair.key.range) keys.set(positionKey([...path, key]), toPosition(lineCounter, pair.key.range[0]));
        walk(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item as Node | null, [...path, index]));
    }
  };
  walk(document.contents as Node | null, []);
  return { values, keys };
}

function toPosition(lineCounter: LineCounter, offset: number): Position {
  const at = lineCounter.linePos(offset);
  return { line: at.line, column: at.col };
}

function lineColumn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
