#!/usr/bin/env node
// Checks lib/knowledge's package and release facts against the public archives:
// downloads each Debian and Ubuntu release's Release file and Packages.gz
// indexes (amd64; Debian main, Ubuntu main and universe), prints a table and
// exits 1 when the archives and the table disagree. Run by hand, not in CI:
// `node scripts/verify-knowledge.mjs` (needs network, fetches some 100 MB).
import { gunzipSync } from 'node:zlib';
import { register } from 'tsx/esm/api';

register();
const { RELEASES, INIT_PACKAGES, BASH_5_2_RELEASES } = await import('../lib/knowledge/index.ts');

const MIRRORS = {
  debian: { base: 'https://deb.debian.org/debian/dists', components: ['main'] },
  ubuntu: { base: 'http://archive.ubuntu.com/ubuntu/dists', components: ['main', 'universe'] },
};
const INITS = ['tini', 'dumb-init'];
// Also read: bash, whose version says whether it execs the last command of a `-c` list (BASH_5_2_RELEASES).
const READ = [...INITS, 'bash'];

async function packagesOf(base, codename, component) {
  const res = await fetch(`${base}/${codename}/${component}/binary-amd64/Packages.gz`);
  if (!res.ok) throw new Error(`${codename}/${component}: HTTP ${res.status}`);
  const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
  const found = {};
  for (const stanza of text.split('\n\n')) {
    const name = /^Package: (\S+)$/m.exec(stanza)?.[1];
    if (READ.includes(name)) found[name] = /^Version: (\S+)$/m.exec(stanza)?.[1];
  }
  return found;
}

const rows = [];
let mismatches = 0;
await Promise.all(RELEASES.filter((r) => MIRRORS[r.distro]).map(async (release) => {
  const { base, components } = MIRRORS[release.distro];
  const res = await fetch(`${base}/${release.codename}/Release`, { method: 'HEAD' });
  const mirrored = res.ok;
  const expectMirrored = release.status !== 'archived';
  const row = { release: `${release.distro} ${release.version} ${release.codename}`, status: release.status, mirrored, ok: mirrored === expectMirrored };
  const table = INIT_PACKAGES.find((p) => p.distro === release.distro && p.version === release.version);
  if (mirrored) {
    const found = Object.assign({}, ...(await Promise.all(components.map((c) => packagesOf(base, release.codename, c)))));
    for (const init of INITS) {
      row[init] = found[init] ?? '-';
      const expected = table ? table[init] : undefined;
      if (table && (expected ?? '-') !== row[init]) {
        row.ok = false;
        row[init] += ` (table: ${expected ?? '-'})`;
      }
    }
    if (!table) row.note = 'no INIT_PACKAGES row';
    const [major, minor] = (found.bash ?? '0.0').split(/[.-]/).map(Number);
    const isNew = major > 5 || (major === 5 && minor >= 2);
    const listed = (BASH_5_2_RELEASES[release.distro] ?? []).includes(release.version);
    row.bash = found.bash ?? '-';
    if (found.bash && isNew !== listed) {
      row.ok = false;
      row.bash += ` (BASH_5_2_RELEASES: ${listed ? 'listed' : 'not listed'})`;
    }
  } else {
    for (const init of INITS) row[init] = table ? `${table[init] ?? '-'} (not checked)` : 'n/a';
  }
  if (!row.ok) mismatches++;
  rows.push(row);
}));
rows.sort((a, b) => a.release.localeCompare(b.release, 'en', { numeric: true }));
console.table(rows);
console.log(mismatches ? `${mismatches} release(s) disagree with lib/knowledge` : 'lib/knowledge agrees with the archives');
process.exitCode = mismatches ? 1 : 0;
