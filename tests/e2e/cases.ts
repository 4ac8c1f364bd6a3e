/**
 * Behaviour cases (tests/e2e/cases/<name>/, format in tests/e2e/README.md):
 * for each, in a temporary copy, `dfmod --write --json`, build the original
 * and the rewrite, run both, and fail on any difference the rewrite does not
 * name. Cases run in a bounded pool (E2E_JOBS); each prints one line.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { buildImage, removeTag, runDocker, type Docker } from '../../lib/cli/verify.js';

export interface CaseSpec {
  description: string;
  dfmod?: string[];
  expect: { changedBy: string[]; refused?: string[] };
  check: { http?: { port: number; path?: string; expect: string }; stdout?: string; exit?: number; args?: string[] };
  same?: string[];
  stop?: { marker?: string; within?: number };
}

export interface CaseFailure {
  what: string;
  detail: string;
}

export interface CaseResult {
  name: string;
  failures: CaseFailure[];
  passed: number;
  seconds: number;
  transforms: string[];
}

interface Ran {
  /** Job: stdout and exit code; server: the HTTP body. null when it never answered. */
  output: string | null;
  exit: number | null;
  user: string;
  files: Map<string, string>;
  stop: number | null;
  marker: boolean | null;
  logs: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DEFAULT_STOP_S = 2;
const STOP_SLACK_S = 2;
const JOB_TIMEOUT_MS = 120_000;
const SERVER_WAIT_MS = 60_000;

export function readCase(dir: string): CaseSpec {
  const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseSpec;
  const name = path.basename(dir);
  if (!spec.description) throw new Error(`case ${name}: case.json has no description`);
  if (!spec.expect || !Array.isArray(spec.expect.changedBy)) throw new Error(`case ${name}: expect.changedBy is required (an array)`);
  if (!spec.check || (!spec.check.http && spec.check.stdout === undefined)) throw new Error(`case ${name}: check needs http or stdout`);
  for (const item of spec.same ?? []) {
    if (item !== 'output' && item !== 'user' && !/^file:\//.test(item)) throw new Error(`case ${name}: unknown same item ${item}`);
  }
  if (!existsSync(path.join(dir, 'Dockerfile'))) throw new Error(`case ${name}: no Dockerfile`);
  return spec;
}

/** Two cases on one port would answer each other's checks. */
export function portClashes(specs: Map<string, CaseSpec>): string[] {
  const byPort = new Map<number, string[]>();
  for (const [name, spec] of specs) {
    const port = spec.check.http?.port;
    if (port !== undefined) byPort.set(port, [...(byPort.get(port) ?? []), name]);
  }
  return [...byPort].filter(([, names]) => names.length > 1).map(([port, names]) => `port ${port}: ${names.join(', ')}`);
}

function runNode(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The body of a 200 answer on 127.0.0.1, or null (no answer, another status, a timeout). */
export function httpGet(port: number, urlPath: string): Promise<string | null> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, agent: false, headers: { connection: 'close' }, timeout: 2000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (c) => (body += c));
      response.on('end', () => resolve(response.statusCode === 200 ? body : null));
      response.on('error', () => resolve(null));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

/** The entries of a tar stream (`docker cp c:/path -`): name, type, mode, owner and content; mtimes left out. */
export function tarEntries(buffer: Buffer): string[] {
  const entries: string[] = [];
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const body = buffer.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x' || type === 'g') {
      const found = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (found && type === 'x') longName = found[1]!;
      continue;
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    const mode = (parseInt(field(100, 8).trim() || '0', 8) & 0o7777).toString(8);
    const owner = `${parseInt(field(108, 8).trim() || '0', 8)}:${parseInt(field(116, 8).trim() || '0', 8)}`;
    const link = field(157, 100);
    const what = type === '0' ? `file ${JSON.stringify(body.toString('utf8'))}` : type === '5' ? 'dir' : type === '2' ? `symlink -> ${link}` : `type ${type} ${link}`;
    entries.push(`${name} ${mode} ${owner} ${what}`);
  }
  return entries.sort();
}

function copyOut(docker: Docker, container: string, file: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(docker.command, ['cp', `${container}:${file}`, '-'], { env: docker.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (e) => resolve(`(docker cp failed: ${e.message})`));
    // The error names the container, which differs between the two variants: an absent file reads the same in both.
    child.on('close', (code) => resolve(code === 0 ? tarEntries(Buffer.concat(chunks)).join('\n') : /no such container:path/i.test(stderr) ? '(absent)' : `(docker cp failed: ${stderr.trim().split('\n').pop()})`));
  });
}

/** Real and effective uid/gid of every process in a running container, sorted (pids left out). */
async function processUsers(docker: Docker, container: string): Promise<string> {
  const top = await runDocker(docker, ['top', container, '-o', 'pid,ruid,euid,rgid,egid']);
  if (top.code !== 0) return `(docker top failed: ${top.stderr.trim()})`;
  const rows = top.stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/).slice(1).join(' '));
  return [...new Set(rows)].sort().join('; ');
}

async function configuredUser(docker: Docker, image: string): Promise<string> {
  const inspected = await runDocker(docker, ['image', 'inspect', '-f', '{{.Config.User}}', image]);
  return `Config.User=${JSON.stringify(inspected.stdout.trim())}`;
}

async function runVariant(docker: Docker, spec: CaseSpec, image: string, container: string): Promise<Ran> {
  const files = (spec.same ?? []).filter((s) => s.startsWith('file:')).map((s) => s.slice(5));
  const args = spec.check.args ?? [];
  await runDocker(docker, ['rm', '-f', container]);
  const ran: Ran = { output: null, exit: null, user: await configuredUser(docker, image), files: new Map(), stop: null, marker: null, logs: '' };
  try {
    if (!spec.check.http) {
      const job = await runDocker(docker, ['run', '--network', 'host', '--name', container, image, ...args], { timeoutMs: JOB_TIMEOUT_MS });
      ran.exit = job.code;
      ran.output = job.stdout;
      ran.logs = job.stderr;
    } else {
      const { port, path: urlPath = '/' } = spec.check.http;
      const started = await runDocker(docker, ['run', '-d', '--network', 'host', '--name', container, image, ...args]);
      if (started.code !== 0) {
        ran.logs = started.stderr;
        return ran;
      }
      const deadline = performance.now() + SERVER_WAIT_MS;
      while (performance.now() < deadline) {
        ran.output = await httpGet(port, urlPath);
        if (ran.output !== null) break;
        const state = await runDocker(docker, ['inspect', '-f', '{{.State.Running}}', container]);
        if (state.stdout.trim() !== 'true') break;
        await sleep(300);
      }
      if (ran.output !== null) {
        ran.user += ` processes=${await processUsers(docker, container)}`;
        const stop = await runDocker(docker, ['stop', container], { timeoutMs: 60_000 });
        ran.stop = stop.seconds;
        if (spec.stop?.marker) ran.marker = !(await copyOut(docker, container, spec.stop.marker)).startsWith('(');
      }
      const logs = await runDocker(docker, ['logs', '--tail', '20', container]);
      ran.logs = (logs.stdout + logs.stderr).trim();
    }
    for (const file of files) ran.files.set(file, await copyOut(docker, container, file));
  } finally {
    await runDocker(docker, ['rm', '-f', container]);
  }
  return ran;
}

const clip = (text: string | null, n = 300) => (text === null ? 'null' : JSON.stringify(text.length > n ? `${text.slice(0, n)}...` : text));

async function diffOf(a: string, b: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('diff', ['-u', a, b], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('close', () => resolve(out));
    child.on('error', () => resolve(''));
  });
}

export async function runCase(docker: Docker, options: { casesDir: string; work: string; dfmodBin: string; cold: boolean; keep: boolean }, name: string, spec: CaseSpec): Promise<CaseResult & { diff: string }> {
  const t0 = performance.now();
  const failures: CaseFailure[] = [];
  let passed = 0;
  const check = (what: string, ok: boolean, detail = ''): boolean => {
    if (ok) passed++;
    else failures.push({ what, detail });
    return ok;
  };
  const source = path.join(options.casesDir, name);
  const before = path.join(options.work, name, 'before');
  const after = path.join(options.work, name, 'after');
  mkdirSync(path.join(options.work, name), { recursive: true });
  cpSync(source, before, { recursive: true });
  cpSync(source, after, { recursive: true });

  // The rewrite, with dfmod's built CLI.
  const ran = await runNode([options.dfmodBin, '--write', '--json', ...(spec.dfmod ?? []), 'Dockerfile'], after);
  const diff = await diffOf(path.join(before, 'Dockerfile'), path.join(after, 'Dockerfile'));
  let transforms: string[] = [];
  let noteIds: string[] = [];
  try {
    const report = JSON.parse(ran.stdout) as { files: { changes?: { transform: string }[]; notes?: { transform: string; id?: string }[] }[] };
    const file = report.files[0]!;
    transforms = [...new Set((file.changes ?? []).map((c) => c.transform))].sort();
    noteIds = (file.notes ?? []).flatMap((n) => (n.id ? [n.id, `${n.transform}/${n.id}`] : []));
  } catch {
    // the exit code check below says what went wrong
  }
  check('dfmod --write exits 0', ran.code === 0, `exit ${ran.code}: ${ran.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const expected = [...spec.expect.changedBy].sort();
  check('the transforms that change it are exactly expect.changedBy', transforms.join(',') === expected.join(','), `expected [${expected.join(', ')}], got [${transforms.join(', ')}]`);
  if (expected.length === 0) check('the rewrite is byte-identical', diff === '', 'expect.changedBy is []');
  for (const id of spec.expect.refused ?? []) check(`note ${id} appears`, noteIds.includes(id), `notes: ${[...new Set(noteIds.filter((n) => !n.includes('/')))].join(', ') || 'none'}`);

  // Build both; tags are per case, so parallel cases never share one.
  const tag = (variant: string) => `dfmod-case-${name}:${variant}`;
  const noCache = options.cold ? ['--no-cache'] : [];
  const builds = [];
  for (const [variant, dir] of [['before', before], ['after', after]] as const) {
    const built = await buildImage(docker, { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: tag(variant), extraFlags: noCache });
    if (!built.built) writeFileSync(path.join(options.work, name, `${variant}.build.log`), built.log);
    check(`${variant} builds`, built.built, built.error ?? '');
    builds.push(built.built);
  }
  const results: Partial<Record<'before' | 'after', Ran>> = {};
  if (builds.every(Boolean)) {
    for (const variant of ['before', 'after'] as const) {
      const r = await runVariant(docker, spec, tag(variant), `dfmod-case-${name}-${variant}`);
      results[variant] = r;
      if (spec.check.http) {
        check(`${variant} answers with ${JSON.stringify(spec.check.http.expect)}`, r.output?.includes(spec.check.http.expect) ?? false, `got ${clip(r.output)}; logs: ${clip(r.logs)}`);
      } else {
        check(`${variant} prints ${JSON.stringify(spec.check.stdout)}`, r.output?.includes(spec.check.stdout!) ?? false, `got ${clip(r.output)}; stderr: ${clip(r.logs)}`);
        check(`${variant} exits ${spec.check.exit ?? 0}`, r.exit === (spec.check.exit ?? 0), `exit ${r.exit}; stderr: ${clip(r.logs)}`);
      }
    }
    const b = results.before!;
    const a = results.after!;
    for (const item of spec.same ?? ['output']) {
      if (item === 'output') {
        const show = (r: Ran) => (spec.check.http ? r.output : `${r.output}exit ${r.exit}`);
        check('same output', show(b) === show(a), `before ${clip(show(b))}, after ${clip(show(a))}`);
      } else if (item === 'user') {
        check('same user', b.user === a.user, `before ${b.user}, after ${a.user}`);
      } else {
        const file = item.slice(5);
        check(`same ${file}`, b.files.get(file) === a.files.get(file), `before ${clip(b.files.get(file) ?? null)}, after ${clip(a.files.get(file) ?? null)}`);
      }
    }
    if (spec.check.http && a.output !== null) {
      if (spec.stop) {
        const within = spec.stop.within ?? DEFAULT_STOP_S;
        check(`after: docker stop within ${within} s`, a.stop !== null && a.stop <= within, `${a.stop?.toFixed(1)} s (before ${b.stop?.toFixed(1)} s)`);
        if (spec.stop.marker) check(`after: its SIGTERM handler ran (${spec.stop.marker})`, a.marker === true, `before: ${b.marker}`);
      } else if (b.stop !== null) {
        check(`after: docker stop not slower than before (+${STOP_SLACK_S} s)`, a.stop !== null && a.stop <= b.stop + STOP_SLACK_S, `${a.stop?.toFixed(1)} s, before ${b.stop.toFixed(1)} s`);
      }
    }
  }
  if (!options.keep) for (const variant of ['before', 'after']) await removeTag(docker, tag(variant));
  return { name, failures, passed, seconds: (performance.now() - t0) / 1000, transforms, diff };
}

/** Runs `names` with at most `jobs` at once; `report` is called as each case ends. */
export async function runCases(docker: Docker, options: { casesDir: string; work: string; dfmodBin: string; cold: boolean; keep: boolean; jobs: number }, names: string[], report: (result: CaseResult & { diff: string }) => void): Promise<CaseResult[]> {
  const specs = new Map<string, CaseSpec>();
  const broken: CaseResult[] = [];
  for (const name of names) {
    try {
      specs.set(name, readCase(path.join(options.casesDir, name)));
    } catch (error) {
      const result = { name, failures: [{ what: 'case.json is valid', detail: (error as Error).message }], passed: 0, seconds: 0, transforms: [], diff: '' };
      broken.push(result);
      report(result);
    }
  }
  const clashes = portClashes(specs);
  if (clashes.length) throw new Error(`cases share ports: ${clashes.join('; ')}`);
  const queue = [...specs.keys()];
  const results: CaseResult[] = [...broken];
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const result = await runCase(docker, options, name, specs.get(name)!);
      results.push(result);
      report(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, worker));
  return results.sort((x, y) => x.name.localeCompare(y.name));
}

export function caseNames(casesDir: string, only: string[] | undefined): string[] {
  if (!existsSync(casesDir)) return [];
  const all = readdirSync(casesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const unknown = (only ?? []).filter((n) => !all.includes(n));
  if (unknown.length) throw new Error(`E2E_CASES names no such case: ${unknown.join(', ')}`);
  return only ? all.filter((n) => only.includes(n)) : all;
}
