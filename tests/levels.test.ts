/**
 * Levels: `safe` changes are written by default; `review` changes (a new
 * stage, a new entrypoint contract) are suggestions on top of them, shown
 * everywhere with what to check, written by `--level review` (or the config
 * key `level`); `--check` fails on safe changes, and with `--fail-on review`
 * on suggestions too.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from './cli-harness.js';
import { runTransforms } from '../lib/core/engine.js';
import { transform } from '../lib/index.js';
import { pick } from './helpers.js';
import { folderContext, memoryContext } from '../lib/core/context.js';

// exec-form (safe) and init-entrypoint (review) on a Debian node image (with a RUN: a stage of only COPY and ADD gets no init).
const INPUT = 'FROM node:20\nRUN npm ci\nCMD node server.js\n';
const SAFE = 'FROM node:20\nRUN npm ci\nCMD ["node", "server.js"]\n';
const REVIEW = 'FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nRUN npm ci\n' +
  'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n';
const EXEC_FORM = 'CMD in JSON form, so node runs as PID 1 and receives signals';
const INIT = 'tini runs as PID 1 (installed with apt; the inherited ENTRYPOINT ["docker-entrypoint.sh"] wrapped), so signals reach the app and zombies are reaped';
const CHECK = pick(['init-entrypoint'])[0]!.reviewCheck!;
const transforms = pick(['exec-form', 'init-entrypoint']);

test('engine: the safe text by default, the review text on top of it, each change with its level', async () => {
  const result = await runTransforms(INPUT, { transforms });
  assert.is(result.level, 'safe');
  assert.is(result.output, SAFE);
  assert.equal(result.levels, { safe: SAFE, review: REVIEW });
  assert.equal(result.changes, [{ transform: 'exec-form', line: 3, message: EXEC_FORM, level: 'safe' }]);
  assert.equal(result.suggestions, [{ transform: 'init-entrypoint', line: 3, message: INIT, level: 'review' }]);
  const review = await runTransforms(INPUT, { transforms, level: 'review' });
  assert.is(review.output, REVIEW);
  assert.equal(review.changes.map((c) => `${c.transform} ${c.level}`), ['exec-form safe', 'init-entrypoint review']);
  assert.equal(review.suggestions, []);
});

test('engine: a second run at the same level changes nothing', async () => {
  const safe = await runTransforms(SAFE, { transforms });
  assert.is(safe.output, SAFE);
  assert.equal(safe.changes, []);
  // The suggestion stays a suggestion.
  assert.equal(safe.suggestions.map((c) => c.transform), ['init-entrypoint']);
  const review = await runTransforms(REVIEW, { transforms, level: 'review' });
  assert.is(review.output, REVIEW);
  assert.equal(review.changes, []);
  assert.equal(review.levels, { safe: REVIEW, review: REVIEW });
});

test('engine: at level safe, the notes are about the safe text; what a review transform says about a review text is said at level review', async () => {
  const go = 'FROM golang:1.19\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nCMD ["/app/server"]\n';
  const context = memoryContext({ 'go.mod': 'module example.com/s\n\ngo 1.19\n', 'main.go': 'package main\n\nfunc main() {}\n' });
  const all = pick(['multi-stage', 'init-entrypoint']);
  const safe = await runTransforms(go, { transforms: all, context });
  assert.is(safe.output, go);
  assert.equal(safe.suggestions.map((c) => c.transform), ['multi-stage']);
  // The init is refused on the distroless runtime multi-stage suggests, not on golang:1.19 (which it would accept, were it the final stage of a safe text).
  // The init is refused on the distroless runtime multi-stage suggests (PID 1 is the Go binary), not on golang:1.19 (which it would accept, were it the final stage of a safe text).
  const review = await runTransforms(go, { transforms: all, context, level: 'review' });
  assert.equal(review.notes.map((n) => `${n.transform} ${n.id}`), ['init-entrypoint single-binary']);
  // A review transform's refusal of the safe text itself is said at level safe.
  const worker = readFileSync('examples/python-worker/Dockerfile', 'utf8');
  const refused = await runTransforms(worker, { transforms: pick(['multi-stage']), context: folderContext('examples/python-worker') });
  assert.equal(refused.notes.map((n) => `${n.transform} ${n.line} ${n.id}`), ['multi-stage 1 unknown-command']);
});

test('library: transform() takes a level and returns the suggestions and both texts', async () => {
  const safe = await transform(INPUT, { transforms: ['exec-form', 'init-entrypoint'] });
  assert.is(safe.output, SAFE);
  assert.equal(safe.suggestions.map((c) => c.transform), ['init-entrypoint']);
  assert.equal(safe.levels, { safe: SAFE, review: REVIEW });
  assert.is((await transform(INPUT, { transforms: ['exec-form', 'init-entrypoint'], level: 'review' })).output, REVIEW);
});

const project = (files: Record<string, string> = {}) => tempProject({ Dockerfile: INPUT, ...files }, 'dfmod-levels-');
const dfmod = (args: string[], dir: string) => runCli(['-t', 'exec-form,init-entrypoint', ...args], dir);
const read = (dir: string) => readFileSync(path.join(dir, 'Dockerfile'), 'utf8');

test('--write writes no review change; --level review writes them; a second run changes nothing', async () => {
  const dir = project();
  const ran = await dfmod(['--write'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(read(dir), SAFE);
  assert.is(ran.stdout, 'Dockerfile (exec-form)\n');
  assert.match(ran.stderr, 'dfmod: 1 file, 1 changed, 0 unchanged, 0 errors (exec-form 1); 1 with review suggestions, not written (init-entrypoint 1): --level review writes them\n');
  const again = await dfmod(['--write'], dir);
  assert.is(again.stdout, '');
  assert.is(read(dir), SAFE);
  const review = await dfmod(['--write', '--level', 'review'], dir);
  assert.is(review.code, 0, review.stderr);
  assert.is(review.stdout, 'Dockerfile (init-entrypoint)\n');
  assert.is(read(dir), REVIEW);
  const last = await dfmod(['--write', '--level', 'review'], dir);
  assert.is(last.stdout, '');
  assert.match(last.stderr, 'dfmod: 1 file, 0 changed, 1 unchanged, 0 errors\n');
  assert.is(read(dir), REVIEW);
});

test('config key "level": "review" writes review changes; --level safe overrides it; a bad value is refused with its place', async () => {
  const dir = project({ '.dfmodrc.json': '{ "level": "review" }' });
  const safe = await dfmod(['--write', '--level', 'safe'], dir);
  assert.is(safe.code, 0, safe.stderr);
  assert.is(read(dir), SAFE);
  const ran = await dfmod(['--write'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(read(dir), REVIEW);
  const bad = project({ '.dfmodrc.json': '{\n  "level": "all"\n}' });
  const refused = await dfmod(['--write'], bad);
  assert.is(refused.code, 2);
  assert.match(refused.stderr, /\.dfmodrc\.json:2:12: "level": must be one of "safe", "review" \(not "all"\)\n/);
  assert.is(read(bad), INPUT);
});

test('--check fails on safe changes, not on review suggestions; --fail-on review fails on those too', async () => {
  const onlyReview = tempProject({ Dockerfile: SAFE }, 'dfmod-levels-');
  const pass = await dfmod(['--check'], onlyReview);
  assert.is(pass.code, 0, pass.stderr);
  assert.is(pass.stdout, '');
  const fail = await dfmod(['--check', '--fail-on', 'review'], onlyReview);
  assert.is(fail.code, 1);
  assert.is(fail.stdout, 'Dockerfile (review suggestions)\n');
  const safeToDo = project();
  assert.is((await dfmod(['--check'], safeToDo)).code, 1);
  assert.is((await dfmod(['--check', '--fail-on', 'review'], safeToDo)).code, 1);
  const done = tempProject({ Dockerfile: REVIEW }, 'dfmod-levels-');
  assert.is((await dfmod(['--check', '--fail-on', 'review'], done)).code, 0);
  // At --level review the review changes are changes: --check fails on them.
  assert.is((await dfmod(['--check', '--level', 'review'], onlyReview)).code, 1);
  const usage = await dfmod(['--check', '--fail-on', 'maybe'], onlyReview);
  assert.is(usage.code, 2);
  assert.match(usage.stderr, /Invalid values:\n\s+Argument: fail-on, Given: "maybe", Choices: "safe", "review"/);
});

test('dry run: the safe diff, then the review suggestion with what to check, as a diff on top of it', async () => {
  const ran = await dfmod([], project());
  assert.is(ran.code, 0, ran.stderr);
  assert.is(ran.stdout, [
    '--- a/Dockerfile',
    '+++ b/Dockerfile',
    '@@ -1,3 +1,3 @@',
    ' FROM node:20',
    ' RUN npm ci',
    '-CMD node server.js',
    '+CMD ["node", "server.js"]',
    '# review suggestion, not written (--level review writes it; --verify writes what passes a rebuild):',
    `#   init-entrypoint (line 3): ${INIT}`,
    `#     check: ${CHECK}`,
    '--- a/Dockerfile',
    '+++ b/Dockerfile',
    '@@ -1,3 +1,5 @@',
    ' FROM node:20',
    '+RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*',
    ' RUN npm ci',
    '+ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
    ' CMD ["node", "server.js"]',
    '',
  ].join('\n'));
  const review = await dfmod(['--level', 'review', '--explain'], project());
  assert.match(review.stdout, '# exec-form (line 3): CMD in JSON form');
  assert.match(review.stdout, `# review changes, written at --level review; check:\n#   init-entrypoint (line 3): ${INIT}\n#     why: PID 1 gets no default signal handlers`);
  assert.match(review.stdout, `#     check: ${CHECK}\n--- a/Dockerfile\n`);
});

test('--json: each change has its level; review suggestions are listed apart, with their diff and what to check', async () => {
  const ran = await dfmod(['--json'], project());
  const file = JSON.parse(ran.stdout).files[0];
  assert.equal(file.changes, [{ transform: 'exec-form', line: 3, message: EXEC_FORM, level: 'safe' }]);
  assert.equal(file.suggestions, [{ transform: 'init-entrypoint', line: 3, message: INIT, level: 'review' }]);
  assert.equal(file.checks, { 'init-entrypoint': CHECK });
  assert.is(file.reviewDiff, '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,5 @@\n FROM node:20\n+RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\n RUN npm ci\n+ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\n CMD ["node", "server.js"]\n');
  assert.equal(JSON.parse(ran.stdout).summary, { files: 1, changed: 1, unchanged: 0, errors: 0, transforms: { 'exec-form': 1 }, layersSaved: 0, suggested: 1, suggestions: { 'init-entrypoint': 1 } });
  const review = JSON.parse((await dfmod(['--json', '--level', 'review'], project())).stdout).files[0];
  assert.equal(review.changes.map((c: { level: string }) => c.level), ['safe', 'review']);
  assert.is(review.suggestions, undefined);
});

test('-f sarif: a review suggestion is a result of level note, marked review and not written, with what to check', async () => {
  const ran = await dfmod(['-f', 'sarif'], project());
  const results = JSON.parse(ran.stdout).runs[0].results;
  assert.equal(results.map((r: { ruleId: string; level: string; properties?: unknown }) => [r.ruleId, r.level, r.properties]), [
    ['exec-form', 'warning', { level: 'safe', written: true }],
    ['init-entrypoint', 'note', { level: 'review', written: false, check: CHECK }],
  ]);
  assert.is(results[1].message.text, `review suggestion, not written (--level review writes it): ${INIT}. Check: ${CHECK}`);
  // Its fix's offsets would be those of the safe text, not of the file on disk: only the written change carries one.
  assert.ok(results[0].fixes);
  assert.is(results[1].fixes, undefined);
  const rules = JSON.parse(ran.stdout).runs[0].tool.driver.rules;
  assert.equal(rules[1].properties, { level: 'review', check: CHECK });
});

test('-f sarif: a suggestion on a file with no safe change carries its fix, offsets of the file as read', async () => {
  const ran = await dfmod(['-f', 'sarif'], tempProject({ Dockerfile: SAFE }, 'dfmod-levels-'));
  const [result] = JSON.parse(ran.stdout).runs[0].results;
  assert.equal(result.fixes[0].artifactChanges[0].replacements, [
    { deletedRegion: { charOffset: 13, charLength: 0 }, insertedContent: { text: 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\n' } },
    { deletedRegion: { charOffset: 24, charLength: 0 }, insertedContent: { text: 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\n' } },
  ]);
});

test('-f github, gitlab, checkstyle: suggestions are notices / info, titled review', async () => {
  const dir = project();
  const github = await dfmod(['-f', 'github'], dir);
  assert.is(github.stdout,
    `::warning file=Dockerfile,line=3,title=dfmod exec-form::${EXEC_FORM}\n` +
    `::notice file=Dockerfile,line=3,title=dfmod init-entrypoint (review)::review suggestion, not written (--level review writes it): ${INIT}. Check: ${CHECK.replace(/%/g, '%25')}\n`);
  const gitlab = JSON.parse((await dfmod(['-f', 'gitlab'], dir)).stdout);
  assert.equal(gitlab.map((i: { check_name: string; severity: string }) => [i.check_name, i.severity]), [['exec-form', 'minor'], ['init-entrypoint', 'info']]);
  const checkstyle = (await dfmod(['-f', 'checkstyle'], dir)).stdout;
  assert.match(checkstyle, '<error line="3" column="1" severity="info" message="review suggestion, not written (--level review writes it): tini runs as PID 1');
});

test('--report: review suggestions in their own table, with what to check', async () => {
  const dir = project();
  const ran = await dfmod(['--report', 'dfmod.md'], dir);
  assert.is(ran.code, 0, ran.stderr);
  const report = readFileSync(path.join(dir, 'dfmod.md'), 'utf8');
  assert.match(report, "Review suggestions, not written ('--level review' writes them; check each first):".replace(/'/g, '`'));
  assert.match(report, `| \`Dockerfile\` | 3 | \`init-entrypoint\` | ${INIT.replace(/\[/g, '[')} | ${CHECK.replace(/`/g, "'")} |`);
});

test('--stdin: the safe text by default, --level review the review text; a suggestion is named on stderr', async () => {
  const dir = project();
  const ran = await runCli(['--stdin', '-t', 'exec-form,init-entrypoint'], dir, { stdin: INPUT });
  assert.is(ran.stdout, SAFE);
  assert.match(ran.stderr, '<stdin>: review suggestions not written: init-entrypoint (--level review writes them)\n');
  assert.is((await runCli(['--stdin', '-t', 'exec-form,init-entrypoint', '--level', 'review'], dir, { stdin: INPUT })).stdout, REVIEW);
});

test.run();
