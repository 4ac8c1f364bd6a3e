/**
 * The GitHub Action as a runner runs it: each step's `run:` script from
 * action.yml, its `${{ }}` expressions filled in as GitHub fills them,
 * under GitHub's `bash --noprofile --norc -eo pipefail {0}`, with the step's
 * env, the inputs' defaults, GITHUB_ACTION_PATH and GITHUB_STEP_SUMMARY. The
 * action path is a copy of this checkout's files (no node_modules), so the
 * install step installs for real.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { tempProject } from './cli-harness.js';

interface Step { name: string; shell: string; env?: Record<string, string>; run: string }
interface Action { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } }

const action = parse(readFileSync('action.yml', 'utf8')) as Action;

/** `${{ inputs.x }}` and `${{ github.action_path }}` as GitHub replaces them; any other expression fails the test. */
function expand(text: string, inputs: Record<string, string>, actionPath: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) {
      assert.ok(input[1]! in action.inputs, `action.yml uses undeclared input ${input[1]}`);
      return inputs[input[1]!] ?? '';
    }
    if (expression === 'github.action_path') return actionPath;
    throw new Error(`expression this test does not know: ${expression}`);
  });
}

/** This checkout's files (tracked and new, as they are now), without node_modules: a fresh `uses:` checkout. */
function actionCheckout(): string {
  const dir = tempProject({}, 'dfmod-action-');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of listed) {
    if (!existsSync(file) || lstatSync(file).isSymbolicLink() || lstatSync(file).isDirectory()) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(file, path.join(dir, file));
  }
  return dir;
}

interface StepRun { status: number | null; output: string; summary: string }

/** Runs the named steps (all by default) in a workspace, with `with:` values over the inputs' defaults. */
function runSteps(actionPath: string, workspace: string, given: Record<string, string>, only?: string[]): StepRun {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `no input ${name}`);
  const summaryFile = path.join(tempProject({}, 'dfmod-summary-'), 'summary.md');
  writeFileSync(summaryFile, '');
  let output = '';
  let status: number | null = 0;
  for (const step of action.runs.steps) {
    if (only && !only.includes(step.name)) continue;
    assert.is(step.shell, 'bash', `${step.name}: shell`);
    const script = path.join(path.dirname(summaryFile), 'step.sh');
    writeFileSync(script, expand(step.run, inputs, actionPath));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      npm_config_prefer_offline: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(String(value), inputs, actionPath)])),
    };
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
    output += ran.stdout + ran.stderr;
    status = ran.status;
    if (status !== 0) break;
  }
  return { status, output, summary: readFileSync(summaryFile, 'utf8') };
}

const NAIVE = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';
const CHECK = 'dfmod --check';

test('action.yml: a composite action that runs its own checkout, not a published package', () => {
  assert.is(action.runs.using, 'composite');
  const text = readFileSync('action.yml', 'utf8');
  assert.not.match(text, /npx|dfmod@/);
  assert.ok(action.runs.steps.some((s) => s.name === CHECK));
});

const actionPath = actionCheckout();

test('installs from the checkout; a failing check still writes the job summary; a quoted glob reaches every depth', () => {
  // Without globstar, bash would expand **/Dockerfile to one level: a/Dockerfile only.
  const workspace = tempProject({ 'a/Dockerfile': NAIVE, 'b/c/Dockerfile': NAIVE });
  const ran = runSteps(actionPath, workspace, { paths: '**/Dockerfile' });
  assert.is(ran.status, 1, ran.output);
  assert.match(ran.output, /^a\/Dockerfile\nb\/c\/Dockerfile\n/m);
  assert.match(ran.summary, /^## dfmod\n\n2 Dockerfiles scanned: 2 would change, 0 unchanged, 0 errors\./);
  assert.match(ran.summary, /\| `a\/Dockerfile` \|/);
  assert.match(ran.summary, /\| `b\/c\/Dockerfile` \|/);
  assert.is(readFileSync(path.join(workspace, 'b/c/Dockerfile'), 'utf8'), NAIVE, '--check writes nothing');
});

test('paths on several lines, args passed through, exit 0 when nothing would change', () => {
  const workspace = tempProject({ 'a/Dockerfile': NAIVE, 'b/Dockerfile': NAIVE, 'c/Dockerfile': NAIVE });
  const ran = runSteps(actionPath, workspace, { paths: 'a\nb/Dockerfile', args: '--skip merge-runs --skip apt-cleanup --skip init-entrypoint' }, [CHECK]);
  assert.is(ran.status, 0, ran.output);
  assert.match(ran.output, /dfmod: 2 files, 0 would change, 2 unchanged, 0 errors/);
  assert.match(ran.summary, /^## dfmod\n\n2 Dockerfiles scanned: 0 would change, 2 unchanged, 0 errors\./);
});

test('report: false writes no summary; a bad path exits 2', () => {
  const workspace = tempProject({ 'a/Dockerfile': NAIVE });
  const quiet = runSteps(actionPath, workspace, { report: 'false' }, [CHECK]);
  assert.is(quiet.status, 1, quiet.output);
  assert.is(quiet.summary, '');
  const missing = runSteps(actionPath, workspace, { paths: 'nowhere' }, [CHECK]);
  assert.is(missing.status, 2, missing.output);
  assert.match(missing.output, /nowhere/);
  assert.match(missing.summary, /^## dfmod\n/);
});

test.run();
