import { test } from 'uvu';
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

test('apk: with an `apk update` that stays (an `apk upgrade` reads the index), --no-cache would save nothing: not added', async () => {
  await expectUnchanged(lines('FROM alpine', 'RUN apk update && apk upgrade && apk add curl'), null, { only });
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

test('gem install gets --no-document', async () => {
  await expectOutput(lines('FROM ruby:3.3', 'RUN gem install bundler'), lines('FROM ruby:3.3', 'RUN gem install --no-document bundler'), { only });
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

test('left alone: a relative archive path after a cd', async () => {
  await expectRefused(lines('FROM debian', 'RUN curl -o a.tgz https://x/a.tgz && tar xzf a.tgz && cd /opt && make'), 'working-directory-changes', { only, line: 2 });
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

test.run();
