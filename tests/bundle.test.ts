/**
 * bundle/: the committed executable that pre-commit, the GitHub Action and
 * package installs run. It must be what the sources build now, and it must
 * run on its own: one file, and many files (worker threads from
 * bundle/bulk-worker.js).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from './cli-harness.js';

const bin = path.resolve('bundle/dfmod.js');
const NAIVE = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';

test('bundle/ is what scripts/bundle.mjs builds from the sources (else: npm run bundle, and commit bundle/)', () => {
  const checked = spawnSync(process.execPath, ['scripts/bundle.mjs', '--check'], { encoding: 'utf8' });
  assert.is(checked.status, 0, checked.stderr);
});

test('package.json runs the bundle; the bundle answers --version', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.is(pkg.bin.dfmod, 'bundle/dfmod.js');
  assert.ok(pkg.files.includes('bundle/'));
  assert.is(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }), `${pkg.version}\n`);
});

test('the bundle rewrites as the sources do, for one file and for many (worker threads)', async () => {
  const one = tempProject({ Dockerfile: NAIVE });
  const reference = tempProject({ Dockerfile: NAIVE });
  assert.is((await runCli(['--write', 'Dockerfile'], reference)).code, 0);
  const expected = readFileSync(path.join(reference, 'Dockerfile'), 'utf8');
  assert.is.not(expected, NAIVE);
  const single = spawnSync(process.execPath, [bin, '--write', 'Dockerfile'], { cwd: one, encoding: 'utf8' });
  assert.is(single.status, 0, single.stderr);
  assert.is(readFileSync(path.join(one, 'Dockerfile'), 'utf8'), expected);

  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) files[`app${String(i).padStart(2, '0')}/Dockerfile`] = NAIVE;
  const many = tempProject(files);
  const checked = spawnSync(process.execPath, [bin, '--check', '.'], { cwd: many, encoding: 'utf8', env: { ...process.env, DFMOD_THREADS: '2' } });
  assert.is(checked.status, 1, checked.stderr);
  assert.equal(checked.stdout.trim().split('\n').sort(), Object.keys(files).sort());
  assert.match(checked.stderr, /24 files, 24 would change, 0 unchanged, 0 errors/);
});

test.run();
