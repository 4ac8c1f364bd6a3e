import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/** Whether a POSIX-style relative path matches a glob (`legacy/**`, `*.prod.Dockerfile`). */
export function minimatch(relativePath: string, glob: string): boolean {
  let matcher = cache.get(glob);
  if (!matcher) {
    matcher = picomatch(glob, { dot: true, matchBase: !glob.includes('/') });
    cache.set(glob, matcher);
  }
  return matcher(relativePath);
}
