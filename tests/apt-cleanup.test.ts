import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';
import { memoryContext } from '../lib/core/context.js';

const only = ['apt-cleanup'];
const RM = '    && rm -rf /var/lib/apt/lists/*';

test('update + install in one RUN: the lists are removed at its end', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl', 'CMD ["curl"]'),
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl \\', RM, 'CMD ["curl"]'),
    { only },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['apt-cleanup', 2]]);
});

test('the appended line is indented as the line where the command it follows starts, not as its package list (review round 14)', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update \\', '  && apt-get install -y \\', '     curl jq'),
    lines('FROM debian', 'RUN apt-get update \\', '  && apt-get install -y \\', '     curl jq \\', '  && rm -rf /var/lib/apt/lists/*'),
    { only },
  );
  // The command starts on the RUN's own line: the usual continuation indent.
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y \\', '                      curl \\', '                      jq', 'CMD ["jq"]'),
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y \\', '                      curl \\', '                      jq \\', '    && rm -rf /var/lib/apt/lists/*', 'CMD ["jq"]'),
    { only },
  );
});

test('the appended line ends the line above with `&&` where the RUN writes its chain that way', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && \\', '    apt-get install -y --no-install-recommends curl', 'CMD ["curl"]'),
    lines('FROM debian:bookworm', 'RUN apt-get update && \\', '    apt-get install -y --no-install-recommends curl && \\', '    rm -rf /var/lib/apt/lists/*', 'CMD ["curl"]'),
    { only },
  );
});

test('-y is added right after the subcommand', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install curl && apt-get -q purge nano'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl && apt-get -q purge -y nano \\', RM),
    { only },
  );
});

test('-y is recognised in its other spellings', async () => {
  for (const yes of ['--yes', '--assume-yes', '-qqy', '-yq', '-o APT::Get::Assume-Yes=true']) {
    await expectUnchanged(lines('FROM debian', `RUN apt-get install ${yes} curl`), null, { only });
  }
});

test('apt is replaced by apt-get for the subcommands they share', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt update && apt install -y curl && apt full-upgrade -y && apt upgrade -y'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl && apt-get dist-upgrade -y && apt-get upgrade --with-new-pkgs -y \\', RM),
    { only },
  );
});

test('apt list/search/show are left alone, with a note', async () => {
  await expectUnchanged(lines('FROM debian', 'RUN apt list --installed'), /^`apt list` left alone: apt-get has no list$/, { only });
  await expectRefused(lines('FROM debian', 'RUN apt list --installed'), 'no-apt-get-equivalent', { only, line: 2 });
});

test('a lone `RUN apt-get update` is merged into the install RUN that follows it', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update', '# tools', 'RUN apt-get install -y curl'),
    lines('FROM debian:bookworm', '# tools', 'RUN apt-get update && apt-get install -y curl \\', RM),
    { only },
  );
  assert.ok(result.changes.some((c) => /merged/.test(c.message)));
});

test('a lone update keeps its own flags when merged', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update -qq', 'RUN apt-get install -y curl'),
    lines('FROM debian', 'RUN apt-get update -qq && apt-get install -y curl \\', RM),
    { only },
  );
});

test('a lone update with no install after it is left alone, with a note', async () => {
  await expectUnchanged(lines('FROM debian', 'RUN apt-get update', 'CMD ["bash"]'), /alone in a RUN caches stale lists/, { only });
  await expectRefused(lines('FROM debian', 'RUN apt-get update', 'CMD ["bash"]'), 'lone-update', { only, line: 2 });
});

test('an install reading the lists of an earlier RUN gets its own update, and both RUNs remove their lists', async () => {
  await expectOutput(
    lines(
      'FROM debian:bookworm',
      'RUN apt-get update && apt-get install -y tree',
      'RUN apt-get install -y file less',
    ),
    lines(
      'FROM debian:bookworm',
      'RUN apt-get update && apt-get install -y tree \\',
      RM,
      'RUN apt-get update && apt-get install -y file less \\',
      RM,
    ),
    { only },
  );
});

test('the apt-heavy example ends with every install updating and cleaning in its own RUN', async () => {
  await expectOutput(
    lines(
      'FROM debian:bookworm',
      'RUN apt-get update',
      'RUN apt-get install -y curl',
      'RUN apt-get install -y jq',
      'RUN apt-get update && apt-get install -y tree',
      'RUN apt-get install -y file less',
      'COPY report.sh /usr/local/bin/report.sh',
    ),
    lines(
      'FROM debian:bookworm',
      'RUN apt-get update && apt-get install -y curl \\',
      RM,
      'RUN apt-get update && apt-get install -y jq \\',
      RM,
      'RUN apt-get update && apt-get install -y tree \\',
      RM,
      'RUN apt-get update && apt-get install -y file less \\',
      RM,
      'COPY report.sh /usr/local/bin/report.sh',
    ),
    { only },
  );
});

test('a cleanup in a later RUN is moved into the RUN that updated', async () => {
  const result = await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'RUN rm -rf /var/lib/apt/lists/*', 'CMD ["curl"]'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl \\', RM, 'CMD ["curl"]'),
    { only },
  );
  assert.ok(result.changes.some((c) => /moved from line 3/.test(c.message)));
});

test('a later RUN that does more keeps its other commands when the cleanup moves', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'RUN useradd app \\', '    && rm -rf /var/lib/apt/lists/* \\', '    && mkdir /data'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl \\', RM, 'RUN useradd app \\', '    && mkdir /data'),
    { only },
  );
});

test('a later RUN removing lists already removed is dropped', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'RUN mkdir /data && rm -rf /var/lib/apt/lists/*'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'RUN mkdir /data'),
    { only },
  );
});

test('a RUN that already removes the lists is left alone', async () => {
  await expectUnchanged(
    lines('FROM node:20-slim', 'RUN apt-get update \\', ' && apt-get install -y --no-install-recommends tini \\', ' && rm -rf /var/lib/apt/lists/*'),
    null,
    { only },
  );
});

test('a trailing comment stays after the appended cleanup', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl # tools'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl \\', '    && rm -rf /var/lib/apt/lists/* # tools'),
    { only },
  );
});

test('`a; b` and `a || b` scripts: the cleanup joins the last statement', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update; apt-get install -y curl || apt-get install -y wget'),
    lines('FROM debian', 'RUN apt-get update; apt-get install -y curl || apt-get install -y wget \\', RM),
    { only },
  );
});

test('CRLF files and a custom escape character are respected', async () => {
  await expectOutput(
    'FROM debian\r\nRUN apt-get update && apt-get install -y curl\r\n',
    'FROM debian\r\nRUN apt-get update && apt-get install -y curl \\\r\n    && rm -rf /var/lib/apt/lists/*\r\n',
    { only },
  );
  await expectOutput(
    lines('# escape=`', 'FROM debian', 'RUN apt-get update && apt-get install -y curl'),
    lines('# escape=`', 'FROM debian', 'RUN apt-get update && apt-get install -y curl `', RM),
    { only },
  );
});

test('--no-install-recommends only with the noInstallRecommends option', async () => {
  const input = lines('FROM debian', 'RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*');
  await expectOutput(
    input,
    lines('FROM debian', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*'),
    { only, options: { 'apt-cleanup': { noInstallRecommends: true } } },
  );
  await expectOutput(input, lines('FROM debian', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'), { only });
});

test('wrapped commands: sudo and xargs', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN sudo apt-get update && xargs -r sudo -E apt-get install < pkgs.txt'),
    lines('FROM debian', 'RUN sudo apt-get update && xargs -r sudo -E apt-get install -y < pkgs.txt \\', RM),
    { only },
  );
});

test('a conditional update gets the cleanup in its branch, right after the install', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN if [ -x /usr/bin/apt-get ]; then apt-get update && apt-get install -y curl; fi'),
    lines('FROM debian', 'RUN if [ -x /usr/bin/apt-get ]; then apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*; fi'),
    { only },
  );
});

test('a later RUN that updates for itself does not keep the earlier lists', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get update && apt-get install -y jq'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl \\', RM, 'RUN apt-get update && apt-get install -y jq \\', RM),
    { only },
  );
});

test('a later `apt-get purge` or `autoremove` does not need the lists', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y gcc', 'RUN cc -o /usr/local/bin/app app.c && apt-get purge -y gcc && apt-get autoremove -y'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y gcc \\', RM, 'RUN cc -o /usr/local/bin/app app.c && apt-get purge -y gcc && apt-get autoremove -y'),
    { only },
  );
});

// Refusals

test('left alone: an install RUN with `||` cannot take an update in front', async () => {
  const input = lines('FROM debian', 'RUN apt-get update', 'RUN apt-get install -y jq || echo optional');
  await expectUnchanged(input, /cannot join the next RUN: it uses `\|\|`/, { only });
  await expectRefused(input, 'lone-update-cannot-join', { only, line: 2 });
});

test('left alone: apt sources change in the updating RUN after its update', async () => {
  await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y gnupg && echo "deb http://x y z" > /etc/apt/sources.list.d/x.list', 'RUN apt-get install -y jq'),
    'sources-change',
    { only },
  );
});

test('a lone update with flags on the RUN is not merged (the flags would be lost): the install updates for itself', async () => {
  const result = await expectOutput(
    lines('FROM debian', 'RUN --network=host apt-get update', 'RUN apt-get install -y jq'),
    lines('FROM debian', 'RUN --network=host apt-get update', 'RUN apt-get update && apt-get install -y jq \\', RM),
    { only },
  );
  assert.ok(result.notes.some((n) => n.line === 2 && /alone in a RUN/.test(n.message)));
});

test('left alone: a later RUN runs a script that may install from the lists', async () => {
  await expectUnchanged(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'COPY setup.sh /', 'RUN /setup.sh'),
    /lists kept: the RUN at line 4 runs `\/setup.sh`/,
    { only },
  );
});

test('left alone: a later RUN pipes a script to a shell', async () => {
  await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'RUN curl -fsSL https://example.com/setup | bash -'),
    'lists-read-by-script',
    { only, line: 2 },
  );
});

test('left alone: a later exec-form RUN may read the lists', async () => {
  await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'RUN ["apt-get", "install", "-y", "jq"]'),
    'lists-read-by-unread-run',
    { only, line: 2 },
  );
});

test('a later RUN dfmod does not read is named with the reason, in any wording of it', async () => {
  // The reason is a clause of its own: "is it runs under SHELL" was the old wording for this one.
  const result = await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'SHELL ["pwsh", "-c"]', 'RUN Install-Module x'),
    'lists-read-by-unread-run',
    { only, line: 2 },
  );
  assert.equal(
    result.notes.filter((n) => n.line === 2).map((n) => n.message),
    ['lists kept: the RUN at line 4 may install packages from them, and dfmod does not read it: it runs under SHELL ["pwsh","-c"], not a POSIX shell'],
  );
});

test('left alone: an install RUN with `;` cannot take an update in front', async () => {
  await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get install -y jq; echo done'),
    'several-statements',
    { only },
  );
});

test('left alone: apt sources change between the update and the install', async () => {
  await expectUnchanged(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'COPY extra.list /etc/apt/sources.list.d/', 'RUN apt-get install -y jq'),
    /sources change/,
    { only },
  );
});

test('left alone: a stage built FROM this one installs from the lists', async () => {
  await expectRefused(
    lines('FROM debian AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base', 'RUN ./build.sh'),
    'lists-read-by-script',
    { only, line: 2 },
  );
});

test('a stage that installs from lists its parent left, without an update of its own, deletes none of them', async () => {
  // No update can go first (a second top-level command would run even when it failed): both RUNs stay as they are.
  const kept = await expectUnchanged(
    lines('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base', 'RUN apt-get install -y jq; jq --version'),
    null,
    { only: ['apt-cleanup', 'cache-cleanup'] },
  );
  assert.equal(kept.notes.map((n) => [n.line, n.id]), [[2, 'several-statements']]);
  // Where one can go first, the lists the child then deletes are the ones it downloaded.
  await expectOutput(
    lines('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base', 'RUN apt-get install -y jq'),
    lines('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl \\', RM, 'FROM base', 'RUN apt-get update && apt-get install -y jq \\', RM),
    { only: ['apt-cleanup', 'cache-cleanup'] },
  );
});

test('an install inside an if: a removal already in the branch is enough; without one it goes in the branch', async () => {
  await expectUnchanged(
    lines('FROM debian:12', 'ARG WITH_GIT', 'RUN if [ "$WITH_GIT" = 1 ]; then apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*; fi'),
    null,
    { only: ['apt-cleanup', 'cache-cleanup'] },
  );
  await expectOutput(
    lines('FROM debian:12', 'ARG WITH_GIT', 'RUN if [ "$WITH_GIT" = 1 ]; then apt-get update && apt-get install -y git; fi'),
    lines('FROM debian:12', 'ARG WITH_GIT', 'RUN if [ "$WITH_GIT" = 1 ]; then apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*; fi'),
    { only: ['apt-cleanup', 'cache-cleanup'] },
  );
});

test('left alone: the lists are in a cache mount', async () => {
  await expectUnchanged(
    lines('FROM debian', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl'),
    null,
    { only },
  );
});

test('left alone: a background job', async () => {
  await expectRefused(lines('FROM debian', 'RUN apt-get update && apt-get install -y curl & wait'), 'background-job', { only, line: 2 });
});

test('left alone: a heredoc RUN, with a note', async () => {
  await expectRefused(lines('# syntax=docker/dockerfile:1', 'FROM debian', 'RUN <<EOF', 'apt-get update', 'EOF'), 'heredoc', { only, line: 3 });
});

test('left alone: suppressed with hadolint ignore', async () => {
  await expectUnchanged(lines('FROM debian', '# hadolint ignore=DL3009', 'RUN apt-get update && apt-get install -y curl'), null, { only });
});

test('a lone update before a RUN in a non-POSIX shell is not merged', async () => {
  const result = await run(lines('FROM debian', 'RUN apt-get update', 'SHELL ["pwsh", "-c"]', 'RUN apt-get install -y curl'), { only });
  assert.is(result.output, lines('FROM debian', 'RUN apt-get update', 'SHELL ["pwsh", "-c"]', 'RUN apt-get install -y curl'));
});


// Scripts a later RUN runs from the build context are read: an install in them needs the lists.
const MAKE_DEPS = lines('FROM debian', 'RUN apt-get update && apt-get install -y make gcc', 'WORKDIR /src', 'COPY Makefile main.c ./', 'RUN make deps', 'RUN make');

test('a later `make deps` whose recipe runs apt-get install keeps the lists, and says where', async () => {
  const result = await expectRefused(MAKE_DEPS, 'lists-read-by-script', {
    only,
    files: { Makefile: 'app: main.c\n\tcc -o app main.c\n\n.PHONY: deps\ndeps:\n\t@apt-get install -y --no-install-recommends zlib1g-dev\n', 'main.c': '' },
    line: 2,
  });
  assert.match(result.notes.find((n) => n.id === 'lists-read-by-script')!.message, /runs `make deps`.*`apt-get install -y` in Makefile/);
});

test('a Makefile prerequisite that installs counts for the target that needs it', async () => {
  await expectRefused(lines('FROM debian', 'RUN apt-get update && apt-get install -y make gcc', 'WORKDIR /src', 'COPY . .', 'RUN make'), 'lists-read-by-script', {
    only,
    files: { Makefile: 'CC ?= gcc\nall: deps app\napp:\n\t$(CC) -o app main.c\ndeps:\n\tsudo apt-get install -y libz-dev\n', 'main.c': '' },
  });
});

test('`make` whose recipes never touch apt does not keep the lists', async () => {
  await expectOutput(
    MAKE_DEPS,
    lines('FROM debian', 'RUN apt-get update && apt-get install -y make gcc \\', RM, 'WORKDIR /src', 'COPY Makefile main.c ./', 'RUN make deps', 'RUN make'),
    { only, files: { Makefile: 'CC = gcc\napp: main.c\n\t$(CC) -o $@ $<\ndeps:\n\tmkdir -p build\n', 'main.c': '' } },
  );
});

test('`make` without a Makefile dfmod can read does not keep the lists: a build tool runs no apt', async () => {
  await expectOutput(
    MAKE_DEPS,
    lines('FROM debian', 'RUN apt-get update && apt-get install -y make gcc \\', RM, 'WORKDIR /src', 'COPY Makefile main.c ./', 'RUN make deps', 'RUN make'),
    { only, files: { 'main.c': '' } },
  );
});

test('a context script run as ./install.sh that installs keeps the lists; one that does not lets them go', async () => {
  const input = lines('FROM debian', 'RUN apt-get update && apt-get install -y ca-certificates', 'WORKDIR /opt', 'COPY install.sh .', 'RUN ./install.sh');
  await expectRefused(input, 'lists-read-by-script', { only, files: { 'install.sh': '#!/bin/sh\nset -e\napt-get install -y jq\n' } });
  await expectOutput(
    input,
    lines('FROM debian', 'RUN apt-get update && apt-get install -y ca-certificates \\', RM, 'WORKDIR /opt', 'COPY install.sh .', 'RUN ./install.sh'),
    { only, files: { 'install.sh': '#!/bin/sh\nmkdir -p /opt/data && echo ok > /opt/data/state\n' } },
  );
});

test('a later RUN that sources a virtualenv\'s bin/activate installs nothing: the lists are removed', async () => {
  await expectOutput(
    lines(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl',
      'RUN python -m venv /opt/v',
      'RUN . /opt/v/bin/activate && pip install --no-cache-dir requests',
      'CMD ["python"]',
    ),
    lines(
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl \\',
      RM,
      'RUN python -m venv /opt/v',
      'RUN . /opt/v/bin/activate && pip install --no-cache-dir requests',
      'CMD ["python"]',
    ),
    { only },
  );
  // A path the shell computes, a relative one, `source`: the file is still named bin/activate.
  for (const activate of ['. "$VIRTUAL_ENV/bin/activate"', 'source ${VENV}/bin/activate', '. .venv/bin/activate']) {
    await expectOutput(
      lines('FROM python:3.12-slim', 'WORKDIR /app', 'RUN apt-get update && apt-get install -y curl', `RUN ${activate} && pip install requests`),
      lines('FROM python:3.12-slim', 'WORKDIR /app', 'RUN apt-get update && apt-get install -y curl \\', RM, `RUN ${activate} && pip install requests`),
      { only },
    );
  }
});

test('a sourced bin/activate a COPY put there from the context is read like any script; another sourced file the build made still keeps the lists', async () => {
  await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'COPY tools/ /opt/tools/', 'RUN . /opt/tools/bin/activate'),
    'lists-read-by-script',
    { only, files: { 'tools/bin/activate': 'apt-get install -y jq\n' } },
  );
  const result = await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'RUN . /opt/tools/env.sh && make'),
    'lists-read-by-script',
    { only },
  );
  assert.equal(result.notes.map((n) => n.message), [
    'lists kept: the RUN at line 3 runs `. /opt/tools/env.sh`, which may install packages from them (dfmod cannot read what it runs: no build context is known)',
  ]);
});

test('a script that sh runs, found through `COPY scripts/ /usr/local/lib/setup/`, is read', async () => {
  await expectRefused(
    lines('FROM debian', 'RUN apt-get update', 'COPY scripts/ /usr/local/lib/setup/', 'RUN sh /usr/local/lib/setup/deps.sh'),
    'lists-read-by-script',
    { only, files: { 'scripts/deps.sh': 'apt-get install -y --no-install-recommends jq\n' } },
  );
});

test('`bash -c` text is read like a script: an install in it keeps the lists', async () => {
  await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'USER root', 'RUN bash -c "apt-get install -y jq"'),
    'lists-read-by-script',
    { only },
  );
});

test('under a non-root USER, the update and the removal run through sudo like the install does', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y sudo', 'USER dev', 'RUN sudo apt-get install -y jq'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y sudo \\', RM, 'USER dev', 'RUN sudo apt-get update && sudo apt-get install -y jq \\', '    && sudo rm -rf /var/lib/apt/lists/*'),
    { only },
  );
});

test('under a non-root USER without sudo, the lists are left alone: dfmod cannot run apt as root there', async () => {
  const result = await expectRefused(lines('FROM debian', 'USER builder', 'RUN apt-get update && apt-get install -y jq'), 'not-root', { only, line: 3 });
  assert.match(result.notes.find((n) => n.id === 'not-root')!.message, /USER builder/);
});

test('a program a COPY put on PATH from the context is read like a script', async () => {
  const input = lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'COPY bin/install-deps /usr/local/bin/', 'RUN install-deps --all');
  await expectRefused(input, 'lists-read-by-script', { only, files: { 'bin/install-deps': '#!/bin/sh\napt-get install -y --no-install-recommends "$@" jq\n' } });
  await expectOutput(
    input,
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl \\', RM, 'COPY bin/install-deps /usr/local/bin/', 'RUN install-deps --all'),
    { only, files: { 'bin/install-deps': '#!/bin/sh\necho nothing to install\n' } },
  );
});

test('a context script that updates and installs by itself gets the removal at the end of its RUN', async () => {
  await expectOutput(
    lines('FROM debian', 'COPY bootstrap.sh /tmp/', 'RUN sh /tmp/bootstrap.sh'),
    lines('FROM debian', 'COPY bootstrap.sh /tmp/', 'RUN sh /tmp/bootstrap.sh \\', RM),
    { only, files: { 'bootstrap.sh': 'set -e\napt-get update\napt-get install -y jq\n' } },
  );
});

test('after a `cd`, a relative script is not looked up at WORKDIR: what runs is unknown, the lists stay, and the note says why', async () => {
  const result = await expectRefused(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y make', 'WORKDIR /src', 'COPY . .', 'RUN cd vendor/lib && ./setup.sh'),
    'lists-read-by-script',
    { only, files: { 'setup.sh': 'echo top\n', 'vendor/lib/setup.sh': 'apt-get install -y libz-dev\n' } },
  );
  assert.equal(result.notes.map((n) => n.message), [
    'lists kept: the RUN at line 5 runs `./setup.sh`, which may install packages from them (dfmod cannot read what it runs: it runs after a `cd`)',
  ]);
});

test('a `find` that deletes the lists (`-delete`, `-exec rm`) already removes them: nothing appended after it', async () => {
  await expectUnchanged(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl && find /var/cache/apt/archives /var/lib/apt/lists -not -name lock -type f -delete'),
    null, { only },
  );
  await expectUnchanged(lines('FROM debian', 'RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -mindepth 1 -exec rm -rf {} +'), null, { only });
  // One that deletes only what a test selects leaves the lists.
  await expectOutput(
    lines('FROM debian', "RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -name '*.gz' -delete"),
    lines('FROM debian', "RUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -name '*.gz' -delete \\", RM),
    { only },
  );
});

test('a script ADD puts in the image is read like one COPY puts there', async () => {
  const input = lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'ADD install-x /tmp/install-x', 'RUN /tmp/install-x');
  const result = await expectUnchanged(input, null, { only, files: { 'install-x': '#!/bin/sh\napt-get install -y jq\n' } });
  assert.equal(result.notes.map((n) => n.message), [
    'lists kept: the RUN at line 4 runs `/tmp/install-x`, which may install packages from them (`apt-get install -y` in install-x)',
  ]);
  // Not in the folder dfmod reads: the note says so, and does not deny the ADD.
  const missing = await expectUnchanged(input, null, { only, files: { 'other.txt': '' } });
  assert.equal(missing.notes.map((n) => n.message), [
    'lists kept: the RUN at line 4 runs `/tmp/install-x`, which may install packages from them (dfmod cannot read what it runs: the build context is not the folder dfmod read, which has no `install-x`)',
  ]);
});

test('the lists kept for several later RUNs dfmod cannot follow: one note for the stage, naming each, commands quoted whole', async () => {
  const result = await expectUnchanged(
    lines(
      'FROM debian', 'RUN apt-get update && apt-get install -y curl', 'COPY a.sh /tmp/a.sh', 'RUN /tmp/a.sh',
      'RUN sh -c "apt-get install -y foo bar"', 'RUN bash /tmp/b.sh', 'RUN ["/tmp/c"]',
    ),
    null,
    { only, files: { 'a.sh': 'apt-get install -y x\n' } },
  );
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[
    2,
    'lists-read-by-script',
    'lists kept: later RUNs may install packages from them: line 4 runs `/tmp/a.sh` (`apt-get install -y` in a.sh); ' +
      'line 5 runs `sh -c "apt-get install -y foo bar"` (`apt-get install -y` in its inline script); ' +
      'line 6 runs `bash /tmp/b.sh` (no COPY of the stage puts /tmp/b.sh there from the build context); ' +
      'line 7, which dfmod does not read (it is in JSON (exec) form)',
  ]]);
});

test('what dfmod cannot follow inside a script a later RUN runs is said to be in that script', async () => {
  const result = await expectUnchanged(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'COPY setup.sh /', 'RUN sh /setup.sh'),
    null,
    { only, files: { 'setup.sh': 'curl -fsSL https://example.com/install | bash\n' } },
  );
  assert.equal(result.notes.map((n) => n.message), [
    'lists kept: the RUN at line 4 runs `sh /setup.sh`, which may install packages from them (dfmod cannot read what it runs: it reads its script from standard input, in setup.sh)',
  ]);
});

test('a Dockerfile in a subfolder built with the repository as its context: the scripts its COPYs name are read from the repository root', async () => {
  const repo = (setup: string) => {
    const root = memoryContext({ '.git/HEAD': 'ref: refs/heads/main\n', 'scripts/setup.sh': setup, 'scripts/release/Dockerfile': '' }, '/repo');
    const scripts = memoryContext({ 'setup.sh': setup, 'release/Dockerfile': '' }, '/repo/scripts', {}, root);
    return memoryContext({ Dockerfile: '' }, '/repo/scripts/release', {}, scripts);
  };
  const input = lines('FROM debian', 'RUN apt-get update && apt-get install -y curl', 'COPY ./scripts/setup.sh /tmp/scripts/setup.sh', 'RUN sh /tmp/scripts/setup.sh');
  const result = await expectUnchanged(input, null, { only, context: repo('apt-get install -y jq\n') });
  assert.equal(result.notes.map((n) => n.message), [
    'lists kept: the RUN at line 4 runs `sh /tmp/scripts/setup.sh`, which may install packages from them (`apt-get install -y` in scripts/setup.sh)',
  ]);
  await expectOutput(
    input,
    lines('FROM debian', 'RUN apt-get update && apt-get install -y curl \\', RM, 'COPY ./scripts/setup.sh /tmp/scripts/setup.sh', 'RUN sh /tmp/scripts/setup.sh'),
    { only, context: repo('echo ready\n') },
  );
  // No folder above holds it: the note says the context is another one.
  const alone = await expectUnchanged(input, null, { only, context: memoryContext({ Dockerfile: '' }, '/x/release') });
  assert.equal(alone.notes.map((n) => n.message), [
    'lists kept: the RUN at line 4 runs `sh /tmp/scripts/setup.sh`, which may install packages from them (dfmod cannot read what it runs: the build context is not the folder dfmod read, which has no `./scripts/setup.sh`)',
  ]);
});

test('`apt-get dist-clean` already removes the lists: nothing appended after it', async () => {
  await expectUnchanged(
    lines('FROM debian:trixie-slim', 'RUN set -eux; \\', '    apt-get update; \\', '    apt-get install -y --no-install-recommends curl; \\', '    apt-get dist-clean'),
    null, { only },
  );
});

test('a stage whose layers are not shipped gets no lists removal (it saves nothing); -y still', async () => {
  await expectOutput(
    lines('FROM debian:bookworm AS build', 'RUN apt-get update && apt-get install gcc', 'RUN gcc -o /out/app app.c', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app'),
    lines('FROM debian:bookworm AS build', 'RUN apt-get update && apt-get install -y gcc', 'RUN gcc -o /out/app app.c', 'FROM debian:bookworm-slim', 'COPY --from=build /out/app /app'),
    { only },
  );
});

test('a stage nothing uses is a build target of its own: its layers ship, and its lists are removed', async () => {
  await expectOutput(
    lines('FROM debian:bookworm AS dev', 'RUN apt-get update && apt-get install -y git', 'FROM debian:bookworm-slim', 'CMD ["bash"]'),
    lines('FROM debian:bookworm AS dev', 'RUN apt-get update && apt-get install -y git \\', '    && rm -rf /var/lib/apt/lists/*', 'FROM debian:bookworm-slim', 'CMD ["bash"]'),
    { only },
  );
});

test('`rm -rf /var/lib/apt/lists*` already removes the lists', async () => {
  await expectUnchanged(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists*'), null, { only });
});

test('after merge-runs, a note names the line on disk of the command that reads the lists, not the first line of the merged RUN', async () => {
  const result = await run(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl', 'RUN mkdir /opt/x', 'RUN ./install.sh'),
    { only: ['merge-runs', 'apt-cleanup'] },
  );
  assert.fixture(result.output, lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl', 'RUN mkdir /opt/x \\', '    && ./install.sh'));
  assert.equal(result.notes.filter((n) => n.transform === 'apt-cleanup').map((n) => [n.line, n.message]), [
    [2, 'lists kept: the RUN at line 4 runs `./install.sh`, which may install packages from them (dfmod cannot read what it runs: no build context is known)'],
  ]);
});

test('after merge-runs, changes are at the lines on disk of the update and the install they are about', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN echo a', 'RUN apt-get update', 'COPY x /x', 'RUN mkdir /opt/x', 'RUN apt-get install -y curl'),
    lines('FROM debian:bookworm', 'RUN echo a \\', '    && apt-get update \\', RM, 'COPY x /x', 'RUN apt-get update && mkdir /opt/x \\', '    && apt-get install -y curl \\', RM),
    { only: ['merge-runs', 'apt-cleanup'] },
  );
  assert.equal(result.changes.filter((c) => c.transform === 'apt-cleanup').map((c) => [c.line, c.message]), [
    [6, '`apt-get update` in the RUN that installs: it read the lists of line 3, stale once that layer is cached'],
    [3, '`rm -rf /var/lib/apt/lists/*` in the RUN that ran apt-get update: the lists stay out of the layer'],
    [5, '`rm -rf /var/lib/apt/lists/*` in the RUN that ran apt-get update: the lists stay out of the layer'],
  ]);
});

// Review round 9: lists kept for later RUNs that cannot read them, and removals not recognised.

test('a later RUN that only builds (`./configure`, `make`, `cmake --build`) reads no lists: they are removed', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y git build-essential', 'RUN git clone https://example.org/t.git /t && cd /t && ./configure && make && cmake --build build', 'CMD ["/t/bin/t"]'),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y git build-essential \\', RM, 'RUN git clone https://example.org/t.git /t && cd /t && ./configure && make && cmake --build build', 'CMD ["/t/bin/t"]'),
    { only },
  );
});

test('a later RUN that sources a shell startup file (`bash -c "source ~/.bashrc"`) installs nothing: the lists are removed', async () => {
  await expectOutput(
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y curl', 'RUN echo \'export PATH="$PATH:/opt/t/bin"\' >> ~/.bashrc && bash -c "source ~/.bashrc"'),
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y curl \\', RM, 'RUN echo \'export PATH="$PATH:/opt/t/bin"\' >> ~/.bashrc && bash -c "source ~/.bashrc"'),
    { only },
  );
});

test('a later `curl | bash` run by a user without sudo cannot install with apt: the lists are removed; with a sudo right they stay', async () => {
  await expectOutput(
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y curl sudo', 'RUN useradd -m dev', 'USER dev', 'RUN curl -fsSL https://example.org/i.sh | bash'),
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y curl sudo \\', RM, 'RUN useradd -m dev', 'USER dev', 'RUN curl -fsSL https://example.org/i.sh | bash'),
    { only },
  );
  await expectRefused(
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y curl sudo', 'RUN useradd -m -G sudo dev', 'USER dev', 'RUN curl -fsSL https://example.org/i.sh | bash'),
    'lists-read-by-script',
    { only, line: 2 },
  );
  // An image dfmod does not know may give the user a sudo right.
  await expectRefused(
    lines('FROM example.org/devbox:1', 'RUN sudo apt-get update && sudo apt-get install -y curl', 'USER dev', 'RUN curl -fsSL https://example.org/i.sh | bash'),
    'lists-read-by-script',
    { only, line: 2 },
  );
});

test('a `cd` in a script after the line that sources a relative helper does not hide the helper: it is read at WORKDIR (`/` on ubuntu)', async () => {
  const files = {
    'lib.sh': 'install_packages() {\n  apt-get update\n  apt-get install -y --no-install-recommends "$@"\n}\n',
    'tool.sh': '#!/usr/bin/env bash\nset -euo pipefail\n. lib.sh\nmain() {\n  install_packages curl\n  cd /tmp\n}\nmain "$@"\n',
  };
  const result = await expectOutput(
    lines('FROM ubuntu:24.04', 'COPY lib.sh /', 'RUN apt-get update && apt-get install -y ca-certificates', 'COPY tool.sh /', 'RUN /tool.sh'),
    lines('FROM ubuntu:24.04', 'COPY lib.sh /', 'RUN apt-get update && apt-get install -y ca-certificates \\', RM, 'COPY tool.sh /', 'RUN /tool.sh \\', RM),
    { only, files },
  );
  assert.equal(result.notes.filter((n) => n.transform === 'apt-cleanup'), []);
});

test('`rm -f /var/lib/apt/lists/*_*`, `rm -rf /var/lib/apt/*` already remove the lists: nothing appended after them', async () => {
  for (const removal of ['rm -f /var/lib/apt/lists/*_*', 'rm -rf /var/lib/apt/*', 'rm -rf "/var/lib/apt/lists/"*', 'rm -rf /var/lib/apt']) {
    await expectUnchanged(lines('FROM debian:12', `RUN apt-get update && apt-get install -y curl && apt-get clean && ${removal}`), null, { only });
  }
  // A glob that leaves some list files is no removal of them.
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -f /var/lib/apt/lists/*.lz4'),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -f /var/lib/apt/lists/*.lz4 \\', RM),
    { only },
  );
});

test('`playwright install-deps` downloads lists itself: the removal after it stays, and one is added where missing', async () => {
  await expectOutput(
    lines(
      'FROM ubuntu:22.04',
      'RUN apt-get update && apt-get install -y nodejs npm && rm -rf /var/lib/apt/lists/*',
      'RUN npx -y playwright@1.47.0 install-deps chromium && rm -rf /var/lib/apt/lists/*',
      'RUN npx playwright install --with-deps chromium',
      'RUN npx playwright install-deps',
      'RUN npm exec --no -- playwright-core install-deps && rm -rf /var/lib/apt/lists/*',
      'RUN playwright install chromium',
    ),
    lines(
      'FROM ubuntu:22.04',
      'RUN apt-get update && apt-get install -y nodejs npm && rm -rf /var/lib/apt/lists/*',
      'RUN npx -y playwright@1.47.0 install-deps chromium && rm -rf /var/lib/apt/lists/*',
      'RUN npx playwright install --with-deps chromium \\',
      RM,
      'RUN npx playwright install-deps \\',
      RM,
      'RUN npm exec --no -- playwright-core install-deps && rm -rf /var/lib/apt/lists/*',
      'RUN playwright install chromium',
    ),
    { only },
  );
});


// Conditional installs: the update and the removal run exactly when the branch that installs runs.

test('an install in a one-line if branch gets its update before the install and its removal after it, both in the branch', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y wget', 'ARG WITH_TREE=no', 'RUN if [ "$WITH_TREE" = yes ]; then apt-get install -y tree; fi'),
    lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y wget \\',
      RM,
      'ARG WITH_TREE=no',
      'RUN if [ "$WITH_TREE" = yes ]; then apt-get update && apt-get install -y tree && rm -rf /var/lib/apt/lists/*; fi',
    ),
    { only },
  );
});

test('a heredoc RUN that runs no apt command gets no note; one whose script runs apt does', async () => {
  const quiet = await expectUnchanged(
    lines('# syntax=docker/dockerfile:1', 'FROM debian:bookworm', 'RUN cat <<EOF > /etc/apt/sources.list.d/extra.sources', 'Types: deb', 'URIs: http://deb.debian.org/debian', 'EOF'),
    null,
    { only },
  );
  assert.equal(quiet.notes, []);
  const quietScript = await expectUnchanged(lines('# syntax=docker/dockerfile:1', 'FROM debian:bookworm', 'RUN <<EOF', 'echo "deb http://x/apt stable main" > /etc/apt/sources.list.d/x.list', 'EOF'), null, { only });
  assert.equal(quietScript.notes, []);
  for (const run of [['RUN <<EOF', 'set -e', 'apt-get update'], ['RUN bash -e <<EOF', 'apt-get install -y jq']]) {
    const said = await expectUnchanged(lines('# syntax=docker/dockerfile:1', 'FROM debian:bookworm', ...run, 'EOF'), null, { only });
    assert.equal(said.notes.map((n) => [n.line, n.message]), [[3, 'left alone: it is a heredoc RUN']]);
  }
});

test('under `set -e` (or a SHELL with -e) a later install of several statements gets `apt-get update;` before it, in its branch', async () => {
  await expectOutput(
    lines('FROM debian:12', 'ARG A', 'RUN apt-get update && apt-get install -y curl', 'RUN set -eux; \\', '    if [ "$A" = true ]; then apt-get install -y jq; fi; \\', '    echo done'),
    lines('FROM debian:12', 'ARG A', 'RUN apt-get update && apt-get install -y curl \\', RM, 'RUN set -eux; \\', '    if [ "$A" = true ]; then apt-get update; apt-get install -y jq && rm -rf /var/lib/apt/lists/*; fi; \\', '    echo done'),
    { only },
  );
  await expectOutput(
    lines('FROM debian:12', 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get install -y jq; jq --version'),
    lines('FROM debian:12', 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]', 'RUN apt-get update && apt-get install -y curl \\', RM, 'RUN apt-get update; apt-get install -y jq; jq --version \\', RM),
    { only },
  );
  // Where set -e does not stop the RUN, the note says so, not that the RUN has several commands.
  const result = await expectUnchanged(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'RUN set -e; if apt-get install -y jq; then echo ok; fi'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[2, 'not-stopping',
    'lists kept: the RUN at line 3 installs from them without `apt-get update`, and one cannot be added: it installs where `set -e` does not stop the RUN when a command fails (a condition, a function, a pipeline or an `||` list)']]);
});

test('a branch on continuation lines ending in `; \\`: the removal is a continuation line of the install, before the `;`', async () => {
  await expectOutput(
    lines('FROM debian:12', 'ARG WITH_SSL=0', 'RUN if [ "$WITH_SSL" = 1 ]; then \\', '      apt-get update && apt-get install -y libssl-dev; \\', '    fi'),
    lines(
      'FROM debian:12', 'ARG WITH_SSL=0', 'RUN if [ "$WITH_SSL" = 1 ]; then \\',
      '      apt-get update && apt-get install -y libssl-dev \\', '      && rm -rf /var/lib/apt/lists/*; \\', '    fi',
    ),
    { only },
  );
});

test('a branch written `&& \\` at line ends: the removal follows that style', async () => {
  await expectOutput(
    lines('FROM debian:12', 'ARG WITH_SSL=0', 'RUN if [ "$WITH_SSL" = 1 ]; then \\', '      apt-get update && \\', '      apt-get install -y libssl-dev; \\', '    fi'),
    lines(
      'FROM debian:12', 'ARG WITH_SSL=0', 'RUN if [ "$WITH_SSL" = 1 ]; then \\', '      apt-get update && \\',
      '      apt-get install -y libssl-dev && \\', '      rm -rf /var/lib/apt/lists/*; \\', '    fi',
    ),
    { only },
  );
});

test('a branch closed by `;fi` on a line of its own: the update goes before the install, the removal on a line before `;fi`', async () => {
  await expectOutput(
    lines(
      'FROM debian:12', 'RUN apt-get update && apt-get install -y make', 'ARG WITH_ZIP=false',
      'RUN if [ ${WITH_ZIP} = true ]; then \\', '    apt-get -y install zip \\', ';fi',
    ),
    lines(
      'FROM debian:12', 'RUN apt-get update && apt-get install -y make \\', RM, 'ARG WITH_ZIP=false',
      'RUN if [ ${WITH_ZIP} = true ]; then \\', '    apt-get update && apt-get -y install zip \\', '    && rm -rf /var/lib/apt/lists/* \\', ';fi',
    ),
    { only },
  );
});

test('if/else that both update and install: one removal after fi, which is safe on either path', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN if [ -n "$SLIM" ]; then apt-get update && apt-get install -y curl; else apt-get update && apt-get install -y curl git; fi'),
    lines('FROM debian:12', 'RUN if [ -n "$SLIM" ]; then apt-get update && apt-get install -y curl; else apt-get update && apt-get install -y curl git; fi \\', RM),
    { only },
  );
});

test('an update and install in the else branch only: the removal goes at the end of the else branch', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN if [ -n "$SLIM" ]; then echo slim; else apt-get update && apt-get install -y git; fi'),
    lines('FROM debian:12', 'RUN if [ -n "$SLIM" ]; then echo slim; else apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*; fi'),
    { only },
  );
});

test('an install in a case item: the update and the removal go in that item', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y wget', 'RUN case "$FLAVOR" in full) apt-get install -y vim;; *) echo minimal;; esac'),
    lines(
      'FROM debian:12', 'RUN apt-get update && apt-get install -y wget \\', RM,
      'RUN case "$FLAVOR" in full) apt-get update && apt-get install -y vim && rm -rf /var/lib/apt/lists/*;; *) echo minimal;; esac',
    ),
    { only },
  );
});

test('an update outside the if and the install inside: the removal stays after fi, where it runs on every path the update ran', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && if [ -n "$DEV" ]; then apt-get install -y gdb; fi'),
    lines('FROM debian:12', 'RUN apt-get update && if [ -n "$DEV" ]; then apt-get install -y gdb; fi \\', RM),
    { only },
  );
});

test('a branch whose install is not its last statement: the update cannot go in it so that its failure fails the RUN, nor before the branch, where builds that skip it would download lists (review round 11: a C); the lists it reads stay', async () => {
  const result = await expectUnchanged(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y wget', 'RUN if [ -n "$DEV" ]; then apt-get install -y gdb; echo installed; fi'),
    null,
    { only },
  );
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[2, 'in-branch',
    'lists kept: the RUN at line 3 installs from them without `apt-get update`, and one cannot be added: it installs in a branch where a failed update would not fail the RUN, ' +
    'and an update before the branch would run (and download) on builds that skip it']]);
});

test('a lone `RUN apt-get update` merged into a conditional install goes into its branch', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update', 'RUN if [ -n "$DEV" ]; then apt-get install -y gdb; fi'),
    lines('FROM debian:12', 'RUN if [ -n "$DEV" ]; then apt-get update && apt-get install -y gdb && rm -rf /var/lib/apt/lists/*; fi'),
    { only },
  );
});

test('a later removal after code dfmod cannot read (a `curl … | bash` installer, which may run apt-get update) is no no-op: it stays (review round 10)', async () => {
  for (const pipe of ['bash -', 'bash', 'sh']) {
    await expectUnchanged(lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*',
      `RUN wget -qO- https://deb.nodesource.com/setup_20.x | ${pipe}`, 'RUN apt-get install -y nodejs', 'RUN apt-get clean && rm -rf /var/lib/apt/lists/*'), null, { only });
  }
  // With nothing unread between, it is still a no-op, and goes.
  await expectOutput(lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*', 'RUN wget -q https://example.org/x.tgz', 'RUN apt-get clean && rm -rf /var/lib/apt/lists/*'),
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y wget && rm -rf /var/lib/apt/lists/*', 'RUN wget -q https://example.org/x.tgz', 'RUN apt-get clean'), { only });
});

test('an update in an if branch runs on some paths only: the RUNs after it may still read the lists above, which stay where one cannot update (review round 10: a C)', async () => {
  const result = await run(lines('FROM debian:12', 'ARG A=false', 'RUN apt-get update && apt-get install -y curl',
    'RUN if [ "$A" = true ]; then apt-get update && apt-get install -y jq; fi', 'RUN apt-get install -y git || true'), { only });
  // The first RUN's lists are kept: the last install reads them whenever the branch did not run, and cannot get an update of its own (an `||` list).
  assert.match(result.output, 'RUN apt-get update && apt-get install -y curl\n');
  assert.ok(result.notes.some((n) => n.line === 3 && n.message.startsWith('lists kept: the RUN at line 5 installs from them')), JSON.stringify(result.notes));
});

test('the lists removal goes before an `exec` that ends the RUN, where it still runs', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && exec true'),
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* && exec true'),
    { only: ['apt-cleanup'] },
  );
});

test.run();

test('an `apt-get update` right after another is removed: one RUN updates once (review round 12)', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get update && apt-get install -y curl', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl \\', '    && rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    { only },
  );
  assert.ok(result.changes.some((c) => c.line === 2 && c.message === 'removed an `apt-get update` right after another: it fetches the same lists again'), JSON.stringify(result.changes));
  // `||` retries are not repeats: the second runs only when the first failed.
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN (apt-get update || apt-get update) && apt-get install -y curl', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN (apt-get update || apt-get update) && apt-get install -y curl \\', '    && rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    { only },
  );
});

test('an `apt-get update` ending a RUN after its install fetched lists nothing reads: it goes where the cleanup is added (review round 12)', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl && apt-get update', 'RUN apt-get install -y git', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl \\', '    && rm -rf /var/lib/apt/lists/*', 'RUN apt-get update && apt-get install -y git \\', '    && rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    { only },
  );
  assert.ok(result.changes.some((c) => c.line === 2 && /and its last `apt-get update` removed: nothing after it reads the lists it fetched$/.test(c.message)), JSON.stringify(result.changes));
  // The RUN's only update stays.
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get install -y curl || true && apt-get update', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN apt-get install -y curl || true && apt-get update \\', '    && rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    { only },
  );
});

test("an update added before a RUN's first install takes the place of the RUN's own later one: one update per RUN (review round 13)", async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get install -y git && apt-get update && apt-get install -y vim', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl \\', RM, 'RUN apt-get update && apt-get install -y git && apt-get install -y vim \\', RM, 'CMD ["bash"]'),
    { only },
  );
  assert.ok(result.changes.some((c) => c.line === 3 && c.message.endsWith('; its own later `apt-get update` goes, as it would fetch the same lists again')), JSON.stringify(result.changes));
  // A source added before the RUN's own update keeps it: that update reads the new source.
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get install -y git && echo "deb http://x y z" > /etc/apt/sources.list.d/x.list && apt-get update && apt-get install -y vim', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl \\', RM, 'RUN apt-get update && apt-get install -y git && echo "deb http://x y z" > /etc/apt/sources.list.d/x.list && apt-get update && apt-get install -y vim \\', RM, 'CMD ["bash"]'),
    { only },
  );
});

test('a comment that keeps apt usable on purpose keeps the lists (review round 14, a C: "leave apt functional in case additional devtools are needed")', async () => {
  const result = await expectUnchanged(
    lines('FROM ubuntu:24.04 AS devcontainer', 'RUN apt-get update && \\', '    apt-get install -y --no-install-recommends ssh less', '# For the devcontainer, leave apt functional in case additional devtools are needed at runtime.', 'CMD ["bash"]'),
    null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[2, 'kept-by-comment', 'lists kept: the comment at line 4 keeps apt usable in the image on purpose']]);
});

test('no -y where the stage configures apt to assume yes (`APT::Get::Assume-Yes "true"` in apt.conf.d) (review round 15)', async () => {
  await expectUnchanged(
    lines('FROM ubuntu:24.04', 'RUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/80forceyes && \\', '    apt-get update && apt-get -qq install curl && \\', '    rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    null, { only });
});
