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
 */
import {
  describeImage, initPackage, initPackageOfManager, installScript, INIT_PATHS, isInitProgram, parseImageRef, releaseName,
  type InitMissingReason, type InitName, type InitPackage,
} from '../lib/knowledge/index.js';
import { simpleCommands } from '../lib/core/shell.js';
import type { DockerfileModel, Stage } from '../lib/core/dockerfile.js';
import type { ShellParser } from '../lib/core/shell.js';
import type { Edit, Transform, TransformResult } from '../lib/core/types.js';
import { jsonArray, startWithComments } from '../lib/core/edits.js';
import { isPackageInstall, type FileFacts } from '../lib/facts/index.js';

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

/** The last USER instruction of the stages `stage` builds on, as written (null: none). */
function inheritedUserText(stage: Stage, facts: FileFacts, model: DockerfileModel): string | null {
  for (let s = facts.parentOf(stage); s; s = facts.parentOf(s)) {
    const user = [...s.instructions].reverse().find((n) => n.keyword === 'USER');
    if (user) return model.rawArguments(user).trim();
  }
  return null;
}

/** Why `init` is missing, said with what to do instead: never a silent switch to the other init. */
function missingNote(missing: Extract<InitPackage, { missing: string }>, init: InitName, other: InitPackage | null, release: string | null): string {
  if (missing.reason !== 'no-package' || release === null) return missing.missing;
  const otherInit = OTHER_INIT[init];
  const alternative = other && 'path' in other
    ? `use \`docker run --init\`, or the option init=${otherInit}: ${release} has ${otherInit} (dfmod does not switch packages by itself)`
    : `use \`docker run --init\` (${release} has no ${otherInit} either)`;
  return `${missing.missing}; ${alternative}`;
}

export const initEntrypoint: Transform = {
  id: 'init-entrypoint',
  // A new ENTRYPOINT is a new contract: what `docker run IMAGE args` and `--entrypoint` users get changes.
  level: 'review',
  effects: ['run-commands', 'command-prefix'],
  description: 'Run the final stage under tini (or dumb-init) so signals reach the app and zombies are reaped',
  rationale:
    'PID 1 gets no default signal handlers and must reap orphaned processes. Most apps do neither, so `docker stop` ' +
    'waits 10 s and kills them. A minimal init as PID 1 forwards SIGTERM to the app and reaps zombies.',
  reviewCheck:
    'the app still handles SIGTERM as it should (the init forwards it, and now nothing else is PID 1), the base image\'s ' +
    'own entrypoint still runs behind the init, and whoever runs the image with arguments or `--entrypoint` gets what ' +
    'they got before: run the image, `docker stop` it, and run it as your deployment does',
  hadolintRules: [],
  run({ dockerfile: model, shell, options, locked, facts }): TransformResult {
    const stage = model.finalStage;
    // A suppressed final FROM leaves the whole stage alone; the engine withholds a fix touching a suppressed ENTRYPOINT or CMD.
    if (!stage || locked(stage.from)) return {};
    const at = stage.from.line;
    const leave = (id: string, message: string, line = at): TransformResult => ({ notes: [{ id, line, message: `no init added: ${message}` }] });

    const option = (options.init ?? 'tini') as string;
    if (option !== 'tini' && option !== 'dumb-init') return leave('unknown-option', `unknown option init=${JSON.stringify(option)} (use "tini" or "dumb-init")`);
    const init: InitName = option;
    if (facts.isWindows(stage)) return leave('windows', 'Windows images have no tini');

    // What the container runs: the base image's defaults, then every stage the final one builds on.
    const command = facts.command(stage);
    const inEntrypoint = initIn(command.entrypoint, shell);
    const existing = inEntrypoint ?? initIn(command.cmd, shell);
    if (existing) {
      // The form this transform writes needs no note; any other init is worth one.
      const written = Object.values(INIT_PATHS).some((byDistro) =>
        Object.values(byDistro).some((path) => command.entrypoint?.[0] === path && command.entrypoint[1] === '--'));
      if (written) return {};
      const node = inEntrypoint ? command.entrypointNode : command.cmdNode;
      return leave('already-has-init', `the container already runs an init (\`${existing}\`)`, node?.line ?? at);
    }

    // How to install the init: the base image's package manager, if its release carries the package.
    // Global ARG defaults are substituted; a variable the file gives no default for leaves the image unknown.
    const raw = facts.baseImage(stage);
    if (raw === null || parseImageRef(raw).dynamic) {
      let root = stage;
      for (let parent = facts.parentOf(root); parent; parent = facts.parentOf(root)) root = parent;
      return leave('dynamic-base', `the base image \`${raw ?? root.image}\` is a build argument, so its package manager is unknown`);
    }
    const image = describeImage(raw);
    if (image.family === null) return leave('unknown-base', `dfmod does not know the base image \`${raw}\` (its package manager and entrypoint)`);
    const manager = image.packageManager;
    if (image.hasShell === false) {
      return leave('no-shell', `\`${raw}\` has no shell to RUN an install in, nor a package manager; copy a static ${init} binary in instead, or use \`docker run --init\``);
    }
    if (manager === null) return leave('no-package-manager', `\`${raw}\` has no package manager to install ${init} with; copy a static ${init} binary in instead`);
    const release = image.release;
    const found = release ? initPackage(release, init) : initPackageOfManager(manager, init, image.family);
    if ('missing' in found) {
      const other = release ? initPackage(release, OTHER_INIT[init]) : null;
      return leave(MISSING_IDS[found.reason], missingNote(found, init, other, release ? releaseName(release) : null));
    }
    if (!release && image.ref.digest && !found.everyRelease) {
      return leave('digest-release-unknown', `\`${raw}\` is pinned by digest, and a digest names no release, so dfmod cannot tell whether it has ${init}`);
    }

    // Where: after FROM and the ARG/ENV/LABEL lines that follow it, so the layer is cached early.
    let anchor = stage.from;
    for (const node of stage.instructions.slice(1)) {
      if (!['ARG', 'ENV', 'LABEL'].includes(node.keyword)) break;
      anchor = node;
    }
    const next = stage.instructions[stage.instructions.indexOf(anchor) + 1] ?? anchor;
    if (!model.hasPosixShell(next)) return leave('unknown-shell', 'the stage runs RUN under a shell dfmod does not know');
    const userText = inheritedUserText(stage, facts, model);
    if (userText?.includes('$')) {
      return leave('dynamic-user', `the stage inherits \`USER ${userText}\`, which dfmod cannot restore after installing as root`);
    }
    const user = facts.userAt(stage.from);
    const eol = model.source.eol;
    const run = `RUN ${installScript(manager, [init])}`;
    const installLines = isRoot(user) ? [run] : ['USER root', run, `USER ${user}`];

    const insertions = new Map<number, string>();
    const insert = (offset: number, text: string) => insertions.set(offset, (insertions.get(offset) ?? '') + text);
    const chain: Stage[] = [];
    for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.push(s);
    if (!chain.some((s) => installsPackage(s, init, manager, facts))) {
      insert(anchor.end, installLines.map((l) => eol + l).join(''));
    }

    // What: the init in front of what runs now.
    const prefix = [found.path, '--'];
    const edits: Edit[] = [];
    let line = at;
    let how: string;
    const own = command.entrypointNode?.stage === stage ? command.entrypointNode : null;
    if (own) {
      line = own.line;
      if (own.form === 'heredoc') return leave('heredoc-entrypoint', 'the ENTRYPOINT is a here-document', own.line);
      const argv = facts.argvOf(own);
      if (argv === null) return leave('empty-entrypoint', 'the ENTRYPOINT has no arguments, and dfmod does not know what Docker makes of that', own.line);
      // No CMD to pass as arguments: when the script needs no shell, run its program directly (as exec-form would).
      const noCmd = own.form === 'shell' && !stage.instructions.some((i) => i.keyword === 'CMD');
      const wrapped = noCmd ? argv.direct ?? argv.stored : argv.stored;
      edits.push({ start: own.argsStart, end: own.end, text: jsonArray([...prefix, ...wrapped]) });
      how = 'ENTRYPOINT wrapped';
    } else {
      if (command.entrypoint === undefined) {
        return leave('unknown-entrypoint', `dfmod does not know the ENTRYPOINT of \`${raw}\`, which a new ENTRYPOINT would replace`);
      }
      const entrypoint = jsonArray([...prefix, ...(command.entrypoint ?? [])]);
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
        insert(last.end, `${eol}ENTRYPOINT ${entrypoint}` + (command.cmd ? `${eol}CMD ${jsonArray(command.cmd)}` : ''));
      }
      how = command.entrypoint ? `the inherited ENTRYPOINT ${jsonArray(command.entrypoint)} wrapped` : 'ENTRYPOINT added';
    }
    // A tag dfmod knows nothing of what it runs is one whose release it cannot vouch for either (old tags ran elsewhere).
    if (!release && image.defaults === null && !found.everyRelease) {
      return leave('unknown-release', `dfmod does not know which release \`${raw}\` is built on, so whether it has ${init}`);
    }
    for (const [offset, text] of insertions) edits.push({ start: offset, end: offset, text });
    return {
      fixes: [{
        line,
        message: `${init} runs as PID 1 (installed with ${manager}; ${how}), so signals reach the app and zombies are reaped`,
        edits,
      }],
    };
  },
};

export default initEntrypoint;
