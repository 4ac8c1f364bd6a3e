/**
 * What dfmod knows about base images: for each image family its OS, package
 * manager, shell, what it runs, the OS release of its tags and its slim
 * runtime variant. One row per family in IMAGE_FAMILIES; tags refine a row
 * (`-alpine`, `-bookworm`, `-ubi9-minimal`, `-chiseled`).
 *
 * Ask `describeImage(raw)` for everything about one reference and
 * `runtimeImage(raw, linkage)` for its slim runtime counterpart.
 * `languageOf` is an older, coarser question, kept for its callers.
 */
import { compareVersion, parseImageRef, parseTag, type ImageRef, type TagInfo } from './tags.js';
import { findRelease, releaseByCodename, releaseName, type Distro, type Release } from './releases.js';

export type OsFamily = 'debian' | 'alpine' | 'rhel' | 'suse' | 'none' | 'unknown';
export type PackageManager = 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper';
export type Language = 'node' | 'python' | 'go' | 'java' | 'ruby' | 'php' | 'rust' | 'dotnet';

/** The PATH of the official Debian- and Alpine-based images, in lookup order, when a Dockerfile sets none. */
export const DEFAULT_PATH: readonly string[] = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** What a container of the image runs when the Dockerfile does not say. */
export interface Runs {
  /** null: no ENTRYPOINT. */
  entrypoint: string[] | null;
  /** null: no CMD; undefined: it depends on the tag (php's cli/fpm/apache variants). */
  cmd: string[] | null | undefined;
  /** The default user; null for root. */
  user: string | null;
  /** The image's WORKDIR, where the row says (`/go` for golang, `/` for images that set none). */
  workdir?: string;
  /**
   * For an entrypoint script that ends in `exec "$@"`: the first arguments
   * it acts on before that (its own server's name, to set up or drop
   * privileges). Any other command, and one starting with `/bin/sh`, passes
   * through unchanged, so `sh -c 'app x'` and `app x` run alike under it. A
   * script also takes a first argument that is a flag or no command as
   * arguments of its program. Absent: not known, nothing is assumed.
   */
  entrypointActsOn?: string[];
  /**
   * Commands the image has on its PATH (its CMD's program, its tools), which
   * an entrypoint that takes a first argument that is no command as one of
   * its program's runs as they are.
   */
  entrypointCommands?: string[];
  /**
   * The entrypoint script gives its program only a first argument that
   * starts with `-` (docker-php-entrypoint: `if [ "${1#-}" != "$1" ]; then
   * set -- php "$@"`); any other first argument it execs as a command.
   */
  entrypointOptionsOnly?: boolean;
  /** The image's STOPSIGNAL, where its Dockerfile sets one (`SIGINT`); absent: SIGTERM, or not recorded. */
  stopSignal?: string;
  /** The ports the image's Dockerfile EXPOSEs (a server's image; absent: none, or not recorded). */
  exposes?: string[];
}

interface RunsRow extends Runs {
  /**
   * The oldest version the row holds for: older tags ran something else, or
   * sit on a release dfmod has not checked. Tags without a version (`latest`,
   * `bookworm`) are current, so the row holds.
   */
  since?: number[];
  /** The first version the row no longer holds for (a newer major ran something else). */
  until?: number[];
  /** The tags the row holds for (the whole tag, `latest` when there is none); absent: every tag. */
  tags?: RegExp;
}

/** From version `from` on (until the next row), tags that name no release are built on `release` (null: not known). */
interface ReleaseRow {
  from: number[];
  release: string | null;
  /**
   * Every release a tag pinning a patch version of these versions may have
   * been built on (each version's images were built on the release current
   * when it came out, and rebuilt on the next while it was maintained);
   * absent: not known, and a patch pin's release stays unknown.
   */
  pinnedOn?: string[];
}

export type Linkage = 'static' | 'dynamic';
/** A runtime image, or why there is none. */
export type RuntimeChoice = { image: string } | { none: string };

export interface ImageFamily {
  id: string;
  /** Matches ImageRef.name with Docker Hub mirrors' prefixes dropped; first match wins. */
  match: RegExp;
  /** The OS of the default tag. */
  os: OsFamily;
  /** When it is not the OS's usual one (OS_PACKAGE_MANAGERS); null for none. */
  packageManager?: PackageManager | null;
  /** When it differs from "the OS has one": busybox has /bin/sh and no package manager. */
  hasShell?: boolean;
  language?: Language;
  /** The tag's version is the OS release itself: `debian:12`, `ubuntu:22.04`, `alpine:3.20`. */
  versionIsRelease?: Distro;
  /** The release of `latest` (and other aliases), for images whose version is the release. */
  latest?: string;
  /** Ascending by `from`: the Debian (or Ubuntu) release of tags that name none. */
  releases?: ReleaseRow[];
  /**
   * Docker's official language images: a tag naming no release is rebuilt on
   * each new Debian (or Ubuntu) release, so one that pins a patch version
   * (`3.8.5`) was built on whichever was current when that version came out,
   * and `releases` does not hold for it. `pinned`: patch versions whose
   * release is known (none is guessed). `releaseWord`: where the tag writes a
   * release, after its last word (`3.8.5-slim-bookworm`) or before `slim`
   * (node's `20.11.1-bookworm-slim`).
   */
  patchPins?: { releaseWord: 'last' | 'before-slim'; pinned?: Readonly<Record<string, string>> };
  /** One row, or one per range of versions (`since`/`until`) where the major versions ran different programs. */
  runs?: RunsRow | RunsRow[];
  /** The slim image a runtime stage can use instead (see runtimeImage). */
  runtime?: (image: ImageInfo, linkage: Linkage) => RuntimeChoice;
  /** Accounts the image creates besides root (numeric ids work everywhere). */
  users?: string[];
  /** Every release of it has dnf behind `yum` (Fedora since 22), whichever release a tag names. */
  yumIsDnf?: boolean;
  /** Package managers whose cache (or docs) the image's own configuration already turns off: they need no flag. */
  cachesOff?: string[];
}

export interface ImageInfo {
  ref: ImageRef;
  tag: TagInfo;
  /** The IMAGE_FAMILIES row's id, or null when dfmod does not know the image. */
  family: string | null;
  os: OsFamily;
  packageManager: PackageManager | null;
  /** Whether /bin/sh exists; null when not known. */
  hasShell: boolean | null;
  /** The OS release, from the tag or the family's default for that version; null when not known (digest, $ARG, a patch version). */
  release: Release | null;
  /**
   * Why the release is null for a tag that pins a patch version of an
   * official language image, and how to name it, as a clause for notes; null otherwise.
   */
  unknownRelease: string | null;
  /**
   * For a tag pinning a patch version whose release is unknown: every
   * release it may have been built on (the family's `releases` row says),
   * or null when that is not known either.
   */
  pinReleases: Release[] | null;
  /** What it runs, when the family's row holds for this tag. */
  defaults: Runs | null;
  language: Language | null;
  /** Accounts the image has besides root, as far as dfmod knows (the family's row). */
  users: string[];
  /** `yum` is dnf there: the release says so (RHEL 8 on), or the whole family does (Fedora). */
  yumIsDnf: boolean;
}

/** The package manager each OS family installs with. */
const OS_PACKAGE_MANAGERS: Record<OsFamily, PackageManager | null> = {
  debian: 'apt',
  alpine: 'apk',
  rhel: 'dnf',
  suse: 'zypper',
  none: null,
  unknown: null,
};

// ---------------------------------------------------------------- runtime variants

const archived = (image: ImageInfo): string | null =>
  image.release?.status === 'archived'
    ? `${image.ref.raw} is on ${releaseName(image.release)}, which is archived: a new stage should not be built on it`
    : null;

/** `20` → `20-slim`, `20-bookworm` → `20-bookworm-slim` (node writes slim last). */
const slimLast = (repo: string) => (image: ImageInfo): RuntimeChoice => {
  const t = image.tag;
  if (t.slim || t.alpine !== null) return { image: image.ref.raw };
  return { image: `${repo}:${t.tag === 'latest' ? 'slim' : `${t.tag}-slim`}` };
};

/** `3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm` (python writes slim before the release). */
const slimBeforeRelease = (repo: string) => (image: ImageInfo): RuntimeChoice => {
  const t = image.tag;
  if (t.slim || t.alpine !== null) return { image: image.ref.raw };
  if (t.tag === 'latest') return { image: `${repo}:slim` };
  const last = t.words.length - 1;
  if (t.release && t.words[last] === t.release.codename) {
    return { image: `${repo}:${t.words.slice(0, last).join('-')}-slim-${t.release.codename}` };
  }
  return { image: `${repo}:${t.tag}-slim` };
};

/** gcr.io/distroless publishes images for these Debian releases (the `-debianNN` suffix). */
const DISTROLESS_DEBIAN = new Set(['11', '12', '13']);

const distroless = (image: ImageInfo, linkage: Linkage): RuntimeChoice => {
  if (image.tag.alpine !== null) {
    if (linkage === 'dynamic') return { none: `${image.ref.raw} links against musl, and distroless images have glibc` };
    return { image: 'gcr.io/distroless/static-debian13' };
  }
  const release = image.release;
  if (!release || release.distro !== 'debian') return { none: `the Debian release of ${image.ref.raw} is not known` };
  if (!DISTROLESS_DEBIAN.has(release.version)) return { none: `distroless has no images for ${releaseName(release)}` };
  return { image: `gcr.io/distroless/${linkage === 'static' ? 'static' : 'base'}-debian${release.version}` };
};

const temurinJre = (javaVersion: number | null, image: ImageInfo): RuntimeChoice =>
  javaVersion === null
    ? { none: `the Java version of ${image.ref.raw} is not named in its tag` }
    : { image: `eclipse-temurin:${javaVersion}-jre${image.tag.alpine !== null ? '-alpine' : ''}` };

/** A slim Debian or Ubuntu image of the release the tag names. */
const osOfRelease = (image: ImageInfo): RuntimeChoice => {
  const r = image.release;
  if (!r || !image.tag.release) return { none: `${image.ref.raw} names no Debian or Ubuntu release in its tag` };
  return { image: r.distro === 'ubuntu' ? `ubuntu:${r.codename}` : `debian:${r.codename}-slim` };
};

// ---------------------------------------------------------------- the families

/*
 * Sources: each official image's Dockerfiles in docker-library/<name> (and
 * nodejs/docker-node): ENTRYPOINT, CMD, USER, WORKDIR; the `releases` rows from the
 * first variant of each version in versions.json over the repositories'
 * history (what a tag without a release name was last built on). Versions no
 * longer built keep their last build. mcr.microsoft.com/dotnet: the
 * dotnet/dotnet-docker README (.NET 8 and 9 default to Debian 12, .NET 10 to
 * Ubuntu 24.04). Where a row has no `releases` or `runs`, dfmod does not know.
 */
/** Official images whose tags write a release after their last word (`1.22.1-bookworm`, `3.2.2-slim-bookworm`). */
const LAST: ImageFamily['patchPins'] = { releaseWord: 'last' };

/** What distroless's base images run, by tag: `nonroot` sets USER 65532 and WORKDIR /home/nonroot; `debug` adds BusyBox and ENTRYPOINT its sh. */
const DISTROLESS_BASE_RUNS: RunsRow[] = [
  { entrypoint: ['/busybox/sh'], cmd: null, user: '65532', workdir: '/home/nonroot', tags: /^debug-nonroot(-|$)/ },
  { entrypoint: ['/busybox/sh'], cmd: null, user: null, workdir: '/', tags: /^debug($|-(?!nonroot))/ },
  { entrypoint: null, cmd: null, user: '65532', workdir: '/home/nonroot', tags: /^nonroot(-|$)/ },
  { entrypoint: null, cmd: null, user: null, workdir: '/', tags: /^latest(-|$)/ },
];

export const IMAGE_FAMILIES: ImageFamily[] = [
  { id: 'scratch', match: /^scratch$/, os: 'none', runs: { entrypoint: null, cmd: null, user: null, workdir: '/' } },
  // distroless: the `nonroot` (65532) and `nobody` accounts of GoogleContainerTools/distroless base/passwd. Its base images
  // (static, base, cc) run nothing of their own; the language images (java, python3, nodejs) run their runtime, unrecorded here.
  { id: 'distroless', match: /(^|\/)distroless\/(static|base|base-nossl|cc)(-debian\d+)?$/, os: 'none', users: ['nonroot', 'nobody'], runs: DISTROLESS_BASE_RUNS },
  { id: 'distroless', match: /(^|\/)distroless\//, os: 'none', users: ['nonroot', 'nobody'] },
  // Chainguard's `-dev` tags add a shell and apk (Wolfi's, not Alpine's): see describeImage.
  { id: 'chainguard', match: /^(cgr\.dev\/|chainguard\/)/, os: 'none' },
  { id: 'busybox', match: /^busybox$/, os: 'none', hasShell: true, runs: { entrypoint: null, cmd: ['sh'], user: null } },
  { id: 'alpine', match: /^alpine$/, os: 'alpine', versionIsRelease: 'alpine', latest: '3.24', runs: { entrypoint: null, cmd: ['/bin/sh'], user: null } },
  { id: 'debian', match: /^debian$/, os: 'debian', versionIsRelease: 'debian', latest: 'trixie', runs: { entrypoint: null, cmd: ['bash'], user: null, workdir: '/' }, runtime: (image) => {
    const t = image.tag;
    if (t.slim) return { none: `${image.ref.raw} is already slim` };
    return { image: `debian:${t.tag === 'latest' ? 'stable' : t.tag}-slim` };
  } },
  { id: 'ubuntu', match: /^ubuntu$/, os: 'debian', versionIsRelease: 'ubuntu', latest: 'noble', runs: { entrypoint: null, cmd: ['/bin/bash'], user: null, workdir: '/' }, runtime: (image) => ({ image: image.ref.raw }) },
  { id: 'buildpack-deps', match: /^buildpack-deps$/, os: 'debian', runtime: osOfRelease },
  { id: 'minideb', match: /^bitnami\/minideb$/, os: 'debian' },
  // Fedora is not RHEL: its own repositories, not EPEL, are where its packages come from.
  // Fedora 22 (2015) replaced yum with dnf; `yum` is a link to it since.
  { id: 'fedora', match: /^fedora$/, os: 'rhel', yumIsDnf: true },
  // openEuler ships dnf, with `yum` a link to it.
  { id: 'openeuler', match: /^openeuler\/openeuler$/, os: 'rhel', yumIsDnf: true },
  { id: 'rhel-like', match: /^(centos|rockylinux|almalinux|oraclelinux|amazonlinux|rockylinux\/rockylinux)$/, os: 'rhel' },
  { id: 'ubi', match: /^(registry\.access\.redhat\.com\/)?(ubi\d*|ubi\d+\/ubi(-minimal|-micro|-init)?|redhat\/ubi\d+(-minimal|-micro)?)$/, os: 'rhel' },
  { id: 'suse', match: /^(registry\.suse\.com\/.*|opensuse\/.*|suse\/.*)$/, os: 'suse' },
  // node: its Dockerfiles create the `node` account (uid 1000) and set no WORKDIR.
  { id: 'node', match: /^node$/, os: 'debian', language: 'node', runtime: slimLast('node'), users: ['node'], patchPins: { releaseWord: 'before-slim' },
    runs: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], user: null, entrypointActsOn: [], entrypointCommands: ['node', 'npm', 'npx', 'yarn', 'yarnpkg', 'corepack', 'sh'], workdir: '/', since: [16] },
    releases: [
      { from: [10], release: 'stretch' }, { from: [14], release: 'buster' }, { from: [15], release: 'stretch' },
      // Node 18 came out (April 2022) on bullseye; node 18 to 25 moved to bookworm when it was released (June 2023); a patch tag of
      // them may also be a later one on trixie: every one of the three carries tini at /usr/bin/tini.
      { from: [16], release: 'buster' }, { from: [17], release: 'bullseye' }, { from: [18], release: 'bookworm', pinnedOn: ['bullseye', 'bookworm', 'trixie'] },
      { from: [26], release: 'trixie' },
    ] },
  // python 2.7: CMD ["python2"]; its last images (2.7.18, 2020) were built on buster (and alpine3.11).
  { id: 'python', match: /^python$/, os: 'debian', language: 'python', runtime: slimBeforeRelease('python'),
    patchPins: { releaseWord: 'last', pinned: { '2.7.18': 'buster' } },
    runs: [
      { entrypoint: null, cmd: ['python2'], user: null, workdir: '/', since: [2, 7], until: [3] },
      { entrypoint: null, cmd: ['python3'], user: null, workdir: '/', since: [3, 6] },
    ],
    releases: [{ from: [2, 7], release: 'buster' }, { from: [3], release: null }, { from: [3, 7], release: 'bookworm' }, { from: [3, 9], release: 'trixie' }] },
  { id: 'golang', match: /^golang$/, os: 'debian', language: 'go', runtime: distroless, patchPins: LAST,
    // No CMD of its own: it inherits buildpack-deps' (Debian's `bash`), which dfmod does not assume.
    // Its Dockerfiles end with `WORKDIR $GOPATH`, and GOPATH is /go.
    runs: { entrypoint: null, cmd: undefined, user: null, workdir: '/go', since: [1, 16] },
    releases: [
      { from: [1, 14], release: 'buster' }, { from: [1, 16], release: 'bullseye' }, { from: [1, 19], release: 'bookworm' },
      { from: [1, 23], release: 'trixie' },
    ] },
  { id: 'eclipse-temurin', match: /^eclipse-temurin$/, os: 'debian', language: 'java', patchPins: LAST, runtime: (image) => {
    const t = image.tag;
    if (t.java === 'jre') return { none: `${image.ref.raw} is already a JRE` };
    if (t.java === 'jdk') return { image: `eclipse-temurin:${t.words.map((w) => (w === 'jdk' ? 'jre' : w)).join('-')}` };
    if (!t.version) return { none: `the Java version of ${image.ref.raw} is not named in its tag` };
    return { image: `eclipse-temurin:${[t.words[0], 'jre', ...t.words.slice(1)].join('-')}` };
  } },
  { id: 'openjdk', match: /^openjdk$/, os: 'debian', language: 'java', patchPins: LAST, runtime: (image) => temurinJre(image.tag.version?.[0] ?? null, image) },
  { id: 'maven', match: /^maven$/, os: 'debian', language: 'java', patchPins: LAST, runtime: (image) => temurinJre(image.tag.javaVersion, image) },
  { id: 'gradle', match: /^gradle$/, os: 'debian', language: 'java', patchPins: LAST, runtime: (image) => temurinJre(image.tag.javaVersion, image) },
  // Amazon Corretto's default tags are Amazon Linux 2 (yum), not Debian.
  { id: 'amazoncorretto', match: /^amazoncorretto$/, os: 'rhel', packageManager: 'yum', language: 'java' },
  // ruby: its Dockerfiles write `install: --no-document` and `update: --no-document` to /usr/local/etc/gemrc.
  { id: 'ruby', match: /^ruby$/, os: 'debian', language: 'ruby', patchPins: LAST, runs: { entrypoint: null, cmd: ['irb'], user: null, since: [2, 7] }, cachesOff: ['gem'] },
  // jekyll's images (envygeeks/jekyll-docker) are built FROM ruby's Alpine images, whose gemrc they keep.
  { id: 'jekyll', match: /^jekyll\/(jekyll|minimal|builder)$/, os: 'alpine', language: 'ruby', cachesOff: ['gem'] },
  // php's CMD is per variant (cli: php -a, fpm: php-fpm, apache: apache2-foreground).
  { id: 'php', match: /^php$/, os: 'debian', language: 'php', patchPins: LAST, runs: { entrypoint: ['docker-php-entrypoint'], cmd: undefined, user: null, entrypointActsOn: [], entrypointCommands: ['php', 'php-fpm', 'apache2-foreground', 'sh'], entrypointOptionsOnly: true, since: [8] } },
  { id: 'rust', match: /^rust$/, os: 'debian', language: 'rust', patchPins: LAST },
  { id: 'gcc', match: /^gcc$/, os: 'debian', runtime: osOfRelease },
  { id: 'debian-based', match: /^(perl|erlang|elixir|haskell|julia|r-base|swift)$/, os: 'debian' },
  { id: 'nginx', match: /^nginx$/, os: 'debian', runs: { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], user: null, exposes: ['80'], entrypointActsOn: ['nginx', 'nginx-debug'], entrypointCommands: ['nginx', 'nginx-debug'], since: [1, 22] } },
  { id: 'httpd', match: /^httpd$/, os: 'debian', runs: { entrypoint: null, cmd: ['httpd-foreground'], user: null, exposes: ['80'], since: [2, 4] } },
  { id: 'redis', match: /^redis$/, os: 'debian', runs: { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], user: null, exposes: ['6379'], entrypointActsOn: ['redis-server'], since: [6] } },
  // postgres: its Dockerfiles set `STOPSIGNAL SIGINT` (postgres's fast shutdown; SIGTERM is its smart shutdown, which waits for every client).
  { id: 'postgres', match: /^postgres$/, os: 'debian', runs: { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], user: null, exposes: ['5432'], entrypointActsOn: ['postgres'], stopSignal: 'SIGINT', since: [10] } },
  { id: 'mongo', match: /^mongo$/, os: 'debian', runs: { entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], user: null, exposes: ['27017'], entrypointActsOn: ['mongod'], since: [5] } },
  { id: 'memcached', match: /^memcached$/, os: 'debian', runs: { entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], user: 'memcache', exposes: ['11211'], entrypointActsOn: ['memcached'], since: [1, 6] } },
  { id: 'mariadb', match: /^mariadb$/, os: 'debian' },
  { id: 'rabbitmq', match: /^rabbitmq$/, os: 'debian', runs: { entrypoint: ['docker-entrypoint.sh'], cmd: ['rabbitmq-server'], user: null, exposes: ['4369', '5671', '5672', '15691', '15692', '25672'], entrypointActsOn: ['rabbitmq-server'], since: [3, 8] } },
  // mysql's default tags are Oracle Linux slim (`8.0-oracle`, microdnf); `-debian` tags refine below.
  { id: 'mysql', match: /^mysql$/, os: 'rhel', packageManager: 'microdnf', runs: { entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], user: null, exposes: ['3306', '33060'], entrypointActsOn: ['mysqld'], since: [8] } },
  { id: 'traefik', match: /^traefik$/, os: 'alpine', runs: { entrypoint: ['/entrypoint.sh'], cmd: ['traefik'], user: null, exposes: ['80'], since: [2] } },
  { id: 'caddy', match: /^caddy$/, os: 'alpine' },
  { id: 'dotnet', match: /^(mcr\.microsoft\.com\/)?dotnet\/(sdk|aspnet|runtime|runtime-deps)$/, os: 'debian', language: 'dotnet',
    releases: [{ from: [8], release: 'bookworm' }, { from: [10], release: 'noble' }] },
];

/** Registries that serve Docker Hub's official images under their own prefix. */
const HUB_MIRRORS: Record<string, RegExp> = {
  'mirror.gcr.io': /^(library\/)?/,
  'public.ecr.aws': /^docker\/library\//,
};

/**
 * The name IMAGE_FAMILIES rows match: a Docker Hub mirror's name is the Hub's,
 * and a per-architecture namespace's (`arm64v8/debian`) the official image's.
 */
function lookupName(ref: ImageRef): string {
  const prefix = ref.registry ? HUB_MIRRORS[ref.registry] : undefined;
  if (prefix && prefix.test(ref.repository)) return ref.repository.replace(prefix, '');
  return ref.arch ? ref.repository.slice(ref.repository.indexOf('/') + 1) : ref.name;
}

/** Whether the reference is in Docker Hub's Windows namespace (`winamd64/…`): Windows images whatever the tag says. */
const inWindowsNamespace = (ref: ImageRef): boolean => ref.arch?.startsWith('windows-') === true;

/** The package managers whose cache the image `raw` (and so every stage FROM it) already turns off (ImageFamily.cachesOff). */
export function cachesOffIn(raw: string): readonly string[] {
  return familyOf(raw)?.cachesOff ?? [];
}

export function familyOf(raw: string | ImageRef): ImageFamily | null {
  const ref = typeof raw === 'string' ? parseImageRef(raw) : raw;
  if (ref.dynamic) return null;
  const name = lookupName(ref);
  return IMAGE_FAMILIES.find((f) => f.match.test(name)) ?? null;
}

/** What a tag's words say about the OS, checked in order: a specific marker wins over the generic jdk/jre one. */
const TAG_VARIANTS: { test: (t: TagInfo) => boolean; os: OsFamily; packageManager: (t: TagInfo) => PackageManager | null; hasShell?: boolean }[] = [
  { test: (t) => t.windows !== null, os: 'unknown', packageManager: () => null },
  { test: (t) => t.chiseled || t.distroless, os: 'none', packageManager: () => null },
  { test: (t) => t.alpine !== null, os: 'alpine', packageManager: () => 'apk' },
  // Azure Linux (CBL-Mariner) variants of Microsoft's images install with tdnf, which dfmod does not drive.
  { test: (t) => t.words.some((w) => /^(azurelinux|mariner|cbl)/.test(w)), os: 'unknown', packageManager: () => null, hasShell: true },
  { test: (t) => t.release !== null || t.words.some((w) => w === 'debian' || w === 'slim' || w === 'ubuntu'), os: 'debian', packageManager: () => 'apt' },
  {
    test: (t) => t.words.some((w) => /^(ubi\d*|centos\d*|rockylinux|al2|al2023|oracle|oraclelinux\d*|amazoncorretto)$/.test(w)),
    os: 'rhel',
    packageManager: (t) => t.words.includes('minimal') || t.words.includes('oracle') ? 'microdnf' : t.words.includes('al2023') || t.words.some((w) => /^ubi\d/.test(w)) ? 'dnf' : t.words.includes('amazoncorretto') || t.words.includes('al2') ? 'yum' : 'dnf',
  },
  { test: (t) => t.java !== null, os: 'debian', packageManager: () => 'apt' },
];

/** The OS release an image is built on, or null when its reference does not tell. */
function releaseOf(ref: ImageRef, tag: TagInfo, family: ImageFamily | null): Release | null {
  if (ref.dynamic || ref.tag === null && ref.digest !== null) return null;
  if (tag.alpine !== null) return tag.alpine ? findRelease('alpine', tag.alpine) : null;
  if (tag.release) return tag.release;
  if (!family) return null;
  if (family.patchPins && tag.patchPinned) {
    const codename = family.patchPins.pinned?.[tag.words[0].replace(/^v/, '')];
    return codename ? releaseByCodename(codename) : null;
  }
  if (family.versionIsRelease) {
    const first = tag.words[0] ?? '';
    if (tag.alias === 'latest' || tag.alias === 'stable') return family.latest ? findRelease(family.versionIsRelease, family.latest) : null;
    return findRelease(family.versionIsRelease, first.replace(/^v/, ''));
  }
  const rows = family.releases;
  if (!rows?.length) return null;
  const codename = tag.alias === 'latest' ? rows[rows.length - 1].release
    : tag.version ? [...rows].reverse().find((r) => compareVersion(tag.version!, r.from) >= 0)?.release ?? null
    : null;
  return codename === null ? null : releaseByCodename(codename);
}

function packageManagerOf(family: ImageFamily, os: OsFamily, ref: ImageRef, release: Release | null): PackageManager | null {
  if (os === 'none' || os === 'unknown') return null;
  const name = lookupName(ref);
  if (family.id === 'ubi' || family.id === 'rhel-like') {
    if (/ubi-micro|ubi\d+-micro/.test(name)) return null;
    if (/minimal/.test(name) || /(^|-)(minimal|slim)(-|$)/.test(ref.tag ?? '')) return 'microdnf';
    if (release?.distro === 'centos' || release?.distro === 'amazonlinux' && release.version === '2' || release?.distro === 'oraclelinux' && release.version === '7') return 'yum';
  }
  return family.packageManager !== undefined && os === family.os ? family.packageManager : OS_PACKAGE_MANAGERS[os];
}

/** RHEL-family images whose version is the release: `rockylinux:9`, `centos:7`, `amazonlinux:2023`. */
const RPM_DISTROS: Record<string, Distro> = { centos: 'centos', rockylinux: 'rocky', 'rockylinux/rockylinux': 'rocky', almalinux: 'alma', oraclelinux: 'oraclelinux', amazonlinux: 'amazonlinux' };

/** Everything dfmod knows about an image reference. */
export function describeImage(raw: string): ImageInfo {
  const ref = parseImageRef(raw);
  const tag = parseTag(ref.tag);
  const family = familyOf(ref);
  const unknown: ImageInfo = { ref, tag, family: null, os: 'unknown', packageManager: null, hasShell: null, release: null, unknownRelease: null, pinReleases: null, defaults: null, language: null, users: family?.users ?? [], yumIsDnf: false };
  if (!family) return unknown;
  const language = family.language ?? null;
  if (inWindowsNamespace(ref)) return { ...unknown, family: family.id, os: 'unknown', hasShell: false, language };
  let os = family.os;
  let packageManager: PackageManager | null;
  let hasShell: boolean | null = family.hasShell ?? os !== 'none';
  let release = releaseOf(ref, tag, family);
  const ubi = /ubi(\d+)/.exec(lookupName(ref));
  if (ubi) release = findRelease('rhel', ubi[1]);
  if (RPM_DISTROS[family.id === 'rhel-like' ? lookupName(ref) : '']) release = findRelease(RPM_DISTROS[lookupName(ref)], tag.words[0] ?? '');
  if (family.id === 'chainguard') {
    // `-dev` tags carry busybox and Wolfi's apk; dfmod knows no package paths there.
    const dev = tag.words.includes('dev');
    return { ...unknown, family: family.id, os: dev ? 'unknown' : 'none', hasShell: dev, packageManager: dev ? 'apk' : null, language };
  }
  if (os !== 'none') {
    const variant = TAG_VARIANTS.find((v) => v.test(tag));
    if (variant) {
      os = variant.os;
      packageManager = variant.packageManager(tag);
      hasShell = variant.hasShell ?? (os === 'unknown' ? false : os !== 'none');
      if (variant.os === 'none' || variant.os === 'unknown') {
        // Windows tags name no Linux release; chiseled and distroless ones keep the release they name.
        return { ...unknown, family: family.id, os, hasShell, release: tag.windows ? null : release, language };
      }
      if (variant.os !== family.os) {
        return { ...unknown, family: family.id, os, packageManager, hasShell, release, language, defaults: defaultsOf(family, tag, ref.tag) };
      }
    }
  }
  packageManager = packageManagerOf(family, os, ref, release);
  const unknownRelease = release === null ? patchPinNote(family, ref, tag) ?? unknownReleaseTag(family, ref) : null;
  const yumIsDnf = release?.yumIsDnf === true || (family.yumIsDnf === true && !(tag.version && compareVersion(tag.version, [22]) < 0));
  const pinReleases = release === null && unknownRelease !== null ? pinnedReleases(family, tag) : null;
  return { ref, tag, family: family.id, os, packageManager, hasShell, release, unknownRelease, pinReleases, defaults: defaultsOf(family, tag, ref.tag), language, users: unknown.users, yumIsDnf };
}

/** The releases a patch-pinned tag may be built on: its version's `releases` row's `pinnedOn`, when every codename is known. */
function pinnedReleases(family: ImageFamily, tag: TagInfo): Release[] | null {
  if (!family.patchPins || !tag.patchPinned || !tag.version) return null;
  const row = [...(family.releases ?? [])].reverse().find((r) => compareVersion(tag.version!, r.from) >= 0);
  const releases = row?.pinnedOn?.map(releaseByCodename) ?? null;
  return releases?.length && releases.every((r): r is Release => r !== null) ? releases : null;
}

/** For a distro image whose tag names a release RELEASES does not hold (`debian:wheezy`, `ubuntu:12.04`, `debian:sid`): why. */
function unknownReleaseTag(family: ImageFamily, ref: ImageRef): string | null {
  if (!family.versionIsRelease || ref.tag === null || ref.dynamic) return null;
  return `its tag \`${ref.tag}\` names a release dfmod's releases table does not hold (too old, or a development branch)`;
}

/** For a tag pinning a patch version whose release dfmod does not know: why, and the tag that would name it. */
function patchPinNote(family: ImageFamily, ref: ImageRef, tag: TagInfo): string | null {
  if (!family.patchPins || !tag.patchPinned || ref.tag === null || ref.dynamic) return null;
  const words = ref.tag.split('-');
  const slim = words.findIndex((w) => w.toLowerCase() === 'slim');
  const at = family.patchPins.releaseWord === 'before-slim' && slim > 0 ? slim : words.length;
  const named = [...words.slice(0, at), '<codename>', ...words.slice(at)].join('-');
  const colon = ref.raw.lastIndexOf(`:${ref.tag}`);
  const suggestion = `${ref.raw.slice(0, colon)}:${named}${ref.raw.slice(colon + 1 + ref.tag.length)}`;
  return `its tag pins version ${words[0]}, whose images were built on the release current when it came out; name the release in the tag (\`${suggestion}\`), where one was published for that version`;
}

function defaultsOf(family: ImageFamily, tag: TagInfo, name: string | null): Runs | null {
  const rows = (family.runs === undefined ? [] : Array.isArray(family.runs) ? family.runs : [family.runs]).filter((r) => !r.tags || r.tags.test(name ?? 'latest'));
  // A tag without a version (`latest`, `slim`) is current: the newest row.
  const row = tag.version
    ? rows.find((r) => !(r.since && compareVersion(tag.version!, r.since) < 0) && !(r.until && compareVersion(tag.version!, r.until) >= 0))
    : rows[rows.length - 1];
  if (!row) return null;
  const runs: Runs = { entrypoint: row.entrypoint, cmd: row.cmd, user: row.user };
  if (row.workdir !== undefined) runs.workdir = row.workdir;
  if (row.entrypointActsOn !== undefined) runs.entrypointActsOn = row.entrypointActsOn;
  if (row.entrypointCommands !== undefined) runs.entrypointCommands = row.entrypointCommands;
  if (row.entrypointOptionsOnly !== undefined) runs.entrypointOptionsOnly = row.entrypointOptionsOnly;
  if (row.exposes !== undefined) runs.exposes = row.exposes;
  if (row.stopSignal !== undefined) runs.stopSignal = row.stopSignal;
  return runs;
}

/**
 * Repository path segments of Microsoft's Windows base images
 * (`mcr.microsoft.com/windows/servercore`, `…/windows/nanoserver`,
 * `microsoft/windowsservercore`) and community ones (`stefanscherer/node-windows`):
 * a segment that is one of these words, or has one as a `-`-separated word.
 */
const WINDOWS_REPOSITORY_WORDS = new Set(['windows', 'windowsservercore', 'nanoserver', 'servercore']);

/**
 * The one Windows predicate: an image built on Windows runs shell form under
 * cmd.exe, not /bin/sh. Windows by its repository (above), by its tag's words
 * (`python:3.12-windowsservercore`, `golang:1.22-nanoserver-ltsc2022`), or by
 * a `--platform` of `windows/…`.
 */
export function isWindowsImage(raw: string, platform: string | null = null): boolean {
  if ((platform ?? '').toLowerCase().startsWith('windows')) return true;
  const ref = parseImageRef(raw);
  if (inWindowsNamespace(ref)) return true;
  if (ref.repository.split('/').some((segment) => segment.split('-').some((word) => WINDOWS_REPOSITORY_WORDS.has(word)))) return true;
  return parseTag(ref.tag).windows !== null;
}

export type Libc = 'glibc' | 'musl' | 'none';

/**
 * The C library a program built elsewhere finds in the image: none on scratch
 * and distroless/static (its other images carry Debian's glibc), musl on
 * Alpine, glibc on the Debian, Ubuntu, RHEL and SUSE families; null when not known.
 */
export function libcOf(raw: string): Libc | null {
  const image = describeImage(raw);
  if (image.family === 'scratch') return 'none';
  if (image.family === 'distroless') return /(^|\/)distroless\/static(-|$)/.test(image.ref.name) ? 'none' : 'glibc';
  if (image.os === 'alpine') return 'musl';
  if (image.os === 'debian' || image.os === 'rhel' || image.os === 'suse') return 'glibc';
  return null;
}

/**
 * The slim image a runtime stage of a build on `raw` can use: python:3.12 →
 * python:3.12-slim, golang:1.22 → gcr.io/distroless/static-debian12,
 * eclipse-temurin:17-jdk → eclipse-temurin:17-jre. `linkage` matters for Go:
 * a dynamically linked binary needs glibc (distroless/base).
 */
export function runtimeImage(raw: string, linkage: Linkage = 'static'): RuntimeChoice {
  const image = describeImage(raw);
  const family = image.family ? IMAGE_FAMILIES.find((f) => f.id === image.family) : undefined;
  if (!family?.runtime) return { none: `dfmod knows no runtime image for ${raw}` };
  if (image.os === 'unknown' || image.os === 'none') return { none: `dfmod knows no runtime image for ${raw}` };
  if (image.ref.dynamic) return { none: `${raw} uses a build argument` };
  if (image.ref.digest) return pinnedRuntime(image.ref, linkage);
  const old = archived(image);
  if (old) return { none: old };
  const choice = family.runtime(image, linkage);
  return image.ref.arch && 'image' in choice ? sameNamespace(image.ref, choice) : choice;
}

/**
 * The runtime image of a base pinned by digest: the same pinned image where
 * the tag's runtime is the image itself (python:3.12-slim@sha256:…: a runtime
 * stage on it has what the build had, without the build tools); none where
 * the runtime is another image, whose digest dfmod cannot know.
 */
function pinnedRuntime(ref: ImageRef, linkage: Linkage): RuntimeChoice {
  const tagged = ref.raw.slice(0, ref.raw.indexOf('@'));
  const choice = runtimeImage(tagged, linkage);
  if (!('image' in choice)) return choice;
  if (choice.image === tagged) return { image: ref.raw };
  return { none: `${ref.raw} is pinned by digest, and its runtime image ${choice.image} would need a digest too, which dfmod does not know` };
}

/**
 * A runtime image for a base from a per-architecture namespace (`arm64v8/python:3.12`):
 * the official image's runtime from the same namespace (`arm64v8/python:3.12-slim`),
 * built for the same one architecture. One from elsewhere (gcr.io/distroless) would be
 * pulled for the build's platform instead: none.
 */
function sameNamespace(ref: ImageRef, choice: { image: string }): RuntimeChoice {
  if (choice.image === ref.raw) return choice;
  const runtime = parseImageRef(choice.image);
  if (runtime.registry !== null || runtime.repository.includes('/')) {
    return { none: `${ref.raw} is built for ${ref.arch} only, and its runtime image ${runtime.name} has no per-architecture repository` };
  }
  return { image: `${ref.repository.split('/')[0]}/${choice.image}` };
}

// ---------------------------------------------------------------- older questions

/** The language of an official language image, by repository whatever the registry (a private mirror of `node` builds Node). */
export function languageOf(raw: string): string | null {
  const ref = parseImageRef(raw);
  return IMAGE_FAMILIES.find((f) => f.match.test(ref.repository))?.language ?? null;
}
