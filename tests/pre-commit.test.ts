/**
 * The pre-commit hooks as a user gets them: Debian's `pre-commit` installs
 * dfmod from a git repository holding this checkout (the working tree as it
 * is, committed in a throwaway copy), as it would from GitHub, and runs the
 * hooks of .pre-commit-hooks.yaml on a throwaway project. Installing runs
 * `npm install` and `npm pack` in the copy: nothing may need building there.
 *
 * Needs the `pre-commit` program: installed here with apt-get when missing and
 * running as root (.ci/run installs it up front); skipped, saying so, when it
 * cannot be had.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempProject, runCli } from './cli-harness.js';

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Why pre-commit is not available, or null once it is (installed with apt-get when possible). */
function preCommitMissing(): string | null {
  if (hasPreCommit()) return null;
  if (process.getuid?.() !== 0) return 'pre-commit is not installed and this is not root (apt-get install pre-commit)';
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'pre-commit'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore' });
    install();
  }
  return hasPreCommit() ? null : 'pre-commit is not installed and `apt-get install pre-commit` failed';
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=dfmod test', '-c', 'user.email=test@dfmod.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A git repository whose one commit is this working tree (tracked and new files, as they are now); returns its path and the commit. */
function hookRepository(): { repo: string; rev: string } {
  const repo = tempProject({}, 'dfmod-hooks-');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of listed) {
    // Deleted but not yet staged; and node_modules, a link here, is no file of the repository.
    if (!existsSync(file) || lstatSync(file).isSymbolicLink() || lstatSync(file).isDirectory()) continue;
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    copyFileSync(file, path.join(repo, file));
  }
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'dfmod as checked out');
  return { repo, rev: git(repo, 'rev-parse', 'HEAD') };
}

const NAIVE = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nCMD python3 app.py\n';

const missing = preCommitMissing();
if (missing) {
  process.stderr.write(`pre-commit.test.ts: skipped: ${missing}\n`);
  test.skip('pre-commit installs and runs the hooks from a git checkout', () => {});
} else {
  test('pre-commit installs the hooks from a git checkout; dfmod fails on a Dockerfile to change, dfmod-fix rewrites it, ignored files stay', async () => {
    const { repo, rev } = hookRepository();
    const project = tempProject({
      Dockerfile: NAIVE,
      'legacy/Dockerfile': NAIVE,
      '.dfmodignore': 'legacy/\n',
      '.pre-commit-config.yaml': `repos:\n  - repo: ${repo}\n    rev: ${rev}\n    hooks:\n      - id: dfmod\n      - id: dfmod-fix\n`,
    }, 'dfmod-precommit-');
    git(project, 'init', '-q');
    git(project, 'add', '-A');
    // Its own cache: nothing installed by an earlier run is reused. The npm cache (from `npm ci`) spares downloads.
    const env = { ...process.env, PRE_COMMIT_HOME: path.join(project, '.cache'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
    const run = (hook: string) => spawnSync('pre-commit', ['run', hook, '--all-files', '--color', 'never'], { cwd: project, env, encoding: 'utf8' });

    const check = run('dfmod');
    const checkOutput = check.stdout + check.stderr;
    assert.is(check.status, 1, checkOutput);
    assert.match(checkOutput, /dfmod \(check Dockerfiles\)\.+Failed/);
    assert.match(checkOutput, /^Dockerfile$/m);
    assert.not.match(checkOutput, /legacy\/Dockerfile/);
    assert.is(readFileSync(path.join(project, 'Dockerfile'), 'utf8'), NAIVE, '--check writes nothing');

    // What `dfmod --write` makes of it, in-process from the sources.
    const reference = tempProject({ Dockerfile: NAIVE }, 'dfmod-precommit-');
    assert.is((await runCli(['--write', 'Dockerfile'], reference)).code, 0);
    const expected = readFileSync(path.join(reference, 'Dockerfile'), 'utf8');
    assert.is.not(expected, NAIVE);
    const fix = run('dfmod-fix');
    const fixOutput = fix.stdout + fix.stderr;
    // pre-commit fails a hook that modified files.
    assert.is(fix.status, 1, fixOutput);
    assert.match(fixOutput, /dfmod \(rewrite Dockerfiles\)\.+Failed/);
    assert.match(fixOutput, /files were modified by this hook/);
    assert.is(readFileSync(path.join(project, 'Dockerfile'), 'utf8'), expected);
    assert.is(readFileSync(path.join(project, 'legacy/Dockerfile'), 'utf8'), NAIVE, '.dfmodignore applies to the files pre-commit names');

    git(project, 'add', '-A');
    const again = run('dfmod');
    assert.is(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /dfmod \(check Dockerfiles\)\.+Passed/);
  });
}

test('the hooks run the package\'s own executable on Dockerfile names', () => {
  const hooks = readFileSync('.pre-commit-hooks.yaml', 'utf8');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.ok(pkg.bin.dfmod, 'package.json names the dfmod executable');
  assert.is(pkg.scripts.prepare, undefined, 'no prepare script: npm would print its banner where pre-commit reads the tarball name');
  assert.is(pkg.scripts.prepack, undefined, 'no prepack script, for the same reason');
  assert.match(hooks, /entry: dfmod --check\n/);
  assert.match(hooks, /entry: dfmod --write\n/);
});

test.run();
