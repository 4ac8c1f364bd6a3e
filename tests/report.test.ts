import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, sink, tempProject } from './cli-harness.js';
import { layerCount, summarize, summaryLine, markdownReport, reportRow, Progress } from '../lib/cli/report.js';
import type { FileResult } from '../lib/cli/process.js';

const dfmod = (args: string[], cwd: string) => runCli(args, cwd);
const project = (files: Record<string, string>) => tempProject(files, 'dfmod-report-');

test('layerCount: RUN, COPY and ADD of the final stage only', () => {
  assert.is(layerCount('FROM a AS b\nRUN x\nRUN y\nFROM c\nCOPY --from=b / /\nRUN z\nADD f /f\nENV A=1\nONBUILD RUN q\n'), 3);
  assert.is(layerCount('# nothing\n'), 0);
  assert.is(layerCount('\uFEFFFROM a\r\nRUN a \\\r\n  b\r\n'), 1);
});

const result = (path: string, status: FileResult['status'], transforms: string[], layers?: [number, number], notes: string[] = []): FileResult => ({
  path,
  status,
  changes: transforms.map((t, i) => ({ transform: t, line: i + 1, message: 'm', level: 'safe' as const })),
  notes: notes.map((message) => ({ transform: 'merge-runs', line: 4, message })),
  ...(layers ? { layers: { before: layers[0], after: layers[1] } } : {}),
  ...(status === 'error' ? { error: { line: 2, message: 'unknown instruction: FORM' } } : {}),
});

const RESULTS = [
  result('a/Dockerfile', 'changed', ['merge-runs', 'merge-runs', 'exec-form'], [5, 2], ['not merged: the first RUN runs `cd`', 'a | b']),
  result('b/Dockerfile', 'unchanged', []),
  result('c/Dockerfile', 'error', []),
  result('d/Dockerfile', 'changed', ['exec-form'], [1, 1]),
];

test('summary: counts, per-transform fixes and layers saved', () => {
  const s = summarize(RESULTS, 1);
  assert.equal(s, { files: 4, changed: 2, unchanged: 1, errors: 2, transforms: { 'merge-runs': 2, 'exec-form': 2 }, layersSaved: 3, suggested: 0, suggestions: {} });
  assert.is(summaryLine(s, { write: false, check: false }),
    'dfmod: 4 files, 2 would change, 1 unchanged, 2 errors (merge-runs 2, exec-form 2); 3 layers would be saved; run with --write to apply');
  assert.is(summaryLine(s, { write: true, check: false }), 'dfmod: 4 files, 2 changed, 1 unchanged, 2 errors (merge-runs 2, exec-form 2); 3 layers saved');
});

test('markdown report: a table of changed files, errors, and fixes per transform', () => {
  const text = markdownReport(RESULTS.map((r) => reportRow(r)), summarize(RESULTS), { write: true });
  assert.fixture(text, [
    '## dfmod',
    '',
    '4 Dockerfiles scanned: 2 changed, 1 unchanged, 1 error. Final-stage layers: 3 fewer.',
    '',
    '| File | Transforms applied | Layers (before → after) | Notes |',
    '| --- | --- | --- | --- |',
    "| `a/Dockerfile` | `merge-runs`, `exec-form` | 5 → 2 | line 4: not merged: the first RUN runs 'cd' (merge-runs)<br>line 4: a \\| b (merge-runs) |",
    '| `d/Dockerfile` | `exec-form` | 1 → 1 |  |',
    '',
    'Left untouched because they could not be processed:',
    '',
    '| File | Error |',
    '| --- | --- |',
    '| `c/Dockerfile` | line 2: unknown instruction: FORM |',
    '',
    '| Transform | Fixes |',
    '| --- | ---: |',
    '| `merge-runs` | 2 |',
    '| `exec-form` | 2 |',
    '',
  ].join('\n'));
});

test('progress: only on a terminal, only for runs longer than half a second, cleared before output', async () => {
  const tty = sink(true);
  const progress = new Progress(tty.stream, 3, true);
  progress.tick(RESULTS[0]);
  assert.is(tty.text(), '', 'nothing in the first half second');
  await new Promise((r) => setTimeout(r, 550));
  progress.tick(RESULTS[2]);
  assert.is(tty.text(), '\r\u001b[Kdfmod: 2/3 files, 1 changed, 1 error');
  progress.clear();
  assert.ok(tty.text().endsWith('\r\u001b[K'));
  const pipe = sink(false);
  const quiet = new Progress(pipe.stream, 3, false);
  await new Promise((r) => setTimeout(r, 10));
  quiet.tick(RESULTS[0]);
  quiet.clear();
  assert.is(pipe.text(), '');
});

const NAIVE = 'FROM node:20\nCMD node server.js\n';

test('cli: --report writes the Markdown file; --json carries layers and the summary', async () => {
  const dir = project({ 'app/Dockerfile': NAIVE, 'ok/Dockerfile': 'FROM scratch\n' });
  const ran = await dfmod(['--report', 'dfmod.md', '-t', 'exec-form'], dir);
  assert.is(ran.code, 0);
  assert.match(ran.stderr, /dfmod: 2 files, 1 would change, 1 unchanged, 0 errors \(exec-form 1\); run with --write to apply/);
  const md = readFileSync(path.join(dir, 'dfmod.md'), 'utf8');
  assert.match(md, /\| `app\/Dockerfile` \| `exec-form` \| 0 → 0 \|/);
  const json = await dfmod(['--json', '-t', 'exec-form'], dir);
  const report = JSON.parse(json.stdout);
  assert.equal(report.files[0].layers, { before: 0, after: 0 });
  assert.equal(report.summary, { files: 2, changed: 1, unchanged: 1, errors: 0, transforms: { 'exec-form': 1 }, layersSaved: 0, suggested: 0, suggestions: {} });
});

test('cli: --report to a folder that does not exist is an error after the run', async () => {
  const dir = project({ Dockerfile: NAIVE });
  const ran = await dfmod(['--report', 'no/such/dir/r.md'], dir);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /dfmod: --report no\/such\/dir\/r\.md: ENOENT/);
});

test('cli: a bulk --write over 20 files (worker threads) writes each file and reports in path order', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`s${String(i).padStart(2, '0')}/Dockerfile`] = i % 2 ? NAIVE : 'FROM scratch\n';
  const dir = project(files);
  const ran = await dfmod(['--write', '-t', 'exec-form'], dir);
  assert.is(ran.code, 0);
  const changed = Object.keys(files).filter((_, i) => i % 2);
  assert.is(ran.stdout, changed.map((f) => `${f} (exec-form)\n`).join(''));
  for (const f of changed) assert.is(readFileSync(path.join(dir, f), 'utf8'), 'FROM node:20\nCMD ["node", "server.js"]\n');
  assert.match(ran.stderr, /dfmod: 20 files, 10 changed, 10 unchanged, 0 errors \(exec-form 10\)\n$/);
});

test.run();
