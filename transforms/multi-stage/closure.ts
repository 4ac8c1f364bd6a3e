/**
 * What the runtime stage needs besides the build output a planner names: the
 * Debian packages to install again (the ones the original installed that are
 * not build tools, the fetch tools it installed and never ran, `-dev` packages
 * as their libraries, the libraries language packages and `-l` flags link, the
 * programs the app visibly runs), and the
 * files outside that output the app reads or the RUNs made (folders, files a
 * redirection wrote, files copied outside the app folder), with their owners.
 * The data is in lib/knowledge/packages.ts; what the app reads and runs comes
 * from lib/facts (app-files.ts). What it cannot name is a refusal; what it
 * cannot prove is a line for the reviewer (`checks`).
 */
import path from 'node:path';
import type { InstructionNode } from '../../lib/core/dockerfile.js';
import type { TransformContext } from '../../lib/core/types.js';
import { fileReads, isPackageInstall, isPipInstall, programRuns, redirectTargets, runMakes, type SourceLanguage } from '../../lib/facts/index.js';
import {
  BUILD_IMAGE_LINKED_PACKAGES, BUILD_TOOL_PACKAGES, DEV_RUNTIME_PACKAGES, FETCH_TOOL_CALLERS, FETCH_TOOL_PACKAGES, LANGUAGE_PACKAGE_LIBRARIES, LINK_FLAG_PACKAGES,
  PROGRAM_PACKAGES, RUNTIME_PACKAGE_RELEASES, describeImage, parseImageRef, parseTag, releaseName, shipsBuildpackDeps,
} from '../../lib/knowledge/index.js';
import { refuse, type Plan, type Refused } from './plan.js';
import { commandWhere, type StageReading } from './read-stage.js';

export interface Closure {
  /** Debian packages the runtime installs, in the order found. */
  packages: string[];
  /** `COPY --from=build` lines for the files and folders besides the planner's payload. */
  copies: string[];
  /** What the change message says the runtime gets besides the payload. */
  files: string[];
  /** What the reviewer should check: what dfmod could not prove. */
  checks: string[];
}

/** The languages whose source tells what the app reads and runs, per ecosystem. */
const SOURCES: Record<StageReading['ecosystem'], SourceLanguage[]> = {
  go: ['go'], java: ['java'], native: ['c'], node: ['js'], python: ['python'],
};

/** Ecosystems whose runtime gets only the build output: what else the app reads must be named. */
const COMPILED = new Set<StageReading['ecosystem']>(['go', 'java', 'native']);

/** Paths the container runtime or the kernel provides: an app reading them needs nothing copied. */
const PROVIDED = ['/proc', '/sys', '/dev', '/tmp', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/etc/passwd', '/etc/group', '/etc/ssl', '/usr/share/zoneinfo'];

/** Files a compiled build reads from its sources (by name or extension), not the program at run time. */
const SOURCE_FILE = /(\.(c|cc|cpp|cxx|h|hpp|go|java|kt|s)|^(go\.mod|go\.sum|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|Makefile|CMakeLists\.txt|configure))$/;

const under = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

export function runtimeClosure(ctx: TransformContext, stage: StageReading, chosen: Plan, healthPrograms: readonly string[]): Closure | Refused {
  const closure: Closure = { packages: [], copies: [], files: [], checks: [] };
  const packages = runtimePackages(ctx, stage, chosen, healthPrograms);
  if ('refuse' in packages) return packages;
  closure.packages = packages.packages;
  closure.checks.push(...packages.checks);
  if (closure.packages.length) {
    // A digest or a build argument may name another release than the tag's default: only a release the tag names as written holds.
    const written = parseImageRef(stage.stage.image);
    const pinned = written.digest ? 'is pinned by digest' : written.dynamic ? 'uses a build argument' : null;
    if (pinned && !parseTag(written.tag).release) {
      return refuse('runtime-packages-unchecked', `the runtime needs ${closure.packages.join(', ')}, and the base image \`${stage.stage.image}\` ${pinned}, with no Debian release named in its tag to check those package names on`);
    }
    const release = stage.image.release;
    if (!release || !RUNTIME_PACKAGE_RELEASES.has(release.version) || release.distro !== 'debian') {
      return refuse('runtime-packages-unchecked', `the runtime needs ${closure.packages.join(', ')}, and dfmod has checked those package names on Debian 12 only, not on ${release ? releaseName(release) : `the release of ${stage.image.ref.raw}`}`);
    }
    if (describeImage(chosen.runtime).packageManager !== 'apt') {
      return refuse('runtime-packages-no-apt', `the runtime needs ${closure.packages.join(', ')}, and ${chosen.runtime} has no apt-get to install them`);
    }
  }
  const files = runtimeFiles(ctx, stage, chosen);
  if ('refuse' in files) return files;
  closure.copies = files.copies;
  closure.files = files.files;
  closure.checks.push(...files.checks);
  return closure;
}

function runtimePackages(ctx: TransformContext, stage: StageReading, chosen: Plan, healthPrograms: readonly string[]): { packages: string[]; checks: string[] } | Refused {
  const found: string[] = [];
  const checks: string[] = [];
  const add = (...names: readonly string[]) => { for (const n of names) if (!found.includes(n)) found.push(n); };
  const installed = stage.aptPackages.filter((p) => !(stage.inits as string[]).includes(p));
  const unused: string[] = [];
  for (const pkg of installed) {
    const libraries = DEV_RUNTIME_PACKAGES[pkg];
    if (BUILD_TOOL_PACKAGES.has(pkg)) {
      // A fetch tool the build installs and never runs was installed for the app or its operator.
      if (FETCH_TOOL_PACKAGES.has(pkg) && unusedByBuild(stage, pkg)) {
        add(pkg);
        unused.push(pkg);
      }
      continue;
    }
    if (libraries) add(...libraries);
    else if (pkg.endsWith('-dev')) return refuse('dev-package-unknown', `the build installs ${pkg}, whose runtime library dfmod does not know`);
    else add(pkg);
  }
  // Programs the app runs: its own source and scripts, and the HEALTHCHECK.
  const programs = new Set<string>();
  const context = ctx.context;
  if (context) for (const run of programRuns(context, SOURCES[stage.ecosystem], (text) => ctx.shell.parse(text).rootNode)) programs.add(run.program);
  for (const program of healthPrograms) programs.add(path.posix.basename(program));
  const runtime = describeImage(chosen.runtime);
  const fullImage = shipsBuildpackDeps(stage.image.family, stage.image.tag);
  for (const program of programs) {
    const pkg = PROGRAM_PACKAGES[program];
    if (!pkg || shipsBuildpackDeps(runtime.family, runtime.tag)) continue;
    // The build had it: apt installed it, or the full official image ships it.
    if (installed.includes(pkg) || fullImage) add(pkg);
  }
  for (const pkg of unused) {
    if ([...programs].some((program) => PROGRAM_PACKAGES[program] === pkg)) continue;
    checks.push(`that something runs ${pkg} at run time (the build installs it and never runs it, so the runtime keeps it)`);
  }
  if (found.some((p) => FETCH_TOOL_PACKAGES.has(p) && p !== 'ca-certificates') && !found.includes('ca-certificates')) add('ca-certificates');
  // Language packages that link system libraries the slim image lacks.
  const languagePackages = stage.ecosystem === 'python' ? pythonPackages(ctx, stage) : stage.ecosystem === 'node' ? nodePackages(ctx) : [];
  const table = stage.ecosystem === 'python' ? LANGUAGE_PACKAGE_LIBRARIES.pypi : LANGUAGE_PACKAGE_LIBRARIES.npm;
  for (const name of languagePackages) if (table[name]) add(...table[name]);
  // A package compiled against what the build image happens to have: on the build's own image the runtime has the
  // same libraries (and the -dev packages apt installed are installed again as theirs); on another, no list is certain.
  const probing = stage.ecosystem === 'python' ? BUILD_IMAGE_LINKED_PACKAGES.pypi : {};
  if (chosen.runtime !== stage.image.ref.raw.replace(/^docker\.io\/(library\/)?/, '')) {
    const probed = languagePackages.find((name) => probing[name]);
    if (probed) {
      const libraries = probing[probed];
      return refuse('compiled-against-build-image', `${probed} is compiled when pip installs it (PyPI has no wheel of it) and links those of ` +
        `${libraries.slice(0, -1).join(', ')} and ${libraries[libraries.length - 1]} that ${stage.stage.image} has, some of which ${chosen.runtime} lacks: which ones the runtime must install is not certain`);
    }
  }
  // Libraries a C or C++ program links.
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (!['gcc', 'g++', 'cc', 'c++'].includes(command.program ?? '')) continue;
      for (let i = 1; i < command.words.length; i++) {
        const word = command.words[i];
        if (word === null || !word.startsWith('-l')) continue;
        const library = word === '-l' ? command.words[++i] ?? '' : word.slice(2);
        const libraries = LINK_FLAG_PACKAGES[library ?? ''];
        if (!libraries) return refuse('link-flag-unknown', `${commandWhere(ctx, run, command)}: the program links -l${library}, whose Debian package dfmod does not know`);
        add(...libraries);
      }
      if (command.words.includes('-static')) checks.push('that the program, linked with -static, needs no file of the build image at run time');
    }
  }
  if (stage.ecosystem === 'native' && !ctx.context) checks.push('that the program loads no library beyond its -l flags (dfmod reads no source without the build context)');
  return { packages: found, checks };
}

/**
 * Whether no command after apt installs `pkg` runs one of its programs, or a
 * program that may run them (FETCH_TOOL_CALLERS). False for a package with no
 * program of its own (ca-certificates: fetchers and language tools read it).
 */
function unusedByBuild(stage: StageReading, pkg: string): boolean {
  const programs = new Set([
    ...Object.entries(PROGRAM_PACKAGES).filter(([, p]) => p === pkg).map(([program]) => program),
    ...(FETCH_TOOL_CALLERS[pkg] ?? []),
  ]);
  if (!Object.values(PROGRAM_PACKAGES).includes(pkg)) return false;
  let installed = false;
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (!installed) {
        installed = isPackageInstall(command.words)?.packages.some((p) => p.replace(/[=:].*$/, '') === pkg) ?? false;
        continue;
      }
      if (command.program === null || programs.has(command.program)) return false;
    }
  }
  return installed;
}

function pythonPackages(ctx: TransformContext, stage: StageReading): string[] {
  const normalized = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
  const names: string[] = [];
  for (const line of (ctx.context?.read('requirements.txt') ?? '').split(/\r?\n/)) names.push(line.replace(/[\s#;<>=!~[].*$/, ''));
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (!isPipInstall(command.words)) continue;
      for (const word of command.words.slice(2)) if (word && !word.startsWith('-')) names.push(word.replace(/[<>=!~[].*$/, ''));
    }
  }
  return names.filter(Boolean).map(normalized);
}

function nodePackages(ctx: TransformContext): string[] {
  try {
    const pkg = JSON.parse(ctx.context?.read('package.json') ?? '{}') as { dependencies?: Record<string, string> };
    return Object.keys(pkg.dependencies ?? {});
  } catch {
    return [];
  }
}

function runtimeFiles(ctx: TransformContext, stage: StageReading, chosen: Plan): { copies: string[]; files: string[]; checks: string[] } | Refused {
  const app = stage.finalWorkdir;
  const compiled = COMPILED.has(stage.ecosystem);
  const covered = (p: string) => chosen.copied.some((c) => under(c, p));
  const wanted = new Map<string, string | null>(); // path → --chown owner
  const checks: string[] = [];
  const want = (p: string, owner: string | null = null) => {
    if (!covered(p) && ![...wanted.keys()].some((w) => under(w, p))) wanted.set(p, owner);
  };
  const made = new Map<string, string | null>();
  for (const run of stage.runs) {
    const where = `line ${ctx.originalLine(run.node.line)}`;
    const read = ctx.facts.readRun(run.node);
    if (read.kind !== 'script') continue;
    for (const target of redirectTargets(read.root)) {
      // The redirect's own line on disk (a RUN merged from several holds commands of several lines).
      const where = `line ${ctx.originalLineAt(read.script.offsets[target.node.startIndex])}`;
      if (target.path === null) return refuse('run-writes-file', `${where}: RUN writes \`${target.text}\`, a file whose name the shell computes`);
      if (!target.path.startsWith('/') && (run.changesDir || run.workdir === null)) return refuse('run-writes-file', `${where}: RUN writes \`${target.text}\` after \`cd\`, in a folder dfmod does not know`);
      const file = path.posix.resolve(run.workdir ?? '/', target.path);
      if (under('/etc/apt', file)) return refuse('apt-source', `${where}: RUN writes ${file}: the runtime's apt-get would not have that configuration`);
      if (under('/dev', file)) continue;
      if (compiled || !under(app, file)) want(file, null);
    }
    const makes = runMakes(run.commands, run.changesDir ? null : run.workdir);
    if (makes.computed) return refuse('run-makes-unread', `${where}: mkdir, chown or chmod acts on a path the shell computes or after \`cd\``);
    const user = ctx.facts.userAt(run.node);
    for (const folder of makes.folders) made.set(folder, user && user !== 'root' && user !== '0' ? user : null);
    for (const [p, { owner, recursive }] of makes.owners) {
      if (p === app || (!recursive && !made.has(p))) {
        if (p === app || covered(p)) return refuse('chown-copied-folder', `${where}: chown sets the owner of ${p}, and the runtime stage copies that folder's contents, not its own owner`);
      }
      if (made.has(p) || !covered(p)) made.set(p, owner);
    }
    for (const p of makes.modes) {
      if (made.has(p) || p === app) return refuse('chmod-copied-folder', `${where}: the mode of ${p} is set, and COPY --from gives the copied folder its default mode`);
    }
  }
  // Folders RUN made: the build's own folders (a RUN or COPY works in them) stay behind.
  const workFolders = new Set<string>();
  for (const run of stage.runs) {
    if (run.workdir) workFolders.add(run.workdir);
    for (const c of run.commands) if (c.program === 'cd' && typeof c.words[1] === 'string') workFolders.add(path.posix.resolve(run.workdir ?? '/', c.words[1]));
  }
  for (const node of stage.stage.instructions) {
    const copy = (node.keyword === 'COPY' || node.keyword === 'ADD') ? ctx.facts.copyOperands(node) : null;
    if (copy?.destResolved) workFolders.add(copy.destResolved.replace(/\/$/, '') || '/');
  }
  for (const [folder, owner] of made) {
    // A folder the build works in, or one that holds the build output the payload copies already, stays behind.
    if ([...workFolders].some((w) => under(folder, w)) || chosen.copied.some((c) => under(folder, c))) continue;
    if (!compiled && under(app, folder)) continue;
    want(folder, owner);
  }
  // Files copied outside the app folder that the runtime may read (a compiled build's sources stay behind).
  for (const node of stage.stage.instructions) {
    if (node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
    const copy = ctx.facts.copyOperands(node)!;
    const dest = copy.destResolved!;
    if (under(app, dest) && app !== '/') continue;
    for (const source of copy.sources) {
      const name = path.posix.basename(source.replace(/\/+$/, ''));
      const folder = source === '.' || source.endsWith('/') || (ctx.context?.list(source).length ?? 0) > 0;
      if (compiled && (folder || SOURCE_FILE.test(name))) continue;
      if (folder) {
        if (dest === '/') return refuse('copy-outside-app', `${lineOf(ctx, node)}: ${node.keyword} puts a folder's files in /, which the runtime might need`);
        want(dest.replace(/\/$/, ''), chownOf(node));
      } else {
        const many = copy.sources.length > 1 || dest.endsWith('/') || copy.dest.endsWith('/');
        want(many ? path.posix.join(dest, name) : dest, chownOf(node));
      }
    }
  }
  // Files the program opens by name.
  if (compiled && ctx.context) {
    for (const read of fileReads(ctx.context, SOURCES[stage.ecosystem])) {
      if (read.path === null) return refuse('reads-unnamed-file', `the program opens a file whose path it computes (${read.call} in ${read.file}), so what to copy is not known`);
      if (read.path === '' || PROVIDED.some((p) => under(p, read.path!))) continue;
      const resolved = path.posix.resolve(app, read.path.replace(/[*?[].*$/, '') || '.');
      const first = read.path.startsWith('/') ? resolved : path.posix.join(app, path.posix.relative(app, resolved).split('/')[0]);
      if (first === app || first === '/') return refuse('reads-app-folder', `the program reads the whole folder ${first} (${read.call} in ${read.file})`);
      // Copied already (the payload's folder, a file a RUN wrote): nothing to add, and nothing to check.
      if (covered(first) || [...wanted.keys()].some((w) => under(w, first))) continue;
      if (deliveredByStage(ctx, stage, first, made)) want(first, null);
      else checks.push(`that ${read.path}, which the program opens (${read.call} in ${read.file}) and the build does not make, is there at run time`);
    }
  }
  const copies: string[] = [];
  for (const [p, owner] of wanted) copies.push(`COPY --from=build ${owner ? `--chown=${owner} ` : ''}${p} ${p}`);
  return { copies, files: [...wanted.keys()], checks };
}

function lineOf(ctx: TransformContext, node: InstructionNode): string {
  return `line ${ctx.originalLine(node.line)}`;
}

function chownOf(node: InstructionNode): string | null {
  return node.flags.find((f) => f.name === 'chown')?.value ?? null;
}

/** Whether the build stage holds `target`: a COPY of the context delivers it, or a RUN made it. */
function deliveredByStage(ctx: TransformContext, stage: StageReading, target: string, made: ReadonlyMap<string, string | null>): boolean {
  if ([...made.keys()].some((m) => under(m, target) || under(target, m))) return true;
  const context = ctx.context!;
  for (const node of stage.stage.instructions) {
    if (node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
    const copy = ctx.facts.copyOperands(node);
    if (!copy?.destResolved) continue;
    const dest = copy.destResolved.replace(/\/$/, '') || '/';
    for (const source of copy.sources) {
      const clean = source.replace(/^\.\/?/, '').replace(/\/+$/, '');
      const isFolder = clean === '' || context.list(clean).length > 0;
      if (isFolder) {
        if (!under(dest, target)) continue;
        const rel = path.posix.relative(dest, target);
        if (context.exists(clean ? path.posix.join(clean, rel) : rel) && !context.isIgnored(clean ? path.posix.join(clean, rel) : rel)) return true;
      } else if (target === dest || target === path.posix.join(dest, path.posix.basename(clean))) return true;
    }
  }
  return false;
}
