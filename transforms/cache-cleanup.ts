/**
 * cache-cleanup: package managers keep what they download (indexes, packages,
 * wheels, tarballs) in a cache the image never uses again. A cache is only kept
 * out of the image by the RUN that fills it: with a flag that skips it
 * (`apk add --no-cache`, `pip install --no-cache-dir`, `gem install
 * --no-document`) or a cleanup at the end of the same RUN (`yum clean all`,
 * `npm cache clean --force`, ...). Likewise an archive that a RUN downloads
 * and extracts is removed by that RUN. Prompts are answered (`-y`, `-n`) so
 * the install never waits on a terminal. What each manager spells how is its
 * row of lib/knowledge's PACKAGE_MANAGER_FACTS; this file decides what to do.
 *
 * Left alone: a RUN with a `--mount=type=cache` (or tmpfs) for that cache,
 * which already keeps it out of the layer and would lose its point; a stage
 * where a later RUN installs offline from the cache; Yarn Berry, whose
 * `yarn cache clean` deletes the project's own zip cache.
 */
import type { Node } from '../lib/core/shell.js';
import { walk } from '../lib/core/shell.js';
import picomatch from 'picomatch';
import type { InstructionNode } from '../lib/core/dockerfile.js';
import { appendCommand, removeChainElement, sourceEnd, unquoted } from '../lib/core/run-script.js';
import { managerCommand, mountCovers, type RunCommand, type RunScript } from '../lib/facts/index.js';
import { answersPrompt, describeImage, PACKAGE_MANAGER_FACTS, type ManagerFacts, type ManagerName } from '../lib/knowledge/index.js';
import type { Fix, NoteInput, Refusal, Transform, TransformContext } from '../lib/core/types.js';

/** The managers this transform looks after; apt's lists are apt-cleanup's. */
const MANAGERS: ManagerName[] = ['apk', 'yum', 'dnf', 'microdnf', 'zypper', 'pip', 'npm', 'yarn', 'gem', 'conda'];

/** What to do about one manager's cache, read from its lib/knowledge row. */
interface Hygiene {
  facts: ManagerFacts;
  /** Subcommands that fill the cache; null stands for none (`yarn` alone installs). */
  installs: (string | null)[];
  /** A flag to add unless a word in `present` is there: after the subcommand, or right after the program when `global`. */
  flag: { text: string; present: (word: string) => boolean; on: (string | null)[]; global: boolean } | null;
  /** Commands to append at the end of the RUN after an install (a manager with a no-cache flag gets the flag instead). */
  cleanup: string[];
}

/** `word` is `spelling` or `spelling=value`. */
const spelt = (word: string, spellings: readonly string[]) => spellings.some((s) => word === s || word.startsWith(`${s}=`));

function hygieneOf(manager: ManagerName): Hygiene {
  const facts = PACKAGE_MANAGER_FACTS[manager];
  const installs = [...facts.installVerbs, ...(facts.cacheVerbs ?? [])].map((v) => (v === '' ? null : v));
  let flag: Hygiene['flag'] = null;
  if (facts.noCacheFlag) {
    const spellings = facts.noCacheSpellings ?? [facts.noCacheFlag];
    flag = { text: facts.noCacheFlag, present: (w) => spelt(w, spellings), on: facts.installVerbs, global: false };
  } else if (facts.yes && facts.promptVerbs) {
    flag = { text: facts.yes.flag, present: (w) => answersPrompt(manager, w), on: facts.promptVerbs, global: facts.yes.global === true };
  }
  return { facts, installs, flag, cleanup: facts.noCacheFlag ? [] : facts.cleanup };
}

const HYGIENE = Object.fromEntries(MANAGERS.map((m) => [m, hygieneOf(m)])) as Record<ManagerName, Hygiene>;

/** The cleanup commands, run with the program the RUN used (`mamba clean -afy`). */
function cleanupFor(hygiene: Hygiene, program: string, yumIsDnf = false): string[] {
  const main = hygiene.facts.programs[0];
  const cleanup = yumIsDnf && hygiene.facts.cleanupWhereYumIsDnf ? hygiene.facts.cleanupWhereYumIsDnf : hygiene.cleanup;
  return cleanup.map((c) => (c.startsWith(`${main} `) ? `${program}${c.slice(main.length)}` : c));
}

/** Whether `path` (an rm argument) is in one of the manager's cache folders. */
function inCacheDir(facts: ManagerFacts, path: string): boolean {
  return facts.cacheDirs.some((dir) => dir.startsWith('/')
    ? path.startsWith(dir)
    : path.startsWith(`${dir}/`) || path === dir || path.includes(`/${dir}/`) || path.endsWith(`/${dir}`));
}

/** `rm` of a path in the manager's cache, or its clean subcommand: the cache is already emptied. */
function cleans(manager: ManagerName, command: RunCommand): boolean {
  const facts = PACKAGE_MANAGER_FACTS[manager];
  if (command.program === 'rm') return command.nodes.slice(1).some((n) => inCacheDir(facts, unquoted(n)));
  const found = managerCommand(command.words);
  return found?.manager === manager && (facts.cleanVerbs ?? []).includes(found.subcommand ?? '');
}

/** The folders the manager's own rm cleanup empties (`/var/cache/apk` for `rm -rf /var/cache/apk/*`). */
function cleanupPaths(facts: ManagerFacts): string[] {
  return facts.cleanup.filter((c) => c.startsWith('rm ')).map((c) => c.split(' ').pop()!.replace(/\/\*?$/, ''));
}

interface ManagerUse {
  manager: ManagerName;
  run: RunCommand;
  node: Node;
  program: string;
  programNode: Node;
  /** `install`, `env create`, or null when none is given. */
  sub: string | null;
  subNode: Node | null;
  /** Literal words from the program on (null where computed). */
  words: (string | null)[];
}

/** The commands of a RUN that run a package manager this transform looks after: `pip3 install`, `python -m pip install`, `sudo apk add`. */
function managerCommands(ctx: TransformContext, run: RunScript): ManagerUse[] {
  const found: ManagerUse[] = [];
  for (const command of ctx.facts.commandsOf(run)) {
    const m = managerCommand(command.words);
    if (!m || !MANAGERS.includes(m.manager)) continue;
    found.push({
      manager: m.manager,
      run: command,
      node: command.command.node,
      program: m.program,
      programNode: command.nodes[m.programIndex],
      sub: m.subcommand,
      subNode: m.subcommandIndex === null ? null : command.nodes[m.subcommandIndex],
      words: command.words.slice(m.programIndex),
    });
  }
  return found;
}

/** Whether the RUN, or the ENV in effect at it, mentions one of `markers`. */
function mentioned(ctx: TransformContext, node: InstructionNode, run: RunScript, markers: string[]): boolean {
  const texts = [run.script.text];
  for (const [name, value] of ctx.facts.envAt(node)) texts.push(`${name}=${value ?? ''}`);
  return texts.some((text) => markers.some((m) => text.toLowerCase().includes(m.toLowerCase())));
}

function cacheMounted(run: RunScript, hygiene: Hygiene): boolean {
  return run.mounts.some((m) => hygiene.facts.cacheDirs.some((dir) =>
    dir.startsWith('/') ? mountCovers(m, dir) : m.target.replace(/\/+$/, '').endsWith(`/${dir}`) || m.target === dir));
}

/** Whether a command word makes an install read only the cache (`--offline`). */
function readsCache(hygiene: Hygiene, words: (string | null)[]): boolean {
  const flags = hygiene.facts.offlineFlags;
  return flags !== undefined && words.some((w) => w !== null && spelt(w, flags));
}

/** A later RUN that installs offline from the cache this RUN would clean, or null. */
function laterReader(ctx: TransformContext, node: InstructionNode, manager: ManagerName): InstructionNode | null {
  const hygiene = HYGIENE[manager];
  if (!hygiene.facts.offlineFlags) return null;
  for (const later of ctx.facts.laterRuns(node).flat()) {
    const run = ctx.facts.readRun(later);
    if (run.kind === 'refused') continue;
    if (managerCommands(ctx, run).some((c) => c.manager === manager && readsCache(hygiene, c.words))) return later;
  }
  return null;
}


const BERRY_CLEAN = 'whose `yarn cache clean` deletes the project cache';

/** Yarn 1 or Yarn Berry: Berry's `yarn cache clean` empties the project's .yarn/cache, which Plug'n'Play runs from. */
function yarnBerryRisk(ctx: TransformContext, node: InstructionNode): Refusal | null {
  const stageText = node.stage!.instructions.map((i) => ctx.dockerfile.rawArguments(i)).join('\n');
  if (/corepack|yarn set version|yarnPath|\.yarnrc\.yml/.test(stageText)) return { id: 'yarn-berry-stage', reason: `the stage may use Yarn Berry, ${BERRY_CLEAN}` };
  const context = ctx.context;
  if (!context) return { id: 'yarn-version-unknown', reason: `without a build context dfmod cannot tell Yarn 1 from Yarn Berry, ${BERRY_CLEAN}` };
  const pkg = context.read('package.json');
  if (pkg === null) return { id: 'yarn-version-unknown', reason: 'no package.json in the build context to tell Yarn 1 from Yarn Berry' };
  if (context.exists('.yarnrc.yml') || context.exists('.yarn/releases')) return { id: 'yarn-berry', reason: `the project uses Yarn Berry, ${BERRY_CLEAN}` };
  let packageManager: unknown;
  try {
    packageManager = (JSON.parse(pkg) as { packageManager?: unknown }).packageManager;
  } catch {
    return { id: 'yarn-version-unknown', reason: 'package.json does not parse' };
  }
  if (typeof packageManager === 'string' && /^yarn@(?!1\.)/.test(packageManager)) return { id: 'yarn-berry', reason: `package.json names ${packageManager}` };
  return null;
}

/** The project's .npmrc placing npm's cache (`cache=./offline-cache`): cleaning it empties that folder, which the project may ship. */
function npmrcCache(ctx: TransformContext): Refusal | null {
  const npmrc = ctx.context?.read('.npmrc');
  if (!npmrc) return null;
  const line = npmrc.split(/\r?\n/).find((l) => /^\s*cache\s*=/.test(l));
  return line ? { id: 'cache-configured', reason: `the project's .npmrc places it (\`${line.trim()}\`), and \`npm cache clean\` would empty that folder` } : null;
}

/** How curl and wget name the file they download to: a short option letter (also in a group, `-fsSLo`) or a long option. */
const DOWNLOAD_OUTPUT: Record<string, { short: string; long: string }> = {
  curl: { short: 'o', long: '--output' },
  wget: { short: 'O', long: '--output-document' },
};

/** Archives this RUN downloads to a literal path (`curl -o`, `wget -O`) and extracts (`tar`, `unzip`). */
function leftoverArchives(ctx: TransformContext, run: RunScript): { path: string; refusal: Refusal | null }[] {
  const commands = ctx.facts.commandsOf(run);
  const downloads: { path: string; index: number; inMain: boolean }[] = [];
  commands.forEach(({ words, program, command }, index) => {
    const output = program ? DOWNLOAD_OUTPUT[program] : undefined;
    if (!output) return;
    const short = new RegExp(`^-[a-zA-Z]*${output.short}$`);
    for (let i = 1; i < words.length; i++) {
      const word = words[i];
      if (word === null) continue;
      const inline = word.startsWith(`${output.long}=`) && word.length > output.long.length + 1 ? word.slice(output.long.length + 1) : null;
      const path = inline ?? (word === output.long || short.test(word) ? words[i + 1] : null);
      if (path) downloads.push({ path, index, inMain: command.inMainShell });
    }
  });
  const found: { path: string; refusal: Refusal | null }[] = [];
  for (const download of downloads) {
    const { path } = download;
    if (path === '-' || !/^[\w./+-]+$/.test(path)) continue;
    const after = commands.slice(download.index + 1);
    const extracted = after.some(({ words, program }) => {
      if (program === 'unzip') return words.slice(1).includes(path);
      // A downloaded .deb installed from its file is used up the same way.
      if (program === 'dpkg') return words.some((w) => w === '-i' || w === '--install') && words.slice(1).includes(path);
      if (program === 'apt-get' || program === 'apt') return words.includes('install') && words.slice(1).some((w) => w === path || w === `./${path}`);
      if (program !== 'tar') return false;
      const extracting = words.some((w, i) => w !== null && (w === '--extract' || w === '--get' || /^-[a-zA-Z]*x[a-zA-Z]*$/.test(w) || (i === 1 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(w))));
      return extracting && words.slice(1).some((w) => w === path || w === `--file=${path}`);
    });
    if (!extracted) continue;
    const removed = after.some(({ words, program }) => program === 'rm' && words.includes(path)) ||
      after.some(({ command }) => command.node.text.includes('rm ') && command.node.text.includes(path)) ||
      after.some((c) => c.program === 'rm' && c.nodes.slice(1).some((n) => removes(unquoted(n), path)));
    if (removed) continue;
    let refusal: Refusal | null = null;
    const moves = after.some(({ command: c }) => c.inMainShell && ['cd', 'pushd', 'popd'].includes(c.name ?? ''));
    if (!path.startsWith('/') && (moves || !download.inMain)) refusal = { id: 'working-directory-changes', reason: 'the working directory changes after the download' };
    else if (!path.startsWith('/') && run.mounts.length > 0) refusal = { id: 'relative-path-with-mounts', reason: 'the RUN has mounts the relative path may be in' };
    else if (run.mounts.some((m) => mountCovers(m, path))) refusal = { id: 'archive-in-mount', reason: 'it is in a mount, not in the layer' };
    else if (ctx.dockerfile.source.text.slice(run.node.end).includes(path.slice(path.lastIndexOf('/') + 1))) {
      refusal = { id: 'archive-used-later', reason: 'a later instruction names it' };
    } else if (commands.some(({ command: c }) => c.node.text.includes(path) && /\brm\b|\bmv\b|\bcp\b/.test(c.name ?? ''))) {
      refusal = { id: 'archive-moved', reason: 'the RUN moves or copies it' };
    }
    found.push({ path, refusal });
  }
  return found;
}

/** Whether `rm` of `operand` removes `path`: the path itself, a folder above it, or a glob that matches it (`/tmp/x*`). */
function removes(operand: string, path: string): boolean {
  if (operand.startsWith('-') || operand === '') return false;
  const folder = operand.replace(/\/+$/, '');
  if (folder !== '' && path.startsWith(`${folder}/`)) return true;
  return /[*?[]/.test(operand) && picomatch(operand, { dot: true })(path);
}

export const cacheCleanup: Transform = {
  id: 'cache-cleanup',
  level: 'safe',
  effects: ['run-commands'],
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
      const run = ctx.facts.readRun(node);
      if (run.kind === 'refused') continue;
      const commands = managerCommands(ctx, run);
      const inImage = inFinalImage(ctx, node);
      const appended: string[] = [];
      const said: string[] = [];
      let flagged = false;
      for (const manager of new Set(commands.map((c) => c.manager))) {
        const hygiene = HYGIENE[manager];
        const mine = commands.filter((c) => c.manager === manager);
        if (cacheMounted(run, hygiene)) continue;
        if (hygiene.facts.cacheDisabledBy && mentioned(ctx, node, run, hygiene.facts.cacheDisabledBy)) continue;
        // A no-cache flag saves nothing in a stage whose layers are not shipped, nor next to an index
        // download that stays (`apk update` kept for an `apk upgrade`). A prompt answer is always needed.
        const indexKept = mine.some((c) => (hygiene.facts.indexVerbs ?? []).includes(c.sub ?? '')) && !mine.every((c) =>
          (hygiene.facts.indexVerbs ?? []).includes(c.sub ?? '') || hygiene.facts.installVerbs.includes(c.sub ?? '') || (hygiene.facts.removeVerbs ?? []).includes(c.sub ?? ''));
        const flagSavesNothing = hygiene.facts.noCacheFlag !== null && (!ctx.facts.shipsLayers(node.stage) || indexKept);
        for (const command of flagSavesNothing ? [] : mine) {
          const fix = flagFix(run, hygiene, command);
          if (fix) {
            fixes.push(fix);
            flagged = true;
          }
        }
        if (hygiene.cleanup.length === 0) continue;
        // An offline install reads the cache an earlier layer left; it does not fill one.
        const installs = mine.filter((c) => hygiene.installs.includes(c.sub) && !readsCache(hygiene, c.words) && !onlyAsksInfo(hygiene, c));
        if (installs.length === 0 || !inImage) continue;
        const refusal = cleanupRefusal(ctx, run, manager, mine);
        if (refusal === ALREADY_CLEAN) continue;
        if (refusal) {
          notes.push({ line: node.line, id: refusal.id, message: `${manager} cache left: ${refusal.reason}` });
          continue;
        }
        const last = installs[installs.length - 1];
        appended.push(...cleanupFor(hygiene, last.program, yumIsDnf(ctx, node)).map((c) => wrapperPrefix(last) + c));
        said.push(`${manager} cache`);
      }
      if (!flagged) redundantFixes(ctx, run, commands, fixes);
      for (const archive of inImage ? leftoverArchives(ctx, run) : []) {
        if (archive.refusal) {
          notes.push({ line: node.line, id: archive.refusal.id, message: `archive ${archive.path} left: ${archive.refusal.reason}` });
          continue;
        }
        appended.push(`rm -f ${archive.path}`);
        said.push(`downloaded ${archive.path.endsWith('.deb') ? 'package' : 'archive'} ${archive.path}`);
      }
      if (appended.length === 0) continue;
      const edit = appendCommand(dockerfile, run, appended);
      if ('reason' in edit) {
        notes.push({ line: node.line, id: edit.id, message: `${said.join(', ')} left: ${edit.reason}` });
        continue;
      }
      fixes.push({ line: node.line, message: `${said.join(', ')} removed in the RUN that created it: \`${appended.join(' && ')}\``, edits: [edit] });
    }
    return { fixes, notes };
  },
};

/** Whether the stage's base is a release where yum is dnf (RHEL 8 on): known from the knowledge base, else no. */
function yumIsDnf(ctx: TransformContext, node: InstructionNode): boolean {
  const image = node.stage ? ctx.facts.baseImage(node.stage) : null;
  return image !== null && describeImage(image).release?.yumIsDnf === true;
}

/** Whether a bare invocation only prints (`yarn --version`): not an install. */
function onlyAsksInfo(hygiene: Hygiene, command: ManagerUse): boolean {
  const info = hygiene.facts.infoOptions;
  return command.sub === null && info !== undefined && command.words.slice(1).some((w) => w !== null && info.includes(w));
}

/**
 * The wrappers the install ran under (`sudo `, `sudo -u node `), for its
 * cleanup: the cache is that user's, and a non-root stage needs sudo to
 * empty a system cache. Empty when the install ran as the RUN's user.
 */
function wrapperPrefix(use: ManagerUse): string {
  if (use.run.wrappers.length === 0) return '';
  const prefix = use.node.text.slice(0, use.programNode.startIndex - use.node.startIndex);
  return prefix.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trimStart();
}

/** Whether a word's value is computed by the shell (a variable, a command substitution): it may be anything, an option too. */
function expands(node: Node): boolean {
  let computed = false;
  walk(node, (n) => {
    if (EXPANSIONS.has(n.type)) computed = true;
    return !computed;
  });
  return computed;
}

const EXPANSIONS = new Set(['simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion']);

/** The flag of `hygiene` on one command, where it is missing. */
function flagFix(run: RunScript, hygiene: Hygiene, command: ManagerUse): Fix | null {
  const flag = hygiene.flag;
  if (!flag || !flag.on.includes(command.sub) || !command.subNode) return null;
  if (command.words.some((w) => w !== null && flag.present(w))) return null;
  // An install that downloads nothing leaves no cache to keep out.
  if (readsCache(hygiene, command.words)) return null;
  // An expansion may hold the flag; a glob-looking word (`fastapi[all]`, a pip extra) cannot.
  if (command.run.nodes.some((node, i) => command.run.words[i] === null && expands(node))) return null;
  const at = flag.global ? sourceEnd(run, command.programNode) : sourceEnd(run, command.subNode);
  return {
    line: run.node.line,
    message: `\`${command.program} ${command.sub}\`: ${flag.text} added`,
    edits: [{ start: at, end: at, text: ` ${flag.text}` }],
  };
}

const ALREADY_CLEAN: Refusal = { id: 'already-cleaned', reason: 'already cleaned' };

/**
 * Whether the RUN's layer ends up in an image: its stage's layers ship
 * (ctx.facts.shipsLayers: a build target, the last stage or one no other
 * stage uses, or a stage a target is built FROM). A stage only copied from
 * keeps its cache out of every image, so cleaning it only costs time.
 */
function inFinalImage(ctx: TransformContext, node: InstructionNode): boolean {
  return node.stage !== null && ctx.facts.shipsLayers(node.stage);
}

/** Why the cache of `manager` must stay after this RUN, or null. */
function cleanupRefusal(ctx: TransformContext, run: RunScript, manager: ManagerName, mine: ManagerUse[]): Refusal | null {
  const hygiene = HYGIENE[manager];
  const lastInstall = mine.map((c, i) => (hygiene.installs.includes(c.sub) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  if (lastInstall < 0) return null;
  const others = ctx.facts.commandsOf(run).filter((c) => c.command.node.startIndex >= mine[lastInstall].node.endIndex);
  if (others.some((c) => cleans(manager, c))) return ALREADY_CLEAN;
  const program = mine[lastInstall].program;
  if (others.some(({ command: c }) => c.node.text.includes(program === 'npm' ? 'node' : program) && /\b(del|remove|uninstall|purge|erase|rm)\b/.test(c.node.text))) {
    return { id: 'manager-removed', reason: `\`${program}\` may be removed before the end of the RUN` };
  }
  const reader = laterReader(ctx, run.node, manager);
  if (reader) return { id: 'offline-install-later', reason: `the RUN at line ${ctx.originalLine(reader.line)} installs offline from it` };
  if (manager === 'yarn') return yarnBerryRisk(ctx, run.node);
  if (manager === 'npm') return npmrcCache(ctx);
  return null;
}

/**
 * Once every install of the RUN skips the cache (`apk add --no-cache`), the
 * commands that only fill or empty it are pointless: `apk update`, `rm -rf
 * /var/cache/apk/*`.
 */
function redundantFixes(ctx: TransformContext, run: RunScript, commands: ManagerUse[], fixes: Fix[]): void {
  for (const manager of new Set(commands.map((c) => c.manager))) {
    const hygiene = HYGIENE[manager];
    const { facts, flag } = hygiene;
    if (!facts.noCacheFlag || !flag || !facts.indexVerbs) continue;
    if (cacheMounted(run, hygiene)) continue;
    const mine = commands.filter((c) => c.manager === manager);
    const flagged = (c: ManagerUse) => facts.installVerbs.includes(c.sub ?? '') && c.words.some((w) => w !== null && flag.present(w));
    const indexOnly = (c: ManagerUse) => facts.indexVerbs!.includes(c.sub ?? '');
    const simple = mine.every((c) => flagged(c) || indexOnly(c) || (facts.removeVerbs ?? []).includes(c.sub ?? ''));
    if (!simple || !mine.some(flagged)) continue;
    const paths = cleanupPaths(facts);
    const cachePath = (word: string) => paths.some((p) => word === p || word === `${p}/` || word === `${p}/*`);
    for (const command of ctx.facts.commandsOf(run)) {
      const use = mine.find((c) => c.node.id === command.command.node.id);
      const rmOfCache = command.program === 'rm' && command.words.length === command.nodes.length &&
        command.nodes.slice(1).some((n) => cachePath(unquoted(n))) &&
        command.nodes.slice(1).every((n) => unquoted(n).startsWith('-') || cachePath(unquoted(n)));
      if (!(use && indexOnly(use)) && !rmOfCache) continue;
      const edit = removeChainElement(ctx.dockerfile, run, command.command.node);
      if (edit) fixes.push({ line: run.node.line, message: `\`${command.command.node.text}\` removed: ${flag.text} already keeps the ${manager} cache out of the layer`, edits: [edit] });
    }
  }
}

export default cacheCleanup;
