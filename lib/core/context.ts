/**
 * Read-only access to a build context folder, so transforms can copy exactly
 * the manifests that exist and read package.json scripts. Paths are relative
 * to the context root, POSIX style; nothing outside the root is read.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';

// A CommonJS module: its types describe `module.exports.default`, which it sets to itself.
const ignore = dockerignore.default;

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
  /**
   * Whether .dockerignore keeps `relativePath` out of the context, by
   * Docker's rules: the last matching pattern wins, `!` makes an exception,
   * a pattern excludes what is below what it matches, `**` spans folders, and
   * leading `/` or `./` and trailing `/` do not change what a pattern names.
   * False without a .dockerignore.
   */
  isIgnored(relativePath: string): boolean;
}

/**
 * A folder on disk as a build context. What it reads is kept for the life of
 * the context (one file's run): every transform in every pass asks for the
 * same few entries, and all of them then see one snapshot of the folder.
 */
export function folderContext(root: string): BuildContext {
  const absoluteRoot = path.resolve(root);
  const resolve = (relativePath: string): string | null => {
    const full = path.resolve(absoluteRoot, relativePath.replace(/^\/+/, ''));
    return full === absoluteRoot || full.startsWith(absoluteRoot + path.sep) ? full : null;
  };
  const existing = new Map<string, boolean>();
  const contents = new Map<string, string | null>();
  const listings = new Map<string, string[]>();
  let ignoreLines: string[] | null | undefined;
  let matcher: IgnoreMatcher | undefined;
  return {
    root: absoluteRoot,
    exists(relativePath) {
      const full = resolve(relativePath);
      if (full === null) return false;
      let found = existing.get(full);
      if (found === undefined) {
        found = existsSync(full);
        existing.set(full, found);
      }
      return found;
    },
    read(relativePath) {
      const full = resolve(relativePath);
      if (!full) return null;
      let text = contents.get(full);
      if (text === undefined) {
        try {
          text = statSync(full).isFile() ? readFileSync(full, 'utf8') : null;
        } catch {
          text = null;
        }
        contents.set(full, text);
      }
      return text;
    },
    list(relativePath) {
      const full = resolve(relativePath);
      if (!full) return [];
      let names = listings.get(full);
      if (names === undefined) {
        try {
          names = readdirSync(full);
        } catch {
          names = [];
        }
        listings.set(full, names);
      }
      return names.slice();
    },
    dockerignore() {
      if (ignoreLines === undefined) ignoreLines = ignoreFileLines(this.read('.dockerignore'));
      return ignoreLines && ignoreLines.slice();
    },
    isIgnored(relativePath) {
      matcher ??= ignoreMatcher(this.dockerignore());
      return matcher(relativePath);
    },
  };
}

type IgnoreMatcher = (relativePath: string) => boolean;

/** Docker's matching (case-sensitive, as on Linux), by the package that ports Moby's code. */
function ignoreMatcher(patterns: string[] | null): IgnoreMatcher {
  if (patterns === null) return () => false;
  const rules = ignore({ ignorecase: false }).add(patterns);
  return (relativePath) => {
    const normal = path.posix.normalize(relativePath.replace(/^\/+/, '')).replace(/\/+$/, '');
    return normal !== '.' && !normal.startsWith('../') && rules.ignores(normal);
  };
}

function ignoreFileLines(text: string | null): string[] | null {
  if (text === null) return null;
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
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
      return ignoreFileLines(this.read('.dockerignore'));
    },
    isIgnored(relativePath) {
      return ignoreMatcher(this.dockerignore())(relativePath);
    },
  };
}
