/**
 * Read-only access to a build context folder, so transforms can copy exactly
 * the manifests that exist and read package.json scripts. Paths are relative
 * to the context root, POSIX style; nothing outside the root is read.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BuildContext {
  /** Absolute path of the context root. */
  readonly root: string;
  exists(relativePath: string): boolean;
  /** File contents as UTF-8, or null when absent or unreadable. */
  read(relativePath: string): string | null;
  /** Names of the entries of a folder (empty when absent). */
  list(relativePath: string): string[];
  /** The lines of .dockerignore (comments and blanks removed), or null without one. */
  dockerignore(): string[] | null;
}

export function folderContext(root: string): BuildContext {
  const absoluteRoot = path.resolve(root);
  const resolve = (relativePath: string): string | null => {
    const full = path.resolve(absoluteRoot, relativePath.replace(/^\/+/, ''));
    return full === absoluteRoot || full.startsWith(absoluteRoot + path.sep) ? full : null;
  };
  return {
    root: absoluteRoot,
    exists(relativePath) {
      const full = resolve(relativePath);
      return full !== null && existsSync(full);
    },
    read(relativePath) {
      const full = resolve(relativePath);
      if (!full) return null;
      try {
        return statSync(full).isFile() ? readFileSync(full, 'utf8') : null;
      } catch {
        return null;
      }
    },
    list(relativePath) {
      const full = resolve(relativePath);
      if (!full) return [];
      try {
        return readdirSync(full);
      } catch {
        return [];
      }
    },
    dockerignore() {
      const text = this.read('.dockerignore');
      if (text === null) return null;
      return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    },
  };
}

/** A context made of in-memory files, for tests and the library API. */
export function memoryContext(files: Record<string, string>, root = '/context'): BuildContext {
  const normal = (p: string) => path.posix.normalize(p.replace(/^\.?\/+/, '')).replace(/\/$/, '');
  const table = new Map(Object.entries(files).map(([k, v]) => [normal(k), v]));
  return {
    root,
    exists(relativePath) {
      const key = normal(relativePath);
      if (key === '.' || table.has(key)) return true;
      return [...table.keys()].some((k) => k.startsWith(key + '/'));
    },
    read(relativePath) {
      return table.get(normal(relativePath)) ?? null;
    },
    list(relativePath) {
      const key = normal(relativePath);
      const prefix = key === '.' ? '' : key + '/';
      const names = new Set<string>();
      for (const k of table.keys()) {
        if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
      }
      return [...names];
    },
    dockerignore() {
      const text = this.read('.dockerignore');
      if (text === null) return null;
      return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    },
  };
}
