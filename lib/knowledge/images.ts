/**
 * What dfmod knows about base images: which operating system family an image
 * reference belongs to, hence its package manager and whether it has a shell.
 * A table, so adding an image is one line.
 */

export type OsFamily = 'debian' | 'alpine' | 'rhel' | 'suse' | 'none' | 'unknown';
export type PackageManager = 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper';

export interface ImageRef {
  /** As written. */
  raw: string;
  /** Registry host, when the reference names one (`gcr.io`). */
  registry: string | null;
  /** Repository path without registry and `library/`: `node`, `distroless/static-debian12`. */
  repository: string;
  tag: string | null;
  digest: string | null;
  /** True when the reference uses a build argument (`$BASE`): nothing is known about it. */
  dynamic: boolean;
}

export function parseImageRef(raw: string): ImageRef {
  const dynamic = raw.includes('$');
  let rest = raw;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const head = rest.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (registry === null || registry === 'docker.io' || registry === 'index.docker.io') {
    rest = rest.replace(/^library\//, '');
  }
  return { raw, registry, repository: rest.toLowerCase(), tag, digest, dynamic };
}

export interface ImageFamily {
  /** Matches `repository` (without registry); checked in order, first match wins. */
  match: RegExp;
  /** The OS of the default tag. */
  os: OsFamily;
  /** Official language image (node, python, ...) whose tags have -slim/-alpine variants. */
  language?: string;
}

/** Image families by repository name; variants in the tag (`-alpine`) refine the OS below. */
export const IMAGE_FAMILIES: ImageFamily[] = [
  { match: /^scratch$/, os: 'none' },
  { match: /(^|\/)distroless\//, os: 'none' },
  { match: /^(chainguard|cgr\.dev)\//, os: 'none' },
  { match: /^busybox$/, os: 'none' },
  { match: /^alpine$/, os: 'alpine' },
  { match: /^(debian|ubuntu|buildpack-deps|bitnami\/minideb)$/, os: 'debian' },
  { match: /^(centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|rockylinux\/rockylinux)$/, os: 'rhel' },
  { match: /^(ubi\d*|ubi\d+\/ubi(-minimal|-micro)?|redhat\/ubi\d+(-minimal)?)$/, os: 'rhel' },
  { match: /^(opensuse\/.*|suse\/.*)$/, os: 'suse' },
  { match: /^node$/, os: 'debian', language: 'node' },
  { match: /^python$/, os: 'debian', language: 'python' },
  { match: /^golang$/, os: 'debian', language: 'go' },
  { match: /^(eclipse-temurin|openjdk|maven|gradle)$/, os: 'debian', language: 'java' },
  // Amazon Corretto's default tags are Amazon Linux 2 (yum), not Debian.
  { match: /^amazoncorretto$/, os: 'rhel', language: 'java' },
  { match: /^ruby$/, os: 'debian', language: 'ruby' },
  { match: /^php$/, os: 'debian', language: 'php' },
  { match: /^rust$/, os: 'debian', language: 'rust' },
  { match: /^(gcc|perl|erlang|elixir|haskell|julia|r-base|swift)$/, os: 'debian' },
  { match: /^(nginx|httpd|redis|postgres|mariadb|mongo|memcached|rabbitmq)$/, os: 'debian' },
  // mysql's default tags are Oracle Linux (`8.0-oracle`); `-debian` tags refine below.
  { match: /^mysql$/, os: 'rhel' },
  { match: /^(traefik|caddy)$/, os: 'alpine' },
  { match: /^mcr\.microsoft\.com\/dotnet\/|^dotnet\//, os: 'debian', language: 'dotnet' },
];

/** Tag markers that change the OS of an official image. */
const TAG_VARIANTS: { match: RegExp; os: OsFamily }[] = [
  { match: /(^|-)alpine/, os: 'alpine' },
  { match: /(^|-)(debian|bookworm|bullseye|buster|trixie|stretch|slim|jammy|focal|noble)/, os: 'debian' },
  // Before the generic jdk/jre marker: `17-jre-ubi9-minimal` is RHEL, `3-amazoncorretto-17` Amazon Linux.
  { match: /(^|-)(ubi\d*|centos|rockylinux|al2|al2023|oracle|amazoncorretto)/, os: 'rhel' },
  { match: /(^|-)(jdk|jre)/, os: 'debian' },
];

/** The OS family of an image reference, or 'unknown'. */
export function osFamily(raw: string): OsFamily {
  const ref = parseImageRef(raw);
  if (ref.dynamic) return 'unknown';
  const name = ref.registry === 'mcr.microsoft.com' ? `mcr.microsoft.com/${ref.repository}` : ref.repository;
  if (/(^|\/)windows|servercore|nanoserver/.test(name)) return 'unknown';
  const family = IMAGE_FAMILIES.find((f) => f.match.test(name));
  if (!family) return 'unknown';
  if (family.os === 'none') return 'none';
  if (ref.registry && ref.registry !== 'docker.io' && ref.registry !== 'index.docker.io' && !family.match.source.includes('\\.')) {
    // A mirror of an official image keeps its name; other registries are guesses.
    if (!/^(public\.ecr\.aws|mirror\.gcr\.io|quay\.io)$/.test(ref.registry)) return 'unknown';
  }
  const variant = ref.tag ? TAG_VARIANTS.find((v) => v.match.test(ref.tag!)) : null;
  return variant ? variant.os : family.os;
}

/** The package manager each OS family installs with. */
export const PACKAGE_MANAGERS: Record<OsFamily, PackageManager | null> = {
  debian: 'apt',
  alpine: 'apk',
  rhel: 'dnf',
  suse: 'zypper',
  none: null,
  unknown: null,
};

/** Whether images of the family have /bin/sh (scratch and distroless do not). */
export function hasShell(os: OsFamily): boolean {
  return os !== 'none' && os !== 'unknown';
}

export function languageOf(raw: string): string | null {
  const ref = parseImageRef(raw);
  return IMAGE_FAMILIES.find((f) => f.match.test(ref.repository))?.language ?? null;
}
