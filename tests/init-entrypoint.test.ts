import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectUnchanged, lines, run } from './helpers.js';

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

test('shell-form ENTRYPOINT of plain words and no CMD: the program runs directly (exec-form analysis)', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'ENTRYPOINT ./start.sh \\', '    --x'),
    lines('FROM debian:bookworm', APT, 'ENTRYPOINT ["/usr/bin/tini", "--", "./start.sh", "--x"]'),
    { only },
  );
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

test('an unknown init option is a note', async () => {
  await expectUnchanged(lines('FROM alpine', 'CMD ["/app"]'), /unknown option init="s6"/, { only, options: { 'init-entrypoint': { init: 's6' } } });
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

for (const [name, text, reason] of [
  ['tini already in ENTRYPOINT', lines('FROM alpine', 'RUN apk add tini', 'ENTRYPOINT ["tini", "--", "/app"]'), /already runs an init \(`tini`\)/],
  ['dumb-init in CMD', lines('FROM debian', 'CMD ["dumb-init", "/app"]'), /already runs an init \(`dumb-init`\)/],
  ['s6-overlay /init', lines('FROM alpine', 'ENTRYPOINT ["/init"]'), /already runs an init \(`\/init`\)/],
  ['/sbin/init', lines('FROM debian:bookworm', 'CMD ["/sbin/init"]'), /already runs an init \(`\/sbin\/init`\)/],
  ['docker-init', lines('FROM alpine', 'ENTRYPOINT ["/sbin/docker-init", "--", "/app"]'), /docker-init/],
  ['supervisord', lines('FROM debian:bookworm', 'CMD ["/usr/bin/supervisord", "-n"]'), /supervisord/],
  ['systemd', lines('FROM ubuntu:24.04', 'CMD ["/lib/systemd/systemd"]'), /systemd/],
  ['an init inside a shell-form CMD', lines('FROM alpine', 'CMD exec tini -- /app'), /already runs an init \(`tini`\)/],
  ['an init inherited from an earlier stage', lines('FROM alpine AS base', 'ENTRYPOINT ["/sbin/tini", "--"]', 'FROM base', 'CMD ["/app"]'), null],
  ['scratch', lines('FROM scratch', 'COPY app /app', 'CMD ["/app"]'), /no package manager/],
  ['distroless', lines('FROM gcr.io/distroless/static-debian12', 'COPY app /app', 'CMD ["/app"]'), /no package manager/],
  ['busybox', lines('FROM busybox', 'CMD ["/app"]'), /no package manager/],
  ['a build-argument base', lines('ARG BASE=alpine', 'FROM $BASE', 'CMD ["/app"]'), /build argument/],
  ['an unknown base', lines('FROM mycorp/base:1', 'CMD ["/app"]'), /does not know the base image `mycorp\/base:1`/],
  ['RHEL family (tini is in EPEL)', lines('FROM rockylinux:9', 'CMD ["/app"]'), /EPEL/],
  ['UBI minimal', lines('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'CMD ["/app"]'), /EPEL|does not know/],
  ['Amazon Corretto (Amazon Linux)', lines('FROM amazoncorretto:17', 'CMD ["java", "-jar", "a.jar"]'), /EPEL/],
  ['SUSE', lines('FROM opensuse/leap:15', 'CMD ["/app"]'), /SUSE/],
  ['an archived Debian release', lines('FROM python:3.9-buster', 'CMD ["python"]'), /archived Debian release/],
  ['an old node image', lines('FROM node:12', 'CMD ["node", "a.js"]'), /knows 16 and later/],
  ['an interim Ubuntu release', lines('FROM ubuntu:23.10', 'CMD ["/app"]'), /LTS/],
  ['a base whose ENTRYPOINT dfmod does not know', lines('FROM eclipse-temurin:17-jre', 'CMD ["java", "-jar", "a.jar"]'), /ENTRYPOINT of `eclipse-temurin:17-jre`/],
  ['no CMD and a base whose CMD dfmod does not know', lines('FROM golang:1.22', 'COPY . .'), /CMD of `golang:1.22`/],
  ['Windows', lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["app.exe"]'), /Windows/],
  ['an ENTRYPOINT with no arguments', lines('FROM debian:bookworm', 'RUN echo hi', 'ENTRYPOINT'), /ENTRYPOINT has no arguments/],
  ['an ENTRYPOINT with only a line continuation, at the end', lines('FROM debian:bookworm', 'RUN echo hi', 'ENTRYPOINT \\'), /ENTRYPOINT has no arguments/],
  ['inherited USER with a variable', lines('FROM alpine AS base', 'ARG U=app', 'USER $U', 'FROM base', 'CMD ["/app"]'), /USER \$U/],
] as [string, string, RegExp | null][]) {
  test(`left alone: ${name}`, async () => {
    await expectUnchanged(text, reason, { only });
  });
}

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

test.run();
