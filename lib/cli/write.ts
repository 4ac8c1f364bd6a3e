/**
 * In-place writes that never leave a half-written file: the new content goes
 * to a temporary file in the same folder, is flushed, takes the old file's
 * mode, owner and group, and is renamed over the old file (atomic on POSIX
 * file systems). A file that changed on disk since it was read is not
 * overwritten.
 *
 * Renaming would split a hard link (the other names keep the old text) and,
 * when the owner cannot be given back (not root), hand the file to whoever
 * runs dfmod. Such files are written through their own descriptor instead,
 * after every check, with the flushed temporary file kept until that write is
 * flushed too: a crash in between leaves the full new text next to the file.
 */
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, lstatSync, type Stats } from 'node:fs';
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
  const temp = path.join(path.dirname(file), `.dfmod-tmp-${path.basename(file)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const bytes = Buffer.from(content);
  let fd: number | null = null;
  let renamed = false;
  let writingInPlace = false;
  try {
    fd = openSync(temp, 'wx', link.mode & 0o7777);
    writeAll(fd, bytes);
    fsyncSync(fd);
    fchmodSync(fd, link.mode & 0o7777);
    const ownerKept = keepOwner(fd, link);
    closeSync(fd);
    fd = null;
    if (link.nlink > 1 || !ownerKept) {
      writingInPlace = true;
      writeInPlace(file, bytes);
      writingInPlace = false;
    } else {
      renameSync(temp, file);
      renamed = true;
    }
  } catch (error) {
    if (fd !== null) closeSync(fd);
    const kept = writingInPlace ? `; the new text is in ${path.basename(temp)}` : '';
    throw new WriteError(`could not be written: ${(error as Error).message}${kept}`);
  } finally {
    if (!renamed && !writingInPlace) {
      try {
        unlinkSync(temp);
      } catch {
        // Never created.
      }
    }
  }
}

/** Gives the temporary file the original's owner and group; false when that is not allowed (not root). */
function keepOwner(fd: number, original: Stats): boolean {
  const made = fstatSync(fd);
  if (made.uid === original.uid && made.gid === original.gid) return true;
  try {
    fchownSync(fd, original.uid, original.gid);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw error;
  }
}

/** The same inode, so every hard link and the owner stay as they were. */
function writeInPlace(file: string, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeAll(fd, bytes, 0);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Buffer, position?: number): void {
  for (let done = 0; done < bytes.length; ) {
    done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
  }
}
