/**
 * multi-stage: a single-stage image ships its compilers, dev dependencies and
 * caches. This splits it into the stage as written (named `build`) and a
 * runtime stage on a smaller image that copies only what runs: the Go or C
 * binary, the jar or classes, the Node app with production dependencies, the
 * Python virtualenv, or a static site served by nginx.
 *
 * It rewrites only when it can name what the runtime needs: every RUN of the
 * stage must be a build step it understands, the CMD/ENTRYPOINT must run the
 * build's output, and everything that defines how the container runs (ENV,
 * WORKDIR, USER, EXPOSE, VOLUME, LABEL, HEALTHCHECK, STOPSIGNAL, ENTRYPOINT,
 * CMD, and the ARGs they use) is repeated, verbatim, in the runtime stage.
 * Otherwise it leaves the file alone and says what was missing.
 */
import path from 'node:path';
import type { Node } from '../lib/core/shell.js';
import { literalValue, simpleCommands, walk, type SimpleCommand } from '../lib/core/shell.js';
import type { DockerfileModel, InstructionNode, Stage } from '../lib/core/dockerfile.js';
import type { BuildContext } from '../lib/core/context.js';
import { parseImageRef, type ImageRef } from '../lib/knowledge/images.js';
import type { Edit, Transform, TransformContext } from '../lib/core/types.js';

export type Ecosystem = 'go' | 'node' | 'python' | 'java' | 'native';
/** Go: a static binary needs no libc; a dynamic one needs glibc. */
export type Linkage = 'static' | 'dynamic';

export interface RuntimeRule {
  /** Matches the build image's repository (registry stripped, `library/` dropped). */
  image: RegExp;
  ecosystem: Ecosystem;
  /** The runtime image for a build image tag, or null when it cannot be named. */
  runtime(tag: string, linkage: Linkage): string | null;
}

/** Debian release of a tag suffix (`1.22-bookworm`), for distroless' `-debianNN` names. */
const DEBIAN_RELEASES: Record<string, string> = { bullseye: 'debian11', bookworm: 'debian12', trixie: 'debian13' };

function debianOf(tag: string): string {
  const release = Object.keys(DEBIAN_RELEASES).find((r) => new RegExp(`(^|-)${r}($|-)`).test(tag));
  return release ? DEBIAN_RELEASES[release] : 'debian12';
}

/** `20` → `20-slim`; alpine and slim tags stay; `latest` → `slim`. */
function slimTag(tag: string, releaseAfterSlim: boolean): string {
  if (/(^|-)(alpine|slim)/.test(tag)) return tag;
  if (tag === 'latest') return 'slim';
  const release = /^(.*)-(bookworm|bullseye|buster|trixie)$/.exec(tag);
  if (release && releaseAfterSlim) return `${release[1]}-slim-${release[2]}`;
  return `${tag}-slim`;
}

/** The Java feature version a JDK image tag names: `17-jdk`, `3.9-eclipse-temurin-21`, `8.5-jdk17`. */
function javaJre(tag: string, pattern: RegExp): string | null {
  const match = pattern.exec(tag);
  if (!match) return null;
  const alpine = /alpine/.test(tag) ? '-alpine' : '';
  return `eclipse-temurin:${match[1]}-jre${alpine}`;
}

/**
 * Build image family → runtime image. One line per family; the first match
 * wins. Extend here.
 */
export const RUNTIMES: RuntimeRule[] = [
  { image: /^node$/, ecosystem: 'node', runtime: (tag) => `node:${slimTag(tag, false)}` },
  { image: /^python$/, ecosystem: 'python', runtime: (tag) => `python:${slimTag(tag, true)}` },
  {
    image: /^golang$/,
    ecosystem: 'go',
    runtime: (tag, linkage) => `gcr.io/distroless/${linkage === 'static' ? 'static' : 'base'}-${debianOf(tag)}`,
  },
  {
    image: /^eclipse-temurin$/,
    ecosystem: 'java',
    runtime: (tag) => (/jre/.test(tag) ? null : `eclipse-temurin:${tag.includes('jdk') ? tag.replace('jdk', 'jre') : tag.replace(/^([\d._]+)/, '$1-jre')}`),
  },
  { image: /^maven$/, ecosystem: 'java', runtime: (tag) => javaJre(tag, /(?:eclipse-temurin|openjdk)-(\d+)/) },
  { image: /^gradle$/, ecosystem: 'java', runtime: (tag) => javaJre(tag, /jdk-?(\d+)/) },
  { image: /^openjdk$/, ecosystem: 'java', runtime: (tag) => javaJre(tag, /^(\d+)/) },
  { image: /^debian$/, ecosystem: 'native', runtime: (tag) => (/slim/.test(tag) ? null : `debian:${tag === 'latest' ? 'stable' : tag}-slim`) },
  { image: /^ubuntu$/, ecosystem: 'native', runtime: (tag) => `ubuntu:${tag}` },
  {
    image: /^buildpack-deps$/,
    ecosystem: 'native',
    runtime: (tag) => {
      const release = /^(bookworm|bullseye|trixie|jammy|noble|focal)/.exec(tag)?.[1];
      if (!release) return null;
      return /^(jammy|noble|focal)$/.test(release) ? `ubuntu:${release}` : `debian:${release}-slim`;
    },
  },
];

/** The static front end runtime: nginx serving the build output. */
const STATIC_RUNTIME = { image: 'nginx:stable', root: '/usr/share/nginx/html' };

/** Debian packages a build may install that the runtime does not need. */
const BUILD_TOOL_PACKAGES = new Set([
  'gcc', 'g++', 'cpp', 'make', 'cmake', 'build-essential', 'pkg-config', 'pkgconf', 'autoconf', 'automake',
  'libtool', 'git', 'ca-certificates', 'curl', 'wget', 'libc6-dev', 'libc-dev', 'binutils', 'ninja-build',
  'patch', 'unzip', 'xz-utils', 'bzip2',
]);

/** Commands any build stage may run: their effects stay in the build stage or its working folder. */
const COMMON_COMMANDS = new Set(['mkdir', 'cd', 'rm', 'ls', 'echo', 'true', 'chmod', 'set', 'test', '[', 'apt-get', 'apt', 'touch']);

/** Build commands per ecosystem. */
const BUILD_COMMANDS: Record<Ecosystem, Set<string>> = {
  go: new Set(['go']),
  node: new Set(['npm', 'npx', 'node', 'tsc']),
  python: new Set(['pip', 'pip3', 'python', 'python3']),
  java: new Set(['mvn', './mvnw', 'gradle', './gradlew', 'javac', 'jar']),
  native: new Set(['gcc', 'g++', 'cc', 'c++', 'make', 'cmake', './configure', 'strip', 'ar']),
};

/** Front-end tools `npx` may run in a build. */
const NPX_TOOLS = new Set(['tsc', 'webpack', 'vite', 'esbuild', 'rollup', 'parcel', 'babel', 'tsup', 'ng', 'next', 'swc']);

/** Users that exist in each runtime image besides root and numeric ids. */
const RUNTIME_USERS: Record<string, string[]> = {
  node: ['node'],
  distroless: ['nonroot', 'nobody'],
};

/**
 * Init programs a build stage may install for its ENTRYPOINT (init-entrypoint
 * does so): the runtime gets the binary, the statically linked build where the
 * runtime has no glibc.
 */
const INIT_PACKAGES: Record<string, { binary: string; static: string | null }> = {
  tini: { binary: '/usr/bin/tini', static: '/usr/bin/tini-static' },
  'dumb-init': { binary: '/usr/bin/dumb-init', static: null },
};

/** Wrappers in front of the program that the runtime image keeps: not the program itself. */
const WRAPPERS = new Set(['tini', 'tini-static', 'dumb-init', 'docker-entrypoint.sh']);

const PATH_DIRS = ['/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/usr/sbin', '/bin', '/sbin'];

/** Instructions repeated in the runtime stage, verbatim. */
const KEPT = new Set(['ENV', 'WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'LABEL', 'HEALTHCHECK', 'STOPSIGNAL', 'ENTRYPOINT', 'CMD', 'MAINTAINER']);
/** Kept instructions that go before the copied files (they set up where files land, not how they run). */
const LEADING = new Set(['ENV', 'ARG', 'WORKDIR', 'LABEL', 'MAINTAINER']);

class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

/** A RUN read into commands, with where it ran. */
interface RunInfo {
  node: InstructionNode;
  commands: SimpleCommand[];
  workdir: string;
  /** The RUN changes directory before some command, so relative paths after it are unknown. */
  changesDir: boolean;
  offsets: number[];
}

interface Facts {
  model: DockerfileModel;
  stage: Stage;
  ref: ImageRef;
  tag: string;
  rule: RuntimeRule;
  runs: RunInfo[];
  /** The working folder at each instruction (before it runs). */
  workdirAt: Map<InstructionNode, string>;
  /** The working folder at the end of the stage: where the container starts. */
  finalWorkdir: string;
  /** What the container runs: ENTRYPOINT + CMD as argv. */
  argv: string[];
  /** Whether ENTRYPOINT/CMD/HEALTHCHECK need /bin/sh. */
  needsShell: boolean;
  context: BuildContext | null;
  /** The line of the file as read, for messages that name an instruction. */
  originalLine: (line: number) => number;
  aptPackages: string[];
  /** Init packages (INIT_PACKAGES) the ENTRYPOINT runs, installed by the build stage. */
  inits: string[];
}

/** What a planner decided. */
interface Plan {
  runtime: string;
  /** Lines of the runtime stage placed after the leading kept instructions. */
  payload: string[];
  /** Edits inside the build stage (besides naming it). */
  buildEdits: Edit[];
  /** Lines appended to the build stage. */
  buildTail: string[];
  /** Kept keywords to drop from the runtime stage (nginx brings its own command). */
  drop?: Set<string>;
  /** Whether the runtime image has /bin/sh. */
  hasShell: boolean;
  /** Users the runtime image has. */
  users: string[];
  /** Programs the runtime has that HEALTHCHECK may run. */
  programs: string[];
  summary: string;
}

// ---------------------------------------------------------------- reading the stage

function argsText(model: DockerfileModel, node: InstructionNode): string {
  return model.logicalText(node.argsStart, node.end).text.trim();
}

/** argv of an exec-form or plain shell-form CMD/ENTRYPOINT/HEALTHCHECK command. */
function argvOf(model: DockerfileModel, ctx: TransformContext, node: InstructionNode, text?: string): { argv: string[]; shell: boolean } | null {
  if (node.form === 'exec' && node.execArgs) return { argv: node.execArgs, shell: false };
  const script = text ?? model.shellScript(node)?.text;
  if (script === undefined || script === null) return null;
  if (script.trim().startsWith('[')) {
    try {
      const value: unknown = JSON.parse(script.trim());
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { argv: value as string[], shell: false };
    } catch {
      // shell form after all
    }
  }
  return { argv: shellArgv(ctx, script) ?? refuse(`cannot tell what \`${script.trim()}\` runs`), shell: true };
}

/** The words of a script that is one simple command of literals (a leading `exec` dropped). */
function shellArgv(ctx: TransformContext, script: string): string[] | null {
  const root = ctx.shell.parse(script).rootNode;
  if (root.hasError) return null;
  const statements = root.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
  if (statements.length !== 1 || statements[0].type !== 'command') return null;
  const command = statements[0];
  const words: string[] = [];
  for (const child of command.namedChildren) {
    if (!child) continue;
    if (child.type === 'variable_assignment') return null;
    const value = child.type === 'command_name' ? literalValue(child.namedChildren[0]!) : literalValue(child);
    if (value === null) return null;
    words.push(value);
  }
  if (words[0] === 'exec' && words.length > 1) words.shift();
  return words;
}

function readRuns(ctx: TransformContext, stage: Stage, workdirAt: Map<InstructionNode, string>): RunInfo[] {
  const model = ctx.dockerfile;
  const runs: RunInfo[] = [];
  for (const node of stage.instructions) {
    if (node.keyword !== 'RUN') continue;
    if (node.form === 'heredoc') refuse(`line ${ctx.originalLine(node.line)}: a heredoc RUN is not read`);
    if (node.form !== 'shell') refuse(`line ${ctx.originalLine(node.line)}: an exec-form RUN is not read`);
    if (!model.hasPosixShell(node)) refuse(`line ${ctx.originalLine(node.line)}: RUN does not run under a POSIX shell`);
    const script = model.shellScript(node)!;
    const root = ctx.shell.parse(script.text).rootNode;
    if (root.hasError) refuse(`line ${ctx.originalLine(node.line)}: shell syntax dfmod cannot parse`);
    walk(root, (n) => {
      if (n.type === 'file_redirect') {
        const target = n.childForFieldName('destination');
        const value = target ? literalValue(target) : null;
        if (value !== '/dev/null' && !/^&?\d$/.test(value ?? '') && !/^\d?>&/.test(n.text)) {
          refuse(`line ${ctx.originalLine(node.line)}: RUN writes \`${n.text}\`, which the runtime stage might need`);
        }
      }
    });
    const commands = simpleCommands(root);
    let changesDir = false;
    let cdSeen = false;
    for (const command of commands) {
      if (cdSeen) changesDir = true;
      if (command.name === 'cd') cdSeen = true;
    }
    runs.push({ node, commands, workdir: workdirAt.get(node)!, changesDir, offsets: script.offsets });
  }
  return runs;
}

/** Checks every command of every RUN is a build step of `ecosystem`; returns apt packages installed. */
function checkCommands(ctx: TransformContext, runs: RunInfo[], ecosystem: Ecosystem, inits: string[]): string[] {
  const packages: string[] = [];
  for (const run of runs) {
    for (const command of run.commands) {
      const name = command.name;
      const where = `line ${ctx.originalLine(run.node.line)}`;
      if (name === null) refuse(`${where}: a RUN command name is computed by the shell`);
      if (!COMMON_COMMANDS.has(name) && !BUILD_COMMANDS[ecosystem].has(name)) {
        refuse(`${where}: RUN runs \`${name}\`, whose effect on the runtime image dfmod cannot name`);
      }
      const args = command.argValues;
      if (name === 'apt-get' || name === 'apt') {
        if (args[0] === 'install') {
          for (const pkg of args.slice(1)) {
            if (pkg === null) refuse(`${where}: apt-get installs a package named by the shell`);
            if (pkg.startsWith('-')) continue;
            const base = pkg.replace(/[=:].*$/, '');
            if (!BUILD_TOOL_PACKAGES.has(base) && !inits.includes(base)) {
              refuse(`${where}: the build installs ${base} with apt-get, which the runtime may need`);
            }
            packages.push(base);
          }
        } else if (!['update', 'clean', 'autoremove', 'autoclean', 'purge', 'remove'].includes(args[0] ?? '')) {
          refuse(`${where}: \`${name} ${args[0] ?? ''}\` is not read`);
        }
      }
      if (name === 'npm') checkNpm(args, where);
      if (name === 'npx' && !NPX_TOOLS.has(args.find((a) => a !== null && !a.startsWith('-')) ?? '')) {
        refuse(`${where}: \`npx ${args.join(' ')}\` is not a known build tool`);
      }
      if (name === 'pip' || name === 'pip3') checkPip(args, where);
      if ((name === 'python' || name === 'python3') && !(args[0] === '-m' && ['pip', 'venv', 'compileall'].includes(args[1] ?? ''))) {
        refuse(`${where}: RUN runs a Python program, whose effect dfmod cannot name`);
      }
      if ((name === 'python' || name === 'python3') && args[1] === 'pip') checkPip(args.slice(2), where);
    }
  }
  return packages;
}

function checkNpm(args: (string | null)[], where: string): void {
  const sub = args[0];
  if (args.some((a) => a === '-g' || a === '--global' || a === null)) refuse(`${where}: \`npm ${args.join(' ')}\` installs outside the app`);
  if (sub === 'install' || sub === 'i' || sub === 'add') {
    if (args.slice(1).some((a) => a !== null && !a.startsWith('-'))) {
      refuse(`${where}: \`npm install <package>\` adds packages package.json does not list`);
    }
    return;
  }
  if (!['ci', 'run', 'run-script', 'test', 't', 'prune', 'cache', 'audit', 'config', 'set', 'rebuild'].includes(sub ?? '')) {
    refuse(`${where}: \`npm ${sub}\` is not read`);
  }
}

function checkPip(args: (string | null)[], where: string): void {
  const bad = args.find((a) => a !== null && /^(--user|--target|-t|--prefix|--root)(=|$)/.test(a));
  if (bad) refuse(`${where}: \`pip ${bad}\` installs outside the environment`);
}

function workdirs(ctx: TransformContext, stage: Stage, initial: string): { at: Map<InstructionNode, string>; final: string } {
  const model = ctx.dockerfile;
  const at = new Map<InstructionNode, string>();
  let current = initial;
  for (const node of stage.instructions) {
    at.set(node, current);
    if (node.keyword === 'WORKDIR') {
      const value = argsText(model, node);
      if (value.includes('$')) refuse(`line ${ctx.originalLine(node.line)}: WORKDIR uses a variable`);
      current = path.posix.resolve(current, value);
    }
  }
  return { at, final: current };
}

/** The effective command: ENTRYPOINT and CMD combined as the container would run them. */
function containerCommand(ctx: TransformContext, stage: Stage): { argv: string[]; shell: boolean } {
  const model = ctx.dockerfile;
  const last = (keyword: string) => [...stage.instructions].reverse().find((i) => i.keyword === keyword) ?? null;
  const entry = last('ENTRYPOINT');
  const cmd = last('CMD');
  if (!entry && !cmd) refuse('the stage has no CMD or ENTRYPOINT, so what runs is not named');
  if (entry) {
    const e = argvOf(model, ctx, entry)!;
    if (e.shell || !cmd) return e;
    const c = argvOf(model, ctx, cmd)!;
    if (c.shell) refuse('a shell-form CMD after a JSON ENTRYPOINT is not read');
    return { argv: [...e.argv, ...c.argv], shell: false };
  }
  return argvOf(model, ctx, cmd!)!;
}

// ---------------------------------------------------------------- planners

type Planner = (facts: Facts, ctx: TransformContext) => Plan | null;

function insertBefore(run: RunInfo, command: SimpleCommand, text: string): Edit {
  const offset = run.offsets[command.node.startIndex];
  return { start: offset, end: offset, text };
}

/** Files of the context with an extension, skipping dependency folders (bounded). */
function contextFiles(context: BuildContext, ext: string, limit = 2000): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 12 || found.length >= limit) return;
    for (const name of context.list(dir)) {
      if (name === '.git' || name === 'node_modules') continue;
      const rel = dir === '.' ? name : `${dir}/${name}`;
      if (name.endsWith(ext) && context.read(rel) !== null) found.push(rel);
      else if (!name.includes('.') || context.list(rel).length) visit(rel, depth + 1);
    }
  };
  visit('.', 0);
  return found;
}

/** Go sources that open files at run time need more than the binary. */
const GO_FILE_READS = /\b(os\.(Open|OpenFile|ReadFile|ReadDir)|ioutil\.(ReadFile|ReadDir)|http\.Dir|template\.(ParseFiles|ParseGlob))\(/;

const planGo: Planner = (facts, ctx) => {
  const builds: { run: RunInfo; command: SimpleCommand; output: string; cgoOff: boolean }[] = [];
  for (const run of facts.runs) {
    for (const command of run.commands) {
      if (command.name !== 'go' || command.argValues[0] !== 'build') continue;
      const args = command.argValues;
      const i = args.findIndex((a) => a === '-o' || (a?.startsWith('-o=') ?? false));
      const raw = i === -1 ? null : args[i]!.startsWith('-o=') ? args[i]!.slice(3) : args[i + 1];
      if (!raw) refuse(`line ${ctx.originalLine(run.node.line)}: \`go build\` without a literal -o: the binary's name is not written`);
      if (!raw.startsWith('/') && run.changesDir) refuse(`line ${ctx.originalLine(run.node.line)}: \`go build -o ${raw}\` after \`cd\`: its path is not known`);
      const cgoOff = command.node.namedChildren.some((c) => c?.type === 'variable_assignment' && /^CGO_ENABLED=["']?0["']?$/.test(c.text));
      builds.push({ run, command, output: path.posix.resolve(run.workdir, raw), cgoOff });
    }
  }
  if (!builds.length) return null;
  const program = findProgram(facts, builds.map((b) => b.output));
  if (facts.context) {
    for (const file of contextFiles(facts.context, '.go')) {
      const match = GO_FILE_READS.exec(facts.context.read(file) ?? '');
      if (match) refuse(`the program opens files at run time (${match[1]} in ${file}); copying only the binary could lose them`);
    }
  }
  const envCgoOff = facts.stage.instructions.some((i) => i.keyword === 'ENV' && /\bCGO_ENABLED[= ]["']?0\b/.test(argsText(facts.model, i)));
  const buildEdits: Edit[] = [];
  let linkage: Linkage = envCgoOff || builds.every((b) => b.cgoOff) ? 'static' : 'dynamic';
  let why = linkage === 'static' ? 'CGO_ENABLED=0 is set' : '';
  if (linkage === 'dynamic' && facts.context && cgoFree(facts.context)) {
    linkage = 'static';
    why = 'no package imports "C", so the build sets CGO_ENABLED=0';
    for (const b of builds) if (!b.cgoOff) buildEdits.push(insertBefore(b.run, b.command, 'CGO_ENABLED=0 '));
  }
  if (linkage === 'dynamic') why = 'cgo may be in use, so the binary keeps glibc';
  const runtime = facts.rule.runtime(facts.tag, linkage);
  if (!runtime) return null;
  return {
    runtime,
    payload: [`COPY --from=build ${program} ${program}`],
    buildEdits,
    buildTail: [],
    hasShell: false,
    users: RUNTIME_USERS.distroless,
    programs: [program],
    summary: `runtime ${runtime} with only ${program} (${why})`,
  };
};

/** Whether a Go module certainly needs no cgo: no dependencies outside the standard library and no `import "C"`. */
function cgoFree(context: BuildContext): boolean {
  const mod = context.read('go.mod');
  if (mod === null || /^\s*require\b/m.test(mod)) return false;
  return contextFiles(context, '.go').every((file) => !/^\s*import\s+(\(\s*)?"C"/m.test(context.read(file) ?? '') && !/^\s*"C"\s*$/m.test(context.read(file) ?? ''));
}

/** The built output the container's first word names. */
function findProgram(facts: Facts, outputs: string[]): string {
  const first = facts.argv[0] ?? '';
  const program = first.includes('/')
    ? path.posix.resolve(facts.finalWorkdir, first)
    : outputs.find((o) => path.posix.basename(o) === first && PATH_DIRS.includes(path.posix.dirname(o)));
  if (!program || !outputs.includes(program)) {
    refuse(`the container runs \`${first}\`, which is not the build's output (${outputs.join(', ')})`);
  }
  return program;
}

const planNative: Planner = (facts) => {
  const outputs: string[] = [];
  let makes = false;
  for (const run of facts.runs) {
    for (const command of run.commands) {
      if (['gcc', 'g++', 'cc', 'c++'].includes(command.name ?? '')) {
        const i = command.argValues.indexOf('-o');
        const raw = i === -1 ? null : command.argValues[i + 1];
        if (raw && (raw.startsWith('/') || !run.changesDir)) outputs.push(path.posix.resolve(run.workdir, raw));
      }
      if (command.name === 'make' || command.name === 'cmake') {
        if (run.changesDir) refuse(`line ${facts.originalLine(run.node.line)}: make after \`cd\`: where it builds is not known`);
        makes = true;
      }
    }
  }
  if (!outputs.length && !makes) return null;
  const first = facts.argv[0] ?? '';
  let program = first.includes('/')
    ? path.posix.resolve(facts.finalWorkdir, first)
    : outputs.find((o) => path.posix.basename(o) === first && PATH_DIRS.includes(path.posix.dirname(o))) ?? null;
  if (!program || !outputs.includes(program)) {
    // make's outputs are not written down: accept a program that the context does not hold, so the build made it.
    if (!program || !makes) refuse(`the container runs \`${first}\`, which is not a file the build names`);
    if (!facts.context) refuse(`the container runs ${program}, and without the build context dfmod cannot tell make builds it`);
    const copies = facts.stage.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    const fromContext = copies.some((copy) => {
      const words = copyWords(facts.model, copy);
      const dest = path.posix.resolve(facts.workdirAt.get(copy)!, words[words.length - 1]);
      const rel = path.posix.relative(dest, program!);
      return !rel.startsWith('..') && words.slice(0, -1).some((src) => facts.context!.exists(path.posix.join(src, rel)) || facts.context!.exists(src) && path.posix.basename(src) === path.posix.basename(program!));
    });
    if (fromContext) refuse(`the container runs ${program}, which comes from the build context, not the build`);
  }
  const runtime = facts.rule.runtime(facts.tag, 'dynamic');
  if (!runtime) refuse(`no slim runtime image is known for ${facts.ref.raw}`);
  return {
    runtime,
    payload: [`COPY --from=build ${program} ${program}`],
    buildEdits: [],
    buildTail: [],
    hasShell: true,
    users: [],
    programs: [program],
    summary: `runtime ${runtime} with only ${program}`,
  };
};

const planJava: Planner = (facts) => {
  const argv = facts.argv;
  if (argv[0] !== 'java' && !/\/java$/.test(argv[0] ?? '')) refuse(`the container runs \`${argv[0]}\`, not java`);
  const copies: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-jar') {
      // The jar's folder: it holds any Class-Path neighbours (target/lib).
      copies.push(path.posix.dirname(path.posix.resolve(facts.finalWorkdir, argv[i + 1] ?? refuse('`java -jar` without a jar'))));
      break;
    }
    if (arg === '-cp' || arg === '-classpath' || arg === '--class-path') {
      for (const entry of (argv[++i] ?? '').split(':')) {
        copies.push(path.posix.resolve(facts.finalWorkdir, entry.replace(/\/?\*$/, '')));
      }
      continue;
    }
    if (arg.endsWith('.java')) refuse('`java File.java` compiles at run time and needs the JDK');
    if (!arg.startsWith('-')) break;
  }
  if (!copies.length) refuse('java runs without -jar or -cp, so the classes it needs are not named');
  if (copies.some((c) => c === facts.finalWorkdir || c === '/')) refuse('the class path is the whole working folder');
  const runtime = facts.rule.runtime(facts.tag, 'dynamic');
  if (!runtime) refuse(`no JRE image is known for ${facts.ref.raw}`);
  const unique = [...new Set(copies)];
  return {
    runtime,
    payload: unique.map((c) => `COPY --from=build ${c} ${c}`),
    buildEdits: [],
    buildTail: [],
    hasShell: true,
    users: [],
    programs: ['java'],
    summary: `runtime ${runtime} with ${unique.join(', ')}`,
  };
};

interface PackageJson {
  main?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Static file servers a Node image may run, with the nginx behaviour that matches them. */
const STATIC_SERVERS: Record<string, { defaultPort: number; portFlags: string[]; hostFlags: string[]; spaFlags: string[]; otherFlags: RegExp }> = {
  'http-server': { defaultPort: 8080, portFlags: ['-p', '--port'], hostFlags: ['-a'], spaFlags: [], otherFlags: /^(-c-?\d+|-s|--silent|-d|-i|-g|--gzip|-b|--brotli)$/ },
  serve: { defaultPort: 3000, portFlags: ['-l', '--listen', '-p'], hostFlags: [], spaFlags: ['-s', '--single'], otherFlags: /^(-n|--no-clipboard|-u|--no-request-logging)$/ },
};

const planNode: Planner = (facts, ctx) => {
  const appDir = facts.finalWorkdir;
  const installs = facts.runs.some((r) => r.commands.some((c) => c.name === 'npm' && ['ci', 'install', 'i'].includes(c.argValues[0] ?? '')));
  if (!installs) refuse('no `npm ci`/`npm install` in the stage, so production dependencies are not named');
  const pkgText = facts.context?.read('package.json') ?? null;
  let pkg: PackageJson | null = null;
  if (pkgText !== null) {
    try {
      pkg = JSON.parse(pkgText) as PackageJson;
    } catch {
      refuse('package.json is not valid JSON');
    }
  }
  if (facts.context && (facts.context.exists('yarn.lock') || facts.context.exists('pnpm-lock.yaml'))) {
    refuse('the project has a yarn or pnpm lockfile; only npm installs are split');
  }
  let argv = facts.argv;
  if (argv[0] === 'npm' && (argv[1] === 'start' || (argv[1] === 'run' && argv[2] === 'start') || (argv[1] === 'run-script' && argv[2] === 'start'))) {
    if (!pkg) refuse('`npm start` runs a script from package.json, which is not in the build context');
    const script = pkg.scripts?.start ?? 'node server.js';
    argv = shellArgv(ctx, script) ?? refuse(`the start script \`${script}\` is not a plain command`);
  }
  if (argv[0] === 'npx') argv = argv.slice(1).filter((a, i) => i > 0 || !a.startsWith('-'));
  const server = STATIC_SERVERS[argv[0] ?? ''];
  if (server) return planStatic(facts, argv, server, pkg);
  if (argv[0] !== 'node' && !/\/node$/.test(argv[0] ?? '')) {
    const bin = argv[0] ?? '';
    if (!pkg?.dependencies?.[bin]) refuse(`the container runs \`${bin}\`, which is not node or a dependency's command dfmod can name`);
  }
  if (facts.context) {
    const lock = facts.context.read('package-lock.json') ?? '';
    const native = /"node_modules\/([^"]+)":\s*\{[^}]*"hasInstallScript":\s*true/.exec(lock);
    if (native) refuse(`${native[1]} has an install script (a native addon?): the libraries it links may be missing on the slim image`);
  }
  const runtime = facts.rule.runtime(facts.tag, 'dynamic')!;
  const building = facts.runs.some((r) => r.commands.some((c) => ['npx', 'tsc'].includes(c.name ?? '') || (c.name === 'npm' && ['run', 'run-script'].includes(c.argValues[0] ?? ''))));
  if (runtime === facts.ref.raw.replace(/^docker\.io\/(library\/)?/, '') && !building && pkg && !Object.keys(pkg.devDependencies ?? {}).length) {
    return null; // already slim, nothing built, nothing to prune
  }
  return {
    runtime,
    payload: [`COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [],
    buildTail: ['RUN npm prune --omit=dev'],
    hasShell: true,
    users: RUNTIME_USERS.node,
    programs: ['node', 'npm'],
    summary: `runtime ${runtime} with ${appDir}${building ? ' (build output included)' : ''} and production dependencies only (npm prune --omit=dev)`,
  };
};

function planStatic(facts: Facts, argv: string[], server: (typeof STATIC_SERVERS)[string], pkg: PackageJson | null): Plan {
  let dir: string | null = null;
  let port = server.defaultPort;
  let host: string | null = null;
  let spa = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (server.portFlags.includes(arg)) {
      const value = argv[++i] ?? '';
      const match = /^(?:tcp:\/\/([\d.]+):)?(\d+)$/.exec(value);
      if (!match) refuse(`${argv[0]} listens on \`${value}\`, which nginx is not set up for`);
      if (match[1]) host = match[1];
      port = Number(match[2]);
    } else if (server.hostFlags.includes(arg)) host = argv[++i] ?? null;
    else if (server.spaFlags.includes(arg)) spa = true;
    else if (server.otherFlags.test(arg)) continue;
    else if (!arg.startsWith('-') && dir === null) dir = arg;
    else refuse(`${argv[0]} option \`${arg}\` has no nginx equivalent dfmod writes`);
  }
  if (dir === null) refuse(`${argv[0]} serves the working folder, not a build output folder`);
  const out = path.posix.resolve(facts.finalWorkdir, dir);
  if (out === facts.finalWorkdir || out === '/') refuse(`${argv[0]} serves the whole working folder`);
  if (!facts.runs.some((r) => r.commands.some((c) => c.name === 'npm' && ['run', 'run-script'].includes(c.argValues[0] ?? '') || ['npx', 'tsc', 'node'].includes(c.name ?? '')))) {
    refuse(`${out} is not produced by a build step`);
  }
  if (facts.stage.instructions.some((i) => i.keyword === 'USER')) refuse('USER is set, and nginx needs root to start');
  void pkg;
  const listen = host ? `${host}:${port}` : String(port);
  const location = spa ? ' location / { try_files $uri $uri/ /index.html; }' : '';
  const payload = [`COPY --from=build ${out} ${STATIC_RUNTIME.root}`];
  if (port !== 80 || host || spa) {
    payload.push(`RUN echo 'server { listen ${listen}; root ${STATIC_RUNTIME.root};${location} }' > /etc/nginx/conf.d/default.conf`);
  }
  return {
    runtime: STATIC_RUNTIME.image,
    payload,
    buildEdits: [],
    buildTail: [],
    drop: new Set(['CMD', 'ENTRYPOINT']),
    hasShell: true,
    users: [],
    programs: [],
    summary: `runtime ${STATIC_RUNTIME.image} serving ${out} on ${listen} in place of \`${facts.argv.join(' ')}\` (nginx's own CMD; its headers and directory listings differ from ${argv[0]}'s)`,
  };
}

const planPython: Planner = (facts, ctx) => {
  const pipRuns = facts.runs.filter((r) => r.commands.some((c) => isPipInstall(c)));
  if (!pipRuns.length) refuse('no `pip install` in the stage, so the dependencies are not named');
  const argv = facts.argv;
  const runner = argv[0] ?? '';
  if (!/^python(3(\.\d+)?)?$/.test(runner)) {
    const requirements = facts.context?.read('requirements.txt') ?? '';
    const norm = (s: string) => s.toLowerCase().replace(/[-_.]+/g, '-');
    const installed = [
      ...requirements.split(/\r?\n/).map((l) => norm(l.replace(/[\s#;<>=!~[].*$/, ''))),
      ...pipRuns.flatMap((r) => r.commands.filter(isPipInstall).flatMap((c) => c.argValues.map((a) => norm((a ?? '').replace(/[<>=!~[].*$/, ''))))),
    ];
    if (!installed.includes(norm(runner))) refuse(`the container runs \`${runner}\`, which is not python or a package the build installs`);
  }
  const appDir = facts.finalWorkdir;
  if (appDir === '/') refuse('the stage sets no WORKDIR, so the app folder to copy is not named');
  const runtime = facts.rule.runtime(facts.tag, 'dynamic')!;
  if (runtime === facts.ref.raw && !facts.aptPackages.length) return null; // already slim, no build tools to leave behind
  const first = pipRuns[0].node;
  const at = lineStartWithComments(facts.model, first);
  const eol = facts.model.source.eol;
  void ctx;
  return {
    runtime,
    payload: ['COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', `COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [{ start: at, end: at, text: `RUN python -m venv /opt/venv${eol}ENV PATH=/opt/venv/bin:$PATH${eol}` }],
    buildTail: [],
    hasShell: true,
    users: [],
    programs: ['python', 'python3', runner],
    summary: `runtime ${runtime} with the virtualenv /opt/venv (installed in the build stage) and ${appDir}`,
  };
};

function isPipInstall(c: SimpleCommand): boolean {
  return ((c.name === 'pip' || c.name === 'pip3') && c.argValues[0] === 'install') ||
    ((c.name === 'python' || c.name === 'python3') && c.argValues[0] === '-m' && c.argValues[1] === 'pip' && c.argValues[2] === 'install');
}

/** Where to insert before `node`: the start of its line, above the comments that stand before it. */
function lineStartWithComments(model: DockerfileModel, node: InstructionNode): number {
  let line = node.line - 1;
  while (line > 0 && /^\s*#/.test(model.source.lineText(line - 1))) line--;
  return model.source.lineStarts[line];
}

const PLANNERS: Record<Ecosystem, Planner> = { go: planGo, node: planNode, python: planPython, java: planJava, native: planNative };

// ---------------------------------------------------------------- the transform

function plan(ctx: TransformContext): { fix: { line: number; message: string; edits: Edit[] } } | { note: { line: number; message: string } } | null {
  const model = ctx.dockerfile;
  if (model.stages.length !== 1) return null;
  const stage = model.stages[0];
  const line = stage.from.line;
  try {
    const ref = parseImageRef(stage.image);
    const rule = RUNTIMES.find((r) => r.image.test(ref.repository) && (ref.registry === null || ref.registry === 'docker.io'));
    if (!rule) return null;
    if (!looksLikeBuild(model, stage, rule.ecosystem)) return null;
    if (ref.dynamic) refuse(`the base image \`${stage.image}\` uses a build argument`);
    if (ref.digest) refuse('the base image is pinned by digest, and the runtime image\'s digest is not known');
    if (stage.platform) refuse('FROM sets --platform');
    for (const node of stage.instructions) {
      if (node.keyword === 'ONBUILD' || node.keyword === 'SHELL') refuse(`line ${ctx.originalLine(node.line)}: ${node.keyword} is not carried to a runtime stage`);
      if (node.keyword === 'COPY' && node.flags.some((f) => f.name === 'from')) refuse(`line ${ctx.originalLine(node.line)}: COPY --from`);
    }
    if (model.isWindowsStage(stage)) refuse('a Windows image');
    const tag = ref.tag ?? 'latest';
    const initial = rule.ecosystem === 'go' ? '/go' : '/';
    const { at, final } = workdirs(ctx, stage, initial);
    for (const node of stage.instructions) {
      if (node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
      const words = copyWords(model, node);
      const dest = path.posix.resolve(at.get(node)!, words[words.length - 1] ?? '.');
      const rel = path.posix.relative(final, dest);
      if (rel.startsWith('..') || path.posix.isAbsolute(rel) || final === '/') {
        refuse(`line ${ctx.originalLine(node.line)}: ${node.keyword} puts files in ${dest}, outside the app folder ${final}, which the runtime might need`);
      }
    }
    const runs = readRuns(ctx, stage, at);
    const command = containerCommand(ctx, stage);
    const { argv, wrappers } = unwrap(command.argv);
    const inits = Object.keys(INIT_PACKAGES).filter((pkg) => wrappers.some((w) => path.posix.basename(w) === pkg));
    const aptPackages = checkCommands(ctx, runs, rule.ecosystem, inits);
    const facts: Facts = {
      model, stage, ref, tag, rule, runs, workdirAt: at, finalWorkdir: final, argv,
      needsShell: command.shell, context: ctx.context, originalLine: ctx.originalLine, aptPackages, inits,
    };
    const chosen = PLANNERS[rule.ecosystem](facts, ctx);
    if (!chosen) return null;
    checkRuntime(ctx, facts, chosen);
    for (const init of facts.inits) {
      if (!facts.aptPackages.includes(init)) continue;
      const { binary, static: statically } = INIT_PACKAGES[init];
      const noGlibc = /distroless\/static|alpine/.test(chosen.runtime);
      if (noGlibc && !statically) refuse(`Debian's ${init} needs glibc, which ${chosen.runtime} lacks`);
      chosen.payload.push(`COPY --from=build ${noGlibc ? statically : binary} ${binary}`);
    }
    return { fix: { line, message: `split into a build stage and a ${chosen.summary}`, edits: edits(ctx, stage, chosen) } };
  } catch (error) {
    if (error instanceof Refusal) return { note: { line, message: `not split into build and runtime stages: ${error.message}` } };
    throw error;
  }
}

/** What the runtime stage keeps must work on the runtime image. */
function checkRuntime(ctx: TransformContext, facts: Facts, chosen: Plan): void {
  const model = ctx.dockerfile;
  for (const node of facts.stage.instructions) {
    if (chosen.drop?.has(node.keyword)) continue;
    if ((node.keyword === 'CMD' || node.keyword === 'ENTRYPOINT') && node.form === 'shell' && !chosen.hasShell) {
      refuse(`line ${ctx.originalLine(node.line)}: ${node.keyword} in shell form needs /bin/sh, which ${chosen.runtime} lacks (exec-form can write it in JSON form first)`);
    }
    if (node.keyword === 'USER') {
      const user = argsText(model, node).split(':')[0];
      if (!/^\d+$/.test(user) && user !== 'root' && !chosen.users.includes(user)) {
        refuse(`line ${ctx.originalLine(node.line)}: USER ${user} may not exist in ${chosen.runtime}`);
      }
    }
    if (node.keyword === 'HEALTHCHECK') {
      const text = argsText(model, node);
      if (/^NONE$/i.test(text)) continue;
      const cmd = /(?:^|\s)CMD\s+([\s\S]*)$/i.exec(text)?.[1] ?? '';
      const parsed = argvOf(model, ctx, node, cmd);
      if (!parsed) refuse(`line ${ctx.originalLine(node.line)}: HEALTHCHECK is not read`);
      if (parsed.shell && !chosen.hasShell) refuse(`line ${ctx.originalLine(node.line)}: HEALTHCHECK needs /bin/sh, which ${chosen.runtime} lacks`);
      if (!chosen.programs.includes(parsed.argv[0])) {
        refuse(`line ${ctx.originalLine(node.line)}: HEALTHCHECK runs \`${parsed.argv[0]}\`, which ${chosen.runtime} may not have`);
      }
    }
  }
}

/** The edits: name the stage `build`, the build-stage changes, and the runtime stage appended at the end. */
function edits(ctx: TransformContext, stage: Stage, chosen: Plan): Edit[] {
  const model = ctx.dockerfile;
  const source = model.source.text;
  const eol = model.source.eol;
  const result: Edit[] = [...chosen.buildEdits];
  if (stage.name === null) result.push({ start: stage.from.end, end: stage.from.end, text: ' AS build' });
  else if (stage.name !== 'build') refuse(`the stage is already named ${stage.name}`);
  const kept = stage.instructions.filter((node) => (KEPT.has(node.keyword) && !chosen.drop?.has(node.keyword)));
  const keptText = kept.map((node) => source.slice(node.start, node.end)).join('\n');
  // Stage ARGs that a kept instruction uses are declared again in the runtime stage.
  const args = stage.instructions.filter((node) => node.keyword === 'ARG' && argNames(argsText(model, node)).some((name) =>
    new RegExp(`\\$\\{?${name}\\b`).test(keptText)));
  const ordered = stage.instructions.filter((node) => kept.includes(node) || args.includes(node));
  const split = ordered.findIndex((node) => !LEADING.has(node.keyword));
  const leading = split === -1 ? ordered : ordered.slice(0, split);
  const rest = split === -1 ? [] : ordered.slice(split);
  const lines = [
    `FROM ${chosen.runtime}`,
    ...leading.map((node) => source.slice(node.start, node.end)),
    ...chosen.payload,
    ...rest.map((node) => source.slice(node.start, node.end)),
  ];
  const endsWithBreak = /[\r\n]$/.test(source);
  const tail = [
    endsWithBreak ? '' : eol,
    ...chosen.buildTail.map((l) => l + eol),
    eol,
    lines.join(eol),
    endsWithBreak ? eol : '',
  ].join('');
  result.push({ start: source.length, end: source.length, text: tail });
  return result;
}

/** A build step of the ecosystem, by word, so files that build nothing get no note. */
const BUILD_WORDS: Record<Ecosystem, RegExp> = {
  go: /\bgo\s+build\b/,
  node: /\b(npm|npx|tsc|yarn|pnpm)\b/,
  python: /\b(pip3?|python3?\s+-m\s+pip)\s+install\b/,
  java: /\b(mvn|mvnw|gradle|gradlew|javac)\b/,
  native: /(^|[\s;&|(])(gcc|g\+\+|cc|c\+\+|make|cmake)(\s|$)/,
};

function looksLikeBuild(model: DockerfileModel, stage: Stage, ecosystem: Ecosystem): boolean {
  return stage.instructions.some((node) => node.keyword === 'RUN' && BUILD_WORDS[ecosystem].test(model.rawArguments(node)));
}

/** argv without the init and entrypoint wrappers in front of the program. */
function unwrap(argv: string[]): { argv: string[]; wrappers: string[] } {
  const wrappers: string[] = [];
  let rest = argv;
  while (rest.length && WRAPPERS.has(path.posix.basename(rest[0]))) {
    wrappers.push(rest[0]);
    rest = rest.slice(1);
    const end = rest.indexOf('--');
    if (end !== -1 && rest.slice(0, end).every((a) => a.startsWith('-'))) rest = rest.slice(end + 1);
    else while (rest.length && rest[0].startsWith('-')) rest = rest.slice(1);
  }
  return { argv: rest, wrappers };
}

/** Sources and destination of a COPY/ADD, JSON form or not. */
function copyWords(model: DockerfileModel, node: InstructionNode): string[] {
  const text = argsText(model, node);
  if (text.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    } catch {
      // not JSON: whitespace-separated
    }
  }
  return text.split(/\s+/);
}

function argNames(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map((word) => word.split('=')[0]);
}

export const multiStage: Transform = {
  id: 'multi-stage',
  level: 'review',
  description: 'Split a single-stage image into a build stage and a slim runtime stage that copies only what runs',
  rationale:
    'Compilers, dev dependencies and package caches are needed to build, not to run. A runtime stage on a slim or ' +
    'distroless image with only the build output makes the image smaller and gives an attacker less to work with.',
  enabledByDefault: true,
  run(ctx) {
    const outcome = plan(ctx);
    if (!outcome) return {};
    if ('note' in outcome) return { notes: [outcome.note] };
    return { fixes: [outcome.fix] };
  },
};

export default multiStage;
