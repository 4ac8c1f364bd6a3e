#!/usr/bin/env node
// Runs the uvu suite (TypeScript through tsx) and ends with one plain line,
// `tests: N passed, N failed`, that CI systems and people can read at a glance.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const pattern = process.argv[2] ?? '\\.test\\.ts$';
const uvu = fileURLToPath(new URL('../node_modules/uvu/bin.js', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', uvu, 'tests', pattern], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
  const failed = total - passed;
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = code !== 0 || failed > 0 || total === 0 ? 1 : 0;
});
