/** Python: the dependencies pip installs, moved into a virtualenv the runtime copies, on the slim image. */
import { isPipInstall } from '../../lib/facts/index.js';
import { startWithComments } from '../../lib/core/edits.js';
import { BUILD_TOOL_PACKAGES } from '../../lib/knowledge/index.js';
import { isRefusal, refuse, runtimeFor, type Planner } from './plan.js';

const PYTHON = /^python(3(\.\d+)?)?$/;

/** A package name as pip compares them (PEP 503): case and runs of `-_.` do not matter. */
const normalized = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

export const planPython: Planner = (stage, ctx) => {
  const pipRuns = stage.runs.filter((r) => r.commands.some((c) => isPipInstall(c.words)));
  if (!pipRuns.length) return refuse('no-pip-install', 'no `pip install` in the stage, so the dependencies are not named');
  const runner = stage.argv[0] ?? '';
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
  if (runtime.image === stage.image.ref.raw.replace(/^docker\.io\/(library\/)?/, '') && !leftBehind.length) return null;
  const at = startWithComments(ctx.dockerfile, pipRuns[0].node);
  const eol = ctx.dockerfile.source.eol;
  return {
    runtime: runtime.image,
    payload: ['COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', `COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [{ start: at, end: at, text: `RUN python -m venv /opt/venv${eol}ENV PATH=/opt/venv/bin:$PATH${eol}` }],
    buildTail: [],
    programs: ['python', 'python3', runner],
    copied: ['/opt/venv', appDir],
    summary: `the virtualenv /opt/venv (installed in the build stage) and ${appDir}`,
  };
};
