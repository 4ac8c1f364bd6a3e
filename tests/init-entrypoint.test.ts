import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';
import { runTransforms } from '../lib/core/engine.js';
import { builtinTransforms } from '../transforms/index.js';

/** Runs init-entrypoint on a file of this name (which decides devcontainer, Dockerfile.dev …), with options. */
async function runAs(filename: string, input: string, options: Record<string, Record<string, unknown>> = {}) {
  return runTransforms(input, { transforms: builtinTransforms.filter((t) => t.id === 'init-entrypoint'), context: null, options, filename, level: 'review' });
}

const only = ['init-entrypoint'];
/** The option that names the test's file: the init goes where a person asked for it, whatever PID 1 is. */
const OPTED_IN = { 'init-entrypoint': { paths: ['Dockerfile'] } };
const APT = 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*';
const APK = 'RUN apk add --no-cache tini';
/** A RUN of the stage's own: a stage built only from COPY and ADD gets no init (`no-run`), so the tests of other things give theirs one. */
const OWN_RUN = 'RUN true';
/** What shows a long-lived service: without one (a job, a tool) init-entrypoint adds no init (`no-service`), so the tests of other things give theirs one, last. */
const SERVES = 'EXPOSE 8080';

// --- per base family ---------------------------------------------------------

test('Debian-based language image: inherited ENTRYPOINT (node) wrapped, added before CMD, CMD kept', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "server.js"]', SERVES),
    lines(
      'FROM node:20',
      'WORKDIR /app',
      APT,
      'COPY . .',
      'RUN npm ci',
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["node", "server.js"]',
      SERVES,
    ),
    { only },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['init-entrypoint', 5]]);
  assert.equal(result.notes, [], 'no note once the init is in place');
});

test('a base named by a global ARG: a version argument takes its default; a BASE argument may name another OS, refused', async () => {
  await expectOutput(
    lines('ARG NODE=20-bookworm', 'FROM node:$NODE', OWN_RUN, 'CMD ["node", "a.js"]', SERVES),
    lines('ARG NODE=20-bookworm', 'FROM node:$NODE', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
  await expectRefused(lines('ARG BASE=node:20-bookworm', 'FROM $BASE', 'CMD ["node", "a.js"]', SERVES), 'dynamic-base', { only });
  await expectRefused(lines('ARG BASE', 'FROM ${BASE}-slim', 'CMD ["node", "/app"]', SERVES), 'dynamic-base', { only, line: 2 });
});

test('-slim image without an ENTRYPOINT: install after the ARG/ENV/LABEL/WORKDIR lines that follow FROM', async () => {
  await expectOutput(
    lines('FROM python:3.11-slim', 'ARG V=1', 'ENV PYTHONUNBUFFERED=1', 'LABEL a=b', 'WORKDIR /app', OWN_RUN, 'CMD python app.py', SERVES),
    lines(
      'FROM python:3.11-slim',
      'ARG V=1',
      'ENV PYTHONUNBUFFERED=1',
      'LABEL a=b',
      'WORKDIR /app',
      APT,
      OWN_RUN,
      'ENTRYPOINT ["/usr/bin/tini", "--"]',
      'CMD exec python app.py',
      SERVES,
    ),
    { only },
  );
});

test('Ubuntu LTS', async () => {
  await expectOutput(
    lines('FROM ubuntu:22.04', 'COPY app /app', OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines('FROM ubuntu:22.04', APT, 'COPY app /app', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

test('Alpine: apk, /sbin/tini', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'COPY app /app', OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', APK, 'COPY app /app', OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

test('-alpine variant of a language image, inherited ENTRYPOINT wrapped', async () => {
  await expectOutput(
    lines('FROM node:20-alpine', OWN_RUN, 'CMD ["node", "index.js"]', SERVES),
    lines('FROM node:20-alpine', APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "index.js"]', SERVES),
    { only },
  );
});

test('memcached handles SIGTERM itself: no init for the CMD it inherits', async () => {
  await expectRefused(lines('FROM memcached:1.6', 'COPY memcached.conf /etc/', OWN_RUN), 'handles-sigterm', { only, line: 1 });
});

test('no CMD in the stage: the inherited CMD is stated again, since a new ENTRYPOINT resets it', async () => {
  await expectOutput(
    lines('FROM memcached:1.6 AS base', 'CMD ["/start.sh"]', 'FROM base', 'COPY memcached.conf /etc/', OWN_RUN),
    lines(
      'FROM memcached:1.6 AS base',
      'CMD ["/start.sh"]',
      'FROM base',
      'USER root',
      APT,
      'USER memcache',
      'COPY memcached.conf /etc/',
      OWN_RUN,
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["/start.sh"]',
    ),
    { only },
  );
});

test('a final stage that is only FROM (its parent has the RUN): install and ENTRYPOINT at the same point, in order', async () => {
  await expectOutput(
    lines('FROM memcached:1.6 AS base', OWN_RUN, 'CMD ["/start.sh"]', 'FROM base'),
    lines('FROM memcached:1.6 AS base', OWN_RUN, 'CMD ["/start.sh"]', 'FROM base', 'USER root', APT, 'USER memcache', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["/start.sh"]'),
    { only },
  );
});

test('no final newline stays without one', async () => {
  await expectOutput('FROM alpine\nRUN true\nEXPOSE 8080\nCMD ["node", "/app"]', 'FROM alpine\n' + APK + '\nRUN true\nEXPOSE 8080\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "/app"]', { only });
});

// --- existing ENTRYPOINTs ------------------------------------------------------

test('exec-form ENTRYPOINT is wrapped; CMD kept', async () => {
  await expectOutput(
    lines('FROM node:20-slim', OWN_RUN, 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES),
    lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
});

test('shell-form ENTRYPOINT with a CMD: wrapped as the exact sh -c Docker runs (CMD stays $0.. and is ignored as before)', async () => {
  await expectOutput(
    lines('FROM debian:bookworm-slim', OWN_RUN, 'ENTRYPOINT ./start.sh --x', 'CMD ["ignored"]', SERVES),
    lines('FROM debian:bookworm-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "exec ./start.sh --x"]', 'CMD ["ignored"]', SERVES),
    { only },
  );
});

test('shell-form ENTRYPOINT that needs a shell keeps it', async () => {
  await expectOutput(
    lines('FROM alpine', OWN_RUN, 'ENTRYPOINT exec node app.js --port "$PORT"'),
    lines('FROM alpine', APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--", "/bin/sh", "-c", "exec node app.js --port \\"$PORT\\""]'),
    { only },
  );
});

// Changed: it ran `./start.sh --x` directly, which would hand it the `docker run` arguments the shell ignored.
test('shell-form ENTRYPOINT of plain words and no CMD: kept under its shell, which execs the program', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', OWN_RUN, 'ENTRYPOINT ./start.sh \\', '    --x', SERVES),
    lines('FROM debian:bookworm', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "exec ./start.sh     --x"]', SERVES),
    { only },
  );
});

test('shell-form ENTRYPOINT under a SHELL: wrapped with that shell, as Docker stores it', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', OWN_RUN, 'ENTRYPOINT cd /srv && python3 app.py serve'),
    lines(
      'FROM debian:bookworm',
      APT,
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      OWN_RUN,
      'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/bash", "-o", "pipefail", "-c", "cd /srv && exec python3 app.py serve"]',
    ),
    { only },
  );
  // bash execs the one command of its script itself: no exec to add.
  await expectOutput(
    lines('FROM debian:bookworm', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', OWN_RUN, 'ENTRYPOINT python3 app.py serve'),
    lines('FROM debian:bookworm', APT, 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/bash", "-o", "pipefail", "-c", "python3 app.py serve"]'),
    { only },
  );
});

// Fixed: an exec-form ENTRYPOINT written over several lines was flattened onto one when tini was put in front.
test('a multi-line exec-form ENTRYPOINT keeps its layout: the init goes in front of its first word, the other lines stay as written', async () => {
  await expectOutput(
    lines('FROM debian:12', 'COPY app /usr/local/bin/app', OWN_RUN, 'ENTRYPOINT ["/usr/local/bin/app.py", \\', '            "--config", "/etc/app.yml"]', SERVES),
    lines('FROM debian:12', APT, 'COPY app /usr/local/bin/app', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/app.py", \\', '            "--config", "/etc/app.yml"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM alpine:3.20', OWN_RUN, 'ENTRYPOINT [ \\', '    "/app.py", \\', '    "--x" \\', ']', SERVES),
    lines('FROM alpine:3.20', APK, OWN_RUN, 'ENTRYPOINT [ \\', '    "/sbin/tini", "--", "/app.py", \\', '    "--x" \\', ']', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM alpine:3.20', OWN_RUN, 'ENTRYPOINT [ "/app.py", "--x" ]', SERVES),
    lines('FROM alpine:3.20', APK, OWN_RUN, 'ENTRYPOINT [ "/sbin/tini", "--", "/app.py", "--x" ]', SERVES),
    { only },
  );
});

test('ENTRYPOINT [] (cleared) becomes just the init', async () => {
  await expectOutput(
    lines('FROM node:20', OWN_RUN, 'ENTRYPOINT []', 'CMD ["node", "a.js"]', SERVES),
    lines('FROM node:20', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
});

// --- users and stages ------------------------------------------------------------

test('USER in the stage comes after the install, which runs as root', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN useradd app', 'USER app', 'CMD ["python", "a.py"]', SERVES),
    lines('FROM python:3.11', APT, 'RUN useradd app', 'USER app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python", "a.py"]', SERVES),
    { only },
  );
});

test('a non-root USER inherited from an earlier stage: switch to root and back', async () => {
  await expectOutput(
    lines('FROM node:20-slim AS base', 'USER node', '', 'FROM base AS runtime', 'COPY . .', OWN_RUN, 'CMD ["node", "a.js"]', SERVES),
    lines(
      'FROM node:20-slim AS base',
      'USER node',
      '',
      'FROM base AS runtime',
      'USER root',
      APT,
      'USER node',
      'COPY . .',
      OWN_RUN,
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["node", "a.js"]',
      SERVES,
    ),
    { only },
  );
});

test('a base image that runs as non-root (memcached): switch to root and back', async () => {
  await expectOutput(
    lines('FROM memcached:1.6', OWN_RUN, 'CMD ["/start.sh", "-m", "64"]'),
    lines(
      'FROM memcached:1.6',
      'USER root',
      APT,
      'USER memcache',
      OWN_RUN,
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["/start.sh", "-m", "64"]',
    ),
    { only },
  );
});

test('final stage built on an earlier one: its ENTRYPOINT and CMD are inherited and stated again', async () => {
  await expectOutput(
    lines('FROM alpine AS base', 'ENTRYPOINT ["/app.py"]', 'CMD ["--serve"]', 'FROM base', 'COPY x /x', OWN_RUN, SERVES),
    lines('FROM alpine AS base', 'ENTRYPOINT ["/app.py"]', 'CMD ["--serve"]', 'FROM base', APK, 'COPY x /x', OWN_RUN, SERVES, 'ENTRYPOINT ["/sbin/tini", "--", "/app.py"]', 'CMD ["--serve"]'),
    { only },
  );
});

test('an ENTRYPOINT and CMD of an earlier stage written over several lines are stated again as written', async () => {
  await expectOutput(
    lines('FROM alpine:3.20 AS base', 'ENTRYPOINT ["/app.py", \\', '            "--x"]', 'CMD ["--serve", \\', '     "--port", "80"]', 'FROM base', 'COPY x /x', OWN_RUN),
    lines('FROM alpine:3.20 AS base', 'ENTRYPOINT ["/app.py", \\', '            "--x"]', 'CMD ["--serve", \\', '     "--port", "80"]', 'FROM base', APK, 'COPY x /x',
      OWN_RUN,
      'ENTRYPOINT ["/sbin/tini", "--", "/app.py", \\', '            "--x"]', 'CMD ["--serve", \\', '     "--port", "80"]'),
    { only },
  );
});

// Fixed: `exec` was also written into the earlier stage's own CMD, a stage the init does not go in.
test('a shell-form CMD of an earlier stage: stated again with exec in the final stage, the earlier stage left as it is', async () => {
  await expectOutput(
    lines('FROM debian:12 AS base', 'CMD /app --x', 'FROM base', 'COPY x /x', OWN_RUN, SERVES),
    lines('FROM debian:12 AS base', 'CMD /app --x', 'FROM base', APT, 'COPY x /x', OWN_RUN, SERVES, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/bin/sh", "-c", "exec /app --x"]'),
    { only },
  );
});

test('only the final stage changes', async () => {
  await expectOutput(
    lines('FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=build /dist /app', 'CMD ["node", "/app/main.js"]', SERVES),
    lines('FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20-slim', APT, 'COPY --from=build /dist /app', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "/app/main.js"]', SERVES),
    { only },
  );
});

test('tini already installed by a RUN (here in an earlier stage): only the ENTRYPOINT is added', async () => {
  await expectOutput(
    lines('FROM node:20-slim AS base', 'RUN apt-get update && apt-get install -y tini', 'FROM base', 'CMD ["node", "a.js"]', SERVES),
    lines('FROM node:20-slim AS base', 'RUN apt-get update && apt-get install -y tini', 'FROM base', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM alpine', 'RUN apk add --no-cache curl tini', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine', 'RUN apk add --no-cache curl tini', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

// --- options and text fidelity -----------------------------------------------------

test('option init=dumb-init (apt and apk)', async () => {
  const options = { 'init-entrypoint': { init: 'dumb-init' } };
  await expectOutput(
    lines('FROM debian:12', OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*',
      OWN_RUN,
      'ENTRYPOINT ["/usr/bin/dumb-init", "--"]',
      'CMD ["node", "/app"]',
      SERVES,
    ),
    { only, options },
  );
  await expectOutput(
    lines('FROM alpine', OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine', 'RUN apk add --no-cache dumb-init', OWN_RUN, 'ENTRYPOINT ["/usr/bin/dumb-init", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only, options },
  );
});

test('comments above the CMD stay with it (a suppression must not move to the new ENTRYPOINT)', async () => {
  await expectOutput(
    lines('FROM debian:12', OWN_RUN, '', '# start the app', '# hadolint ignore=DL3025', 'CMD /app', SERVES),
    lines('FROM debian:12', APT, OWN_RUN, '', 'ENTRYPOINT ["/usr/bin/tini", "--"]', '# start the app', '# hadolint ignore=DL3025', 'CMD exec /app', SERVES),
    { only },
  );
});

test('CRLF files get CRLF lines', async () => {
  await expectOutput(
    'FROM alpine\r\nRUN true\r\nEXPOSE 8080\r\nCMD ["node", "/app"]\r\n',
    `FROM alpine\r\n${APK}\r\nRUN true\r\nEXPOSE 8080\r\nENTRYPOINT ["/sbin/tini", "--"]\r\nCMD ["node", "/app"]\r\n`,
    { only },
  );
});

test('together with exec-form: the shell-form CMD also becomes JSON, and the result is a fixpoint', async () => {
  await expectOutput(
    lines('FROM node:20', OWN_RUN, 'CMD node server.js', SERVES),
    lines('FROM node:20', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]', SERVES),
    { only: ['init-entrypoint', 'exec-form'] },
  );
});

// --- refusals ----------------------------------------------------------------------

// Which refusal, by id; the wording of each family is checked once below.
for (const [name, text, id, line] of [
  ['tini already in ENTRYPOINT', lines('FROM alpine', 'RUN apk add tini', 'ENTRYPOINT ["tini", "--", "/app"]', SERVES), 'already-has-init', 3],
  ['dumb-init in CMD', lines('FROM debian', 'CMD ["dumb-init", "/app"]', SERVES), 'already-has-init', 2],
  ['s6-overlay /init', lines('FROM alpine', 'ENTRYPOINT ["/init"]', SERVES), 'already-has-init', 2],
  ['/sbin/init', lines('FROM debian:bookworm', 'CMD ["/sbin/init"]', SERVES), 'already-has-init', 2],
  ['docker-init', lines('FROM alpine', 'ENTRYPOINT ["/sbin/docker-init", "--", "/app"]', SERVES), 'already-has-init', 2],
  ['supervisord', lines('FROM debian:bookworm', 'CMD ["/usr/bin/supervisord", "-n"]', SERVES), 'already-has-init', 2],
  ['systemd', lines('FROM ubuntu:24.04', 'CMD ["/lib/systemd/systemd"]', SERVES), 'already-has-init', 2],
  ['an init inside a shell-form CMD', lines('FROM alpine', 'CMD exec tini -- /app', SERVES), 'already-has-init', 2],
  ['scratch', lines('FROM scratch', 'COPY app /app', 'CMD ["node", "/app"]', SERVES), 'no-shell', 1],
  ['distroless', lines('FROM gcr.io/distroless/static-debian12', 'COPY app /app', 'CMD ["node", "/app"]', SERVES), 'no-shell', 1],
  ['busybox', lines('FROM busybox', 'CMD ["node", "/app"]', SERVES), 'no-package-manager', 1],
  ['a build-argument base', lines('ARG BASE', 'FROM $BASE', 'CMD ["node", "/app"]', SERVES), 'dynamic-base', 2],
  ['an unknown base', lines('FROM mycorp/base:1', 'CMD ["node", "/app"]', SERVES), 'unknown-base', 1],
  ['RHEL family (tini is in EPEL)', lines('FROM rockylinux:9', 'CMD ["node", "/app"]', SERVES), 'rhel-epel', 1],
  ['UBI minimal', lines('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'CMD ["node", "/app"]', SERVES), 'rhel-epel', 1],
  ['Amazon Corretto (Amazon Linux)', lines('FROM amazoncorretto:17', 'CMD ["java", "-jar", "a.jar"]', SERVES), 'rhel-epel', 1],
  ['SUSE', lines('FROM opensuse/leap:15', 'CMD ["node", "/app"]', SERVES), 'no-init-package', 1],
  ['an archived Debian release named in the tag', lines('FROM python:3.9-buster', 'CMD ["python", "app.py"]', SERVES), 'archived-release', 1],
  ['an old node image (stretch)', lines('FROM node:12', 'CMD ["node", "a.js"]', SERVES), 'archived-release', 1],
  ['an interim Ubuntu release past its support', lines('FROM ubuntu:23.10', 'CMD ["node", "/app"]', SERVES), 'archived-release', 1],
  ['a base whose ENTRYPOINT dfmod does not know', lines('FROM eclipse-temurin:17-jre', OWN_RUN, 'CMD ["java", "-jar", "a.jar"]', SERVES), 'unknown-entrypoint', 1],
  ['no CMD and a base whose CMD dfmod does not know', lines('FROM golang:1.22', 'COPY . .', OWN_RUN, SERVES), 'unknown-cmd', 1],
  ['nothing to run', lines('FROM alpine AS base', 'ENTRYPOINT []', 'CMD []', 'FROM base', 'COPY x /x', OWN_RUN, SERVES), 'no-command', 4],
  ['Windows', lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["app.exe"]', SERVES), 'windows', 2],
  ['an ENTRYPOINT with no arguments', lines('FROM debian:bookworm', 'RUN echo hi', 'ENTRYPOINT', SERVES), 'empty-entrypoint', 3],
  ['an ENTRYPOINT with only a line continuation, at the end', lines('FROM debian:bookworm', 'RUN echo hi', SERVES, 'ENTRYPOINT \\'), 'empty-entrypoint', 4],
  ['inherited USER with a variable', lines('FROM alpine AS base', 'ARG U=app', 'USER $U', 'FROM base', OWN_RUN, 'CMD ["node", "/app"]', SERVES), 'dynamic-user', 4],
  ['a SHELL that is not POSIX, inherited', lines('FROM debian:bookworm AS base', 'SHELL ["pwsh", "-c"]', 'RUN Write-Output hi', 'FROM base', 'CMD ["node", "/app"]', SERVES), 'unknown-shell', 4],
  ['an unknown init option', lines('FROM alpine', 'CMD ["node", "/app"]', SERVES), 'unknown-option', 1],
] as [string, string, string, number][]) {
  test(`left alone: ${name}`, async () => {
    const options = id === 'unknown-option' ? { 'init-entrypoint': { init: 's6' } } : undefined;
    await expectRefused(text, id, { only, line, options });
  });
}

test('an init inherited from an earlier stage, in the form this transform writes: no note', async () => {
  const result = await expectUnchanged(lines('FROM alpine AS base', 'ENTRYPOINT ["/sbin/tini", "--"]', 'FROM base', 'CMD ["node", "/app"]'), null, { only });
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
  await refusedWith(lines('FROM busybox', 'CMD ["node", "/app"]', SERVES), 'no-package-manager', '`busybox` has no package manager dfmod installs tini with (apt, apk, dnf, yum, microdnf, zypper); copy a static binary in with the option binary, or use `docker run --init`');
  await refusedWith(lines('FROM mycorp/base:1', 'CMD ["node", "/app"]', SERVES), 'unknown-base', 'dfmod does not know the base image `mycorp/base:1` (its package manager and entrypoint)');
  await refusedWith(lines('ARG BASE', 'FROM $BASE', 'CMD ["node", "/app"]', SERVES), 'dynamic-base', 'the base image `$BASE` is a build argument, so its package manager is unknown');
});

test('wording: RHEL family and SUSE', async () => {
  await refusedWith(lines('FROM rockylinux:9', 'CMD ["node", "/app"]', SERVES), 'rhel-epel', 'tini is in EPEL or nowhere, not in the base repositories of rocky 9');
  await refusedWith(lines('FROM amazoncorretto:17', 'CMD ["node", "/app"]', SERVES), 'rhel-epel', 'tini is in EPEL or nowhere, not in the base repositories of RHEL-family images');
  await refusedWith(lines('FROM opensuse/leap:15', 'CMD ["node", "/app"]', SERVES), 'no-init-package', 'dfmod does not know a tini package for SUSE images');
});

test('wording: what the base runs is not known', async () => {
  await refusedWith(lines('FROM eclipse-temurin:17-jre', OWN_RUN, 'CMD ["java", "-jar", "a.jar"]', SERVES), 'unknown-entrypoint',
    'dfmod does not know the ENTRYPOINT of `eclipse-temurin:17-jre`, which a new ENTRYPOINT would replace');
  await refusedWith(lines('FROM golang:1.22', 'COPY . .', OWN_RUN, SERVES), 'unknown-cmd', 'dfmod does not know the CMD of `golang:1.22`, which a new ENTRYPOINT would reset');
});

test('wording: the stage itself', async () => {
  await refusedWith(lines('FROM alpine', 'CMD ["node", "/app"]', SERVES), 'unknown-option', 'unknown option init="s6" (use "tini" or "dumb-init")', { 'init-entrypoint': { init: 's6' } });
  await refusedWith(lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["app.exe"]', SERVES), 'windows', 'Windows images have no tini');
  await refusedWith(lines('FROM debian:bookworm', 'RUN echo hi', 'ENTRYPOINT', SERVES), 'empty-entrypoint', 'the ENTRYPOINT has no arguments, and dfmod does not know what Docker makes of that');
  await refusedWith(lines('FROM alpine AS base', 'ARG U=app', 'USER $U', 'FROM base', OWN_RUN, 'CMD ["node", "/app"]', SERVES), 'dynamic-user', 'the stage inherits `USER $U`, which dfmod cannot restore after installing as root');
  await refusedWith(lines('FROM alpine AS base', 'ENTRYPOINT []', 'CMD []', 'FROM base', 'COPY x /x', OWN_RUN, SERVES), 'no-command', 'the container has no command to run');
});

// --- releases: facts from lib/knowledge (fixed: these were wrong before) ----------------

// Fixed: tini is not in bionic or xenial (it entered Ubuntu with focal), so `apt-get install tini` failed the build.
test('ubuntu:18.04 has no tini: refused, naming dumb-init (which it has) and docker run --init, without switching', async () => {
  await refusedWith(lines('FROM ubuntu:18.04', 'CMD ["node", "/app"]', SERVES), 'no-init-package',
    'ubuntu 18.04 (bionic) has no tini package; use `docker run --init`, or the option init=dumb-init: ubuntu 18.04 (bionic) has dumb-init (dfmod does not switch packages by itself)');
});

test('ubuntu:18.04 with init=dumb-init installs dumb-init', async () => {
  await expectOutput(
    lines('FROM ubuntu:18.04', OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines(
      'FROM ubuntu:18.04',
      'RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*',
      OWN_RUN,
      'ENTRYPOINT ["/usr/bin/dumb-init", "--"]',
      'CMD ["node", "/app"]',
      SERVES,
    ),
    { only, options: { 'init-entrypoint': { init: 'dumb-init' } } },
  );
});

test('ubuntu:16.04 has neither: refused, naming docker run --init', async () => {
  await refusedWith(lines('FROM ubuntu:16.04', 'CMD ["node", "/app"]', SERVES), 'no-init-package',
    'ubuntu 16.04 (xenial) has no tini package; use `docker run --init` (ubuntu 16.04 (xenial) has no dumb-init either)');
});

// 25.04 and 25.10 are interim releases still on the archive, with tini in their index: no longer refused as "not LTS".
for (const tag of ['20.04', '22.04', '24.04', 'focal', 'noble', '25.04', '25.10']) {
  test(`ubuntu:${tag} gets tini`, async () => {
    await expectOutput(
      lines(`FROM ubuntu:${tag}`, OWN_RUN, 'CMD ["node", "/app"]', SERVES),
      lines(`FROM ubuntu:${tag}`, APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
      { only },
    );
  });
}

/** What the note on an archived release says to do instead. */
const ARCHIVED_ALTERNATIVE = '; copy a static binary in with the option binary, or use `docker run --init`';

// Fixed: 14.04 is an LTS; the refusal said dfmod "knows the LTS releases". The fact is that trusty is archived.
test('ubuntu:14.04 is refused as archived', async () => {
  await refusedWith(lines('FROM ubuntu:14.04', 'CMD ["node", "/app"]', SERVES), 'archived-release',
    'ubuntu 14.04 (trusty) is archived: its package sources are gone from the mirrors, so installing tini fails' + ARCHIVED_ALTERNATIVE);
});

test('debian:9 and debian:10 are archived', async () => {
  await refusedWith(lines('FROM debian:9', 'CMD ["node", "/app"]', SERVES), 'archived-release',
    'debian 9 (stretch) is archived: its package sources are gone from the mirrors, so installing tini fails' + ARCHIVED_ALTERNATIVE);
  await refusedWith(lines('FROM debian:10', 'CMD ["node", "/app"]', SERVES), 'archived-release',
    'debian 10 (buster) is archived: its package sources are gone from the mirrors, so installing tini fails' + ARCHIVED_ALTERNATIVE);
});

for (const tag of ['11', '12', '13', 'bullseye-slim']) {
  test(`debian:${tag} gets tini`, async () => {
    await expectOutput(
      lines(`FROM debian:${tag}`, OWN_RUN, 'CMD ["node", "/app"]', SERVES),
      lines(`FROM debian:${tag}`, APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
      { only },
    );
  });
}

// Fixed: a digest was read as the default tag.
test('a digest names no release: refused', async () => {
  const digest = 'ubuntu@sha256:' + 'a'.repeat(64);
  await refusedWith(lines(`FROM ${digest}`, 'CMD ["node", "/app"]', SERVES), 'digest-release-unknown',
    `\`${digest}\` is pinned by digest, and a digest names no release, so dfmod cannot tell whether it has tini`);
});

test('a tag and a digest: the tag names the release', async () => {
  const image = 'ubuntu:22.04@sha256:' + 'a'.repeat(64);
  await expectOutput(lines(`FROM ${image}`, OWN_RUN, 'CMD ["node", "/app"]', SERVES), lines(`FROM ${image}`, APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES), { only });
});

// Fixed: chiseled images have no shell and no apt; a `RUN apt-get` there fails.
test('a chiseled .NET image: no shell, refused', async () => {
  // Its program is no runtime known to need an init; opted in, the image has no shell to install one with.
  const chiseled = lines('FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled', 'COPY app /app', 'ENTRYPOINT ["/app"]', SERVES);
  await expectRefused(chiseled, 'pid1-not-known', { only, line: 3 });
  await refusedWith(chiseled, 'no-shell',
    '`mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled` has no shell to RUN an install in, nor a package manager; copy a static binary in with the option binary, or use `docker run --init`', OPTED_IN);
});

// Fixed: `3` was read as 3.0, older than 3.6; it is the newest 3.x.
test('python:3, python:3-slim and python:3-alpine get tini', async () => {
  for (const tag of ['3', '3-slim']) {
    await expectOutput(
      lines(`FROM python:${tag}`, OWN_RUN, 'CMD ["python", "app.py"]', SERVES),
      lines(`FROM python:${tag}`, APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python", "app.py"]', SERVES),
      { only },
    );
  }
  await expectOutput(
    lines('FROM python:3-alpine', OWN_RUN, 'CMD ["python", "app.py"]', SERVES),
    lines('FROM python:3-alpine', APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["python", "app.py"]', SERVES),
    { only },
  );
});

// Fixed: python 2 tags were refused as unknown ("dfmod does not know the ENTRYPOINT of python:2"). They run python2 on buster,
// which is archived: the note says so and what to do; alpine tags get tini.
test('python 2: Debian tags are on buster, refused as archived; the option binary or an alpine tag gets tini', async () => {
  for (const tag of ['2', '2.7', '2-slim', '2.7.18']) {
    await refusedWith(lines(`FROM python:${tag}`, 'CMD ["python", "app.py"]', SERVES), 'archived-release',
      'debian 10 (buster) is archived: its package sources are gone from the mirrors, so installing tini fails' + ARCHIVED_ALTERNATIVE);
  }
  await expectOutput(lines('FROM python:2.7-alpine', OWN_RUN, 'CMD ["python", "app.py"]', SERVES), lines('FROM python:2.7-alpine', APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["python", "app.py"]', SERVES), { only });
  // Its inherited CMD is known now: the REPL, as python3 is for python:3 tags.
  await expectRefused(lines('FROM python:2.7-alpine', 'COPY app.py /app.py', SERVES), 'base-image', { only, line: 1 });
  await expectOutput(
    lines('FROM python:2.7', OWN_RUN, 'CMD ["python", "app.py"]', SERVES),
    lines('FROM python:2.7', 'COPY --from=registry.example/tini:0.19.0 /tini /tini', OWN_RUN, 'ENTRYPOINT ["/tini", "--"]', 'CMD ["python", "app.py"]', SERVES),
    { only, options: { 'init-entrypoint': { binary: { from: 'registry.example/tini:0.19.0', path: '/tini' } } } },
  );
});

// Fixed: node:16 was accepted ("16 and later"), but its default tag is buster, which is archived.
test('node:16 is on buster: refused as archived', async () => {
  await refusedWith(lines('FROM node:16', 'CMD ["node", "a.js"]', SERVES), 'archived-release',
    'debian 10 (buster) is archived: its package sources are gone from the mirrors, so installing tini fails' + ARCHIVED_ALTERNATIVE);
});

test('a tag older than what dfmod knows the image to run, with its own ENTRYPOINT: its release is not known', async () => {
  await refusedWith(lines('FROM memcached:1.5', OWN_RUN, 'ENTRYPOINT ["/start.sh"]', SERVES), 'unknown-release',
    'dfmod does not know which release `memcached:1.5` is built on, so whether it has tini');
  // Changed: an image dfmod knows neither the release nor the defaults of was installed into when the stage set its ENTRYPOINT.
  await expectRefused(lines('FROM perl:5', OWN_RUN, 'ENTRYPOINT ["perl", "app.pl"]', SERVES), 'unknown-release', { only });
});

test('a distro tag naming a release the table does not hold (wheezy, 7, precise, sid): its release is not known, no install (review round 9)', async () => {
  for (const image of ['debian:wheezy', 'debian:7', 'ubuntu:precise', 'ubuntu:12.04', 'debian:sid']) {
    const tag = image.slice(image.indexOf(':') + 1);
    await refusedWith(lines(`FROM ${image}`, 'RUN apt-get update && apt-get install -y python3', 'CMD ["python3", "-m", "http.server"]', SERVES), 'unknown-release',
      `dfmod does not know which release \`${image}\` is built on, so whether it has tini: its tag \`${tag}\` names a release dfmod's releases table does not hold (too old, or a development branch)`);
  }
});

test('`python -m <module>` is Python unless the module is a server dfmod knows (`python -m gunicorn`): http.server gets tini', async () => {
  await expectOutput(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y python3', 'CMD ["python3", "-m", "http.server"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y python3 tini', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python3", "-m", "http.server"]', SERVES), { only });
  await expectRefused(lines('FROM python:3.12', 'RUN pip install gunicorn', 'CMD ["python", "-m", "gunicorn", "app:app"]', SERVES), 'server-reaps', { only });
});

test('an Alpine image pinned by digest still gets tini: every Alpine branch carries it', async () => {
  const image = 'alpine@sha256:69665d02cb32192e52e07644d76bc6f25abeb5410edc1c7a81a10ba3f0efb909';
  await expectOutput(
    lines(`FROM ${image}`, OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines(`FROM ${image}`, APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

// Alpine's community repository carries tini on every branch: an unknown Alpine release does not matter.
test('an Alpine image whose release and defaults are unknown still gets tini when the stage sets its command', async () => {
  await expectOutput(
    lines('FROM eclipse-temurin:17-jdk-alpine', OWN_RUN, 'ENTRYPOINT ["/start.sh"]', SERVES),
    lines('FROM eclipse-temurin:17-jdk-alpine', APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--", "/start.sh"]', SERVES),
    { only },
  );
});

test('an image whose release is not known but whose tags dfmod knows (memcached) still gets tini', async () => {
  await expectOutput(
    lines('FROM memcached:1.6', 'COPY memcached.conf /etc/', OWN_RUN, 'CMD ["/start.sh"]'),
    lines('FROM memcached:1.6', 'USER root', APT, 'USER memcache', 'COPY memcached.conf /etc/', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["/start.sh"]'),
    { only },
  );
});

test('a digest without a tag on any image names no release', async () => {
  await expectRefused(lines('FROM node@sha256:' + 'b'.repeat(64), 'CMD ["node", "a.js"]', SERVES), 'digest-release-unknown', { only, line: 1 });
});

test('an argument named init is not an init', async () => {
  await expectOutput(
    lines('FROM alpine', OWN_RUN, 'CMD ["/app.py", "init"]', SERVES),
    lines('FROM alpine', APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["/app.py", "init"]', SERVES),
    { only },
  );
});

test('suppressed by a comment above the final FROM', async () => {
  const result = await expectUnchanged(lines('FROM alpine AS build', '# dfmod-ignore init-entrypoint', 'FROM alpine', 'CMD ["node", "/app"]'), null, { only });
  assert.equal(result.notes, []);
});

test('suppressed by a comment above the CMD the ENTRYPOINT would go before', async () => {
  await expectUnchanged(lines('FROM alpine', '# dfmod-ignore', 'CMD ["node", "/app"]'), null, { only });
});

test('the form this transform writes is left without a note', async () => {
  const input = lines('FROM alpine', APK, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]');
  const result = await run(input, { only });
  assert.fixture(result.output, input);
  assert.equal(result.notes, []);
});

// Fixed: Fedora was told tini is "in EPEL or nowhere"; EPEL is RHEL's, and Fedora's own repositories were never checked.
test('Fedora: refused as not checked, without a claim about EPEL', async () => {
  await refusedWith(lines('FROM fedora:40', 'CMD ["node", "/app"]', SERVES), 'no-init-package',
    'dfmod has not checked which Fedora releases carry tini');
});

// --- where an init helps (FileFacts.initHelps) -----------------------------------------

const OPT_IN = 'or run its containers with `docker run --init`';

test('an official-image definition (docker-library header): the engine leaves the generated file as written, saying so', async () => {
  const input = lines('# NOTE: THIS DOCKERFILE IS GENERATED VIA "apply-templates.sh"', '#', '# PLEASE DO NOT EDIT IT DIRECTLY.', 'FROM debian:bookworm-slim', 'CMD ["redis-server"]');
  const result = await expectUnchanged(input, null, { only });
  assert.equal(result.notes.map((n) => [n.transform, n.id, n.line]), [['engine', 'generated-file', 1]]);
});

test('an official-image definition by its shape: OS base, pass-through docker-entrypoint.sh, bare command', async () => {
  await expectRefused(
    lines('FROM debian:bookworm-slim', 'COPY docker-entrypoint.sh /usr/local/bin/', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["postgres"]'),
    'official-image', { only, line: 1 },
  );
});

test('a base image (inherits a shell as its command, as toolboxes and CI images do): left alone, no CMD ["/bin/bash"] restated', async () => {
  await refusedWith(
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y build-essential git'),
    'base-image',
    'it inherits from ubuntu:22.04 the command `bash`, an interactive shell or REPL, as base and tool images do, so this is a base, tool or build image, or one whose command is given at `docker run`: ' +
      `every image built FROM it would inherit the init; to add one anyway, name it in the option {"init-entrypoint": {"paths": ["Dockerfile"]}}, ${OPT_IN}`,
  );
  await expectRefused(lines('FROM python:3.12'), 'base-image', { only });
});

test('a toolbox kept alive for docker exec, and files named as base or CI images', async () => {
  await expectRefused(lines('FROM debian:12', 'CMD ["sleep", "infinity"]'), 'toolbox-image', { only });
  await expectRefused(lines('FROM debian:12', 'CMD tail -f /dev/null'), 'toolbox-image', { only });
  const ci = await runAs('ci/Dockerfile.ci', lines('FROM debian:12', 'COPY app /app', 'CMD ["node", "/app"]'));
  assert.equal(ci.notes.map((n) => n.id), ['toolbox-image']);
});

test('a devcontainer: left alone; the paths option opts it in', async () => {
  const input = lines('FROM node:20-slim', OWN_RUN, 'CMD ["node", "server.js"]');
  const refused = await runAs('.devcontainer/Dockerfile', input);
  assert.fixture(refused.output, input);
  assert.equal(refused.notes.map((n) => [n.id, n.message]), [['devcontainer',
    'no init added: the file is in a .devcontainer folder, so this is a dev container, not what is deployed; to add one anyway, name it in the option ' +
    `{"init-entrypoint": {"paths": [".devcontainer/Dockerfile"]}}, ${OPT_IN}`]]);
  const optedIn = await runAs('.devcontainer/Dockerfile', input, { 'init-entrypoint': { paths: ['.devcontainer/Dockerfile'] } });
  assert.fixture(optedIn.output, lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]'));
});

test('a file named Dockerfile.dev is a dev image', async () => {
  const result = await runAs('Dockerfile.dev', lines('FROM node:20-slim', 'CMD ["npm", "run", "dev"]'));
  assert.equal(result.notes.map((n) => n.id), ['dev-or-test-stage']);
});

test('a multi-stage file whose last stage is dev: left alone; the stages option puts the init in the deployed stage', async () => {
  const input = lines('FROM node:20-slim AS prod', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'CMD ["node", "server.js"]', '', 'FROM prod AS dev', 'CMD ["npm", "run", "dev"]');
  await refusedWith(input, 'dev-or-test-stage',
    `the build target is named \`dev\`, so this is a development or test stage, not what is deployed; to add one anyway, name it in the option {"init-entrypoint": {"stages": ["dev"]}}, ${OPT_IN}`);
  await expectOutput(input,
    lines('FROM node:20-slim AS prod', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]', '', 'FROM prod AS dev', 'CMD ["npm", "run", "dev"]'),
    { only, options: { 'init-entrypoint': { stages: ['prod'] } } });
  await expectRefused(input, 'unknown-stage', { only, options: { 'init-entrypoint': { stages: ['production'] } } });
  await expectRefused(input, 'unknown-option', { only, options: { 'init-entrypoint': { stages: 'prod' } } });
});

// --- joining the stage's own install --------------------------------------------------------

test('joins an existing apt-get install, with --no-install-recommends or not, keeping its flags', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates tini && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM ubuntu:24.04', 'RUN apt-get update \\', '    && apt-get install -y \\', '        curl \\', '    && rm -rf /var/lib/apt/lists/*', 'CMD ["node", "/app"]', SERVES),
    lines('FROM ubuntu:24.04', 'RUN apt-get update \\', '    && apt-get install -y \\', '        curl \\', '        tini \\', '    && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

test('joins an apt-get install run with sudo by a non-root stage', async () => {
  await expectOutput(
    lines('FROM ubuntu:22.04', 'USER app', 'RUN sudo apt-get update && sudo apt-get install -y curl', 'CMD ["node", "/app"]', SERVES),
    lines('FROM ubuntu:22.04', 'USER app', 'RUN sudo apt-get update && sudo apt-get install -y curl tini', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

test('joins an existing apk add --no-cache', async () => {
  await expectOutput(
    lines('FROM node:20-alpine', 'RUN apk add --no-cache curl', 'CMD ["node", "a.js"]', SERVES),
    lines('FROM node:20-alpine', 'RUN apk add --no-cache curl tini', 'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
});

// Changed: a new `apt-get update` layer for tini beside the stage's own install is refused, with the line to add it to.
test('not joined: an install after USER without sudo, apt-mark auto patterns (refused); apk --virtual groups deleted again (a new apk RUN)', async () => {
  await expectRefused(lines('FROM debian:12', 'USER app', 'RUN apt-get install -y curl', 'CMD ["node", "/app"]', SERVES), 'install-not-joinable', { only });
  await expectOutput(
    lines('FROM alpine:3.20', 'COPY . .', 'RUN apk add --no-cache --virtual .deps gcc && make && apk del .deps', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', APK, 'COPY . .', 'RUN apk add --no-cache --virtual .deps gcc && make && apk del .deps', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  await expectRefused(lines('FROM debian:12', 'COPY . .', "RUN apt-get update && apt-mark auto '.*' && apt-get install -y gcc", 'CMD ["node", "/app"]', SERVES), 'install-not-joinable', { only });
  // The note names the init chosen.
  await refusedWith(lines('FROM debian:12', 'COPY . .', "RUN apt-get update && apt-mark auto '.*' && apt-get install -y gcc", 'CMD ["node", "/app"]', SERVES), 'install-not-joinable',
    'the apt install at line 3 marks packages for autoremove (apt-mark), which would remove dumb-init too: add `dumb-init` where the image\'s packages are installed',
    { 'init-entrypoint': { init: 'dumb-init' } });
});

test('a non-root final stage: the install joins the root RUN before USER, the ENTRYPOINT runs as the stage user', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && useradd app', 'USER app', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl tini && useradd app', 'USER app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

// Fixed: the inserted `apt-get update && … && rm -rf /var/lib/apt/lists/*` deleted the lists the stage inherited, and its own later install failed.
test('a stage FROM a parent that ran apt-get update: its lists are not deleted, and its own install is joined', async () => {
  await expectOutput(
    lines('FROM debian:bookworm AS base', 'RUN apt-get update', 'FROM base', 'COPY app /app', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:bookworm AS base', 'RUN apt-get update', 'FROM base', 'RUN apt-get update && apt-get install -y --no-install-recommends tini', 'COPY app /app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM debian:bookworm AS base', 'RUN apt-get update', 'FROM base', 'COPY app /app', 'RUN apt-get install -y curl', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:bookworm AS base', 'RUN apt-get update', 'FROM base', 'COPY app /app', 'RUN apt-get install -y curl tini', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

// --- where the init goes in the stage's package list, as an expert writes it --------------------

// Fixed (review): tini was glued onto the last line of a one-package-per-line list (`    curl tini`).
for (const [name, input, expected] of [
  ['one package per line: a line of its own after the last, same indentation and continuation',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    bash \\', '    curl', 'COPY entrypoint.sh /entrypoint.sh', 'ENTRYPOINT ["/entrypoint.sh"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    bash \\', '    curl \\', '    tini', 'COPY entrypoint.sh /entrypoint.sh', 'ENTRYPOINT ["/sbin/tini", "--", "/entrypoint.sh"]', SERVES)],
  ['a sorted list: tini at its place in the order',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    bash \\', '    curl \\', '    wget', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    bash \\', '    curl \\', '    tini \\', '    wget', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['an unsorted list: at the end',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    wget \\', '    bash \\', '    curl', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    wget \\', '    bash \\', '    curl \\', '    tini', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a sorted list whose first package is on the command line, tini first: in front of it, the rest as it was',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache zlib \\', '    zstd', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache tini \\', '    zlib \\', '    zstd', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['the list followed by `&& rm -rf /var/lib/apt/lists/*` on the next line (leading &&)',
    lines('FROM debian:12', 'RUN apt-get update \\', '    && apt-get install -y --no-install-recommends \\', '        ca-certificates \\', '        curl \\', '    && rm -rf /var/lib/apt/lists/*', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update \\', '    && apt-get install -y --no-install-recommends \\', '        ca-certificates \\', '        curl \\', '        tini \\', '    && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['the list followed by `&& \\` (trailing &&): the && stays after the last package',
    lines('FROM debian:12', 'RUN apt-get update && \\', '    apt-get install -y --no-install-recommends \\', '        ca-certificates \\', '        curl && \\', '    rm -rf /var/lib/apt/lists/*', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && \\', '    apt-get install -y --no-install-recommends \\', '        ca-certificates \\', '        curl \\', '        tini && \\', '    rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a trailing flag stays last: tini after the last package',
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y foo bar --no-install-recommends', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y foo bar tini --no-install-recommends', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a trailing flag on a line of its own in a one-per-line list',
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y \\', '    wget \\', '    curl \\', '    --no-install-recommends \\', ' && rm -rf /var/lib/apt/lists/*', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y \\', '    wget \\', '    curl \\', '    tini \\', '    --no-install-recommends \\', ' && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a quoted version constraint as the last package, on one line',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache curl "zlib>1.3.2"', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache curl "zlib>1.3.2" tini', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a quoted version constraint in a sorted one-per-line list: sorted by the package name',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    curl \\', '    "zlib>1.3.2"', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    curl \\', '    tini \\', '    "zlib>1.3.2"', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a quoted version constraint last in an unsorted one-per-line list',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    zsh \\', '    "zlib>1.3.2"', 'RUN true', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    zsh \\', '    "zlib>1.3.2" \\', '    tini', 'RUN true', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['several packages per line: after the last, on its line',
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    a b \\', '    c d', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache \\', '    a b \\', '    c d tini', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  // A variable may expand to nothing, to several packages or to flags: tini goes before it, after the last package named.
  ['a list ending in a variable: tini before it, on a line of its own',
    lines('FROM alpine:3.20', 'ARG EXTRA_PKGS=""', 'RUN apk add --no-cache \\', '    bash \\', '    curl \\', '    $EXTRA_PKGS', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'ARG EXTRA_PKGS=""', 'RUN apk add --no-cache \\', '    bash \\', '    curl \\', '    tini \\', '    $EXTRA_PKGS', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a list ending in a variable, on one line',
    lines('FROM alpine:3.20', 'ARG EXTRA_PKGS=""', 'RUN apk add --no-cache curl $EXTRA_PKGS', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'ARG EXTRA_PKGS=""', 'RUN apk add --no-cache curl tini $EXTRA_PKGS', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['only a variable: tini in front of it',
    lines('FROM alpine:3.20', 'ARG PKGS=curl', 'RUN apk add --no-cache $PKGS', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'ARG PKGS=curl', 'RUN apk add --no-cache tini $PKGS', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['a comment line inside the list: not reordered, tini after the last package',
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y \\', '    bash \\', '# network tools', '    curl \\', '    wget', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y \\', '    bash \\', '# network tools', '    curl \\', '    wget \\', '    tini', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  // Fixed: `-t` was read as apk's `--virtual` for every manager; for apt it is --target-release.
  ['apt-get install -t (target release) is joined',
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -t bookworm-backports -y curl', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -t bookworm-backports -y curl tini', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
] as [string, string, string][]) {
  test(`package list layout: ${name}`, async () => {
    await expectOutput(input, expected, { only });
  });
}

// Fixed (review): a new `RUN apk add tini` went between the ENV block and the stage's own `# Install dependencies` install.
test('an apk --virtual group never deleted is joined; one deleted later gets a new RUN right after its install step', async () => {
  await expectOutput(
    lines('FROM nginx:alpine', 'ENV A=1', '# Install dependencies', 'RUN apk add --no-cache --virtual .run-deps bash openssl', 'ENTRYPOINT ["/app/docker-entrypoint.sh"]', SERVES),
    lines('FROM nginx:alpine', 'ENV A=1', '# Install dependencies', 'RUN apk add --no-cache --virtual .run-deps bash openssl tini', 'ENTRYPOINT ["/sbin/tini", "--", "/app/docker-entrypoint.sh"]', SERVES),
    { only },
  );
  // Deleted in the same RUN: the new RUN follows it, and the comment heading the next instruction stays above it.
  await expectOutput(
    lines('FROM alpine:3.20', 'ENV A=1', '# Build dependencies', 'RUN apk add --no-cache --virtual .build-deps gcc make \\', '    && make \\', '    && apk del .build-deps', '# The app', 'COPY app /app', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'ENV A=1', '# Build dependencies', 'RUN apk add --no-cache --virtual .build-deps gcc make \\', '    && make \\', '    && apk del .build-deps', 'RUN apk add --no-cache tini', '# The app', 'COPY app /app', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  // Deleted by a later RUN (`-t` is --virtual's short form): right after the install step, not after the deletion.
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add -t .build-deps gcc', 'RUN make', 'RUN apk del .build-deps', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'RUN apk add -t .build-deps gcc', APK, 'RUN make', 'RUN apk del .build-deps', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  // An `apk del` of a computed name may delete the group: not joined.
  await expectOutput(
    lines('FROM alpine:3.20', 'ARG DEPS=.run-deps', 'RUN apk add --virtual .run-deps bash && apk del $DEPS', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'ARG DEPS=.run-deps', 'RUN apk add --virtual .run-deps bash && apk del $DEPS', APK, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  // A parent stage's deletion counts too; the new RUN then goes after the final stage's preamble.
  await expectOutput(
    lines('FROM alpine:3.20 AS base', 'RUN apk add --virtual .deps gcc', '', 'FROM base', 'RUN apk del .deps', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20 AS base', 'RUN apk add --virtual .deps gcc', '', 'FROM base', APK, 'RUN apk del .deps', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

test('a new RUN goes after the FROM/ARG/ENV/LABEL/WORKDIR preamble, above the comment heading the next instruction', async () => {
  await expectOutput(
    lines('FROM node:20', 'ENV A=1', 'WORKDIR /app', '', '# Dependencies first, for the cache', 'COPY package.json .', OWN_RUN, 'CMD ["node", "a.js"]', SERVES),
    lines('FROM node:20', 'ENV A=1', 'WORKDIR /app', APT, '', '# Dependencies first, for the cache', 'COPY package.json .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM node:20', 'ENV A=1', '# the app lives here', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'CMD ["node", "a.js"]', SERVES),
    lines('FROM node:20', 'ENV A=1', '# the app lives here', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
});

// Fixed (review): the note cited the line of the text after earlier transforms' changes (merge-runs), one off on disk: the ENTRYPOINT's.
test('a base-image note cites the CMD line on disk, after other transforms changed the lines above it', async () => {
  const cases: [string, number][] = [
    [lines('FROM cimg/base:current', 'ENTRYPOINT ["/docker-entrypoint.sh"]', 'CMD ["/bin/sh"]'), 3],
    [lines('FROM cimg/base:current', 'RUN apt-get update', 'RUN apt-get install -y curl', 'ENTRYPOINT ["/docker-entrypoint.sh"]', 'CMD ["/bin/sh"]'), 5],
  ];
  for (const [input, line] of cases) {
    const result = await run(input);
    assert.equal(result.notes.filter((n) => n.transform === 'init-entrypoint').map((n) => [n.id, n.line, n.message]), [['base-image', 1,
      `no init added: line ${line} sets the command \`sh\`, an interactive shell or REPL, as base and tool images do, so this is a base, tool or build image, or one whose command is given at \`docker run\`: every image built FROM it would inherit the init; ` +
      `to add one anyway, name it in the option {"init-entrypoint": {"paths": ["Dockerfile"]}}, ${OPT_IN}`]]);
  }
});

test('official images from a per-architecture namespace (amd64/, arm64v8/, library/): known as the image itself; winamd64/ is Windows', async () => {
  await expectOutput(
    lines('FROM arm64v8/debian:12', 'COPY app /app', OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines('FROM arm64v8/debian:12', APT, 'COPY app /app', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM amd64/node:20-alpine', 'COPY . /app', OWN_RUN, 'CMD ["node", "/app/server.js"]', SERVES),
    lines('FROM amd64/node:20-alpine', APK, 'COPY . /app', OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "/app/server.js"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM docker.io/library/ubuntu:22.04', 'COPY app /app', OWN_RUN, 'CMD ["node", "/app"]', SERVES),
    lines('FROM docker.io/library/ubuntu:22.04', APT, 'COPY app /app', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  await expectRefused(lines('FROM winamd64/python:3.12', 'CMD ["python", "app.py"]', SERVES), 'windows', { only });
});

// --- composed with merge-runs and apt-cleanup: one update and one cleanup per RUN ------------------

/** The count of `apt-get update` / `apk add` / list cleanups in each RUN of a Dockerfile text. */
function perRun(text: string): { updates: number; cleanups: number; apkAdds: number }[] {
  const runs = text.replace(/\\\n/g, ' ').split('\n').filter((l) => l.startsWith('RUN '));
  const count = (l: string, word: string) => l.split(word).length - 1;
  return runs.map((l) => ({ updates: count(l, 'apt-get update'), cleanups: count(l, 'rm -rf /var/lib/apt/lists/*'), apkAdds: count(l, 'apk add') }));
}

for (const [name, input, expected] of [
  ['apt install after WORKDIR',
    lines('FROM node:20-slim', 'WORKDIR /app', 'RUN apt-get update && apt-get install -y --no-install-recommends curl', 'COPY . .', 'CMD ["node", "server.js"]', SERVES),
    lines('FROM node:20-slim', 'WORKDIR /app', 'RUN apt-get update && apt-get install -y --no-install-recommends curl tini \\', '    && rm -rf /var/lib/apt/lists/*', 'COPY . .',
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]', SERVES)],
  ['apt install right after FROM, split in two RUNs',
    lines('FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update \\', '    && apt-get install -y curl tini \\', '    && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
  ['apk add',
    lines('FROM node:20-alpine', 'RUN apk add --no-cache curl', 'COPY . .', 'CMD ["node", "server.js"]', SERVES),
    lines('FROM node:20-alpine', 'RUN apk add --no-cache curl tini', 'COPY . .', 'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]', SERVES)],
  ['a parent that ran apt-get update',
    lines('FROM debian:bookworm AS base', 'RUN apt-get update', 'FROM base', 'RUN apt-get install -y curl', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:bookworm AS base', 'RUN apt-get update', 'FROM base', 'RUN apt-get update && apt-get install -y curl tini \\', '    && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES)],
] as [string, string, string][]) {
  test(`composed with every default transform (${name}): tini joins the install, one update and one cleanup per RUN`, async () => {
    const result = await expectOutput(input, expected);
    assert.ok(perRun(result.output).every((r) => r.updates <= 1 && r.cleanups <= 1 && r.apkAdds <= 1), JSON.stringify(perRun(result.output)));
  });
}

// --- signals reach the app ---------------------------------------------------------------

test('a shell-form CMD that needs its shell: exec in front of the app', async () => {
  const result = await expectOutput(
    lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'CMD cd /app && node server.js --port $PORT'),
    lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD cd /app && exec node server.js --port $PORT'),
    { only },
  );
  assert.match(result.changes[0].message, 'with `exec` in front of `node server.js --port $PORT`, so the app replaces the shell and receives the signals');
});

test('a shell-form ENTRYPOINT that needs its shell: exec inside the wrapped script; an env prefix stays in front', async () => {
  await expectOutput(
    lines('FROM debian:12', OWN_RUN, 'ENTRYPOINT MODE=prod app --port "$PORT"'),
    lines('FROM debian:12', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/sh", "-c", "MODE=prod exec app --port \\"$PORT\\""]'),
    { only },
  );
});

test('a shell command exec cannot take over (a pipe, a trap): tini -g, and a note that shutdown is forced', async () => {
  const result = await expectOutput(
    lines('FROM alpine', OWN_RUN, 'CMD /app | tee /tmp/log', SERVES),
    lines('FROM alpine', APK, OWN_RUN, 'ENTRYPOINT ["/sbin/tini", "-g", "--"]', 'CMD /app | tee /tmp/log', SERVES),
    { only },
  );
  assert.equal(result.notes.map((n) => [n.id, n.line, n.message]), [['shutdown-forced', 3,
    'shutdown is forced, not graceful: the shell script `/app | tee /tmp/log` is run by a shell that exits at SIGTERM (its last command is a pipeline), ' +
    'and the container ends with it; tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: run the app with exec, or in JSON form']]);
  const trap = await run(lines('FROM alpine', OWN_RUN, "CMD trap 'echo bye' EXIT; /app", SERVES), { only });
  assert.match(trap.output, 'ENTRYPOINT ["/sbin/tini", "-g", "--"]');
  assert.match(trap.notes[0].message, 'it sets a trap, which exec would skip');
});

test('npm start: replaced by its start script\'s command when package.json shows it runs the same without npm', async () => {
  const files = { 'package.json': '{"name": "a", "scripts": {"start": "node server.js"}}', 'server.js': 'require("http").createServer().listen(8080);\n' };
  const input = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'CMD ["npm", "start"]', SERVES);
  const result = await expectOutput(input,
    lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]', SERVES),
    { only, files });
  assert.match(result.changes[0].message, 'with `npm start` replaced by its script\'s command `node server.js`, since npm exits at SIGTERM without waiting for the app');
  // A prestart script, npm's environment read by the app, or a script needing npm's PATH: npm stays, under tini -g, with the note.
  for (const [other, why] of [
    [{ ...files, 'package.json': '{"scripts": {"prestart": "node migrate.js", "start": "node server.js"}}' }, "its `start` script runs several steps: package.json's `prestart`, then `start`"],
    [{ ...files, 'server.js': 'console.log(process.env.npm_package_version);\n' }, "server.js reads npm's environment (npm_*)"],
    [{ ...files, 'package.json': '{"scripts": {"start": "nodemon server.js"}}' }, 'its `start` script runs `nodemon`, which npm finds in node_modules/.bin'],
  ] as [Record<string, string>, string][]) {
    const kept = await expectOutput(input,
      lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', 'CMD ["npm", "start"]', SERVES),
      { only, files: other });
    assert.equal(kept.notes.map((n) => n.id), ['shutdown-forced']);
    assert.match(kept.notes[0].message, `(dfmod cannot run the script's command instead: ${why})`);
  }
});

test('npm start whose entry file tsc compiles (outDir, rootDir in tsconfig.json): its TypeScript source is read, and the script\'s command replaces npm start', async () => {
  const files = {
    'package.json': '{"name": "a", "scripts": {"build": "tsc", "start": "node dist/server.js"}}',
    'tsconfig.json': '{"compilerOptions": {"rootDir": "src", "outDir": "dist"}}',
    'src/server.ts': 'import http from "http";\nhttp.createServer().listen(8080);\n',
    '.dockerignore': 'dist\n',
  };
  const input = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'CMD ["npm", "start"]', SERVES);
  await expectOutput(input,
    lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', 'RUN npm ci && npm run build', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "dist/server.js"]', SERVES),
    { only, files });
  // The source reads npm's environment: npm stays. Without rootDir, which source it is depends on the file list: npm stays.
  for (const [other, why] of [
    [{ ...files, 'src/server.ts': 'console.log(process.env.npm_package_version);\n' }, "src/server.ts reads npm's environment (npm_*)"],
    [{ ...files, 'tsconfig.json': '{"compilerOptions": {"outDir": "dist"}}' }, 'dfmod cannot read dist/server.js to check it reads no npm_* variable'],
  ] as [Record<string, string>, string][]) {
    const kept = await run(input, { only, files: other });
    assert.match(kept.output, 'CMD ["npm", "start"]');
    assert.match(kept.notes[0].message, `(dfmod cannot run the script's command instead: ${why})`);
  }
});

test('npm start without a build context: tini -g and the note', async () => {
  const result = await expectOutput(
    lines('FROM node:20-slim', OWN_RUN, 'CMD ["npm", "start"]', SERVES),
    lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', 'CMD ["npm", "start"]', SERVES),
    { only },
  );
  assert.equal(result.notes.map((n) => [n.id, n.message]), [['shutdown-forced',
    'shutdown is forced, not graceful: `npm start`: npm exits at SIGTERM without waiting for the script it started, and the container ends with it; ' +
    'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: run the command its script runs in the CMD itself, in JSON form']]);
});

// Checked: pnpm and yarn run package.json scripts as npm does (as their child, exiting at SIGTERM without waiting for it).
const SCRIPTS = { 'package.json': '{"name": "a", "scripts": {"start": "node server.js", "serve": "node server.js"}}', 'server.js': 'require("http").createServer().listen(8080);\n' };
const forcedRunner = (argv: string[], why = '') =>
  `shutdown is forced, not graceful: \`${argv.join(' ')}\`: ${argv[0]} exits at SIGTERM without waiting for the script it started, and the container ends with it` +
  `${why ? ` (dfmod cannot run the script's command instead: ${why})` : ''}; tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: ` +
  'run the command its script runs in the CMD itself, in JSON form';
for (const argv of [['pnpm', 'start'], ['yarn', 'start'], ['pnpm', 'run', 'serve'], ['yarn', 'run', 'serve'], ['yarn', 'serve'], ['pnpm', 'serve']]) {
  test(`${argv.join(' ')}: the script's command where package.json shows it; without package.json, tini -g and the note`, async () => {
    const input = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', OWN_RUN, `CMD ${JSON.stringify(argv).replace(/","/g, '", "')}`, SERVES);
    const replaced = await expectOutput(input,
      lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]', SERVES),
      { only, files: SCRIPTS });
    assert.match(replaced.changes[0].message, `with \`${argv.join(' ')}\` replaced by its script's command \`node server.js\`, since ${argv[0]} exits at SIGTERM without waiting for the app; zombies are reaped`);
    assert.equal(replaced.notes, []);
    const forced = lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', input.trimEnd().split('\n')[4], SERVES);
    const noContext = await expectOutput(input, forced, { only });
    assert.equal(noContext.notes.map((n) => [n.id, n.line, n.message]), [['shutdown-forced', 5, forcedRunner(argv)]]);
    const noPackageJson = await expectOutput(input, forced, { only, files: { 'server.js': SCRIPTS['server.js'] } });
    assert.equal(noPackageJson.notes.map((n) => n.message), [forcedRunner(argv, 'dfmod cannot see which package.json it reads')]);
  });
}

test('yarn and pnpm commands of their own are no script; options before the script: tini -g and the note', async () => {
  await expectOutput(lines('FROM node:20-slim', OWN_RUN, 'CMD ["yarn", "install"]', SERVES), lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["yarn", "install"]', SERVES), { only });
  // `npm test`, `pnpm t`: the test script, like start.
  for (const argv of [['npm', 'test'], ['pnpm', 't'], ['yarn', 'test']]) {
    const cmd = `CMD ${JSON.stringify(argv).replace(/","/g, '", "')}`;
    const result = await expectOutput(lines('FROM node:20-slim', OWN_RUN, cmd, SERVES), lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', cmd, SERVES), { only });
    assert.equal(result.notes.map((n) => n.message), [forcedRunner(argv)]);
  }
  const filtered = await expectOutput(lines('FROM node:20-slim', OWN_RUN, 'CMD ["pnpm", "--filter", "web", "start"]', SERVES),
    lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', 'CMD ["pnpm", "--filter", "web", "start"]', SERVES), { only, files: SCRIPTS });
  assert.equal(filtered.notes.map((n) => n.message), [forcedRunner(['pnpm', '--filter', 'web', 'start'])]);
});

test('yarn start under Yarn Plug\'n\'Play: node alone cannot load the packages, so yarn stays, under tini -g, with the note', async () => {
  const input = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'CMD ["yarn", "start"]', SERVES);
  const kept = lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', 'CMD ["yarn", "start"]', SERVES);
  const berry = '{"name": "a", "packageManager": "yarn@4.1.0", "scripts": {"start": "node server.js"}}';
  for (const [files, why] of [
    [{ ...SCRIPTS, '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.1.0.cjs\n' }, '.yarnrc.yml sets no nodeLinker: node-modules'],
    [{ ...SCRIPTS, 'package.json': berry }, "package.json names yarn@4.1.0, whose default is Plug'n'Play"],
    [{ ...SCRIPTS, '.pnp.cjs': '' }, '.pnp.cjs'],
  ] as [Record<string, string>, string][]) {
    const result = await expectOutput(input, kept, { only, files });
    assert.equal(result.notes.map((n) => n.message), [forcedRunner(['yarn', 'start'], `the project uses Yarn Plug'n'Play (${why}), so node alone cannot load its packages`)]);
  }
  // nodeLinker: node-modules, or Yarn 1 (which reads no .yarnrc.yml): the script's command runs as it did.
  for (const files of [{ ...SCRIPTS, 'package.json': berry, '.yarnrc.yml': 'nodeLinker: node-modules\n' }, { ...SCRIPTS, '.yarnrc.yml': 'nodeLinker: "node-modules"\n' }]) {
    await expectOutput(input, kept.replace('"-g", ', '').replace('CMD ["yarn", "start"]', 'CMD ["node", "server.js"]'), { only, files });
  }
});

// Checked: exec goes only in front of the last command of a plain list at top level.
test('a shell-form CMD chain: exec in front of its last command, after && and after ;', async () => {
  const chain = await expectOutput(
    lines('FROM node:20-slim', OWN_RUN, 'CMD cd /app && ./migrate && node server.js', SERVES),
    lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD cd /app && ./migrate && exec node server.js', SERVES),
    { only },
  );
  assert.equal(chain.notes, []);
  await expectOutput(
    lines('FROM node:20-slim', OWN_RUN, 'CMD ./migrate; node server.js', SERVES),
    lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ./migrate; exec node server.js', SERVES),
    { only },
  );
});

test('a shell-form CMD whose last command is a pipeline, a || list or a function: no exec, tini -g and the note', async () => {
  const forced = (script: string, why: string) => 'shutdown is forced, not graceful: the shell script `' + script + '` is run by a shell that exits at SIGTERM (' + why +
    '), and the container ends with it; tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: run the app with exec, or in JSON form';
  for (const [script, why] of [
    ['node s | tee log', 'its last command is a pipeline'],
    ['./a || ./b', 'its last command is a `||` list'],
    ['./a && ./b || ./c', 'its last command is a `||` list'],
    ['start() { node server.js; }; start', 'its last command `start` is a function the script defines, which exec cannot run'],
  ]) {
    const result = await expectOutput(
      lines('FROM node:20-slim', OWN_RUN, `CMD ${script}`, SERVES),
      lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', `CMD ${script}`, SERVES),
      { only },
    );
    assert.equal(result.notes.map((n) => [n.id, n.line, n.message]), [['shutdown-forced', 3, forced(script, why)]]);
  }
});

test('an entrypoint script from the context: ending in exec "$@" it is wrapped as is; without exec, tini -g and the note names its line', async () => {
  const input = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'ENTRYPOINT ["./entrypoint.sh"]', 'CMD ["node", "server.js"]', SERVES);
  const wrapped = lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "./entrypoint.sh"]', 'CMD ["node", "server.js"]', SERVES);
  const execs = await expectOutput(input, wrapped, { only, files: { 'entrypoint.sh': '#!/bin/sh\nset -e\necho starting\nexec "$@"\n' } });
  assert.equal(execs.notes, []);
  const waits = await expectOutput(input, wrapped.replace('"--", "./entrypoint.sh"', '"-g", "--", "./entrypoint.sh"'),
    { only, files: { 'entrypoint.sh': '#!/bin/sh\nset -e\necho starting\nnode server.js\n' } });
  assert.equal(waits.notes.map((n) => [n.id, n.message]), [['shutdown-forced',
    'shutdown is forced, not graceful: the script entrypoint.sh runs `node server.js` (its line 4) without exec, so its shell exits at SIGTERM and the container ends with it; ' +
    'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: write `exec node server.js` there']]);
  // A last command that calls a function of the script: the path goes on in its body, to the command that runs the app.
  const main = await run(input, { only, files: { 'entrypoint.sh': '#!/bin/sh\nmain() { node server.js; }\nmain\n' } });
  assert.equal(main.notes.map((n) => n.message), [
    'shutdown is forced, not graceful: the script entrypoint.sh runs `node server.js` (its line 2) without exec, so its shell exits at SIGTERM and the container ends with it; ' +
    'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: write `exec node server.js` there']);
});

test('a script a shell is given (`bash /opt/start.sh`, `sh start.sh` in WORKDIR) is followed like an entrypoint script: without exec, tini -g and the note; with exec of nginx, no init (review round 8)', async () => {
  const input = lines('FROM debian:12', 'WORKDIR /srv', 'RUN apt-get update && apt-get install -y nginx cron', 'COPY startup.sh /opt/startup.sh', 'CMD ["/bin/bash", "/opt/startup.sh"]', 'EXPOSE 80');
  const waits = await expectOutput(input, lines('FROM debian:12', 'WORKDIR /srv', 'RUN apt-get update && apt-get install -y nginx cron tini', 'COPY startup.sh /opt/startup.sh',
    'ENTRYPOINT ["/usr/bin/tini", "-g", "--"]', 'CMD ["/bin/bash", "/opt/startup.sh"]', 'EXPOSE 80'), { only, files: { 'startup.sh': 'cron\nnginx -g "daemon off;"\n' } });
  assert.equal(waits.notes.map((n) => [n.id, n.message]), [['shutdown-forced',
    'shutdown is forced, not graceful: the script startup.sh runs `nginx -g "daemon off;"` (its line 2) without exec, so its shell exits at SIGTERM and the container ends with it; ' +
    'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: write `exec nginx -g "daemon off;"` there']]);
  const execs = await expectUnchanged(input, null, { only, files: { 'startup.sh': 'cron\nexec nginx -g "daemon off;"\n' } });
  assert.equal(execs.notes.map((n) => n.id), ['server-reaps']);
  // A bare name is the file in WORKDIR.
  const bare = await expectUnchanged(lines('FROM debian:12', 'WORKDIR /srv', 'RUN apt-get update && apt-get install -y nginx', 'COPY start.sh .', 'CMD ["sh", "start.sh"]', 'EXPOSE 80'), null,
    { only, files: { 'start.sh': 'exec nginx -g "daemon off;"\n' } });
  assert.equal(bare.notes.map((n) => n.id), ['server-reaps']);
});

test("`cron -f` is a long-lived service, and Debian's cron ignores SIGTERM as PID 1: tini (review round 8)", async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y cron', 'COPY crontab /etc/cron.d/app', 'CMD ["cron", "-f"]'),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y cron tini', 'COPY crontab /etc/cron.d/app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["cron", "-f"]'),
    { only },
  );
  // BusyBox's crond is a service too, whose signal handling dfmod does not claim to know.
  await expectRefused(lines('FROM alpine:3.20', 'COPY crontab /etc/crontabs/root', 'CMD ["crond", "-f"]'), 'pid1-not-known', { only, line: 3 });
});

test('uWSGI reloads at SIGTERM: no init, and the note says how `docker stop` stops it (STOPSIGNAL, --die-on-term) (review round 9)', async () => {
  const input = lines('FROM python:3.12', 'WORKDIR /app', 'COPY . .', 'RUN pip install uwsgi', 'CMD ["uwsgi", "--ini", "app.ini"]', 'EXPOSE 8080');
  const result = await expectUnchanged(input, null, { only });
  assert.equal(result.notes.map((n) => [n.id, n.message]), [['server-reaps', 'no init added: PID 1 is `uwsgi`, uWSGI, whose master reaps its workers, but which reloads at SIGTERM ' +
    'instead of stopping unless `die-on-term` is set; an init does not change that: add `STOPSIGNAL SIGINT` (or set `die-on-term = true` in its configuration) so that `docker stop` stops it ' +
    '(to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})']]);
  for (const stops of [input.replace('CMD ["uwsgi", "--ini", "app.ini"]', 'CMD ["uwsgi", "--ini", "app.ini", "--die-on-term"]'), input + 'STOPSIGNAL SIGINT\n']) {
    const told = await expectUnchanged(stops, null, { only });
    assert.match(told.notes[0].message, 'PID 1 is `uwsgi`, a server whose master process reaps its workers and stops at the STOPSIGNAL or with die-on-term');
  }
});

test('an entrypoint script that sets its own arguments (`set -- "${DEFAULT_CMD[@]}"`) before `exec "$@"` execs what dfmod cannot name: pid1-not-known; mosquitto built by the file handles SIGTERM (review round 9)', async () => {
  const input = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y openjdk-17-jre-headless', 'COPY entrypoint.sh /entrypoint.sh', 'ENTRYPOINT ["/entrypoint.sh"]', 'EXPOSE 9000');
  const script = '#!/bin/bash\nset -e\nDEFAULT_CMD=(java -jar lib/app.jar)\nif [[ $# -eq 0 ]]; then\n  set -- "${DEFAULT_CMD[@]}" "$@"\nfi\nexec "$@"\n';
  await expectRefused(input, 'pid1-not-known', { only, files: { 'entrypoint.sh': script } });
  const built = lines('FROM alpine:3.20', 'RUN apk add --no-cache build-base && make -C /src install', 'EXPOSE 1883', 'CMD ["/usr/sbin/mosquitto", "-c", "/m.conf"]');
  await expectRefused(built, 'handles-sigterm', { only });
});

test('a shell script dfmod cannot read (a RUN writes it): the change says signals reach what it execs, and where to add exec (review round 9)', async () => {
  const result = await run(lines('FROM ubuntu:22.04', 'RUN printf \'#!/bin/bash\\nmyserver --port=80\\n\' > /usr/bin/start.sh && chmod +x /usr/bin/start.sh', 'EXPOSE 80', 'ENTRYPOINT ["/usr/bin/start.sh"]'), { only });
  assert.match(result.output, 'ENTRYPOINT ["/usr/bin/tini", "--", "/usr/bin/start.sh"]');
  assert.match(result.changes[0].message, 'so signals reach what the script /usr/bin/start.sh execs (dfmod cannot read it: where it runs the app without exec, add exec there) and zombies are reaped');
  // Named an entrypoint, but written by the file itself: not taken to exec its arguments (review round 13, tensorflow serving).
  const named = await run(lines('FROM ubuntu:22.04', 'RUN echo \'#!/bin/bash\\nmyserver --port=80 "$@"\' > /usr/bin/app_entrypoint.sh && chmod +x /usr/bin/app_entrypoint.sh', 'EXPOSE 80', 'ENTRYPOINT ["/usr/bin/app_entrypoint.sh"]'), { only });
  assert.match(named.changes[0].message, 'so signals reach what the script /usr/bin/app_entrypoint.sh execs (dfmod cannot read it: where it runs the app without exec, add exec there)');
});

test('a file a COPY --from takes from a stage that copied it from the context is read from the context: a uwsgi ini with die-on-term (review round 11)', async () => {
  const input = lines('FROM python:3.12 AS builder', 'COPY . /opt/app/', 'RUN pip install uwsgi', 'FROM python:3.12-slim', 'COPY --from=builder /opt/app/ /opt/app/',
    'EXPOSE 8000', 'CMD ["uwsgi", "/opt/app/docker/uwsgi.ini"]');
  const result = await expectUnchanged(input, null, { only, files: { 'docker/uwsgi.ini': '[uwsgi]\ndie-on-term = true\n' } });
  assert.match(result.notes[0].message, 'PID 1 is `uwsgi`, a server whose master process reaps its workers and stops at the STOPSIGNAL or with die-on-term');
});

test('dumb-init signals the process group by itself: no -g', async () => {
  await expectOutput(
    lines('FROM debian:12', OWN_RUN, 'CMD /app | tee /tmp/log', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends dumb-init && rm -rf /var/lib/apt/lists/*', OWN_RUN, 'ENTRYPOINT ["/usr/bin/dumb-init", "--"]', 'CMD /app | tee /tmp/log', SERVES),
    { only, options: { 'init-entrypoint': { init: 'dumb-init' } } },
  );
});

// --- a static binary where no package can be installed (option binary) ---------------------------

test('a distroless final stage with the option binary.from: the static tini is copied in from an image that has it', async () => {
  const input = lines('FROM gcr.io/distroless/static-debian12', 'COPY app /app', 'ENTRYPOINT ["/app"]', SERVES);
  await expectRefused(input, 'no-shell', { only, line: 1, options: OPTED_IN });
  const options = { 'init-entrypoint': { ...OPTED_IN['init-entrypoint'], binary: { from: 'registry.example/tini:0.19.0', path: '/usr/bin/tini-static' } } };
  const result = await expectOutput(input, lines(
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=registry.example/tini:0.19.0 /usr/bin/tini-static /usr/bin/tini-static',
    'COPY app /app',
    'ENTRYPOINT ["/usr/bin/tini-static", "--", "/app"]',
    SERVES,
  ), { only, options });
  assert.match(result.changes[0].message, 'a static binary copied from registry.example/tini:0.19.0');
  // From a stage of the file, the build graph changes (the final stage copies from it): the guard withholds that.
  const staged = lines('FROM debian:12-slim AS tini', 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*', ...input.trimEnd().split('\n'), SERVES);
  await expectRefused(staged, 'withheld-stages', { only, options: { 'init-entrypoint': { ...OPTED_IN['init-entrypoint'], binary: { from: 'tini', path: '/usr/bin/tini-static' } } } });
});

test('a chiseled image with the option binary.url: ADD with a pinned checksum, only where the frontend has it', async () => {
  const options = { 'init-entrypoint': { ...OPTED_IN['init-entrypoint'], binary: { url: 'https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64', checksum: `sha256:${'c'.repeat(64)}`, path: '/tini' } } };
  const body = ['FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled', 'COPY app /app', 'ENTRYPOINT ["/app"]', SERVES];
  await expectRefused(lines(...body), 'add-checksum-unsupported', { only, options });
  await expectOutput(lines('# syntax=docker/dockerfile:1', ...body), lines(
    '# syntax=docker/dockerfile:1',
    'FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled',
    `ADD --checksum=sha256:${'c'.repeat(64)} --chmod=755 https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-amd64 /tini`,
    'COPY app /app',
    'ENTRYPOINT ["/tini", "--", "/app"]',
    SERVES,
  ), { only, options });
  await expectRefused(lines(...body), 'unknown-option', { only, options: { 'init-entrypoint': { ...OPTED_IN['init-entrypoint'], binary: { url: 'http://x/tini', path: '/tini' } } } });
});

test('the option binary is not used where the package installs', async () => {
  await expectOutput(lines('FROM debian:12', OWN_RUN, 'CMD ["node", "/app"]', SERVES), lines('FROM debian:12', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only, options: { 'init-entrypoint': { binary: { from: 'tini', path: '/usr/bin/tini-static' } } } });
});


// --- PID 1 that already is a proper one: no init ------------------------------------------------

test('a server whose master reaps its workers (gunicorn, nginx, rails s → puma, php-fpm behind a pass-through script): no init', async () => {
  const gunicorn = await expectRefused(
    lines('FROM python:3.12-slim', 'WORKDIR /srv', 'RUN pip install --no-cache-dir gunicorn', 'COPY . .', 'CMD ["gunicorn", "-w", "3", "wsgi:app"]'),
    'server-reaps', { only, line: 5 },
  );
  assert.equal(gunicorn.notes.map((n) => n.message), ['no init added: PID 1 is `gunicorn`, a server whose master process reaps its workers and handles SIGTERM (to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})']);
  // The inherited CMD of nginx's image, through its /docker-entrypoint.sh.
  await expectRefused(lines('FROM nginx:1.27-alpine', 'COPY public /usr/share/nginx/html'), 'server-reaps', { only, line: 1 });
  await expectRefused(lines('FROM ruby:3.3-slim', 'COPY . /srv', 'CMD ["bundle", "exec", "rails", "server", "-p", "3000"]'), 'server-reaps', { only, line: 3 });
  await expectRefused(
    lines('FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y php8.3-fpm', 'COPY boot.sh /usr/local/bin/boot.sh', 'ENTRYPOINT ["boot.sh"]', 'CMD ["php-fpm8.3", "-F"]'),
    'server-reaps', { only, line: 5, files: { 'boot.sh': '#!/bin/sh\nset -e\nmkdir -p /run/php\nexec "$@"\n' } },
  );
});

test('a process manager exec\'d by the entrypoint script, or by the last command of a -c script: no init', async () => {
  await expectRefused(
    lines('FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y supervisor', 'COPY run.sh /run.sh', 'ENTRYPOINT ["/run.sh"]'),
    'server-reaps', { only, files: { 'run.sh': '#!/bin/bash\nchown -R www-data /var/www\nexec /usr/bin/supervisord -n -c /etc/supervisord.conf\n' } },
  );
  await expectRefused(lines('FROM python:3.12-slim', 'CMD ["sh", "-c", "./migrate.py && exec gunicorn api.wsgi"]'), 'server-reaps', { only, line: 2 });
});

test('an entrypoint script dfmod cannot read, in front of a server command: taken to exec it, and the note says so', async () => {
  const input = lines('FROM python:3.12-slim', 'COPY . /app', 'RUN pip install --no-cache-dir -r /app/requirements.txt', 'ENTRYPOINT ["/app/bin/docker-entrypoint-web"]', 'CMD ["gunicorn", "-c", "python:config.gunicorn", "config.wsgi"]');
  const result = await expectRefused(input, 'server-reaps', { only, line: 5 });
  assert.match(result.notes[0].message, /if `\/app\/bin\/docker-entrypoint-web` ends by exec'ing its arguments/);
  // Read from the context, a script that waits for its command keeps the init.
  const waits = await run(input, { only, files: { 'bin/docker-entrypoint-web': '#!/bin/sh\nset -e\n"$@"\n' } });
  assert.ok(waits.changes.some((c) => c.transform === 'init-entrypoint'), JSON.stringify(waits.notes));
});

test('a server binary by its name (traefik copied from the context): no init', async () => {
  await expectRefused(lines('FROM alpine:3.20', 'RUN apk add --no-cache ca-certificates', 'COPY traefik /', 'ENTRYPOINT ["/traefik"]'), 'server-reaps', { only, line: 4 });
});

test('a program a go, cargo or dotnet build stage of the file compiled, or the .NET host running a dll: no init', async () => {
  const go = await expectRefused(
    lines('FROM golang:1.23 AS compile', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /bin/svc ./cmd/svc', 'FROM alpine:3.20', 'COPY --from=compile /bin/svc /usr/local/bin/svc', 'CMD ["/usr/local/bin/svc"]'),
    'single-binary', { only, line: 7 },
  );
  assert.match(go.notes[0].message, /PID 1 is `\/usr\/local\/bin\/svc`, a Go program built in stage `compile`/);
  await expectRefused(
    lines('FROM rust:1.80 AS rs', 'WORKDIR /w', 'COPY . .', 'RUN cargo build --release --locked', 'FROM debian:bookworm-slim', 'WORKDIR /opt', 'COPY --from=rs /w/target/release/hello hello', 'ENTRYPOINT ["./hello"]'),
    'single-binary', { only, line: 8 },
  );
  await expectRefused(lines('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'WORKDIR /app', 'COPY publish .', 'ENTRYPOINT ["dotnet", "Orders.dll"]'), 'single-binary', { only, line: 4 });
});

test('a one-shot CLI tool as the ENTRYPOINT: no init', async () => {
  await expectRefused(
    lines('FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["jq"]'),
    'one-shot-tool', { only, line: 3 },
  );
});

test('where the init helps, it is still added: a shell that waits for its server, a binary dfmod cannot trace to a build', async () => {
  await expectOutput(
    lines('FROM python:3.12-slim', OWN_RUN, 'CMD ["sh", "-c", "./migrate.py && gunicorn api.wsgi"]', SERVES),
    lines('FROM python:3.12-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--"]', 'CMD ["sh", "-c", "./migrate.py && gunicorn api.wsgi"]', SERVES),
    { only },
  );
  // A C program built in a stage of the file.
  await expectOutput(
    lines('FROM gcc:13 AS b', 'RUN gcc -o /out/agent agent.c', 'FROM debian:12', 'COPY --from=b /out/agent /agent', 'ENTRYPOINT ["/agent"]', SERVES),
    lines('FROM gcc:13 AS b', 'RUN gcc -o /out/agent agent.c', 'FROM debian:12', APT, 'COPY --from=b /out/agent /agent', 'ENTRYPOINT ["/usr/bin/tini", "--", "/agent"]', SERVES),
    { only },
  );
  // Built in a node stage: a program dfmod cannot name, left alone (most programs that are no interpreter handle SIGTERM).
  await refusedWith(lines('FROM node:20 AS b', 'RUN node pack.js', 'FROM debian:12', 'COPY --from=b /out/agent /agent', 'ENTRYPOINT ["/agent"]', SERVES), 'pid1-not-known',
    'PID 1 is `/agent`, which dfmod does not know to ignore SIGTERM (it adds an init in front of Node.js, Python, PHP, Perl, npm, yarn, pnpm, shells, ' +
    'Debian\'s cron and C programs the file builds, which do; most other programs handle the signal) (to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})');
});

test('the option paths still opts a server in', async () => {
  const input = lines('FROM python:3.12-slim', OWN_RUN, 'CMD ["gunicorn", "wsgi:app"]');
  const result = await runAs('svc/Dockerfile', input, { 'init-entrypoint': { paths: ['svc/Dockerfile'] } });
  assert.fixture(result.output, lines('FROM python:3.12-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["gunicorn", "wsgi:app"]'));
});

test('vendored files and teaching samples: left alone, with one note and no opt-in', async () => {
  const input = lines('FROM node:20', 'CMD ["node", "a.js"]');
  // A vendored file is left alone by the engine before any transform sees it.
  const vendored = await runAs('vendor/github.com/acme/tool/Dockerfile', input);
  assert.fixture(vendored.output, input);
  assert.equal(vendored.notes.map((n) => [n.transform, n.id]), [['engine', 'vendored-file']]);
  const sample = await runAs('course/dockerfile-sample-3/Dockerfile', input);
  assert.fixture(sample.output, input);
  assert.equal(sample.notes.map((n) => n.id), ['teaching-sample']);
});

// --- where tini is installed ---------------------------------------------------------------------

test('tini joins the install of the stage the deployed one is built FROM; the ENTRYPOINT goes in the deployed stage', async () => {
  await expectOutput(
    lines('FROM python:3.12-slim AS common', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*', 'FROM common AS web', 'COPY . /srv', 'CMD ["python", "/srv/serve.py"]', SERVES),
    lines('FROM python:3.12-slim AS common', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 tini && rm -rf /var/lib/apt/lists/*', 'FROM common AS web', 'COPY . /srv', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python", "/srv/serve.py"]', SERVES),
    { only },
  );
});

test('an install RUN dfmod cannot read: no second install layer for tini, a note naming the RUN', async () => {
  const result = await expectRefused(
    lines('# syntax=docker/dockerfile:1', 'FROM python:3.12-slim', 'RUN <<EOF', 'apt-get update', 'apt-get install -y libpq5', 'EOF', 'CMD ["python", "main.py"]', SERVES),
    'install-not-joinable', { only, line: 2 },
  );
  assert.match(result.notes[0].message, /the RUN at line 3 may be the stage's install, and dfmod cannot read it \(it is a heredoc RUN\)/);
});

// Fixed: a new `apt-get update` layer for tini went in front of an install dfmod could not read, and merge-runs glued `useradd` onto it.
test('composed with every default transform: an unreadable install leaves the useradd RUN as it was, with no tini layer', async () => {
  const input = lines('# syntax=docker/dockerfile:1', 'FROM python:3.12-slim', 'RUN useradd -r app', 'RUN <<EOF', 'apt-get update', 'apt-get install -y libpq5', 'EOF', 'USER app', 'CMD ["python", "main.py"]', SERVES);
  const result = await run(input, {});
  assert.fixture(result.output, input);
  assert.ok(result.notes.some((n) => n.id === 'install-not-joinable' && n.line === 2), JSON.stringify(result.notes));
});

test('an install in a loop, a branch or a function never gets tini: another install does, or one RUN of its own', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'ARG EXTRAS="geoip njs"', 'RUN for e in $EXTRAS; do apk add --no-cache "nginx-mod-$e"; done', 'COPY app /app', 'CMD ["node", "/app"]', SERVES),
    lines('FROM alpine:3.20', 'ARG EXTRAS="geoip njs"', APK, 'RUN for e in $EXTRAS; do apk add --no-cache "nginx-mod-$e"; done', 'COPY app /app', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM debian:12', 'ARG TRACE', 'RUN if [ -n "$TRACE" ]; then apt-get update && apt-get install -y strace; fi', 'RUN apt-get update && apt-get install -y curl', 'COPY app /app', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'ARG TRACE', 'RUN if [ -n "$TRACE" ]; then apt-get update && apt-get install -y strace; fi', 'RUN apt-get update && apt-get install -y curl tini', 'COPY app /app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM debian:12', 'RUN add() { apt-get install -y "$@"; } && apt-get update && add curl', 'COPY app /app', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', APT, 'RUN add() { apt-get install -y "$@"; } && apt-get update && add curl', 'COPY app /app', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]', SERVES),
    { only },
  );
});

// Fixed: `ENTRYPOINT [""]` became ["/usr/bin/tini", "--", ""], and tini tried to run the empty string.
test('ENTRYPOINT [""] clears the entrypoint as [] does: replaced by the init alone, so the CMD and run arguments still are the command', async () => {
  await expectOutput(
    lines('FROM ruby:3.3-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT [""]', SERVES),
    lines('FROM ruby:3.3-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends git tini && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/usr/bin/tini", "--"]', SERVES),
    { only },
  );
  await expectOutput(
    lines('FROM node:20-slim', OWN_RUN, 'ENTRYPOINT [""]', 'CMD ["node", "a.js"]', SERVES),
    lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "a.js"]', SERVES),
    { only },
  );
});
test('an install on the right of `||`, or after a test with `&&`, may not run: tini gets its own RUN', async () => {
  for (const guard of ['[ -z "$TZ" ] || { apk add --no-cache tzdata; }', '[ -n "$TZ" ] && apk add --no-cache tzdata']) {
    await expectOutput(
      lines('FROM node:20-alpine', 'ARG TZ=', `RUN ${guard}`, 'COPY . /app', 'CMD ["node", "/app/server.js"]', SERVES),
      lines('FROM node:20-alpine', 'ARG TZ=', 'RUN apk add --no-cache tini', `RUN ${guard}`, 'COPY . /app', 'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "/app/server.js"]', SERVES),
      { only },
    );
  }
});

test('Azure Linux (CBL-Mariner) variants install with tdnf: no apt-get, refused', async () => {
  for (const tag of ['9.0-azurelinux3.0', '8.0-cbl-mariner2.0']) {
    await expectRefused(lines(`FROM mcr.microsoft.com/dotnet/aspnet:${tag}`, 'COPY app /app', 'CMD ["dotnet", "/app/app.dll"]', SERVES), 'no-package-manager', { only });
  }
});

test('a base image chosen by an OS build argument (the file builds Debian and Alpine variants): refused; a version argument is fine', async () => {
  await expectRefused(lines("ARG BASE_OS_VERSION='trixie'", 'ARG BASE_IMAGE="php:8.4-zts-${BASE_OS_VERSION}"', 'FROM ${BASE_IMAGE}', 'CMD ["php", "/app/worker.php"]', SERVES),
    'dynamic-base', { only });
  await expectRefused(lines('ARG DISTRO=bookworm', 'FROM python:3.12-${DISTRO}', 'CMD ["python", "/app/main.py"]', SERVES), 'dynamic-base', { only });
  const pinned = await run(lines('ARG NODE_VERSION=20', 'FROM node:${NODE_VERSION}-slim', OWN_RUN, 'CMD ["node", "/app/server.js"]', SERVES), { only });
  assert.match(pinned.output, /ENTRYPOINT \["\/usr\/bin\/tini", "--", "docker-entrypoint.sh"\]/);
});

// --- review round: where an init helps nobody, scripts that stop their app, npm scripts of several steps ---------

const APP = lines('FROM node:20-slim', OWN_RUN, 'CMD ["node", "a.js"]', SERVES);
const refusal = async (filename: string, input = APP) => {
  const result = await runAs(filename, input);
  assert.fixture(result.output, input);
  return result.notes.map((n) => [n.id, n.message]);
};
const optIn = (path: string) => `to add one anyway, name it in the option {"init-entrypoint": {"paths": ["${path}"]}}, ${OPT_IN}`;
const DEV_WHY = 'so this is a development or test stage, not what is deployed';
const TOOL_WHY = 'so this is a tool or CI image, which jobs and people run commands in, not a deployed service: images built FROM it would inherit the init';

test('a file in a CI system\'s folder is a CI image, even under a folder named as a sample', async () => {
  for (const [file, folder] of [
    ['.kokoro/docker/samples/Dockerfile', '.kokoro'],
    ['python-docs-samples/.kokoro/Dockerfile', '.kokoro'],
    ['.circleci/images/Dockerfile', '.circleci'],
    ['.github/actions/lint/Dockerfile', '.github'],
    ['.gitlab/ci/Dockerfile', '.gitlab'],
    ['.buildkite/Dockerfile', '.buildkite'],
    ['ci/Dockerfile', 'ci'],
    ['prow/Dockerfile', 'prow'],
  ]) {
    assert.equal(await refusal(file), [['toolbox-image',
      `no init added: the file is in \`${folder}/\`, a CI system's folder, for the images its jobs run in, ${TOOL_WHY}; ${optIn(file)}`]], file);
  }
});

test('hack/, test and e2e folders, Tilt files and browser-test setups are development or test images', async () => {
  for (const [file, reason] of [
    ['hack/tools/Dockerfile', 'the file is in `hack/`, where projects keep their development scripts and tools'],
    ['integrationtest/Dockerfile', 'the file is in `integrationtest/`, a test folder'],
    ['src/integration-tests/Dockerfile', 'the file is in `integration-tests/`, a test folder'],
    ['integration-test/db/Dockerfile', 'the file is in `integration-test/`, a test folder'],
    ['e2e/Dockerfile', 'the file is in `e2e/`, a test folder'],
    ['testing/Dockerfile', 'the file is in `testing/`, a test folder'],
    ['tilt/api/Dockerfile', "the file is in `tilt/`, Tilt's local development setup"],
    ['Dockerfile.tilt', 'the file is named for Tilt, which builds it for a local development loop'],
    ['deploy/api.tilt', 'the file is named for Tilt, which builds it for a local development loop'],
    ['playwright/Dockerfile', 'the file is in `playwright/`, a browser-test setup'],
  ]) {
    assert.equal(await refusal(file), [['dev-or-test-stage', `no init added: ${reason}, ${DEV_WHY}; ${optIn(file)}`]], file);
  }
  // Folder names that only contain the letters: an application as before.
  for (const file of ['latest/Dockerfile', 'contest/Dockerfile', 'gitlab/Dockerfile', 'hackathon-app/Dockerfile']) {
    const result = await runAs(file, APP);
    assert.fixture(result.output, lines('FROM node:20-slim', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "a.js"]', SERVES));
  }
});

test('a final stage whose command is a one-shot check (cmp, diff, test, true, a chain of them): no init', async () => {
  const input = lines('FROM alpine:3.20', 'COPY a b c d /', 'CMD cmp a b && cmp c d', SERVES);
  const cmp = await expectRefused(input, 'one-shot-tool', { only, line: 3 });
  assert.equal(cmp.notes.map((n) => n.message), [
    'no init added: the command `cmp a b && cmp c d` is a one-shot check (`cmp`), which exits when done and starts nothing to stop or reap (to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})']);
  const diff = await expectRefused(lines('FROM debian:12', 'COPY out /out', 'CMD ["diff", "-r", "/out", "/golden"]', SERVES), 'one-shot-tool', { only, line: 3 });
  assert.match(diff.notes[0].message, 'the command `diff -r /out /golden` is a one-shot check (`diff`)');
  const chain = await expectRefused(lines('FROM debian:12', 'CMD test -f /out/a && test -s /out/b && echo ok', SERVES), 'one-shot-tool', { only, line: 2 });
  assert.match(chain.notes[0].message, 'is a one-shot check (`test`, `echo`)');
  await expectRefused(lines('FROM debian:12', 'CMD ["true"]', SERVES), 'one-shot-tool', { only, line: 2 });
  // A check in front of the app, or a loop of checks: the app, or the loop, still runs.
  await expectOutput(lines('FROM debian:12', OWN_RUN, 'CMD test -f /cfg && /app', SERVES), lines('FROM debian:12', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD test -f /cfg && exec /app', SERVES), { only });
  await expectOutput(lines('FROM debian:12', OWN_RUN, 'CMD while true; do test -f /x; done', SERVES),
    lines('FROM debian:12', APT, OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--"]', 'CMD while true; do test -f /x; done', SERVES), { only });
});

test('an ENTRYPOINT program copied in, with no CMD, EXPOSE or HEALTHCHECK: a command-line tool, no init', async () => {
  const input = lines('FROM alpine:3.20', 'ADD out/container-structure-test /container-structure-test', OWN_RUN, 'ENTRYPOINT ["/container-structure-test"]');
  const tool = await expectRefused(input, 'toolbox-image', { only, line: 1 });
  assert.equal(tool.notes.map((n) => n.message), [
    'no init added: its ENTRYPOINT `/container-structure-test` is a program copied into the image, with no CMD, EXPOSE or HEALTHCHECK: a command-line tool, ' +
    `which \`docker run\` hands its arguments, ${TOOL_WHY}; ${optIn('Dockerfile')}`]);
  await expectRefused(lines('FROM debian:12-slim', 'COPY --from=ghcr.io/acme/gen:1 /gen /usr/local/bin/gen', 'ENTRYPOINT ["gen", "--out", "/work"]'), 'toolbox-image', { only });
  // Still an application: an EXPOSE or HEALTHCHECK (of the stage or one it is built FROM), a CMD, a service's name or
  // arguments, a PORT variable, a script (by its #! line). Where something shows a service (an EXPOSE or HEALTHCHECK, a
  // server's argument or listening option, a PORT variable) the note is about PID 1, a program dfmod cannot name, and opted in
  // the init goes in (tini installs after the ENV lines that follow FROM); elsewhere the note is no-service, not toolbox-image.
  const wrapped = (body: string[], entrypoint: string) => {
    const env = body.filter((l) => l.startsWith('ENV '));
    return lines('FROM alpine:3.20', ...env, APK, ...body.slice(env.length), OWN_RUN, `ENTRYPOINT ["/sbin/tini", "--", ${entrypoint}]`);
  };
  const copy = 'ADD out/container-structure-test /container-structure-test';
  for (const [body, entrypoint, files] of [
    [[copy, 'EXPOSE 8080'], '"/container-structure-test"'],
    [[copy, 'HEALTHCHECK CMD ["/container-structure-test", "--ping"]'], '"/container-structure-test"'],
    [['COPY bin/tool /tool'], '"/tool", "serve"'],
    [['COPY bin/tool /tool'], '"/tool", "--port=8080"'],
    [['ENV HTTP_PORT=8080', 'COPY bin/tool /tool'], '"/tool"'],
  ] as [string[], string, Record<string, string>?][]) {
    const text = lines('FROM alpine:3.20', ...body, OWN_RUN, `ENTRYPOINT [${entrypoint}]`);
    const left = await run(text, { only, files });
    assert.equal(left.notes.map((n) => n.id), ['pid1-not-known'], body.join(' '));
    const result = await run(text, { only, files, options: OPTED_IN });
    assert.fixture(result.output, wrapped(body, entrypoint), body.join(' '));
  }
  for (const [body, entrypoint, files] of [
    [['COPY bin/app /app'], '"/app"'],
    [['COPY bin/metrics-agent /usr/bin/metrics-agent'], '"/usr/bin/metrics-agent"'],
    [['COPY run /run'], '"/run"'],
    [['COPY launch /launch'], '"/launch"', { launch: '#!/bin/sh\nexec /srv/daemon\n' }],
  ] as [string[], string, Record<string, string>?][]) {
    const result = await expectRefused(lines('FROM alpine:3.20', ...body, OWN_RUN, `ENTRYPOINT [${entrypoint}]`), 'no-service', { only, files, line: 4 });
    assert.equal(result.notes.map((n) => n.id), ['no-service'], body.join(' '));
  }
  await expectRefused(lines('FROM alpine:3.20 AS base', 'EXPOSE 9000', 'FROM base', copy, OWN_RUN, 'ENTRYPOINT ["/container-structure-test"]'), 'pid1-not-known', { only });
  await expectRefused(lines('FROM alpine:3.20', copy, OWN_RUN, 'ENTRYPOINT ["/container-structure-test"]', 'CMD ["--config", "/c.yaml"]'), 'no-service', { only, line: 5 });
  await expectRefused(lines('FROM alpine:3.20', copy, OWN_RUN, 'ENTRYPOINT ["/container-structure-test"]', 'CMD ["--config", "/c.yaml"]', SERVES), 'pid1-not-known', { only, line: 5 });
});

test('a stage with no CMD or ENTRYPOINT on a base a build argument chooses: the base-image reason, not the build argument', async () => {
  const input = lines('ARG BASE_IMAGE=nvidia/cuda:12.2.0-devel-ubuntu22.04', 'FROM ${BASE_IMAGE}', 'RUN apt-get update && apt-get install -y curl', SERVES);
  const result = await expectRefused(input, 'base-image', { only, line: 2 });
  assert.equal(result.notes.map((n) => n.message), [
    'no init added: it sets no CMD or ENTRYPOINT, and builds on whatever image the build argument BASE_IMAGE names, as base images made for several bases do, ' +
    `so this is a base, tool or build image, or one whose command is given at \`docker run\`: every image built FROM it would inherit the init; ${optIn('Dockerfile')}`]);
  await expectRefused(lines('ARG BASE', 'FROM ${BASE}', 'RUN apt-get update && apt-get install -y curl', SERVES), 'base-image', { only, line: 2 });
  // With a command of its own, the build argument is the reason.
  await expectRefused(lines('ARG BASE_IMAGE=nvidia/cuda:12.2.0-devel-ubuntu22.04', 'FROM ${BASE_IMAGE}', 'CMD ["node", "/app"]', SERVES), 'dynamic-base', { only, line: 2 });
});

const STOPS = '#!/bin/bash\nstop() { kill -TERM "$pid"; wait "$pid"; sleep 2; }\ntrap stop TERM\napp & pid=$!\ntail -F /log &\nwait $pid\n';

// Changed (review round 6): plain tini was put in front of a script that traps SIGTERM; the script handles it and reaps what it waits for.
test('an entrypoint script that traps SIGTERM, stops its app and waits handles the signal itself: no init', async () => {
  const input = lines('FROM alpine:3.20', 'RUN apk add --no-cache bash', 'COPY start.sh /usr/bin/start.sh', 'ENTRYPOINT ["start.sh"]', SERVES);
  const result = await expectRefused(input, 'handles-sigterm', { only, line: 4, files: { 'start.sh': STOPS } });
  assert.equal(result.notes.map((n) => n.message), ['no init added: PID 1 is the script start.sh, which traps SIGTERM, stops its app and waits for it (reaping it) ' +
    '(to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})']);
  // TERM with INT or EXIT, in a -c script too.
  await expectRefused(lines('FROM debian:12', OWN_RUN, 'CMD ["bash", "-c", "trap \'kill $p; wait $p\' INT TERM; /app & p=$!; wait $p"]', SERVES), 'handles-sigterm', { only });
  // Opted in: plain tini in front of it, no -g, no forced-shutdown note.
  const opted = await expectOutput(input,
    lines('FROM alpine:3.20', 'RUN apk add --no-cache bash tini', 'COPY start.sh /usr/bin/start.sh', 'ENTRYPOINT ["/sbin/tini", "--", "start.sh"]', SERVES),
    { only, files: { 'start.sh': STOPS }, options: OPTED_IN });
  assert.equal(opted.notes, []);
  // A trap of INT only, a handler that only exits, no wait: the shell still exits at SIGTERM.
  const forced = lines('FROM alpine:3.20', 'RUN apk add --no-cache bash tini', 'COPY start.sh /usr/bin/start.sh', 'ENTRYPOINT ["/sbin/tini", "-g", "--", "start.sh"]', SERVES);
  for (const script of [
    STOPS.replace('trap stop TERM', 'trap stop INT'),
    '#!/bin/bash\ntrap \'echo bye; exit 0\' TERM\napp &\nwait\n',
    '#!/bin/bash\ntrap stop TERM\nstop() { kill "$pid"; }\napp & pid=$!\ntail -f /log\n',
  ]) {
    const kept = await expectOutput(input, forced, { only, files: { 'start.sh': script } });
    assert.equal(kept.notes.map((n) => n.id), ['shutdown-forced'], script);
  }
});

test('an entrypoint script with a background job that ends by exec\'ing supervisord: supervisord is PID 1, no init, no forced-shutdown note', async () => {
  const result = await expectRefused(
    lines('FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y supervisor mariadb-server', 'COPY run.sh /run.sh', 'ENTRYPOINT ["/run.sh"]'),
    'server-reaps', { only, files: { 'run.sh': '#!/bin/bash\nmysqld_safe &\nsleep 5\nmysql -e "create database app"\nmysqladmin shutdown\nexec /usr/bin/supervisord -n -c /etc/supervisord.conf\n' } },
  );
  assert.equal(result.notes.map((n) => n.id), ['server-reaps']);
  // The exec'd last command of a script with a background job is what the init signals: no -g.
  await expectOutput(lines('FROM debian:12', 'COPY run.sh /run.sh', OWN_RUN, 'ENTRYPOINT ["/run.sh"]', SERVES),
    lines('FROM debian:12', APT, 'COPY run.sh /run.sh', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "/run.sh"]', SERVES),
    { only, files: { 'run.sh': '#!/bin/sh\nwarm-cache &\nexec node /srv/app.js\n' } });
});

test('an npm script of several steps is never replaced by its last step: tini -g, and the note suggests a wrapper that ends in exec node', async () => {
  const input = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'CMD ["npm", "start"]', SERVES);
  const kept = lines('FROM node:20-slim', 'WORKDIR /app', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "docker-entrypoint.sh"]', 'CMD ["npm", "start"]', SERVES);
  const note = (why: string, fix: string, runner = 'npm start') =>
    `shutdown is forced, not graceful: \`${runner}\`: ${runner.split(' ')[0]} exits at SIGTERM without waiting for the script it started, and the container ends with it ` +
    `(dfmod cannot run the script's command instead: ${why}); tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: ${fix}`;
  const wrapper = (last: string) => `run the steps from a wrapper script that ends in \`${last}\`, so that node replaces its shell, and make that script the CMD`;
  for (const [scripts, why, fix] of [
    [{ start: 'node migrate.js && node server.js' }, 'its `start` script runs several steps: `node migrate.js && node server.js`', wrapper('exec node server.js')],
    [{ prestart: 'node migrate.js', start: 'node server.js' }, "its `start` script runs several steps: package.json's `prestart`, then `start`", wrapper('exec node server.js')],
    [{ start: 'node server.js', poststart: 'node notify.js' }, "its `start` script runs several steps: `start`, then package.json's `poststart`", wrapper('exec node …')],
    [{ start: 'npm run migrate && npm run serve', migrate: 'node migrate.js', serve: 'node dist/main.js' }, 'its `start` script runs several steps: `npm run migrate && npm run serve`', wrapper('exec node dist/main.js')],
    [{ start: 'run-p api web' }, 'its `start` script runs several programs at once: `run-p api web`', 'run each in a container of its own, or under a process manager, in place of `npm start`'],
  ] as [Record<string, string>, string, string][]) {
    const result = await expectOutput(input, kept, { only, files: { 'package.json': JSON.stringify({ scripts }), 'server.js': '' } });
    assert.equal(result.notes.map((n) => n.message), [note(why, fix)], JSON.stringify(scripts));
  }
  // pnpm's script that runs other scripts with npm-run-all.
  const pnpm = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', OWN_RUN, 'CMD ["pnpm", "start-docker"]', SERVES);
  const scripts = { 'start-docker': 'npm-run-all check-db update-tracker start-server', 'start-server': 'node server.js' };
  const result = await expectOutput(pnpm, kept.replace('CMD ["npm", "start"]', 'CMD ["pnpm", "start-docker"]'), { only, files: { 'package.json': JSON.stringify({ scripts }), 'server.js': '' } });
  assert.equal(result.notes.map((n) => n.message), [note('its `start-docker` script runs several steps: `npm-run-all check-db update-tracker start-server`', wrapper('exec node server.js'), 'pnpm start-docker')]);
});


// --- review round 4: scripts that start the init, images of copies alone, every path of a script, one line per decision ---------

// Fixed (review): exim's entrypoint runs tini itself when it is PID 1; dfmod put a second tini in front, so the script never was PID 1.
test('an entrypoint script that starts tini itself (set -- tini -- "$@" … exec "$@", exec tini --, exec dumb-init --): no init, and the note says so', async () => {
  const input = lines(
    'FROM debian:trixie-slim',
    'RUN apt-get update && apt-get install -y tini && apt-get dist-clean',
    'COPY docker-entrypoint.sh /usr/local/bin/',
    'ENTRYPOINT ["docker-entrypoint.sh"]',
    'CMD ["exim", "-bd"]',
    'EXPOSE 25',
  );
  const exim = '#!/bin/bash\nset -e\nif [ "$1" = \'exim\' ]; then\n\tif [ "$$" = 1 ]; then\n\t\tset -- tini -- "$@"\n\tfi\nfi\nexec "$@"\n';
  const result = await expectRefused(input, 'already-has-init', { only, line: 4, files: { 'docker-entrypoint.sh': exim } });
  assert.equal(result.notes.map((n) => n.message), [
    'no init added: the script docker-entrypoint.sh starts `tini` itself (`set -- tini -- "$@"`, its line 5), so the image has an init already']);
  for (const [script, message] of [
    ['#!/bin/sh\nset -e\nexec tini -- "$@"\n', 'the script docker-entrypoint.sh starts `tini` itself (`exec tini -- "$@"`, its line 3), so the image has an init already'],
    ['#!/bin/sh\nchown -R exim /var/spool/exim\nexec /usr/bin/dumb-init -- "$@"\n', 'the script docker-entrypoint.sh starts `dumb-init` itself (`exec /usr/bin/dumb-init -- "$@"`, its line 3), so the image has an init already'],
    ['#!/bin/sh\nexec gosu exim tini -- "$@"\n', 'the script docker-entrypoint.sh starts `tini` itself (`exec gosu exim tini -- "$@"`, its line 2), so the image has an init already'],
  ]) {
    const other = await expectUnchanged(input, null, { only, files: { 'docker-entrypoint.sh': script } });
    assert.equal(other.notes.map((n) => [n.id, n.line, n.message]), [['already-has-init', 4, `no init added: ${message}`]]);
  }
  // A script that only execs its arguments: the init goes in front of it, as before (opted in: exim handles SIGTERM itself).
  await expectOutput(input, input.replace('ENTRYPOINT ["docker-entrypoint.sh"]', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]'),
    { only, options: OPTED_IN, files: { 'docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' } });
  await expectRefused(input, 'pid1-not-known', { only, files: { 'docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' } });
});

// Fixed (review): a final stage of copies alone got its first RUN (the image had been reproducible without executing anything, and
// built for other platforms without emulation).
test('an image built from copies alone gets no first RUN: the note offers the option binary and docker run --init; a binary is copied in', async () => {
  const input = lines('FROM alpine:3.20', 'COPY dist/app /', 'ENTRYPOINT ["/app"]', SERVES);
  const result = await expectRefused(input, 'no-run', { only, line: 1, options: OPTED_IN });
  assert.equal(result.notes.map((n) => n.message), [
    'no init added: the stage is built only from COPY and ADD, with no RUN (nor one for its platform in the stages it is built FROM or copies from), ' +
    'so installing tini would add the image\'s first RUN, executed at build time (under emulation when built for other platforms); ' +
    'copy a static tini in with the option binary (`{"init-entrypoint": {"binary": {"from": "<a stage or image with tini>", "path": "/…"}}}`), ' +
    'or run its containers with `docker run --init`']);
  const binary = await expectOutput(input,
    lines('FROM alpine:3.20', 'COPY --from=registry.example/tini:0.19.0 /tini /tini', 'COPY dist/app /', 'ENTRYPOINT ["/tini", "--", "/app"]', SERVES),
    { only, options: { 'init-entrypoint': { ...OPTED_IN['init-entrypoint'], binary: { from: 'registry.example/tini:0.19.0', path: '/tini' } } } });
  assert.equal(binary.notes, []);
  // A stage it copies from that builds on the build platform (a cross build) runs nothing for the image's platform either.
  await expectRefused(
    lines('FROM --platform=$BUILDPLATFORM node:20 AS build', 'WORKDIR /src', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=build /src/dist /app', 'CMD ["node", "/app/main.js"]', SERVES),
    'no-run', { only, line: 5 });
  // One that builds for the image's platform already executes there: the init's RUN is not the first.
  await expectOutput(
    lines('FROM node:20 AS build', 'WORKDIR /src', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=build /src/dist /app', 'CMD ["node", "/app/main.js"]', SERVES),
    lines('FROM node:20 AS build', 'WORKDIR /src', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node:20-slim', APT, 'COPY --from=build /src/dist /app',
      'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "/app/main.js"]', SERVES),
    { only });
});

// Fixed (review): the script analysis read only the last top-level command, so odoo's unreachable `exit 1` after a case whose every item
// execs got tini -g and a forced-shutdown note.
test('an entrypoint script judged on every path: a case whose every item execs (odoo), a seeding server stopped before exec (clickhouse), a foreground last command (authelia)', async () => {
  const odoo = '#!/bin/bash\nset -e\ncase "$1" in\n  -- | odoo)\n    shift\n    if [[ "$1" == "scaffold" ]] ; then\n      exec odoo "$@"\n    else\n' +
    '      wait-for-psql.py --timeout=30\n      exec odoo "$@"\n    fi\n    ;;\n  -*)\n    exec odoo "$@"\n    ;;\n  *)\n    exec "$@"\nesac\n\nexit 1\n';
  // odoo handles SIGTERM itself: opted in, the paths through the script are what is judged.
  const input = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*', 'COPY entrypoint.sh /',
    'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["odoo"]', SERVES);
  const plain = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends python3 tini && rm -rf /var/lib/apt/lists/*', 'COPY entrypoint.sh /',
    'ENTRYPOINT ["/usr/bin/tini", "--", "/entrypoint.sh"]', 'CMD ["odoo"]', SERVES);
  const every = await expectOutput(input, plain, { only, options: OPTED_IN, files: { 'entrypoint.sh': odoo } });
  assert.equal(every.changes.map((c) => c.message), ['tini runs as PID 1 (added to the apt install of line 2; ENTRYPOINT wrapped), so signals reach the app and zombies are reaped']);
  assert.equal(every.notes, []);
  const clickhouse = '#!/bin/bash\nset -e\nif [ -z "$(ls -A /var/lib/clickhouse)" ]; then\n  clickhouse-server --daemon=0 &\n  pid=$!\n  ./seed.sh\n' +
    '  kill "$pid"\n  wait "$pid"\nfi\nexec "$@"\n';
  const seeded = await expectOutput(input, plain, { only, options: OPTED_IN, files: { 'entrypoint.sh': clickhouse } });
  assert.equal(seeded.notes, []);
  // One item runs its app in the foreground: that path leaves the shell waiting.
  const item = await expectOutput(input, plain.replace('"--", "/entrypoint.sh"', '"-g", "--", "/entrypoint.sh"'),
    { only, options: OPTED_IN, files: { 'entrypoint.sh': '#!/bin/sh\ncase "$1" in\n  odoo)\n    /usr/bin/odoo --config /etc/odoo.conf\n    ;;\n  *)\n    exec "$@"\n    ;;\nesac\n' } });
  assert.equal(item.notes.map((n) => [n.id, n.line, n.message]), [['shutdown-forced', 4,
    'shutdown is forced, not graceful: the script entrypoint.sh runs `/usr/bin/odoo --config /etc/odoo.conf` (its line 4) without exec, so its shell exits at SIGTERM and the container ends with it; ' +
    'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: write `exec /usr/bin/odoo --config /etc/odoo.conf` there']]);
  // authelia: supervisord in the foreground as the last command, with no exec; `#!/usr/bin/env bash` is read as bash.
  const authelia = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends supervisor && rm -rf /var/lib/apt/lists/*', 'COPY init.sh /', 'CMD ["/init.sh"]', SERVES);
  for (const shebang of ['#!/bin/sh', '#!/usr/bin/env bash']) {
    const forced = await expectOutput(authelia,
      lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends supervisor tini && rm -rf /var/lib/apt/lists/*', 'COPY init.sh /',
        'ENTRYPOINT ["/usr/bin/tini", "-g", "--"]', 'CMD ["/init.sh"]', SERVES),
      { only, files: { 'init.sh': `${shebang}\nset -e\nmkdir -p /config/logs\n/usr/bin/supervisord -c /etc/supervisord.conf\n` } });
    assert.equal(forced.notes.map((n) => [n.id, n.line, n.message]), [['shutdown-forced', 4,
      'shutdown is forced, not graceful: the script init.sh runs `/usr/bin/supervisord -c /etc/supervisord.conf` (its line 4) without exec, so its shell exits at SIGTERM and the container ends with it; ' +
      'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: write `exec /usr/bin/supervisord -c /etc/supervisord.conf` there']], shebang);
  }
  // After a program run in the foreground, `exit` leaves the shell waiting as well; after only a message it is a usage error, no path to judge.
  const exits = await run(input, { only, options: OPTED_IN, files: { 'entrypoint.sh': '#!/bin/sh\nif [ -z "$1" ]; then\n  echo "usage: odoo" >&2\n  exit 64\nfi\nodoo "$@"\nexit $?\n' } });
  assert.equal(exits.notes.map((n) => n.message), [
    'shutdown is forced, not graceful: the script entrypoint.sh runs `odoo "$@"` (its line 6) without exec, so its shell exits at SIGTERM and the container ends with it; ' +
    'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: write `exec odoo "$@"` there']);
  await expectOutput(input, plain, { only, options: OPTED_IN, files: { 'entrypoint.sh': '#!/bin/sh\nif [ -z "$1" ]; then\n  echo "usage: odoo" >&2\n  exit 64\nfi\nexec "$@"\n' } });
  // An exit in a branch is an error path, whatever it ran before (snipe-it prints a generated key and exits): the script still execs
  // its command, here Apache's, whose master reaps its workers: no init at all.
  const key = '#!/bin/bash\nif [ -z "$APP_KEY" ]; then\n  echo "Please re-run this container with an environment variable \\$APP_KEY"\n' +
    '  /var/www/html/artisan key:generate --show\n  exit\nfi\nphp artisan migrate --force\nexec "$@"\n';
  await expectRefused(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y apache2', 'COPY startup.sh /', 'ENTRYPOINT ["/startup.sh"]', 'CMD ["apache2-foreground"]', SERVES),
    'server-reaps', { only, line: 5, files: { 'startup.sh': key } });
});

// Fixed (review): the forced-shutdown note sat on the CMD line while the change (tini -g written into the ENTRYPOINT) sat on the ENTRYPOINT line.
test('the change and its note cite the same instruction: the ENTRYPOINT the init is written into', async () => {
  const result = await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*', 'COPY entrypoint.sh /', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["node", "/app"]', SERVES),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl tini && rm -rf /var/lib/apt/lists/*', 'COPY entrypoint.sh /',
      'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/entrypoint.sh"]', 'CMD ["node", "/app"]', SERVES),
    { only, files: { 'entrypoint.sh': '#!/bin/sh\n/app\n' } });
  assert.equal(result.changes.map((c) => c.line), [4]);
  assert.equal(result.notes.map((n) => [n.id, n.line]), [['shutdown-forced', 4]]);
  // The ENTRYPOINT inherited from an earlier stage: the new one goes before the stage's CMD, and both cite that line.
  const inherited = await expectOutput(
    lines('FROM alpine:3.20 AS base', 'RUN apk add --no-cache curl', 'ENTRYPOINT ["/bin/sh", "-c", "/app | tee /tmp/log"]', 'FROM base', 'COPY app /app', 'CMD ["--serve"]', SERVES),
    lines('FROM alpine:3.20 AS base', 'RUN apk add --no-cache curl tini', 'ENTRYPOINT ["/bin/sh", "-c", "/app | tee /tmp/log"]', 'FROM base', 'COPY app /app',
      'ENTRYPOINT ["/sbin/tini", "-g", "--", "/bin/sh", "-c", "/app | tee /tmp/log"]', 'CMD ["--serve"]', SERVES),
    { only });
  assert.equal(inherited.changes.map((c) => c.line), [6]);
  assert.equal(inherited.notes.map((n) => [n.id, n.line]), [['shutdown-forced', 6]]);
  // Before, the note cited the earlier stage's ENTRYPOINT (line 3), which the change leaves as it is.
});

// Checked: RabbitMQ's start script traps SIGTERM and stops the broker (since 3.5.5, for Docker's PID 1), and the official image runs it
// without an init. The Erlang VM and Elixir releases reap no orphans, and Phoenix's generated Dockerfile advises tini: they keep it.
test('rabbitmq-server is a proper PID 1 (no init); the Erlang VM and an Elixir release still get one', async () => {
  const official = await expectRefused(lines('FROM rabbitmq:3.13-management', 'COPY definitions.json /etc/rabbitmq/', 'RUN rabbitmq-plugins enable --offline rabbitmq_prometheus', SERVES),
    'server-reaps', { only, line: 1 });
  const reason = 'no init added: PID 1 is `rabbitmq-server`, RabbitMQ\'s start script, which stops the broker at SIGTERM and waits for it ' +
    '(written for Docker\'s PID 1; the official image runs it without an init) (to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})';
  assert.equal(official.notes.map((n) => n.message), [reason]);
  const own = await expectRefused(lines('FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y rabbitmq-server', 'CMD ["rabbitmq-server"]', SERVES), 'server-reaps', { only, line: 3 });
  assert.equal(own.notes.map((n) => n.message), [reason]);
  await expectOutput(
    lines('FROM debian:12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 openssl && rm -rf /var/lib/apt/lists/*', 'COPY _build/prod/rel/shop /app', 'CMD ["/app/bin/shop", "start"]', SERVES),
    lines('FROM debian:12-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 openssl tini && rm -rf /var/lib/apt/lists/*', 'COPY _build/prod/rel/shop /app',
      'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app/bin/shop", "start"]', SERVES),
    { only });
});


// --- service evidence (review round 4: an init where it helps nobody) -------------------------------

const NO_SERVICE = 'no init added: nothing shows dfmod the image runs a long-lived service (no EXPOSE or HEALTHCHECK, nor a server command it knows); ' +
  'if it is one, name it in the option {"init-entrypoint": {"paths": ["Dockerfile"]}}; for a job or tool, run it with `docker run --init` where one is wanted';

test('no EXPOSE, HEALTHCHECK or server command: an interactive client, a GitHub Action, a job get no init (no-service)', async () => {
  for (const [text, line] of [
    [lines('FROM alpine:3.20', 'RUN apk add --no-cache weechat', 'ENTRYPOINT ["weechat"]'), 3],
    [lines('FROM python:3.12-slim', 'COPY entrypoint.py /entrypoint.py', 'RUN pip install requests', 'ENTRYPOINT ["python", "/entrypoint.py"]'), 4],
    [lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends mutt && rm -rf /var/lib/apt/lists/*', 'CMD ["mutt"]'), 3],
    // HEALTHCHECK NONE turns a check off: it shows no service.
    [lines('FROM python:3.12-slim', 'COPY app.py /app.py', 'RUN true', 'HEALTHCHECK NONE', 'CMD ["python", "/app.py"]'), 5],
  ] as [string, number][]) {
    const result = await expectRefused(text, 'no-service', { only, line });
    assert.equal(result.notes.map((n) => n.message), [NO_SERVICE]);
  }
  // The option names the file: the init goes in.
  const job = lines('FROM debian:12', 'RUN true', 'CMD ["/usr/local/bin/backup"]');
  const result = await runAs('Dockerfile', job, { 'init-entrypoint': { paths: ['Dockerfile'] } });
  assert.fixture(result.output, lines('FROM debian:12', APT, 'RUN true', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/usr/local/bin/backup"]'));
});

test('service evidence: a HEALTHCHECK, a known server, a server argument, a base image that EXPOSEs ports', async () => {
  await expectOutput(
    lines('FROM python:3.12-slim', 'COPY app.py /app.py', 'RUN true', 'HEALTHCHECK CMD ["python", "/app.py", "--check"]', 'CMD ["python", "/app.py"]'),
    lines('FROM python:3.12-slim', APT, 'COPY app.py /app.py', 'RUN true', 'HEALTHCHECK CMD ["python", "/app.py", "--check"]', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python", "/app.py"]'),
    { only },
  );
  await expectOutput(
    lines('FROM python:3.12-slim', 'RUN pip install flask', 'COPY . .', 'CMD ["flask", "run", "--host=0.0.0.0"]'),
    lines('FROM python:3.12-slim', APT, 'RUN pip install flask', 'COPY . .', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["flask", "run", "--host=0.0.0.0"]'),
    { only },
  );
  await expectOutput(
    lines('FROM php:8.3-cli', 'COPY . /app', 'RUN true', 'CMD ["php", "/app/artisan", "serve"]'),
    lines('FROM php:8.3-cli', APT, 'COPY . /app', 'RUN true', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-php-entrypoint"]', 'CMD ["php", "/app/artisan", "serve"]'),
    { only },
  );
  // nginx's image EXPOSEs 80 (the knowledge base says): a stage built on it is a server whatever its CMD.
  await expectOutput(
    lines('FROM nginx:1.27', 'COPY start.sh /start.sh', 'RUN true', 'CMD ["/start.sh"]'),
    lines('FROM nginx:1.27', APT, 'COPY start.sh /start.sh', 'RUN true', 'ENTRYPOINT ["/usr/bin/tini", "--", "/docker-entrypoint.sh"]', 'CMD ["/start.sh"]'),
    { only },
  );
});

// --- installs from a package file (review round 4 C: tini joined into `apk add --allow-untrusted /tmp/pkg.apk`) ---

test('an install of a local package file, or one that reads no repository, is not joined: tini gets an install of its own', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'COPY pkg.apk /tmp/pkg.apk', 'RUN apk add --no-cache --allow-untrusted /tmp/pkg.apk', SERVES, 'CMD ["node", "/app"]'),
    lines('FROM alpine:3.20', APK, 'COPY pkg.apk /tmp/pkg.apk', 'RUN apk add --no-cache --allow-untrusted /tmp/pkg.apk', SERVES, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]'),
    { only },
  );
  await expectOutput(
    lines('FROM debian:12', 'COPY x.deb /tmp/', 'RUN apt-get update && apt-get install -y ./x.deb && rm -rf /var/lib/apt/lists/*', SERVES, 'CMD ["node", "/app"]'),
    lines('FROM debian:12', APT, 'COPY x.deb /tmp/', 'RUN apt-get update && apt-get install -y ./x.deb && rm -rf /var/lib/apt/lists/*', SERVES, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["node", "/app"]'),
    { only },
  );
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --no-network curl', SERVES, 'CMD ["node", "/app"]'),
    lines('FROM alpine:3.20', APK, 'RUN apk add --no-network curl', SERVES, 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "/app"]'),
    { only },
  );
});

test('a script whose #! line runs an init (#!/usr/bin/dumb-init /bin/sh, #!/sbin/tini -s /bin/sh) has one: no init, and the note says so', async () => {
  for (const [base, shebang, init] of [
    ['debian:12', '#!/usr/bin/dumb-init /bin/sh', 'dumb-init'],
    ['alpine:3.20', '#!/sbin/tini -s /bin/sh', 'tini'],
  ]) {
    const result = await expectRefused(lines(`FROM ${base}`, 'RUN true', 'COPY entrypoint.sh /entrypoint.sh', SERVES, 'ENTRYPOINT ["/entrypoint.sh"]'), 'already-has-init',
      { only, line: 5, files: { 'entrypoint.sh': `${shebang}\nexec /srv/app\n` } });
    assert.equal(result.notes.map((n) => n.message), [`no init added: the script entrypoint.sh starts \`${init}\` itself (\`${shebang}\`, its line 1), so the image has an init already`]);
  }
});

// Review C: `python:3.8.5-slim` got an apt-get install of tini, read as today's 3.8 (bookworm); 3.8.5 was built on buster, archived.
test('a tag pinning a patch version names no release dfmod knows: refused, with the tag that would name it; x.y and named releases still install', async () => {
  await refusedWith(lines('FROM python:3.8.5-slim', 'WORKDIR /app', OWN_RUN, SERVES, 'CMD ["python", "app.py"]'), 'unknown-release',
    'dfmod does not know which release `python:3.8.5-slim` is built on, so whether it has tini: its tag pins version 3.8.5, whose images were built on the release current when it came out; name the release in the tag (`python:3.8.5-slim-<codename>`), where one was published for that version');
  for (const image of ['python:3.8-slim', 'python:3.12.1-slim-bookworm']) {
    await expectOutput(
      lines(`FROM ${image}`, 'WORKDIR /app', OWN_RUN, SERVES, 'CMD ["python", "app.py"]'),
      lines(`FROM ${image}`, 'WORKDIR /app', APT, OWN_RUN, SERVES, 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python", "app.py"]'),
      { only },
    );
  }
});

// --- what PID 1 is (review round 5: an init in front of programs that handle SIGTERM themselves) -------------------------

test('an init only in front of what ignores SIGTERM as PID 1: interpreters, npm, shells, C programs the file builds', async () => {
  // Go (a goreleaser image: the binary copied in, built elsewhere), a daemon: programs dfmod cannot name are left alone.
  const go = await expectRefused(lines('FROM alpine:3.20', 'RUN apk add --no-cache ca-certificates', 'COPY mytool /usr/bin/mytool', 'ENTRYPOINT ["/usr/bin/mytool"]', 'CMD ["serve"]'),
    'pid1-not-known', { only, line: 5 });
  assert.equal(go.notes.map((n) => n.message), ['no init added: PID 1 is `/usr/bin/mytool`, which dfmod does not know to ignore SIGTERM (it adds an init in front of ' +
    'Node.js, Python, PHP, Perl, npm, yarn, pnpm, shells, Debian\'s cron and C programs the file builds, which do; most other programs handle the signal) ' +
    '(to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})']);
  // Runtimes that handle SIGTERM as PID 1 by themselves.
  for (const [text, message] of [
    [lines('FROM eclipse-temurin:21-jre', 'COPY app.jar /app.jar', 'RUN true', 'ENTRYPOINT ["java", "-jar", "/app.jar"]', SERVES),
      'PID 1 is `java`, the JVM, which handles SIGTERM itself (its shutdown hooks run, and it exits)'],
    [lines('FROM ruby:3.3', 'COPY . /app', 'RUN bundle install', 'CMD ["ruby", "/app/server.rb"]', SERVES),
      'PID 1 is `ruby`, which exits at SIGTERM by default (SignalException) even as PID 1'],
    [lines('FROM python:3.12-slim', 'RUN pip install uvicorn', 'COPY . .', 'CMD ["python", "-m", "uvicorn", "main:app"]', SERVES),
      'PID 1 is `uvicorn`, which handles SIGTERM itself and shuts down gracefully'],
    [lines('FROM debian:12', 'RUN apt-get update && apt-get install -y gosu', 'COPY app /app', 'ENTRYPOINT ["gosu", "app", "dotnet", "/app/Api.dll"]', SERVES),
      'PID 1 is `dotnet`, the .NET host, which handles SIGTERM itself (the app\'s ProcessExit and IHost shutdown run)'],
  ] as [string, string][]) {
    const result = await expectRefused(text, 'handles-sigterm', { only });
    assert.equal(result.notes.map((n) => n.message), [`no init added: ${message} (to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})`]);
  }
  // By the script's extension, or its #! line: Python, Node.js, a shell.
  await expectOutput(lines('FROM debian:12', 'COPY serve /usr/local/bin/serve', 'RUN true', 'CMD ["serve"]', SERVES),
    lines('FROM debian:12', APT, 'COPY serve /usr/local/bin/serve', 'RUN true', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["serve"]', SERVES),
    { only, files: { serve: '#!/usr/bin/env python3\nimport http.server\n' } });
  await expectOutput(lines('FROM node:20-slim', 'COPY server.mjs /srv/', 'RUN true', 'CMD ["/srv/server.mjs"]', SERVES),
    lines('FROM node:20-slim', APT, 'COPY server.mjs /srv/', 'RUN true', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["/srv/server.mjs"]', SERVES), { only });
  // A C program the stage builds (make), run from its WORKDIR.
  await expectOutput(lines('FROM debian:12', 'RUN apt-get install -y gcc make', 'WORKDIR /src', 'COPY . .', 'RUN make', 'EXPOSE 8080', 'CMD ./hello'),
    lines('FROM debian:12', 'RUN apt-get install -y gcc make tini', 'WORKDIR /src', 'COPY . .', 'RUN make', 'EXPOSE 8080', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD exec ./hello'), { only });
  // No service shown is the reason given first, for a program dfmod cannot name.
  await expectRefused(lines('FROM alpine:3.20', 'COPY mytool /usr/bin/mytool', 'RUN true', 'ENTRYPOINT ["/usr/bin/mytool"]', 'CMD ["--once"]'), 'no-service', { only });
});

test('a new install RUN goes after the RUN that switches the mirror or adds a repository (review round 5 C)', async () => {
  const mirror = 'RUN if [ ${CHANGE_SOURCE} = true ]; then sed -i \'s/dl-cdn.alpinelinux.org/mirrors.aliyun.com/\' /etc/apk/repositories; fi';
  await expectOutput(
    lines('FROM php:8.3-cli-alpine', 'ARG CHANGE_SOURCE=false', mirror, 'COPY . /app', 'CMD ["php", "-S", "0.0.0.0:80", "-t", "/app"]', SERVES),
    lines('FROM php:8.3-cli-alpine', 'ARG CHANGE_SOURCE=false', mirror, APK, 'COPY . /app', 'ENTRYPOINT ["/sbin/tini", "--", "docker-php-entrypoint"]', 'CMD ["php", "-S", "0.0.0.0:80", "-t", "/app"]', SERVES),
    { only },
  );
  const repository = 'RUN echo "deb http://deb.example.org/ bookworm main" > /etc/apt/sources.list.d/example.list';
  await expectOutput(
    lines('FROM debian:12', 'ENV A=1', repository, 'COPY app.py /app.py', 'CMD ["python3", "/app.py"]', SERVES),
    lines('FROM debian:12', 'ENV A=1', repository, APT, 'COPY app.py /app.py', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python3", "/app.py"]', SERVES),
    { only },
  );
});

test('a nearly sorted one-per-line list gets tini after the last package that sorts before it (review round 5)', async () => {
  const list = ['ca-certificates', 'curl', 'gnupg', 'python3-pip', 'python3-phonenumbers', 'python3-xlwt', 'xz-utils'];
  const install = (packages: string[]) => ['RUN apt-get update && \\', '    apt-get install -y --no-install-recommends \\', ...packages.map((p) => `        ${p} \\`), '    && rm -rf /var/lib/apt/lists/*'];
  await expectOutput(
    lines('FROM debian:12', ...install(list), 'COPY app.py /app.py', 'CMD ["python3", "/app.py"]', SERVES),
    lines('FROM debian:12', ...install([...list.slice(0, 6), 'tini', 'xz-utils']), 'COPY app.py /app.py', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python3", "/app.py"]', SERVES),
    { only },
  );
  // An order of its own (not by name): after the last item.
  const own = ['zlib1g', 'curl', 'bash', 'ca-certificates', 'xz-utils', 'git', 'make'];
  await expectOutput(
    lines('FROM debian:12', ...install(own), 'COPY app.py /app.py', 'CMD ["python3", "/app.py"]', SERVES),
    lines('FROM debian:12', ...install([...own, 'tini']), 'COPY app.py /app.py', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["python3", "/app.py"]', SERVES),
    { only },
  );
});

test('bash -c with one command execs it: no -g, no forced-shutdown note (review round 5)', async () => {
  const result = await expectOutput(
    lines('FROM php:8.3-cli', OWN_RUN, 'EXPOSE 2080', 'CMD ["bash", "-c", "X=1 php -S 0.0.0.0:2080 -t /src"]'),
    lines('FROM php:8.3-cli', APT, OWN_RUN, 'EXPOSE 2080', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-php-entrypoint"]', 'CMD ["bash", "-c", "X=1 php -S 0.0.0.0:2080 -t /src"]'),
    { only },
  );
  assert.equal(result.notes, []);
});

test('Alpine\'s sh (BusyBox ash) execs the one command of its -c script: no -g, no note; Debian\'s dash does not (review round 6)', async () => {
  const alpine = await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --no-cache nodejs', 'ENV PORT=8080', 'EXPOSE 8080', 'ENTRYPOINT ["sh", "-c", "node /srv/app.js ${PORT}"]'),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache nodejs tini', 'ENV PORT=8080', 'EXPOSE 8080', 'ENTRYPOINT ["/sbin/tini", "--", "sh", "-c", "node /srv/app.js ${PORT}"]'),
    { only },
  );
  assert.equal(alpine.notes, []);
  const debian = await run(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends nodejs && rm -rf /var/lib/apt/lists/*', 'EXPOSE 8080', 'ENTRYPOINT ["sh", "-c", "node /srv/app.js ${PORT}"]'), { only });
  assert.match(debian.output, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "sh", "-c", "node /srv/app.js ${PORT}"]');
  assert.equal(debian.notes.map((n) => n.id), ['shutdown-forced']);
});

test('an entrypoint script is followed down the `case "$1"` item its CMD selects, and on paths that all exec the same command (review round 6)', async () => {
  // docker-gitlab: `app:start` ends `exec supervisord`, after a supervisord run in the background for migrations; other items exec nothing.
  const gitlab = '#!/bin/bash\nset -e\ncase ${1} in\n  app:init|app:start)\n    configure\n    case ${1} in\n      app:start)\n' +
    '        /usr/bin/supervisord -nc /etc/supervisor/supervisord.conf &\n        pid=$!\n        migrate\n        kill -15 $pid\n        wait $pid || true\n' +
    '        exec /usr/bin/supervisord -nc /etc/supervisor/supervisord.conf\n        ;;\n      app:init)\n        migrate\n        ;;\n    esac\n    ;;\n' +
    '  app:help)\n    echo help\n    ;;\n  *)\n    exec "$@"\n    ;;\nesac\n';
  const input = lines('FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y --no-install-recommends supervisor && rm -rf /var/lib/apt/lists/*',
    'COPY entrypoint.sh /sbin/entrypoint.sh', 'EXPOSE 80', 'ENTRYPOINT ["/sbin/entrypoint.sh"]', 'CMD ["app:start"]');
  const result = await expectRefused(input, 'server-reaps', { only, files: { 'entrypoint.sh': gitlab } });
  assert.equal(result.notes.map((n) => n.id), ['server-reaps']);
  // The item `app:init` runs migrate in the foreground: the shell waits (opted in, -g and the note).
  const init = await run(input.replace('CMD ["app:start"]', 'CMD ["app:init"]'), { only, options: OPTED_IN, files: { 'entrypoint.sh': gitlab } });
  assert.match(init.output, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/sbin/entrypoint.sh"]');
  // odoo: every path that execs, execs `odoo "$@"`: odoo is PID 1.
  const odoo = '#!/bin/bash\nset -e\ncase "$1" in\n  -- | odoo)\n    shift\n    if [[ "$1" == "scaffold" ]] ; then\n      exec odoo "$@"\n    else\n' +
    '      wait-for-psql.py --timeout=30\n      exec odoo "$@"\n    fi\n    ;;\n  -*)\n    exec odoo "$@"\n    ;;\n  *)\n    exec "$@"\nesac\n\nexit 1\n';
  const odooFile = lines('FROM ubuntu:noble', 'RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*', 'COPY entrypoint.sh /',
    'EXPOSE 8069', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["odoo"]');
  const left = await expectRefused(odooFile, 'pid1-not-known', { only, files: { 'entrypoint.sh': odoo } });
  assert.match(left.notes[0].message, 'PID 1 is `odoo`');
  // A computed command exec'd on every path (`exec $gosu_cmd /app/Notifications`): a program dfmod cannot name.
  const gosu = '#!/bin/sh\ngosu_cmd=""\nif [ "$(id -u)" = "0" ]; then gosu_cmd="gosu app"; fi\nexec $gosu_cmd /app/Notifications\n';
  const computed = await expectRefused(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*',
    'COPY entrypoint.sh /', 'EXPOSE 5000', 'ENTRYPOINT ["/entrypoint.sh"]'), 'pid1-not-known', { only, files: { 'entrypoint.sh': gosu } });
  assert.equal(computed.notes.map((n) => n.message), ['no init added: the script entrypoint.sh ends by exec\'ing a program dfmod cannot name (a computed command, or another on each path), ' +
    'so dfmod does not know it ignores SIGTERM (to add one anyway: {"init-entrypoint": {"paths": ["Dockerfile"]}})']);
});

test('a header that says the image is not for production, a test-suite folder, a Go program built with make: no init (review round 6)', async () => {
  const header = await expectRefused(lines('# Used by complement.sh. Not suitable for production use.', 'FROM python:3.12-slim', 'COPY start.py /start.py', 'RUN true', 'EXPOSE 8008', 'ENTRYPOINT ["/start.py"]'),
    'dev-or-test-stage', { only });
  assert.match(header.notes[0].message, 'its header says `Used by complement.sh. Not suitable for production use.`, so this is a development or test stage, not what is deployed');
  const suite = await runAs('internal/suites/example/compose/duo-api/Dockerfile', lines('FROM node:20-alpine', 'COPY . /app', 'RUN true', 'EXPOSE 3000', 'CMD ["node", "/app/duo_api.js"]'));
  assert.equal(suite.notes.map((n) => n.id), ['dev-or-test-stage']);
  // A Go program a golang stage builds with make, run by its bare name from PATH.
  const go = await expectRefused(lines('FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN make miniflux', 'FROM alpine:3.20', 'RUN apk add --no-cache ca-certificates',
    'COPY --from=build /src/miniflux /usr/bin/miniflux', 'EXPOSE 8080', 'CMD ["miniflux"]'), 'single-binary', { only });
  assert.match(go.notes[0].message, 'PID 1 is `miniflux`, a Go program built in stage `build`');
});

test('combined shell flags (`bash -lc`, `sh -ec`) give the script too: a chain that leaves the shell waiting gets -g and the note (review round 6)', async () => {
  // Debian 11's bash 5.1 forks the last command of a chain.
  const result = await run(lines('FROM debian:11', OWN_RUN, 'EXPOSE 1313', 'CMD ["bash", "-lc", "npm ci && node server.js"]'), { only });
  assert.match(result.output, 'ENTRYPOINT ["/usr/bin/tini", "-g", "--"]');
  assert.equal(result.notes.map((n) => n.id), ['shutdown-forced']);
  // Debian 12's bash 5.2 execs the last command of one `&&` chain, or of a `;` list ending in a simple command (measured with ps), not of `a; b && c`.
  for (const [script, forced] of [['npm ci && node server.js', false], ['npm ci; node server.js', false], ['set -e; npm ci && node server.js', true]] as [string, boolean][]) {
    const on12 = await run(lines('FROM debian:12', OWN_RUN, 'EXPOSE 1313', `CMD ["bash", "-lc", "${script}"]`), { only });
    assert.match(on12.output, forced ? 'ENTRYPOINT ["/usr/bin/tini", "-g", "--"]' : 'ENTRYPOINT ["/usr/bin/tini", "--"]', script);
    assert.equal(on12.notes.map((n) => n.id), forced ? ['shutdown-forced'] : [], script);
  }
  // BusyBox ash (Alpine's sh) execs the last command of either.
  const ash = await run(lines('FROM alpine:3.20', OWN_RUN, 'EXPOSE 1313', 'CMD ["sh", "-c", "set -e; npm ci && node server.js"]'), { only });
  assert.match(ash.output, 'ENTRYPOINT ["/sbin/tini", "--"]');
  assert.equal(ash.notes, []);
  // One command under `bash -ec`: bash execs it.
  const one = await run(lines('FROM debian:12', OWN_RUN, 'EXPOSE 1313', 'CMD ["bash", "-ec", "node server.js"]'), { only });
  assert.match(one.output, 'ENTRYPOINT ["/usr/bin/tini", "--"]');
  assert.equal(one.notes, []);
});

test('the install the init joins is named by its line on disk, in a RUN merge-runs made of several', async () => {
  const result = await run(
    lines('FROM node:20-alpine', 'RUN echo start', 'RUN apk add --no-cache curl', 'COPY server.js /app/server.js', 'EXPOSE 8080', 'CMD ["node", "/app/server.js"]'),
    { only: ['merge-runs', 'init-entrypoint'] },
  );
  assert.fixture(result.output, lines('FROM node:20-alpine', 'RUN echo start \\', '    && apk add --no-cache curl tini', 'COPY server.js /app/server.js', 'EXPOSE 8080',
    'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "/app/server.js"]'));
  assert.equal(result.changes.filter((c) => c.transform === 'init-entrypoint').map((c) => c.message),
    ['tini runs as PID 1 (added to the apk install of line 3; the inherited ENTRYPOINT ["docker-entrypoint.sh"] wrapped), so signals reach the app and zombies are reaped']);
});

test('a function the entrypoint script calls is followed into its body (docker-zulip: `app:run) appRun ;;`, appRun ends `exec supervisord`; review round 8)', async () => {
  const zulip = '#!/bin/bash\nset -e\nappRun() {\n    configure\n    tail -F /var/log/errors.log &\n    exec supervisord -n -c /etc/supervisor/supervisord.conf\n}\n' +
    'appRestore() {\n    trap "start-server" EXIT\n    shift 1\n    restore "$@"\n}\ncase "$1" in\n    app:run)\n        appRun\n        ;;\n    app:restore)\n        shift 1\n        appRestore "$@"\n        ;;\n' +
    '    *)\n        exec "$@"\n        ;;\nesac\n';
  const input = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends supervisor && rm -rf /var/lib/apt/lists/*', 'COPY entrypoint.sh /sbin/entrypoint.sh',
    'EXPOSE 80', 'ENTRYPOINT ["/sbin/entrypoint.sh"]', 'CMD ["app:run"]');
  const result = await expectRefused(input, 'server-reaps', { only, files: { 'entrypoint.sh': zulip } });
  assert.equal(result.notes.map((n) => n.id), ['server-reaps']);
});


// Review round 10 (D): `node:20.12.2` was refused as "release unknown"; every release node 18 to 25 were built on (bullseye, bookworm) has tini at /usr/bin/tini.
test('a patch pin whose every possible release carries tini at one path (node:20.12.2): installed; one that may be on a release without it is still refused', async () => {
  await expectOutput(
    lines('FROM node:20.12.2', 'WORKDIR /srv', 'COPY . .', OWN_RUN, 'CMD ["node", "main.js"]', SERVES),
    lines('FROM node:20.12.2', 'WORKDIR /srv', APT, 'COPY . .', OWN_RUN, 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "main.js"]', SERVES),
    { only },
  );
  // node 16's patch pins: no row says which releases they were built on (stretch has no tini).
  await expectRefused(lines('FROM node:16.20.2', 'WORKDIR /srv', 'COPY . .', OWN_RUN, 'CMD ["node", "main.js"]', SERVES), 'unknown-release', { only });
});

// Review round 10 (bad note): "shutdown is forced" for a postgres image, whose STOPSIGNAL is SIGINT: the shell defers it and waits for postgres, which gets it too.
test('STOPSIGNAL SIGINT (the base image\'s, or the stage\'s): the note says the app receives it and the shell waits, still advising exec; SIGTERM and SIGQUIT keep the forced-shutdown note', async () => {
  const script = '#!/bin/bash\nset -e\necho preparing\ndocker-entrypoint.sh postgres\n';
  const input = lines('FROM postgres:16', OWN_RUN, 'COPY start-db.sh /usr/local/bin/', 'ENTRYPOINT ["/usr/local/bin/start-db.sh"]');
  const output = lines('FROM postgres:16', APT, OWN_RUN, 'COPY start-db.sh /usr/local/bin/', 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/usr/local/bin/start-db.sh"]');
  const waits = (source: string) => 'the app receives the stop signal: `docker stop` sends SIGINT (' + source + '), which tini -g sends to the whole process group, ' +
    'and the shell running start-db.sh (its line 4 runs `docker-entrypoint.sh postgres` without exec) defers SIGINT while the app runs and waits for it to exit; ' +
    'still, to make the app the process tini signals: write `exec docker-entrypoint.sh postgres` there';
  const inherited = await expectOutput(input, output, { only, files: { 'start-db.sh': script } });
  assert.equal(inherited.notes.map((n) => [n.id, n.line, n.message]), [['shell-waits', 4, waits('the STOPSIGNAL of `postgres:16`')]]);
  assert.match(inherited.changes[0].message, 'with -g, so the stop signal (SIGINT) goes to the whole process group, and zombies are reaped (see the note)');
  // The stage's own STOPSIGNAL, on another base.
  const own = await run(lines('FROM debian:12', OWN_RUN, 'COPY start-db.sh /usr/local/bin/', 'STOPSIGNAL INT', 'ENTRYPOINT ["/usr/local/bin/start-db.sh"]', 'EXPOSE 5432'),
    { only, files: { 'start-db.sh': script } });
  assert.equal(own.notes.map((n) => [n.id, n.message]), [['shell-waits', waits('the STOPSIGNAL of line 4')]]);
  // SIGTERM set again over the base image's SIGINT: the shell exits, shutdown is forced.
  const forced = await run(lines('FROM postgres:16', OWN_RUN, 'COPY start-db.sh /usr/local/bin/', 'STOPSIGNAL SIGTERM', 'ENTRYPOINT ["/usr/local/bin/start-db.sh"]'),
    { only, files: { 'start-db.sh': script } });
  assert.equal(forced.notes.map((n) => n.id), ['shutdown-forced']);
  // SIGQUIT (review round 13): the init would forward it to processes that may die of it, with a core dump.
  await expectRefused(lines('FROM postgres:16', OWN_RUN, 'COPY start-db.sh /usr/local/bin/', 'STOPSIGNAL SIGQUIT', 'ENTRYPOINT ["/usr/local/bin/start-db.sh"]'), 'stop-signal',
    { only, files: { 'start-db.sh': script }, line: 4 });
});

test('an init copied into the image (`COPY --from=base /usr/bin/dumb-init …`) is there for a script to run: no second one (review round 13)', async () => {
  const result = await expectRefused(
    lines('FROM node:20 AS base', 'FROM node:20-slim', 'COPY --from=base /usr/bin/dumb-init /usr/bin/dumb-init', 'WORKDIR /app', 'COPY . .', 'EXPOSE 3000', 'CMD ["./scripts/entrypoint.sh"]'),
    'already-has-init', { only, line: 3 });
  assert.match(result.notes[0].message, 'line 3 copies the init `dumb-init` into the image, so something there likely runs it (a script dfmod cannot follow)');
});

test('a base stage picked by a build argument (`FROM ${BASE}-base`) may be another OS: no init, which only the default would install (review round 13, a C)', async () => {
  const result = await expectRefused(
    lines('ARG BASE=fpm', 'FROM php:8.3-fpm-alpine AS fpm-base', 'RUN apk add --no-cache bash', 'FROM php:8.3-apache-bookworm AS apache-base', 'RUN true',
      'FROM ${BASE}-base', 'COPY entrypoint.sh /entrypoint.sh', 'EXPOSE 80', 'CMD ["/entrypoint.sh"]'),
    'dynamic-base', { only, files: { 'entrypoint.sh': '#!/bin/sh\nphp-fpm\n' }, line: 6 });
  assert.match(result.notes[0].message, 'the stage is built FROM `${BASE}-base`, a build argument whose value picks the stage it builds on: `fpm-base` by default, another stage for another value, where the init would not be installed');
});


// Review round 10 (bad note): the note told to set die-on-term, which the uwsgi.ini named in the CMD already set.
test('uWSGI whose INI file of the build context (`uwsgi /app/site.ini`, `--ini site.ini`) sets die-on-term stops at SIGTERM: the note says so; one that unsets it, or another section, keeps the advice', async () => {
  const stopsCleanly = 'no init added: PID 1 is `uwsgi`, a server whose master process reaps its workers and stops at the STOPSIGNAL or with die-on-term';
  const input = lines('FROM python:3.12-slim', 'RUN pip install --no-cache-dir uwsgi', 'COPY . /app', 'CMD ["uwsgi", "/app/site.ini"]');
  for (const ini of ['[uwsgi]\nmaster\ndie-on-term\n', '[uwsgi]\nmaster = true\ndie-on-term = true\n']) {
    const result = await expectUnchanged(input, null, { only, files: { 'site.ini': ini } });
    assert.equal(result.notes.map((n) => [n.id, n.line, n.message.split(' (to add')[0]]), [['server-reaps', 4, stopsCleanly]]);
  }
  const option = await expectUnchanged(lines('FROM python:3.12-slim', 'WORKDIR /app', 'RUN pip install --no-cache-dir uwsgi', 'COPY site.ini .', 'CMD ["uwsgi", "--ini", "site.ini"]'), null,
    { only, files: { 'site.ini': '[uwsgi]\n; stop, do not reload, at SIGTERM\ndie-on-term=1\n' } });
  assert.equal(option.notes.map((n) => n.message.split(' (to add')[0]), [stopsCleanly]);
  for (const ini of ['[uwsgi]\ndie-on-term = true\ndie-on-term = false\n', '[other]\ndie-on-term\n[uwsgi]\nmaster\n']) {
    const result = await expectUnchanged(input, null, { only, files: { 'site.ini': ini } });
    assert.match(result.notes[0].message, 'which reloads at SIGTERM instead of stopping unless `die-on-term` is set');
  }
});


// Review round 10 (bad note): the exec advice named only the else branch's launch line of a script whose if/else starts the app in both branches.
test('an entrypoint script whose if/else starts the app without exec in both branches: the note names both lines and both execs', async () => {
  const script = '#!/bin/bash\nservice ssh start\nif [ -f /srv/host ]; then\n    /srv/host\nelse\n    dotnet /srv/host.dll\nfi\n';
  const input = lines('FROM debian:12', OWN_RUN, 'COPY start.sh /start.sh', 'ENTRYPOINT ["/start.sh"]', SERVES);
  const result = await expectOutput(input,
    lines('FROM debian:12', APT, OWN_RUN, 'COPY start.sh /start.sh', 'ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/start.sh"]', SERVES),
    { only, files: { 'start.sh': script } });
  assert.equal(result.notes.map((n) => [n.id, n.message]), [['shutdown-forced',
    'shutdown is forced, not graceful: the script start.sh runs `/srv/host` or `dotnet /srv/host.dll` (its lines 4 and 6, one on each path) without exec, so its shell exits at SIGTERM and the container ends with it; ' +
    'tini -g sends SIGTERM to the app too, but it may be killed before its handler finishes: write exec at lines 4 and 6: `exec /srv/host`, `exec dotnet /srv/host.dll`']]);
});


// Review round 10: tini was added to a published image that builds an ARG-pinned upstream release (B); a dotnet app with a version ENV was called an official-image definition (bad note).
test('an ARG-pinned release cloned in a build stage, with only support files from the context: official-image note; an app whose version ENV nothing expands: judged by its PID 1', async () => {
  const upstream = lines('ARG SERVER_VERSION=4.2.1', 'FROM debian:bookworm-slim AS build', 'ARG SERVER_VERSION',
    'RUN git clone --branch v${SERVER_VERSION} https://example.com/server /src && make -C /src install DESTDIR=/out',
    'FROM debian:bookworm-slim', 'COPY --from=build /out/ /', 'COPY start.sh /start.sh',
    'RUN apt-get update && apt-get install -y libc-dev && rm -rf /var/lib/apt/lists/*', 'EXPOSE 80', 'ENTRYPOINT ["/start.sh"]');
  const result = await expectUnchanged(upstream, null, { only, files: { 'start.sh': '#!/bin/sh\n/usr/bin/server\n' } });
  assert.equal(result.notes.map((n) => [n.id, n.line, n.message]), [['official-image', 5,
    'no init added: it installs a pinned upstream release (`ARG SERVER_VERSION`) and copies only scripts and configuration from the build context, as official-image definitions do, ' +
    'so this is an image definition like the official images, which others build FROM: every image built FROM it would inherit the init; to add one anyway, name it in the option {"init-entrypoint": {"paths": ["Dockerfile"]}}, or run its containers with `docker run --init`']]);
  const app = await expectUnchanged(lines('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'ENV APP_VERSION=1.2.3', 'COPY --from=build /out /app', 'EXPOSE 80', 'ENTRYPOINT ["dotnet", "/app/App.dll"]'), null, { only });
  assert.equal(app.notes.map((n) => [n.id, n.message.split(' (to add')[0]]), [['single-binary', 'no init added: PID 1 is `dotnet /app/App.dll`, one .NET process, which handles SIGTERM itself; an init would add only the reaping of children it starts, and dfmod sees it start none']]);
});


// Review round 10 (bad note): a database server whose ENTRYPOINT is its copied binary, with a bind address set in an ENV, was "a command-line tool … not a deployed service".
test('a copied binary as the ENTRYPOINT with a listen variable (`*_BIND`) or a `start` subcommand is a service, not a command-line tool', async () => {
  const notKnown = 'no init added: PID 1 is `/dbserver`, which dfmod does not know to ignore SIGTERM';
  for (const input of [
    lines('FROM gcr.io/distroless/cc', 'COPY dbserver /dbserver', 'VOLUME /data', 'ENV DBSERVER_BIND=0.0.0.0:8000', 'ENTRYPOINT ["/dbserver"]'),
    lines('FROM debian:12', OWN_RUN, 'COPY dbserver /dbserver', 'ENV DBSERVER_BIND=0.0.0.0:8000', 'ENTRYPOINT ["/dbserver"]'),
    lines('FROM debian:12', OWN_RUN, 'COPY dbserver /dbserver', 'ENTRYPOINT ["/dbserver"]', 'CMD ["start"]'),
  ]) {
    const result = await expectUnchanged(input, null, { only });
    assert.equal(result.notes.map((n) => [n.id, n.message.slice(0, notKnown.length)]), [['pid1-not-known', notKnown]]);
  }
  // A client's server address (`*_ADDR`) is no sign: the copied binary stays a command-line tool.
  await expectRefused(lines('FROM debian:12', OWN_RUN, 'COPY dbctl /dbctl', 'ENV DBSERVER_ADDR=db:8000', 'ENTRYPOINT ["/dbctl"]'), 'toolbox-image', { only });
});

test.run();

test("a new install RUN goes right before the stage's first RUN, not between the preamble and the comments that belong to what follows (review round 14)", async () => {
  await expectOutput(
    lines('FROM node:20-alpine', 'WORKDIR /app', 'ENV NODE_ENV production', '# Uncomment to disable telemetry:', '# ENV NEXT_TELEMETRY_DISABLED 1', '', 'RUN addgroup --system --gid 1001 nodejs', 'EXPOSE 3000', 'CMD ["node", "server.js"]'),
    lines('FROM node:20-alpine', 'WORKDIR /app', 'ENV NODE_ENV production', '# Uncomment to disable telemetry:', '# ENV NEXT_TELEMETRY_DISABLED 1', '', 'RUN apk add --no-cache tini', 'RUN addgroup --system --gid 1001 nodejs', 'EXPOSE 3000',
      'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]'),
    { only },
  );
});

test('an entrypoint script the shell parser cannot read is not said to leave its shell waiting: signals reach what it execs (review round 14, zookeeper)', async () => {
  const result = await run(lines('FROM debian:bookworm', 'RUN useradd zookeeper', 'COPY docker-entrypoint.sh /', 'EXPOSE 2181', 'ENTRYPOINT ["/docker-entrypoint.sh"]', 'CMD ["zkServer.sh", "start-foreground"]'),
    { only, files: { 'docker-entrypoint.sh': '#!/bin/bash\nset -e\nif [[ "$1" = "zkServer.sh" ]; then\n  echo start\nfi\nexec "$@"\n' } });
  assert.equal(result.notes.filter((n) => n.id === "shutdown-forced"), [], JSON.stringify(result.notes));
  assert.ok(result.changes.length, JSON.stringify(result.notes));
  assert.match(result.changes[0].message, 'so signals reach what the script docker-entrypoint.sh execs (dfmod cannot read it');
});

test('a stage that installs dumb-init and does not run it gets it as PID 1, not a second init package (review round 14)', async () => {
  const result = await expectOutput(
    lines('FROM node:20-alpine', 'RUN apk add --no-cache dumb-init bash', 'WORKDIR /app', 'COPY . .', 'EXPOSE 3000', 'CMD ["node", "server.js"]'),
    lines('FROM node:20-alpine', 'RUN apk add --no-cache dumb-init bash', 'WORKDIR /app', 'COPY . .', 'EXPOSE 3000', 'ENTRYPOINT ["/usr/bin/dumb-init", "--", "docker-entrypoint.sh"]', 'CMD ["node", "server.js"]'),
    { only },
  );
  assert.match(result.changes[0].message, 'dumb-init runs as PID 1 (installed by the stage already;');
});
