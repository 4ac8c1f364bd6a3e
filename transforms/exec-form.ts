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

/** Why a CMD or ENTRYPOINT stays in shell form: `id` names the refusal (stable, for --json), `reason` says it to people. */
export interface Refusal {
  id: string;
  reason: string;
}

/** Syntax that only a shell gives meaning to, by tree-sitter-bash node type: refusal id and what it is. */
const SHELL_SYNTAX: Record<string, [id: string, what: string]> = {
  simple_expansion: ['variable-expansion', 'variable expansion'],
  expansion: ['variable-expansion', 'variable expansion'],
  command_substitution: ['command-substitution', 'command substitution'],
  process_substitution: ['process-substitution', 'process substitution'],
  arithmetic_expansion: ['arithmetic-expansion', 'arithmetic expansion'],
  file_redirect: ['redirection', 'a redirection'],
  heredoc_redirect: ['here-document', 'a here-document'],
  herestring_redirect: ['here-string', 'a here-string'],
  pipeline: ['pipe', 'a pipe'],
  list: ['and-or-list', 'a `&&`/`||` list'],
  subshell: ['subshell', 'a subshell'],
  compound_statement: ['group', 'a `{ }` group'],
  if_statement: ['if', 'an `if`'],
  for_statement: ['loop', 'a loop'],
  c_style_for_statement: ['loop', 'a loop'],
  while_statement: ['loop', 'a loop'],
  case_statement: ['case', 'a `case`'],
  function_definition: ['function-definition', 'a function definition'],
  variable_assignment: ['variable-assignment', 'a variable assignment'],
  declaration_command: ['declaration', 'a declaration'],
  unset_command: ['unset', 'an `unset`'],
  negated_command: ['negation', 'a `!` negation'],
  test_command: ['test-expression', 'a `[[ ]]` test'],
  comment: ['comment', 'a comment'],
  ansi_c_string: ['ansi-c-string', 'an ANSI-C string'],
  brace_expression: ['brace-expansion', 'brace expansion'],
};

const uses = ([id, what]: [string, string]): Refusal => ({ id, reason: `it uses ${what}` });

/** Why this script needs a shell, or null when its words are plain literals. */
function shellFeature(root: Node): Refusal | null {
  if (root.hasError) return uses(['shell-syntax', 'shell syntax dfmod cannot parse']);
  if (root.namedChildren.some((n) => n?.type === 'comment')) return uses(SHELL_SYNTAX.comment);
  const statements = root.namedChildren.filter((n) => n !== null);
  if (statements.length !== 1) return statements.length ? uses(['several-commands', 'several commands']) : uses(['empty-command', 'an empty command']);
  let found: Refusal | null = null;
  walk(root, (node) => {
    if (found) return false;
    if (!node.isNamed && (node.type === '&' || node.type === ';')) found = uses(['background-or-semicolon', 'a background job or `;`']);
    else if (SHELL_SYNTAX[node.type]) found = uses(SHELL_SYNTAX[node.type]);
    return !found;
  });
  if (found) return found;
  const command = statements[0]!;
  if (command.type !== 'command') return uses(['shell-syntax', 'shell syntax']);
  for (const word of command.namedChildren) {
    if (!word || word.type === 'command_name') continue;
    if (literalValue(word) === null) return uses(['expansion', `\`${word.text}\`, which the shell would expand`]);
  }
  return null;
}

/** The argv the shell would run, or why it cannot be written as JSON. */
export function argvOf(root: Node): { argv: string[] } | Refusal {
  const feature = shellFeature(root);
  if (feature) return feature;
  const command = root.namedChildren[0]!;
  const nameNode = command.childForFieldName('name')?.namedChildren[0];
  const name = nameNode ? literalValue(nameNode) : null;
  if (name === null) return { id: 'computed-command', reason: 'its command name is computed by the shell' };
  const argv = [name, ...command.childrenForFieldName('argument').map((a) => literalValue(a!)!)];
  // `exec app` is the usual way to make the app PID 1 in shell form: JSON form does that by itself.
  if (argv[0] === 'exec' && argv.length > 1 && !argv[1].startsWith('-')) argv.shift();
  if (SHELL_ONLY_BUILTINS.has(argv[0])) return { id: 'builtin', reason: `\`${argv[0]}\` is a shell builtin` };
  return { argv };
}

/** Why `node` must stay in shell form whatever its script, or null. */
export function refusal(node: InstructionNode, model: DockerfileModel): Refusal | null {
  if (node.stage && model.isWindowsStage(node.stage)) return { id: 'windows-shell', reason: 'a Windows image runs shell form under cmd.exe' };
  if (model.shellOf(node)) return { id: 'shell-instruction', reason: 'the stage sets SHELL, which JSON form would bypass' };
  if (node.keyword === 'ENTRYPOINT' && node.stage?.instructions.some((i) => i.keyword === 'CMD')) {
    return { id: 'entrypoint-with-cmd', reason: 'the stage has a CMD, which a JSON-form ENTRYPOINT would receive as arguments' };
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
        notes.push({ line: node.line, id: refused.id, message: `${label}: ${refused.reason}` });
        continue;
      }
      const script = dockerfile.shellScript(node)!;
      const parsed = argvOf(shell.parse(script.text).rootNode);
      if ('reason' in parsed) {
        notes.push({ line: node.line, id: parsed.id, message: `${label}: ${parsed.reason}` });
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
