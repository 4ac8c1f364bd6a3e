/**
 * The shell inside RUN, CMD and ENTRYPOINT, read with a real parser
 * (tree-sitter-bash through web-tree-sitter). Transforms ask questions of the
 * syntax tree: which commands run, with which literal arguments, in which
 * shell (the RUN's own, or a subshell), and where in the text.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Parser, Language } from 'web-tree-sitter';
import type { Node, Tree } from 'web-tree-sitter';

export type { Node, Tree };

export interface ShellParser {
  /** Parses a script; trees are cached by text for the life of the parser. */
  parse(text: string): Tree;
}

let shared: Promise<ShellParser> | null = null;

/** One parser per process (per worker): loading the grammar takes ~30 ms. */
export function loadShellParser(): Promise<ShellParser> {
  shared ??= (async () => {
    const require = createRequire(import.meta.url);
    // Baseline (Liftoff) code only: V8's optimising tier-up of the 1.3 MB
    // grammar otherwise holds the event loop for ~0.4 s after the first parse,
    // which was most of a one-file run, and parsing is not where time goes.
    setFlagsFromString('--liftoff-only');
    await Parser.init();
    const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const parser = new Parser();
    parser.setLanguage(bash);
    const cache = new Map<string, Tree>();
    return {
      parse(text: string): Tree {
        let tree = cache.get(text);
        if (!tree) {
          tree = parser.parse(text)!;
          if (cache.size >= 512) {
            const oldest = cache.keys().next().value as string;
            cache.get(oldest)?.delete();
            cache.delete(oldest);
          }
          cache.set(text, tree);
        }
        return tree;
      },
    };
  })();
  return shared;
}

/** Depth-first walk; return false from `visit` to skip a node's children. */
export function walk(node: Node, visit: (node: Node) => boolean | void): void {
  // An explicit stack: scripts nested thousands deep must not overflow the call stack.
  const stack: Node[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (visit(current) === false) continue;
    const children = current.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}

/** Nodes whose commands run in a child process: their state changes never leak. */
const ISOLATING = new Set(['subshell', 'command_substitution', 'process_substitution']);

export interface SimpleCommand {
  node: Node;
  /** The command name when it is a literal (`apt-get`), else null (`$CC`). */
  name: string | null;
  /** Argument nodes, in order. */
  args: Node[];
  /** Literal values of the arguments (null where an argument is not a literal). */
  argValues: (string | null)[];
  /** `FOO=1 cmd`: prefix assignments. */
  hasAssignments: boolean;
  /** The statement the command belongs to has redirections. */
  redirected: boolean;
  /**
   * True when the command runs in the script's own shell process, so a builtin
   * like `cd` or `export` changes the state seen by what follows.
   */
  inMainShell: boolean;
}

/**
 * The literal value of a word: unquoted, single- or double-quoted text with no
 * expansion, no glob and no unquoted tilde. Null when the shell would compute it.
 */
export function literalValue(node: Node): string | null {
  switch (node.type) {
    case 'word':
    case 'number': {
      const text = node.text;
      if (/[*?[\]{}~]/.test(text[0] === '~' ? text : text.replace(/\\./g, ''))) return null;
      if (/^~/.test(text)) return null;
      if (node.children.some((c) => c && c.type !== 'word' && c.isNamed)) return null;
      return text.replace(/\\(.)/g, '$1');
    }
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      let value = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type !== 'string_content') return null;
        // Inside double quotes a backslash only escapes $ ` " \ and newline.
        value += child.text.replace(/\\([$`"\\\n])/g, '$1');
      }
      return value;
    }
    case 'concatenation': {
      let value = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        const part = literalValue(child);
        if (part === null) return null;
        value += part;
      }
      return value;
    }
    default:
      return null;
  }
}

/**
 * `inMainShell` comes from the walk down (no climbing back up through
 * parents per command, which made deeply nested scripts quadratic).
 */
function describeCommand(node: Node, inMainShell: boolean): SimpleCommand {
  const nameNode = node.childForFieldName('name');
  const args: Node[] = [];
  let hasAssignments = false;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'variable_assignment') hasAssignments = true;
  }
  for (const arg of node.childrenForFieldName('argument')) {
    if (arg) args.push(arg);
  }
  const parent = node.parent;
  const redirected = parent !== null && parent.type === 'redirected_statement' && parent.childForFieldName('body')?.id === node.id;
  const nameWord = nameNode?.namedChildren[0] ?? null;
  return {
    node,
    name: nameWord ? literalValue(nameWord) : null,
    args,
    argValues: args.map(literalValue),
    hasAssignments,
    redirected,
    inMainShell,
  };
}

/** Every simple command in the tree, in source order. */
export function simpleCommands(root: Node): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  // An explicit stack: scripts nested thousands deep must not overflow the call stack.
  const stack: { node: Node; main: boolean }[] = [{ node: root, main: true }];
  while (stack.length) {
    const { node, main } = stack.pop()!;
    if (node.type === 'command') commands.push(describeCommand(node, main));
    const childMain = main && !ISOLATING.has(node.type) && node.type !== 'pipeline';
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, main: childMain });
    }
  }
  return commands;
}

/** Whether anything runs in the background (`cmd &`). */
export function hasBackgroundJob(root: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (!node.isNamed && node.type === '&') found = true;
    return !found;
  });
  return found;
}

/** A trailing `# comment` at the top level of a script, if any. */
export function trailingComment(root: Node): Node | null {
  const last = root.children[root.children.length - 1];
  return last && last.type === 'comment' ? last : null;
}

/** Whether the parser had to recover from a syntax error anywhere in the script. */
export function hasSyntaxError(root: Node): boolean {
  return root.hasError;
}

/**
 * The top-level statements of a script with the separators between them, so a
 * transform can tell `a && b` (one statement, a list) from `a; b` (two).
 */
export function topLevelStatements(root: Node): { node: Node; separator: string | null }[] {
  const statements: { node: Node; separator: string | null }[] = [];
  for (const child of root.children) {
    if (!child) continue;
    if (child.isNamed) {
      if (child.type === 'comment') continue;
      statements.push({ node: child, separator: null });
    } else if (statements.length && (child.type === ';' || child.type === '&' || child.type === '\n')) {
      statements[statements.length - 1].separator = child.type;
    }
  }
  return statements;
}

/**
 * The commands of a `&&` chain, left to right: `a && b && c` gives [a, b, c].
 * Any other statement gives itself.
 */
export function andChain(node: Node): Node[] {
  if (node.type !== 'list') return [node];
  const operator = node.children.find((c) => c && !c.isNamed);
  if (!operator || operator.type !== '&&') return [node];
  const left = node.namedChildren[0];
  const right = node.namedChildren[node.namedChildren.length - 1];
  if (!left || !right) return [node];
  return [...andChain(left), right];
}
