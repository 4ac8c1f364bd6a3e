/**
 * `dfmod --verify`: build each changed file as written and as rewritten with
 * the local Docker engine (`docker build`, BuildKit), report size, layers and
 * build time before and after, and keep a rewrite only if it built.
 *
 * The CLI imports this module only when --verify is given, so nothing
 * Docker-related loads otherwise. The pure parts (the keep/drop decision and
 * the table) are separate from the parts that run `docker`, for unit tests.
 *
 * Environment: DFMOD_DOCKER names the docker client (default `docker` from
 * PATH); DOCKER_HOST is honoured by that client; DFMOD_DOCKER_BUILD_FLAGS adds
 * flags to every `docker build` (split on white space, no quoting), e.g.
 * `--network host` or `--build-arg VERSION=1`.
 */
import { spawn } from 'node:child_process';
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

export interface Verification {
  path: string;
  before: BuildOutcome;
  after: BuildOutcome;
  keep: boolean;
  reason: string;
}

/** Keep a rewrite only if it built. A rewrite that built where the original did not is kept, and said so. */
export function decide(before: BuildOutcome, after: BuildOutcome): { keep: boolean; reason: string } {
  if (!after.built) {
    return before.built
      ? { keep: false, reason: `rewrite not kept: it did not build, the original did: ${after.error ?? 'unknown error'}` }
      : { keep: false, reason: `rewrite not kept: neither the original nor the rewrite built, so it cannot be verified (does the build need arguments, secrets or a network? see DFMOD_DOCKER_BUILD_FLAGS): ${after.error ?? 'unknown error'}` };
  }
  if (!before.built) return { keep: true, reason: `rewrite kept: it built; the original did not (${before.error ?? 'unknown error'})` };
  return { keep: true, reason: 'rewrite kept: both built' };
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
    v.path,
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
}

export function dockerFromEnv(env: NodeJS.ProcessEnv): Docker {
  return {
    command: env.DFMOD_DOCKER || 'docker',
    env: { ...env, DOCKER_BUILDKIT: '1' },
    buildFlags: (env.DFMOD_DOCKER_BUILD_FLAGS ?? '').split(/\s+/).filter(Boolean),
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

/**
 * Builds the file on disk and its rewrite. The rewrite goes to a temporary
 * folder outside the context, under the same name, with the file's own
 * `<name>.dockerignore` beside it when there is one, and is built with `-f`.
 */
export async function verifyRewrite(docker: Docker, file: { path: string; absolutePath: string; contextDir: string; rewrite: string }): Promise<Verification> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dfmod-verify-'));
  const name = path.basename(file.absolutePath);
  const rewritten = path.join(folder, name);
  writeFileSync(rewritten, file.rewrite);
  const ignore = `${file.absolutePath}.dockerignore`;
  if (existsSync(ignore)) copyFileSync(ignore, `${rewritten}.dockerignore`);
  const tag = `dfmod-verify-${process.pid}-${++sequence}`;
  try {
    const before = await buildImage(docker, { contextDir: file.contextDir, dockerfile: file.absolutePath, tag: `${tag}:before` });
    const after = await buildImage(docker, { contextDir: file.contextDir, dockerfile: rewritten, tag: `${tag}:after` });
    const { keep, reason } = decide(before, after);
    const strip = ({ log: _log, ...outcome }: BuildOutcome & { log: string }): BuildOutcome => outcome;
    return { path: file.path, before: strip(before), after: strip(after), keep, reason };
  } finally {
    await removeTag(docker, `${tag}:before`);
    await removeTag(docker, `${tag}:after`);
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The CLI's side: one instance per run, collecting rows for the closing table. */
export class Verifier {
  readonly rows: Verification[] = [];
  constructor(readonly docker: Docker, private readonly log: (line: string) => void) {}

  /** Builds one changed file; returns null to keep the rewrite, or the reason it is not kept. */
  async check(file: { path: string; absolutePath: string; contextDir: string; rewrite: string }): Promise<string | null> {
    this.log(`dfmod --verify: building ${file.path} as written and as rewritten...`);
    const v = await verifyRewrite(this.docker, file);
    this.rows.push(v);
    return v.keep ? null : v.reason;
  }

  table(): string {
    return this.rows.length ? formatTable(this.rows) : 'dfmod --verify: no file changed, nothing built\n';
  }
}

/** A Verifier when an engine answers, else the message to print (the CLI exits 2). */
export async function openVerifier(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<Verifier | string> {
  const docker = dockerFromEnv(env);
  const problem = await engineProblem(docker);
  return problem ? `--verify needs a Docker engine: ${problem}` : new Verifier(docker, log);
}
