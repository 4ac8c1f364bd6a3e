/**
 * dfmod --verify without Docker: the keep/drop decision, the table, the
 * error line of a failed build, and the CLI flow against a fake docker client
 * (a shell script named by DFMOD_DOCKER) that records what it was asked.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cli-harness.js';
import { buildError, decide, dockerFromEnv, formatTable, type BuildOutcome } from '../lib/cli/verify.js';

const ok = (seconds: number, size: number, layers: number): BuildOutcome => ({ built: true, seconds, size, layers });
const failed = (seconds: number, error: string): BuildOutcome => ({ built: false, seconds, size: null, layers: null, error });

test('decide: keep when both built', () => {
  assert.equal(decide(ok(10, 8e8, 11), ok(9, 3e8, 9)), { keep: true, reason: 'rewrite kept: both built' });
});

test('decide: drop a rewrite that did not build when the original did', () => {
  const d = decide(ok(10, 8e8, 11), failed(2, 'ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'));
  assert.is(d.keep, false);
  assert.is(d.reason, 'rewrite not kept: it did not build, the original did: ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2');
});

test('decide: drop when neither built (nothing was verified), and say why that may be', () => {
  const d = decide(failed(1, 'x'), failed(1, 'ERROR: secret not found'));
  assert.is(d.keep, false);
  assert.match(d.reason, /^rewrite not kept: neither the original nor the rewrite built, so it cannot be verified .*DFMOD_DOCKER_BUILD_FLAGS.*: ERROR: secret not found$/);
});

test('decide: keep a rewrite that built where the original did not, and say so', () => {
  assert.equal(decide(failed(1, 'ERROR: flaky'), ok(3, 1e6, 2)), { keep: true, reason: 'rewrite kept: it built; the original did not (ERROR: flaky)' });
});

test('formatTable: aligned columns, before → after, sizes in MB, missing figures as -', () => {
  const table = formatTable([
    { path: 'app/Dockerfile', before: ok(21.34, 821_000_000, 11), after: ok(18.04, 304_160_000, 9), keep: true, reason: '' },
    { path: 'b/Dockerfile', before: ok(3, 117_000_000, 1), after: failed(0.5, 'boom'), keep: false, reason: '' },
  ]);
  assert.fixture(table, [
    'dfmod --verify: docker build (BuildKit), original → rewrite',
    'file            built      size                 layers  build time       rewrite',
    'app/Dockerfile  yes → yes  821.0 MB → 304.2 MB  11 → 9  21.3 s → 18.0 s  kept',
    'b/Dockerfile    yes → no   117.0 MB → -         1 → -   3.0 s → 0.5 s    not kept',
    '',
  ].join('\n'));
});

test('buildError: the last line naming an error, not progress lines', () => {
  const log = '#1 [internal] load build definition\n#1 DONE 0.0s\n#5 [2/3] RUN make\n#5 0.3 make: *** No rule to make target\n#5 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2\n------\n > [2/3] RUN make:\n------\n';
  assert.is(buildError(log), '#5 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2');
  assert.is(buildError('just one line\n'), 'just one line');
  assert.is(buildError(''), 'no output');
});

test('dockerFromEnv: DFMOD_DOCKER, BuildKit forced on, extra build flags split on white space', () => {
  const d = dockerFromEnv({ DFMOD_DOCKER: '/usr/bin/docker', DOCKER_HOST: 'unix:///x.sock', DOCKER_BUILDKIT: '0', DFMOD_DOCKER_BUILD_FLAGS: ' --network host  --build-arg A=1 ' });
  assert.is(d.command, '/usr/bin/docker');
  assert.is(d.env.DOCKER_HOST, 'unix:///x.sock');
  assert.is(d.env.DOCKER_BUILDKIT, '1');
  assert.equal(d.buildFlags, ['--network', 'host', '--build-arg', 'A=1']);
  assert.is(dockerFromEnv({}).command, 'docker');
});

// --- the CLI flow, with a fake docker client -------------------------------

const dfmod = (args: string[], cwd: string, env: NodeJS.ProcessEnv) => runCli(args, cwd, { env });

/**
 * A docker client stand-in: `version` answers unless NO_ENGINE is set; `build`
 * fails when the Dockerfile contains FAIL_IF (a fixed string); `image inspect`
 * reports 5 MB and 2 layers, or 4 MB and 2 layers for the rewrite. Every call
 * is appended to calls.log, with the Dockerfile's text for builds.
 */
function fakeDocker(dir: string): string {
  const script = path.join(dir, 'fake-docker');
  writeFileSync(script, `#!/bin/sh
echo "$*" >> "${dir}/calls.log"
case "$1" in
  version) [ -n "$NO_ENGINE" ] && { echo "Cannot connect to the Docker daemon at unix:///nowhere.sock" >&2; exit 1; }; echo 20.10.24; exit 0 ;;
  build)
    file=""; prev=""
    for a in "$@"; do [ "$prev" = "-f" ] && file="$a"; prev="$a"; done
    cat "$file" >> "${dir}/calls.log"
    [ -f "$file.dockerignore" ] && echo "dockerignore beside: $(cat "$file.dockerignore")" >> "${dir}/calls.log"
    if [ -n "$FAIL_IF" ] && grep -qF "$FAIL_IF" "$file"; then echo "#5 ERROR: process \\"/bin/sh -c make\\" did not complete successfully: exit code: 2" >&2; exit 1; fi
    exit 0 ;;
  image)
    [ "$2" = inspect ] || exit 0
    case "$5" in *:after) echo "4000000 2" ;; *) echo "5000000 2" ;; esac ;;
esac
`);
  chmodSync(script, 0o755);
  return script;
}

const NAIVE = 'FROM node:20\nCMD node server.js\n';
const FIXED = 'FROM node:20\nCMD ["node", "server.js"]\n';

function project(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dfmod-verify-test-'));
  writeFileSync(path.join(dir, '.dfmodrc.json'), JSON.stringify({ transforms: ['exec-form'] }));
  writeFileSync(path.join(dir, 'Dockerfile'), NAIVE);
  writeFileSync(path.join(dir, 'Dockerfile.dockerignore'), 'node_modules\n');
  return { dir, env: { DFMOD_DOCKER: fakeDocker(dir), PATH: process.env.PATH } };
}

test('--verify --write: both built, so the rewrite is written; the table is on stderr', async () => {
  const { dir, env } = project();
  const ran = await dfmod(['--write', '--verify'], dir, env);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), FIXED);
  assert.match(ran.stderr, /dfmod --verify: building Dockerfile as written and as rewritten\.\.\./);
  assert.match(ran.stderr, /\nDockerfile +yes → yes +5\.0 MB → 4\.0 MB +2 → 2 +\d+\.\d s → \d+\.\d s +kept\n/);
  const calls = readFileSync(path.join(dir, 'calls.log'), 'utf8');
  // The original is built from its own path, the rewrite from a temporary copy outside the context, with its .dockerignore.
  assert.match(calls, new RegExp(`build --progress=plain -f ${path.join(dir, 'Dockerfile')} -t dfmod-verify-\\d+-\\d+:before ${dir}\\n${NAIVE}`));
  assert.match(calls, new RegExp(`build --progress=plain -f \\S+/dfmod-verify-\\w+/Dockerfile -t dfmod-verify-\\d+-\\d+:after ${dir}\\n${FIXED.replace(/[[\]]/g, '\\$&')}dockerignore beside: node_modules`));
  // Its own tags are removed afterwards, by tag.
  assert.match(calls, /image rm dfmod-verify-\d+-\d+:before\nimage rm dfmod-verify-\d+-\d+:after\n/);
});

test('--verify --write: a rewrite that does not build is not written, and the run exits 2', async () => {
  const { dir, env } = project();
  const ran = await dfmod(['--write', '--verify'], dir, { ...env, FAIL_IF: '["node"' });
  assert.is(ran.code, 2);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), NAIVE);
  assert.match(ran.stderr, /Dockerfile: rewrite not kept: it did not build, the original did: #5 ERROR: process "\/bin\/sh -c make" did not complete/);
  assert.match(ran.stderr, /\nDockerfile +yes → no +5\.0 MB → - +2 → - .* not kept\n/);
  assert.match(ran.stderr, /1 error/);
});

test('--verify without --write (dry run) builds, reports, and writes nothing', async () => {
  const { dir, env } = project();
  const ran = await dfmod(['--verify'], dir, env);
  assert.is(ran.code, 0);
  assert.match(ran.stdout, /\+CMD \["node", "server.js"\]/);
  assert.match(ran.stderr, / kept\n/);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), NAIVE);
});

test('--verify builds nothing for an unchanged file', async () => {
  const { dir, env } = project();
  writeFileSync(path.join(dir, 'Dockerfile'), FIXED);
  const ran = await dfmod(['--write', '--verify'], dir, env);
  assert.is(ran.code, 0);
  assert.match(ran.stderr, /dfmod --verify: no file changed, nothing built\n/);
  assert.not.match(readFileSync(path.join(dir, 'calls.log'), 'utf8'), /build/);
});

test('--verify with no engine: a clear error, exit 2, nothing written', async () => {
  const { dir, env } = project();
  const ran = await dfmod(['--write', '--verify'], dir, { ...env, NO_ENGINE: '1', DOCKER_HOST: 'unix:///nowhere.sock' });
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /^dfmod: --verify needs a Docker engine: no Docker engine answers at DOCKER_HOST=unix:\/\/\/nowhere\.sock \(client: \S+fake-docker\): Cannot connect to the Docker daemon/);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), NAIVE);
});

test('--verify with no docker client at all: exit 2', async () => {
  const { dir } = project();
  const ran = await dfmod(['--verify'], dir, { DFMOD_DOCKER: path.join(dir, 'no-such-docker') });
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /--verify needs a Docker engine: .*no-such-docker.*ENOENT/);
});

test('--verify does not take --stdin', async () => {
  const { dir, env } = project();
  const ran = await dfmod(['--verify', '--stdin'], dir, env);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /--verify builds files in their folders; it does not take --stdin/);
  assert.not.ok(existsSync(path.join(dir, 'calls.log')));
});

test.run();
