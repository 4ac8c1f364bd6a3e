/**
 * The stage model: what a Dockerfile means, answered once from the parsed
 * file, so that transforms ask instead of re-deriving it. Per instruction:
 * the working directory, user, shell, ENV and ARGs in effect; the operands of
 * a COPY; the parsed script of a RUN or why it is not read; the argv of a
 * CMD/ENTRYPOINT/RUN. Per stage: what it builds on, its base image, whether
 * it is Windows, what its container runs, which stages it copies from and
 * which use it. For the file: the build target and the role of each stage.
 *
 * Answers are computed when first asked and kept: fileFacts() returns the
 * same FileFacts for the same model, shell parser and image-defaults lookup.
 *
 * Unknown is a value here, not a guess: null (or undefined where null already
 * means "none") whenever the answer depends on something the file does not
 * say, such as the base image's WORKDIR or environment, or a build argument
 * without a default.
 */
import path from 'node:path';
import { afterInitWrapper, DEFAULT_PATH, isNeutralPosixShell, POSIX_SHELLS } from '../knowledge/index.js';
import type { DockerfileModel, Flag, InstructionNode, Stage } from '../core/dockerfile.js';
import type { Node, ShellParser } from '../core/shell.js';
import type { BuildContext } from '../core/context.js';
import { scriptArgv, type ShellNeed } from './argv.js';
import { commandsOf, type RunCommand } from './commands.js';
import { mountFields, readRunScript, type RunRead } from './run.js';
import { initHelps, roleOf, serviceEvidence, type StageRole } from './roles.js';
import { buildContextFor, pid1Sufficient, type Pid1Sufficient } from './signals.js';
import {
  argDeclaration, baseImageOf, globalArgDefaults, isWindowsStage, propertyValueText, type PropertyLike,
} from './stages.js';
import { expandWord, type VariableLookup } from './words.js';
import { scriptRunBy, type ScriptRun } from './scripts.js';
import { aptListsRemoval, downloadsAptLists } from './apt-lists.js';

export { expandWord, type VariableLookup } from './words.js';
export { mountFields, mountCovers, type Mount, type RunRead, type RunRefusal, type RunRefusalId, type RunScript } from './run.js';
export { scriptArgv, type ShellNeed } from './argv.js';
export { signalPath, scriptInit, contextSourceAt, appArgv, pid1Sufficient, shellExecs, type SignalPath, type Pid1Sufficient } from './signals.js';
export {
  programName, pipCommand, isPipProgram, isPipInstall, isPackageInstall, packageListOf,
  managerCommand, subcommandAt, writtenPaths, installedCommands, isLanguageInstall, isBuild, isDependencyFetch, downloadOf, redirectedDownload, pipedInto,
  type ManagerCommand, type PackageInstall, type RunCommand, type Download,
} from './commands.js';
export { repositoryPath, repositoryRoot, type RepositoryPath } from './repository.js';
export { makeRecipes, quoteCommand, resolvedPath, workingDirectories, type ScriptRun, type WorkingDirectories } from './scripts.js';
export { imageMeaning, type ImageMeaning, type StageMeaning, type StageConfig, type CommandMeaning, type Step } from './meaning.js';
export { DEV_STAGE_NAMES, OS_IMAGES, REPLS, ROLE_NOTE_IDS, TOOLBOX_FILE_NAMES, TOOL_PROGRAMS, roleReasonOnDisk, serviceEvidence, targetPlatformRun, type StageRole, type RoleName } from './roles.js';
export { fileReads, programRuns, recursiveModeChange, runMakes, redirectTargets, sourceFiles, type FileRead, type ProgramRun, type RunMakes, type SourceLanguage } from './app-files.js';
export { tscOutput, type TscOutput } from './typescript.js';
export { APT_LISTS, aptListsRemoval, downloadsAptLists, findDeletes, isListsPath, runsAptItself } from './apt-lists.js';

/**
 * What an image runs and as whom when a Dockerfile does not say: the image
 * config of a base image. `entrypoint`/`cmd` null for none; `cmd` undefined
 * when it is not known (it depends on the tag); `user` null for root.
 * `workdir`, when given, is the image's WORKDIR.
 */
export interface ImageDefaults {
  entrypoint: string[] | null;
  cmd: string[] | null | undefined;
  user: string | null;
  workdir?: string | null;
  /** The first arguments the image's entrypoint script acts on before it execs its arguments; absent when not known (see the knowledge base). */
  entrypointActsOn?: string[];
  /** Commands the image has on its PATH, which its entrypoint runs as given (see the knowledge base). */
  entrypointCommands?: string[];
  /** The entrypoint gives its program only a first argument starting with `-` (see the knowledge base). */
  entrypointOptionsOnly?: boolean;
  /** The image's STOPSIGNAL, where the knowledge base records one; absent: SIGTERM, or not known. */
  stopSignal?: string;
}

/**
 * What the ENTRYPOINT of a stage does with its CMD (and `docker run`'s
 * arguments), as far as the file and the knowledge base say:
 * - `none`: there is no ENTRYPOINT; the CMD is what runs.
 * - `ignored`: a shell-form ENTRYPOINT, which never sees the CMD.
 * - `runs`: an init (tini, dumb-init) and/or the base image's own script,
 *   whose handling of arguments the knowledge base describes (`script`
 *   null: only the init, which runs its arguments as they are).
 * - `unknown-image`: the file sets none and the base image's is not known
 *   (taken, as elsewhere, to run the CMD).
 * - `unknown`: an ENTRYPOINT of the file, or an image's, whose script dfmod
 *   has not read; it may look at its arguments.
 */
export type CmdReceiver =
  | { kind: 'none' }
  | { kind: 'ignored'; node: InstructionNode }
  | { kind: 'runs'; node: InstructionNode | null; init: string | null; script: { argv: string[]; image: string; actsOn: string[]; commands: string[]; optionsOnly: boolean } | null }
  | { kind: 'unknown-image' }
  | { kind: 'unknown'; node: InstructionNode | null; entrypoint: string[] | null };

/** Where a file of the image comes from: a context file copied by `copy` (a COPY or ADD). */
export interface ContextFile {
  file: string;
  copy: CopyOperands;
}

/** The PATH of Debian, Alpine and the official images when the file sets none. */
const GLOB = /[*?[]/;

export interface FactsOptions {
  /** The base image's config, or null when it is not known. Defaults to knowing nothing. */
  imageDefaults?: (image: string) => ImageDefaults | null;
}

export interface CopyOperands {
  node: InstructionNode;
  /** Sources as written. */
  sources: string[];
  /** Destination as written. */
  dest: string;
  /** The destination as an absolute path (variables expanded, against the WORKDIR); null when unknown. */
  destResolved: string | null;
  /** The destination is a folder: it ends in `/`, or there are several sources. */
  destIsDirectory: boolean;
  /** `--from` as written, null without one. */
  from: string | null;
  /** The stage `--from` names (by name or index); null for an image, or without --from. */
  fromStage: Stage | null;
  chown: string | null;
  chmod: string | null;
  link: boolean;
  /** A source is the whole build context: `.` or `./`, without --from. */
  isWholeContext: boolean;
  /** JSON (`["a", "b"]`) or whitespace-separated. */
  json: boolean;
  flags: Flag[];
}

export interface Argv {
  /** What Docker stores: the exec-form array, or `[...shell, script]` for shell form. */
  stored: string[];
  /** The argv when no shell is needed: exec form's array, or a shell-form script's words; null otherwise. */
  direct: string[] | null;
  /** Why a shell-form script needs its shell (`it uses a pipe`, with an id); null when `direct` is set. */
  needsShell: ShellNeed | null;
}

/** What a container of a stage runs, as Docker resolves it. */
export interface ContainerCommand {
  /** null: none; undefined: not known (the base image's is unknown, or an instruction is unreadable). */
  entrypoint: string[] | null | undefined;
  cmd: string[] | null | undefined;
  /** The instruction that set each, null when inherited from the base image (or never set). */
  entrypointNode: InstructionNode | null;
  cmdNode: InstructionNode | null;
  /** USER at the end of the stage; null for root/the image's default. */
  user: string | null;
  /** Both entrypoint and cmd are known. */
  known: boolean;
  /**
   * When the entrypoint in effect is the base image's script and the
   * knowledge base knows it: the first arguments it acts on before it
   * execs its arguments. Null otherwise.
   */
  entrypointActsOn: string[] | null;
}

/** The state in effect when an instruction runs. */
export interface Scope {
  env: ReadonlyMap<string, string | null>;
  args: ReadonlyMap<string, string | null>;
  workdir: string | null;
  user: string | null;
  shell: string[] | null;
}

interface StageScan {
  before: Map<InstructionNode, Scope>;
  end: Scope;
}

const EMPTY: ReadonlyMap<string, string | null> = new Map();
/** Builtins after which a script's relative paths start elsewhere. */
const DIRECTORY_CHANGERS = new Set(['cd', 'pushd', 'popd']);
/** Programs that add users to groups, and the groups whose members sudo lets run anything (Debian's sudo, RHEL's wheel, Ubuntu's old admin). */
const USER_GROUP_EDITORS = new Set(['usermod', 'useradd', 'adduser', 'gpasswd', 'addgroup']);
const ADMIN_GROUPS = new Set(['sudo', 'wheel', 'admin']);
/** Shell nodes whose body may run again after a command written below it. */
const REPEATING = new Set(['for_statement', 'c_style_for_statement', 'while_statement', 'function_definition']);
const DEFAULT_SHELL = ['/bin/sh', '-c'];
const WINDOWS_SHELL = ['cmd', '/S', '/C'];
/** scratch is the empty image: no command, no environment, `/` as working directory. */
const SCRATCH: ImageDefaults = { entrypoint: null, cmd: null, user: null, workdir: '/' };
const unknownImage = (): ImageDefaults | null => null;

export class FileFacts {
  private readonly scans = new Map<Stage, StageScan>();
  private readonly runs = new Map<InstructionNode, RunRead>();
  private readonly argvs = new Map<InstructionNode, Argv | null>();
  private readonly copies = new Map<InstructionNode, CopyOperands | null>();
  private readonly commands = new Map<Stage, ContainerCommand>();
  private readonly copied = new Map<Stage, Stage[]>();
  /** By parsed script: transforms ask for a RUN's commands once per question they ask of it. */
  private readonly runCommands = new WeakMap<Node, RunCommand[]>();
  private users: Map<Stage, Stage[]> | null = null;
  private readonly imageDefaults: (image: string) => ImageDefaults | null;

  constructor(readonly model: DockerfileModel, readonly shell: ShellParser, options: FactsOptions = {}) {
    this.imageDefaults = options.imageDefaults ?? unknownImage;
  }

  // ------------------------------------------------------------ per instruction

  /**
   * The working directory `node` runs in (for a WORKDIR, the one before it),
   * as BuildKit resolves it: a relative WORKDIR joins the previous one,
   * variables expand from the ENV/ARG in scope (ARG defaults: a --build-arg
   * may differ), and a stage built FROM another starts in that one's. A stage
   * on an external image starts in the image's WORKDIR: '/' for scratch or
   * when imageDefaults gives it, otherwise unknown, so a relative WORKDIR
   * there is unknown too. Windows paths are not resolved (null).
   */
  workdirAt(node: InstructionNode): string | null {
    return this.scopeAt(node).workdir;
  }

  /** The USER in effect (variables expanded when known), inherited from parent stages; null for root/the image default. */
  userAt(node: InstructionNode): string | null {
    return this.scopeAt(node).user;
  }

  /**
   * Whether a command of the RUN `node` may run as root: the USER is root (or
   * the image's default), or a non-root USER may have a sudo right, which is
   * so unless the base image is one dfmod knows and no instruction of the
   * stage or the stages it builds on grants one (a sudoers file, a user added
   * to the sudo, wheel or admin group) or is a RUN dfmod does not read.
   */
  mayRunAsRoot(node: InstructionNode): boolean {
    const user = this.userAt(node);
    if (user === null || /^(root|0)(:.*)?$/.test(user)) return true;
    if (!node.stage) return true;
    const chain: Stage[] = [];
    for (let stage: Stage | null = node.stage; stage; stage = this.parentOf(stage)) chain.unshift(stage);
    if (this.defaultsOf(chain[0]!) === null) return true;
    for (const stage of chain) {
      for (const instruction of stage.instructions) {
        if (instruction.stage === node.stage && instruction.index >= node.index) break;
        if (this.model.rawArguments(instruction).includes('sudoers')) return true;
        if (instruction.keyword !== 'RUN') continue;
        const read = this.readRun(instruction);
        if (read.kind !== 'script') return true;
        for (const c of this.commandsOf(read)) {
          if (c.program === null || !USER_GROUP_EDITORS.has(c.program)) continue;
          if (c.words.some((w) => w === null || w.split(',').some((g) => ADMIN_GROUPS.has(g.replace(/^-[a-zA-Z]*G/, ''))))) return true;
        }
      }
    }
    return false;
  }

  /** The SHELL in effect (its JSON array), inherited from parent stages; null for the default shell. */
  shellAt(node: InstructionNode): string[] | null {
    return this.scopeAt(node).shell;
  }

  /** ENV set in the file and in scope at `node` (before it), inherited from parent stages; a value is null when it cannot be known. */
  envAt(node: InstructionNode): ReadonlyMap<string, string | null> {
    return this.scopeAt(node).env;
  }

  /**
   * The folders at the front of PATH at `node` that ENV names literally,
   * before the PATH it inherits: `['/opt/venv/bin']` after
   * `ENV PATH=/opt/venv/bin:$PATH` (envAt's value is unknown there, since
   * the base image's PATH is). Inherited from parent stages; empty when no
   * ENV sets PATH, or when its first folder is computed.
   */
  pathHeadAt(node: InstructionNode): string[] {
    return node.stage ? this.pathHead(node.stage, node.index) : [];
  }

  /**
   * ARGs in scope at `node` with their defaults (null: none, or computed). A
   * stage sees a global ARG only when it declares it again (`ARG NAME`, which
   * takes the global default); ARGs pass on to stages built FROM the stage.
   */
  argsAt(node: InstructionNode): ReadonlyMap<string, string | null> {
    return this.scopeAt(node).args;
  }

  /** A Dockerfile word (`$HOME/app`, `"${V:-1}"`) expanded with what is in scope at `node`; null when unknown. */
  expand(node: InstructionNode, word: string): string | null {
    return expandWord(word, this.lookup(this.scopeAt(node), node.stage), this.model.escapeChar);
  }

  /** The operands of a COPY or ADD; null for other instructions and heredoc COPY. */
  copyOperands(node: InstructionNode): CopyOperands | null {
    if (node.keyword !== 'COPY' && node.keyword !== 'ADD') return null;
    let operands = this.copies.get(node);
    if (operands === undefined) {
      operands = this.readCopy(node);
      this.copies.set(node, operands);
    }
    return operands;
  }

  /**
   * The one RUN reader: the parsed shell script of a RUN (shell-form CMD and
   * ENTRYPOINT read the same way), or why dfmod does not read it: a heredoc,
   * JSON form, nothing to run, a Windows image, a SHELL that is not POSIX, or
   * a syntax error.
   */
  readRun(node: InstructionNode): RunRead {
    let read = this.runs.get(node);
    if (!read) {
      read = readRunScript(this.model, this.shell, node);
      this.runs.set(node, read);
    }
    return read;
  }

  /**
   * The simple commands of a heredoc RUN, which readRun does not read: its
   * command line's, and those of each heredoc a shell runs as its script (the
   * body of `RUN <<EOF`, of `RUN bash <<EOF`); not the text of a heredoc that
   * another program reads (`cat <<EOF > file`). Null for another RUN, and
   * when dfmod cannot parse one of them.
   */
  heredocCommands(node: InstructionNode): RunCommand[] | null {
    if (node.keyword !== 'RUN' || node.form !== 'heredoc') return null;
    const text = this.model.rawArguments(node);
    // With no command before `<<`, the shell runs the heredoc: read as the script of a `:` that stands for that shell.
    const bare = text.trimStart().startsWith('<<');
    const root = this.shell.parse(bare ? `: ${text}` : text).rootNode;
    if (root.hasError) return null;
    const commands = [...this.commandsOf({ root })];
    for (const command of this.commandsOf({ root })) {
      const shell = command.program === ':' && bare || command.program !== null && POSIX_SHELLS.has(command.program) && command.words.slice(1).every((w) => w !== null && w.startsWith('-') && !w.includes('c'));
      if (!shell) continue;
      const redirected = command.command.node.parent;
      if (!redirected || redirected.type !== 'redirected_statement') continue;
      for (const body of redirected.descendantsOfType('heredoc_body')) {
        const script = this.shell.parse(body.text).rootNode;
        if (script.hasError) return null;
        commands.push(...this.commandsOf({ root: script }));
      }
    }
    return commands;
  }

  /** Whether the SHELL that runs `node` has errexit on (`["/bin/bash", "-eo", "pipefail", "-c"]`, `-o errexit`). */
  shellErrexit(node: InstructionNode): boolean {
    const args = (this.model.shellOf(node) ?? []).slice(1, -1);
    return args.some((a, i) => /^-[a-zA-Z]*e/.test(a) || (a === '-o' && args[i + 1] === 'errexit'));
  }

  /**
   * Whether errexit is in effect for the whole script of a read RUN, so that a
   * failing top-level statement stops it: the SHELL runs with `-e`
   * (`["/bin/bash", "-eo", "pipefail", "-c"]`), or the script's first
   * statement is `set -e` (`set -eux`, `set -o errexit`).
   */
  errexitAt(node: InstructionNode): boolean {
    if (this.shellErrexit(node)) return true;
    const read = this.readRun(node);
    if (read.kind !== 'script') return false;
    const first = read.root.namedChildren.find((n) => n && n.type !== 'comment');
    const command = first && this.commandsOf(read).find((c) => c.command.node.id === first.id);
    if (!command || command.program !== 'set' || command.wrappers.length) return false;
    return command.words.slice(1).some((w, i, rest) => w !== null && (/^-[a-zA-Z]*e[a-zA-Z]*$/.test(w) || w === '-o' && rest[i + 1] === 'errexit'));
  }

  /** The simple commands of a read RUN, past their wrappers. */
  commandsOf(run: { root: Node }): RunCommand[] {
    let commands = this.runCommands.get(run.root);
    if (!commands) {
      commands = commandsOf(run);
      this.runCommands.set(run.root, commands);
    }
    return commands;
  }

  /**
   * The RUNs after `node` that see the files it leaves, as branches: first the
   * rest of its own stage, then, one branch each, the stages built FROM it
   * (directly or through other stages, also through a global ARG), each from
   * its first instruction on. Empty for an instruction outside any stage.
   */
  laterRuns(node: InstructionNode): InstructionNode[][] {
    const stage = node.stage;
    if (!stage) return [];
    const branches = [stage.instructions.filter((i) => i.index > node.index)];
    for (const other of this.model.stages) {
      if (other === stage) continue;
      for (let parent = this.parentOf(other); parent; parent = this.parentOf(parent)) {
        if (parent === stage) {
          branches.push(other.instructions.slice(1));
          break;
        }
      }
    }
    return branches.map((branch) => branch.filter((i) => i.keyword === 'RUN'));
  }

  /**
   * What a command of the RUN `node` runs besides its own words: a script
   * file or Makefile recipes read from the build context (where a COPY/ADD
   * of the stage or the stages it builds on put them), or inline `sh -c`
   * text; null when it runs only its own program.
   */
  scriptRunBy(node: InstructionNode, command: RunCommand, context: BuildContext | null, within?: { root: Node }): ScriptRun | null {
    const copies: CopyOperands[] = [];
    const chain: Stage[] = [];
    for (let stage = node.stage; stage; stage = this.parentOf(stage)) chain.unshift(stage);
    for (const stage of chain) {
      for (const instruction of stage.instructions) {
        if (instruction.stage === node.stage && instruction.index >= node.index) break;
        const operands = this.copyOperands(instruction);
        if (operands) copies.push(operands);
      }
    }
    // After a `cd` (in the RUN, or in the script the command is part of) relative paths no longer start at WORKDIR.
    // One written after the command runs after it, unless a loop or a function may run the command again later.
    const read = this.readRun(node);
    const at = command.command.node;
    const repeated = (n: Node) => {
      for (let p = n.parent; p; p = p.parent) if (REPEATING.has(p.type)) return true;
      return false;
    };
    const movesBefore = (root: Node, own: boolean) => this.commandsOf({ root }).some((c) => c.program !== null && DIRECTORY_CHANGERS.has(c.program) &&
      (!own || c.command.node.startIndex < at.startIndex || repeated(at)));
    const moved = read.kind === 'script' && movesBefore(read.root, within === undefined) || within !== undefined && movesBefore(within.root, true);
    const workdir = moved ? null : this.workdirAt(node);
    return scriptRunBy(command, { context, shell: this.shell, workdir, copies, workdirUnknown: moved ? 'it runs after a `cd`' : undefined });
  }

  /** The argv of a CMD, ENTRYPOINT or RUN; null for other instructions, heredocs and empty ones. */
  argvOf(node: InstructionNode): Argv | null {
    let argv = this.argvs.get(node);
    if (argv === undefined) {
      argv = this.readArgv(node);
      this.argvs.set(node, argv);
    }
    return argv;
  }

  // ------------------------------------------------------------ per stage

  /** The earlier stage `stage` builds on (`FROM build`, also through a global ARG), or null. */
  parentOf(stage: Stage): Stage | null {
    return stage.parent;
  }

  /** The external image at the root of the FROM chain, global ARGs substituted; null when an ARG has no literal default. */
  baseImage(stage: Stage): string | null {
    return baseImageOf(this.model, stage);
  }

  /**
   * The signal `docker stop` sends the container: the last STOPSIGNAL of the
   * stage or of a stage it builds on, else the base image's (SIGTERM where
   * none is recorded), written `SIGINT`; `node` null for the base image's.
   * Null when the STOPSIGNAL is a build argument.
   */
  stopSignal(stage: Stage): { signal: string; node: InstructionNode | null } | null {
    for (let s: Stage | null = stage; s; s = this.parentOf(s)) {
      const node = [...s.instructions].reverse().find((n) => n.keyword === 'STOPSIGNAL');
      if (!node) continue;
      const text = this.model.rawArguments(node).trim().toUpperCase();
      if (text.includes('$')) return null;
      const numbers: Record<string, string> = { 2: 'SIGINT', 3: 'SIGQUIT', 15: 'SIGTERM', 9: 'SIGKILL', 1: 'SIGHUP' };
      return { signal: numbers[text] ?? (text.startsWith('SIG') ? text : `SIG${text}`), node };
    }
    return { signal: this.defaultsOf(stage)?.stopSignal ?? 'SIGTERM', node: null };
  }

  /** The one Windows predicate (the root image or its --platform is Windows). */
  isWindows(stage: Stage): boolean {
    return isWindowsStage(this.model, stage);
  }

  /** ENV, ARGs, WORKDIR, USER and SHELL at the end of the stage: what its image carries (ARGs: what a stage built FROM it sees). */
  stageEnd(stage: Stage): Scope {
    return this.scan(stage).end;
  }

  /** The working directory at the end of the stage: where its container starts. */
  finalWorkdir(stage: Stage): string | null {
    return this.scan(stage).end.workdir;
  }

  /**
   * ENTRYPOINT and CMD as Docker resolves them: the base image's (from
   * imageDefaults), then each stage of the FROM chain in order; a new
   * ENTRYPOINT resets a CMD inherited from an earlier stage or the image.
   */
  command(stage: Stage): ContainerCommand {
    let command = this.commands.get(stage);
    if (!command) {
      command = this.resolveCommand(stage);
      this.commands.set(stage, command);
    }
    return command;
  }

  /**
   * Whether the stage starts with apt package lists an earlier stage of its
   * FROM chain downloaded (`apt-get update`) and did not delete: lists the
   * stage did not make, which its own installs may read. A RUN dfmod cannot
   * read counts as leaving them as they were.
   */
  aptListsInherited(stage: Stage): boolean {
    const chain: Stage[] = [];
    for (let s = this.parentOf(stage); s; s = this.parentOf(s)) chain.unshift(s);
    let left = false;
    for (const s of chain) {
      for (const node of s.instructions) {
        if (node.keyword !== 'RUN') continue;
        const read = this.readRun(node);
        if (read.kind !== 'script') continue;
        for (const c of this.commandsOf(read)) {
          if (downloadsAptLists(c)) left = true;
          else if (aptListsRemoval(c)) left = false;
        }
      }
    }
    return left;
  }

  /** The stages `stage` copies files from with COPY --from (by name or index), in order, each once. */
  copiedFrom(stage: Stage): Stage[] {
    let stages = this.copied.get(stage);
    if (!stages) {
      stages = [];
      for (const node of stage.instructions) {
        const from = this.copyOperands(node)?.fromStage;
        if (from && !stages.includes(from)) stages.push(from);
      }
      this.copied.set(stage, stages);
    }
    return stages;
  }

  /** The stages built FROM `stage`, directly or through others (also through a global ARG), in file order. */
  stagesBuiltOn(stage: Stage): Stage[] {
    return this.model.stages.filter((other) => {
      for (let parent = this.parentOf(other); parent; parent = this.parentOf(parent)) if (parent === stage) return true;
      return false;
    });
  }

  /** What the ENTRYPOINT in effect at the end of `stage` does with the CMD (see CmdReceiver). */
  cmdReceiver(stage: Stage): CmdReceiver {
    const command = this.command(stage);
    const node = command.entrypointNode;
    if (command.entrypoint === null) return { kind: 'none' };
    if (node?.form === 'shell') return { kind: 'ignored', node };
    if (command.entrypoint === undefined) return node ? { kind: 'unknown', node, entrypoint: null } : { kind: 'unknown-image' };
    const wrapped = afterInitWrapper(command.entrypoint);
    const init = wrapped ? command.entrypoint[0] : null;
    const rest = wrapped ?? command.entrypoint;
    if (!rest.length) return { kind: 'runs', node, init, script: null };
    const image = this.baseImage(stage);
    const defaults = this.defaultsOf(stage);
    const own = defaults?.entrypoint;
    const same = own && own.length === rest.length && own.every((word, i) => word === rest[i] || (i === 0 && basename(word) === basename(rest[0])));
    if (image && same && defaults?.entrypointActsOn) {
      return { kind: 'runs', node, init, script: { argv: rest, image, actsOn: defaults.entrypointActsOn, commands: defaults.entrypointCommands ?? [], optionsOnly: defaults.entrypointOptionsOnly === true } };
    }
    return { kind: 'unknown', node, entrypoint: command.entrypoint };
  }

  /**
   * The context file a path of the image holds at `node` (before it), when a
   * COPY or ADD of the stage or a stage it builds on put it there from the
   * build context (COPY --from another stage followed into that stage).
   * null: no COPY of the file puts it there (a RUN made it, or the base
   * image has it); undefined: dfmod cannot tell (a destination or source it
   * cannot resolve, a glob, ADD of a URL or archive).
   */
  contextFileAt(node: InstructionNode, imagePath: string, context: BuildContext): ContextFile | null | undefined {
    const stage = node.stage;
    if (!stage) return null;
    return this.traceFile(stage, node.index, path.posix.normalize(imagePath), context, 0);
  }

  /**
   * The file a command name runs: a path (relative to the working directory
   * the container starts in), or a name looked up on the PATH in effect at
   * `node`, traced to the context as contextFileAt does. For a name, the
   * first PATH folder a COPY fills wins; null when none does.
   */
  programFile(node: InstructionNode, program: string, context: BuildContext): { path: string; source: ContextFile | null | undefined } | null {
    const stage = node.stage;
    if (!stage) return null;
    if (program.includes('/')) {
      const workdir = this.finalWorkdir(stage);
      if (!program.startsWith('/') && workdir === null) return { path: program, source: undefined };
      const full = path.posix.resolve(workdir ?? '/', program);
      return { path: full, source: this.contextFileAt(node, full, context) };
    }
    const pathVariable = this.envAt(node).get('PATH');
    for (const dir of (pathVariable === undefined ? DEFAULT_PATH : (pathVariable ?? '').split(':')).filter((d) => d.startsWith('/'))) {
      const full = path.posix.join(dir, program);
      const source = this.contextFileAt(node, full, context);
      if (source !== null) return { path: full, source };
    }
    return null;
  }

  /** The stages that use `stage`: build FROM it, COPY --from it, or RUN --mount from it. */
  usedBy(stage: Stage): Stage[] {
    if (!this.users) {
      const users = new Map<Stage, Stage[]>();
      const add = (used: Stage, by: Stage) => {
        const list = users.get(used) ?? [];
        if (!list.includes(by)) list.push(by);
        users.set(used, list);
      };
      for (const s of this.model.stages) {
        const parent = this.parentOf(s);
        if (parent) add(parent, s);
        else if (s.image.includes('$') && s.image.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '').length > 0) {
          // `FROM base-${TARGETARCH}`: every earlier stage whose name the variables can spell is one it may build on.
          const pattern = new RegExp(`^${s.image.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
          for (const earlier of this.model.stages.slice(0, s.index)) if (earlier.name && pattern.test(earlier.name)) add(earlier, s);
        }
        for (const used of this.copiedFrom(s)) add(used, s);
        for (const used of this.mountedFrom(s)) add(used, s);
      }
      this.users = users;
    }
    return this.users.get(stage) ?? [];
  }

  // ------------------------------------------------------------ the build

  /** The build target: the stage named `target`, or the last stage; null when there is none. */
  deployedStage(target?: string): Stage | null {
    if (target === undefined) return this.model.finalStage;
    return this.model.stages.find((s) => s.name === target.toLowerCase()) ?? null;
  }

  /** Whether `stage` is the build target: its image is what the build produces. Stages other stages only build on or copy from are not. */
  isDeployed(stage: Stage, target?: string): boolean {
    return this.deployedStage(target) === stage;
  }

  /**
   * Whether the layers of `stage` ship: it is a build target or a stage a
   * target is built FROM. Given `target`, that stage is the one target. Else
   * every plausible target counts: the last stage, and each stage no other
   * stage uses (nothing builds FROM it, copies or mounts from it), which is
   * only built as a target of its own (`docker build --target dev`). What
   * remains are stages other stages only copy or mount from (or build FROM
   * such a stage): built, but their layers are discarded.
   */
  shipsLayers(stage: Stage, target?: string): boolean {
    const targets = target !== undefined
      ? [this.deployedStage(target)]
      : this.model.stages.filter((s) => s === this.model.finalStage || this.usedBy(s).length === 0);
    for (const shipped of targets) for (let s = shipped; s; s = this.parentOf(s)) if (s === stage) return true;
    return false;
  }

  /** The stages a build of `target` runs: the target and every stage it builds on, copies or mounts from. */
  builtStages(target?: string): Set<Stage> {
    const built = new Set<Stage>();
    const pending = [this.deployedStage(target)].filter((s): s is Stage => s !== null);
    while (pending.length) {
      const stage = pending.pop()!;
      if (built.has(stage)) continue;
      built.add(stage);
      const parent = this.parentOf(stage);
      if (parent) pending.push(parent);
      pending.push(...this.copiedFrom(stage), ...this.mountedFrom(stage));
    }
    return built;
  }

  /**
   * The build context the stage's COPYs read from: `context` (the one dfmod
   * was given), or the folder above it, up to the repository root, where
   * every file they name is (`docker build -f docker/Dockerfile .`). Its
   * .dockerignore is the one the build reads.
   */
  stageContext(stage: Stage, context: BuildContext | null): BuildContext | null {
    return buildContextFor(this, stage, context);
  }

  /** What a stage is for, with the reason (see roles.ts for the rules). */
  stageRole(stage: Stage, filename: string | null, target?: string, context: BuildContext | null = null): StageRole {
    return roleOf(this, stage, filename, target, context);
  }

  /**
   * Whether an init as PID 1 helps the stage's container: it is the deployed
   * stage of an application image, whose command runs an application. Not a
   * base, toolbox or official-image definition (every image built FROM it
   * would inherit the init), a dev container, or a dev/test or build stage.
   * The role says which case it is. Nor an application whose PID 1 already
   * is a proper one (`sufficient` says why): a server whose master reaps its
   * workers, a single compiled program, a one-shot CLI tool. Nor a stage
   * that shows no sign of running a long-lived service (`service` is null:
   * serviceEvidence), a job, tool or interactive client: nobody stops it
   * with signals, and `docker run --init` gives one where it is wanted.
   */
  initHelps(stage: Stage, filename: string | null, target?: string, context: BuildContext | null = null): { helps: boolean; role: StageRole; sufficient: Pid1Sufficient | null; service: string | null } {
    const role = this.stageRole(stage, filename, target, context);
    if (!initHelps(role)) return { helps: false, role, sufficient: null, service: null };
    const sufficient = pid1Sufficient(this, stage, context, this.shell);
    // A program dfmod does not know is left alone either way; where nothing shows a service, that is the better reason to give.
    if (sufficient && sufficient.id !== 'pid1-not-known') return { helps: false, role, sufficient, service: null };
    const service = serviceEvidence(this, stage, context, this.shell);
    if (service !== null && sufficient) return { helps: false, role, sufficient, service };
    return { helps: service !== null, role, sufficient: null, service };
  }

  // ------------------------------------------------------------ internals

  /** Stages a RUN of `stage` mounts (`--mount=from=<stage>`). */
  mountedFrom(stage: Stage): Stage[] {
    const stages: Stage[] = [];
    for (const node of stage.instructions) {
      if (node.keyword !== 'RUN') continue;
      for (const fields of mountFields(node)) {
        const from = fields.get('from');
        const used = from ? this.stageNamed(from, stage) : null;
        if (used && !stages.includes(used)) stages.push(used);
      }
    }
    return stages;
  }

  /** The stage a `--from` value names: an earlier stage's index, or any other stage's name. */
  private stageNamed(value: string, from: Stage | null): Stage | null {
    const name = value.toLowerCase();
    if (/^\d+$/.test(name)) {
      const index = Number(name);
      return from === null || index < from.index ? this.model.stages[index] ?? null : null;
    }
    return this.model.stages.find((s) => s.name === name && s !== from) ?? null;
  }

  private traceFile(stage: Stage, before: number, imagePath: string, context: BuildContext, depth: number): ContextFile | null | undefined {
    if (depth > this.model.stages.length) return undefined;
    const chain: Stage[] = [];
    for (let s: Stage | null = stage; s; s = this.parentOf(s)) chain.push(s);
    for (const s of chain) {
      const instructions = s.instructions.filter((i) => s !== stage || i.index < before).reverse();
      for (const instruction of instructions) {
        const copy = this.copyOperands(instruction);
        if (!copy) continue;
        if (copy.destResolved === null) return undefined;
        for (const source of [...copy.sources].reverse()) {
          const candidate = copySourceOf(copy, source, imagePath, (p) => (copy.from === null ? context.exists(p) && context.list(p).length > 0 : null));
          if (candidate === null) continue;
          if (candidate === undefined) return undefined;
          if (copy.from !== null) {
            if (!copy.fromStage) return undefined;
            const end = copy.fromStage.instructions.length ? copy.fromStage.instructions[copy.fromStage.instructions.length - 1].index + 1 : 0;
            const found = this.traceFile(copy.fromStage, end, '/' + candidate, context, depth + 1);
            if (found !== null) return found;
            continue;
          }
          if (instruction.keyword === 'ADD' && /\.(tar|tgz|gz|bz2|xz|zst)$|^[a-z]+:\/\//i.test(source)) return undefined;
          if (context.exists(candidate) && !context.isIgnored(candidate)) return { file: candidate, copy };
        }
      }
    }
    return null;
  }

  private pathHead(stage: Stage, before: number): string[] {
    const parent = this.parentOf(stage);
    let head = parent ? this.pathHead(parent, Infinity) : [];
    for (const instruction of stage.instructions) {
      if (instruction.index >= before) break;
      if (instruction.keyword !== 'ENV') continue;
      for (const property of (instruction.ast as unknown as { getProperties(): PropertyLike[] }).getProperties()) {
        if (property.getName() !== 'PATH') continue;
        const raw = propertyValueText(this.model, property) ?? '$';
        // A value in double quotes still expands; in single quotes `$PATH` is those five characters.
        const quote = /^(["'])(.*)\1$/s.exec(raw);
        const next: string[] = [];
        for (const folder of (quote ? quote[2] : raw).split(':')) {
          if ((folder === '$PATH' || folder === '${PATH}') && quote?.[1] !== "'") {
            next.push(...head);
            break;
          }
          if (folder.includes('$') || !folder.startsWith('/')) break;
          next.push(folder);
        }
        head = next;
      }
    }
    return head;
  }

  private scopeAt(node: InstructionNode): Scope {
    if (!node.stage) return this.globalScope(node);
    return this.scan(node.stage).before.get(node)!;
  }

  /** Before the first FROM only global ARGs exist. */
  private globalScope(node: InstructionNode): Scope {
    const args = new Map<string, string | null>();
    for (const arg of this.model.globalArgs) {
      if (arg.index >= node.index) break;
      const declared = argDeclaration(this.model, arg, (name) => (args.has(name) ? args.get(name) : undefined));
      if (declared) args.set(declared.name, declared.value ?? null);
    }
    return { env: EMPTY, args, workdir: null, user: null, shell: null };
  }

  private defaultsOf(stage: Stage): ImageDefaults | null {
    const image = this.baseImage(stage);
    if (image === null) return null;
    if (image.toLowerCase() === 'scratch') return SCRATCH;
    return this.imageDefaults(image);
  }

  private scan(stage: Stage): StageScan {
    let scan = this.scans.get(stage);
    if (scan) return scan;
    const parent = this.parentOf(stage);
    let scope: Scope;
    if (parent) scope = this.scan(parent).end;
    else {
      const defaults = this.defaultsOf(stage);
      scope = { env: EMPTY, args: EMPTY, workdir: defaults?.workdir ?? null, user: defaults?.user ?? null, shell: null };
    }
    const before = new Map<InstructionNode, Scope>();
    for (const node of stage.instructions) {
      before.set(node, scope);
      scope = this.apply(scope, node, stage);
    }
    scan = { before, end: scope };
    this.scans.set(stage, scan);
    return scan;
  }

  /**
   * How a variable reads at a point: ENV wins over an ARG of the same name; a
   * name the file never sets is unset on scratch, and unknown elsewhere
   * (the base image's environment may set it).
   */
  private lookup(scope: Scope, stage: Stage | null): VariableLookup {
    const scratch = stage !== null && this.baseImage(stage)?.toLowerCase() === 'scratch';
    return (name) => {
      if (scope.env.has(name)) return scope.env.get(name);
      if (scope.args.has(name)) return scope.args.get(name);
      return stage === null || scratch ? undefined : null;
    };
  }

  private apply(scope: Scope, node: InstructionNode, stage: Stage): Scope {
    const model = this.model;
    const lookup = this.lookup(scope, stage);
    const argsText = () => model.logicalText(node.argsStart, node.end).text.trim();
    switch (node.keyword) {
      case 'ENV': {
        const properties = (node.ast as unknown as { getProperties(): PropertyLike[] }).getProperties();
        const env = new Map(scope.env);
        // Every value of one ENV sees the environment before it, as BuildKit expands them.
        for (const property of properties) {
          const raw = propertyValueText(model, property);
          if (raw !== null) env.set(property.getName(), expandWord(raw, lookup, model.escapeChar));
        }
        return { ...scope, env };
      }
      case 'ARG': {
        const declared = argDeclaration(model, node, lookup);
        if (!declared) return scope;
        const globals = globalArgDefaults(model);
        const value = declared.value !== undefined ? declared.value : globals.has(declared.name) ? globals.get(declared.name)! : null;
        return { ...scope, args: new Map(scope.args).set(declared.name, value) };
      }
      case 'WORKDIR': {
        const value = expandWord(argsText(), lookup, model.escapeChar);
        let workdir: string | null = null;
        if (value !== null && !this.isWindows(stage)) {
          if (value.startsWith('/')) workdir = path.posix.resolve(value);
          else if (scope.workdir !== null) workdir = path.posix.resolve(scope.workdir, value);
        }
        return { ...scope, workdir };
      }
      case 'USER': {
        const raw = argsText();
        return { ...scope, user: expandWord(raw, lookup, model.escapeChar) ?? raw };
      }
      case 'SHELL':
        return node.execArgs ? { ...scope, shell: node.execArgs } : scope;
      default:
        return scope;
    }
  }

  private readCopy(node: InstructionNode): CopyOperands | null {
    const model = this.model;
    const raw = model.rawArguments(node);
    if (raw.includes('<<')) {
      const heredocs = (node.ast as unknown as { getHeredocs?(): unknown[] }).getHeredocs?.() ?? [];
      if (heredocs.length) return null;
    }
    const text = model.logicalText(node.argsStart, node.end).text.trim();
    let words: string[] | null = null;
    let json = false;
    if (text.startsWith('[')) {
      try {
        const value: unknown = JSON.parse(text);
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          words = value as string[];
          json = true;
        }
      } catch {
        // Not JSON: whitespace-separated, as BuildKit reads it.
      }
    }
    words ??= text.split(/\s+/).filter(Boolean);
    if (words.length < 2) return null;
    const sources = words.slice(0, -1);
    const dest = words[words.length - 1];
    const flag = (name: string) => node.flags.find((f) => f.name === name);
    const from = flag('from')?.value ?? null;
    const fromName = from === null ? null : this.expand(node, from);
    const link = flag('link');
    const expandedDest = this.expand(node, dest);
    const workdir = this.workdirAt(node);
    let destResolved: string | null = null;
    if (expandedDest !== null && node.stage && !this.isWindows(node.stage)) {
      if (expandedDest.startsWith('/')) destResolved = path.posix.resolve(expandedDest);
      else if (workdir !== null) destResolved = path.posix.resolve(workdir, expandedDest);
    }
    return {
      node,
      sources,
      dest,
      destResolved,
      // `.` (and a dest that resolves to the WORKDIR, which exists) is a folder: what is copied goes inside it.
      destIsDirectory: dest.endsWith('/') || sources.length > 1 || /(^|\/)\.\.?$/.test(dest) || (destResolved !== null && destResolved === workdir),
      from,
      fromStage: fromName === null ? null : this.stageNamed(fromName, node.stage),
      chown: flag('chown')?.value ?? null,
      chmod: flag('chmod')?.value ?? null,
      link: link !== undefined && (link.value === null || link.value.toLowerCase() === 'true'),
      isWholeContext: from === null && sources.some((s) => s === '.' || s === './'),
      json,
      flags: node.flags,
    };
  }

  private readArgv(node: InstructionNode): Argv | null {
    if (!['CMD', 'ENTRYPOINT', 'RUN'].includes(node.keyword)) return null;
    if (node.form === 'exec') return { stored: node.execArgs!, direct: node.execArgs!, needsShell: null };
    if (node.form !== 'shell') return null;
    const windows = node.stage !== null && this.isWindows(node.stage);
    const shell = this.shellAt(node);
    const script = this.model.shellScript(node)!.text.trimEnd();
    const stored = [...(shell ?? (windows ? WINDOWS_SHELL : DEFAULT_SHELL)), script];
    if (windows) return { stored, direct: null, needsShell: { id: 'windows-shell', reason: 'a Windows image runs shell form under cmd.exe' } };
    // A SHELL such as `bash -o pipefail -c` runs one plain command as /bin/sh -c does; any other is the stage's own.
    if (shell && !isNeutralPosixShell(shell)) return { stored, direct: null, needsShell: { id: 'shell-instruction', reason: `the stage sets SHELL [${shell.map((w) => JSON.stringify(w)).join(', ')}], which JSON form would bypass` } };
    const parsed = scriptArgv(this.shell.parse(this.model.shellScript(node)!.text).rootNode);
    return 'argv' in parsed ? { stored, direct: parsed.argv, needsShell: null } : { stored, direct: null, needsShell: parsed };
  }

  private resolveCommand(stage: Stage): ContainerCommand {
    const chain: Stage[] = [];
    for (let s: Stage | null = stage; s; s = this.parentOf(s)) chain.unshift(s);
    const defaults = this.defaultsOf(stage);
    let entrypoint: string[] | null | undefined = defaults ? defaults.entrypoint : undefined;
    let cmd: string[] | null | undefined = defaults ? defaults.cmd : undefined;
    let entrypointNode: InstructionNode | null = null;
    let cmdNode: InstructionNode | null = null;
    const stored = (node: InstructionNode) => {
      const argv = this.argvOf(node);
      // `[]` and `[""]` both clear it: Docker runs the CMD (and `docker run` arguments) as the command.
      if (argv === null) return undefined;
      return argv.stored.length && !(node.keyword === 'ENTRYPOINT' && node.form === 'exec' && argv.stored.length === 1 && argv.stored[0] === '') ? argv.stored : null;
    };
    for (const s of chain) {
      let cmdSet = false;
      for (const node of s.instructions) {
        if (node.keyword === 'ENTRYPOINT') {
          entrypoint = stored(node);
          entrypointNode = node;
          if (!cmdSet) {
            cmd = null;
            cmdNode = null;
          }
        } else if (node.keyword === 'CMD') {
          cmd = stored(node);
          cmdNode = node;
          cmdSet = true;
        }
      }
    }
    const user = this.scan(stage).end.user;
    return { entrypoint, cmd, entrypointNode, cmdNode, user, known: entrypoint !== undefined && cmd !== undefined, entrypointActsOn: this.actsOn(entrypoint, entrypointNode, defaults) };
  }

  /**
   * What the entrypoint in effect acts on before it execs its arguments: the
   * image's script as the knowledge base knows it, also behind an init that
   * execs it (`["tini", "--", "docker-entrypoint.sh"]`); nothing for an init
   * alone. Null when not known.
   */
  private actsOn(entrypoint: string[] | null | undefined, node: InstructionNode | null, defaults: ImageDefaults | null): string[] | null {
    if (node === null) return defaults?.entrypointActsOn ?? null;
    if (!entrypoint || node.form !== 'exec') return null;
    const rest = afterInitWrapper(entrypoint);
    if (rest === null) return null;
    if (rest.length === 0) return [];
    if (defaults?.entrypoint && JSON.stringify(rest) === JSON.stringify(defaults.entrypoint)) return defaults.entrypointActsOn ?? null;
    return null;
  }
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * The source path (context-relative, or in the `--from` stage without its
 * leading `/`) that puts `imagePath` in the image through one source of a
 * COPY, or null when that source does not; undefined for a glob. `isFolder`
 * says whether a source is a folder (null: not known, for --from stages,
 * where a source that names the path itself or a folder above it is tried).
 */
function copySourceOf(copy: CopyOperands, source: string, imagePath: string, isFolder: (p: string) => boolean | null): string | null | undefined {
  const dest = copy.destResolved!;
  const relativeSource = path.posix.normalize(source.replace(/^\/+/, '')).replace(/\/+$/, '');
  const under = (folder: string) => imagePath === folder ? '' : imagePath.startsWith(folder.replace(/\/+$/, '') + '/') ? imagePath.slice(folder.replace(/\/+$/, '').length + 1) : null;
  const inDest = under(dest);
  if (GLOB.test(source)) return inDest === null ? null : undefined;
  const join = (rest: string) => (relativeSource === '.' ? rest : `${relativeSource}/${rest}`);
  if (relativeSource === '.') return inDest ? inDest : null;
  const folder = isFolder(relativeSource);
  if (folder === true) return inDest ? join(inDest) : null;
  // A file lands at dest/basename when dest is a folder; a dest without `/` is the file itself, unless the image has a folder
  // there (`.`, the WORKDIR), which the file cannot tell: both are taken.
  if (path.posix.join(dest, path.posix.basename(relativeSource)) === imagePath) return relativeSource;
  if (!copy.destIsDirectory && dest === imagePath) return relativeSource;
  if (folder === null && inDest) return join(inDest);
  return null;
}

const cache = new WeakMap<DockerfileModel, { shell: ShellParser; lookup: FactsOptions['imageDefaults']; facts: FileFacts }[]>();

/** The facts of a parsed file: one FileFacts per model, shell parser and imageDefaults lookup. */
export function fileFacts(model: DockerfileModel, shell: ShellParser, options: FactsOptions = {}): FileFacts {
  let entries = cache.get(model);
  if (!entries) {
    entries = [];
    cache.set(model, entries);
  }
  const found = entries.find((e) => e.shell === shell && e.lookup === options.imageDefaults);
  if (found) return found.facts;
  const facts = new FileFacts(model, shell, options);
  entries.push({ shell, lookup: options.imageDefaults, facts });
  return facts;
}
