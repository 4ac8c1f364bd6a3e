/**
 * What a CMD, ENTRYPOINT or RUN runs as an argv: what Docker stores, and,
 * for a shell-form script that needs nothing from the shell, the argv the
 * shell would end up running, so JSON form can run it directly.
 */
import type { Node } from '../core/shell.js';
import { literalValue, walk } from '../core/shell.js';

/** Builtins with no executable of the same name: JSON form could not run them. */
const SHELL_ONLY_BUILTINS = new Set([
  '.', ':', 'alias', 'bg', 'bind', 'break', 'builtin', 'cd', 'command', 'continue', 'declare', 'dirs', 'enable',
  'eval', 'exit', 'export', 'fc', 'fg', 'getopts', 'hash', 'history', 'jobs', 'let', 'local', 'logout', 'popd',
  'pushd', 'read', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'times', 'trap', 'type',
  'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);

/** Why a script needs its shell: `id` names the refusal (stable, for tests and --json), `reason` says it to people. */
export interface ShellNeed {
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

const uses = ([id, what]: [string, string]): ShellNeed => ({ id, reason: `it uses ${what}` });

/**
 * What in a script only a shell can do (`it uses a pipe`, …), or null when
 * it is one command of literal words: no variables, redirections, pipes,
 * lists, globs, `~` or `VAR=value` prefixes.
 */
function shellFeature(root: Node): ShellNeed | null {
  if (root.hasError) return uses(['shell-syntax', 'shell syntax dfmod cannot parse']);
  if (root.namedChildren.some((n) => n?.type === 'comment')) return uses(SHELL_SYNTAX.comment);
  const statements = root.namedChildren.filter((n) => n !== null);
  if (statements.length !== 1) return statements.length ? uses(['several-commands', 'several commands']) : uses(['empty-command', 'an empty command']);
  let found: ShellNeed | null = null;
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

/**
 * The argv a shell-form script runs without needing the shell (a leading
 * `exec` dropped: JSON form already makes the program PID 1), or why not.
 */
export function scriptArgv(root: Node): { argv: string[] } | ShellNeed {
  const feature = shellFeature(root);
  if (feature) return feature;
  const command = root.namedChildren[0]!;
  const nameNode = command.childForFieldName('name')?.namedChildren[0];
  const name = nameNode ? literalValue(nameNode) : null;
  if (name === null) return { id: 'computed-command', reason: 'its command name is computed by the shell' };
  const argv = [name, ...command.childrenForFieldName('argument').map((a) => literalValue(a!)!)];
  if (argv[0] === 'exec' && argv.length > 1 && !argv[1].startsWith('-')) argv.shift();
  if (SHELL_ONLY_BUILTINS.has(argv[0])) return { id: 'builtin', reason: `\`${argv[0]}\` is a shell builtin` };
  return { argv };
}

/**
 * Whether a script reads its positional parameters (`$1`, `"$@"`, `$*`,
 * `$#`, `$0`): a shell-form ENTRYPOINT gets CMD and `docker run` arguments
 * as those, and a script that reads none of them ignores both. A function's
 * own `$1` counts too, which only errs towards "reads them".
 */
export function readsPositionalParameters(root: Node): boolean {
  let reads = false;
  walk(root, (node) => {
    if (reads) return false;
    if ((node.type === 'variable_name' && /^\d+$/.test(node.text)) || (node.type === 'special_variable_name' && ['@', '*', '#'].includes(node.text))) {
      reads = true;
      return false;
    }
    return true;
  });
  return reads;
}
