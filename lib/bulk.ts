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
import { loadShellParser, type ShellParser } from './shell.js';
import { processFile, type FileResult } from './process.js';
import { layerCount } from './report.js';
import type { Transform } from './types.js';

export interface BulkJob {
  /** As given to processFile: relative to cwd, or absolute. */
  file: string;
  transforms: readonly Transform[];
  options?: Record<string, Record<string, unknown>>;
  /** Modules (absolute paths or package names) that provided custom transforms. */
  pluginModules?: readonly string[];
  /** Build context for this file; null: the file's folder. */
  contextDir?: string | null;
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
}

/** What a worker is sent: the job without functions. */
export interface WireJob {
  id: number;
  file: string;
  transformIds: string[];
  options: Record<string, Record<string, unknown>>;
  pluginModules: string[];
  contextDir: string | null;
  keepBytes: boolean;
}

export interface WorkerData {
  cwd: string;
}

/** One file, with the layer counts the summary and reports use. Runs in a worker or in-process. */
export function runJob(shell: ShellParser, file: string, transforms: readonly Transform[], job: Omit<WireJob, 'id' | 'file' | 'transformIds' | 'pluginModules'>, cwd: string): FileResult {
  const result = processFile(shell, file, { transforms, options: job.options, contextDir: job.contextDir }, cwd);
  if (result.status === 'changed') {
    const before = layerCount(result.input!);
    const after = layerCount(result.output!);
    if (before !== null && after !== null) result.layers = { before, after };
  }
  if (!job.keepBytes) delete result.bytes;
  return result;
}

export function defaultThreads(files: number, threshold = 16): number {
  const fromEnv = Number(process.env.DFMOD_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  return files < threshold ? 0 : Math.max(1, Math.min(availableParallelism(), Math.ceil(files / threshold)));
}

/** Yields one FileResult per job, in job order. */
export async function* processInBulk(jobs: readonly BulkJob[], options: BulkOptions): AsyncGenerator<FileResult> {
  const threads = options.threads ?? defaultThreads(jobs.length, options.threadThreshold);
  if (threads <= 0 || jobs.length === 0) {
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
  const pool = new Pool(Math.min(threads, jobs.length), options);
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
    pluginModules: [...(job.pluginModules ?? [])],
    contextDir: job.contextDir ?? null,
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

interface Slot {
  worker: Worker;
  busy: { job: WireJob; resolve: (r: FileResult) => void; timer: NodeJS.Timeout } | null;
}

class Pool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: WireJob; resolve: (r: FileResult) => void }[] = [];
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
    for (const slot of this.slots) if (slot.busy) clearTimeout(slot.busy.timer);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry.script, {
      eval: this.entry.eval,
      workerData: { cwd: this.options.cwd } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb ?? 2048 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (message: { id: number; result: FileResult }) => {
      const busy = slot.busy;
      if (!busy || busy.job.id !== message.id) return;
      clearTimeout(busy.timer);
      slot.busy = null;
      busy.resolve(message.result);
      this.pump();
    });
    const lost = (why: string) => {
      if (this.closed) return;
      const busy = slot.busy;
      slot.busy = null;
      if (busy) {
        clearTimeout(busy.timer);
        busy.resolve(failure(busy.job.file, why));
      }
      void worker.terminate();
      const index = this.slots.indexOf(slot);
      if (index !== -1) this.slots[index] = this.spawn();
      this.pump();
    };
    worker.on('error', (error: Error & { code?: string }) => {
      lost(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too large to process (out of memory); left untouched' : `internal error, file left untouched: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (!this.closed && slot.worker === worker && this.slots.includes(slot)) lost(`internal error, file left untouched: worker exited (${code})`);
    });
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const { job, resolve } = this.queue.shift()!;
      const timeout = this.options.timeoutMs ?? 60_000;
      const timer = setTimeout(() => {
        const busy = slot.busy;
        if (!busy || busy.job.id !== job.id) return;
        slot.busy = null;
        busy.resolve(failure(job.file, `took longer than ${Math.round(timeout / 1000)} s; left untouched`));
        void slot.worker.terminate();
        const index = this.slots.indexOf(slot);
        if (index !== -1) this.slots[index] = this.spawn();
        this.pump();
      }, timeout);
      slot.busy = { job, resolve, timer };
      slot.worker.postMessage(job);
    }
  }
}

function failure(file: string, message: string): FileResult {
  return { path: file, status: 'error', error: { line: null, message }, changes: [], notes: [] };
}
