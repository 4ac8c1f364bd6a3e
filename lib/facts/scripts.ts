/**
 * The code a command of a RUN runs besides its own words: a script file
 * (`./install.sh`, `sh setup.sh`, `. env.sh`), the recipes of a Makefile
 * target (`make deps`), or an inline script (`bash -c "…"`). A file is read
 * from the build context when a COPY/ADD of the stage (or of the stages it
 * builds on) put it where the command finds it; otherwise what it runs is
 * unknown, which callers treat as "may do anything".
 */
import path from 'node:path';
import type { BuildContext } from '../core/context.js';
import { literalSuffix, literalValue, walk, type Node, type ShellParser } from '../core/shell.js';
import type { RunCommand } from './commands.js';
import type { CopyOperands } from './index.js';
import { DEFAULT_PATH, environmentScript, POSIX_SHELLS } from '../knowledge/index.js';

/** Shell options that take a value (`bash -o pipefail script.sh`). */
const SHELL_VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);
/** Programs in these folders come from the image's packages, not from the context. */
const SYSTEM_BIN = /^\/(usr\/(local\/)?)?s?bin\//;

export interface ScriptRun {
  /** How the command reads in a note: `make deps`, `./install.sh`. */
  what: string;
  kind: 'script' | 'make' | 'inline';
  /** The context path read (POSIX, relative to the context root); null for inline text or when not found. */
  file: string | null;
  /** The parsed scripts it runs (one per recipe for make), or null when they are unknown. */
  roots: Node[] | null;
  /** Why the code is unknown, when roots is null. */
  unknown: string | null;
  /** What the script is, when dfmod knows it by its name and it runs nothing (roots is empty): a virtualenv's activate script. */
  known?: string;
}

export interface ScriptLookup {
  context: BuildContext | null;
  shell: ShellParser;
  /** The WORKDIR at the RUN; null when unknown. */
  workdir: string | null;
  /** COPY/ADD operands before the RUN that may have put files in the image, nearest last. */
  copies: CopyOperands[];
  /** Why the working directory is not known, when workdir is null for a reason other than an unknown WORKDIR. */
  workdirUnknown?: string;
}

/** What `command` runs besides itself, or null when it runs only its own program. */
export function scriptRunBy(command: RunCommand, given: ScriptLookup): ScriptRun | null {
  const w = command.words;
  const program = command.program;
  if (program === null) return null;
  const lookup = { ...given, context: buildContextOf(given) };
  const what = quoteCommand(command.nodes);
  if (POSIX_SHELLS.has(program)) {
    let i = 1;
    for (; i < w.length; i++) {
      const word = w[i];
      if (word === null) return unknown(what, 'script', 'its arguments are computed by the shell');
      if (word === '-c' || (/^-[a-zA-Z]+$/.test(word) && word.includes('c'))) {
        const text = w[i + 1];
        if (text === undefined || text === null) return unknown(what, 'inline', 'its script is computed by the shell');
        const root = lookup.shell.parse(text).rootNode;
        return root.hasError ? unknown(what, 'inline', 'dfmod cannot parse its script') : { what, kind: 'inline', file: null, roots: [root], unknown: null };
      }
      if (word === '--' || word === '-') {
        i++;
        break;
      }
      if (SHELL_VALUE_OPTIONS.has(word)) {
        i++;
        continue;
      }
      if (!word.startsWith('-') && !word.startsWith('+')) break;
    }
    // `curl … | sh` reads its script from standard input: unknown.
    if (i >= w.length) return unknown(what, 'script', 'it reads its script from standard input');
    return fileScript(what, w[i]!, lookup);
  }
  if (program === '.' || program === 'source') {
    const named = command.nodes[1];
    if (!named) return unknown(what, 'script', 'it names no file');
    const found = fileScript(what, w[1] ?? null, lookup);
    // Read from the build context: what the file there runs.
    if (found.roots || found.file !== null) return found;
    // A file the build made that only sets the environment (a virtualenv's bin/activate): it runs nothing else.
    // `~/.bashrc`: the shell computes the home folder, the rest of the word is literal.
    const tilde = /^~[\w.-]*(\/[\w./-]+)$/.exec(named.text);
    const end = tilde ? { text: tilde[1]!, whole: false } : literalSuffix(named);
    const known = environmentScript(end.text, end.whole);
    return known ? { what, kind: 'script', file: null, roots: [], unknown: null, known } : found;
  }
  if (program === 'make' || program === 'gmake') return makeRun(what, command, lookup);
  const first = w[0]!;
  if (first.includes('/')) return SYSTEM_BIN.test(first) && typeof contextFile(first, lookup) !== 'string' ? null : fileScript(what, first, lookup);
  // A program found on PATH that a COPY put there from the context (`COPY install-deps /usr/local/bin/`).
  for (const dir of DEFAULT_PATH) {
    if (typeof contextFile(`${dir}/${first}`, lookup) === 'string') return fileScript(what, `${dir}/${first}`, lookup);
  }
  return null;
}


function unknown(what: string, kind: ScriptRun['kind'], why: string): ScriptRun {
  return { what, kind, file: null, roots: null, unknown: why };
}

function fileScript(what: string, word: string | null, lookup: ScriptLookup): ScriptRun {
  if (word === null) return unknown(what, 'script', 'its path is computed by the shell');
  const file = contextFile(word, lookup);
  if (typeof file !== 'string') return unknown(what, 'script', file.why);
  const text = lookup.context!.read(file);
  if (text === null) return unknown(what, 'script', `${file} cannot be read from the build context`);
  if (/^#!.*\b(python|perl|ruby|node)/.test(text)) return unknown(what, 'script', `${file} is not a shell script`);
  const root = lookup.shell.parse(text).rootNode;
  if (root.hasError) return { what, kind: 'script', file, roots: null, unknown: `dfmod cannot parse ${file}` };
  return { what, kind: 'script', file, roots: [root], unknown: null };
}

/**
 * How a note quotes a command: its first words as the RUN writes them, whole
 * (at most three, and not a long or multi-line one after the first), never
 * cut inside a word: `sh -c "apt-get install -y jq"`, `bash -c` before a
 * long script.
 */
export function quoteCommand(words: readonly Node[]): string {
  const quoted: string[] = [];
  for (const word of words.slice(0, 3)) {
    if (quoted.length > 0 && (word.text.length > 40 || /\n/.test(word.text))) break;
    quoted.push(word.text);
  }
  return quoted.join(' ');
}

/** Folders above the Dockerfile's that buildContextOf tries, at most, before it stops looking for the repository root. */
const ANCESTORS = 8;
const chosenContexts = new WeakMap<BuildContext, Map<string, BuildContext>>();

/**
 * The build context the stage's COPYs read from: the one dfmod was given,
 * unless a file or folder they name is missing there and every one of them is
 * in a folder above it, up to the repository root (the folder with `.git`):
 * a Dockerfile in a subfolder, built with the repository as its context
 * (`docker build -f scripts/release/Dockerfile .`). The nearest such folder.
 */
function buildContextOf(lookup: Pick<ScriptLookup, 'context' | 'copies'>): BuildContext | null {
  const context = lookup.context;
  if (!context) return null;
  const sources = [...new Set(lookup.copies.filter((c) => c.from === null).flatMap((c) => c.sources)
    .filter((s) => !/^[a-z]+:\/\/|^git@/i.test(s) && !/[*?[$]/.test(s))
    .map((s) => path.posix.normalize(s.replace(/^\.\//, '')).replace(/\/+$/, '') || '.'))];
  if (sources.every((s) => context.exists(s))) return context;
  let cache = chosenContexts.get(context);
  if (!cache) chosenContexts.set(context, (cache = new Map()));
  const key = sources.join('\n');
  let chosen = cache.get(key);
  if (!chosen) {
    chosen = context;
    let at: BuildContext | null = context;
    for (let depth = 0; at && !at.exists('.git') && depth < ANCESTORS; depth++) {
      at = at.parent?.() ?? null;
      if (at && sources.every((s) => at!.exists(s))) {
        chosen = at;
        break;
      }
    }
    cache.set(key, chosen);
  }
  return chosen;
}

/** The build context a stage's COPYs read from (buildContextOf), for the copies of the stage and the stages it is built FROM. */
export function stageBuildContext(context: BuildContext | null, copies: CopyOperands[]): BuildContext | null {
  return buildContextOf({ context, copies });
}

/** Whether ADD unpacks a source (a local tar archive, by its name), so what it puts in the image is not the file itself. */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz|lzma|Z))$/i;

/** Where in the context a file the RUN names came from, or why that is not known. */
export function contextFile(word: string, lookup: ScriptLookup): string | { why: string } {
  if (!lookup.context) return { why: 'no build context is known' };
  let target: string;
  if (word.startsWith('/')) target = path.posix.normalize(word);
  else if (lookup.workdir !== null) target = path.posix.resolve(lookup.workdir, word);
  else return { why: lookup.workdirUnknown ?? 'the WORKDIR is not known' };
  for (const copy of [...lookup.copies].reverse()) {
    if (copy.from !== null || copy.node.keyword === 'ADD' && copy.sources.some((s) => /^[a-z]+:\/\/|^git@/i.test(s) || ARCHIVE.test(s))) {
      if (copy.destResolved !== null && covers(copy.destResolved, target)) return { why: `${word} may come from \`${copy.node.keyword} ${copy.sources.join(' ')}\`` };
      continue;
    }
    if (copy.destResolved === null) return { why: `a ${copy.node.keyword} with a destination dfmod cannot resolve may have put ${word} there` };
    for (const raw of copy.sources) {
      const source = path.posix.normalize(raw.replace(/^\.\//, '')).replace(/\/+$/, '') || '.';
      if (/[*?[]/.test(source)) {
        if (covers(copy.destResolved, target)) return { why: `${word} may come from the pattern \`${raw}\`` };
        continue;
      }
      const isFolder = source === '.' || lookup.context.list(source).length > 0 && lookup.context.read(source) === null;
      let candidate: string | null = null;
      if (isFolder) {
        if (covers(copy.destResolved, target)) candidate = path.posix.join(source, path.posix.relative(copy.destResolved, target));
      } else if (target === path.posix.join(copy.destResolved, path.posix.basename(source))) {
        // Into a folder: one written with `/`, or one that exists in the image (`COPY x.sh .`).
        candidate = source;
      } else if (!copy.destIsDirectory && target === copy.destResolved) candidate = source;
      if (candidate !== null) {
        candidate = path.posix.normalize(candidate);
        if (lookup.context.isIgnored(candidate)) return { why: `.dockerignore keeps ${candidate} out of the build context` };
        if (lookup.context.read(candidate) !== null) return candidate;
        // The COPY names a file the folder dfmod reads does not have: the build sends another folder.
        if (!isFolder && !lookup.context.exists(source)) return { why: `the build context is not the folder dfmod read, which has no \`${raw}\`` };
      }
    }
  }
  return { why: `no COPY of the stage puts ${word} there from the build context` };
}

const covers = (folder: string, target: string) => folder === '/' || target === folder || target.startsWith(folder + '/');

/** Options of make that take a value. */
const MAKE_VALUE_OPTIONS = new Set(['-C', '-f', '--file', '--makefile', '--directory', '-I', '--include-dir', '-j', '--jobs', '-l', '-o', '-W']);
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];

function makeRun(what: string, command: RunCommand, lookup: ScriptLookup): ScriptRun {
  const w = command.words;
  let dir: string | null = null;
  let file: string | null = null;
  const targets: string[] = [];
  for (let i = 1; i < w.length; i++) {
    const word = w[i];
    if (word === null) return unknown(what, 'make', 'its arguments are computed by the shell');
    if (word === '-C' || word === '--directory') dir = w[++i] ?? null;
    else if (word === '-f' || word === '--file' || word === '--makefile') file = w[++i] ?? null;
    else if (MAKE_VALUE_OPTIONS.has(word)) i++;
    else if (word.startsWith('-')) continue;
    else if (word.includes('=')) continue;
    else targets.push(word);
  }
  const base = dir === null ? '.' : dir;
  const names = file !== null ? [file.startsWith('/') ? file : path.posix.join(base, file)] : MAKEFILES.map((m) => path.posix.join(base, m));
  let found: string | { why: string } = { why: 'no Makefile' };
  for (const name of names) {
    found = contextFile(name, lookup);
    if (typeof found === 'string') break;
  }
  if (typeof found !== 'string') return unknown(what, 'make', `its Makefile is not known: ${found.why}`);
  const text = lookup.context!.read(found)!;
  const recipes = makeRecipes(text, targets);
  if ('why' in recipes) return { what, kind: 'make', file: found, roots: null, unknown: recipes.why };
  const roots: Node[] = [];
  for (const recipe of recipes.lines) {
    const root = lookup.shell.parse(recipe).rootNode;
    if (root.hasError) return { what, kind: 'make', file: found, roots: null, unknown: `dfmod cannot parse the recipe \`${recipe}\`` };
    roots.push(root);
  }
  return { what, kind: 'make', file: found, roots, unknown: null };
}

interface Rule {
  prerequisites: string[];
  recipe: string[];
}

/**
 * The recipe lines make runs for `targets` (the default goal when empty),
 * prerequisites first, with make's own syntax turned into shell: `@-+`
 * prefixes dropped, `$$` as `$`, automatic variables as a placeholder word,
 * variables the Makefile sets to a plain value substituted. A recipe that
 * uses a variable it does not set keeps `$(NAME)`, which reads as a command
 * substitution: computed, so unknown to whoever asks what it runs.
 */
export function makeRecipes(text: string, targets: string[]): { lines: string[] } | { why: string } {
  const rules = new Map<string, Rule>();
  const variables = new Map<string, string>([['MAKE', 'make'], ['CC', 'cc'], ['CXX', 'g++'], ['RM', 'rm -f'], ['SHELL', '/bin/sh']]);
  let defaultGoal: string | null = null;
  let current: Rule[] = [];
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('\t')) {
      for (const rule of current) rule.recipe.push(line.slice(1));
      continue;
    }
    const stripped = line.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (!stripped) continue;
    if (/^(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|define|endef|export|override|vpath)\b/.test(stripped)) {
      if (/^(ifeq|ifneq|ifdef|ifndef|include|-include|sinclude|define)\b/.test(stripped)) return { why: 'its Makefile uses conditionals, includes or defines' };
      continue;
    }
    const assignment = /^([A-Za-z_][A-Za-z0-9_.]*)\s*(\?|:|::|\+|!)?=\s*(.*)$/.exec(stripped);
    if (assignment) {
      const [, name, op, value] = assignment;
      if (name === '.DEFAULT_GOAL') defaultGoal = value!.trim();
      else if (op === '+') variables.set(name!, `${variables.get(name!) ?? ''} ${value}`.trim());
      else if (op !== '?' || !variables.has(name!)) variables.set(name!, value!);
      current = [];
      continue;
    }
    const rule = /^([^:=]+?)\s*::?\s*(.*)$/.exec(stripped);
    if (!rule) {
      current = [];
      continue;
    }
    const [prereqs, inline] = rule[2]!.split(';', 2);
    current = [];
    for (const target of rule[1]!.split(/\s+/)) {
      const entry = rules.get(target) ?? { prerequisites: [], recipe: [] };
      entry.prerequisites.push(...prereqs!.split(/\s+/).filter(Boolean));
      if (inline?.trim()) entry.recipe.push(inline.trim());
      rules.set(target, entry);
      current.push(entry);
      if (defaultGoal === null && !target.startsWith('.') && !target.includes('%')) defaultGoal = target;
    }
  }
  const goals = targets.length ? targets : defaultGoal ? [defaultGoal] : [];
  if (!goals.length) return { why: 'its Makefile has no target' };
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (target: string, depth: number): string | null => {
    if (seen.has(target)) return null;
    seen.add(target);
    const rule = rules.get(target);
    if (!rule) return null; // a file, or made by an implicit rule dfmod does not read
    if (depth > 20) return 'its Makefile nests too deep';
    for (const p of rule.prerequisites) {
      const why = visit(p, depth + 1);
      if (why) return why;
    }
    for (const line of rule.recipe) out.push(shellOfRecipe(line, variables));
    return null;
  };
  for (const goal of goals) {
    if (/[%$]/.test(goal)) return { why: `the target ${goal} is computed` };
    if (!rules.has(goal) && !rules.has('%')) return { why: `its Makefile has no rule for ${goal}` };
    const why = visit(goal, 0);
    if (why) return { why };
  }
  return { lines: out };
}

function shellOfRecipe(line: string, variables: Map<string, string>): string {
  let text = line.trim().replace(/^[@+-]+/, '');
  for (let round = 0; round < 5; round++) {
    const next = text.replace(/\$[({]([A-Za-z_][A-Za-z0-9_.]*)[)}]/g, (whole, name: string) => variables.get(name) ?? whole);
    if (next === text) break;
    text = next;
  }
  return text.replace(/\$\$/g, '\u0000').replace(/\$[@<^*?+|]/g, 'target').replace(/\u0000/g, '$');
}


/** Where the commands of a script run: see workingDirectories. */
export interface WorkingDirectories {
  /** The directory a command (by the id of its `command` node) runs in; null when unknown, undefined for a node that is no command of the script. */
  at(command: Node): string | null | undefined;
  /** The directory after the last command, where a command appended to the script runs; null when unknown. */
  end: string | null;
}

/** Nodes whose commands run in a child process, so a `cd` in them does not last; a pipeline's commands too (dash, bash). */
const CHILD_SHELLS = new Set(['subshell', 'command_substitution', 'process_substitution', 'pipeline']);
/** Nodes whose body may run any number of times, or not at all. */
const MAYBE_RUNS = new Set(['if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'function_definition']);
/** Commands that test something: the command after them in an `&&` chain may not run. */
const TESTS = new Set(['[', 'test', '[[']);

/**
 * The working directory each command of a script runs in: `workdir` (the
 * WORKDIR at the RUN; null when unknown) changed by the script's own `cd`
 * (and `pushd`). A `cd` counts where it surely runs: in the script's own
 * shell, and not in a body that may not run (an `if`, a loop, the right of
 * `||`, or of `&&` after a test); past one that may or may not have run, the
 * directory is unknown. A `cd` in a subshell (`(cd x && make)`) counts for
 * the commands of that subshell only. `cd` alone, `cd -` and `popd` leave
 * the directory unknown.
 */
export function workingDirectories(root: Node, workdir: string | null): WorkingDirectories {
  const at = new Map<number, string | null>();
  const visit = (node: Node, cwd: string | null): string | null => {
    if (node.type === 'command') {
      at.set(node.id, cwd);
      for (const child of node.children) if (child.type !== 'command_name') visit(child, cwd);
      return afterCd(node, cwd);
    }
    if (CHILD_SHELLS.has(node.type)) {
      let inner = cwd;
      for (const child of node.children) inner = visit(child, inner);
      return cwd;
    }
    if (MAYBE_RUNS.has(node.type)) {
      const moves = changesDirectory(node);
      let inner = moves ? null : cwd;
      for (const child of node.children) inner = visit(child, moves ? null : inner);
      return moves ? null : cwd;
    }
    if (node.type === 'list' && node.children.length === 3) {
      const [left, operator, right] = node.children as [Node, Node, Node];
      const middle = visit(left, cwd);
      const after = visit(right, middle);
      const conditional = operator.type === '||' || (operator.type === '&&' && endsInTest(left));
      return !conditional || after === middle ? after : null;
    }
    let current = cwd;
    for (const child of node.children) current = visit(child, current);
    return current;
  };
  const end = visit(root, workdir);
  return { at: (command) => at.get(command.id), end };
}

/** The directory after a command: changed by `cd DIR` or `pushd DIR`, unknown after `cd`, `cd -`, `popd`; the same after any other. */
function afterCd(command: Node, cwd: string | null): string | null {
  const nameWord = command.childForFieldName('name')?.namedChildren[0];
  const name = nameWord ? literalValue(nameWord) : null;
  if (name === null) return cwd;
  if (name === 'popd') return null;
  if (name !== 'cd' && name !== 'pushd') return cwd;
  const operands = command.childrenForFieldName('argument').map(literalValue);
  let i = 0;
  while (i < operands.length && operands[i] !== null && /^-[LPe@]+$/.test(operands[i]!)) i++;
  if (operands[i] === '--') i++;
  const operand = operands[i];
  if (operand === undefined || operand === null || operand === '-' || operand.startsWith('~') || operands.length > i + 1) return null;
  if (operand.startsWith('/')) return path.posix.normalize(operand);
  return cwd === null ? null : path.posix.resolve(cwd, operand);
}

/** Whether a node holds a `cd`, `pushd` or `popd` that runs in the shell around it. */
function changesDirectory(node: Node): boolean {
  let found = false;
  walk(node, (n) => {
    if (found || CHILD_SHELLS.has(n.type)) return false;
    if (n.type === 'command') {
      const nameWord = n.childForFieldName('name')?.namedChildren[0];
      const name = nameWord ? literalValue(nameWord) : null;
      if (name === 'cd' || name === 'pushd' || name === 'popd') found = true;
    }
    return !found;
  });
  return found;
}

/** Whether the last command of a chain tests something (`[ -d x ]`, `test -f y`), so what follows its `&&` may not run. */
function endsInTest(node: Node): boolean {
  let last: Node | null = node;
  while (last && last.type === 'list') last = last.lastChild;
  if (!last) return false;
  if (last.type === 'test_command' || last.type === 'negated_command') return true;
  if (last.type !== 'command') return false;
  const nameWord = last.childForFieldName('name')?.namedChildren[0];
  const name = nameWord ? literalValue(nameWord) : null;
  return name === null || TESTS.has(name);
}

/** A path an operand names, resolved against the directory the command runs in (null when relative there and that is unknown). */
export function resolvedPath(operand: string, cwd: string | null): string | null {
  if (operand.startsWith('/')) return path.posix.normalize(operand);
  return cwd === null ? null : path.posix.resolve(cwd, operand);
}
