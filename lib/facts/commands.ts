/**
 * The commands a RUN runs, read past the wrappers that run them (`sudo`,
 * `env`, `xargs`…), and what they are: a pip install, a system package
 * install. How each package manager spells its command line is its row of
 * lib/knowledge's PACKAGE_MANAGER_FACTS; a new wrapper is a line here.
 */
import { literalValue, simpleCommands } from '../core/shell.js';
import { CODE_INSTALLS, managerOfProgram, PACKAGE_MANAGER_FACTS, PACKAGE_RUNNERS, type ManagerName } from '../knowledge/package-managers.js';
import { BUILD_COMMANDS, BUILD_INFO_OPTIONS, DEPENDENCY_FETCHES, EXEC_WRAPPERS, DISCARDING_FILES, DOWNLOAD_CONSUMERS, DOWNLOADERS, isBuildScript, packageScriptRun, SOURCE_FETCHES } from '../knowledge/programs.js';
import type { PackageManager } from '../knowledge/images.js';
import type { Node, SimpleCommand } from '../core/shell.js';

/** Commands that run the command named by their arguments, with their options that take a value. */
const WRAPPERS: Record<string, string[]> = {
  sudo: ['-u', '-g', '-h', '-p', '-C', '-D', '-U', '-r', '-t', '-T'],
  env: ['-u', '-C', '-S', '--unset', '--chdir'],
  xargs: ['-a', '-d', '-E', '-e', '-I', '-i', '-L', '-l', '-n', '-P', '-s'],
  nice: ['-n'],
  nohup: [],
  time: [],
};

/** The names sudo's target user may have when it is root. */
const ROOT_NAMES = new Set(['root', '0', '#0']);

/** The last path component: `/usr/bin/apt-get` -> `apt-get`. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

interface CommandWords {
  /** Literal words (null where the shell computes one), starting with the program. */
  words: (string | null)[];
  /** The node of each word. */
  nodes: Node[];
}

export interface RunCommand extends CommandWords {
  command: SimpleCommand;
  /** programName(words[0]), or null when the program is computed by the shell (then `words` is empty). */
  program: string | null;
  /** The wrappers in front of the program, in order: `['sudo', 'env']`. */
  wrappers: string[];
  /** Whether sudo runs the program as root (sudo without `-u`, or `-u root`). */
  sudoAsRoot: boolean;
}

const NONE = { words: [] as (string | null)[], nodes: [] as Node[], wrappers: [] as string[], sudoAsRoot: false };

function unwrap(command: SimpleCommand): Omit<RunCommand, 'command' | 'program'> {
  const nameNode = command.node.childForFieldName('name')?.namedChildren[0];
  if (!nameNode) return NONE;
  const words = [command.name, ...command.argValues];
  const nodes = [nameNode, ...command.args];
  const wrappers: string[] = [];
  let sudoAsRoot = false;
  let i = 0;
  while (i < words.length && words[i] !== null && WRAPPERS[programName(words[i]!)]) {
    const wrapper = programName(words[i]!);
    wrappers.push(wrapper);
    let user = 'root';
    i++;
    while (i < words.length) {
      const word = words[i];
      if (word === null) return NONE;
      if (word === '--') {
        i++;
        break;
      }
      if (word.startsWith('-')) {
        if (wrapper === 'sudo' && word === '-u') user = words[i + 1] ?? '';
        else if (wrapper === 'sudo' && word.startsWith('--user=')) user = word.slice('--user='.length);
        i += WRAPPERS[wrapper].includes(word) ? 2 : 1;
        continue;
      }
      if (wrapper === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
        i++;
        continue;
      }
      break;
    }
    if (wrapper === 'sudo') sudoAsRoot = ROOT_NAMES.has(user);
  }
  if (i >= words.length || words[i] === null) return NONE;
  return { words: words.slice(i), nodes: nodes.slice(i), wrappers, sudoAsRoot };
}

/** Every simple command of a parsed script, in source order, read past its wrappers. */
export function commandsOf(run: { root: Node }): RunCommand[] {
  return simpleCommands(run.root).map((command) => {
    const unwrapped = unwrap(command);
    const first = unwrapped.words[0];
    return { command, program: first ? programName(first) : null, ...unwrapped };
  });
}

const PIP = PACKAGE_MANAGER_FACTS.pip;

/** Whether a program word names pip itself: `pip`, `pip3`, `pip3.12`, `/usr/bin/pip`. */
export function isPipProgram(word: string): boolean {
  return managerOfProgram(programName(word)) === 'pip';
}

/**
 * pip's subcommand, the words after it, and pip's own options before it, for
 * `pip`, `pip3`, `pip3.12`, `python -m pip` and `python3.12 -m pip` (words
 * from the program on). Null when the command is not pip or its subcommand is
 * computed.
 */
export function pipCommand(words: readonly (string | null)[]): { subcommand: string; args: (string | null)[]; options: (string | null)[] } | null {
  if (!words[0]) return null;
  const program = programName(words[0]);
  let i: number;
  if (isPipProgram(program)) i = 1;
  else if (/^python[\d.]*$/.test(program)) {
    i = 1;
    // Interpreter switches without a value (`python -u -m pip`).
    while (i < words.length && /^-[BEIOsSuqv]+$/.test(words[i] ?? '')) i++;
    if (words[i] !== '-m' || !isPipProgram(words[i + 1] ?? '')) return null;
    i += 2;
  } else return null;
  const at = subcommandAt(words, i, PIP.valueOptions ?? []);
  const subcommand = at === null ? null : words[at];
  if (at === null || !subcommand) return null;
  return { subcommand, args: words.slice(at + 1), options: words.slice(i, at) };
}

/** `pip install …` in any of the spellings pipCommand reads. */
export function isPipInstall(words: readonly (string | null)[]): boolean {
  return pipCommand(words)?.subcommand === 'install';
}

export interface PackageInstall {
  manager: PackageManager;
  /** The subcommand as written: `install`, `add`, `in`. */
  verb: string;
  /** Package words as written (`curl`, `curl=7.88.*`, `python3-pip`), in order. */
  packages: string[];
  /** Option words and their values, before and after the verb, in order. */
  flags: string[];
  /** Some package word is computed by the shell (`$PACKAGES`): `packages` lacks it. */
  computed: boolean;
  /** The index in `words` of each package word, literal or computed, in order (for an edit of the list: the words' nodes). */
  packageAt: number[];
}

/** A system package install (words from the program on, e.g. from commandsOf), or null. */
export function isPackageInstall(words: readonly (string | null)[]): PackageInstall | null {
  if (!words[0]) return null;
  const name = managerOfProgram(programName(words[0]));
  const row = name === null ? null : PACKAGE_MANAGER_FACTS[name];
  if (!row?.system) return null;
  const verbs = row.addVerbs ?? [];
  const valueOptions = row.valueOptions ?? [];
  const flags: string[] = [];
  const packages: string[] = [];
  const packageAt: number[] = [];
  let computed = false;
  let verb: string | null = null;
  let optionsEnded = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word !== null && !optionsEnded && word.startsWith('-')) {
      if (word === '--') {
        optionsEnded = true;
        continue;
      }
      flags.push(word);
      if (valueOptions.includes(word) && i + 1 < words.length) flags.push(words[++i] ?? '');
      continue;
    }
    if (verb === null) {
      if (word === null || !verbs.includes(word)) return null;
      verb = word;
      continue;
    }
    packageAt.push(i);
    if (word === null) computed = true;
    else packages.push(word);
  }
  return verb === null ? null : { manager: row.system, verb, packages, flags, computed, packageAt };
}

/** An install command as its words before the package list (program, wrappers, verb, options) and the packages. */
export interface PackageList {
  prefix: string;
  packages: string[];
}

/**
 * A system package install whose words end with its literal packages
 * (`apk add --no-cache curl git`): its text before them (wrappers such as
 * `sudo -u x` included) and the packages, with the node of the first
 * package. Null for any other command, and for a package list the shell
 * computes.
 */
export function packageListOf(command: RunCommand): (PackageList & { first: Node }) | null {
  const { words, nodes } = command;
  const install = isPackageInstall(words);
  if (!install || install.computed || install.packages.length === 0) return null;
  const first = install.packageAt[0];
  if (install.packageAt.some((at, i) => at !== first + i) || install.packageAt[install.packageAt.length - 1] !== words.length - 1) return null;
  const node = command.command.node;
  return { prefix: node.text.slice(0, nodes[first].startIndex - node.startIndex).replace(/\s+/g, ' ').trim(), packages: install.packages, first: nodes[first] };
}

export interface ManagerCommand {
  /** The package manager, as lib/knowledge names it. */
  manager: ManagerName;
  /** Index in `words` of the manager's program word: 0, or 2 for `python -m pip`. */
  programIndex: number;
  /** The program word's name: `pip3`, `mamba`, `apt-get`. */
  program: string;
  /** The subcommand: `install`, or two words for a compound one (`env create`); null when none is given. */
  subcommand: string | null;
  /** Index in `words` of the subcommand's last word; null without one. */
  subcommandIndex: number | null;
}

/**
 * The package manager a command runs and its subcommand (words from the
 * program on, e.g. from commandsOf): `apk add`, `pip3 install`, `python -m pip
 * install`, `conda env create`. Options before the subcommand are skipped,
 * with the value of those lib/knowledge says take one. Null when the program
 * is no package manager lib/knowledge knows, or the subcommand is computed by
 * the shell.
 */
export function managerCommand(words: readonly (string | null)[]): ManagerCommand | null {
  if (!words[0]) return null;
  const first = managerOfProgram(programName(words[0]));
  // pip's own reader knows its options with a value and `python -m pip`.
  if (first === null || first === 'pip') {
    const pip = pipCommand(words);
    if (!pip) return null;
    const programIndex = words.indexOf('-m') + 1;
    const subcommandIndex = words.length - pip.args.length - 1;
    return { manager: 'pip', programIndex, program: programName(words[programIndex]!), subcommand: pip.subcommand, subcommandIndex };
  }
  // A manager without subcommands (`cpanm EV`): its first operand is a package, not a subcommand.
  if (PACKAGE_MANAGER_FACTS[first].operandsArePackages) return { manager: first, programIndex: 0, program: programName(words[0]), subcommand: null, subcommandIndex: null };
  const at = subcommandAt(words, 1, PACKAGE_MANAGER_FACTS[first].valueOptions ?? []);
  if (at === null) return { manager: first, programIndex: 0, program: programName(words[0]), subcommand: null, subcommandIndex: null };
  const sub = words[at];
  if (sub === null) return null;
  const compound = `${sub} ${words[at + 1] ?? ''}`;
  if (PACKAGE_MANAGER_FACTS[first].installVerbs.includes(compound)) {
    return { manager: first, programIndex: 0, program: programName(words[0]), subcommand: compound, subcommandIndex: at + 1 };
  }
  return { manager: first, programIndex: 0, program: programName(words[0]), subcommand: sub, subcommandIndex: at };
}

/** The index of the first word from `start` on that is not an option (nor the value of one in `valueOptions`), or null. */
export function subcommandAt(words: readonly (string | null)[], start: number, valueOptions: readonly string[]): number | null {
  let i = start;
  while (i < words.length && words[i]?.startsWith('-')) i += valueOptions.includes(words[i]!) ? 2 : 1;
  return i < words.length ? i : null;
}

/** File commands and how their operands name what they write. */
const FILE_WRITERS: Record<string, 'last' | 'all'> = { ln: 'last', cp: 'last', mv: 'last', install: 'last', rm: 'all', unlink: 'all' };
/** Options of those commands that take a value. */
const FILE_VALUE_OPTIONS = new Set(['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group']);

/**
 * The paths a command creates, replaces or removes, as written (relative ones
 * relative to the working directory): `ln -sf /bin/bash /bin/sh` -> /bin/sh,
 * `update-alternatives --install /usr/bin/sh sh /bin/bash 1` -> /usr/bin/sh.
 * A destination folder (`cp tool /usr/local/bin/`) is given with each source's
 * name under it. Empty for other commands; null when an operand is computed.
 */
export function writtenPaths(words: readonly (string | null)[]): string[] | null {
  const program = words[0] ? programName(words[0]) : null;
  if (program === null) return [];
  if (program === 'update-alternatives') {
    const at = words.findIndex((w) => w === '--install' || w === '--set');
    if (at < 0) return [];
    if (words[at] === '--set') return [];
    const link = words[at + 1];
    return link === undefined ? [] : link === null ? null : [link];
  }
  if (program === 'dpkg-divert') {
    const file = words[words.length - 1];
    return file === null ? null : file !== undefined && file.startsWith('/') ? [file] : [];
  }
  const how = FILE_WRITERS[program];
  if (!how) return [];
  const operands: string[] = [];
  let target: string | null = null;
  let optionsEnded = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === null) return null;
    if (!optionsEnded && word === '--') optionsEnded = true;
    else if (!optionsEnded && (word === '-t' || word === '--target-directory')) target = words[++i] ?? null;
    else if (!optionsEnded && word.startsWith('--target-directory=')) target = word.slice('--target-directory='.length);
    else if (!optionsEnded && FILE_VALUE_OPTIONS.has(word)) i++;
    else if (!optionsEnded && word.startsWith('-') && word !== '-') continue;
    else operands.push(word);
  }
  if (how === 'all') return operands;
  if (target !== null) return operands.map((o) => `${target}/${programName(o)}`);
  if (operands.length === 0) return [];
  if (operands.length === 1) return program === 'ln' ? [programName(operands[0]!)] : [];
  const dest = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1);
  // `ln -s /opt/tool/bin/tool /usr/local/bin/` or several sources: dest is a folder.
  if (dest.endsWith('/') || sources.length > 1) return sources.map((s) => `${dest.replace(/\/+$/, '')}/${programName(s)}`);
  return [dest];
}

/** Global installers of language package managers: the subcommands and the options that make them global. */
const GLOBAL_INSTALLS: Record<string, { verbs: string[]; global: (word: string) => boolean; always?: boolean }> = {
  npm: { verbs: ['install', 'i', 'add', 'in', 'isntall', 'update', 'up'], global: (w) => w === '-g' || w === '--global' || w === '--location=global' },
  pnpm: { verbs: ['add', 'install', 'i', 'update', 'up'], global: (w) => w === '-g' || w === '--global' },
  pip: { verbs: ['install'], global: () => true, always: true },
  gem: { verbs: ['install', 'update'], global: () => true, always: true },
};
/** Packages whose commands are not named like the package. */
const PACKAGE_COMMANDS: Record<string, string[]> = {
  pip: ['pip', 'pip3'], bundler: ['bundle', 'bundler'], typescript: ['tsc', 'tsserver'], corepack: ['corepack', 'yarn', 'pnpm'],
};

/**
 * The command names a command may put on PATH: packages it installs
 * globally (`npm install -g npm@10` -> npm; `pip install --upgrade pip` ->
 * pip, pip3; `apt-get install -y git` -> git), `corepack enable` (yarn,
 * pnpm), and files it writes into a bin folder (`ln -s … /usr/local/bin/node`).
 * Package names stand for their commands, which is how most are named.
 */
export function installedCommands(words: readonly (string | null)[]): string[] {
  const program = words[0] ? programName(words[0]) : null;
  if (program === null) return [];
  const names = (packages: string[]) => packages.flatMap((p) => {
    const bare = p.replace(/^(@[^/]+\/)?([^@=<>~!\s]+).*$/, '$2').toLowerCase();
    return PACKAGE_COMMANDS[bare] ?? [bare];
  });
  if (program === 'corepack' && words[1] === 'enable') return ['yarn', 'pnpm', ...words.slice(2).filter((w): w is string => w !== null && !w.startsWith('-'))];
  const system = isPackageInstall(words);
  if (system) return names(system.packages);
  const manager = managerCommand(words);
  const pipInstall = manager?.manager === 'pip' ? pipCommand(words) : null;
  if (pipInstall?.subcommand === 'install') return names(pipInstall.args.filter((a): a is string => a !== null && !a.startsWith('-')));
  const row = GLOBAL_INSTALLS[program];
  if (row) {
    const rest = words.slice(1);
    const at = rest.findIndex((w) => w !== null && !w.startsWith('-'));
    if (at < 0 || !row.verbs.includes(rest[at]!)) return [];
    if (!row.always && !rest.some((w) => w !== null && row.global(w))) return [];
    return names(rest.slice(at + 1).filter((w): w is string => w !== null && !w.startsWith('-')));
  }
  if (program === 'yarn' && words[1] === 'global' && words[2] === 'add') return names(words.slice(3).filter((w): w is string => w !== null && !w.startsWith('-')));
  const written = writtenPaths(words) ?? [];
  return written.filter((p) => /^\/(usr\/(local\/)?)?s?bin\/[^/]+$/.test(p)).map((p) => programName(p));
}

/**
 * Whether a command installs language packages (words from the program on):
 * an install subcommand of a language package manager lib/knowledge knows
 * (`pip install`, `npm ci`, `gem install`, `composer install`, `bundle
 * install`, `uv pip install`, bare `yarn`), a manager whose operands are
 * packages given one (`cpanm EV`, `cpan -i DBI`), or an interpreter running
 * code that installs (`Rscript -e 'install.packages("x")'`, `R CMD INSTALL`).
 * System package managers are isPackageInstall's; `go install` and `cargo
 * install` build, and are isBuild's.
 */
export function isLanguageInstall(words: readonly (string | null)[]): boolean {
  if (!words[0]) return false;
  // `pyenv exec python -m pip install`, `bundle exec gem install`: the wrappers that exec what follows them (EXEC_WRAPPERS).
  const wrapper = EXEC_WRAPPERS[programName(words[0])];
  if (wrapper && (wrapper.subcommand === undefined || words[1] === wrapper.subcommand) && words.length > wrapper.skip) return isLanguageInstall(words.slice(wrapper.skip));
  const manager = managerCommand(words);
  if (manager) {
    const row = PACKAGE_MANAGER_FACTS[manager.manager];
    if (row.system) return false;
    const rest = words.slice(manager.programIndex + 1);
    if (row.infoOptions && rest.some((w) => w !== null && row.infoOptions!.includes(w))) return false;
    if (row.operandsArePackages) return subcommandAt(rest, 0, row.valueOptions ?? []) !== null;
    return row.installVerbs.includes(manager.subcommand ?? '');
  }
  const code = CODE_INSTALLS[programName(words[0])];
  if (!code) return false;
  if ((code.subcommands ?? []).some((sub) => sub.split(' ').every((word, i) => words[i + 1] === word))) return true;
  return words.some((word, i) => i > 0 && word !== null && code.codeOptions.includes(words[i - 1] ?? '') && code.calls.some((call) => word.includes(call)));
}

/** Whether a command only downloads a project's dependencies (DEPENDENCY_FETCHES: `go mod download`, `cargo fetch`, `dotnet restore`). */
export function isDependencyFetch(words: readonly (string | null)[]): boolean {
  const run = packageRunnerTarget(words);
  const fetches = run ? DEPENDENCY_FETCHES[run.program] : words[0] ? DEPENDENCY_FETCHES[programName(words[0])] : undefined;
  if (!fetches) return false;
  const rest = (run ? run.rest : words.slice(1)).filter((w) => w === null || !w.startsWith('-'));
  return fetches.some((sub) => sub.every((word, i) => rest[i] === word));
}

/**
 * The program a package runner runs (`npx -y playwright@1.47 install`,
 * `pnpm exec playwright install`, `pnpm playwright install`: lib/knowledge's
 * PACKAGE_RUNNERS), as its package name without `@version`, and the words
 * after it; null for words that are no package runner's.
 */
export function packageRunnerTarget(words: readonly (string | null)[]): { program: string; rest: readonly (string | null)[] } | null {
  if (!words[0]) return null;
  const runner = PACKAGE_RUNNERS[programName(words[0])];
  if (!runner) return null;
  let i = 1;
  if (runner.subcommands !== null && runner.subcommands.includes(words[1] ?? '')) i = 2;
  while (i < words.length && words[i] !== null && words[i]!.startsWith('-')) i += runner.valueOptions.includes(words[i]!) ? 2 : 1;
  const word = words[i];
  if (!word) return null;
  return { program: word.replace(/(.)@[^/]*$/, '$1'), rest: words.slice(i + 1) };
}

/**
 * Whether a command builds software (words from the program on): a build
 * tool of lib/knowledge's BUILD_COMMANDS (`make`, `./configure`, `cmake
 * --build`, `go build`, `cargo install`, `mvn package`, `dotnet publish`),
 * not only asking for its version or help, or a package.json build script
 * (`npm run build`, `yarn build`, `pnpm run build:prod`).
 */
export function isBuild(words: readonly (string | null)[]): boolean {
  if (!words[0]) return false;
  // `bundle exec rake assets:precompile` runs rake: the wrappers that exec what follows them (EXEC_WRAPPERS).
  const wrapper = EXEC_WRAPPERS[programName(words[0])];
  if (wrapper && (wrapper.subcommand === undefined || words[1] === wrapper.subcommand) && words.length > wrapper.skip) return isBuild(words.slice(wrapper.skip));
  const script = packageScriptRun(words.map((w) => w ?? ''));
  if (script?.script && isBuildScript(script.script)) return true;
  const row = BUILD_COMMANDS[programName(words[0])];
  if (!row) return false;
  const rest = words.slice(1);
  if (rest.length > 0 && rest.every((w) => w !== null && BUILD_INFO_OPTIONS.has(w))) return false;
  if (row.options) return rest.some((w) => w !== null && row.options!.includes(w));
  if (row.subcommands) {
    const subcommand = rest.find((w) => w === null || !/^[-+]/.test(w));
    return subcommand !== undefined && subcommand !== null && row.subcommands.includes(subcommand);
  }
  return true;
}

/** What a download keeps: a file (its path as written; null when the name comes from the URL or the shell), or its output piped into a program. */
export type Download = { kind: 'file'; path: string | null } | { kind: 'piped'; into: string };

/**
 * What a command downloads, or null when it keeps nothing: `curl -o f`,
 * `curl -O`, `wget URL` (wget writes a file unless told `-O -`), `git
 * clone`; or a download to standard output piped into a shell or tar (`curl
 * -fsSL … | sh`, `wget -qO- … | tar -xz`). A download to /dev/null, or one
 * printed or piped elsewhere (`curl … | gpg --dearmor -o key`), keeps nothing
 * of its own. `commands` are the RUN's commands (commandsOf), to find what
 * the pipeline feeds.
 */
export function downloadOf(command: RunCommand, commands: readonly RunCommand[]): Download | null {
  const program = command.program;
  if (program === null) return null;
  const words = command.words;
  const fetch = SOURCE_FETCHES[program];
  if (fetch) {
    const at = subcommandAt(words, 1, fetch.valueOptions);
    return at !== null && fetch.subcommands.includes(words[at] ?? '') ? { kind: 'file', path: null } : null;
  }
  const found = downloadOutput(command);
  if (!found) return null;
  const { output, remoteName, writesByDefault } = found;
  if (output !== undefined && output !== '-') {
    return output !== null && DISCARDING_FILES.has(output) ? null : { kind: 'file', path: output };
  }
  if (output === undefined && (remoteName || writesByDefault)) return { kind: 'file', path: null };
  const redirected = stdoutRedirect(command);
  if (redirected !== undefined) return redirected !== null && DISCARDING_FILES.has(redirected) ? null : { kind: 'file', path: redirected };
  const into = pipedInto(command, commands).find((p) => DOWNLOAD_CONSUMERS.has(p));
  return into ? { kind: 'piped', into } : null;
}

/**
 * The file a download to standard output is saved to by the shell (`curl -fsSL
 * URL > sdk.tgz`, `wget -qO- URL > sdk.tgz`), as written; null when the
 * command is no such download, or the file is computed.
 */
export function redirectedDownload(command: RunCommand): string | null {
  const found = downloadOutput(command);
  if (!found) return null;
  const toStdout = found.output === '-' || (found.output === undefined && !found.remoteName && !found.writesByDefault);
  const file = toStdout ? stdoutRedirect(command) : undefined;
  return file === undefined || file === null || DISCARDING_FILES.has(file) ? null : file;
}

/** How a curl or wget command names its output: the output option's value (undefined: none given; null: computed), and whether the URL names it. */
function downloadOutput(command: RunCommand): { output: string | null | undefined; remoteName: boolean; writesByDefault: boolean } | null {
  const tool = command.program === null ? undefined : DOWNLOADERS[command.program];
  if (!tool) return null;
  const words = command.words;
  let output: string | null | undefined;
  let remoteName = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === null || word === '-' || !word.startsWith('-')) continue;
    if (tool.keepsNothing?.includes(word)) return null;
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      const name = equals < 0 ? word : word.slice(0, equals);
      if (tool.outputOptions.includes(name)) output = equals < 0 ? (i + 1 < words.length ? words[++i] : null) : word.slice(equals + 1);
      else if (tool.remoteNameOptions?.includes(name)) remoteName = true;
      continue;
    }
    // A group of short options (`-fsSLo file`, `-qO-`): the first that takes a value takes the rest of the word, or the next one.
    const letters = word.slice(1);
    for (let j = 0; j < letters.length; j++) {
      const letter = letters[j];
      if (letter === tool.remoteNameLetter) remoteName = true;
      if (letter !== tool.outputLetter && !tool.valueLetters.includes(letter)) continue;
      const value = letters.slice(j + 1) !== '' ? letters.slice(j + 1) : i + 1 < words.length ? words[++i] : null;
      if (letter === tool.outputLetter) output = value;
      break;
    }
  }
  return { output, remoteName, writesByDefault: tool.writesByDefault === true };
}

/**
 * Where the shell sends a command's standard output: the file of a `>`,
 * `>|` or `&>` redirection (undefined: none; null: a computed name).
 * tree-sitter-bash hangs a redirection after `a && cmd` on the whole list;
 * the shell gives it to the list's last command.
 */
export function stdoutRedirect(command: RunCommand): string | null | undefined {
  let node: Node = command.command.node;
  while (node.parent && node.parent.type === 'list' && node.parent.namedChildren.at(-1)?.id === node.id) node = node.parent;
  const statement = node.parent;
  if (statement?.type !== 'redirected_statement' || statement.childForFieldName('body')?.id !== node.id) return undefined;
  let file: string | null | undefined;
  for (const redirect of statement.childrenForFieldName('redirect')) {
    if (!redirect || redirect.type !== 'file_redirect') continue;
    const descriptor = redirect.childForFieldName('descriptor')?.text ?? null;
    const operator = redirect.children.find((c) => !c.isNamed)?.type;
    if (!['>', '>|', '&>'].includes(operator ?? '') || (descriptor !== null && descriptor !== '1')) continue;
    const destination = redirect.childForFieldName('destination');
    file = destination ? literalValue(destination) : null;
  }
  return file;
}

/** The programs the later stages of the pipeline a command is a stage of run (read past their wrappers), in order. */
export function pipedInto(command: RunCommand, commands: readonly RunCommand[]): string[] {
  let stage: Node = command.command.node;
  // tree-sitter-bash hangs a redirection before `|` on the whole list (`a && curl u 2>/dev/null | sh` parses as
  // `(a && curl u) 2>/dev/null | sh`): the list's last command is the one whose output the pipe takes.
  while (stage.parent && (stage.parent.type === 'redirected_statement' || (stage.parent.type === 'list' && stage.parent.namedChildren.at(-1) === stage))) {
    stage = stage.parent;
  }
  const pipeline = stage.parent;
  if (pipeline?.type !== 'pipeline') return [];
  const later = pipeline.namedChildren.slice(pipeline.namedChildren.indexOf(stage) + 1);
  return later.flatMap((node) => {
    const first = commands.find((c) => c.command.node.startIndex >= node.startIndex && c.command.node.endIndex <= node.endIndex);
    return first?.program ? [first.program] : [];
  });
}
