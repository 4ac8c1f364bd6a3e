import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processInBulk, type BulkJob, type BulkOptions } from '../lib/cli/bulk.js';
import { loadPlugin } from '../lib/registry.js';
import { builtinTransforms } from '../transforms/index.js';
import type { FileResult } from '../lib/cli/process.js';

const execForm = builtinTransforms.filter((t) => t.id === 'exec-form');

/** A plugin: upper-cases `echo hi` to `echo HI` (with a configurable word), and misbehaves on request. */
const PLUGIN = `
export default {
  id: 'shout', level: 'safe', description: 'shout', rationale: '',
  run({ source, options }) {
    if (source.includes('EXIT')) process.exit(3);
    if (source.includes('HANG')) for (;;) {}
    const word = options.word ?? 'hi';
    const at = source.indexOf('echo ' + word);
    if (at === -1) return {};
    return { fixes: [{ line: 1, message: 'shout', edits: [{ start: at + 5, end: at + 5 + word.length, text: word.toUpperCase() }] }] };
  },
};
`;

function project(count: number, body: (i: number) => string): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dfmod-bulk-'));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `s${String(i).padStart(3, '0')}/Dockerfile`;
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), body(i));
    files.push(file);
  }
  writeFileSync(path.join(dir, 'shout.mjs'), PLUGIN);
  return { dir, files };
}

async function collect(jobs: BulkJob[], options: BulkOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for await (const r of processInBulk(jobs, options)) results.push(r);
  return results;
}

const strip = (r: FileResult) => ({ path: r.path, status: r.status, output: r.output, changes: r.changes, layers: r.layers, error: r.error });

test('worker threads give the same results as one thread, in input order', async () => {
  const { dir, files } = project(40, (i) => `FROM node:20\nRUN echo ${i}\n${i % 3 ? 'CMD node s.js' : 'CMD ["node", "s.js"]'}\n`);
  const jobs = files.map((file) => ({ file, transforms: execForm }));
  const inline = await collect(jobs, { cwd: dir, threads: 0 });
  const pooled = await collect(jobs, { cwd: dir, threads: 2, maxInFlight: 3 });
  assert.equal(pooled.map((r) => r.path), files);
  assert.equal(pooled.map(strip), inline.map(strip));
  assert.is(pooled.filter((r) => r.status === 'changed').length, 26);
  assert.equal(pooled[1].layers, { before: 1, after: 1 });
  assert.is(pooled[1].bytes, undefined, 'bytes are only kept when asked (for --write)');
  const kept = await collect(jobs.slice(0, 2), { cwd: dir, threads: 1, keepBytes: true });
  assert.ok(kept[1].bytes instanceof Uint8Array);
});

test('plugin transforms and their options reach the workers', async () => {
  const { dir, files } = project(4, () => 'FROM scratch\nRUN echo hi && echo yo\n');
  const plugin = path.join(dir, 'shout.mjs');
  const shout = await loadPlugin(plugin, dir);
  const jobs: BulkJob[] = files.map((file, i) => ({ file, transforms: shout, pluginModules: [plugin], options: { shout: i === 3 ? { word: 'yo' } : {} } }));
  const results = await collect(jobs, { cwd: dir, threads: 2 });
  assert.equal(results.map((r) => r.output), [
    'FROM scratch\nRUN echo HI && echo yo\n',
    'FROM scratch\nRUN echo HI && echo yo\n',
    'FROM scratch\nRUN echo HI && echo yo\n',
    'FROM scratch\nRUN echo hi && echo YO\n',
  ]);
});

test('a dfmod-ignore naming no transform of the plan is a warning on the result, worked out where the file is processed', async () => {
  const { dir, files } = project(3, (i) => (i === 1 ? 'FROM scratch\n# dfmod-ignore shuot, exec-form\nCMD node a.js\n' : 'FROM scratch\nCMD node a.js\n'));
  const known = builtinTransforms.map((t) => t.id);
  for (const threads of [0, 2]) {
    const results = await collect(files.map((file) => ({ file, transforms: execForm, known })), { cwd: dir, threads });
    assert.equal(results.map((r) => r.warnings), [undefined, [`${files[1]}:2: unknown transform 'shuot' in dfmod-ignore`], undefined], `threads: ${threads}`);
    assert.equal(results.map((r) => r.status), ['changed', 'unchanged', 'changed']);
  }
  const unchecked = await collect([{ file: files[1], transforms: execForm }], { cwd: dir, threads: 0 });
  assert.is(unchecked[0].warnings, undefined, 'without known ids nothing is checked');
});

test('a worker that dies or hangs costs one file an error; the run goes on', async () => {
  const { dir, files } = project(6, (i) => (i === 1 ? 'FROM scratch\nRUN echo EXIT\n' : i === 3 ? 'FROM scratch\nRUN echo HANG\n' : 'FROM scratch\nRUN echo hi\n'));
  const plugin = path.join(dir, 'shout.mjs');
  const shout = await loadPlugin(plugin, dir);
  const jobs = files.map((file) => ({ file, transforms: shout, pluginModules: [plugin] }));
  const results = await collect(jobs, { cwd: dir, threads: 2, timeoutMs: 1500 });
  assert.equal(results.map((r) => r.status), ['changed', 'error', 'changed', 'error', 'changed', 'changed']);
  assert.match(results[1].error!.message, /internal error, file left untouched: worker exited/);
  assert.match(results[3].error!.message, /took longer than 2 s; left untouched/);
});

test('a worker dying with several files in flight blames the file that kills it, not the first in flight', async () => {
  // One worker holds all six files at once, and results travel in batches:
  // the two files before the bad one may be finished but not yet reported.
  const { dir, files } = project(6, (i) => (i === 2 ? 'FROM scratch\nRUN echo EXIT\n' : 'FROM scratch\nRUN echo hi\n'));
  const plugin = path.join(dir, 'shout.mjs');
  const shout = await loadPlugin(plugin, dir);
  const jobs = files.map((file) => ({ file, transforms: shout, pluginModules: [plugin] }));
  const results = await collect(jobs, { cwd: dir, threads: 1 });
  assert.equal(results.map((r) => r.status), ['changed', 'changed', 'error', 'changed', 'changed', 'changed']);
  assert.match(results[2].error!.message, /worker exited \(3\)/);
});

test('a job that failed before processing is yielded in its place', async () => {
  const { dir, files } = project(3, () => 'FROM scratch\n');
  const jobs: BulkJob[] = files.map((file, i) => (i === 1 ? { file, transforms: [], failure: 'bad configuration' } : { file, transforms: execForm }));
  for (const threads of [0, 2]) {
    const results = await collect(jobs, { cwd: dir, threads });
    assert.equal(results.map((r) => [r.path, r.status, r.error?.message]), [
      [files[0], 'unchanged', undefined], [files[1], 'error', 'bad configuration'], [files[2], 'unchanged', undefined],
    ]);
  }
});

test('unreadable and undecodable files are per-file errors', async () => {
  const { dir } = project(0, () => '');
  writeFileSync(path.join(dir, 'bin.Dockerfile'), Buffer.from([70, 82, 0, 1]));
  writeFileSync(path.join(dir, 'latin1.Dockerfile'), Buffer.from([70, 82, 79, 77, 32, 0xe9, 10]));
  const jobs = ['bin.Dockerfile', 'latin1.Dockerfile', 'missing/Dockerfile'].map((file) => ({ file, transforms: execForm }));
  const results = await collect(jobs, { cwd: dir, threads: 2 });
  assert.equal(results.map((r) => r.error?.message), [
    'binary file (contains NUL bytes); left untouched',
    'not valid UTF-8; left untouched',
    'no such file or directory',
  ]);
});

test.run();
