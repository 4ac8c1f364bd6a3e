/**
 * How `docker stop`'s SIGTERM, sent by an init to the process it starts,
 * reaches the application. Not at all through a shell that waits for its
 * command (dash, Debian's /bin/sh, forks even the one command of `sh -c`):
 * the shell dies at the signal, the init exits with its child, and the app is
 * killed before its own handler runs. Nor reliably through npm or yarn, which
 * exit at SIGTERM without waiting for the script they started. Measured with
 * tini on node:20-slim: `tini -- sh -c 'node app.js'` never ran the app's
 * handler, `tini -g -- sh -c …` (the whole process group signalled) and
 * `tini -g -- npm start` only sometimes; `sh -c 'exec node app.js'` and a
 * script ending `exec "$@"` always.
 *
 * The answer is the path from the argv Docker runs to the app: each step a
 * pass-through entrypoint (which ends `exec "$@"`), a shell running a script,
 * a package-manager script runner, or the app itself. A script that traps
 * SIGTERM, stops its app and waits handles the signal itself (trapsTerm):
 * the init forwards it there, and must not signal the whole group. An
 * entrypoint script of the build context is judged on every path through it
 * (scriptEnding): `case "$1" in a) exec x ;; *) exec "$@" ;; esac` execs on
 * each, and the `exit 1` after it is never reached.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { InstructionNode, Stage } from '../core/dockerfile.js';
import type { BuildContext } from '../core/context.js';
import { andChain, literalValue, simpleCommands, topLevelStatements, walk, type Node, type ShellParser } from '../core/shell.js';
import { scriptArgv } from './argv.js';
import { stageBuildContext } from './scripts.js';
import { tscSourceOf } from './typescript.js';
import {
  afterInitWrapper, ASH_SH_OS, BASH_5_2_RELEASES, COMPILED_LANGUAGES, EXECS_LAST_OF_LIST, EXECS_SOLE_COMMAND, isInitProgram, POSIX_SHELLS, COMPILED_BUILDS, C_TOOLCHAINS, describeImage, EXEC_WRAPPERS, ONE_SHOT_CHECKS, ONE_SHOT_TOOLS, packageScriptRun,
  ELIXIR_RELEASE_PATH, ERLANG_VM, PID1_HANDLES_TERM, PID1_NEEDS_INIT, programKey, SCRIPT_EXTENSIONS, SELF_REAPING_SERVERS, SERVER_SUBCOMMANDS, SIGTERM_RELOADS, type ReloadsConfig,
} from '../knowledge/index.js';
import type { CopyOperands, FileFacts } from './index.js';

/** The official images' entrypoint scripts: each ends `exec "$@"`, so the CMD replaces it. */
const PASS_THROUGH_ENTRYPOINT = /^docker-.*entrypoint(\.sh)?$/;

/** The `#!` line of a script a POSIX shell runs: `#!/bin/sh`, `#!/bin/bash -e`, `#!/usr/bin/env bash`. */
const POSIX_SHEBANG = /^#!\s*(?:\S*\/)?(?:env\s+(?:-\S+\s+)*)?(?:sh|bash|dash|ash)(?![\w.-])/;

/** Builtins that are no program to exec (exec would fail or mean something else). */
const NOT_EXECABLE = new Set(['cd', 'export', 'set', 'unset', 'trap', 'wait', 'exit', 'return', 'source', '.', 'eval', 'exec', ':', 'true', 'false', 'read', 'shift', 'umask', 'ulimit', 'local', 'readonly', 'alias', 'echo', 'printf', 'test', '[']);

export type SignalPath =
  /** The app is what the init starts, or what it execs into. */
  | { kind: 'direct' }
  /**
   * A shell-form CMD or ENTRYPOINT of the file whose last command can be
   * exec'd: `offset` in its shell script, where `exec ` goes (before the
   * command name, after any `VAR=value` prefixes).
   */
  | { kind: 'add-exec'; node: InstructionNode; offset: number; command: string; then: SignalPath }
  /** `npm start` (or yarn's) in a CMD/ENTRYPOINT of the file, whose start script is `argv`, which runs without npm. */
  | { kind: 'run-script'; node: InstructionNode; runner: string[]; argv: string[]; then: SignalPath }
  /** SIGTERM reaches the app only by signalling the process group, and the app may still be killed first: `why` says so. */
  /**
   * `shell`: the shell that stays between the init and the app, waiting for
   * it (a shell defers SIGINT while a foreground child runs, and waits for it
   * to exit), said as a noun; absent where something else is in between (npm).
   */
  | { kind: 'forced'; why: string; fix: string; shell?: string }
  /** A shell script dfmod cannot read (a RUN writes it, or it is not in the build context): whether it execs its app is not known. */
  | { kind: 'unread'; script: string };

const basename = (word: string) => word.slice(word.lastIndexOf('/') + 1);

/**
 * The last top-level command of a script and whether it is exec'd; null with
 * a reason when it is not one plain command. `notProgram` says why `exec`
 * cannot run it: a shell builtin, or a function the script defines. `busy`
 * says why dfmod cannot write `exec` there: the script sets a trap (which
 * exec would skip) or starts a background job; a last command the script
 * already exec's replaces the shell all the same.
 */
function lastCommand(root: Node, shellProgram: string | null = null): { command: Node; name: Node; words: (string | null)[]; execs: boolean; notProgram: string | null; busy: string | null; implicit?: boolean } | { none: string } {
  if (root.hasError) return { none: 'dfmod cannot parse it' };
  const busy = busyReason(root);
  const statements = topLevelStatements(root);
  const last = statements[statements.length - 1];
  if (!last) return { none: 'it runs nothing' };
  const chain = andChain(last.node);
  let command = chain[chain.length - 1];
  if (command.type === 'redirected_statement') command = command.childForFieldName('body') ?? command;
  const none = (why: string) => ({ none: busy ?? why });
  if (command.type !== 'command') return none(`its last command is ${command.type === 'list' ? 'a `||` list' : `a ${command.type.replace(/_/g, ' ')}`}`);
  const name = command.childForFieldName('name');
  if (!name) return none('its last command is only assignments');
  const words = [literalValue(name.namedChildren[0] ?? name), ...command.childrenForFieldName('argument').map((a) => literalValue(a!))];
  const program = words[0];
  // A background job started by the last command itself (`app &`) leaves the shell to exit, exec'd or not.
  if (program === 'exec' && !(last.separator === '&')) return { command, name, words, execs: true, notProgram: null, busy };
  if (busy) return { none: busy };
  const notProgram = notExecable(program, root);
  // bash execs the only command of its `-c` script itself (EXECS_SOLE_COMMAND): as if `exec` were written.
  const sole = statements.length === 1 && chain.length === 1 && chain[0].type === 'command' && last.separator !== '&';
  if (sole && notProgram === null && shellProgram !== null && EXECS_SOLE_COMMAND.has(shellProgram)) return { command, name, words: ['exec', ...words], execs: true, notProgram: null, busy: null };
  // The last command of a top-level `&&` or `;` list, for the shells that exec it too (EXECS_LAST_OF_LIST).
  const rule = shellProgram === null ? undefined : EXECS_LAST_OF_LIST[shellProgram];
  const listed = statements.every((s) => s.separator !== '&') && (rule === 'any' ? chain.length > 1 || statements.length > 1
    : rule === 'one-list' ? (statements.length === 1 && chain.length > 1) || (statements.length > 1 && chain.length === 1) : false);
  if (listed && notProgram === null) return { command, name, words: ['exec', ...words], execs: true, notProgram: null, busy: null, implicit: true };
  return { command, name, words, execs: false, notProgram, busy: null };
}

/** Which shell `program` is in the stage's image: `sh` is BusyBox's ash on Alpine and busybox images (ASH_SH_OS), else as named. */
function shellImplementation(facts: FileFacts, stage: Stage, program: string): string {
  const image = facts.baseImage(stage);
  const described = image === null ? null : describeImage(image);
  if (program === 'bash') {
    const release = described?.release;
    return release && BASH_5_2_RELEASES[release.distro]?.includes(release.version) ? 'bash-5.2' : program;
  }
  if (program !== 'sh') return program;
  return described !== null && ASH_SH_OS.has(described.os) ? 'ash' : program;
}

/**
 * The build context the stage's copies read from: the one dfmod was given, or
 * a folder above it up to the repository root where every source the
 * stage's COPYs name is (`docker build -f util/api/Dockerfile .`).
 */
export function buildContextFor(facts: FileFacts, stage: Stage, context: BuildContext | null): BuildContext | null {
  if (!context) return null;
  const copies: CopyOperands[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) {
    for (const node of s.instructions) {
      const copy = facts.copyOperands(node);
      if (copy) copies.push(copy);
    }
  }
  return stageBuildContext(context, copies);
}

/** Where a shell's argv gives its script: the `-c` option, alone or last of combined flags (`bash -lc`, `sh -ec`); -1 when none. */
function commandOptionIndex(argv: readonly string[]): number {
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('-') || word === '--') return -1;
    if (/^-[a-zA-Z]*c$/.test(word)) return i;
    if (word === '-o' || word === '+o') i++;
  }
  return -1;
}

/**
 * Where the script file of a shell's argv is (`bash /opt/start.sh`, `sh -e
 * ./run.sh arg`): the first word after the options, or -1 (a `-c` script, or
 * no file: the shell reads standard input).
 */
function scriptOperandIndex(argv: readonly string[]): number {
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (!word.startsWith('-') && !word.startsWith('+')) return i;
    if (/^-[a-zA-Z]*[cs]$/.test(word)) return -1;
    if (word === '-o' || word === '+o' || word === '-O' || word === '+O') i++;
  }
  return -1;
}

/**
 * The program a shell's `-c` argv (`bash -c 'php -S …'`) becomes: the one
 * simple command of its script, when the shell execs it (EXECS_SOLE_COMMAND)
 * or the script does (`sh -c 'exec app'`). Null when the shell stays.
 */
export function shellExecs(facts: FileFacts, stage: Stage, argv: readonly string[]): string | null {
  const program = basename(argv[0] ?? '');
  const c = commandOptionIndex(argv);
  if (!POSIX_SHELLS.has(program) || c < 1 || c + 1 >= argv.length) return null;
  const last = lastCommand(facts.shell.parse(argv[c + 1]).rootNode, shellImplementation(facts, stage, program));
  if ('none' in last || !last.execs) return null;
  return last.words[1] ?? null;
}

/** Why dfmod cannot write `exec` in a script: it sets a trap (which exec would skip) or starts a background job; null when neither. */
function busyReason(root: Node): string | null {
  let trap = false;
  let background = false;
  walk(root, (n) => {
    if (n.type === 'command' && n.childForFieldName('name')?.text === 'trap') trap = true;
    if (!n.isNamed && n.type === '&') background = true;
  });
  return trap ? 'it sets a trap, which exec would skip' : background ? 'it starts a background job' : null;
}

/** Why `exec` cannot run `program` (a shell builtin, a function the script defines, a computed name), or null. */
function notExecable(program: string | null, root: Node): string | null {
  if (program === null) return 'named by an expansion dfmod does not read';
  if (NOT_EXECABLE.has(program)) return 'a shell builtin';
  let defined = false;
  walk(root, (n) => {
    if (n.type === 'function_definition' && n.childForFieldName('name')?.text === program) defined = true;
    return !defined;
  });
  return defined ? 'a function the script defines, which exec cannot run' : null;
}

/** Builtins after which nothing of the script is left running: a path that exits after one of these (a usage error) starts no app. */
const QUIET_BUILTINS = new Set([...NOT_EXECABLE].filter((b) => !['wait', 'eval', 'source', '.', 'exec'].includes(b)));

/**
 * How one path through a script ends. `exec`: it replaces the shell with a
 * program. `exit`: it exits with nothing of its own running (after nothing,
 * or a builtin: a usage error). `runs`: its last command runs as the shell's
 * child, with the shell waiting for it, and then the script ends (falls off
 * its end or exits). `other`: its last statement is no plain command (a
 * pipeline, a loop, a `||` list …); `quiet` when it starts nothing (an
 * assignment, a test).
 */
type PathEnd =
  | { kind: 'exec'; command: Node }
  | { kind: 'exit' }
  | { kind: 'runs'; command: Node; name: Node; words: (string | null)[]; program: string | null }
  | { kind: 'other'; node: Node; why: string; quiet: boolean };

/** The ends of the paths through a list of statements: those that end in it, and what the last command is on those that go on past it (null: none do). */
interface Flow {
  ends: PathEnd[];
  falls: PathEnd[] | null;
}

const article = (words: string) => (/^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`);

/** The statements among `children` (named, no comments) with the separator after each. */
function statementsIn(children: readonly (Node | null)[]): { node: Node; separator: string | null }[] {
  const statements: { node: Node; separator: string | null }[] = [];
  for (const child of children) {
    if (!child) continue;
    if (child.isNamed) {
      if (child.type !== 'comment') statements.push({ node: child, separator: null });
    } else if (statements.length && (child.type === ';' || child.type === '&' || child.type === '\n')) {
      statements[statements.length - 1].separator = child.type;
    }
  }
  return statements;
}

/** The bodies of an if statement's branches, and whether it has an else. */
function ifBranches(node: Node): { bodies: Node[][]; hasElse: boolean } {
  const bodies: Node[][] = [];
  let hasElse = false;
  const collect = (children: readonly (Node | null)[], after: string) => {
    const start = children.findIndex((c) => c && !c.isNamed && c.type === after);
    const body: (Node | null)[] = [];
    for (const c of children.slice(start + 1)) {
      if (!c || c.type === 'elif_clause' || c.type === 'else_clause' || (!c.isNamed && c.type === 'fi')) break;
      body.push(c);
    }
    bodies.push(body as Node[]);
  };
  collect(node.children, 'then');
  for (const clause of node.namedChildren) {
    if (clause?.type === 'elif_clause') collect(clause.children, 'then');
    if (clause?.type === 'else_clause') {
      hasElse = true;
      collect(clause.children, 'else');
    }
  }
  return { bodies, hasElse };
}

/**
 * The paths through `statements`, each judged by its last command: the
 * first statement every path ends at (an exec, an exit, an if whose every
 * branch does, a case with a `*)` whose every item does) makes the rest
 * unreachable. `before`: the last command of each path so far.
 */
/**
 * The script's first argument where dfmod knows it (the CMD an entrypoint
 * script is given), for the `case "$1" in` it branches on: only the item it
 * selects runs. `known`: whether $1 is still that argument at a node (no
 * `shift` or `set --` before it).
 */
interface FirstArgument {
  value: string;
  known: (node: Node) => boolean;
}

/**
 * What the path walk knows of the script: its first argument, the functions
 * it defines (a call runs the function's body: `app:run) appRun ;;` whose
 * body ends `exec supervisord`), and whether it is inside one (where
 * `return` goes back to the caller).
 */
interface FlowContext {
  arg: FirstArgument | null;
  functions: Map<string, Node>;
  depth: number;
  inFunction: boolean;
}

/** The functions a script defines, by name: their bodies. */
function definedFunctions(root: Node): Map<string, Node> {
  const functions = new Map<string, Node>();
  walk(root, (n) => {
    if (n.type === 'function_definition') {
      const name = n.childForFieldName('name')?.text;
      const body = n.childForFieldName('body');
      if (name && body) functions.set(name, body);
    }
  });
  return functions;
}

function firstArgument(root: Node, value: string | undefined): FirstArgument | null {
  if (value === undefined) return null;
  const changes: number[] = [];
  // A shift in a function body runs only when it is called, with the function's own arguments.
  walk(root, (n) => {
    if (n.type === 'function_definition') return false;
    if (n.type === 'command') {
      const name = n.childForFieldName('name')?.text;
      if (name === 'shift' || (name === 'set' && n.childrenForFieldName('argument').some((a) => a?.text === '--'))) changes.push(n.startIndex);
    }
    return true;
  });
  return { value, known: (node) => changes.every((at) => at > node.startIndex) };
}

/** Whether a case item's pattern (`app:start`, `-*`, `"odoo"`, `*`) matches `value`: literal text and the `*`, `?` globs. */
function patternMatches(pattern: Node, value: string): boolean {
  const text = literalValue(pattern) ?? (/^[\w:./*?-]+$/.test(pattern.text) ? pattern.text : null);
  if (text === null) return false;
  const regex = new RegExp(`^${[...text].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
  return regex.test(value);
}

/** The subject of `case "$1" in` / `case ${1} in`: whether it is the first argument. */
function casesOnFirstArgument(node: Node): boolean {
  const subject = node.childForFieldName('value');
  return !!subject && ['$1', '${1}', '"$1"', '"${1}"'].includes(subject.text);
}

function flowOf(statements: { node: Node; separator: string | null }[], before: PathEnd[] | null, nested: boolean, flow: FlowContext | null = null): Flow {
  const ends: PathEnd[] = [];
  let falls = before;
  for (const { node, separator } of statements) {
    if (falls === null) break;
    if (node.type === 'function_definition') continue;
    if (separator === '&') {
      falls = [{ kind: 'other', node, why: 'it starts a background job', quiet: false }];
      continue;
    }
    const step = statementFlow(node, falls, nested, flow);
    ends.push(...step.ends);
    falls = step.falls;
  }
  return { ends, falls };
}

function statementFlow(node: Node, before: PathEnd[], nested: boolean, flow: FlowContext | null = null): Flow {
  const other = (why: string, quiet = false): Flow => ({ ends: [], falls: [{ kind: 'other', node, why, quiet }] });
  switch (node.type) {
    case 'redirected_statement': {
      const body = node.childForFieldName('body');
      return body ? statementFlow(body, before, nested, flow) : other('its last command is a redirection');
    }
    case 'compound_statement':
      return flowOf(statementsIn(node.children), before, nested, flow);
    case 'list': {
      const chain = andChain(node);
      if (chain.length === 1) return other('its last command is a `||` list');
      // `a && exec b`: the exec ends the script (where `a` fails, `set -e` or the end of the script does).
      return statementFlow(chain[chain.length - 1], before, nested, flow);
    }
    case 'if_statement': {
      const { bodies, hasElse } = ifBranches(node);
      const flows = bodies.map((body) => flowOf(statementsIn(body), before, true, flow));
      const falls = flows.flatMap((f) => f.falls ?? []);
      if (!hasElse) falls.push({ kind: 'other', node, why: 'its last command is an if statement with no else', quiet: false });
      return { ends: flows.flatMap((f) => f.ends), falls: falls.length ? falls : null };
    }
    case 'case_statement': {
      const items = node.namedChildren.filter((c): c is Node => c?.type === 'case_item');
      // `;&` and `;;&` run the next item too: not followed.
      if (items.some((item) => item.children.some((c) => c && !c.isNamed && (c.type === ';&' || c.type === ';;&')))) return other('its last command is a case statement');
      const body = (item: Node) => item.children.slice(item.children.findIndex((c) => c && !c.isNamed && c.type === ')') + 1);
      // `case "$1" in` with the argument known: only the first item whose pattern matches it runs.
      const arg = flow?.arg ?? null;
      if (arg && casesOnFirstArgument(node) && arg.known(node)) {
        const chosen = items.find((item) => item.childrenForFieldName('value').some((p) => p !== null && patternMatches(p, arg.value)));
        if (!chosen) return { ends: [], falls: before };
        return flowOf(statementsIn(body(chosen)), before, true, flow);
      }
      let fallback = false;
      const flows = items.map((item) => {
        const close = item.children.findIndex((c) => c && !c.isNamed && c.type === ')');
        if (item.children.slice(0, close).some((c) => c?.isNamed && c.text === '*')) fallback = true;
        return flowOf(statementsIn(body(item)), before, true, flow);
      });
      const falls = flows.flatMap((f) => f.falls ?? []);
      if (!fallback) falls.push({ kind: 'other', node, why: 'its last command is a case statement with no `*)`', quiet: false });
      return { ends: flows.flatMap((f) => f.ends), falls: falls.length ? falls : null };
    }
    case 'command': {
      const name = node.childForFieldName('name');
      if (!name) return other('its last command is only assignments', true);
      const words = [literalValue(name.namedChildren[0] ?? name), ...node.childrenForFieldName('argument').map((a) => literalValue(a!))];
      const program = words[0];
      // `exec >log 2>&1` only redirects the shell's output.
      if (program === 'exec') return node.childrenForFieldName('argument').length ? { ends: [{ kind: 'exec', command: node }], falls: null } : { ends: [], falls: before };
      // A call of a function the script defines runs its body here; inside it, `return` goes back to the caller.
      const fn = program !== null && flow ? flow.functions.get(program) : undefined;
      if (fn && flow && flow.depth < 4) return statementFlow(fn, before, nested, { ...flow, depth: flow.depth + 1, inFunction: true });
      if (program === 'return' && flow?.inFunction) return { ends: [], falls: before };
      if (program === 'exit' || program === 'return') {
        // In a branch, an exit is an error path (`echo usage; exit 64`, `print-key; exit`): no app runs. At the top of the
        // script, after a builtin or nothing, neither; after a program (`app; exit $?`), the shell waited for it.
        const quiet = (end: PathEnd) => nested || end.kind === 'exit' || (end.kind === 'runs' && end.program !== null && QUIET_BUILTINS.has(end.program)) || (end.kind === 'other' && end.quiet);
        return { ends: before.map((end): PathEnd => (quiet(end) ? { kind: 'exit' } : end)), falls: null };
      }
      return { ends: [], falls: [{ kind: 'runs', command: node, name, words, program }] };
    }
    case 'variable_assignment':
    case 'variable_assignments':
    case 'declaration_command':
    case 'unset_command':
    case 'test_command':
      return other(`its last command is ${article(node.type.replace(/_/g, ' '))}`, true);
    default:
      return other(`its last command is ${article(node.type.replace(/_/g, ' '))}`);
  }
}

/**
 * How a script ends, judged on every path (flowOf): `execs` when each path
 * execs a program or exits having started none, with `final` the exec'd
 * command of the top-level statement every path ends at, when it is a plain
 * exec (`exec "$@"`, `cd /app && exec node s.js`); otherwise the end of a
 * path that leaves the shell waiting (the one latest in the script, where
 * its app most likely runs), as lastCommand says it.
 */
function scriptEnding(root: Node, firstArg?: string): { execs: true; final: Node | null } | (ReturnType<typeof lastCommand> & { others?: Node[] }) {
  if (root.hasError) return { none: 'dfmod cannot parse it' };
  const flow: FlowContext = { arg: firstArgument(root, firstArg), functions: definedFunctions(root), depth: 0, inFunction: false };
  const ends: PathEnd[] = [];
  let falls: PathEnd[] | null = [{ kind: 'other', node: root, why: 'it runs nothing', quiet: true }];
  let final: Node | null = null;
  for (const statement of statementsIn(root.children)) {
    const step = flowOf([statement], falls, false, flow);
    ends.push(...step.ends);
    falls = step.falls;
    if (falls === null) {
      let node = statement.node;
      if (node.type === 'redirected_statement') node = node.childForFieldName('body') ?? node;
      const last = andChain(node).at(-1);
      final = last?.type === 'command' && last.childForFieldName('name')?.text === 'exec' ? last : null;
      break;
    }
  }
  ends.push(...(falls ?? []));
  const execs = ends.filter((e): e is Extract<PathEnd, { kind: 'exec' }> => e.kind === 'exec');
  // Every path that execs, execs the same command (odoo's `exec odoo "$@"` in each branch): that is the final one.
  if (final === null && execs.length && execs.every((e) => e.command.text === execs[0].command.text)) final = execs[0].command;
  if (execs.length && ends.every((e) => e.kind === 'exec' || e.kind === 'exit')) return { execs: true, final };
  const busy = busyReason(root);
  if (busy) return { none: busy };
  const waiting = ends.filter((e): e is Extract<PathEnd, { kind: 'runs' | 'other' }> => e.kind === 'runs' || e.kind === 'other');
  const at = (e: Extract<PathEnd, { kind: 'runs' | 'other' }>) => (e.kind === 'runs' ? e.command : e.node).startIndex;
  const end = waiting.reduce((a, b) => (at(b) > at(a) ? b : a), waiting[0]);
  if (!end) return { none: 'it runs nothing' };
  if (end.kind === 'other') return { none: end.why };
  // The other paths that leave the shell waiting for a program (the branches of an if/else that each start the app): each needs its exec.
  const others = waiting.filter((e): e is Extract<PathEnd, { kind: 'runs' }> => e.kind === 'runs' && e !== end && e.command.startIndex !== end.command.startIndex && notExecable(e.program, root) === null)
    .map((e) => e.command).filter((c, i, all) => all.findIndex((x) => x.startIndex === c.startIndex) === i).sort((a, b) => a.startIndex - b.startIndex);
  return { command: end.command, name: end.name, words: end.words, execs: false, notProgram: notExecable(end.program, root), busy: null, others };
}

/** Commands of a trap's handler that do no shutdown work: a handler of only these just exits or prints. */
const IDLE_HANDLER = new Set(['exit', 'echo', 'printf', 'true', ':', 'return', 'logger']);

/**
 * Why a script handles `docker stop`'s SIGTERM itself, or null: it traps TERM
 * (alone or with INT, EXIT …) with a handler that does some work (signals
 * the app, stops a service: not only `exit` or `echo`), and `wait`s, which
 * is where a shell runs its traps while the app runs in the background. An
 * init then forwards SIGTERM to the script, whose handler stops the app in
 * its own order; signalling the whole group (tini -g) would cut it short.
 */
export function trapsTerm(root: Node, shell: ShellParser): string | null {
  if (root.hasError) return null;
  const functions = new Map<string, Node>();
  walk(root, (n) => {
    if (n.type === 'function_definition') {
      const body = n.childForFieldName('body');
      const name = n.childForFieldName('name')?.text;
      if (name && body) functions.set(name, body);
    }
  });
  const commands = simpleCommands(root);
  if (!commands.some((c) => c.name === 'wait')) return null;
  for (const c of commands) {
    if (c.name !== 'trap' || c.argValues.length < 2) continue;
    const signals = c.argValues.slice(1);
    if (!signals.some((s) => s !== null && /^(SIG)?TERM$|^15$/i.test(s))) continue;
    // The handler's text as the shell reads it when the trap fires (`"kill $pid"` expands then, or at `trap`: either way a kill).
    const raw = c.args[0].text;
    const handler = c.argValues[0] ?? (/^(["']).*\1$/s.test(raw) ? raw.slice(1, -1) : raw);
    if (handler.trim() === '' || handler === '-') continue;
    const names = simpleCommands(shell.parse(handler).rootNode).flatMap((h) => {
      const body = h.name === null ? undefined : functions.get(h.name);
      return body ? simpleCommands(body).map((b) => b.name) : [h.name];
    });
    if (names.some((n) => n === null || !IDLE_HANDLER.has(n))) return `it traps SIGTERM (\`${c.node.text}\`) and waits for its app`;
  }
  return null;
}

/** The build-context file a COPY of the stage's FROM chain puts at `target` (absolute), the last one winning; null when none or not known. */
export function contextSourceAt(facts: FileFacts, stage: Stage, target: string, depth = 0): string | null {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.unshift(s);
  let found: string | null = null;
  for (const s of chain) {
    for (const node of s.instructions) {
      const copy = facts.copyOperands(node);
      if (!copy || copy.destResolved === null) continue;
      const dest = copy.destResolved;
      // `COPY --from=builder /opt/app/ /opt/app/`: the file is where the builder stage's own copies put it.
      if (copy.from !== null) {
        if (!copy.fromStage || depth > 3) continue;
        for (const source of copy.sources) {
          if (!source.startsWith('/') || /[*?[]/.test(source)) continue;
          const from = path.posix.normalize(source).replace(/\/+$/, '') || '/';
          const rel = target === dest ? '' : target.startsWith(`${dest}/`) ? target.slice(dest.length + 1) : null;
          if (rel === null) continue;
          // A folder's contents land under the destination; a file into a folder, at its own name there.
          const candidates = rel === '' ? [from] : [path.posix.join(from, rel), ...(rel === path.posix.basename(from) ? [from] : [])];
          const origin = candidates.map((at) => contextSourceAt(facts, copy.fromStage!, at, depth + 1)).find((o) => o !== null);
          if (origin !== undefined && origin !== null) found = origin;
        }
        continue;
      }
      for (const source of copy.sources) {
        const clean = source.replace(/^\.\/+/, '').replace(/^\/+/, '');
        if (clean === '' || clean === '.') {
          const rel = path.posix.relative(dest, target);
          if (rel && !rel.startsWith('..') && !path.posix.isAbsolute(rel)) found = rel;
          continue;
        }
        const into = copy.destIsDirectory || copy.dest.endsWith('/') ? path.posix.join(dest, basename(clean)) : dest;
        if (/[*?[]/.test(clean)) {
          const pattern = new RegExp(`^${basename(clean).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
          if (path.posix.dirname(target) === dest && pattern.test(basename(target))) found = path.posix.join(path.posix.dirname(clean), basename(target));
        } else if (into === target) found = clean;
        // A folder copied whole (`COPY _build/prod/rel/shop /app`): a file under it came from under the source.
        else if (target.startsWith(`${into}/`)) found = path.posix.join(clean, target.slice(into.length + 1));
      }
    }
  }
  return found;
}

interface Step {
  argv: string[];
  /** The file's instruction this argv is the stored argv of (its shell-form script is the last word), or null. */
  node: InstructionNode | null;
  /** The argv comes from the base image's defaults, not from the file. */
  inherited: boolean;
}

/**
 * The path from what a stage's container runs to its app, as far as dfmod
 * can follow it: through the base image's pass-through entrypoint, a `-c`
 * script (of a shell-form CMD/ENTRYPOINT), `npm start`, or an entrypoint
 * script copied from the build context.
 */
export function signalPath(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser): SignalPath {
  context = buildContextFor(facts, stage, context);
  const command = facts.command(stage);
  const entrypoint = command.entrypoint ?? [];
  const cmd = command.cmd ?? [];
  const steps: Step[] = [];
  if (entrypoint.length) steps.push({ argv: [...entrypoint, ...cmd], node: command.entrypointNode, inherited: command.entrypointNode === null });
  else steps.push({ argv: cmd, node: command.cmdNode, inherited: command.cmdNode === null });
  return follow(facts, stage, context, shell, steps[0], command.cmdNode, 0);
}

function follow(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser, step: Step, cmdNode: InstructionNode | null, depth: number): SignalPath {
  const { argv } = step;
  if (!argv.length || depth > 4) return { kind: 'direct' };
  const program = basename(argv[0]);
  // The official images' entrypoint (inherited, or named as theirs): the CMD replaces it.
  if (PASS_THROUGH_ENTRYPOINT.test(program) && (step.inherited || !argv[0].includes('/') || argv[0] === `/usr/local/bin/${program}`) && !scriptInContext(facts, stage, context, argv[0])) {
    const rest = argv.slice(1);
    return follow(facts, stage, context, shell, { argv: rest, node: cmdNode, inherited: cmdNode === null }, cmdNode, depth + 1);
  }
  const c = commandOptionIndex(argv);
  if (POSIX_SHELLS.has(program) && c > 0 && c + 1 < argv.length) {
    const script = argv[c + 1];
    const root = shell.parse(script).rootNode;
    const last = lastCommand(root, shellImplementation(facts, stage, program));
    // A script that stops its app itself at SIGTERM: the init forwards the signal to it.
    if (!('command' in last && last.execs) && trapsTerm(root, shell)) return { kind: 'direct' };
    if ('none' in last) return forcedShell(`the shell script \`${script}\``, last.none, false);
    const words = last.words.slice(last.execs ? 1 : 0);
    const rest = words.every((w) => w !== null) ? (words as string[]) : [];
    const then = follow(facts, stage, context, shell, { argv: rest, node: null, inherited: step.inherited }, null, depth + 1);
    // The shell execs a list's last command itself; where the file writes the script, `exec` says so (and holds on any shell).
    if (last.execs && last.implicit && step.node && step.node.form === 'shell') {
      return { kind: 'add-exec', node: step.node, offset: last.name.startIndex, command: last.command.text, then };
    }
    if (last.execs) return then;
    if (last.notProgram) return forcedShell(`the shell script \`${script}\``, `its last command \`${last.command.text}\` is ${last.notProgram}`);
    if (step.node && step.node.form === 'shell') {
      // The node's script text is `script` (trimmed); offsets are the same from its start.
      return { kind: 'add-exec', node: step.node, offset: last.name.startIndex, command: last.command.text, then };
    }
    return forcedShell(`the shell script \`${script}\`${step.inherited ? ' of the base image' : ''}`, `it runs \`${last.command.text}\` without exec`);
  }
  const scriptRun = packageScriptRun(argv);
  if (scriptRun) return runScript(facts, stage, context, shell, step, scriptRun.runner, argv, scriptRun.script, scriptRun.words);
  const { script, args, byShell } = scriptRunBy(facts, stage, context, argv);
  if (script) {
    const text = context!.read(script.source);
    if (text === null || (!byShell && !POSIX_SHEBANG.test(text))) return { kind: 'direct' };
    const root = shell.parse(text).rootNode;
    // A script the parser cannot read says nothing of how it ends: not that its shell waits.
    if (root.hasError) return { kind: 'unread', script: script.source };
    const last = scriptEnding(root, args[0] ?? '');
    if ('final' in last) return { kind: 'direct' };
    if (trapsTerm(root, shell)) return { kind: 'direct' };
    if ('none' in last) return forcedShell(`the script ${script.source}`, last.none, false);
    const lineOf = (command: Node) => text.slice(0, command.startIndex).split('\n').length;
    const line = lineOf(last.command);
    const others = last.notProgram ? [] : last.others ?? [];
    if (others.length) {
      // Several paths each start a program without exec (an if/else whose branches both launch the app): every one is named.
      const all = [...others, last.command].sort((a, b) => a.startIndex - b.startIndex);
      const numbers = all.map(lineOf);
      const listed = `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
      const commands = all.map((c) => `\`${c.text}\``);
      const ran = `${commands.slice(0, -1).join(', ')} or ${commands[commands.length - 1]}`;
      return {
        kind: 'forced',
        shell: `the shell running ${script.source} (its lines ${listed} run ${ran} without exec)`,
        why: `the script ${script.source} runs ${ran} (its lines ${listed}, one on each path) without exec, so its shell exits at SIGTERM and the container ends with it`,
        fix: `write exec at lines ${listed}: ${all.map((c) => `\`exec ${c.text}\``).join(', ')}`,
      };
    }
    return {
      kind: 'forced',
      shell: `the shell running ${script.source} (its line ${line} runs \`${last.command.text}\` without exec)`,
      why: `the script ${script.source} runs \`${last.command.text}\` (its line ${line}) without exec, so its shell exits at SIGTERM and the container ends with it`,
      fix: last.notProgram ? `end it by exec'ing the app (its last command is ${last.notProgram})` : `write \`exec ${last.command.text}\` there`,
    };
  }
  // A shell script by its name (`start.sh`, `bash /run.sh`) that dfmod cannot read; one named an entrypoint is taken to exec its arguments.
  const scriptWord = byShell ? argv[scriptOperandIndex(argv)] : argv[0];
  const runsShell = byShell || ['sh', 'bash'].includes(SCRIPT_EXTENSIONS[path.posix.extname(argv[0])] ?? '');
  // A script the Dockerfile writes itself (`echo '…' > /usr/bin/x-entrypoint.sh`) is not the idiom its name suggests: not taken at its word.
  if (runsShell && scriptWord && (!ENTRYPOINT_NAMED.test(basename(scriptWord)) || writtenByRun(facts, stage, scriptWord))) return { kind: 'unread', script: scriptWord };
  return { kind: 'direct' };
}

/** Whether a RUN of the stage, or of one it is built on, writes `file` by a redirection (`> /usr/bin/start.sh`). */
function writtenByRun(facts: FileFacts, stage: Stage, file: string): boolean {
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) {
    for (const node of s.instructions) {
      if (node.keyword !== 'RUN') continue;
      const read = facts.readRun(node);
      if (read.kind !== 'script') continue;
      let found = false;
      walk(read.root, (n) => {
        if (n.type === 'file_redirect') {
          const destination = n.childForFieldName('destination') ?? n.namedChildren[n.namedChildren.length - 1];
          if (destination && literalValue(destination) === file) found = true;
        }
        return !found;
      });
      if (found) return true;
    }
  }
  return false;
}

/** `foreground`: the app runs in the foreground, so the shell waits for it (a command run with `&` ignores SIGINT in a script). */
function forcedShell(what: string, why: string, foreground = true): SignalPath {
  return { kind: 'forced', ...(foreground ? { shell: `the shell running ${what}` } : {}), why: `${what} is run by a shell that exits at SIGTERM (${why}), and the container ends with it`, fix: 'run the app with exec, or in JSON form' };
}

/**
 * The script of the build context an argv runs, and the arguments it gets:
 * the program itself (`/entrypoint.sh a`), or the file a POSIX shell is
 * given (`bash /opt/start.sh a`; a bare name is looked for in WORKDIR first,
 * as the shell does, then on PATH). `byShell`: the shell is named, so the
 * script needs no `#!` line.
 */
function scriptRunBy(facts: FileFacts, stage: Stage, context: BuildContext | null, argv: readonly string[]): { script: { source: string } | null; args: string[]; byShell: boolean } {
  const operand = POSIX_SHELLS.has(basename(argv[0] ?? '')) ? scriptOperandIndex(argv) : -1;
  if (operand > 0) {
    const word = argv[operand];
    const workdir = facts.finalWorkdir(stage);
    const inWorkdir = !word.includes('/') && workdir !== null ? scriptInContext(facts, stage, context, `./${word}`) : null;
    return { script: inWorkdir ?? scriptInContext(facts, stage, context, word), args: argv.slice(operand + 1), byShell: true };
  }
  return { script: scriptInContext(facts, stage, context, argv[0]), args: argv.slice(1), byShell: false };
}

/** A script the container runs that a COPY took from the build context: its path there. */
function scriptInContext(facts: FileFacts, stage: Stage, context: BuildContext | null, word: string): { source: string } | null {
  if (!context) return null;
  const workdir = facts.finalWorkdir(stage);
  let target: string | null = null;
  if (word.startsWith('/')) target = path.posix.normalize(word);
  else if (word.includes('/') && workdir !== null) target = path.posix.resolve(workdir, word);
  else if (!word.includes('/')) {
    // A bare name runs from PATH: the copies into the usual bin folders.
    for (const dir of ['/usr/local/bin', '/usr/bin', '/bin']) {
      const source = contextSourceAt(facts, stage, path.posix.join(dir, word));
      if (source !== null && context.exists(source)) return { source };
    }
    return null;
  }
  if (target === null) return null;
  const source = contextSourceAt(facts, stage, target);
  return source !== null && context.exists(source) ? { source } : null;
}

/** `npm start` and the like (`words` of argv name the script): the script's own command, when it runs the same without the runner. */
function runScript(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser, step: Step, program: string, argv: string[], name: string | null, words: number): SignalPath {
  const forced = (why: string, fix = 'run the command its script runs in the CMD itself, in JSON form'): SignalPath => ({
    kind: 'forced',
    why: `\`${argv.join(' ')}\`: ${program} exits at SIGTERM without waiting for the script it started, and the container ends with it${why ? ` (dfmod cannot run the script's command instead: ${why})` : ''}`,
    fix,
  });
  if (!step.node || step.node.form !== 'exec' || !context || name === null) return forced('');
  // The extra words npm would pass on (`npm start -- --port 1`) make the replacement harder to prove.
  if (argv.length > words) return forced('');
  const workdir = facts.finalWorkdir(stage);
  if (workdir === null) return forced('');
  const source = contextSourceAt(facts, stage, path.posix.join(workdir, 'package.json'));
  const text = source === null ? null : context.read(source);
  if (text === null) return forced('dfmod cannot see which package.json it reads');
  let scripts: Record<string, unknown>;
  try {
    scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    return forced(`${source} is not JSON`);
  }
  const body = scripts[name];
  if (typeof body !== 'string') return forced(`${source} has no \`${name}\` script`);
  // A script of several steps is never replaced by its last one: the steps before it would be dropped.
  const steps = scriptSteps(shell, scripts, name);
  if (steps) {
    if (steps.parallel) return forced(`its \`${name}\` script runs several programs at once: ${steps.what}`, `run each in a container of its own, or under a process manager, in place of \`${argv.join(' ')}\``);
    const last = steps.last ? `exec ${steps.last}` : 'exec node …';
    return forced(`its \`${name}\` script runs several steps: ${steps.what}`, `run the steps from a wrapper script that ends in \`${last}\`, so that node replaces its shell, and make that script the CMD`);
  }
  if (program === 'yarn') {
    const pnp = yarnPnp(context, source!, text);
    if (pnp) return forced(`the project uses Yarn Plug'n'Play (${pnp}), so node alone cannot load its packages`);
  }
  const parsed = scriptArgv(shell.parse(body).rootNode);
  if (!('argv' in parsed)) return forced(`its \`${name}\` script needs a shell: ${parsed.reason}`);
  // `node` is on PATH without npm's node_modules/.bin; a package's binary is not.
  if (parsed.argv[0] !== 'node') return forced(`its \`${name}\` script runs \`${parsed.argv[0]}\`, which ${program} finds in node_modules/.bin`);
  const entry = parsed.argv.slice(1).find((a) => !a.startsWith('-'));
  // A file the build compiles (tsc's outDir) is read as its TypeScript source: what it reads of the environment is the same.
  const copied = entry ? contextSourceAt(facts, stage, path.posix.resolve(workdir, entry)) : null;
  const entryInContext = copied !== null && !context.isIgnored(copied) && context.exists(copied) ? copied : null;
  const entrySource = entryInContext ?? (entry ? tscSourceOf(path.posix.join(path.posix.dirname(source!), path.posix.relative(workdir, path.posix.resolve(workdir, entry))), context, path.posix.dirname(source!)) : null);
  const entryText = entrySource === null ? null : context.read(entrySource);
  if (entryText === null) return forced(`dfmod cannot read ${entry ?? 'the script\'s entry file'} to check it reads no npm_* variable`);
  if (/\bnpm_(package|config|lifecycle)_|\bnpm_lifecycle_event\b/.test(entryText)) return forced(`${entrySource} reads npm's environment (npm_*)`);
  return { kind: 'run-script', node: step.node, runner: argv, argv: parsed.argv, then: { kind: 'direct' } };
}

/**
 * The steps a package.json script runs, when it runs more than one: its
 * pre/post scripts (which npm, and pnpm and yarn with them, run around it),
 * a `&&` or `;` chain, or a script runner of scripts (`npm-run-all a b`,
 * `run-s a b`; `run-p`, `concurrently` and `npm-run-all -p` run them at
 * once). `what` says so for the note; `last` is the command the last step
 * comes down to when it is `node …` (followed through `npm run x` and the
 * runners), which a wrapper script can exec. Null for one step.
 */
function scriptSteps(shell: ShellParser, scripts: Record<string, unknown>, name: string): { what: string; last: string | null; parallel: boolean } | null {
  const body = scripts[name] as string;
  const hooks = [`pre${name}`, `post${name}`].filter((hook) => typeof scripts[hook] === 'string');
  const own = commandSteps(shell, body);
  if (hooks.length) {
    const post = hooks.includes(`post${name}`);
    const order = [...(hooks.includes(`pre${name}`) ? [`pre${name}`] : []), name, ...(post ? [`post${name}`] : [])];
    // After a post script, the wrapper's last step is no longer the app.
    return { what: order.map((s) => (s === name ? `\`${s}\`` : `package.json's \`${s}\``)).join(', then '), last: post ? null : lastNodeStep(shell, scripts, name, 0), parallel: false };
  }
  if (own.length > 1) return { what: `\`${body.trim()}\``, last: lastNodeStep(shell, scripts, name, 0), parallel: false };
  const runner = own.length === 1 ? scriptRunnerSteps(own[0]) : null;
  if (runner && runner.scripts.length > 1) return { what: `\`${body.trim()}\``, last: runner.parallel ? null : lastNodeStep(shell, scripts, name, 0), parallel: runner.parallel };
  return null;
}

/** The words of each step of a `&&`/`;` chain at the top of a script (null words: computed); one entry for a single command. */
function commandSteps(shell: ShellParser, script: string): (string | null)[][] {
  const root = shell.parse(script).rootNode;
  if (root.hasError) return [];
  const steps: (string | null)[][] = [];
  for (const statement of topLevelStatements(root)) {
    for (const part of andChain(statement.node)) {
      const command = part.type === 'redirected_statement' ? part.childForFieldName('body') ?? part : part;
      if (command.type !== 'command') {
        steps.push([null]);
        continue;
      }
      const nameNode = command.childForFieldName('name');
      steps.push([nameNode ? literalValue(nameNode.namedChildren[0] ?? nameNode) : null, ...command.childrenForFieldName('argument').map((a) => literalValue(a!))]);
    }
  }
  return steps;
}

/** Runners of several package.json scripts, and whether they run them at once by default. */
const SCRIPT_SEQUENCERS: Readonly<Record<string, boolean>> = { 'npm-run-all': false, 'npm-run-all2': false, 'run-s': false, 'run-p': true, concurrently: true };

/** The scripts a runner of scripts runs (`npm-run-all -s a b` → a, b), and whether at once. */
function scriptRunnerSteps(words: (string | null)[]): { scripts: string[]; parallel: boolean } | null {
  const program = words[0] ? basename(words[0]) : null;
  if (program === null || !Object.hasOwn(SCRIPT_SEQUENCERS, program)) return null;
  const args = words.slice(1);
  const parallel = SCRIPT_SEQUENCERS[program] || args.some((a) => a === '-p' || a === '--parallel' || a === '-P');
  return { scripts: args.filter((a): a is string => a !== null && !a.startsWith('-')), parallel };
}

/** The `node …` command the script `name` ends by running, followed through `npm run x` and runners of scripts; null when it is something else. */
function lastNodeStep(shell: ShellParser, scripts: Record<string, unknown>, name: string, depth: number): string | null {
  const body = scripts[name];
  if (typeof body !== 'string' || depth > 4) return null;
  const steps = commandSteps(shell, body);
  const last = steps[steps.length - 1];
  if (!last || last.some((w) => w === null)) return null;
  const words = last as string[];
  if (words[0] === 'node') return words.join(' ');
  const run = packageScriptRun(words);
  if (run?.script && run.words === words.length) return lastNodeStep(shell, scripts, run.script, depth + 1);
  const runner = scriptRunnerSteps(words);
  if (runner && !runner.parallel && runner.scripts.length) return lastNodeStep(shell, scripts, runner.scripts[runner.scripts.length - 1], depth + 1);
  return null;
}

/**
 * Why a yarn project next to `packageJson` (its path in the build context,
 * and its text) loads its packages through Yarn Plug'n'Play, or null: a
 * `.pnp.cjs`; a `.yarnrc.yml` (Yarn 2+; Yarn 1 reads none) whose nodeLinker
 * is not node-modules or pnpm, pnp being the default; or, with no
 * `.yarnrc.yml`, a packageManager field naming Yarn 2 or later.
 */
function yarnPnp(context: BuildContext, packageJson: string, text: string): string | null {
  const dir = path.posix.dirname(packageJson);
  const at = (file: string) => (dir === '.' ? file : path.posix.join(dir, file));
  for (const file of ['.pnp.cjs', '.pnp.js']) if (context.exists(at(file))) return at(file);
  let manager: unknown;
  try {
    manager = (JSON.parse(text) as { packageManager?: unknown }).packageManager;
  } catch {
    manager = undefined;
  }
  const major = typeof manager === 'string' ? /^yarn@(\d+)/.exec(manager)?.[1] : undefined;
  const berry = major !== undefined && Number(major) >= 2;
  const rc = context.read(at('.yarnrc.yml'));
  if (rc !== null && (berry || major === undefined)) {
    let linker: unknown;
    try {
      linker = (parseYaml(rc) as { nodeLinker?: unknown } | null)?.nodeLinker;
    } catch {
      return `${at('.yarnrc.yml')} is not YAML dfmod can read`;
    }
    return linker === 'node-modules' || linker === 'pnpm' ? null : `${at('.yarnrc.yml')} sets no nodeLinker: node-modules`;
  }
  return berry && rc === null ? `package.json names ${manager as string}, whose default is Plug'n'Play` : null;
}

/**
 * The argv of the process the init would start and signal in the end, when
 * each step to it replaces itself (exec): through an init wrapper, the
 * official images' pass-through entrypoint, a `-c` script or a context
 * script whose last command is exec'd (`exec "$@"` hands on the arguments),
 * and wrappers that exec their command (gosu, su-exec, `bundle exec`). Null
 * when a step stays as the parent (a shell that waits), or dfmod cannot
 * follow it: then nothing is known of what PID 1 does.
 */
export function appArgv(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser): { argv: string[]; assumed: string | null } | null {
  const path = appPath(facts, stage, context, shell);
  return path?.argv ? { argv: path.argv, assumed: path.script } : null;
}

/**
 * What appArgv finds on the way, and where it stopped. `script`: an
 * entrypoint script taken to exec its arguments unread. `trapping`: the
 * script that stays PID 1 traps SIGTERM, stops its app and waits for it.
 * `execsUnknown`: the script (or `-c` script) ends by exec'ing on every
 * path, a program dfmod cannot name (a computed word, or programs that
 * differ from path to path).
 */
interface FollowState {
  script: string | null;
  trapping: string | null;
  execsUnknown: string | null;
}

function appPath(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser): (FollowState & { argv: string[] | null }) | null {
  context = buildContextFor(facts, stage, context);
  const command = facts.command(stage);
  if (command.entrypoint === undefined || command.cmd === undefined) return null;
  const entrypoint = command.entrypoint ?? [];
  const argv = entrypoint.length ? [...entrypoint, ...(command.cmd ?? [])] : command.cmd ?? [];
  const state: FollowState = { script: null, trapping: null, execsUnknown: null };
  const app = followApp(facts, stage, context, shell, argv, command.entrypointNode === null && entrypoint.length > 0, 0, state);
  return { ...state, argv: app };
}

/** An entrypoint script by its name (`entrypoint.sh`, `docker-entrypoint-web`): by convention it sets up and execs its arguments. */
const ENTRYPOINT_NAMED = /(^|[-_.])entrypoint([-_.]|$)/;

/**
 * The words of an exec'd last command, `"$@"` replaced by `args`; null when
 * the program's name is computed. An argument the shell computes
 * (`"$PORT"`) is kept as written: what the program is does not depend on it.
 */
function execWords(command: Node, args: string[]): string[] | null {
  const name = command.childForFieldName('name');
  const nodes = [name?.namedChildren[0] ?? name, ...command.childrenForFieldName('argument')].filter((n): n is Node => !!n);
  const words: string[] = [];
  for (const node of nodes) {
    if (node.text === '"$@"' || node.text === '$@') {
      words.push(...args);
      continue;
    }
    const value = literalValue(node) ?? (words.length && !(words[0] === 'exec' && words.length === 1) ? node.text : null);
    if (value === null) return null;
    words.push(value);
  }
  return words[0] === 'exec' ? words.slice(1) : words;
}

function followApp(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser, argv: string[], inherited: boolean, depth: number, assumed: FollowState): string[] | null {
  if (!argv.length || depth > 6) return null;
  const program = basename(argv[0]);
  const next = (rest: string[]) => followApp(facts, stage, context, shell, rest, inherited, depth + 1, assumed);
  const afterInit = afterInitWrapper(argv);
  if (afterInit) return next(afterInit);
  const wrapper = EXEC_WRAPPERS[program];
  if (wrapper && (wrapper.subcommand === undefined || argv[1] === wrapper.subcommand) && argv.length > wrapper.skip) return next(argv.slice(wrapper.skip));
  if (PASS_THROUGH_ENTRYPOINT.test(program) && (inherited || !argv[0].includes('/') || argv[0] === `/usr/local/bin/${program}`) && !scriptInContext(facts, stage, context, argv[0])) {
    return next(argv.slice(1));
  }
  const c = commandOptionIndex(argv);
  if (POSIX_SHELLS.has(program) && c > 0 && c + 1 < argv.length) {
    const root = shell.parse(argv[c + 1]).rootNode;
    const last = lastCommand(root, shellImplementation(facts, stage, program));
    if ('none' in last || !last.execs) {
      if (trapsTerm(root, shell)) assumed.trapping ??= `the \`${program} -c\` script`;
      return null;
    }
    const words = execWords(last.command, argv.slice(c + 3));
    if (!words) assumed.execsUnknown ??= `the \`${program} -c\` script`;
    return words ? next(words) : null;
  }
  const { script, args, byShell } = scriptRunBy(facts, stage, context, argv);
  if (script) {
    const text = context!.read(script.source);
    if (text === null || (!byShell && !POSIX_SHEBANG.test(text))) return null;
    const root = shell.parse(text).rootNode;
    const ending = scriptEnding(root, args[0] ?? '');
    if (!('final' in ending)) {
      if (trapsTerm(root, shell)) assumed.trapping ??= `the script ${script.source}`;
      return null;
    }
    const words = ending.final === null ? null : execWords(ending.final, args);
    // `exec "$@"` with no arguments: the script set them itself (`set -- "${DEFAULT_CMD[@]}"`), to what dfmod cannot name.
    if (!words?.length) assumed.execsUnknown ??= `the script ${script.source}`;
    return words?.length ? next(words) : null;
  }
  // An entrypoint script dfmod cannot read (not in the build context it was given), with a command after it: taken to exec it, as the name promises; the note says so.
  if (ENTRYPOINT_NAMED.test(program) && argv.length > 1 && assumed.script === null && (!context || !scriptInContext(facts, stage, context, argv[0]))) {
    assumed.script = argv[0];
    return next(argv.slice(1));
  }
  return argv;
}

/** The words of a command after the wrappers that exec what follows them (`gosu app tini -- "$@"` → `tini -- "$@"`). */
function pastExecWrappers(words: (string | null)[]): (string | null)[] {
  for (let depth = 0; depth < 4 && words[0]; depth++) {
    const wrapper = EXEC_WRAPPERS[basename(words[0])];
    if (!wrapper || (wrapper.subcommand !== undefined && words[1] !== wrapper.subcommand) || words.length <= wrapper.skip) break;
    words = words.slice(wrapper.skip);
  }
  return words;
}

/** Whether words start with an init that execs the command after it (tini, dumb-init: INIT_WRAPPERS). */
const startsInit = (words: (string | null)[]): boolean => words[0] !== null && afterInitWrapper(words.map((w) => w ?? '')) !== null;

/**
 * The init an entrypoint script of the build context starts itself, on some
 * path: `exec tini -- "$@"`, or `set -- tini -- "$@"` (the official images'
 * idiom, often only when the script is PID 1: `if [ "$$" = 1 ]`) with an
 * `exec "$@"` to run it. Found on the way from what the container runs, as
 * appArgv follows it (a script that execs another script is followed on).
 * A script whose `#!` line runs an init (`#!/usr/bin/dumb-init /bin/sh`) has
 * one too: `command` is that line, `line` 1.
 * `line`: the command's line in the script. Null when no script dfmod reads does.
 */
export function scriptInit(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser): { init: string; script: string; command: string; line: number } | null {
  context = buildContextFor(facts, stage, context);
  if (!context) return null;
  const command = facts.command(stage);
  if (command.entrypoint === undefined || command.cmd === undefined) return null;
  const entrypoint = command.entrypoint ?? [];
  let argv = entrypoint.length ? [...entrypoint, ...(command.cmd ?? [])] : command.cmd ?? [];
  const inherited = command.entrypointNode === null && entrypoint.length > 0;
  for (let depth = 0; depth < 6 && argv.length; depth++) {
    if (afterInitWrapper(argv)) return null;
    const program = basename(argv[0]);
    const wrapper = EXEC_WRAPPERS[program];
    if (wrapper && (wrapper.subcommand === undefined || argv[1] === wrapper.subcommand) && argv.length > wrapper.skip) {
      argv = argv.slice(wrapper.skip);
      continue;
    }
    const script = scriptInContext(facts, stage, context, argv[0]);
    if (!script) {
      if (PASS_THROUGH_ENTRYPOINT.test(program) && (inherited || !argv[0].includes('/') || argv[0] === `/usr/local/bin/${program}`)) {
        argv = argv.slice(1);
        continue;
      }
      return null;
    }
    const text = context.read(script.source);
    // `#!/usr/bin/dumb-init /bin/sh`, `#!/sbin/tini -s /bin/sh`: the kernel runs the init, which runs the script.
    const shebang = text === null ? null : shebangInit(text);
    if (shebang) return { init: shebang.init, script: script.source, command: shebang.line, line: 1 };
    if (text === null || !POSIX_SHEBANG.test(text)) return null;
    const root = shell.parse(text).rootNode;
    if (root.hasError) return null;
    const commands = simpleCommands(root);
    const execsArgs = commands.some((c) => c.name === 'exec' && c.args[0] && (c.args[0].text === '"$@"' || c.args[0].text === '$@'));
    for (const c of commands) {
      const words = c.name === 'exec' ? pastExecWrappers(c.argValues)
        : c.name === 'set' && c.argValues[0] === '--' && execsArgs ? pastExecWrappers(c.argValues.slice(1))
        : null;
      if (words && startsInit(words)) {
        return { init: basename(words[0]!), script: script.source, command: c.node.text, line: text.slice(0, c.node.startIndex).split('\n').length };
      }
    }
    const ending = scriptEnding(root, argv[1] ?? '');
    if (!('final' in ending) || ending.final === null) return null;
    const words = execWords(ending.final, argv.slice(1));
    if (!words) return null;
    argv = words;
  }
  return null;
}

/** The init a script's `#!` line runs (`#!/usr/bin/dumb-init /bin/sh`, `#!/usr/bin/env tini -s -- /bin/sh`), with the line; null when it runs none. */
function shebangInit(text: string): { init: string; line: string } | null {
  if (!text.startsWith('#!')) return null;
  const line = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).replace(/\r$/, '');
  let words = line.slice(2).trim().split(/\s+/).filter(Boolean);
  if (words.length && basename(words[0]) === 'env') words = words.slice(1).filter((w) => !w.startsWith('-'));
  return words.length && isInitProgram(words[0]) ? { init: basename(words[0]), line } : null;
}

/** Why a stage's PID 1 needs no init, with the note's id; null when an init may help (or dfmod cannot tell). */
export interface Pid1Sufficient {
  id: 'server-reaps' | 'single-binary' | 'one-shot-tool' | 'handles-sigterm' | 'pid1-not-known';
  reason: string;
}

/**
 * Whether what the container runs in the end is already a proper PID 1 (see
 * knowledge/programs.ts): a server or process manager that reaps its workers
 * and handles SIGTERM, a single compiled program a build stage of the file
 * produced (or the .NET host running an app), a one-shot CLI tool, or a
 * one-shot check (`cmp a b && cmp c d`), which needs no init at all; a
 * runtime that handles SIGTERM itself (the JVM, Ruby). An init is added only
 * in front of what is known to ignore SIGTERM as PID 1 (PID1_NEEDS_INIT:
 * interpreters, npm, shells, a C program the file builds): any other program
 * dfmod can name is left as it is (`pid1-not-known`), since most that are no
 * interpreter (Go, Rust, .NET programs, daemons) handle the signal. Null
 * where an init helps, or dfmod cannot follow the path to the app (a shell
 * that stays PID 1 and waits: the init helps there too).
 */
export function pid1Sufficient(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser): Pid1Sufficient | null {
  const check = oneShotCheck(facts, stage, shell);
  if (check) {
    const programs = check.programs.map((p) => `\`${p}\``).join(', ');
    return { id: 'one-shot-tool', reason: `the command \`${check.command}\` is a one-shot check (${programs}), which exits when done and starts nothing to stop or reap` };
  }
  const path = appPath(facts, stage, context, shell);
  if (!path) return null;
  if (!path.argv) {
    // The script that stays PID 1 handles SIGTERM itself, and as the parent of what it started it reaps it.
    if (path.trapping) return { id: 'handles-sigterm', reason: `PID 1 is ${path.trapping}, which traps SIGTERM, stops its app and waits for it (reaping it)` };
    if (path.execsUnknown) {
      return { id: 'pid1-not-known', reason: `${path.execsUnknown} ends by exec'ing a program dfmod cannot name (a computed command, or another on each path), so dfmod does not know it ignores SIGTERM` };
    }
    return null;
  }
  const found = sufficientArgv(facts, stage, context, path.argv);
  if (!found || !path.script) return found;
  return { ...found, reason: `${found.reason}, if \`${path.script}\` ends by exec'ing its arguments` };
}

/** Whether the stage, or a stage it is built FROM, sets STOPSIGNAL. */
function stopSignalSet(facts: FileFacts, stage: Stage): boolean {
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) if (s.instructions.some((n) => n.keyword === 'STOPSIGNAL')) return true;
  return false;
}

/**
 * Whether an INI file of the build context that argv names (`--ini app.ini`,
 * `app.ini`), copied into the image, sets the server's stop option: the last
 * occurrence in its section, bare (a flag) or with a value that is not false.
 */
function configStops(facts: FileFacts, stage: Stage, context: BuildContext | null, argv: readonly string[], config: ReloadsConfig | undefined): boolean {
  context = buildContextFor(facts, stage, context);
  if (!config || !context) return false;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const option = config.options.find((o) => argv[i] === o || argv[i].startsWith(`${o}=`));
    if (option) files.push(argv[i] === option ? argv[++i] ?? '' : argv[i].slice(option.length + 1));
    else if (!argv[i].startsWith('-') && config.extensions.some((e) => argv[i].endsWith(e))) files.push(argv[i]);
  }
  return files.some((word) => {
    const colon = word.indexOf(':');
    const file = colon > 0 ? word.slice(0, colon) : word;
    const section = colon > 0 ? word.slice(colon + 1) : config.section;
    const script = scriptInContext(facts, stage, context, file.includes('/') ? file : `./${file}`);
    const text = script ? context!.read(script.source) : null;
    if (text === null) return false;
    let current: string | null = null;
    let set = false;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
      const header = /^\[([^\]]*)\]$/.exec(line);
      if (header) { current = header[1].trim(); continue; }
      if (current !== section) continue;
      const eq = line.indexOf('=');
      const key = (eq < 0 ? line : line.slice(0, eq)).trim();
      if (!config.keys.includes(key)) continue;
      set = eq < 0 || !config.falseValues.includes(line.slice(eq + 1).trim().toLowerCase());
    }
    return set;
  });
}

function sufficientArgv(facts: FileFacts, stage: Stage, context: BuildContext | null, argv: string[]): Pid1Sufficient | null {
  // `python -m gunicorn …` is gunicorn; `python -m http.server` is still Python.
  if (programKey(argv[0]) === 'python' && argv[1] === '-m' && argv[2]) {
    const module = programKey(argv[2]);
    if (SELF_REAPING_SERVERS[module] !== undefined || PID1_HANDLES_TERM[module] !== undefined || SERVER_SUBCOMMANDS[module] !== undefined) argv = argv.slice(2);
  }
  const program = programKey(argv[0]);
  const server = SELF_REAPING_SERVERS[program];
  const reloads = SIGTERM_RELOADS[program];
  if (reloads && !argv.some((a) => reloads.stopOptions.includes(a)) && !stopSignalSet(facts, stage) && !configStops(facts, stage, context, argv, reloads.config)) return { id: 'server-reaps', reason: `PID 1 is \`${program}\`, ${reloads.reason}` };
  if (server !== undefined) return { id: 'server-reaps', reason: `PID 1 is \`${program}\`, ${server}` };
  const sub = SERVER_SUBCOMMANDS[program];
  if (sub && sub.subcommands.includes(argv[1] ?? '')) {
    return { id: 'server-reaps', reason: `PID 1 is \`${program} ${argv[1]}\` (${sub.server}), ${SELF_REAPING_SERVERS[sub.server]}` };
  }
  if (ONE_SHOT_TOOLS.has(program)) return { id: 'one-shot-tool', reason: `PID 1 is the command-line tool \`${program}\`, which runs once and starts no children` };
  const built = compiledProgram(facts, stage, argv);
  if (built) return { id: 'single-binary', reason: `PID 1 is ${built}, which handles SIGTERM itself; an init would add only the reaping of children it starts, and dfmod sees it start none` };
  const handles = PID1_HANDLES_TERM[program];
  if (handles !== undefined) return { id: 'handles-sigterm', reason: `PID 1 is \`${program}\`, ${handles}` };
  if (pid1NeedsInit(facts, stage, context, argv) !== null) return null;
  return {
    id: 'pid1-not-known',
    reason: `PID 1 is \`${argv[0]}\`, which dfmod does not know to ignore SIGTERM (it adds an init in front of Node.js, Python, PHP, Perl, ` +
      'npm, yarn, pnpm, shells, Debian\'s cron and C programs the file builds, which do; most other programs handle the signal)',
  };
}

/**
 * Why the program argv runs ignores SIGTERM as PID 1 (PID1_NEEDS_INIT),
 * as a clause for the change message; null when it is not known to. By its
 * name, its file's extension (`/start.sh`, `app.py`), the `#!` line of a
 * script of the build context, or a C/C++ toolchain that built it (in the
 * stage it is copied from, or the stage's own chain).
 */
export function pid1NeedsInit(facts: FileFacts, stage: Stage, context: BuildContext | null, argv: readonly string[]): string | null {
  context = buildContextFor(facts, stage, context);
  if (!argv.length) return null;
  const byName = PID1_NEEDS_INIT[programKey(argv[0])];
  if (byName !== undefined) return byName;
  const extension = path.posix.extname(argv[0]);
  const byExtension = Object.hasOwn(SCRIPT_EXTENSIONS, extension) ? PID1_NEEDS_INIT[SCRIPT_EXTENSIONS[extension]] : undefined;
  if (byExtension !== undefined) return byExtension;
  const script = scriptInContext(facts, stage, context, argv[0]);
  const text = script ? context!.read(script.source) : null;
  const interpreter = text === null ? null : shebangProgram(text);
  if (interpreter !== null && PID1_NEEDS_INIT[programKey(interpreter)] !== undefined) return PID1_NEEDS_INIT[programKey(interpreter)];
  if (script) return null;
  const workdir = facts.finalWorkdir(stage);
  const target = argv[0].startsWith('/') ? path.posix.normalize(argv[0]) : argv[0].includes('/') && workdir !== null ? path.posix.resolve(workdir, argv[0]) : null;
  if (target !== null && ELIXIR_RELEASE_PATH.test(contextSourceAt(facts, stage, target) ?? '')) return `an Elixir release, run by ${ERLANG_VM}`;
  const builtIn = (target !== null ? copiedFromStage(facts, stage, target) : null) ?? stage;
  return runsCToolchain(facts, builtIn) ? 'a C or C++ program built by the file, which ignores SIGTERM as PID 1 unless its code handles it' : null;
}

/** The program a script's `#!` line runs (`#!/usr/bin/env python3` → python3), or null. */
function shebangProgram(text: string): string | null {
  if (!text.startsWith('#!')) return null;
  const end = text.indexOf('\n');
  let words = text.slice(2, end < 0 ? text.length : end).trim().split(/\s+/).filter(Boolean);
  if (words.length && path.posix.basename(words[0]) === 'env') words = words.slice(1).filter((w) => !w.startsWith('-'));
  return words.length ? path.posix.basename(words[0]) : null;
}

/** Whether a RUN of the stage (or the stages it builds on) runs a C or C++ toolchain (C_TOOLCHAINS). */
function runsCToolchain(facts: FileFacts, stage: Stage): boolean {
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) {
    for (const node of s.instructions) {
      if (node.keyword !== 'RUN') continue;
      const read = facts.readRun(node);
      if (read.kind === 'script' && facts.commandsOf(read).some((c) => c.program !== null && C_TOOLCHAINS.has(c.program))) return true;
    }
  }
  return false;
}

/** What compiled program argv runs, as a clause (`/app is a Go program built in stage build`), or null. */
function compiledProgram(facts: FileFacts, stage: Stage, argv: string[]): string | null {
  // The .NET host running an app's dll on a .NET runtime image.
  if (basename(argv[0]) === 'dotnet' && argv.length >= 2 && argv[1].endsWith('.dll')) {
    const image = facts.baseImage(stage);
    if (image && describeImage(image).language === 'dotnet') return `\`dotnet ${argv[1]}\`, one .NET process`;
    return null;
  }
  const workdir = facts.finalWorkdir(stage);
  // A bare name runs from PATH: the copies into the usual bin folders.
  const targets = argv[0].startsWith('/') ? [path.posix.normalize(argv[0])]
    : argv[0].includes('/') ? (workdir !== null ? [path.posix.resolve(workdir, argv[0])] : [])
    : ['/usr/local/bin', '/usr/bin', '/bin'].map((dir) => path.posix.join(dir, argv[0]));
  const from = targets.map((target) => copiedFromStage(facts, stage, target)).find((s) => s !== null) ?? null;
  if (!from) return null;
  const runtime = compilesIn(facts, from) ?? compiledLanguage(facts, from);
  return runtime ? `\`${argv[0]}\`, a ${runtime} program built in stage \`${from.name ?? from.index}\`` : null;
}

/** The compiled language of the image a stage is built on (COMPILED_LANGUAGES: golang, rust), or null. */
function compiledLanguage(facts: FileFacts, stage: Stage): string | null {
  const image = facts.baseImage(stage);
  const language = image === null ? null : describeImage(image).language;
  return language ? COMPILED_LANGUAGES[language] ?? null : null;
}

/** The stage a COPY --from of the stage's FROM chain took `target` from (the last such COPY), or null. */
function copiedFromStage(facts: FileFacts, stage: Stage, target: string): Stage | null {
  return copyAt(facts, stage, target)?.fromStage ?? null;
}

/** The last COPY or ADD of the stage's FROM chain that puts a file at `target` (absolute), from anywhere; null when none does. */
export function copyAt(facts: FileFacts, stage: Stage, target: string): CopyOperands | null {
  let found: CopyOperands | null = null;
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.unshift(s);
  for (const s of chain) {
    for (const node of s.instructions) {
      const copy = facts.copyOperands(node);
      if (!copy || copy.destResolved === null) continue;
      const hit = copy.sources.some((source) => {
        const into = copy.destIsDirectory || copy.dest.endsWith('/') ? path.posix.join(copy.destResolved!, basename(source.replace(/\/+$/, ''))) : copy.destResolved;
        return into === target;
      });
      if (hit) found = copy;
    }
  }
  return found;
}

/** Folders a bare command name is looked for in, for a program a COPY put on the PATH. */
const BIN_FOLDERS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The program a command word runs, when a COPY or ADD of the stage's chain
 * put it there: its path in the image, the copy, and the runtime it was
 * compiled for when a build stage of the file built it (`go build`); null
 * when no COPY put it there (a package installed it, the base image has it).
 */
export function copiedProgram(facts: FileFacts, stage: Stage, word: string): { path: string; copy: CopyOperands; compiled: string | null } | null {
  const workdir = facts.finalWorkdir(stage);
  const candidates = word.startsWith('/') ? [path.posix.normalize(word)]
    : word.includes('/') ? (workdir === null ? [] : [path.posix.resolve(workdir, word)])
    : BIN_FOLDERS.map((dir) => path.posix.join(dir, word));
  for (const target of candidates) {
    const copy = copyAt(facts, stage, target);
    if (copy) return { path: target, copy, compiled: copy.fromStage ? compilesIn(facts, copy.fromStage) : null };
  }
  return null;
}

/**
 * A command that only checks something and exits (ONE_SHOT_CHECKS, in a
 * chain of them: `cmp a b && cmp c d`, `diff -r a b`, `true`): the command
 * as a clause with the programs it runs, or null. Followed through an init
 * wrapper and the official images' pass-through entrypoint; a `-c` script
 * counts when every command in it is a check, with no loop or background job.
 */
export function oneShotCheck(facts: FileFacts, stage: Stage, shell: ShellParser): { command: string; programs: string[] } | null {
  const command = facts.command(stage);
  if (command.entrypoint === undefined || command.cmd === undefined) return null;
  const entrypoint = command.entrypoint ?? [];
  let argv = entrypoint.length ? [...entrypoint, ...(command.cmd ?? [])] : command.cmd ?? [];
  argv = afterInitWrapper(argv) ?? argv;
  if (argv.length && PASS_THROUGH_ENTRYPOINT.test(basename(argv[0])) && (command.entrypointNode === null || !argv[0].includes('/') || argv[0] === `/usr/local/bin/${basename(argv[0])}`)) argv = argv.slice(1);
  if (!argv.length) return null;
  const c = commandOptionIndex(argv);
  if (POSIX_SHELLS.has(basename(argv[0])) && c > 0 && c + 1 < argv.length) {
    const script = argv[c + 1];
    const root = shell.parse(script).rootNode;
    if (root.hasError) return null;
    let loops = false;
    walk(root, (n) => {
      if (/^(while|until|for|c_style_for)_statement$/.test(n.type) || (!n.isNamed && n.type === '&')) loops = true;
      return !loops;
    });
    const commands = simpleCommands(root);
    if (loops || !commands.length || !commands.every((x) => x.name !== null && ONE_SHOT_CHECKS.has(x.name))) return null;
    return { command: script, programs: [...new Set(commands.map((x) => x.name!))] };
  }
  const program = basename(argv[0]);
  return ONE_SHOT_CHECKS.has(program) ? { command: argv.join(' '), programs: [program] } : null;
}

/** The runtime a stage (or the stages it builds on) compiles a program for: a `go build`, `cargo build`, `dotnet publish` in its RUNs. */
function compilesIn(facts: FileFacts, stage: Stage): string | null {
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) {
    for (const node of s.instructions) {
      if (node.keyword !== 'RUN') continue;
      const read = facts.readRun(node);
      if (read.kind !== 'script') continue;
      for (const c of facts.commandsOf(read)) {
        const build = c.program ? COMPILED_BUILDS[c.program] : undefined;
        // The subcommand is the first word that is no option (`cargo +nightly build`, `go -C dir build` aside).
        const subcommand = c.words.slice(1).find((w) => w === null || !/^[-+]/.test(w));
        if (build && subcommand && build.subcommands.includes(subcommand)) return build.runtime;
      }
    }
  }
  return null;
}
