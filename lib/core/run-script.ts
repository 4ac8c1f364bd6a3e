/**
 * Editing the shell script of a RUN as text, for transforms that add a flag to
 * a command or a cleanup command to a RUN (apt-cleanup, cache-cleanup):
 * parsing a RUN (or the reason not to touch it), the words of a command past
 * wrappers like `sudo`, and edits that prepend, append or remove a command
 * without changing when the rest runs or the RUN's exit status.
 */
import type { DockerfileModel, InstructionNode, ShellScript, Stage } from './dockerfile.js';
import { andChain, hasBackgroundJob, topLevelStatements } from './shell.js';
import type { Node, ShellParser } from './shell.js';
import { fileFacts } from '../facts/index.js';
import type { Mount } from '../facts/run.js';
import type { Edit } from './types.js';

export interface RunScript {
  node: InstructionNode;
  script: ShellScript;
  root: Node;
}

/** The parsed shell of a RUN, or why a transform must not edit it (lib/facts' readRun, in the older shape). */
export function parseRun(model: DockerfileModel, shell: ShellParser, node: InstructionNode): RunScript | { reason: string } {
  const read = fileFacts(model, shell).readRun(node);
  return read.kind === 'script' ? read : { reason: read.refusal.message };
}

/** Source offset of the first character of a shell node. */
export function sourceStart(run: RunScript, node: Node): number {
  return run.script.offsets[node.startIndex];
}

/** Source offset just past the last character of a shell node. */
export function sourceEnd(run: RunScript, node: Node): number {
  return run.script.offsets[node.endIndex - 1] + 1;
}

export { commandWords, programName, type CommandWords } from '../facts/commands.js';

/** An argument's text with quotes removed, for paths that may hold globs (`/var/lib/apt/lists/*`). */
export function unquoted(node: Node): string {
  return node.text.replace(/["']/g, '');
}

/**
 * An edit that runs `command` after the script's last top-level statement,
 * when it succeeded, on a continuation line: ` \⏎    && command`. For
 * `a; b` that is `a; b && command`, for `a || b` it is `(a || b) && command`:
 * earlier statements are unaffected, and since the cleanup commands dfmod adds
 * succeed, the RUN's exit status stays the same. Inserted before a trailing
 * comment, which would otherwise swallow it.
 */
export function appendCommand(model: DockerfileModel, run: RunScript, commands: string[]): Edit | { reason: string } {
  const statements = topLevelStatements(run.root);
  if (statements.length === 0) return { reason: 'it has no command' };
  if (hasBackgroundJob(run.root)) return { reason: 'it runs a background job (`&`)' };
  const last = statements[statements.length - 1];
  const at = sourceEnd(run, last.node);
  const src = model.source;
  const line = src.positionAt(at).line;
  const indent = line + 1 > run.node.line ? src.indentOf(line) : '    ';
  const escape = model.escapeChar;
  const text = commands.map((c) => ` ${escape}${src.eol}${indent}&& ${c}`).join('');
  return { start: at, end: at, text };
}

/**
 * An edit that runs `command` first, so that when it fails nothing else runs
 * and the RUN fails: `command && script`. Refused when the script has several
 * top-level statements or a top-level `||`, which would run even then.
 */
export function prependCommand(run: RunScript, command: string): Edit | { reason: string } {
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return { reason: 'it has several top-level commands, which would still run when the update failed' };
  if (hasBackgroundJob(run.root)) return { reason: 'it runs a background job (`&`)' };
  if (andChain(statements[0].node).some((n) => n.type === 'list')) {
    return { reason: 'it uses `||`, which would run when the update failed' };
  }
  const at = sourceStart(run, statements[0].node);
  return { start: at, end: at, text: `${command} && ` };
}

/**
 * An edit removing `command` from the top-level `&&` chain it is an element
 * of, with its `&&` and continuation; null when it is not one, or when the
 * removed text would take a comment line with it.
 */
export function removeChainElement(model: DockerfileModel, run: RunScript, command: Node): Edit | null {
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return null;
  const chain = andChain(statements[0].node);
  const i = chain.findIndex((n) => n.id === command.id);
  if (i < 0 || chain.length < 2) return null;
  const start = i === chain.length - 1 ? sourceEnd(run, chain[i - 1]) : sourceStart(run, chain[i]);
  const end = i === chain.length - 1 ? sourceEnd(run, chain[i]) : sourceStart(run, chain[i + 1]);
  if (/(^|[\r\n])[ \t]*#/.test(model.source.text.slice(start, end))) return null;
  return { start, end, text: '' };
}

/** An edit deleting a whole instruction, its lines and their line breaks. */
export function deleteInstruction(model: DockerfileModel, node: InstructionNode): Edit {
  const src = model.source;
  return { start: src.lineStarts[node.line - 1], end: src.lineEndWithBreak(node.endLine - 1), text: '' };
}

export { mounts, type Mount } from '../facts/run.js';

/** Whether a mount's target holds `path` or lies inside it (then files there are not in the layer). */
export function mountCovers(mount: Mount, path: string): boolean {
  const target = mount.target.replace(/\/+$/, '') || '/';
  const dir = path.replace(/\/+$/, '');
  return dir === target || dir.startsWith(target === '/' ? '/' : target + '/') || target.startsWith(dir + '/');
}

/**
 * The RUN instructions that come after `node` and see the files it leaves:
 * the rest of its stage, then, as separate branches, the stages built FROM
 * it (directly or through other stages).
 */
export function laterBranches(model: DockerfileModel, node: InstructionNode): InstructionNode[][] {
  const stage = node.stage;
  if (!stage) return [];
  const branches = [stage.instructions.filter((i) => i.index > node.index)];
  for (const other of model.stages) {
    if (other === stage) continue;
    for (let parent: Stage | null = other.parent; parent; parent = parent.parent) {
      if (parent === stage) {
        branches.push(other.instructions.slice(1));
        break;
      }
    }
  }
  return branches.map((b) => b.filter((i) => i.keyword === 'RUN'));
}
