/**
 * Start-up time of the built CLI on a one-file dry run: the median of several
 * runs, each a fresh process (what a user or a CI step pays per invocation).
 *
 *   npm run build && node scripts/startup.mjs [runs] [dfmod args...]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [runsArg, ...rest] = process.argv.slice(2);
const runs = Number(runsArg ?? 15);
const args = rest.length ? rest : ['examples/node-api/Dockerfile'];
const times = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const ran = spawnSync(process.execPath, ['bundle/dfmod.js', ...args], { cwd: root, stdio: 'ignore' });
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (ran.status === 2 || ran.error) throw new Error(`dfmod ${args.join(' ')} failed (${ran.error?.message ?? `exit ${ran.status}`})`);
}
times.sort((a, b) => a - b);
console.log(`median ${times[Math.floor(runs / 2)].toFixed(1)} ms over ${runs} runs (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)})`);
