/**
 * Which releases carry the small inits (tini, dumb-init), under which package
 * name and where the binary lands. One row per release in INIT_PACKAGES.
 *
 * How the Debian and Ubuntu rows were checked: the `Packages.gz` index of each
 * release for amd64 (Debian: deb.debian.org/debian/dists/<codename>/main;
 * Ubuntu: archive.ubuntu.com/ubuntu/dists/<codename>/{main,universe}, the
 * release pocket), searched for `Package: tini` and `Package: dumb-init`.
 * `node scripts/verify-knowledge.mjs` repeats that check against this table.
 * Archived releases (stretch, buster, trusty) are off those mirrors: their
 * rows come from Debian's package tracker history (tini entered Debian with
 * 0.18.0-1 in buster; dumb-init was already in stretch) and are not checked.
 * Paths: the packages' file lists (Debian's tini and dumb-init install
 * /usr/bin/tini and /usr/bin/dumb-init; Alpine's community packages
 * /sbin/tini and /usr/bin/dumb-init). Alpine rows: Alpine's community
 * repository carries both on every branch in RELEASES (not checked from
 * here: Alpine's mirrors do not answer this machine).
 */
import { installsWork, releaseName, RELEASES, type Release } from './releases.js';

export type InitName = 'tini' | 'dumb-init';

/** The version each release carries (as its index says), or null when it has no such package. */
interface InitRow {
  distro: Release['distro'];
  version: string;
  tini: string | null;
  'dumb-init': string | null;
}

/** Where each init's binary lands, per distro's packaging. */
export const INIT_PATHS: Record<InitName, Partial<Record<Release['distro'], string>>> = {
  tini: { debian: '/usr/bin/tini', ubuntu: '/usr/bin/tini', alpine: '/sbin/tini' },
  'dumb-init': { debian: '/usr/bin/dumb-init', ubuntu: '/usr/bin/dumb-init', alpine: '/usr/bin/dumb-init' },
};

/** Debian also ships a statically linked tini, for runtimes without glibc. */
export const TINI_STATIC = '/usr/bin/tini-static';

const row = (distro: Release['distro'], version: string, tini: string | null, dumbInit: string | null): InitRow =>
  ({ distro, version, tini, 'dumb-init': dumbInit });

export const INIT_PACKAGES: InitRow[] = [
  row('debian', '9', null, 'not checked'),
  row('debian', '10', '0.18.0-1', 'not checked'),
  row('debian', '11', '0.19.0-1', '1.2.5-1'),
  row('debian', '12', '0.19.0-1+b3', '1.2.5-2'),
  row('debian', '13', '0.19.0-3+b8', '1.2.5-3'),
  row('ubuntu', '14.04', null, null),
  row('ubuntu', '16.04', null, null),
  row('ubuntu', '18.04', null, '1.2.1-1'),
  row('ubuntu', '20.04', '0.18.0-1', '1.2.2-1.2'),
  row('ubuntu', '22.04', '0.19.0-1', '1.2.5-2'),
  row('ubuntu', '24.04', '0.19.0-1', '1.2.5-3'),
  row('ubuntu', '25.04', '0.19.0-1', '1.2.5-3'),
  row('ubuntu', '25.10', '0.19.0-3', '1.2.5-3'),
  ...RELEASES.filter((r) => r.distro === 'alpine').map((r) => row('alpine', r.version, 'community', 'community')),
];

export type InitPackage = { package: InitName; path: string } | { missing: string };

/** How to get `init` on `release`: the package and its binary, or why not. */
export function initPackage(release: Release, init: InitName): InitPackage {
  const name = releaseName(release);
  if (!installsWork(release)) return { missing: `${name} is archived: its package sources are gone from the mirrors, so installing ${init} fails` };
  const found = INIT_PACKAGES.find((r) => r.distro === release.distro && r.version === release.version);
  if (!found) {
    return { missing: release.distro === 'debian' || release.distro === 'ubuntu' || release.distro === 'alpine'
      ? `dfmod has not checked whether ${name} carries ${init}`
      : `${init} is in EPEL or nowhere, not in the base repositories of ${name}` };
  }
  if (found[init] === null) return { missing: `${name} has no ${init} package` };
  return { package: init, path: INIT_PATHS[init][release.distro]! };
}

/**
 * Debian and Ubuntu packages of build and download tools: compilers, build
 * systems, C headers, version control, fetchers (and the CA certificates they
 * check servers against) and unpackers. A program the
 * build produces runs without them (it links libraries, which are other
 * packages), so a runtime stage need not install them. From each package's
 * description in the Debian archive (packages.debian.org); `libc-dev` is the
 * virtual package libc6-dev provides.
 */
export const BUILD_TOOL_PACKAGES: ReadonlySet<string> = new Set([
  'gcc', 'g++', 'cpp', 'make', 'cmake', 'build-essential', 'pkg-config', 'pkgconf', 'autoconf', 'automake',
  'libtool', 'git', 'ca-certificates', 'curl', 'wget', 'libc6-dev', 'libc-dev', 'binutils', 'ninja-build',
  'patch', 'unzip', 'xz-utils', 'bzip2',
]);
