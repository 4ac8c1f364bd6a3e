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
 * new ENTRYPOINT replaces or resets): a table of well-known images says; for
 * any other base it leaves the file alone with a note.
 */
import { osFamily, parseImageRef, PACKAGE_MANAGERS, type PackageManager } from '../lib/knowledge/images.js';
import { simpleCommands } from '../lib/core/shell.js';
import type { DockerfileModel, InstructionNode, Stage } from '../lib/core/dockerfile.js';
import type { ShellParser } from '../lib/core/shell.js';
import type { Edit, Transform, TransformResult } from '../lib/core/types.js';
import { fileFacts } from '../lib/facts/index.js';

type InitName = 'tini' | 'dumb-init';

/** How to install each init, per package manager: the command and where it lands. */
const INSTALL: Record<InitName, Partial<Record<PackageManager, { run: string; path: string }>>> = {
  tini: {
    apt: { run: 'apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*', path: '/usr/bin/tini' },
    apk: { run: 'apk add --no-cache tini', path: '/sbin/tini' },
  },
  'dumb-init': {
    apt: { run: 'apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*', path: '/usr/bin/dumb-init' },
    apk: { run: 'apk add --no-cache dumb-init', path: '/usr/bin/dumb-init' },
  },
};

/** Why a package manager has no entry above. */
const NOT_INSTALLABLE: Record<PackageManager, string> = {
  apt: '',
  apk: '',
  dnf: 'tini and dumb-init are in EPEL, not in the base repositories of RHEL-family images',
  yum: 'tini and dumb-init are in EPEL, not in the base repositories of RHEL-family images',
  microdnf: 'tini and dumb-init are in EPEL, not in the base repositories of RHEL-family images',
  zypper: 'dfmod does not know a tini package for SUSE images',
};

/** Program names that already are an init or a process supervisor. */
const INITS = new Set([
  'tini', 'tini-static', 'dumb-init', 'docker-init', 'catatonit', 'pid1', 's6-svscan', 'runsvdir',
  'my_init', 'supervisord', 'systemd', 'runit', 'openrc-init',
]);

/** `init` itself only at the paths of s6-overlay and system inits. */
const INIT_PATHS = new Set(['/init', '/sbin/init', '/usr/sbin/init', '/bin/init']);

/**
 * What well-known official images run, when the Dockerfile does not say:
 * `entrypoint` null for none; `cmd` undefined when it depends on the tag.
 * `since` is the oldest major(.minor) version the row holds for (older tags
 * had another entrypoint or sit on an archived Debian release).
 */
interface BaseDefaults {
  match: RegExp;
  entrypoint: string[] | null;
  cmd?: string[];
  /** The default user, when it is not root. */
  user?: string;
  since?: [number, number];
  /** When present, the tags the row holds for. */
  tags?: RegExp;
}

const BASE_DEFAULTS: BaseDefaults[] = [
  { match: /^debian$/, entrypoint: null, cmd: ['bash'], since: [11, 0] },
  // Interim Ubuntu releases move to old-releases.ubuntu.com nine months after release: LTS only.
  { match: /^ubuntu$/, entrypoint: null, cmd: ['/bin/bash'], tags: /^(latest|xenial|bionic|focal|jammy|noble|(16|18|20|22|24|26)\.04)(\b|$)/ },
  { match: /^alpine$/, entrypoint: null, cmd: ['/bin/sh'] },
  { match: /^node$/, entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], since: [16, 0] },
  { match: /^python$/, entrypoint: null, cmd: ['python3'], since: [3, 6] },
  { match: /^golang$/, entrypoint: null, since: [1, 16] },
  { match: /^ruby$/, entrypoint: null, cmd: ['irb'], since: [2, 7] },
  { match: /^nginx$/, entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], since: [1, 22] },
  { match: /^httpd$/, entrypoint: null, cmd: ['httpd-foreground'], since: [2, 4] },
  { match: /^postgres$/, entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], since: [10, 0] },
  { match: /^redis$/, entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], since: [6, 0] },
  { match: /^mongo$/, entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], since: [5, 0] },
  { match: /^php$/, entrypoint: ['docker-php-entrypoint'], since: [8, 0] },
  { match: /^memcached$/, entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], user: 'memcache', since: [1, 6] },
];

/** Debian releases whose packages moved to archive.debian.org: `apt-get update` fails there. */
const ARCHIVED_TAG = /(^|-)(wheezy|jessie|stretch|buster)(-|$)/;

/** What the container runs at the start of a stage or after an instruction. */
interface Config {
  /** undefined: not known. */
  entrypoint: string[] | null | undefined;
  cmd: string[] | null | undefined;
  user: string | null;
  /** The instruction that set the entrypoint / cmd, when the Dockerfile did. */
  entrypointNode: InstructionNode | null;
  cmdNode: InstructionNode | null;
}

const ROOT_USERS = new Set(['', 'root', '0', 'root:root', '0:0']);

function isRoot(user: string | null): boolean {
  return user === null || ROOT_USERS.has(user);
}

function defaultsOf(image: string): BaseDefaults | null {
  const ref = parseImageRef(image);
  return BASE_DEFAULTS.find((d) => d.match.test(ref.repository)) ?? null;
}

/** Why installing a package or trusting the table's row may fail for this tag, or null. */
function tagProblem(image: string, row: BaseDefaults | null): string | null {
  const tag = parseImageRef(image).tag ?? '';
  if (ARCHIVED_TAG.test(tag)) return `\`${image}\` is an archived Debian release, where installing packages fails`;
  if (!row) return null;
  if (tag && row.tags && !row.tags.test(tag)) {
    return `dfmod does not know whether \`${image}\` still gets packages (it knows the LTS releases)`;
  }
  const version = /^v?(\d+)(?:\.(\d+))?/.exec(tag);
  if (version && row.since) {
    const [major, minor] = [Number(version[1]), Number(version[2] ?? 0)];
    const [sinceMajor, sinceMinor] = row.since;
    if (major < sinceMajor || (major === sinceMajor && minor < sinceMinor)) {
      return `dfmod does not know what \`${image}\` runs or whether its package sources still answer (it knows ${sinceMinor ? `${sinceMajor}.${sinceMinor}` : sinceMajor} and later)`;
    }
  }
  return null;
}

/** The argv Docker stores for an ENTRYPOINT or CMD, or null when dfmod cannot say. */
function storedArgv(node: InstructionNode, model: DockerfileModel): string[] | null {
  if (node.form === 'exec') return node.execArgs!;
  if (node.form !== 'shell') return null;
  const shell = model.shellOf(node) ?? ['/bin/sh', '-c'];
  return [...shell, model.shellScript(node)!.text.trimEnd()];
}

/** Applies a stage's ENTRYPOINT, CMD and USER to `config`, as BuildKit does. */
function fold(config: Config, stage: Stage, model: DockerfileModel): Config {
  let result = { ...config };
  let cmdSet = false;
  for (const node of stage.instructions) {
    if (node.keyword === 'ENTRYPOINT') {
      const argv = storedArgv(node, model);
      result.entrypoint = argv === null ? undefined : argv.length ? argv : null;
      result.entrypointNode = node;
      // A new ENTRYPOINT resets a CMD the stage inherited.
      if (!cmdSet) result = { ...result, cmd: null, cmdNode: null };
    } else if (node.keyword === 'CMD') {
      const argv = storedArgv(node, model);
      result.cmd = argv === null ? undefined : argv.length ? argv : null;
      result.cmdNode = node;
      cmdSet = true;
    } else if (node.keyword === 'USER') {
      result.user = model.rawArguments(node).trim();
    }
  }
  return result;
}

/** The init an argv already runs, looking into `sh -c` scripts too. */
function initIn(argv: string[] | null | undefined, shell: ShellParser): string | null {
  if (!argv) return null;
  for (const arg of argv) {
    const name = arg.split('/').pop() ?? '';
    if (INITS.has(name) || INIT_PATHS.has(arg)) return arg;
    if (/\s/.test(arg)) {
      for (const command of simpleCommands(shell.parse(arg).rootNode)) {
        const found = initIn([command.name ?? '', ...command.argValues.map((v) => v ?? '')].filter(Boolean), shell);
        if (found) return found;
      }
    }
  }
  return null;
}

/** The commands that install a package, per package manager: `apt-get install`, `apk add`. */
const INSTALL_COMMANDS: Partial<Record<PackageManager, { names: string[]; subcommand: string }>> = {
  apt: { names: ['apt-get', 'apt'], subcommand: 'install' },
  apk: { names: ['apk'], subcommand: 'add' },
};

/** Whether a RUN of the stage already installs `pkg` (then only the ENTRYPOINT is missing). */
function installsPackage(stage: Stage, pkg: string, manager: PackageManager, model: DockerfileModel, shell: ShellParser): boolean {
  const how = INSTALL_COMMANDS[manager];
  if (!how) return false;
  return stage.instructions.some((node) => {
    const script = node.keyword === 'RUN' && model.hasPosixShell(node) ? model.shellScript(node) : null;
    if (!script) return false;
    return simpleCommands(shell.parse(script.text).rootNode).some((c) =>
      c.name !== null && how.names.includes(c.name) && c.argValues.includes(how.subcommand) && c.argValues.includes(pkg));
  });
}

/** Comment lines directly above a node belong to it (suppressions, explanations). */
function startWithComments(node: InstructionNode, model: DockerfileModel): number {
  let line = node.line - 1; // 0-based line of the node
  while (line > 0 && /^\s*#/.test(model.source.lineText(line - 1))) line--;
  return model.source.lineStarts[line];
}

function json(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

export const initEntrypoint: Transform = {
  id: 'init-entrypoint',
  level: 'safe',
  description: 'Run the final stage under tini (or dumb-init) so signals reach the app and zombies are reaped',
  rationale:
    'PID 1 gets no default signal handlers and must reap orphaned processes. Most apps do neither, so `docker stop` ' +
    'waits 10 s and kills them. A minimal init as PID 1 forwards SIGTERM to the app and reaps zombies.',
  hadolintRules: [],
  run({ dockerfile: model, shell, options, locked }): TransformResult {
    const stage = model.finalStage;
    // A suppressed final FROM leaves the whole stage alone; the engine withholds a fix touching a suppressed ENTRYPOINT or CMD.
    if (!stage || locked(stage.from)) return {};
    const at = stage.from.line;
    const leave = (message: string, line = at): TransformResult => ({ notes: [{ line, message: `no init added: ${message}` }] });

    const init = (options.init ?? 'tini') as string;
    if (init !== 'tini' && init !== 'dumb-init') return leave(`unknown option init=${JSON.stringify(init)} (use "tini" or "dumb-init")`);
    if (model.isWindowsStage(stage)) return leave('Windows images have no tini');

    // What the container runs: the base image's defaults, then every stage the final one builds on.
    const root = model.rootStage(stage);
    const row = defaultsOf(root.image);
    const chain: Stage[] = [];
    for (let s: Stage | null = stage; s; s = s.parent) chain.unshift(s);
    const start: Config = {
      entrypoint: row ? row.entrypoint : undefined,
      cmd: row ? row.cmd : undefined,
      user: row?.user ?? null,
      entrypointNode: null,
      cmdNode: null,
    };
    const inherited = chain.slice(0, -1).reduce((c, s) => fold(c, s, model), start);
    const config = fold(inherited, stage, model);

    const inEntrypoint = initIn(config.entrypoint, shell);
    const existing = inEntrypoint ?? initIn(config.cmd, shell);
    if (existing) {
      // The form this transform writes needs no note; any other init is worth one.
      const written = Object.values(INSTALL).some((byManager) =>
        Object.values(byManager).some((i) => config.entrypoint?.[0] === i.path && config.entrypoint[1] === '--'));
      if (written) return {};
      const node = inEntrypoint ? config.entrypointNode : config.cmdNode;
      return leave(`the container already runs an init (\`${existing}\`)`, node?.line ?? at);
    }

    // How to install the init.
    const os = osFamily(root.image);
    if (os === 'unknown') {
      return leave(parseImageRef(root.image).dynamic
        ? `the base image \`${root.image}\` is a build argument, so its package manager is unknown`
        : `dfmod does not know the base image \`${root.image}\` (its package manager and entrypoint)`);
    }
    const manager = PACKAGE_MANAGERS[os];
    if (!manager) return leave(`\`${root.image}\` has no package manager to install ${init} with; copy a static ${init} binary in instead`);
    const install = INSTALL[init][manager];
    if (!install) return leave(NOT_INSTALLABLE[manager]);
    const problem = tagProblem(root.image, row);
    if (problem) return leave(problem);

    // Where: after FROM and the ARG/ENV/LABEL lines that follow it, so the layer is cached early.
    let anchor = stage.from;
    for (const node of stage.instructions.slice(1)) {
      if (!['ARG', 'ENV', 'LABEL'].includes(node.keyword)) break;
      anchor = node;
    }
    const next = stage.instructions[stage.instructions.indexOf(anchor) + 1] ?? anchor;
    if (!model.hasPosixShell(next)) return leave('the stage runs RUN under a shell dfmod does not know');
    const user = inherited.user;
    if (!isRoot(user) && user!.includes('$')) {
      return leave(`the stage inherits \`USER ${user}\`, which dfmod cannot restore after installing as root`);
    }
    const eol = model.source.eol;
    const installLines = isRoot(user) ? [`RUN ${install.run}`] : ['USER root', `RUN ${install.run}`, `USER ${user}`];

    const insertions = new Map<number, string>();
    const insert = (offset: number, text: string) => insertions.set(offset, (insertions.get(offset) ?? '') + text);
    if (!chain.some((s) => installsPackage(s, init, manager, model, shell))) {
      insert(anchor.end, installLines.map((l) => eol + l).join(''));
    }

    // What: the init in front of what runs now.
    const prefix = [install.path, '--'];
    const edits: Edit[] = [];
    let line = at;
    let how: string;
    const own = config.entrypointNode?.stage === stage ? config.entrypointNode : null;
    if (own) {
      line = own.line;
      if (own.form === 'heredoc') return leave('the ENTRYPOINT is a here-document', own.line);
      const stored = storedArgv(own, model);
      if (stored === null) return leave('the ENTRYPOINT has no arguments, and dfmod does not know what Docker makes of that', own.line);
      let argv = stored;
      if (own.form === 'shell' && !stage.instructions.some((i) => i.keyword === 'CMD')) {
        // No CMD to pass as arguments: when the script needs no shell, run its program directly (as exec-form would).
        argv = fileFacts(model, shell).argvOf(own)?.direct ?? argv;
      }
      edits.push({ start: own.argsStart, end: own.end, text: json([...prefix, ...argv]) });
      how = 'ENTRYPOINT wrapped';
    } else {
      if (config.entrypoint === undefined) {
        return leave(`dfmod does not know the ENTRYPOINT of \`${root.image}\`, which a new ENTRYPOINT would replace`);
      }
      const entrypoint = json([...prefix, ...(config.entrypoint ?? [])]);
      const cmd = config.cmdNode?.stage === stage ? config.cmdNode : null;
      if (cmd) {
        line = cmd.line;
        insert(startWithComments(cmd, model), `ENTRYPOINT ${entrypoint}${eol}`);
      } else {
        // A new ENTRYPOINT resets the CMD the stage inherits: state it again.
        if (config.cmd === undefined) {
          return leave(`dfmod does not know the CMD of \`${root.image}\`, which a new ENTRYPOINT would reset`);
        }
        if (config.cmd === null && config.entrypoint === null) return leave('the container has no command to run');
        const last = stage.instructions[stage.instructions.length - 1];
        insert(last.end, `${eol}ENTRYPOINT ${entrypoint}` + (config.cmd ? `${eol}CMD ${json(config.cmd)}` : ''));
      }
      how = config.entrypoint ? `the inherited ENTRYPOINT ${json(config.entrypoint)} wrapped` : 'ENTRYPOINT added';
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
