/**
 * `dfmod --verify`: build each changed file as written and as rewritten with
 * the local Docker engine (`docker build`, BuildKit), run both images, report
 * size, layers and build time before and after, and keep a rewrite only if it
 * built and passed the checks: the smoke command (--verify-smoke), or by
 * default that the container starts, stays up or exits as the original's did,
 * and answers on the exposed ports the original's answered on.
 *
 * The safe changes are verified first, as one rewrite; then each review
 * transform's changes, one transform at a time, on top of what was kept: a
 * review change is written only when its rebuilt image passes.
 *
 * The CLI imports this module only when --verify is given, so nothing
 * Docker-related loads otherwise. The pure parts (the keep/drop decision,
 * the comparison of runs, the table) are separate from the parts that run
 * `docker`, for unit tests.
 *
 * Settings (flags, with environment variables as fallbacks): --verify-client
 * (DFMOD_DOCKER; default `docker` from PATH), --verify-host (DOCKER_HOST,
 * honoured by that client), --verify-network (the network of builds and
 * runs), --verify-build-flags (DFMOD_DOCKER_BUILD_FLAGS: flags for every
 * `docker build`, split on white space, no quoting, e.g. `--build-arg V=1`).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What one `docker build` did. Size in bytes; seconds of wall time. */
export interface BuildOutcome {
  built: boolean;
  seconds: number;
  size: number | null;
  layers: number | null;
  /** For a failed build: the most telling line of its output. */
  error?: string;
}

/** What running an image showed (default checks), or what its smoke command did. */
export interface RunOutcome {
  /** `running` after the settle time, or `exited` with its code; null: it did not start (`error` says why). */
  state: { status: 'running' } | { status: 'exited'; code: number } | null;
  /** Exposed TCP ports that accepted a connection. */
  answered: number[];
  /** Exposed TCP ports (of the image's configuration). */
  exposed: number[];
  /** With a smoke command: its exit code. */
  smoke?: { code: number; output: string };
  error?: string;
}

export interface Verification {
  path: string;
  /** What was built: `rewrite` (the safe changes), or `+<transform>` (a review transform's changes on top of what was kept). */
  variant: string;
  before: BuildOutcome;
  after: BuildOutcome;
  /** The checks' verdict on the rebuilt image: null when they passed or did not run. */
  checks?: string | null;
  keep: boolean;
  reason: string;
}

/** Keep a rewrite only if it built. A rewrite that built where the original did not is kept, and said so. */
export function decide(before: BuildOutcome, after: BuildOutcome): { keep: boolean; reason: string } {
  if (!after.built) {
    return before.built
      ? { keep: false, reason: `rewrite not kept: it did not build, the original did: ${after.error ?? 'unknown error'}` }
      : { keep: false, reason: `rewrite not kept: neither the original nor the rewrite built, so it cannot be verified (does the build need arguments, secrets or a network? see --verify-build-flags and --verify-network): ${after.error ?? 'unknown error'}` };
  }
  if (!before.built) return { keep: true, reason: `rewrite kept: it built; the original did not (${before.error ?? 'unknown error'})` };
  return { keep: true, reason: 'rewrite kept: both built' };
}

const describeState = (o: RunOutcome): string =>
  o.state === null ? `did not start (${o.error ?? 'unknown error'})` : o.state.status === 'running' ? 'stayed up' : `exited with code ${o.state.code}`;

/**
 * Why the rewrite's run does not pass, or null when it does. With a smoke
 * command: it must exit 0 for the rewrite whenever it did for the original.
 * By default: the rewrite's container must start, stay up when the
 * original's stayed up (or exit with the original's code), and answer on
 * every exposed port the original answered on.
 */
export function compareRuns(original: RunOutcome, rewrite: RunOutcome): string | null {
  if (original.smoke) {
    if (original.smoke.code !== 0) return `the smoke command fails on the original too (exit ${original.smoke.code}), so it verifies nothing`;
    return rewrite.smoke?.code === 0 ? null : `the smoke command failed on the rewrite (exit ${rewrite.smoke?.code ?? '?'}): ${rewrite.smoke?.output || 'no output'}`;
  }
  if (original.state === null) return `the original's container did not start (${original.error ?? 'unknown error'}), so the run cannot be compared`;
  if (rewrite.state === null) return `its container did not start: ${rewrite.error ?? 'unknown error'}`;
  if (original.state.status !== rewrite.state.status || (original.state.status === 'exited' && rewrite.state.status === 'exited' && original.state.code !== rewrite.state.code)) {
    return `its container ${describeState(rewrite)}; the original's ${describeState(original)}`;
  }
  const silent = original.answered.filter((port) => !rewrite.answered.includes(port));
  if (silent.length) return `its container does not answer on port ${silent.join(', ')}, where the original's does`;
  return null;
}

export function formatSize(bytes: number | null): string {
  return bytes === null ? '-' : `${(bytes / 1e6).toFixed(1)} MB`;
}

const pair = (a: string, b: string) => `${a} → ${b}`;
const seconds = (o: BuildOutcome) => `${o.seconds.toFixed(1)} s`;
const yesNo = (o: BuildOutcome) => (o.built ? 'yes' : 'no');

/** The report printed on standard error: one row a file, before → after. */
export function formatTable(rows: readonly Verification[]): string {
  const header = ['file', 'built', 'size', 'layers', 'build time', 'rewrite'];
  const body = rows.map((v) => [
    v.variant === 'rewrite' ? v.path : `${v.path} ${v.variant}`,
    pair(yesNo(v.before), yesNo(v.after)),
    pair(formatSize(v.before.size), formatSize(v.after.size)),
    pair(v.before.layers === null ? '-' : String(v.before.layers), v.after.layers === null ? '-' : String(v.after.layers)),
    pair(seconds(v.before), seconds(v.after)),
    v.keep ? 'kept' : 'not kept',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return ['dfmod --verify: docker build (BuildKit), original → rewrite', line(header), ...body.map(line)].join('\n') + '\n';
}

/** The last line of a failed build's output that names an error, else its last line. */
export function buildError(log: string): string {
  const lines = log.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const telling = [...lines].reverse().find((l) => /\berror\b|failed|not found|did not complete/i.test(l) && !/^#\d+ DONE/.test(l));
  const text = telling ?? lines.at(-1) ?? 'no output';
  return text.length > 300 ? text.slice(0, 297) + '...' : text;
}

export interface Docker {
  /** The client to run. */
  command: string;
  env: NodeJS.ProcessEnv;
  buildFlags: string[];
  /** The network containers run on (`docker run --network`); absent: the engine's default. */
  network?: string;
}

export interface VerifySettings {
  /** --verify-client: the docker client to run. */
  client?: string;
  /** --verify-host: the engine's address (DOCKER_HOST). */
  host?: string;
  /** --verify-network: the network of every build and container (`host` when a build needs the host's network). */
  network?: string;
  /** --verify-build-flags: more flags for every `docker build` (white-space separated, no quoting). */
  buildFlags?: string;
  /** --verify-smoke: a shell command run on this machine per image built, with DFMOD_VERIFY_IMAGE naming it; it passes when it exits 0. */
  smoke?: string;
  /** --verify-wait: seconds a container must stay up to count as staying up (default 5). */
  wait?: number;
}

/** The docker client to run and how: flags first, the environment (DFMOD_DOCKER, DOCKER_HOST, DFMOD_DOCKER_BUILD_FLAGS) otherwise. */
export function dockerFromEnv(env: NodeJS.ProcessEnv, settings: VerifySettings = {}): Docker {
  const split = (text: string | undefined) => (text ?? '').split(/\s+/).filter(Boolean);
  return {
    command: settings.client || env.DFMOD_DOCKER || 'docker',
    env: { ...env, DOCKER_BUILDKIT: '1', ...(settings.host ? { DOCKER_HOST: settings.host } : {}) },
    buildFlags: [...split(env.DFMOD_DOCKER_BUILD_FLAGS), ...split(settings.buildFlags), ...(settings.network ? ['--network', settings.network] : [])],
    ...(settings.network ? { network: settings.network } : {}),
  };
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs the docker client; a missing client is exit code 127, not an exception. */
export function runDocker(docker: Docker, args: string[], options: { timeoutMs?: number } = {}): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(docker.command, args, { env: docker.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    const done = (code: number, extra = '') => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr: stderr + extra, seconds: (performance.now() - started) / 1000 });
    };
    child.on('error', (error) => done(127, `${docker.command}: ${error.message}\n`));
    child.on('close', (code, signal) => done(code ?? 1, signal ? `killed by ${signal}\n` : ''));
  });
}

/** null when an engine answers; otherwise why not. */
export async function engineProblem(docker: Docker): Promise<string | null> {
  const ran = await runDocker(docker, ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20_000 });
  if (ran.code === 0 && ran.stdout.trim()) return null;
  const where = docker.env.DOCKER_HOST ? `at DOCKER_HOST=${docker.env.DOCKER_HOST}` : 'at the default socket';
  const detail = buildError(ran.stderr || ran.stdout);
  return `no Docker engine answers ${where} (client: ${docker.command}): ${detail}`;
}

export async function buildImage(docker: Docker, spec: { contextDir: string; dockerfile: string; tag: string; extraFlags?: string[] }): Promise<BuildOutcome & { log: string }> {
  const ran = await runDocker(docker, ['build', '--progress=plain', ...docker.buildFlags, ...(spec.extraFlags ?? []), '-f', spec.dockerfile, '-t', spec.tag, spec.contextDir]);
  const log = ran.stderr + ran.stdout;
  if (ran.code !== 0) return { built: false, seconds: ran.seconds, size: null, layers: null, error: buildError(log), log };
  const stats = await imageStats(docker, spec.tag);
  return { built: true, seconds: ran.seconds, ...stats, log };
}

export async function imageStats(docker: Docker, image: string): Promise<{ size: number | null; layers: number | null }> {
  const ran = await runDocker(docker, ['image', 'inspect', '-f', '{{.Size}} {{len .RootFS.Layers}}', image]);
  const [size, layers] = ran.stdout.trim().split(' ').map(Number);
  return ran.code === 0 && Number.isFinite(size) && Number.isFinite(layers) ? { size: size!, layers: layers! } : { size: null, layers: null };
}

/** Removes a tag this module made (never an image by id: an identical user image keeps its own tags). */
export async function removeTag(docker: Docker, tag: string): Promise<void> {
  await runDocker(docker, ['image', 'rm', tag]);
}

let sequence = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a TCP connection to host:port is accepted within a second. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.on('connect', () => done(true));
    socket.on('timeout', () => done(false));
    socket.on('error', () => done(false));
  });
}

/** The exposed TCP ports of an image's configuration. */
async function exposedPorts(docker: Docker, image: string): Promise<number[]> {
  const ran = await runDocker(docker, ['image', 'inspect', '-f', '{{json .Config.ExposedPorts}}', image]);
  try {
    const ports = JSON.parse(ran.stdout.trim() || 'null') as Record<string, unknown> | null;
    return Object.keys(ports ?? {}).filter((p) => p.endsWith('/tcp')).map((p) => Number(p.split('/')[0])).filter(Number.isInteger);
  } catch {
    return [];
  }
}

/**
 * Runs `image` as `docker run` would (its own command, no arguments) and
 * watches it: whether it is still up after `wait` seconds or exited (and
 * how), and which exposed ports accept a connection while it is up. With a
 * smoke command, runs that instead, on this machine.
 */
export async function observeImage(docker: Docker, image: string, settings: VerifySettings): Promise<RunOutcome> {
  const exposed = await exposedPorts(docker, image);
  if (settings.smoke) {
    const ran = await new Promise<{ code: number; output: string }>((resolve) => {
      const child = spawn('/bin/sh', ['-c', settings.smoke!], { env: { ...docker.env, DFMOD_VERIFY_IMAGE: image }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.on('error', (error) => resolve({ code: 127, output: error.message }));
      child.on('close', (code) => resolve({ code: code ?? 1, output }));
    });
    return { state: null, answered: [], exposed, smoke: { code: ran.code, output: buildError(ran.output) } };
  }
  const name = `dfmod-verify-run-${process.pid}-${++sequence}`;
  const started = await runDocker(docker, ['run', '-d', '--name', name, ...(docker.network ? ['--network', docker.network] : []), image], { timeoutMs: 60_000 });
  try {
    if (started.code !== 0) return { state: null, answered: [], exposed, error: buildError(started.stderr || started.stdout) };
    const waitMs = Math.max(0, settings.wait ?? 5) * 1000;
    const deadline = Date.now() + waitMs;
    let state: RunOutcome['state'] = { status: 'running' };
    for (;;) {
      const inspected = await runDocker(docker, ['container', 'inspect', '-f', '{{.State.Status}} {{.State.ExitCode}} {{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', name]);
      const [status, code, address] = inspected.stdout.trim().split(/\s+/);
      if (status === 'exited' || status === 'dead') {
        state = { status: 'exited', code: Number(code) };
        return { state, answered: [], exposed };
      }
      if (Date.now() >= deadline) {
        // On the host network the container's ports are this machine's.
        const host = docker.network === 'host' ? '127.0.0.1' : address;
        const answered: number[] = [];
        if (host) {
          for (const port of exposed) {
            // A server may take a while to listen: each port gets the settle time again.
            const until = Date.now() + Math.max(waitMs, 10_000);
            let ok = await answers(host, port);
            while (!ok && Date.now() < until) {
              await sleep(250);
              ok = await answers(host, port);
            }
            if (ok) answered.push(port);
          }
        }
        return { state, answered, exposed };
      }
      await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
    }
  } finally {
    await runDocker(docker, ['rm', '-f', name]);
  }
}

/** One text to verify, and how to report it. */
export interface Candidate {
  variant: string;
  text: string;
}

/** A rewrite on disk under the file's name, outside the context, with the file's own `<name>.dockerignore` beside it. */
function stage(file: { absolutePath: string }, text: string): { dockerfile: string; remove: () => void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dfmod-verify-'));
  const dockerfile = path.join(folder, path.basename(file.absolutePath));
  writeFileSync(dockerfile, text);
  const ignore = `${file.absolutePath}.dockerignore`;
  if (existsSync(ignore)) copyFileSync(ignore, `${dockerfile}.dockerignore`);
  return { dockerfile, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

const strip = ({ log: _log, ...outcome }: BuildOutcome & { log: string }): BuildOutcome => outcome;

/** The CLI's side: one instance per run, collecting rows for the closing table. */
export class Verifier {
  readonly rows: Verification[] = [];
  constructor(readonly docker: Docker, private readonly log: (line: string) => void, readonly settings: VerifySettings = {}) {}

  /**
   * Builds and runs the file as written, then each candidate in turn:
   * `next(kept)` gives the next text to try (null: done) from the variants
   * kept so far. Returns each candidate's verdict.
   */
  async verify(
    file: { path: string; absolutePath: string; contextDir: string },
    next: (kept: readonly string[]) => Candidate | null,
  ): Promise<{ variant: string; keep: boolean; reason: string; checks: string | null; built: boolean }[]> {
    this.log(`dfmod --verify: building ${file.path} as written and as rewritten...`);
    const tag = `dfmod-verify-${process.pid}-${++sequence}`;
    const tags = [`${tag}:before`];
    const verdicts: Awaited<ReturnType<Verifier['verify']>> = [];
    try {
      const before = await buildImage(this.docker, { contextDir: file.contextDir, dockerfile: file.absolutePath, tag: `${tag}:before` });
      let reference: RunOutcome | null = before.built ? await observeImage(this.docker, `${tag}:before`, this.settings) : null;
      const kept: string[] = [];
      for (let candidate = next(kept), n = 1; candidate; candidate = next(kept), n++) {
        const after = `${tag}:after-${n}`;
        tags.push(after);
        const staged = stage(file, candidate.text);
        let built: BuildOutcome & { log: string };
        try {
          built = await buildImage(this.docker, { contextDir: file.contextDir, dockerfile: staged.dockerfile, tag: after });
        } finally {
          staged.remove();
        }
        let { keep, reason } = decide(before, built);
        let checks: string | null = null;
        if (keep) {
          const observed = await observeImage(this.docker, after, this.settings);
          if (reference === null && candidate.variant === 'rewrite') {
            // The original did not build: the safe rewrite that runs is the reference for review changes on top of it.
            reference = observed;
          } else if (reference === null) {
            keep = false;
            reason = 'rewrite not kept: it built, but neither the original nor a safe rewrite ran to compare its run with';
          } else {
            checks = compareRuns(reference, observed);
            if (checks) {
              keep = false;
              reason = `rewrite not kept: it built, but ${checks}`;
            } else reason += this.settings.smoke ? ', and the smoke command passed' : ', and it runs as the original does';
          }
        }
        this.rows.push({ path: file.path, variant: candidate.variant, before: strip(before), after: strip(built), checks, keep, reason });
        verdicts.push({ variant: candidate.variant, keep, reason, checks, built: built.built });
        if (keep) kept.push(candidate.variant);
        // Nothing goes on top of a safe rewrite that failed: the file stays as it is.
        else if (candidate.variant === 'rewrite') break;
      }
    } finally {
      for (const t of tags) await removeTag(this.docker, t);
    }
    return verdicts;
  }

  table(): string {
    return this.rows.length ? formatTable(this.rows) : 'dfmod --verify: no file changed, nothing built\n';
  }
}

/** A Verifier when an engine answers, else the message to print (the CLI exits 2). */
export async function openVerifier(env: NodeJS.ProcessEnv, log: (line: string) => void, settings: VerifySettings = {}): Promise<Verifier | string> {
  const docker = dockerFromEnv(env, settings);
  const problem = await engineProblem(docker);
  return problem ? `--verify needs a Docker engine: ${problem}` : new Verifier(docker, log, settings);
}
