/**
 * Runs the CLI in-process with captured streams, and makes throwaway project
 * folders: shared by the CLI, configuration, report and verify tests.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../lib/cli/main.js';

export interface Ran { code: number; stdout: string; stderr: string }

/** A write stream that keeps what is written. */
export function sink(isTTY = false) {
  const chunks: string[] = [];
  return { stream: { write: (s: string) => { chunks.push(s); return true; }, isTTY, columns: 100 } as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

export async function runCli(args: string[], cwd: string, options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  const out = sink();
  const err = sink();
  const code = await main(args, {
    stdout: out.stream,
    stderr: err.stream,
    stdin: Readable.from([Buffer.from(options.stdin ?? '')]) as unknown as NodeJS.ReadStream,
    cwd,
    env: options.env ?? {},
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A temporary folder holding `files` (paths relative to it). */
export function tempProject(files: Record<string, string | Buffer>, prefix = 'dfmod-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
