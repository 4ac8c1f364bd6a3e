import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BUILD_TOOL_PACKAGES, crossBuild, describeImage, findRelease, initPackage, initPackageOfManager, installScript, isInitProgram, libcOf,
  answersPrompt, isWindowsImage, managerOfProgram, systemManagerOf, PACKAGE_MANAGER_FACTS, parseImageRef, parseTag, RELEASES,
  runtimeImage, compareVersion, type Release,
} from '../lib/knowledge/index.js';
import { languageOf } from '../lib/knowledge/images.js';

const release = (distro: Release['distro'], version: string): Release => {
  const found = findRelease(distro, version);
  if (!found) throw new Error(`no release ${distro} ${version}`);
  return found;
};
const rel = (raw: string) => {
  const r = describeImage(raw).release;
  return r ? `${r.distro} ${r.version}` : null;
};

// ------------------------------------------------------------ references

test('parseImageRef: registry-qualified names; Docker Hub names are bare', () => {
  assert.equal(parseImageRef('registry.example.com:5000/team/app:1.2'), {
    raw: 'registry.example.com:5000/team/app:1.2', registry: 'registry.example.com:5000', repository: 'team/app',
    name: 'registry.example.com:5000/team/app', tag: '1.2', digest: null, dynamic: false, arch: null,
  });
  assert.equal(parseImageRef('library/node:18'), { raw: 'library/node:18', registry: null, repository: 'node', name: 'node', tag: '18', digest: null, dynamic: false, arch: null });
  assert.equal(parseImageRef('docker.io/library/python:3.11').name, 'python');
  assert.equal(parseImageRef('gcr.io/distroless/static-debian12').name, 'gcr.io/distroless/static-debian12');
  assert.equal(parseImageRef('mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled').name, 'mcr.microsoft.com/dotnet/runtime-deps');
  assert.equal(parseImageRef('ubuntu@sha256:0123abcd'), { raw: 'ubuntu@sha256:0123abcd', registry: null, repository: 'ubuntu', name: 'ubuntu', tag: null, digest: 'sha256:0123abcd', dynamic: false, arch: null });
  assert.equal(parseImageRef('$BASE').dynamic, true);
});

// ------------------------------------------------------------ tags

const tagCases: [string, Record<string, unknown>][] = [
  ['3', { version: [3], slim: false, alpine: null, release: null }],
  ['3-slim', { version: [3], slim: true, alpine: null }],
  ['3-alpine', { version: [3], alpine: '' }],
  ['3.12-slim-bookworm', { version: [3, 12], slim: true, release: 'debian 12' }],
  ['20', { version: [20], alias: null }],
  ['lts-alpine3.19', { version: null, alias: 'lts', alpine: '3.19' }],
  ['18.04', { version: [18, 4] }],
  ['bookworm-slim', { version: null, slim: true, release: 'debian 12' }],
  ['17-jre', { version: [17], java: 'jre', javaVersion: null }],
  ['1.15-buster', { version: [1, 15], release: 'debian 10' }],
  ['8.0-jammy-chiseled', { version: [8, 0], chiseled: true, release: 'ubuntu 22.04' }],
  ['3-eclipse-temurin-17', { version: [3], javaVersion: 17 }],
  ['8.5-jdk17', { version: [8, 5], java: 'jdk', javaVersion: 17 }],
  ['ltsc2022-windowsservercore', { windows: 'windowsservercore' }],
  ['3.12-nanoserver-1809', { windows: 'nanoserver' }],
];
for (const [tag, expected] of tagCases) {
  test(`parseTag(${tag})`, () => {
    const t = parseTag(tag);
    for (const [key, value] of Object.entries(expected)) {
      const actual = key === 'release' ? (t.release ? `${t.release.distro} ${t.release.version}` : null) : (t as any)[key];
      assert.equal(actual, value, key);
    }
  });
}

test('a bare major version is the newest of that major, not x.0', () => {
  assert.ok(compareVersion([3], [3, 6]) > 0);
  assert.ok(compareVersion([3, 5], [3, 6]) < 0);
  assert.is(compareVersion([3, 6], [3, 6]), 0);
  assert.ok(compareVersion([2], [3, 6]) < 0);
});

// ------------------------------------------------------------ images

const imageCases: [string, { family: string | null; os: string; pm: string | null; shell: boolean | null; release: string | null; language?: string | null }][] = [
  ['python:3', { family: 'python', os: 'debian', pm: 'apt', shell: true, release: 'debian 13', language: 'python' }],
  ['python:3-slim', { family: 'python', os: 'debian', pm: 'apt', shell: true, release: 'debian 13' }],
  ['python:3-alpine', { family: 'python', os: 'alpine', pm: 'apk', shell: true, release: null }],
  ['python:3.12-slim-bookworm', { family: 'python', os: 'debian', pm: 'apt', shell: true, release: 'debian 12' }],
  ['node:20', { family: 'node', os: 'debian', pm: 'apt', shell: true, release: 'debian 12', language: 'node' }],
  ['node:lts-alpine3.19', { family: 'node', os: 'alpine', pm: 'apk', shell: true, release: 'alpine 3.19' }],
  ['ubuntu@sha256:0123abcd', { family: 'ubuntu', os: 'debian', pm: 'apt', shell: true, release: null }],
  ['ubuntu:18.04', { family: 'ubuntu', os: 'debian', pm: 'apt', shell: true, release: 'ubuntu 18.04' }],
  ['debian:12', { family: 'debian', os: 'debian', pm: 'apt', shell: true, release: 'debian 12' }],
  ['debian:bookworm-slim', { family: 'debian', os: 'debian', pm: 'apt', shell: true, release: 'debian 12' }],
  ['eclipse-temurin:17-jre', { family: 'eclipse-temurin', os: 'debian', pm: 'apt', shell: true, release: null, language: 'java' }],
  ['golang:1.15-buster', { family: 'golang', os: 'debian', pm: 'apt', shell: true, release: 'debian 10', language: 'go' }],
  ['mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled', { family: 'dotnet', os: 'none', pm: null, shell: false, release: 'ubuntu 22.04' }],
  ['mcr.microsoft.com/dotnet/sdk:8.0', { family: 'dotnet', os: 'debian', pm: 'apt', shell: true, release: 'debian 12' }],
  ['gcr.io/distroless/static-debian12', { family: 'distroless', os: 'none', pm: null, shell: false, release: null }],
  ['$BASE', { family: null, os: 'unknown', pm: null, shell: null, release: null, language: null }],
  ['registry.example.com:5000/team/app:1.2', { family: null, os: 'unknown', pm: null, shell: null, release: null }],
  ['library/node:18', { family: 'node', os: 'debian', pm: 'apt', shell: true, release: 'debian 12' }],
  ['docker.io/library/python:3.11', { family: 'python', os: 'debian', pm: 'apt', shell: true, release: 'debian 13' }],
  ['busybox', { family: 'busybox', os: 'none', pm: null, shell: true, release: null }],
  ['registry.access.redhat.com/ubi9/ubi-minimal', { family: 'ubi', os: 'rhel', pm: 'microdnf', shell: true, release: 'rhel 9' }],
  ['amazoncorretto:17', { family: 'amazoncorretto', os: 'rhel', pm: 'yum', shell: true, release: null }],
  ['mysql:8.0', { family: 'mysql', os: 'rhel', pm: 'microdnf', shell: true, release: null }],
  ['centos:7', { family: 'rhel-like', os: 'rhel', pm: 'yum', shell: true, release: 'centos 7' }],
  ['rockylinux:9', { family: 'rhel-like', os: 'rhel', pm: 'dnf', shell: true, release: 'rocky 9' }],
  ['python:3.12-windowsservercore', { family: 'python', os: 'unknown', pm: null, shell: false, release: null }],
  ['cgr.dev/chainguard/static', { family: 'chainguard', os: 'none', pm: null, shell: false, release: null }],
  ['public.ecr.aws/docker/library/node:20', { family: 'node', os: 'debian', pm: 'apt', shell: true, release: 'debian 12' }],
];
for (const [raw, e] of imageCases) {
  test(`describeImage(${raw})`, () => {
    const d = describeImage(raw);
    assert.equal(
      { family: d.family, os: d.os, pm: d.packageManager, shell: d.hasShell, release: rel(raw), ...('language' in e ? { language: d.language } : {}) },
      e,
    );
  });
}

test('default releases of tags without a codename follow docker-library history', () => {
  assert.equal(['node:16', 'node:17', 'node:18', 'node:24', 'node:26', 'node:9'].map(rel), ['debian 10', 'debian 11', 'debian 12', 'debian 12', 'debian 13', null]);
  assert.equal(['python:3.8', 'python:3.9', 'python:3.12', 'python:3.6', 'python:latest'].map(rel), ['debian 12', 'debian 13', 'debian 13', null, 'debian 13']);
  assert.equal(['golang:1.15', 'golang:1.16', 'golang:1.22', 'golang:1.23', 'golang:1'].map(rel), ['debian 10', 'debian 11', 'debian 12', 'debian 13', 'debian 13']);
  assert.equal(['debian:latest', 'ubuntu:latest', 'ubuntu:jammy', 'alpine:3.20'].map(rel), ['debian 13', 'ubuntu 24.04', 'ubuntu 22.04', 'alpine 3.20']);
});

test('what images run, and since which versions', () => {
  assert.equal(describeImage('node:20').defaults, {
    entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], user: null, workdir: '/', entrypointActsOn: [],
    entrypointCommands: ['node', 'npm', 'npx', 'yarn', 'yarnpkg', 'corepack', 'sh'],
  });
  assert.equal(describeImage('memcached:1.6').defaults, { entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], user: 'memcache', entrypointActsOn: ['memcached'], exposes: ['11211'] });
  assert.equal(describeImage('php:8.3-fpm').defaults, {
    entrypoint: ['docker-php-entrypoint'], cmd: undefined, user: null, entrypointActsOn: [], entrypointCommands: ['php', 'php-fpm', 'apache2-foreground', 'sh'], entrypointOptionsOnly: true,
  });
  assert.is(describeImage('node:14').defaults, null);
  assert.is(describeImage('golang:1.15').defaults, null);
});

// multi-stage assumed every image starts in `/` and golang in `/go`; now the rows say so, and other images' WORKDIR is unknown.
test('image WORKDIRs: golang /go, node, python, debian and ubuntu /; not known elsewhere', () => {
  const workdir = (raw: string) => describeImage(raw).defaults?.workdir;
  assert.equal(['golang:1.22', 'node:20', 'python:3.12', 'debian:bookworm', 'ubuntu:22.04'].map(workdir), ['/go', '/', '/', '/', '/']);
  assert.equal(['memcached:1.6', 'eclipse-temurin:17-jdk', 'golang:1.15'].map(workdir), [undefined, undefined, undefined]);
});

test('accounts images create besides root', () => {
  assert.equal(describeImage('node:20-slim').users, ['node']);
  assert.equal(describeImage('node:20-alpine').users, ['node']);
  assert.equal(describeImage('gcr.io/distroless/static-debian12').users, ['nonroot', 'nobody']);
  assert.equal(describeImage('python:3.12-slim').users, []);
  assert.equal(describeImage('mycorp/base').users, []);
});

test('libcOf: none on scratch and distroless/static, musl on alpine, glibc on Debian and distroless/base', () => {
  const cases: [string, string | null][] = [
    ['scratch', 'none'], ['gcr.io/distroless/static-debian12', 'none'], ['gcr.io/distroless/static', 'none'],
    ['gcr.io/distroless/base-debian12', 'glibc'], ['gcr.io/distroless/cc-debian12', 'glibc'], ['alpine:3.20', 'musl'],
    ['node:20-alpine', 'musl'], ['node:20-slim', 'glibc'], ['debian:bookworm-slim', 'glibc'], ['ubuntu:22.04', 'glibc'],
    ['eclipse-temurin:17-jre', 'glibc'], ['mycorp/base', null],
  ];
  for (const [raw, libc] of cases) assert.is(libcOf(raw), libc, raw);
});

test('crossBuild: Go cross-compiles, Java is portable, Node, Python and Rust outputs are bound to the build platform', () => {
  assert.equal(['go', 'java', 'node', 'python', 'rust', 'php', null].map((l) => crossBuild(l as never)?.kind ?? null),
    ['cross-compiles', 'portable', 'platform-bound', 'platform-bound', 'platform-bound', null, null]);
});

test('build tool packages: compilers and fetchers, not libraries or inits', () => {
  for (const pkg of ['gcc', 'build-essential', 'make', 'git', 'curl', 'libc6-dev']) assert.ok(BUILD_TOOL_PACKAGES.has(pkg), pkg);
  for (const pkg of ['libssl-dev', 'libssl3', 'tini', 'python3', 'nginx']) assert.not.ok(BUILD_TOOL_PACKAGES.has(pkg), pkg);
});

// Disagreement fixed: init-entrypoint's `since: [3, 6]` check read `python:3` as 3.0.
test('python:3 is the newest 3.x: its defaults hold (since 3.6)', () => {
  assert.equal(describeImage('python:3').defaults, { entrypoint: null, cmd: ['python3'], user: null, workdir: '/' });
  assert.is(describeImage('python:3.5').defaults, null);
});

// Fixed: python 2 tags were unknown ("dfmod does not know the ENTRYPOINT of python:2"); they run python2, on buster.
test('python 2 tags: no ENTRYPOINT, CMD python2, built on buster (alpine tags: their own release)', () => {
  for (const raw of ['python:2', 'python:2.7', 'python:2-slim', 'python:2.7.18', 'python:2.7-alpine']) {
    assert.equal(describeImage(raw).defaults, { entrypoint: null, cmd: ['python2'], user: null, workdir: '/' }, raw);
  }
  assert.equal(['python:2', 'python:2.7', 'python:2-slim', 'python:2.7.18', 'python:2.7-slim-stretch', 'python:2.7-alpine'].map(rel),
    ['debian 10', 'debian 10', 'debian 10', 'debian 10', 'debian 9', null]);
  // Between them, 3.0 to 3.6: what they ran and where is not in the table.
  assert.equal(['python:3.4', 'python:3.6'].map(rel), [null, null]);
  assert.equal(describeImage('python:3.6').defaults?.cmd, ['python3']);
});

// ------------------------------------------------------------ runtime variants

const runtimeCases: [string, string | RegExp, ('static' | 'dynamic')?][] = [
  ['python:3.12', 'python:3.12-slim'],
  ['python:3.12-bookworm', 'python:3.12-slim-bookworm'],
  ['python:latest', 'python:slim'],
  ['node:20', 'node:20-slim'],
  ['node:20-bookworm', 'node:20-bookworm-slim'],
  ['node:lts-alpine3.19', 'node:lts-alpine3.19'],
  ['golang:1.22', 'gcr.io/distroless/static-debian12'],
  ['golang:1.22', 'gcr.io/distroless/base-debian12', 'dynamic'],
  ['golang:1.24-bookworm', 'gcr.io/distroless/static-debian12'],
  ['golang:1.24', 'gcr.io/distroless/static-debian13'],
  ['golang:1.22-alpine', /musl/, 'dynamic'],
  ['eclipse-temurin:17-jdk', 'eclipse-temurin:17-jre'],
  ['eclipse-temurin:17', 'eclipse-temurin:17-jre'],
  ['eclipse-temurin:21-jdk-jammy', 'eclipse-temurin:21-jre-jammy'],
  ['eclipse-temurin:17-jre', /already a JRE/],
  ['maven:3-eclipse-temurin-17', 'eclipse-temurin:17-jre'],
  ['maven:3.9-eclipse-temurin-21-alpine', 'eclipse-temurin:21-jre-alpine'],
  ['gradle:8.5-jdk17', 'eclipse-temurin:17-jre'],
  ['gcc:13-bookworm', 'debian:bookworm-slim'],
  ['gcc:13', /names no Debian or Ubuntu release/],
  ['debian:bookworm', 'debian:bookworm-slim'],
  ['buildpack-deps:jammy', 'ubuntu:jammy'],
  ['python@sha256:0123abcd', /digest/],
  // Pinned by digest: the image is its own runtime (the same pin), or the runtime would need a digest dfmod does not know.
  ['python:3.12-slim@sha256:0123abcd', 'python:3.12-slim@sha256:0123abcd'],
  ['docker.io/library/node:20-alpine@sha256:0123abcd', 'docker.io/library/node:20-alpine@sha256:0123abcd'],
  ['python:3.12@sha256:0123abcd', /pinned by digest, and its runtime image python:3\.12-slim would need a digest too/],
  ['$BASE', /knows no runtime/],
];
for (const [raw, expected, linkage] of runtimeCases) {
  test(`runtimeImage(${raw}${linkage ? `, ${linkage}` : ''})`, () => {
    const choice = runtimeImage(raw, linkage);
    if (typeof expected === 'string') assert.equal(choice, { image: expected });
    else assert.ok('none' in choice && expected.test(choice.none), JSON.stringify(choice));
  });
}

// Disagreement fixed: init-entrypoint's ARCHIVED_TAG called buster archived, while multi-stage's slimTag
// mapped python:3.8-buster to python:3.8-slim-buster as a runtime to build on.
test('buster is archived everywhere: no runtime stage is built on it', () => {
  assert.is(release('debian', 'buster').status, 'archived');
  assert.ok(/archived/.test((runtimeImage('python:3.8-buster') as { none: string }).none));
  assert.ok(/archived/.test((runtimeImage('node:16') as { none: string }).none));
});

// Disagreement fixed: multi-stage's DEBIAN_RELEASES had no buster row, so golang:1.15-buster got a debian12 runtime.
test('golang:1.15-buster gets no distroless debian12 runtime', () => {
  assert.equal(rel('golang:1.15-buster'), 'debian 10');
  assert.ok(/archived/.test((runtimeImage('golang:1.15-buster') as { none: string }).none));
  assert.ok(/archived/.test((runtimeImage('golang:1.15') as { none: string }).none));
});

// ------------------------------------------------------------ releases

test('release statuses (checked against deb.debian.org and archive.ubuntu.com)', () => {
  const status = (d: Release['distro'], v: string) => release(d, v).status;
  assert.equal(['9', '10', '11', '12', '13'].map((v) => status('debian', v)), ['archived', 'archived', 'supported', 'supported', 'supported']);
  assert.equal(['stretch', 'buster', 'bullseye', 'bookworm', 'trixie'].map((c) => release('debian', c).version), ['9', '10', '11', '12', '13']);
  assert.equal(['14.04', '16.04', '18.04', '20.04', '22.04', '24.04'].map((v) => status('ubuntu', v)), ['archived', 'eol', 'eol', 'eol', 'supported', 'supported']);
  assert.equal(['23.10', '24.10', '25.04', '25.10'].map((v) => status('ubuntu', v)), ['archived', 'archived', 'eol', 'supported']);
  assert.equal(['centos 7', 'amazonlinux 2', 'amazonlinux 2023', 'rhel 9', 'rocky 8', 'alma 9'].map((s) => status(...(s.split(' ') as [Release['distro'], string]))),
    ['archived', 'supported', 'supported', 'supported', 'supported', 'supported']);
  assert.equal(findRelease('alpine', '3.19.1')?.version, '3.19');
  assert.ok(RELEASES.filter((r) => r.distro === 'ubuntu' && r.lts).every((r) => r.version.endsWith('.04')));
});

// Disagreement fixed: init-entrypoint said it "knows the LTS releases" and refused 14.04, an LTS; the fact
// is that trusty is gone from archive.ubuntu.com, so installing anything fails there.
test('ubuntu:14.04 is an LTS whose packages are archived', () => {
  const trusty = describeImage('ubuntu:14.04').release!;
  assert.equal([trusty.codename, trusty.lts, trusty.status], ['trusty', true, 'archived']);
});

// ------------------------------------------------------------ init packages

test('tini and dumb-init per release', () => {
  const both = (d: Release['distro'], v: string) => ['tini', 'dumb-init'].map((i) => {
    const p = initPackage(release(d, v), i as 'tini' | 'dumb-init');
    return 'path' in p ? p.path : p.missing;
  });
  assert.equal(both('ubuntu', '14.04'), ['ubuntu 14.04 (trusty) is archived: its package sources are gone from the mirrors, so installing tini fails',
    'ubuntu 14.04 (trusty) is archived: its package sources are gone from the mirrors, so installing dumb-init fails']);
  assert.equal(both('ubuntu', '16.04'), ['ubuntu 16.04 (xenial) has no tini package', 'ubuntu 16.04 (xenial) has no dumb-init package']);
  assert.equal(both('ubuntu', '18.04'), ['ubuntu 18.04 (bionic) has no tini package', '/usr/bin/dumb-init']);
  for (const v of ['20.04', '22.04', '24.04']) assert.equal(both('ubuntu', v), ['/usr/bin/tini', '/usr/bin/dumb-init'], v);
  assert.ok(/archived/.test(both('debian', '9')[0]) && /archived/.test(both('debian', '10')[1]));
  for (const v of ['11', '12', '13']) assert.equal(both('debian', v), ['/usr/bin/tini', '/usr/bin/dumb-init'], v);
  assert.equal(both('alpine', '3.20'), ['/sbin/tini', '/usr/bin/dumb-init']);
  assert.ok(/EPEL/.test(both('rhel', '9')[0]));
});

test('why an init is missing, as a reason a transform can name', () => {
  const reason = (p: ReturnType<typeof initPackage>) => ('reason' in p ? p.reason : p.path);
  assert.equal(reason(initPackage(release('ubuntu', '14.04'), 'tini')), 'archived');
  assert.equal(reason(initPackage(release('ubuntu', '18.04'), 'tini')), 'no-package');
  assert.equal(reason(initPackage(release('rocky', '9'), 'tini')), 'not-in-base-repositories');
  assert.equal(reason(initPackage(release('ubuntu', '25.04'), 'tini')), '/usr/bin/tini');
});

test('inits by package manager, when the release is not known', () => {
  const of = (m: Parameters<typeof initPackageOfManager>[0]) => {
    const p = initPackageOfManager(m, 'tini');
    return 'path' in p ? p.path : `${p.reason}: ${p.missing}`;
  };
  assert.equal(of('apt'), '/usr/bin/tini');
  assert.equal(of('apk'), '/sbin/tini');
  assert.equal(of('microdnf'), 'not-in-base-repositories: tini is in EPEL or nowhere, not in the base repositories of RHEL-family images');
  assert.equal(of('zypper'), 'no-known-package: dfmod does not know a tini package for SUSE images');
  const dumb = initPackageOfManager('apk', 'dumb-init');
  assert.equal('path' in dumb && dumb.path, '/usr/bin/dumb-init');
});

test('programs that already are an init', () => {
  assert.equal(['tini', '/usr/bin/tini-static', '/sbin/docker-init', 'catatonit', '/usr/bin/supervisord', '/lib/systemd/systemd', 's6-svscan'].map(isInitProgram),
    [true, true, true, true, true, true, true]);
  // `init` only at the paths of s6-overlay and system inits: an app's argument named init is not one.
  assert.equal(['/init', '/sbin/init', 'init', '/app/init', 'app'].map(isInitProgram), [true, true, false, false, false]);
});

// ------------------------------------------------------------ package managers

test('install scripts per image package manager', () => {
  assert.equal(installScript('apt', ['tini']), 'apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*');
  assert.equal(installScript('apk', ['tini', 'curl']), 'apk add --no-cache tini curl');
  assert.equal(installScript('dnf', ['tini']), 'dnf install -y tini && dnf clean all');
  assert.equal(installScript('zypper', ['tini']), 'zypper -n install tini && zypper clean -a');
});

test('package-manager facts', () => {
  assert.equal(PACKAGE_MANAGER_FACTS.apk.noCacheFlag, '--no-cache');
  assert.equal(PACKAGE_MANAGER_FACTS['apt-get'].cleanup, ['rm -rf /var/lib/apt/lists/*']);
  assert.equal(PACKAGE_MANAGER_FACTS.zypper.yes?.flag, '-n');
  assert.equal(PACKAGE_MANAGER_FACTS.pip.noCacheFlag, '--no-cache-dir');
  assert.equal(['/usr/bin/pip3.12', 'pip', 'mamba', 'apt-get', 'pipx', 'make'].map(managerOfProgram), ['pip', 'pip', 'conda', 'apt-get', null, null]);
  // Language package managers read to tell installs from other work (merge-runs); no transform cleans up after them.
  assert.equal(['cpanm', 'cpan', 'composer.phar', 'bundler', 'pnpm', 'luarocks', 'uv', 'poetry'].map(managerOfProgram), ['cpanm', 'cpan', 'composer', 'bundle', 'pnpm', 'luarocks', 'uv', 'poetry']);
  assert.ok(PACKAGE_MANAGER_FACTS.cpanm.operandsArePackages && PACKAGE_MANAGER_FACTS.cpanm.system === undefined);
});

test('package-manager facts the cleanup transforms use', () => {
  const apt = PACKAGE_MANAGER_FACTS['apt-get'];
  assert.is(apt.indexDir, '/var/lib/apt/lists');
  assert.ok(apt.promptVerbs!.includes('build-dep') && !apt.promptVerbs!.includes('update'));
  assert.ok(apt.indexFreeVerbs!.includes('purge') && !apt.indexFreeVerbs!.includes('install'));
  assert.ok(apt.valueOptions!.includes('-a') && apt.valueOptions!.includes('-o'));
  assert.equal(apt.indexReaders, ['apt-cache', 'aptitude']);
  assert.ok(apt.sourceMarkers!.includes('add-apt-repository'));
  const { scriptEquivalent } = PACKAGE_MANAGER_FACTS.apt;
  assert.is(scriptEquivalent!.program, 'apt-get');
  assert.is(scriptEquivalent!.verbs['full-upgrade'], 'dist-upgrade');
  assert.is(scriptEquivalent!.verbs.upgrade, 'upgrade --with-new-pkgs');
  assert.is(scriptEquivalent!.verbs.list, undefined, 'apt list has no apt-get counterpart');
  assert.ok(PACKAGE_MANAGER_FACTS.zypper.yes!.global, 'zypper -n goes before the subcommand');
  assert.equal(PACKAGE_MANAGER_FACTS.zypper.cacheVerbs, ['refresh', 'ref']);
  assert.equal(PACKAGE_MANAGER_FACTS.dnf.offlineFlags, ['-C', '--cacheonly']);
  assert.equal(PACKAGE_MANAGER_FACTS.dnf.yes!.spellings, ['-y', '--assumeyes'], 'dnf has no --yes');
  assert.equal(PACKAGE_MANAGER_FACTS.apk.indexVerbs, ['update']);
  assert.equal(PACKAGE_MANAGER_FACTS.pip.cacheDisabledBy, ['PIP_NO_CACHE_DIR']);
  assert.ok(PACKAGE_MANAGER_FACTS.gem.noCacheSpellings!.includes('-N'));
  assert.equal(PACKAGE_MANAGER_FACTS.npm.cleanVerbs, ['cache']);
});

test('old questions answer from the same table', () => {
  assert.is(describeImage('mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled').os, 'none');
  assert.is(describeImage('python:3.12-windowsservercore').os, 'unknown');
  assert.is(languageOf('registry.example.com/node:20'), 'node');
});

test('isWindowsImage: by repository, by tag words, by --platform', () => {
  const images = [
    'mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/nanoserver:ltsc2022', 'microsoft/windowsservercore',
    'python:3.12-windowsservercore', 'golang:1.22-nanoserver-ltsc2022', 'python:3.12', 'node:20-bookworm', '$BASE',
  ];
  assert.equal(images.map((image) => isWindowsImage(image)), [true, true, true, true, true, false, false, false]);
  assert.is(isWindowsImage('example/app', 'windows/amd64'), true);
  assert.is(isWindowsImage('example/app', 'linux/amd64'), false);
  // A community image named for Windows (review round 4: its PowerShell SHELL was given `&&`).
  assert.is(isWindowsImage('stefanscherer/node-windows:6.9.2-nano'), true);
  assert.is(isWindowsImage('example/windowsish-tools'), false);
});

test('answersPrompt: a spelling of the yes flag, a short-flag group with its letter, an option that sets it', () => {
  const words = ['-y', '--yes', '-qqy', '-qq', '-o', 'APT::Get::Assume-Yes=true', 'apt::get::assume-yes=1', '--no-install-recommends'];
  assert.equal(words.map((w) => answersPrompt('apt-get', w)), [true, true, true, false, false, true, true, false]);
  assert.equal(['-n', '-y', '--non-interactive', '--no-confirm', '-qn', '-q'].map((w) => answersPrompt('zypper', w)), [true, true, true, true, true, false]);
  assert.equal(['-y', '--assumeyes', '-qy', '--yes'].map((w) => answersPrompt('dnf', w)), [true, true, true, false]);
  assert.is(answersPrompt('apk', '-y'), false, 'apk never prompts');
});

test('the system package manager of a program (its row of PACKAGE_MANAGER_FACTS)', () => {
  assert.equal(['/usr/bin/apt-get', 'apt', 'dnf5', 'pip3', 'npm'].map(systemManagerOf), ['apt', 'apt', 'dnf', null, null]);
});


// Review C: `python:3.8.5-slim` (built on buster, now archived) was read as today's 3.8 tag (bookworm).
test('a tag pinning a patch version of an official language image names no release dfmod knows; x.y and x tags keep theirs', () => {
  for (const raw of ['python:3.8.5-slim', 'python:3.8.5', 'node:20.11.1-slim', 'golang:1.15.2', 'ruby:2.7.1', 'php:8.2.12-apache', 'eclipse-temurin:17.0.9_9-jdk', 'python:3.13.0rc2-slim']) {
    assert.is(describeImage(raw).release, null, raw);
  }
  assert.is(describeImage('python:3.8.5-slim').unknownRelease,
    'its tag pins version 3.8.5, whose images were built on the release current when it came out; name the release in the tag (`python:3.8.5-slim-<codename>`), where one was published for that version');
  assert.is(describeImage('node:20.11.1-slim').unknownRelease,
    'its tag pins version 20.11.1, whose images were built on the release current when it came out; name the release in the tag (`node:20.11.1-<codename>-slim`), where one was published for that version');
  assert.equal(['python:3.8-slim', 'python:3.12.1-slim-bookworm', 'node:20.11.1-bookworm-slim', 'python:2.7.18', 'node:20', 'golang:1.22'].map(rel),
    ['debian 12', 'debian 12', 'debian 12', 'debian 10', 'debian 12', 'debian 12']);
  for (const raw of ['python:3.8-slim', 'python:3.12.1-slim-bookworm', 'python:2.7.18', 'mcr.microsoft.com/dotnet/sdk:8.0.100']) assert.is(describeImage(raw).unknownRelease, null, raw);
  assert.is(rel('mcr.microsoft.com/dotnet/sdk:8.0.100'), 'debian 12');
});

test('a patch pin of a version whose releases row lists what its pins were built on: pinReleases names them; otherwise null', () => {
  assert.equal(describeImage('node:20.12.2').pinReleases?.map((r) => r.codename), ['bullseye', 'bookworm', 'trixie']);
  assert.equal(describeImage('node:20.12.2-slim').pinReleases?.map((r) => r.codename), ['bullseye', 'bookworm', 'trixie']);
  for (const raw of ['node:16.20.2', 'python:3.8.5-slim', 'node:20', 'node:20.12.2-bookworm']) assert.is(describeImage(raw).pinReleases, null, raw);
});

test.run();
