/**
 * --explain: a diff in which each hunk is preceded by the changes it holds,
 * their reasons, and the best practice each transform follows.
 */
import { structuredPatch } from 'diff';
import type { Change, Transform } from '../core/types.js';

export function explainedDiff(path: string, before: string, after: string, changes: Change[], transforms: readonly Transform[]): string {
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 3 });
  const rationale = new Map(transforms.map((t) => [t.id, t.rationale]));
  const pending = [...changes];
  const out: string[] = [`--- a/${path}`, `+++ b/${path}`];
  const explain = (list: Change[]) => {
    const seen = new Set<string>();
    for (const change of list) {
      out.push(`# ${change.transform} (line ${change.line}): ${change.message}`);
      if (!seen.has(change.transform) && rationale.get(change.transform)) {
        out.push(`#   why: ${rationale.get(change.transform)}`);
        seen.add(change.transform);
      }
    }
  };
  patch.hunks.forEach((hunk, index) => {
    const last = index === patch.hunks.length - 1;
    // Changes are located by the line they were made at; later passes may shift lines, so
    // whatever no hunk claims is shown with the last one.
    const mine = pending.filter((c) => last || (c.line >= hunk.oldStart && c.line < hunk.oldStart + Math.max(hunk.oldLines, 1)));
    for (const c of mine) pending.splice(pending.indexOf(c), 1);
    explain(mine);
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines);
  });
  return out.join('\n') + '\n';
}
