import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ARCH_NAMESPACES, describeImage, isWindowsImage, parseImageRef, runtimeImage } from '../lib/knowledge/index.js';

test('parseImageRef: registry, library/ prefix, tag, digest, build arguments', () => {
  assert.equal(parseImageRef('docker.io/library/node:20-slim'), {
    raw: 'docker.io/library/node:20-slim', registry: 'docker.io', repository: 'node', name: 'node', tag: '20-slim', digest: null, dynamic: false, arch: null,
  });
  const ref = parseImageRef('localhost:5000/team/app@sha256:abc');
  assert.equal([ref.registry, ref.repository, ref.tag, ref.digest], ['localhost:5000', 'team/app', null, 'sha256:abc']);
  assert.ok(parseImageRef('$BASE').dynamic);
});

test('parseImageRef: Docker Hub\'s per-architecture namespaces (arm64v8/debian) name their architecture; nothing else does', () => {
  assert.equal(parseImageRef('amd64/ubuntu:22.04'), {
    raw: 'amd64/ubuntu:22.04', registry: null, repository: 'amd64/ubuntu', name: 'amd64/ubuntu', tag: '22.04', digest: null, dynamic: false, arch: 'amd64',
  });
  assert.is(parseImageRef('docker.io/arm64v8/debian:12').arch, 'arm64v8');
  assert.is(parseImageRef('winamd64/python:3.12').arch, 'windows-amd64');
  assert.equal(Object.keys(ARCH_NAMESPACES), ['amd64', 'arm32v5', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'mips64le', 'ppc64le', 'riscv64', 's390x', 'winamd64']);
  // Another registry, a deeper path, a name that only starts like a namespace, an ordinary one.
  for (const other of ['ghcr.io/amd64/ubuntu:22.04', 'amd64/team/ubuntu:22.04', 'amd64x/ubuntu:22.04', 'mycorp/ubuntu:22.04', 'library/ubuntu:22.04']) {
    assert.is(parseImageRef(other).arch, null, other);
  }
});

test('describeImage: an official image from a per-architecture namespace, or under library/, is the image itself', () => {
  const info = (raw: string) => ({ ...describeImage(raw), ref: null });
  for (const namespace of Object.keys(ARCH_NAMESPACES).filter((n) => n !== 'winamd64')) {
    for (const image of ['ubuntu:22.04', 'debian:12', 'node:20-alpine', 'python:3.12-slim-bookworm']) {
      assert.equal(info(`${namespace}/${image}`), info(image), `${namespace}/${image}`);
      assert.equal(info(`docker.io/${namespace}/${image}`), info(image), `docker.io/${namespace}/${image}`);
    }
  }
  assert.equal(info('library/ubuntu:22.04'), info('ubuntu:22.04'));
  assert.equal([describeImage('amd64/ubuntu:22.04').family, describeImage('amd64/ubuntu:22.04').release?.codename], ['ubuntu', 'jammy']);
  assert.is(describeImage('amd64x/ubuntu:22.04').family, null);
  // winamd64 holds the Windows images: no Linux release, shell or package manager, whatever the tag says.
  const windows = describeImage('winamd64/python:3.12');
  assert.equal([windows.family, windows.os, windows.packageManager, windows.hasShell, windows.release], ['python', 'unknown', null, false, null]);
  assert.ok(isWindowsImage('winamd64/python:3.12'));
  assert.not.ok(isWindowsImage('arm64v8/python:3.12'));
});

test('runtimeImage: a per-architecture base gets its runtime from the same namespace, or none', () => {
  assert.equal(runtimeImage('arm64v8/python:3.12'), { image: 'arm64v8/python:3.12-slim' });
  assert.equal(runtimeImage('docker.io/amd64/node:20'), { image: 'amd64/node:20-slim' });
  assert.equal(runtimeImage('amd64/eclipse-temurin:17-jdk'), { image: 'amd64/eclipse-temurin:17-jre' });
  assert.equal(runtimeImage('arm32v7/golang:1.22'), {
    none: 'arm32v7/golang:1.22 is built for arm32v7 only, and its runtime image gcr.io/distroless/static-debian12 has no per-architecture repository',
  });
});

for (const [image, family] of [
  ['debian:bookworm-slim', 'debian'],
  ['ubuntu:22.04', 'debian'],
  ['node:20', 'debian'],
  ['node:20-alpine3.19', 'alpine'],
  ['python:3.11-slim-bookworm', 'debian'],
  ['alpine:3.20', 'alpine'],
  ['rockylinux:9', 'rhel'],
  // Red Hat's registry is where UBI lives: its images are RHEL (this was 'unknown').
  ['registry.access.redhat.com/ubi9/ubi-minimal', 'rhel'],
  ['scratch', 'none'],
  ['gcr.io/distroless/static-debian12', 'none'],
  ['busybox', 'none'],
  ['$BASE', 'unknown'],
  ['mycorp/base:1', 'unknown'],
  // Refinements: a specific OS marker wins over the generic jdk/jre one.
  ['eclipse-temurin:17-jre', 'debian'],
  ['eclipse-temurin:17-jre-alpine', 'alpine'],
  ['eclipse-temurin:17-jre-ubi9-minimal', 'rhel'],
  ['amazoncorretto:17', 'rhel'],
  ['amazoncorretto:17-alpine', 'alpine'],
  ['maven:3-amazoncorretto-17', 'rhel'],
  ['maven:3-amazoncorretto-17-debian', 'debian'],
  ['maven:3-eclipse-temurin-17', 'debian'],
  ['mysql:8.0', 'rhel'],
  ['mysql:8.0-oracle', 'rhel'],
  ['mysql:8.0-debian', 'debian'],
  ['traefik:v3.0', 'alpine'],
  ['caddy:2', 'alpine'],
  ['nginx:1.27', 'debian'],
  ['nginx:alpine', 'alpine'],
] as const) {
  test(`describeImage(${image}).os = ${family}`, () => {
    assert.is(describeImage(image).os, family);
  });
}

test('package managers per family', () => {
  assert.equal(['debian', 'alpine', 'scratch', 'mycorp/base:1'].map((image) => describeImage(image).packageManager), ['apt', 'apk', null, null]);
});

test('what scratch and distroless base images run, by tag: nothing, as root in /; nonroot: 65532 in /home/nonroot; debug: BusyBox sh', () => {
  const runs = (raw: string) => describeImage(raw).defaults;
  assert.equal(runs('scratch'), { entrypoint: null, cmd: null, user: null, workdir: '/' });
  assert.equal(runs('gcr.io/distroless/static-debian12'), { entrypoint: null, cmd: null, user: null, workdir: '/' });
  assert.equal(runs('gcr.io/distroless/base-debian12:nonroot'), { entrypoint: null, cmd: null, user: '65532', workdir: '/home/nonroot' });
  assert.equal(runs('gcr.io/distroless/cc-debian12:debug'), { entrypoint: ['/busybox/sh'], cmd: null, user: null, workdir: '/' });
  assert.equal(runs('gcr.io/distroless/static:debug-nonroot'), { entrypoint: ['/busybox/sh'], cmd: null, user: '65532', workdir: '/home/nonroot' });
  // The language images run their runtime, which dfmod has not recorded.
  assert.is(runs('gcr.io/distroless/java17-debian12'), null);
  assert.is(describeImage('gcr.io/distroless/java17-debian12').family, 'distroless');
});

test('yum is dnf: RHEL-family releases from 8 on, and Fedora from 22 on', () => {
  const images = ['fedora', 'fedora:40', 'fedora:21', 'rockylinux:9', 'almalinux:8', 'redhat/ubi8', 'centos:7', 'alpine:3.20'];
  assert.equal(images.map((image) => describeImage(image).yumIsDnf), [true, true, false, true, true, true, false, false]);
});

test.run();
