/**
 * Where a Dockerfile stands in its repository. Folder names say what a file
 * is for (`test/`, `.devcontainer/`, `vendor/`), but only the repository's own
 * folders: a checkout in `/tmp/test-run/app` or `/home/ci/tests/app` is no
 * test image for the folder someone cloned it into.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Without a repository root, how many folders above the file count when the
 * file is outside the current directory: its own folder and the one above
 * (`services/web/`), the part of a path that names what the file is for.
 */
const FOLDERS_WITHOUT_ROOT = 2;

const roots = new Map<string, string | null>();

/** The nearest folder at or above `dir` (absolute) holding a `.git` (a folder, or a worktree's or submodule's file), or null. */
export function repositoryRoot(dir: string): string | null {
  let found = roots.get(dir);
  if (found === undefined) {
    let exists: boolean;
    try {
      exists = existsSync(path.join(dir, '.git'));
    } catch {
      exists = false;
    }
    found = exists ? dir : path.dirname(dir) === dir ? null : repositoryRoot(path.dirname(dir));
    roots.set(dir, found);
  }
  return found;
}

export interface RepositoryPath {
  /** The repository root (absolute), or null when no folder above the file has a `.git`. */
  root: string | null;
  /**
   * The file's path from the repository root, POSIX style (`services/web/Dockerfile`).
   * Without a root: from the current directory when the file is below it (the
   * path as typed, or as a walk of a folder below it found it); otherwise the
   * file's name with the FOLDERS_WITHOUT_ROOT folders nearest it.
   */
  relative: string;
  /** The folders of `relative`, outermost first (the file's name left out). */
  folders: string[];
}

const byFile = new Map<string, RepositoryPath>();

/** `filename` (as dfmod was given it: relative to the current directory, or absolute) within its repository. */
export function repositoryPath(filename: string): RepositoryPath {
  // A Windows path given on another system still names its folders.
  const absolute = path.resolve(path.sep === '/' ? filename.replace(/\\/g, '/') : filename);
  const key = `${process.cwd()}\u0000${absolute}`;
  let found = byFile.get(key);
  if (!found) {
    const root = repositoryRoot(path.dirname(absolute));
    let parts: string[];
    if (root !== null) {
      parts = path.relative(root, absolute).split(path.sep);
    } else {
      const fromCwd = path.relative(process.cwd(), absolute);
      parts = fromCwd && !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd)
        ? fromCwd.split(path.sep)
        : absolute.split(path.sep).filter(Boolean).slice(-(FOLDERS_WITHOUT_ROOT + 1));
    }
    parts = parts.filter(Boolean);
    found = { root, relative: parts.join('/'), folders: parts.slice(0, -1) };
    byFile.set(key, found);
  }
  return found;
}
