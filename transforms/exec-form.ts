/**
 * exec-form: `CMD node server.js` runs `/bin/sh -c "node server.js"`, so the
 * shell is PID 1, and `docker stop`'s SIGTERM goes to a shell that does not
 * pass it on: the app is killed ten seconds later. When the command needs
 * nothing from the shell, the JSON form runs the same program directly.
 *
 * "The same" is more than the words: the shell also runs a file without a
 * `#!` line as a shell script, where exec fails; an ENTRYPOINT receives the
 * CMD as `/bin/sh -c …` in shell form and as the program's argv in JSON form,
 * and a script that looks at its first argument can branch differently; and a
 * shell-form ENTRYPOINT ignores CMD and `docker run` arguments, which a
 * JSON-form one would receive. Each of these is refused with its reason.
 */
import type { InstructionNode, Stage } from '../lib/core/dockerfile.js';
import type { BuildContext } from '../lib/core/context.js';
import type { Fix, NoteInput, Transform } from '../lib/core/types.js';
import { jsonArray } from '../lib/core/edits.js';
import { shellExecs, type FileFacts, type ShellNeed } from '../lib/facts/index.js';
import { POSIX_SHELLS } from '../lib/knowledge/index.js';

/** Reasons lib/facts gives that come from the stage, not the script. */
const STAGE_SHELL_NEEDS = new Set(['windows-shell', 'shell-instruction']);

/** Names a file without `#!` is likely a shell script under (then an unread one is refused). */
const SHELL_SCRIPT_NAME = /\.(sh|bash|ksh)$/;
/** The start of an ELF executable, which exec runs without a `#!` line. */
const ELF_MAGIC = '\x7fELF';

/**
 * Why a shell-form ENTRYPOINT stays: in shell form it ignores CMD and
 * `docker run`'s arguments; in JSON form it would receive them. Where some
 * stage gives it a CMD that changes what runs; where none does, it still
 * changes what `docker run image --flag` does, which the file cannot rule out.
 */
function entrypointRefusal(node: InstructionNode, facts: FileFacts, onDisk: (line: number) => number): ShellNeed {
  const stage = node.stage!;
  const receivers = [stage, ...facts.stagesBuiltOn(stage)].filter((s) => facts.command(s).entrypointNode === node);
  for (const s of receivers) {
    const command = facts.command(s);
    if (command.cmd === null) continue;
    if (s === stage) return { id: 'entrypoint-with-cmd', reason: 'the stage has a CMD, which a JSON-form ENTRYPOINT would receive as arguments' };
    const where = command.cmdNode ? `line ${onDisk(command.cmdNode.line)}` : 'its base';
    return {
      id: 'entrypoint-child-cmd',
      reason: `stage ${s.name ?? s.index} builds on this one and has a CMD (${where}), which a JSON-form ENTRYPOINT would receive as arguments`,
    };
  }
  return {
    id: 'entrypoint-run-arguments',
    reason: 'a shell-form ENTRYPOINT ignores CMD and `docker run` arguments, which a JSON-form one would pass to the program',
  };
}

/** Why the program JSON form would exec is not known to run as the shell runs it: a script without `#!`. */
function scriptRefusal(node: InstructionNode, program: string, facts: FileFacts, context: BuildContext | null, onDisk: (line: number) => number): ShellNeed | null {
  if (!context) {
    if (program.includes('/') && SHELL_SCRIPT_NAME.test(program)) {
      return { id: 'script-not-read', reason: `without a build context dfmod cannot read ${program} for a \`#!\` line, without which only the shell runs it` };
    }
    return null;
  }
  const found = facts.programFile(node, program, context);
  if (!found) return null;
  const { source } = found;
  if (source) {
    const first = context.firstLine?.(source.file) ?? context.read(source.file)?.split('\n')[0] ?? null;
    if (first !== null && !first.startsWith('#!') && !first.startsWith(ELF_MAGIC)) {
      return {
        id: 'no-shebang',
        reason: `${source.file} (copied at line ${onDisk(source.copy.node.line)}) has no \`#!\` line: the shell runs it as a script, exec would fail with "exec format error"`,
      };
    }
    return null;
  }
  if (SHELL_SCRIPT_NAME.test(program)) {
    return { id: 'script-not-read', reason: `dfmod cannot read ${program} (it is not copied from the build context) for a \`#!\` line, without which only the shell runs it` };
  }
  return null;
}

/** Whether a program file is executable in the image: its mode in the context, unless the COPY sets one. */
function executableInImage(node: InstructionNode, program: string, facts: FileFacts, context: BuildContext | null): boolean {
  if (!context) return false;
  const source = facts.programFile(node, program, context)?.source;
  if (!source) return false;
  const chmod = source.copy.chmod;
  if (chmod !== null) return /^[0-7]{3,4}$/.test(chmod) ? (parseInt(chmod, 8) & 0o111) !== 0 : /x/.test(chmod);
  return context.isExecutable?.(source.file) === true;
}

/**
 * Why a CMD in JSON form would reach the ENTRYPOINT differently: a script
 * dfmod has not read, or the image's own script, which the knowledge base
 * says branches on the first argument this CMD would give it.
 */
function cmdRefusal(node: InstructionNode, argv: string[], facts: FileFacts, context: BuildContext | null, onDisk: (line: number) => number): ShellNeed | null {
  const stage: Stage = node.stage!;
  const receiver = facts.cmdReceiver(stage);
  if (receiver.kind === 'none' || receiver.kind === 'ignored' || receiver.kind === 'unknown-image') return null;
  if (receiver.kind === 'unknown') {
    const where = receiver.node ? `the ENTRYPOINT at line ${onDisk(receiver.node.line)}` : `the ENTRYPOINT of ${facts.baseImage(stage)}`;
    const named = receiver.entrypoint ? ` (${receiver.entrypoint.join(' ')})` : '';
    return {
      id: 'entrypoint-not-known',
      reason: `${where}${named} receives the CMD as its arguments, \`/bin/sh -c …\` in shell form and \`${argv[0]} …\` in JSON form, and dfmod does not know that it treats both alike`,
    };
  }
  if (!receiver.script) return null;
  // The knowledge base's entrypoint scripts exec their arguments, after acting on some first ones, and give a first
  // argument that is an option or no command to their own program.
  const { actsOn, commands, image, argv: script, optionsOnly } = receiver.script;
  const name = `${image}'s ${script[0]}`;
  const program = argv[0];
  if (actsOn.includes(program)) {
    return { id: 'entrypoint-branches', reason: `${name} acts on a first argument \`${program}\` itself (in shell form it gets \`/bin/sh\` and only runs it)` };
  }
  if (program.startsWith('-')) {
    return { id: 'entrypoint-branches', reason: `${name} takes a first argument starting with \`-\` as options of its own program` };
  }
  if (!optionsOnly && !commands.includes(program) && !executableInImage(node, program, facts, context)) {
    return {
      id: 'entrypoint-branches',
      reason: `${name} runs its own program on a first argument that is not an executable command, and dfmod cannot tell that \`${program}\` is one`,
    };
  }
  return null;
}

/** Whether a shell-form instruction's script is one command that starts with `exec` (`CMD exec gunicorn app:app`). */
function startsWithExec(facts: FileFacts, node: InstructionNode): boolean {
  const read = facts.readRun(node);
  if (read.kind !== 'script') return false;
  const statements = read.root.namedChildren.filter((n) => n.type !== 'comment');
  const name = statements.length === 1 ? statements[0].childForFieldName('name') : null;
  return name?.text === 'exec';
}

export const execForm: Transform = {
  id: 'exec-form',
  level: 'safe',
  effects: ['command-form'],
  description: 'Write shell-form CMD in JSON form when it uses no shell features',
  rationale:
    'In shell form /bin/sh is PID 1 and does not forward SIGTERM, so `docker stop` waits 10 s and kills the app. ' +
    'JSON (exec) form runs the program as PID 1, where it receives signals directly.',
  hadolintRules: ['DL3025'],
  run({ dockerfile, facts, context, originalLine }) {
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    for (const node of dockerfile.instructions) {
      if ((node.keyword !== 'CMD' && node.keyword !== 'ENTRYPOINT') || node.form !== 'shell' || !node.stage) continue;
      // A later CMD (ENTRYPOINT) of the same stage replaces this one: rewriting it changes nothing that runs.
      if (node.stage.instructions.some((other) => other.keyword === node.keyword && other.start > node.start)) continue;
      const label = `${node.keyword} left in shell form`;
      const { direct, needsShell } = facts.argvOf(node)!;
      // What the stage imposes (its image's shell, SHELL) comes first, then the instruction, then its script, then what it runs.
      const imposed = needsShell && STAGE_SHELL_NEEDS.has(needsShell.id) ? needsShell : null;
      // Lines quoted in the reasons are lines on disk: earlier transforms may have moved this text's.
      const refused = imposed ?? (node.keyword === 'ENTRYPOINT' ? entrypointRefusal(node, facts, originalLine) : null) ?? needsShell ??
        scriptRefusal(node, direct![0], facts, context, originalLine) ?? cmdRefusal(node, direct!, facts, context, originalLine);
      if (refused || !direct) {
        notes.push({ line: node.line, id: refused!.id, message: `${label}: ${refused!.reason}` });
        continue;
      }
      // `CMD exec app …`: the shell already replaces itself with the app, which is PID 1 as in JSON form; rewriting it
      // changes nothing that runs, and a reviewer reads it as noise.
      if (node.keyword === 'CMD' && startsWithExec(facts, node)) continue;
      // `CMD sh -c "…"` runs a shell as PID 1 in either form: JSON form would claim a signal benefit it does not give.
      const program = direct[0].split('/').pop() ?? '';
      // Unless the shell execs its script's one command (`bash -c 'php -S …'`): then that program is PID 1 in JSON form.
      const execd = POSIX_SHELLS.has(program) ? shellExecs(facts, node.stage, direct) : null;
      if (execd !== null) {
        fixes.push({
          line: node.line,
          message: `${node.keyword} in JSON form, so ${program} execs \`${execd}\` as PID 1, where it receives signals`,
          edits: [{ start: node.argsStart, end: node.end, text: jsonArray(direct) }],
        });
        continue;
      }
      if (POSIX_SHELLS.has(program) && direct.length > 1) {
        notes.push({
          line: node.line,
          id: 'runs-a-shell',
          message: `${label}: it runs \`${program}\` either way, which stays PID 1 and does not forward SIGTERM; to have the app receive signals, put \`exec\` in front of its last command, or run the app directly`,
        });
        continue;
      }
      fixes.push({
        line: node.line,
        message: `${node.keyword} in JSON form, so ${direct[0]} runs as PID 1 and receives signals`,
        edits: [{ start: node.argsStart, end: node.end, text: jsonArray(direct) }],
      });
    }
    return { fixes, notes };
  },
};

export default execForm;
