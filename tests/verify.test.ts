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
import { buildError, compareRuns, decide, dockerFromEnv, formatTable, type BuildOutcome, type RunOutcome } from '../lib/cli/verify.js';

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
  assert.match(d.reason, /^rewrite not kept: neither the original nor the rewrite built, so it cannot be verified .*--verify-build-flags and --verify-network.*: ERROR: secret not found$/);
});

test('decide: keep a rewrite that built where the original did not, and say so', () => {
  assert.equal(decide(failed(1, 'ERROR: flaky'), ok(3, 1e6, 2)), { keep: true, reason: 'rewrite kept: it built; the original did not (ERROR: flaky)' });
});

test('formatTable: aligned columns, before → after, sizes in MB, missing figures as -', () => {
  const table = formatTable([
    { path: 'app/Dockerfile', variant: 'rewrite', before: ok(21.34, 821_000_000, 11), after: ok(18.04, 304_160_000, 9), keep: true, reason: '' },
    { path: 'b/Dockerfile', variant: 'rewrite', before: ok(3, 117_000_000, 1), after: failed(0.5, 'boom'), keep: false, reason: '' },
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

const up = (answered: number[] = []): RunOutcome => ({ state: { status: 'running' }, answered, exposed: [8080] });
const exited = (code: number): RunOutcome => ({ state: { status: 'exited', code }, answered: [], exposed: [] });

test('compareRuns: stays up as before, exits as before, answers where the original answered', () => {
  assert.is(compareRuns(up([8080]), up([8080])), null);
  assert.is(compareRuns(exited(0), exited(0)), null);
  assert.is(compareRuns(up(), exited(1)), "its container exited with code 1; the original's stayed up");
  assert.is(compareRuns(exited(0), exited(2)), "its container exited with code 2; the original's exited with code 0");
  assert.is(compareRuns(exited(0), up()), "its container stayed up; the original's exited with code 0");
  assert.is(compareRuns(up([8080]), up([])), "its container does not answer on port 8080, where the original's does");
  assert.is(compareRuns(up([]), up([8080])), null);
  assert.is(compareRuns(up(), { state: null, answered: [], exposed: [], error: 'exec format error' }), 'its container did not start: exec format error');
});

test('compareRuns with a smoke command: the rewrite must pass it where the original passes', () => {
  const smoke = (code: number, output = ''): RunOutcome => ({ state: null, answered: [], exposed: [], smoke: { code, output } });
  assert.is(compareRuns(smoke(0), smoke(0)), null);
  assert.is(compareRuns(smoke(0), smoke(3, 'curl: (7) Failed to connect')), 'the smoke command failed on the rewrite (exit 3): curl: (7) Failed to connect');
  assert.is(compareRuns(smoke(1), smoke(0)), 'the smoke command fails on the original too (exit 1), so it verifies nothing');
});

test('dockerFromEnv: flags before the environment; the network goes to builds and runs', () => {
  const d = dockerFromEnv({ DFMOD_DOCKER: 'env-docker', DOCKER_HOST: 'unix:///env.sock' }, { client: '/opt/docker', host: 'tcp://10.0.0.1:2375', network: 'host', buildFlags: '--build-arg A=1' });
  assert.is(d.command, '/opt/docker');
  assert.is(d.env.DOCKER_HOST, 'tcp://10.0.0.1:2375');
  assert.equal(d.buildFlags, ['--build-arg', 'A=1', '--network', 'host']);
  assert.is(d.network, 'host');
});

// --- the CLI flow, with a fake docker client -------------------------------

// --verify-wait 0: a container is looked at once (the fake's answer does not change with time).
const dfmod = (args: string[], cwd: string, env: NodeJS.ProcessEnv) => runCli([...args, '--verify-wait', '0'], cwd, { env });

/**
 * A docker client stand-in: `version` answers unless NO_ENGINE is set; `build`
 * fails when the Dockerfile contains FAIL_IF (a fixed string), and keeps the
 * Dockerfile under the tag it builds; `image inspect` reports 5 MB and 2
 * layers for the original, 4 MB and 2 for a rewrite, and no exposed port;
 * `run -d` starts a container that stays up, or has exited with code 1 when
 * its image's Dockerfile contains EXIT_IF. Every call is appended to
 * calls.log, with the Dockerfile's text for builds.
 */
function fakeDocker(dir: string): string {
  const script = path.join(dir, 'fake-docker');
  writeFileSync(script, `#!/bin/sh
echo "$*" >> "${dir}/calls.log"
mkdir -p "${dir}/images" "${dir}/containers"
last=""; for a in "$@"; do last="$a"; done
case "$1" in
  version) [ -n "$NO_ENGINE" ] && { echo "Cannot connect to the Docker daemon at unix:///nowhere.sock" >&2; exit 1; }; echo 20.10.24; exit 0 ;;
  build)
    file=""; tag=""; prev=""
    for a in "$@"; do [ "$prev" = "-f" ] && file="$a"; [ "$prev" = "-t" ] && tag="$a"; prev="$a"; done
    cat "$file" >> "${dir}/calls.log"
    [ -f "$file.dockerignore" ] && echo "dockerignore beside: $(cat "$file.dockerignore")" >> "${dir}/calls.log"
    if [ -n "$FAIL_IF" ] && grep -qF "$FAIL_IF" "$file"; then echo "#5 ERROR: process \\"/bin/sh -c make\\" did not complete successfully: exit code: 2" >&2; exit 1; fi
    cp "$file" "${dir}/images/$tag"
    exit 0 ;;
  image)
    [ "$2" = inspect ] || exit 0
    case "$4" in *ExposedPorts*) echo '{}'; exit 0 ;; esac
    case "$5" in *:before) echo "5000000 2" ;; *) echo "4000000 2" ;; esac ;;
  run)
    name=""; prev=""
    for a in "$@"; do [ "$prev" = "--name" ] && name="$a"; prev="$a"; done
    echo "$last" > "${dir}/containers/$name"; echo "$name" ;;
  container)
    image=$(cat "${dir}/containers/$last")
    if [ -n "$EXIT_IF" ] && grep -qF "$EXIT_IF" "${dir}/images/$image"; then echo "exited 1 "; else echo "running 0 10.0.0.2 "; fi ;;
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
  assert.match(calls, new RegExp(`build --progress=plain -f \\S+/dfmod-verify-\\w+/Dockerfile -t dfmod-verify-\\d+-\\d+:after-1 ${dir}\\n${FIXED.replace(/[[\]]/g, '\\$&')}dockerignore beside: node_modules`));
  // Its own tags are removed afterwards, by tag.
  assert.match(calls, /image rm dfmod-verify-\d+-\d+:before\nimage rm dfmod-verify-\d+-\d+:after-1\n/);
  // Both images were run, by name, and their containers removed.
  assert.match(calls, /run -d --name dfmod-verify-run-\d+-\d+ dfmod-verify-\d+-\d+:before\n[^]*run -d --name dfmod-verify-run-\d+-\d+ dfmod-verify-\d+-\d+:after-1\n/);
  assert.match(calls, /rm -f dfmod-verify-run-\d+-\d+\n/);
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

/**
 * A naive Node app: safe changes (copy-deps-first, cache-cleanup, exec-form) and two review suggestions (multi-stage, init-entrypoint).
 * Its curl install goes into the runtime stage too, which gives the init a RUN to join (a runtime of only COPY gets none).
 */
const CURL = 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*';
const NODE_APP = `FROM node:20\n${CURL}\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD node server.js\n`;
const SAFE = `FROM node:20\n${CURL}\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci \\\n    && npm cache clean --force\nCOPY . .\nCMD ["node", "server.js"]\n`;
// package.json lists no dependencies and nothing is built: the runtime copies the app from the build stage.
const MULTI_STAGE = `FROM node:20 AS build\n${CURL}\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci \\\n    && npm cache clean --force\nCOPY . .\n` +
  'RUN rm -rf /app/node_modules\n\n' +
  'FROM node:20-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY --from=build /app /app\nCMD ["node", "server.js"]\n';

function nodeProject(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dfmod-verify-review-'));
  writeFileSync(path.join(dir, 'Dockerfile'), NODE_APP);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"a","version":"1.0.0","dependencies":{}}');
  writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3}');
  writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n');
  return { dir, env: { DFMOD_DOCKER: fakeDocker(dir), PATH: process.env.PATH } };
}

test('--verify --write: the safe rewrite, then each review change on top; one that passes is written, one whose container exits is kept out with its reason', async () => {
  const { dir, env } = nodeProject();
  // The init's image exits with code 1 where the original stays up.
  const ran = await dfmod(['--write', '--verify', '--json'], dir, { ...env, EXIT_IF: 'tini' });
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), MULTI_STAGE);
  assert.match(ran.stderr, "Dockerfile: review change of init-entrypoint not written: rewrite not kept: it built, but its container exited with code 1; the original's stayed up\n");
  assert.match(ran.stderr, /\nDockerfile +yes → yes .* kept\nDockerfile \+multi-stage +yes → yes .* kept\nDockerfile \+init-entrypoint +yes → yes .* not kept\n/);
  const file = JSON.parse(ran.stdout).files[0];
  assert.equal(file.changes.map((c: { transform: string; level: string }) => `${c.transform} ${c.level}`), ['copy-deps-first safe', 'cache-cleanup safe', 'exec-form safe', 'multi-stage review']);
  assert.equal(file.suggestions.map((c: { transform: string; level: string }) => `${c.transform} ${c.level}`), ['init-entrypoint review']);
  assert.equal(file.verify, {
    written: ['multi-stage'],
    keptOut: [{ transform: 'init-entrypoint', reason: "rewrite not kept: it built, but its container exited with code 1; the original's stayed up" }],
    builds: [
      { variant: 'rewrite', built: true, checks: null, kept: true, reason: 'rewrite kept: both built, and it runs as the original does' },
      { variant: '+multi-stage', built: true, checks: null, kept: true, reason: 'rewrite kept: both built, and it runs as the original does' },
      { variant: '+init-entrypoint', built: true, checks: "its container exited with code 1; the original's stayed up", kept: false, reason: "rewrite not kept: it built, but its container exited with code 1; the original's stayed up" },
    ],
  });
  // The init was tried on top of the kept multi-stage rewrite.
  const calls = readFileSync(path.join(dir, 'calls.log'), 'utf8');
  assert.match(calls, /-t dfmod-verify-\d+-\d+:after-3 \S+\nFROM node:20 AS build\n[^]*FROM node:20-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates tini/);
  // A second run at the same level writes nothing more.
  const again = await dfmod(['--write'], dir, env);
  assert.is(again.code, 0, again.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), MULTI_STAGE);
});

test('--verify --write: a review change that does not build is kept out; the safe rewrite is still written', async () => {
  const { dir, env } = nodeProject();
  const ran = await dfmod(['--write', '--verify'], dir, { ...env, FAIL_IF: 'AS build' });
  assert.is(ran.code, 0, ran.stderr);
  // multi-stage did not build; init-entrypoint, on the safe text alone, did and ran.
  assert.match(ran.stderr, /Dockerfile: review change of multi-stage not written: rewrite not kept: it did not build, the original did: #5 ERROR/);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), SAFE.replace('curl &&', 'curl tini &&')
    .replace('CMD ["node", "server.js"]\n', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n'));
});

test('--verify --verify-smoke: the command decides, with DFMOD_VERIFY_IMAGE naming each image', async () => {
  const { dir, env } = nodeProject();
  // Passes for the original and the safe rewrite, fails for any image whose Dockerfile holds a second FROM.
  const smoke = `n=$(grep -c '^FROM' "${dir}/images/$DFMOD_VERIFY_IMAGE"); [ "$n" = 1 ] || { echo "two stages: $n"; exit 4; }`;
  const ran = await dfmod(['--write', '--verify', '--verify-smoke', smoke, '-t', 'copy-deps-first,cache-cleanup,exec-form,multi-stage'], dir, env);
  assert.is(ran.code, 0, ran.stderr);
  assert.match(ran.stderr, 'Dockerfile: review change of multi-stage not written: rewrite not kept: it built, but the smoke command failed on the rewrite (exit 4): two stages: 2\n');
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), SAFE);
  assert.not.match(readFileSync(path.join(dir, 'calls.log'), 'utf8'), /\nrun -d/);
});

test('--verify does not take --stdin', async () => {
  const { dir, env } = project();
  const ran = await dfmod(['--verify', '--stdin'], dir, env);
  assert.is(ran.code, 2);
  assert.match(ran.stderr, /--verify builds files in their folders; it does not take --stdin/);
  assert.not.ok(existsSync(path.join(dir, 'calls.log')));
});

test.run();
