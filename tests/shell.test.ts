import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createRequire } from 'node:module';
import { Parser, Language, type Node as WasmNode } from 'web-tree-sitter';
import { execBefore, loadShellParser, literalSuffix, literalValue, simpleCommands, type Node } from '../lib/core/shell.js';

const SCRIPTS = [
  'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  'set -eux; for f in a b; do echo "$f" > /tmp/$f; done',
  'FOO=1 make -C src install 2>&1 | tee log || (cd / && exit 1)',
  'x=$(echo "$(date)" `uname`) ; case $x in a*) echo a;; *) :;; esac',
  'echo héllo wörld 🐳 && printf "%s\\n" "ünïcode"',
  'cat <<EOF > /etc/x\nhello $HOME\nEOF\necho done',
  'if [ -f x ]; then echo "unterminated; fi',
  'echo $((1 + 2)) ${VAR:-default} ~/bin ~user *.txt {a,b}',
  '',
];

/** Every node of both trees, side by side, in the same depth-first order. */
function flatten(node: Node | WasmNode, depth = 0, out: string[] = [], field: string | null = null): string[] {
  out.push(`${depth} ${node.type} ${node.isNamed} ${node.startIndex}-${node.endIndex} ${field ?? '-'} ${JSON.stringify(node.text)}`);
  node.children.forEach((child, i) => {
    if (!child) return;
    const name = 'fieldName' in child ? child.fieldName : (node as WasmNode).fieldNameForChild(i);
    flatten(child, depth + 1, out, name);
  });
  return out;
}

test('the plain syntax tree matches web-tree-sitter node for node: type, named, range, field, text', async () => {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const wasm = new Parser();
  wasm.setLanguage(await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
  const shell = await loadShellParser();
  for (const script of SCRIPTS) {
    const theirs = wasm.parse(script)!;
    const ours = shell.parse(script).rootNode;
    assert.equal(flatten(ours), flatten(theirs.rootNode), script);
    assert.is(ours.hasError, theirs.rootNode.hasError, `hasError: ${script}`);
    theirs.delete();
  }
});

test('parents, named children, fields and errors of the plain syntax tree', async () => {
  const shell = await loadShellParser();
  const root = shell.parse('apt-get install -y "curl" && echo ok').rootNode;
  const [install, echo] = simpleCommands(root);
  assert.is(install.name, 'apt-get');
  assert.equal(install.argValues, ['install', '-y', 'curl']);
  assert.is(install.node.parent!.type, 'list');
  assert.is(install.node.parent!.parent, root);
  assert.is(install.node.childForFieldName('name')!.text, 'apt-get');
  assert.equal(install.node.childrenForFieldName('argument').map((n) => n.text), ['install', '-y', '"curl"']);
  assert.equal(root.namedChildren.map((n) => n.type), ['list']);
  assert.is(echo.node.lastChild!.text, 'ok');
  assert.is(root.hasError, false);
  const broken = shell.parse('echo "unterminated && (').rootNode;
  assert.is(broken.hasError, true);
  assert.is(shell.parse('echo ok').rootNode, shell.parse('echo ok').rootNode, 'trees are cached by text');
});

test('literalValue: plain words, quotes and escapes are literal; expansions, globs and tildes are not', async () => {
  const shell = await loadShellParser();
  const values = (script: string) => simpleCommands(shell.parse(script).rootNode)[0].argValues;
  assert.equal(values(`x a/b.c:d=e@f%g+h,i-j 'q s' "d q" a\\ b`), ['a/b.c:d=e@f%g+h,i-j', 'q s', 'd q', 'a b']);
  assert.equal(values('x $HOME "$HOME" *.txt ~/bin {a,b} a?c'), [null, null, null, null, null, null]);
  assert.equal(literalValue(shell.parse('echo').rootNode), null);
});

test('literalSuffix: the literal end of a word the shell computes, the whole value of a literal one', async () => {
  const shell = await loadShellParser();
  const suffixes = (script: string) => simpleCommands(shell.parse(script).rootNode)[0].args.map((a) => literalSuffix(a));
  assert.equal(suffixes('. "$VENV/bin/activate" ${V}/bin/activate "$V"/bin/activate x"$V/bin/a" /opt/v/bin/activate $V'), [
    { text: '/bin/activate', whole: false },
    { text: '/bin/activate', whole: false },
    { text: '/bin/activate', whole: false },
    { text: '/bin/a', whole: false },
    { text: '/opt/v/bin/activate', whole: true },
    { text: '', whole: false },
  ]);
});

test('scripts nested thousands deep parse and walk without overflowing the stack', async () => {
  const shell = await loadShellParser();
  const deep = 'echo ' + '$('.repeat(3000) + 'x' + ')'.repeat(3000);
  const root = shell.parse(deep).rootNode;
  assert.ok(simpleCommands(root).length >= 1);
});

test('execBefore: an exec with a program ends the shell for what follows it; one with only redirections, in a branch or a subshell does not', async () => {
  const parser = await loadShellParser();
  const ended = (script: string, name: string) => {
    const command = simpleCommands(parser.parse(script).rootNode).find((c) => c.name === name)!;
    return execBefore(command.node)?.text ?? null;
  };
  assert.is(ended('exec python app.py && touch /done', 'touch'), 'exec python app.py');
  assert.is(ended('mkdir -p /x; exec -a worker /bin/sh; touch /done', 'touch'), 'exec -a worker /bin/sh');
  assert.is(ended('if true; then exec sleep 1 && touch /done; fi', 'touch'), 'exec sleep 1');
  assert.is(ended('exec 2>&1; touch /done', 'touch'), null);
  assert.is(ended('exec >/tmp/log; touch /done', 'touch'), null);
  assert.is(ended('if [ -n "$A" ]; then exec sh; fi; touch /done', 'touch'), null);
  assert.is(ended('(exec sh); touch /done', 'touch'), null);
  assert.is(ended('test -x /bin/app || exec sh; touch /done', 'touch'), null);
  assert.is(ended('touch /done && exec sh', 'touch'), null);
});

test.run();
