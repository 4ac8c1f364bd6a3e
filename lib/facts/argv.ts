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

/**
 * What in a script only a shell can do (`a pipe`, `variable expansion`, …),
 * or null when it is one command of literal words: no variables,
 * redirections, pipes, lists, globs, `~` or `VAR=value` prefixes.
 */
export function shellFeature(root: Node): string | null {
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

/**
 * The argv a shell-form script runs without needing the shell (a leading
 * `exec` dropped: JSON form already makes the program PID 1), or the reason,
 * worded as a clause: `it uses a pipe`, `` `cd` is a shell builtin ``.
 */
export function scriptArgv(root: Node): { argv: string[] } | { reason: string } {
  const feature = shellFeature(root);
  if (feature) return { reason: `it uses ${feature}` };
  const command = root.namedChildren[0]!;
  const nameNode = command.childForFieldName('name')?.namedChildren[0];
  const name = nameNode ? literalValue(nameNode) : null;
  if (name === null) return { reason: 'its command name is computed by the shell' };
  const argv = [name, ...command.childrenForFieldName('argument').map((a) => literalValue(a!)!)];
  if (argv[0] === 'exec' && argv.length > 1 && !argv[1].startsWith('-')) argv.shift();
  if (SHELL_ONLY_BUILTINS.has(argv[0])) return { reason: `\`${argv[0]}\` is a shell builtin` };
  return { argv };
}
