/**
 * exec-form: `CMD node server.js` runs `/bin/sh -c "node server.js"`, so the
 * shell is PID 1, and `docker stop`'s SIGTERM goes to a shell that does not
 * pass it on: the app is killed ten seconds later. When the command needs
 * nothing from the shell, the JSON form runs the same program directly.
 */
import type { Node } from '../lib/core/shell.js';
import { literalValue, walk } from '../lib/core/shell.js';
import type { DockerfileModel, InstructionNode } from '../lib/core/dockerfile.js';
import type { Fix, NoteInput, Transform } from '../lib/core/types.js';

/** Builtins with no executable of the same name: JSON form could not run them. */
const SHELL_ONLY_BUILTINS = new Set([
  '.', ':', 'alias', 'bg', 'bind', 'break', 'builtin', 'cd', 'command', 'continue', 'declare', 'dirs', 'enable',
  'eval', 'exit', 'export', 'fc', 'fg', 'getopts', 'hash', 'history', 'jobs', 'let', 'local', 'logout', 'popd',
  'pushd', 'read', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'times', 'trap', 'type',
  'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);

/** Syntax that only a shell gives meaning to, by tree-sitter-bash node type. */
const SHELL_SYNTAX: Record<string, string> = {
  simple_expansion: 'variable expansion',
  expansion: 'variable expansion',
  command_substitution: 'command substitution',
  process_substitution: 'process substitution',
  arithmetic_expansion: 'arithmetic expansion',
  file_redirect: 'a redirection',
  heredoc_redirect: 'a here-document',
  herestring_redirect: 'a here-string',
  pipeline: 'a pipe',
  list: 'a `&&`/`||` list',
  subshell: 'a subshell',
  compound_statement: 'a `{ }` group',
  if_statement: 'an `if`',
  for_statement: 'a loop',
  c_style_for_statement: 'a loop',
  while_statement: 'a loop',
  case_statement: 'a `case`',
  function_definition: 'a function definition',
  variable_assignment: 'a variable assignment',
  declaration_command: 'a declaration',
  unset_command: 'an `unset`',
  negated_command: 'a `!` negation',
  test_command: 'a `[[ ]]` test',
  comment: 'a comment',
  ansi_c_string: 'an ANSI-C string',
  brace_expression: 'brace expansion',
};

/** Why this script needs a shell, or null when its words are plain literals. */
function shellFeature(root: Node): string | null {
  if (root.hasError) return 'shell syntax dfmod cannot parse';
  if (root.namedChildren.some((n) => n?.type === 'comment')) return SHELL_SYNTAX.comment;
  const statements = root.namedChildren.filter((n) => n !== null);
  if (statements.length !== 1) return statements.length ? 'several commands' : 'an empty command';
  let reason: string | null = null;
  walk(root, (node) => {
    if (reason) return false;
    if (!node.isNamed && (node.type === '&' || node.type === ';')) reason = 'a background job or `;`';
    else if (SHELL_SYNTAX[node.type]) reason = SHELL_SYNTAX[node.type];
    return !reason;
  });
  if (reason) return reason;
  const command = statements[0]!;
  if (command.type !== 'command') return 'shell syntax';
  for (const word of command.namedChildren) {
    if (!word || word.type === 'command_name') continue;
    if (literalValue(word) === null) return `\`${word.text}\`, which the shell would expand`;
  }
  return null;
}

/** The argv the shell would run, or a reason it cannot be written as JSON. */
export function argvOf(root: Node): { argv: string[] } | { reason: string } {
  const feature = shellFeature(root);
  if (feature) return { reason: `it uses ${feature}` };
  const command = root.namedChildren[0]!;
  const nameNode = command.childForFieldName('name')?.namedChildren[0];
  const name = nameNode ? literalValue(nameNode) : null;
  if (name === null) return { reason: 'its command name is computed by the shell' };
  const argv = [name, ...command.childrenForFieldName('argument').map((a) => literalValue(a!)!)];
  // `exec app` is the usual way to make the app PID 1 in shell form: JSON form does that by itself.
  if (argv[0] === 'exec' && argv.length > 1 && !argv[1].startsWith('-')) argv.shift();
  if (SHELL_ONLY_BUILTINS.has(argv[0])) return { reason: `\`${argv[0]}\` is a shell builtin` };
  return { argv };
}

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
      const script = dockerfile.shellScript(node)!;
      const parsed = argvOf(shell.parse(script.text).rootNode);
      if ('reason' in parsed) {
        notes.push({ line: node.line, message: `${label}: ${parsed.reason}` });
        continue;
      }
      const json = `[${parsed.argv.map((arg) => JSON.stringify(arg)).join(', ')}]`;
      fixes.push({
        line: node.line,
        message: `${node.keyword} in JSON form, so ${parsed.argv[0]} runs as PID 1 and receives signals`,
        edits: [{ start: node.argsStart, end: node.end, text: json }],
      });
    }
    return { fixes, notes };
  },
};

export default execForm;
