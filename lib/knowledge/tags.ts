/**
 * Image references and tags, read once. `parseImageRef` splits a reference
 * into registry, repository, tag and digest; `parseTag` reads what a tag of an
 * official image says: the version and the variant words (`slim`, `alpine3.19`,
 * `bookworm`, `jre`, `chiseled`, ...). Neither knows any particular image:
 * what a tag means for one is in images.ts.
 *
 * The variant words are those of Docker's official images (docker-library's
 * generate-stackbrew-library.sh scripts write them as `<version>-<variant>`),
 * and of mcr.microsoft.com/dotnet (`8.0-jammy-chiseled`).
 */
import { findRelease, releaseByCodename, type Release } from './releases.js';

export interface ImageRef {
  /** As written. */
  raw: string;
  /** Registry host, when the reference names one (`gcr.io`, `docker.io`). */
  registry: string | null;
  /** Repository path without registry and Docker Hub's `library/`: `node`, `distroless/static-debian12`. */
  repository: string;
  /** The repository qualified by its registry unless that is Docker Hub: `node`, `gcr.io/distroless/static-debian12`. */
  name: string;
  tag: string | null;
  digest: string | null;
  /** The reference uses a build argument (`$BASE`): nothing is known about it. */
  dynamic: boolean;
  /**
   * The architecture of the Docker Hub per-architecture namespace the
   * repository is in (ARCH_NAMESPACES: `arm64v8/debian` → `arm64v8`,
   * `winamd64/python` → `windows-amd64`), null for any other. `repository`
   * and `name` keep the namespace as written.
   */
  arch: string | null;
}

/** Registry names that are Docker Hub itself. */
// registry.docker.com: Rails' generated Dockerfiles name Docker Hub's library images so.
export const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.docker.com']);

/**
 * Docker Hub's per-architecture namespaces and the architecture each holds
 * (docker-library/official-images, "Architectures other than amd64?"): every
 * official image is also published for one architecture only as
 * `<namespace>/<image>` (`amd64/ubuntu:22.04`, `arm64v8/debian:12`), the same
 * image as `ubuntu:22.04` on that architecture. `winamd64` holds the Windows
 * images (architecture `windows-amd64`).
 */
export const ARCH_NAMESPACES: Readonly<Record<string, string>> = {
  amd64: 'amd64',
  arm32v5: 'arm32v5',
  arm32v6: 'arm32v6',
  arm32v7: 'arm32v7',
  arm64v8: 'arm64v8',
  i386: 'i386',
  mips64le: 'mips64le',
  ppc64le: 'ppc64le',
  riscv64: 'riscv64',
  s390x: 's390x',
  winamd64: 'windows-amd64',
};

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
  const hub = registry === null || DOCKER_HUB.has(registry);
  const repository = (hub ? rest.replace(/^library\//, '') : rest).toLowerCase();
  const name = hub ? repository : `${registry!.toLowerCase()}/${repository}`;
  const slash = repository.indexOf('/');
  const namespace = hub && slash > 0 && repository.indexOf('/', slash + 1) < 0 ? repository.slice(0, slash) : null;
  const arch = namespace !== null && Object.hasOwn(ARCH_NAMESPACES, namespace) ? ARCH_NAMESPACES[namespace] : null;
  return { raw, registry, repository, name, tag, digest, dynamic, arch };
}

export interface TagInfo {
  /** As written; `latest` when the reference has no tag. */
  tag: string;
  /**
   * The leading version: `3.12-slim` → [3, 12]. A shorter version means the
   * newest release under it: [3] is "the newest 3.x", not 3.0. null for
   * `latest`, `lts`, `bookworm`, `alpine`...
   */
  version: number[] | null;
  /** A named alias where the version would be: `latest`, `lts`, `stable`, `current`. */
  alias: string | null;
  /**
   * The tag pins a full patch version (`3.8.5`, `20.11.1`, `17.0.9_9`,
   * `3.13.0rc2`): its images were built once, when that version was current,
   * not rebuilt on each new OS release as `3.8` and `3` are.
   */
  patchPinned: boolean;
  slim: boolean;
  /** `alpine` or `alpine3.19`: the Alpine version, '' when the tag names none. null: not Alpine. */
  alpine: string | null;
  /** A Debian or Ubuntu release the tag names by codename (`bookworm`, `jammy`). */
  release: Release | null;
  /** `jre`, `jdk` (also `jdk17`, `jdk-17`). */
  java: 'jre' | 'jdk' | null;
  /** A Java version named after a vendor or JDK word: `3-eclipse-temurin-17`, `8.5-jdk17` → 17. */
  javaVersion: number | null;
  distroless: boolean;
  /** Ubuntu chiseled (.NET): no shell, no package manager. */
  chiseled: boolean;
  windows: 'windowsservercore' | 'nanoserver' | null;
  /** The tag's words split at `-`, lower-cased. */
  words: string[];
}

const ALIASES = new Set(['latest', 'lts', 'stable', 'current', 'mainline', 'rolling', 'edge']);
const JAVA_VENDORS = new Set(['temurin', 'openjdk', 'amazoncorretto', 'corretto', 'graalvm', 'sapmachine', 'liberica', 'zulu', 'ibm-semeru', 'semeru']);

/** Reads a tag; `null` (no tag) reads as `latest`. */
export function parseTag(tag: string | null): TagInfo {
  const text = tag ?? 'latest';
  const words = text.toLowerCase().split('-').filter(Boolean);
  const lead = /^v?(\d+(?:\.\d+)*)$/.exec(words[0] ?? '');
  const version = lead ? lead[1].split('.').map(Number) : null;
  const alias = !lead && ALIASES.has(words[0] ?? '') ? words[0] : null;
  let alpine: string | null = null;
  let release: Release | null = null;
  let java: TagInfo['java'] = null;
  let javaVersion: number | null = null;
  let windows: TagInfo['windows'] = null;
  words.forEach((word, i) => {
    const a = /^alpine(\d+(?:\.\d+)*)?$/.exec(word);
    if (a) alpine = a[1] ?? '';
    release ??= releaseByCodename(word);
    if (word === 'ubuntu' && words[i + 1]) release ??= findRelease('ubuntu', words[i + 1]);
    const jdk = /^(jre|jdk)(\d+)?$/.exec(word);
    if (jdk) {
      java ??= jdk[1] as 'jre' | 'jdk';
      const n = jdk[2] ?? (/^\d+$/.test(words[i + 1] ?? '') ? words[i + 1] : undefined);
      if (n && i > 0) javaVersion ??= Number(n);
    }
    if (JAVA_VENDORS.has(word) && /^\d+$/.test(words[i + 1] ?? '')) javaVersion ??= Number(words[i + 1]);
    if (word === 'windowsservercore' || word === 'nanoserver') windows ??= word;
  });
  return {
    tag: text,
    version,
    alias,
    patchPinned: /^v?\d+\.\d+\.\d+/.test(words[0] ?? ''),
    slim: words.includes('slim'),
    alpine,
    release,
    java,
    javaVersion,
    distroless: words.includes('distroless'),
    chiseled: words.includes('chiseled'),
    windows,
    words,
  };
}

/**
 * Compares a tag's version with a bound: negative when the tag is older, 0
 * when equal, positive when newer. A shorter tag version stands for the newest
 * release under it: `3` ([3]) is newer than any 3.x bound such as [3, 6].
 */
export function compareVersion(version: number[], bound: number[]): number {
  for (let i = 0; i < bound.length; i++) {
    if (i >= version.length) return 1; // `3` = newest 3.x: above any 3.y bound
    if (version[i] !== bound[i]) return version[i] - bound[i];
  }
  return 0;
}
