/**
 * YAML configuration files read with the `yaml` package, with the same
 * positions lib/cli/json-positions.ts gives JSON: where each key and value
 * starts, so schema problems point at the text. Loaded only for YAML files.
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { JsonSyntaxError, positionKey, type Position, type PositionedJson } from './json-positions.js';

export function parseYamlWithPositions(text: string): PositionedJson {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    throw new JsonSyntaxError({ line: at.line, column: at.col }, error.message.split('\n')[0]!);
  }
  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const positionOf = (offset: number): Position => {
    const at = lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  };
  const walk = (node: Node | null | undefined, path: (string | number)[]): void => {
    if (!node) return;
    if (node.range) positions.set(positionKey(path), positionOf(node.range[0]));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (isScalar(pair.key) && pair.key.range) keyPositions.set(positionKey([...path, key]), positionOf(pair.key.range[0]));
        walk(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item as Node | null, [...path, index]));
    }
  };
  walk(document.contents as Node | null, []);
  return { value: document.toJS(), positions, keyPositions };
}
