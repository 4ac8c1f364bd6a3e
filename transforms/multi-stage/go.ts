/** Go: the binary `go build -o` writes, on distroless (static when cgo is certainly off, base with glibc otherwise). */
import path from 'node:path';
import type { RunCommand } from '../../lib/facts/index.js';
import { cgoSetting } from '../../lib/facts/go.js';
import type { BuildContext } from '../../lib/core/context.js';
import type { Edit } from '../../lib/core/types.js';
import type { Linkage } from '../../lib/knowledge/index.js';
import { contextFiles, insertBefore, isRefusal, programPath, refuse, runtimeFor, type Planner } from './plan.js';
import { commandWhere, type RunInfo } from './read-stage.js';

export const planGo: Planner = (stage, ctx) => {
  const builds: { run: RunInfo; command: RunCommand; output: string; cgoOff: boolean }[] = [];
  for (const run of stage.runs) {
    for (const command of run.commands) {
      if (command.program !== 'go' || command.words[1] !== 'build') continue;
      const where = commandWhere(ctx, run, command);
      const args = command.words.slice(1);
      const i = args.findIndex((a) => a === '-o' || (a?.startsWith('-o=') ?? false));
      const raw = i === -1 ? null : args[i]!.startsWith('-o=') ? args[i]!.slice(3) : args[i + 1];
      if (!raw) return refuse('go-output-unnamed', `${where}: \`go build\` without a literal -o: the binary's name is not written`);
      if (!raw.startsWith('/') && run.changesDir) return refuse('go-output-after-cd', `${where}: \`go build -o ${raw}\` after \`cd\`: its path is not known`);
      if (!raw.startsWith('/') && run.workdir === null) return refuse('workdir-unknown', `${where}: \`go build -o ${raw}\` runs in a folder dfmod does not know`);
      const cgoOff = cgoSetting(ctx.facts, run.node, command) === '0';
      builds.push({ run, command, output: path.posix.resolve(run.workdir ?? '/', raw), cgoOff });
    }
  }
  if (!builds.length) return null;
  const outputs = builds.map((b) => b.output);
  const program = programPath(stage, outputs);
  if (!program || !outputs.includes(program)) {
    return refuse('not-build-output', `the container runs \`${stage.argv[0] ?? ''}\`, which is not the build's output (${outputs.join(', ')})`);
  }
  // The files the program opens by name are copied by closure.ts.
  const context = ctx.context;
  const buildEdits: Edit[] = [];
  let linkage: Linkage = builds.every((b) => b.cgoOff) ? 'static' : 'dynamic';
  let why = linkage === 'static' ? 'CGO_ENABLED=0 is set' : '';
  // An assignment in front of `sudo go build` does not reach go: sudo resets the environment.
  const assignable = builds.every((b) => b.cgoOff || !b.command.wrappers.length);
  if (linkage === 'dynamic' && assignable && context && cgoFree(context)) {
    linkage = 'static';
    why = 'no package imports "C", so the build sets CGO_ENABLED=0';
    for (const b of builds) if (!b.cgoOff) buildEdits.push(insertBefore(b.run, b.command.command, 'CGO_ENABLED=0 '));
  }
  if (linkage === 'dynamic') why = context && importsC(context) ? 'a package imports "C", so the binary keeps glibc' : 'cgo may be in use, so the binary keeps glibc';
  const runtime = runtimeFor(stage, linkage);
  if (isRefusal(runtime)) return runtime;
  return {
    runtime: runtime.image,
    payload: [`COPY --from=build ${program} ${program}`],
    buildEdits,
    buildTail: [],
    programs: [program],
    copied: [program],
    summary: `${program} (${why})`,
  };
};

/** Whether a Go module certainly needs no cgo: no dependencies outside the standard library and no `import "C"`. */
function cgoFree(context: BuildContext): boolean {
  const mod = context.read('go.mod');
  if (mod === null || /^\s*require\b/m.test(mod)) return false;
  return !importsC(context);
}

/** Whether a Go file of the context imports "C" (uses cgo). */
function importsC(context: BuildContext): boolean {
  return contextFiles(context, '.go').some((file) => /^\s*import\s+(\(\s*)?"C"/m.test(context.read(file) ?? '') || /^\s*"C"\s*$/m.test(context.read(file) ?? ''));
}
