/**
 * cache-cleanup: package managers keep what they download (indexes, packages,
 * wheels, tarballs) in a cache the image never uses again. A cache is only kept
 * out of the image by the RUN that fills it: with a flag that skips it
 * (`apk add --no-cache`, `pip install --no-cache-dir`, `gem install
 * --no-document`) or a cleanup at the end of the same RUN (`yum clean all`,
 * `npm cache clean --force`, ...). Likewise an archive that a RUN downloads
 * and extracts is removed by that RUN. Prompts are answered (`-y`, `-n`) so
 * the install never waits on a terminal. Each manager is one row of HYGIENE.
 *
 * Left alone: a RUN with a `--mount=type=cache` (or tmpfs) for that cache,
 * which already keeps it out of the layer and would lose its point; a stage
 * where a later RUN installs offline from the cache; Yarn Berry, whose
 * `yarn cache clean` deletes the project's own zip cache.
 */
import { simpleCommands } from '../lib/core/shell.js';
import type { Node } from '../lib/core/shell.js';
import type { DockerfileModel, InstructionNode } from '../lib/core/dockerfile.js';
import {
  appendCommand, commandWords, laterBranches, mountCovers, mounts, parseRun, programName, removeChainElement,
  sourceEnd, unquoted,
} from '../lib/core/run-script.js';
import type { RunScript } from '../lib/core/run-script.js';
import type { Edit, Fix, NoteInput, Transform, TransformContext } from '../lib/core/types.js';

type Manager = 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'gem' | 'conda';

interface Hygiene {
  /** The program's name (last path component). */
  program: RegExp;
  /** Subcommands that fill the cache; null stands for none (`yarn` alone installs). */
  installs: (string | null)[];
  /** A flag to add unless an argument matches `present`: after the subcommand, or right after the program when `global`. */
  flag?: { text: string; present: RegExp; on: (string | null)[]; global?: boolean };
  /** Commands to append at the end of the RUN after an install. */
  cleanup?: (program: string) => string[];
  /** A command that already cleans the cache. */
  cleans?: (words: string[]) => boolean;
  /** Commands that the flag makes pointless in the same RUN (`apk update` with `apk add --no-cache`). */
  redundant?: (words: string[]) => boolean;
  /** Where the cache lives (absolute, or a path suffix): a mount there means the RUN already keeps it out of the layer. */
  cacheDirs: string[];
  /** Text in the stage's ENV or the RUN that already disables the cache. */
  disabledBy?: RegExp;
  /** An argument with which a later command of the same manager reads the cache (offline installs). */
  readsCache?: RegExp;
}

const YES = /^(-[a-zA-Z]*y[a-zA-Z]*|--assumeyes|--yes)$/;
const rmOf = (dirs: RegExp) => (words: string[]) => programName(words[0]) === 'rm' && words.slice(1).some((w) => dirs.test(w));
const subcommandIs = (program: RegExp, subs: string[]) => (words: string[]) =>
  program.test(programName(words[0])) && subs.includes(words.slice(1).find((w) => !w.startsWith('-')) ?? '');

const RPM_INSTALLS = ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'distro-sync', 'group'];
const RPM_PROMPTS = [...RPM_INSTALLS, 'remove', 'erase', 'autoremove', 'swap', 'module'];

const HYGIENE: Record<Manager, Hygiene> = {
  apk: {
    program: /^apk$/,
    installs: ['add'],
    flag: { text: '--no-cache', present: /^--no-cache$/, on: ['add'] },
    redundant: (w) => subcommandIs(/^apk$/, ['update'])(w) || rmOf(/^\/var\/cache\/apk(\/\*?)?$/)(w) && w.slice(1).every((a) => a.startsWith('-') || /^\/var\/cache\/apk(\/\*?)?$/.test(a)),
    cacheDirs: ['/var/cache/apk', '/etc/apk/cache'],
  },
  yum: {
    program: /^yum$/,
    installs: RPM_INSTALLS,
    flag: { text: '-y', present: YES, on: RPM_PROMPTS },
    cleanup: () => ['yum clean all', 'rm -rf /var/cache/yum'],
    cleans: (w) => subcommandIs(/^yum$/, ['clean'])(w) || rmOf(/^\/var\/cache\/yum/)(w),
    cacheDirs: ['/var/cache/yum'],
    readsCache: /^(-C|--cacheonly)$/,
  },
  dnf: {
    program: /^dnf$/,
    installs: RPM_INSTALLS,
    flag: { text: '-y', present: YES, on: RPM_PROMPTS },
    cleanup: () => ['dnf clean all', 'rm -rf /var/cache/dnf'],
    cleans: (w) => subcommandIs(/^dnf$/, ['clean'])(w) || rmOf(/^\/var\/cache\/dnf/)(w),
    cacheDirs: ['/var/cache/dnf', '/var/cache/libdnf5'],
    readsCache: /^(-C|--cacheonly)$/,
  },
  microdnf: {
    program: /^microdnf$/,
    installs: ['install', 'update', 'upgrade', 'reinstall'],
    cleanup: () => ['microdnf clean all'],
    cleans: subcommandIs(/^microdnf$/, ['clean']),
    cacheDirs: ['/var/cache/yum', '/var/cache/dnf'],
  },
  zypper: {
    program: /^zypper$/,
    installs: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'refresh', 'ref'],
    flag: { text: '-n', present: /^(-n|--non-interactive|-y|--no-confirm)$/, on: ['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch'], global: true },
    cleanup: () => ['zypper clean -a'],
    cleans: (w) => subcommandIs(/^zypper$/, ['clean', 'cc'])(w) || rmOf(/^\/var\/cache\/zypp/)(w),
    cacheDirs: ['/var/cache/zypp'],
  },
  pip: {
    program: /^pip[\d.]*$/,
    installs: ['install'],
    flag: { text: '--no-cache-dir', present: /^(--no-cache-dir(=.*)?|--cache-dir(=.*)?)$/, on: ['install'] },
    cacheDirs: ['/root/.cache/pip', '.cache/pip'],
    disabledBy: /PIP_NO_CACHE_DIR/,
  },
  npm: {
    program: /^npm$/,
    installs: ['install', 'i', 'ci', 'add', 'isntall'],
    cleanup: () => ['npm cache clean --force'],
    cleans: (w) => subcommandIs(/^npm$/, ['cache'])(w) || rmOf(/\/\.npm(\/|$)/)(w),
    cacheDirs: ['/root/.npm', '.npm'],
    readsCache: /^--(offline|prefer-offline|cache-min.*)$/,
  },
  yarn: {
    program: /^yarn$/,
    installs: ['install', 'add', null],
    cleanup: () => ['yarn cache clean'],
    cleans: (w) => subcommandIs(/^yarn$/, ['cache'])(w) || rmOf(/\.cache\/yarn/)(w),
    cacheDirs: ['/usr/local/share/.cache/yarn', '.cache/yarn', '.yarn'],
    readsCache: /^--(offline|prefer-offline)$/,
  },
  gem: {
    program: /^gem$/,
    installs: [],
    flag: { text: '--no-document', present: /^(--no-document|-N|--no-doc|--no-rdoc|--no-ri|--document.*|--doc.*|--rdoc|--ri)$/, on: ['install'] },
    cacheDirs: [],
    disabledBy: /gemrc/,
  },
  conda: {
    program: /^(conda|mamba)$/,
    installs: ['install', 'create', 'update', 'env create', 'env update'],
    cleanup: (program) => [`${program} clean -afy`],
    cleans: subcommandIs(/^(conda|mamba)$/, ['clean']),
    cacheDirs: ['/opt/conda/pkgs', 'pkgs'],
    // Environments linked to the package cache by symlinks would break when it is removed.
    disabledBy: /softlink/i,
  },
};

interface ManagerCommand {
  manager: Manager;
  node: Node;
  program: string;
  programNode: Node;
  /** `install`, `env create`, or null when none is given. */
  sub: string | null;
  subNode: Node | null;
  /** Literal words from the program on (null where computed). */
  words: (string | null)[];
}

/** The package manager a command runs, if any: `pip3 install`, `python -m pip install`, `sudo apk add`. */
function managerCommand(node: Node, words: (string | null)[], nodes: Node[]): ManagerCommand | null {
  if (words[0] === null) return null;
  let program = programName(words[0]);
  let at = 0;
  if (/^python[\d.]*$/.test(program) && words[1] === '-m' && words[2] && /^pip[\d.]*$/.test(words[2])) {
    at = 2;
    program = words[2];
  }
  const manager = (Object.keys(HYGIENE) as Manager[]).find((m) => HYGIENE[m].program.test(program));
  if (!manager) return null;
  let i = at + 1;
  while (i < words.length && words[i]?.startsWith('-')) i++;
  let sub = i < words.length ? words[i] : null;
  if (sub === 'env' && (words[i + 1] === 'create' || words[i + 1] === 'update')) sub = `env ${words[++i]}`;
  if (sub === null && i < words.length) return null; // computed by the shell
  return { manager, node, program, programNode: nodes[at], sub, subNode: i < nodes.length ? nodes[i] : null, words: words.slice(at) };
}

function managerCommands(run: RunScript): ManagerCommand[] {
  const found: ManagerCommand[] = [];
  for (const command of simpleCommands(run.root)) {
    const { words, nodes } = commandWords(command);
    const m = words.length ? managerCommand(command.node, words, nodes) : null;
    if (m) found.push(m);
  }
  return found;
}

/** Whether the RUN, or an ENV of its stage (or the stages it builds on) before it, mentions `pattern`. */
function mentioned(model: DockerfileModel, node: InstructionNode, run: RunScript, pattern: RegExp): boolean {
  if (pattern.test(run.script.text)) return true;
  for (let stage = node.stage; stage; stage = stage.parent) {
    if (stage.instructions.some((i) => i.keyword === 'ENV' && i.index < node.index && pattern.test(model.rawArguments(i)))) return true;
  }
  return false;
}

function cacheMounted(node: InstructionNode, hygiene: Hygiene): boolean {
  return mounts(node).some((m) => hygiene.cacheDirs.some((dir) =>
    dir.startsWith('/') ? mountCovers(m, dir) : m.target.replace(/\/+$/, '').endsWith(`/${dir}`) || m.target === dir));
}

/** Why a later RUN needs the cache this RUN would clean, or null. */
function laterReader(ctx: TransformContext, node: InstructionNode, manager: Manager): InstructionNode | null {
  const reads = HYGIENE[manager].readsCache;
  if (!reads) return null;
  for (const later of laterBranches(ctx.dockerfile, node).flat()) {
    const run = parseRun(ctx.dockerfile, ctx.shell, later);
    if ('reason' in run) continue;
    if (managerCommands(run).some((c) => c.manager === manager && c.words.some((w) => w !== null && reads.test(w)))) return later;
  }
  return null;
}

/** Yarn 1 or Yarn Berry: Berry's `yarn cache clean` empties the project's .yarn/cache, which Plug'n'Play runs from. */
function yarnBerryRisk(ctx: TransformContext, node: InstructionNode): string | null {
  const stageText = node.stage!.instructions.map((i) => ctx.dockerfile.rawArguments(i)).join('\n');
  if (/corepack|yarn set version|yarnPath|\.yarnrc\.yml/.test(stageText)) return 'the stage may use Yarn Berry, whose `yarn cache clean` deletes the project cache';
  const context = ctx.context;
  if (!context) return 'without a build context dfmod cannot tell Yarn 1 from Yarn Berry, whose `yarn cache clean` deletes the project cache';
  const pkg = context.read('package.json');
  if (pkg === null) return 'no package.json in the build context to tell Yarn 1 from Yarn Berry';
  if (context.exists('.yarnrc.yml') || context.exists('.yarn/releases')) return 'the project uses Yarn Berry, whose `yarn cache clean` deletes the project cache';
  let packageManager: unknown;
  try {
    packageManager = (JSON.parse(pkg) as { packageManager?: unknown }).packageManager;
  } catch {
    return 'package.json does not parse';
  }
  if (typeof packageManager === 'string' && /^yarn@(?!1\.)/.test(packageManager)) return `package.json names ${packageManager}`;
  return null;
}

/** Archives this RUN downloads to a literal path (`curl -o`, `wget -O`) and extracts (`tar`, `unzip`). */
function leftoverArchives(model: DockerfileModel, run: RunScript): { path: string; reason: string | null }[] {
  const commands = simpleCommands(run.root);
  const downloads: { path: string; index: number; inMain: boolean }[] = [];
  commands.forEach((command, index) => {
    const { words } = commandWords(command);
    const program = words[0] ? programName(words[0]) : '';
    const output = program === 'curl' ? /^(-[a-zA-Z]*o|--output)$/ : program === 'wget' ? /^(-[a-zA-Z]*O|--output-document)$/ : null;
    if (!output) return;
    for (let i = 1; i < words.length; i++) {
      const word = words[i];
      if (word === null) continue;
      const inline = program === 'curl' ? /^--output=(.+)$/.exec(word) : /^--output-document=(.+)$/.exec(word);
      const path = inline ? inline[1] : output.test(word) ? words[i + 1] : null;
      if (path) downloads.push({ path, index, inMain: command.inMainShell });
    }
  });
  const found: { path: string; reason: string | null }[] = [];
  for (const download of downloads) {
    const { path } = download;
    if (path === '-' || !/^[\w./+-]+$/.test(path)) continue;
    const after = commands.slice(download.index + 1);
    const extracted = after.some((command) => {
      const { words } = commandWords(command);
      const program = words[0] ? programName(words[0]) : '';
      if (program === 'unzip') return words.slice(1).includes(path);
      if (program !== 'tar') return false;
      const extracting = words.some((w, i) => w !== null && (w === '--extract' || w === '--get' || /^-[a-zA-Z]*x[a-zA-Z]*$/.test(w) || (i === 1 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(w))));
      return extracting && words.slice(1).some((w) => w === path || w === `--file=${path}`);
    });
    if (!extracted) continue;
    const removed = after.some((command) => {
      const { words } = commandWords(command);
      return words[0] !== null && programName(words[0] ?? '') === 'rm' && words.includes(path);
    }) || after.some((command) => command.node.text.includes('rm ') && command.node.text.includes(path));
    if (removed) continue;
    let reason: string | null = null;
    const moves = after.some((c) => c.inMainShell && ['cd', 'pushd', 'popd'].includes(c.name ?? ''));
    if (!path.startsWith('/') && (moves || !download.inMain)) reason = 'the working directory changes after the download';
    else if (!path.startsWith('/') && mounts(run.node).length > 0) reason = 'the RUN has mounts the relative path may be in';
    else if (mounts(run.node).some((m) => mountCovers(m, path))) reason = 'it is in a mount, not in the layer';
    else if (model.source.text.slice(run.node.end).includes(path.slice(path.lastIndexOf('/') + 1))) {
      reason = 'a later instruction names it';
    } else if (commands.some((c) => c.node.text.includes(path) && /\brm\b|\bmv\b|\bcp\b/.test(c.name ?? ''))) {
      reason = 'the RUN moves or copies it';
    }
    found.push({ path, reason });
  }
  return found;
}

export const cacheCleanup: Transform = {
  id: 'cache-cleanup',
  level: 'safe',
  description: 'Keep package-manager caches and downloaded archives out of the layer of the RUN that creates them',
  rationale:
    'A cache deleted in a later RUN still ships in the earlier layer. apk --no-cache, pip --no-cache-dir and gem ' +
    '--no-document never write it; yum/dnf/microdnf/zypper clean, npm/yarn cache clean and conda clean remove it in the ' +
    'same RUN; an archive extracted by the RUN that downloaded it is removed there. -y/-n keep installs from waiting on a prompt.',
  hadolintRules: ['DL3018', 'DL3019', 'DL3032', 'DL3040', 'DL3036', 'DL3042', 'DL3060', 'DL3030', 'DL3038', 'DL3034', 'DL3028'],
  run(ctx) {
    const { dockerfile } = ctx;
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    for (const node of dockerfile.instructions) {
      if (node.keyword !== 'RUN' || !node.stage) continue;
      const run = parseRun(dockerfile, ctx.shell, node);
      if ('reason' in run) continue;
      const commands = managerCommands(run);
      const appended: string[] = [];
      const said: string[] = [];
      let flagged = false;
      for (const manager of new Set(commands.map((c) => c.manager))) {
        const hygiene = HYGIENE[manager];
        const mine = commands.filter((c) => c.manager === manager);
        if (cacheMounted(node, hygiene)) continue;
        if (hygiene.disabledBy && mentioned(dockerfile, node, run, hygiene.disabledBy)) continue;
        for (const command of mine) {
          const fix = flagFix(run, hygiene, command);
          if (fix) {
            fixes.push(fix);
            flagged = true;
          }
        }
        if (hygiene.cleanup) {
          const reason = cleanupRefusal(ctx, node, manager, mine);
          // An offline install reads the cache an earlier layer left; it does not fill one.
          const installs = mine.filter((c) => hygiene.installs.includes(c.sub) &&
            !c.words.some((w) => w !== null && hygiene.readsCache?.test(w)));
          if (installs.length === 0) continue;
          if (reason === ALREADY_CLEAN || !inFinalImage(dockerfile, node)) continue;
          if (reason) {
            notes.push({ line: node.line, message: `${manager} cache left: ${reason}` });
            continue;
          }
          appended.push(...hygiene.cleanup(installs[installs.length - 1].program));
          said.push(`${manager} cache`);
        }
      }
      if (!flagged) redundantFixes(dockerfile, run, commands, fixes);
      for (const archive of inFinalImage(dockerfile, node) ? leftoverArchives(dockerfile, run) : []) {
        if (archive.reason) {
          notes.push({ line: node.line, message: `archive ${archive.path} left: ${archive.reason}` });
          continue;
        }
        appended.push(`rm -f ${archive.path}`);
        said.push(`downloaded archive ${archive.path}`);
      }
      if (appended.length === 0) continue;
      const edit = appendCommand(dockerfile, run, appended);
      if ('reason' in edit) {
        notes.push({ line: node.line, message: `${said.join(', ')} left: ${edit.reason}` });
        continue;
      }
      fixes.push({ line: node.line, message: `${said.join(', ')} removed in the RUN that created it: \`${appended.join(' && ')}\``, edits: [edit] });
    }
    return { fixes, notes };
  },
};

/** The flag of `hygiene` on one command, where it is missing. */
function flagFix(run: RunScript, hygiene: Hygiene, command: ManagerCommand): Fix | null {
  const flag = hygiene.flag;
  if (!flag || !flag.on.includes(command.sub) || !command.subNode) return null;
  if (command.words.some((w) => w !== null && flag.present.test(w))) return null;
  if (command.words.some((w) => w === null)) return null; // an expansion may hold the flag
  const at = flag.global ? sourceEnd(run, command.programNode) : sourceEnd(run, command.subNode);
  return {
    line: run.node.line,
    message: `\`${command.program} ${command.sub}\`: ${flag.text} added`,
    edits: [{ start: at, end: at, text: ` ${flag.text}` }],
  };
}

const ALREADY_CLEAN = 'already cleaned';

/**
 * Whether the RUN's layer ends up in the image: the last stage or one it is built
 * FROM. A build stage's cache is not copied anywhere, so cleaning it only costs time.
 */
function inFinalImage(model: DockerfileModel, node: InstructionNode): boolean {
  for (let stage = model.finalStage; stage; stage = stage.parent) if (stage === node.stage) return true;
  return false;
}

/** Why the cache of `manager` must stay after this RUN, or null. */
function cleanupRefusal(ctx: TransformContext, node: InstructionNode, manager: Manager, mine: ManagerCommand[]): string | null {
  const hygiene = HYGIENE[manager];
  const lastInstall = mine.map((c, i) => (hygiene.installs.includes(c.sub) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  if (lastInstall < 0) return null;
  const run = parseRun(ctx.dockerfile, ctx.shell, node) as RunScript;
  const others = simpleCommands(run.root).filter((c) => c.node.startIndex >= mine[lastInstall].node.endIndex);
  if (others.some((c) => c.name !== null && hygiene.cleans?.([c.name, ...c.args.map(unquoted)]))) return ALREADY_CLEAN;
  const program = mine[lastInstall].program;
  if (others.some((c) => c.node.text.includes(program === 'npm' ? 'node' : program) && /\b(del|remove|uninstall|purge|erase|rm)\b/.test(c.node.text))) {
    return `\`${program}\` may be removed before the end of the RUN`;
  }
  const reader = laterReader(ctx, node, manager);
  if (reader) return `the RUN at line ${ctx.originalLine(reader.line)} installs offline from it`;
  if (manager === 'yarn') return yarnBerryRisk(ctx, node);
  return null;
}

/** `apk update` and `rm -rf /var/cache/apk/*` are pointless once every `apk add` of the RUN has --no-cache. */
function redundantFixes(model: DockerfileModel, run: RunScript, commands: ManagerCommand[], fixes: Fix[]): void {
  for (const manager of new Set(commands.map((c) => c.manager))) {
    const hygiene = HYGIENE[manager];
    if (!hygiene.redundant || !hygiene.flag) continue;
    if (cacheMounted(run.node, hygiene)) continue;
    const mine = commands.filter((c) => c.manager === manager);
    const flagged = (c: ManagerCommand) => c.sub === hygiene.flag!.on[0] && c.words.some((w) => w !== null && hygiene.flag!.present.test(w));
    const simple = mine.every((c) => flagged(c) || c.sub === 'del' || c.sub === 'update');
    if (!simple || !mine.some(flagged)) continue;
    for (const command of simpleCommands(run.root)) {
      if (command.name === null || !hygiene.redundant([command.name, ...command.args.map(unquoted)])) continue;
      const edit = removeChainElement(model, run, command.node);
      if (edit) fixes.push({ line: run.node.line, message: `\`${command.node.text}\` removed: --no-cache already keeps the ${manager} cache out of the layer`, edits: [edit] });
    }
  }
}

export default cacheCleanup;
