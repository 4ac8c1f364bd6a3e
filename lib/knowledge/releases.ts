/**
 * Operating system releases that base images are built on, and whether their
 * package sources still answer. One row per release.
 *
 * `status`:
 * - `supported`: the vendor still publishes updates on its main mirrors.
 * - `eol`: no more (free) updates, but the packages are still on the main
 *   mirrors, so `apt-get update` / `apk add` / `dnf install` still work.
 * - `archived`: moved off the main mirrors (to archive.debian.org,
 *   old-releases.ubuntu.com, vault.centos.org): installing packages fails
 *   unless the image's sources are rewritten.
 */

export type Distro = 'debian' | 'ubuntu' | 'alpine' | 'rhel' | 'rocky' | 'alma' | 'centos' | 'amazonlinux' | 'oraclelinux';
export type ReleaseStatus = 'supported' | 'eol' | 'archived';

export interface Release {
  distro: Distro;
  /** As image tags write it: `12`, `22.04`, `3.20`, `2023`. */
  version: string;
  codename: string | null;
  status: ReleaseStatus;
  /** Ubuntu: a long-term-support release. */
  lts?: boolean;
  /** RHEL family from 8 on (and Amazon Linux 2023): `yum` is dnf, whose cache is /var/cache/dnf. */
  yumIsDnf?: boolean;
}

const debian = (version: string, codename: string, status: ReleaseStatus): Release => ({ distro: 'debian', version, codename, status });
const ubuntu = (version: string, codename: string, status: ReleaseStatus, lts = false): Release =>
  ({ distro: 'ubuntu', version, codename, status, ...(lts ? { lts } : {}) });
const alpine = (version: string, status: ReleaseStatus): Release => ({ distro: 'alpine', version, codename: null, status });
const rpm = (distro: Distro, version: string, status: ReleaseStatus): Release =>
  ({ distro, version, codename: null, status, ...(Number(version) >= 8 ? { yumIsDnf: true } : {}) });

export const RELEASES: Release[] = [
  // Debian: https://deb.debian.org/debian/dists/<codename>/Release answers for the releases still on the
  // main mirrors (checked with curl: bullseye, bookworm, trixie 200; stretch, buster 404). Buster moved to
  // archive.debian.org in 2024, after its LTS ended; bullseye is in its LTS (to August 2026), still mirrored.
  debian('8', 'jessie', 'archived'),
  debian('9', 'stretch', 'archived'),
  debian('10', 'buster', 'archived'),
  debian('11', 'bullseye', 'supported'),
  debian('12', 'bookworm', 'supported'),
  debian('13', 'trixie', 'supported'),
  // Ubuntu: http://archive.ubuntu.com/ubuntu/dists/<codename>/Release (checked with curl: xenial, bionic,
  // focal, jammy, noble, plucky, questing 200; trusty, kinetic, lunar, mantic, oracular 404). LTS releases
  // past standard support stay on the archive (their ESM updates need a subscription), except trusty,
  // which is gone from it; interim releases leave it some months after their nine months of support.
  ubuntu('14.04', 'trusty', 'archived', true),
  ubuntu('16.04', 'xenial', 'eol', true),
  ubuntu('18.04', 'bionic', 'eol', true),
  ubuntu('20.04', 'focal', 'eol', true),
  ubuntu('20.10', 'groovy', 'archived'),
  ubuntu('21.04', 'hirsute', 'archived'),
  ubuntu('21.10', 'impish', 'archived'),
  ubuntu('22.04', 'jammy', 'supported', true),
  ubuntu('22.10', 'kinetic', 'archived'),
  ubuntu('23.04', 'lunar', 'archived'),
  ubuntu('23.10', 'mantic', 'archived'),
  ubuntu('24.04', 'noble', 'supported', true),
  ubuntu('24.10', 'oracular', 'archived'),
  ubuntu('25.04', 'plucky', 'eol'),
  ubuntu('25.10', 'questing', 'supported'),
  // Alpine: every branch stays on dl-cdn.alpinelinux.org after its two years of support (not checked from
  // here: that mirror does not answer this machine). Support ends per alpinelinux.org/releases.
  ...['3.12', '3.13', '3.14', '3.15', '3.16', '3.17', '3.18', '3.19', '3.20'].map((v) => alpine(v, 'eol')),
  ...['3.21', '3.22', '3.23', '3.24'].map((v) => alpine(v, 'supported')),
  // RHEL family, from the vendors' life-cycle pages. CentOS 7 and 8 are past their end and their mirrors
  // moved to vault.centos.org, so `yum install` fails on the stock images: archived by the definition above.
  rpm('rhel', '8', 'supported'),
  rpm('rhel', '9', 'supported'),
  rpm('rhel', '10', 'supported'),
  rpm('rocky', '8', 'supported'),
  rpm('rocky', '9', 'supported'),
  rpm('alma', '8', 'supported'),
  rpm('alma', '9', 'supported'),
  rpm('oraclelinux', '7', 'eol'),
  rpm('oraclelinux', '8', 'supported'),
  rpm('oraclelinux', '9', 'supported'),
  rpm('centos', '7', 'archived'),
  rpm('centos', '8', 'archived'),
  rpm('amazonlinux', '2', 'supported'),
  rpm('amazonlinux', '2023', 'supported'),
];

/** A release by distro and version (`12`, `22.04`, `3.19`; `3.19.1` finds 3.19) or codename (`bookworm`). */
export function findRelease(distro: Distro, key: string): Release | null {
  const k = key.toLowerCase();
  return RELEASES.find((r) => r.distro === distro && (r.version === k || r.codename === k || k.startsWith(`${r.version}.`))) ?? null;
}

/** The Debian or Ubuntu release a codename names (codenames are unique across the two). */
export function releaseByCodename(codename: string): Release | null {
  const k = codename.toLowerCase();
  return RELEASES.find((r) => r.codename === k) ?? null;
}

/** A short name for messages: `debian 12 (bookworm)`, `alpine 3.20`. */
export function releaseName(release: Release): string {
  return `${release.distro} ${release.version}${release.codename ? ` (${release.codename})` : ''}`;
}

/** Whether installing packages works on the release (its sources are still on the main mirrors). */
export function installsWork(release: Release): boolean {
  return release.status !== 'archived';
}
