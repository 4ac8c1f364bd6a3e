/**
 * Shared test helpers: run chosen transforms on a Dockerfile text, and check
 * the result is a fixpoint (a second run changes nothing).
 */
import * as assert from 'uvu/assert';
import { runTransforms, type RunResult } from '../lib/core/engine.js';
import { memoryContext, type BuildContext } from '../lib/core/context.js';
import { builtinTransforms } from '../transforms/index.js';
import type { Level, Transform } from '../lib/core/types.js';

export interface RunOptions {
  /** Transform ids (default: every built-in one enabled by default). */
  only?: string[];
  /** In-memory build context files. */
  files?: Record<string, string>;
  context?: BuildContext;
  options?: Record<string, Record<string, unknown>>;
  transforms?: Transform[];
  /**
   * The level of the output (default `review`: a transform's tests are about what it does, whatever its level;
   * tests of the levels themselves pass `safe`).
   */
  level?: Level;
}

export function pick(ids?: string[]): Transform[] {
  if (!ids) return builtinTransforms.filter((t) => t.enabledByDefault !== false);
  return ids.map((id) => {
    const found = builtinTransforms.find((t) => t.id === id);
    if (!found) throw new Error(`no transform ${id}`);
    return found;
  });
}

export async function run(input: string, options: RunOptions = {}): Promise<RunResult> {
  const context = options.context ?? (options.files ? memoryContext(options.files) : null);
  return runTransforms(input, {
    transforms: options.transforms ?? pick(options.only),
    context,
    options: options.options,
    filename: 'Dockerfile',
    level: options.level ?? 'review',
  });
}

/** Asserts input -> expected exactly, and that running again changes nothing. */
export async function expectOutput(input: string, expected: string, options: RunOptions = {}): Promise<RunResult> {
  const result = await run(input, options);
  assert.fixture(result.output, expected);
  const again = await run(result.output, options);
  assert.fixture(again.output, result.output, 'second run changed the output');
  return result;
}

/** Asserts the input is left byte-identical, with a note matching `reason`. */
export async function expectUnchanged(input: string, reason: RegExp | null, options: RunOptions = {}): Promise<RunResult> {
  const result = await run(input, options);
  assert.fixture(result.output, input);
  if (reason) {
    const messages = result.notes.map((n) => n.message);
    assert.ok(messages.some((m) => reason.test(m)), `expected a note matching ${reason}, got: ${JSON.stringify(messages)}`);
  }
  return result;
}

/** Asserts the input is left byte-identical, with a note of transform-chosen id `id` (on `line`, when given). */
export async function expectRefused(input: string, id: string, options: RunOptions & { line?: number } = {}): Promise<RunResult> {
  const result = await run(input, options);
  assert.fixture(result.output, input);
  const found = result.notes.some((n) => n.id === id && (options.line === undefined || n.line === options.line));
  assert.ok(found, `expected a note with id ${id}${options.line ? ` on line ${options.line}` : ''}, got: ${JSON.stringify(result.notes)}`);
  return result;
}

/** Joins lines with \n and a final newline, to keep fixtures readable. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}
