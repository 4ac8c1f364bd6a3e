import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from './cli-harness.js';
import { transform, transforms } from '../lib/index.js';
import { checkAgainstSchema } from '../lib/cli/schema.js';

const dfmod = (args: string[], cwd: string) => runCli(args, cwd);
const project = (files: Record<string, string>) => tempProject(files, 'dfmod-config-');

const NAIVE = 'FROM node:20\nCMD node server.js\n';

test('configuration is found from the Dockerfile\'s folder upwards; the nearest wins', async () => {
  const dir = project({
    '.dfmodrc.json': JSON.stringify({ transforms: ['exec-form'] }),
    'a/Dockerfile': NAIVE,
    'b/.dfmodrc': JSON.stringify({ skip: ['exec-form'], transforms: ['exec-form'] }),
    'b/Dockerfile': NAIVE,
  });
  const ran = await dfmod(['--check'], dir);
  assert.is(ran.stdout, 'a/Dockerfile\n');
});

test('package.json "dfmod" key and dfmod.config.mjs are read', async () => {
  const dir = project({
    'p/package.json': JSON.stringify({ name: 'x', dfmod: { transforms: ['exec-form'] } }),
    'p/Dockerfile': NAIVE,
    'm/dfmod.config.mjs': 'export default { transforms: ["exec-form"], skip: ["exec-form"] };\n',
    'm/Dockerfile': NAIVE,
  });
  const ran = await dfmod(['--check'], dir);
  assert.is(ran.stdout, 'p/Dockerfile\n');
});

test('configuration the folder walk did not list is still found: symlinks, folders above the walk, skipped folders named on the command line', async () => {
  const dir = project({
    'shared/exec-form-only.json': JSON.stringify({ transforms: ['exec-form'] }),
    'repo/.dfmodrc.json': JSON.stringify({ transforms: ['exec-form'], skip: ['exec-form'] }),
    'repo/linked/Dockerfile': NAIVE,
    'repo/dangling/Dockerfile': NAIVE,
    'repo/above/Dockerfile': NAIVE,
    'repo/node_modules/pkg/.dfmodrc.json': JSON.stringify({ transforms: ['exec-form'] }),
    'repo/node_modules/pkg/Dockerfile': NAIVE,
  });
  // A shared configuration linked into the folder applies; a dangling link is no configuration.
  symlinkSync('../../shared/exec-form-only.json', path.join(dir, 'repo/linked/.dfmodrc.json'));
  symlinkSync('../../shared/missing.json', path.join(dir, 'repo/dangling/.dfmodrc.json'));
  const repo = path.join(dir, 'repo');
  const all = await dfmod(['--check'], repo);
  assert.is(all.stdout, 'linked/Dockerfile\n');
  assert.is(all.code, 1, all.stderr);
  // Walking only linked/ and above/: repo/.dfmodrc.json, above the walks, still applies to above/.
  assert.is((await dfmod(['--check', 'linked', 'above'], repo)).stdout, 'linked/Dockerfile\n');
  // node_modules is never walked, but a Dockerfile there named on the command line gets its own configuration.
  assert.is((await dfmod(['--check', '.', 'node_modules/pkg/Dockerfile'], repo)).stdout, 'linked/Dockerfile\nnode_modules/pkg/Dockerfile\n');
});

test('CLI flags override configuration', async () => {
  const dir = project({ '.dfmodrc.json': JSON.stringify({ transforms: ['exec-form'], skip: ['exec-form'] }), Dockerfile: NAIVE });
  assert.is((await dfmod(['--check'], dir)).code, 0);
  assert.is((await dfmod(['--check', '-t', 'exec-form'], dir)).code, 1, '-t replaces the configured selection, skip included');
  assert.is((await dfmod(['--check', '--no-config', '-t', 'exec-form'], dir)).code, 1);
});

test('ignore globs leave files out, named ones too (pre-commit names them); --no-ignore processes them', async () => {
  const dir = project({ '.dfmodrc.json': JSON.stringify({ transforms: ['exec-form'], ignore: ['legacy/**'] }), 'legacy/Dockerfile': NAIVE, 'app/Dockerfile': NAIVE });
  assert.is((await dfmod(['--check'], dir)).stdout, 'app/Dockerfile\n');
  const named = await dfmod(['--check', 'legacy/Dockerfile', 'app/Dockerfile'], dir);
  assert.is(named.code, 1, named.stderr);
  assert.is(named.stdout, 'app/Dockerfile\n');
  assert.is((await dfmod(['--check', '--no-ignore', 'legacy/Dockerfile'], dir)).stdout, 'legacy/Dockerfile\n');
});

test('per-transform options reach the transform; unknown keys are errors', async () => {
  const plugin = 'export default { id: "echo-option", level: "safe", description: "d", run: ({ options, dockerfile }) => ({ fixes: options.text && !dockerfile.source.text.includes(options.text) ? [{ line: 1, message: "m", edits: [{ start: dockerfile.source.text.length, end: dockerfile.source.text.length, text: options.text }] }] : [] }) };\n';
  const dir = project({
    'plugin.mjs': plugin,
    '.dfmodrc.json': JSON.stringify({ plugins: ['./plugin.mjs'], transforms: ['echo-option'], 'echo-option': { text: '# added\n' } }),
    Dockerfile: NAIVE,
  });
  const ran = await dfmod(['--write'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), NAIVE + '# added\n');
  const bad = project({ '.dfmodrc.json': JSON.stringify({ 'no-such-transform': {} }), Dockerfile: NAIVE });
  const failed = await dfmod(['--check'], bad);
  assert.is(failed.code, 2);
  assert.match(failed.stderr, /"no-such-transform" is not a transform id/);
  const malformed = project({ '.dfmodrc.json': '{ nope', Dockerfile: NAIVE });
  assert.match((await dfmod([], malformed)).stderr, /\.dfmodrc\.json:1:3: invalid JSON: expected property name or '}'\n/);
});

test('--plugin loads the documented example transform', async () => {
  const example = path.resolve('examples/plugins/no-latest-tag.mjs');
  const dir = project({ '.dfmodrc.json': JSON.stringify({ 'pin-latest': { tags: { node: '20-slim' } } }), Dockerfile: 'FROM node\nCMD ["node"]\n' });
  // The example is a review transform (a new base image): --write alone leaves the file, --level review writes it.
  const safe = await dfmod(['--plugin', example, '-t', 'pin-latest', '--write'], dir);
  assert.is(safe.code, 0, safe.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM node\nCMD ["node"]\n');
  const ran = await dfmod(['--plugin', example, '-t', 'pin-latest', '--write', '--level', 'review'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM node:20-slim\nCMD ["node"]\n');
  assert.match((await dfmod(['--plugin', example, '--list-transforms'], dir)).stdout, /^pin-latest\s+review\s+Replace an implicit .* tag with a configured one\n/m);
});

test('a plugin that declares no effects is listed as not guarded; unknown effects are an error', async () => {
  const dir = project({
    'free.mjs': 'export default { id: "free", level: "safe", description: "d", run: () => ({}) };\n',
    'typo.mjs': 'export default { id: "typo", level: "safe", description: "d", effects: ["envs"], run: () => ({}) };\n',
  });
  assert.match((await dfmod(['--plugin', './free.mjs', '--list-transforms'], dir)).stdout, /^free\s+safe\s+d \(not guarded: declares no effects\)\n/m);
  const typo = await dfmod(['--plugin', './typo.mjs', '--list-transforms'], dir);
  assert.is(typo.code, 2);
  assert.match(typo.stderr, /declares unknown effects 'envs' \(known: run-grouping, /);
});

test('a malformed plugin is a usage error naming what is missing', async () => {
  const dir = project({ 'bad.mjs': 'export default { id: "Bad Id" };\n' });
  const ran = await dfmod(['--plugin', './bad.mjs'], dir);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /plugin \.\/bad\.mjs: transform needs a kebab-case string `id`, needs `level`/);
});

test('--explain precedes each hunk with its reasons and the practice', async () => {
  const dir = project({ '.dfmodrc.json': JSON.stringify({ transforms: ['exec-form'] }), Dockerfile: NAIVE });
  const ran = await dfmod(['--explain'], dir);
  assert.match(ran.stdout, /# exec-form \(line 2\): CMD in JSON form, so node runs as PID 1 and receives signals\n#   why: In shell form \/bin\/sh is PID 1[^\n]*\n@@ -1,2 \+1,2 @@\n FROM node:20\n-CMD node server.js\n\+CMD \["node", "server.js"\]/);
});

test('--prettier runs Prettier over the result', async () => {
  const dir = project({ '.dfmodrc.json': JSON.stringify({ transforms: ['exec-form'] }), Dockerfile: 'from node:20\nCMD node server.js\n' });
  const ran = await dfmod(['--write', '--prettier'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM node:20\nCMD ["node", "server.js"]\n');
});

test('library API: transform() returns output, changes and notes; transforms lists the built-ins', async () => {
  assert.ok(transforms.some((t) => t.id === 'exec-form'));
  const result = await transform(NAIVE + 'ENTRYPOINT run $X\n', { transforms: ['exec-form'] });
  assert.is(result.output, 'FROM node:20\nCMD ["node", "server.js"]\nENTRYPOINT run $X\n');
  assert.equal(result.changes.map((c) => c.transform), ['exec-form']);
  assert.ok(result.notes.length > 0);
  assert.is(result.changed, true);
});

test('library API accepts custom transform objects and in-memory contexts', async () => {
  const seen: boolean[] = [];
  const custom = { id: 'peek', level: 'safe' as const, description: 'd', rationale: 'r', run: ({ context }: { context: { exists(p: string): boolean } | null }) => { seen.push(context!.exists('package.json')); return {}; } };
  await transform(NAIVE, { transforms: [custom], context: { 'package.json': '{}' } });
  assert.equal(seen, [true]);
});


test('configuration is checked against the schema: one error per problem, with key and line:column, printed once', async () => {
  const config = '{\n  "skip": 3,\n  "init-entrypoint": { "inti": "x", "init": "runit" },\n  "apt-cleanup": { "noInstallRecommends": "yes" },\n  "exec-form": { "x": 1 },\n  "colour": true\n}\n';
  const dir = project({ '.dfmodrc.json': config, 'a/Dockerfile': NAIVE, 'b/Dockerfile': NAIVE, Dockerfile: NAIVE });
  const ran = await dfmod(['--check'], dir);
  assert.is(ran.code, 2);
  const file = path.join(dir, '.dfmodrc.json');
  const problems = ran.stderr.split('\n').filter((line) => line.startsWith(file));
  assert.equal(problems, [
    `${file}:2:11: "skip": must be a list of strings or a string`,
    `${file}:3:24: "init-entrypoint.inti": unknown option (known: init, stages, paths, binary)`,
    `${file}:3:45: "init-entrypoint.init": must be one of "tini", "dumb-init" (not "runit")`,
    `${file}:4:43: "apt-cleanup.noInstallRecommends": must be true or false`,
    `${file}:5:18: "exec-form.x": unknown option (this transform takes no options)`,
    `${file}:6:13: "colour": must be an object`,
  ]);
  assert.is(ran.stdout, '');
});

test('a value a schema pattern refuses is told the schema\'s message for it, at its line:column', async () => {
  const dir = project({ '.dfmodrc.json': '{\n  "skip": ["merge-runs", "Exec_Form"]\n}\n', Dockerfile: NAIVE });
  const ran = await dfmod(['--check'], dir);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, `${path.join(dir, '.dfmodrc.json')}:2:26: "skip.1": must be a transform id (lowercase letters, digits and dashes) (not "Exec_Form")\n`);
  assert.equal(checkAgainstSchema('B', { type: 'string', pattern: '^a' }), [{ path: [], message: 'must match ^a (not "B")' }]);
});

test('a JSON syntax error is reported as line:column', async () => {
  const dir = project({ '.dfmodrc.json': '{\n  "skip": ["merge-runs",\n}\n', Dockerfile: NAIVE });
  const ran = await dfmod(['--check'], dir);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, `${path.join(dir, '.dfmodrc.json')}:3:1: invalid JSON: unexpected token '}'\n`);
  assert.is(ran.stderr.match(/invalid JSON/g)?.length, 1);
});

test('--config FILE is checked before any file is read; errors in a package.json "dfmod" key name it', async () => {
  const dir = project({ 'ci.json': '{ "init-entrypoint": { "inti": "x" } }', 'p/package.json': '{\n  "name": "p",\n  "dfmod": { "skip": [1] }\n}\n', 'p/Dockerfile': NAIVE });
  const explicit = await dfmod(['--config', 'ci.json', 'missing-folder'], dir);
  assert.is(explicit.code, 2);
  assert.match(explicit.stderr, `ci.json:1:24: "init-entrypoint.inti": unknown option (known: init, stages, paths, binary)\n`);
  assert.not.match(explicit.stderr, /missing-folder/);
  const fromPackage = await dfmod(['--check', 'p'], dir);
  assert.match(fromPackage.stderr, `package.json:3:23: "dfmod.skip.0": must be a string\n`);
});

test('dfmod.config.js and dfmod.config.cjs are read, and checked (key named, no position)', async () => {
  const dir = project({
    'js/dfmod.config.js': 'export default { transforms: ["exec-form"] };\n',
    'js/Dockerfile': NAIVE,
    'cjs/dfmod.config.cjs': 'module.exports = { transforms: "exec-form", skip: ["exec-form"] };\n',
    'cjs/Dockerfile': NAIVE,
    'bad/dfmod.config.cjs': 'module.exports = { "init-entrypoint": { init: 1 } };\n',
    'bad/Dockerfile': NAIVE,
  });
  assert.is((await dfmod(['--check', 'js', 'cjs'], dir)).stdout, 'js/Dockerfile\n');
  const bad = await dfmod(['--check', 'bad'], dir);
  assert.match(bad.stderr, `dfmod.config.cjs: "init-entrypoint.init": must be one of "tini", "dumb-init" (not 1)\n`);
});

test('--print-config FILE prints the configuration that applies to a Dockerfile', async () => {
  const dir = project({ '.dfmodrc.json': JSON.stringify({ skip: 'multi-stage,multi-arch', 'init-entrypoint': { init: 'dumb-init' } }), 'app/Dockerfile': NAIVE });
  const ran = await dfmod(['--print-config', 'app/Dockerfile'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.equal(JSON.parse(ran.stdout), {
    file: 'app/Dockerfile',
    config: path.join(dir, '.dfmodrc.json'),
    ignored: false,
    transforms: transforms.filter((t) => t.enabledByDefault !== false && !['multi-stage', 'multi-arch'].includes(t.id)).map((t) => t.id),
    options: { 'init-entrypoint': { init: 'dumb-init' } },
    plugins: [],
  });
});

test('the schema ships with the package and covers every built-in transform', () => {
  const schema = JSON.parse(readFileSync('schema/dfmodrc.schema.json', 'utf8'));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.ok(pkg.files.includes('schema/'));
  const listKeys = ['$schema', 'transforms', 'skip', 'ignore', 'plugins', 'level'];
  assert.equal(Object.keys(schema.properties).filter((k) => !listKeys.includes(k)).sort(), transforms.map((t) => t.id).sort());
});


const PLUGIN = (id: string, run = 'fixes: []') => `export default { id: "${id}", level: "safe", description: "d", run: () => ({ ${run} }) };\n`;

test('plugins are resolved from the project: bare package names from the configuration\'s folder or the working folder', async () => {
  const dir = project({
    'node_modules/dfmod-plugin-note/package.json': JSON.stringify({ name: 'dfmod-plugin-note', type: 'module', main: 'index.js' }),
    'node_modules/dfmod-plugin-note/index.js': PLUGIN('say-hello', 'notes: [{ line: 1, message: "hello" }]'),
    'app/.dfmodrc.json': JSON.stringify({ plugins: ['dfmod-plugin-note'], transforms: ['say-hello'] }),
    'app/Dockerfile': NAIVE,
    'Dockerfile': NAIVE,
  });
  const configured = await dfmod(['app'], dir);
  assert.is(configured.code, 0, configured.stderr);
  assert.match(configured.stderr, 'app/Dockerfile:1: hello [say-hello]');
  const flagged = await dfmod(['--plugin', 'dfmod-plugin-note', '-t', 'say-hello', 'Dockerfile'], dir);
  assert.is(flagged.code, 0, flagged.stderr);
  assert.match(flagged.stderr, 'Dockerfile:1: hello [say-hello]');
  const missing = await dfmod(['--plugin', 'dfmod-plugin-missing', 'Dockerfile'], dir);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /plugin dfmod-plugin-missing: cannot be found from /);
});

test('-t and --skip may name a transform of a plugin the configuration loads; an id no file knows is one usage error', async () => {
  const dir = project({
    'say-hello.mjs': PLUGIN('say-hello', 'notes: [{ line: 1, message: "hello" }]'),
    '.dfmodrc.json': JSON.stringify({ plugins: ['./say-hello.mjs'] }),
    'a/Dockerfile': NAIVE,
    'b/Dockerfile': NAIVE,
  });
  const only = await dfmod(['-t', 'say-hello', '.'], dir);
  assert.is(only.code, 0, only.stderr);
  assert.is(only.stdout, '');
  assert.match(only.stderr, 'a/Dockerfile:1: hello [say-hello]');
  assert.match(only.stderr, 'b/Dockerfile:1: hello [say-hello]');
  const skipped = await dfmod(['--check', '--skip', 'say-hello', '.'], dir);
  assert.is(skipped.code, 1, skipped.stderr);
  assert.not.match(skipped.stderr, 'hello');
  for (const args of [['-t', 'say-hullo', '.'], ['--stdin', '-t', 'say-hullo']]) {
    const unknown = await dfmod(args, dir);
    assert.is(unknown.code, 2, args.join(' '));
    assert.is(unknown.stdout, '');
    assert.is(unknown.stderr.match(/unknown transform 'say-hullo'/g)?.length, 1, unknown.stderr);
    assert.match(unknown.stderr, /^dfmod: unknown transform 'say-hullo' \(known: .*say-hello\)\nRun 'dfmod --help' for usage\.$/m);
  }
});

test('a plugin that throws fails the run with exit 2, --check included', async () => {
  const dir = project({ 'boom.mjs': PLUGIN('boom', 'fixes: (() => { throw new Error("kaput"); })()'), Dockerfile: NAIVE });
  for (const args of [['--plugin', './boom.mjs', '-t', 'boom'], ['--check', '--plugin', './boom.mjs', '-t', 'boom,exec-form']]) {
    const ran = await dfmod(args, dir);
    assert.is(ran.code, 2, args.join(' ') + '\n' + ran.stderr);
    assert.match(ran.stderr, /boom.*kaput|kaput.*boom/);
  }
});

test('a plugin failing is what it threw, not a note that looks like one', async () => {
  const dir = project({
    'lookalike.mjs': PLUGIN('lookalike', 'notes: [{ line: 1, id: "transform-failed", message: "internal error, transform skipped: not really" }]'),
    Dockerfile: NAIVE,
  });
  const ran = await dfmod(['--plugin', './lookalike.mjs', '-t', 'lookalike,exec-form', '--check'], dir);
  assert.is(ran.code, 1, ran.stderr);
  assert.is(ran.stdout, 'Dockerfile\n');
  assert.match(ran.stderr, 'Dockerfile:1: internal error, transform skipped: not really [lookalike]');
  assert.not.match(ran.stderr, 'left untouched');
});

test('a plugin reusing a built-in id is an error', async () => {
  const dir = project({ 'dup.mjs': PLUGIN('exec-form'), Dockerfile: NAIVE, '.dfmodrc.json': JSON.stringify({ plugins: ['./dup.mjs'] }) });
  const flagged = await dfmod(['--no-config', '--plugin', './dup.mjs', '--check'], dir);
  assert.is(flagged.code, 2);
  assert.match(flagged.stderr, "plugin ./dup.mjs: transform id 'exec-form' is a built-in's; choose another");
  const configured = await dfmod(['--check'], dir);
  assert.is(configured.code, 2);
  assert.match(configured.stderr, "transform id 'exec-form' is a built-in's");
});


test('two plugins taking one id are an error, in the CLI and the library; one plugin named twice is loaded once', async () => {
  const dir = project({
    'one.mjs': PLUGIN('shared-id', 'notes: [{ line: 1, message: "one" }]'),
    'two.mjs': PLUGIN('shared-id', 'notes: [{ line: 1, message: "two" }]'),
    Dockerfile: NAIVE,
    '.dfmodrc.json': JSON.stringify({ plugins: ['./two.mjs'] }),
  });
  const clash = await dfmod(['--plugin', './one.mjs', '--check'], dir);
  assert.is(clash.code, 2, clash.stderr);
  assert.is(clash.stderr.match(/transform id 'shared-id' is plugin \.\/one\.mjs's; choose another/g)?.length, 1, clash.stderr);
  assert.match(clash.stderr, /^plugin \.\/two\.mjs: /m);
  const twice = await dfmod(['--plugin', './two.mjs', '-t', 'shared-id'], dir);
  assert.is(twice.code, 0, twice.stderr);
  assert.is(twice.stderr.match(/Dockerfile:1: two \[shared-id\]/g)?.length, 1, twice.stderr);
  const impostor = { ...transforms.find((t) => t.id === 'exec-form')!, run: () => ({ fixes: [] }) };
  try {
    await transform(NAIVE, { transforms: [impostor] });
    assert.unreachable('a custom transform took a built-in id');
  } catch (error) {
    assert.is((error as Error).message, "transform id 'exec-form' is a built-in's; choose another");
  }
  const builtin = await transform(NAIVE, { transforms: [transforms.find((t) => t.id === 'exec-form')!] });
  assert.ok(builtin.changed, 'a built-in given as an object is itself, not a clash');
});

test('.dfmodrc.yaml and .dfmodrc.yml are read, and checked with line:column', async () => {
  const dir = project({
    'a/.dfmodrc.yaml': '# the service\ntransforms:\n  - exec-form\n',
    'a/Dockerfile': NAIVE,
    'b/.dfmodrc.yml': 'transforms: exec-form\nskip: [exec-form]\n',
    'b/Dockerfile': NAIVE,
    'bad/.dfmodrc.yaml': 'skip: exec-form\ninit-entrypoint:\n  inti: x\n  init: runit\n',
    'bad/Dockerfile': NAIVE,
    'broken/.dfmodrc.yml': 'skip: [exec-form\n',
    'broken/Dockerfile': NAIVE,
  });
  assert.is((await dfmod(['--check', 'a', 'b'], dir)).stdout, 'a/Dockerfile\n');
  const bad = await dfmod(['--check', 'bad'], dir);
  assert.is(bad.code, 2);
  const file = path.join(dir, 'bad/.dfmodrc.yaml');
  assert.equal(bad.stderr.split('\n').filter((line) => line.startsWith(file)), [
    `${file}:3:3: "init-entrypoint.inti": unknown option (known: init, stages, paths, binary)`,
    `${file}:4:9: "init-entrypoint.init": must be one of "tini", "dumb-init" (not "runit")`,
  ]);
  const broken = await dfmod(['--check', 'broken'], dir);
  assert.is(broken.code, 2);
  assert.match(broken.stderr, new RegExp(`${path.join(dir, 'broken/.dfmodrc.yml').replace(/[.]/g, '\\.')}:\\d+:\\d+: invalid YAML: `));
});

test.run();
