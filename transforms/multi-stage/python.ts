/**
 * Python: the dependencies pip installs, in a virtualenv the runtime copies, on
 * the slim image: the stage's own virtualenv when every pip install runs its
 * pip, otherwise one made at /opt/venv before the first install and the
 * copies it reads.
 */
import path from 'node:path';
import { isPipInstall, programName } from '../../lib/facts/index.js';
import type { TransformContext } from '../../lib/core/types.js';
import { startWithComments } from '../../lib/core/edits.js';
import { BUILD_TOOL_PACKAGES, FETCH_TOOL_PACKAGES } from '../../lib/knowledge/index.js';
import { isRefusal, refuse, runtimeFor, type Planner } from './plan.js';
import type { RunInfo, StageReading } from './read-stage.js';

const PYTHON = /^python(3(\.\d+)?)?$/;

/** A package name as pip compares them (PEP 503): case and runs of `-_.` do not matter. */
const normalized = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

export const planPython: Planner = (stage, ctx) => {
  const pipRuns = stage.runs.filter((r) => r.commands.some((c) => isPipInstall(c.words)));
  if (!pipRuns.length) return refuse('no-pip-install', 'no `pip install` in the stage, so the dependencies are not named');
  const venv = stageVenv(stage, ctx);
  const argv0 = stage.argv[0] ?? '';
  // The venv's own python (`/opt/venv/bin/python app.py`) is python too.
  const runner = venv && path.posix.dirname(argv0) === `${venv}/bin` ? programName(argv0) : argv0;
  if (!PYTHON.test(runner)) {
    const requirements = ctx.context?.read('requirements.txt') ?? '';
    const installed = [
      ...requirements.split(/\r?\n/).map((l) => normalized(l.replace(/[\s#;<>=!~[].*$/, ''))),
      ...pipRuns.flatMap((r) => r.commands.filter((c) => isPipInstall(c.words))
        .flatMap((c) => c.words.slice(1).map((a) => normalized((a ?? '').replace(/[<>=!~[].*$/, ''))))),
    ];
    if (!installed.includes(normalized(runner))) {
      return refuse('not-python', `the container runs \`${runner}\`, which is not python or a package the build installs`);
    }
  }
  const appDir = stage.finalWorkdir;
  if (appDir === '/') return refuse('python-no-workdir', 'the stage sets no WORKDIR, so the app folder to copy is not named');
  const runtime = runtimeFor(stage, 'dynamic');
  if (isRefusal(runtime)) return runtime;
  // Already slim: only build tools left behind make a split worth it (an init or a runtime package is installed again).
  const leftBehind = stage.aptPackages.filter((p) => BUILD_TOOL_PACKAGES.has(p) || p.endsWith('-dev'));
  const same = runtime.image === stage.image.ref.raw.replace(/^docker\.io\/(library\/)?/, '');
  if (same && !leftBehind.length) return null;
  const checks = pythonChecks(stage, ctx, same ? null : runtime.image, pipRuns);
  if (venv) {
    // The stage's ENV and the venv's paths in its commands are repeated as written: nothing to add.
    const inApp = venv === appDir || venv.startsWith(`${appDir}/`);
    return {
      runtime: runtime.image,
      payload: [...(inApp ? [] : [`COPY --from=build ${venv} ${venv}`]), `COPY --from=build ${appDir} ${appDir}`],
      buildEdits: [],
      buildTail: [],
      programs: ['python', 'python3', argv0, `${venv}/bin/python`, `${venv}/bin/python3`],
      copied: inApp ? [appDir] : [venv, appDir],
      summary: `the stage's virtualenv ${venv}${inApp ? `, in ${appDir}` : ` and ${appDir}`}`,
      checks,
    };
  }
  // The virtualenv goes above the copies the first install reads (COPY requirements.txt .): it depends on none
  // of them, so a change to the requirements or the source re-runs the install, not the venv's creation.
  const instructions = stage.stage.instructions;
  let first = instructions.indexOf(pipRuns[0].node);
  while (first > 0 && ['COPY', 'ADD'].includes(instructions[first - 1].keyword)) first--;
  const at = startWithComments(ctx.dockerfile, instructions[first]);
  const eol = ctx.dockerfile.source.eol;
  return {
    runtime: runtime.image,
    payload: ['COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', `COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [{ start: at, end: at, text: `RUN python -m venv /opt/venv${eol}ENV PATH=/opt/venv/bin:$PATH${eol}` }],
    buildTail: [],
    programs: ['python', 'python3', runner],
    copied: ['/opt/venv', appDir],
    summary: `the virtualenv /opt/venv (installed in the build stage) and ${appDir}`,
    checks,
  };
};

/**
 * What the reviewer checks of the packages pip installs: that the ones it
 * compiles load no library of the build tools left behind (libgomp1 comes
 * with gcc), and, on another runtime image, that a requirements file dfmod
 * could not read names no package needing a library that image lacks.
 */
function pythonChecks(stage: StageReading, ctx: TransformContext, otherRuntime: string | null, pipRuns: RunInfo[]): string[] {
  const checks: string[] = [];
  const tools = stage.aptPackages.filter((p) => (BUILD_TOOL_PACKAGES.has(p) && !FETCH_TOOL_PACKAGES.has(p)) || p.endsWith('-dev'));
  if (tools.length) checks.push(`that nothing pip compiles loads a library that came with ${tools.join(', ')}, which the runtime leaves behind (as libgomp1 comes with gcc)`);
  const requirementFiles = pipRuns.flatMap((r) => r.commands.filter((c) => isPipInstall(c.words)).flatMap((c) => requirementsOf(c.words)));
  if (otherRuntime && requirementFiles.length && (ctx.context?.read('requirements.txt') ?? null) === null) {
    checks.push(`that the packages of ${requirementFiles.join(', ')} (not in the build context, so not read) need no system library ${otherRuntime} lacks`);
  }
  return checks;
}

/** The requirements files a pip install reads (`-r FILE`, `--requirement=FILE`). */
function requirementsOf(words: readonly (string | null)[]): string[] {
  const files: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '-r' || word === '--requirement') files.push(words[++i] ?? '(a computed name)');
    else if (word?.startsWith('--requirement=')) files.push(word.slice('--requirement='.length));
    else if (word?.startsWith('-r') && word.length > 2 && !word.startsWith('--')) files.push(word.slice(2));
  }
  return files;
}

/** `python -m venv` options that take a value. */
const VENV_VALUE_OPTIONS = new Set(['--prompt']);

/**
 * The virtualenv the stage makes (`python -m venv DIR`, a literal folder) when
 * every pip install after it runs that virtualenv's pip: `DIR/bin/pip`,
 * `DIR/bin/python -m pip`, or a bare pip or python while PATH starts with
 * DIR/bin. Null otherwise (no venv, `--without-pip`, or a pip install outside it).
 */
function stageVenv(stage: StageReading, ctx: TransformContext): string | null {
  let venv: string | null = null;
  let installs = 0;
  for (const run of stage.runs) {
    for (const command of run.commands) {
      const words = command.words;
      if (PYTHON.test(command.program ?? '') && words[1] === '-m' && words[2] === 'venv') {
        const dir = venvFolder(words.slice(3), run);
        // A second venv, or one made after an install: which environment the app uses is not plain.
        if (dir === null || venv !== null || installs) return null;
        venv = dir;
        continue;
      }
      if (!isPipInstall(words)) continue;
      installs++;
      if (venv === null || !runsVenvPip(words[0]!, venv, run, ctx)) return null;
    }
  }
  return installs ? venv : null;
}

function venvFolder(args: readonly (string | null)[], run: RunInfo): string | null {
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === null || arg === '--without-pip') return null;
    if (VENV_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) dirs.push(arg);
  }
  if (dirs.length !== 1) return null;
  const dir = dirs[0];
  if (!dir.startsWith('/') && (run.workdir === null || run.changesDir)) return null;
  return path.posix.resolve(run.workdir ?? '/', dir);
}

function runsVenvPip(program: string, venv: string, run: RunInfo, ctx: TransformContext): boolean {
  if (program.includes('/')) return path.posix.dirname(path.posix.resolve(run.workdir ?? '/', program)) === `${venv}/bin`;
  const first = ctx.facts.pathHeadAt(run.node)[0];
  return first !== undefined && path.posix.normalize(first).replace(/\/$/, '') === `${venv}/bin`;
}
