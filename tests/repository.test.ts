/**
 * Folder names count inside the repository only (lib/facts/repository.ts):
 * roles and file kinds, and the path the init-entrypoint note offers for the
 * `paths` option. Each test makes a throwaway tree, with a `.git` where it
 * stands for a checkout.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from './cli-harness.js';
import { transform } from '../lib/index.js';
import { repositoryPath } from '../lib/facts/index.js';

/** An application: worth an init, so init-entrypoint adds one unless a folder says otherwise. */
const APP = 'FROM node:20-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY server.js /app/\nCMD ["node", "/app/server.js"]\n';
/** A base image (no command of its own): init-entrypoint leaves it alone with a note offering the `paths` option. */
const BASE = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y build-essential git\n';

/** Runs `body` with the current directory at `dir`: a relative filename is relative to it, as for the CLI. */
async function inDirectory<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await body();
  } finally {
    process.chdir(before);
  }
}

async function initNotes(filename: string, text: string) {
  const result = await transform(text, { filename, transforms: ['init-entrypoint'], level: 'review' });
  return { added: /tini/.test(result.output), ids: result.notes.map((n) => n.id) };
}

test('a checkout under a folder named test or tests is no test image: only folders inside the repository count', async () => {
  for (const outer of ['test-run', 'tests', 'ci', 'examples', 'vendor']) {
    const top = tempProject({ [`${outer}/myrepo/.git/HEAD`]: 'ref: refs/heads/main\n', [`${outer}/myrepo/Dockerfile`]: APP, [`${outer}/myrepo/server.js`]: '' });
    const file = path.join(top, outer, 'myrepo', 'Dockerfile');
    const absolute = await initNotes(file, APP);
    assert.equal(absolute, { added: true, ids: [] }, `${outer}, absolute path`);
    const relative = await inDirectory(top, () => initNotes(`${outer}/myrepo/Dockerfile`, APP));
    assert.equal(relative, { added: true, ids: [] }, `${outer}, relative path`);
    assert.equal(repositoryPath(file), { root: path.join(top, outer, 'myrepo'), relative: 'Dockerfile', folders: [] });
  }
});

test('folders inside the repository still give the role and the file kind', async () => {
  const top = tempProject({ 'myrepo/.git/HEAD': '', 'myrepo/tests/Dockerfile': APP, 'myrepo/.devcontainer/Dockerfile': APP, 'myrepo/hack/Dockerfile': APP });
  const repo = path.join(top, 'myrepo');
  const fixture = await transform('FROM node:20\nCMD node server.js\n', { filename: path.join(repo, 'tests', 'Dockerfile') });
  assert.equal(fixture.notes.map((n) => n.id), ['test-fixture']);
  assert.equal((await initNotes(path.join(repo, '.devcontainer', 'Dockerfile'), APP)).ids, ['devcontainer']);
  assert.equal((await initNotes(path.join(repo, 'hack', 'Dockerfile'), APP)).ids, ['dev-or-test-stage']);
  // A .git file (a worktree's, a submodule's) marks the root as a folder does.
  const worktree = tempProject({ 'tests/wt/.git': 'gitdir: /elsewhere\n', 'tests/wt/Dockerfile': APP });
  assert.equal(await initNotes(path.join(worktree, 'tests', 'wt', 'Dockerfile'), APP), { added: true, ids: [] });
});

test('without a .git: the folders below the current directory count; outside it, the two nearest the file', async () => {
  const top = tempProject({ 'tests/app/Dockerfile': APP, 'home/ci/tests/app/web/Dockerfile': APP, 'srv/tests/Dockerfile': APP });
  // Below the current directory, as typed or as a walk of it found the file: every folder of the path.
  assert.equal((await inDirectory(top, () => initNotes('tests/app/Dockerfile', APP))).ids, ['test-fixture']);
  assert.equal(repositoryPath(path.join(top, 'tests', 'app', 'Dockerfile')).root, null);
  await inDirectory(path.join(top, 'srv'), async () => {
    // Outside it: the file's folder and the one above, not the folders the tree sits in.
    assert.equal(await initNotes(path.join(top, 'home', 'ci', 'tests', 'app', 'web', 'Dockerfile'), APP), { added: true, ids: [] });
    assert.equal(repositoryPath(path.join(top, 'home', 'ci', 'tests', 'app', 'web', 'Dockerfile')), { root: null, relative: 'app/web/Dockerfile', folders: ['app', 'web'] });
  });
  await inDirectory(path.join(top, 'home'), async () => {
    assert.equal((await initNotes(path.join(top, 'srv', 'tests', 'Dockerfile'), APP)).ids, ['test-fixture']);
  });
});

/** The `paths` option init-entrypoint's note offers, as JSON. */
function offeredOption(message: string): Record<string, { paths: string[] }> {
  const found = /name it in the option (\{"init-entrypoint": \{"paths": \[[^\]]*\]\}\})/.exec(message);
  assert.ok(found, message);
  return JSON.parse(found![1]);
}

test('the note offers the path from the repository root, whatever folder dfmod runs in; pasted into the root\'s configuration, it opts the file in', async () => {
  const top = tempProject({ 'owner__repo/.git/HEAD': '', 'owner__repo/services/web/Dockerfile': BASE, 'owner__repo/Dockerfile': BASE });
  const repo = path.join(top, 'owner__repo');
  for (const [cwd, arg] of [[top, 'owner__repo'], [path.join(repo, 'services'), 'web/Dockerfile'], [repo, 'services/web/Dockerfile']]) {
    const ran = await inDirectory(cwd, () => runCli(['--json', '--level', 'review', '-t', 'init-entrypoint', arg], cwd));
    const report = JSON.parse(ran.stdout) as { files: { path: string; notes: { id: string; message: string }[] }[] };
    const web = report.files.find((f) => f.path.endsWith('web/Dockerfile'))!;
    assert.equal(web.notes.map((n) => n.id), ['base-image'], cwd);
    assert.equal(offeredOption(web.notes[0].message), { 'init-entrypoint': { paths: ['services/web/Dockerfile'] } }, cwd);
  }
  const ran = await inDirectory(top, () => runCli(['--json', '--level', 'review', '-t', 'init-entrypoint', 'owner__repo/Dockerfile'], top));
  const root = (JSON.parse(ran.stdout) as { files: { notes: { message: string }[] }[] }).files[0];
  assert.equal(offeredOption(root.notes[0].message), { 'init-entrypoint': { paths: ['Dockerfile'] } });

  // The offered option, pasted into a configuration at the repository root: the file gets its init, run from above the repository.
  const configured = tempProject({
    'owner__repo/.git/HEAD': '',
    'owner__repo/.dfmodrc.json': JSON.stringify({ 'init-entrypoint': { paths: ['services/web/Dockerfile'] } }),
    'owner__repo/services/web/Dockerfile': BASE,
    'owner__repo/services/api/Dockerfile': BASE,
  });
  mkdirSync(path.join(configured, 'elsewhere'));
  for (const cwd of [configured, path.join(configured, 'owner__repo'), path.join(configured, 'elsewhere')]) {
    const target = path.relative(cwd, path.join(configured, 'owner__repo')) || '.';
    const result = await inDirectory(cwd, () => runCli(['--json', '--level', 'review', '-t', 'init-entrypoint', target], cwd));
    const files = (JSON.parse(result.stdout) as { files: { path: string; changes: unknown[]; notes: { id: string }[] }[] }).files;
    const web = files.find((f) => f.path.endsWith('services/web/Dockerfile'))!;
    const api = files.find((f) => f.path.endsWith('services/api/Dockerfile'))!;
    assert.is(web.changes.length, 1, cwd);
    assert.equal(api.changes, [], cwd);
    assert.equal(api.notes.map((n) => n.id), ['base-image'], cwd);
  }
});

test.run();
