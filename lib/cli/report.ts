/**
 * What a run tells people at the end: the summary line, the Markdown report
 * for a pull-request description (--report FILE.md), the figures --json
 * gives, and a progress line on a terminal during long runs.
 */
import { parseDockerfile } from '../core/dockerfile.js';
import { splitBom } from '../core/source.js';
import type { FileResult } from './process.js';
import type { Transform } from '../core/types.js';

/** The final stage's layer instructions (RUN, COPY, ADD) of a text; null when it does not parse. */
export function layerCount(text: string): number | null {
  try {
    return parseDockerfile(splitBom(text).body).finalStageLayers;
  } catch {
    return null;
  }
}

export interface RunSummary {
  files: number;
  changed: number;
  unchanged: number;
  errors: number;
  /** Fixes applied, per transform id, in first-seen order. */
  transforms: Record<string, number>;
  /** Final-stage RUN/COPY/ADD instructions before minus after, over changed files. */
  layersSaved: number;
  /** Files with review suggestions not written, and the suggestions per transform id. */
  suggested: number;
  suggestions: Record<string, number>;
}

/** `missing`: paths named on the command line that matched nothing (errors too). */
export function summarize(results: readonly FileResult[], missing = 0): RunSummary {
  const summary: RunSummary = { files: results.length, changed: 0, unchanged: 0, errors: missing, transforms: {}, layersSaved: 0, suggested: 0, suggestions: {} };
  for (const r of results) {
    if (r.status === 'changed') summary.changed++;
    else if (r.status === 'unchanged') summary.unchanged++;
    else summary.errors++;
    for (const c of r.changes) summary.transforms[c.transform] = (summary.transforms[c.transform] ?? 0) + 1;
    if (r.status === 'changed' && r.layers) summary.layersSaved += r.layers.before - r.layers.after;
    if (r.status !== 'error' && r.suggestions?.length) {
      summary.suggested++;
      for (const c of r.suggestions) summary.suggestions[c.transform] = (summary.suggestions[c.transform] ?? 0) + 1;
    }
  }
  return summary;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `dfmod: 12 files, 3 would change, 9 unchanged, 0 errors (merge-runs 4); 5 layers saved` */
export function summaryLine(s: RunSummary, mode: { write: boolean; check: boolean }): string {
  const perTransform = Object.entries(s.transforms).map(([id, n]) => `${id} ${n}`).join(', ');
  const verb = mode.write ? 'changed' : 'would change';
  const layers = s.layersSaved > 0 ? `; ${plural(s.layersSaved, 'layer')} ${mode.write ? 'saved' : 'would be saved'}` : '';
  return `dfmod: ${plural(s.files, 'file')}, ${s.changed} ${verb}, ${s.unchanged} unchanged, ${plural(s.errors, 'error')}` +
    (perTransform ? ` (${perTransform})` : '') +
    layers +
    (s.suggested ? `; ${s.suggested} with review suggestions, not written (${Object.entries(s.suggestions).map(([id, n]) => `${id} ${n}`).join(', ')}): --level review writes them` : '') +
    (!mode.write && !mode.check && s.changed ? '; run with --write to apply' : '');
}

/** One row of the report: what the file needs once its texts are gone. */
export interface ReportRow {
  path: string;
  status: FileResult['status'];
  transforms: string[];
  layers: { before: number; after: number } | null;
  notes: string[];
  error: string | null;
  /** Review suggestions not written, with what to check. */
  review: { transform: string; line: number; message: string; check: string | null }[];
}

export function reportRow(result: FileResult, available: readonly Transform[] = []): ReportRow {
  return {
    review: (result.suggestions ?? []).map((c) => ({ transform: c.transform, line: c.line, message: c.message, check: available.find((t) => t.id === c.transform)?.reviewCheck ?? null })),
    path: result.path,
    status: result.status,
    transforms: [...new Set(result.changes.map((c) => c.transform))],
    layers: result.layers ?? null,
    notes: result.notes.map((n) => `line ${n.line}: ${n.message} (${n.transform})`),
    error: result.error ? (result.error.line ? `line ${result.error.line}: ` : '') + result.error.message : null,
  };
}

/** Markdown cell text: no line breaks, no unescaped pipes. */
function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'");
}

const MAX_NOTES = 3;

/**
 * A Markdown report for a pull-request description: a table of the files
 * that changed (and of those that could not be processed), then the totals.
 */
export function markdownReport(rows: readonly ReportRow[], s: RunSummary, mode: { write: boolean }): string {
  const out: string[] = ['## dfmod', ''];
  const changed = rows.filter((r) => r.status === 'changed');
  const failed = rows.filter((r) => r.status === 'error');
  const verb = mode.write ? 'changed' : 'would change';
  out.push(`${plural(s.files, 'Dockerfile')} scanned: ${s.changed} ${verb}, ${s.unchanged} unchanged, ${plural(s.errors, 'error')}.` +
    (s.layersSaved > 0 ? ` Final-stage layers: ${s.layersSaved} fewer.` : ''), '');
  if (changed.length) {
    out.push('| File | Transforms applied | Layers (before → after) | Notes |', '| --- | --- | --- | --- |');
    for (const r of changed) {
      const layers = r.layers ? `${r.layers.before} → ${r.layers.after}` : '';
      const notes = r.notes.slice(0, MAX_NOTES).map(cell).join('<br>') + (r.notes.length > MAX_NOTES ? `<br>… ${r.notes.length - MAX_NOTES} more` : '');
      out.push(`| \`${cell(r.path)}\` | ${r.transforms.map((t) => `\`${t}\``).join(', ')} | ${layers} | ${notes} |`);
    }
    out.push('');
  }
  const review = rows.filter((r) => r.status !== 'error' && r.review.length);
  if (review.length) {
    out.push('Review suggestions, not written (`--level review` writes them; check each first):', '', '| File | Line | Transform | Suggestion | What to check |', '| --- | ---: | --- | --- | --- |');
    for (const r of review) for (const s of r.review) out.push(`| \`${cell(r.path)}\` | ${s.line} | \`${s.transform}\` | ${cell(s.message)} | ${cell(s.check ?? '')} |`);
    out.push('');
  }
  if (failed.length) {
    out.push('Left untouched because they could not be processed:', '', '| File | Error |', '| --- | --- |');
    for (const r of failed) out.push(`| \`${cell(r.path)}\` | ${cell(r.error ?? '')} |`);
    out.push('');
  }
  const perTransform = Object.entries(s.transforms);
  if (perTransform.length) {
    out.push('| Transform | Fixes |', '| --- | ---: |');
    for (const [id, n] of perTransform) out.push(`| \`${id}\` | ${n} |`);
    out.push('');
  }
  return out.join('\n');
}

/** Whether a run shows progress: on a terminal's stderr, not with --quiet, not on a `dumb` terminal. */
export function wantsProgress(stderr: NodeJS.WriteStream, quiet: boolean, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stderr.isTTY) && !quiet && env.TERM !== 'dumb';
}

/** `1m 05s`, `12s`: a remaining time, rounded up to the second. */
function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

const CLEAR_LINE = '\r\u001b[K';

/**
 * A progress bar on a terminal's stderr during long runs:
 * `dfmod [████████░░░░░░░░]  50% 5000/10000 files, 120 changed, 0 errors, ETA 12s`.
 * It appears once a run has lasted half a second (short runs print nothing)
 * and is redrawn at most ten times a second. Whatever else the run prints
 * goes through `wrap`ped streams: the bar's line is cleared, the text
 * printed, and the bar drawn again under it, so notes and diffs are never
 * written over it or into it.
 */
export class Progress {
  private done = 0;
  private changed = 0;
  private errors = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** The bar's text for the counts so far, fitted to the terminal's width. */
  line(): string {
    const fraction = this.total ? this.done / this.total : 1;
    const percent = `${String(Math.floor(fraction * 100)).padStart(3)}%`;
    const elapsed = this.now() - this.started;
    const eta = this.done && this.done < this.total ? `, ETA ${duration((elapsed / this.done) * (this.total - this.done))}` : '';
    const counts = `${this.done}/${this.total} files, ${this.changed} changed, ${plural(this.errors, 'error')}${eta}`;
    const columns = this.stream.columns || 80;
    // The bar takes what the words leave, between 10 and 30 cells; on a narrow terminal, the words alone.
    const room = columns - 1 - `dfmod [] ${percent} ${counts}`.length;
    const width = Math.min(30, room);
    if (width < 10) return `dfmod: ${percent.trim()} ${counts}`.slice(0, columns - 1);
    const filled = Math.round(fraction * width);
    return `dfmod [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent} ${counts}`;
  }

  /** Erases the bar, for good or until the next tick. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR_LINE);
    this.shown = false;
  }

  /** Counts a processed file and redraws the bar when it is time to. */
  tick(result: FileResult): void {
    this.done++;
    if (result.status === 'changed') this.changed++;
    if (result.status === 'error') this.errors++;
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.started < 500 || now - this.lastDraw < 100) return;
    this.draw(now);
  }

  /**
   * A stream that prints beside the bar: each write clears the bar's line
   * first and, once a line is complete, draws the bar again below it.
   */
  wrap(target: NodeJS.WriteStream): NodeJS.WriteStream {
    if (!this.enabled) return target;
    const write = (text: string | Uint8Array): boolean => {
      const wasShown = this.shown;
      this.clear();
      const written = target.write(text);
      const endsLine = typeof text === 'string' ? text.endsWith('\n') : text[text.length - 1] === 0x0a;
      if (wasShown && endsLine) this.draw(this.now(), '');
      return written;
    };
    return new Proxy(target, {
      get: (object, key) => {
        if (key === 'write') return write;
        const value: unknown = Reflect.get(object, key, object);
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
  }

  /** `prefix`: how to get to an empty line first (none needed right after a cleared line ends). */
  private draw(now: number, prefix = CLEAR_LINE): void {
    this.lastDraw = now;
    this.stream.write(prefix + this.line());
    this.shown = true;
  }
}
