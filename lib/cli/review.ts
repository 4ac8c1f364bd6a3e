/**
 * Review changes as the CLI shows them: the "review suggestion" part of a
 * dry run (a second diff, on top of the safe one, with what to check), the
 * check each review transform asks for, and whether a file fails --check.
 */
import { unifiedDiff } from './diff.js';
import type { Change, Level, Transform } from '../core/types.js';
import type { FileResult } from './process.js';

/** What a person must check for each review transform among `changes`, by transform id. */
export function reviewChecks(changes: readonly Change[], available: readonly Transform[]): Map<string, string> {
  const checks = new Map<string, string>();
  for (const change of changes) {
    const check = available.find((t) => t.id === change.transform)?.reviewCheck;
    if (check && change.level === 'review') checks.set(change.transform, check);
  }
  return checks;
}

/** The review changes of a result: written ones (at level review, or kept by --verify), else the suggestions. */
export function reviewPart(result: FileResult): { changes: Change[]; written: boolean } {
  const written = result.changes.filter((c) => c.level === 'review');
  return written.length ? { changes: written, written: true } : { changes: result.suggestions ?? [], written: false };
}

/** Whether `result` makes --check fail: a change its level writes, or, with --fail-on review, a review suggestion too. */
export function failsCheck(result: FileResult, failOn: Level): boolean {
  return result.status === 'changed' || (failOn === 'review' && (result.suggestions?.length ?? 0) > 0);
}

/**
 * The dry run's review part: a comment block naming each review change, its
 * reason and what to check, then the diff from the safe text to the text
 * with the review changes. `#` lines between patches are skipped by patch
 * tools, so the output still applies.
 */
export function reviewBlock(path: string, result: FileResult, available: readonly Transform[], options: { color: boolean; explain: boolean; verified: boolean }): string {
  const { changes, written } = reviewPart(result);
  const from = result.levels?.safe;
  const to = written ? result.output : result.levels?.review;
  if (!changes.length || from === undefined || to === undefined || from === to) return '';
  const checks = reviewChecks(changes, available);
  const rationale = new Map(available.map((t) => [t.id, t.rationale]));
  const head = written
    ? options.verified ? '# review changes, written: the rebuilt image passed --verify; still check:' : '# review changes, written at --level review; check:'
    : '# review suggestion, not written (--level review writes it; --verify writes what passes a rebuild):';
  const out = [head];
  const said = new Set<string>();
  for (const change of changes) {
    out.push(`#   ${change.transform} (line ${change.line}): ${change.message}`);
    if (said.has(change.transform)) continue;
    said.add(change.transform);
    if (options.explain && rationale.get(change.transform)) out.push(`#     why: ${rationale.get(change.transform)}`);
    if (checks.get(change.transform)) out.push(`#     check: ${checks.get(change.transform)}`);
  }
  return out.join('\n') + '\n' + unifiedDiff(path, from, to, { color: options.color });
}
