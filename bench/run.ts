/**
 * `npm run bench`: the built CLI (dist/) over a generated corpus of 10,000
 * Dockerfiles, in dry-run and --check mode, then the start-up figures. Prints
 * files/s and the peak memory of the whole process (worker threads included,
 * measured by /usr/bin/time when present). A benchmark, not a test: it fails
 * only when a run fails.
 *
 *   npm run bench [-- --files 10000 --bulk-runs 3 --runs 20]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bundle/dfmod.js');
const argValue = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const files = argValue('files', 10_000);
const runs = argValue('runs', 20);
const bulkRuns = argValue('bulk-runs', 3);
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

if (!existsSync(cli)) {
  process.stderr.write(`bench: ${cli} is missing; run npm run build first\n`);
  process.exit(2);
}

interface Measured { ms: number; peakMb: number | null; status: number | null; stderr: string }

function measure(args: string[], cwd: string): Measured {
  const statsFile = path.join(tmpdir(), `dfmod-bench-time-${process.pid}`);
  const command = time ? time : process.execPath;
  const argv = time ? ['-f', '%M', '-o', statsFile, process.execPath, cli, ...args] : [cli, ...args];
  const started = process.hrtime.bigint();
  const ran = spawnSync(command, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let peakMb: number | null = null;
  if (time && existsSync(statsFile)) {
    peakMb = Number(readFileSync(statsFile, 'utf8').trim().split('\n').pop()) / 1024;
    rmSync(statsFile, { force: true });
  }
  return { ms, peakMb, status: ran.status, stderr: ran.stderr ?? '' };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const folder = mkdtempSync(path.join(tmpdir(), 'dfmod-bench-'));
try {
  process.stdout.write(`dfmod bench: ${availableParallelism()} cores, node ${process.version}\n`);
  const started = Date.now();
  generate(files, folder);
  process.stdout.write(`generated ${files} Dockerfiles in ${folder} (${Date.now() - started} ms)\n`);

  for (const [label, args, okStatus] of [
    ['dry run (diffs)', ['.'], [0]],
    ['--check', ['--check', '.'], [0, 1]],
  ] as [string, string[], number[]][]) {
    // The median of a few runs: on a shared two-core machine one run can be 20% off.
    const measured: Measured[] = [];
    for (let i = 0; i < bulkRuns; i++) measured.push(measure(args, folder));
    const failed = measured.find((m) => m.status === null || !okStatus.includes(m.status));
    if (failed) {
      process.stderr.write(`bench: ${label} exited ${failed.status}\n${failed.stderr.slice(-2000)}\n`);
      process.exitCode = 1;
      continue;
    }
    const m = [...measured].sort((a, b) => a.ms - b.ms)[Math.floor(measured.length / 2)];
    const summary = m.stderr.trim().split('\n').pop();
    const all = measured.map((r) => `${(r.ms / 1000).toFixed(2)}`).join(', ');
    process.stdout.write(`${label.padEnd(16)} ${files} files in ${(m.ms / 1000).toFixed(2)} s (median of ${all}) = ${Math.round(files / (m.ms / 1000))} files/s, peak RSS ${m.peakMb === null ? 'n/a' : `${Math.round(m.peakMb)} MB`}\n  ${summary}\n`);
  }

  const one = path.join(folder, 'one');
  generate(1, one, 7);
  const oneFile = path.relative(folder, path.join(one, '00', '00000-node', 'Dockerfile'));
  const version: number[] = [];
  const single: number[] = [];
  for (let i = 0; i < runs; i++) {
    version.push(measure(['--version'], folder).ms);
    single.push(measure([oneFile], folder).ms);
  }
  process.stdout.write(`dfmod --version  median ${median(version).toFixed(0)} ms over ${runs} runs (target < 120 ms)\n`);
  process.stdout.write(`one-file dry run median ${median(single).toFixed(0)} ms over ${runs} runs (target < 250 ms)\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
