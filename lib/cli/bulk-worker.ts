/**
 * A worker thread of lib/bulk.ts: loads the shell parser once, then processes
 * one file per message. Transforms are rebuilt here from their ids: the
 * built-ins plus the plugin modules the job names (each loaded once).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadShellParser } from '../core/shell.js';
import { PluginCache } from '../registry.js';
import { READY, runJob, type WireJob, type WireResult, type WorkerData } from './bulk.js';
import type { FileResult } from './process.js';
import type { Transform } from '../core/types.js';

const { cwd } = workerData as WorkerData;
const shell = await loadShellParser();
const plugins = new PluginCache();
// The time limit of a file starts once the worker can run it, not while it loads.
parentPort!.postMessage(READY);

async function transformsFor(job: WireJob): Promise<Transform[]> {
  // The modules arrive resolved, and were checked on the main thread.
  const available = await plugins.available(job.pluginModules.map((module) => ({ given: module, module })));
  return job.transformIds.map((id) => {
    const found = available.find((t) => t.id === id);
    if (!found) throw new Error(`transform '${id}' is not available in the worker`);
    return found;
  });
}

/**
 * Results go back in batches: the jobs already queued here are run first,
 * then their results leave in one message. A message per file woke the main
 * thread 10,000 times in a bulk run, about 7% of its time on two cores. A
 * batch also leaves once it is 50 ms old, so a slow file's result is not held.
 */
let outbox: WireResult[] = [];
let outboxSince = 0;
const flush = () => {
  if (outbox.length === 0) return;
  parentPort!.postMessage(outbox);
  outbox = [];
};

parentPort!.on('message', async (job: WireJob) => {
  let result: FileResult;
  try {
    result = runJob(shell, job.file, await transformsFor(job), job, cwd);
  } catch (error) {
    result = { path: job.file, status: 'error', error: { line: null, message: (error as Error).message }, changes: [], notes: [] };
  }
  if (outbox.length === 0) {
    outboxSince = Date.now();
    setImmediate(flush);
  }
  outbox.push({ id: job.id, result });
  if (Date.now() - outboxSince > 50) flush();
});
