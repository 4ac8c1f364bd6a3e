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
import { posix } from 'node:path';
import type { Node } from '../lib/core/shell.js';
import { bodyStatements, execBefore, literalValue, runsOnEveryPath, walk } from '../lib/core/shell.js';
import picomatch from 'picomatch';
import type { InstructionNode } from '../lib/core/dockerfile.js';
import { appendInBody, cleanupPlacements, removeChainElement, sourceEnd, sourceStart, unquoted } from '../lib/core/run-script.js';
import {
  isPackageInstall, managerCommand, mountCovers, redirectedDownload, resolvedPath, workingDirectories, type RunCommand, type RunScript, type WorkingDirectories,
} from '../lib/facts/index.js';
import { answersPrompt, cachesOffIn, describeImage, PACKAGE_MANAGER_FACTS, type ManagerFacts, type ManagerName } from '../lib/knowledge/index.js';
import type { Edit, Fix, NoteInput, Refusal, Transform, TransformContext } from '../lib/core/types.js';

/** The managers this transform looks after; apt's lists are apt-cleanup's. */
const MANAGERS: ManagerName[] = ['apk', 'yum', 'dnf', 'microdnf', 'zypper', 'pip', 'uv', 'npm', 'yarn', 'gem', 'conda'];

/** What to do about one manager's cache, read from its lib/knowledge row. */
interface Hygiene {
  facts: ManagerFacts;
  /** Subcommands that fill the cache; null stands for none (`yarn` alone installs). */
  installs: (string | null)[];
  /** A flag to add unless a word in `present` is there: after the subcommand, or right after the program when `global`. */
  flag: { text: string; present: (word: string) => boolean; on: (string | null)[]; global: boolean; replaces: string[] } | null;
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
    flag = { text: facts.noCacheFlag, present: (w) => spelt(w, spellings), on: facts.installVerbs, global: false, replaces: facts.redundantWithNoCache ?? [] };
  } else if (facts.yes && facts.promptVerbs) {
    flag = { text: facts.yes.flag, present: (w) => answersPrompt(manager, w), on: facts.promptVerbs, global: facts.yes.global === true, replaces: [] };
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

/** Whether the comment line right above the RUN is the RUN itself with `flag`, commented out. */
function flagCommentedOut(ctx: TransformContext, node: InstructionNode, flag: string): boolean {
  if (node.line < 2) return false;
  const above = ctx.dockerfile.source.lineText(node.line - 2).trim();
  if (!above.startsWith('#')) return false;
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const commented = squash(above.replace(/^#+/, ''));
  const own = squash(ctx.dockerfile.source.text.slice(node.start, node.end));
  return commented.includes(flag) && squash(commented.split(flag).join(' ')) === own;
}

/**
 * The text of what may still see a RUN's files: the rest of its stage and
 * the stages that use it (FROM, COPY --from, RUN --mount from), and theirs.
 * Other stages' instructions name other files of the same name.
 */
function laterText(ctx: TransformContext, node: InstructionNode): string {
  const model = ctx.dockerfile;
  const stage = node.stage!;
  const seen = new Set([stage]);
  const pending = [...ctx.facts.usedBy(stage)];
  const parts = stage.instructions.filter((n) => n.index > node.index).map((n) => model.source.text.slice(n.start, n.end));
  while (pending.length) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    parts.push(...next.instructions.map((n) => model.source.text.slice(n.start, n.end)));
    pending.push(...ctx.facts.usedBy(next));
  }
  return parts.join('\n');
}

/**
 * Where an `rm` without -f removes files in the manager's cache by a glob
 * (`rm /var/cache/apk/*`), after the RUN's last install or in a later RUN:
 * with the cache left empty the glob matches nothing and rm fails. The
 * offset of that rm, or null.
 */
function strictCacheRemoval(ctx: TransformContext, node: InstructionNode, run: RunScript, hygiene: Hygiene, mine: ManagerUse[]): number | null {
  const last = mine[mine.length - 1];
  if (!last) return null;
  const strict = (c: RunCommand) => c.program === 'rm' && !c.words.slice(1).some((w) => w !== null && (/^-[a-zA-Z]*f/.test(w) || w === '--force')) &&
    c.nodes.slice(1).some((n) => /[*?]/.test(unquoted(n)) && inCacheDir(hygiene.facts, unquoted(n)));
  // In the RUN itself, an rm of the cache alone goes with the flag (redundantFixes); one of more paths stays.
  const own = ctx.facts.commandsOf(run).find((c) => c.command.node.startIndex >= last.node.endIndex && strict(c) &&
    c.nodes.slice(1).some((n) => !unquoted(n).startsWith('-') && !inCacheDir(hygiene.facts, unquoted(n))));
  if (own) return sourceStart(run, own.command.node);
  for (const branch of ctx.facts.laterRuns(node)) {
    for (const later of branch) {
      const read = ctx.facts.readRun(later);
      if (read.kind !== 'script') continue;
      const found = ctx.facts.commandsOf(read).find(strict);
      if (found) return sourceStart(read, found.command.node);
    }
  }
  return null;
}

/**
 * Whether the RUN, after its last install, removes the manager's cache with
 * an `rm` that removes more than it (`rm -rf /root/.cache`, `rm -rf /tmp/*
 * /var/cache/apk/*`): the cache never reaches the layer, and that rm stays
 * for its other paths, so a flag would change no byte. An rm of the cache
 * alone is not: the flag replaces it (redundantFixes drops it).
 */
function removesCacheWithMore(ctx: TransformContext, run: RunScript, hygiene: Hygiene, mine: ManagerUse[]): boolean {
  const last = mine.filter((c) => hygiene.installs.includes(c.sub)).pop();
  if (!last) return false;
  return ctx.facts.commandsOf(run).some((c) => c.program === 'rm' && c.command.node.startIndex >= last.node.endIndex && runsOnEveryPath(c.command.node) &&
    c.nodes.slice(1).some((n) => hygiene.facts.cacheDirs.some((dir) => holdsCacheDir(unquoted(n), dir)) || inCacheDir(hygiene.facts, unquoted(n))) &&
    c.nodes.slice(1).some((n) => !unquoted(n).startsWith('-') && !inCacheDir(hygiene.facts, unquoted(n))));
}

/** Whether removing `path` removes the cache folder `dir` with it: `/root/.cache` holds `/root/.cache/pip` (and `.cache/pip`). */
function holdsCacheDir(path: string, dir: string): boolean {
  const folder = path.replace(/\/\*?$/, '');
  if (folder.split('/').filter(Boolean).length < 2 || /[*?[]/.test(folder)) return false;
  if (dir.startsWith('/')) return dir.startsWith(`${folder}/`);
  const parts = dir.split('/');
  return parts.slice(0, -1).some((_, i) => folder.endsWith(`/${parts.slice(0, i + 1).join('/')}`));
}

/**
 * `rm` of a path in the manager's cache, or its clean subcommand: the cache is
 * already emptied. Where yum is dnf, dnf's clean empties yum's cache and the
 * other way round: one program, one cache.
 */
function cleans(manager: ManagerName, command: RunCommand, yumIsDnf = false): boolean {
  const same = yumIsDnf ? PACKAGE_MANAGER_FACTS[manager].sameProgramWhereYumIsDnf : undefined;
  return cleansOwn(manager, command) || (same !== undefined && cleansOwn(same, command));
}

function cleansOwn(manager: ManagerName, command: RunCommand): boolean {
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

/**
 * The commands of a RUN that run a package manager this transform looks
 * after: `pip3 install`, `python -m pip install`, `sudo apk add`. Not those
 * after an `exec` that replaces the shell (`exec bash && npm install`), which
 * never run (deadManagerCommands).
 */
function managerCommands(ctx: TransformContext, run: { root: Node }): ManagerUse[] {
  const found: ManagerUse[] = [];
  for (const command of ctx.facts.commandsOf(run)) {
    const m = managerCommand(command.words);
    if (!m || !MANAGERS.includes(m.manager) || execBefore(command.command.node) !== null) continue;
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

/** A package manager's command of the RUN that an `exec` before it keeps from running, and that exec; null when none. */
function deadManagerCommand(ctx: TransformContext, run: { root: Node }): { command: Node; exec: Node } | null {
  for (const command of ctx.facts.commandsOf(run)) {
    const m = managerCommand(command.words);
    const exec = m && MANAGERS.includes(m.manager) ? execBefore(command.command.node) : null;
    if (exec) return { command: command.command.node, exec };
  }
  return null;
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

/** The offset of a later command that installs offline from the cache this RUN would clean, or null. */
function laterReader(ctx: TransformContext, node: InstructionNode, manager: ManagerName): number | null {
  const hygiene = HYGIENE[manager];
  if (!hygiene.facts.offlineFlags) return null;
  for (const later of ctx.facts.laterRuns(node).flat()) {
    const run = ctx.facts.readRun(later);
    if (run.kind === 'refused') continue;
    const reader = managerCommands(ctx, run).find((c) => c.manager === manager && readsCache(hygiene, c.words));
    if (reader) return sourceStart(run, reader.node);
  }
  return null;
}


const BERRY_CLEAN = 'whose `yarn cache clean` deletes the project cache';

/**
 * Whether a subcommand only the classic version has (`yarn global add`) ran
 * in the folder the RUN ends in (no `cd` after it): the cleanup appended at
 * the end runs the same classic version there.
 */
function classicRan(ctx: TransformContext, run: RunScript, manager: ManagerName, mine: ManagerUse[]): boolean {
  const classic = PACKAGE_MANAGER_FACTS[manager].classicOnlyVerbs ?? [];
  const commands = ctx.facts.commandsOf(run);
  return mine.some((use) => classic.includes(use.sub ?? '') && !commands.some((c) =>
    c.command.node.startIndex > use.node.startIndex && ['cd', 'pushd', 'popd'].includes(c.program ?? '')));
}

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

/**
 * How curl and wget name the file they download to: an option that names it
 * (a short letter, also last in a group, `-fsSLo`, or a long option), or,
 * for curl's `-O` and wget without `-O`, the last part of the URL's path in
 * the current directory (or the one an option gives). Options that let the
 * server choose the name, or fetch many files, leave it unknown.
 */
interface DownloadSpelling {
  short: string;
  long: string;
  /** Saves under the URL's name: always (wget), or with these options (curl `-O`; a short letter may be in a group). */
  remoteName: { always: boolean; short: string | null; long: string[] };
  /** The option giving the folder a URL-named file goes to. */
  directory: { short: string | null; long: string };
  /** Options after which the file's name is not the URL's. */
  renames: string[];
}

const DOWNLOAD_OUTPUT: Record<string, DownloadSpelling> = {
  curl: {
    short: 'o', long: '--output',
    remoteName: { always: false, short: 'O', long: ['--remote-name', '--remote-name-all'] },
    directory: { short: null, long: '--output-dir' },
    renames: ['-J', '--remote-header-name'],
  },
  wget: {
    short: 'O', long: '--output-document',
    remoteName: { always: true, short: null, long: [] },
    directory: { short: 'P', long: '--directory-prefix' },
    renames: ['--content-disposition', '--trust-server-names', '-r', '--recursive', '-m', '--mirror', '-x', '--force-directories', '-i', '--input-file', '-B', '--base'],
  },
};

/** The files a curl or wget command downloads to, as written (relative ones in the directory it runs in). */
function downloadedFiles(words: (string | null)[], spelling: DownloadSpelling): string[] {
  const short = new RegExp(`^-[a-zA-Z]*${spelling.short}$`);
  const attached = new RegExp(`^-[a-zA-Z]*${spelling.short}(.+)$`);
  const named: string[] = [];
  let output = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === null) continue;
    const inline = word.startsWith(`${spelling.long}=`) ? word.slice(spelling.long.length + 1) : attached.exec(word)?.[1] ?? null;
    const path = inline ?? (word === spelling.long || short.test(word) ? words[i + 1] : null);
    if (inline !== null || word === spelling.long || short.test(word)) output = true;
    if (path) named.push(path);
  }
  if (output) return named;
  const group = (letter: string | null, w: string) => letter !== null && /^-[a-zA-Z]+$/.test(w) && w.includes(letter);
  const literal = words.filter((w): w is string => w !== null);
  if (literal.some((w) => spelling.renames.includes(w) || spelling.renames.some((r) => r.startsWith('--') && w.startsWith(`${r}=`)) ||
    spelling.renames.some((r) => /^-[a-zA-Z]$/.test(r) && group(r[1]!, w)))) return [];
  const byName = spelling.remoteName.always || literal.some((w) => spelling.remoteName.long.includes(w) || group(spelling.remoteName.short, w));
  if (!byName) return [];
  const urls = literal.filter((w) => /^(https?|ftp):\/\/[^/]+\/./.test(w));
  // curl's -O names the next URL only: one URL, or --remote-name-all.
  if (!spelling.remoteName.always && urls.length !== 1 && !literal.includes('--remote-name-all')) return [];
  let directory: string | null = null;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === null) continue;
    if (word === spelling.directory.long || (spelling.directory.short !== null && word === `-${spelling.directory.short}`)) directory = words[i + 1] ?? '';
    else if (word.startsWith(`${spelling.directory.long}=`)) directory = word.slice(spelling.directory.long.length + 1);
  }
  if (directory === '') return [];
  return urls.flatMap((url) => {
    const name = url.replace(/^[a-z]+:\/\/[^/]+/, '').split('/').pop() ?? '';
    if (!/^[\w.+-]+$/.test(name) || /[?#%]/.test(url)) return [];
    return [directory === null ? name : `${directory.replace(/\/+$/, '')}/${name}`];
  });
}

/** Archives this RUN downloads to a path it knows (`curl -o`, `wget -O`, `wget URL`, `curl -O`, `curl URL > file`) and extracts (`tar`, `unzip`). */
function leftoverArchives(ctx: TransformContext, run: RunScript): { path: string; refusal: Refusal | null; at: number; usedBy: Node }[] {
  // What an `exec` leaves behind it never runs: it downloads and extracts nothing.
  const commands = ctx.facts.commandsOf(run).filter((c) => execBefore(c.command.node) === null);
  const dirs = workingDirectories(run.root, ctx.facts.workdirAt(run.node));
  const cwdOf = (c: RunCommand) => dirs.at(c.command.node) ?? null;
  const downloads: { path: string; index: number; inMain: boolean; cwd: string | null; at: number }[] = [];
  commands.forEach((command, index) => {
    const spelling = command.program ? DOWNLOAD_OUTPUT[command.program] : undefined;
    if (!spelling) return;
    // Saved by the shell (`curl -fsSL URL > sdk.tgz`) when the downloader writes to standard output.
    const redirected = redirectedDownload(command);
    for (const path of redirected !== null ? [redirected] : downloadedFiles(command.words, spelling)) {
      downloads.push({ path, index, inMain: command.command.inMainShell, cwd: cwdOf(command), at: sourceStart(run, command.command.node) });
    }
  });
  const found: { path: string; refusal: Refusal | null; at: number; usedBy: Node }[] = [];
  for (const download of downloads) {
    const { path } = download;
    if (path === '-' || !/^[\w./+-]+$/.test(path)) continue;
    const absolute = resolvedPath(path, download.cwd);
    const after = commands.slice(download.index + 1);
    const movesBefore = (c: RunCommand) => after.slice(0, after.indexOf(c)).some(({ command: m }) => ['cd', 'pushd', 'popd'].includes(m.name ?? ''));
    // Whether an operand of a later command names the download: the same path once both are resolved, or as written when the directory is not known.
    const names = (word: string | null, at: RunCommand): boolean => {
      if (word === null) return false;
      if (absolute === null) return word === path && !movesBefore(at);
      return resolvedPath(word, cwdOf(at))?.replace(/\/+$/, '') === absolute;
    };
    const extractors = after.filter((c) => {
      const { words, program } = c;
      if (program === 'unzip') return words.slice(1).some((w) => names(w, c));
      // A downloaded .deb installed from its file is used up the same way.
      if (program === 'dpkg') return words.some((w) => w === '-i' || w === '--install') && words.slice(1).some((w) => names(w, c));
      if (program === 'apt-get' || program === 'apt') return words.includes('install') && words.slice(1).some((w) => names(w, c));
      if (program !== 'tar') return false;
      const extracting = words.some((w, i) => w !== null && (w === '--extract' || w === '--get' || /^-[a-zA-Z]*x[a-zA-Z]*$/.test(w) || (i === 1 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(w))));
      return extracting && words.slice(1).some((w) => names(w, c) || (w !== null && w.startsWith('--file=') && names(w.slice('--file='.length), c)));
    });
    const extractor = extractors[extractors.length - 1];
    if (!extractor) continue;
    const removed = after.some((c) => c.program === 'rm' && c.words.slice(1).some((w) => names(w, c))) ||
      after.some(({ command }) => command.node.text.includes('rm ') && command.node.text.includes(path)) ||
      after.some((c) => c.program === 'rm' && c.nodes.slice(1).some((n) => {
        const operand = unquoted(n);
        if (absolute === null) return removes(operand, path);
        const resolved = operand.startsWith('-') ? null : resolvedPath(operand, cwdOf(c));
        return resolved !== null && removes(resolved, absolute);
      }));
    if (removed) continue;
    // The rm goes at the end of the RUN: the path as written where that is the directory of the download, else resolved.
    const relative = !path.startsWith('/');
    const sameDirectory = absolute !== null ? dirs.end === download.cwd : download.inMain && !after.some(({ command: c }) => c.inMainShell && ['cd', 'pushd', 'popd'].includes(c.name ?? ''));
    const written = !relative || sameDirectory ? path : absolute;
    let refusal: Refusal | null = null;
    if (written === null) refusal = { id: 'working-directory-changes', reason: 'the working directory changes after the download' };
    else if (!written.startsWith('/') && absolute === null && run.mounts.length > 0) refusal = { id: 'relative-path-with-mounts', reason: 'the RUN has mounts the relative path may be in' };
    else if (run.mounts.some((m) => mountCovers(m, absolute ?? path))) refusal = { id: 'archive-in-mount', reason: 'it is in a mount, not in the layer' };
    else if (laterText(ctx, run.node).includes(path.slice(path.lastIndexOf('/') + 1))) {
      refusal = { id: 'archive-used-later', reason: 'a later instruction names it' };
    } else if (commands.some(({ command: c }) => c.node.text.includes(path) && /\brm\b|\bmv\b|\bcp\b/.test(c.name ?? ''))) {
      refusal = { id: 'archive-moved', reason: 'the RUN moves or copies it' };
    }
    found.push({ path: written ?? path, refusal, at: download.at, usedBy: extractor.command.node });
  }
  return found;
}

/** Whether `rm` of `operand` removes `path`: the path itself, a folder above it, or a glob that matches it (`/tmp/x*`). */
function removes(operand: string, path: string): boolean {
  if (operand.startsWith('-') || operand === '') return false;
  const folder = operand.replace(/\/+$/, '');
  if (folder === path) return true;
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
      const dead = deadManagerCommand(ctx, run);
      if (dead) {
        notes.push({
          line: node.line, at: sourceStart(run, dead.command), id: 'after-exec',
          message: `\`${dead.command.text}\` never runs: \`${dead.exec.text}\` before it replaces the shell, and the RUN ends with that program; nothing after it runs, so no cleanup is added for it`,
        });
      }
      const appended: string[] = [];
      /** Where the cleanups go: the end of the RUN, or of the branch an install is in (cleanupPlacements). */
      /** `after`: the last command the cleanups in a body are for, which an `exec` after it would end the RUN after. */
      const placed: { body: Node; commands: string[]; after: Node }[] = [];
      const place = (body: Node, commands: string[], after: Node) => {
        const found = placed.find((p) => p.body.id === body.id);
        if (!found) placed.push({ body, commands: [...commands], after });
        else {
          found.commands.push(...commands);
          if (after.endIndex > found.after.endIndex) found.after = after;
        }
      };
      const said: string[] = [];
      /** Where each part of `said` is about: the offset of its command (a merged RUN holds commands of several lines on disk). */
      const about: number[] = [];
      let flagged = false;
      /** Managers whose index this RUN leaves for a later RUN: what would drop its download stays. */
      const indexNeeded = new Set<ManagerName>();
      for (const manager of new Set(commands.map((c) => c.manager))) {
        const hygiene = HYGIENE[manager];
        const mine = commands.filter((c) => c.manager === manager);
        if (cacheMounted(run, hygiene)) continue;
        if (hygiene.facts.cacheDisabledBy && mentioned(ctx, node, run, hygiene.facts.cacheDisabledBy)) continue;
        // The base image's own configuration already turns it off (the official ruby images' gemrc: --no-document).
        const base = ctx.facts.baseImage(node.stage);
        if (base !== null && cachesOffIn(base).includes(manager)) continue;
        // A no-cache flag saves nothing in a stage whose layers are not shipped, nor next to an index
        // download that stays (`apk update` kept for an `apk upgrade`). A prompt answer is always needed.
        const indexKept = keepsIndexDownload(hygiene, mine);
        // A later RUN, here or in a stage built FROM this one, that installs from the index this RUN
        // leaves and that dfmod cannot give a download of its own: removing the index would fail it.
        const readLater = ctx.facts.shipsLayers(node.stage) ? laterIndexRead(ctx, node, hygiene, mine) : null;
        if (readLater) {
          notes.push({ line: node.line, at: readLater.at, id: readLater.id, message: `${manager} index kept: ${readLater.reason}` });
          indexNeeded.add(manager);
        }
        // A later install that reads only the cache (`uv sync --offline`) needs what this one leaves there.
        const offlineReader = hygiene.facts.noCacheFlag !== null && ctx.facts.shipsLayers(node.stage) ? laterReader(ctx, node, manager) : null;
        if (offlineReader !== null && mine.some((c) => flagFix(run, hygiene, c) !== null)) {
          notes.push({ line: node.line, at: sourceStart(run, mine[0]!.node), id: 'offline-install-later', message: `${manager} cache kept: the RUN at line ${ctx.originalInstructionLineAt(offlineReader)} installs offline from it` });
        }
        // The RUN removes the cache itself after its last install (`rm -rf /root/.cache`): the flag would change no byte.
        // So too where a command the flag cannot go on fills the cache (`apk --update upgrade`): the rm stays for it.
        const lastUse = mine[mine.length - 1];
        const fillsUnflagged = hygiene.flag !== null && mine.some((c) => !hygiene.flag!.on.includes(c.sub) && !(hygiene.facts.indexVerbs ?? []).includes(c.sub ?? '') &&
          (hygiene.facts.installVerbs.includes(c.sub ?? '') || c.words.some((w) => w !== null && (hygiene.facts.indexRefreshFlags ?? []).includes(w))));
        const removedAfter = removesCacheWithMore(ctx, run, hygiene, mine) ||
          (fillsUnflagged && lastUse !== undefined && cleanedIn(ctx, run, run.root, lastUse, yumIsDnf(ctx, node)));
        // An `rm` of the cache's files without -f fails once the flag leaves nothing there.
        const strict = hygiene.facts.noCacheFlag !== null && !removedAfter ? strictCacheRemoval(ctx, node, run, hygiene, mine) : null;
        if (strict !== null && mine.some((c) => flagFix(run, hygiene, c) !== null)) {
          notes.push({ line: node.line, at: sourceStart(run, mine[0]!.node), id: 'strict-removal-later', message: `${hygiene.facts.noCacheFlag} not added: the \`rm\` at line ${ctx.originalInstructionLineAt(strict)} has no -f, and would fail on the empty cache the flag leaves` });
        }
        // The line above is this RUN commented out with the flag (`# RUN pip install --no-cache-dir …`): its author took the flag out.
        const takenOut = hygiene.flag !== null && flagCommentedOut(ctx, node, hygiene.flag.text);
        if (takenOut && mine.some((c) => flagFix(run, hygiene, c) !== null)) {
          notes.push({ line: node.line, at: sourceStart(run, mine[0]!.node), id: 'flag-taken-out', message: `${hygiene.flag!.text} not added: the line above is this RUN with it, commented out, so it was taken out on purpose` });
        }
        const flagSavesNothing = hygiene.facts.noCacheFlag !== null && (!ctx.facts.shipsLayers(node.stage) || indexKept || readLater !== null || offlineReader !== null || removedAfter || strict !== null || takenOut);
        for (const command of flagSavesNothing ? [] : mine) {
          const fix = flagFix(run, hygiene, command);
          if (fix) {
            fixes.push(fix);
            flagged = true;
          }
        }
        if (inImage && !readLater) {
          const index = indexLeft(ctx, run, hygiene, mine, indexKept);
          if (index && 'reason' in index) notes.push({ line: node.line, at: index.at, id: index.id, message: `${manager} index kept: ${index.reason}` });
          else if (index) {
            appended.push(...index.commands);
            place(run.root, index.commands, mine[mine.length - 1]!.node);
            said.push(`${manager} index`);
            about.push(index.at);
          }
        }
        if (hygiene.cleanup.length === 0) continue;
        // An offline install reads the cache an earlier layer left; it does not fill one.
        const installs = mine.filter((c) => hygiene.installs.includes(c.sub) && !readsCache(hygiene, c.words) && !onlyAsksInfo(hygiene, c));
        if (installs.length === 0 || !inImage) continue;
        const last = installs[installs.length - 1];
        // Where yum is dnf, a RUN with both gets one cleanup, the one of whichever installs last.
        const same = yumIsDnf(ctx, node) ? hygiene.facts.sameProgramWhereYumIsDnf : undefined;
        if (same && commands.some((c) => c.manager === same && HYGIENE[same].installs.includes(c.sub) && c.node.startIndex > last.node.startIndex)) continue;
        const refusal = cleanupRefusal(ctx, run, manager, mine);
        if (refusal === ALREADY_CLEAN) continue;
        if (refusal && 'reason' in refusal) {
          notes.push({ line: node.line, at: sourceStart(run, last.node), id: refusal.id, message: `${manager} cache left: ${refusal.reason}` });
          continue;
        }
        // The program as the install ran it: `/opt/conda/bin/conda clean -afy` where PATH may not have it.
        const cleanupAfter = (install: ManagerUse) => refusal ? refusal.instead : cleanupFor(hygiene, install.words[0] ?? install.program, yumIsDnf(ctx, node)).map((c) => wrapperPrefix(install) + c);
        const needsProgram = (refusal ? refusal.instead : cleanupFor(hygiene, last.program)).some((c) => !c.startsWith('rm '));
        const placements = cleanupPlacements(installs.map((c) => c.node), needsProgram).flatMap((p) => {
          const install = installs.find((c) => c.node.id === p.targets[p.targets.length - 1]!.id)!;
          // A branch that already cleans after its installs (when another does not) needs nothing more.
          return p.body.id !== run.root.id && cleanedIn(ctx, run, p.body, install, yumIsDnf(ctx, node)) ? [] : [{ body: p.body, install }];
        });
        if (placements.length === 0) continue;
        for (const p of placements) place(p.body, cleanupAfter(p.install), p.install.node);
        appended.push(...cleanupAfter(placements[placements.length - 1]?.install ?? last));
        said.push(`${manager} cache`);
        about.push(sourceStart(run, last.node));
      }
      // In a stage whose layers no image ships, a redundant cleanup costs nothing and removing it saves nothing.
      if (!flagged && inImage) redundantFixes(ctx, run, commands.filter((c) => !indexNeeded.has(c.manager)), fixes);
      for (const archive of inImage ? leftoverArchives(ctx, run) : []) {
        if (archive.refusal) {
          notes.push({ line: node.line, at: archive.at, id: archive.refusal.id, message: `archive ${archive.path} left: ${archive.refusal.reason}` });
          continue;
        }
        appended.push(`rm -f ${archive.path}`);
        place(run.root, [`rm -f ${archive.path}`], archive.usedBy);
        said.push(`downloaded ${archive.path.endsWith('.deb') ? 'package' : 'archive'} ${archive.path}`);
        about.push(archive.at);
      }
      if (placed.length === 0) continue;
      const edits = placed.map((p) => appendInBody(dockerfile, run, p.body, p.commands, p.after));
      const refused = edits.find((e) => 'reason' in e);
      if (refused && 'reason' in refused) {
        notes.push({ line: node.line, at: about[0], id: refused.id, message: `${said.join(', ')} left: ${refused.reason}` });
        continue;
      }
      fixes.push({ line: node.line, at: about[0], message: `${said.join(', ')} removed in the RUN that created it: \`${appended.join(' && ')}\``, edits: edits as Edit[] });
    }
    return { fixes, notes };
  },
};

/** Whether a command at the end of `body`, after `install`, empties the manager's cache already. */
function cleanedIn(ctx: TransformContext, run: RunScript, body: Node, install: ManagerUse, yumIsDnf: boolean): boolean {
  const statements = bodyStatements(body) ?? [];
  const end = statements[statements.length - 1]?.endIndex ?? body.endIndex;
  return ctx.facts.commandsOf(run).some((c) => c.command.node.startIndex >= install.node.endIndex && c.command.node.endIndex <= end &&
    cleans(install.manager, c, yumIsDnf));
}

/** Whether the stage's base is a release where yum is dnf (RHEL 8 on): known from the knowledge base, else no. */
function yumIsDnf(ctx: TransformContext, node: InstructionNode): boolean {
  const image = node.stage ? ctx.facts.baseImage(node.stage) : null;
  return image !== null && describeImage(image).yumIsDnf;
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

/** Whether a word's first characters are computed by the shell (`$OPTS`, `"${FLAGS}"x`): they may spell an option. */
function startsComputed(node: Node): boolean {
  let first: Node = node;
  while (first.type === 'concatenation' || first.type === 'string') {
    const next = first.namedChildren[0];
    // `"…"` whose first child is not at its start begins with literal text (tree-sitter leaves string_content out at times).
    if (!next || (first.type === 'string' && next.startIndex !== first.startIndex + 1)) return false;
    if (first.type === 'concatenation' && next.startIndex !== first.startIndex) return false;
    first = next;
  }
  return expands(first);
}

const EXPANSIONS = new Set(['simple_expansion', 'expansion', 'command_substitution', 'process_substitution', 'arithmetic_expansion']);

/** The flag of `hygiene` on one command, where it is missing. */
function flagFix(run: RunScript, hygiene: Hygiene, command: ManagerUse): Fix | null {
  const flag = hygiene.flag;
  if (!flag || !flag.on.includes(command.sub) || !command.subNode) return null;
  if (command.words.some((w) => w !== null && flag.present(w))) return null;
  // An install that downloads nothing leaves no cache to keep out.
  if (readsCache(hygiene, command.words)) return null;
  // A word that starts with an expansion may hold the flag (`$PIP_OPTS`); one with a literal start is a package
  // (`torch==${TORCH_VERSION}`), and a glob-looking word (`fastapi[all]`, a pip extra) is one too.
  if (command.run.nodes.some((node, i) => command.run.words[i] === null && startsComputed(node))) return null;
  const at = flag.global ? sourceEnd(run, command.programNode) : sourceEnd(run, command.subNode);
  // An option the flag makes redundant (`apk add --update`) gives way to it: the first one after the subcommand is
  // replaced by the flag, the others go with the space before them.
  const { nodes, words } = command.run;
  const from = nodes.indexOf(command.programNode);
  const redundant = nodes.flatMap((node, i) => (i > from && words[i] !== null && flag.replaces.includes(words[i]!) ? [{ node, before: nodes[i - 1]! }] : []));
  const replaced = flag.global ? undefined : redundant.find((r) => r.node.startIndex > command.subNode!.startIndex);
  const edits: Edit[] = replaced ? [] : [{ start: at, end: at, text: ` ${flag.text}` }];
  for (const r of redundant) {
    edits.push(r === replaced
      ? { start: sourceStart(run, r.node), end: sourceEnd(run, r.node), text: flag.text }
      : { start: sourceEnd(run, r.before), end: sourceEnd(run, r.node), text: '' });
  }
  const dropped = [...new Set(redundant.map((r) => r.node.text))].map((t) => `\`${t}\``).join(', ');
  return {
    line: run.node.line,
    at: sourceStart(run, command.node),
    message: `\`${command.program} ${command.sub}\`: ${flag.text} added${dropped ? `, in place of ${dropped}, which it makes redundant` : ''}`,
    edits,
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
/**
 * Why the cache of `manager` must stay after this RUN, or null; or, when the
 * RUN removes the program before its end, the `rm -rf` of its cache folder
 * that empties it without the program (`instead` of its own cleanup).
 */
function cleanupRefusal(ctx: TransformContext, run: RunScript, manager: ManagerName, mine: ManagerUse[]): Refusal | { instead: string[] } | null {
  const hygiene = HYGIENE[manager];
  const lastInstall = mine.map((c, i) => (hygiene.installs.includes(c.sub) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  if (lastInstall < 0) return null;
  const others = ctx.facts.commandsOf(run).filter((c) => c.command.node.startIndex >= mine[lastInstall].node.endIndex);
  if (others.some((c) => cleans(manager, c, yumIsDnf(ctx, run.node)))) return ALREADY_CLEAN;
  const reader = laterReader(ctx, run.node, manager);
  if (reader !== null) return { id: 'offline-install-later', reason: `the RUN at line ${ctx.originalInstructionLineAt(reader)} installs offline from it` };
  const placed = manager === 'npm' ? npmrcCache(ctx) : null;
  if (placed) return placed;
  const program = mine[lastInstall].program;
  const removal = programRemoval(ctx, run, manager, mine[lastInstall], others);
  if (removal) {
    // Without the program its cleanup cannot run; `rm -rf` of where it keeps the cache needs nothing of it.
    const folder = homeCacheFolder(ctx, run, hygiene.facts, mine[lastInstall]);
    if (folder) return { instead: [`rm -rf ${folder}`] };
    const fate = removal.certain ? 'is removed before the end of the RUN' : removal.partial ? 'may not run at the end of the RUN' : 'may be removed before the end of the RUN';
    return { id: 'manager-removed', reason: `${program} ${fate} (${removal.what})` };
  }
  if (manager === 'yarn') return classicRan(ctx, run, manager, mine) ? null : yarnBerryRisk(ctx, run.node);
  return null;
}

const ROOT_USER = /^(root|0)(:(root|0))?$/;

/**
 * The cache folder in the home of the user the install ran as (its row's
 * homeCacheDir: `/root/.npm`), when that is known: the install ran as root
 * (the RUN's USER, no `sudo -u` or other wrapper) and HOME is root's own or
 * one ENV gives literally, not set by the RUN itself. Null otherwise.
 */
function homeCacheFolder(ctx: TransformContext, run: RunScript, facts: ManagerFacts, use: ManagerUse): string | null {
  if (!facts.homeCacheDir || use.run.wrappers.length > 0 || use.run.command.hasAssignments) return null;
  const user = ctx.facts.userAt(run.node);
  if (user !== null && !ROOT_USER.test(user)) return null;
  let setsHome = false;
  walk(run.root, (n) => {
    if (n.type === 'variable_assignment' && n.childForFieldName('name')?.text === 'HOME') setsHome = true;
    return !setsHome;
  });
  if (setsHome) return null;
  const env = ctx.facts.envAt(run.node);
  const home = env.has('HOME') ? env.get('HOME') : '/root';
  if (!home || !/^\/[\w./-]*$/.test(home)) return null;
  return posix.join(home, facts.homeCacheDir);
}

/**
 * The package index an index download (`apk update`) leaves in the layer,
 * and the cleanup that removes it at the end of the RUN: when the RUN keeps
 * it for another command than installs with the no-cache flag (`apk
 * upgrade` reads it; otherwise redundantFixes drops the `apk update`
 * itself), when the RUN does not remove it already, and when no later RUN
 * reads it (an install without the flag, or a script dfmod cannot read,
 * before an index download of its own). Null when there is nothing to do.
 */
function indexLeft(ctx: TransformContext, run: RunScript, hygiene: Hygiene, mine: ManagerUse[], indexKept: boolean): ({ commands: string[] } | Refusal) & { at: number } | null {
  const { facts } = hygiene;
  const indexVerbs = facts.indexVerbs ?? [];
  if (!facts.noCacheFlag || indexVerbs.length === 0) return null;
  // `apk update --no-cache` keeps nothing.
  const updates = mine.filter((c) => indexVerbs.includes(c.sub ?? '') && !c.words.some((w) => w !== null && hygiene.flag!.present(w)));
  if (updates.length === 0 || mine.every((c) => indexVerbs.includes(c.sub ?? ''))) return null;
  const installs = mine.filter((c) => facts.installVerbs.includes(c.sub ?? ''));
  const flagged = (c: ManagerUse) => c.words.some((w) => w !== null && hygiene.flag!.present(w)) || flagFix(run, hygiene, c) !== null;
  if (!indexKept && installs.some(flagged)) return null;
  const lastUpdate = updates[updates.length - 1]!;
  const manager = lastUpdate.manager;
  const after = ctx.facts.commandsOf(run).filter((c) => c.command.node.startIndex >= lastUpdate.node.endIndex);
  if (after.some((c) => cleans(manager, c))) return null;
  const at = sourceStart(run, lastUpdate.node);
  const reader = indexReader(ctx, run.node, hygiene, manager);
  if (reader) return { ...reader, at };
  return { commands: facts.cleanup.filter((c) => c.startsWith('rm ')).map((c) => wrapperPrefix(lastUpdate) + c), at };
}

/**
 * Whether the RUN downloads the index for another command than installs and
 * removals (`apk update && apk upgrade`): that download stays, so a no-cache
 * flag on its installs saves nothing.
 */
function keepsIndexDownload(hygiene: Hygiene, mine: ManagerUse[]): boolean {
  const { facts } = hygiene;
  const indexVerbs = facts.indexVerbs ?? [];
  return mine.some((c) => indexVerbs.includes(c.sub ?? '')) && !mine.every((c) =>
    indexVerbs.includes(c.sub ?? '') || facts.installVerbs.includes(c.sub ?? '') || (facts.removeVerbs ?? []).includes(c.sub ?? ''));
}

/**
 * Why the index a RUN leaves (an index download, or an install without the
 * no-cache flag, which reads or fetches one) must stay for a later RUN, with
 * the offset of the command that leaves it; null when the RUN leaves none or
 * nothing later reads it. The apk counterpart of apt-cleanup's later readers
 * of the lists: a stage built FROM this one reads what it left.
 */
function laterIndexRead(ctx: TransformContext, node: InstructionNode, hygiene: Hygiene, mine: ManagerUse[]): (Refusal & { at: number }) | null {
  const { facts, flag } = hygiene;
  if (!facts.noCacheFlag || !facts.indexVerbs || !flag) return null;
  const run = ctx.facts.readRun(node);
  if (run.kind === 'refused') return null;
  const leaves = mine.filter((c) => (facts.indexVerbs!.includes(c.sub ?? '') || facts.installVerbs.includes(c.sub ?? '')) &&
    !c.words.some((w) => w !== null && flag.present(w)) && !readsCache(hygiene, c.words));
  if (leaves.length === 0) return null;
  const reader = indexReader(ctx, node, hygiene, mine[0]!.manager);
  return reader ? { ...reader, at: sourceStart(run, leaves[leaves.length - 1]!.node) } : null;
}

/** A later RUN that may read the index a RUN leaves, before one downloads its own: why the index stays, or null. */
function indexReader(ctx: TransformContext, node: InstructionNode, hygiene: Hygiene, manager: ManagerName): Refusal | null {
  for (const branch of ctx.facts.laterRuns(node)) {
    for (const later of branch) {
      const found = indexUse(ctx, later, hygiene, manager);
      if (found === 'refreshes') break;
      if (found) return found;
    }
  }
  return null;
}

/**
 * Whether dfmod gives a later install the no-cache flag itself, so that it
 * downloads an index of its own (`apk add --no-cache` fetches one and keeps
 * none): the same conditions as the transform's own run, for that RUN.
 */
function flagsItself(ctx: TransformContext, later: InstructionNode, read: RunScript, hygiene: Hygiene, use: ManagerUse): boolean {
  if (!later.stage || !ctx.facts.shipsLayers(later.stage) || cacheMounted(read, hygiene)) return false;
  if (hygiene.facts.cacheDisabledBy && mentioned(ctx, later, read, hygiene.facts.cacheDisabledBy)) return false;
  const mine = managerCommands(ctx, read).filter((c) => c.manager === use.manager);
  if (keepsIndexDownload(hygiene, mine) || flagFix(read, hygiene, use) === null) return false;
  return laterIndexRead(ctx, later, hygiene, mine) === null;
}

/** What a later RUN does with the index: reads it (why, as a refusal), downloads its own first (`refreshes`), or neither (null). */
function indexUse(ctx: TransformContext, later: InstructionNode, hygiene: Hygiene, manager: ManagerName): Refusal | 'refreshes' | null {
  const { facts } = hygiene;
  const indexVerbs = facts.indexVerbs ?? [];
  const refreshes = (c: ManagerUse) => indexVerbs.includes(c.sub ?? '') || c.words.some((w) => w !== null && (facts.indexRefreshFlags ?? []).includes(w));
  const reads = (c: ManagerUse) => !indexVerbs.includes(c.sub ?? '') && !(facts.removeVerbs ?? []).includes(c.sub ?? '') &&
    !c.words.some((w) => w !== null && hygiene.flag!.present(w));
  const spelt = (c: ManagerUse) => `\`${c.program}${c.sub ? ` ${c.sub}` : ''}\``;
  const does = (c: ManagerUse) => (facts.installVerbs.includes(c.sub ?? '') ? 'installs from it' : 'reads it');
  const read = ctx.facts.readRun(later);
  if (read.kind === 'refused') {
    const mentions = ctx.dockerfile.rawArguments(later).split(/\s+/).some((w) => PACKAGE_MANAGER_FACTS[manager].programs.includes(w.replace(/^.*\//, '')));
    return mentions ? { id: 'index-read-later', reason: `the RUN at line ${ctx.originalLine(later.line)} may install packages from it, and dfmod does not read it: ${read.refusal.reason}` } : null;
  }
  // The RUN on disk that holds the command (a merged RUN holds commands of several).
  const at = (node: Node) => `the RUN at line ${ctx.originalInstructionLineAt(sourceStart(read, node))}`;
  const uses = managerCommands(ctx, read).filter((c) => c.manager === manager);
  for (const command of ctx.facts.commandsOf(read)) {
    const use = uses.find((u) => u.node.id === command.command.node.id);
    if (use) {
      if (refreshes(use)) return 'refreshes';
      if (reads(use) && !flagsItself(ctx, later, read, hygiene, use)) return { id: 'index-read-later', reason: `${at(use.node)} ${does(use)} (${spelt(use)})` };
      continue;
    }
    const script = ctx.facts.scriptRunBy(later, command, ctx.context);
    if (!script) continue;
    const what = `\`${script.what}\``;
    if (!script.roots) return { id: 'index-read-by-script', reason: `${at(command.command.node)} runs ${what}, which may install packages from it (dfmod cannot read what it runs: ${script.unknown})` };
    for (const root of script.roots) {
      const first = managerCommands(ctx, { root }).find((c) => c.manager === manager && (refreshes(c) || reads(c)));
      if (first && !refreshes(first) && reads(first)) return { id: 'index-read-by-script', reason: `${at(command.command.node)} runs ${what}, which ${does(first)} (${spelt(first)} in ${script.file ?? 'its inline script'})` };
    }
  }
  return null;
}

/** Where a program's own names are installed, besides what its row's carriedBy says. */
const BIN_DIRS = ['/bin', '/usr/bin', '/usr/local/bin'];

interface Removal {
  /** Whether the command surely takes the program away, or only may (a computed package list, a path dfmod cannot resolve). */
  certain: boolean;
  /** The command and what of it removes the program, in words for the note. */
  what: string;
  /** It deletes part of the program's install, not all of it. */
  partial?: boolean;
}

/**
 * Whether a command after the last install takes the manager's program away,
 * so that the cleanup appended at the end of the RUN would not find it: a
 * package removal of a package that carries it (`apt-get purge npm`, `apk del
 * nodejs`, `npm uninstall -g yarn`) or of an apk group holding one (`apk del
 * .build-deps`), an autoremove after `apt-mark auto` of one the RUN
 * installed, or `rm` of where it is installed (`rm -rf
 * /usr/local/lib/node_modules/npm`). A project's own node_modules is not where
 * npm is; relative rm paths are resolved against the directory the rm runs in.
 * A cleanup that is only `rm` needs no program.
 */
function programRemoval(ctx: TransformContext, run: RunScript, manager: ManagerName, use: ManagerUse, after: RunCommand[]): Removal | null {
  const facts = PACKAGE_MANAGER_FACTS[manager];
  if (HYGIENE[manager].cleanup.every((c) => c.startsWith('rm '))) return null;
  const packages = [...facts.programs, ...(facts.carriedBy?.packages ?? [])];
  const paths = [...(facts.carriedBy?.paths ?? []), ...facts.programs.flatMap((p) => BIN_DIRS.map((d) => `${d}/${p}`))];
  const word = use.words[0];
  if (word && word.startsWith('/')) paths.push(posix.normalize(word));
  const dirs = workingDirectories(run.root, ctx.facts.workdirAt(run.node));
  const carried = (name: string) => packages.some((p) => picomatch(p)(name)) || (/[*?[]/.test(name) && packages.some((p) => picomatch(name)(p.replace(/[*?[].*$/, ''))));
  let maybe: Removal | null = null;
  for (const command of after) {
    const found = command.program === 'rm' || command.program === 'unlink'
      ? rmRemoval(ctx, run, command, dirs, paths)
      : packageRemoval(ctx, run, command, carried);
    if (found?.certain) return found;
    maybe ??= found;
  }
  return maybe;
}

/** `rm` of a path the program is installed at, or of a folder above it. */
function rmRemoval(ctx: TransformContext, run: RunScript, command: RunCommand, dirs: WorkingDirectories, paths: string[]): Removal | null {
  const cwd = dirs.at(command.command.node) ?? null;
  let optionsEnded = false;
  let maybe: Removal | null = null;
  for (let i = 1; i < command.nodes.length; i++) {
    const word = command.words[i];
    if (!optionsEnded && word === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && word !== null && word.startsWith('-')) continue;
    const operand = word ?? pathPattern(ctx, run.node, command.nodes[i]!);
    const computed = word === null && /\$|`/.test(command.nodes[i]!.text);
    const resolved = resolvedPath(operand, cwd);
    const what = `\`rm\` of ${command.nodes[i]!.text}`;
    if (resolved === null) {
      // A relative path in a directory dfmod does not know: only one that names the program's own file or folder counts.
      const relative = posix.normalize(operand).replace(/\/+$/, '');
      if (paths.some((p) => p.replace(/\*$/, '').endsWith(`/${relative}`))) maybe ??= { certain: false, what };
      continue;
    }
    if (paths.some((p) => removesPath(resolved, p))) {
      if (!computed) return { certain: true, what };
      maybe ??= { certain: false, what };
    }
    // Part of its install (`rm -rf /usr/lib/node_modules/npm/node_modules/undici`): it may not run after that.
    if (paths.some((p) => resolved.startsWith(`${p.replace(/\*$/, '')}/`) || (p.endsWith('*') && picomatch(`${p}/**`, { dot: true })(resolved)))) {
      maybe ??= { certain: false, what: `${what}, inside its install`, partial: true };
    }
  }
  return maybe;
}

/** An rm operand the shell computes, as a glob: expansions ENV and ARG give are filled in, others match anything (`$HOME/x` → `**` + `/x`). */
function pathPattern(ctx: TransformContext, node: InstructionNode, operand: Node): string {
  const text = unquoted(operand);
  const expanded = /\$/.test(text) ? ctx.facts.expand(node, text) : null;
  if (expanded !== null && !/[$`]/.test(expanded)) return expanded;
  return text
    .replace(/\$\{[^}]*\}|\$\([^)]*\)|`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*|\$./g, '\u0000')
    .split('/')
    .map((segment) => (segment === '\u0000' ? '**' : segment.replace(/\u0000/g, '*')))
    .join('/');
}

/** Whether deleting `operand` (an absolute path, maybe a glob) deletes `target` (a carriedBy path, maybe ending in `*`). */
function removesPath(operand: string, target: string): boolean {
  const concrete = target.replace(/\*$/, '');
  const o = operand.replace(/\/+$/, '') || '/';
  if (o === '/') return true;
  const ancestors = (p: string) => {
    const list = [p];
    for (let at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/', at - 1)) list.push(p.slice(0, at));
    return list;
  };
  if (!/[*?[]/.test(o)) return o === target || concrete.startsWith(`${o}/`) || (target.endsWith('*') && picomatch(target, { dot: true })(o));
  const matches = picomatch(o, { dot: true });
  return ancestors(concrete).some((p) => matches(p)) || (target.endsWith('*') && picomatch(target, { dot: true })(o));
}

/** A package manager's removal of a package that carries the program (`apt-get purge npm`, `apk del .build-deps`, `npm uninstall -g yarn`). */
function packageRemoval(ctx: TransformContext, run: RunScript, command: RunCommand, carried: (name: string) => boolean): Removal | null {
  const m = managerCommand(command.words);
  if (!m || m.subcommand === null || m.subcommandIndex === null) return null;
  const row = PACKAGE_MANAGER_FACTS[m.manager];
  if (!(row.removeVerbs ?? []).includes(m.subcommand)) return null;
  const rest = command.words.slice(m.programIndex + 1);
  if (row.globalRemoveFlags && !rest.some((w) => w !== null && row.globalRemoveFlags!.includes(w))) return null;
  const verb = `\`${m.program} ${m.subcommand}\``;
  const groups = m.manager === 'apk' ? apkGroups(ctx, run) : new Map<string, (string | null)[]>();
  const valueOptions = row.valueOptions ?? [];
  let maybe: Removal | null = null;
  for (let i = m.subcommandIndex + 1; i < command.words.length; i++) {
    const word = command.words[i];
    if (word !== null && word.startsWith('-')) {
      if (valueOptions.includes(word)) i++;
      continue;
    }
    const node = command.nodes[i]!;
    const names = word !== null ? [word] : variableWords(ctx, run, node);
    if (names === null) {
      maybe ??= { certain: false, what: `${verb} of ${node.text}` };
      continue;
    }
    for (const name of names) {
      const bare = name.replace(/[=:<>~@].*$/, '');
      if (carried(bare)) return { certain: true, what: `${verb} of ${bare}` };
      const group = groups.get(bare);
      if (!group) continue;
      const held = group.find((p) => p !== null && carried(p.replace(/[=:<>~@].*$/, '')));
      if (held) return { certain: true, what: `${verb} of ${bare}, which holds ${held.replace(/[=:<>~@].*$/, '')}` };
      if (group.includes(null)) maybe ??= { certain: false, what: `${verb} of ${bare}, whose packages are computed` };
    }
  }
  const auto = m.subcommand === 'autoremove' || rest.some((w) => w !== null && (row.autoRemoveFlags ?? []).includes(w));
  if (auto && row.system) {
    // Autoremove takes what nothing needs and nobody installed by name; after `apt-mark auto`, that is what this RUN installed.
    const commands = ctx.facts.commandsOf(run).filter((c) => c.command.node.startIndex < command.command.node.startIndex);
    const marked = commands.some((c) => c.program === 'apt-mark' && c.words.includes('auto'));
    const installed = commands.flatMap((c) => isPackageInstall(c.words)?.packages ?? []).find((p) => carried(p.replace(/[=:<>~@].*$/, '')));
    if (marked && installed) return { certain: true, what: `${verb} with autoremove after \`apt-mark auto\`, of ${installed.replace(/[=:<>~@].*$/, '')} that the RUN installed` };
  }
  return maybe;
}

/** `apk add -t NAME pkgs` (`--virtual`) in the RUN or an earlier RUN of its stage: what `apk del NAME` removes. */
function apkGroups(ctx: TransformContext, run: RunScript): Map<string, (string | null)[]> {
  const groups = new Map<string, (string | null)[]>();
  const options = PACKAGE_MANAGER_FACTS.apk.groupOptions ?? [];
  const stage = run.node.stage!;
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN' && i.index < run.node.index).map((i) => ctx.facts.readRun(i));
  for (const read of [...runs, run]) {
    if (read.kind === 'refused') continue;
    for (const command of ctx.facts.commandsOf(read)) {
      const m = managerCommand(command.words);
      if (m?.manager !== 'apk' || m.subcommand !== 'add') continue;
      const words = command.words;
      let name: string | null = null;
      const packages: (string | null)[] = [];
      for (let i = 1; i < words.length; i++) {
        const word = words[i];
        if (word !== null && options.includes(word)) name = words[++i] ?? null;
        else if (word !== null && options.some((o) => o.startsWith('--') && word.startsWith(`${o}=`))) name = word.slice(word.indexOf('=') + 1);
        else if (word !== null && word.startsWith('-')) {
          if ((PACKAGE_MANAGER_FACTS.apk.valueOptions ?? []).includes(word)) i++;
        } else if (word !== 'add') packages.push(word);
      }
      if (name !== null) groups.set(name, packages);
    }
  }
  return groups;
}

/**
 * The words a computed package word stands for: `$buildDeps` as the RUN
 * sets it before (`buildDeps='gcc make'`), or as ENV or ARG do; null when
 * that is not known.
 */
function variableWords(ctx: TransformContext, run: RunScript, node: Node): string[] | null {
  const name = /^"?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))"?$/.exec(node.text);
  if (!name) return null;
  const variable = name[1] ?? name[2]!;
  let value: string | null | undefined;
  walk(run.root, (n) => {
    if (n.startIndex >= node.startIndex) return false;
    if (n.type === 'variable_assignment' && n.childForFieldName('name')?.text === variable) {
      const v = n.childForFieldName('value');
      value = v ? literalValue(v) : '';
    }
    return true;
  });
  if (value === undefined) value = ctx.facts.envAt(run.node).get(variable) ?? ctx.facts.argsAt(run.node).get(variable);
  if (value === undefined || value === null) return null;
  return value.split(/\s+/).filter(Boolean);
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
      if (edit) fixes.push({ line: run.node.line, at: sourceStart(run, command.command.node), message: `\`${command.command.node.text}\` removed: ${flag.text} already keeps the ${manager} cache out of the layer`, edits: [edit] });
    }
  }
}

export default cacheCleanup;
