/**
 * In-place writes that never leave a half-written file: the new content goes
 * to a temporary file in the same folder, is flushed, takes the old file's
 * mode, and is renamed over the old file (atomic on POSIX file systems). A
 * file that changed on disk since it was read is not overwritten.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, lstatSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

export function writeAtomically(file: string, content: string, original: Uint8Array): void {
  const link = lstatSync(file);
  if (link.isSymbolicLink()) throw new WriteError('is a symbolic link; not written through (run dfmod on its target)');
  const current = readFileSync(file);
  if (!Buffer.from(original).equals(current)) throw new WriteError('changed on disk since it was read; not written');
  const mode = statSync(file).mode & 0o7777;
  const temp = path.join(path.dirname(file), `.dfmod-tmp-${path.basename(file)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', mode);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
    throw new WriteError(`could not be written: ${(error as Error).message}`);
  }
}
