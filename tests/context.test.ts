/**
 * BuildContext.isIgnored against the examples of Docker's .dockerignore
 * documentation, for both context kinds.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { folderContext, memoryContext, type BuildContext } from '../lib/core/context.js';

const folders: string[] = [];

/** A folder on disk holding only a .dockerignore. */
function onDisk(ignoreText: string): BuildContext {
  const root = mkdtempSync(path.join(tmpdir(), 'dfmod-context-'));
  folders.push(root);
  writeFileSync(path.join(root, '.dockerignore'), ignoreText);
  return folderContext(root);
}

const kinds: [string, (ignoreText: string) => BuildContext][] = [
  ['memoryContext', (text) => memoryContext({ '.dockerignore': text })],
  ['folderContext', onDisk],
];

/** Asserts which of `paths` the patterns exclude, for both kinds of context. */
function expectIgnored(patterns: string[], expected: Record<string, boolean>) {
  for (const [kind, make] of kinds) {
    const context = make(['# comment', ...patterns].join('\n') + '\n');
    const actual = Object.fromEntries(Object.keys(expected).map((p) => [p, context.isIgnored(p)]));
    assert.equal(actual, expected, `${kind}: ${patterns.join(' ')}`);
  }
}

test('*/temp* excludes temp-named entries one folder down, not at the root or deeper', () => {
  expectIgnored(['*/temp*'], {
    'somedir/temporary.txt': true, 'somedir/temp': true, 'somedir/temp/inner.txt': true,
    'temporary.txt': false, 'somedir/subdir/temporary.txt': false,
  });
});

test('*/*/temp* excludes temp-named entries two folders down', () => {
  expectIgnored(['*/*/temp*'], { 'somedir/subdir/temporary.txt': true, 'somedir/temporary.txt': false });
});

test('temp? matches one character at the root', () => {
  expectIgnored(['temp?'], { tempa: true, tempb: true, temp: false, tempab: false, 'dir/tempa': false });
});

test('**/*.go matches in every folder, the root included', () => {
  expectIgnored(['**/*.go'], { 'main.go': true, 'cmd/app/main.go': true, 'main.go.txt': false, 'go.mod': false });
});

test('! makes an exception; the last matching line wins', () => {
  expectIgnored(['*.md', '!README.md'], { 'CHANGES.md': true, 'README.md': false, 'docs/a.md': false });
  expectIgnored(['*.md', '!README*.md', 'README-secret.md'], { 'README.md': false, 'README-secret.md': true, 'NOTES.md': true });
  expectIgnored(['*.md', 'README-secret.md', '!README*.md'], { 'README.md': false, 'README-secret.md': false, 'NOTES.md': true });
});

test('node_modules/, /node_modules and ./node_modules exclude the folder and what is in it', () => {
  for (const pattern of ['node_modules', 'node_modules/', '/node_modules', './node_modules']) {
    expectIgnored([pattern], { node_modules: true, 'node_modules/': true, 'node_modules/ms/index.js': true, 'web/node_modules': false, node_modules_x: false });
  }
});

test('matching is case-sensitive, as Docker on Linux', () => {
  expectIgnored(['Vendor'], { Vendor: true, vendor: false });
});

test('without a .dockerignore nothing is ignored; the root never is', () => {
  assert.is(memoryContext({ 'a.txt': '' }).isIgnored('a.txt'), false);
  expectIgnored(['*'], { 'a.txt': true, '.': false, '': false });
});

test('folderContext reads .dockerignore once for its life', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dfmod-context-'));
  folders.push(root);
  mkdirSync(path.join(root, 'dist'));
  writeFileSync(path.join(root, '.dockerignore'), 'dist\n');
  const context = folderContext(root);
  assert.is(context.isIgnored('dist'), true);
  writeFileSync(path.join(root, '.dockerignore'), 'build\n');
  assert.is(context.isIgnored('dist'), true);
  assert.is(context.isIgnored('build'), false);
});

test.after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('sendsFilesUnder, firstLine, isExecutable: on disk and in memory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dfmod-context-'));
  folders.push(root);
  mkdirSync(path.join(root, 'node_modules/ms'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules/ms/index.js'), '');
  writeFileSync(path.join(root, 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  writeFileSync(path.join(root, 'job.sh'), 'echo hi\n', { mode: 0o644 });
  const contexts: [string, BuildContext, string][] = [];
  const sends: [string, string, boolean][] = [];
  for (const ignoreText of ['node_modules/*\n', 'node_modules/\n!node_modules/ms/index.js\n', 'dist\n']) {
    // A folder context reads .dockerignore when first asked: ask before the next one is written.
    writeFileSync(path.join(root, '.dockerignore'), ignoreText);
    contexts.push([ignoreText, folderContext(root), 'disk']);
    contexts.push([ignoreText, memoryContext({ '.dockerignore': ignoreText, 'node_modules/ms/index.js': '', 'run.sh': '#!/bin/sh\necho hi\n', 'job.sh': 'echo hi\n' }, '/c', { 'run.sh': 0o755 }), 'memory']);
    for (const [text, context, kind] of contexts.slice(-2)) sends.push([kind, text, context.sendsFilesUnder!('node_modules')]);
  }
  assert.equal(sends, [
    ['disk', 'node_modules/*\n', false], ['memory', 'node_modules/*\n', false],
    ['disk', 'node_modules/\n!node_modules/ms/index.js\n', true], ['memory', 'node_modules/\n!node_modules/ms/index.js\n', true],
    ['disk', 'dist\n', true], ['memory', 'dist\n', true],
  ]);
  for (const [, context, kind] of contexts.slice(-2)) {
    assert.equal([context.firstLine!('run.sh'), context.firstLine!('job.sh'), context.firstLine!('missing')], ['#!/bin/sh', 'echo hi', null], kind);
    assert.equal([context.isExecutable!('run.sh'), context.isExecutable!('job.sh'), context.isExecutable!('missing')], [true, false, null], kind);
    assert.is(context.sendsFilesUnder!('missing'), false, kind);
  }
});

test('folderContext with its Dockerfile reads <Dockerfile>.dockerignore beside it first, in the folders above too', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dfmod-context-'));
  folders.push(root);
  mkdirSync(path.join(root, 'docker'));
  writeFileSync(path.join(root, '.dockerignore'), 'dist\n');
  writeFileSync(path.join(root, 'docker', 'Dockerfile.dockerignore'), 'node_modules\n');
  const dockerfile = path.join(root, 'docker', 'Dockerfile');
  const inFolder = folderContext(path.join(root, 'docker'), dockerfile);
  const above = inFolder.parent!()!;
  for (const context of [inFolder, above, folderContext(root, dockerfile)]) {
    assert.equal(context.dockerignore(), ['node_modules'], context.root);
    assert.is(context.dockerignorePath!(), path.join(root, 'docker', 'Dockerfile.dockerignore'));
    assert.equal([context.isIgnored('node_modules'), context.isIgnored('dist')], [true, false]);
  }
  // Without one of its own: the context root's .dockerignore.
  const other = folderContext(root, path.join(root, 'docker', 'other.Dockerfile'));
  assert.equal([other.dockerignore(), other.dockerignorePath!()], [['dist'], path.join(root, '.dockerignore')]);
  assert.equal(folderContext(path.join(root, 'docker'), path.join(root, 'docker', 'other.Dockerfile')).dockerignore(), null);
});

test.run();
