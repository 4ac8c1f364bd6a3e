/**
 * exec-form: `CMD node server.js` runs `/bin/sh -c "node server.js"`, so the
 * shell is PID 1, and `docker stop`'s SIGTERM goes to a shell that does not
 * pass it on: the app is killed ten seconds later. When the command needs
 * nothing from the shell, the JSON form runs the same program directly.
 */
import type { InstructionNode } from '../lib/core/dockerfile.js';
import type { Fix, NoteInput, Transform } from '../lib/core/types.js';
import { jsonArray } from '../lib/core/edits.js';
import type { ShellNeed } from '../lib/facts/index.js';

/** Reasons lib/facts gives that come from the stage, not the script. */
const STAGE_SHELL_NEEDS = new Set(['windows-shell', 'shell-instruction']);

/** Why an instruction must stay in shell form whatever its script (the script's own needs come from lib/facts). */
function refusal(node: InstructionNode): ShellNeed | null {
  if (node.keyword === 'ENTRYPOINT' && node.stage?.instructions.some((i) => i.keyword === 'CMD')) {
    return { id: 'entrypoint-with-cmd', reason: 'the stage has a CMD, which a JSON-form ENTRYPOINT would receive as arguments' };
  }
  return null;
}

export const execForm: Transform = {
  id: 'exec-form',
  level: 'safe',
  effects: ['command-form'],
  description: 'Write shell-form CMD and ENTRYPOINT in JSON form when they use no shell features',
  rationale:
    'In shell form /bin/sh is PID 1 and does not forward SIGTERM, so `docker stop` waits 10 s and kills the app. ' +
    'JSON (exec) form runs the program as PID 1, where it receives signals directly.',
  hadolintRules: ['DL3025'],
  run({ dockerfile, facts }) {
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    for (const node of dockerfile.instructions) {
      if ((node.keyword !== 'CMD' && node.keyword !== 'ENTRYPOINT') || node.form !== 'shell') continue;
      const label = `${node.keyword} left in shell form`;
      const { direct, needsShell } = facts.argvOf(node)!;
      // What the stage imposes (its image's shell, SHELL) comes first, then the instruction, then its script.
      const imposed = needsShell && STAGE_SHELL_NEEDS.has(needsShell.id) ? needsShell : null;
      const refused = imposed ?? refusal(node) ?? needsShell;
      if (refused || !direct) {
        notes.push({ line: node.line, id: refused!.id, message: `${label}: ${refused!.reason}` });
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
