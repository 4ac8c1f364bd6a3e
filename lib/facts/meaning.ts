/**
 * The image meaning of a Dockerfile: what the build makes of it, as far as
 * the file says, in a form two versions of a file can be compared by. The
 * engine's semantic guard compares it before and after each fix, so that a
 * fix changes only what its transform declares (see lib/core/guard.ts).
 *
 * It holds the build graph (stages, what each builds on and copies from,
 * the deployed stage), each stage's image config at its end (ENV, ARG
 * defaults, USER, WORKDIR, SHELL, EXPOSE, VOLUME, LABEL, STOPSIGNAL,
 * HEALTHCHECK, and the command Docker resolves), and the build steps in
 * order: each RUN with the commands it runs and the state they run in, each
 * COPY/ADD with what it copies where.
 */
import type { DockerfileModel, InstructionNode, Stage } from '../core/dockerfile.js';
import type { ContainerCommand, FileFacts } from './index.js';
import { readsPositionalParameters } from './argv.js';
import { packageListOf, type PackageList } from './commands.js';

export interface ImageMeaning {
  stages: StageMeaning[];
  /** Index of the stage a plain build produces (the last one); null with no stage. */
  deployed: number | null;
}

export interface StageMeaning {
  index: number;
  /** The FROM line, for messages. */
  line: number;
  name: string | null;
  /** The image as written, global ARGs substituted when they have literal defaults. */
  base: string;
  platform: string | null;
  /** Index of the stage this one builds FROM, or null. */
  parent: number | null;
  /** Indexes of the stages it copies from or mounts from (`COPY --from`, `RUN --mount=from=`), sorted. */
  uses: number[];
  config: StageConfig;
  /** RUN, COPY and ADD in order. */
  steps: Step[];
}

/** Each value is a canonical string (null: not set in the file), so configs compare with `===`. */
export interface StageConfig {
  env: Record<string, string | null>;
  arg: Record<string, string | null>;
  user: string | null;
  workdir: string | null;
  shell: string | null;
  expose: string[];
  volume: string[];
  label: Record<string, string>;
  stopsignal: string | null;
  healthcheck: string | null;
  onbuild: string[];
  command: CommandMeaning;
}

/**
 * What a container of the stage runs. `entrypoint` and `cmd` are what Docker
 * stores (JSON arrays as text, or undefined when not known). `process` is
 * the argv the container's first process gets with no run arguments: a
 * shell-form script that needs no shell counts as its words, since the shell
 * execs them; `takesArguments` says whether `docker run IMAGE args` reaches
 * that process (a shell-form ENTRYPOINT drops them).
 */
export interface CommandMeaning {
  entrypoint: string | undefined;
  cmd: string | undefined;
  /** ENTRYPOINT followed by CMD, as Docker stores them: the argv it starts; undefined when not known. */
  stored: string[] | undefined;
  process: string[] | undefined;
  takesArguments: boolean | undefined;
  /**
   * The argv each instruction that set the command runs on its own (a
   * shell-form script that needs no shell as its words), with its form:
   * what is compared when the base image's command is not known.
   */
  written: { entrypoint: string | null; cmd: string | null };
}

export type Step = RunStep | CopyStep;

export interface RunStep {
  kind: 'RUN';
  line: number;
  /** The simple commands the RUN runs, in order, as normalised text; the whole script when it is not read. */
  commands: string[];
  /** The state the commands run in: flags, USER, WORKDIR, SHELL, ENV and ARGs, as one comparable string. */
  context: string;
  /**
   * For each command, when it installs system packages named literally, last
   * on its line: the words before the packages and the packages (see
   * commands.ts packageListOf). The guard reads installs in a row with the
   * same words as one.
   */
  installs: (PackageList | null)[];
}

export interface CopyStep {
  kind: 'COPY' | 'ADD';
  line: number;
  /** Flags, sources and resolved destination, as one comparable string. */
  what: string;
  context: string;
}

/** The image meaning of the file `facts` describes. */
export function imageMeaning(facts: FileFacts): ImageMeaning {
  const model = facts.model;
  const stages = model.stages.map((stage) => stageMeaning(facts, model, stage));
  return { stages, deployed: model.finalStage ? model.finalStage.index : null };
}

function stageMeaning(facts: FileFacts, model: DockerfileModel, stage: Stage): StageMeaning {
  const parent = facts.parentOf(stage);
  const uses = [...new Set([...facts.copiedFrom(stage), ...mountedStages(facts, stage)].map((s) => s.index))].sort((a, b) => a - b);
  const steps: Step[] = [];
  for (const node of stage.instructions) {
    if (node.keyword === 'RUN') steps.push(runStep(facts, model, node));
    else if (node.keyword === 'COPY' || node.keyword === 'ADD') steps.push(copyStep(facts, model, node));
  }
  return {
    index: stage.index,
    line: stage.from.line,
    name: stage.name,
    base: facts.baseImage(stage) ?? stage.image,
    platform: stage.platform,
    parent: parent ? parent.index : null,
    uses,
    config: stageConfig(facts, model, stage),
    steps,
  };
}

/** Stages a RUN mounts from: they are used by the stage even though nothing is copied. */
function mountedStages(facts: FileFacts, stage: Stage): Stage[] {
  return facts.mountedFrom(stage);
}

function stageConfig(facts: FileFacts, model: DockerfileModel, stage: Stage): StageConfig {
  const end = facts.stageEnd(stage);
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.unshift(s);
  const expose = new Set<string>();
  const volume = new Set<string>();
  const label: Record<string, string> = {};
  const onbuild: string[] = [];
  let stopsignal: string | null = null;
  let healthcheck: string | null = null;
  for (const s of chain) {
    for (const node of s.instructions) {
      const text = argsText(model, node);
      switch (node.keyword) {
        case 'EXPOSE': for (const port of words(text)) expose.add(normalPort(facts.expand(node, port) ?? port)); break;
        case 'VOLUME': for (const v of volumeList(text)) volume.add(facts.expand(node, v) ?? v); break;
        case 'LABEL': Object.assign(label, labels(node)); break;
        case 'STOPSIGNAL': stopsignal = text; break;
        case 'HEALTHCHECK': healthcheck = [...node.flags.map((f) => f.text).sort(), normalSpace(text)].join(' '); break;
        case 'ONBUILD': onbuild.push(normalSpace(text)); break;
      }
    }
  }
  return {
    env: record(end.env),
    arg: record(end.args),
    user: end.user,
    workdir: end.workdir,
    shell: end.shell ? JSON.stringify(end.shell) : null,
    expose: [...expose].sort(),
    volume: [...volume].sort(),
    label,
    stopsignal,
    healthcheck,
    onbuild,
    command: commandMeaning(facts, stage),
  };
}

function commandMeaning(facts: FileFacts, stage: Stage): CommandMeaning {
  const command = facts.command(stage);
  const show = (argv: string[] | null | undefined): string | undefined => (argv === undefined ? undefined : JSON.stringify(argv));
  let process: string[] | undefined;
  let stored: string[] | undefined;
  let takesArguments: boolean | undefined;
  if (command.entrypoint !== undefined && command.cmd !== undefined) stored = [...(command.entrypoint ?? []), ...(command.cmd ?? [])];
  if (command.entrypoint === undefined) {
    process = undefined;
  } else if (command.entrypoint !== null && command.entrypoint.length > 0) {
    // Docker appends CMD to a shell-form ENTRYPOINT too, as the script's
    // $0, $1…: a script that reads none of them ignores CMD and `docker run`
    // arguments, and runs as its words when it needs no shell.
    const node = command.entrypointNode;
    const ignoresArguments = node?.form === 'shell' && !readsArguments(facts, node);
    takesArguments = !ignoresArguments;
    if (ignoresArguments) process = directArgv(facts, node!) ?? command.entrypoint;
    else process = command.cmd === undefined ? undefined : [...command.entrypoint, ...passedCommand(facts, command)];
  } else if (command.cmd !== undefined) {
    takesArguments = true;
    process = command.cmd === null ? [] : command.cmdNode?.form === 'shell' ? directArgv(facts, command.cmdNode) ?? command.cmd : command.cmd;
  }
  const written = (node: InstructionNode | null): string | null => {
    if (!node) return null;
    const argv = facts.argvOf(node);
    return JSON.stringify([node.form === 'shell' ? 'shell' : 'exec', argv ? argv.direct ?? argv.stored : null]);
  };
  return {
    entrypoint: show(command.entrypoint),
    cmd: show(command.cmd),
    stored,
    process,
    takesArguments,
    written: { entrypoint: written(command.entrypointNode), cmd: written(command.cmdNode) },
  };
}

/**
 * The arguments an exec-form entrypoint gets from CMD. Under an image's
 * entrypoint script that execs its arguments, a shell-form CMD whose script
 * needs no shell runs as its words would (the script execs the shell, which
 * execs them), unless the script acts on either first word or takes it as
 * arguments of its own program (a flag, a path it may not find as a command).
 */
function passedCommand(facts: FileFacts, command: ContainerCommand): string[] {
  const cmd = command.cmd ?? [];
  const node = command.cmdNode;
  const actsOn = command.entrypointActsOn;
  if (!node || node.form !== 'shell' || actsOn === null) return cmd;
  const direct = directArgv(facts, node);
  if (!direct || direct.length === 0) return cmd;
  const first = direct[0];
  const plainCommand = !first.startsWith('-') && (!first.includes('/') || first.startsWith('/'));
  const passes = (word: string) => !actsOn.includes(word) && !actsOn.includes(word.split('/').pop()!);
  return plainCommand && passes(first) && passes(cmd[0] ?? '') ? direct : cmd;
}

/** Whether a shell-form instruction's script reads its positional parameters; true when it cannot be read. */
function readsArguments(facts: FileFacts, node: InstructionNode): boolean {
  const read = facts.readRun(node);
  return read.kind !== 'script' || readsPositionalParameters(read.root);
}

/** A shell-form script's words when it needs no shell: the shell would exec exactly them. */
function directArgv(facts: FileFacts, node: InstructionNode): string[] | null {
  return facts.argvOf(node)?.direct ?? null;
}

function runStep(facts: FileFacts, model: DockerfileModel, node: InstructionNode): RunStep {
  const read = facts.readRun(node);
  const run = read.kind === 'script' ? facts.commandsOf(read) : null;
  const commands = run ? run.map((c) => normalSpace(c.command.node.text)) : [normalSpace(argsText(model, node))];
  const installs = run ? run.map((c) => { const list = packageListOf(c); return list && { prefix: list.prefix, packages: list.packages }; }) : [null];
  return { kind: 'RUN', line: node.line, commands, context: contextOf(facts, node, true), installs };
}

function copyStep(facts: FileFacts, model: DockerfileModel, node: InstructionNode): CopyStep {
  const operands = facts.copyOperands(node);
  const what = operands
    ? JSON.stringify([node.flags.map((f) => f.text).sort(), operands.sources, operands.destResolved ?? operands.dest])
    : normalSpace(argsText(model, node));
  return { kind: node.keyword as 'COPY' | 'ADD', line: node.line, what, context: contextOf(facts, node, false) };
}

/** The state a step runs in, canonical. RUN sees ENV, ARGs and SHELL; COPY only the user (ownership) and flags. */
function contextOf(facts: FileFacts, node: InstructionNode, run: boolean): string {
  if (!run) return JSON.stringify({ user: facts.userAt(node) });
  return JSON.stringify({
    flags: node.flags.map((f) => f.text).sort(),
    user: facts.userAt(node),
    workdir: facts.workdirAt(node),
    shell: facts.shellAt(node),
    env: record(facts.envAt(node)),
    args: record(facts.argsAt(node)),
  });
}

function argsText(model: DockerfileModel, node: InstructionNode): string {
  return model.logicalText(node.argsStart, node.end).text.trim();
}

function normalSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** `8080` and `8080/tcp` are the same port. */
function normalPort(port: string): string {
  return /\/tcp$/i.test(port) ? port.slice(0, -4) : port.toLowerCase();
}

function volumeList(text: string): string[] {
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) return list.map(String);
    } catch { /* not JSON: words, as BuildKit reads it */ }
  }
  return words(text);
}

function labels(node: InstructionNode): Record<string, string> {
  const result: Record<string, string> = {};
  const properties = (node.ast as unknown as { getProperties?(): { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
  for (const property of properties) result[property.getName()] = property.getValue() ?? '';
  return result;
}

function record(map: ReadonlyMap<string, string | null>): Record<string, string | null> {
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

