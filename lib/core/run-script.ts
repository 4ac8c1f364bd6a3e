/**
 * Editing the shell script of a RUN as text, for transforms that add a flag to
 * a command or a cleanup command to a RUN (apt-cleanup, cache-cleanup), or a
 * package to an install (init-entrypoint): where a shell node is in the file,
 * edits that prepend, append or remove a command without changing when the
 * rest runs or the RUN's exit status, and one that adds a word to a list as
 * the list is laid out.
 * Reading a RUN is lib/facts' (`ctx.facts.readRun`).
 */
import type { DockerfileModel, InstructionNode, ShellScript } from './dockerfile.js';
import { andChain, bodyStatements, enclosingBodies, execInBody, hasBackgroundJob, runsOnEveryPath, topLevelStatements } from './shell.js';
import type { Node } from './shell.js';
import type { Edit, Refusal } from './types.js';

/** What the edits need of a read RUN (lib/facts' RunScript has it). */
export interface EditableRun {
  node: InstructionNode;
  script: ShellScript;
  root: Node;
}

/** Why an edit cannot be made. */
export type EditRefusal = Refusal<'no-command' | 'background-job' | 'several-statements' | 'or-list' | 'not-stopping' | 'exec-ends-script' | 'in-branch'>;

const REFUSED: Record<EditRefusal['id'], EditRefusal> = {
  'no-command': { id: 'no-command', reason: 'it has no command' },
  'background-job': { id: 'background-job', reason: 'it runs a background job (`&`)' },
  'several-statements': { id: 'several-statements', reason: 'it has several top-level commands, which would still run when the update failed' },
  'or-list': { id: 'or-list', reason: 'it uses `||`, which would run when the update failed' },
  'not-stopping': { id: 'not-stopping', reason: 'it installs where `set -e` does not stop the RUN when a command fails (a condition, a function, a pipeline or an `||` list)' },
  'exec-ends-script': { id: 'exec-ends-script', reason: 'an `exec` in a branch after it replaces the shell, so a cleanup at the end would not run when that branch does' },
  'in-branch': { id: 'in-branch', reason: 'it installs in a branch where a failed update would not fail the RUN, and an update before the branch would run (and download) on builds that skip it' },
};

/** Source offset of the first character of a shell node. */
export function sourceStart(run: EditableRun, node: Node): number {
  return run.script.offsets[node.startIndex];
}

/** Source offset just past the last character of a shell node. */
export function sourceEnd(run: EditableRun, node: Node): number {
  return run.script.offsets[node.endIndex - 1] + 1;
}

/** An argument's text with quotes removed, for paths that may hold globs (`/var/lib/apt/lists/*`). */
export function unquoted(node: Node): string {
  return node.text.replace(/["']/g, '');
}

/**
 * Where the file's RUNs put `&&` at a line break: at the end of the line
 * (`a && \`) or at the start of the next (`&& b`). The RUNs being edited
 * decide first, then the file's other RUNs; leading when nothing shows. A
 * layout question: the lines are only compared, never read as shell.
 */
export function operatorStyle(model: DockerfileModel, nodes: readonly InstructionNode[]): 'leading' | 'trailing' {
  const escape = model.escapeChar;
  const count = (runs: readonly InstructionNode[]): number => {
    let score = 0;
    for (const node of runs) {
      for (let line = node.line; line < node.endLine; line++) {
        const text = model.source.lineText(line - 1).trimEnd();
        const next = model.source.lineText(line).trimStart();
        if (text.endsWith(escape) && /(&&|\|\|)$/.test(text.slice(0, -escape.length).trimEnd())) score++;
        else if (/^(&&|\|\|)/.test(next)) score--;
      }
    }
    return score;
  };
  const own = count(nodes);
  const score = own !== 0 ? own : count(model.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN')));
  return score > 0 ? 'trailing' : 'leading';
}

/**
 * An edit that runs `command` after the script's last top-level statement,
 * when it succeeded, on a continuation line: ` \⏎    && command` (or
 * ` && \⏎    command` where the file's RUNs end their lines with `&&`). For
 * `a; b` that is `a; b && command`, for `a || b` it is `(a || b) && command`:
 * earlier statements are unaffected, and since the cleanup commands dfmod adds
 * succeed, the RUN's exit status stays the same. Inserted before a trailing
 * comment, which would otherwise swallow it.
 */
export function appendCommand(model: DockerfileModel, run: EditableRun, commands: string[]): Edit | EditRefusal {
  const statements = topLevelStatements(run.root);
  if (statements.length === 0) return REFUSED['no-command'];
  if (hasBackgroundJob(run.root)) return REFUSED['background-job'];
  const last = statements[statements.length - 1];
  const separator = errexitSeparator(model, run, statements);
  if (separator !== null) {
    const at = sourceEnd(run, last.node);
    return { start: at, end: at, text: commands.map((c) => `${separator}${c}`).join('') };
  }
  return continuedAt(model, run, sourceEnd(run, last.node), commands, lastCommandStart(run, last.node));
}

/** Where the last command of a statement's `&&` chain starts. */
function lastCommandStart(run: EditableRun, statement: Node): number {
  const chain = andChain(statement);
  return sourceStart(run, chain[chain.length - 1] ?? statement);
}

/**
 * The text between a script's last two statements, when it is a `set -e`
 * script of `;` statements (`set -eux ; \⏎    apk update ; \⏎    …`) whose
 * last statement is a simple command: a command appended to it takes the
 * same separator, which under errexit stops at a failure as `&&` does (after
 * an `&&` list it would not: errexit ignores failures left of `&&`). Null
 * for any other script.
 */
function errexitSeparator(model: DockerfileModel, run: EditableRun, statements: { node: Node; separator: string | null }[]): string | null {
  if (statements.length < 3) return null;
  const first = statements[0].node;
  const words = first.type === 'command' ? first.namedChildren.map((n) => n?.text ?? '') : [];
  if (words[0] !== 'set' || !words.slice(1).some((w) => /^-[a-z]*e[a-z]*$/.test(w))) return null;
  if (!statements.slice(0, -1).every((s) => s.separator === ';')) return null;
  // Errexit ignores a failure left of `&&`: a last statement that is a list (`wget … && sha256sum -c`) fails the RUN only as its last.
  if (statements[statements.length - 1].node.type !== 'command') return null;
  const previous = statements[statements.length - 2].node;
  const text = model.source.text.slice(sourceEnd(run, previous), sourceStart(run, statements[statements.length - 1].node));
  return /^[ \t]*;[ \t]*(\\\r?\n[ \t]*)?$/.test(text) ? text : null;
}

/**
 * `&& command` for each command at `at`, each on a continuation line of its
 * own, laid out as the RUN writes its chains: indented as the line where the
 * command it follows starts (`from`), not as a package list's last line.
 */
function continuedAt(model: DockerfileModel, run: EditableRun, at: number, commands: string[], from: number = at): Edit {
  const src = model.source;
  const line = src.positionAt(at).line;
  const head = src.positionAt(from).line;
  const indent = head + 1 > run.node.line ? src.indentOf(head) : '    ';
  const escape = model.escapeChar;
  // The joint right above the line that ends the script decides, where the RUN writes both styles; else the RUN's (and the file's) majority.
  const here = src.lineText(line).trimStart();
  const above = line + 1 > run.node.line ? src.lineText(line - 1).trimEnd() : '';
  const local = /^(&&|\|\|)\s/.test(here) ? 'leading'
    : above.endsWith(escape) && /(&&|\|\|)$/.test(above.slice(0, -escape.length).trimEnd()) ? 'trailing' : null;
  const trailing = (local ?? operatorStyle(model, [run.node])) === 'trailing';
  const text = commands.map((c) => (trailing ? ` && ${escape}${src.eol}${indent}${c}` : ` ${escape}${src.eol}${indent}&& ${c}`)).join('');
  return { start: at, end: at, text };
}

/** A body of the script (shell.ts bodyStatements) and the commands in it that a cleanup appended there is for. */
export interface Placement {
  body: Node;
  targets: Node[];
}

/**
 * Where a cleanup of what `targets` leave behind goes (an install's cache,
 * the lists an update downloads): at the end of the innermost body that holds
 * them all (an if or else branch, a case item, a group, a loop body, else the
 * script), so that it runs when they may have run and not when the branch
 * holding them is skipped. A cleanup that runs the program (`npm cache
 * clean`) must not run where the program may be missing: when no target
 * runs in that body itself, each in a branch of its own, each branch gets
 * its own cleanup, and so on down. An `rm` of a path is safe anywhere after
 * the targets, so one after the compound is enough. Targets in source order.
 */
export function cleanupPlacements(targets: readonly Node[], needsProgram: boolean): Placement[] {
  if (targets.length === 0) return [];
  const chains = targets.map((t) => enclosingBodies(t).map((b) => b.body).reverse());
  let depth = 1;
  while (chains.every((c) => c.length > depth && c[depth].id === chains[0][depth].id)) depth++;
  const common = chains[0][depth - 1];
  if (!needsProgram || chains.some((c) => c.length === depth)) return [{ body: common, targets: [...targets] }];
  const groups = new Map<number, Node[]>();
  targets.forEach((t, i) => {
    const branch = chains[i][depth].id;
    groups.set(branch, [...(groups.get(branch) ?? []), t]);
  });
  return [...groups.values()].flatMap((group) => cleanupPlacements(group, true));
}

/**
 * An edit that runs `commands` at the end of a body, after its last
 * statement when it succeeded (`…; then install && cleanup; fi`): on the
 * same line where the compound holding the body is written on one line,
 * else on continuation lines as appendCommand writes them. The script's own
 * body is appendCommand's. Where an `exec` after `after` (the last command
 * the cleanup is for) replaces the shell, nothing at the end would run: the
 * commands go right before the exec (`install && cleanup && exec bash`), or,
 * when the exec is in a branch, nowhere.
 */
export function appendInBody(model: DockerfileModel, run: EditableRun, body: Node, commands: string[], after: Node | null = null): Edit | EditRefusal {
  const exec = execInBody(body, after);
  if (exec && hasBackgroundJob(run.root)) return REFUSED['background-job'];
  if (exec && !exec.element) return REFUSED['exec-ends-script'];
  if (exec) {
    const at = sourceStart(run, exec.node);
    return { start: at, end: at, text: `${commands.join(' && ')} && ` };
  }
  if (body.type === 'program') return appendCommand(model, run, commands);
  if (hasBackgroundJob(run.root)) return REFUSED['background-job'];
  const statements = bodyStatements(body) ?? [];
  const last = statements[statements.length - 1];
  if (!last) return REFUSED['no-command'];
  const at = sourceEnd(run, last);
  const compound = ['elif_clause', 'else_clause', 'case_item', 'do_group'].includes(body.type) ? body.parent! : body;
  const src = model.source;
  if (src.positionAt(sourceStart(run, compound)).line === src.positionAt(sourceEnd(run, compound)).line) {
    return { start: at, end: at, text: commands.map((c) => ` && ${c}`).join('') };
  }
  return continuedAt(model, run, at, commands, lastCommandStart(run, last));
}

/**
 * Whether a failure of `node` fails the whole script: it is not the left
 * side of a `||`, nor a pipeline's command whose status is dropped, nor in a
 * condition or a loop, and every body it is in ends with it; the script is
 * one statement (as for prependCommand).
 */
function failureFailsScript(node: Node): boolean {
  let cur = node;
  for (let parent = cur.parent; parent; cur = parent, parent = parent.parent) {
    const type = parent.type;
    if (type === 'program') return (bodyStatements(parent) ?? []).length === 1;
    if (type === 'list') {
      const operator = parent.children.find((c) => !c.isNamed)?.type;
      if (parent.namedChildren[0]?.id === cur.id && operator !== '&&') return false;
    } else if (type === 'pipeline') {
      if (parent.namedChildren[parent.namedChildren.length - 1]?.id !== cur.id) return false;
    } else if (type === 'redirected_statement') {
      if (cur.fieldName !== 'body') return false;
    } else if ((type === 'if_statement' && (cur.type === 'elif_clause' || cur.type === 'else_clause')) || (type === 'case_statement' && cur.type === 'case_item')) {
      continue;
    } else {
      const statements = bodyStatements(parent);
      if (!statements || type === 'do_group' || statements[statements.length - 1]?.id !== cur.id) return false;
    }
  }
  return false;
}

/**
 * An edit that runs `command` (an `apt-get update`) right before the first
 * of `uses` (the commands it serves), in the innermost body holding them all
 * but outside loops, which would run it once per pass: `if …; then update &&
 * install; fi` runs no update when the branch is skipped. When they are all
 * in the script's own body, or the command cannot go there so that its
 * failure fails the RUN, it goes first in the script (prependCommand).
 */
export function prependBeforeUses(run: EditableRun, uses: readonly Node[], command: string): Edit | EditRefusal {
  const [placement] = cleanupPlacements(uses, false);
  let body = placement?.body ?? run.root;
  while (body.type === 'do_group') body = enclosingBodies(body)[0]?.body ?? run.root;
  if (body.type === 'program' || hasBackgroundJob(run.root)) return prependCommand(run, command);
  const first = uses[0];
  const statement = enclosingBodies(first).find((b) => b.body.id === body.id)?.statement;
  const element = statement && andChain(statement).find((n) => n.startIndex <= first.startIndex && first.endIndex <= n.endIndex);
  // Not before the branch: an update there would run, and leave its lists, on every build that skips the install.
  if (!element || element.type === 'list' || !failureFailsScript(element)) return runsOnEveryPath(first) ? prependCommand(run, command) : REFUSED['in-branch'];
  const at = sourceStart(run, element);
  return { start: at, end: at, text: `${command} && ` };
}

/**
 * An edit that runs `command` first, so that when it fails nothing else runs
 * and the RUN fails: `command && script`. Refused when the script has several
 * top-level statements or a top-level `||`, which would run even then.
 */
export function prependCommand(run: EditableRun, command: string): Edit | EditRefusal {
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return REFUSED['several-statements'];
  if (hasBackgroundJob(run.root)) return REFUSED['background-job'];
  if (andChain(statements[0].node).some((n) => n.type === 'list')) return REFUSED['or-list'];
  const at = sourceStart(run, statements[0].node);
  return { start: at, end: at, text: `${command} && ` };
}

/** Nodes whose statements errexit (`set -e`) stops at the first failure of: a script, a then or else branch, a loop body, a group. */
const ERREXIT_BODIES = new Set(['program', 'if_statement', 'elif_clause', 'else_clause', 'do_group', 'compound_statement', 'subshell', 'case_item']);

/**
 * Edits that run `command` as a statement of its own just before each of
 * `commands`, in a script where errexit is in effect (`set -e`): `command; `
 * in front of the statement each is (or heads, as the first of an `&&`
 * chain), so that a failure of `command` stops the script before it runs.
 * Refused when one is where errexit does not stop the script: in a
 * condition, an `||` list, a pipeline, a function (which may be called from
 * a condition), behind a `!`.
 */
export function insertBeforeStatements(run: EditableRun, commands: readonly Node[], command: string): Edit[] | EditRefusal {
  const edits: Edit[] = [];
  const seen = new Set<number>();
  for (const target of commands) {
    let statement = target;
    while (statement.parent && statement.parent.type === 'list' && statement.parent.namedChildren[0]?.id === statement.id &&
      andChain(statement.parent).length > 1 && statement.parent.children.some((c) => c && c.type === '&&')) statement = statement.parent;
    if (statement.parent?.type === 'redirected_statement') return REFUSED['not-stopping'];
    const parent = statement.parent;
    if (!parent || !ERREXIT_BODIES.has(parent.type) || statement.fieldName === 'condition' || statement.fieldName === 'value') return REFUSED['not-stopping'];
    for (let p: Node | null = parent; p; p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'pipeline' || p.type === 'negated_command' || p.type === 'command_substitution' ||
        p.fieldName === 'condition' || p.type === 'list') return REFUSED['not-stopping'];
    }
    if (seen.has(statement.id)) continue;
    seen.add(statement.id);
    const at = sourceStart(run, statement);
    edits.push({ start: at, end: at, text: `${command}; ` });
  }
  return edits.length ? edits : REFUSED['no-command'];
}

/**
 * An edit removing `command` from the top-level `&&` chain it is an element
 * of, with its `&&` and continuation; null when it is not one, or when the
 * removed text would take a comment line with it.
 */
export function removeChainElement(model: DockerfileModel, run: EditableRun, command: Node): Edit | null {
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

/** A word of a command's list (a package list), as insertListWord reads it. */
export interface ListItem {
  node: Node;
  /** The shell computes the word (`$EXTRA_PKGS`): it may expand to nothing, several words or flags. */
  computed: boolean;
}

/**
 * An edit adding `word` to a list of words of one command (the packages of an
 * install), laid out as the list is:
 *
 * - written one item per line (`bash \⏎    curl`): a line of its own, with the
 *   indentation and continuation of its neighbours; at its place in the order
 *   when the list is sorted, or nearly (by `key` of each item's unquoted
 *   text: after the last item that sorts before it), else after the last item;
 * - otherwise ` word` on the line of the item it follows.
 *
 * "The last item" is the last literal one: a computed item after it stays
 * last, and so do flags written after the list (`foo bar --no-install-recommends`).
 * With no literal item the word goes in front of the first computed one. A
 * list with a comment line among its lines is not reordered (the comment may
 * head the items below it): the word goes after the last item.
 */
export function insertListWord(model: DockerfileModel, run: EditableRun, items: readonly ListItem[], word: string, key: (text: string) => string = (t) => t): Edit {
  if (!items.length) throw new Error('insertListWord: an empty list');
  const src = model.source;
  const escape = model.escapeChar;
  const spans = items.map((item) => {
    const start = sourceStart(run, item.node);
    const end = sourceEnd(run, item.node);
    const line = src.positionAt(start).line;
    const before = src.text.slice(src.lineStarts[line], start);
    return { ...item, start, end, line, ownLine: /^[ \t]*$/.test(before) ? before : null };
  });
  const lines = new Set(spans.map((s) => s.line));
  const onePerLine = lines.size === spans.length && spans.every((s) => src.positionAt(s.end - 1).line === s.line) &&
    (spans.length > 1 || spans[0].ownLine !== null);
  const literal = spans.filter((s) => !s.computed);
  const last = literal[literal.length - 1] ?? null;
  if (!onePerLine) {
    return last ? { start: last.end, end: last.end, text: ` ${word}` } : { start: spans[0].start, end: spans[0].start, text: `${word} ` };
  }
  // The list's layout: the indentation of an item on a line of its own, the blanks before a continuation.
  const indentNear = (i: number): string => {
    for (let d = 0; d < spans.length; d++) {
      const found = spans[i + d]?.ownLine ?? spans[i - d]?.ownLine;
      if (found !== undefined && found !== null) return found;
    }
    return '    ';
  };
  let sep = ' ';
  for (const s of spans) {
    const after = /^([ \t]*)(.?)/.exec(src.text.slice(s.end, src.lineEnd(s.line)))!;
    if (after[2] === escape && src.text.slice(s.end + after[0].length, src.lineEnd(s.line)).trim() === '') {
      sep = after[1] || ' ';
      break;
    }
  }
  const eol = src.eol;
  const commented = [...Array(spans[spans.length - 1].line - spans[0].line).keys()].some((d) => /^\s*#/.test(src.lineText(spans[0].line + d + 1)));
  const keys = literal.map((s) => key(unquoted(s.node)).toLowerCase());
  // Sorted, or nearly (a reviewer reads `python3-pip` before `python3-phonenumbers` as a slip, not as another order): the
  // word goes after the last item that sorts before it.
  const inOrder = keys.filter((k, i) => i > 0 && keys[i - 1] <= k).length;
  const sorted = literal.length > 1 && !commented && (inOrder === keys.length - 1 || (keys.length >= 6 && keys.length - 1 - inOrder <= Math.max(1, Math.floor((keys.length - 1) / 10))));
  const own = key(word).toLowerCase();
  let before = -1;
  if (sorted) for (const [i, k] of keys.entries()) if (k <= own) before = i;
  const next = sorted ? literal[before + 1] : undefined;
  const target = next ?? (last ? null : spans[0]);
  if (target) {
    const i = spans.indexOf(target);
    if (target.ownLine !== null) {
      const at = src.lineStarts[target.line];
      return { start: at, end: at, text: `${target.ownLine}${word}${sep}${escape}${eol}` };
    }
    return { start: target.start, end: target.start, text: `${word}${sep}${escape}${eol}${indentNear(i + 1)}` };
  }
  return { start: last!.end, end: last!.end, text: `${sep}${escape}${eol}${indentNear(spans.indexOf(last!))}${word}` };
}
