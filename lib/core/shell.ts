/**
 * The shell inside RUN, CMD and ENTRYPOINT, read with a real parser
 * (tree-sitter-bash through web-tree-sitter). Transforms ask questions of the
 * syntax tree: which commands run, with which literal arguments, in which
 * shell (the RUN's own, or a subshell), and where in the text.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Parser, Language } from 'web-tree-sitter';
import type { Tree as WasmTree } from 'web-tree-sitter';

/**
 * A node of a parsed script, held in plain JavaScript. web-tree-sitter's own
 * nodes live in WebAssembly memory: every `.type`, `.children` or `.text`
 * crosses into it and allocates a fresh wrapper, which was most of a bulk
 * run's time. Each tree is copied out once, in one cursor walk, and the
 * WebAssembly tree freed; transforms then read ordinary objects, and the
 * garbage collector owns their memory. The API is the subset of
 * web-tree-sitter's Node that dfmod uses, with the same meanings.
 */
export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  parent: SyntaxNode | null = null;
  /** True when this node or a descendant is a syntax error or a missing token. */
  hasError = false;
  private named: SyntaxNode[] | null = null;

  constructor(
    private readonly source: string,
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    /** UTF-16 code unit offsets into the script, as for JavaScript strings. */
    readonly startIndex: number,
    readonly endIndex: number,
    /** The grammar field this node fills in its parent (`name`, `argument`, `body`…). */
    readonly fieldName: string | null,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    return (this.named ??= this.children.filter((child) => child.isNamed));
  }

  get lastChild(): SyntaxNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    return this.children.find((child) => child.fieldName === name) ?? null;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    return this.children.filter((child) => child.fieldName === name);
  }

  descendantsOfType(type: string): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    walk(this, (node) => {
      if (node !== this && node.type === type) found.push(node);
    });
    return found;
  }
}

export type Node = SyntaxNode;

export interface Tree {
  readonly rootNode: SyntaxNode;
}

export interface ShellParser {
  /** Parses a script; trees are cached by text for the life of the parser. */
  parse(text: string): Tree;
}

let nextNodeId = 1;

/** Per-symbol facts read once from the grammar, so copying a tree asks WebAssembly only for what varies per node. */
interface SymbolTable {
  types: readonly string[];
  fields: readonly (string | null)[];
  named(typeId: number): boolean;
}

function symbolTable(language: Language): SymbolTable {
  const named: boolean[] = [];
  return {
    types: language.types,
    fields: language.fields,
    named: (typeId) => (named[typeId] ??= language.nodeTypeIsNamed(typeId)),
  };
}

/** Copies a WebAssembly tree into SyntaxNodes with one cursor walk, then frees it. */
function copyTree(wasm: WasmTree, source: string, symbols: SymbolTable): Tree {
  const cursor = wasm.walk();
  try {
    const make = (parent: SyntaxNode | null): SyntaxNode => {
      const typeId = cursor.nodeTypeId;
      const type = symbols.types[typeId] ?? 'ERROR';
      const node = new SyntaxNode(source, nextNodeId++, type, symbols.named(typeId), cursor.startIndex, cursor.endIndex, parent ? symbols.fields[cursor.currentFieldId] ?? null : null);
      node.parent = parent;
      // A missing token is a zero-width node; only those need the extra question.
      node.hasError = type === 'ERROR' || (node.startIndex === node.endIndex && cursor.nodeIsMissing);
      return node;
    };
    const root = make(null);
    root.hasError = wasm.rootNode.hasError;
    // Iterative: scripts nested thousands deep must not overflow the call stack.
    let current = root;
    let descended = cursor.gotoFirstChild();
    while (descended || current !== root) {
      if (descended) {
        const child = make(current);
        current.children.push(child);
        current = child;
        descended = cursor.gotoFirstChild();
        continue;
      }
      // No (more) children: close `current` and move to its next sibling or up.
      const finished = current;
      current = finished.parent!;
      if (finished.hasError) current.hasError = true;
      if (cursor.gotoNextSibling()) {
        const sibling = make(current);
        current.children.push(sibling);
        current = sibling;
        descended = cursor.gotoFirstChild();
      } else {
        cursor.gotoParent();
        descended = false;
        if (current === root) break;
      }
    }
    return { rootNode: root };
  } finally {
    cursor.delete();
    wasm.delete();
  }
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
    const symbols = symbolTable(bash);
    const cache = new Map<string, Tree>();
    return {
      parse(text: string): Tree {
        let tree = cache.get(text);
        if (!tree) {
          tree = copyTree(parser.parse(text)!, text, symbols);
          if (cache.size >= 512) cache.delete(cache.keys().next().value as string);
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

/** Characters that mean nothing special to the shell anywhere in a word: the common case, answered without the checks below. */
const PLAIN_WORD = /^[\w./:=@%+,-]+$/;

/**
 * The literal value of a word: unquoted, single- or double-quoted text with no
 * expansion, no glob and no unquoted tilde. Null when the shell would compute it.
 */
export function literalValue(node: Node): string | null {
  switch (node.type) {
    case 'word':
    case 'number': {
      const text = node.text;
      if (PLAIN_WORD.test(text)) return text;
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
 * The literal text a word ends with, whatever the shell computes before it:
 * `/bin/activate` for `"$VENV/bin/activate"` or `${VENV}/bin/activate`, the
 * whole value for a literal word (`whole`), '' when it ends in an expansion.
 */
export function literalSuffix(node: Node): { text: string; whole: boolean } {
  const whole = literalValue(node);
  if (whole !== null) return { text: whole, whole: true };
  if (node.type !== 'concatenation' && node.type !== 'string') return { text: '', whole: false };
  let text = '';
  const parts = node.namedChildren.filter((c): c is Node => c !== null);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    const value = node.type === 'string'
      ? (part.type === 'string_content' ? part.text.replace(/\\([$`"\\\n])/g, '$1') : null)
      : literalValue(part);
    if (value === null) {
      // A word ending in a quoted part: what the quotes end with.
      if (node.type === 'concatenation' && i === parts.length - 1 && part.type === 'string') return literalSuffix(part);
      break;
    }
    text = value + text;
  }
  return { text, whole: false };
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

/**
 * Nodes holding a list of statements the shell runs in order: a script, the
 * `then` part of an if (the if_statement itself stands for it), an elif or
 * else part, a case item, a `{ }` group, a subshell, a loop's `do … done`.
 */
const BODIES = new Set(['program', 'if_statement', 'elif_clause', 'else_clause', 'case_item', 'compound_statement', 'subshell', 'do_group']);

/** The statements of a body (see BODIES), in order; null for another node. An if's or elif's condition is not part of it. */
export function bodyStatements(node: Node): Node[] | null {
  if (!BODIES.has(node.type)) return null;
  let children = node.children;
  if (node.type === 'if_statement' || node.type === 'elif_clause') {
    const then = children.findIndex((c) => !c.isNamed && c.type === 'then');
    children = then < 0 ? [] : children.slice(then + 1);
  }
  return children.filter((c) => c.isNamed && c.type !== 'comment' && c.type !== 'elif_clause' && c.type !== 'else_clause' &&
    !(node.type === 'case_item' && c.fieldName === 'value'));
}

/** Bodies whose statements run on some paths only: an if's branches, a case item. */
const BRANCH_BODIES = new Set(['if_statement', 'elif_clause', 'else_clause', 'case_item']);

/**
 * Whether the script runs `node` whenever it gets that far: not in a branch,
 * case item, loop or function body, nor right of `||` (or a `&&` nested in
 * a condition). A failure before it ends the script only under errexit or
 * in the `&&` chain it is in; either way, no path that goes on skips it.
 */
export function runsOnEveryPath(node: Node): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (BRANCH_BODIES.has(parent.type) && bodyStatements(parent)?.some((s) => s.id === child.id)) return false;
    // A loop body may run never; a function's, only when it is called.
    if (parent.type === 'do_group' || parent.type === 'function_definition') return false;
    if (parent.type === 'list') {
      const operator = parent.children.find((c) => !c.isNamed)?.type;
      if (operator === '||' && parent.namedChildren[parent.namedChildren.length - 1]?.id === child.id) return false;
    }
  }
  return true;
}

/**
 * The bodies a node runs in, innermost first, ending with the script: each
 * with the statement of that body the node is in. A command in an if's
 * condition is in the body that holds the if.
 */
export function enclosingBodies(node: Node): { body: Node; statement: Node }[] {
  const found: { body: Node; statement: Node }[] = [];
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const statements = bodyStatements(parent);
    if (statements?.some((s) => s.id === child.id)) found.push({ body: parent, statement: child });
  }
  return found;
}

/** `exec`'s options (bash's exec builtin: `-a NAME`, `-c`, `-l`), of which `-a` takes a value. */
const EXEC_OPTIONS = /^-[cl]*a?$/;

/**
 * Whether a simple command replaces the shell it runs in with a program:
 * `exec bash`, `exec -a name app`. `exec` with only redirections (`exec
 * >log 2>&1`) changes the shell's files and goes on. A replaced shell runs
 * nothing after it, and even a program that cannot be found ends a
 * non-interactive shell.
 */
export function execReplacesShell(node: Node): boolean {
  if (node.type === 'redirected_statement') {
    const body = node.childForFieldName('body');
    return body !== null && execReplacesShell(body);
  }
  if (node.type !== 'command') return false;
  const name = node.childForFieldName('name')?.namedChildren[0];
  if (!name || literalValue(name) !== 'exec') return false;
  const args = node.childrenForFieldName('argument').filter((a): a is Node => a !== null);
  for (let i = 0; i < args.length; i++) {
    const word = literalValue(args[i]!);
    if (word === '--') return i + 1 < args.length;
    if (word === null || !EXEC_OPTIONS.test(word)) return true;
    if (word.endsWith('a')) i++;
  }
  return false;
}

/** Nodes whose commands run in another shell than the one around them, or only when called. */
const OTHER_SHELLS = new Set(['subshell', 'command_substitution', 'process_substitution', 'pipeline', 'function_definition']);

/**
 * The `exec` that replaces the shell before `node` would run, so that it
 * never does: an element of the `&&` chain of a statement (`exec bash &&
 * npm install`), of a statement before it in the same body (`exec "$@";
 * cleanup`), or of one in a body around it. An exec in a branch, behind
 * `||` or in a pipeline may not run, and does not count. Null when none.
 */
export function execBefore(node: Node): Node | null {
  for (const { body, statement } of enclosingBodies(node)) {
    for (const s of bodyStatements(body) ?? []) {
      if (s.startIndex > statement.startIndex) break;
      for (const element of andChain(s)) {
        if (element.startIndex >= node.startIndex || (element.startIndex <= node.startIndex && node.endIndex <= element.endIndex)) break;
        if (execReplacesShell(element)) return element;
      }
    }
  }
  return null;
}

/**
 * The first command in `body` after `after` (or anywhere, without it) that
 * replaces the shell running the body, so that what is appended at the end
 * of the body never runs: `{ node, element }` with `element` true when it is
 * an element of the `&&` chain of one of the body's own statements (a
 * command can go right before it), false when it is deeper (in a branch, a
 * group). Execs in subshells, pipelines and functions end another shell.
 */
export function execInBody(body: Node, after: Node | null): { node: Node; element: boolean } | null {
  const from = after?.endIndex ?? body.startIndex;
  for (const statement of bodyStatements(body) ?? []) {
    if (statement.endIndex <= from) continue;
    for (const element of andChain(statement)) {
      if (element.endIndex <= from) continue;
      if (element.startIndex >= from && execReplacesShell(element)) return { node: element, element: true };
      let nested: Node | null = null;
      walk(element, (n) => {
        if (nested || OTHER_SHELLS.has(n.type)) return false;
        if (n.startIndex >= from && n.type === 'command' && execReplacesShell(n)) nested = n;
        return nested === null;
      });
      if (nested) return { node: nested, element: false };
    }
  }
  return null;
}
