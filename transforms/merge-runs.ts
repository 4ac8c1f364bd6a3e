/**
 * merge-runs: every RUN is a layer. Consecutive RUNs of one stage become one
 * RUN, joined with `&&`, so the image has fewer layers and a failure still
 * stops the build where it did.
 *
 * Which RUNs are worth joining (the policy):
 * - Only in a stage whose layers ship (ctx.facts.shipsLayers): a build
 *   target (the last stage, or a stage no other stage uses, which is built
 *   as a target of its own) or a stage a target is built FROM. A stage that
 *   other stages only copy or mount from (or that only such a stage builds
 *   FROM) loses its layers: joining there saves no bytes and only removes
 *   cache points. One note per stage (`unshipped-stage`).
 * - A merged RUN holds at most one substantial step: a RUN that installs
 *   packages (a system package manager, or a language one: pip, npm
 *   install/ci, yarn, pnpm, gem, bundle, composer, cpanm, cpan, conda,
 *   luarocks, uv, poetry, `Rscript -e 'install.packages(...)'`, `R CMD
 *   INSTALL`), downloads (curl or wget writing a file, or piped into a
 *   shell or tar; `git clone`), builds (make, ./configure, cmake --build,
 *   ninja, go build/install, cargo build/install, mvn, gradle, dotnet
 *   build/publish, bazel build, a package.json `build` script), or runs six
 *   commands or more. Which programs are which is lib/knowledge's
 *   (package-managers' rows and CODE_INSTALLS; programs' BUILD_COMMANDS,
 *   DOWNLOADERS, SOURCE_FETCHES), read by lib/facts. Two of them each do
 *   their own work: one layer would save nothing while a failure of the
 *   second reruns the first (`separate-steps`, once per stage). The one
 *   exception: RUNs right after one another that only install system
 *   packages with the same manager, verb and options (`apk add --no-cache
 *   bash` then `apk add --no-cache curl`) are one install split in two, which
 *   an expert writes as one; they join, unless the apt lists would be updated
 *   or removed twice (`apt-lists`, once per stage). Other options (`apk add
 *   --virtual .build-deps`) or a small step between them keep them apart.
 * - Every other RUN is a small step (chmod, useradd, mkdir, ln, sed on a
 *   config, an echo into one, a lone `apt-get update`, an apt install that
 *   reads the lists a RUN above fetched, a repository key or list downloaded
 *   into the package sources), or a cleanup when every command it runs
 *   removes files or packages, or does nothing (`rm -rf /x || true`). A
 *   small step joins the small steps beside it and the substantial step
 *   after it, which it usually prepares (a sources.list line before its
 *   update); it never joins a substantial step above it, whose work a change
 *   to it would rerun (`after-step`, once per stage). Only a cleanup joins
 *   upward: it joins the group above, and when that group holds a step it
 *   takes along the small steps between them, which ran before the files
 *   went (download, unpack, delete the archive).
 * - A download joins the RUNs that read its file (unpack, chmod, move it),
 *   and the install of a package file it fetched (`apk add ./x.apk`), even
 *   though that install is a step: apart, the file stays in the download's
 *   layer. An apt install without its own update joins the RUN above when
 *   that RUN fetched the lists and left them: it reads them. A RUN that only
 *   changes owners or modes recursively (`chown -R`, `chmod -R`, besides
 *   removals) joins the RUN right above when that RUN names a path in or
 *   over the one it changes, or runs in a WORKDIR there: in a layer of its
 *   own the change stores a second copy of every file it touches.
 * - Also kept apart: two RUNs that each run a regenerator (lib/knowledge's
 *   REGENERATORS: `locale-gen`, `update-ca-certificates`), which one RUN
 *   would run twice (`regenerates-again`); and a RUN that only cleans, at the
 *   head of a chain, from the step below it (it empties what earlier layers
 *   keep anyway). Joined besides: a finisher (INSTALL_FINISHERS:
 *   `docker-php-ext-enable redis`) to the install above it that it names; and
 *   an install, the step after it and the cleanup that purges the installed
 *   packages, so that they never reach a layer.
 * - A comment above or among the RUNs that says they are kept as separate
 *   layers on purpose (lib/knowledge's LAYER_SPLIT_COMMENT: "split into
 *   separate RUN commands", "each in its own layer for parallel pulls")
 *   stops every merge of the RUNs under it (`layer-split-comment`, once per
 *   comment).
 * - A merged RUN has at most one `apt-get update` and one removal of the
 *   lists, and no update after that removal.
 * - Not in a dev container (ctx.facts.stageRole says `devcontainer`: the
 *   file is in a `.devcontainer/` folder): its RUNs are cache points people
 *   rebuild often, and its size matters little. One note per file.
 * - A comment line between two RUNs (a note on the next RUN, or a
 *   commented-out instruction) ends the merge: inside a `&&` chain it would
 *   describe the wrong thing. Comment lines that describe something (not
 *   only a commented-out instruction) directly above a RUN head it and the
 *   RUNs right under it, up to a blank line: those may join (a list of what
 *   they do, or a heading over a few small steps), and none past the blank
 *   line joins them but cleanups, since the comment would label it too
 *   (`described-run`, once per stage). A cleanup that joins across the blank
 *   line takes it away, so what is right under the cleanup joins as well.
 * - A RUN with a comment of its own is never pulled into the RUN above it,
 *   but a cleanup, since a cleanup in a later layer saves nothing: when the
 *   comment lines stand right above it (only blank lines above them), each
 *   describes or is an empty `#` (none is code commented out), the cleanup
 *   joins and its comment moves with it, onto comment lines of the merged
 *   RUN right above the cleanup's command (Docker drops them), so it still
 *   stands on what it describes: above the merged RUN it would seem to
 *   describe its first command, and none is left above the next RUN. What stood under that comment past the cleanup stays apart from
 *   the RUNs above it, as the comment kept it, unless it is a cleanup too.
 *   A comment that heads a section is not the cleanup's own: a banner line
 *   (`#####`, `# ---- Cleanup ----`), an empty `#` between paragraphs, or
 *   several lines over RUNs right under the cleanup that are no cleanups.
 *   The cleanup then stays under it, apart from the RUN above
 *   (`heading-comment`).
 * - Notes speak only of RUNs in the file as read (ctx.onDisk): not of one
 *   another transform inserted (init-entrypoint's `RUN apk add tini`), which
 *   the reader does not find there.
 * - A RUN that only changes its own shell (assignments, `export`, `cd`,
 *   `set`, with nothing computed) has no effect, since each RUN starts a new
 *   shell: it is joined with neither neighbour, and its note names the ENV,
 *   WORKDIR or SHELL that would do what it meant (`no-effect`). It is left
 *   as written: changing it is the author's call.
 * - A RUN whose top level is two or more statements (`set -eux; apt-get
 *   update; ...`, `b; c`) is a script written that way on purpose: it is
 *   joined with neither the RUN above nor the one below, which `&&` would
 *   only reach through `{ ...; }`. One note per stage. A lone trailing `;`
 *   (`RUN a;`) leaves one statement, which joins as usual.
 * - A RUN whose first command is `set` with a tracing or errexit option
 *   (`set -x`, `set -eux`, `set +x`, `set -o errexit`/`xtrace`/`verbose`) is
 *   written for the whole RUN: it is never joined to the RUN above, where it
 *   would apply only from the middle (`leading-set`). It may start a group:
 *   RUNs below it join it, unless it turns on `set -e`, which the shell
 *   ignores left of `&&` (nothing joins after such a RUN).
 *
 * Each RUN starts a fresh shell in WORKDIR. Joined, they share one shell, so
 * a part that changes the shell (`cd`, `export`, `set`, a function, ...) runs
 * in a subshell `( ... )` when a later part can be affected: not for an
 * assignment no later part reads, not for `set -x`, not for a `cd` when the
 * next part starts with `cd` to an absolute path. A part whose top level is an
 * `||` list is grouped `{ ...; }` on the right of `&&` so that an earlier
 * failure cannot fall through to it. Anything the join could not keep exactly
 * (background jobs, flags, heredocs, other shells, `set -e` left of `&&`) is
 * left alone with a note. Joined commands take the indentation the RUNs give
 * theirs on continuation lines (see continuationIndent), and `&&` goes at
 * the end of a line (`a && \`) when the RUNs write it there, else at the start.
 */
import type { Node } from '../lib/core/shell.js';
import path from 'node:path';
import { hasBackgroundJob, literalValue, topLevelStatements, walk } from '../lib/core/shell.js';
import { operatorStyle } from '../lib/core/run-script.js';
import { rewriteKeeping, type RewritePiece } from '../lib/core/edits.js';
import {
  aptListsRemoval, downloadOf, downloadsAptLists, installedCommands, isBuild, isDependencyFetch, isLanguageInstall, isPackageInstall, managerCommand, packageListOf, recursiveModeChange, roleReasonOnDisk, writtenPaths, type RunCommand,
} from '../lib/facts/index.js';
import { PACKAGE_MANAGER_FACTS, PACKAGE_SOURCE_DIRS, SELF_INSTALLS_IN_PLACE } from '../lib/knowledge/package-managers.js';
import { INSTALL_FINISHERS, LAYER_SPLIT_COMMENT, REGENERATORS } from '../lib/knowledge/programs.js';
import type { DockerfileModel, InstructionNode } from '../lib/core/dockerfile.js';
import type { Fix, NoteInput, Refusal, Transform, TransformContext } from '../lib/core/types.js';

const ID = 'merge-runs';
/** What makes a RUN a substantial step, as the notes say it. */
const STEP_WORK = 'installs packages, downloads, builds or runs many commands';
const HADOLINT_RULES = ['DL3059'];
const INDENT = '    ';

/** Builtins that change the shell running them (directory, variables, options, traps, fds, limits) or end it. */
const STATE_BUILTINS = new Set([
  'cd', 'pushd', 'popd', 'export', 'set', 'shift', 'umask', 'ulimit', 'trap', 'alias', 'unalias', 'shopt',
  'unset', 'source', '.', 'exec', 'exit', 'return', 'eval', 'read', 'readonly', 'local', 'declare', 'typeset',
  'let', 'getopts', 'hash', 'enable', 'builtin', 'command', 'mapfile', 'readarray',
  // zsh and ksh, which SHELL may name
  'setopt', 'unsetopt', 'emulate', 'zmodload', 'autoload', 'integer', 'float', 'nameref', 'disable',
]);

/** POSIX special builtins: `X=1 :` keeps X in the shell, unlike `X=1 cmd`. */
const SPECIAL_BUILTINS = new Set([
  ':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times',
  'trap', 'unset',
]);

/** Syntax that changes the shell it runs in, by tree-sitter-bash node type. */
const STATE_SYNTAX: Record<string, string> = {
  function_definition: 'a function definition',
  declaration_command: 'a declaration',
  unset_command: '`unset`',
  variable_assignments: 'a variable assignment',
  for_statement: 'a `for` loop, which leaves its variable set',
  c_style_for_statement: 'a `for` loop, which leaves its variable set',
  select_statement: 'a `select` loop, which leaves its variable set',
};

/** Operators that assign inside `$(( ))`, `(( ))` and `${x:=y}`. */
const ASSIGNING_OPERATORS = new Set(['=', ':=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=', '++', '--']);

/** Nodes whose commands run in a child process: what they change never reaches the RUN's shell. */
const CHILD_PROCESS = new Set(['subshell', 'command_substitution', 'process_substitution']);

/** Syntax inside which `set -e` stops working when the whole sits left of `&&`. */
const COMPOUND = new Set([
  'subshell', 'compound_statement', 'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement',
  'case_statement', 'function_definition', 'command_substitution', 'process_substitution', 'select_statement',
]);

/** Variables whose value in a fresh shell differs from their value after earlier commands. */
const FRESH_SHELL_VARIABLES = new Set(['_', 'SECONDS', 'BASH_COMMAND']);


/** One RUN, read for joining. */
interface Part {
  node: InstructionNode;
  /** The source text from the first to the last command: continuations and inner comment lines kept. */
  body: string;
  /** What follows the last command on its line, as written: spaces, a `;`, a `# comment`. */
  tail: string;
  /** A trailing `# comment`, which must not stay where it would swallow the next part. */
  comment: string | null;
  /**
   * The comment lines right above this RUN, as written (line breaks kept), when it is a cleanup joined across them
   * into the RUN above: they go into the merged RUN, right above its command. Set while the chain is read.
   */
  carries?: string;
  /** Why this part changes the shell, or null. */
  changesShell: string | null;
  /** How it changes the shell, to judge whether a later part can be affected. */
  effects: ShellEffect[];
  /** The variables it reads; null when it may read any (`eval`, `source`, `${!prefix*}`). */
  reads: Set<string> | null;
  /** Its first command is `cd` to an absolute path, so the directory an earlier part left does not matter to it. */
  startsWithAbsoluteCd: boolean;
  /** It installs packages, downloads, builds or runs many commands: a merged RUN holds at most one such step. */
  substantial: boolean;
  /** Every command it runs removes files or packages (or does nothing, `|| true`): it joins the RUN above. */
  cleanup: boolean;
  /**
   * It only installs system packages, with one manager, verb and options (and
   * may refresh that manager's index or remove files): what they are, as one
   * key, or null. Two such RUNs in a row with the same key join.
   */
  installOnly: string | null;
  /** Its `apt-get update`s and removals of the apt lists, in order. */
  aptIndex: ('update' | 'removal')[];
  /** It installs with apt: without an update of its own, from the lists a RUN above fetched. */
  aptInstall: boolean;
  /** Some command of it removes files or packages (all of them do, for a cleanup). */
  removesSome: boolean;
  /**
   * Its last command installs packages named last on the line, ending the
   * RUN at the top of its `&&` chain: the words before the packages, and the
   * file offset where they start. `sole`: that install is all the RUN runs.
   * A sole install right after one with the same words joins its list.
   */
  endsWithList: { prefix: string; packagesStart: number; sole: boolean } | null;
  /** Its one top-level statement is an `||` list, so it needs `{ ; }` right of `&&`. */
  isList: boolean;
  /** Its top level is two or more statements (`a; b`): it is joined with no neighbour. */
  script: boolean;
  /** Why it may turn on `set -e` (only honoured in the last part of a `&&` list), or null. */
  errexit: string | null;
  /** Its first command is `set` with tracing or errexit options (`set -eux`), as written: it is never joined to the RUN above. */
  leadingSet: string | null;
  /** It has `;` lists or compound commands, where a SHELL's `-e` is off left of `&&`. */
  compound: boolean;
  /** Why nothing may be joined after it (it changes what starts each later RUN), or null. */
  endsGroup: Refusal | null;
  /** The programs it calls by name. */
  calls: Set<string>;
  /** The command names it may put on PATH. */
  installs: Set<string>;
  /** The names of the files it downloads (`curl -o x.tgz`, `wget …/x.tgz`). */
  downloads: Set<string>;
  /** The file names its commands' words name, to see a later part read a download. */
  mentions: Set<string>;
  /** The file names its package installs name (`apk add ./pkg.apk`, `dpkg -i x.deb`): an install of a download belongs with it. */
  installsFiles: Set<string>;
  /** It only changes its own shell (assignments, `export`, `cd`, `set`), which no later RUN sees: the note that says so, or null. */
  noEffect: string | null;
  /**
   * The paths it changes the owner or mode of recursively (`chown -R`,
   * `chmod -R`), when that is all it does besides removing files; else null.
   * In a layer of its own such a change copies every file it touches.
   */
  recursiveChange: string[] | null;
  /** It only removes files or packages, besides `echo`s to the log: at a chain's head it cleans what earlier layers keep anyway. */
  cleansOnly: boolean;
  /** The system packages it installs (`apt-get install -y curl`: curl). */
  installedPackages: Set<string>;
  /** The packages it removes (`apt-get purge -y curl`, `apk del curl`). */
  removedPackages: Set<string>;
  /** Every command it runs finishes an install (lib/knowledge's INSTALL_FINISHERS): the words it names besides its programs. */
  finishes: Set<string> | null;
  /** The absolute paths its commands name, and its WORKDIR: where it may write. */
  touches: string[];
}

function tokenText(node: Node): string {
  return node.text.length > 40 ? `${node.text.slice(0, 37)}...` : node.text;
}

function commandName(node: Node): string | null {
  const word = node.childForFieldName('name')?.namedChildren[0];
  return word ? literalValue(word) : null;
}

function inArithmetic(node: Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'test_command') return false;
    if (parent.type === 'arithmetic_expansion' || parent.type === 'c_style_for_statement') return true;
    if (parent.type === 'compound_statement' && parent.children[0]?.type === '((') return true;
  }
  return false;
}

/** Every builtin and keyword of bash and POSIX sh: what a computed command name might spell. */
const SHELL_BUILTINS = [
  ...STATE_BUILTINS, ...SPECIAL_BUILTINS, 'source', 'alias', 'bg', 'bind', 'builtin', 'caller', 'command', 'compgen', 'complete', 'compopt',
  'declare', 'dirs', 'disown', 'echo', 'enable', 'false', 'fc', 'fg', 'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local',
  'logout', 'mapfile', 'printf', 'pwd', 'read', 'readarray', 'suspend', 'test', 'true', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'wait',
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', 'select', 'time', 'coproc', '[', '[[', '{', '}', '!',
];

/**
 * Whether a command name the shell computes (`python$PYTHON_VERSION`) still
 * names no builtin: it starts with literal text that starts no builtin's
 * name, so whatever the expansion adds (word splitting included), the
 * command's first word is a program.
 */
function namesNoBuiltin(node: Node): boolean {
  const word = node.childForFieldName('name')?.namedChildren[0];
  if (!word || word.type !== 'concatenation') return false;
  const first = word.namedChildren[0];
  if (!first || first.type !== 'word' || first.startIndex !== word.startIndex) return false;
  const prefix = first.text;
  return prefix.length > 0 && !/[\\'"]/.test(prefix) && !SHELL_BUILTINS.some((builtin) => builtin.startsWith(prefix));
}

/** Why `node` itself changes the shell it runs in, or null. */
function stateChange(node: Node): string | null {
  if (node.type === 'command') {
    const name = commandName(node);
    if (name === null && !namesNoBuiltin(node)) return `\`${tokenText(node.childForFieldName('name') ?? node)}\` may name a builtin such as \`cd\``;
    if (name === null) return null;
    if (STATE_BUILTINS.has(name)) return `\`${name}\` changes the shell`;
    const args = node.childrenForFieldName('argument').map((a) => (a ? literalValue(a) : null));
    if (name === 'printf' && (args[0] === null || args[0]?.startsWith('-v'))) return '`printf -v` sets a variable';
    const assigns = node.namedChildren.some((c) => c?.type === 'variable_assignment');
    if (assigns && SPECIAL_BUILTINS.has(name)) return `an assignment before \`${name}\` stays in the shell`;
    return null;
  }
  if (STATE_SYNTAX[node.type]) return STATE_SYNTAX[node.type];
  if (node.type === 'variable_assignment' && node.parent?.type !== 'command') return 'a variable assignment';
  if (!node.isNamed && ASSIGNING_OPERATORS.has(node.type)) {
    if (node.parent?.type === 'expansion') return `an assigning expansion \`${tokenText(node.parent)}\``;
    if (inArithmetic(node)) return 'an arithmetic assignment';
  }
  return null;
}

/** A change to the RUN's own shell, as far as a later joined part can feel it. */
type ShellEffect =
  | { kind: 'cwd'; reason: string }
  | { kind: 'variable'; name: string; reason: string }
  | { kind: 'other'; reason: string };

/**
 * Variables the shell itself, or every program it starts, reads: assigning
 * one changes what later commands do even unexported (or it is exported
 * already, by the image).
 */
const SHELL_VARIABLES = new Set([
  'PATH', 'HOME', 'IFS', 'CDPATH', 'ENV', 'BASH_ENV', 'PS1', 'PS2', 'PS3', 'PS4', 'OPTIND', 'OPTARG', 'OPTERR',
  'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'LC_COLLATE', 'LC_MESSAGES', 'LC_NUMERIC', 'PWD', 'OLDPWD', 'SHELLOPTS',
  'BASHOPTS', 'POSIXLY_CORRECT', 'GLOBIGNORE', 'TMOUT', 'FPATH', 'TMPDIR', 'TZ', 'USER', 'SHELL', 'TERM',
  'LD_LIBRARY_PATH', 'LD_PRELOAD', 'DEBIAN_FRONTEND', 'HOSTNAME', 'MAIL', 'MAILPATH', 'HISTFILE', 'TIMEFORMAT',
]);

/** The variable an assignment node sets (`a[1]=x` sets `a`). */
function assignedName(node: Node): string {
  const name = node.childForFieldName('name')?.text ?? node.text;
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(name)?.[0] ?? name;
}

/** How `node` itself changes the shell it runs in: an effect, 'harmless' (`set -x`), or null for no change. */
function stateEffect(node: Node): ShellEffect | 'harmless' | null {
  if (node.type === 'command') {
    const name = commandName(node);
    if (name === 'cd') return { kind: 'cwd', reason: '`cd` changes the shell' };
    if (name === 'set') {
      const args = node.childrenForFieldName('argument').map((a) => (a ? literalValue(a) : null));
      // Tracing options change what the log shows, not what a command does.
      if (args.length > 0 && args.every((a) => a !== null && /^[-+][xv]+$/.test(a))) return 'harmless';
    }
  }
  if (node.type === 'variable_assignment' && node.parent?.type !== 'command') {
    return { kind: 'variable', name: assignedName(node), reason: 'a variable assignment' };
  }
  if (node.type === 'variable_assignments') return null;
  if (node.type === 'for_statement' || node.type === 'select_statement') {
    const variable = node.childForFieldName('variable');
    if (variable) return { kind: 'variable', name: variable.text, reason: STATE_SYNTAX[node.type] };
  }
  const reason = stateChange(node);
  return reason ? { kind: 'other', reason } : null;
}

/**
 * Every change to the RUN's own shell. Commands in `( )`, `$( )` and the
 * non-last stages of a pipeline run in child processes; the last stage of a
 * pipeline counts (zsh, ksh and bash's lastpipe run it in the shell itself).
 */
function shellEffects(root: Node): ShellEffect[] {
  const effects: ShellEffect[] = [];
  // An explicit stack: scripts nested thousands deep must not overflow the call stack.
  const stack: { node: Node; inShell: boolean }[] = [{ node: root, inShell: true }];
  while (stack.length) {
    const { node, inShell } = stack.pop()!;
    const own = inShell && !CHILD_PROCESS.has(node.type);
    const found = own ? stateEffect(node) : null;
    if (found && found !== 'harmless') effects.push(found);
    const children = node.children;
    const lastStage = node.type === 'pipeline' ? children.filter((c) => c.isNamed).pop() : undefined;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], inShell: own && (lastStage === undefined || children[i] === lastStage) });
    }
  }
  return effects;
}

/** Commands that read variables by a name computed at run time. */
const READS_ANY_VARIABLE = new Set(['eval', 'source', '.', 'compgen']);
/** Builtins that list every variable when given no operand or `-p`. */
const LISTS_VARIABLES = new Set(['declare', 'typeset', 'set', 'local', 'readonly', 'export']);

/** The variables a script reads (every name it mentions), or null when it may read any. */
function variablesRead(root: Node): Set<string> | null {
  const names = new Set<string>();
  let any = false;
  walk(root, (node) => {
    if (node.type === 'variable_name') names.add(node.text);
    else if (node.type === 'expansion' && node.text.startsWith('${!')) any = true;
    else if (node.type === 'command') {
      const name = commandName(node);
      const args = node.childrenForFieldName('argument').map((arg) => (arg ? literalValue(arg) : null));
      if (name === null || READS_ANY_VARIABLE.has(name)) any = true;
      else if (LISTS_VARIABLES.has(name) && (args.length === 0 || args.some((arg) => arg === null || arg === '-p'))) any = true;
    }
    return !any;
  });
  return any ? null : names;
}

/** The first command the script runs, when it is a simple command. */
function firstCommand(statements: ScriptFacts['statements']): Node | null {
  let node: Node | null = statements[0]?.node ?? null;
  // tree-sitter-bash hangs a redirection of a later command on the whole list (`a && b > f` as `(a && b) > f`): its body starts with `a`.
  while (node && (node.type === 'list' || (node.type === 'redirected_statement' && node.childForFieldName('body')?.type === 'list'))) {
    node = node.type === 'list' ? node.namedChildren[0] ?? null : node.childForFieldName('body');
  }
  return node && node.type === 'command' ? node : null;
}

/** Whether the first command the script runs is `cd` to an absolute path. */
function startsWithAbsoluteCd(statements: ScriptFacts['statements']): boolean {
  const node = firstCommand(statements);
  if (!node || commandName(node) !== 'cd') return false;
  const args = node.childrenForFieldName('argument').map((a) => (a ? literalValue(a) : null));
  return args.length === 1 && args[0] !== null && args[0].startsWith('/');
}

/** `set` options that trace the script or stop it at the first error: letters of `-eux`/`+x`, names of `-o`. */
const TRACE_OR_ERREXIT_LETTERS = /^[-+][a-zA-Z]*[exv]/;
const TRACE_OR_ERREXIT_NAMES = new Set(['errexit', 'xtrace', 'verbose']);

/** The first command as written when it is `set` with a tracing or errexit option (`set -eux`, `set -o errexit`), else null. */
function leadingSet(statements: ScriptFacts['statements']): string | null {
  const node = firstCommand(statements);
  if (!node || commandName(node) !== 'set') return null;
  const args = node.childrenForFieldName('argument').map((a) => (a ? literalValue(a) : null));
  const traces = args.some((arg, i) => arg !== null &&
    (TRACE_OR_ERREXIT_LETTERS.test(arg) || ((arg === '-o' || arg === '+o') && TRACE_OR_ERREXIT_NAMES.has(args[i + 1] ?? ''))));
  return traces ? node.text : null;
}

/** A script with this many commands is a step of its own even without a package install. */
const MANY_COMMANDS = 6;

/** Subcommands of a package manager that remove packages or empty its cache. */
const REMOVING_VERBS = new Set(['remove', 'purge', 'autoremove', 'clean', 'autoclean', 'dist-clean', 'erase', 'uninstall', 'del', 'cache']);


/** Commands that do nothing: `rm -rf /x || true` is still a cleanup. */
const NO_OPS = new Set(['true', ':']);

function removes(command: RunCommand): boolean {
  if (command.program === 'rm' || command.program === 'unlink') return true;
  if (command.program === 'find') return command.words.includes('-delete');
  const manager = managerCommand(command.words);
  if (!manager?.subcommand) return false;
  const facts = PACKAGE_MANAGER_FACTS[manager.manager];
  const verb = manager.subcommand.split(' ')[0];
  return REMOVING_VERBS.has(verb) || (facts.removeVerbs ?? []).includes(verb) || (facts.cleanVerbs ?? []).includes(verb);
}

/** The packages a removal names (`apt-get remove --purge -y curl`: curl); none for other commands. */
function removedPackagesOf(command: RunCommand): string[] {
  const manager = managerCommand(command.words);
  if (!manager?.subcommand || !removes(command) || command.program === 'rm') return [];
  const at = command.words.indexOf(manager.subcommand.split(' ')[0]);
  return at < 0 ? [] : command.words.slice(at + 1).filter((w): w is string => w !== null && !w.startsWith('-'));
}

/** The `apt-get update`s and removals of the apt lists of a RUN, in order. */
function aptIndexSteps(commands: RunCommand[]): ('update' | 'removal')[] {
  const steps: ('update' | 'removal')[] = [];
  for (const command of commands) {
    if (downloadsAptLists(command)) steps.push('update');
    else if (aptListsRemoval(command)) steps.push('removal');
  }
  return steps;
}

/** Whether a path as written is one of PACKAGE_SOURCE_DIRS or in one. */
function inPackageSources(file: string): boolean {
  return PACKAGE_SOURCE_DIRS.some((dir) => file === dir || file.startsWith(`${dir}/`));
}

/**
 * Whether a RUN is a step of its own: it installs packages (a system or a
 * language package manager), downloads, builds, or runs many commands. An apt
 * install without its own `apt-get update` reads the lists a RUN above
 * fetched, and a download into the package sources (a repository's key or
 * list) prepares the install after it: both are small steps.
 */
function isSubstantial(commands: RunCommand[], aptIndex: ('update' | 'removal')[]): boolean {
  if (commands.length >= MANY_COMMANDS) return true;
  return commands.some((command) => {
    const system = isPackageInstall(command.words);
    if (system) return system.manager !== 'apt' || aptIndex.includes('update');
    const manager = managerCommand(command.words);
    const row = manager === null ? null : PACKAGE_MANAGER_FACTS[manager.manager];
    // An upgrade (`apt-get upgrade`, `dnf update`) installs too.
    if (row?.system && row.installVerbs.includes(manager!.subcommand ?? '')) return true;
    if (isLanguageInstall(command.words) || isBuild(command.words) || isDependencyFetch(command.words)) return true;
    const download = downloadOf(command, commands);
    return download !== null && !(download.kind === 'file' && download.path !== null && inPackageSources(download.path));
  });
}

/**
 * What a RUN installs when all it does is install system packages with one
 * manager, one verb and the same options (`apk add --no-cache bash` then `apk
 * add --no-cache curl`), besides refreshing that manager's index and removing
 * files: the manager, verb and options as one key. Null for any other RUN.
 */
function installOnly(commands: RunCommand[]): string | null {
  let key: string | null = null;
  let system: string | null = null;
  for (const command of commands) {
    const install = isPackageInstall(command.words);
    if (install) {
      const own = [install.manager, install.verb, ...install.flags].join(' ');
      if ((key !== null && key !== own) || (system !== null && system !== install.manager)) return null;
      key = own;
      system = install.manager;
      continue;
    }
    if (removes(command)) continue;
    const manager = managerCommand(command.words);
    const row = manager === null ? null : PACKAGE_MANAGER_FACTS[manager.manager];
    const refresh = row?.system !== undefined && [...(row.indexVerbs ?? []), ...(row.cacheVerbs ?? [])].includes(manager!.subcommand ?? '');
    if (refresh && (system === null || system === row.system)) {
      system = row.system ?? null;
      continue;
    }
    return null;
  }
  return key;
}

/** The names of the files the commands download: the output path's, or the URL's for `wget URL` / `curl -O URL`. */
function downloadedNames(commands: RunCommand[]): Set<string> {
  const names = new Set<string>();
  for (const command of commands) {
    const download = downloadOf(command, commands);
    if (download?.kind !== 'file') continue;
    if (download.path !== null) {
      names.add(path.posix.basename(download.path));
      continue;
    }
    command.words.forEach((word, i) => {
      // A URL the shell computes in part (`…/release/$(curl -sL …/stable.txt)/bin/kubectl`) still names its file when its last segment is literal.
      const text = word ?? command.nodes[i]?.text.replace(/^["']|["']$/g, '') ?? '';
      if (!/^(https?|ftp):\/\//.test(text)) return;
      const name = path.posix.basename(text.replace(/[?#].*$/, ''));
      if (name && /^[\w.+-]+$/.test(name)) names.add(name);
    });
  }
  return names;
}

/** Whether `part` reads a file the parts of `group` downloaded (unpacks or installs it): it belongs with the download. */
function readsDownload(part: Part, group: Part[]): boolean {
  return group.some((g) => [...g.downloads].some((name) => part.mentions.has(name)));
}

/**
 * Whether `part` installs with apt from the lists the parts of `group`
 * fetched and left in place (an update, no removal after it): apart, the
 * lists stay in the layer above, and the install reads them stale when only
 * the RUN above is cached.
 */
function readsAptLists(part: Part, group: Part[]): boolean {
  const steps = group.flatMap((p) => p.aptIndex);
  return part.aptInstall && !part.aptIndex.includes('update') && steps.includes('update') && steps[steps.length - 1] === 'update';
}

/** Why the script may turn on errexit (or an ERR trap), anywhere in it, or null. */
function errexitSource(root: Node): string | null {
  let found: string | null = null;
  walk(root, (node) => {
    if (found || node.type !== 'command') return !found;
    const name = commandName(node);
    const args = node.childrenForFieldName('argument').filter((a): a is Node => a !== null).map(literalValue);
    if (name === 'set') {
      for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--' || arg === '-') break;
        if (arg === null || /^-[a-zA-Z]*e/.test(arg) || (arg === '-o' && (args[i + 1] ?? null) === null) ||
          (arg === '-o' && args[i + 1] === 'errexit')) {
          found = 'turns on `set -e`';
        }
      }
    } else if (name === 'trap' && args.some((a) => a === null || a === 'ERR')) {
      found = 'sets an ERR trap';
    } else if (name === 'eval' || name === 'source' || name === '.') {
      found = `runs \`${name}\`, which may turn on \`set -e\``;
    }
    return !found;
  });
  return found;
}

function readsFreshShellState(root: Node): string | null {
  let found: string | null = null;
  walk(root, (node) => {
    if (!found && (node.type === 'special_variable_name' || node.type === 'variable_name') &&
      (node.parent?.type === 'simple_expansion' || node.parent?.type === 'expansion') &&
      FRESH_SHELL_VARIABLES.has(node.text)) {
      found = `it reads \`$${node.text}\`, which differs in a fresh shell`;
    }
    return !found;
  });
  return found;
}

function hasType(root: Node, types: Set<string>): boolean {
  let found = false;
  walk(root, (node) => {
    if (types.has(node.type)) found = true;
    return !found;
  });
  return found;
}

const TRAILING_BACKSLASH = /\\\s*$/;
const TRAILING_BACKSLASH_REFUSAL: Refusal = { id: 'trailing-backslash', reason: 'its script ends with a backslash, which would escape the join' };

/** A RUN ready to join, or why it cannot be joined with its neighbours. */
function readPart(node: InstructionNode, ctx: TransformContext): Part | Refusal {
  const { dockerfile: model } = ctx;
  const read = ctx.facts.readRun(node);
  if (read.kind === 'refused') {
    // A script that ends in a backslash does not parse: the backslash is the reason worth naming.
    if (read.refusal.id === 'shell-syntax-error' && TRAILING_BACKSLASH.test(model.shellScript(node)!.text)) return TRAILING_BACKSLASH_REFUSAL;
    return read.refusal;
  }
  const comment = ctx.suppressionComment(node);
  if (comment) return { id: 'suppression-comment', reason: `the comment \`${comment}\` above it applies to this RUN only` };
  const { script, root } = read;
  const facts = scriptFacts(root, script.text);
  if ('reason' in facts) return facts;
  const { statements, trailing } = facts;
  const last = statements[statements.length - 1].node;
  const bodyEnd = script.offsets[last.endIndex - 1] + 1;
  const tail = model.source.text.slice(bodyEnd, node.end);
  const layout = /^[ \t]*(?:;[ \t]*)?(#[^\r\n]*)?$/.exec(tail);
  if (!layout) {
    return trailing
      ? { id: 'comment-continues', reason: 'its trailing comment continues onto another line' }
      : { id: 'line-after-last-command', reason: 'its last command is followed by another line' };
  }
  const commands = ctx.facts.commandsOf(read);
  const env = ctx.facts.envAt(node);
  const aptIndex = aptIndexSteps(commands);
  const lastCommand = commands[commands.length - 1];
  const list = lastCommand && !facts.isList && !facts.script ? packageListOf(lastCommand) : null;
  const listNode = lastCommand?.command.node;
  const endsWithList = list && listNode && ['program', 'list'].includes(listNode.parent?.type ?? '') && script.offsets[listNode.endIndex - 1] + 1 === bodyEnd
    ? { prefix: list.prefix, packagesStart: script.offsets[list.first.startIndex], sole: commands.length === 1 }
    : null;
  return {
    node,
    body: model.source.text.slice(node.argsStart, bodyEnd),
    tail,
    comment: layout[1] ? layout[1].trimEnd() : null,
    changesShell: facts.changesShell,
    // A variable the environment already has is exported: assigning it changes what every later program sees.
    effects: facts.effects.map((e) => (e.kind === 'variable' && (env.has(e.name) || SHELL_VARIABLES.has(e.name))
      ? { kind: 'other' as const, reason: `it assigns \`${e.name}\`, which the shell or the programs it starts read` }
      : e)),
    reads: facts.reads,
    startsWithAbsoluteCd: facts.startsWithAbsoluteCd,
    substantial: isSubstantial(commands, aptIndex),
    downloads: downloadedNames(commands),
    mentions: new Set(commands.flatMap((c) => c.words).filter((w): w is string => w !== null && w !== '').map((w) => path.posix.basename(w))),
    installsFiles: new Set(commands.filter((c) => isPackageInstall(c.words) || managerCommand(c.words) !== null)
      .flatMap((c) => c.words).filter((w): w is string => w !== null && w.includes('.')).map((w) => path.posix.basename(w))),
    cleanup: commands.some(removes) && commands.every((c) => removes(c) || (c.program !== null && NO_OPS.has(c.program))),
    installOnly: installOnly(commands),
    aptIndex,
    aptInstall: commands.some((c) => isPackageInstall(c.words)?.manager === 'apt'),
    removesSome: commands.some(removes),
    endsWithList,
    isList: facts.isList,
    script: facts.script,
    errexit: facts.errexit,
    leadingSet: facts.leadingSet,
    compound: facts.compound,
    endsGroup: replacesShell(ctx, node, commands) ?? writesBashEnv(ctx, node, commands, root),
    calls: new Set(commands.flatMap((c) => (c.program === null ? [] : [c.program]))),
    installs: new Set(commands.flatMap((c) => installedCommands(c.words).filter((name) => !installsItselfInPlace(ctx, node, c, name)))),
    noEffect: noEffect(node, root, statements, model),
    recursiveChange: recursiveChangeOf(commands, ctx.facts.workdirAt(node)),
    cleansOnly: commands.some(removes) && commands.every((c) => removes(c) || (c.program !== null && NO_OPS.has(c.program)) ||
      (c.program === 'echo' && c.command.node.parent?.type !== 'redirected_statement')),
    installedPackages: new Set(commands.flatMap((c) => isPackageInstall(c.words)?.packages ?? [])),
    removedPackages: new Set(commands.flatMap(removedPackagesOf)),
    finishes: commands.length && commands.every((c) => c.program !== null && INSTALL_FINISHERS.has(path.posix.basename(c.program)))
      ? new Set(commands.flatMap((c) => c.words.slice(1)).filter((w): w is string => w !== null && !w.startsWith('-'))) : null,
    touches: [
      ...commands.flatMap((c) => c.words).filter((w): w is string => w !== null && w.startsWith('/')).map((w) => path.posix.normalize(w)),
      ...[ctx.facts.workdirAt(node)].filter((w): w is string => w !== null && w !== '/'),
    ],
  };
}

/**
 * Whether `command` installs the program `name` runs (`npm install -g
 * npm@latest`) over the running copy, at the same path
 * (SELF_INSTALLS_IN_PLACE): a shell that looked it up before still finds the
 * new one. Not when a prefix option or variable moves it, nor when a RUN above
 * installed the distro's package of the manager, whose globals go elsewhere.
 */
function installsItselfInPlace(ctx: TransformContext, node: InstructionNode, command: RunCommand, name: string): boolean {
  const row = SELF_INSTALLS_IN_PLACE[name];
  if (!row || command.program !== name) return false;
  if (command.words.some((w) => w === null || row.prefixOptions.some((o) => w === o || w.startsWith(`${o}=`)))) return false;
  const env = ctx.facts.envAt(node);
  if (row.prefixEnv.some((v) => env.has(v))) return false;
  const model = ctx.dockerfile;
  for (const earlier of model.instructions.slice(0, node.index)) {
    if (earlier.keyword !== 'RUN') continue;
    const read = ctx.facts.readRun(earlier);
    if (read.kind === 'refused') continue;
    for (const c of ctx.facts.commandsOf(read)) {
      const packages = isPackageInstall(c.words)?.packages ?? [];
      if (packages.some((p) => row.distroPackages.includes(p.replace(/[=<>:].*$/, '')))) return false;
    }
  }
  return true;
}

/** The paths a RUN that only changes owners or modes recursively (and removes files) changes, or null for any other RUN. */
function recursiveChangeOf(commands: RunCommand[], workdir: string | null): string[] | null {
  const paths: string[] = [];
  for (const command of commands) {
    const changed = recursiveModeChange(command, workdir);
    if (changed) paths.push(...changed);
    else if (!removes(command) && !(command.program !== null && NO_OPS.has(command.program))) return null;
  }
  return paths.length ? paths : null;
}

/**
 * Whether `part` changes owners or modes recursively under a path the RUN
 * right above it may have written (a path it names, or its WORKDIR): joined,
 * those files are stored once, not again in the change's layer.
 */
/** Whether `part` finishes the install right above it: it names something that install named (`redis`). */
function finishesAbove(part: Part, above: Part | undefined): boolean {
  return !!part.finishes && !!above && [...part.finishes].some((word) => above.mentions.has(word));
}

function changesWhatAboveWrote(part: Part, above: Part | undefined): boolean {
  if (!part.recursiveChange || !above) return false;
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer === '/' ? '/' : `${outer}/`);
  return part.recursiveChange.some((target) => above.touches.some((written) => within(written, target) || within(target, written)));
}

/** Node types that run or compute something even inside an assignment: `A=$(make)` is not only an assignment. */
const COMPUTES = new Set(['command_substitution', 'process_substitution', 'arithmetic_expansion']);

/** What a RUN that only changes its own shell sets: each part in order, as the instruction that sets it for later RUNs (null when none does). */
interface ShellOnly {
  env: string[];
  workdirs: string[];
  options: string[];
  /** How many things it sets: `it` or `them` in the note. */
  count: number;
}

/**
 * What the RUN sets, when every command of it only changes its own shell:
 * variable assignments, `export` of them, `cd`, `set` (joined by `&&` or
 * `;`). Null when it does anything else. Each RUN starts a new shell, so such
 * a RUN changes nothing for the RUNs after it.
 */
function shellOnly(root: Node, statements: ScriptFacts['statements']): ShellOnly | null {
  if (hasType(root, COMPUTES)) return null;
  const found: ShellOnly = { env: [], workdirs: [], options: [], count: 0 };
  const pending = statements.map((s) => s.node);
  while (pending.length) {
    const node = pending.shift()!;
    if (node.type === 'list') {
      const operator = node.children.find((c) => c && !c.isNamed)?.type;
      if (operator !== '&&' && operator !== ';') return null;
      pending.unshift(...node.namedChildren.filter((c): c is Node => c !== null));
    } else if (node.type === 'variable_assignment') {
      found.env.push(node.text);
      found.count++;
    } else if (node.type === 'variable_assignments') {
      for (const child of node.namedChildren) if (child) found.env.push(child.text);
      found.count += node.namedChildren.length;
    } else if (node.type === 'declaration_command') {
      if (node.children[0]?.type !== 'export') return null;
      for (const child of node.namedChildren) {
        if (child?.type === 'variable_assignment') found.env.push(child.text);
        else if (child?.type !== 'variable_name') return null;
        found.count++;
      }
    } else if (node.type === 'command' && node.namedChildren.every((c) => c?.type !== 'variable_assignment')) {
      const name = commandName(node);
      const args = node.childrenForFieldName('argument').map((a) => (a ? literalValue(a) : null));
      if (name === 'cd') {
        // `cd`, `cd -` and `cd ~` go where WORKDIR cannot say.
        const dir = args.length === 1 && args[0] !== null && args[0] !== '-' ? args[0] : null;
        if (dir !== null) found.workdirs.push(dir);
      } else if (name === 'set') {
        // Options only (`set -eux`, `set -o pipefail`): `set -- a b` sets positional parameters.
        const takesName = (arg: string | null | undefined): boolean => arg != null && /^-[a-zA-Z]*o$/.test(arg);
        const options = args.every((a, i) => a !== null && (/^-[a-zA-Z]+$/.test(a) || (takesName(args[i - 1]) && /^[a-z]+$/.test(a)))) &&
          !takesName(args[args.length - 1]);
        if (options && args.length) found.options.push(...(args as string[]));
      } else {
        return null;
      }
      found.count++;
    } else {
      return null;
    }
  }
  return found;
}

/** The note on a RUN that only changes its own shell, naming the instructions that would set what it sets; null for any other RUN. */
function noEffect(node: InstructionNode, root: Node, statements: ScriptFacts['statements'], model: DockerfileModel): string | null {
  const sets = shellOnly(root, statements);
  if (!sets) return null;
  const script = model.shellScript(node)?.text.trim() ?? '';
  const shown = script.length > 60 || /[\r\n]/.test(script) ? 'this RUN' : `\`RUN ${script}\``;
  const instead: string[] = [];
  if (sets.env.length) instead.push(`\`ENV ${sets.env.join(' ')}\``);
  for (const dir of sets.workdirs) instead.push(`\`WORKDIR ${dir}\``);
  const shell = model.shellOf(node) ?? ['/bin/sh', '-c'];
  if (sets.options.length && shell[shell.length - 1] === '-c') {
    instead.push(`\`SHELL ${JSON.stringify([...shell.slice(0, -1), ...sets.options, '-c']).replace(/","/g, '", "')}\``);
  }
  const start = shown === 'this RUN' ? 'This RUN' : shown;
  if (!instead.length) return `${start} has no effect: each RUN starts a new shell`;
  const what = sets.count > 1 ? 'them' : 'it';
  const forWhom = sets.options.length ? 'later RUNs' : 'later RUNs and the container';
  const list = instead.length > 1 ? `${instead.slice(0, -1).join(', ')} and ${instead[instead.length - 1]}` : instead[0];
  return `${start} has no effect: each RUN starts a new shell; to set ${what} for ${forWhom}, use ${list}`;
}

/** The shell every RUN starts, as the paths that name it (`/bin/sh` is `/usr/bin/sh` on merged-/usr images). */
function shellPaths(ctx: TransformContext, node: InstructionNode): Set<string> {
  const program = ctx.dockerfile.shellOf(node)?.[0] ?? '/bin/sh';
  const paths = new Set([program]);
  if (program.startsWith('/usr/')) paths.add(program.slice(4));
  else if (program.startsWith('/')) paths.add(`/usr${program}`);
  return paths;
}

/** A RUN that replaces the shell program: each later RUN starts the new one, a joined part would run in the old. */
function replacesShell(ctx: TransformContext, node: InstructionNode, commands: RunCommand[]): Refusal | null {
  const shell = shellPaths(ctx, node);
  const workdir = ctx.facts.workdirAt(node);
  for (const command of commands) {
    if (command.program === 'dpkg-reconfigure' && command.words.includes('dash')) {
      return { id: 'replaces-shell', reason: 'the RUN above runs `dpkg-reconfigure dash`, which may change what /bin/sh is; each later RUN starts the shell afresh, joined they would run in the old one' };
    }
    for (const written of writtenPaths(command.words) ?? []) {
      const full = written.startsWith('/') ? path.posix.normalize(written) : workdir === null ? null : path.posix.resolve(workdir, written);
      if (full !== null && shell.has(full)) {
        return { id: 'replaces-shell', reason: `the RUN above replaces ${full}, the shell each later RUN starts; joined, they would run in the old shell` };
      }
    }
  }
  return null;
}

/**
 * bash reads the file BASH_ENV names when each RUN's shell starts. A RUN that
 * may write it (it names it, or runs a script, like nvm's installer with
 * PROFILE=$BASH_ENV) comes before RUNs that need what it wrote; joined, the
 * file was read once, before it was written.
 */
function writesBashEnv(ctx: TransformContext, node: InstructionNode, commands: RunCommand[], root: Node): Refusal | null {
  const shell = ctx.dockerfile.shellOf(node)?.[0] ?? '/bin/sh';
  if (!/(^|\/)bash$/.test(shell)) return null;
  const env = ctx.facts.envAt(node);
  if (!env.has('BASH_ENV')) return null;
  const file = env.get('BASH_ENV');
  let names = false;
  walk(root, (n) => {
    if (n.type === 'variable_name' && n.text === 'BASH_ENV') names = true;
    else if (file && (n.type === 'word' || n.type === 'string' || n.type === 'raw_string') && n.text.includes(file)) names = true;
    return !names;
  });
  const script = names ? null : commands.find((c) => ctx.facts.scriptRunBy(node, c, ctx.context) !== null);
  if (!names && !script) return null;
  const why = names ? 'writes to or names the file BASH_ENV names' : `runs \`${script!.words.map((w) => w ?? '…').slice(0, 3).join(' ')}\`, which may write the file BASH_ENV names`;
  return { id: 'bash-env', reason: `the RUN above ${why}${file ? ` (${file})` : ''}; bash reads it as each RUN starts, and joined it would be read once, before` };
}

/** What joining needs to know of a script, which depends on its text alone. */
interface ScriptFacts {
  statements: ReturnType<typeof topLevelStatements>;
  trailing: Node | null;
  changesShell: string | null;
  effects: ShellEffect[];
  reads: Set<string> | null;
  startsWithAbsoluteCd: boolean;
  isList: boolean;
  script: boolean;
  errexit: string | null;
  leadingSet: string | null;
  compound: boolean;
}

/** Every pass asks again about the RUNs it did not change: trees are shared per text, so the answers are kept per tree. */
const factsByScript = new WeakMap<Node, ScriptFacts | Refusal>();

function scriptFacts(root: Node, text: string): ScriptFacts | Refusal {
  let facts = factsByScript.get(root);
  if (!facts) {
    facts = readScript(root, text);
    factsByScript.set(root, facts);
  }
  return facts;
}

function readScript(root: Node, text: string): ScriptFacts | Refusal {
  if (TRAILING_BACKSLASH.test(text)) return TRAILING_BACKSLASH_REFUSAL;
  if (hasType(root, new Set(['heredoc_redirect']))) return { id: 'heredoc-redirect', reason: 'its script feeds a command a heredoc' };
  if (hasBackgroundJob(root) || hasCoproc(root)) {
    return { id: 'background-job', reason: 'it starts a background job, which a separate RUN ends and a joined one would keep running' };
  }
  const fresh = readsFreshShellState(root);
  if (fresh) return { id: 'fresh-shell-state', reason: fresh };
  const comments = root.descendantsOfType('comment');
  const trailing = root.lastChild?.type === 'comment' ? root.lastChild : null;
  if (comments.some((c) => c !== trailing)) return { id: 'inner-comment', reason: 'it has a shell comment inside a command' };
  const statements = topLevelStatements(root);
  if (statements.length === 0) return { id: 'no-command', reason: 'it runs no command' };
  const last = statements[statements.length - 1].node;
  const effects = shellEffects(root);
  return {
    statements,
    trailing,
    changesShell: effects[0]?.reason ?? null,
    effects,
    reads: variablesRead(root),
    startsWithAbsoluteCd: startsWithAbsoluteCd(statements),
    isList: hasOrList(last),
    script: statements.length > 1,
    errexit: errexitSource(root),
    leadingSet: leadingSet(statements),
    compound: statements.length > 1 || hasType(root, COMPOUND),
  };
}

/**
 * Whether a statement is an and-or list with `||` at its top. tree-sitter-bash
 * hangs a final redirection on the whole list (`a || b > f` parses as
 * `(a || b) > f`), so the search goes through redirected statements and `!`.
 */
function hasOrList(node: Node): boolean {
  if (!['list', 'redirected_statement', 'negated_command'].includes(node.type)) return false;
  return node.children.some((child) => child !== null && (child.type === '||' || hasOrList(child)));
}

function hasCoproc(root: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (node.type === 'command' && commandName(node) === 'coproc') found = true;
    return !found;
  });
  return found;
}

/** Why nothing may be joined after `part` (the RUN just above the one refused), or null. */
function endsChain(part: Part, errexitShell: boolean): Refusal | null {
  if (part.endsGroup) return part.endsGroup;
  if (part.errexit) {
    return { id: 'errexit', reason: `the RUN above ${part.errexit}, which the shell ignores left of \`&&\`` };
  }
  if (errexitShell && (part.compound || part.changesShell)) {
    return { id: 'shell-errexit', reason: 'SHELL runs with `-e`, which the shell ignores inside the commands of the RUN above left of `&&`' };
  }
  return null;
}

/** Whether a comment line stands between two instructions: a note on the second, or an instruction commented out. */
function commentBetween(a: InstructionNode, b: InstructionNode, model: DockerfileModel): boolean {
  for (let line = a.endLine + 1; line < b.line; line++) if (model.source.lineText(line - 1).trim().startsWith('#')) return true;
  return false;
}

/**
 * Whether a blank line stands between two of `parts`, consecutive RUNs in
 * order, other than before a cleanup: a cleanup joins the RUN above across a
 * blank line, and the merged RUN has none left, so the next pass would not
 * see it either.
 */
function blankBetween(parts: Part[], model: DockerfileModel): boolean {
  for (let i = 1; i < parts.length; i++) {
    if (parts[i].cleanup) continue;
    for (let line = parts[i - 1].node.endLine + 1; line < parts[i].node.line; line++) if (model.source.lineText(line - 1).trim() === '') return true;
  }
  return false;
}

/** A comment line that is an instruction or a continuation commented out (`# RUN make`, `#  && make test \\`), not a description. */
const COMMENTED_CODE = /^#\s*(?:(?:ADD|ARG|CMD|COPY|ENTRYPOINT|ENV|EXPOSE|FROM|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\s|&&|\|\||.*\\$)/;

/**
 * Whether comment lines stand directly above `node` (no blank line between)
 * and one of them says something, not only code commented out: a comment
 * that describes this RUN.
 */
function headedByComment(node: InstructionNode, model: DockerfileModel): boolean {
  const previous = model.instructions[node.index - 1];
  let described = false;
  for (let line = node.line - 1; line >= 1 && (!previous || line > previous.endLine); line--) {
    const text = model.source.lineText(line - 1).trim();
    if (!text.startsWith('#')) break;
    if (text.replace(/^#+/, '').trim() && !COMMENTED_CODE.test(text)) described = true;
  }
  return described;
}

/**
 * The comment line, as written, that says the RUNs under it are kept as
 * separate layers on purpose (LAYER_SPLIT_COMMENT), when it heads the run of
 * RUN instructions `node` stands in (blank lines between them allowed), or
 * null. The nearest comment above `node` decides: a comment that says
 * nothing of layers heads RUNs of its own.
 */
function layerSplitComment(node: InstructionNode, model: DockerfileModel): string | null {
  for (let current: InstructionNode | undefined = node; current?.keyword === 'RUN';) {
    const previous: InstructionNode | undefined = model.instructions[current.index - 1];
    const comments: string[] = [];
    for (let line = current.line - 1; line >= 1 && (!previous || line > previous.endLine); line--) {
      const text = model.source.lineText(line - 1).trim();
      if (text.startsWith('#')) comments.unshift(text);
    }
    if (comments.length) {
      const words = (text: string) => text.replace(/^#+/, '').trim().toLowerCase();
      const block = comments.map(words).join(' ');
      if (!LAYER_SPLIT_COMMENT.some((pattern) => pattern.test(block))) return null;
      // The line that says it most plainly: the patterns come in that order.
      for (const pattern of LAYER_SPLIT_COMMENT) {
        const line = comments.find((c) => pattern.test(words(c)));
        if (line) return line;
      }
      return comments[comments.length - 1];
    }
    current = previous;
  }
  return null;
}

/**
 * Whether the comment that heads `node` speaks of several things: a list
 * (`# - the hosts file`, `# 1. …`) or a heading that ends with a colon
 * (`# Make copies of useful things:`). A comment of one sentence describes
 * the RUN under it alone (`# create the app user` over a useradd).
 */
function headsGroup(node: InstructionNode, model: DockerfileModel): boolean {
  const previous = model.instructions[node.index - 1];
  for (let line = node.line - 1; line >= 1 && (!previous || line > previous.endLine); line--) {
    const text = model.source.lineText(line - 1).trim();
    if (!text.startsWith('#')) break;
    const words = text.replace(/^#+/, '').trim();
    // A list of links is the comment's references, not steps it names.
    if (/^([-*•]|\d+[.)])\s+(?!<?https?:\/\/\S+>?$)/.test(words) || words.endsWith(':')) return true;
  }
  return false;
}

/**
 * The comment lines between two instructions, as written with their line
 * breaks, when they are one block right above `b` (no blank line between; only
 * blank lines above the block), each line a description or an empty `#`, at
 * least one saying something, none code commented out: a comment that
 * describes `b` and moves with it. Null for any other lines between.
 */
function describingComment(a: InstructionNode, b: InstructionNode, model: DockerfileModel): string | null {
  let first = b.line;
  while (first - 1 > a.endLine && model.source.lineText(first - 2).trim().startsWith('#')) first--;
  if (first === b.line) return null;
  for (let line = a.endLine + 1; line < first; line++) if (model.source.lineText(line - 1).trim() !== '') return null;
  let described = false;
  for (let line = first; line < b.line; line++) {
    const text = model.source.lineText(line - 1).trim();
    if (COMMENTED_CODE.test(text)) return null;
    if (text.replace(/^#+/, '').trim()) described = true;
  }
  const { lineStarts, text } = model.source;
  return described ? text.slice(lineStarts[first - 1], lineStarts[b.line - 1]) : null;
}

/** A comment line that draws a banner: `#####`, `# ---- Section ----`, `# === Python ===`. */
const BANNER_LINE = /^#{3,}\s*$|^#+\s*[-=*~_#]{3,}|[-=*~_#]{3,}\s*$/;

/**
 * Why a comment right above a cleanup (describingComment's lines) heads more
 * than that cleanup, or null when it is the cleanup's own: a banner line, an
 * empty `#` between paragraphs, or several lines of words over RUNs that
 * stand right under the cleanup and are no cleanups (`headsMore`). A line of
 * its own over a cleanup describes the cleanup.
 */
function sectionComment(comment: string, headsMore: boolean): string | null {
  const texts = comment.split(/\r?\n|\r/).map((line) => line.trim()).filter((line) => line !== '');
  if (texts.some((line) => BANNER_LINE.test(line))) return 'is a section banner, which heads what follows, not this cleanup alone';
  const worded = texts.map((line) => line.replace(/^#+/, '').trim() !== '');
  const first = worded.indexOf(true);
  const last = worded.lastIndexOf(true);
  if (worded.slice(first, last + 1).includes(false)) return 'runs over several paragraphs, more than a note on this cleanup';
  if (headsMore && worded.filter(Boolean).length > 1) return 'is several lines heading the RUNs right under this cleanup too, not a note on the cleanup alone';
  return null;
}

/**
 * The indentation of the commands the merge puts on continuation lines: that of a command the RUNs already start on a
 * continuation line (after a line ending in `&& \\`, or before a leading `&&`), the merged ones first, then the file's
 * other RUNs; else a tab when the RUNs indent their continuation lines with tabs, else four spaces. A layout question:
 * lines are compared, never read as shell.
 */
function continuationIndent(parts: Part[], model: DockerfileModel): string {
  const runs = [...parts.map((p) => p.node), ...model.stages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN'))];
  const escape = model.escapeChar;
  for (const node of runs) {
    for (let line = node.line + 1; line <= node.endLine; line++) {
      const text = model.source.lineText(line - 1);
      const above = model.source.lineText(line - 2).trimEnd();
      const startsCommand = /^[ \t]+(&&|\|\|)\s/.test(text) ||
        (above.endsWith(escape) && /(&&|\|\|)$/.test(above.slice(0, -escape.length).trimEnd()) && /^[ \t]+\S/.test(text));
      if (startsCommand) return /^[ \t]+/.exec(text)![0];
    }
  }
  for (const node of runs) {
    for (let line = node.line + 1; line <= node.endLine; line++) {
      const indent = /^[ \t]+(?=\S)/.exec(model.source.lineText(line - 1))?.[0];
      if (indent) return indent.startsWith('\t') ? '\t' : INDENT;
    }
  }
  return INDENT;
}

/**
 * Why the shell a part leaves behind can change what a later part does, or
 * null. A `cd` is undone by a next part that starts with `cd` to an absolute
 * path, unless that part runs in a subshell of its own.
 */
function affectsLater(part: Part, later: Part[], nextIsolated: boolean): string | null {
  for (const effect of part.effects) {
    if (effect.kind === 'other') return effect.reason;
    if (effect.kind === 'cwd') {
      const readsDirectory = later.some((p) => p.reads === null || p.reads.has('PWD') || p.reads.has('OLDPWD'));
      if (!later[0].startsWithAbsoluteCd || nextIsolated || readsDirectory) return effect.reason;
    }
    if (effect.kind === 'variable' && later.some((p) => p.reads === null || p.reads.has(effect.name))) return effect.reason;
  }
  return null;
}

type AptStep = Part['aptIndex'][number];

/** At most one `apt-get update` and one removal of the lists, and no update after the removal. */
function aptIndexFits(steps: AptStep[]): boolean {
  const updates = steps.filter((s) => s === 'update').length;
  const removals = steps.filter((s) => s === 'removal').length;
  return updates <= 1 && removals <= 1 && !(removals && steps.indexOf('update') > steps.indexOf('removal'));
}

function isStep(part: Part): boolean {
  return part.substantial && !part.cleanup;
}

/**
 * Why a RUN is kept apart from a substantial step above it: it is another
 * step, a small step after it, or an install like the one above whose joining
 * would update or remove the apt lists twice.
 */
type Apart = 'steps' | 'after-step' | 'apt-lists';

/** Whether `part` installs as the RUN just above it did, with only such installs the steps of `group`: the two join. */
function sameInstall(group: Part[], part: Part): boolean {
  const above = group[group.length - 1];
  return part.installOnly !== null && above?.installOnly === part.installOnly &&
    group.every((g) => !isStep(g) || g.installOnly === part.installOnly);
}

/**
 * The groups a chain of joinable RUNs becomes under the policy in the header:
 * one substantial step each; small steps before the step they prepare, or
 * with each other; a cleanup after the group above it, taking along the small
 * steps between it and the step; the apt index kept whole. Installs of one
 * manager with the same options, one right after the other, count as one
 * step: they join. `apart` is called with the first RUN of a group kept apart
 * from a step above it, and the RUNs of the group above.
 */
/**
 * Whether, after `part` and only small steps, a cleanup removes packages
 * that `group` installed: the install, the step that uses them and their
 * removal then make one layer, which the packages never reach.
 */
function purgedLater(chain: Part[], part: Part, group: Part[]): boolean {
  const installed = new Set(group.flatMap((g) => [...g.installedPackages]));
  if (installed.size === 0) return false;
  for (const later of chain.slice(chain.indexOf(part) + 1)) {
    if (later.cleanup) return [...later.removedPackages].some((p) => installed.has(p));
    if (isStep(later)) return false;
  }
  return false;
}

function partition(chain: Part[], apart: (part: Part, why: Apart, above: Part[]) => void): Part[][] {
  const groups: Part[][] = [];
  const fits = (parts: Part[]): boolean => aptIndexFits(parts.flatMap((p) => p.aptIndex));
  const close = (group: Part[]): void => {
    if (group.length) groups.push(group);
  };
  /** `part` added to `group`, or a new group of it when the apt index would not fit: the group now open. */
  const add = (group: Part[], part: Part): Part[] => {
    if (group.length && !fits([...group, part])) {
      close(group);
      return [part];
    }
    group.push(part);
    return group;
  };
  let current: Part[] = [];
  // Small steps after the step of `current`: they join it only when a cleanup follows them.
  let pending: Part[] = [];
  for (const part of chain) {
    if (isStep(part) && current.length && current.every((p) => p.cleansOnly)) {
      // A cleanup heading the chain empties what earlier layers keep anyway: joined to the step below, it only doubles its cleanup.
      close(current);
      current = [part];
    } else if (!current.some(isStep)) {
      current = add(current, part);
    } else if (!pending.length && sameInstall(current, part)) {
      // `apk add --no-cache bash` then `apk add --no-cache curl`: one install, as an expert writes it.
      if (fits([...current, part])) current.push(part);
      else {
        apart(part, 'apt-lists', current);
        close(current);
        current = [part];
      }
    } else if (isStep(part) && [...current, ...pending].some((g) => [...g.downloads].some((name) => part.installsFiles.has(name))) && fits([...current, ...pending, part])) {
      // It installs the package file the group downloaded: apart, the file stays in the download's layer.
      current = [...current, ...pending, part];
      pending = [];
    } else if (isStep(part) && purgedLater(chain, part, [...current, ...pending]) && fits([...current, ...pending, part])) {
      // A cleanup after it removes packages the group installed (`apt-get purge curl` after the curl download): apart, they stay in its layer.
      current = [...current, ...pending, part];
      pending = [];
    } else if (isStep(part)) {
      // The note goes where the RUN left apart starts, with the small steps it takes along: the same line in every pass.
      apart(pending[0] ?? part, 'steps', current);
      close(current);
      current = add(pending, part);
      pending = [];
    } else if ((part.cleanup || (!isStep(part) && (readsDownload(part, [...current, ...pending]) || readsAptLists(part, [...current, ...pending]) ||
      (!pending.length && (changesWhatAboveWrote(part, current[current.length - 1]) || finishesAbove(part, current[current.length - 1])))))) && fits([...current, ...pending, part])) {
      // A recursive chown or chmod of what the step above wrote would store those files a second time in a layer of its own;
      // a finisher (docker-php-ext-enable) completes the install above it.
      // A cleanup deletes what the step made; a part that unpacks the step's download, or installs from the lists it fetched, reads what only it fetched.
      current = [...current, ...pending, part];
      pending = [];
    } else if (part.cleanup || (pending.length && !fits([...pending, part]))) {
      if (pending.length) apart(pending[0], 'after-step', current);
      close(current);
      close(pending);
      current = [part];
      pending = [];
    } else {
      pending.push(part);
    }
  }
  close(current);
  if (pending.length) apart(pending[0], 'after-step', current);
  close(pending);
  return groups;
}

function join(parts: Part[], model: DockerfileModel): Fix {
  const eol = model.source.eol;
  const escape = model.escapeChar;
  const indent = continuationIndent(parts, model);
  const trailing = operatorStyle(model, parts.map((p) => p.node)) === 'trailing';
  // The joints are written; each part's commands are kept where they are, so their lines on disk stay known.
  const pieces: RewritePiece[] = [];
  let text = '';
  const keep = (part: Part) => {
    pieces.push(text, { keep: [part.node.argsStart, part.node.argsStart + part.body.length] });
    text = '';
  };
  let isolated = 0;
  // Decided from the last part up: whether a part's `cd` is undone depends on whether the next part is isolated.
  const subshell = parts.map(() => false);
  for (let i = parts.length - 2; i >= 0; i--) subshell[i] = affectsLater(parts[i], parts.slice(i + 1), subshell[i + 1]) !== null;
  // A sole install right after an install with the same words (`apk add --no-cache a`, `apk add --no-cache b`) joins its list.
  const bodyEnd = (part: Part) => part.node.argsStart + part.body.length;
  const packagesText = (part: Part) => model.source.text.slice(part.endsWithList!.packagesStart, bodyEnd(part));
  const listed = parts.map((part, i) => i > 0 && part.endsWithList?.sole === true && !subshell[i] && !subshell[i - 1] && !parts[i - 1].comment &&
    parts[i - 1].endsWithList?.prefix === part.endsWithList.prefix);
  // The packages go on the line of the list above; where either list puts its packages on lines of their own, on a line of their own.
  const lastLineIndent = (text: string) => /^[ \t]*/.exec(text.slice(Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1))![0];
  const listBreak = parts.map((part, i) => {
    if (!listed[i]) return null;
    let head = i - 1;
    while (listed[head]) head--;
    const above = packagesText(parts[head]);
    const own = packagesText(part);
    return /[\r\n]/.test(above) ? lastLineIndent(above) : /[\r\n]/.test(own) ? lastLineIndent(own) : null;
  });
  let lists = 0;
  const joint = (part: Part, i: number) => {
    // Before a list that joins this one, the packages follow on the same line.
    if (listed[i + 1]) return;
    text += trailing ? ` && ${escape}${eol}` : ` ${escape}${eol}`;
    if (part.comment) text += indent + part.comment + eol;
  };
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (listed[i]) {
      lists++;
      text += listBreak[i] === null ? ' ' : ` ${escape}${eol}${listBreak[i]}`;
      pieces.push(text, { keep: [part.endsWithList!.packagesStart, bodyEnd(part)] });
      text = '';
      if (last) text += part.tail;
      else joint(part, i);
      return;
    }
    let open = '';
    let close = '';
    if (subshell[i]) {
      [open, close] = ['( ', ' )'];
      isolated++;
    } else if (i > 0 && part.isList) {
      [open, close] = ['{ ', '; }'];
    }
    const grouped = open !== '';
    // A cleanup's own comment stays right above its command, on lines of the merged RUN that Docker drops: above the RUN it would head a first command it does not describe.
    if (part.carries) for (const line of part.carries.split(/\r?\n|\r/)) if (line.trim()) text += indent + line.trimStart() + eol;
    if (i > 0) text += trailing ? indent : `${indent}&& `;
    text += open;
    keep(part);
    text += close;
    if (last) {
      text += grouped ? (part.comment ? ` ${part.comment}` : '') : part.tail;
      return;
    }
    joint(part, i);
  });
  const first = parts[0].node;
  // Lines are cited by the fix's `line` alone: the engine maps it to the file as read; a number in the message would be of the text this pass sees.
  const subshells = isolated
    ? `; ${isolated > 1 ? `${isolated} of them run` : 'one runs'} in a subshell so ${isolated > 1 ? 'their' : 'its'} shell changes stay local`
    : '';
  // A joined cleanup's comment lines are inside the edit: they move into the merged RUN, above the cleanup's command.
  const edits = rewriteKeeping(first.argsStart, parts[parts.length - 1].node.end, [...pieces, text]);
  return {
    line: first.line,
    message: `merged ${parts.length} RUN instructions into one layer${subshells}${lists ? `; ${lists > 1 ? `${lists} installs'` : 'an install\'s'} packages joined to the install above` : ''}`,
    edits,
  };
}

function sameFlags(a: InstructionNode, b: InstructionNode): boolean {
  return a.flags.length === b.flags.length && a.flags.every((f, i) => f.text === b.flags[i].text);
}

export const mergeRuns: Transform = {
  id: ID,
  level: 'safe',
  effects: ['run-grouping'],
  description: 'Merge consecutive RUN instructions of a stage into one RUN joined with &&',
  rationale:
    'Each RUN adds a layer; files deleted in a later layer still ship in the earlier one. One RUN per step makes ' +
    'fewer, smaller layers. Each RUN starts a fresh shell, so commands that change the shell (cd, export, set, ...) ' +
    'are kept in a subshell and the build fails at the same command as before.',
  hadolintRules: HADOLINT_RULES,
  run(ctx) {
    const { dockerfile } = ctx;
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    let devcontainerSaid = false;
    for (const stage of dockerfile.stages) {
      const instructions = stage.instructions;
      const adjacent = instructions.find((node, i) => node.keyword === 'RUN' && instructions[i + 1]?.keyword === 'RUN');
      if (!adjacent) continue;
      // Notes speak of RUNs the reader finds in the file as read: not of one another transform inserted.
      const onDisk = (...nodes: (InstructionNode | undefined)[]): boolean => nodes.every((n) => n !== undefined && ctx.onDisk(n));
      const pairOnDisk = instructions.find((node, i) => node.keyword === 'RUN' && instructions[i + 1]?.keyword === 'RUN' && onDisk(node, instructions[i + 1]));
      const role = ctx.facts.stageRole(stage, ctx.filename, undefined, ctx.context);
      if (role.role === 'devcontainer') {
        if (!devcontainerSaid && pairOnDisk) {
          devcontainerSaid = true;
          notes.push({
            line: pairOnDisk.line,
            id: 'devcontainer',
            message: `RUNs not merged: ${roleReasonOnDisk(role, ctx.originalLine)}, so this is a dev container; its RUNs are cache points people rebuild often, and its size matters little`,
          });
        }
        continue;
      }
      if (!ctx.facts.shipsLayers(stage)) {
        if (pairOnDisk) {
          const name = stage.name ? `\`${stage.name}\`` : `${stage.index + 1}`;
          notes.push({
            line: pairOnDisk.line,
            id: 'unshipped-stage',
            message: `RUNs of stage ${name} not merged: its layers are not in the image (only what is copied out of it is), so one layer would save no bytes and lose cache points`,
          });
        }
        continue;
      }
      let chain: Part[] = [];
      // The programs the joined shell has looked up so far, and those of them a part reinstalled:
      // the shell's command hash would keep their old path where a fresh RUN finds the new one.
      let called = new Set<string>();
      let hashed = new Set<string>();
      const said = new Set<Apart>();
      const apart = (part: Part, why: Apart, above: Part[]): void => {
        if (said.has(why)) return;
        // The RUN noted, the one right above it and the step above are what the note speaks of: each must be in the file as read.
        const step = above.filter(isStep).pop();
        if (![part, above[above.length - 1], step].every((p) => p === undefined || ctx.onDisk(p.node))) return;
        said.add(why);
        notes.push(why === 'steps'
          ? {
            line: part.node.line,
            id: 'separate-steps',
            message: `not merged with the RUN above: each does work of its own (${STEP_WORK}), and neither cleans up after the other; one layer would save no bytes, and a failure here would rerun the RUN above (further such RUNs of this stage are left apart too)`,
          }
          : why === 'after-step'
            ? {
              line: part.node.line,
              id: 'after-step',
              message: part.recursiveChange
                ? `not merged with the RUN above, which does work of its own (${STEP_WORK}): this RUN changes owners or modes recursively, which copies every file it touches into its own layer, but dfmod sees the RUN above write nothing under ${part.recursiveChange.map((p) => `\`${p}\``).join(', ')}, so joining them would save nothing it can show; files a COPY put there keep one copy with \`COPY --chown\` or \`--chmod\`, and a change to this RUN would rerun the RUN above (further such RUNs of this stage are left apart too)`
                : `not merged with the RUN above, which does work of its own (${STEP_WORK}): this RUN ${part.removesSome ? 'does more than clean up after it' : 'does not clean up after it, so one layer would save no bytes'}, and a change to this RUN would rerun the RUN above (further such RUNs of this stage are left apart too)`,
            }
            : {
              line: part.node.line,
              id: 'apt-lists',
              message: 'not merged with the RUN above, which installs with the same manager and options: joined, one RUN would update or remove the apt lists twice, or update them after removing them; one install of both RUNs\' packages after a single `apt-get update` would do (further such RUNs of this stage are left apart too)',
            });
      };
      // A cleanup in the chain came with its comment: only cleanups join after it.
      let carrying = false;
      let headedSaid = false;
      let regeneratedSaid = false;
      const splitSaid = new Set<string>();
      let scripted = false;
      const leaveApart = (script: Part): void => {
        if (scripted) return;
        scripted = true;
        notes.push({
          line: script.node.line,
          id: 'semicolon-script',
          message: 'not merged with the RUNs beside it: it is a `;` script, which joined with `&&` would need braces; left as its own layer (further such RUNs of this stage are left apart too)',
        });
      };
      const flush = (): void => {
        if (chain.length > 1) for (const group of partition(chain, apart)) if (group.length > 1) fixes.push(join(group, dockerfile));
        chain = [];
        called = new Set();
        hashed = new Set();
        carrying = false;
      };
      instructions.forEach((node, i) => {
        if (node.keyword !== 'RUN' || ctx.locked(node)) {
          flush();
          return;
        }
        // A RUN beside it that it could have joined, both in the file as read: what a note on it answers.
        const neighbour = onDisk(node) && [instructions[i - 1], instructions[i + 1]].some((n) => n?.keyword === 'RUN' && onDisk(n));
        const part = readPart(node, ctx);
        if ('reason' in part) {
          if (neighbour) notes.push({ line: node.line, id: part.id, message: `RUN not merged: ${part.reason}` });
          flush();
          return;
        }
        if (part.noEffect) {
          // Joined, it would run in a subshell of the merged RUN and still change nothing; whether to make it an ENV or WORKDIR is the author's call.
          if (neighbour) notes.push({ line: node.line, id: 'no-effect', message: part.noEffect });
          flush();
          return;
        }
        const previous = chain[chain.length - 1];
        // A cleanup joins the RUN above across the comment that describes it, which moves with it; any other comment ends the chain.
        const crossing = previous !== undefined && commentBetween(previous.node, node, dockerfile);
        const own = crossing && part.cleanup ? describingComment(previous.node, node, dockerfile) : null;
        // A banner, several paragraphs, or several lines over the RUNs under the cleanup head a section: the comment stays above them.
        const next = instructions[i + 1];
        const headsMore = next?.keyword === 'RUN' && next.line === node.endLine + 1 && (() => {
          const below = readPart(next, ctx);
          return 'reason' in below || !below.cleanup;
        })();
        const section = own === null ? null : sectionComment(own, headsMore);
        const carried = section === null ? own : null;
        if (section !== null && onDisk(previous!.node, node)) {
          notes.push({
            line: node.line,
            id: 'heading-comment',
            message: `not merged with the RUN above: the comment above this cleanup ${section}; joined, the comment would go inside the merged RUN, away from what it describes, so the cleanup stays under it`,
          });
        }
        const split = previous ? layerSplitComment(node, dockerfile) : null;
        if (split !== null) {
          // The author keeps these layers apart on purpose: even a cleanup stays where it is.
          // Across the comment itself the chain ends anyway: the note goes on the first RUN under it that a RUN above it could join.
          if (!crossing && !splitSaid.has(split) && onDisk(previous!.node, node)) {
            splitSaid.add(split);
            const shown = split.length > 100 ? `${split.slice(0, 97)}...` : split;
            notes.push({
              line: node.line,
              id: 'layer-split-comment',
              message: `not merged with the RUN above: the comment \`${shown}\` keeps the RUNs under it as separate layers on purpose; none of them is merged`,
            });
          }
          flush();
        } else if (crossing && carried === null) flush();
        else if (previous && carrying && !part.cleanup) {
          // It stood under the comment a cleanup took up, apart from the RUNs above it.
          flush();
        } else if (previous) {
          const stale = [...part.calls].find((name) => hashed.has(name));
          const refusal = !sameFlags(previous.node, node)
            ? { id: 'different-flags', reason: 'different flags' }
            : endsChain(previous, ctx.facts.shellErrexit(node)) ?? (stale
              ? { id: 'command-hash', reason: `it runs \`${stale}\`, which a RUN above reinstalls after the shell looked it up; a fresh RUN finds the new one, a joined one the old path the shell remembers` }
              : null);
          const pair = onDisk(previous.node, node);
          if (refusal) {
            if (pair) notes.push({ line: node.line, id: refusal.id, message: `not merged with the RUN above: ${refusal.reason}` });
            flush();
          } else if (part.script || previous.script) {
            if (pair) leaveApart(part.script ? part : previous);
            flush();
          } else if (part.leadingSet) {
            if (pair) notes.push({
              line: node.line,
              id: 'leading-set',
              message: `not merged with the RUN above: it starts with \`${part.leadingSet}\`, written for the whole RUN; joined, it would apply only from the middle of the merged one`,
            });
            flush();
          } else if (!part.cleanup && headedByComment(chain[0].node, dockerfile) &&
            ((!headsGroup(chain[0].node, dockerfile) && isStep(part) && !chain.some(isStep)) || blankBetween([...chain, part], dockerfile))) {
            // The comment covers the RUNs right under it, up to a blank line (one past that has a place of its own); but a
            // comment that is no list or heading speaks of small steps, not of an install or build that follows them.
            const group = !isStep(part) || headsGroup(chain[0].node, dockerfile);
            if (!headedSaid && onDisk(chain[0].node, node)) {
              headedSaid = true;
              notes.push({
                line: chain[0].node.line,
                id: 'described-run',
                // One wording for one RUN under the comment or several: a later pass sees them merged.
                message: group
                  ? 'not merged with the RUN after the blank line below: the comment above covers what stands right under it, up to that line (further such RUNs of this stage are left apart too)'
                  : 'not merged with the RUN below, which does work of its own: the comment above is no list or heading ending in `:`, so dfmod cannot tell whether it covers that work too or only the RUNs before it; the work keeps a RUN of its own, where joined the comment would seem to describe it (further such RUNs of this stage are left apart too)',
              });
            }
            flush();
          }
        }
        // A command that rebuilds system state (`locale-gen`) in both: joined, one RUN would do that work twice.
        const again = [...part.calls].find((name) => REGENERATORS.has(name) && chain.some((p) => p.calls.has(name)));
        if (again) {
          if (!regeneratedSaid && onDisk(node, chain[chain.length - 1].node)) {
            regeneratedSaid = true;
            notes.push({
              line: node.line,
              id: 'regenerates-again',
              message: `not merged with the RUN above: both run \`${again}\`, which rebuilds its output from scratch each time, so one RUN would run it twice; to make one layer, write both changes before a single \`${again}\` (further such RUNs of this stage are left apart too)`,
            });
          }
          flush();
        }
        if (carried !== null && chain.length) {
          part.carries = carried;
          carrying = true;
        }
        chain.push(part);
        for (const name of part.calls) called.add(name);
        for (const name of part.installs) if (called.has(name)) hashed.add(name);
      });
      flush();
    }
    return { fixes, notes };
  },
};

export default mergeRuns;
