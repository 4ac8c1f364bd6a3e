import { existsSync, readFileSync } from 'node:fs';

/**
 * dfmod's own package.json, found from the running module whether it runs
 * compiled (dist/lib/cli/), bundled (bundle/) or from source (lib/cli/).
 */
export function readOwnPackage(from: string | URL): { name: string; version: string } {
  for (const relative of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, from), 'utf8')) as { name: string; version: string };
      if (pkg.name === 'dfmod') return pkg;
    } catch {
      // Try the next level up.
    }
  }
  return { name: 'dfmod', version: 'unknown' };
}

/** A file of dfmod's package (`schema/…`), found from a module of it: from source, built or bundled. */
export function ownFile(relative: string, from: string | URL): URL {
  for (const up of ['../', '../../', '../../../']) {
    const candidate = new URL(up + relative, from);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`dfmod's ${relative} is missing from its package`);
}
