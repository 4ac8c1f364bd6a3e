import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync, readFileSync, chmodSync, statSync, readdirSync, symlinkSync, chownSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli, tempProject } from './cli-harness.js';
import { wantsColor } from '../lib/cli/diff.js';
import { writeAtomically } from '../lib/cli/write.js';

const dfmod = (args: string[], cwd: string, stdin = '', env: NodeJS.ProcessEnv = {}) => runCli(args, cwd, { stdin, env });

/** A temporary project; its .dfmodrc.json pins the transforms so fixtures stay exact as transforms are added. */
function project(files: Record<string, string | Buffer>, config: object | null = { transforms: ['exec-form'] }): string {
  return tempProject(config ? { '.dfmodrc.json': JSON.stringify(config), ...files } : files, 'dfmod-cli-');
}

const NAIVE = 'FROM node:20\nCMD node server.js\n';
const FIXED = 'FROM node:20\nCMD ["node", "server.js"]\n';

test('default is a dry run: a diff on stdout, a summary on stderr, nothing written', async () => {
  const dir = project({ Dockerfile: NAIVE });
  const ran = await dfmod([], dir);
  assert.is(ran.code, 0);
  assert.is(ran.stdout, '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM node:20\n-CMD node server.js\n+CMD ["node", "server.js"]\n');
  assert.match(ran.stderr, /dfmod: 1 file, 1 would change, 0 unchanged, 0 errors \(exec-form 1\)/);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), NAIVE);
});

test('colour only when asked: FORCE_COLOR, NO_COLOR, TTY', () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;
  const pipe = { isTTY: false } as NodeJS.WriteStream;
  assert.ok(wantsColor(tty, {}));
  assert.not.ok(wantsColor(pipe, {}));
  assert.not.ok(wantsColor(tty, { NO_COLOR: '1' }));
  assert.ok(wantsColor(pipe, { FORCE_COLOR: '1' }));
  assert.not.ok(wantsColor(tty, { FORCE_COLOR: '0' }));
});

test('--write rewrites in place, keeps the mode, leaves no temp file', async () => {
  const dir = project({ Dockerfile: NAIVE });
  chmodSync(path.join(dir, 'Dockerfile'), 0o640);
  const ran = await dfmod(['--write'], dir);
  assert.is(ran.code, 0);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), FIXED);
  assert.is(statSync(path.join(dir, 'Dockerfile')).mode & 0o777, 0o640);
  assert.equal(readdirSync(dir).sort(), ['.dfmodrc.json', 'Dockerfile']);
  assert.match(ran.stdout, /^Dockerfile \(exec-form\)\n$/);
});

test('--write keeps the owner and group (as root, the rewrite was root\'s)', async () => {
  const dir = project({ Dockerfile: NAIVE });
  const file = path.join(dir, 'Dockerfile');
  chownSync(file, 1234, 2345);
  const ran = await dfmod(['--write'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(file, 'utf8'), FIXED);
  const stats = statSync(file);
  assert.equal([stats.uid, stats.gid], [1234, 2345]);
});

test('--write keeps hard links: both names see the rewrite', async () => {
  const dir = project({ 'app/Dockerfile': NAIVE });
  const file = path.join(dir, 'app/Dockerfile');
  linkSync(file, path.join(dir, 'Dockerfile.linked'));
  chmodSync(file, 0o604);
  const before = statSync(file).ino;
  const ran = await dfmod(['--write', 'app/Dockerfile'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile.linked'), 'utf8'), FIXED);
  assert.is(statSync(file).ino, before);
  assert.is(statSync(file).nlink, 2);
  assert.is(statSync(file).mode & 0o777, 0o604);
  assert.equal(readdirSync(path.join(dir, 'app')), ['Dockerfile'], 'no temp file left');
});

test('--write refuses a file that changed on disk since it was read', () => {
  const dir = project({ Dockerfile: NAIVE });
  const file = path.join(dir, 'Dockerfile');
  const read = readFileSync(file);
  writeFileSync(file, NAIVE + '# edited meanwhile\n');
  assert.throws(() => writeAtomically(file, FIXED, read), /changed on disk/);
  assert.is(readFileSync(file, 'utf8'), NAIVE + '# edited meanwhile\n');
});

test('--write does not write through a symbolic link', async () => {
  const dir = project({ 'real/Dockerfile': NAIVE });
  symlinkSync(path.join(dir, 'real/Dockerfile'), path.join(dir, 'Dockerfile'));
  const ran = await dfmod(['--write', 'Dockerfile'], dir);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /Dockerfile: is a symbolic link; not written through/);
  assert.is(readFileSync(path.join(dir, 'real/Dockerfile'), 'utf8'), NAIVE);
});

test('--check exits 1 and lists files that would change; 0 when none would', async () => {
  const dir = project({ 'a/Dockerfile': NAIVE, 'b/Dockerfile': FIXED });
  const ran = await dfmod(['--check'], dir);
  assert.is(ran.code, 1);
  assert.is(ran.stdout, 'a/Dockerfile\n');
  assert.is((await dfmod(['--check', 'b'], dir)).code, 0);
});

test('--stdin prints the result; --stdin-filepath names it', async () => {
  const dir = project({});
  const ran = await dfmod(['--stdin', '--stdin-filepath', 'svc/Dockerfile'], dir, NAIVE);
  assert.is(ran.code, 0);
  assert.is(ran.stdout, FIXED);
  const bad = await dfmod(['--stdin', '--stdin-filepath', 'svc/Dockerfile'], dir, 'FROM x\nNOPE y\n');
  assert.is(bad.code, 2);
  assert.is(bad.stderr, 'svc/Dockerfile:2: unknown instruction: NOPE\n');
  assert.is(bad.stdout, 'FROM x\nNOPE y\n', 'the input passes through unchanged');
});

test('--json reports changes, notes and diffs', async () => {
  const dir = project({ Dockerfile: NAIVE + 'ENTRYPOINT run $X\n' });
  const ran = await dfmod(['--json'], dir);
  const report = JSON.parse(ran.stdout);
  assert.is(report.summary.changed, 1);
  assert.is(report.files[0].changes[0].transform, 'exec-form');
  assert.match(report.files[0].diff, /\+CMD \["node", "server.js"\]/);
  assert.ok(report.files[0].notes.length >= 1);
});

test('folders are searched for Dockerfile names, skipping node_modules and .git', async () => {
  const dir = project({
    'Dockerfile': NAIVE, 'Dockerfile.prod': NAIVE, 'api/app.dockerfile': NAIVE, 'web/Containerfile': NAIVE,
    'node_modules/x/Dockerfile': NAIVE, '.git/Dockerfile': NAIVE, 'README.md': 'CMD x', 'Dockerfile.dockerignore': 'node_modules',
  });
  const ran = await dfmod(['--check'], dir);
  assert.is(ran.stdout, 'Dockerfile\nDockerfile.prod\napi/app.dockerfile\nweb/Containerfile\n');
});

test('quoted globs are expanded', async () => {
  const dir = project({ 'a/Dockerfile': NAIVE, 'b/Dockerfile': NAIVE, 'c/other': NAIVE });
  const ran = await dfmod(['--check', '**/Dockerfile'], dir);
  assert.is(ran.stdout, 'a/Dockerfile\nb/Dockerfile\n');
});

test('bad input: one line per file, others still processed, exit 2, nothing touched', async () => {
  const binary = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x0a, 0x00, 0x01]);
  const invalidUtf8 = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0x78, 0x0a, 0x43, 0x4d, 0x44, 0x20, 0xff, 0x0a]);
  const dir = project({
    'ok/Dockerfile': NAIVE,
    'unknown/Dockerfile': 'FROM x\nFOO bar\nCMD node a.js\n',
    'heredoc/Dockerfile': 'FROM x\nRUN <<EOF\necho hi\n',
    'binary/Dockerfile': binary,
    'utf8/Dockerfile': invalidUtf8,
  });
  const ran = await dfmod(['--write', '.', 'missing/Dockerfile'], dir);
  assert.is(ran.code, 2);
  const lines = ran.stderr.trim().split('\n');
  assert.ok(lines.includes('missing/Dockerfile: no such file or directory'));
  assert.ok(lines.includes('unknown/Dockerfile:2: unknown instruction: FOO'));
  assert.ok(lines.includes('heredoc/Dockerfile:2: unterminated heredoc <<EOF'));
  assert.ok(lines.includes('binary/Dockerfile:2: binary file (contains NUL bytes); left untouched'));
  assert.ok(lines.includes('utf8/Dockerfile: not valid UTF-8; left untouched'));
  assert.not.match(ran.stderr, /\n\s+at /, 'no stack traces');
  assert.is(readFileSync(path.join(dir, 'ok/Dockerfile'), 'utf8'), FIXED);
  assert.is(readFileSync(path.join(dir, 'unknown/Dockerfile'), 'utf8'), 'FROM x\nFOO bar\nCMD node a.js\n');
  assert.ok(readFileSync(path.join(dir, 'binary/Dockerfile')).equals(binary));
  assert.ok(readFileSync(path.join(dir, 'utf8/Dockerfile')).equals(invalidUtf8));
});

test('bad usage exits 2 with a usage hint', async () => {
  for (const args of [['--bogus'], ['-t', 'no-such-transform'], ['--skip', 'nope'], ['--write', '--check']]) {
    const ran = await dfmod(args, tmpdir());
    assert.is(ran.code, 2, args.join(' '));
    assert.match(ran.stderr, /Run 'dfmod --help' for usage/);
  }
});

test('-t and --skip choose transforms', async () => {
  const dir = project({ Dockerfile: NAIVE });
  assert.is((await dfmod(['--check', '-t', 'exec-form', '--skip', 'exec-form'], dir)).code, 0);
  assert.is((await dfmod(['--check', '-t', 'exec-form'], dir)).code, 1);
});

test('-t, --skip and --plugin take one value each: the paths after them stay paths', async () => {
  const dir = project({ 'a/Dockerfile': NAIVE, 'b/Dockerfile': NAIVE }, null);
  const onlyA = await dfmod(['--check', '-t', 'exec-form', 'a/Dockerfile'], dir);
  assert.is(onlyA.code, 1, onlyA.stderr);
  assert.is(onlyA.stdout, 'a/Dockerfile\n');
  const skipped = await dfmod(['--check', '--skip=multi-stage', '.'], dir);
  assert.is(skipped.code, 1, skipped.stderr);
  assert.is(skipped.stdout, 'a/Dockerfile\nb/Dockerfile\n');
  // Repeated flags and comma lists accumulate.
  const repeated = await dfmod(['--check', '-t', 'exec-form', '-t', 'merge-runs,apt-cleanup', '--skip', 'merge-runs', '--skip', 'apt-cleanup', 'b'], dir);
  assert.is(repeated.code, 1, repeated.stderr);
  assert.is(repeated.stdout, 'b/Dockerfile\n');
  // The plugin notes every :latest base it has no tag for: only the named folder's file is seen.
  const plugin = path.resolve('examples/plugins/no-latest-tag.mjs');
  writeFileSync(path.join(dir, 'a/Dockerfile'), 'FROM node:latest\n');
  writeFileSync(path.join(dir, 'b/Dockerfile'), 'FROM node:latest\n');
  const withPlugin = await dfmod(['--plugin', plugin, '-t', 'pin-latest', 'a'], dir);
  assert.is(withPlugin.code, 0, withPlugin.stderr);
  assert.is(withPlugin.stderr, 'a/Dockerfile:1: node uses :latest; no tag configured for it [pin-latest]\ndfmod: 1 file, 0 would change, 1 unchanged, 0 errors\n');
  assert.is((await dfmod(['-t'], dir)).code, 2, '-t needs a value');
  // After `--`, every word is a path.
  const afterDashes = await dfmod(['--check', '-t', 'exec-form', '--', 'b/Dockerfile'], dir);
  assert.is(afterDashes.stderr, 'dfmod: 1 file, 0 would change, 1 unchanged, 0 errors\n');
  writeFileSync(path.join(dir, '-odd'), NAIVE);
  const dashName = await dfmod(['--check', '-t', 'exec-form', '--', '-odd'], dir);
  assert.is(dashName.code, 1, dashName.stderr);
  assert.is(dashName.stdout, '-odd\n');
});

test('.dfmodignore applies to named files; --no-ignore and --ignore-path override', async () => {
  const dir = project({ '.dfmodignore': 'legacy/\n', 'legacy/Dockerfile': NAIVE, 'app/Dockerfile': NAIVE, 'ci.ignore': 'app/\n' });
  const named = await dfmod(['--check', 'legacy/Dockerfile'], dir);
  assert.is(named.code, 0, named.stderr);
  assert.is(named.stdout, '');
  assert.is((await dfmod(['--check', '--no-ignore', 'legacy/Dockerfile'], dir)).stdout, 'legacy/Dockerfile\n');
  assert.is((await dfmod(['--check', '--no-ignore', '.'], dir)).stdout, 'app/Dockerfile\nlegacy/Dockerfile\n');
  assert.is((await dfmod(['--check', '--ignore-path', 'ci.ignore', '.'], dir)).stdout, 'legacy/Dockerfile\n');
  assert.is((await dfmod(['--check', '--ignore-path', 'ci.ignore', '--ignore-path=.dfmodignore', '.'], dir)).code, 2, 'nothing left');
});

test('generated, vendored and test files are left alone with a note; --no-ignore rewrites them', async () => {
  const dir = project({ 'vendor/lib/Dockerfile': NAIVE, 'tests/fixture/Dockerfile': NAIVE, 'app/Dockerfile': NAIVE });
  const ran = await dfmod(['--check', '.'], dir);
  assert.is(ran.stdout, 'app/Dockerfile\n');
  assert.match(ran.stderr, /^vendor\/lib\/Dockerfile:1: vendored file \(under vendor\/\): left as written; change it where it comes from \(--no-ignore rewrites it\)/m);
  assert.match(ran.stderr, /^tests\/fixture\/Dockerfile:1: test file \(under tests\/\)/m);
  assert.is((await dfmod(['--check', '--no-ignore', '.'], dir)).stdout, 'app/Dockerfile\ntests/fixture/Dockerfile\nvendor/lib/Dockerfile\n');
});

test('a path that yields no Dockerfile: a warning and exit 2, or exit 0 with --no-error-on-unmatched-pattern', async () => {
  const dir = project({ 'docs/README': 'x', Dockerfile: NAIVE });
  const ran = await dfmod(['--check', 'docs', '*.prod'], dir);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /^docs: no Dockerfile found$/m);
  assert.match(ran.stderr, /^\*\.prod: no Dockerfile found$/m);
  const lenient = await dfmod(['--check', '--no-error-on-unmatched-pattern', 'docs', 'Dockerfile'], dir);
  assert.is(lenient.code, 1, lenient.stderr);
  assert.match(lenient.stderr, /^docs: no Dockerfile found$/m);
});

test('a template next to the Dockerfile is left out of the walk', async () => {
  const dir = project({ Dockerfile: NAIVE, 'Dockerfile.j2': NAIVE, 'Dockerfile.bak': NAIVE, 'Dockerfile~': NAIVE });
  assert.is((await dfmod(['--check'], dir)).stdout, 'Dockerfile\n');
});

test('--list-transforms prints id, level and description', async () => {
  const ran = await dfmod(['--list-transforms'], tmpdir());
  assert.match(ran.stdout, /^exec-form\s+safe\s+Write shell-form CMD/m);
});

test('the executable answers --version and --help', () => {
  const bin = path.resolve('bin/dfmod.ts');
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  assert.is(execFileSync(process.execPath, ['--import', 'tsx', bin, '--version'], { encoding: 'utf8' }), `${version}\n`);
  assert.match(execFileSync(process.execPath, ['--import', 'tsx', bin, '--help'], { encoding: 'utf8' }), /Usage: dfmod/);
});

test.run();
