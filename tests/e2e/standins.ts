/**
 * The local stand-in base images (../shared/docker/up) are built from Debian's
 * packages and lack the entrypoint scripts of the Docker Hub images they
 * stand for. dfmod's init-entrypoint keeps those scripts running (a new
 * ENTRYPOINT replaces the inherited one, so it names it), which is right for
 * the real images and would fail on a stand-in. Before the suite builds
 * anything, stand-ins of the images below get an equivalent script and the
 * upstream ENTRYPOINT/CMD, under the same tag, so that "after" runs against a
 * base that behaves like the real one. Real (pulled) images are not touched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDocker, type Docker } from '../../lib/cli/verify.js';

/** The Docker Hub entrypoints, as documented by the official images. */
const UPSTREAM_ENTRYPOINTS: { match: RegExp; path: string; script: string; entrypoint: string[]; cmd: string[] }[] = [
  {
    // node: run `node` when the first argument is an option or not a command.
    match: /^node:/,
    path: '/usr/local/bin/docker-entrypoint.sh',
    script: [
      '#!/bin/sh',
      'set -e',
      'if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then',
      '  set -- node "$@"',
      'fi',
      'exec "$@"',
      '',
    ].join('\n'),
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node'],
  },
  {
    // nginx: runs /docker-entrypoint.d/ hooks before nginx, then execs the command.
    match: /^nginx:/,
    path: '/docker-entrypoint.sh',
    script: [
      '#!/bin/sh',
      'set -e',
      'if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then',
      '  for hook in /docker-entrypoint.d/*.sh; do [ -x "$hook" ] && "$hook"; done',
      'fi',
      'exec "$@"',
      '',
    ].join('\n'),
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
  },
];

const STANDIN_LABEL = 'org.dfmod.standin';
const DONE_LABEL = 'org.dfmod.e2e.upstream-entrypoint';

export async function giveStandinsUpstreamEntrypoints(docker: Docker, log: (line: string) => void): Promise<void> {
  const listed = await runDocker(docker, ['image', 'ls', '--filter', `label=${STANDIN_LABEL}=true`, '--format', '{{.Repository}}:{{.Tag}}']);
  const images = listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const image of images) {
    const spec = UPSTREAM_ENTRYPOINTS.find((s) => s.match.test(image));
    if (!spec) continue;
    const inspected = await runDocker(docker, ['image', 'inspect', '-f', `{{json .Config.Entrypoint}} {{index .Config.Labels "${DONE_LABEL}"}}`, image]);
    const [entrypoint, done] = inspected.stdout.trim().split(' ');
    if (done === 'true' || (entrypoint && entrypoint !== 'null')) continue;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dfmod-standin-'));
    try {
      writeFileSync(path.join(dir, 'entrypoint.sh'), spec.script, { mode: 0o755 });
      writeFileSync(path.join(dir, 'Dockerfile'), [
        `FROM ${image}`,
        `COPY entrypoint.sh ${spec.path}`,
        `LABEL ${DONE_LABEL}=true`,
        `ENTRYPOINT ${JSON.stringify(spec.entrypoint)}`,
        `CMD ${JSON.stringify(spec.cmd)}`,
        '',
      ].join('\n'));
      const built = await runDocker(docker, ['build', '--network', 'host', '-q', '-t', image, dir], { timeoutMs: 120_000 });
      log(built.code === 0 ? `e2e: stand-in ${image} given the upstream ENTRYPOINT ${JSON.stringify(spec.entrypoint)}` : `e2e: could not update stand-in ${image}: ${built.stderr.trim().split('\n').pop()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
