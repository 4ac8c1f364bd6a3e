import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDockerfile, parseSuppressionComment } from '../lib/core/dockerfile.js';
import { transform } from '../lib/index.js';
import { runTransforms } from '../lib/core/engine.js';
import { runCli, tempProject } from './cli-harness.js';
import { pick } from './helpers.js';
import type { Transform } from '../lib/core/types.js';

test('comment grammar: ids separated by spaces or commas, a reason after --, hadolint global', () => {
  assert.equal(parseSuppressionComment('dfmod-ignore'), { kind: 'next', transforms: null });
  assert.equal(parseSuppressionComment('dfmod-ignore merge-runs -- the cd is intended'), { kind: 'next', transforms: ['merge-runs'], reason: 'the cd is intended' });
  assert.equal(parseSuppressionComment('dfmod-ignore merge-runs apt-cleanup'), { kind: 'next', transforms: ['merge-runs', 'apt-cleanup'] });
  assert.equal(parseSuppressionComment('dfmod-ignore merge-runs,apt-cleanup , exec-form'), { kind: 'next', transforms: ['merge-runs', 'apt-cleanup', 'exec-form'] });
  assert.equal(parseSuppressionComment('dfmod-ignore -- vendored'), { kind: 'next', transforms: null, reason: 'vendored' });
  assert.equal(parseSuppressionComment('dfmod-ignore-file'), { kind: 'file' });
  assert.equal(parseSuppressionComment('hadolint ignore=DL3059,DL3008'), { kind: 'next-hadolint', hadolintRules: ['DL3059', 'DL3008'] });
  assert.equal(parseSuppressionComment('hadolint global ignore=DL3059'), { kind: 'file-hadolint', hadolintRules: ['DL3059'] });
  assert.is(parseSuppressionComment('dfmod-ignored'), null);
  assert.is(parseSuppressionComment('just a comment'), null);
});

test('a reason and space-separated ids suppress; hadolint global applies to the whole file', async () => {
  const spaced = 'FROM x\n# dfmod-ignore merge-runs exec-form -- PID 1 is the shell on purpose\nCMD node a.js\nCMD node b.js\n';
  assert.is((await transform(spaced, { transforms: ['exec-form'] })).output, 'FROM x\n# dfmod-ignore merge-runs exec-form -- PID 1 is the shell on purpose\nCMD node a.js\nCMD ["node", "b.js"]\n');
  const global = '# hadolint global ignore=DL3025\nFROM x\nCMD node a.js\n';
  assert.is((await transform(global, { transforms: ['exec-form'] })).changed, false);
  assert.equal(parseDockerfile(global).suppressions.map((s) => [s.instruction, s.hadolintRules]), [[null, ['DL3025']]]);
  assert.not.ok(parseDockerfile(global).ignoresFile);
});

test('an unknown id in dfmod-ignore is a warning naming file and line', async () => {
  const dir = tempProject({ Dockerfile: 'FROM x\n# dfmod-ignore merge-run, exec-form\nCMD node a.js\n' }, 'dfmod-suppress-');
  const ran = await runCli(['--check', '-t', 'exec-form'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.match(ran.stderr, /^Dockerfile:2: unknown transform 'merge-run' in dfmod-ignore$/m);
  assert.is(ran.stderr.match(/unknown transform/g)?.length, 1);
});

const SUPPRESSED = [
  'FROM debian:12',
  '# dfmod-ignore merge-runs -- keep the layers apart',
  'RUN echo a',
  'RUN echo b',
  '# dfmod-ignore exec-form',
  'CMD ["node", "a.js"]',
  '# dfmod-ignore',
  'EXPOSE 80',
  '# hadolint ignore=DL3008',
  'RUN echo c',
  '# dfmod-ignore multi-stage',
  'COPY . .',
  '',
].join('\n');

test('unused suppressions: a dfmod-ignore that kept nothing off its instruction; hadolint comments and transforms that did not run are not judged', async () => {
  const result = await runTransforms(SUPPRESSED, { transforms: pick(['merge-runs', 'exec-form']) });
  assert.is(result.output, SUPPRESSED);
  // Line 2 kept merge-runs off `RUN echo a`; the CMD is already in JSON form; nothing touches EXPOSE.
  assert.equal(result.unusedSuppressions, [{ line: 5, transforms: ['exec-form'] }, { line: 7, transforms: null }]);
  const unsuppressed = await runTransforms(SUPPRESSED.replace('# dfmod-ignore merge-runs -- keep the layers apart\n', ''), { transforms: pick(['merge-runs']) });
  assert.is.not(unsuppressed.output, SUPPRESSED.replace('# dfmod-ignore merge-runs -- keep the layers apart\n', ''), 'without it, merge-runs changes the file');
});

test('unused suppressions: one that keeps a note off counts as used; one met after lines moved is known by its input line', async () => {
  const note = 'FROM node:20\n# dfmod-ignore exec-form\nCMD node $APP\n';
  assert.equal((await runTransforms(note, { transforms: pick(['exec-form']) })).unusedSuppressions, [], 'exec-form would have noted the variable');
  // The inserter adds two lines under FROM first: merge-runs meets the comment two lines below where the input has it.
  const inserter: Transform = {
    id: 'inserter', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile, source }) => (source.includes('LABEL') ? {} : {
      fixes: [{ line: 1, message: 'labelled', edits: [{ start: dockerfile.instructions[0]!.end, end: dockerfile.instructions[0]!.end, text: '\nLABEL a=1\nLABEL b=2' }] }],
    }),
  };
  const moved = 'FROM debian:12\nRUN make\n# dfmod-ignore merge-runs\nRUN make test\n';
  const result = await runTransforms(moved, { transforms: [inserter, ...pick(['merge-runs'])] });
  assert.is(result.output, 'FROM debian:12\nLABEL a=1\nLABEL b=2\nRUN make\n# dfmod-ignore merge-runs\nRUN make test\n');
  assert.equal(result.unusedSuppressions, []);
});

test('--report-unused-disable-directives warns of them, file and line, without changing the exit code; without it, nothing is said', async () => {
  const dir = tempProject({ Dockerfile: SUPPRESSED }, 'dfmod-suppress-');
  const quiet = await runCli(['--check', '-t', 'merge-runs,exec-form'], dir);
  assert.is(quiet.code, 0, quiet.stderr);
  assert.is(quiet.stderr, 'dfmod: 1 file, 0 would change, 1 unchanged, 0 errors\n');
  const ran = await runCli(['--check', '-t', 'merge-runs,exec-form', '--report-unused-disable-directives'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(ran.stderr, [
    'Dockerfile:5: unused dfmod-ignore exec-form: no change or note of exec-form was kept off the instruction below it',
    'Dockerfile:7: unused dfmod-ignore: no change or note was kept off the instruction below it',
    'dfmod: 1 file, 0 would change, 1 unchanged, 0 errors',
    '',
  ].join('\n'));
  const stdin = await runCli(['--stdin', '--stdin-filepath', 'Dockerfile', '-t', 'exec-form', '--report-unused-disable-directives'], dir, { stdin: SUPPRESSED });
  assert.match(stdin.stderr, /^Dockerfile:5: unused dfmod-ignore exec-form: /m);
});

test('--report-unused-disable-directives reaches the worker threads of a bulk run', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`s${String(i).padStart(2, '0')}/Dockerfile`] = 'FROM x\n# dfmod-ignore exec-form\nCMD ["a"]\n';
  const dir = tempProject(files, 'dfmod-suppress-');
  const ran = await runCli(['-t', 'exec-form', '--report-unused-disable-directives', '.'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(ran.stderr.match(/unused dfmod-ignore exec-form/g)?.length, 20);
  assert.match(ran.stderr, /^s19\/Dockerfile:2: unused dfmod-ignore exec-form: /m);
});

test.run();
