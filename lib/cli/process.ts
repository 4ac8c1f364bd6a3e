/**
 * One file's whole journey: read bytes, refuse what must not be touched,
 * transform. Kept free of CLI concerns so worker threads can run it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runTransformsWith, TRANSFORM_FAILED } from '../core/engine.js';
import { folderContext } from '../core/context.js';
import { decodeDockerfile, InputError } from '../core/validate.js';
import type { ShellParser } from '../core/shell.js';
import { parseDockerfile } from '../core/dockerfile.js';
import { isBuiltin } from '../registry.js';

import type { Change, Level, Note, Transform } from '../core/types.js';

export interface FileResult {
  path: string;
  status: 'changed' | 'unchanged' | 'error';
  /** `path[:line]: message` parts for errors. */
  error?: { line: number | null; message: string };
  /** The changes `output` holds (its level's), each with its level. */
  changes: Change[];
  /** Review changes not written (at level safe): suggestions on top of `output`. */
  suggestions?: Change[];
  notes: Note[];
  /** The text read and the text produced at the run's level (absent for errors). */
  input?: string;
  output?: string;
  /** The text at each level (absent for errors): the dry run shows the review part on top of the safe part. */
  levels?: { safe: string; review: string };
  /** What --verify built and decided (for --json). */
  verify?: VerifyOutcome;
  /** The unified diff, kept for --json once the texts are released. */
  diff?: string;
  /** For --json: the diff of the review suggestions, from `output` to the review text. */
  reviewDiff?: string;
  /** For --json: what to check, per review transform among the changes and suggestions. */
  checks?: Record<string, string>;
  /** The exact bytes read, to detect a concurrent edit before writing. */
  bytes?: Uint8Array;
  /** RUN/COPY/ADD instructions in the final stage before and after (changed files). */
  layers?: { before: number; after: number };
  /** `path:line: message` lines about the file that are not notes of a transform (a dfmod-ignore naming no transform). */
  warnings?: string[];
}

/** What --verify did with one file's changes: which review transforms it wrote, which it kept out and why, and every build. */
export interface VerifyOutcome {
  written: string[];
  keptOut: { transform: string; reason: string }[];
  builds: { variant: string; built: boolean; checks: string | null; kept: boolean; reason: string }[];
}

export interface ProcessOptions {
  transforms: readonly Transform[];
  /** Which changes the output holds (default safe). */
  level?: Level;
  /** A build context folder for every file; default: each file's own folder. */
  contextDir?: string | null;
  options?: Record<string, Record<string, unknown>>;
  /** Every id a `# dfmod-ignore` comment may name (the run's transforms and those it could have chosen); absent or null: not checked. */
  known?: readonly string[] | null;
  /** --report-unused-disable-directives: warn of `# dfmod-ignore` comments that kept nothing off their instruction. */
  reportUnused?: boolean;
  /** --no-ignore: rewrite generated, vendored and test files too. */
  everyFile?: boolean;
}

/** `dockerfile`: the file's absolute path, when it is on disk (its own `<Dockerfile>.dockerignore` is read beside it). */
export function processText(shell: ShellParser, displayPath: string, text: string, options: ProcessOptions, contextDir: string | null, dockerfile: string | null = null): FileResult {
  try {
    const result = runTransformsWith(shell, text, {
      transforms: options.transforms,
      filename: displayPath,
      context: contextDir ? folderContext(contextDir, dockerfile) : null,
      options: options.options,
      level: options.level ?? 'safe',
      everyFile: options.everyFile ?? false,
    });
    // A plugin that throws is the project's code failing: the file is an error (exit 2) and is not written.
    const warnings = options.known ? unknownSuppressions(displayPath, text, options.known) : [];
    if (options.reportUnused) warnings.push(...result.unusedSuppressions.map((u) => unusedWarning(displayPath, u)));
    const failed = result.failures.find((f) => !isBuiltin(f.transform));
    if (failed) {
      const message = `plugin transform '${failed.transform}' failed, file left untouched: ${failed.message}`;
      const notes = result.notes.filter((n) => !(n.id === TRANSFORM_FAILED && n.transform === failed.transform));
      return { path: displayPath, status: 'error', error: { line: null, message }, changes: [], notes, ...(warnings.length ? { warnings } : {}) };
    }
    return {
      path: displayPath,
      status: result.changed ? 'changed' : 'unchanged',
      changes: result.changes,
      ...(result.suggestions.length ? { suggestions: result.suggestions } : {}),
      notes: result.notes,
      input: text,
      output: result.output,
      levels: result.levels,
      ...(result.changed ? { layers: result.layers } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
  } catch (error) {
    return errorResult(displayPath, error);
  }
}

export function processFile(shell: ShellParser, file: string, options: ProcessOptions, cwd = process.cwd()): FileResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file or directory'
      : code === 'EACCES' ? 'permission denied'
      : code === 'EISDIR' ? 'is a folder'
      : `cannot be read (${code ?? (error as Error).message})`;
    return { path: file, status: 'error', error: { line: null, message }, changes: [], notes: [] };
  }
  let text: string;
  try {
    text = decodeDockerfile(bytes);
  } catch (error) {
    return errorResult(file, error);
  }
  const contextDir = options.contextDir ?? path.dirname(path.resolve(cwd, file));
  const result = processText(shell, file, text, options, contextDir, path.resolve(cwd, file));
  result.bytes = bytes;
  return result;
}

function errorResult(file: string, error: unknown): FileResult {
  if (error instanceof InputError) {
    return { path: file, status: 'error', error: { line: error.line, message: error.message }, changes: [], notes: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { path: file, status: 'error', error: { line: null, message: `internal error, file left untouched: ${message}` }, changes: [], notes: [] };
}

export function formatError(result: FileResult): string {
  const where = result.error?.line ? `${result.path}:${result.error.line}` : result.path;
  return `${where}: ${result.error?.message ?? 'unknown error'}`;
}

/** `Dockerfile:3: unused dfmod-ignore merge-runs: no change or note of merge-runs was kept off the instruction below it`. */
function unusedWarning(displayPath: string, unused: { line: number; transforms: string[] | null }): string {
  const ids = unused.transforms?.join(', ');
  return `${displayPath}:${unused.line}: unused dfmod-ignore${ids ? ` ${unused.transforms!.join(',')}` : ''}: no change or note${ids ? ` of ${ids}` : ''} was kept off the instruction below it`;
}

/** `# dfmod-ignore` ids that name no transform of the run (a typo suppresses nothing): `path:line: …` lines. */
function unknownSuppressions(displayPath: string, text: string, known: readonly string[]): string[] {
  if (!text.includes('dfmod-ignore')) return [];
  let model;
  try {
    model = parseDockerfile(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  return model.suppressions.flatMap((s) =>
    (s.transforms ?? []).filter((id) => !known.includes(id)).map((id) => `${displayPath}:${s.line}: unknown transform '${id}' in dfmod-ignore`),
  );
}
