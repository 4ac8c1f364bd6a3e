/**
 * The engine: runs transforms over one Dockerfile until nothing changes.
 *
 * Each transform sees the file as the previous one left it. Its fixes are
 * applied together when they do not overlap (the rest wait for the next
 * pass), the file is parsed again, and passes repeat until a whole pass
 * changes nothing, so the result is a fixpoint and a second run is a no-op.
 * It does so twice: the safe transforms alone (the text written by default),
 * then every transform on from that text (the review level).
 * A fix that would leave a file BuildKit or the shell rejects is dropped with
 * a note: the engine, not each transform, guarantees a valid result.
 */
import { parseDockerfile, type DockerfileModel, type InstructionNode, type Suppression } from './dockerfile.js';
import { loadShellParser, hasSyntaxError, type ShellParser } from './shell.js';
import { splitBom } from './source.js';
import { checkParseable, checkSize, InputError } from './validate.js';
import type { BuildContext } from './context.js';
import { fileFacts, imageMeaning, type FactsOptions, type ImageMeaning, type StageMeaning } from '../facts/index.js';
import { undeclaredDifferences } from './guard.js';
import { fileKind } from '../facts/file-kind.js';
import { describeImage } from '../knowledge/index.js';
import { LineOrigins, mapOffset } from './origins.js';
import { closeOpenContinuation } from './edits.js';
import type { Change, Edit, Fix, Level, Note, NoteInput, Transform } from './types.js';

/** What the stage model knows beyond the file: what base images run (the knowledge base). */
const FACTS_OPTIONS: FactsOptions = { imageDefaults: (image) => describeImage(image).defaults };

/** The id of the note for a transform that threw (reports show it; callers read `RunResult.failures`). */
export const TRANSFORM_FAILED = 'transform-failed';

export interface RunOptions {
  transforms: readonly Transform[];
  filename?: string | null;
  context?: BuildContext | null;
  /** Per-transform options, keyed by transform id. */
  options?: Record<string, Record<string, unknown>>;
  /**
   * Which changes `output` holds: `safe` (the default) the safe transforms'
   * changes only; `review` those and the review transforms' changes on top.
   * Both texts are computed either way (`levels`).
   */
  level?: Level;
  /**
   * Rewrite generated, vendored and test files too (lib/facts/file-kind.ts),
   * which are otherwise left as written with a note.
   */
  everyFile?: boolean;
  /** Upper bound on passes, per level; a file needing more is returned as it stands with a note. */
  maxPasses?: number;
}

export interface RunResult {
  input: string;
  /** The text at the requested level: what a write writes. */
  output: string;
  changed: boolean;
  /** The changes `output` holds, each with its level, in the order they were made. */
  changes: Change[];
  /** Review changes `output` does not hold (at level `safe`): suggestions, on top of `output`. */
  suggestions: Change[];
  notes: Note[];
  passes: number;
  /** RUN/COPY/ADD instructions of the final stage, before and after (`output`). */
  layers: { before: number; after: number };
  /** Transforms that threw, with what they threw (each also has a `transform-failed` note); the file went on without them. */
  failures: { transform: string; message: string }[];
  level: Level;
  /**
   * The text at each level: `safe`, the safe transforms run to a fixpoint;
   * `review`, every transform run on from there to a fixpoint. Running again
   * on either at its own level changes nothing.
   */
  levels: { safe: string; review: string };
  /**
   * `# dfmod-ignore` comments before an instruction that kept no change, no
   * suggestion and no note of theirs off it (lines of the input; `transforms`
   * as the comment names them, null for all). Only comments naming a
   * transform of the run are judged; hadolint's comments are hadolint's.
   */
  unusedSuppressions: { line: number; transforms: string[] | null }[];
}

export async function runTransforms(text: string, options: RunOptions): Promise<RunResult> {
  return runTransformsWith(await loadShellParser(), text, options);
}

/** Where a run stands: the current model, the lines it maps to on disk, what has been said and done. */
interface RunState {
  model: DockerfileModel;
  origins: LineOrigins;
  notes: NoteBook;
  failures: RunResult['failures'];
  /** The text each transform last saw without changing it: seeing the same text again, it would say the same, so it is not asked. */
  settledOn: Map<Transform, string>;
  passes: number;
  /** The safe text, once reached: what review transforms say about it (not about a review text) is said at level safe too. */
  safeText?: string;
  notesOnSafe: Note[];
  /** Input lines of the suppression comments that kept a change or a note (or a transform's own look, through ctx.locked) off an instruction. */
  usedSuppressions: Set<number>;
}

/** Synchronous core, for callers that already hold a shell parser (workers, benchmarks). */
export function runTransformsWith(shell: ShellParser, text: string, options: RunOptions): RunResult {
  checkSize(text);
  const { bom, body } = splitBom(text);
  const model = parseDockerfile(body);
  checkParseable(model);
  const layersBefore = model.finalStageLayers;
  const level: Level = options.level ?? 'safe';
  const kind = options.everyFile ? null : fileKind(model, options.filename ?? null);
  if (model.ignoresFile || kind) {
    const notes: Note[] = kind ? [{ transform: 'engine', line: kind.line, id: kind.kind, message: `${kind.reason} (--no-ignore rewrites it)` }] : [];
    return { input: text, output: text, changed: false, changes: [], suggestions: [], notes, passes: 0, layers: { before: layersBefore, after: layersBefore }, failures: [], level, levels: { safe: text, review: text }, unusedSuppressions: [] };
  }
  const maxPasses = options.maxPasses ?? 10;
  const state: RunState = { model, origins: LineOrigins.identity(model), notes: new NoteBook(), failures: [], settledOn: new Map(), passes: 0, notesOnSafe: [], usedSuppressions: new Set() };
  // Safe transforms first, to their fixpoint: the text written by default. Then every transform on from
  // there, so review changes come on top of the safe ones and a review-level write is a fixpoint of all.
  // A transform without a known level counts as review: nothing unproven is written by default.
  const safeTransforms = options.transforms.filter((t) => t.level === 'safe');
  const hasReview = safeTransforms.length < options.transforms.length;
  const safeRun = settle(shell, state, safeTransforms, 'safe', maxPasses, options);
  const safeModel = state.model;
  const safeNotes = state.notes.final();
  state.safeText = safeModel.source.text;
  const reviewRun = hasReview ? settle(shell, state, options.transforms, 'review', maxPasses, options) : { changes: [], settled: true };
  const reviewNotes = state.notes.final();
  const unsettled = [safeRun, reviewRun].some((r) => !r.settled);
  const levels = { safe: bom + safeModel.source.text, review: bom + state.model.source.text };
  const output = levels[level];
  // At level safe, the notes are about the safe text: the safe transforms', and what review transforms
  // said on seeing it (why they suggest nothing), not what they said about a text with review changes.
  const notes = level === 'review' ? reviewNotes
    : [...safeNotes, ...state.notesOnSafe.filter((n, i, all) => !safeNotes.some((s) => sameNote(s, n)) && all.findIndex((o) => sameNote(o, n)) === i)];
  if (unsettled) notes.push({ transform: 'engine', line: 1, message: `still changing after ${maxPasses} passes; later changes may remain` });
  const changes = level === 'review' ? [...safeRun.changes, ...reviewRun.changes] : safeRun.changes;
  const suggestions = level === 'review' ? [] : reviewRun.changes;
  const layers = { before: layersBefore, after: (level === 'review' ? state.model : safeModel).finalStageLayers };
  const ran = new Set(options.transforms.map((t) => t.id));
  const unusedSuppressions = model.suppressions
    .filter((s) => s.instruction !== null && s.hadolintRules.length === 0 && !state.usedSuppressions.has(s.line))
    .filter((s) => (s.transforms === null ? ran.size > 0 : s.transforms.some((id) => ran.has(id))))
    .map((s) => ({ line: s.line, transforms: s.transforms }));
  return { input: text, output, changed: output !== text, changes, suggestions, notes, passes: state.passes, layers, failures: state.failures, level, levels, unusedSuppressions };
}

function sameNote(a: Note, b: Note): boolean {
  return a.transform === b.transform && a.line === b.line && a.message === b.message && a.id === b.id;
}

/** Runs `transforms` from where `state` stands until a whole pass changes nothing; their changes are of `level`. */
function settle(shell: ShellParser, state: RunState, transforms: readonly Transform[], level: Level, maxPasses: number, options: RunOptions): { changes: Change[]; settled: boolean } {
  const changes: Change[] = [];
  for (let passes = 0; passes < maxPasses; passes++) {
    state.passes++;
    let changedThisPass = false;
    for (const transform of transforms) {
      const { model, origins } = state;
      const text = model.source.text;
      if (state.settledOn.get(transform) === text) continue;
      const outcome = runOne(transform, model, origins, shell, options, state.usedSuppressions);
      if (outcome.failure !== undefined && !state.failures.some((f) => f.transform === transform.id && f.message === outcome.failure)) {
        state.failures.push({ transform: transform.id, message: outcome.failure });
      }
      const accepted = acceptFixes(transform, outcome, model, origins, shell);
      state.notes.record(transform.id, outcome.notes, accepted ? outcome.changes.map((c) => c.line) : [], model, origins);
      if (level === 'review' && text === state.safeText && transform.level !== 'safe') {
        for (const n of outcome.notes) state.notesOnSafe.push({ transform: transform.id, line: reportedLine(origins, n), message: n.message, ...(n.id ? { id: n.id } : {}) });
      }
      if (!accepted) {
        state.settledOn.set(transform, text);
        continue;
      }
      for (const { at, ...change } of outcome.changes) changes.push({ ...change, line: reportedLine(origins, { line: change.line, at }), level });
      state.origins = origins.after(model, outcome.edits, accepted.model);
      state.notes.follow(outcome.edits);
      state.model = accepted.model;
      changedThisPass = true;
    }
    if (!changedThisPass) return { changes, settled: true };
  }
  return { changes, settled: false };
}

/**
 * The notes of a run, kept from every pass. A note is about the instruction
 * that starts at its line (or about the file, when none does). It goes when
 * that instruction goes (an edit rewrote its keyword: removed, moved, joined
 * into another), or when a later run of the same transform says something
 * else about the same instruction: notes it again (the later notes replace
 * the earlier ones) or changes it (a fix whose line is that instruction's).
 * A later run that says nothing about it leaves the earlier note standing.
 */
class NoteBook {
  private held: { note: Note; transform: string; anchor: number | null }[] = [];

  /** `inputs` and `changed` (lines of applied fixes) in the lines of `model`, the text the transform saw. */
  record(transform: string, inputs: readonly NoteInput[], changed: readonly number[], model: DockerfileModel, origins: LineOrigins): void {
    const anchorOf = (line: number): number | null => model.instructions.find((i) => i.line === line)?.start ?? null;
    const fresh = inputs.map((input) => {
      const note: Note = { transform, line: reportedLine(origins, input), message: input.message, ...(input.id ? { id: input.id } : {}) };
      return { note, transform, anchor: anchorOf(input.line) };
    });
    const restated = new Set([...fresh.map((f) => f.anchor), ...changed.map(anchorOf).filter((a) => a !== null)]);
    this.held = this.held.filter((h) => h.transform !== transform || !restated.has(h.anchor));
    for (const f of fresh) {
      const same = this.held.some((h) => h.transform === f.transform && h.anchor === f.anchor &&
        h.note.line === f.note.line && h.note.message === f.note.message && h.note.id === f.note.id);
      if (!same) this.held.push(f);
    }
  }

  /** Carries the anchors through edits just applied; notes whose instruction they rewrote go. */
  follow(edits: readonly Edit[]): void {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    this.held = this.held.flatMap((h) => {
      if (h.anchor === null) return [h];
      const anchor = mapOffset(h.anchor, sorted);
      return anchor === null ? [] : [{ ...h, anchor }];
    });
  }

  final(): Note[] {
    return this.held.map((h) => h.note);
  }
}

/** A change before it is reported: in the lines of the text the transform saw, with the offset of what it is about (Fix.at). */
type SeenChange = Omit<Change, 'level'> & { at?: number };

/** The line on disk a change or note is reported at: of the command it is about (`at`), else of its instruction. */
function reportedLine(origins: LineOrigins, item: { line: number; at?: number }): number {
  return item.at !== undefined ? origins.instructionLineAt(item.at) : origins.of(item.line);
}

interface Outcome {
  /** Each fix taken: its edits and its change, in the lines of the text the transform saw. */
  fixes: { edits: Edit[]; change: SeenChange }[];
  /** Set by acceptFixes: the edits and changes of the fixes applied. */
  edits: Edit[];
  /** In the lines of the text the transform saw; the level is the run's. */
  changes: SeenChange[];
  /** In the lines of the text the transform saw. */
  notes: NoteInput[];
  /** What the transform threw. */
  failure?: string;
}

function runOne(transform: Transform, model: DockerfileModel, origins: LineOrigins, shell: ShellParser, options: RunOptions, usedSuppressions: Set<number>): Outcome {
  const outcome: Outcome = { fixes: [], edits: [], changes: [], notes: [] };
  const use = (suppressions: readonly Suppression[]) => {
    for (const s of suppressions) usedSuppressions.add(origins.of(s.line));
  };
  const locked = (node: InstructionNode): boolean => {
    const by = model.suppressionsOf(node, transform.id, transform.hadolintRules);
    use(by);
    return by.length > 0;
  };
  let result;
  try {
    result = transform.run({
      source: model.source.text,
      dockerfile: model,
      facts: fileFacts(model, shell, FACTS_OPTIONS),
      shell,
      context: options.context ?? null,
      options: options.options?.[transform.id] ?? {},
      filename: options.filename ?? null,
      locked,
      suppressionComment: (node) => suppressionComment(model, node),
      originalLine: (line) => origins.of(line),
      onDisk: (node) => origins.onDisk(node.line),
      originalLineAt: (offset) => origins.lineAt(offset),
      originalInstructionLineAt: (offset) => origins.instructionLineAt(offset),
    });
  } catch (error) {
    // A bug in one transform must not stop a bulk run or touch the file.
    const message = error instanceof Error ? error.message : String(error);
    outcome.notes.push({ line: 1, id: TRANSFORM_FAILED, message: `internal error, transform skipped: ${message}` });
    return { ...outcome, failure: message };
  }
  const byLine = new Map(model.instructions.map((i) => [i.line, i]));
  for (const note of result.notes ?? []) {
    const node = byLine.get(note.line);
    if (node && locked(node)) continue;
    outcome.notes.push({ line: note.line, ...(note.at !== undefined ? { at: note.at } : {}), message: note.message, ...(note.id ? { id: note.id } : {}) });
  }
  const taken: Edit[] = [];
  const fixes = [...(result.fixes ?? [])].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of fixes) {
    if (fix.edits.length === 0) continue;
    // A suppression that works says nothing: the fix is simply not made.
    const about = byLine.get(fix.line);
    if ((about && locked(about)) || touchedInstructions(fix, model).some(locked)) continue;
    const joined = joinedSuppressions(fix, model);
    if (joined.length) {
      use(joined);
      continue;
    }
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    if (overlapsItself(fix.edits)) continue;
    taken.push(...fix.edits);
    outcome.fixes.push({ edits: fix.edits, change: { transform: transform.id, line: fix.line, ...(fix.at !== undefined ? { at: fix.at } : {}), message: fix.message } });
  }
  return outcome;
}

/**
 * Applies the fixes of one transform's run that keep the file valid and its
 * meaning within what the transform declares, and returns the new model, or
 * null when none does. All together first; when that fails, one at a time,
 * so that one bad fix does not hold back the others. Each fix withheld gets
 * a note saying what it would have broken or changed.
 */
function acceptFixes(transform: Transform, outcome: Outcome, model: DockerfileModel, origins: LineOrigins, shell: ShellParser): { model: DockerfileModel } | null {
  if (outcome.fixes.length === 0) return null;
  const text = model.source.text;
  const trial = (fixes: Outcome['fixes']): { model: DockerfileModel } | { problem: string; id: string } => {
    const edits = closingContinuation(model, fixes.flatMap((f) => f.edits));
    const candidate = applyEdits(text, edits);
    if (candidate === text) return { problem: '', id: '' };
    const checked = checkCandidate(candidate, model, shell, edits);
    if ('problem' in checked) {
      // The broken line is in the candidate, which the engine maps like any text it applied.
      const where = checked.at ? ` at line ${origins.after(model, edits, checked.at.model).of(checked.at.line)}`
        : checked.before !== undefined ? ` at line ${origins.of(checked.before)}` : '';
      return { problem: `${checked.problem}${where}`, id: checked.id };
    }
    const changed = meaningChange(transform, model, checked.model, shell, origins);
    return changed ?? checked;
  };
  const all = trial(outcome.fixes);
  let kept: Outcome['fixes'] = outcome.fixes;
  let result: { model: DockerfileModel } | null = 'model' in all ? all : null;
  if (!result) {
    kept = [];
    for (const fix of outcome.fixes) {
      const tried = trial([...kept, fix]);
      if ('model' in tried) {
        kept.push(fix);
        result = tried;
      } else if (tried.problem) {
        outcome.notes.push({ line: fix.change.line, ...(fix.change.at !== undefined ? { at: fix.change.at } : {}), id: tried.id, message: `change withheld: it would ${tried.problem}` });
      }
    }
  }
  outcome.edits = closingContinuation(model, kept.flatMap((f) => f.edits));
  outcome.changes = kept.map((f) => f.change);
  return result;
}

/**
 * `edits`, plus the one that closes an open continuation at the end of the
 * file when they append there: appended text must follow the last
 * instruction, not become part of it.
 */
function closingContinuation(model: DockerfileModel, edits: Edit[]): Edit[] {
  const end = model.source.text.length;
  if (!edits.some((e) => e.start === end)) return edits;
  const close = closeOpenContinuation(model);
  if (!close || edits.some((e) => overlaps(e, close) || (e.start < close.end && e.end > close.start))) return edits;
  return [...edits, close];
}

/** Meanings by model: each text is compared as "after" once and as "before" once. */
const meanings = new WeakMap<DockerfileModel, ImageMeaning>();

function meaningOf(model: DockerfileModel, shell: ShellParser): ImageMeaning {
  let meaning = meanings.get(model);
  if (!meaning) {
    meaning = imageMeaning(fileFacts(model, shell, FACTS_OPTIONS));
    meanings.set(model, meaning);
  }
  return meaning;
}

/**
 * What a fix of `transform` would change that the transform does not
 * declare, as a withholding reason, or null. A transform that declares no
 * effects (a plugin written before effects existed) is not guarded.
 */
function meaningChange(transform: Transform, before: DockerfileModel, after: DockerfileModel, shell: ShellParser, origins: LineOrigins):
  { problem: string; id: string } | null {
  if (!transform.effects) return null;
  const name = (stage: StageMeaning) => `line ${origins.of(stage.line)}${stage.name ? ` (${stage.name})` : ''}`;
  const found = undeclaredDifferences(meaningOf(before, shell), meaningOf(after, shell), new Set(transform.effects), name);
  if (found.length === 0) return null;
  return { problem: `change ${found[0].what}, which ${transform.id} does not declare`, id: `withheld-${found[0].effect}` };
}

/** The suppression comment standing before `node`, as written, whatever it names. */
function suppressionComment(model: DockerfileModel, node: InstructionNode): string | null {
  const found = model.suppressions.find((s) => s.instruction === node);
  return found ? model.source.lineText(found.line - 1).trim() : null;
}

/**
 * The suppression comments on instructions that an edit of `fix` joins (it
 * spans from one into the next, rewriting the later one's keyword): the
 * comment would then cover commands it was not written for, or stand before
 * nothing it named, so such a fix is not made.
 */
function joinedSuppressions(fix: Fix, model: DockerfileModel): Suppression[] {
  return fix.edits.flatMap((edit) => {
    if (edit.start === edit.end) return [];
    const touched = model.instructions.filter((node) => (edit.start < node.end && edit.end > node.start) || extendsAtEnd(edit, node));
    const joins = touched.length > 1 && touched[0].start < edit.start;
    return joins ? model.suppressions.filter((s) => s.instruction !== null && touched.includes(s.instruction)) : [];
  });
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
    fix.edits.some((e) => (e.start === e.end ? e.start > node.start && e.start <= node.end : (e.start < node.end && e.end > node.start) || extendsAtEnd(e, node))));
}

/**
 * Whether a replacement that starts where `node` ends (a RUN merged into the
 * one above, written as the joint between them) continues `node`: its text
 * does not start a line of its own.
 */
function extendsAtEnd(edit: Edit, node: InstructionNode): boolean {
  return edit.start === node.end && edit.start > node.start && !/^\r?\n/.test(edit.text);
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
function checkCandidate(candidate: string, before: DockerfileModel, shell: ShellParser, edits: readonly Edit[]):
  { model: DockerfileModel } | { problem: string; id: string; at?: { model: DockerfileModel; line: number }; before?: number } {
  let after: DockerfileModel;
  try {
    after = parseDockerfile(candidate);
    checkParseable(after);
  } catch (error) {
    return { problem: `not parse as a Dockerfile (${error instanceof InputError ? error.message : String(error)})`, id: 'withheld-dockerfile-syntax' };
  }
  if (after.instructions.length === 0 && before.instructions.length > 0) return { problem: 'remove every instruction', id: 'withheld-empty' };
  const swallowed = swallowedInstruction(before, after, edits);
  if (swallowed) return { problem: 'join new text into the instruction', id: 'withheld-joins-instruction', before: swallowed.line };
  let brokenBefore: Set<string> | null = null;
  for (const node of after.instructions) {
    const script = after.shellScript(node);
    if (!script || !after.hasPosixShell(node) || !hasSyntaxError(shell.parse(script.text).rootNode)) continue;
    brokenBefore ??= brokenScripts(before, shell);
    if (!brokenBefore.has(script.text)) return { problem: 'leave a shell syntax error', id: 'withheld-shell-syntax', at: { model: after, line: node.line } };
  }
  return { model: after };
}

/**
 * An instruction the edits do not touch whose text did not come through as
 * an instruction of its own: new text joined it (an open continuation, an
 * insertion that does not start a line). Null when every one came through.
 */
function swallowedInstruction(before: DockerfileModel, after: DockerfileModel, edits: readonly Edit[]): InstructionNode | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const starts = new Map(after.instructions.map((node) => [node.start, node]));
  for (const node of before.instructions) {
    // Text written at its end (inserted, or replacing what follows it) extends it, unless it starts a line of its own.
    const touched = edits.some((e) => (e.start === e.end
      ? e.start > node.start && e.start < node.end
      : e.start < node.end && e.end > node.start) || extendsAtEnd(e, node));
    if (touched) continue;
    const start = mapOffset(node.start, sorted);
    const found = start === null ? undefined : starts.get(start);
    const text = before.source.text.slice(node.start, node.end);
    if (!found || after.source.text.slice(found.start, found.end) !== text) return node;
  }
  return null;
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
