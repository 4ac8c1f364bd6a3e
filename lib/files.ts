/**
 * Which files a run reads: named files as they are, folders searched for
 * Dockerfile-style names, and globs expanded with fast-glob. Walking a folder
 * or a glob honours .gitignore and .dfmodignore files (lib/ignore.ts); a file
 * named on the command line is never ignored.
 */
import type FastGlob from 'fast-glob';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { IgnoreRules } from './ignore.js';

/** Names BuildKit users give Dockerfiles. */
export const DOCKERFILE_PATTERNS = [
  '**/Dockerfile',
  '**/dockerfile',
  '**/Dockerfile.*',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/Containerfile.*',
];

/** `Dockerfile.dockerignore` is an ignore file, not a Dockerfile. */
const NOT_DOCKERFILES = ['**/*.dockerignore', '**/.dfmod-tmp-*'];

export const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface Discovery {
  files: string[];
  errors: { path: string; message: string }[];
}

export interface DiscoveryOptions {
  cwd?: string;
  /** Extra globs to leave out (configuration's `ignore`). */
  ignore?: string[];
  /** Honour .gitignore and .dfmodignore files when walking (default true). */
  ignoreFiles?: boolean;
  /** Told the running count of Dockerfiles found so far (before ignore files are applied), as the walk goes. */
  onFound?: (count: number) => void;
}

export async function discoverFiles(inputs: readonly string[], options: DiscoveryOptions = {}): Promise<Discovery> {
  const cwd = options.cwd ?? process.cwd();
  const ignore = [...ALWAYS_SKIPPED, ...NOT_DOCKERFILES, ...(options.ignore ?? [])];
  const files: string[] = [];
  const errors: Discovery['errors'] = [];
  let count = 0;
  let walker: Walker | null = null;
  for (const input of inputs.length ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = null;
    }
    if (stats?.isFile()) {
      files.push(display(cwd, absolute));
      options.onFound?.(++count);
      continue;
    }
    // Walking needs fast-glob and the ignore-file rules; a run over named files loads neither.
    walker ??= await loadWalker(options.ignoreFiles !== false);
    const { fg, rules, IGNORE_FILES } = walker;
    const isIgnoreFile = (file: string) => IGNORE_FILES.includes(path.basename(file));
    // The walk that finds Dockerfiles also finds the ignore files, so the rules need not look for them.
    const ignorePatterns = (base: string, deep: boolean) => (rules && deep ? IGNORE_FILES.map((name) => path.posix.join(base, '**', name)) : []);
    const kept = (found: string[], top: string) => {
      const dockerfiles = found.filter((f) => !isIgnoreFile(f));
      if (!rules) return dockerfiles;
      rules.noteWalk(top, found.filter(isIgnoreFile));
      return dockerfiles.filter((f) => !rules.ignores(f, top));
    };
    /** fast-glob, streamed so that onFound hears of files as they are found. */
    const glob = async (patterns: string[], globOptions: FastGlob.Options): Promise<string[]> => {
      if (!options.onFound) return fg(patterns, globOptions);
      const found: string[] = [];
      for await (const entry of fg.stream(patterns, globOptions)) {
        const file = String(entry);
        found.push(file);
        if (!isIgnoreFile(file)) options.onFound(++count);
      }
      return found;
    };
    const walkOptions = { ignore, dot: true, onlyFiles: true, followSymbolicLinks: false, absolute: true };
    if (stats?.isDirectory()) {
      const found = await glob([...DOCKERFILE_PATTERNS, ...ignorePatterns('.', true)], { ...walkOptions, cwd: absolute });
      files.push(...kept(found, absolute).map((f) => display(cwd, f)));
    } else if (fg.isDynamicPattern(input)) {
      const base = staticBase(fg, input);
      const found = await glob([input, ...ignorePatterns(base, input.includes('**'))], { ...walkOptions, cwd });
      const matches = kept(found, path.resolve(cwd, base));
      if (!found.some((f) => !isIgnoreFile(f))) errors.push({ path: input, message: 'no files match this pattern' });
      files.push(...matches.map((f) => display(cwd, f)));
    } else {
      errors.push({ path: input, message: stats ? 'not a regular file or folder' : 'no such file or directory' });
    }
  }
  return { files: [...new Set(files)].sort(), errors };
}

interface Walker {
  fg: typeof FastGlob;
  rules: IgnoreRules | null;
  IGNORE_FILES: readonly string[];
}

async function loadWalker(ignoreFiles: boolean): Promise<Walker> {
  const [{ default: fg }, { IgnoreRules, IGNORE_FILES }] = await Promise.all([import('fast-glob'), import('./ignore.js')]);
  return { fg, rules: ignoreFiles ? new IgnoreRules() : null, IGNORE_FILES };
}

/** The folder part of a glob before its first wildcard part (src for src/x/Dockerfile with x a pattern). */
function staticBase(fg: typeof FastGlob, glob: string): string {
  const parts = glob.split('/');
  const index = parts.findIndex((part) => fg.isDynamicPattern(part));
  return parts.slice(0, index === -1 ? parts.length - 1 : index).join('/') || '.';
}

/** Paths are shown relative to the working folder when they are inside it. */
function display(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}
