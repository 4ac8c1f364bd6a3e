/**
 * The engine: runs transforms over one Dockerfile until nothing changes.
 *
 * Each transform sees the file as the previous one left it. Its fixes are
 * applied together when they do not overlap (the rest wait for the next
 * pass), the file is parsed again, and passes repeat until a whole pass
 * changes nothing, so the result is a fixpoint and a second run is a no-op.
 * A fix that would leave a file BuildKit or the shell rejects is dropped with
 * a note: the engine, not each transform, guarantees a valid result.
 */
import { parseDockerfile, type DockerfileModel, type InstructionNode } from './dockerfile.js';
import { loadShellParser, hasSyntaxError, type ShellParser } from './shell.js';
import { splitBom } from './source.js';
import { checkParseable, checkSize, InputError } from './validate.js';
import type { BuildContext } from './context.js';
import type { Change, Edit, Fix, Note, Transform } from './types.js';

export interface RunOptions {
  transforms: readonly Transform[];
  filename?: string | null;
  context?: BuildContext | null;
  /** Per-transform options, keyed by transform id. */
  options?: Record<string, Record<string, unknown>>;
  /** Upper bound on passes; a file needing more is returned as it stands with a note. */
  maxPasses?: number;
}

export interface RunResult {
  input: string;
  output: string;
  changed: boolean;
  changes: Change[];
  notes: Note[];
  passes: number;
}

export async function runTransforms(text: string, options: RunOptions): Promise<RunResult> {
  return runTransformsWith(await loadShellParser(), text, options);
}

/** Synchronous core, for callers that already hold a shell parser (workers, benchmarks). */
export function runTransformsWith(shell: ShellParser, text: string, options: RunOptions): RunResult {
  checkSize(text);
  const { bom, body } = splitBom(text);
  let model = parseDockerfile(body);
  checkParseable(model);
  const changes: Change[] = [];
  let notes: Note[] = [];
  if (model.ignoresFile) {
    return { input: text, output: text, changed: false, changes, notes: [], passes: 0 };
  }
  const maxPasses = options.maxPasses ?? 10;
  let passes = 0;
  let settled = false;
  while (passes < maxPasses) {
    passes++;
    const passNotes: Note[] = [];
    let changedThisPass = false;
    for (const transform of options.transforms) {
      const outcome = runOne(transform, model, shell, options);
      passNotes.push(...outcome.notes);
      if (outcome.edits.length === 0) continue;
      const candidate = applyEdits(model.source.text, outcome.edits);
      if (candidate === model.source.text) continue;
      const problem = validityProblem(candidate, model, shell);
      if (problem) {
        passNotes.push({ transform: transform.id, line: outcome.changes[0].line, message: `change withheld: it would ${problem}` });
        continue;
      }
      model = parseDockerfile(candidate);
      changes.push(...outcome.changes);
      changedThisPass = true;
    }
    notes = passNotes;
    if (!changedThisPass) {
      settled = true;
      break;
    }
  }
  if (!settled) {
    notes.push({ transform: 'engine', line: 1, message: `still changing after ${maxPasses} passes; later changes may remain` });
  }
  const output = bom + model.source.text;
  return { input: text, output, changed: output !== text, changes, notes: dedupeNotes(notes), passes };
}

interface Outcome {
  edits: Edit[];
  changes: Change[];
  notes: Note[];
}

function runOne(transform: Transform, model: DockerfileModel, shell: ShellParser, options: RunOptions): Outcome {
  const outcome: Outcome = { edits: [], changes: [], notes: [] };
  let result;
  try {
    result = transform.run({
      source: model.source.text,
      dockerfile: model,
      shell,
      context: options.context ?? null,
      options: options.options?.[transform.id] ?? {},
      filename: options.filename ?? null,
    });
  } catch (error) {
    // A bug in one transform must not stop a bulk run or touch the file.
    const message = error instanceof Error ? error.message : String(error);
    outcome.notes.push({ transform: transform.id, line: 1, message: `internal error, transform skipped: ${message}` });
    return outcome;
  }
  const byLine = new Map(model.instructions.map((i) => [i.line, i]));
  for (const note of result.notes ?? []) {
    const node = byLine.get(note.line);
    if (node && model.isSuppressed(node, transform.id, transform.hadolintRules)) continue;
    outcome.notes.push({ transform: transform.id, line: note.line, message: note.message });
  }
  const taken: Edit[] = [];
  const fixes = [...(result.fixes ?? [])].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of fixes) {
    if (fix.edits.length === 0) continue;
    const suppressed = touchedInstructions(fix, model).find((node) =>
      model.isSuppressed(node, transform.id, transform.hadolintRules));
    if (suppressed) {
      outcome.notes.push({ transform: transform.id, line: suppressed.line, message: 'left alone: suppressed by a comment' });
      continue;
    }
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    if (overlapsItself(fix.edits)) continue;
    taken.push(...fix.edits);
    outcome.edits.push(...fix.edits);
    outcome.changes.push({ transform: transform.id, line: fix.line, message: fix.message });
  }
  return outcome;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

/** Insertions at the same point count as overlapping: their order would be arbitrary. */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function overlapsItself(edits: Edit[]): boolean {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) if (overlaps(edits[i], edits[j])) return true;
  }
  return false;
}

function touchedInstructions(fix: Fix, model: DockerfileModel): InstructionNode[] {
  return model.instructions.filter((node) =>
    // An insertion at `end` (just before the line break) appends to the instruction, so it touches it too.
    fix.edits.some((e) => (e.start === e.end ? e.start > node.start && e.start <= node.end : e.start < node.end && e.end > node.start)));
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) {
      throw new RangeError(`edit out of range: ${edit.start}-${edit.end}`);
    }
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/**
 * Why `candidate` must not replace the current text, or null when it may:
 * it must still parse as a Dockerfile, and every shell script it contains
 * must parse unless the same script already failed to parse before.
 */
function validityProblem(candidate: string, before: DockerfileModel, shell: ShellParser): string | null {
  let after: DockerfileModel;
  try {
    after = parseDockerfile(candidate);
    checkParseable(after);
  } catch (error) {
    return `not parse as a Dockerfile (${error instanceof InputError ? error.message : String(error)})`;
  }
  if (after.instructions.length === 0 && before.instructions.length > 0) return 'remove every instruction';
  const brokenBefore = new Set<string>();
  for (const node of before.instructions) {
    const script = before.shellScript(node);
    if (script && before.hasPosixShell(node) && hasSyntaxError(shell.parse(script.text).rootNode)) brokenBefore.add(script.text);
  }
  for (const node of after.instructions) {
    const script = after.shellScript(node);
    if (!script || !after.hasPosixShell(node) || brokenBefore.has(script.text)) continue;
    if (hasSyntaxError(shell.parse(script.text).rootNode)) {
      return `leave a shell syntax error at line ${node.line}`;
    }
  }
  return null;
}

function dedupeNotes(notes: Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.transform}\u0000${n.line}\u0000${n.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
