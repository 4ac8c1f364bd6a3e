/**
 * merge-runs must not change what a build does. This harness "builds" a
 * Dockerfile the way BuildKit runs RUNs: each RUN's script in a fresh shell
 * (`sh -c`, or the stage's SHELL) with cwd = WORKDIR under a temporary root,
 * stopping at the first failing RUN. It compares success and every file, its
 * mode and contents, before and after the transform. The scripts use only
 * relative paths, so the root stands in for the image's filesystem.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { parseDockerfile } from '../lib/core/dockerfile.js';
import { run, lines } from './helpers.js';

interface BuildResult {
  ok: boolean;
  /** `path mode contents`, sorted. */
  files: string[];
}

function snapshot(root: string): string[] {
  const entries: string[] = [];
  const visit = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const stat = lstatSync(path);
      const mode = (stat.mode & 0o7777).toString(8);
      if (stat.isDirectory()) {
        entries.push(`${relPath}/ ${mode}`);
        visit(path, relPath);
      } else if (stat.isSymbolicLink()) {
        entries.push(`${relPath} -> ${readlinkSync(path)}`);
      } else {
        entries.push(`${relPath} ${mode} ${JSON.stringify(readFileSync(path, 'utf8'))}`);
      }
    }
  };
  visit(root, '');
  return entries;
}

function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * One driver shell per build (spawning from Node per RUN is slow): for each
 * RUN it forks, enters the WORKDIR and execs a fresh shell with the RUN's
 * script, and stops at the first RUN that fails.
 */
const built = new Map<string, BuildResult>();

function build(dockerfile: string): BuildResult {
  const known = built.get(dockerfile);
  if (known) return known;
  const result = runBuild(dockerfile);
  built.set(dockerfile, result);
  return result;
}

function runBuild(dockerfile: string): BuildResult {
  const model = parseDockerfile(dockerfile);
  const root = mkdtempSync(join(tmpdir(), 'dfmod-merge-'));
  try {
    let workdir = '.';
    const driver = ['umask 022'];
    for (const node of model.instructions) {
      if (node.keyword === 'FROM' || node.keyword === 'SHELL') continue;
      if (node.keyword === 'WORKDIR') {
        workdir = posix.join(workdir, model.rawArguments(node).trim());
        driver.push(`mkdir -p ${quote(workdir)}`);
        continue;
      }
      if (node.keyword !== 'RUN') throw new Error(`the harness does not run ${node.keyword}`);
      const script = model.shellScript(node);
      if (!script) throw new Error(`the harness runs shell-form RUNs only (line ${node.line})`);
      const shell = model.shellOf(node) ?? ['/bin/sh', '-c'];
      driver.push(`(cd ${quote(workdir)} && exec ${[...shell, script.text].map(quote).join(' ')}) || exit 1`);
    }
    const result = spawnSync('/bin/sh', ['-c', driver.join('\n')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root, LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'ignore'],
      timeout: 10000,
    });
    if (result.status === null) throw new Error(`build did not finish: ${result.error?.message ?? result.signal}`);
    return { ok: result.status === 0, files: snapshot(root) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** What a careless merge would do: every script joined with `&&`, nothing else. */
function naiveJoin(dockerfile: string): string {
  const model = parseDockerfile(dockerfile);
  const head = model.instructions.filter((n) => n.keyword !== 'RUN').map((n) => model.source.text.slice(n.start, n.end));
  const scripts = model.instructions.filter((n) => n.keyword === 'RUN').map((n) => model.shellScript(n)!.text);
  return lines(...head, `RUN ${scripts.join(' && ')}`);
}

async function merged(input: string): Promise<string> {
  const result = await run(input, { only: ['merge-runs'] });
  assert.ok(result.changes.length > 0, `merge-runs merged nothing in:\n${input}\nnotes: ${JSON.stringify(result.notes)}`);
  return result.output;
}

function assertSameBuild(before: string, after: string): void {
  const a = build(before);
  const b = build(after);
  assert.equal(b, a, `builds differ.\n--- before\n${before}\n--- after\n${after}`);
}

const STATE_LEAKS = lines(
  'FROM debian:bookworm-slim',
  'WORKDIR app',
  'RUN mkdir -p sub && echo top > where',
  'RUN cd sub && touch here',
  'RUN basename "$PWD" > dir',
  'RUN export GREETING=hi && echo "${GREETING:-unset}" > g1',
  'RUN echo "${GREETING:-unset}" > g2',
  'RUN umask 077 && echo secret > secret',
  'RUN echo open > open',
  'RUN greet() { echo "fn:$1" > fn; } && greet a',
  'RUN greet b || echo "no function" > nofn',
  'RUN set -- x y && echo $# > args1',
  'RUN echo $# > args2',
  'RUN X=1 && echo "$X" > x0',
  'RUN echo "${X:-unset}" > x',
  'RUN : "${Y:=default}"',
  'RUN echo "${Y:-unset}" > y',
  'RUN echo $((N = 5)) > n1',
  'RUN echo "${N:-unset}" > n2',
  'RUN for i in 1 2; do echo $i >> loop; done',
  'RUN echo "${i:-unset}" > i',
  'RUN echo 7 > v && read n < v',
  'RUN echo "${n:-unset}" > n3',
  'RUN set -u && touch u',
  'RUN echo "${UNSET_VAR}x" > nounset',
  'RUN cd sub && touch insub',
  'RUN touch intop',
);

const EXITS_AND_TRAPS = lines(
  'FROM debian:bookworm-slim',
  'WORKDIR w',
  'RUN exit 0',
  'RUN touch after-exit',
  'RUN exec true',
  'RUN touch after-exec',
  "RUN trap 'touch trapped' EXIT && touch t",
  'RUN test -f trapped && touch saw-trap',
  'RUN exec 3>fd && echo x >&3',
  'RUN echo y >&3 2>/dev/null || touch fd-closed',
  'RUN shift 2>/dev/null; touch shifted',
);

const LISTS = lines(
  'FROM debian:bookworm-slim',
  'RUN false; true',
  'RUN echo one > one',
  'RUN false || echo recovered > rec',
  'RUN test -f nope && echo yes > yes; echo always > always',
  'RUN ! test -f nope',
  'RUN echo a > a # a comment',
  'RUN echo b > b  # another; with a semicolon',
  'RUN echo c > c;',
  'RUN echo d > d',
);

const FAILS_MIDWAY = lines(
  'FROM debian:bookworm-slim',
  'RUN echo first > first',
  'RUN cp missing copy',
  'RUN echo no > x; echo yes > y',
  'RUN touch never',
);

const FAILS_BEFORE_AN_OR_LIST = lines(
  'FROM debian:bookworm-slim',
  'RUN touch first',
  'RUN cp missing copy',
  'RUN test -f copy || echo masked > masked',
  'RUN touch never',
);

const FAILS_IN_A_LIST = lines(
  'FROM debian:bookworm-slim',
  'RUN echo first > first',
  'RUN cd missing-dir; touch where-am-i',
  'RUN ls missing || ls also-missing',
  'RUN touch never',
);

const SET_E = lines(
  'FROM debian:bookworm-slim',
  'RUN touch first',
  // Not first in its RUN: a RUN that starts with `set` is never joined to the one above.
  'RUN touch second && set -e && { false; touch not-after-false; }',
  'RUN touch never',
);

const SET_E_PASSES = lines(
  'FROM debian:bookworm-slim',
  'RUN touch first',
  'RUN mkdir d && set -eu && touch d/x',
  'RUN cd d; false; touch no-e-here',
  'RUN touch last',
);

const ERREXIT_SHELL = lines(
  'FROM debian:bookworm-slim',
  'SHELL ["/bin/bash", "-e", "-c"]',
  'RUN touch a | cat',
  'RUN true && touch b',
  'RUN if true; then false; touch c; fi',
  'RUN touch d',
);

const CONTINUATIONS = lines(
  'FROM debian:bookworm-slim',
  'WORKDIR src',
  'RUN mkdir -p a/b \\',
  '    # an inner comment line',
  '    && cd a \\',
  '    && touch in-a',
  'RUN printf "%s\\n" one two > list',
  '',
  // A comment above a RUN describes it: only a cleanup joins it.
  '# make c',
  'RUN touch c \\',
  '      d',
  'RUN rm -f d',
);

for (const [name, dockerfile] of [
  ['state leaks: cd, export, umask, functions, positional parameters, assignments, loops, read, set -u', STATE_LEAKS],
  ['exit, exec, traps and file descriptors', EXITS_AND_TRAPS],
  ['`;` and `||` lists, negation, trailing comments and semicolons', LISTS],
  ['a failing RUN stops the build at the same point', FAILS_MIDWAY],
  ['a failing `||` list after a `cd` that fails', FAILS_IN_A_LIST],
  ['a failure before a `||` list is not masked by it', FAILS_BEFORE_AN_OR_LIST],
  ['`set -e` in a RUN that fails', SET_E],
  ['`set -e` in a RUN that passes, followed by a RUN relying on it being off', SET_E_PASSES],
  ['SHELL with -e', ERREXIT_SHELL],
  ['continuations, inner comment lines and comments between RUNs', CONTINUATIONS],
] as [string, string][]) {
  test(`same build after merging: ${name}`, async () => {
    assertSameBuild(dockerfile, await merged(dockerfile));
  });
}

test('the harness tells builds apart: a naive `&&` join of the same files builds something else', () => {
  for (const dockerfile of [STATE_LEAKS, EXITS_AND_TRAPS, LISTS, FAILS_MIDWAY, FAILS_BEFORE_AN_OR_LIST, SET_E_PASSES, ERREXIT_SHELL]) {
    const naive = naiveJoin(dockerfile);
    assert.not.equal(build(naive), build(dockerfile), `the naive join was not caught:\n${naive}`);
  }
});

test('the harness catches `( set -e; ... ) && next`, which is why a `set -e` RUN is only merged last', () => {
  const subshelled = lines('FROM debian:bookworm-slim', 'RUN touch first && ( touch second && set -e && { false; touch not-after-false; } ) && touch never');
  assert.not.equal(build(subshelled), build(SET_E));
});

test('the merged files really are merged', async () => {
  const output = await merged(STATE_LEAKS);
  assert.is(parseDockerfile(output).instructions.filter((n) => n.keyword === 'RUN').length, 1);
});

test.run();
