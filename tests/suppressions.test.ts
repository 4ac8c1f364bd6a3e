import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDockerfile, parseSuppressionComment } from '../lib/core/dockerfile.js';
import { transform } from '../lib/index.js';
import { runCli, tempProject } from './cli-harness.js';

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

test.run();
