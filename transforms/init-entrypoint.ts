/**
 * init-entrypoint: the process that runs as PID 1 in a container gets no
 * default signal handlers and must reap orphaned children. Most apps do
 * neither, so `docker stop` waits ten seconds and kills them, and zombies pile
 * up. A tiny init (tini, or dumb-init) as PID 1 forwards signals to the app and
 * reaps zombies. This transform installs one in the final stage with the
 * base's package manager and puts it in front of whatever the container runs:
 * the stage's ENTRYPOINT, or the one it inherits, wrapped so that the same
 * program receives the same arguments.
 *
 * It needs to know what the base image runs (its ENTRYPOINT and CMD, which a
 * new ENTRYPOINT replaces or resets) and whether its release carries the init
 * package: the knowledge base says; where it does not know, the file is left
 * alone with a note.
 *
 * Where: only where an init helps (FileFacts.initHelps): the deployed stage
 * of an application image. A base, toolbox or official-image definition
 * would pass the init on to every image built FROM it, and dev containers
 * and dev/test stages are not what runs in production; they are left alone,
 * with a note naming the case and the opt-in (the options `stages`, `paths`;
 * or `docker run --init`). Nor where nothing shows the image runs a
 * long-lived service (FileFacts.initHelps' service: no EXPOSE or HEALTHCHECK,
 * no base image that EXPOSEs ports, no server command): a job, a tool, an
 * interactive client, which nobody stops with signals (`no-service`). Nor
 * where the image has an init already: in
 * what it runs, or started by its entrypoint script (`set -- tini -- "$@"`
 * … `exec "$@"`, or its `#!` line, `#!/usr/bin/dumb-init /bin/sh`:
 * FileFacts' scriptInit). Nor, from a package, where the
 * image is built from copies alone (no RUN for its platform:
 * targetPlatformRun): the install would be its first RUN; the note offers
 * the option `binary` (a COPY) or `docker run --init`. And only in front of
 * a PID 1 known to ignore SIGTERM (Node.js, Python, PHP, Perl, npm/yarn/pnpm,
 * a shell, a C program the file builds: knowledge/programs.ts); a runtime
 * that handles it (the JVM, Ruby, .NET) or a program dfmod cannot name is
 * left as it is (`handles-sigterm`, `pid1-not-known`), with the opt-in.
 *
 * How: joined to the stage's own package install when one runs as root
 * (`apt-get install … tini`), so the image keeps one update and one cleanup
 * per RUN (never an install of a package file, `./x.deb`, nor one that
 * reads no repository, `apk add --no-network`), and written as its list is: a line of its own in a list of one
 * package per line, in order where the list is sorted, before trailing flags
 * and variables (lib/core's insertListWord). An `apk add --virtual` group is
 * joined unless some `apk del` deletes it. Otherwise one RUN early in the
 * stage (after the FROM/ARG/ENV/LABEL/WORKDIR preamble, or right after the
 * install of a deleted group), which keeps package lists the stage inherited
 * (a later install of the stage reads them).
 *
 * Signals: an init forwards SIGTERM to the process it starts; when that is a
 * shell that waits for the app, or npm, the app is killed before its handler
 * runs (FileFacts' signalPath). The fix makes the app the process (`exec` in
 * the file's own shell-form command, the start script's command in place of
 * `npm start`), or, where dfmod cannot, runs tini with -g and says that
 * shutdown is forced. An entrypoint script is judged on every path through
 * it (each must exec its app, or exit having started none). The notes about
 * the change cite its line: the instruction whose text changes.
 */
import {
  describeImage, initPackage, initPackageOfManager, installScript, INIT_PATHS, isInitProgram, PACKAGE_MANAGER_FACTS, parseImageRef, releaseName,
  type ImageInfo, type InitMissingReason, type InitName, type InitPackage, type PackageManager,
} from '../lib/knowledge/index.js';
import { simpleCommands } from '../lib/core/shell.js';
import type { DockerfileModel, Stage } from '../lib/core/dockerfile.js';
import type { Node, ShellParser } from '../lib/core/shell.js';
import type { Edit, NoteInput, Transform, TransformContext, TransformResult } from '../lib/core/types.js';
import { execFormPrefix, execFormWithPrefix, jsonArray, startWithComments } from '../lib/core/edits.js';
import { isPackageInstall, managerCommand, ROLE_NOTE_IDS, repositoryPath, roleReasonOnDisk, scriptInit, signalPath, targetPlatformRun, type FileFacts, type RoleName, type SignalPath } from '../lib/facts/index.js';
import { insertListWord, sourceStart } from '../lib/core/run-script.js';
import type { BuildContext } from '../lib/core/context.js';
import type { InstructionNode } from '../lib/core/dockerfile.js';

/** The refusal id of each reason the knowledge base gives for an init that cannot be installed. */
const MISSING_IDS: Record<InitMissingReason, string> = {
  archived: 'archived-release',
  'no-package': 'no-init-package',
  'not-checked': 'no-init-package',
  'not-in-base-repositories': 'rhel-epel',
  'no-known-package': 'no-init-package',
};

const OTHER_INIT: Record<InitName, InitName> = { tini: 'dumb-init', 'dumb-init': 'tini' };

const ROOT_USERS = new Set(['', 'root', '0', 'root:root', '0:0']);

function isRoot(user: string | null): boolean {
  return user === null || ROOT_USERS.has(user);
}

/** The init an argv already runs, looking into `sh -c` scripts too. */
function initIn(argv: string[] | null | undefined, shell: ShellParser): string | null {
  if (!argv) return null;
  for (const arg of argv) {
    if (isInitProgram(arg)) return arg;
    if (/\s/.test(arg)) {
      for (const command of simpleCommands(shell.parse(arg).rootNode)) {
        const found = initIn([command.name ?? '', ...command.argValues.map((v) => v ?? '')].filter(Boolean), shell);
        if (found) return found;
      }
    }
  }
  return null;
}

/** Whether a RUN of the stage already installs `pkg` with `manager` (then only the ENTRYPOINT is missing). */
function installsPackage(stage: Stage, pkg: string, manager: string, facts: FileFacts): boolean {
  return stage.instructions.some((node) => {
    if (node.keyword !== 'RUN') return false;
    const read = facts.readRun(node);
    if (read.kind !== 'script') return false;
    return facts.commandsOf(read).some((c) => {
      const install = isPackageInstall(c.words);
      return install !== null && install.manager === manager && install.packages.includes(pkg);
    });
  });
}

/** The system package managers lib/knowledge knows (apt, apk, dnf, …). */
const SYSTEM_MANAGERS = [...new Set(Object.values(PACKAGE_MANAGER_FACTS).flatMap((facts) => (facts.system ? [facts.system] : [])))];

/** Whether the stage, or one it is built on, installs `init` with a system package manager. */
function installsInit(ctx: TransformContext, stage: Stage, init: InitName): boolean {
  for (let s: Stage | null = stage; s; s = ctx.facts.parentOf(s)) {
    if (SYSTEM_MANAGERS.some((manager) => installsPackage(s!, init, manager, ctx.facts))) return true;
  }
  return false;
}

/** The last USER instruction of the stages `stage` builds on, as written (null: none). */
function inheritedUserText(stage: Stage, facts: FileFacts, model: DockerfileModel): string | null {
  for (let s = facts.parentOf(stage); s; s = facts.parentOf(s)) {
    const user = [...s.instructions].reverse().find((n) => n.keyword === 'USER');
    if (user) return model.rawArguments(user).trim();
  }
  return null;
}

/** What to do where no package installs an init. */
const STATIC_ALTERNATIVE = 'copy a static binary in with the option binary, or use `docker run --init`';

/** Why `init` is missing, said with what to do instead: never a silent switch to the other init. */
function missingNote(missing: Extract<InitPackage, { missing: string }>, init: InitName, other: InitPackage | null, release: string | null): string {
  // No package of an archived release installs: only a binary from elsewhere, or Docker's own init.
  if (missing.reason === 'archived') return `${missing.missing}; ${STATIC_ALTERNATIVE}`;
  if (missing.reason !== 'no-package' || release === null) return missing.missing;
  const otherInit = OTHER_INIT[init];
  const alternative = other && 'path' in other
    ? `use \`docker run --init\`, or the option init=${otherInit}: ${release} has ${otherInit} (dfmod does not switch packages by itself)`
    : `use \`docker run --init\` (${release} has no ${otherInit} either)`;
  return `${missing.missing}; ${alternative}`;
}



/** What each role is, and why an init there does not help, for the note. */
const ROLE_WHY: Record<Exclude<RoleName, 'application'>, string> = {
  base: 'a base, tool or build image, or one whose command is given at `docker run`: every image built FROM it would inherit the init',
  'official-image': 'an image definition like the official images, which others build FROM: every image built FROM it would inherit the init',
  toolbox: 'a tool or CI image, which jobs and people run commands in, not a deployed service: images built FROM it would inherit the init',
  devcontainer: 'a dev container, not what is deployed',
  'dev-or-test': 'a development or test stage, not what is deployed',
  'build-only': 'a build stage, not what is deployed',
  vendored: 'another project\'s file, rewritten when it is vendored again',
  sample: 'a sample written to be read, whose text is the lesson',
};

/** Roles whose note names no opt-in: nobody deploys these files as they are. */
const NO_OPT_IN: ReadonlySet<RoleName> = new Set(['vendored', 'sample']);

/** Whether `filename` is one of the `paths` the option lists: the same path, or one that ends with it at a folder boundary. */
function pathListed(filename: string | null, paths: readonly string[]): boolean {
  if (!filename) return false;
  const file = filename.replace(/\\/g, '/');
  return paths.some((p) => {
    const listed = p.replace(/\\/g, '/').replace(/^\.\//, '');
    return file === listed || file.endsWith(`/${listed}`);
  });
}

/**
 * What to list in `paths` for `filename`, as the note offers it: its path from
 * the repository root, which is how a configuration file at the root names it
 * (pathListed matches the end of the path dfmod was given, at a folder
 * boundary, so the same words work from any directory dfmod is run in).
 */
function listedPath(filename: string | null): string {
  return filename ? repositoryPath(filename).relative || 'Dockerfile' : 'Dockerfile';
}

/** The option's list of strings, or an error message. */
function stringList(value: unknown, name: string): string[] | string {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return `the option ${name} must be a list of strings`;
}

/** Shell constructs whose body runs zero, several or some of the times: an install inside one does not run exactly once. */
const NOT_ONCE = new Set(['for_statement', 'c_style_for_statement', 'while_statement', 'if_statement', 'case_statement', 'function_definition']);

function insideControlFlow(node: Node): string | null {
  let child: Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (NOT_ONCE.has(n.type)) return n.type.replace(/_statement$|_definition$/, '').replace(/_/g, '-');
    // The right of `||` runs only when the left fails; the right of `&&` after a test only when it holds.
    if (n.type === 'list' && n.children.length === 3 && n.children[2]?.startIndex === child.startIndex) {
      const operator = n.children[1]?.type;
      const left = n.children[0];
      if (operator === '||') return 'or-list';
      if (operator === '&&' && left && (left.type === 'test_command' || /^(\[|test\s)/.test(left.text))) return 'conditional';
    }
  }
  return null;
}

/** The group an `apk add --virtual NAME` (`-t NAME`, `--virtual=NAME`) installs into, '' when the shell computes it; null: no group. */
function virtualGroup(flags: readonly string[]): string | null {
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === '--virtual' || flags[i] === '-t') return flags[i + 1] ?? '';
    if (flags[i].startsWith('--virtual=')) return flags[i].slice('--virtual='.length);
  }
  return null;
}

/**
 * Whether an `apk del` of `stages` may delete the virtual package `group`:
 * one names it, or a word the shell computes, or a RUN dfmod cannot read may.
 */
function groupDeleted(ctx: TransformContext, stages: readonly Stage[], group: string): boolean {
  if (group === '') return true;
  const removeVerbs = PACKAGE_MANAGER_FACTS.apk.removeVerbs ?? [];
  return stages.some((s) => s.instructions.some((node) => {
    if (node.keyword !== 'RUN') return false;
    const read = ctx.facts.readRun(node);
    if (read.kind !== 'script') return true;
    return ctx.facts.commandsOf(read).some((c) => {
      const command = managerCommand(c.words);
      if (command?.manager !== 'apk' || command.subcommand === null || !removeVerbs.includes(command.subcommand)) return false;
      return c.words.slice(command.subcommandIndex! + 1).some((w) => w === null || w === group);
    });
  }));
}

/** Flags of an install that make it read no repository: apk's --no-network, apt's --no-download, dnf/yum's cache-only and all repositories disabled. */
const NO_REPOSITORY_FLAGS = new Set(['--no-network', '--no-download', '-C', '--cacheonly', '--disablerepo=*', '--repositories-file=/dev/null']);

/** Whether an install's operands name a package file (a path, or a `.deb`, `.apk`, `.rpm`), or its flags read no repository: no install to join. */
function readsNoRepository(packages: readonly string[], flags: readonly string[]): boolean {
  const file = (word: string) => /^(\.{0,2}\/|~)/.test(word) || /\.(deb|apk|rpm)$/i.test(word) || /[*?]/.test(word) || /^[a-z]+:\/\//i.test(word);
  const noRepository = flags.some((f, i) => NO_REPOSITORY_FLAGS.has(f) || (f === '--disablerepo' && flags[i + 1] === '*') || (f === '--repositories-file' && flags[i + 1] === '/dev/null'));
  return noRepository || packages.some((p) => file(p.replace(/^['"]|['"]$/g, '')));
}

/** A package word's name, for the order of a sorted list: no quotes (insertListWord takes them off), no version (`zlib>1.3.2`, `curl=7.88.*`). */
const packageName = (word: string): string => word.split(/[=<>~]/)[0];

/**
 * Where the init joins a package install: the deployed stage's own, else one
 * of the stages it is built FROM (nearest first), whose RUN runs as root,
 * runs the install exactly once (not in a loop, a branch or a function) and
 * does not remove what it installs again (an `apk add --virtual` group some
 * `apk del` deletes). `edit`: the init written into its package list, laid
 * out as the list is. `blocked`: an install of the chain that it cannot join,
 * or a RUN dfmod cannot read, which a new install RUN would duplicate (a
 * second `apt-get update` layer): the note says why. `after`: no install to
 * join, but the stage's own first install is a virtual group deleted later:
 * a new RUN goes right after it.
 */
function joinableInstall(ctx: TransformContext, stage: Stage, manager: string, init: InitName):
  { node: InstructionNode; at: number; edit: Edit } | { blocked: string } | { after: InstructionNode } | null {
  const { facts, locked } = ctx;
  let blocked: string | null = null;
  let after: InstructionNode | null = null;
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.push(s);
  for (const [depth, s] of chain.entries()) {
    for (const node of s.instructions) {
      if (node.keyword !== 'RUN') continue;
      const line = ctx.originalLine(node.line);
      const read = facts.readRun(node);
      if (read.kind !== 'script') {
        if (read.refusal.id === 'heredoc' || read.refusal.id === 'shell-syntax-error') blocked ??= `the RUN at line ${line} may be the stage's install, and dfmod cannot read it (${read.refusal.reason}): add ${'`'}${init}${'`'} to its install`;
        continue;
      }
      const commands = facts.commandsOf(read);
      for (const c of commands) {
        const install = isPackageInstall(c.words);
        if (!install || install.manager !== manager || !['install', 'add'].includes(install.verb)) continue;
        if (!install.packages.length && !install.computed) continue;
        // A local package file (`./x.deb`, `/tmp/x.apk`, `*.rpm`), or flags that read no repository: the init would not be found there.
        if (readsNoRepository(install.packages, install.flags)) continue;
        // An install that may run several times or not at all is no place for a package the ENTRYPOINT needs.
        if (insideControlFlow(c.nodes[0])) continue;
        // The install's own line on disk: a RUN merged from several starts at another one.
        const refuse = (why: string) => { blocked ??= `the ${manager} install at line ${ctx.originalInstructionLineAt(sourceStart(read, c.command.node))} ${why}: add ${'`'}${init}${'`'} where the image's packages are installed`; };
        if (locked(node)) { refuse('is suppressed'); continue; }
        // apt-mark auto '.*' (the official images' cleanup pattern) would mark the init for autoremove.
        if (commands.some((x) => x.program === 'apt-mark')) { refuse(`marks packages for autoremove (apt-mark), which would remove ${init} too`); continue; }
        // apk add --virtual .deps: a later `apk del .deps` removes everything the group holds; a group kept is a fine place.
        const group = manager === 'apk' ? virtualGroup(install.flags) : null;
        if (group !== null && groupDeleted(ctx, chain.slice(0, depth + 1), group)) {
          if (depth === 0) after ??= node;
          continue;
        }
        const asRoot = c.wrappers.includes('sudo') ? c.sudoAsRoot : isRoot(facts.userAt(node));
        if (!asRoot) { refuse(`runs as \`${facts.userAt(node)}\`, not root`); continue; }
        const items = install.packageAt.map((i) => ({ node: c.nodes[i], computed: c.words[i] === null }));
        return { node, at: sourceStart(read, c.command.node), edit: insertListWord(ctx.dockerfile, read, items, init, packageName) };
      }
    }
  }
  if (blocked !== null) return { blocked };
  return after ? { after } : null;
}

/** Inserts `exec ` at `offset` of the shell script `script` wherever it is a word of `argv`. */
function withExec(argv: readonly string[], script: string, offset: number): string[] {
  return argv.map((word) => (word === script ? `${script.slice(0, offset)}exec ${script.slice(offset)}` : word));
}

/** Whether two argvs are the same words (null and undefined are no argv). */
function sameArgv(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((word, i) => word === b[i]);
}

/** The stored argv of `node`'s shell-form script, trimmed as FileFacts stores it. */
function storedScript(ctx: TransformContext, node: InstructionNode): string | null {
  const argv = ctx.facts.argvOf(node);
  return argv && node.form === 'shell' ? argv.stored[argv.stored.length - 1] : null;
}

/** The stages the init goes in, and whether each was opted in by the options, or a note. */
function targets(ctx: TransformContext, stages: string[], paths: string[]): { stage: Stage; optedIn: boolean }[] | NoteInput {
  const model = ctx.dockerfile;
  if (stages.length) {
    const found = stages.map((name) => model.stages.find((s) => s.name === name.toLowerCase()));
    const missing = stages.filter((_, i) => !found[i]);
    if (missing.length === stages.length) {
      return { id: 'unknown-stage', line: model.finalStage?.from.line ?? 1, message: `no init added: the option stages names ${missing.map((m) => `\`${m}\``).join(', ')}, and the file has no stage of that name` };
    }
    return found.filter((s): s is Stage => s !== undefined).map((stage) => ({ stage, optedIn: true }));
  }
  const final = model.finalStage;
  return final ? [{ stage: final, optedIn: pathListed(ctx.filename, paths) }] : [];
}

export const initEntrypoint: Transform = {
  id: 'init-entrypoint',
  // A new ENTRYPOINT is a new contract: what `docker run IMAGE args` and `--entrypoint` users get changes.
  level: 'review',
  // command: `exec` in front of a shell-form command's app, and npm start replaced by its script's command; copies: the option binary.
  effects: ['run-commands', 'command-prefix', 'command', 'copies'],
  description: 'Run the final stage under tini (or dumb-init) so signals reach the app and zombies are reaped',
  rationale:
    'PID 1 gets no default signal handlers and must reap orphaned processes. Most apps do neither, so `docker stop` ' +
    'waits 10 s and kills them. A minimal init as PID 1 forwards SIGTERM to the app and reaps zombies.',
  reviewCheck:
    'the app still handles SIGTERM as it should (the init forwards it, and now nothing else is PID 1), the base image\'s ' +
    'own entrypoint still runs behind the init, and whoever runs the image with arguments or `--entrypoint` gets what ' +
    'they got before: run the image, `docker stop` it, and run it as your deployment does',
  hadolintRules: [],
  run(ctx): TransformResult {
    const { dockerfile: model, options } = ctx;
    const final = model.finalStage;
    if (!final) return {};
    const optionNote = (message: string): TransformResult => ({ notes: [{ id: 'unknown-option', line: final.from.line, message: `no init added: ${message}` }] });
    const option = (options.init ?? 'tini') as string;
    if (option !== 'tini' && option !== 'dumb-init') return optionNote(`unknown option init=${JSON.stringify(option)} (use "tini" or "dumb-init")`);
    const stages = stringList(options.stages, 'stages');
    const paths = stringList(options.paths, 'paths');
    if (typeof stages === 'string') return optionNote(stages);
    if (typeof paths === 'string') return optionNote(paths);
    const chosen = targets(ctx, stages, paths);
    if (!Array.isArray(chosen)) return { notes: [chosen] };
    const result: Required<TransformResult> = { fixes: [], notes: [] };
    for (const { stage, optedIn } of chosen) {
      // An init the stage already installs and does not run (dumb-init) is the one to run: no second package.
      const own = options.init === undefined && installsInit(ctx, stage, 'dumb-init') && !installsInit(ctx, stage, 'tini') ? 'dumb-init' : option;
      const planned = planStage(ctx, stage, own, optedIn);
      result.fixes.push(...(planned.fixes ?? []));
      result.notes.push(...(planned.notes ?? []));
    }
    return result;
  },
};

/**
 * FROM and the ARG/ENV/LABEL/WORKDIR lines after it: an install goes after
 * them, early, so its layer is cached. It is inserted at the end of the
 * anchor, so comment lines below the anchor stay above the instruction they head.
 */
function firstAnchor(stage: Stage): InstructionNode {
  let anchor = stage.from;
  for (const node of stage.instructions.slice(1)) {
    if (!['ARG', 'ENV', 'LABEL', 'WORKDIR'].includes(node.keyword)) break;
    anchor = node;
  }
  return anchor;
}

/**
 * Where a new install RUN goes when the stage's own first install is an
 * `apk add --virtual` group deleted later: right after it, beside the
 * stage's packages. Not where that install comes after a COPY or ADD (the
 * init's layer would be rebuilt with every change of what they copy), runs
 * as another user than root, or is suppressed: then after the preamble.
 */
function installAnchor(ctx: TransformContext, stage: Stage, install: InstructionNode): InstructionNode {
  const before = stage.instructions.slice(0, stage.instructions.indexOf(install));
  if (before.some((n) => n.keyword === 'COPY' || n.keyword === 'ADD') || !isRoot(ctx.facts.userAt(install)) || ctx.locked(install)) return firstAnchor(stage);
  return install;
}

/** The text that changes where `manager` installs from (a mirror, a repository): the knowledge base's sourceMarkers. */
function sourceMarkers(manager: PackageManager): readonly string[] {
  return PACKAGE_MANAGER_FACTS[manager === 'apt' ? 'apt-get' : manager]?.sourceMarkers ?? [];
}

/** The stage's last RUN that may change `manager`'s sources (`sed -i … /etc/apk/repositories`, `add-apt-repository`), or null. */
function lastSourcesChange(ctx: TransformContext, stage: Stage, manager: PackageManager): InstructionNode | null {
  const markers = sourceMarkers(manager);
  let last: InstructionNode | null = null;
  for (const node of stage.instructions) {
    if (node.keyword === 'RUN' && markers.some((m) => ctx.dockerfile.rawArguments(node).includes(m))) last = node;
  }
  return last;
}

/** The option `binary`: a static init to copy in where no package can be installed. */
interface StaticBinary {
  /** Where the binary is (in `from`) and where it goes. */
  path: string;
  /** A stage of the file or an image that has it at `path`. */
  from?: string;
  /** Or a URL to download, with its checksum (`sha256:…`). */
  url?: string;
  checksum?: string;
}

function readBinary(value: unknown): StaticBinary | null | string {
  if (value === undefined) return null;
  const bad = 'the option binary must be {"from": "<stage or image>", "path": "/…"} or {"url": "https://…", "checksum": "sha256:…", "path": "/…"}';
  if (typeof value !== 'object' || value === null) return bad;
  const b = value as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' && (b[k] as string).length > 0 && !/\s/.test(b[k] as string) ? (b[k] as string) : undefined);
  const path = str('path');
  if (!path?.startsWith('/')) return bad;
  if (str('from') && !b.url) return { path, from: str('from') };
  if (str('url') && /^https:\/\//.test(str('url')!) && /^sha256:[0-9a-f]{64}$/.test(str('checksum') ?? '') && !b.from) return { path, url: str('url'), checksum: str('checksum') };
  return bad;
}

/** Whether the file's frontend has `ADD --checksum` (Dockerfile syntax 1.6 and later; `1` and `latest` name the newest). */
function checksumSupported(model: DockerfileModel): boolean {
  const syntax = model.directives.find((d) => d.name.toLowerCase() === 'syntax')?.value.trim();
  if (!syntax) return false;
  const m = /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?:(\d+)(?:\.(\d+))?[\w.-]*$/.exec(syntax) ?? /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?:latest$/.exec(syntax);
  if (!m) return false;
  if (m[1] === undefined) return true;
  const major = Number(m[1]);
  return major > 1 || (major === 1 && (m[2] === undefined || Number(m[2]) >= 6));
}

/** Words in a build argument's name that say it picks the OS or the whole base image (`BASE_OS_VERSION`, `BASE_IMAGE`, `DISTRO`). */
const OS_ARG_WORDS = new Set(['OS', 'DISTRO', 'DISTRIBUTION', 'VARIANT', 'FLAVOR', 'FLAVOUR', 'BASE', 'DEBIAN', 'ALPINE', 'UBUNTU', 'CODENAME', 'RELEASE']);

/**
 * A build argument in the root FROM's image (or in the default of one that
 * is) whose name says it chooses the OS or the base image: the file is built
 * for several, and one package manager's install would break the others.
 */
/**
 * Why the stage's base is not one image: a stage it is built FROM (itself or
 * an ancestor) names its parent stage through a build argument (`FROM
 * ${BASE}-base`), which another value points at another stage, maybe on
 * another OS, where the init would not be installed. Null when none does.
 */
function stagePickedByArg(ctx: TransformContext, stage: Stage): string | null {
  for (let child: Stage | null = stage; child; child = ctx.facts.parentOf(child)) {
    const parent = ctx.facts.parentOf(child);
    if (!parent || !child.image.includes('$')) continue;
    return `the stage is built FROM \`${child.image}\`, a build argument whose value picks the stage it builds on: \`${parent.name ?? parent.image}\` by default, another stage for another value, where the init would not be installed; ` +
      'install an init in every stage it can pick and add the ENTRYPOINT by hand, or run its containers with `docker run --init`';
  }
  return null;
}

/** The init a COPY puts into the image (`COPY --from=base /usr/bin/dumb-init /usr/bin/dumb-init`): the name of its destination. */
function copiedInitName(model: DockerfileModel, node: InstructionNode): string | null {
  const words = model.rawArguments(node).trim().split(/\s+/).filter((w) => !w.startsWith('--'));
  const destination = words[words.length - 1];
  if (words.length < 2 || !destination || destination.endsWith('/')) return null;
  const name = destination.slice(destination.lastIndexOf('/') + 1);
  return isInitProgram(name) ? name : null;
}

function osSelectingArg(ctx: TransformContext, stage: Stage): string | null {
  let root = stage;
  for (let parent = ctx.facts.parentOf(root); parent; parent = ctx.facts.parentOf(root)) root = parent;
  const defaults = new Map(ctx.dockerfile.globalArgs.map((node) => {
    const text = ctx.dockerfile.rawArguments(node).trim();
    const eq = text.indexOf('=');
    return eq < 0 ? [text, ''] : [text.slice(0, eq), text.slice(eq + 1)];
  }));
  const seen = new Set<string>();
  const pending = [root.image];
  while (pending.length) {
    for (const match of pending.pop()!.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = match[1];
      if (seen.has(name)) continue;
      seen.add(name);
      if (name.toUpperCase().split('_').some((word) => OS_ARG_WORDS.has(word))) return name;
      const value = defaults.get(name);
      if (value) pending.push(value);
    }
  }
  return null;
}

/** How to install the init from the image's package manager, or why not (the note). */
function packageRoute(image: ImageInfo, raw: string, init: InitName, leave: (id: string, message: string) => TransformResult):
  { manager: PackageManager; path: string; everyRelease: boolean } | TransformResult {
  const manager = image.packageManager;
  const alternative = STATIC_ALTERNATIVE;
  if (image.hasShell === false) return leave('no-shell', `\`${raw}\` has no shell to RUN an install in, nor a package manager; ${alternative}`);
  if (manager === null) return leave('no-package-manager', `\`${raw}\` has no package manager dfmod installs ${init} with (apt, apk, dnf, yum, microdnf, zypper); ${alternative}`);
  const release = image.release;
  const found = release ? initPackage(release, init) : initPackageOfManager(manager, init, image.family);
  if ('missing' in found) {
    const other = release ? initPackage(release, OTHER_INIT[init]) : null;
    return leave(MISSING_IDS[found.reason], missingNote(found, init, other, release ? releaseName(release) : null));
  }
  // Which release a patch pin is built on is not known, but where every release it may be built on has the init at one path, the answer is the same.
  if (!release && image.unknownRelease && !found.everyRelease && image.pinReleases) {
    const paths = new Set(image.pinReleases.map((r) => { const p = initPackage(r, init); return 'path' in p ? p.path : null; }));
    const [only] = paths;
    if (paths.size === 1 && only) return { manager, path: only, everyRelease: true };
  }
  if (!release && image.unknownRelease && !found.everyRelease) {
    return leave('unknown-release', `dfmod does not know which release \`${raw}\` is built on, so whether it has ${init}: ${image.unknownRelease}`);
  }
  if (!release && image.ref.digest && !found.everyRelease) {
    return leave('digest-release-unknown', `\`${raw}\` is pinned by digest, and a digest names no release, so dfmod cannot tell whether it has ${init}`);
  }
  return { manager, path: found.path, everyRelease: found.everyRelease === true };
}

function planStage(ctx: TransformContext, stage: Stage, init: InitName, optedIn: boolean): TransformResult {
  const { dockerfile: model, shell, locked, facts, options } = ctx;
  // A suppressed FROM leaves the whole stage alone; the engine withholds a fix touching a suppressed ENTRYPOINT or CMD.
  if (locked(stage.from)) return {};
  const at = stage.from.line;
  const leave = (id: string, message: string, line = at): TransformResult => ({ notes: [{ id, line, message: `no init added: ${message}` }] });
  if (facts.isWindows(stage)) return leave('windows', 'Windows images have no tini');

  // Where an init helps: the deployed stage of an application image, unless the options name this one.
  const optIn = stage.name
    ? `{"init-entrypoint": {"stages": ["${stage.name}"]}}`
    : `{"init-entrypoint": {"paths": ["${listedPath(ctx.filename)}"]}}`;
  const where = optedIn ? null : facts.initHelps(stage, ctx.filename, undefined, ctx.context as BuildContext | null);
  if (where && !where.helps && where.role.role !== 'application') {
    const role = where.role.role;
    const reason = roleReasonOnDisk(where.role, ctx.originalLine);
    if (NO_OPT_IN.has(role)) return leave(ROLE_NOTE_IDS[role], `${reason}, so this is ${ROLE_WHY[role]}`);
    return leave(ROLE_NOTE_IDS[role], `${reason}, so this is ${ROLE_WHY[role]}; to add one anyway, name it in the option ${optIn}, or run its containers with \`docker run --init\``);
  }

  // What the container runs: the base image's defaults, then every stage this one builds on.
  const command = facts.command(stage);
  const inEntrypoint = initIn(command.entrypoint, shell);
  const existing = inEntrypoint ?? initIn(command.cmd, shell);
  if (existing) {
    // The form this transform writes needs no note; any other init is worth one.
    const binaryPath = readBinary(options.binary);
    const paths = [...Object.values(INIT_PATHS).flatMap((byDistro) => Object.values(byDistro)), ...(typeof binaryPath === 'object' && binaryPath ? [binaryPath.path] : [])];
    const written = paths.some((path) => {
      const e = command.entrypoint;
      return e?.[0] === path && (e[1] === '--' || (e[1] === '-g' && e[2] === '--'));
    });
    if (written) return {};
    const node = inEntrypoint ? command.entrypointNode : command.cmdNode;
    return leave('already-has-init', `the container already runs an init (\`${existing}\`)`, node?.line ?? at);
  }
  // An entrypoint script that starts the init itself (`set -- tini -- "$@"` … `exec "$@"`): a second one in front would only be its parent.
  const started = scriptInit(facts, stage, ctx.context as BuildContext | null, shell);
  if (started) {
    const node = command.entrypoint?.length ? command.entrypointNode : command.cmdNode;
    return leave('already-has-init', `the script ${started.script} starts \`${started.init}\` itself (\`${started.command}\`, its line ${started.line}), so the image has an init already`, node?.line ?? at);
  }

  // An init copied into the image is there for something to run it: a script dfmod cannot follow (`exec dumb-init node …`).
  const copiedInit = stage.instructions.find((node) => node.keyword === 'COPY' && copiedInitName(model, node) !== null);
  if (copiedInit) {
    return leave('already-has-init', `line ${ctx.originalLine(copiedInit.line)} copies the init \`${copiedInitName(model, copiedInit)}\` into the image, so something there likely runs it (a script dfmod cannot follow); to add one anyway: ${optIn}`, copiedInit.line);
  }
  // A stop signal other than SIGTERM or SIGINT (nginx's SIGQUIT) means a shutdown of the app's own; the init would pass it on to processes that die of it.
  const stopping = facts.stopSignal(stage);
  if (stopping && !['SIGTERM', 'SIGINT'].includes(stopping.signal)) {
    const source = stopping.node ? `STOPSIGNAL ${stopping.signal} (line ${ctx.originalLine(stopping.node.line)})` : `the STOPSIGNAL ${stopping.signal} of \`${stage.image}\``;
    return leave('stop-signal', `${source}: \`docker stop\` sends ${stopping.signal}, which the init would forward to the app and its children, which may not handle it; dfmod adds an init where the stop signal is SIGTERM or SIGINT; to add one anyway: ${optIn}`, stopping.node?.line ?? at);
  }
  // PID 1 is already a proper one (a server's master, one compiled program, a one-shot tool): the init would add a package and nothing else.
  if (where?.sufficient) {
    const node = command.cmdNode ?? command.entrypointNode;
    return leave(where.sufficient.id, `${where.sufficient.reason} (to add one anyway: ${optIn})`, node && node.stage === stage ? node.line : at);
  }
  // Nothing shows a long-lived service (no EXPOSE, HEALTHCHECK or server command): a job, tool or client, which nobody stops with signals.
  if (where && where.service === null) {
    const node = command.cmdNode ?? command.entrypointNode;
    return leave('no-service', 'nothing shows dfmod the image runs a long-lived service (no EXPOSE or HEALTHCHECK, nor a server command it knows); ' +
      `if it is one, name it in the option ${optIn}; for a job or tool, run it with \`docker run --init\` where one is wanted`, node && node.stage === stage ? node.line : at);
  }

  // How to install the init: the base image's package manager, if its release carries the package.
  // Global ARG defaults are substituted; a variable the file gives no default for leaves the image unknown.
  const raw = facts.baseImage(stage);
  if (raw === null || parseImageRef(raw).dynamic) {
    let root = stage;
    for (let parent = facts.parentOf(root); parent; parent = facts.parentOf(root)) root = parent;
    return leave('dynamic-base', `the base image \`${raw ?? root.image}\` is a build argument, so its package manager is unknown`);
  }
  const picked = stagePickedByArg(ctx, stage);
  if (picked) return leave('dynamic-base', picked);
  const selector = osSelectingArg(ctx, stage);
  if (selector) return leave('dynamic-base', `the base image comes from the build argument ${selector}, which may name another OS (and package manager) than its default \`${raw}\``);
  const image = describeImage(raw);
  if (image.family === null) return leave('unknown-base', `dfmod does not know the base image \`${raw}\` (its package manager and entrypoint)`);
  const route = packageRoute(image, raw, init, leave);
  const binary = readBinary(options.binary);
  if (typeof binary === 'string') return leave('unknown-option', binary);
  // An image built from copies alone (FileFacts' targetPlatformRun) executes nothing for its platform: a package install would be
  // its first RUN (and a multi-platform build would need emulation). A static binary copied in is no RUN.
  const runs = targetPlatformRun(facts, stage) !== null;
  let pkg: { manager: PackageManager; path: string; everyRelease: boolean } | null = null;
  if ('manager' in route) {
    if (runs || !binary) pkg = route;
  } else if (!binary) return route;
  if (pkg && !runs) {
    return leave('no-run', `the stage is built only from COPY and ADD, with no RUN (nor one for its platform in the stages it is built FROM or copies from), so installing ${init} would add the image's first RUN, ` +
      `executed at build time (under emulation when built for other platforms); ` +
      `copy a static ${init} in with the option binary (\`{"init-entrypoint": {"binary": {"from": "<a stage or image with ${init}>", "path": "/…"}}}\`), or run its containers with \`docker run --init\``);
  }
  if (!pkg && binary?.url && !checksumSupported(model)) {
    return leave('add-checksum-unsupported', `\`ADD --checksum\` needs the Dockerfile frontend 1.6 or later: add \`# syntax=docker/dockerfile:1\` as the first line, or give the option binary.from instead`);
  }
  const release = image.release;
  const initPath = pkg ? pkg.path : binary!.path;

  const eol = model.source.eol;
  const edits: Edit[] = [];
  const insertions = new Map<number, string>();
  const insert = (offset: number, text: string) => insertions.set(offset, (insertions.get(offset) ?? '') + text);
  let installed: string;

  // Install: join the stage's own install, else one RUN after FROM and the ARG/ENV/LABEL lines that follow it, so the layer is cached early.
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.push(s);
  const manager = pkg?.manager ?? null;
  const already = manager !== null && chain.some((s) => installsPackage(s, init, manager, facts));
  const found = manager === null || already ? null : joinableInstall(ctx, stage, manager, init);
  // A new RUN would be a second install (for apt, a second `apt-get update` layer) beside the one the stage chain has.
  if (found && 'blocked' in found) return leave('install-not-joinable', found.blocked);
  const join = found && 'edit' in found ? found : null;
  if (manager === null) {
    // No package to install: the static binary the option names, copied in early.
    const line = binary!.from
      ? `COPY --from=${binary!.from} ${binary!.path} ${binary!.path}`
      : `ADD --checksum=${binary!.checksum} --chmod=755 ${binary!.url} ${binary!.path}`;
    insert(firstAnchor(stage).end, eol + line);
    installed = binary!.from ? `a static binary copied from ${binary!.from}` : `a static binary downloaded with a pinned checksum`;
  } else if (already) {
    installed = 'installed by the stage already';
  } else if (join) {
    insert(join.edit.start, join.edit.text);
    installed = `added to the ${manager} install of line ${ctx.originalInstructionLineAt(join.at)}`;
  } else {
    const early = found && 'after' in found ? installAnchor(ctx, stage, found.after) : firstAnchor(stage);
    // A RUN that switches the mirror or adds a repository prepares every install after it: the init's comes after it too.
    const sources = lastSourcesChange(ctx, stage, manager);
    const anchor = sources && stage.instructions.indexOf(sources) > stage.instructions.indexOf(early) ? sources : early;
    const next = stage.instructions[stage.instructions.indexOf(anchor) + 1] ?? anchor;
    if (!model.hasPosixShell(next)) return leave('unknown-shell', 'the stage runs RUN under a shell dfmod does not know');
    const userText = inheritedUserText(stage, facts, model);
    if (userText?.includes('$')) {
      return leave('dynamic-user', `the stage inherits \`USER ${userText}\`, which dfmod cannot restore after installing as root`);
    }
    // The user at the anchor: the inherited one after the preamble, root after the stage's own install.
    const user = facts.userAt(anchor);
    // Package lists an earlier stage left are not this stage's to delete: its own installs may read them.
    const keepLists = manager === 'apt' && facts.aptListsInherited(stage);
    const run = `RUN ${installScript(manager, [init], keepLists)}`;
    const installLines = isRoot(user) ? [run] : ['USER root', run, `USER ${user}`];
    // Right before the stage's first RUN where that follows the preamble: comments between them belong to what follows.
    const firstRun = anchor === early && next !== anchor && next.keyword === 'RUN' && isRoot(user) ? next : null;
    if (firstRun) insert(startWithComments(model, firstRun, anchor), installLines.map((l) => l + eol).join(''));
    else insert(anchor.end, installLines.map((l) => eol + l).join(''));
    installed = `installed with ${manager}${keepLists ? ', keeping the package lists the stage inherits' : ''}`;
  }

  // Signals: make the app the process the init signals, where the file says how.
  const signals = signalPath(facts, stage, ctx.context as BuildContext | null, shell);
  const notes: NoteInput[] = [];
  let group = false;
  let signalsHow = 'so signals reach the app and zombies are reaped';
  let entrypointArgv = command.entrypoint ?? null;
  let cmdArgv = command.cmd ?? null;
  let path: SignalPath = signals;
  while (path.kind === 'add-exec' || path.kind === 'run-script') {
    if (path.kind === 'add-exec') {
      const script = storedScript(ctx, path.node);
      if (script === null) break;
      if (entrypointArgv) entrypointArgv = withExec(entrypointArgv, script, path.offset);
      if (cmdArgv) cmdArgv = withExec(cmdArgv, script, path.offset);
      // The CMD of a stage this one builds on is left as it is: the CMD stated again below carries the exec.
      if (path.node.keyword === 'CMD' && path.node.stage === stage) {
        const read = facts.readRun(path.node);
        if (read.kind !== 'script' || locked(path.node)) break;
        edits.push({ start: read.script.offsets[path.offset], end: read.script.offsets[path.offset], text: 'exec ' });
      }
      signalsHow = `with \`exec\` in front of \`${path.command}\`, so the app replaces the shell and receives the signals; zombies are reaped`;
    } else {
      const node = path.node;
      const stored = facts.argvOf(node)?.stored;
      if (!stored || stored.join('\0') !== path.runner.join('\0') || locked(node)) {
        path = { kind: 'forced', why: `\`${path.runner.join(' ')}\` exits at SIGTERM without waiting for its script`, fix: 'run the script\'s command itself' };
        break;
      }
      if (node.keyword === 'CMD') {
        edits.push({ start: node.argsStart, end: node.end, text: jsonArray(path.argv) });
        cmdArgv = path.argv;
      } else entrypointArgv = path.argv;
      signalsHow = `with \`${path.runner.join(' ')}\` replaced by its script's command \`${path.argv.join(' ')}\`, since ${path.runner[0]} exits at SIGTERM without waiting for the app; zombies are reaped`;
    }
    path = path.then;
  }
  if (path.kind === 'unread') {
    // Signalling the whole group would reach a server's workers behind its back: the script is taken at its word, and the message says so.
    signalsHow = `so signals reach what the script ${path.script} execs (dfmod cannot read it: where it runs the app without exec, add exec there) and zombies are reaped`;
  }
  // SIGINT, the STOPSIGNAL postgres images set: a shell defers it while its foreground child runs and waits for that child, which receives it too.
  const stop = path.kind === 'forced' && path.shell ? facts.stopSignal(stage) : null;
  if (path.kind === 'forced' && path.shell && stop?.signal === 'SIGINT') {
    group = init === 'tini';
    const source = stop.node ? `the STOPSIGNAL of line ${ctx.originalLine(stop.node.line)}` : `the STOPSIGNAL of \`${raw}\``;
    signalsHow = `${group ? 'with -g, so the stop signal (SIGINT) goes to the whole process group' : 'signalling the whole process group'}, and zombies are reaped (see the note)`;
    notes.push({
      id: 'shell-waits',
      line: at,
      message: `the app receives the stop signal: \`docker stop\` sends SIGINT (${source}), which ${init} ${group ? '-g ' : ''}sends to the whole process group, and ${path.shell} ` +
        `defers SIGINT while the app runs and waits for it to exit; still, to make the app the process ${init} signals: ${path.fix}`,
    });
  } else if (path.kind === 'forced') {
    group = init === 'tini';
    signalsHow = `${group ? 'with -g, so SIGTERM goes to the whole process group' : 'signalling the whole process group'} and zombies are reaped (shutdown stays forced: see the note)`;
    notes.push({
      id: 'shutdown-forced',
      // The fix's line, set below: the note and the change it explains cite the same instruction.
      line: at,
      message: `shutdown is forced, not graceful: ${path.why}; ${init} ${group ? '-g ' : ''}sends SIGTERM to the app too, but it may be killed before its handler finishes: ${path.fix}`,
    });
  }

  // What: the init in front of what runs now.
  const prefix = group ? [initPath, '-g', '--'] : [initPath, '--'];
  let line = at;
  let how: string;
  const own = command.entrypointNode?.stage === stage ? command.entrypointNode : null;
  if (own) {
    line = own.line;
    if (own.form === 'heredoc') return leave('heredoc-entrypoint', 'the ENTRYPOINT is a here-document', own.line);
    const argv = facts.argvOf(own);
    if (argv === null) return leave('empty-entrypoint', 'the ENTRYPOINT has no arguments, and dfmod does not know what Docker makes of that', own.line);
    // A shell-form ENTRYPOINT stays under its shell (with `exec` in front of its program): run directly, its
    // program would receive the `docker run` arguments the shell ignored.
    // `ENTRYPOINT [""]` clears the entrypoint as `[]` does: the init alone, in front of the CMD, keeps that.
    const wrapped = entrypointArgv ?? (command.entrypoint === null ? [] : argv.stored);
    // An exec-form ENTRYPOINT that stays as it is gets the init written in front of its first word, keeping its layout.
    const inFront = command.entrypoint !== null && sameArgv(wrapped, own.execArgs) ? execFormPrefix(model, own, prefix) : null;
    if (inFront) edits.push({ start: inFront.at, end: inFront.at, text: inFront.text });
    else edits.push({ start: own.argsStart, end: own.end, text: jsonArray([...prefix, ...wrapped]) });
    how = 'ENTRYPOINT wrapped';
  } else {
    if (command.entrypoint === undefined) {
      return leave('unknown-entrypoint', `dfmod does not know the ENTRYPOINT of \`${raw}\`, which a new ENTRYPOINT would replace`);
    }
    // An ENTRYPOINT or CMD of an earlier stage of the file, stated again unchanged, keeps the layout it was written in.
    const fromNode = command.entrypointNode && sameArgv(entrypointArgv, command.entrypointNode.execArgs)
      ? execFormWithPrefix(model, command.entrypointNode, prefix)
      : null;
    const entrypoint = fromNode ?? jsonArray([...prefix, ...(entrypointArgv ?? [])]);
    const cmd = command.cmdNode?.stage === stage ? command.cmdNode : null;
    if (cmd) {
      line = cmd.line;
      insert(startWithComments(model, cmd), `ENTRYPOINT ${entrypoint}${eol}`);
    } else {
      // A new ENTRYPOINT resets the CMD the stage inherits: state it again.
      if (command.cmd === undefined) {
        return leave('unknown-cmd', `dfmod does not know the CMD of \`${raw}\`, which a new ENTRYPOINT would reset`);
      }
      if (command.cmd === null && command.entrypoint === null) return leave('no-command', 'the container has no command to run');
      const last = stage.instructions[stage.instructions.length - 1];
      const cmdText = command.cmdNode && sameArgv(cmdArgv, command.cmdNode.execArgs) ? model.rawArguments(command.cmdNode).trimEnd() : cmdArgv && jsonArray(cmdArgv);
      insert(last.end, `${eol}ENTRYPOINT ${entrypoint}` + (cmdText ? `${eol}CMD ${cmdText}` : ''));
    }
    how = command.entrypoint ? `the inherited ENTRYPOINT ${jsonArray(command.entrypoint)} wrapped` : 'ENTRYPOINT added';
  }
  // A tag dfmod knows nothing of what it runs is one whose release it cannot vouch for either (old tags ran elsewhere).
  if (pkg && !release && image.defaults === null && !pkg.everyRelease) {
    return leave('unknown-release', `dfmod does not know which release \`${raw}\` is built on, so whether it has ${init}`);
  }
  for (const [offset, text] of insertions) edits.push({ start: offset, end: offset, text });
  for (const note of notes) note.line = line;
  return {
    fixes: [{
      line,
      message: `${init} runs as PID 1 (${installed}; ${how}), ${signalsHow}`,
      edits,
    }],
    notes,
  };
}

export default initEntrypoint;
