import { readFileSync } from 'node:fs';

/**
 * dfmod's own package.json, found from the running module whether it runs
 * compiled (dist/lib/cli/), bundled (dist/cli/) or from source (lib/cli/).
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
