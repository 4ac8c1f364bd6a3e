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
  /** RUN/COPY/ADD instructions of the final stage, before and after. */
  layers: { before: number; after: number };
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
  const layersBefore = model.finalStageLayers;
  const changes: Change[] = [];
  let notes: Note[] = [];
  if (model.ignoresFile) {
    return { input: text, output: text, changed: false, changes, notes: [], passes: 0, layers: { before: layersBefore, after: layersBefore } };
  }
  const maxPasses = options.maxPasses ?? 10;
  // What each transform said about the text it last saw without changing it:
  // seeing the same text again, it would say the same, so it is not asked.
  const settledOn = new Map<Transform, { text: string; notes: Note[] }>();
  let passes = 0;
  let settled = false;
  while (passes < maxPasses) {
    passes++;
    const passNotes: Note[] = [];
    let changedThisPass = false;
    for (const transform of options.transforms) {
      const text = model.source.text;
      const known = settledOn.get(transform);
      if (known && known.text === text) {
        passNotes.push(...known.notes);
        continue;
      }
      const outcome = runOne(transform, model, shell, options);
      const candidate = outcome.edits.length === 0 ? text : applyEdits(text, outcome.edits);
      const checked = candidate === text ? null : checkCandidate(candidate, model, shell);
      if (checked && 'problem' in checked) {
        outcome.notes.push({ transform: transform.id, line: outcome.changes[0].line, message: `change withheld: it would ${checked.problem}` });
      }
      passNotes.push(...outcome.notes);
      if (!checked || 'problem' in checked) {
        settledOn.set(transform, { text, notes: outcome.notes });
        continue;
      }
      model = checked.model;
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
  const layers = { before: layersBefore, after: model.finalStageLayers };
  return { input: text, output, changed: output !== text, changes, notes: dedupeNotes(notes), passes, layers };
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
 * The parsed candidate, or why it must not replace the current text: it must
 * still parse as a Dockerfile, and every shell script it contains must parse
 * unless the same script already failed to parse before.
 */
function checkCandidate(candidate: string, before: DockerfileModel, shell: ShellParser): { model: DockerfileModel } | { problem: string } {
  let after: DockerfileModel;
  try {
    after = parseDockerfile(candidate);
    checkParseable(after);
  } catch (error) {
    return { problem: `not parse as a Dockerfile (${error instanceof InputError ? error.message : String(error)})` };
  }
  if (after.instructions.length === 0 && before.instructions.length > 0) return { problem: 'remove every instruction' };
  let brokenBefore: Set<string> | null = null;
  for (const node of after.instructions) {
    const script = after.shellScript(node);
    if (!script || !after.hasPosixShell(node) || !hasSyntaxError(shell.parse(script.text).rootNode)) continue;
    brokenBefore ??= brokenScripts(before, shell);
    if (!brokenBefore.has(script.text)) return { problem: `leave a shell syntax error at line ${node.line}` };
  }
  return { model: after };
}

/** The texts of the shell scripts in `model` that tree-sitter-bash cannot parse (POSIX shells only). */
export function brokenScripts(model: DockerfileModel, shell: ShellParser): Set<string> {
  const broken = new Set<string>();
  for (const node of model.instructions) {
    const script = model.shellScript(node);
    if (script && model.hasPosixShell(node) && hasSyntaxError(shell.parse(script.text).rootNode)) broken.add(script.text);
  }
  return broken;
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
