import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeImage, parseImageRef } from '../lib/knowledge/index.js';

test('parseImageRef: registry, library/ prefix, tag, digest, build arguments', () => {
  assert.equal(parseImageRef('docker.io/library/node:20-slim'), {
    raw: 'docker.io/library/node:20-slim', registry: 'docker.io', repository: 'node', name: 'node', tag: '20-slim', digest: null, dynamic: false,
  });
  const ref = parseImageRef('localhost:5000/team/app@sha256:abc');
  assert.equal([ref.registry, ref.repository, ref.tag, ref.digest], ['localhost:5000', 'team/app', null, 'sha256:abc']);
  assert.ok(parseImageRef('$BASE').dynamic);
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

test.run();
