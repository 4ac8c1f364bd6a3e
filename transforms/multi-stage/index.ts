/**
 * multi-stage: a single-stage image ships its compilers, dev dependencies and
 * caches. This splits it into the stage as written (named `build`; for a
 * Node app with nothing built, `deps`, cut after its install, since the
 * runtime takes only node_modules of it) and a
 * runtime stage on a smaller image that copies only what runs: the Go or C
 * binary, the jar or classes, the Node app with production dependencies, the
 * Python virtualenv, or a static site with the server from npm that serves it.
 *
 * It rewrites only when it can name what the runtime needs: every RUN of the
 * stage must be a build step it understands, the CMD/ENTRYPOINT must run the
 * build's output, and everything that defines how the container runs (ENV,
 * WORKDIR, USER, EXPOSE, VOLUME, LABEL, HEALTHCHECK, STOPSIGNAL, ENTRYPOINT,
 * CMD, and the ARGs they use) is repeated, verbatim, in the runtime stage.
 * Otherwise it leaves the file alone and says what was missing, with the
 * refusal's id.
 *
 * The runtime image, its shell, users and C library come from lib/knowledge;
 * what the stage does comes from the stage model (read-stage.ts); one planner
 * per stack decides what to copy (go.ts, node.ts, python.ts, java.ts, native.ts).
 */
import path from 'node:path';
import type { DockerfileModel, InstructionNode, Stage } from '../../lib/core/dockerfile.js';
import type { Edit, Transform, TransformContext } from '../../lib/core/types.js';
import type { Healthcheck, Heredoc } from 'dockerfile-ast';
import { walk } from '../../lib/core/shell.js';
import { startWithComments } from '../../lib/core/edits.js';
import { isPipInstall, programName, scriptArgv } from '../../lib/facts/index.js';
import {
  DOCKER_HUB, IMAGE_FAMILIES, INIT_PATHS, installScript, PROGRAM_PACKAGES, SCRIPT_PROGRAM, SH_BUILTINS, SH_RUNNERS, TINI_STATIC, describeImage, libcOf, parseImageRef, type ImageInfo, type Language,
} from '../../lib/knowledge/index.js';
import { checkBuildSteps } from './build-steps.js';
import { runtimeClosure, type Closure } from './closure.js';
import { planGo } from './go.js';
import { planJava } from './java.js';
import { planNative } from './native.js';
import { planNode } from './node.js';
import { planPython } from './python.js';
import { argsText, isRefusal, refuse, type Ecosystem, type Plan, type Planner, type Refused } from './plan.js';
import { readStage, type StageReading } from './read-stage.js';
import { nothingToSplit, roleRefusal } from './worth.js';

const PLANNERS: Record<Ecosystem, Planner> = { go: planGo, node: planNode, python: planPython, java: planJava, native: planNative };

/** The planner of each language image. */
const LANGUAGE_ECOSYSTEMS: Partial<Record<Language, Ecosystem>> = { go: 'go', node: 'node', python: 'python', java: 'java' };

/** OS images whose C and C++ builds the native planner splits. */
const NATIVE_FAMILIES = new Set(['debian', 'ubuntu', 'buildpack-deps']);

/** Instructions repeated in the runtime stage, verbatim. */
const KEPT = new Set(['ENV', 'WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'LABEL', 'HEALTHCHECK', 'STOPSIGNAL', 'ENTRYPOINT', 'CMD', 'MAINTAINER']);
/**
 * Kept instructions that only say how the container runs: the runtime stage has them, so the build stage, which
 * no one runs, loses them (a reviewer reads an EXPOSE or CMD left there as the stage that is deployed).
 */
const RUN_ONLY = new Set(['EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'ENTRYPOINT', 'CMD']);
/** Kept instructions that go before the copied files (they set up where files land, not how they run). */
const LEADING = new Set(['ENV', 'ARG', 'WORKDIR', 'LABEL', 'MAINTAINER']);

/** A command (words from the program on) that makes a stage a build of the ecosystem, so files that build nothing get no note. */
const BUILD_STEPS: Record<Ecosystem, (words: readonly (string | null)[]) => boolean> = {
  go: (words) => programName(words[0] ?? '') === 'go' && words[1] === 'build',
  node: runs('npm', 'npx', 'tsc', 'yarn', 'pnpm'),
  python: isPipInstall,
  java: runs('mvn', 'mvnw', 'gradle', 'gradlew', 'javac'),
  native: runs('gcc', 'g++', 'cc', 'c++', 'make', 'cmake'),
};

function runs(...programs: string[]): (words: readonly (string | null)[]) => boolean {
  const names = new Set(programs);
  return (words) => names.has(programName(words[0] ?? ''));
}

/**
 * The planner for a build image: its language's, or native for the OS
 * images; only Docker Hub images of a family whose runtime variant the
 * knowledge base knows (a private mirror's runtime is not known to exist).
 */
function ecosystemOf(image: ImageInfo): Ecosystem | null {
  if (image.ref.registry !== null && !DOCKER_HUB.has(image.ref.registry)) return null;
  if (!IMAGE_FAMILIES.find((f) => f.id === image.family)?.runtime) return null;
  if (image.language) return LANGUAGE_ECOSYSTEMS[image.language] ?? null;
  return NATIVE_FAMILIES.has(image.family!) ? 'native' : null;
}

function looksLikeBuild(ctx: TransformContext, stage: Stage, ecosystem: Ecosystem): boolean {
  return stage.instructions.some((node) => node.keyword === 'RUN' && runCommandWords(ctx, node).some(BUILD_STEPS[ecosystem]));
}

/**
 * The commands of a RUN, words from the program on. A RUN the stage model
 * does not read (readRuns refuses it) is still looked at, so the note says
 * why a build is not split: its JSON words, or its script or heredoc bodies
 * parsed as a POSIX shell would.
 */
function runCommandWords(ctx: TransformContext, node: InstructionNode): (string | null)[][] {
  const read = ctx.facts.readRun(node);
  if (read.kind === 'script') return ctx.facts.commandsOf(read).map((c) => c.words);
  if (node.execArgs) return [node.execArgs];
  const scripts = node.form === 'heredoc' ? heredocBodies(ctx.dockerfile, node) : [ctx.dockerfile.shellScript(node)?.text ?? ''];
  return scripts.flatMap((text) => ctx.facts.commandsOf({ root: ctx.shell.parse(text).rootNode }).map((c) => c.words));
}

function heredocBodies(model: DockerfileModel, node: InstructionNode): string[] {
  const heredocs = 'getHeredocs' in node.ast ? (node.ast as unknown as { getHeredocs(): Heredoc[] }).getHeredocs() : [];
  return heredocs.flatMap((heredoc) => {
    const range = heredoc.getContentRange();
    return range ? [model.source.text.slice(model.source.offsetAt(range.start), model.source.offsetAt(range.end))] : [];
  });
}

type Outcome = { fix: { line: number; message: string; edits: Edit[] } } | null;

function plan(ctx: TransformContext): Outcome | Refused {
  const model = ctx.dockerfile;
  if (model.stages.length !== 1) return null;
  const stage = model.stages[0];
  const ref = parseImageRef(stage.image);
  // A build argument: the image its global ARGs' defaults name (a FROM sees only the ARGs before the first FROM).
  const expanded = ref.dynamic ? ctx.facts.baseImage(stage) : stage.image;
  // Without a default, a build argument in the tag only: the repository still names the family, so the note can say why.
  const image = describeImage(expanded ?? (!ref.name.includes('$') ? ref.name : stage.image));
  const ecosystem = ecosystemOf(image);
  if (!ecosystem || !looksLikeBuild(ctx, stage, ecosystem)) return null;
  // What the stage is for, and whether a split gains anything, before what dfmod cannot read.
  const role = roleRefusal(ctx, stage);
  if (role) return role;
  const idle = ref.dynamic ? null : nothingToSplit(ctx, stage, image, ecosystem);
  if (idle) return idle;
  if (expanded === null) return refuse('image-build-argument', `the base image \`${stage.image}\` uses a build argument that has no default`);
  if (stage.platform) return refuse('from-platform', 'FROM sets --platform');
  for (const node of stage.instructions) {
    if (node.keyword === 'ONBUILD' || node.keyword === 'SHELL') {
      return refuse('not-carried', `line ${ctx.originalLine(node.line)}: ${node.keyword} is not carried to a runtime stage`);
    }
    if (node.keyword === 'COPY' && node.flags.some((f) => f.name === 'from')) return refuse('copy-from', `line ${ctx.originalLine(node.line)}: COPY --from`);
  }
  if (ctx.facts.isWindows(stage)) return refuse('windows', 'a Windows image');
  const read = readStage(ctx, stage, image, ecosystem);
  if (isRefusal(read)) return read;
  const steps = checkBuildSteps(read, ctx);
  if (isRefusal(steps)) return steps;
  const reading: StageReading = { ...read, ...steps };
  const chosen = PLANNERS[ecosystem](reading, ctx);
  if (chosen === null || isRefusal(chosen)) return chosen;
  // A FROM with a build argument: the runtime stage can be FROM the same text, which follows the argument, where the
  // runtime is the build's own image; another runtime image was chosen for the default and would not follow it.
  if (ref.dynamic) {
    if (chosen.runtime !== expanded) {
      return refuse('image-build-argument', `the base image \`${stage.image}\` uses a build argument, and the runtime image a split would use, ${chosen.runtime}, is the one for its default (${expanded}): it would not follow the argument`);
    }
    chosen.checks = [...(chosen.checks ?? []), `that the runtime needs nothing more for other values of the build arguments in \`${stage.image}\` (dfmod read it as ${expanded})`];
  }
  // Pinned by digest: only the pinned image itself is a runtime whose digest is known.
  if (ref.digest && chosen.runtime !== stage.image) {
    return refuse('image-digest', `the base image is pinned by digest, and the runtime image a split would use, ${chosen.runtime}, would need a digest too, which dfmod does not know`);
  }
  const health = healthcheckPrograms(ctx, stage);
  if (isRefusal(health)) return health;
  const closure = runtimeClosure(ctx, reading, chosen, health);
  if (isRefusal(closure)) return closure;
  const inits = runtimeInits(reading, chosen);
  if (isRefusal(inits)) return inits;
  const packages = [...new Set([...(chosen.packages ?? []), ...closure.packages, ...inits])];
  const unfit = checkRuntime(ctx, reading, chosen, packages);
  if (unfit) return unfit;
  const result = edits(ctx, stage, chosen, ref.dynamic ? stage.image : chosen.runtime, packages, closure.copies);
  if (isRefusal(result)) return result;
  return { fix: { line: stage.from.line, message: splitMessage(ctx, stage, chosen, ref.dynamic || ref.digest ? stage.image : null, packages, closure), edits: result } };
}

/**
 * What the runtime gets (base, packages, files, user), in one line of
 * clauses, and what the reviewer should make sure of that dfmod could not
 * prove, as a second sentence. The transform's reviewCheck, printed with it,
 * says to build and run the image: not repeated here.
 */
function splitMessage(ctx: TransformContext, stage: Stage, chosen: Plan, same: string | null, packages: string[], closure: Closure): string {
  const users = stage.instructions.filter((n) => n.keyword === 'USER');
  const runtime = same ?? chosen.runtime;
  const user = users.length ? `USER ${argsText(ctx.dockerfile, users[users.length - 1])}` : `${same ? 'the base image' : runtime}'s default user`;
  const manager = describeImage(chosen.runtime).packageManager;
  const parts = [
    // A pinned or argument-chosen base is its own runtime: the same FROM, without what the build installed.
    `split into ${chosen.dependencyStage ? 'a dependencies stage' : 'a build stage'} and a runtime stage on ${same ? `${same}, the build's own base image` : runtime}`,
    `the runtime gets ${chosen.summary}`,
    packages.length && manager ? `installs ${packages.join(', ')} with ${SCRIPT_PROGRAM[manager]}` : 'installs no OS packages',
    ...(closure.files.length ? [`also copies ${closure.files.join(', ')} from the build stage`] : []),
    `runs as ${user}`,
    ...(stage.name && stage.name !== (chosen.dependencyStage?.name ?? 'build')
      ? [`the runtime stage takes the name ${stage.name} (\`--target ${stage.name}\` builds what is deployed), the ${chosen.dependencyStage ? 'dependencies' : 'build'} stage is named ${chosen.dependencyStage?.name ?? 'build'}`] : []),
  ];
  const checks = [...(chosen.checks ?? []), ...closure.checks];
  return `${parts.join('; ')}${checks.length ? `. Make sure ${checks.join('; ')}` : ''}`;
}

/** The programs the stage's HEALTHCHECKs run. */
function healthcheckPrograms(ctx: TransformContext, stage: Stage): string[] | Refused {
  const programs: string[] = [];
  for (const node of stage.instructions) {
    if (node.keyword !== 'HEALTHCHECK') continue;
    const health = healthcheckArgv(ctx, node);
    if (health === null) continue;
    if (isRefusal(health)) return health;
    programs.push(...health.programs);
  }
  return programs;
}

/**
 * The inits the ENTRYPOINT runs that the build installed, as packages the
 * runtime installs with its own package manager where that is the build's
 * (its slim image is of the same release, whose package the build's install
 * found). A runtime without one gets the binary copied: Debian's (tini-static
 * where the runtime has no glibc), or Alpine's onto a musl runtime.
 */
function runtimeInits(stage: StageReading, chosen: Plan): string[] | Refused {
  const runtime = describeImage(chosen.runtime);
  const libc = libcOf(chosen.runtime);
  const installs: string[] = [];
  for (const init of stage.apkInits) {
    if (runtime.packageManager === 'apk') {
      installs.push(init);
      continue;
    }
    if (libc !== 'musl') return refuse('init-needs-musl', `Alpine's ${init} needs musl, which ${chosen.runtime} lacks`);
    const binary = INIT_PATHS[init].alpine!;
    chosen.payload.push(`COPY --from=build ${binary} ${binary}`);
  }
  const glibc = libc === 'glibc';
  // apt installed them, so the build is Debian or Ubuntu, which put both inits in the same place.
  const distro = stage.image.release?.distro === 'ubuntu' ? 'ubuntu' : 'debian';
  for (const init of stage.inits) {
    if (!stage.aptPackages.includes(init)) continue;
    if (runtime.packageManager === 'apt') {
      installs.push(init);
      continue;
    }
    const binary = INIT_PATHS[init][distro]!;
    const statically = init === 'tini' ? TINI_STATIC : null;
    if (!glibc && !statically) return refuse('init-needs-glibc', `Debian's ${init} needs glibc, which ${chosen.runtime} lacks`);
    chosen.payload.push(`COPY --from=build ${glibc ? binary : statically} ${binary}`);
  }
  return installs;
}

/**
 * The programs a HEALTHCHECK's command runs, and whether it needs /bin/sh;
 * null for HEALTHCHECK NONE. A shell-form list (`node check.js || exit 1`)
 * runs each of its commands' programs, /bin/sh's builtins aside.
 */
function healthcheckArgv(ctx: TransformContext, node: InstructionNode): { programs: string[]; shell: boolean } | Refused | null {
  const model = ctx.dockerfile;
  const subcommand = 'getSubcommand' in node.ast ? (node.ast as Healthcheck).getSubcommand() : null;
  if (subcommand?.getValue().toUpperCase() === 'NONE') return null;
  const start = subcommand ? model.source.offsetAt(subcommand.getRange().end) : node.end;
  const command = model.logicalText(start, node.end).text.trim();
  const where = `line ${ctx.originalLine(node.line)}`;
  if (command.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(command);
      if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string')) return { programs: [value[0] as string], shell: false };
    } catch {
      // shell form after all
    }
  }
  const root = ctx.shell.parse(command).rootNode;
  const read = scriptArgv(root);
  if ('argv' in read) return { programs: [read.argv[0]], shell: true };
  const commands = ctx.facts.commandsOf({ root });
  // A list, a pipeline or a redirection still names its programs; a substitution, a function or a computed name does not.
  let hidden: string | null = root.hasError || !commands.length ? read.reason : null;
  walk(root, (n) => {
    if (['command_substitution', 'process_substitution'].includes(n.type)) hidden = 'it runs a substitution, whose output the shell runs or passes on';
    if (n.type === 'function_definition') hidden = 'it defines a function';
    return hidden === null;
  });
  const runner = commands.find((c) => c.wrappers.length || SH_RUNNERS.has(c.program ?? ''));
  hidden ??= commands.some((c) => c.program === null) ? 'a command name is computed by the shell'
    : runner ? `it runs \`${runner.wrappers[0] ?? runner.program}\`, which runs what its arguments name` : null;
  if (hidden) return refuse('healthcheck-unread', `${where}: cannot tell what HEALTHCHECK \`${command}\` runs: ${hidden}`);
  return { programs: [...new Set(commands.map((c) => c.program!).filter((p) => !SH_BUILTINS.has(p)))], shell: true };
}

/** What the runtime stage keeps must work on the runtime image. */
function checkRuntime(ctx: TransformContext, stage: StageReading, chosen: Plan, packages: readonly string[]): Refused | null {
  const model = ctx.dockerfile;
  const runtime = describeImage(chosen.runtime);
  const hasShell = runtime.hasShell === true;
  for (const node of stage.stage.instructions) {
    const where = `line ${ctx.originalLine(node.line)}`;
    if ((node.keyword === 'CMD' || node.keyword === 'ENTRYPOINT') && node.form === 'shell' && !hasShell) {
      return refuse('shell-form-needs-shell', `${where}: ${node.keyword} in shell form needs /bin/sh, which ${chosen.runtime} lacks (exec-form can write it in JSON form first)`);
    }
    if (node.keyword === 'USER') {
      const user = argsText(model, node).split(':')[0];
      if (!/^\d+$/.test(user) && user !== 'root' && !runtime.users.includes(user)) {
        return refuse('user-may-not-exist', `${where}: USER ${user} may not exist in ${chosen.runtime}`);
      }
    }
    if (node.keyword === 'HEALTHCHECK') {
      const health = healthcheckArgv(ctx, node);
      if (health === null) continue;
      if (isRefusal(health)) return health;
      if (health.shell && !hasShell) return refuse('healthcheck-needs-shell', `${where}: HEALTHCHECK needs /bin/sh, which ${chosen.runtime} lacks`);
      for (const program of health.programs) {
        const installed = PROGRAM_PACKAGES[path.posix.basename(program)];
        if (!chosen.programs.includes(program) && !(installed && packages.includes(installed))) {
          return refuse('healthcheck-program', `${where}: HEALTHCHECK runs \`${program}\`, which ${chosen.runtime} may not have`);
        }
      }
    }
  }
  return null;
}

/** The edits: name the stage `build`, the build-stage changes, and the runtime stage appended at the end. */
function edits(ctx: TransformContext, stage: Stage, chosen: Plan, runtime: string, packages: readonly string[], copies: readonly string[]): Edit[] | Refused {
  const model = ctx.dockerfile;
  const source = model.source.text;
  const eol = model.source.eol;
  const result: Edit[] = [...chosen.buildEdits];
  // A stage named otherwise (`AS dist`) passes its name to the runtime stage, so `--target dist` still builds what is deployed.
  let runtimeName = '';
  const buildName = chosen.dependencyStage?.name ?? 'build';
  if (stage.name === null) result.push({ start: stage.from.end, end: stage.from.end, text: ` AS ${buildName}` });
  else if (stage.name !== buildName) {
    const named = stageNameRange(ctx, stage);
    if (!named) return refuse('stage-named', `the stage is already named ${stage.name}, written in a way dfmod does not rename`);
    if (stage.name === 'deps' && (chosen.stages || chosen.dependencyStage)) return refuse('stage-named', 'the stage is already named deps, the name of the dependencies stage a split adds');
    result.push({ ...named, text: buildName });
    runtimeName = ` AS ${source.slice(named.start, named.end)}`;
  }
  // A dependencies stage ends at its install: the rest of the original (its copies and settings) is the runtime's.
  const cut = chosen.dependencyStage?.end ?? source.length;
  const kept = stage.instructions.filter((node) => KEPT.has(node.keyword));
  const keptText = kept.map((node) => source.slice(node.start, node.end)).join('\n');
  // Stage ARGs that a kept instruction uses are declared again in the runtime stage.
  const args = stage.instructions.filter((node) => node.keyword === 'ARG' && argNames(argsText(model, node)).some((name) =>
    new RegExp(`\\$\\{?${name}\\b`).test(keptText)));
  const ordered = stage.instructions.filter((node) => kept.includes(node) || args.includes(node));
  // USER and WORKDIR keep their place before or after the files, as in the original: a WORKDIR made under
  // USER belongs to that user, and the copy into it keeps it so; the others before the files do not change them.
  const index = (node: InstructionNode) => stage.instructions.indexOf(node);
  const lastContent = Math.max(...stage.instructions.filter((n) => ['RUN', 'COPY', 'ADD'].includes(n.keyword)).map(index));
  const leading = ordered.filter((node) => index(node) < lastContent || (LEADING.has(node.keyword) && node.keyword !== 'WORKDIR'));
  const rest = ordered.filter((node) => !leading.includes(node));
  // What moves out of the build stage takes its comments along.
  const text = (node: InstructionNode) => (node.keyword === 'WORKDIR' ? workdirText(ctx, stage, node)
    : source.slice(RUN_ONLY.has(node.keyword) && node.end <= cut ? startWithComments(model, node) : node.start, node.end));
  // Packages to install come with the runtime's package manager only (runtimeClosure and runtimeInits see to it).
  const manager = describeImage(chosen.runtime).packageManager;
  const install = packages.length && manager ? [`RUN ${installScript(manager, packages)}`] : [];
  const lines = [
    `FROM ${runtime}${runtimeName}`,
    ...install,
    ...leading.map(text),
    ...chosen.payload,
    ...copies,
    ...rest.map(text),
  ];
  const endsWithBreak = /[\r\n]$/.test(source);
  const removals = runOnlyRemovals(model, stage, cut);
  // Removing the last line leaves the text before it, which ends in a line break.
  const endsOnBreak = endsWithBreak || removals.some((r) => r.end === source.length);
  const tail = [
    endsOnBreak && cut === source.length ? '' : eol,
    ...chosen.buildTail.map((l) => l + eol),
    eol,
    ...(chosen.stages ? [chosen.stages.join(eol), eol, eol] : []),
    lines.join(eol),
    endsWithBreak ? eol : '',
  ].join('');
  result.push({ start: cut, end: source.length, text: tail }, ...removals);
  return result;
}

/**
 * The build stage's instructions that only say how the container runs, each
 * with its comments and the blank lines above it, to remove: the runtime
 * stage repeats them. Those after `cut` go with the rest of the stage.
 */
function runOnlyRemovals(model: DockerfileModel, stage: Stage, cut: number): Edit[] {
  const src = model.source;
  return stage.instructions.filter((node) => RUN_ONLY.has(node.keyword)).flatMap((node) => {
    const end = node.endLine < src.lineCount ? src.lineStarts[node.endLine] : src.text.length;
    if (end > cut) return [];
    let start = startWithComments(model, node);
    let line = src.positionAt(start).line;
    while (line > 0 && src.lineText(line - 1).trim() === '') start = src.lineStarts[--line];
    return [{ start, end, text: '' }];
  });
}

/** Where the FROM writes the stage's name (`FROM node:20 AS dist`: `dist`), when it ends the line as one plain word. */
function stageNameRange(ctx: TransformContext, stage: Stage): { start: number; end: number } | null {
  const text = ctx.dockerfile.source.text.slice(stage.from.argsStart, stage.from.end);
  const match = /\sAS[ \t]+([A-Za-z0-9][A-Za-z0-9_.-]*)[ \t]*$/i.exec(text);
  if (!match || match[1].toLowerCase() !== stage.name) return null;
  const end = stage.from.argsStart + match.index + match[0].trimEnd().length;
  return { start: end - match[1].length, end };
}

/**
 * A WORKDIR as the runtime stage must write it: a relative one joins the
 * folder it started in, which was the build image's (`/go` for golang), not
 * the runtime image's, so it is written as the absolute folder it named.
 */
function workdirText(ctx: TransformContext, stage: Stage, node: InstructionNode): string {
  const written = ctx.dockerfile.source.text.slice(node.start, node.end);
  if (argsText(ctx.dockerfile, node).startsWith('/')) return written;
  const next = stage.instructions[stage.instructions.indexOf(node) + 1];
  const resolved = next ? ctx.facts.workdirAt(next) : ctx.facts.finalWorkdir(stage);
  return resolved === null ? written : `WORKDIR ${resolved}`;
}

function argNames(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map((word) => word.split('=')[0]);
}

export const multiStage: Transform = {
  id: 'multi-stage',
  level: 'review',
  effects: ['stages', 'base-image', 'run-commands', 'copies', 'order', 'env', 'command'],
  description: 'Split a single-stage image into a build stage and a slim runtime stage that copies only what runs',
  rationale:
    'Compilers, dev dependencies and package caches are needed to build, not to run. A runtime stage on a slim or ' +
    'distroless image with only the build output makes the image smaller and gives an attacker less to work with.',
  reviewCheck:
    'the runtime stage has every file, library and tool the app needs at run time (shared libraries, CA certificates, ' +
    'time zones, a shell for scripts, files written outside the app folder, a user the app switches to): build the ' +
    'image and run it as you deploy it',
  enabledByDefault: true,
  run(ctx) {
    const outcome = plan(ctx);
    if (!outcome) return {};
    if (isRefusal(outcome)) {
      const { id, reason } = outcome.refuse;
      const message = id === 'nothing-to-split' ? `nothing to split into build and runtime stages: ${reason}` : `not split into build and runtime stages: ${reason}`;
      return { notes: [{ line: ctx.dockerfile.stages[0].from.line, id, message }] };
    }
    return { fixes: [outcome.fix] };
  },
};

export default multiStage;
