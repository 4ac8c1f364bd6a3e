/**
 * How `docker stop`'s SIGTERM, sent by an init to the process it starts,
 * reaches the application. Not at all through a shell that waits for its
 * command (dash, Debian's /bin/sh, forks even the one command of `sh -c`):
 * the shell dies at the signal, the init exits with its child, and the app is
 * killed before its own handler runs. Nor reliably through npm or yarn, which
 * exit at SIGTERM without waiting for the script they started. Measured with
 * tini on node:20-slim: `tini -- sh -c 'node app.js'` never ran the app's
 * handler, `tini -g -- sh -c …` (the whole process group signalled) and
 * `tini -g -- npm start` only sometimes; `sh -c 'exec node app.js'` and a
 * script ending `exec "$@"` always.
 *
 * The answer is the path from the argv Docker runs to the app: each step a
 * pass-through entrypoint (which ends `exec "$@"`), a shell running a script,
 * a package-manager script runner, or the app itself.
 */
import path from 'node:path';
import type { InstructionNode, Stage } from '../core/dockerfile.js';
import type { BuildContext } from '../core/context.js';
import { andChain, literalValue, topLevelStatements, walk, type Node, type ShellParser } from '../core/shell.js';
import { scriptArgv } from './argv.js';
import type { FileFacts } from './index.js';

/** The official images' entrypoint scripts: each ends `exec "$@"`, so the CMD replaces it. */
const PASS_THROUGH_ENTRYPOINT = /^docker-.*entrypoint(\.sh)?$/;

/** Shells whose `-c` script dfmod reads. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);

/** Script runners that start a package.json script in a shell and do not wait for it at SIGTERM: the subcommands that run one named after them. */
const SCRIPT_RUNNERS: Record<string, string[]> = { npm: ['run', 'run-script'], yarn: ['run'], pnpm: ['run'] };

/** The package.json script `npm start`, `npm run x`, `yarn start`… runs, or null. */
function runnerScript(program: string, argv: string[]): string | null {
  const run = SCRIPT_RUNNERS[program];
  if (!run) return null;
  if (argv[1] === 'start') return 'start';
  return run.includes(argv[1] ?? '') && argv[2] && !argv[2].startsWith('-') ? argv[2] : null;
}

/** Builtins that are no program to exec (exec would fail or mean something else). */
const NOT_EXECABLE = new Set(['cd', 'export', 'set', 'unset', 'trap', 'wait', 'exit', 'return', 'source', '.', 'eval', 'exec', ':', 'true', 'false', 'read', 'shift', 'umask', 'ulimit', 'local', 'readonly', 'alias', 'echo', 'printf', 'test', '[']);

export type SignalPath =
  /** The app is what the init starts, or what it execs into. */
  | { kind: 'direct' }
  /**
   * A shell-form CMD or ENTRYPOINT of the file whose last command can be
   * exec'd: `offset` in its shell script, where `exec ` goes (before the
   * command name, after any `VAR=value` prefixes).
   */
  | { kind: 'add-exec'; node: InstructionNode; offset: number; command: string; then: SignalPath }
  /** `npm start` (or yarn's) in a CMD/ENTRYPOINT of the file, whose start script is `argv`, which runs without npm. */
  | { kind: 'run-script'; node: InstructionNode; runner: string[]; argv: string[]; then: SignalPath }
  /** SIGTERM reaches the app only by signalling the process group, and the app may still be killed first: `why` says so. */
  | { kind: 'forced'; why: string; fix: string };

const basename = (word: string) => word.slice(word.lastIndexOf('/') + 1);

/** The last top-level command of a script and whether it is exec'd; null with a reason when it is not one plain command. */
function lastCommand(root: Node): { command: Node; name: Node; words: (string | null)[]; execs: boolean } | { none: string } {
  if (root.hasError) return { none: 'dfmod cannot parse it' };
  let trap = false;
  let background = false;
  walk(root, (n) => {
    if (n.type === 'command' && n.childForFieldName('name')?.text === 'trap') trap = true;
    if (!n.isNamed && n.type === '&') background = true;
    return !trap && !background;
  });
  if (trap) return { none: 'it sets a trap, which exec would skip' };
  if (background) return { none: 'it starts a background job' };
  const statements = topLevelStatements(root);
  const last = statements[statements.length - 1];
  if (!last) return { none: 'it runs nothing' };
  const chain = andChain(last.node);
  let command = chain[chain.length - 1];
  if (command.type === 'redirected_statement') command = command.childForFieldName('body') ?? command;
  if (command.type !== 'command') return { none: `its last command is ${command.type === 'list' ? 'a `||` list' : `a ${command.type.replace(/_/g, ' ')}`}` };
  const name = command.childForFieldName('name');
  if (!name) return { none: 'its last command is only assignments' };
  const words = [literalValue(name.namedChildren[0] ?? name), ...command.childrenForFieldName('argument').map((a) => literalValue(a!))];
  return { command, name, words, execs: words[0] === 'exec' };
}

/** The build-context file a COPY of the stage's FROM chain puts at `target` (absolute), the last one winning; null when none or not known. */
export function contextSourceAt(facts: FileFacts, stage: Stage, target: string): string | null {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.unshift(s);
  let found: string | null = null;
  for (const s of chain) {
    for (const node of s.instructions) {
      const copy = facts.copyOperands(node);
      if (!copy || copy.from !== null || copy.destResolved === null) continue;
      const dest = copy.destResolved;
      for (const source of copy.sources) {
        const clean = source.replace(/^\.\/+/, '').replace(/^\/+/, '');
        if (clean === '' || clean === '.') {
          const rel = path.posix.relative(dest, target);
          if (rel && !rel.startsWith('..') && !path.posix.isAbsolute(rel)) found = rel;
          continue;
        }
        const into = copy.destIsDirectory || copy.dest.endsWith('/') ? path.posix.join(dest, basename(clean)) : dest;
        if (/[*?[]/.test(clean)) {
          const pattern = new RegExp(`^${basename(clean).replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
          if (path.posix.dirname(target) === dest && pattern.test(basename(target))) found = path.posix.join(path.posix.dirname(clean), basename(target));
        } else if (into === target) found = clean;
      }
    }
  }
  return found;
}

interface Step {
  argv: string[];
  /** The file's instruction this argv is the stored argv of (its shell-form script is the last word), or null. */
  node: InstructionNode | null;
  /** The argv comes from the base image's defaults, not from the file. */
  inherited: boolean;
}

/**
 * The path from what a stage's container runs to its app, as far as dfmod
 * can follow it: through the base image's pass-through entrypoint, a `-c`
 * script (of a shell-form CMD/ENTRYPOINT), `npm start`, or an entrypoint
 * script copied from the build context.
 */
export function signalPath(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser): SignalPath {
  const command = facts.command(stage);
  const entrypoint = command.entrypoint ?? [];
  const cmd = command.cmd ?? [];
  const steps: Step[] = [];
  if (entrypoint.length) steps.push({ argv: [...entrypoint, ...cmd], node: command.entrypointNode, inherited: command.entrypointNode === null });
  else steps.push({ argv: cmd, node: command.cmdNode, inherited: command.cmdNode === null });
  return follow(facts, stage, context, shell, steps[0], command.cmdNode, 0);
}

function follow(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser, step: Step, cmdNode: InstructionNode | null, depth: number): SignalPath {
  const { argv } = step;
  if (!argv.length || depth > 4) return { kind: 'direct' };
  const program = basename(argv[0]);
  // The official images' entrypoint (inherited, or named as theirs): the CMD replaces it.
  if (PASS_THROUGH_ENTRYPOINT.test(program) && (step.inherited || !argv[0].includes('/') || argv[0] === `/usr/local/bin/${program}`) && !scriptInContext(facts, stage, context, argv[0])) {
    const rest = argv.slice(1);
    return follow(facts, stage, context, shell, { argv: rest, node: cmdNode, inherited: cmdNode === null }, cmdNode, depth + 1);
  }
  const c = argv.indexOf('-c');
  if (SHELLS.has(program) && c > 0 && c + 1 < argv.length) {
    const script = argv[c + 1];
    const last = lastCommand(shell.parse(script).rootNode);
    if ('none' in last) return forcedShell(`the shell script \`${script}\``, last.none);
    const words = last.words.slice(last.execs ? 1 : 0);
    const rest = words.every((w) => w !== null) ? (words as string[]) : [];
    const then = follow(facts, stage, context, shell, { argv: rest, node: null, inherited: step.inherited }, null, depth + 1);
    if (last.execs) return then;
    const name = last.words[0];
    if (name === null || NOT_EXECABLE.has(name)) return forcedShell(`the shell script \`${script}\``, `its last command \`${last.command.text}\` is a shell builtin`);
    if (step.node && step.node.form === 'shell') {
      // The node's script text is `script` (trimmed); offsets are the same from its start.
      return { kind: 'add-exec', node: step.node, offset: last.name.startIndex, command: last.command.text, then };
    }
    return forcedShell(`the shell script \`${script}\`${step.inherited ? ' of the base image' : ''}`, `it runs \`${last.command.text}\` without exec`);
  }
  const scriptName = runnerScript(program, argv);
  if (scriptName) return runScript(facts, stage, context, shell, step, program, argv, scriptName);
  const script = scriptInContext(facts, stage, context, argv[0]);
  if (script) {
    const text = context!.read(script.source);
    if (text === null || !/^#!\s*\S*\b(sh|bash|dash|ash)\b/.test(text)) return { kind: 'direct' };
    const last = lastCommand(shell.parse(text).rootNode);
    if ('none' in last) return forcedShell(`the script ${script.source}`, last.none);
    if (last.execs) return { kind: 'direct' };
    const line = text.slice(0, last.command.startIndex).split('\n').length;
    return {
      kind: 'forced',
      why: `the script ${script.source} runs \`${last.command.text}\` (its line ${line}) without exec, so its shell exits at SIGTERM and the container ends with it`,
      fix: `write \`exec ${last.command.text}\` there`,
    };
  }
  return { kind: 'direct' };
}

function forcedShell(what: string, why: string): SignalPath {
  return { kind: 'forced', why: `${what} is run by a shell that exits at SIGTERM (${why}), and the container ends with it`, fix: 'run the app with exec, or in JSON form' };
}

/** A script the container runs that a COPY took from the build context: its path there. */
function scriptInContext(facts: FileFacts, stage: Stage, context: BuildContext | null, word: string): { source: string } | null {
  if (!context) return null;
  const workdir = facts.finalWorkdir(stage);
  let target: string | null = null;
  if (word.startsWith('/')) target = path.posix.normalize(word);
  else if (word.includes('/') && workdir !== null) target = path.posix.resolve(workdir, word);
  else if (!word.includes('/')) {
    // A bare name runs from PATH: the copies into the usual bin folders.
    for (const dir of ['/usr/local/bin', '/usr/bin', '/bin']) {
      const source = contextSourceAt(facts, stage, path.posix.join(dir, word));
      if (source !== null && context.exists(source)) return { source };
    }
    return null;
  }
  if (target === null) return null;
  const source = contextSourceAt(facts, stage, target);
  return source !== null && context.exists(source) ? { source } : null;
}

/** `npm start` and the like: the start script's own command, when it runs the same without npm. */
function runScript(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser, step: Step, program: string, argv: string[], name: string): SignalPath {
  const forced = (why: string): SignalPath => ({
    kind: 'forced',
    why: `\`${argv.join(' ')}\`: ${program} exits at SIGTERM without waiting for the script it started, and the container ends with it${why ? ` (dfmod cannot run the script's command instead: ${why})` : ''}`,
    fix: 'run the script\'s command itself in the CMD (`CMD ["node", "server.js"]`)',
  });
  if (!step.node || step.node.form !== 'exec' || !context) return forced('');
  // The extra words npm would pass on (`npm start -- --port 1`) make the replacement harder to prove.
  if (argv.length > (argv[1] === 'start' ? 2 : 3)) return forced('');
  const workdir = facts.finalWorkdir(stage);
  if (workdir === null) return forced('');
  const source = contextSourceAt(facts, stage, path.posix.join(workdir, 'package.json'));
  const text = source === null ? null : context.read(source);
  if (text === null) return forced('dfmod cannot see which package.json it reads');
  let scripts: Record<string, unknown>;
  try {
    scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    return forced(`${source} is not JSON`);
  }
  const body = scripts[name];
  if (typeof body !== 'string') return forced(`${source} has no \`${name}\` script`);
  if (scripts[`pre${name}`] !== undefined || scripts[`post${name}`] !== undefined) return forced(`${source} has pre${name}/post${name} scripts`);
  const parsed = scriptArgv(shell.parse(body).rootNode);
  if (!('argv' in parsed)) return forced(`its \`${name}\` script needs a shell: ${parsed.reason}`);
  // `node` is on PATH without npm's node_modules/.bin; a package's binary is not.
  if (parsed.argv[0] !== 'node') return forced(`its \`${name}\` script runs \`${parsed.argv[0]}\`, which ${program} finds in node_modules/.bin`);
  const entry = parsed.argv.slice(1).find((a) => !a.startsWith('-'));
  const entrySource = entry ? contextSourceAt(facts, stage, path.posix.resolve(workdir, entry)) : null;
  const entryText = entrySource === null ? null : context.read(entrySource);
  if (entryText === null) return forced(`dfmod cannot read ${entry ?? 'the script\'s entry file'} to check it reads no npm_* variable`);
  if (/\bnpm_(package|config|lifecycle)_|\bnpm_lifecycle_event\b/.test(entryText)) return forced(`${entrySource} reads npm's environment (npm_*)`);
  return { kind: 'run-script', node: step.node, runner: argv, argv: parsed.argv, then: { kind: 'direct' } };
}
