import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { expectOutput, expectRefused, expectUnchanged, lines } from './helpers.js';

const only = ['cache-cleanup'];
const yarnClassic = { 'package.json': '{"name":"app"}', 'yarn.lock': '' };

// apk

test('apk add gets --no-cache', async () => {
  await expectOutput(lines('FROM alpine:3.19', 'RUN apk add curl'), lines('FROM alpine:3.19', 'RUN apk add --no-cache curl'), { only });
});

test('apk: a same-RUN `apk update` and cache rm are dropped once --no-cache is there', async () => {
  await expectOutput(
    lines('FROM alpine', 'RUN apk update && apk add curl && rm -rf /var/cache/apk/*'),
    lines('FROM alpine', 'RUN apk add --no-cache curl'),
    { only },
  );
});

test('apk: with an `apk update` that stays (an `apk upgrade` reads the index), --no-cache would save nothing; the index is removed at the end', async () => {
  await expectOutput(
    lines('FROM alpine', 'RUN apk update && apk upgrade && apk add curl'),
    lines('FROM alpine', 'RUN apk update && apk upgrade && apk add curl \\', '    && rm -rf /var/cache/apk/*'),
    { only },
  );
});

test('apk: `apk update && apk upgrade && apk add --no-cache` leaves the index: removed at the end, in every RUN of that shape', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.19', 'RUN apk update && apk upgrade && apk add --no-cache bash', 'RUN apk update && apk upgrade && apk add --no-cache curl'),
    lines(
      'FROM alpine:3.19',
      'RUN apk update && apk upgrade && apk add --no-cache bash \\', '    && rm -rf /var/cache/apk/*',
      'RUN apk update && apk upgrade && apk add --no-cache curl \\', '    && rm -rf /var/cache/apk/*',
    ),
    { only },
  );
  assert.equal(result.changes.map((c) => c.message), [
    'apk index removed in the RUN that created it: `rm -rf /var/cache/apk/*`',
    'apk index removed in the RUN that created it: `rm -rf /var/cache/apk/*`',
  ]);
  // The same in a base stage the deployed one is built FROM.
  await expectOutput(
    lines('FROM alpine:3.19 AS base', 'RUN apk update && apk upgrade && apk add --no-cache bash', 'FROM base', 'RUN apk update && apk upgrade && apk add --no-cache curl'),
    lines(
      'FROM alpine:3.19 AS base',
      'RUN apk update && apk upgrade && apk add --no-cache bash \\', '    && rm -rf /var/cache/apk/*',
      'FROM base',
      'RUN apk update && apk upgrade && apk add --no-cache curl \\', '    && rm -rf /var/cache/apk/*',
    ),
    { only },
  );
});

test('apk: the index stays for a later RUN that reads it without updating, or runs a script that installs', async () => {
  const result = await expectUnchanged(lines('FROM alpine:3.19', 'RUN apk update && apk upgrade', 'RUN apk search curl'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [
    [2, 'index-read-later', 'apk index kept: the RUN at line 3 reads it (`apk search`)'],
  ]);
  const script = await expectUnchanged(lines('FROM alpine:3.19', 'RUN apk update && apk upgrade', 'COPY setup.sh /', 'RUN sh /setup.sh'), null,
    { only, files: { 'setup.sh': 'apk add curl\n' } });
  assert.equal(script.notes.map((n) => [n.line, n.id, n.message]), [
    [2, 'index-read-by-script', 'apk index kept: the RUN at line 4 runs `sh /setup.sh`, which installs from it (`apk add` in setup.sh)'],
  ]);
  // `apk update --no-cache` keeps no index.
  await expectUnchanged(lines('FROM alpine:3.19', 'RUN apk update --no-cache && apk upgrade --no-cache'), null, { only });
  // A later RUN that updates first reads its own index.
  await expectOutput(
    lines('FROM alpine:3.19', 'RUN apk update && apk upgrade', 'RUN apk update && apk search curl'),
    lines('FROM alpine:3.19', 'RUN apk update && apk upgrade \\', '    && rm -rf /var/cache/apk/*', 'RUN apk update && apk search curl \\', '    && rm -rf /var/cache/apk/*'),
    { only },
  );
});

test('apk: an index a later stage installs from is kept, with a note on the line that leaves it', async () => {
  // The child stage is only copied from: dfmod adds no --no-cache there, so its `apk add` reads the parent's index.
  const unshipped = await expectUnchanged(lines(
    'FROM alpine:3.20 AS tools',
    'RUN apk update && apk add git',
    'FROM tools AS fetch',
    'RUN apk add make && make -v > /version',
    'FROM tools',
    'COPY --from=fetch /version /version',
  ), null, { only });
  assert.equal(unshipped.notes.map((n) => [n.line, n.id, n.message]), [
    [2, 'index-read-later', 'apk index kept: the RUN at line 4 installs from it (`apk add`)'],
  ]);
  // A child install whose packages the shell computes cannot be given the flag either; nor one in a script.
  const computed = await expectUnchanged(lines('FROM alpine:3.20 AS tools', 'RUN apk add git', 'FROM tools', 'ARG EXTRA=make', 'RUN apk add $EXTRA'), null, { only });
  assert.equal(computed.notes.map((n) => [n.line, n.id]), [[2, 'index-read-later']]);
  const script = await expectUnchanged(lines('FROM alpine:3.20 AS tools', 'RUN apk add git', 'FROM tools', 'COPY deps.sh /', 'RUN sh /deps.sh'), null,
    { only, files: { 'deps.sh': 'apk add make\n' } });
  assert.equal(script.notes.map((n) => [n.line, n.id, n.message]), [
    [2, 'index-read-by-script', 'apk index kept: the RUN at line 5 runs `sh /deps.sh`, which installs from it (`apk add` in deps.sh)'],
  ]);
  // A same-RUN `apk update` stays too: it is what the child reads.
  await expectUnchanged(lines('FROM alpine:3.20 AS tools', 'RUN apk update && apk add --no-cache git', 'FROM tools', 'ARG EXTRA=make', 'RUN apk add $EXTRA'), null, { only });
});

test('apk: a later stage that gets --no-cache, or updates for itself, reads no index of its parent: the parent is cleaned', async () => {
  await expectOutput(
    lines('FROM alpine:3.20 AS tools', 'RUN apk update && apk add git', 'FROM tools', 'RUN apk add make'),
    lines('FROM alpine:3.20 AS tools', 'RUN apk add --no-cache git', 'FROM tools', 'RUN apk add --no-cache make'),
    { only },
  );
  await expectOutput(
    lines('FROM alpine:3.20 AS tools', 'RUN apk add git', 'FROM tools AS fetch', 'RUN apk add --update make', 'FROM tools', 'COPY --from=fetch /usr/bin/make /usr/bin/'),
    lines('FROM alpine:3.20 AS tools', 'RUN apk add --no-cache git', 'FROM tools AS fetch', 'RUN apk add --update make', 'FROM tools', 'COPY --from=fetch /usr/bin/make /usr/bin/'),
    { only },
  );
});

test('left alone: pip on a Windows tag of an official image (python:3.12-windowsservercore)', async () => {
  await expectUnchanged(lines('FROM python:3.12-windowsservercore', 'RUN pip install flask'), null, { only });
});

test('left alone: pip in a stage built FROM $BASE whose default names a stage with a non-POSIX SHELL', async () => {
  const input = lines('ARG BASE=build', 'FROM debian AS build', 'SHELL ["pwsh", "-Command"]', 'FROM $BASE', 'RUN pip install x', 'CMD app');
  await expectUnchanged(input, null, { only });
});

test('left alone: apk with a cache mount', async () => {
  await expectUnchanged(lines('FROM alpine', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl'), null, { only });
});

// yum / dnf / microdnf / zypper

test('yum: -y and `yum clean all` with the cache folder', async () => {
  await expectOutput(
    lines('FROM centos:7', 'RUN yum install httpd'),
    lines('FROM centos:7', 'RUN yum install -y httpd \\', '    && yum clean all \\', '    && rm -rf /var/cache/yum'),
    { only },
  );
});

test('dnf: -y kept when present, cleanup added', async () => {
  await expectOutput(
    lines('FROM fedora', 'RUN dnf -y install gcc'),
    lines('FROM fedora', 'RUN dnf -y install gcc \\', '    && dnf clean all \\', '    && rm -rf /var/cache/dnf'),
    { only },
  );
});

test('yum where yum is dnf: one cleanup for a RUN with yum and dnf, and a clean by either name counts', async () => {
  // Fedora has had dnf behind `yum` since 22, whichever release the tag names.
  await expectOutput(
    lines('FROM fedora:40', 'RUN yum install -y make'),
    lines('FROM fedora:40', 'RUN yum install -y make \\', '    && yum clean all \\', '    && rm -rf /var/cache/dnf'),
    { only },
  );
  // Both names in one RUN: the cleanup of whichever installs last, once.
  await expectOutput(
    lines('FROM fedora:40', 'RUN yum install -y make && dnf install -y gcc'),
    lines('FROM fedora:40', 'RUN yum install -y make && dnf install -y gcc \\', '    && dnf clean all \\', '    && rm -rf /var/cache/dnf'),
    { only },
  );
  await expectOutput(
    lines('FROM rockylinux:9', 'RUN dnf install -y gcc && yum install -y make'),
    lines('FROM rockylinux:9', 'RUN dnf install -y gcc && yum install -y make \\', '    && yum clean all \\', '    && rm -rf /var/cache/dnf'),
    { only },
  );
  // Already cleaned under the other name, or with both yum's commands.
  await expectUnchanged(lines('FROM rockylinux:9', 'RUN yum install -y make && dnf clean all'), null, { only });
  await expectUnchanged(lines('FROM almalinux:8', 'RUN dnf install -y make && yum clean all'), null, { only });
  await expectUnchanged(lines('FROM fedora:40', 'RUN dnf install -y make && yum clean all'), null, { only });
  await expectUnchanged(lines('FROM redhat/ubi9', 'RUN yum install -y make && yum clean all && rm -rf /var/cache/yum'), null, { only });
  // Where yum is not dnf (CentOS 7), they are two programs with two caches.
  await expectOutput(
    lines('FROM centos:7', 'RUN yum install -y make && dnf clean all'),
    lines('FROM centos:7', 'RUN yum install -y make && dnf clean all \\', '    && yum clean all \\', '    && rm -rf /var/cache/yum'),
    { only },
  );
});

test('microdnf: `microdnf clean all`', async () => {
  await expectOutput(
    lines('FROM ubi9/ubi-minimal', 'RUN microdnf install -y shadow-utils'),
    lines('FROM ubi9/ubi-minimal', 'RUN microdnf install -y shadow-utils \\', '    && microdnf clean all'),
    { only },
  );
});

test('zypper: -n before the subcommand and `zypper clean -a`', async () => {
  await expectOutput(
    lines('FROM opensuse/leap', 'RUN zypper install curl'),
    lines('FROM opensuse/leap', 'RUN zypper -n install curl \\', '    && zypper clean -a'),
    { only },
  );
});

test('dnf5 is dnf: -y and the cleanup, run with dnf5', async () => {
  await expectOutput(
    lines('FROM fedora:41', 'RUN dnf5 install gcc'),
    lines('FROM fedora:41', 'RUN dnf5 install -y gcc \\', '    && dnf5 clean all \\', '    && rm -rf /var/cache/dnf'),
    { only },
  );
});

test('dnf: -qy answers the prompt; --yes is not a dnf option, so -y is still added (a build stage: no cleanup)', async () => {
  // The last stage copies from `build`: a stage nothing used would be a build target of its own, whose layers ship.
  const copy = 'COPY --from=build /usr/bin/gcc /gcc';
  await expectUnchanged(lines('FROM fedora AS build', 'RUN dnf -qy install gcc', 'FROM scratch', copy), null, { only });
  await expectOutput(
    lines('FROM fedora AS build', 'RUN dnf --yes install gcc', 'FROM scratch', copy),
    lines('FROM fedora AS build', 'RUN dnf --yes install -y gcc', 'FROM scratch', copy),
    { only },
  );
});

test('a stage nothing uses is a build target of its own: its layers ship, so its caches are cleaned as in the last stage', async () => {
  await expectOutput(
    lines('FROM node:20 AS dev', 'RUN npm install -g nodemon', 'FROM python:3.12 AS tools', 'RUN pip install httpie', 'FROM node:20 AS build', 'RUN npm install -g typescript', 'FROM node:20-slim', 'COPY --from=build /usr/local/lib /usr/local/lib', 'CMD ["node"]'),
    lines(
      'FROM node:20 AS dev',
      'RUN npm install -g nodemon \\',
      '    && npm cache clean --force',
      'FROM python:3.12 AS tools',
      'RUN pip install --no-cache-dir httpie',
      'FROM node:20 AS build',
      'RUN npm install -g typescript',
      'FROM node:20-slim',
      'COPY --from=build /usr/local/lib /usr/local/lib',
      'CMD ["node"]',
    ),
    { only },
  );
});

test('conda run as mamba is cleaned with mamba', async () => {
  await expectOutput(
    lines('FROM mambaorg/micromamba', 'RUN mamba install -y numpy'),
    lines('FROM mambaorg/micromamba', 'RUN mamba install -y numpy \\', '    && mamba clean -afy'),
    { only },
  );
});

test('left alone: yum already cleaned in the RUN', async () => {
  await expectUnchanged(lines('FROM centos', 'RUN yum install -y httpd && yum clean all'), null, { only });
});

test('left alone: a later RUN installs from the yum cache only', async () => {
  await expectRefused(
    lines('FROM centos', 'RUN yum install -y --downloadonly httpd', 'RUN yum -C install -y httpd && yum clean all'),
    'offline-install-later',
    { only, line: 2 },
  );
});

// pip

test('pip, pip3 and python -m pip install get --no-cache-dir', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN pip install -r requirements.txt && pip3 install gunicorn && python3 -m pip install -U pip'),
    lines('FROM python:3.11', 'RUN pip install --no-cache-dir -r requirements.txt && pip3 install --no-cache-dir gunicorn && python3 -m pip install --no-cache-dir -U pip'),
    { only },
  );
});

test('left alone: PIP_NO_CACHE_DIR in the stage', async () => {
  await expectUnchanged(lines('FROM python:3.11', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask'), null, { only });
});

test('left alone: a pip cache mount', async () => {
  await expectUnchanged(lines('FROM python:3.11', 'RUN --mount=type=cache,target=/root/.cache/pip pip install flask'), null, { only });
});

test('left alone: pip install with an expanded argument that may hold the flag', async () => {
  await expectUnchanged(lines('FROM python:3.11', 'RUN pip install $PIP_FLAGS flask'), null, { only });
});

// npm / yarn

test('npm ci: `npm cache clean --force` at the end of the RUN', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN npm ci && npm run build'),
    lines('FROM node:20', 'RUN npm ci && npm run build \\', '    && npm cache clean --force'),
    { only },
  );
});

test("npm's aliases of ci and install (`clean-install`, `ic`, `in`) get the cleanup too (review round 9)", async () => {
  for (const verb of ['clean-install', 'ic', 'install-clean', 'in']) {
    await expectOutput(lines('FROM node:20', `RUN npm ${verb}`), lines('FROM node:20', `RUN npm ${verb} \\`, '    && npm cache clean --force'), { only });
  }
});

test('an appended cleanup follows the joint above the last line, where a RUN writes both `&&` styles (review round 10)', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN apt-get update && \\', '    apt-get install -y unzip \\', '    && npm install -g newman \\', '    && cd /tmp'),
    lines('FROM node:20', 'RUN apt-get update && \\', '    apt-get install -y unzip \\', '    && npm install -g newman \\', '    && cd /tmp \\', '    && npm cache clean --force'),
    { only },
  );
});

test("what the base image already turns off needs no flag: the official ruby images' gemrc has --no-document; uv takes --no-cache-dir (review round 11)", async () => {
  await expectUnchanged(lines('FROM ruby:3.3', 'RUN gem install bundler'), null, { only });
  await expectUnchanged(lines('FROM ruby:3.3 AS base', 'FROM base', 'RUN gem install rails'), null, { only });
  await expectOutput(lines('FROM debian:12', 'RUN gem install bundler'), lines('FROM debian:12', 'RUN gem install --no-document bundler'), { only });
  await expectUnchanged(lines('FROM python:3.12', 'RUN uv pip install --system --no-cache-dir flask'), null, { only });
});

test('a stage a FROM with a variable can name (`FROM base-${TARGETARCH}`) is built on, not shipped: its installs get no cleanup (review round 12)', async () => {
  const input = lines('ARG TARGETARCH', 'FROM almalinux:8 AS base-amd64', 'RUN dnf install -y gcc', 'FROM almalinux:8 AS base-arm64', 'RUN dnf install -y clang',
    'FROM base-${TARGETARCH} AS build', 'RUN make', 'FROM scratch', 'COPY --from=build /out /out');
  await expectUnchanged(input, null, { only });
  // A FROM that is only a variable names no stage by its words: the stages stay targets of their own.
  await expectOutput(lines('ARG IMAGE=almalinux:8', 'FROM almalinux:8 AS tools', 'RUN dnf install -y gcc', 'FROM ${IMAGE}', 'RUN true'),
    lines('ARG IMAGE=almalinux:8', 'FROM almalinux:8 AS tools', 'RUN dnf install -y gcc \\', '    && dnf clean all \\', '    && rm -rf /var/cache/dnf', 'FROM ${IMAGE}', 'RUN true'), { only });
});

test('left alone: npm with a cache mount', async () => {
  await expectUnchanged(lines('FROM node:20', 'RUN --mount=type=cache,target=/root/.npm npm ci'), null, { only });
});

test('left alone: a later RUN installs offline from the npm cache', async () => {
  await expectUnchanged(lines('FROM node:20', 'RUN npm install', 'RUN npm ci --offline'), /line 3 installs offline/, { only });
});

test('yarn (Yarn 1 per the build context): `yarn cache clean`', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN yarn --frozen-lockfile'),
    lines('FROM node:20', 'RUN yarn --frozen-lockfile \\', '    && yarn cache clean'),
    { only, files: yarnClassic },
  );
});

test('left alone: Yarn Berry, whose cache clean deletes the project cache', async () => {
  await expectRefused(lines('FROM node:20', 'RUN yarn install'), 'yarn-berry', { only, files: { ...yarnClassic, '.yarnrc.yml': 'nodeLinker: pnp' } });
  await expectUnchanged(lines('FROM node:20', 'RUN yarn install'), /^yarn cache left: package.json names yarn@4.1.0$/, { only, files: { 'package.json': '{"packageManager":"yarn@4.1.0"}' } });
  await expectRefused(lines('FROM node:20', 'RUN corepack enable && yarn install'), 'yarn-berry-stage', { only, files: yarnClassic });
});

test('`yarn global add` fills Yarn 1\'s cache: `yarn cache clean` in the same RUN, which is Yarn 1 where `yarn global` ran (Yarn 2+ has none)', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn global add pnpm && pnpm install --frozen-lockfile --prod', 'CMD ["node", "server.js"]'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn global add pnpm && pnpm install --frozen-lockfile --prod \\', '    && yarn cache clean', 'CMD ["node", "server.js"]'),
    { only },
  );
  assert.equal(result.changes.map((c) => c.message), ['yarn cache removed in the RUN that created it: `yarn cache clean`']);
  // After a `cd`, the cleanup runs in another folder, whose yarn may be Berry: without a build context, left alone.
  await expectRefused(lines('FROM node:20', 'RUN yarn global add pnpm && cd /app && pnpm install'), 'yarn-version-unknown', { only });
});

test('left alone: yarn without a build context', async () => {
  await expectRefused(lines('FROM node:20', 'RUN yarn install'), 'yarn-version-unknown', { only, line: 2 });
});

test('pip: options with a value before the subcommand, and interpreter switches before -m pip', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN pip --proxy http://proxy:3128 install flask && python -u -m pip install gunicorn'),
    lines('FROM python:3.11', 'RUN pip --proxy http://proxy:3128 install --no-cache-dir flask && python -u -m pip install --no-cache-dir gunicorn'),
    { only },
  );
});

// gem / conda

test('gem install gets --no-document (where the base image does not turn the docs off itself)', async () => {
  await expectOutput(lines('FROM ubuntu:24.04', 'RUN gem install bundler'), lines('FROM ubuntu:24.04', 'RUN gem install --no-document bundler'), { only });
});

test('left alone: gem with -N', async () => {
  await expectUnchanged(lines('FROM ruby:3.3', 'RUN gem install -N bundler'), null, { only });
});

test('conda: `conda clean -afy` after install and env create', async () => {
  await expectOutput(
    lines('FROM continuumio/miniconda3', 'RUN conda env create -f environment.yml'),
    lines('FROM continuumio/miniconda3', 'RUN conda env create -f environment.yml \\', '    && conda clean -afy'),
    { only },
  );
});

test('conda run by its path is cleaned by that path (PATH may not have it); a temp folder named like it is not conda', async () => {
  await expectOutput(
    lines('FROM continuumio/miniconda3', 'RUN /opt/conda/bin/conda env update -n base -f /tmp/conda-tmp/environment.yml && rm -rf /tmp/conda-tmp'),
    lines('FROM continuumio/miniconda3', 'RUN /opt/conda/bin/conda env update -n base -f /tmp/conda-tmp/environment.yml && rm -rf /tmp/conda-tmp \\', '    && /opt/conda/bin/conda clean -afy'),
    { only },
  );
  const result = await expectUnchanged(lines('FROM continuumio/miniconda3', 'RUN /opt/conda/bin/conda install -y x && rm -rf /opt/conda'), null, { only });
  assert.equal(result.notes.map((n) => n.message), ['conda cache left: conda is removed before the end of the RUN (`rm` of /opt/conda)']);
});

// archives

test('an archive downloaded and extracted in the same RUN is removed', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN curl -fsSLo /tmp/go.tgz https://go.dev/dl/go.tgz && tar -C /usr/local -xzf /tmp/go.tgz'),
    lines('FROM debian', 'RUN curl -fsSLo /tmp/go.tgz https://go.dev/dl/go.tgz && tar -C /usr/local -xzf /tmp/go.tgz \\', '    && rm -f /tmp/go.tgz'),
    { only },
  );
  await expectOutput(
    lines('FROM debian', 'RUN wget -O tool.zip https://example.com/tool.zip && unzip tool.zip -d /opt'),
    lines('FROM debian', 'RUN wget -O tool.zip https://example.com/tool.zip && unzip tool.zip -d /opt \\', '    && rm -f tool.zip'),
    { only },
  );
});

test('left alone: the archive is already removed, or used later', async () => {
  await expectUnchanged(lines('FROM debian', 'RUN curl -o /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz && rm /tmp/a.tgz'), null, { only });
  await expectRefused(lines('FROM debian', 'RUN curl -o /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz', 'RUN sha256sum /tmp/a.tgz'), 'archive-used-later', { only, line: 2 });
});

test('a relative archive path after a cd: resolved where the directory of the download is known, else left alone', async () => {
  await expectOutput(
    lines('FROM debian', 'WORKDIR /src', 'RUN curl -o a.tgz https://x/a.tgz && tar xzf a.tgz && cd /opt && make'),
    lines('FROM debian', 'WORKDIR /src', 'RUN curl -o a.tgz https://x/a.tgz && tar xzf a.tgz && cd /opt && make \\', '    && rm -f /src/a.tgz'),
    { only },
  );
  await expectRefused(lines('FROM example.com/base', 'RUN curl -o a.tgz https://x/a.tgz && tar xzf a.tgz && cd /opt && make'), 'working-directory-changes', { only, line: 2 });
});

test('an archive the RUN already removes by a relative path, after a cd or at WORKDIR, gets no second rm', async () => {
  await expectUnchanged(lines('FROM debian', 'RUN curl -fsSL -o /opt/s/d.zip https://e/d.zip && cd /opt/s; unzip d.zip; rm -rf d.zip'), null, { only });
  await expectUnchanged(lines('FROM debian', 'WORKDIR /opt/s', 'RUN curl -fsSL -o /opt/s/d.zip https://e/d.zip && unzip d.zip && rm d.zip'), null, { only });
  await expectUnchanged(lines('FROM debian', 'RUN cd /opt/s && wget https://e/d.tar.gz && tar xzf /opt/s/d.tar.gz && rm /opt/s/d.tar.gz'), null, { only });
});

test('`wget URL` and `curl -O URL` save to the URL\'s name in the current directory: removed there once extracted', async () => {
  await expectOutput(
    lines('FROM debian', 'WORKDIR /opt', 'RUN wget https://example.com/sdk.tar.gz && tar xzf sdk.tar.gz && /opt/sdk/install.sh'),
    lines('FROM debian', 'WORKDIR /opt', 'RUN wget https://example.com/sdk.tar.gz && tar xzf sdk.tar.gz && /opt/sdk/install.sh \\', '    && rm -f sdk.tar.gz'),
    { only },
  );
  await expectOutput(
    lines('FROM debian', 'RUN cd /tmp && curl -fsSLO https://example.com/a.tar.gz && tar xzf a.tar.gz -C /usr/local && cd /'),
    lines('FROM debian', 'RUN cd /tmp && curl -fsSLO https://example.com/a.tar.gz && tar xzf a.tar.gz -C /usr/local && cd / \\', '    && rm -f /tmp/a.tar.gz'),
    { only },
  );
  await expectOutput(
    lines('FROM debian', 'RUN wget -P /tmp https://example.com/c.zip && unzip /tmp/c.zip -d /opt/c'),
    lines('FROM debian', 'RUN wget -P /tmp https://example.com/c.zip && unzip /tmp/c.zip -d /opt/c \\', '    && rm -f /tmp/c.zip'),
    { only },
  );
  // To standard output, under a name the server picks, or with a query string: no file dfmod can name.
  await expectUnchanged(lines('FROM debian', 'RUN wget -qO- https://example.com/b.tar.gz | tar xz'), null, { only });
  await expectUnchanged(lines('FROM debian', 'RUN wget --content-disposition https://example.com/get/b.tar.gz && tar xzf b.tar.gz'), null, { only });
  await expectUnchanged(lines('FROM debian', 'RUN curl -fsSLOJ https://example.com/b.tar.gz && tar xzf b.tar.gz'), null, { only });
  await expectUnchanged(lines('FROM debian', 'RUN wget https://example.com/b.tar.gz?v=1 && tar xzf b.tar.gz'), null, { only });
});

test('merge-runs then cache-cleanup: a download and its extraction joined into one RUN lose the tarball there (the install, a step of its own, stays apart)', async () => {
  const result = await expectOutput(
    lines('FROM debian:12', 'WORKDIR /opt', 'RUN wget https://example.com/sdk.tar.gz', 'RUN tar xzf sdk.tar.gz', 'RUN /opt/sdk/install.sh', 'CMD ["sdk"]'),
    lines(
      'FROM debian:12', 'WORKDIR /opt',
      'RUN wget https://example.com/sdk.tar.gz \\', '    && tar xzf sdk.tar.gz \\', '    && rm -f sdk.tar.gz',
      'RUN /opt/sdk/install.sh',
      'CMD ["sdk"]',
    ),
    { only: ['merge-runs', 'cache-cleanup'] },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.message]), [
    ['merge-runs', 'merged 2 RUN instructions into one layer'],
    ['cache-cleanup', 'downloaded archive sdk.tar.gz removed in the RUN that created it: `rm -f sdk.tar.gz`'],
  ]);
});

test('left alone: a download that is not extracted', async () => {
  await expectUnchanged(lines('FROM debian', 'RUN curl -o /usr/local/bin/tool https://x/tool && chmod +x /usr/local/bin/tool'), null, { only });
});

// shell structure

test('cleanups for two managers in one RUN land together, before a trailing comment', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN npm ci; pip install --no-cache-dir x # deps'),
    lines('FROM node:20', 'RUN npm ci; pip install --no-cache-dir x \\', '    && npm cache clean --force # deps'),
    { only },
  );
});

test('left alone: a RUN that runs a background job', async () => {
  await expectUnchanged(lines('FROM node:20', 'RUN npm ci & wait'), /^npm cache left: it runs a background job \(`&`\)$/, { only });
  await expectRefused(lines('FROM node:20', 'RUN npm ci & wait'), 'background-job', { only, line: 2 });
});

test('left alone: suppressed with a dfmod-ignore comment', async () => {
  await expectUnchanged(lines('FROM alpine', '# dfmod-ignore cache-cleanup', 'RUN apk add curl'), null, { only });
});

test('heredoc and JSON-form RUNs are not touched', async () => {
  await expectUnchanged(lines('FROM alpine', 'RUN ["apk", "add", "curl"]'), null, { only });
  await expectUnchanged(lines('# syntax=docker/dockerfile:1', 'FROM alpine', 'RUN <<EOF', 'apk add curl', 'EOF'), null, { only });
});

test('a build stage that is not in the final image: prompt answers yes, no-cache flags and cleanups no (they would only cost time)', async () => {
  await expectUnchanged(lines('FROM node:20 AS deps', 'RUN npm ci && pip install x', 'FROM node:20-slim', 'COPY --from=deps /app /app'), null, { only });
  await expectOutput(
    lines('FROM fedora AS build', 'RUN dnf install make', 'FROM scratch', 'COPY --from=build /x /x'),
    lines('FROM fedora AS build', 'RUN dnf install -y make', 'FROM scratch', 'COPY --from=build /x /x'),
    { only },
  );
});

test('a stage the final one is built FROM is in the image', async () => {
  await expectOutput(
    lines('FROM node:20 AS base', 'RUN npm ci', 'FROM base'),
    lines('FROM node:20 AS base', 'RUN npm ci \\', '    && npm cache clean --force', 'FROM base'),
    { only },
  );
});

test('the optimised example app is left unchanged by both cleanup transforms', async () => {
  const text = readFileSync(new URL('./e2e/apps/optimised/Dockerfile', import.meta.url), 'utf8');
  await expectUnchanged(text, null, { only: ['apt-cleanup', 'cache-cleanup'] });
});

test('apt-cleanup and cache-cleanup together on one RUN', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN apt-get update && apt install libpq5 && pip install psycopg'),
    lines('FROM python:3.11', 'RUN apt-get update && apt-get install -y libpq5 && pip install --no-cache-dir psycopg \\', '    && rm -rf /var/lib/apt/lists/*'),
    { only: ['apt-cleanup', 'cache-cleanup'] },
  );
});

// What reviewers sent back on public Dockerfiles: nothing redundant, nothing missed, the right user.

test("pip's `--no-cache` is its `--no-cache-dir` (an abbreviation pip accepts): nothing added", async () => {
  await expectUnchanged(lines('FROM python:3.11', 'RUN pip install --no-cache flask'), null, { only });
});

test('`apk add --no-network` downloads nothing: no --no-cache added', async () => {
  await expectUnchanged(lines('FROM alpine:3.19', 'RUN apk add --no-network /tmp/pkgs/foo.apk'), null, { only });
});

test('`yarn --version` installs nothing: no yarn cache note', async () => {
  const result = await expectUnchanged(lines('FROM node:20', 'RUN yarn --version'), null, { only });
  if (result.notes.length) throw new Error(`expected no notes, got ${JSON.stringify(result.notes)}`);
});

test('a cleanup runs as the install did: `sudo` and `sudo -u node` are kept in front of it', async () => {
  await expectOutput(
    lines('FROM node:20', 'USER node', 'RUN sudo npm install -g pm2'),
    lines('FROM node:20', 'USER node', 'RUN sudo npm install -g pm2 \\', '    && sudo npm cache clean --force'),
    { only },
  );
  await expectOutput(
    lines('FROM node:20', 'RUN sudo -u node npm install -g pm2'),
    lines('FROM node:20', 'RUN sudo -u node npm install -g pm2 \\', '    && sudo -u node npm cache clean --force'),
    { only },
  );
});

test('pip extras (`fastapi[all]`, quoted or not) do not stop --no-cache-dir; a variable still does', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN pip install "uvicorn[standard]" fastapi[all]'),
    lines('FROM python:3.11', 'RUN pip install --no-cache-dir "uvicorn[standard]" fastapi[all]'),
    { only },
  );
  await expectUnchanged(lines('FROM python:3.11', 'RUN pip install $PIP_FLAGS flask'), null, { only });
});

test('a downloaded .deb installed with dpkg -i or apt-get install is removed by the same RUN', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN curl -fsSLo /tmp/x.deb https://example.com/x.deb && dpkg -i /tmp/x.deb'),
    lines('FROM debian:bookworm', 'RUN curl -fsSLo /tmp/x.deb https://example.com/x.deb && dpkg -i /tmp/x.deb \\', '    && rm -f /tmp/x.deb'),
    { only },
  );
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN wget -O /tmp/y.deb https://example.com/y.deb && apt-get install -y /tmp/y.deb'),
    lines('FROM debian:bookworm', 'RUN wget -O /tmp/y.deb https://example.com/y.deb && apt-get install -y /tmp/y.deb \\', '    && rm -f /tmp/y.deb'),
    { only },
  );
});

test('an archive already removed by a glob or with its folder gets no second rm', async () => {
  await expectUnchanged(lines('FROM debian', 'RUN curl -o /tmp/x.tar.gz https://e/x && tar xzf /tmp/x.tar.gz -C /opt && rm -rf /tmp/x*'), null, { only });
  await expectUnchanged(lines('FROM debian', 'RUN curl -o /tmp/b/x.tar.gz https://e/x && tar xzf /tmp/b/x.tar.gz -C /opt && rm -rf /tmp/b'), null, { only });
});

// A cleanup that runs the manager is added only where the manager is still installed at the end of the RUN.

/** The RUNs of each case, which remove npm before they end, and the note when dfmod cannot tell where npm's cache is. */
const NPM_REMOVED: [string[], string][] = [
  [['FROM debian:12', 'RUN apt-get update && apt-get install -y npm && npm install -g pnpm && apt-get purge -y npm'], 'npm cache left: npm is removed before the end of the RUN (`apt-get purge` of npm)'],
  [['FROM node:20', 'RUN npm install -g pnpm && apt-get remove -y npm'], 'npm cache left: npm is removed before the end of the RUN (`apt-get remove` of npm)'],
  [['FROM node:20-alpine', 'RUN npm ci && apk del npm'], 'npm cache left: npm is removed before the end of the RUN (`apk del` of npm)'],
  [['FROM node:20', 'RUN npm install -g pnpm && rm -rf /usr/lib/node_modules/npm'], 'npm cache left: npm is removed before the end of the RUN (`rm` of /usr/lib/node_modules/npm)'],
  [['FROM node:20', 'RUN npm ci && rm -rf /usr/local/lib/node_modules/*'], 'npm cache left: npm is removed before the end of the RUN (`rm` of /usr/local/lib/node_modules/*)'],
  [['FROM node:20', 'WORKDIR /usr/local/lib', 'RUN npm ci && rm -rf node_modules'], 'npm cache left: npm is removed before the end of the RUN (`rm` of node_modules)'],
  [['FROM alpine:3.19', 'RUN apk add --no-cache --virtual .build nodejs npm && npm ci && apk del .build'], 'npm cache left: npm is removed before the end of the RUN (`apk del` of .build, which holds nodejs)'],
  [['FROM debian:12', "RUN deps='nodejs npm' && apt-get update && apt-get install -y $deps && npm ci && apt-get purge -y $deps"], 'npm cache left: npm is removed before the end of the RUN (`apt-get purge` of nodejs)'],
  [['FROM node:20', 'RUN npm ci && apt-get purge -y $EXTRA'], 'npm cache left: npm may be removed before the end of the RUN (`apt-get purge` of $EXTRA)'],
  [['FROM node:20', 'RUN npm install undici@6.27.0 && rm -rf /usr/local/lib/node_modules/npm/node_modules/undici && cp -r node_modules/undici /usr/local/lib/node_modules/npm/node_modules/'], 'npm cache left: npm may not run at the end of the RUN (`rm` of /usr/local/lib/node_modules/npm/node_modules/undici, inside its install)'],
];

test('npm removed by the RUN (purged, deleted, its package group dropped): its cache folder is removed instead, with no npm', async () => {
  for (const [input] of NPM_REMOVED) {
    const result = await expectOutput(lines(...input), lines(...input.slice(0, -1), `${input[input.length - 1]} \\`, '    && rm -rf /root/.npm'), { only });
    assert.equal(result.changes.map((c) => c.message), ['npm cache removed in the RUN that created it: `rm -rf /root/.npm`']);
  }
  // The reviewers' case: npm purged after a global install.
  await expectOutput(
    lines('FROM ubuntu:jammy', 'RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \\', '    && npm install -g rtlcss \\',
      '    && apt-get purge --autoremove -y npm \\', '    && rm -rf /var/lib/apt/lists/*'),
    lines('FROM ubuntu:jammy', 'RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \\', '    && npm install -g rtlcss \\',
      '    && apt-get purge --autoremove -y npm \\', '    && rm -rf /var/lib/apt/lists/* \\', '    && rm -rf /root/.npm'),
    { only },
  );
  // HOME as ENV gives it.
  await expectOutput(lines('FROM node:20', 'ENV HOME=/home/app', 'RUN npm ci && apt-get purge -y npm'),
    lines('FROM node:20', 'ENV HOME=/home/app', 'RUN npm ci && apt-get purge -y npm \\', '    && rm -rf /home/app/.npm'), { only });
});

test('npm removed by the RUN, and where its cache is not known (HOME computed, set by the RUN, another user): the note says by what', async () => {
  for (const [input, message] of NPM_REMOVED) {
    const result = await expectUnchanged(lines(input[0]!, 'ARG HOME_DIR', 'ENV HOME=${HOME_DIR}', ...input.slice(1)), null, { only });
    assert.equal(result.notes.filter((n) => n.id === 'manager-removed').map((n) => n.message), [message]);
  }
  for (const input of [
    lines('FROM node:20', 'RUN export HOME=/tmp && npm ci && apt-get purge -y npm'),
    lines('FROM node:20', 'RUN sudo -u app npm ci && apt-get purge -y npm'),
    lines('FROM node:20', 'USER node', 'RUN npm ci && rm -rf /usr/local/lib/node_modules/npm'),
  ]) {
    const result = await expectUnchanged(input, null, { only });
    assert.equal(result.notes.map((n) => n.id), ['manager-removed']);
  }
});

test('yarn removed by the RUN: no `yarn cache clean`', async () => {
  const files = { 'package.json': '{"name":"app"}', 'yarn.lock': '' };
  const result = await expectUnchanged(lines('FROM node:20', 'COPY . .', 'RUN yarn install && npm uninstall -g yarn'), null, { only, files });
  assert.equal(result.notes.map((n) => n.message), ['yarn cache left: yarn is removed before the end of the RUN (`npm uninstall` of yarn)']);
  const deleted = await expectUnchanged(lines('FROM node:20', 'COPY . .', 'RUN yarn install && rm -rf /opt/yarn-v1.22.19'), null, { only, files });
  assert.equal(deleted.notes.map((n) => n.message), ['yarn cache left: yarn is removed before the end of the RUN (`rm` of /opt/yarn-v1.22.19)']);
});

test('npm still installed: a project\'s node_modules deleted, a group without npm dropped, a package kept: `npm cache clean` is added', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'RUN npm ci && npm run build && rm -rf node_modules'),
    lines('FROM node:20', 'WORKDIR /app', 'RUN npm ci && npm run build && rm -rf node_modules \\', '    && npm cache clean --force'),
    { only },
  );
  await expectOutput(
    lines('FROM node:20', 'RUN npm ci && rm -rf /app/node_modules'),
    lines('FROM node:20', 'RUN npm ci && rm -rf /app/node_modules \\', '    && npm cache clean --force'),
    { only },
  );
  await expectOutput(
    lines('FROM node:20-alpine', 'RUN apk add --no-cache --virtual .gyp python3 make g++ && npm ci && apk del .gyp'),
    lines('FROM node:20-alpine', 'RUN apk add --no-cache --virtual .gyp python3 make g++ && npm ci && apk del .gyp \\', '    && npm cache clean --force'),
    { only },
  );
  // `npm uninstall` without -g takes a package out of the project, not npm out of the image.
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'RUN npm ci && npm uninstall npm-run-all'),
    lines('FROM node:20', 'WORKDIR /app', 'RUN npm ci && npm uninstall npm-run-all \\', '    && npm cache clean --force'),
    { only },
  );
});

test('npm: a cache the project places (.npmrc `cache=`, npm_config_cache, --cache) is not cleaned', async () => {
  await expectRefused(lines('FROM node:20', 'COPY . .', 'RUN npm ci --prefer-online'), 'cache-configured',
    { only, files: { '.npmrc': 'cache=./npm-offline-cache\n', 'package.json': '{}' } });
  await expectUnchanged(lines('FROM node:20', 'ENV npm_config_cache=/app/.npm-cache', 'RUN npm ci'), null, { only });
  await expectUnchanged(lines('FROM node:20', 'RUN npm ci --cache /app/.npm-cache'), null, { only });
});

test('yum on RHEL 8 and later is dnf: its cache is /var/cache/dnf; on CentOS 7 it is /var/cache/yum', async () => {
  await expectOutput(lines('FROM redhat/ubi9', 'RUN yum install -y git'),
    lines('FROM redhat/ubi9', 'RUN yum install -y git \\', '    && yum clean all \\', '    && rm -rf /var/cache/dnf'), { only });
  await expectOutput(lines('FROM centos:7', 'RUN yum install -y git'),
    lines('FROM centos:7', 'RUN yum install -y git \\', '    && yum clean all \\', '    && rm -rf /var/cache/yum'), { only });
});

test('a RUN on a Windows base known only by its name (`node-windows`) is left alone: its SHELL may be PowerShell', async () => {
  await expectUnchanged(lines('FROM stefanscherer/node-windows:6.9.2-nano', 'WORKDIR /app', 'ADD ./package.json /app/package.json', 'RUN npm install --unsafe-perm=true'), null, { only });
});


// Conditional installs: a cleanup runs exactly when the install it cleans up after ran.

test('npm installed and used in a one-line if branch: its cache clean goes in the branch, not after fi where npm may be missing', async () => {
  await expectOutput(
    lines('FROM ubuntu:24.04', 'ARG WITH_NODE=false', 'RUN if [ "$WITH_NODE" = true ]; then curl -fsSL https://example.org/node.sh | bash && apt-get install -y nodejs && npm install -g yarn; fi'),
    lines('FROM ubuntu:24.04', 'ARG WITH_NODE=false', 'RUN if [ "$WITH_NODE" = true ]; then curl -fsSL https://example.org/node.sh | bash && apt-get install -y nodejs && npm install -g yarn && npm cache clean --force; fi'),
    { only: ['cache-cleanup'] },
  );
});

test('a branch on continuation lines ending in `; \\`: the cleanup is a continuation line of the install, before the `;`', async () => {
  await expectOutput(
    lines('FROM ubuntu:24.04', 'RUN if [ -n "$WITH_NODE" ]; then \\', '      npm install -g pnpm; \\', '    fi'),
    lines('FROM ubuntu:24.04', 'RUN if [ -n "$WITH_NODE" ]; then \\', '      npm install -g pnpm \\', '      && npm cache clean --force; \\', '    fi'),
    { only: ['cache-cleanup'] },
  );
});

test('a branch written `&& \\` at line ends: the cleanup follows that style', async () => {
  await expectOutput(
    lines('FROM rockylinux:9', 'RUN if [ -n "$WITH_GCC" ]; then \\', '      yum install -y gcc && \\', '      gcc --version; \\', '    fi'),
    lines('FROM rockylinux:9', 'RUN if [ -n "$WITH_GCC" ]; then \\', '      yum install -y gcc && \\', '      gcc --version && \\', '      yum clean all && \\', '      rm -rf /var/cache/dnf; \\', '    fi'),
    { only: ['cache-cleanup'] },
  );
});

test('npm installs in both branches of an if/else: each branch gets its own cache clean', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN if [ -n "$LEGACY" ]; then npm install -g grunt-cli; else npm install -g gulp-cli; fi'),
    lines('FROM node:20', 'RUN if [ -n "$LEGACY" ]; then npm install -g grunt-cli && npm cache clean --force; else npm install -g gulp-cli && npm cache clean --force; fi'),
    { only: ['cache-cleanup'] },
  );
});

test('a branch that already cleans its npm cache: only the other branch gets one', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN if [ -n "$LEGACY" ]; then npm install -g grunt-cli && npm cache clean --force; else npm install -g gulp-cli; fi'),
    lines('FROM node:20', 'RUN if [ -n "$LEGACY" ]; then npm install -g grunt-cli && npm cache clean --force; else npm install -g gulp-cli && npm cache clean --force; fi'),
    { only: ['cache-cleanup'] },
  );
});

test('npm installs in two separate ifs: each if gets its own cache clean', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN if [ -n "$A" ]; then npm install -g grunt-cli; fi && if [ -n "$B" ]; then npm install -g gulp-cli; fi'),
    lines('FROM node:20', 'RUN if [ -n "$A" ]; then npm install -g grunt-cli && npm cache clean --force; fi && if [ -n "$B" ]; then npm install -g gulp-cli && npm cache clean --force; fi'),
    { only: ['cache-cleanup'] },
  );
});

test('an npm install outside the if and one inside: one cache clean at the end of the RUN, where npm surely exists', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN npm install -g grunt-cli && if [ -n "$B" ]; then npm install -g gulp-cli; fi'),
    lines('FROM node:20', 'RUN npm install -g grunt-cli && if [ -n "$B" ]; then npm install -g gulp-cli; fi \\', '    && npm cache clean --force'),
    { only: ['cache-cleanup'] },
  );
});

test('an install in a case item: the cleanup goes in that item', async () => {
  await expectOutput(
    lines('FROM rockylinux:9', 'RUN case "$FLAVOR" in full) yum install -y vim;; *) echo minimal;; esac'),
    lines('FROM rockylinux:9', 'RUN case "$FLAVOR" in full) yum install -y vim && yum clean all && rm -rf /var/cache/dnf;; *) echo minimal;; esac'),
    { only: ['cache-cleanup'] },
  );
});

test('apk add --update gets --no-cache in its place: --no-cache fetches a fresh index itself', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --update bash openssh-client'),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache bash openssh-client'),
    { only: ['cache-cleanup'] },
  );
});

test('apk add -U and --update-cache give way to --no-cache too, wherever they stand', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --virtual .tools -U rsync', 'RUN apk --update-cache \\', '    add tzdata'),
    lines('FROM alpine:3.20', 'RUN apk add --virtual .tools --no-cache rsync', 'RUN apk \\', '    add --no-cache tzdata'),
    { only: ['cache-cleanup'] },
  );
});

test('apk add that already has both --no-cache and --update is left as written', async () => {
  await expectUnchanged(lines('FROM alpine:3.20', 'RUN apk add --no-cache --update tini'), null, { only: ['cache-cleanup'] });
});

test('a redundant rm of the apk cache in a stage only copied from is left: its layers ship in no image', async () => {
  await expectUnchanged(
    lines(
      'FROM alpine:3.20 AS download',
      'RUN apk add --no-cache wget \\',
      '    && wget -q -O /usr/local/bin/yq https://example.org/yq_linux_amd64 \\',
      '    && rm -rf /var/cache/apk/*',
      'FROM alpine:3.20',
      'COPY --from=download /usr/local/bin/yq /usr/local/bin/yq',
    ),
    null,
    { only: ['cache-cleanup'] },
  );
});

test('the same redundant rm in the stage that ships is removed', async () => {
  await expectOutput(
    lines('FROM alpine:3.20 AS download', 'RUN apk add --no-cache wget && rm -rf /var/cache/apk/*', 'FROM alpine:3.20', 'COPY --from=download /usr/bin/wget /usr/bin/wget', 'RUN apk add --no-cache jq && rm -rf /var/cache/apk/*'),
    lines('FROM alpine:3.20 AS download', 'RUN apk add --no-cache wget && rm -rf /var/cache/apk/*', 'FROM alpine:3.20', 'COPY --from=download /usr/bin/wget /usr/bin/wget', 'RUN apk add --no-cache jq'),
    { only: ['cache-cleanup'] },
  );
});

test('pip install of a package whose version is a variable gets --no-cache-dir: the variable is in a package word', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'ARG NUMPY_VERSION=1.26.4', 'RUN pip install "numpy==${NUMPY_VERSION}" scipy==$SCIPY_VERSION'),
    lines('FROM python:3.11', 'ARG NUMPY_VERSION=1.26.4', 'RUN pip install --no-cache-dir "numpy==${NUMPY_VERSION}" scipy==$SCIPY_VERSION'),
    { only: ['cache-cleanup'] },
  );
});

test('a word that starts with a variable may hold options: pip install "${PIP_OPTIONS}" is left', async () => {
  await expectUnchanged(lines('FROM python:3.11', 'RUN pip install "${PIP_OPTIONS}" httpx'), null, { only: ['cache-cleanup'] });
});

test('a pip install with a versioned package, merged with the RUN after it, gets --no-cache-dir', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'ENV JAX_VERSION=0.4.30', 'RUN pip install jax==${JAX_VERSION}', 'RUN rm -rf /usr/lib/python3/dist-packages/six.py'),
    lines('FROM python:3.11', 'ENV JAX_VERSION=0.4.30', 'RUN pip install --no-cache-dir jax==${JAX_VERSION} \\', '    && rm -rf /usr/lib/python3/dist-packages/six.py'),
    { only: ['merge-runs', 'cache-cleanup'] },
  );
});

test('an archive curl writes through a shell redirect and tar extracts is removed in that RUN', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN curl -fsSL https://example.org/protoc.tar.gz > /tmp/protoc.tar.gz && tar -xzf /tmp/protoc.tar.gz -C /usr/local'),
    lines('FROM debian:bookworm', 'RUN curl -fsSL https://example.org/protoc.tar.gz > /tmp/protoc.tar.gz && tar -xzf /tmp/protoc.tar.gz -C /usr/local \\', '    && rm -f /tmp/protoc.tar.gz'),
    { only: ['cache-cleanup'] },
  );
});

test('wget -qO- redirected to a file that unzip extracts is removed; curl redirected to /dev/null keeps nothing', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'WORKDIR /opt', 'RUN wget -qO- https://example.org/fonts.zip > fonts.zip && unzip fonts.zip', 'RUN curl -fsS https://example.org/ping > /dev/null && echo up'),
    lines('FROM debian:bookworm', 'WORKDIR /opt', 'RUN wget -qO- https://example.org/fonts.zip > fonts.zip && unzip fonts.zip \\', '    && rm -f fonts.zip', 'RUN curl -fsS https://example.org/ping > /dev/null && echo up'),
    { only: ['cache-cleanup'] },
  );
});

test('a redirected download and its extraction in two RUNs: merged, then the archive is removed', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN curl -fsSL https://example.org/jdk.tar.gz > /tmp/jdk.tar.gz', 'RUN tar -C /opt -xf /tmp/jdk.tar.gz'),
    lines('FROM debian:bookworm', 'RUN curl -fsSL https://example.org/jdk.tar.gz > /tmp/jdk.tar.gz \\', '    && tar -C /opt -xf /tmp/jdk.tar.gz \\', '    && rm -f /tmp/jdk.tar.gz'),
    { only: ['merge-runs', 'cache-cleanup'] },
  );
});

test('uv pip install, uv sync and uv tool install get --no-cache, as uv\'s Docker guide advises without a cache mount', async () => {
  await expectOutput(
    lines(
      'FROM python:3.12-slim',
      'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv',
      'RUN uv pip install --system gunicorn',
      'WORKDIR /srv',
      'COPY pyproject.toml uv.lock ./',
      'RUN uv --project /srv sync --locked',
      'RUN uv tool install black',
    ),
    lines(
      'FROM python:3.12-slim',
      'COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv',
      'RUN uv pip install --no-cache --system gunicorn',
      'WORKDIR /srv',
      'COPY pyproject.toml uv.lock ./',
      'RUN uv --project /srv sync --no-cache --locked',
      'RUN uv tool install --no-cache black',
    ),
    { only: ['cache-cleanup'] },
  );
});

test('uv left as written where its cache is already decided: -n, a cache mount, UV_NO_CACHE', async () => {
  await expectUnchanged(
    lines(
      'FROM python:3.12-slim',
      'RUN uv -n pip install --system rich',
      'RUN --mount=type=cache,target=/root/.cache/uv uv pip install --system click',
      'ENV UV_NO_CACHE=1',
      'RUN uv pip install --system attrs',
    ),
    null,
    { only: ['cache-cleanup'] },
  );
});

test('a uv install whose cache a later `uv sync --offline` reads keeps it, with a note', async () => {
  await expectRefused(
    lines('FROM python:3.12-slim', 'WORKDIR /srv', 'COPY . .', 'RUN uv sync --locked --no-install-project', 'RUN uv sync --locked --offline'),
    'offline-install-later',
    { only: ['cache-cleanup'], line: 4 },
  );
});

test('an install after `exec` in its branch never runs: nothing is added, and a note says why', async () => {
  const result = await expectRefused(
    lines('FROM node:20', 'ARG DEBUG=0', 'RUN if [ "$DEBUG" = 1 ]; then exec sh && npm install -g nodemon; fi'),
    'after-exec',
    { only: ['cache-cleanup'], line: 3 },
  );
  const note = result.notes.find((n) => n.id === 'after-exec')!;
  assert.match(note.message, /`npm install -g nodemon` never runs: `exec sh` before it replaces the shell/);
});

test('a cleanup goes before an `exec` that ends the RUN, right after the install', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN npm install -g serve && exec sh', 'RUN yarn global add http-server; exec node --version'),
    lines('FROM node:20', 'RUN npm install -g serve && npm cache clean --force && exec sh', 'RUN yarn global add http-server; yarn cache clean && exec node --version'),
    { only: ['cache-cleanup'] },
  );
});

test('`exec` with only redirections goes on with the script: the cleanup stays at the end', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN exec >/tmp/build.log 2>&1; npm install -g typescript'),
    lines('FROM node:20', 'RUN exec >/tmp/build.log 2>&1; npm install -g typescript \\', '    && npm cache clean --force'),
    { only: ['cache-cleanup'] },
  );
});

test('an `exec` in a branch after the install: the cache is left with a note, since a cleanup at the end may not run', async () => {
  await expectRefused(
    lines('FROM node:20', 'RUN npm install -g pm2 && if [ -n "$SHELL_AFTER" ]; then exec bash; fi'),
    'exec-ends-script',
    { only: ['cache-cleanup'], line: 2 },
  );
});

test('an archive extracted before `exec`: its rm goes before the exec', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN curl -fsSLo /tmp/go.tgz https://example.org/go.tgz && tar -C /usr/local -xzf /tmp/go.tgz && exec sh'),
    lines('FROM debian:bookworm', 'RUN curl -fsSLo /tmp/go.tgz https://example.org/go.tgz && tar -C /usr/local -xzf /tmp/go.tgz && rm -f /tmp/go.tgz && exec sh'),
    { only: ['cache-cleanup'] },
  );
});

test.run();

test('no cache flag where the RUN removes the cache with more after its last install (`rm -rf /root/.cache`, `rm -rf /tmp/* /var/cache/apk/*`): it would change no byte (review round 13)', async () => {
  await expectUnchanged(lines('FROM python:3.12-alpine', 'RUN pip install flask; rm -rf /root/.cache;', 'CMD ["python", "app.py"]'), null, { only });
  await expectUnchanged(lines('FROM alpine:3.20', 'RUN apk add git && rm -rf /tmp/* /var/cache/apk/*', 'CMD ["git"]'), null, { only });
  // Removed before a later install, the cache of that one stays: it gets the flag.
  await expectOutput(
    lines('FROM python:3.12-alpine', 'RUN pip install a && rm -rf /root/.cache && pip install b', 'CMD ["python", "app.py"]'),
    lines('FROM python:3.12-alpine', 'RUN pip install --no-cache-dir a && rm -rf /root/.cache && pip install --no-cache-dir b', 'CMD ["python", "app.py"]'),
    { only },
  );
});

test("ruby's gemrc reaches images named by Rails' registry.docker.com and jekyll's images built on it; openEuler's yum is dnf (review round 13)", async () => {
  await expectUnchanged(lines('FROM registry.docker.com/library/ruby:3.3-slim', 'RUN gem install bundler', 'CMD ["irb"]'), null, { only });
  await expectUnchanged(lines('FROM jekyll/minimal', 'RUN gem install webrick', 'CMD ["jekyll", "serve"]'), null, { only });
  await expectOutput(
    lines('FROM openeuler/openeuler:22.03-lts-sp2', 'RUN yum install -y gcc', 'CMD ["bash"]'),
    lines('FROM openeuler/openeuler:22.03-lts-sp2', 'RUN yum install -y gcc \\', '    && yum clean all \\', '    && rm -rf /var/cache/dnf', 'CMD ["bash"]'),
    { only },
  );
});

test('a cleanup appended to a `set -e` script of `;` statements takes its separator (review round 13)', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN set -eux ; \\', '    apk update ; \\', '    apk add --no-cache curl ; \\', '    apk cache clean ;', 'CMD ["sh"]'),
    lines('FROM alpine:3.20', 'RUN set -eux ; \\', '    apk update ; \\', '    apk add --no-cache curl ; \\', '    apk cache clean ; \\', '    rm -rf /var/cache/apk/* ;', 'CMD ["sh"]'),
    { only },
  );
  // Without errexit, `;` would let the RUN pass where the last command failed: `&&` it is.
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk update ; \\', '    apk add --no-cache curl ; \\', '    apk cache clean', 'CMD ["sh"]'),
    lines('FROM alpine:3.20', 'RUN apk update ; \\', '    apk add --no-cache curl ; \\', '    apk cache clean \\', '    && rm -rf /var/cache/apk/*', 'CMD ["sh"]'),
    { only },
  );
});

test('a `set -e` script whose last statement is an `&&` list gets `&&`: after `;` its failure would no longer fail the RUN (review round 14, a C)', async () => {
  await expectOutput(
    lines('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN set -eux; \\', '    microdnf install -y gnupg wget; \\', '    wget -q https://x/y.zip && sha256sum -c y.sha', 'CMD ["sh"]'),
    lines('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN set -eux; \\', '    microdnf install -y gnupg wget; \\', '    wget -q https://x/y.zip && sha256sum -c y.sha \\', '    && microdnf clean all', 'CMD ["sh"]'),
    { only },
  );
});

test('no --no-cache where a later `rm /var/cache/apk/*` without -f would fail on the empty cache it leaves (review round 14, a C)', async () => {
  const result = await expectUnchanged(
    lines('FROM alpine:3.19', 'RUN apk add -v --update curl', 'RUN echo done && rm /var/cache/apk/*', 'CMD ["sh"]'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[2, 'strict-removal-later', '--no-cache not added: the `rm` at line 3 has no -f, and would fail on the empty cache the flag leaves']]);
  // In the same RUN, an rm of the cache alone goes with the flag.
  await expectOutput(lines('FROM alpine:3.19', 'RUN apk add --update curl && rm /var/cache/apk/*', 'CMD ["sh"]'), lines('FROM alpine:3.19', 'RUN apk add --no-cache curl', 'CMD ["sh"]'), { only });
});

test('a downloaded archive named again only in an unrelated stage is removed: that stage sees other files (review round 14)', async () => {
  await expectOutput(
    lines('FROM debian AS a', 'RUN curl -o /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz', 'CMD ["bash"]', 'FROM debian AS b', 'RUN curl -o /tmp/a.tgz https://y/a.tgz && tar xzf /tmp/a.tgz && rm /tmp/a.tgz', 'CMD ["bash"]'),
    lines('FROM debian AS a', 'RUN curl -o /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz \\', '    && rm -f /tmp/a.tgz', 'CMD ["bash"]', 'FROM debian AS b', 'RUN curl -o /tmp/a.tgz https://y/a.tgz && tar xzf /tmp/a.tgz && rm /tmp/a.tgz', 'CMD ["bash"]'),
    { only },
  );
  // A stage built FROM it still counts.
  await expectRefused(lines('FROM debian AS a', 'RUN curl -o /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz', 'FROM a', 'RUN sha256sum /tmp/a.tgz'), 'archive-used-later', { only, line: 2 });
});

test('no --no-cache where a command the flag cannot go on fills the cache and the RUN removes it at its end (`apk --update upgrade … rm -rf /var/cache/apk/*`) (review round 15)', async () => {
  await expectUnchanged(
    lines('FROM alpine:3.17', 'RUN apk --update upgrade && \\', '    apk add ca-certificates && \\', '    apk add tzdata && \\', '    rm -rf /var/cache/apk/*', 'CMD ["sh"]'),
    null, { only });
});

test('no flag where the line above is the RUN with it, commented out: its author took it out (review round 15)', async () => {
  const result = await expectUnchanged(
    lines('FROM python:3.11', 'COPY requirements.txt .', '# RUN pip install --no-cache-dir -r requirements.txt', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[4, 'flag-taken-out']]);
});
