import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverFiles } from '../lib/cli/files.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dfmod-files-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const D = 'FROM scratch\n';

/** A file system where `unreadable` folders refuse to be listed, as a mode-000 folder of another user does (root reads anything). */
function refusing(...unreadable: string[]) {
  return {
    readdirSync: ((folder: string, options: never) => {
      if (unreadable.includes(path.resolve(folder))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
      return readdirSync(folder, options);
    }) as typeof readdirSync,
  };
}

test('an unreadable folder is reported once and skipped; the rest is found', async () => {
  const dir = tree({ 'Dockerfile': D, 'data/db/Dockerfile': D, 'app/Dockerfile': D, 'logs/x': '' });
  const found = await discoverFiles(['.'], { cwd: dir, fileSystem: refusing(path.join(dir, 'data')) });
  assert.equal(found.files, ['Dockerfile', 'app/Dockerfile']);
  assert.equal(found.errors, []);
  assert.equal(found.warnings, [{ path: 'data', message: 'cannot read folder (EACCES)' }]);
});

test('an unreadable folder that ignore rules exclude is skipped without a word', async () => {
  const dir = tree({ '.gitignore': 'data/\n', 'Dockerfile': D, 'data/Dockerfile': D });
  const found = await discoverFiles(['.'], { cwd: dir, fileSystem: refusing(path.join(dir, 'data')) });
  assert.equal(found.files, ['Dockerfile']);
  assert.equal(found.warnings, []);
});

test('.gitignore: a pattern, a folder, and a negation in a deeper file', async () => {
  const dir = tree({
    '.gitignore': 'build/\n*.generated.Dockerfile\nvendor\n',
    'Dockerfile': D,
    'build/Dockerfile': D,
    'app/x.generated.Dockerfile': D,
    'app/Dockerfile': D,
    'vendor/lib/Dockerfile': D,
    'svc/.gitignore': 'Dockerfile.*\n!Dockerfile.keep\n',
    'svc/Dockerfile.dev': D,
    'svc/Dockerfile.keep': D,
    'svc/Dockerfile': D,
  });
  const found = await discoverFiles([], { cwd: dir });
  assert.equal(found.files, ['Dockerfile', 'app/Dockerfile', 'svc/Dockerfile', 'svc/Dockerfile.keep']);
});

test('nested .gitignore patterns are relative to their own folder', async () => {
  const dir = tree({
    'a/.gitignore': '/Dockerfile\n',
    'a/Dockerfile': D,
    'a/b/Dockerfile': D,
    'Dockerfile': D,
  });
  const found = await discoverFiles([], { cwd: dir });
  assert.equal(found.files, ['Dockerfile', 'a/b/Dockerfile']);
});

test('nothing below an ignored folder comes back, even with a negation', async () => {
  const dir = tree({
    '.gitignore': 'out/\n!out/Dockerfile\n',
    'out/Dockerfile': D,
    'Dockerfile': D,
  });
  assert.equal((await discoverFiles([], { cwd: dir })).files, ['Dockerfile']);
});

test('.dfmodignore works the same way, alongside .gitignore', async () => {
  const dir = tree({
    '.dfmodignore': 'legacy/**\n',
    '.gitignore': 'tmp/\n',
    'legacy/Dockerfile': D,
    'tmp/Dockerfile': D,
    'new/Dockerfile': D,
  });
  assert.equal((await discoverFiles([], { cwd: dir })).files, ['new/Dockerfile']);
});

test('a file named on the command line is ignored as a walked one would be, unless ignore files are off', async () => {
  const dir = tree({ '.gitignore': 'build/\n', 'build/Dockerfile': D, 'app/.dfmodignore': 'Dockerfile.old\n', 'app/Dockerfile.old': D });
  assert.equal((await discoverFiles(['build/Dockerfile', 'app/Dockerfile.old'], { cwd: dir })).files, []);
  assert.equal((await discoverFiles(['build/Dockerfile'], { cwd: path.join(dir, 'build') })).files, [], 'rules above the working folder count too');
  assert.equal((await discoverFiles(['.'], { cwd: dir })).files, []);
  assert.equal((await discoverFiles(['build/Dockerfile'], { cwd: dir, ignoreFiles: false })).files, ['build/Dockerfile']);
});

test('ignorePaths: these files instead of .gitignore and .dfmodignore, for walks and named files', async () => {
  const dir = tree({ '.gitignore': 'build/\n', 'build/Dockerfile': D, 'ci/ignore-list': 'old/\n', 'old/Dockerfile': D, 'ci/old/Dockerfile': D, 'Dockerfile': D });
  const options = { cwd: dir, ignorePaths: ['ci/ignore-list'] };
  assert.equal((await discoverFiles(['.'], options)).files, ['Dockerfile', 'build/Dockerfile', 'old/Dockerfile'], "patterns are relative to their file's folder");
  assert.equal((await discoverFiles(['ci/old/Dockerfile', 'build/Dockerfile'], options)).files, ['build/Dockerfile']);
});

test('walks skip template and backup names; a named one is read', async () => {
  const names = ['Dockerfile.j2', 'Dockerfile.jinja', 'Dockerfile.jinja2', 'Dockerfile.tmpl', 'Dockerfile.tpl', 'Dockerfile.template', 'Dockerfile.md', 'Dockerfile.bak', 'Dockerfile.orig', 'Dockerfile.rej', '.Dockerfile.swp', 'Dockerfile~', 'Dockerfile.dist', 'Dockerfile.sample', 'Dockerfile.example', 'app.Dockerfile.tpl'];
  const dir = tree(Object.fromEntries([...names, 'Dockerfile', 'Dockerfile.prod'].map((name) => [name, D])));
  assert.equal((await discoverFiles(['.'], { cwd: dir })).files, ['Dockerfile', 'Dockerfile.prod']);
  assert.equal((await discoverFiles(['Dockerfile*'], { cwd: dir })).files, ['Dockerfile', 'Dockerfile.prod']);
  assert.equal((await discoverFiles(['Dockerfile.j2'], { cwd: dir })).files, ['Dockerfile.j2']);
});

test('a folder or glob that yields no Dockerfile is reported', async () => {
  const dir = tree({ 'empty/README': '', 'gone/.gitignore': 'Dockerfile\n', 'gone/Dockerfile': D });
  const found = await discoverFiles(['empty', 'gone', '*/Containerfile'], { cwd: dir });
  assert.equal(found.unmatched, ['empty', 'gone', '*/Containerfile']);
  assert.equal(found.errors, []);
});

test('globs honour ignore files too', async () => {
  const dir = tree({ '.gitignore': 'skip/\n', 'skip/Dockerfile': D, 'keep/Dockerfile': D });
  assert.equal((await discoverFiles(['**/Dockerfile'], { cwd: dir })).files, ['keep/Dockerfile']);
});

test('ignore files above the walked folder count up to the repository root', async () => {
  const dir = tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'sub/gen/\n', 'sub/gen/Dockerfile': D, 'sub/Dockerfile': D });
  assert.equal((await discoverFiles(['sub'], { cwd: dir })).files, ['sub/Dockerfile']);
  // Outside a repository, only the walked folder and below.
  const plain = tree({ '.gitignore': 'sub/gen/\n', 'sub/gen/Dockerfile': D, 'sub/Dockerfile': D });
  assert.equal((await discoverFiles(['sub'], { cwd: plain })).files, ['sub/Dockerfile', 'sub/gen/Dockerfile']);
});

test('ignoreFiles: false turns it off', async () => {
  const dir = tree({ '.gitignore': 'build/\n', 'build/Dockerfile': D });
  assert.equal((await discoverFiles([], { cwd: dir, ignoreFiles: false })).files, ['build/Dockerfile']);
});

test.run();
