/**
 * The text copy-deps-first writes: the manifest COPYs in place of the source
 * copy, the install hoisted (or a pre-fetch added) with the source copy after
 * it, and a system package RUN moved above the source copy. Generated lines
 * keep the instruction's keyword spelling, flags, indentation and line breaks.
 */
import path from 'node:path';
import type { Node } from '../../lib/core/shell.js';
import type { DockerfileModel, InstructionNode } from '../../lib/core/dockerfile.js';
import type { RunScript } from '../../lib/facts/index.js';
import type { Edit, Fix } from '../../lib/core/types.js';
import { startWithComments } from '../../lib/core/edits.js';
import type { Plan } from './ecosystems.js';

/** Where the install stands in its RUN: the `&&` chain element it is, and the one after it (null when it is the last). */
export interface InstallSite {
  run: RunScript;
  first: Node | null;
  second: Node | null;
}

/** Text of one instruction line: keyword as written, then the given words. */
function instructionText(node: InstructionNode, model: DockerfileModel, words: string[]): string {
  const keyword = model.source.text.slice(node.start, node.start + node.keyword.length);
  return [keyword, ...node.flags.map((f) => f.text), ...words].join(' ');
}

/** Whether an instruction has its lines to itself (so text can go before or after it on new lines). */
export function ownsLines(node: InstructionNode, model: DockerfileModel): boolean {
  const src = model.source;
  const firstLine = node.line - 1;
  const lastLine = node.endLine - 1;
  return src.text.slice(src.lineStarts[firstLine], node.start).trim() === '' && src.text.slice(node.end, src.lineEnd(lastLine)).trim() === '';
}

/** The instruction just before `node` in the file, or null for the first. */
function previous(node: InstructionNode, model: DockerfileModel): InstructionNode | null {
  const index = model.instructions.indexOf(node);
  return index > 0 ? model.instructions[index - 1] : null;
}

/**
 * Replaces the source copy by manifest copies and puts the source copy back
 * after the install (or adds the pre-fetch before it). The comment lines
 * directly above each instruction stay with it: the source copy's go where
 * it goes, the install's stay above the install. The manifest copy and its
 * install (or pre-fetch) stand together; blank lines that stood between the
 * source copy and its RUN end up after them, before the source copy, so the
 * dependencies and the source read as two groups. `inPlace` (a pre-fetch
 * past instructions that must stay after the source copy): the manifest copy
 * and the pre-fetch go above the source copy, and nothing moves.
 */
export function splitFix(copy: InstructionNode, dest: string, sources: string[], site: InstallSite, plan: Plan, model: DockerfileModel,
  gap: readonly InstructionNode[], inPlace = false): Fix | null {
  const run = site.run.node;
  if (!ownsLines(copy, model) || !ownsLines(run, model)) return null;
  const src = model.source;
  const eol = src.eol;
  const base = dest === '.' || dest === './' ? './' : dest.endsWith('/') ? dest : dest + '/';
  // COPY puts each file at <dest>/<basename>: one COPY per folder keeps the layout.
  const byDir = new Map<string, string[]>();
  for (const s of sources) {
    const dir = path.posix.dirname(s);
    byDir.set(dir, [...(byDir.get(dir) ?? []), s]);
  }
  const copies = [...byDir.entries()]
    .sort(([a], [b]) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)))
    .map(([dir, files]) => instructionText(copy, model, [...files, dir === '.' ? base : `${base}${dir}/`]));
  const indent = src.indentOf(copy.line - 1);
  const runIndent = src.indentOf(run.line - 1);
  const originalCopy = src.text.slice(copy.start, copy.end);
  // The source copy's comment lines, which move with it, and where the RUN's own comments start.
  const copyStart = startWithComments(model, copy, previous(copy, model));
  const copyComments = src.text.slice(copyStart, src.lineStarts[copy.line - 1]);
  const runStart = startWithComments(model, run, gap.length ? gap[gap.length - 1] : copy);
  const afterCopy = src.lineEndWithBreak(copy.endLine - 1);
  const movedCopy = copyComments + runIndent + originalCopy;
  const names = sources.map((s) => s.replace(/\*$/, '')).join(', ');
  const edits: Edit[] = [];
  let message: string;
  if (plan.kind === 'prefetch') {
    const prefetch = instructionText(run, model, [plan.command]);
    if (inPlace) {
      // The instructions between stay after the source copy (a `COPY --from` into the tree): only the pre-fetch is added, above it.
      edits.push({ start: copyStart, end: copyStart, text: indent + [...copies, prefetch].join(eol + indent) + eol });
    } else if (gap.length === 0) {
      // The pre-fetch goes right under the manifests; the source copy, just above the RUN and its comments.
      edits.push({ start: copyStart, end: copy.end, text: indent + [...copies, prefetch].join(eol + indent) });
      edits.push({ start: runStart, end: runStart, text: movedCopy + eol });
    } else {
      // The pre-fetch sees what the ENV, ARG or USER between sets, as the build does.
      edits.push({ start: copyStart, end: copy.end, text: indent + copies.join(eol + indent) });
      edits.push({ start: runStart, end: runStart, text: runIndent + prefetch + eol + movedCopy + eol });
    }
    message = `copy ${names} first and pre-fetch with \`${plan.command}\`, so source edits keep the download cached`;
  } else {
    edits.push({ start: copyStart, end: copy.end, text: indent + copies.join(eol + indent) });
    // Blank lines between the source copy and the install now separate the install from the source copy.
    const between = gap.length === 0 ? src.text.slice(afterCopy, runStart) : '';
    const blanks = between !== '' && between.trim() === '' ? between : '';
    if (blanks) edits.push({ start: afterCopy, end: runStart, text: '' });
    if (site.second) {
      const offsets = site.run.script.offsets;
      const start = offsets[site.first!.endIndex];
      const end = offsets[site.second.startIndex];
      const rest = instructionText(run, model, []) + ' ';
      edits.push({ start, end, text: eol + blanks + movedCopy + eol + runIndent + rest });
    } else {
      edits.push({ start: run.end, end: run.end, text: eol + blanks + movedCopy });
    }
    message = `copy ${names} first and install before \`COPY . .\`, so source edits keep \`${site.first!.text}\` cached`;
  }
  return { line: run.line, message, edits };
}

/** Moves a system package RUN (with its comment lines) from just after the COPY to just before it. */
export function hoistFix(copy: InstructionNode, run: InstructionNode, model: DockerfileModel): Fix | null {
  if (!ownsLines(copy, model) || !ownsLines(run, model)) return null;
  const src = model.source;
  const start = startWithComments(model, run, copy);
  const firstLine = src.positionAt(start).line;
  let end = src.lineEndWithBreak(run.endLine - 1);
  let moved = src.text.slice(start, end);
  let deleteStart = start;
  if (end === src.text.length && src.lineEnd(run.endLine - 1) === end) {
    // The RUN ends the file without a line break: take the one before it instead.
    moved += src.eol;
    deleteStart = src.lineEnd(firstLine - 1);
    end = src.text.length;
  }
  // Above the source copy's own comment lines, which stay with it.
  const at = startWithComments(model, copy, previous(copy, model));
  return {
    line: run.line,
    message: 'system packages installed before `COPY . .`: they read nothing from the context, so source edits keep them cached',
    edits: [{ start: at, end: at, text: moved }, { start: deleteStart, end, text: '' }],
  };
}
