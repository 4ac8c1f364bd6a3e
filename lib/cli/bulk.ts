/**
 * Many files at once: a pool of worker threads, one per core, each holding
 * its own shell parser and running processFile. Results come back as a
 * stream, in the order of the input (a small reorder buffer), with a bounded
 * number of files in flight, so a run over 100,000 files holds a few dozen
 * texts at a time, never all of them.
 *
 * Workers cannot receive Transform objects (they hold functions), so each job
 * names its transforms by id, with the plugin modules they come from; a
 * worker loads those modules once and builds the list itself. Writing stays
 * in the calling thread.
 *
 * A worker that dies (out of memory on a giant file, a crash in native code)
 * or that takes longer than the per-file time limit turns into an error for
 * that one file; a fresh worker takes its place and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadShellParser, type ShellParser } from '../core/shell.js';
import { processFile, type FileResult } from './process.js';
import type { Level, Transform } from '../core/types.js';

export interface BulkJob {
  /** As given to processFile: relative to cwd, or absolute. */
  file: string;
  transforms: readonly Transform[];
  options?: Record<string, Record<string, unknown>>;
  /** The level written (default safe). */
  level?: Level;
  /** --no-ignore: rewrite generated, vendored and test files too. */
  everyFile?: boolean;
  /** Modules (absolute paths or package names) that provided custom transforms. */
  pluginModules?: readonly string[];
  /** Build context for this file; null: the file's folder. */
  contextDir?: string | null;
  /** Ids a `# dfmod-ignore` comment may name (its plan's); absent: none are checked. */
  known?: readonly string[];
  /** Warn of unused `# dfmod-ignore` comments (--report-unused-disable-directives). */
  reportUnused?: boolean;
  /** Set when the job failed before processing (its configuration): yielded as that error, in its place. */
  failure?: string;
}

export interface BulkOptions {
  cwd: string;
  /** Worker threads; default: one per core, and none (in-process) below `threadThreshold` files. */
  threads?: number;
  threadThreshold?: number;
  /** Jobs handed out but not yet yielded; bounds memory. Default: 16 per thread. */
  maxInFlight?: number;
  /** Keep the bytes read (needed to write safely); off saves copying for dry runs. */
  keepBytes?: boolean;
  /** A file taking longer than this in a worker becomes an error. Default 60 s. */
  timeoutMs?: number;
  /** Heap limit of each worker, in MB. Default 2048. */
  workerHeapMb?: number;
  /**
   * Workers started earlier (startWorkers), so that their start-up overlaps
   * finding the files. processInBulk uses them whenever threads are wanted
   * and closes them in any case.
   */
  pool?: WorkerPool | null;
}

/** What a worker is sent: the job without functions. */
export interface WireJob {
  id: number;
  file: string;
  transformIds: string[];
  options: Record<string, Record<string, unknown>>;
  level: Level;
  everyFile: boolean;
  pluginModules: string[];
  contextDir: string | null;
  known: string[] | null;
  reportUnused: boolean;
  keepBytes: boolean;
}

/** What a worker sends back, in batches. */
export interface WireResult {
  id: number;
  result: FileResult;
}

export interface WorkerData {
  cwd: string;
}

/** One file. Runs in a worker or in-process. */
export function runJob(shell: ShellParser, file: string, transforms: readonly Transform[], job: Omit<WireJob, 'id' | 'file' | 'transformIds' | 'pluginModules'>, cwd: string): FileResult {
  const result = processFile(shell, file, { transforms, options: job.options, level: job.level, everyFile: job.everyFile, contextDir: job.contextDir, known: job.known, reportUnused: job.reportUnused }, cwd);
  if (!job.keepBytes) delete result.bytes;
  return result;
}

/** Below this many files a run stays in one thread: starting workers would cost more than it saves. */
export const THREAD_THRESHOLD = 16;

export function defaultThreads(files: number, threshold = THREAD_THRESHOLD): number {
  const fromEnv = Number(process.env.DFMOD_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  return files < threshold ? 0 : Math.max(1, Math.min(availableParallelism(), Math.ceil(files / threshold)));
}

/** Starts the workers a run of many files will want (none when DFMOD_THREADS=0). */
export function startWorkers(options: BulkOptions): WorkerPool | null {
  const threads = options.threads ?? defaultThreads(Infinity, options.threadThreshold);
  return threads > 0 ? new WorkerPool(threads, options) : null;
}

/** Yields one FileResult per job, in job order. */
export async function* processInBulk(jobs: readonly BulkJob[], options: BulkOptions): AsyncGenerator<FileResult> {
  const threads = options.threads ?? defaultThreads(jobs.length, options.threadThreshold);
  if (threads <= 0 || jobs.length === 0) {
    await options.pool?.close();
    const shell = await loadShellParser();
    for (const job of jobs) {
      if (job.failure !== undefined) {
        yield failure(job.file, job.failure);
        continue;
      }
      // No turn of the event loop between files: right after the shell parser
      // loads, the first one waits for WebAssembly compilation (~0.4 s).
      yield runJob(shell, job.file, job.transforms, wire(job, 0, options), options.cwd);
    }
    return;
  }
  const pool = options.pool ?? new WorkerPool(Math.min(threads, jobs.length), options);
  const maxInFlight = Math.max(threads, options.maxInFlight ?? threads * 16);
  const done = new Map<number, FileResult>();
  let next = 0; // next job to hand out
  let emit = 0; // next job to yield
  let wake: (() => void) | null = null;
  const dispatch = () => {
    while (next < jobs.length && next - emit < maxInFlight) {
      const id = next++;
      const job = jobs[id];
      const running = job.failure !== undefined ? Promise.resolve(failure(job.file, job.failure)) : pool.run(wire(job, id, options));
      running.then((result) => {
        done.set(id, result);
        wake?.();
      });
    }
  };
  try {
    dispatch();
    while (emit < jobs.length) {
      const result = done.get(emit);
      if (!result) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      done.delete(emit);
      emit++;
      dispatch();
      yield result;
    }
  } finally {
    await pool.close();
  }
}

function wire(job: BulkJob, id: number, options: BulkOptions): WireJob {
  return {
    id,
    file: job.file,
    transformIds: job.transforms.map((t) => t.id),
    options: job.options ?? {},
    level: job.level ?? 'safe',
    everyFile: job.everyFile ?? false,
    pluginModules: [...(job.pluginModules ?? [])],
    contextDir: job.contextDir ?? null,
    known: job.known ? [...job.known] : null,
    reportUnused: job.reportUnused ?? false,
    keepBytes: options.keepBytes ?? false,
  };
}

/**
 * The worker script next to this module: compiled .js, or, when running from
 * source under tsx (tests), the .ts file started through tsx's loader, which
 * a worker does not inherit from its parent.
 */
function workerEntry(): { script: string | URL; eval: boolean } {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './bulk-worker.ts' : './bulk-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error(`worker script missing: ${fileURLToPath(url)}`);
  if (!fromSource) return { script: url, eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  return { script: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`, eval: true };
}

interface Pending {
  job: WireJob;
  resolve: (r: FileResult) => void;
  /** Sent to a worker with no other job: it was in flight when a worker died or hung, and may be why. */
  alone?: boolean;
}

/** What a worker sends once it has loaded (the shell parser, its modules). */
export const READY = 'ready';

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker, oldest (the one it is working on) first. */
  pending: Pending[];
  /** The time limit of the oldest pending job. */
  timer: NodeJS.Timeout | null;
  /** The worker has loaded and said so: time limits run only from then on. */
  ready: boolean;
}

/**
 * Jobs sent to a worker before it asks: a file takes about a millisecond,
 * as long as a message's round trip through the main thread, so a worker fed
 * one job at a time would wait for work half the time; and the results of the
 * jobs it holds go back in one message.
 */
const JOBS_PER_WORKER = 8;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly entry = workerEntry();
  private closed = false;

  constructor(size: number, private readonly options: BulkOptions) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(job: WireJob): Promise<FileResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) if (slot.timer) clearTimeout(slot.timer);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry.script, {
      eval: this.entry.eval,
      workerData: { cwd: this.options.cwd } satisfies WorkerData,
      // A larger young generation: a file's run makes many short-lived objects, so fewer scavenges.
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb ?? 2048, maxYoungGenerationSizeMb: 48 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, pending: [], timer: null, ready: false };
    worker.on('message', (batch: WireResult[] | typeof READY) => {
      if (batch === READY) {
        slot.ready = true;
        this.armTimer(slot);
        return;
      }
      for (const { id, result } of batch) {
        const head = slot.pending[0];
        if (!head || head.job.id !== id) break;
        slot.pending.shift();
        head.resolve(result);
      }
      this.armTimer(slot);
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      this.replace(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too large to process (out of memory); left untouched' : `internal error, file left untouched: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) this.replace(slot, `internal error, file left untouched: worker exited (${code})`);
    });
    return slot;
  }

  /**
   * The worker of `slot` died or hung, and a fresh worker takes its place.
   * With one file in flight, that file fails with `why`. With several, any of
   * them may be the cause (results travel in batches, so the first may have
   * finished): they go back to the front of the queue to be run one at a
   * time, where the cause shows itself.
   */
  private replace(slot: Slot, why: string): void {
    const index = this.slots.indexOf(slot);
    if (this.closed || index === -1) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const inFlight = slot.pending;
    slot.pending = [];
    void slot.worker.terminate();
    this.slots.splice(index, 0, this.spawn());
    if (inFlight.length === 1) inFlight[0].resolve(failure(inFlight[0].job.file, why));
    else this.queue.unshift(...inFlight.map((pending) => ({ ...pending, alone: true })));
    this.pump();
  }

  private armTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const head = slot.pending[0];
    if (!head || !slot.ready) return;
    const timeout = this.options.timeoutMs ?? 60_000;
    slot.timer = setTimeout(() => {
      if (slot.pending[0] === head) this.replace(slot, `took longer than ${Math.round(timeout / 1000)} s; left untouched`);
    }, timeout);
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.pending.length < JOBS_PER_WORKER && this.queue.length > 0 && !slot.pending[0]?.alone) {
        if (this.queue[0].alone && slot.pending.length > 0) break;
        const next = this.queue.shift()!;
        slot.pending.push(next);
        if (slot.pending.length === 1) this.armTimer(slot);
        slot.worker.postMessage(next.job);
      }
    }
  }
}

function failure(file: string, message: string): FileResult {
  return { path: file, status: 'error', error: { line: null, message }, changes: [], notes: [] };
}
