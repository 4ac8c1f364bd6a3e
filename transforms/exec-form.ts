/**
 * exec-form: `CMD node server.js` runs `/bin/sh -c "node server.js"`, so the
 * shell is PID 1, and `docker stop`'s SIGTERM goes to a shell that does not
 * pass it on: the app is killed ten seconds later. When the command needs
 * nothing from the shell, the JSON form runs the same program directly.
 */
import type { DockerfileModel, InstructionNode } from '../lib/core/dockerfile.js';
import type { Fix, NoteInput, Transform } from '../lib/core/types.js';
import { fileFacts, scriptArgv } from '../lib/facts/index.js';

/** The argv a shell-form script runs without its shell, or why it needs one (lib/facts' reader). */
export const argvOf = scriptArgv;

export function refusal(node: InstructionNode, model: DockerfileModel): string | null {
  if (node.stage && model.isWindowsStage(node.stage)) return 'a Windows image runs shell form under cmd.exe';
  if (model.shellOf(node)) return 'the stage sets SHELL, which JSON form would bypass';
  if (node.keyword === 'ENTRYPOINT' && node.stage?.instructions.some((i) => i.keyword === 'CMD')) {
    return 'the stage has a CMD, which a JSON-form ENTRYPOINT would receive as arguments';
  }
  return null;
}

export const execForm: Transform = {
  id: 'exec-form',
  level: 'safe',
  description: 'Write shell-form CMD and ENTRYPOINT in JSON form when they use no shell features',
  rationale:
    'In shell form /bin/sh is PID 1 and does not forward SIGTERM, so `docker stop` waits 10 s and kills the app. ' +
    'JSON (exec) form runs the program as PID 1, where it receives signals directly.',
  hadolintRules: ['DL3025'],
  run({ dockerfile, shell }) {
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    for (const node of dockerfile.instructions) {
      if ((node.keyword !== 'CMD' && node.keyword !== 'ENTRYPOINT') || node.form !== 'shell') continue;
      const label = `${node.keyword} left in shell form`;
      const refused = refusal(node, dockerfile);
      if (refused) {
        notes.push({ line: node.line, message: `${label}: ${refused}` });
        continue;
      }
      const { direct, needsShell } = fileFacts(dockerfile, shell).argvOf(node)!;
      if (!direct) {
        notes.push({ line: node.line, message: `${label}: ${needsShell}` });
        continue;
      }
      const json = `[${direct.map((arg) => JSON.stringify(arg)).join(', ')}]`;
      fixes.push({
        line: node.line,
        message: `${node.keyword} in JSON form, so ${direct[0]} runs as PID 1 and receives signals`,
        edits: [{ start: node.argsStart, end: node.end, text: json }],
      });
    }
    return { fixes, notes };
  },
};

export default execForm;
