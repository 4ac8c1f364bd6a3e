/** C and C++: the program gcc or make built, on a slim image of the build's Debian or Ubuntu release. */
import path from 'node:path';
import { isRefusal, programPath, refuse, runtimeFor, type Planner } from './plan.js';
import { commandWhere } from './read-stage.js';

const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++']);

/** Variables and options that move where `make install` or CMake installs: the default prefix is then not known to hold it. */
const PREFIX_WORDS = /^(PREFIX|prefix|DESTDIR|-DCMAKE_INSTALL_PREFIX)=|^--prefix(=|$)/;

export const planNative: Planner = (stage, ctx) => {
  const outputs: string[] = [];
  let makes = false;
  let installs = false;
  let ldconfig = false;
  for (const run of stage.runs) {
    // The folder each command runs in: the RUN's, moved by each literal `cd` of the main shell; null once not known.
    let cwd: string | null = run.workdir;
    for (const command of run.commands) {
      const inSubshell = !command.command.inMainShell;
      if (command.program === 'cd') {
        const to = command.words[1];
        cwd = !inSubshell && cwd !== null && typeof to === 'string' && !to.startsWith('-') ? path.posix.resolve(cwd, to) : null;
        continue;
      }
      const here = inSubshell ? null : cwd;
      if (COMPILERS.has(command.program ?? '')) {
        const i = command.words.findIndex((w) => w === '-o' || (w?.startsWith('-o') ?? false));
        const raw = i === -1 ? null : command.words[i] === '-o' ? command.words[i + 1] : command.words[i]!.slice(2);
        if (raw && (raw.startsWith('/') || here !== null)) outputs.push(path.posix.resolve(here ?? '/', raw));
      }
      if (command.program === 'make' || command.program === 'cmake') {
        if (here === null && !command.words.includes('--install')) return refuse('make-after-cd', `${commandWhere(ctx, run, command)}: make after \`cd\`: where it builds is not known`);
        makes = true;
        const words = command.words.slice(1);
        if (words.some((w) => w === null || PREFIX_WORDS.test(w))) return refuse('install-prefix', `${commandWhere(ctx, run, command)}: \`${command.program}\` sets where it installs`);
        if ((command.program === 'make' && words.includes('install')) || (command.program === 'cmake' && words.includes('--install'))) installs = true;
      }
      if (command.program === 'configure' && command.words.slice(1).some((w) => w === null || PREFIX_WORDS.test(w))) {
        return refuse('install-prefix', `${commandWhere(ctx, run, command)}: \`configure\` sets where make installs`);
      }
      if (command.program === 'ldconfig') ldconfig = true;
    }
  }
  // `make install` and `cmake --install` put the program, its libraries and data under the default prefix /usr/local.
  const argv0 = stage.argv[0] ?? '';
  if (installs && !argv0.includes('/')) outputs.push(path.posix.join('/usr/local/bin', argv0));
  if (!outputs.length && !makes) return null;
  const first = stage.argv[0] ?? '';
  const program = programPath(stage, outputs);
  if (!program || !outputs.includes(program)) {
    // make's outputs are not written down: accept a program that the context does not hold, so the build made it.
    if (!program || !makes) return refuse('not-build-output', `the container runs \`${first}\`, which is not a file the build names`);
    const context = ctx.context;
    if (!context) return refuse('make-needs-context', `the container runs ${program}, and without the build context dfmod cannot tell make builds it`);
    const fromContext = stage.stage.instructions.some((node) => {
      const copy = ctx.facts.copyOperands(node);
      if (!copy?.destResolved) return false;
      const rel = path.posix.relative(copy.destResolved, program);
      return !rel.startsWith('..') && copy.sources.some((src) => context.exists(path.posix.join(src, rel)) || context.exists(src) && path.posix.basename(src) === path.posix.basename(program));
    });
    if (fromContext) return refuse('program-from-context', `the container runs ${program}, which comes from the build context, not the build`);
  }
  const runtime = runtimeFor(stage, 'dynamic');
  if (isRefusal(runtime)) return runtime;
  if (installs && program.startsWith('/usr/local/')) {
    const lastContent = Math.max(...stage.stage.instructions.map((n, i) => (['RUN', 'COPY', 'ADD'].includes(n.keyword) ? i : -1)));
    const user = stage.stage.instructions.slice(0, lastContent).some((n) => n.keyword === 'USER');
    // The runtime's copies go after a USER set before the last build step, and ldconfig needs root.
    if (ldconfig && user) return refuse('ldconfig-user', 'ldconfig would run in the runtime under the USER the stage sets before its build');
    // The Debian images' /usr/local is empty: what is there, make install put there. ld.so finds /usr/local/lib through its cache.
    return {
      runtime: runtime.image,
      payload: ['COPY --from=build /usr/local /usr/local', ...(ldconfig ? ['RUN ldconfig'] : [])],
      buildEdits: [],
      buildTail: [],
      programs: [program],
      copied: ['/usr/local'],
      summary: `/usr/local, where \`make install\` put ${program}${ldconfig ? ' (and ldconfig run again for its libraries)' : ''}`,
      checks: ['that the install put nothing the program needs outside /usr/local'],
    };
  }
  return {
    runtime: runtime.image,
    payload: [`COPY --from=build ${program} ${program}`],
    buildEdits: [],
    buildTail: [],
    programs: [program],
    copied: [program],
    summary: program,
  };
};
