import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, sink, tempProject } from './cli-harness.js';
import { layerCount, summarize, summaryLine, markdownReport, reportRow, Progress, wantsProgress } from '../lib/cli/report.js';
import { main } from '../lib/cli/main.js';
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

const NAIVE = 'FROM node:20\nCMD node server.js\n';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

const CLEAR = '\r\u001b[K';

test('progress: a bar with percentage and ETA, on a terminal, once a run has lasted half a second', () => {
  const tty = sink(true);
  const time = clock();
  const progress = new Progress(tty.stream, 10, true, time.now);
  time.advance(200);
  progress.tick(RESULTS[0]);
  assert.is(tty.text(), '', 'nothing in the first half second');
  time.advance(400);
  progress.tick(RESULTS[2]);
  // 2 of 10 in 600 ms: 8 more at 300 ms each.
  assert.is(tty.text(), `${CLEAR}dfmod [${'█'.repeat(6)}${'░'.repeat(24)}]  20% 2/10 files, 1 changed, 1 error, ETA 3s`);
  time.advance(50);
  progress.tick(RESULTS[1]);
  assert.is(tty.text().split(CLEAR).length, 2, 'at most ten redraws a second');
  time.advance(100);
  progress.tick(RESULTS[1]);
  assert.ok(tty.text().endsWith(`${CLEAR}dfmod [${'█'.repeat(12)}${'░'.repeat(18)}]  40% 4/10 files, 1 changed, 1 error, ETA 2s`), tty.text());
  progress.clear();
  assert.ok(tty.text().endsWith(`ETA 2s${CLEAR}`));
});

test('progress: the ETA in minutes, and a narrow terminal gets the words without the bar', () => {
  const wide = sink(true);
  const time = clock();
  const long = new Progress(wide.stream, 100, true, time.now);
  time.advance(6000);
  long.tick(RESULTS[1]);
  assert.is(wide.text(), `${CLEAR}dfmod [${'░'.repeat(30)}]   1% 1/100 files, 0 changed, 0 errors, ETA 9m 54s`);
  const narrow = sink(true);
  (narrow.stream as { columns: number }).columns = 50;
  const cramped = new Progress(narrow.stream, 100, true, time.now);
  time.advance(1000);
  cramped.tick(RESULTS[1]);
  // Cut to the line: a wrapped bar would push a new line per redraw.
  assert.is(narrow.text(), `${CLEAR}dfmod: 1% 1/100 files, 0 changed, 0 errors, ETA 1`);
});

test('progress: a note printed beside the bar clears its line, prints, and draws the bar again', () => {
  const tty = sink(true);
  const out = sink(true);
  const time = clock();
  const progress = new Progress(tty.stream, 4, true, time.now);
  const stderr = progress.wrap(tty.stream);
  const stdout = progress.wrap(out.stream);
  time.advance(1000);
  progress.tick(RESULTS[1]);
  const drawn = tty.text();
  assert.is(drawn, CLEAR + progress.line());
  assert.match(drawn, /25% 1\/4 files, 0 changed, 0 errors, ETA 3s$/);
  stderr.write('Dockerfile:3: a note [merge-runs]\n');
  assert.is(tty.text(), `${drawn}${CLEAR}Dockerfile:3: a note [merge-runs]\n${progress.line()}`);
  stdout.write('a/Dockerfile\n');
  assert.is(out.text(), 'a/Dockerfile\n');
  assert.ok(tty.text().endsWith(`[merge-runs]\n${progress.line()}${CLEAR}${progress.line()}`), 'a line on stdout clears and redraws the bar too');
  // A partial line is not followed by the bar; the next tick draws it.
  stderr.write('partial');
  assert.ok(tty.text().endsWith(`${CLEAR}partial`));
  assert.is(stderr.columns, 100, 'the wrapped stream is the stream otherwise');
});

test('progress: off when not on a terminal, with --quiet, and on TERM=dumb; writes then pass through untouched', () => {
  assert.is(wantsProgress(sink(true).stream, false, {}), true);
  assert.is(wantsProgress(sink(false).stream, false, {}), false);
  assert.is(wantsProgress(sink(true).stream, true, {}), false);
  assert.is(wantsProgress(sink(true).stream, false, { TERM: 'dumb' }), false);
  const pipe = sink(false);
  const time = clock();
  const off = new Progress(pipe.stream, 3, false, time.now);
  const wrapped = off.wrap(pipe.stream);
  assert.is(wrapped, pipe.stream);
  time.advance(5000);
  off.tick(RESULTS[0]);
  wrapped.write('note\n');
  off.clear();
  assert.is(pipe.text(), 'note\n');
});

test('cli: a run on a terminal with --quiet prints no bar, only the summary', async () => {
  const dir = project({ 'app/Dockerfile': NAIVE });
  const err = sink(true);
  const out = sink(false);
  const code = await main(['--quiet', '-t', 'exec-form', '.'], { stdout: out.stream, stderr: err.stream, stdin: process.stdin, cwd: dir, env: {} });
  assert.is(code, 0);
  assert.is(err.text(), 'dfmod: 1 file, 1 would change, 0 unchanged, 0 errors (exec-form 1); run with --write to apply\n');
});


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
