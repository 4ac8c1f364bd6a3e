/**
 * multi-arch (opt-in): `docker buildx build --platform linux/amd64,linux/arm64`
 * runs every stage once per target platform, under QEMU emulation for the
 * foreign one: a Go or Java build takes many times longer. A build stage whose
 * output does not depend on the platform it runs on can run natively on the
 * build machine (`FROM --platform=$BUILDPLATFORM`): Go cross-compiles to
 * TARGETOS/TARGETARCH when cgo is off; jars and classes are the same bytes on
 * every platform. The runtime stage still uses the target platform's image.
 */
import type { InstructionNode, Stage } from '../lib/core/dockerfile.js';
import type { SimpleCommand } from '../lib/core/shell.js';
import type { RunCommand } from '../lib/facts/index.js';
import { cgoSetting } from '../lib/facts/go.js';
import { crossBuild, languageOf, type Language } from '../lib/knowledge/index.js';
import type { Edit, Fix, NoteInput, Transform, TransformContext } from '../lib/core/types.js';

interface GoBuild {
  run: InstructionNode;
  command: RunCommand;
  offsets: number[];
}

function goBuilds(ctx: TransformContext, stage: Stage): GoBuild[] | string {
  const found: GoBuild[] = [];
  for (const node of stage.instructions) {
    if (node.keyword !== 'RUN') continue;
    const read = ctx.facts.readRun(node);
    if (read.kind === 'refused') return `line ${ctx.originalLine(node.line)}: RUN is not read: ${read.refusal.reason}`;
    for (const command of ctx.facts.commandsOf(read)) {
      if (command.program === 'go' && command.words[1] === 'build') found.push({ run: node, command, offsets: read.script.offsets });
    }
  }
  return found;
}

function assignments(command: SimpleCommand): string[] {
  return command.node.namedChildren.filter((c) => c?.type === 'variable_assignment').map((c) => c!.text);
}

export const multiArch: Transform = {
  id: 'multi-arch',
  level: 'review',
  effects: ['platform', 'arg', 'run-commands'],
  description: 'Run platform-independent build stages on the build platform and cross-compile Go for TARGETOS/TARGETARCH',
  rationale:
    'With `docker buildx build --platform linux/amd64,linux/arm64`, a build stage on the target platform runs under ' +
    'emulation, often ten times slower. Go cross-compiles natively and jars are platform-independent, so their build ' +
    'stages can run on $BUILDPLATFORM while the runtime stage stays on the target platform.',
  reviewCheck:
    'the build stages compile for the target platform and not for the build machine (nothing they run on the build ' +
    'platform ends up in the runtime stage): build with `docker buildx build --platform` for every platform you ship ' +
    'and run each image',
  enabledByDefault: false,
  run(ctx) {
    const model = ctx.dockerfile;
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    const eol = model.source.eol;
    const facts = ctx.facts;
    // Stages whose files a later stage copies: their output is what matters, not the platform they ran on.
    const copied = (stage: Stage) => facts.usedBy(stage).some((user) => facts.copiedFrom(user).includes(stage));
    for (const stage of model.stages) {
      if (stage === model.finalStage || !copied(stage) || stage.platform !== null || facts.parentOf(stage)) continue;
      // By repository whatever the registry: a private registry's copy of `golang` builds Go.
      const cross = crossBuild(languageOf(stage.image) as Language | null);
      if (!cross) continue;
      const line = stage.from.line;
      if (cross.kind === 'platform-bound') {
        notes.push({ line, id: 'platform-bound-build', message: `build stage left on the target platform: ${cross.why}` });
        continue;
      }
      const platform: Edit = { start: stage.from.start + 4, end: stage.from.start + 4, text: ' --platform=$BUILDPLATFORM' };
      if (cross.kind === 'portable') {
        fixes.push({ line, message: 'Java build stage runs on the build platform: jars and classes are platform-independent', edits: [platform] });
        continue;
      }
      const builds = goBuilds(ctx, stage);
      if (typeof builds === 'string') {
        notes.push({ line, id: 'run-not-read', message: `Go build stage left on the target platform: ${builds}` });
        continue;
      }
      if (!builds.length) continue;
      const cgo = builds.find((b) => cgoSetting(facts, b.run, b.command) !== '0');
      if (cgo) {
        notes.push({ line, id: 'cgo-may-be-in-use', message: 'Go build stage left on the target platform: cgo may be in use (CGO_ENABLED=0 is not set), and cross-compiling C needs a cross toolchain' });
        continue;
      }
      const edits: Edit[] = [platform];
      for (const { command: { command }, offsets } of builds) {
        if (assignments(command).some((a) => /^GO(OS|ARCH)=/.test(a))) continue;
        const at = offsets[(command.node.childForFieldName('name') ?? command.node).startIndex];
        edits.push({ start: at, end: at, text: 'GOOS=$TARGETOS GOARCH=$TARGETARCH ' });
      }
      const declared = (name: string) => stage.instructions.some((i) => i.keyword === 'ARG' &&
        new RegExp(`^${name}(=|\\s|$)`).test(model.logicalText(i.argsStart, i.end).text.trim()));
      const args = ['TARGETOS', 'TARGETARCH'].filter((name) => !declared(name)).map((name) => `ARG ${name}${eol}`).join('');
      if (args) {
        const fromLine = stage.from.endLine - 1;
        const at = model.source.lineEndWithBreak(fromLine);
        const atEnd = at === model.source.text.length && !/[\r\n]$/.test(model.source.text);
        edits.push({ start: at, end: at, text: atEnd ? eol + args.slice(0, -eol.length) : args });
      }
      fixes.push({ line, message: 'Go build stage runs on the build platform and cross-compiles for TARGETOS/TARGETARCH', edits });
    }
    return { fixes, notes };
  },
};

export default multiArch;
