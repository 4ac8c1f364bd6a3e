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
import type { PackageManager } from './images.js';

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

/**
 * Why an init cannot be installed: the release is `archived`; it has `no-package`
 * of that name; dfmod has `not-checked` its archive; the package is only in an
 * extra repository (EPEL) or `not-in-base-repositories`; dfmod knows `no-known-package`
 * for the distro at all.
 */
export type InitMissingReason = 'archived' | 'no-package' | 'not-checked' | 'not-in-base-repositories' | 'no-known-package';

export type InitPackage =
  /** `everyRelease`: every release the manager serves carries it, so an unknown release does not matter. */
  | { package: InitName; path: string; everyRelease?: boolean }
  | { missing: string; reason: InitMissingReason };

const EPEL = (init: InitName, where: string): InitPackage =>
  ({ missing: `${init} is in EPEL or nowhere, not in the base repositories of ${where}`, reason: 'not-in-base-repositories' });

/** How to get `init` on `release`: the package and its binary, or why not. */
export function initPackage(release: Release, init: InitName): InitPackage {
  const name = releaseName(release);
  if (!installsWork(release)) {
    return { missing: `${name} is archived: its package sources are gone from the mirrors, so installing ${init} fails`, reason: 'archived' };
  }
  const found = INIT_PACKAGES.find((r) => r.distro === release.distro && r.version === release.version);
  if (!found) {
    return release.distro === 'debian' || release.distro === 'ubuntu' || release.distro === 'alpine'
      ? { missing: `dfmod has not checked whether ${name} carries ${init}`, reason: 'not-checked' }
      : EPEL(init, name);
  }
  if (found[init] === null) return { missing: `${name} has no ${init} package`, reason: 'no-package' };
  return { package: init, path: INIT_PATHS[init][release.distro]! };
}

/**
 * What a package manager's distros give for `init` when the release is not
 * known: where the package installs the binary (the same on every release that
 * carries it; whether this one does is not answered here), or why no release
 * has it. Alpine's community repository carries both on every branch; RHEL and
 * its rebuilds have them in EPEL only; dfmod knows no SUSE package.
 */
export function initPackageOfManager(manager: PackageManager, init: InitName, family: string | null = null): InitPackage {
  // Not checked from here: Fedora's mirrors do not answer this machine.
  if (family === 'fedora') return { missing: `dfmod has not checked which Fedora releases carry ${init}`, reason: 'not-checked' };
  switch (manager) {
    case 'apt':
      return { package: init, path: INIT_PATHS[init].debian! };
    case 'apk':
      return { package: init, path: INIT_PATHS[init].alpine!, everyRelease: true };
    case 'dnf':
    case 'yum':
    case 'microdnf':
      return EPEL(init, 'RHEL-family images');
    case 'zypper':
      return { missing: `dfmod does not know a ${init} package for SUSE images`, reason: 'no-known-package' };
  }
}

/**
 * Programs that already are an init or a process supervisor (by name, any
 * path): each reaps zombies and passes signals on, so a second init in front
 * adds nothing. From each project's documentation: tini (and Debian's
 * tini-static), dumb-init, Docker's own docker-init (`docker run --init`),
 * podman's catatonit, pid1, s6 and runit's supervisors, phusion's my_init,
 * supervisord, systemd, runit, OpenRC's init.
 */
export const INIT_PROGRAMS: readonly string[] = [
  'tini', 'tini-static', 'dumb-init', 'docker-init', 'catatonit', 'pid1', 's6-svscan', 'runsvdir',
  'my_init', 'supervisord', 'systemd', 'runit', 'openrc-init',
];

/**
 * Inits that exec the command after their own options (`tini -g --`,
 * `dumb-init --single-child`), with the options that take a value: in front
 * of a command they leave what it is and how its arguments arrive unchanged.
 */
export const INIT_WRAPPERS: Readonly<Record<string, { valueOptions: readonly string[] }>> = {
  tini: { valueOptions: ['-p', '-e'] },
  'tini-static': { valueOptions: ['-p', '-e'] },
  'docker-init': { valueOptions: ['-p', '-e'] },
  'dumb-init': { valueOptions: ['-r', '--rewrite'] },
};

/** The argv after an init wrapper and its options (`["tini", "--", "app"]` → `["app"]`), or null when it does not start with one. */
export function afterInitWrapper(argv: readonly string[]): string[] | null {
  const wrapper = argv.length ? INIT_WRAPPERS[argv[0].slice(argv[0].lastIndexOf('/') + 1)] : undefined;
  if (!wrapper) return null;
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-')) {
    if (argv[i] === '--') return argv.slice(i + 1);
    i += wrapper.valueOptions.includes(argv[i]) ? 2 : 1;
  }
  return argv.slice(i);
}

/** `init` itself counts only at these paths: s6-overlay's /init and the system inits. */
export const INIT_PROGRAM_PATHS: readonly string[] = ['/init', '/sbin/init', '/usr/sbin/init', '/bin/init'];

/** Whether an argv word runs an init: a program of INIT_PROGRAMS (by its last path component) or one of INIT_PROGRAM_PATHS. */
export function isInitProgram(word: string): boolean {
  return INIT_PROGRAMS.includes(word.slice(word.lastIndexOf('/') + 1)) || INIT_PROGRAM_PATHS.includes(word);
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

/**
 * The part of BUILD_TOOL_PACKAGES an app may also call while it runs: fetchers,
 * version control and unpackers (and the CA certificates the fetchers check
 * servers against). A runtime stage installs one when the app visibly runs it,
 * or when the build installs it and never runs it (then the app or its operator
 * must want it).
 */
export const FETCH_TOOL_PACKAGES: ReadonlySet<string> = new Set([
  'git', 'ca-certificates', 'curl', 'wget', 'patch', 'unzip', 'xz-utils', 'bzip2',
]);

/**
 * Programs that may run a fetch tool's programs themselves, so a build that
 * runs them may have used the tool: package managers fetch git dependencies
 * with `git` (npm's `git+https:`, pip's `git+`, go's direct modules), and GNU
 * tar unpacks `.xz` and `.bz2` archives with `xz` and `bzip2`.
 */
export const FETCH_TOOL_CALLERS: Readonly<Record<string, readonly string[]>> = {
  git: ['npm', 'npx', 'yarn', 'pnpm', 'pip', 'pip3', 'python', 'python3', 'go', 'cargo', 'bundle', 'gem', 'composer', 'mvn', 'gradle'],
  'xz-utils': ['tar'],
  bzip2: ['tar'],
};

/** Debian releases whose package names the tables below were checked against (`apt-cache policy` on Debian 12). */
export const RUNTIME_PACKAGE_RELEASES: ReadonlySet<string> = new Set(['12']);

/**
 * Debian 12 `-dev` packages → the runtime libraries a program built against
 * them links: each `-dev` package's `Depends` on its library package
 * (`apt-cache depends`). An empty list: the headers only (the library is in
 * every Debian image, or there is none).
 */
export const DEV_RUNTIME_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  'libpq-dev': ['libpq5'],
  'libssl-dev': ['libssl3'],
  'libsqlite3-dev': ['libsqlite3-0'],
  'libxml2-dev': ['libxml2'],
  'libcurl4-openssl-dev': ['libcurl4'],
  'zlib1g-dev': ['zlib1g'],
  'libjpeg-dev': ['libjpeg62-turbo'],
  'libjpeg62-turbo-dev': ['libjpeg62-turbo'],
  'libpng-dev': ['libpng16-16'],
  'libffi-dev': ['libffi8'],
  'libyaml-dev': ['libyaml-0-2'],
  'libmariadb-dev': ['libmariadb3'],
  'default-libmysqlclient-dev': ['libmariadb3'],
  'libcairo2-dev': ['libcairo2'],
  'libpango1.0-dev': ['libpango-1.0-0', 'libpangocairo-1.0-0'],
  'libgif-dev': ['libgif7'],
  'librsvg2-dev': ['librsvg2-2'],
  'linux-libc-dev': [],
};

/**
 * Linker flags → the Debian 12 package of the shared library they link
 * (`-lcrypto` is libcrypto.so.3 in libssl3). An empty list: part of libc6 or
 * of every Debian image (libstdc++6, libgcc-s1 come with apt).
 */
export const LINK_FLAG_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  c: [], m: [], pthread: [], dl: [], rt: [], util: [], resolv: [], 'stdc++': [], gcc_s: [],
  crypto: ['libssl3'], ssl: ['libssl3'], z: ['zlib1g'], pq: ['libpq5'], sqlite3: ['libsqlite3-0'],
  curl: ['libcurl4'], xml2: ['libxml2'], ffi: ['libffi8'], yaml: ['libyaml-0-2'], png: ['libpng16-16'],
  jpeg: ['libjpeg62-turbo'], gif: ['libgif7'], cairo: ['libcairo2'], gomp: ['libgomp1'],
};

/**
 * Language packages that link system libraries the slim and distroless
 * images lack (the full official images are buildpack-deps, which has their
 * `-dev` packages), with the Debian 12 packages the runtime needs. From each
 * project's install notes: psycopg2 links libpq (psycopg2-binary bundles
 * it); mysqlclient links the MariaDB client library; node-canvas links Cairo,
 * Pango, libjpeg, giflib and librsvg; gm runs GraphicsMagick's `gm`.
 */
export const LANGUAGE_PACKAGE_LIBRARIES: Readonly<Record<'pypi' | 'npm', Readonly<Record<string, readonly string[]>>>> = {
  pypi: {
    psycopg2: ['libpq5'],
    mysqlclient: ['libmariadb3'],
  },
  npm: {
    canvas: ['libcairo2', 'libpango-1.0-0', 'libpangocairo-1.0-0', 'libjpeg62-turbo', 'libgif7', 'librsvg2-2'],
    gm: ['graphicsmagick'],
  },
};

/**
 * Language packages the installer always compiles (the registry has their
 * source only, no wheel) whose build links whichever optional libraries it
 * finds in the build image, with those libraries: which of them the program
 * links depends on that image, so no list of runtime packages is certain for
 * another. uWSGI: PyPI has an sdist only, and its uwsgiconfig.py turns on
 * each `auto` feature whose header it finds (xml2-config, pcre-config,
 * yaml.h, jansson.h, openssl, zlib.h, sys/capability.h, uuid/uuid.h); its
 * wheel is the pyuwsgi package, libraries bundled. Names as PEP 503 compares them.
 */
export const BUILD_IMAGE_LINKED_PACKAGES: Readonly<Record<'pypi', Readonly<Record<string, readonly string[]>>>> = {
  pypi: {
    uwsgi: ['libxml2', 'PCRE', 'libyaml', 'jansson', 'OpenSSL', 'zlib', 'libcap', 'libuuid'],
  },
};

/**
 * Programs an app may run that the full official images (buildpack-deps)
 * ship and the slim or distroless ones do not, with the Debian 12 package
 * that carries each (`dpkg -S` on Debian 12).
 */
export const PROGRAM_PACKAGES: Readonly<Record<string, string>> = {
  convert: 'imagemagick', identify: 'imagemagick', mogrify: 'imagemagick', magick: 'imagemagick',
  gm: 'graphicsmagick', git: 'git', curl: 'curl', wget: 'wget', unzip: 'unzip', patch: 'patch',
  xz: 'xz-utils', bzip2: 'bzip2',
};

/**
 * Families whose default tags (not `-slim`, not `-alpine`) are built on
 * buildpack-deps, which ships the programs of PROGRAM_PACKAGES and the `-dev`
 * packages of DEV_RUNTIME_PACKAGES (each image's Dockerfile in its official
 * images repository starts `FROM buildpack-deps:<release>`).
 */
const BUILDPACK_DEPS_FAMILIES: ReadonlySet<string> = new Set(['node', 'python', 'golang', 'buildpack-deps', 'ruby']);

/** Whether an image is a full official image built on buildpack-deps (so a program the app runs may come with it). */
export function shipsBuildpackDeps(family: string | null, tag: { slim: boolean; alpine: string | null }): boolean {
  return family !== null && BUILDPACK_DEPS_FAMILIES.has(family) && !tag.slim && tag.alpine === null;
}
