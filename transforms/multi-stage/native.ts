/** C and C++: the program gcc or make built, on a slim image of the build's Debian or Ubuntu release. */
import path from 'node:path';
import { isRefusal, programPath, refuse, runtimeFor, type Planner } from './plan.js';

const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++']);

export const planNative: Planner = (stage, ctx) => {
  const outputs: string[] = [];
  let makes = false;
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (COMPILERS.has(command.program ?? '')) {
        const i = command.words.indexOf('-o');
        const raw = i === -1 ? null : command.words[i + 1];
        if (raw && (raw.startsWith('/') || (!run.changesDir && run.workdir !== null))) outputs.push(path.posix.resolve(run.workdir ?? '/', raw));
      }
      if (command.program === 'make' || command.program === 'cmake') {
        if (run.changesDir) return refuse('make-after-cd', `line ${ctx.originalLine(run.node.line)}: make after \`cd\`: where it builds is not known`);
        makes = true;
      }
    }
  }
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
