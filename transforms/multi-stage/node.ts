/**
 * Node: the app folder with production dependencies only, on the slim image;
 * or, for a static site a file server from npm serves (serve, http-server),
 * the built folder and that same server on the slim image.
 */
import path from 'node:path';
import { scriptArgv, tscOutput, type CopyOperands, type RunCommand } from '../../lib/facts/index.js';
import { LANGUAGE_PACKAGE_LIBRARIES, NPM_INSTALL_SCRIPTS, STATIC_FILE_SERVERS, type StaticFileServer } from '../../lib/knowledge/index.js';
import type { Edit, TransformContext } from '../../lib/core/types.js';
import { startWithComments } from '../../lib/core/edits.js';
import { isRefusal, refuse, runtimeFor, type Plan, type Planner, type Refused } from './plan.js';
import { commandWhere, type StageReading } from './read-stage.js';

interface PackageJson {
  main?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: unknown;
}

const isStart = (argv: string[]) => argv[0] === 'npm' && (argv[1] === 'start' || ((argv[1] === 'run' || argv[1] === 'run-script') && argv[2] === 'start'));

/** A build step: npm scripts, npx tools, tsc, node. */
const builds = (stage: StageReading) => stage.runs.some((r) => r.commands.some((c) =>
  ['npx', 'tsc'].includes(c.program ?? '') || (c.program === 'npm' && ['run', 'run-script'].includes(c.words[1] ?? ''))));

export const planNode: Planner = (stage, ctx) => {
  const appDir = stage.finalWorkdir;
  const installs = stage.runs.some((r) => r.commands.some((c) => c.program === 'npm' && ['ci', 'install', 'i'].includes(c.words[1] ?? '')));
  if (!installs) return refuse('no-npm-install', 'no `npm ci`/`npm install` in the stage, so production dependencies are not named');
  const context = ctx.context;
  const pkgText = context?.read('package.json') ?? null;
  let pkg: PackageJson | null = null;
  if (pkgText !== null) {
    try {
      pkg = JSON.parse(pkgText) as PackageJson;
    } catch {
      return refuse('package-json-invalid', 'package.json is not valid JSON');
    }
  }
  if (context && (context.exists('yarn.lock') || context.exists('pnpm-lock.yaml'))) {
    return refuse('not-npm', 'the project has a yarn or pnpm lockfile; only npm installs are split');
  }
  let argv = stage.argv;
  if (isStart(argv)) {
    if (!pkg) return refuse('npm-start-without-package-json', '`npm start` runs a script from package.json, which is not in the build context');
    const script = pkg.scripts?.start ?? 'node server.js';
    const read = scriptArgv(ctx.shell.parse(script).rootNode);
    if (!('argv' in read)) return refuse('start-script-unread', `the start script \`${script}\` is not a plain command`);
    argv = read.argv;
  }
  const npx = argv[0] === 'npx';
  if (npx) argv = argv.slice(1).filter((a, i) => i > 0 || !a.startsWith('-'));
  const server = STATIC_FILE_SERVERS[argv[0] ?? ''];
  // The server the original runs is kept: its headers, caching and fallbacks are the site's behaviour. Through
  // `npm start` it needs the app's package.json and scripts, which the plan for a whole app keeps.
  if (server && !isStart(stage.argv)) {
    const kept = planStaticServer(stage, ctx, argv, server, pkg, npx);
    if (kept) return kept;
  }
  const global = stage.npmGlobals[0];
  if (global) return refuse('npm-global', `${global.where}: \`${global.text}\` installs outside the app`);
  if (argv[0] !== 'node' && !/\/node$/.test(argv[0] ?? '')) {
    const bin = argv[0] ?? '';
    if (!pkg?.dependencies?.[bin] && !pkg?.devDependencies?.[bin]) return refuse('not-node', `the container runs \`${bin}\`, which is not node or a dependency's command dfmod can name`);
  }
  // The start command loads a dev dependency (`node -r ts-node/register`, `ts-node src/index.ts`): the runtime keeps them all.
  const devUsed = Object.keys(pkg?.devDependencies ?? {}).filter((dev) => argv.some((word) => word === dev || word.startsWith(`${dev}/`)));
  const building = builds(stage);
  // Nothing built: the app runs with what the original installed (a server.js may load a devDependency), so the
  // deps stage runs the original's own install, and the split gains the slim image only.
  const keepAll = devUsed.length > 0 || !building;
  const local = pkg && localDependency(pkg, keepAll);
  if (local) return local;
  const packages: string[] = [];
  if (context) {
    const addons = nativeAddons(context.read('package-lock.json'), keepAll);
    for (const addon of addons) {
      const libraries = LANGUAGE_PACKAGE_LIBRARIES.npm[addon];
      if (!libraries) return refuse('native-addon', `${addon} has an install script (a native addon?): the libraries it links may be missing on the slim image`);
      packages.push(...libraries);
    }
  }
  const runtime = runtimeFor(stage, 'dynamic');
  if (isRefusal(runtime)) return runtime;
  // Already slim and nothing built: the runtime would keep every dependency, so a split gains nothing.
  if (runtime.image === stage.image.ref.raw.replace(/^docker\.io\/(library\/)?/, '') && !building) return null;
  const layout = depsLayout(stage, ctx, !building ? 'original' : devUsed.length ? 'all' : 'production');
  if (isRefusal(layout)) return layout;
  const modules = path.posix.join(appDir, 'node_modules');
  const chown = layout.owner ? `--chown=${layout.owner} ` : '';
  // No dependency the runtime would get: none at all, or dev ones only that it leaves out.
  const noDependencies = pkg !== null && !Object.keys(pkg.dependencies ?? {}).length && (!keepAll || !Object.keys(pkg.devDependencies ?? {}).length);
  // What the deps stage's install brings, for the change message.
  const got = !building
    ? `\`${layout.install}\` as the original runs it: every dependency${pkg && Object.keys(pkg.devDependencies ?? {}).length ? ', devDependencies included' : ''}, since nothing is built and the app may load any of them at run time${devUsed.length ? `: the start command uses ${devUsed.join(', ')}` : ''}`
    : devUsed.length ? `all dependencies: the start command uses ${devUsed.join(', ')}` : `\`${layout.install}\`, production dependencies only`;
  const devCheck = keepAll ? [] : ['that nothing the app loads at run time is a devDependency'];
  // The build stage's node_modules stays behind: one the context brings with `COPY . .` (not excluded) is what the original ran with.
  const localModules = context && !context.isIgnored('node_modules') && stage.stage.instructions.some((n) =>
    n.keyword === 'COPY' && ctx.facts.copyOperands(n)?.isWholeContext && ctx.facts.copyOperands(n)?.destResolved?.replace(/\/$/, '') === appDir)
    ? [`that the build context holds no node_modules of its own: .dockerignore does not exclude it, so the original's copy of the context puts it over the installed one, and ${noDependencies ? 'the runtime has none' : `the runtime's come from \`${layout.install}\``}`]
    : [];
  const compiled = building ? tscBuild(stage, ctx, pkg) : null;
  const sources = sourceCopies(stage, ctx, building, compiled);
  if (sources) {
    // The runtime copies the source from the context as the original does, after the dependencies, and of the
    // build stage at most the compiler's output folder; a source edit re-runs only those copies. Not the whole
    // app folder from the build stage: BuildKit walks the parent of a folder COPY --from copies to key its
    // cache, which for /app is the build image's whole file system, on every rebuild.
    // Nothing of the build stage reaches the runtime: the original stage, up to its install, is the deps stage, so
    // the file has no stage nothing copies from and no second install.
    const inPlace = !compiled && !noDependencies ? originalAsDeps(stage, ctx) : null;
    if (inPlace) {
      return {
        runtime: runtime.image,
        payload: [`COPY --from=deps ${chown}${modules} ${modules}`, ...sources],
        buildEdits: inPlace.edits,
        buildTail: [],
        dependencyStage: { name: 'deps', end: inPlace.end },
        programs: ['node', 'npm'],
        copied: [appDir],
        packages,
        summary: `${modules} from the original stage, named deps and ending at its install (${got}), then the source copied from the build context as the original copies it`,
        checks: devCheck,
      };
    }
    const deps = noDependencies ? 'no node_modules (package.json lists no dependencies)' : `${modules} from a \`deps\` stage (${got})`;
    return {
      runtime: runtime.image,
      payload: [
        ...(noDependencies ? [] : [`COPY --from=deps ${chown}${modules} ${modules}`]),
        ...sources,
        ...(compiled ? [`COPY --from=build ${compiled.out} ${compiled.out}`] : []),
      ],
      buildEdits: [],
      buildTail: [],
      stages: noDependencies ? undefined : layout.stage,
      programs: ['node', 'npm'],
      copied: [appDir],
      packages,
      summary: compiled
        ? `${deps}, then the source copied from the build context as the original copies it, and ${compiled.out} from the build stage (tsc's outDir in ${compiled.config}, the one folder the build writes)`
        : `${deps}, then the source copied from the build context as the original copies it (the runtime uses nothing of the build stage)`,
      checks: devCheck,
    };
  }
  if (noDependencies) {
    // No production dependencies: no deps stage, and no node_modules to copy.
    return {
      runtime: runtime.image,
      payload: [`COPY --from=build ${appDir} ${appDir}`],
      buildEdits: [layout.removeModules],
      buildTail: [],
      programs: ['node', 'npm'],
      copied: [appDir],
      packages,
      summary: `${appDir}${building ? ' with the build output' : ''}, without node_modules (package.json lists no dependencies)`,
      checks: [...devCheck, ...localModules],
    };
  }
  return {
    runtime: runtime.image,
    // Dependencies first, in their own layer: a source edit re-copies only the app.
    payload: [`COPY --from=deps ${chown}${modules} ${modules}`, `COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [layout.removeModules],
    buildTail: [],
    stages: layout.stage,
    programs: ['node', 'npm'],
    copied: [appDir],
    packages,
    summary: `${modules} from a \`deps\` stage (${got}), then ${appDir}${building ? ' with the build output' : ''}`,
    checks: [
      ...devCheck,
      ...(building ? [`that the build writes nothing into ${modules} the app needs (the runtime's come from \`${layout.install}\`)`] : []),
      ...localModules,
    ],
  };
};

/**
 * The stage's COPY instructions, to repeat in the runtime, when the runtime
 * can take the source from the context: nothing is built (or only a tsc
 * compile whose output folder is known), every other RUN only installs
 * (npm's install, apt-get), every copy lands in the app folder after the
 * last USER and WORKDIR, and the context holds no node_modules the copy
 * would bring over the installed one. Null otherwise.
 */
function sourceCopies(stage: StageReading, ctx: TransformContext, building: boolean, compiled: TscBuild | null): string[] | null {
  const context = ctx.context;
  if ((building && !compiled) || !context || (context.exists('node_modules') && !context.isIgnored('node_modules'))) return null;
  const installsOnly = stage.runs.every((r) => r.commands.every((c) => compiled?.commands.has(c) ||
    c.program === 'apt-get' || c.program === 'apt' || (c.program === 'npm' && ['ci', 'install', 'i', 'cache'].includes(c.words[1] ?? ''))));
  if (!installsOnly) return null;
  const instructions = stage.stage.instructions;
  const copies = instructions.filter((n) => n.keyword === 'COPY' || n.keyword === 'ADD');
  if (!copies.length) return null;
  const first = instructions.indexOf(copies[0]);
  if (instructions.slice(first).some((n) => n.keyword === 'USER' || n.keyword === 'WORKDIR')) return null;
  const appDir = stage.finalWorkdir;
  if (!copies.every((n) => { const dest = ctx.facts.copyOperands(n)?.destResolved; return dest && (dest === appDir || dest.startsWith(`${appDir}/`) || `${dest}/` === `${appDir}/`); })) return null;
  // Copies of context files that a later plain `COPY . <app>` copies again are only there to cache the
  // install, which the runtime does not run: the later copy brings the same files.
  const operands = (n: (typeof copies)[number]) => ctx.facts.copyOperands(n);
  const plain = (n: (typeof copies)[number]) => n.keyword === 'COPY' && n.flags.length === 0;
  const whole = copies.findIndex((n) => plain(n) && operands(n)?.isWholeContext && operands(n)?.destResolved === appDir);
  const kept = copies.filter((n, i) => !(whole > i && plain(n) && operands(n)?.from === null));
  return kept.map((n) => ctx.dockerfile.source.text.slice(n.start, n.end));
}

/** A build that is a TypeScript compile: the commands that run tsc, and the one folder they write (absolute). */
interface TscBuild {
  commands: Set<RunCommand>;
  out: string;
  config: string;
}

/**
 * The stage's build, when every build command is tsc (`tsc -p …`, `npx tsc`,
 * or `npm run <script>` whose script is one) run in the app folder after the
 * last copy, which copies the whole context there (so tsconfig.json in the
 * image is the context's), and tsconfig names the one folder tsc writes; no
 * npm lifecycle script runs besides (an install's `prepare`, a `prebuild`),
 * and no USER is set (the copies keep the owners the original's have). Null
 * otherwise: the runtime then copies the whole app folder from the build stage.
 */
function tscBuild(stage: StageReading, ctx: TransformContext, pkg: PackageJson | null): TscBuild | null {
  const context = ctx.context;
  if (!context || !pkg) return null;
  const scripts = pkg.scripts ?? {};
  if (NPM_INSTALL_SCRIPTS.some((s) => s in scripts)) return null;
  const instructions = stage.stage.instructions;
  if (instructions.some((n) => n.keyword === 'USER')) return null;
  const appDir = stage.finalWorkdir;
  const copies = instructions.filter((n) => n.keyword === 'COPY' || n.keyword === 'ADD');
  const last = copies[copies.length - 1];
  const whole = last && last.keyword === 'COPY' ? ctx.facts.copyOperands(last) : null;
  if (!whole || !whole.isWholeContext || whole.from !== null || whole.destResolved !== appDir) return null;
  const commands = new Set<RunCommand>();
  const outs = new Set<string>();
  let config = '';
  for (const run of stage.runs) {
    for (const command of run.commands) {
      const args = tscArgs(command, scripts, ctx);
      if (args === undefined) continue;
      if (args === null || run.workdir !== appDir || run.changesDir || run.node.line < last.line) return null;
      const read = tscOutput(args, context);
      if ('unknown' in read) return null;
      commands.add(command);
      outs.add(read.outDir);
      config = read.config;
    }
  }
  if (outs.size !== 1) return null;
  return { commands, out: path.posix.join(appDir, [...outs][0]), config };
}

/** tsc's arguments, for a command that runs tsc; undefined for one that builds nothing (an install), null for another build command. */
function tscArgs(command: RunCommand, scripts: Record<string, string>, ctx: TransformContext): (string | null)[] | null | undefined {
  const words = command.words;
  const program = (word: string | null | undefined) => (typeof word === 'string' ? path.posix.basename(word) : null);
  const direct = (argv: readonly (string | null)[]) => (program(argv[0]) === 'tsc' ? argv.slice(1) : program(argv[0]) === 'npx' && argv[1] === 'tsc' ? argv.slice(2) : null);
  if (command.program === 'tsc' || command.program === 'npx') return direct(words);
  if (command.program !== 'npm' || !['run', 'run-script'].includes(words[1] ?? '')) return undefined;
  const name = words[2];
  // `npm run build -- --watch` passes words on; `prebuild` and `postbuild` run around the script.
  if (typeof name !== 'string' || words.length > 3 || `pre${name}` in scripts || `post${name}` in scripts) return null;
  const script = scripts[name];
  if (typeof script !== 'string') return null;
  const read = scriptArgv(ctx.shell.parse(script).rootNode);
  return 'argv' in read ? direct(read.argv) : null;
}

/** npm dependency specs that install a folder of the project: `file:./lib`, `link:../x`, `./lib`. */
const LOCAL_SPEC = /^(file:|link:|\.{1,2}\/|\/|~\/)/;

/**
 * Why the `deps` stage, which gets the package files only, could not install
 * the dependencies: one comes from a folder of the project (`file:`), or
 * package.json names workspaces. Dev dependencies count when it installs them all.
 */
function localDependency(pkg: PackageJson, withDev: boolean): Refused | null {
  if (pkg.workspaces !== undefined) return refuse('npm-local-dependency', 'package.json names workspaces, whose folders the `deps` stage (package files only) would not have');
  const specs = { ...(withDev ? pkg.devDependencies : {}), ...pkg.dependencies };
  const found = Object.entries(specs).find(([, spec]) => typeof spec === 'string' && LOCAL_SPEC.test(spec));
  if (!found) return null;
  return refuse('npm-local-dependency', `the dependency ${found[0]} comes from the project's folder \`${found[1]}\`, which the \`deps\` stage (package files only) would not have`);
}

/** Packages of a lockfile that run an install script (native addons, mostly); dev-only ones only when the runtime keeps them. */
function nativeAddons(lock: string | null, withDev: boolean): string[] {
  if (!lock) return [];
  try {
    const packages = (JSON.parse(lock) as { packages?: Record<string, { hasInstallScript?: boolean; dev?: boolean }> }).packages ?? {};
    return Object.entries(packages).filter(([, p]) => p.hasInstallScript && (withDev || !p.dev)).map(([name]) => name.replace(/^.*node_modules\//, ''));
  } catch {
    return [];
  }
}

/**
 * The `deps` stage: the build image with the package files and an install,
 * cached until they change (`production`: the original's without the dev
 * dependencies; `all`: every dependency; `original`: the original's install
 * as written, options and all); and the edit that leaves the build
 * stage's own node_modules (with its dev dependencies) out of the app folder
 * the runtime copies, right after the stage's last RUN or COPY (not after its CMD).
 */
function depsLayout(stage: StageReading, ctx: TransformContext, dependencies: 'production' | 'all' | 'original'):
  { stage: string[]; removeModules: Edit; install: string; owner: string | null } | Refused {
  const appDir = stage.finalWorkdir;
  const facts = ctx.facts;
  const installRuns = stage.runs.filter((r) => r.commands.some((c) => c.program === 'npm' && ['ci', 'install', 'i'].includes(c.words[1] ?? '')));
  const installRun = installRuns[0];
  const installCommand = installRun.commands.find((c) => c.program === 'npm' && ['ci', 'install', 'i'].includes(c.words[1] ?? ''))!;
  if (installRun.workdir !== appDir || installRun.changesDir) return refuse('npm-install-elsewhere', `${commandWhere(ctx, installRun, installCommand)}: npm installs outside the app folder ${appDir}`);
  // After the last instruction that may write node_modules (a later COPY may bring the context's own).
  const last = [...stage.stage.instructions].reverse().find((n) => ['RUN', 'COPY', 'ADD'].includes(n.keyword))!;
  const installUser = facts.userAt(installRun.node);
  if (facts.userAt(last) !== installUser) {
    return refuse('node-modules-owner', `line ${ctx.originalLine(last.line)}: the stage's last RUN or COPY is under another user than npm's install, so a RUN after it may not remove node_modules`);
  }
  // Where package.json comes from: a COPY of the context root (`.`) or of the package files into the app folder.
  const copies = stage.stage.instructions.flatMap((node) => {
    if (node.keyword !== 'COPY' || node.line > installRun.node.line) return [];
    const copy = facts.copyOperands(node);
    return copy && copy.from === null && copy.destResolved?.replace(/\/$/, '') === appDir ? [copy] : [];
  });
  const fromRoot = copies.some((copy) => copy.sources.some((s) => ['.', './'].includes(s) || s.startsWith('package')));
  if (!fromRoot) return refuse('package-json-source', `package.json reaches ${appDir} in a way dfmod does not read (not a COPY of the context root or of package*.json into it)`);
  const copyLines = depsCopies(ctx, copies, appDir);
  const verb = installCommand.words[1] === 'ci' ? 'ci' : 'install';
  // npm 7 (Node 15) brought --omit=dev; the npm of older Node images reads --production, and ignores an option it does not know.
  const major = stage.image.tag.version?.[0];
  const omitDev = major !== undefined && major < 15 ? ' --production' : ' --omit=dev';
  // The original install's own options (--legacy-peer-deps, a registry) and RUN flags (a secret or cache mount) come along.
  const options = installCommand.words.slice(2);
  if (options.some((w) => w === null)) return refuse('npm-install-options', `${commandWhere(ctx, installRun, installCommand)}: npm's install options are computed by the shell`);
  const kept = (options as string[]).filter((w) => !/^--(omit|production|only|include)(=|$)/.test(w));
  const runFlags = installRun.node.flags.map((f) => `${f.text} `).join('');
  const install = dependencies === 'original' ? ['npm', ...installCommand.words.slice(1) as string[]].join(' ')
    : `npm ${verb}${dependencies === 'all' ? '' : omitDev}${kept.length ? ` ${kept.join(' ')}` : ''}`;
  // ENV and ARG in force at the install (NODE_ENV, NPM_CONFIG_*) reach the deps stage's install too.
  const settings = stage.stage.instructions.filter((n) => (n.keyword === 'ENV' || n.keyword === 'ARG') && n.line < installRun.node.line)
    .map((n) => ctx.dockerfile.source.text.slice(n.start, n.end));
  const eol = ctx.dockerfile.source.eol;
  const owner = installUser && installUser !== 'root' && installUser !== '0' ? installUser : null;
  return {
    stage: [`FROM ${stage.stage.image} AS deps`, ...settings, `WORKDIR ${appDir}`, ...copyLines, `RUN ${runFlags}${install}`],
    removeModules: { start: last.end, end: last.end, text: `${eol}RUN rm -rf ${path.posix.join(appDir, 'node_modules')}` },
    install,
    owner,
  };
}

/**
 * The edits that make the original stage the `deps` stage, and where it then
 * ends (after its last install: the copies and settings that follow are the
 * runtime's, which repeats them). A copy of the whole context before the
 * install becomes a copy of the package files, as the `deps` stage a split
 * adds would write it, so that a source edit does not re-run the install; one
 * beside a copy of the package files into the app folder goes. Null for a
 * stage already named deps (the runtime takes the original's name).
 */
function originalAsDeps(stage: StageReading, ctx: TransformContext): { edits: Edit[]; end: number } | null {
  if (stage.stage.name === 'deps') return null;
  const appDir = stage.finalWorkdir;
  const instructions = stage.stage.instructions;
  const installRuns = stage.runs.filter((r) => r.commands.some((c) => c.program === 'npm' && ['ci', 'install', 'i'].includes(c.words[1] ?? '')));
  const lastInstall = installRuns[installRuns.length - 1].node;
  const prefix = instructions.slice(0, instructions.indexOf(lastInstall));
  const copies = prefix.filter((n) => n.keyword === 'COPY' || n.keyword === 'ADD').map((n) => ctx.facts.copyOperands(n));
  if (copies.some((c) => c === null)) return null;
  const intoApp = (c: CopyOperands) => c.destResolved?.replace(/\/$/, '') === appDir;
  const packageFilesCopied = copies.some((c) => c && !c.isWholeContext && intoApp(c) && c.sources.some((s) => s.startsWith('package')));
  const edits: Edit[] = [];
  for (const copy of copies) {
    if (!copy?.isWholeContext) continue;
    const node = copy.node;
    if (packageFilesCopied || !intoApp(copy)) {
      const next = instructions[instructions.indexOf(node) + 1];
      edits.push({ start: startWithComments(ctx.dockerfile, node), end: startWithComments(ctx.dockerfile, next), text: '' });
      continue;
    }
    const flags = copy.flags.filter((f) => ['chown', 'chmod', 'link'].includes(f.name)).map((f) => `${f.text} `).join('');
    const dest = copy.json || /\s/.test(copy.dest) ? `${appDir}/` : copy.dest.replace(/\/?$/, '/');
    edits.push({ start: node.start, end: node.end, text: `COPY ${flags}${packageFiles(ctx)} ${dest}` });
  }
  return { edits, end: lastInstall.end };
}

/** The package files a `deps` stage copies when the original copies the whole context: package*.json, and the .npmrc the context has. */
function packageFiles(ctx: TransformContext): string {
  const context = ctx.context;
  return `package*.json${context && context.exists('.npmrc') && !context.isIgnored('.npmrc') ? ' .npmrc' : ''}`;
}

/**
 * The COPY lines of the `deps` stage: the package files the original's
 * install saw, no fewer (a lockfile it copied is copied). The original's own
 * copies of them, as written, when they name the files and land where they
 * would in the deps stage (an absolute destination, or one relative to the
 * app folder); after a copy of the whole context, package*.json (and the
 * .npmrc the context has).
 */
function depsCopies(ctx: TransformContext, copies: readonly CopyOperands[], appDir: string): string[] {
  const text = ctx.dockerfile.source.text;
  const asWritten = copies.every((c) => !c.isWholeContext && (c.dest.startsWith('/') || ctx.facts.workdirAt(c.node) === appDir));
  if (asWritten) return copies.map((c) => text.slice(c.node.start, c.node.end));
  return [`COPY ${packageFiles(ctx)} ./`];
}

/** An npm package spec's name: `serve@14.2.4` → `serve`, `@scope/x@1` → `@scope/x`. */
const specName = (spec: string) => spec.replace(/(?!^)@.*$/, '');

/**
 * A static site a file server from npm serves: the runtime is the slim Node
 * image with the same server, installed globally as the original installs it
 * (before the site's files, so a rebuild of the site reuses that layer), or
 * fetched by npx when the container starts as the original's is, and the
 * folder the server serves, at the same path; the CMD stays as written. Null
 * when the server is a dependency of package.json run through npx: the plan
 * for a whole app keeps node_modules, and the server with it.
 */
function planStaticServer(stage: StageReading, ctx: TransformContext, argv: string[], server: StaticFileServer, pkg: PackageJson | null, npx: boolean): Plan | Refused | null {
  const name = server.package;
  const other = stage.npmGlobals.find((g) => g.packages.some((p) => specName(p) !== name));
  if (other) return refuse('npm-global', `${other.where}: \`${other.text}\` installs outside the app`);
  const globals = stage.npmGlobals;
  const dependency = pkg?.dependencies?.[name] ?? pkg?.devDependencies?.[name];
  // npx runs the project's own copy first; a program named in CMD is found on PATH, where the global install puts it.
  if (npx && dependency !== undefined) return null;
  if (!globals.length) {
    if (!npx) return refuse('static-server-source', `the container runs \`${argv[0]}\`, which the stage neither installs globally nor runs through npx`);
    if (!pkg) return refuse('static-server-source', `without package.json in the build context, dfmod cannot tell whether \`npx ${name}\` runs a dependency or fetches ${name} when the container starts`);
    if (lockfileHas(ctx.context?.read('package-lock.json') ?? null, name)) {
      return refuse('static-server-source', `\`npx ${name}\` runs the ${name} that a dependency brings into node_modules (package-lock.json lists it), which the runtime would not have`);
    }
  }
  const served = servedFolder(argv, server);
  if (isRefusal(served)) return served;
  if (served === null) return refuse('static-serves-workdir', `${argv[0]} serves the working folder, not a build output folder`);
  const out = path.posix.resolve(stage.finalWorkdir, served);
  if (out === stage.finalWorkdir || out === '/') return refuse('static-serves-workdir', `${argv[0]} serves the whole working folder`);
  if (!stage.runs.some((r) => r.commands.some((c) => c.program === 'npm' && ['run', 'run-script'].includes(c.words[1] ?? '') || ['npx', 'tsc', 'node'].includes(c.program ?? '')))) {
    return refuse('static-not-built', `${out} is not produced by a build step`);
  }
  // The runtime repeats the install where the stage's USER and WORKDIR stand before the site's files: under the user of the stage's last RUN or COPY.
  const instructions = stage.stage.instructions;
  const last = [...instructions].reverse().find((n) => ['RUN', 'COPY', 'ADD'].includes(n.keyword))!;
  const moved = globals.find((g) => ctx.facts.userAt(g.node) !== ctx.facts.userAt(last));
  if (moved) return refuse('static-server-user', `${moved.where}: \`${moved.text}\` runs as another user than the stage's last RUN or COPY, where the runtime stage would install ${name}`);
  const runtime = runtimeFor(stage, 'dynamic');
  if (isRefusal(runtime)) return runtime;
  const installs = [...new Set(globals.map((g) => g.text))];
  const command = `\`${stage.argv.join(' ')}\``;
  return {
    runtime: runtime.image,
    payload: [...installs.map((text) => `RUN ${text}`), `COPY --from=build ${out} ${out}`],
    buildEdits: [],
    buildTail: [],
    programs: ['node', 'npm', 'npx', argv[0]],
    copied: [out],
    summary: installs.length
      ? `${name} (\`${installs.join('`, `')}\`, as the original installs it) and ${out} from the build stage, served by the original's ${command}`
      : `${out} from the build stage, served by the original's ${command} (npx fetches ${name} from the npm registry when the container starts, as in the original)`,
  };
}

/** The folder a static server's command line serves: its first operand, or null for none (the working folder). */
function servedFolder(argv: string[], server: StaticFileServer): string | null | Refused {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') return arg;
    if (arg === '--') return argv[i + 1] ?? null;
    if (server.optionsTakeNextWord) {
      const attached = arg.includes('=') || (/^-[^-]/.test(arg) && arg.length > 2);
      if (!attached && argv[i + 1] !== undefined && !argv[i + 1].startsWith('-')) i++;
      continue;
    }
    const option = arg.replace(/=.*$/, '');
    if (server.valueOptions.includes(option)) {
      if (!arg.includes('=')) i++;
    } else if (!server.flags.includes(arg)) {
      return refuse('static-option', `${argv[0]} option \`${arg}\` is not one dfmod knows, so the folder it serves is not named`);
    }
  }
  return null;
}

/** Whether a lockfile (v2 or v3) installs `name` at the top of node_modules, where npx finds its program. */
function lockfileHas(lock: string | null, name: string): boolean {
  if (!lock) return false;
  try {
    return `node_modules/${name}` in ((JSON.parse(lock) as { packages?: Record<string, unknown> }).packages ?? {});
  } catch {
    return false;
  }
}
