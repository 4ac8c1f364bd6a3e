import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';

const only = ['init-entrypoint'];
const APT = 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*';
const APK = 'RUN apk add --no-cache tini';

// --- per base family ---------------------------------------------------------

test('Debian-based language image: inherited ENTRYPOINT (node) wrapped, added before CMD, CMD kept', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "server.js"]'),
    lines(
      'FROM node:20',
      APT,
      'WORKDIR /app',
      'COPY . .',
      'RUN npm ci',
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["node", "server.js"]',
    ),
    { only },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['init-entrypoint', 5]]);
  assert.equal(result.notes, [], 'no note once the init is in place');
});

test('a base named by a global ARG with a default: the image the default names', async () => {
  await expectOutput(
    lines('ARG BASE=node:20-bookworm', 'FROM $BASE', 'CMD ["node", "a.js"]'),
    lines('ARG BASE=node:20-bookworm', 'FROM $BASE', APT, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]'),
    { only },
  );
  await expectRefused(lines('ARG BASE', 'FROM ${BASE}-slim', 'CMD ["/app"]'), 'dynamic-base', { only, line: 2 });
});

test('-slim image without an ENTRYPOINT: install after the ARG/ENV/LABEL lines that follow FROM', async () => {
  await expectOutput(
    lines('FROM python:3.11-slim', 'ARG V=1', 'ENV PYTHONUNBUFFERED=1', 'LABEL a=b', 'WORKDIR /app', 'CMD python app.py'),
    lines(
      'FROM python:3.11-slim',
      'ARG V=1',
      'ENV PYTHONUNBUFFERED=1',
      'LABEL a=b',
      APT,
      'WORKDIR /app',
      'ENTRYPOINT ["/usr/bin/tini", "--"]',
      'CMD python app.py',
    ),
    { only },
  );
});

test('Ubuntu LTS', async () => {
  await expectOutput(
    lines('FROM ubuntu:22.04', 'COPY app /app', 'CMD ["/app"]'),
    lines('FROM ubuntu:22.04', APT, 'COPY app /app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app"]'),
    { only },
  );
});

test('Alpine: apk, /sbin/tini', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'COPY app /app', 'CMD ["/app"]'),
    lines('FROM alpine:3.20', APK, 'COPY app /app', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app"]'),
    { only },
  );
});

test('-alpine variant of a language image, inherited ENTRYPOINT wrapped', async () => {
  await expectOutput(
    lines('FROM node:20-alpine', 'CMD ["node", "index.js"]'),
    lines('FROM node:20-alpine', APK, 'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "index.js"]'),
    { only },
  );
});

test('no CMD in the stage: the inherited CMD (nginx) is stated again, since a new ENTRYPOINT resets it', async () => {
  await expectOutput(
    lines('FROM nginx:1.27-alpine', 'COPY site /usr/share/nginx/html'),
    lines(
      'FROM nginx:1.27-alpine',
      APK,
      'COPY site /usr/share/nginx/html',
      'ENTRYPOINT ["/sbin/tini", "--", "/docker-entrypoint.sh"]',
      'CMD ["nginx", "-g", "daemon off;"]',
    ),
    { only },
  );
});

test('a stage that is only FROM: install and ENTRYPOINT at the same point, in order', async () => {
  await expectOutput(
    lines('FROM python:3.12'),
    lines('FROM python:3.12', APT, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python3"]'),
    { only },
  );
});

test('no final newline stays without one', async () => {
  await expectOutput('FROM alpine\nCMD ["/app"]', 'FROM alpine\n' + APK + '\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["/app"]', { only });
});

// --- existing ENTRYPOINTs ------------------------------------------------------

test('exec-form ENTRYPOINT is wrapped; CMD kept', async () => {
  await expectOutput(
    lines('FROM node:20-slim', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node", "a.js"]'),
    lines('FROM node:20-slim', APT, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]'),
    { only },
  );
});

test('shell-form ENTRYPOINT with a CMD: wrapped as the exact sh -c Docker runs (CMD stays $0.. and is ignored as before)', async () => {
  await expectOutput(
    lines('FROM debian:bookworm-slim', 'ENTRYPOINT ./start.sh --x', 'CMD ["ignored"]'),
    lines('FROM debian:bookworm-slim', APT, 'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "./start.sh --x"]', 'CMD ["ignored"]'),
    { only },
  );
});

test('shell-form ENTRYPOINT that needs a shell keeps it', async () => {
  await expectOutput(
    lines('FROM alpine', 'ENTRYPOINT exec app --port "$PORT"'),
    lines('FROM alpine', APK, 'ENTRYPOINT ["/sbin/tini", "--", "/bin/sh", "-c", "exec app --port \\"$PORT\\""]'),
    { only },
  );
});

test('shell-form ENTRYPOINT of plain words and no CMD: not run directly, which would hand it `docker run` arguments it ignored', async () => {
  await expectRefused(lines('FROM debian:bookworm', 'ENTRYPOINT ./start.sh \\', '    --x'), 'withheld-command', { only });
});

test('shell-form ENTRYPOINT under a SHELL: wrapped with that shell, as Docker stores it', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'ENTRYPOINT app serve'),
    lines(
      'FROM debian:bookworm',
      APT,
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/bash", "-o", "pipefail", "-c", "app serve"]',
    ),
    { only },
  );
});

test('ENTRYPOINT [] (cleared) becomes just the init', async () => {
  await expectOutput(
    lines('FROM node:20', 'ENTRYPOINT []', 'CMD ["node", "a.js"]'),
    lines('FROM node:20', APT, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "a.js"]'),
    { only },
  );
});

// --- users and stages ------------------------------------------------------------

test('USER in the stage comes after the install, which runs as root', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN useradd app', 'USER app', 'CMD ["python", "a.py"]'),
    lines('FROM python:3.11', APT, 'RUN useradd app', 'USER app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python", "a.py"]'),
    { only },
  );
});

test('a non-root USER inherited from an earlier stage: switch to root and back', async () => {
  await expectOutput(
    lines('FROM node:20-slim AS base', 'USER node', '', 'FROM base AS runtime', 'COPY . .', 'CMD ["node", "a.js"]'),
    lines(
      'FROM node:20-slim AS base',
      'USER node',
      '',
      'FROM base AS runtime',
      'USER root',
      APT,
      'USER node',
      'COPY . .',
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["node", "a.js"]',
    ),
    { only },
  );
});

test('a base image that runs as non-root (memcached): switch to root and back', async () => {
  await expectOutput(
    lines('FROM memcached:1.6', 'CMD ["memcached", "-m", "64"]'),
    lines(
      'FROM memcached:1.6',
      'USER root',
      APT,
      'USER memcache',
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["memcached", "-m", "64"]',
    ),
    { only },
  );
});

test('final stage built on an earlier one: its ENTRYPOINT and CMD are inherited and stated again', async () => {
  await expectOutput(
    lines('FROM alpine AS base', 'ENTRYPOINT ["/app"]', 'CMD ["--serve"]', 'FROM base', 'COPY x /x'),
    lines('FROM alpine AS base', 'ENTRYPOINT ["/app"]', 'CMD ["--serve"]', 'FROM base', APK, 'COPY x /x', 'ENTRYPOINT ["/sbin/tini", "--", "/app"]', 'CMD ["--serve"]'),
    { only },
  );
});

test('only the final stage changes', async () => {
  await expectOutput(
    lines('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM debian:bookworm-slim', 'COPY --from=build /app /app', 'CMD ["/app"]'),
    lines('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM debian:bookworm-slim', APT, 'COPY --from=build /app /app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app"]'),
    { only },
  );
});

test('tini already installed by a RUN (here in an earlier stage): only the ENTRYPOINT is added', async () => {
  await expectOutput(
    lines('FROM node:20-slim AS base', 'RUN apt-get update && apt-get install -y tini', 'FROM base', 'CMD ["node", "a.js"]'),
    lines('FROM node:20-slim AS base', 'RUN apt-get update && apt-get install -y tini', 'FROM base', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]'),
    { only },
  );
  await expectOutput(
    lines('FROM alpine', 'RUN apk add --no-cache curl tini', 'CMD ["/app"]'),
    lines('FROM alpine', 'RUN apk add --no-cache curl tini', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app"]'),
    { only },
  );
});

// --- options and text fidelity -----------------------------------------------------

test('option init=dumb-init (apt and apk)', async () => {
  const options = { 'init-entrypoint': { init: 'dumb-init' } };
  await expectOutput(
    lines('FROM debian:12', 'CMD ["/app"]'),
    lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*',
      'ENTRYPOINT ["/usr/bin/dumb-init", "--"]',
      'CMD ["/app"]',
    ),
    { only, options },
  );
  await expectOutput(
    lines('FROM alpine', 'CMD ["/app"]'),
    lines('FROM alpine', 'RUN apk add --no-cache dumb-init', 'ENTRYPOINT ["/usr/bin/dumb-init", "--"]', 'CMD ["/app"]'),
    { only, options },
  );
});

test('comments above the CMD stay with it (a suppression must not move to the new ENTRYPOINT)', async () => {
  await expectOutput(
    lines('FROM alpine', '', '# start the app', '# hadolint ignore=DL3025', 'CMD /app'),
    lines('FROM alpine', APK, '', 'ENTRYPOINT ["/sbin/tini", "--"]', '# start the app', '# hadolint ignore=DL3025', 'CMD /app'),
    { only },
  );
});

test('CRLF files get CRLF lines', async () => {
  await expectOutput(
    'FROM alpine\r\nCMD ["/app"]\r\n',
    `FROM alpine\r\n${APK}\r\nENTRYPOINT ["/sbin/tini", "--"]\r\nCMD ["/app"]\r\n`,
    { only },
  );
});

test('together with exec-form: the shell-form CMD also becomes JSON, and the result is a fixpoint', async () => {
  await expectOutput(
    lines('FROM node:20', 'CMD node server.js'),
    lines('FROM node:20', APT, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]'),
    { only: ['init-entrypoint', 'exec-form'] },
  );
});

// --- refusals ----------------------------------------------------------------------

// Which refusal, by id; the wording of each family is checked once below.
for (const [name, text, id, line] of [
  ['tini already in ENTRYPOINT', lines('FROM alpine', 'RUN apk add tini', 'ENTRYPOINT ["tini", "--", "/app"]'), 'already-has-init', 3],
  ['dumb-init in CMD', lines('FROM debian', 'CMD ["dumb-init", "/app"]'), 'already-has-init', 2],
  ['s6-overlay /init', lines('FROM alpine', 'ENTRYPOINT ["/init"]'), 'already-has-init', 2],
  ['/sbin/init', lines('FROM debian:bookworm', 'CMD ["/sbin/init"]'), 'already-has-init', 2],
  ['docker-init', lines('FROM alpine', 'ENTRYPOINT ["/sbin/docker-init", "--", "/app"]'), 'already-has-init', 2],
  ['supervisord', lines('FROM debian:bookworm', 'CMD ["/usr/bin/supervisord", "-n"]'), 'already-has-init', 2],
  ['systemd', lines('FROM ubuntu:24.04', 'CMD ["/lib/systemd/systemd"]'), 'already-has-init', 2],
  ['an init inside a shell-form CMD', lines('FROM alpine', 'CMD exec tini -- /app'), 'already-has-init', 2],
  ['scratch', lines('FROM scratch', 'COPY app /app', 'CMD ["/app"]'), 'no-shell', 1],
  ['distroless', lines('FROM gcr.io/distroless/static-debian12', 'COPY app /app', 'CMD ["/app"]'), 'no-shell', 1],
  ['busybox', lines('FROM busybox', 'CMD ["/app"]'), 'no-package-manager', 1],
  ['a build-argument base', lines('ARG BASE', 'FROM $BASE', 'CMD ["/app"]'), 'dynamic-base', 2],
  ['an unknown base', lines('FROM mycorp/base:1', 'CMD ["/app"]'), 'unknown-base', 1],
  ['RHEL family (tini is in EPEL)', lines('FROM rockylinux:9', 'CMD ["/app"]'), 'rhel-epel', 1],
  ['UBI minimal', lines('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'CMD ["/app"]'), 'rhel-epel', 1],
  ['Amazon Corretto (Amazon Linux)', lines('FROM amazoncorretto:17', 'CMD ["java", "-jar", "a.jar"]'), 'rhel-epel', 1],
  ['SUSE', lines('FROM opensuse/leap:15', 'CMD ["/app"]'), 'no-init-package', 1],
  ['an archived Debian release named in the tag', lines('FROM python:3.9-buster', 'CMD ["python"]'), 'archived-release', 1],
  ['an old node image (stretch)', lines('FROM node:12', 'CMD ["node", "a.js"]'), 'archived-release', 1],
  ['an interim Ubuntu release past its support', lines('FROM ubuntu:23.10', 'CMD ["/app"]'), 'archived-release', 1],
  ['a base whose ENTRYPOINT dfmod does not know', lines('FROM eclipse-temurin:17-jre', 'CMD ["java", "-jar", "a.jar"]'), 'unknown-entrypoint', 1],
  ['no CMD and a base whose CMD dfmod does not know', lines('FROM golang:1.22', 'COPY . .'), 'unknown-cmd', 1],
  ['nothing to run', lines('FROM alpine AS base', 'ENTRYPOINT []', 'CMD []', 'FROM base', 'COPY x /x'), 'no-command', 4],
  ['Windows', lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["app.exe"]'), 'windows', 2],
  ['an ENTRYPOINT with no arguments', lines('FROM debian:bookworm', 'RUN echo hi', 'ENTRYPOINT'), 'empty-entrypoint', 3],
  ['an ENTRYPOINT with only a line continuation, at the end', lines('FROM debian:bookworm', 'RUN echo hi', 'ENTRYPOINT \\'), 'empty-entrypoint', 3],
  ['inherited USER with a variable', lines('FROM alpine AS base', 'ARG U=app', 'USER $U', 'FROM base', 'CMD ["/app"]'), 'dynamic-user', 4],
  ['a SHELL that is not POSIX, inherited', lines('FROM debian:bookworm AS base', 'SHELL ["pwsh", "-c"]', 'FROM base', 'CMD ["/app"]'), 'unknown-shell', 3],
  ['an unknown init option', lines('FROM alpine', 'CMD ["/app"]'), 'unknown-option', 1],
] as [string, string, string, number][]) {
  test(`left alone: ${name}`, async () => {
    const options = id === 'unknown-option' ? { 'init-entrypoint': { init: 's6' } } : undefined;
    await expectRefused(text, id, { only, line, options });
  });
}

test('an init inherited from an earlier stage, in the form this transform writes: no note', async () => {
  const result = await expectUnchanged(lines('FROM alpine AS base', 'ENTRYPOINT ["/sbin/tini", "--"]', 'FROM base', 'CMD ["/app"]'), null, { only });
  assert.equal(result.notes, []);
});

/** Asserts the input is left alone with exactly one note: this id and message. */
async function refusedWith(input: string, id: string, message: string, options: Record<string, Record<string, unknown>> = {}) {
  const result = await expectUnchanged(input, null, { only, options });
  assert.equal(result.notes.map((n) => [n.id, n.message]), [[id, `no init added: ${message}`]]);
}

// --- the wording of each refusal family ------------------------------------------------

test('wording: an init already runs', async () => {
  await refusedWith(lines('FROM alpine', 'CMD exec tini -- /app'), 'already-has-init', 'the container already runs an init (`tini`)');
});

test('wording: no package manager, no shell, unknown and dynamic bases', async () => {
  await refusedWith(lines('FROM busybox', 'CMD ["/app"]'), 'no-package-manager', '`busybox` has no package manager to install tini with; copy a static tini binary in instead');
  await refusedWith(lines('FROM mycorp/base:1', 'CMD ["/app"]'), 'unknown-base', 'dfmod does not know the base image `mycorp/base:1` (its package manager and entrypoint)');
  await refusedWith(lines('ARG BASE', 'FROM $BASE', 'CMD ["/app"]'), 'dynamic-base', 'the base image `$BASE` is a build argument, so its package manager is unknown');
});

test('wording: RHEL family and SUSE', async () => {
  await refusedWith(lines('FROM rockylinux:9', 'CMD ["/app"]'), 'rhel-epel', 'tini is in EPEL or nowhere, not in the base repositories of rocky 9');
  await refusedWith(lines('FROM amazoncorretto:17', 'CMD ["/app"]'), 'rhel-epel', 'tini is in EPEL or nowhere, not in the base repositories of RHEL-family images');
  await refusedWith(lines('FROM opensuse/leap:15', 'CMD ["/app"]'), 'no-init-package', 'dfmod does not know a tini package for SUSE images');
});

test('wording: what the base runs is not known', async () => {
  await refusedWith(lines('FROM eclipse-temurin:17-jre', 'CMD ["java", "-jar", "a.jar"]'), 'unknown-entrypoint',
    'dfmod does not know the ENTRYPOINT of `eclipse-temurin:17-jre`, which a new ENTRYPOINT would replace');
  await refusedWith(lines('FROM golang:1.22', 'COPY . .'), 'unknown-cmd', 'dfmod does not know the CMD of `golang:1.22`, which a new ENTRYPOINT would reset');
});

test('wording: the stage itself', async () => {
  await refusedWith(lines('FROM alpine', 'CMD ["/app"]'), 'unknown-option', 'unknown option init="s6" (use "tini" or "dumb-init")', { 'init-entrypoint': { init: 's6' } });
  await refusedWith(lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["app.exe"]'), 'windows', 'Windows images have no tini');
  await refusedWith(lines('FROM debian:bookworm', 'RUN echo hi', 'ENTRYPOINT'), 'empty-entrypoint', 'the ENTRYPOINT has no arguments, and dfmod does not know what Docker makes of that');
  await refusedWith(lines('FROM alpine AS base', 'ARG U=app', 'USER $U', 'FROM base', 'CMD ["/app"]'), 'dynamic-user', 'the stage inherits `USER $U`, which dfmod cannot restore after installing as root');
  await refusedWith(lines('FROM alpine AS base', 'ENTRYPOINT []', 'CMD []', 'FROM base', 'COPY x /x'), 'no-command', 'the container has no command to run');
});

// --- releases: facts from lib/knowledge (fixed: these were wrong before) ----------------

// Fixed: tini is not in bionic or xenial (it entered Ubuntu with focal), so `apt-get install tini` failed the build.
test('ubuntu:18.04 has no tini: refused, naming dumb-init (which it has) and docker run --init, without switching', async () => {
  await refusedWith(lines('FROM ubuntu:18.04', 'CMD ["/app"]'), 'no-init-package',
    'ubuntu 18.04 (bionic) has no tini package; use `docker run --init`, or the option init=dumb-init: ubuntu 18.04 (bionic) has dumb-init (dfmod does not switch packages by itself)');
});

test('ubuntu:18.04 with init=dumb-init installs dumb-init', async () => {
  await expectOutput(
    lines('FROM ubuntu:18.04', 'CMD ["/app"]'),
    lines(
      'FROM ubuntu:18.04',
      'RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*',
      'ENTRYPOINT ["/usr/bin/dumb-init", "--"]',
      'CMD ["/app"]',
    ),
    { only, options: { 'init-entrypoint': { init: 'dumb-init' } } },
  );
});

test('ubuntu:16.04 has neither: refused, naming docker run --init', async () => {
  await refusedWith(lines('FROM ubuntu:16.04', 'CMD ["/app"]'), 'no-init-package',
    'ubuntu 16.04 (xenial) has no tini package; use `docker run --init` (ubuntu 16.04 (xenial) has no dumb-init either)');
});

// 25.04 and 25.10 are interim releases still on the archive, with tini in their index: no longer refused as "not LTS".
for (const tag of ['20.04', '22.04', '24.04', 'focal', 'noble', '25.04', '25.10']) {
  test(`ubuntu:${tag} gets tini`, async () => {
    await expectOutput(
      lines(`FROM ubuntu:${tag}`, 'CMD ["/app"]'),
      lines(`FROM ubuntu:${tag}`, APT, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app"]'),
      { only },
    );
  });
}

// Fixed: 14.04 is an LTS; the refusal said dfmod "knows the LTS releases". The fact is that trusty is archived.
test('ubuntu:14.04 is refused as archived', async () => {
  await refusedWith(lines('FROM ubuntu:14.04', 'CMD ["/app"]'), 'archived-release',
    'ubuntu 14.04 (trusty) is archived: its package sources are gone from the mirrors, so installing tini fails');
});

test('debian:9 and debian:10 are archived', async () => {
  await refusedWith(lines('FROM debian:9', 'CMD ["/app"]'), 'archived-release',
    'debian 9 (stretch) is archived: its package sources are gone from the mirrors, so installing tini fails');
  await refusedWith(lines('FROM debian:10', 'CMD ["/app"]'), 'archived-release',
    'debian 10 (buster) is archived: its package sources are gone from the mirrors, so installing tini fails');
});

for (const tag of ['11', '12', '13', 'bullseye-slim']) {
  test(`debian:${tag} gets tini`, async () => {
    await expectOutput(
      lines(`FROM debian:${tag}`, 'CMD ["/app"]'),
      lines(`FROM debian:${tag}`, APT, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app"]'),
      { only },
    );
  });
}

// Fixed: a digest was read as the default tag.
test('a digest names no release: refused', async () => {
  const digest = 'ubuntu@sha256:' + 'a'.repeat(64);
  await refusedWith(lines(`FROM ${digest}`, 'CMD ["/app"]'), 'digest-release-unknown',
    `\`${digest}\` is pinned by digest, and a digest names no release, so dfmod cannot tell whether it has tini`);
});

test('a tag and a digest: the tag names the release', async () => {
  const image = 'ubuntu:22.04@sha256:' + 'a'.repeat(64);
  await expectOutput(lines(`FROM ${image}`, 'CMD ["/app"]'), lines(`FROM ${image}`, APT, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app"]'), { only });
});

// Fixed: chiseled images have no shell and no apt; a `RUN apt-get` there fails.
test('a chiseled .NET image: no shell, refused', async () => {
  await refusedWith(lines('FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled', 'COPY app /app', 'ENTRYPOINT ["/app"]'), 'no-shell',
    '`mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled` has no shell to RUN an install in, nor a package manager; copy a static tini binary in instead, or use `docker run --init`');
});

// Fixed: `3` was read as 3.0, older than 3.6; it is the newest 3.x.
test('python:3, python:3-slim and python:3-alpine get tini', async () => {
  for (const tag of ['3', '3-slim']) {
    await expectOutput(
      lines(`FROM python:${tag}`, 'CMD ["python", "app.py"]'),
      lines(`FROM python:${tag}`, APT, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python", "app.py"]'),
      { only },
    );
  }
  await expectOutput(
    lines('FROM python:3-alpine', 'CMD ["python", "app.py"]'),
    lines('FROM python:3-alpine', APK, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["python", "app.py"]'),
    { only },
  );
});

// Fixed: node:16 was accepted ("16 and later"), but its default tag is buster, which is archived.
test('node:16 is on buster: refused as archived', async () => {
  await refusedWith(lines('FROM node:16', 'CMD ["node", "a.js"]'), 'archived-release',
    'debian 10 (buster) is archived: its package sources are gone from the mirrors, so installing tini fails');
});

test('a tag older than what dfmod knows the image to run, with its own ENTRYPOINT: its release is not known', async () => {
  await refusedWith(lines('FROM memcached:1.5', 'ENTRYPOINT ["memcached"]'), 'unknown-release',
    'dfmod does not know which release `memcached:1.5` is built on, so whether it has tini');
  // Changed: an image dfmod knows neither the release nor the defaults of was installed into when the stage set its ENTRYPOINT.
  await expectRefused(lines('FROM perl:5', 'ENTRYPOINT ["perl", "app.pl"]'), 'unknown-release', { only });
});

test('an Alpine image pinned by digest still gets tini: every Alpine branch carries it', async () => {
  const image = 'alpine@sha256:69665d02cb32192e52e07644d76bc6f25abeb5410edc1c7a81a10ba3f0efb909';
  await expectOutput(
    lines(`FROM ${image}`, 'CMD ["/app"]'),
    lines(`FROM ${image}`, APK, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app"]'),
    { only },
  );
});

// Alpine's community repository carries tini on every branch: an unknown Alpine release does not matter.
test('an Alpine image whose release and defaults are unknown still gets tini when the stage sets its command', async () => {
  await expectOutput(
    lines('FROM eclipse-temurin:17-jdk-alpine', 'ENTRYPOINT ["java", "-jar", "/app.jar"]'),
    lines('FROM eclipse-temurin:17-jdk-alpine', APK, 'ENTRYPOINT ["/sbin/tini", "--", "java", "-jar", "/app.jar"]'),
    { only },
  );
});

test('an image whose release is not known but whose tags dfmod knows (nginx) still gets tini', async () => {
  await expectOutput(
    lines('FROM nginx:1.27', 'COPY site /usr/share/nginx/html'),
    lines('FROM nginx:1.27', APT, 'COPY site /usr/share/nginx/html', 'ENTRYPOINT ["/usr/bin/tini", "--", "/docker-entrypoint.sh"]', 'CMD ["nginx", "-g", "daemon off;"]'),
    { only },
  );
});

test('a digest without a tag on any image names no release', async () => {
  await expectRefused(lines('FROM node@sha256:' + 'b'.repeat(64), 'CMD ["node", "a.js"]'), 'digest-release-unknown', { only, line: 1 });
});

test('an argument named init is not an init', async () => {
  await expectOutput(
    lines('FROM alpine', 'CMD ["/app", "init"]'),
    lines('FROM alpine', APK, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app", "init"]'),
    { only },
  );
});

test('suppressed by a comment above the final FROM', async () => {
  const result = await expectUnchanged(lines('FROM alpine AS build', '# dfmod-ignore init-entrypoint', 'FROM alpine', 'CMD ["/app"]'), null, { only });
  assert.equal(result.notes, []);
});

test('suppressed by a comment above the CMD the ENTRYPOINT would go before', async () => {
  await expectUnchanged(lines('FROM alpine', '# dfmod-ignore', 'CMD ["/app"]'), null, { only });
});

test('the form this transform writes is left without a note', async () => {
  const input = lines('FROM alpine', APK, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app"]');
  const result = await run(input, { only });
  assert.fixture(result.output, input);
  assert.equal(result.notes, []);
});

// Fixed: Fedora was told tini is "in EPEL or nowhere"; EPEL is RHEL's, and Fedora's own repositories were never checked.
test('Fedora: refused as not checked, without a claim about EPEL', async () => {
  await refusedWith(lines('FROM fedora:40', 'CMD ["/app"]'), 'no-init-package',
    'dfmod has not checked which Fedora releases carry tini');
});

test.run();
