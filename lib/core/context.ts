/**
 * Read-only access to a build context folder, so transforms can copy exactly
 * the manifests that exist and read package.json scripts. Paths are relative
 * to the context root, POSIX style; nothing outside the root is read.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
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
  /**
   * The lines of the ignore file the build reads (comments and blanks
   * removed), or null without one: `<Dockerfile>.dockerignore` beside the
   * Dockerfile when there is one (BuildKit reads it instead of the context's),
   * else the context root's `.dockerignore`.
   */
  dockerignore(): string[] | null;
  /** The path (absolute) of the ignore file dockerignore() reads, or null without one. */
  dockerignorePath?(): string | null;
  /**
   * Whether .dockerignore keeps `relativePath` out of the context, by
   * Docker's rules: the last matching pattern wins, `!` makes an exception,
   * a pattern excludes what is below what it matches, `**` spans folders, and
   * leading `/` or `./` and trailing `/` do not change what a pattern names.
   * False without a .dockerignore.
   */
  isIgnored(relativePath: string): boolean;
  /**
   * Whether the build sends any file below the folder `relativePath`: false
   * when .dockerignore excludes the folder, or every file in it (`dir/*`
   * still sends the empty folder, which COPY merges without removing
   * anything), and when there is no such folder.
   */
  sendsFilesUnder?(relativePath: string): boolean;
  /**
   * The first line of a file (at most a few hundred bytes, without its line
   * break), to tell a script's `#!` line; null when absent or unreadable.
   */
  firstLine?(relativePath: string): string | null;
  /** Whether a file has an execute bit set; null when unknown (absent, or the context does not say). */
  isExecutable?(relativePath: string): boolean | null;
  /**
   * The folder above the root, as a context of its own (null at the top):
   * where a Dockerfile kept in a subfolder is built from, with the
   * repository as its context (`docker build -f docker/Dockerfile .`).
   */
  parent?(): BuildContext | null;
}

/** Bytes firstLine reads: enough for any `#!` line the kernel accepts. */
const FIRST_LINE_BYTES = 256;
/** Entries sendsFilesUnder looks at before it answers "yes" without looking further. */
const WALK_LIMIT = 5000;

/** Whether any file below `dir` (context-relative) is not ignored, listing through `list`; gives up (true) past WALK_LIMIT entries. */
function anyFileSent(context: BuildContext, dir: string): boolean {
  // An excluded folder is not walked into unless an exception (`!pattern`) may bring part of it back, as Docker does.
  if (context.isIgnored(dir) && !(context.dockerignore() ?? []).some((p) => p.startsWith('!'))) return false;
  let seen = 0;
  const pending = [dir.replace(/\/+$/, '')];
  while (pending.length) {
    const folder = pending.pop()!;
    for (const name of context.list(folder)) {
      if (++seen > WALK_LIMIT) return true;
      const entry = `${folder}/${name}`;
      const children = context.list(entry);
      if (children.length) pending.push(entry);
      else if (!context.isIgnored(entry)) return true;
    }
  }
  return false;
}

/**
 * A folder on disk as a build context. What it reads is kept for the life of
 * the context (one file's run): every transform in every pass asks for the
 * same few entries, and all of them then see one snapshot of the folder.
 */
export function folderContext(root: string, dockerfile: string | null = null): BuildContext {
  const absoluteRoot = path.resolve(root);
  // The Dockerfile's own ignore file, whichever folder the build sends: it stays the one read in the contexts above too.
  const ownIgnoreFile = dockerfile === null ? null : `${path.resolve(dockerfile)}.dockerignore`;
  const resolve = (relativePath: string): string | null => {
    const full = path.resolve(absoluteRoot, relativePath.replace(/^\/+/, ''));
    return full === absoluteRoot || full.startsWith(absoluteRoot + path.sep) ? full : null;
  };
  const existing = new Map<string, boolean>();
  const contents = new Map<string, string | null>();
  const listings = new Map<string, string[]>();
  let ignoreLines: string[] | null | undefined;
  let ignoreFile: string | null | undefined;
  let matcher: IgnoreMatcher | undefined;
  let above: BuildContext | null | undefined;
  return {
    root: absoluteRoot,
    parent() {
      if (above === undefined) above = path.dirname(absoluteRoot) === absoluteRoot ? null : folderContext(path.dirname(absoluteRoot), dockerfile);
      return above;
    },
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
      if (ignoreLines === undefined) {
        ignoreFile = null;
        ignoreLines = null;
        for (const file of [ownIgnoreFile, path.join(absoluteRoot, '.dockerignore')]) {
          if (file === null) continue;
          let text: string;
          try {
            if (!statSync(file).isFile()) continue;
            text = readFileSync(file, 'utf8');
          } catch {
            continue;
          }
          ignoreFile = file;
          ignoreLines = ignoreFileLines(text);
          break;
        }
      }
      return ignoreLines && ignoreLines.slice();
    },
    dockerignorePath() {
      this.dockerignore();
      return ignoreFile ?? null;
    },
    isIgnored(relativePath) {
      matcher ??= ignoreMatcher(this.dockerignore());
      return matcher(relativePath);
    },
    sendsFilesUnder(relativePath) {
      return this.exists(relativePath) && anyFileSent(this, relativePath);
    },
    firstLine(relativePath) {
      const full = resolve(relativePath);
      if (!full) return null;
      try {
        if (!statSync(full).isFile()) return null;
        const fd = openSync(full, 'r');
        try {
          const buffer = Buffer.alloc(FIRST_LINE_BYTES);
          const length = readSync(fd, buffer, 0, FIRST_LINE_BYTES, 0);
          return buffer.subarray(0, length).toString('latin1').split('\n')[0];
        } finally {
          closeSync(fd);
        }
      } catch {
        return null;
      }
    },
    isExecutable(relativePath) {
      const full = resolve(relativePath);
      if (!full) return null;
      try {
        const stat = statSync(full);
        return stat.isFile() ? (stat.mode & 0o111) !== 0 : null;
      } catch {
        return null;
      }
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

/**
 * A context made of in-memory files, for tests and the library API. `modes`
 * gives file modes (`{ 'run.sh': 0o755 }`); a file without one is 0o644.
 * `parent` is the context of the folder above, when there is one to read.
 */
export function memoryContext(files: Record<string, string>, root = '/context', modes: Record<string, number> = {}, parent: BuildContext | null = null): BuildContext {
  const normal = (p: string) => path.posix.normalize(p.replace(/^\.?\/+/, '')).replace(/\/$/, '');
  const table = new Map(Object.entries(files).map(([k, v]) => [normal(k), v]));
  return {
    root,
    parent: () => parent,
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
    dockerignorePath() {
      return table.has('.dockerignore') ? path.posix.join(root, '.dockerignore') : null;
    },
    isIgnored(relativePath) {
      return ignoreMatcher(this.dockerignore())(relativePath);
    },
    sendsFilesUnder(relativePath) {
      return this.exists(relativePath) && anyFileSent(this, normal(relativePath));
    },
    firstLine(relativePath) {
      const text = this.read(relativePath);
      return text === null ? null : text.slice(0, FIRST_LINE_BYTES).split('\n')[0];
    },
    isExecutable(relativePath) {
      const key = normal(relativePath);
      if (!table.has(key)) return null;
      const mode = Object.entries(modes).find(([k]) => normal(k) === key)?.[1] ?? 0o644;
      return (mode & 0o111) !== 0;
    },
  };
}
