/**
 * The end-to-end suite: real builds of the example apps under tests/e2e/apps,
 * as written and after `dfmod --write`, with the Docker engine DOCKER_HOST
 * names (BuildKit). Run with `npm run test:e2e` (builds dist/ first).
 *
 * For each app, in a temporary copy (the committed files are never touched):
 * `dfmod --write --level review` (the review changes too: multi-stage and
 * init-entrypoint are what the size and stop-time properties are about;
 * `--verify` below checks what plain `--write` and `--verify` write), build both variants cold, smoke-check both (an HTTP answer on a loopback
 * port, or a command's output), time `docker stop`, append a comment to one
 * source file and rebuild both (timed; is the dependency install CACHED?),
 * then assert the issue's properties and print a table. Ends with the plain
 * line `e2e: N passed, N failed (assertions)`; exits 1 on any failure, 0 with
 * `e2e: skipped: ...` when no engine answers.
 *
 * Builds and containers use the host network (servers listen on 127.0.0.1);
 * no port is published. Images and containers are named dfmod-e2e-* and are
 * removed at the end; the BuildKit cache is kept.
 *
 * Then the behaviour cases (tests/e2e/cases, run by cases.ts, format in
 * tests/e2e/README.md), E2E_JOBS at once.
 *
 * Environment: DFMOD_DOCKER (client, default `docker` from PATH),
 * E2E_APPS=a,b (only these apps), E2E_CASES=a,b (only these cases; naming
 * one part alone runs only that part), E2E_JOBS=N (cases at once, default 3),
 * E2E_COLD=1 (cases without the build cache), E2E_WARM=1 (use the build cache for the
 * first builds too: faster, but the cold-build column is then not cold),
 * E2E_KEEP=1 (keep images and temporary folders for inspection).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { giveStandinsUpstreamEntrypoints } from './standins.js';
import { caseNames, httpGet, runCases } from './cases.js';
import { buildImage, engineProblem, formatSize, removeTag, runDocker, type Docker } from '../../lib/cli/verify.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const appsDir = path.join(root, 'tests/e2e/apps');
const casesDir = path.join(root, 'tests/e2e/cases');
const dfmodBin = path.join(root, 'bundle/dfmod.js');

/** The issue's thresholds. */
const STOP_LIMIT_S = 2;
const MUCH_SMALLER = 0.75; // "much smaller": at most 3/4 of the original size

/**
 * What each app is expected to show, and the exceptions, with their reasons.
 * - edit: the source file a developer would touch (a comment is appended).
 * - install: the build step(s) that install dependencies; after the rewrite a
 *   rebuild following the edit must reuse them (CACHED). null: the app has no
 *   dependency install step (standard library only).
 * - size: 'much' (naive app: a slim runtime stage applies, at most 3/4 of the
 *   size), 'smaller' (not larger, and some saving is expected but the bulk
 *   stays), 'same' (dfmod must leave the Dockerfile byte-identical, or nothing
 *   it does can change the size).
 * - server: whether the smoke check is an HTTP server (stop time applies).
 */
interface AppSpec {
  edit: string;
  install: RegExp | null;
  size: 'much' | 'smaller' | 'same';
  unchanged?: boolean;
  why?: string;
}

const APPS: Record<string, AppSpec> = {
  'node-server': { edit: 'server.js', install: /\bnpm (ci|install)\b/, size: 'much' },
  'node-build': { edit: 'src/greeting.ts', install: /\bnpm (ci|install)\b/, size: 'much' },
  'static-site': { edit: 'src/layout.html', install: /\bnpm (ci|install)\b/, size: 'much' },
  'go-server': { edit: 'main.go', install: null, size: 'much', why: 'standard library only: no dependency install step to reuse' },
  'python-server': { edit: 'app.py', install: /\bpip3? install\b/, size: 'much' },
  'java-app': { edit: 'src/app/App.java', install: null, size: 'much', why: 'standard library only: no dependency install step to reuse' },
  'c-app': { edit: 'hello.c', install: /\bapt-get install\b/, size: 'much' },
  'apt-heavy': { edit: 'report.sh', install: /\bapt-get install\b/, size: 'smaller', why: 'every installed package is needed at run time: only apt lists and caches can go, the Debian base stays' },
  optimised: { edit: 'server.js', install: /\bnpm (ci|install)\b/, size: 'same', unchanged: true, why: 'already optimised: dfmod must leave it byte-identical' },
  'shell-traps': { edit: 'check.sh', install: null, size: 'same', why: 'a test of shell-state traps: no dependencies, and merging RUNs saves no bytes' },
};

interface Smoke {
  port?: number;
  path?: string;
  command?: string[];
  expect: string;
}

interface Variant {
  name: 'before' | 'after';
  dir: string;
  tag: string;
  built: boolean;
  buildError?: string;
  cold: number;
  size: number | null;
  layers: number | null;
  answer: string | null;
  stop: number | null;
  rebuilt: boolean;
  rebuild: number;
  installCached: boolean | null;
}

interface Assertion {
  app: string;
  what: string;
  ok: boolean;
  detail: string;
}

const assertions: Assertion[] = [];
function check(app: string, what: string, ok: boolean, detail = ''): boolean {
  assertions.push({ app, what, ok, detail });
  if (!ok) log(`  FAIL ${app}: ${what}${detail ? ` (${detail})` : ''}`);
  return ok;
}

const INIT_ALLOWANCE_BYTES = 2_000_000;
const log = (line: string) => process.stdout.write(line + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const docker: Docker = {
  command: process.env.DFMOD_DOCKER || 'docker',
  env: { ...process.env, DOCKER_BUILDKIT: '1' },
  buildFlags: ['--network', 'host'],
};

function runNode(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Step descriptions (`#7 [deps 3/4] RUN npm ci`) and which of them were CACHED, from --progress=plain output. */
export function cachedSteps(log: string, pattern: RegExp): { found: number; cached: number } {
  const steps = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of log.split(/\r?\n/)) {
    const step = /^#(\d+) \[[^\]]*\] (.*)$/.exec(line);
    if (step) steps.set(step[1]!, step[2]!);
    const hit = /^#(\d+) CACHED$/.exec(line);
    if (hit) cached.add(hit[1]!);
  }
  const install = [...steps].filter(([, text]) => /^RUN\b/.test(text) && pattern.test(text)).map(([id]) => id);
  return { found: install.length, cached: install.filter((id) => cached.has(id)).length };
}

const runId = `${Date.now()}-${process.pid}`;
const masked = (answer: string | null) => answer?.replace(/\d+/g, 'N') ?? null;

function appendComment(file: string): void {
  const ext = path.extname(file);
  const comment = ext === '.html' ? '<!-- e2e edit -->' : ext === '.c' ? '/* e2e edit */' : ['.py', '.sh', '.txt'].includes(ext) ? '# e2e edit' : '// e2e edit';
  // Unique per run: BuildKit's cache is content-addressed, so a repeated edit would hit the cache of an earlier run.
  appendFileSync(file, `\n${comment.replace('e2e edit', `e2e edit ${runId}`)}\n`);
}

async function httpAnswer(port: number, urlPath: string): Promise<string | null> {
  for (let i = 0; i < 60; i++) {
    try {
      // No keep-alive: an idle kept-alive connection would hold a graceful server.close() and inflate the stop time.
      const answer = await httpGet(port, urlPath);
      if (answer !== null) return answer;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return null;
}

/** Runs the image; returns the smoke answer and, for servers, the wall time of `docker stop`. */
async function smoke(app: string, v: Variant, spec: Smoke): Promise<void> {
  const name = `dfmod-e2e-${app}-${v.name}`;
  await runDocker(docker, ['rm', '-f', name]);
  if (spec.command) {
    const ran = await runDocker(docker, ['run', '--rm', '--network', 'none', '--name', name, v.tag, ...spec.command], { timeoutMs: 120_000 });
    v.answer = (ran.stdout + ran.stderr).trim();
    return;
  }
  const started = await runDocker(docker, ['run', '-d', '--network', 'host', '--name', name, v.tag]);
  if (started.code !== 0) {
    v.answer = null;
    log(`  ${app} ${v.name}: docker run failed: ${started.stderr.trim()}`);
    return;
  }
  v.answer = await httpAnswer(spec.port!, spec.path ?? '/');
  if (v.answer === null) log(`  ${app} ${v.name}: no HTTP answer; logs:\n${(await runDocker(docker, ['logs', '--tail', '20', name])).stderr}`);
  const stop = await runDocker(docker, ['stop', name], { timeoutMs: 60_000 });
  // A container that never answered (it exited at start) stops at once: that time means nothing.
  v.stop = v.answer === null ? null : stop.seconds;
  await runDocker(docker, ['rm', '-f', name]);
}

async function build(app: string, v: Variant, cold: boolean): Promise<{ ok: boolean; seconds: number; log: string; error?: string }> {
  const noCache = cold && process.env.E2E_WARM !== '1' ? ['--no-cache'] : [];
  const outcome = await buildImage(docker, { contextDir: v.dir, dockerfile: path.join(v.dir, 'Dockerfile'), tag: v.tag, extraFlags: noCache });
  if (cold) {
    v.built = outcome.built;
    v.size = outcome.size;
    v.layers = outcome.layers;
    v.buildError = outcome.error;
  }
  return { ok: outcome.built, seconds: outcome.seconds, log: outcome.log, error: outcome.error };
}

interface AppResult {
  app: string;
  changed: boolean;
  transforms: string;
  before: Variant;
  after: Variant;
}

async function runApp(app: string, spec: AppSpec, work: string): Promise<AppResult> {
  const smokeSpec = JSON.parse(readFileSync(path.join(appsDir, app, 'e2e.json'), 'utf8')) as Smoke;
  const variant = (name: 'before' | 'after'): Variant => {
    const dir = path.join(work, app, name);
    cpSync(path.join(appsDir, app), dir, { recursive: true });
    return { name, dir, tag: `dfmod-e2e-${app}:${name}`, built: false, cold: 0, size: null, layers: null, answer: null, stop: null, rebuilt: false, rebuild: 0, installCached: null };
  };
  const before = variant('before');
  const after = variant('after');

  // dfmod --write --level review, with dfmod's built CLI, on the copy.
  const original = readFileSync(path.join(after.dir, 'Dockerfile'), 'utf8');
  const safe = await runNode([dfmodBin, path.join(after.dir, 'Dockerfile')], { cwd: after.dir });
  const ran = await runNode([dfmodBin, '--write', '--level', 'review', path.join(after.dir, 'Dockerfile')], { cwd: after.dir });
  // Which transforms are review-level suggestions by default, as the dry run's summary names them.
  const suggested = /review suggestions, not written \(([^)]*)\)/.exec(safe.stderr)?.[1] ?? '';
  if (suggested) log(`  review suggestions of a plain run: ${suggested}`);
  const rewritten = readFileSync(path.join(after.dir, 'Dockerfile'), 'utf8');
  const changed = rewritten !== original;
  const transforms = /\(([^)]*)\)\s*$/m.exec(ran.stdout)?.[1] ?? '';
  check(app, 'dfmod --write exits 0', ran.code === 0, ran.stderr.trim().split('\n').slice(-3).join(' | '));
  writeFileSync(path.join(work, app, 'dfmod.diff'), await diffOf(before.dir, after.dir));
  if (spec.unchanged) check(app, 'dfmod leaves it byte-identical', !changed, spec.why);
  else check(app, 'dfmod rewrites the naive Dockerfile', changed);
  if (ran.stderr.trim()) log(ran.stderr.trim().split('\n').map((l) => `  dfmod: ${l}`).join('\n'));

  for (const v of [before, after]) {
    const b = await build(app, v, true);
    v.cold = b.seconds;
    if (!check(app, `${v.name} builds`, b.ok, b.error)) {
      writeFileSync(path.join(work, app, `${v.name}.build.log`), b.log);
      continue;
    }
    await smoke(app, v, smokeSpec);
  }
  if (!before.built || !after.built) return { app, changed, transforms, before, after };

  // Smoke: the original answers as expected, and the rewrite answers the same.
  check(app, 'before answers as expected', before.answer?.includes(smokeSpec.expect) ?? false, `got ${JSON.stringify(before.answer?.slice(0, 200))}`);
  check(app, 'after answers the same as before (digits masked: servers report their uptime)', masked(after.answer) === masked(before.answer), `before ${JSON.stringify(before.answer?.slice(0, 200))}, after ${JSON.stringify(after.answer?.slice(0, 200))}`);

  // Size and layers.
  const sizeDetail = `${formatSize(before.size)} → ${formatSize(after.size)}`;
  // The one thing dfmod adds is an init (tini is about 1.7 MB): where nothing else shrinks, that may show.
  const initAllowance = /init-entrypoint/.test(transforms) ? INIT_ALLOWANCE_BYTES : 0;
  check(app, initAllowance ? 'the rewritten image is not larger, but for the init it adds (≤ 2 MB)' : 'the rewritten image is not larger', after.size! <= before.size! + initAllowance, sizeDetail);
  if (spec.size === 'much') check(app, `the rewritten image is much smaller (≤ ${MUCH_SMALLER * 100}%)`, after.size! <= before.size! * MUCH_SMALLER, sizeDetail);
  if (spec.size === 'smaller') check(app, 'the rewritten image is smaller', after.size! < before.size!, `${sizeDetail}; ${spec.why}`);
  check(app, 'the layer count does not grow', after.layers! <= before.layers!, `${before.layers} → ${after.layers}`);

  // Stop time: servers only (the command apps exit by themselves).
  if (smokeSpec.port) check(app, `after: docker stop within ${STOP_LIMIT_S} s`, after.stop !== null && after.stop <= STOP_LIMIT_S, after.stop === null ? 'no answer, so no stop time' : `${after.stop.toFixed(1)} s (before ${before.stop?.toFixed(1)} s)`);

  // Rebuild after editing one source file.
  for (const v of [before, after]) {
    appendComment(path.join(v.dir, spec.edit));
    const b = await build(app, v, false);
    v.rebuilt = b.ok;
    v.rebuild = b.seconds;
    if (!check(app, `${v.name} rebuilds after editing ${spec.edit}`, b.ok, b.error)) continue;
    if (spec.install) {
      const steps = cachedSteps(b.log, spec.install);
      v.installCached = steps.found > 0 && steps.cached === steps.found;
      if (v.name === 'after') {
        check(app, 'after: the rebuild finds the dependency install step', steps.found > 0, String(spec.install));
        check(app, `after: the rebuild reuses the dependency install (CACHED) after editing ${spec.edit}`, v.installCached, `${steps.cached}/${steps.found} install steps cached`);
      }
    }
  }
  return { app, changed, transforms, before, after };
}

async function diffOf(a: string, b: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('diff', ['-u', path.join(a, 'Dockerfile'), path.join(b, 'Dockerfile')], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('close', () => resolve(out));
    child.on('error', () => resolve(''));
  });
}

/**
 * `dfmod --write --verify` with the real engine: on a copy of one app, the
 * safe rewrite and each review change build and run as the original does
 * (it stays up and answers on its port), so all are written; on a Go server
 * that shells out at start, the distroless runtime multi-stage suggests has
 * no shell, so its container exits where the original stays up and the
 * change is kept out with that reason; and on a file neither of whose
 * versions builds: not kept, untouched, exit 2.
 */
async function verifyFlag(work: string, expected: Map<string, string>): Promise<void> {
  const app = 'node-server';
  const dir = path.join(work, 'verify', app);
  cpSync(path.join(appsDir, app), dir, { recursive: true });
  const env = process.env;
  const flags = ['--verify-client', docker.command, '--verify-network', 'host'];
  const plain = path.join(work, 'verify', `${app}-plain`);
  cpSync(path.join(appsDir, app), plain, { recursive: true });
  const safeRun = await runNode([dfmodBin, '--write', 'Dockerfile'], { cwd: plain, env });
  const safeText = readFileSync(path.join(plain, 'Dockerfile'), 'utf8');
  const what = '--verify';
  check(what, `plain dfmod --write on ${app} writes no review change`, safeRun.code === 0 && !/multi-stage|init-entrypoint/.test(safeRun.stdout) && !/^FROM .* AS build$/m.test(safeText) && !/tini/.test(safeText), safeRun.stdout.trim());
  const ran = await runNode([dfmodBin, '--write', '--verify', ...flags, 'Dockerfile'], { cwd: dir, env });
  check(what, `dfmod --write --verify on ${app} exits 0`, ran.code === 0, ran.stderr.trim().split('\n').slice(-4).join(' | '));
  check(what, `it prints the table with the safe rewrite and each review change built and kept`,
    /\nDockerfile +yes → yes +[\d.]+ MB → [\d.]+ MB +\d+ → \d+ +[\d.]+ s → [\d.]+ s +kept\n/.test(ran.stderr) && /\nDockerfile \+multi-stage +yes → yes .* kept\n/.test(ran.stderr) && /\nDockerfile \+init-entrypoint +yes → yes .* kept\n/.test(ran.stderr),
    ran.stderr.trim().split('\n').slice(-5).join(' | '));
  const written = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  if (expected.has(app)) check(what, 'it writes the same rewrite as --write --level review (every review change passed)', written === expected.get(app));
  log(ran.stderr.trim().split('\n').filter((l) => /→|verify/.test(l)).map((l) => `  ${l}`).join('\n'));

  // A review change that builds but does not run: the Go server runs `sh` at start, which distroless lacks.
  const shells = path.join(work, 'verify', 'go-shells-out');
  mkdirSync(shells, { recursive: true });
  writeFileSync(path.join(shells, 'go.mod'), 'module example.com/shellsout\n\ngo 1.19\n');
  writeFileSync(path.join(shells, 'main.go'), [
    'package main', '', 'import (', '\t"fmt"', '\t"net/http"', '\t"os"', '\t"os/exec"', ')', '',
    'func main() {',
    '\tif err := exec.Command("sh", "-c", "true").Run(); err != nil {', '\t\tfmt.Println("no shell:", err)', '\t\tos.Exit(1)', '\t}',
    '\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })',
    '\thttp.ListenAndServe("127.0.0.1:18095", nil)', '}', '',
  ].join('\n'));
  const goText = 'FROM golang:1.19\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/server .\nEXPOSE 18095\nCMD ["/app/server"]\n';
  writeFileSync(path.join(shells, 'Dockerfile'), goText);
  const kept = await runNode([dfmodBin, '--write', '--verify', ...flags, '--json', 'Dockerfile'], { cwd: shells, env });
  check(what, 'a review change whose container exits where the original stays up: exit 0', kept.code === 0, kept.stderr.trim().split('\n').slice(-3).join(' | '));
  const shellsPlain = `${shells}-plain`;
  cpSync(shells, shellsPlain, { recursive: true });
  await runNode([dfmodBin, '--write', 'Dockerfile'], { cwd: shellsPlain, env });
  const shellsSafe = readFileSync(path.join(shellsPlain, 'Dockerfile'), 'utf8');
  check(what, '... the file gets the safe changes only, as plain --write writes them', readFileSync(path.join(shells, 'Dockerfile'), 'utf8') === shellsSafe && shellsSafe !== goText && !/ AS build/.test(shellsSafe));
  const reason = "rewrite not kept: it built, but its container exited with code 1; the original's stayed up";
  check(what, '... and the change is kept out with its reason, in --json too', kept.stderr.includes(`Dockerfile: review change of multi-stage not written: ${reason}`) &&
    JSON.stringify(JSON.parse(kept.stdout || '{}').files?.[0]?.verify?.keptOut) === JSON.stringify([{ transform: 'multi-stage', reason }]), kept.stderr.trim().split('\n').slice(-3).join(' | '));

  const broken = path.join(work, 'verify', 'broken');
  mkdirSync(broken, { recursive: true });
  const text = 'FROM busybox\nRUN exit 3\nCMD echo hi\n';
  writeFileSync(path.join(broken, 'Dockerfile'), text);
  const bad = await runNode([dfmodBin, 'Dockerfile', '--write', '--verify', ...flags, '--transforms', 'exec-form'], { cwd: broken, env });
  check(what, 'a rewrite that cannot be verified (neither builds) exits 2', bad.code === 2, `exit ${bad.code}`);
  check(what, '... and the file is left byte-identical', readFileSync(path.join(broken, 'Dockerfile'), 'utf8') === text);
  check(what, '... and says why', /rewrite not kept: neither the original nor the rewrite built/.test(bad.stderr) && /\nDockerfile +no → no .* not kept\n/.test(bad.stderr), bad.stderr.trim().split('\n').slice(-3).join(' | '));
}

function table(results: AppResult[]): string {
  const s = (n: number | null) => (n === null ? '-' : `${n.toFixed(1)}`);
  const mb = (n: number | null) => (n === null ? '-' : `${Math.round(n / 1e6)}`);
  const pair = (a: string, b: string) => `${a} → ${b}`;
  const cached = (v: Variant) => (v.installCached === null ? '' : v.installCached ? ' (deps cached)' : ' (deps rebuilt)');
  const header = ['app', 'size MB', 'layers', 'cold build s', 'rebuild s', 'stop s', 'dfmod'];
  const rows = results.map((r) => [
    r.app,
    pair(mb(r.before.size), mb(r.after.size)),
    pair(String(r.before.layers ?? '-'), String(r.after.layers ?? '-')),
    pair(s(r.before.cold), s(r.after.cold)),
    pair(s(r.before.rebuilt ? r.before.rebuild : null) + cached(r.before), s(r.after.rebuilt ? r.after.rebuild : null) + cached(r.after)),
    pair(s(r.before.stop), s(r.after.stop)),
    r.changed ? r.transforms || 'changed' : 'unchanged',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const problem = await engineProblem(docker);
  if (problem) {
    log(`e2e: skipped: no Docker engine answers at ${process.env.DOCKER_HOST ?? '(DOCKER_HOST unset: the default socket)'}`);
    log(`  ${problem.replace(/^no Docker engine answers at \S+ /, '')}`);
    return 0;
  }
  await giveStandinsUpstreamEntrypoints(docker, log);
  if (!existsSync(dfmodBin)) {
    log(`e2e: ${dfmodBin} is missing: run \`npm run build\` first (npm run test:e2e does)`);
    return 1;
  }
  const list = (value: string | undefined) => value?.split(',').map((a) => a.trim()).filter(Boolean);
  let only = list(process.env.E2E_APPS);
  let onlyCases = list(process.env.E2E_CASES);
  // Naming one part alone runs only that part.
  if (only && !onlyCases) onlyCases = [];
  if (onlyCases && !only) only = [];
  const apps = readdirSync(appsDir).filter((a) => !only || only.includes(a)).sort();
  const cases = caseNames(casesDir, onlyCases);
  let caseCount = 0;
  for (const app of apps) if (!APPS[app]) throw new Error(`tests/e2e/apps/${app} has no entry in APPS (run.ts): say what it should show`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'dfmod-e2e-'));
  const started = performance.now();
  const results: AppResult[] = [];
  const rewrites = new Map<string, string>();
  try {
    for (const app of apps) {
      const t0 = performance.now();
      log(`e2e: ${app}`);
      const result = await runApp(app, APPS[app]!, work);
      results.push(result);
      rewrites.set(app, readFileSync(path.join(result.after.dir, 'Dockerfile'), 'utf8'));
      const failed = assertions.filter((a) => a.app === app && !a.ok).length;
      if (failed) log(readFileSync(path.join(work, app, 'dfmod.diff'), 'utf8').replace(/^/gm, '    '));
      log(`  ${failed ? `${failed} failed` : 'ok'} (${((performance.now() - t0) / 1000).toFixed(0)} s)${result.changed ? `; dfmod: ${result.transforms}` : ''}`);
    }
    if (!only || only.includes('node-server')) {
      log('e2e: dfmod --verify');
      await verifyFlag(work, rewrites);
    }
    if (cases.length) {
      const jobs = Number(process.env.E2E_JOBS ?? 3) || 3;
      const t0 = performance.now();
      log(`e2e: ${cases.length} behaviour cases, ${jobs} at once`);
      const caseWork = path.join(work, 'cases');
      const caseResults = await runCases(docker, { casesDir, work: caseWork, dfmodBin, cold: process.env.E2E_COLD === '1', keep: process.env.E2E_KEEP === '1', jobs }, cases, (r) => {
        const dfmod = r.transforms.length ? `; dfmod: ${r.transforms.join(', ')}` : '; dfmod: unchanged';
        if (!r.failures.length) {
          log(`case ${r.name}: ok (${r.seconds.toFixed(0)} s${dfmod})`);
          return;
        }
        log(`case ${r.name}: FAIL (${r.seconds.toFixed(0)} s${dfmod})`);
        for (const f of r.failures) log(`    ${f.what}${f.detail ? `: ${f.detail}` : ''}`);
        if (r.diff) log(r.diff.replace(/^/gm, '      '));
      });
      caseCount = caseResults.length;
      for (const r of caseResults) {
        for (let i = 0; i < r.passed; i++) assertions.push({ app: `case ${r.name}`, what: 'ok', ok: true, detail: '' });
        for (const f of r.failures) assertions.push({ app: `case ${r.name}`, what: f.what, ok: false, detail: f.detail });
      }
      const failedCases = caseResults.filter((r) => r.failures.length).length;
      log(`e2e: cases: ${caseResults.length - failedCases} passed, ${failedCases} failed (${((performance.now() - t0) / 60000).toFixed(1)} min)`);
    }
  } finally {
    if (process.env.E2E_KEEP !== '1') {
      for (const r of results) for (const v of [r.before, r.after]) await removeTag(docker, v.tag);
      rmSync(work, { recursive: true, force: true });
    } else log(`e2e: kept ${work} and the dfmod-e2e-* images (E2E_KEEP=1)`);
  }

  if (results.length) {
    log('');
    log(table(results));
    log('');
    log('Before = the naive Dockerfile as written; after = `dfmod --write --level review`. ' + (process.env.E2E_WARM === '1' ? 'First builds used the build cache (E2E_WARM=1): the cold column is not cold' : 'Cold builds without the build cache (--no-cache)') + '; rebuild = after appending a comment to one source file; stop = wall time of `docker stop`.');
  }
  const failures = assertions.filter((a) => !a.ok);
  if (failures.length) {
    log('');
    log('Failed:');
    for (const f of failures) log(`  ${f.app}: ${f.what}${f.detail ? ` (${f.detail})` : ''}`);
  }
  log('');
  log(`e2e: total ${((performance.now() - started) / 60000).toFixed(1)} min, ${results.length} apps, ${caseCount} cases`);
  log(`e2e: ${assertions.length - failures.length} passed, ${failures.length} failed (assertions)`);
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
