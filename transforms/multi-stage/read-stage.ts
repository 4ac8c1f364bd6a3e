/**
 * What multi-stage reads of the single stage, all through the stage model
 * (ctx.facts): the RUNs as commands with the folder each runs in, where the
 * container starts, what it runs past its init and entrypoint wrappers, and
 * which inits those wrappers are. Anything it cannot read is a refusal.
 */
import path from 'node:path';
import type { RunCommand } from '../../lib/facts/index.js';
import type { InstructionNode, Stage } from '../../lib/core/dockerfile.js';
import type { TransformContext } from '../../lib/core/types.js';
import { INIT_PATHS, TINI_STATIC, type ImageInfo, type InitName } from '../../lib/knowledge/index.js';
import { refuse, isRefusal, type Ecosystem, type Refused } from './plan.js';

/** A RUN read into commands, with where it ran. */
export interface RunInfo {
  node: InstructionNode;
  /** Its commands as the stage model reads them: program and words past wrappers (`sudo`, `env`). */
  commands: RunCommand[];
  /** The working folder it runs in; null when not known (before the first absolute WORKDIR on an image whose WORKDIR is not known). */
  workdir: string | null;
  /** The RUN changes directory before some command, so relative paths after it are unknown. */
  changesDir: boolean;
  offsets: number[];
}

/** The single stage as multi-stage reads it; the file, its build context and line mapping come with the TransformContext. */
export interface StageReading {
  stage: Stage;
  /** The build image, as the knowledge base describes it. */
  image: ImageInfo;
  ecosystem: Ecosystem;
  runs: RunInfo[];
  /** The working folder at the end of the stage: where the container starts. */
  finalWorkdir: string;
  /** What the container runs: ENTRYPOINT + CMD, without the init and entrypoint wrappers in front. */
  argv: string[];
  /** Init packages the ENTRYPOINT runs (tini, dumb-init). */
  inits: InitName[];
  /** Debian packages the build installs with apt-get (see build-steps.ts). */
  aptPackages: string[];
  /** Inits of `inits` an `apk add` of the stage installs and nothing else (init-entrypoint's own install on Alpine). */
  apkInits: InitName[];
  /** The RUNs' global npm installs (`npm install -g serve`), with where each is: only a runtime that needs no node tool goes without them. */
  npmGlobals: { packages: string[]; where: string; text: string; node: InstructionNode }[];
}

const INITS = Object.keys(INIT_PATHS) as InitName[];

/** Inits in front of the program: not the program itself. */
const INIT_WRAPPERS = [...INITS, path.posix.basename(TINI_STATIC)];

/** Reads the stage, up to (not including) the check of its build steps. */
export function readStage(ctx: TransformContext, stage: Stage, image: ImageInfo, ecosystem: Ecosystem): Omit<StageReading, 'aptPackages' | 'apkInits' | 'npmGlobals'> | Refused {
  const model = ctx.dockerfile;
  const facts = ctx.facts;
  const where = (node: InstructionNode) => `line ${ctx.originalLine(node.line)}`;
  for (const node of stage.instructions) {
    // A build argument may move the folder, and the runtime stage copies from where the default puts it.
    if (node.keyword === 'WORKDIR' && model.rawArguments(node).includes('$')) return refuse('workdir-variable', `${where(node)}: WORKDIR uses a variable`);
  }
  const final = facts.finalWorkdir(stage);
  if (final === null) return refuse('workdir-unknown', `the folder the container starts in is not known: the stage sets no absolute WORKDIR, and dfmod does not know ${image.ref.raw}'s`);
  for (const node of stage.instructions) {
    if (node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
    const copy = facts.copyOperands(node);
    if (!copy) return refuse('copy-unread', `${where(node)}: ${node.keyword} is not read (a heredoc, or no destination)`);
    const dest = copy.destResolved;
    if (dest === null) return refuse('workdir-unknown', `${where(node)}: where ${node.keyword} puts files is not known`);
    // Files copied outside the app folder are copied again by closure.ts; an app folder of / would copy the whole image.
    if (final === '/' && (ecosystem === 'node' || ecosystem === 'python')) {
      return refuse('copy-outside-app', `${where(node)}: ${node.keyword} puts files in ${dest}, and the stage sets no app folder (WORKDIR) to copy`);
    }
  }
  const runs = readRuns(ctx, stage);
  if (isRefusal(runs)) return runs;
  const command = containerArgv(ctx, stage);
  if (isRefusal(command)) return command;
  // The base image's ENTRYPOINT script (node's docker-entrypoint.sh) wraps the program too; the runtime image keeps it.
  const entrypoint = image.defaults?.entrypoint ?? [];
  const { argv, wrappers } = unwrap(command, new Set([...INIT_WRAPPERS, ...entrypoint.map((e) => path.posix.basename(e))]));
  const inits = INITS.filter((init) => wrappers.some((w) => path.posix.basename(w) === init));
  return { stage, image, ecosystem, runs, finalWorkdir: final, argv, inits };
}

/** Where a command of a RUN stands in the file as read: `line N`, its own line on disk (in a RUN merged from several too). */
export function commandWhere(ctx: TransformContext, run: RunInfo, command: RunCommand): string {
  return `line ${ctx.originalLineAt(run.offsets[command.command.node.startIndex])}`;
}

function readRuns(ctx: TransformContext, stage: Stage): RunInfo[] | Refused {
  const runs: RunInfo[] = [];
  for (const node of stage.instructions) {
    if (node.keyword !== 'RUN') continue;
    const where = `line ${ctx.originalLine(node.line)}`;
    const read = ctx.facts.readRun(node);
    if (read.kind === 'refused') return refuse(`run-${read.refusal.id}`, `${where}: RUN is not read: ${read.refusal.reason}`);
    const commands = ctx.facts.commandsOf(read);
    let changesDir = false;
    let cdSeen = false;
    for (const command of commands) {
      if (cdSeen) changesDir = true;
      if (command.program === 'cd') cdSeen = true;
    }
    runs.push({ node, commands, workdir: ctx.facts.workdirAt(node), changesDir, offsets: read.script.offsets });
  }
  return runs;
}

/** The argv Docker runs for ENTRYPOINT and CMD as the stage writes them. */
function containerArgv(ctx: TransformContext, stage: Stage): string[] | Refused {
  // The base image's own ENTRYPOINT is left out: the runtime image of the same family keeps it.
  const { entrypointNode: entry, cmdNode: cmd } = ctx.facts.command(stage);
  if (!entry && !cmd) return refuse('no-command', 'the stage has no CMD or ENTRYPOINT, so what runs is not named');
  if (entry) {
    const e = directArgv(ctx, entry);
    if (isRefusal(e) || entry.form === 'shell' || !cmd) return e;
    if (cmd.form === 'shell') return refuse('shell-cmd-after-exec-entrypoint', 'a shell-form CMD after a JSON ENTRYPOINT is not read');
    const c = directArgv(ctx, cmd);
    return isRefusal(c) ? c : [...e, ...c];
  }
  return directArgv(ctx, cmd!);
}

function directArgv(ctx: TransformContext, node: InstructionNode): string[] | Refused {
  const argv = ctx.facts.argvOf(node);
  if (argv?.direct) return argv.direct;
  const script = ctx.dockerfile.shellScript(node)?.text.trim() ?? '';
  return refuse('command-unread', `cannot tell what \`${script}\` runs${argv?.needsShell ? `: ${argv.needsShell.reason}` : ''}`);
}

/** argv without the init and entrypoint wrappers in front of the program. */
function unwrap(argv: string[], known: ReadonlySet<string>): { argv: string[]; wrappers: string[] } {
  const wrappers: string[] = [];
  let rest = argv;
  while (rest.length && known.has(path.posix.basename(rest[0]))) {
    wrappers.push(rest[0]);
    rest = rest.slice(1);
    const end = rest.indexOf('--');
    if (end !== -1 && rest.slice(0, end).every((a) => a.startsWith('-'))) rest = rest.slice(end + 1);
    else while (rest.length && rest[0].startsWith('-')) rest = rest.slice(1);
  }
  return { argv: rest, wrappers };
}
