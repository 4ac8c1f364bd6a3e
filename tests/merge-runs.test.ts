import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';
import { runTransforms } from '../lib/core/engine.js';
import { builtinTransforms } from '../transforms/index.js';

const only = ['merge-runs'];

test('a file of plain RUNs becomes one RUN', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update', 'RUN apt-get install -y curl', 'RUN curl --version', 'CMD ["bash"]'),
    lines(
      'FROM debian:bookworm',
      'RUN apt-get update \\',
      '    && apt-get install -y curl \\',
      '    && curl --version',
      'CMD ["bash"]',
    ),
    { only },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line, c.message]), [
    ['merge-runs', 2, 'merged 3 RUN instructions into one layer'],
  ]);
  assert.is(result.passes, 2);
});

test("the README's example", async () => {
  await expectOutput(
    lines('FROM debian', 'RUN useradd app', 'RUN cd /src && ./gen-config  # conf', 'RUN test -f app.conf || cp def.conf .', 'RUN apt-get update', 'RUN apt-get install -y curl'),
    lines(
      'FROM debian',
      'RUN useradd app \\',
      '    && ( cd /src && ./gen-config ) \\',
      '    # conf',
      '    && { test -f app.conf || cp def.conf .; } \\',
      '    && apt-get update \\',
      '    && apt-get install -y curl',
    ),
    { only },
  );
});

test('a comment line between RUNs ends the merge: it describes the RUN below, not a link of a chain', async () => {
  await expectOutput(
    lines('FROM x', 'RUN a', 'RUN b', '', '# build', '  # and test', '', 'RUN c', 'RUN d'),
    lines('FROM x', 'RUN a \\', '    && b', '', '# build', '  # and test', '', 'RUN c \\', '    && d'),
    { only },
  );
});

test('&& goes where the joined RUNs put it: at the end of the line when they write `a && \\`', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN addgroup -S dev && \\', '    adduser -S -G dev dev && \\', '    mkdir -p /config', '', 'RUN \\', '\tapk --no-cache add gcc git && chown dev:dev /config'),
    lines('FROM alpine:3.20', 'RUN addgroup -S dev && \\', '    adduser -S -G dev dev && \\', '    mkdir -p /config && \\', '    apk --no-cache add gcc git && chown dev:dev /config'),
    { only },
  );
});

test('&& at the line end follows the file when the joined RUNs are one-liners; leading && otherwise', async () => {
  await expectOutput(
    lines('FROM x', 'RUN a && \\', '    b', 'COPY . .', 'RUN c', 'RUN d'),
    lines('FROM x', 'RUN a && \\', '    b', 'COPY . .', 'RUN c && \\', '    d'),
    { only },
  );
  await expectOutput(
    lines('FROM x', 'RUN a \\', '    && b', 'COPY . .', 'RUN c', 'RUN d'),
    lines('FROM x', 'RUN a \\', '    && b', 'COPY . .', 'RUN c \\', '    && d'),
    { only },
  );
});

test('a RUN that unpacks what the RUN above downloaded joins it: the download is only read there', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz', 'RUN tar -C /opt -xzf /tmp/tool.tgz', 'RUN /opt/tool/setup'),
    lines('FROM debian:12', 'RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz \\', '    && tar -C /opt -xzf /tmp/tool.tgz', 'RUN /opt/tool/setup'),
    { only },
  );
});

test('blank lines between RUNs are dropped', async () => {
  await expectOutput(lines('FROM x', 'RUN a', '', '', 'RUN b'), lines('FROM x', 'RUN a \\', '    && b'), { only });
});

test('a commented-out instruction between RUNs is never pulled into the merge', async () => {
  await expectUnchanged(lines('FROM alpine:3.20', 'RUN chmod 0755 /opt/setup', '# RUN /opt/setup --everything', 'RUN /opt/setup --minimal'), null, { only });
  await expectUnchanged(lines('FROM alpine:3.20', 'RUN mkdir -p /srv/www', '#CMD ["httpd", "-f"]', 'RUN touch /srv/www/index.html'), null, { only });
});

test("each RUN's own continuations and inner comment lines survive byte for byte", async () => {
  await expectOutput(
    lines('FROM x', 'RUN apt-get update && apt-get install -y \\', '      # the client', '      curl \\', '      git', 'RUN rm -rf /tmp/build \\', '\t&& rm -f /var/log/dpkg.log'),
    lines(
      'FROM x',
      'RUN apt-get update && apt-get install -y \\',
      '      # the client',
      '      curl \\',
      '      git \\',
      '\t&& rm -rf /tmp/build \\',
      '\t&& rm -f /var/log/dpkg.log',
    ),
    { only },
  );
});

test('joined commands take the indentation the RUNs give their commands on continuation lines (review round 7)', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN useradd app \\', '        && mkdir /data', 'RUN chown app /data', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN useradd app \\', '        && mkdir /data \\', '        && chown app /data', 'CMD ["bash"]'),
    { only },
  );
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN useradd app && \\', '  mkdir /data', 'RUN chown app /data', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN useradd app && \\', '  mkdir /data && \\', '  chown app /data', 'CMD ["bash"]'),
    { only },
  );
  // A package list's indentation is not a command's: with no command on a continuation line, four spaces.
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get install -y \\', '      curl', 'RUN useradd app', 'CMD ["bash"]'),
    lines('FROM debian:bookworm', 'RUN apt-get install -y \\', '      curl \\', '    && useradd app', 'CMD ["bash"]'),
    { only },
  );
});

for (const [name, script] of [
  // Each with a command after it: a RUN that only changes its shell has no effect, and is left alone (its own test).
  ['cd', 'cd src && ./gen'],
  ['pushd', 'pushd src'],
  ['export', 'export PATH=/opt/bin:$PATH && ./gen'],
  ['set', 'set -- a b && ./gen'],
  ['umask', 'umask 077'],
  ['ulimit', 'ulimit -n 1024'],
  ['trap on EXIT', "trap 'rm -f lock' EXIT"],
  ['alias', "alias ll='ls -l'"],
  ['shopt', 'shopt -s globstar'],
  ['unset', 'unset HTTP_PROXY'],
  ['exec', 'exec 3>log'],
  ['exit', 'exit 0'],
  ['read', 'read -r line < VERSION'],
  ['readonly', 'readonly X=1'],
  ['local', 'local x=1'],
  ['a function definition', 'build() { ./gen "$@"; }'],
  ['an assignment of a variable the shell reads', 'IFS=: && ./gen'],
  ['an assignment before a special builtin', 'X=1 :'],
  ['an assigning expansion', ': "${JOBS:=4}"'],
  ['an arithmetic assignment', 'echo $((n += 1))'],
  ['a computed command name', '$TOOL --init'],
  ['command wrapping a builtin', 'command cd src'],
  ['printf -v', 'printf -v x %s 1'],
  ['zsh setopt', 'setopt nullglob'],
  ['the last stage of a pipeline', 'cat VERSION | read v'],
] as [string, string][]) {
  test(`a RUN with ${name} runs in a subshell when something follows it`, async () => {
    await expectOutput(
      lines('FROM x', `RUN ${script}`, 'RUN make'),
      lines('FROM x', `RUN ( ${script} ) \\`, '    && make'),
      { only },
    );
  });
}

test('an assignment, a for loop or `set -x` needs no subshell when no later part reads what it leaves', async () => {
  // A RUN that starts with `set -x` is not joined to the RUN above (its own test below), but starts a RUN of its own.
  await expectOutput(
    lines('FROM x', 'RUN PREFIX=/opt && mkdir -p "$PREFIX/bin"', 'RUN for d in logs tmp; do mkdir -p "/srv/$d"; done', 'RUN set -x && ./gen', 'RUN make'),
    lines('FROM x', 'RUN PREFIX=/opt && mkdir -p "$PREFIX/bin" \\', '    && for d in logs tmp; do mkdir -p "/srv/$d"; done', 'RUN set -x && ./gen \\', '    && make'),
    { only },
  );
});

test('an assignment or a for loop whose variable a later part reads runs in a subshell', async () => {
  await expectOutput(
    lines('FROM x', 'RUN PREFIX=/opt && mkdir -p "$PREFIX"', 'RUN for f in a b; do touch "$f"; done', 'RUN echo "$f" > last', 'RUN make PREFIX="$PREFIX"'),
    lines('FROM x', 'RUN ( PREFIX=/opt && mkdir -p "$PREFIX" ) \\', '    && ( for f in a b; do touch "$f"; done ) \\', '    && echo "$f" > last \\', '    && make PREFIX="$PREFIX"'),
    { only },
  );
});

test('an assignment of a variable ENV or ARG set runs in a subshell: the programs after it would see the new value', async () => {
  await expectOutput(
    lines('FROM x', 'ENV MODE=prod', 'RUN MODE=debug && ./check', 'RUN make'),
    lines('FROM x', 'ENV MODE=prod', 'RUN ( MODE=debug && ./check ) \\', '    && make'),
    { only },
  );
});

test('eval or source in a later part may read any variable: the assignment runs in a subshell', async () => {
  await expectOutput(
    lines('FROM x', 'RUN V=1 && ./gen', 'RUN . ./env.sh'),
    lines('FROM x', 'RUN ( V=1 && ./gen ) \\', '    && . ./env.sh'),
    { only },
  );
});

test('a cd needs no subshell when the next part starts with cd to an absolute path', async () => {
  await expectOutput(
    lines('FROM x', 'RUN cd /src && cp defaults.mk config.mk', 'RUN cd /src && make && make install'),
    lines('FROM x', 'RUN cd /src && cp defaults.mk config.mk \\', '    && cd /src && make && make install'),
    { only },
  );
});

test('a cd keeps its subshell when the part that would undo it runs in a subshell itself', async () => {
  await expectOutput(
    lines('FROM x', 'RUN cd /src && ./gen-config', 'RUN cd /src && ./check', 'RUN cp out /usr/bin/'),
    lines('FROM x', 'RUN ( cd /src && ./gen-config ) \\', '    && ( cd /src && ./check ) \\', '    && cp out /usr/bin/'),
    { only },
  );
});

test('a cd keeps its subshell when the next part cds to a relative path or reads $PWD', async () => {
  await expectOutput(
    lines('FROM x', 'RUN cd /src && ./gen', 'RUN cd lib && ./gen', 'RUN cd /opt && echo "$OLDPWD"'),
    lines('FROM x', 'RUN ( cd /src && ./gen ) \\', '    && ( cd lib && ./gen ) \\', '    && cd /opt && echo "$OLDPWD"'),
    { only },
  );
});

test('continuation lines follow the file: tabs where its RUNs indent with tabs', async () => {
  await expectOutput(
    lines('FROM x', 'RUN mkdir -p /opt/app \\', '\t&& chmod 0755 /opt/app', 'RUN ln -s /opt/app /app'),
    lines('FROM x', 'RUN mkdir -p /opt/app \\', '\t&& chmod 0755 /opt/app \\', '\t&& ln -s /opt/app /app'),
    { only },
  );
});

test('shell changes in the last RUN need no subshell', async () => {
  await expectOutput(lines('FROM x', 'RUN mkdir -p /app', 'RUN cd /app && export A=1 && ./run'), lines('FROM x', 'RUN mkdir -p /app \\', '    && cd /app && export A=1 && ./run'), { only });
});

test('changes already in a child process need no subshell: ( ), $( ), the first stages of a pipeline', async () => {
  await expectOutput(
    lines('FROM x', 'RUN (cd src && ./gen)', 'RUN echo "$(cd src; pwd)" > where', 'RUN read x < f | cat', 'RUN true'),
    lines('FROM x', 'RUN (cd src && ./gen) \\', '    && echo "$(cd src; pwd)" > where \\', '    && read x < f | cat \\', '    && true'),
    { only },
  );
});

test('a state change in the middle runs in a subshell, in the middle too', async () => {
  await expectOutput(
    lines('FROM x', 'RUN a', 'RUN cd b && ./gen', 'RUN c'),
    lines('FROM x', 'RUN a \\', '    && ( cd b && ./gen ) \\', '    && c'),
    { only },
  );
});

test('`||` lists are grouped on the right of `&&`, so an earlier failure cannot fall through', async () => {
  const result = await expectOutput(
    lines('FROM x', 'RUN true', 'RUN ./check || true', 'RUN a && b || c', 'RUN a && b', 'RUN x | y'),
    lines(
      'FROM x',
      'RUN true \\',
      '    && { ./check || true; } \\',
      '    && { a && b || c; } \\',
      '    && a && b \\',
      '    && x | y',
    ),
    { only },
  );
  assert.equal(result.notes, []);
});

const SCRIPT_NOTE = 'not merged with the RUNs beside it: it is a `;` script, which joined with `&&` would need braces; left as its own layer (further such RUNs of this stage are left apart too)';

test('a `;` script is joined with neither neighbour, with one note on it', async () => {
  const result = await expectUnchanged(lines('FROM x', 'RUN a', 'RUN b; c', 'RUN d'), null, { only });
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 3, id: 'semicolon-script', message: SCRIPT_NOTE }]);
});

test('an official-image `set -eux;` RUN ends the merge on both sides: the small RUNs join only their own side', async () => {
  const script = 'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates; rm -rf /var/lib/apt/lists/*';
  const result = await expectOutput(
    lines('FROM debian:bookworm-slim', 'RUN groupadd -r app', 'RUN useradd -r -g app app', script, 'RUN mkdir -p /srv/app', 'RUN chown app /srv/app'),
    lines('FROM debian:bookworm-slim', 'RUN groupadd -r app \\', '    && useradd -r -g app app', script, 'RUN mkdir -p /srv/app \\', '    && chown app /srv/app'),
    { only },
  );
  // The RUN below also has a reason of its own, `set -e`, which is named where it applies.
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[4, 'semicolon-script'], [5, 'errexit']]);
  const between = await expectUnchanged(lines('FROM debian:bookworm-slim', 'RUN chmod 0755 /opt', script, 'RUN ln -s /opt /srv/opt'), null, { only });
  assert.equal(between.notes.map((n) => [n.line, n.id]), [[3, 'semicolon-script'], [4, 'errexit']]);
});

test('one note per stage, however many `;` scripts are left apart; each stage gets its own', async () => {
  const result = await expectUnchanged(lines('FROM x AS base', 'RUN a', 'RUN b; c', 'RUN d', 'RUN e; f', 'FROM base', 'RUN g; h', 'RUN i'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[3, 'semicolon-script'], [7, 'semicolon-script']]);
});

test('a `;` script beside a RUN that is refused anyway gets no note', async () => {
  const result = await expectUnchanged(lines('FROM x', 'RUN ["a"]', 'RUN b; c', 'COPY . .', 'RUN d; e'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[2, 'exec-form']]);
});

test('a lone trailing `;` leaves one statement: `RUN a;` still joins', async () => {
  const result = await expectOutput(lines('FROM x', 'RUN a;', 'RUN b'), lines('FROM x', 'RUN a \\', '    && b'), { only });
  assert.equal(result.notes, []);
});

test('an `||` list hidden under a final redirection is grouped too', async () => {
  await expectOutput(
    lines('FROM x', 'RUN a', 'RUN greet > f 2>/dev/null || echo none > f', 'RUN ! test -f x || echo y', 'RUN b'),
    lines('FROM x', 'RUN a \\', '    && { greet > f 2>/dev/null || echo none > f; } \\', '    && { ! test -f x || echo y; } \\', '    && b'),
    { only },
  );
});

test('a trailing `;` is dropped where `&&` follows and kept at the end', async () => {
  await expectOutput(lines('FROM x', 'RUN a;', 'RUN b ;', 'RUN c;'), lines('FROM x', 'RUN a \\', '    && b \\', '    && c;'), { only });
});

test('a trailing shell comment becomes a comment line, so it cannot swallow what follows', async () => {
  await expectOutput(
    lines('FROM x', 'RUN echo a # first', 'RUN cd b && ./gen  # second', 'RUN echo c # last'),
    lines('FROM x', 'RUN echo a \\', '    # first', '    && ( cd b && ./gen ) \\', '    # second', '    && echo c # last'),
    { only },
  );
});

test('the last part keeps its comment after its group', async () => {
  await expectOutput(lines('FROM x', 'RUN a', 'RUN b || c # done'), lines('FROM x', 'RUN a \\', '    && { b || c; } # done'), { only });
});

test('`set -e` keeps working: a RUN that turns it on is only merged as the last part', async () => {
  const result = await expectOutput(
    lines('FROM x', 'RUN mkdir out', 'RUN cd /src && set -eu && ./check', 'RUN rm -rf build', 'RUN ls'),
    lines('FROM x', 'RUN mkdir out \\', '    && cd /src && set -eu && ./check', 'RUN rm -rf build \\', '    && ls'),
    { only },
  );
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 4, id: 'errexit', message: 'not merged with the RUN above: the RUN above turns on `set -e`, which the shell ignores left of `&&`' }]);
});

const LEADING_SET_NOTE = (set: string): string =>
  `not merged with the RUN above: it starts with \`${set}\`, written for the whole RUN; joined, it would apply only from the middle of the merged one`;

test('a RUN that starts with `set -x` or `set -e` is not joined to the RUN above: it would trace only half', async () => {
  const result = await expectOutput(
    lines('FROM node:22-alpine', 'RUN addgroup -S app', 'RUN set -x && apk add --no-cache curl'),
    lines('FROM node:22-alpine', 'RUN addgroup -S app', 'RUN set -x && apk add --no-cache curl'),
    { only },
  );
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 3, id: 'leading-set', message: LEADING_SET_NOTE('set -x') }]);
  const errexit = await expectUnchanged(lines('FROM x', 'RUN mkdir out', 'RUN set -eux && make && make install', 'RUN rm -rf build'), null, { only });
  assert.equal(errexit.notes.map((n) => [n.line, n.id, n.message]), [
    [3, 'leading-set', LEADING_SET_NOTE('set -eux')],
    [4, 'errexit', 'not merged with the RUN above: the RUN above turns on `set -e`, which the shell ignores left of `&&`'],
  ]);
  const named = await expectUnchanged(lines('FROM x', 'RUN mkdir out', 'RUN set -o xtrace && ./check'), null, { only });
  assert.equal(named.notes.map((n) => n.message), [LEADING_SET_NOTE('set -o xtrace')]);
});

test('a RUN that starts with `set -x` may start a group: the RUNs below it join it', async () => {
  const result = await expectOutput(
    lines('FROM node:22-alpine', 'RUN set -x && addgroup -S app', 'RUN adduser -S -G app app', 'RUN apk add --no-cache curl'),
    lines('FROM node:22-alpine', 'RUN set -x && addgroup -S app \\', '    && adduser -S -G app app \\', '    && apk add --no-cache curl'),
    { only },
  );
  assert.equal(result.notes, []);
});

test('other `set` options at the start of a RUN, and `set -x` later in it, do not keep it apart', async () => {
  await expectOutput(
    lines('FROM x', 'RUN mkdir out', 'RUN set -o pipefail && ./gen | tee out/log', 'RUN ./check && set -x && ./report'),
    lines('FROM x', 'RUN mkdir out \\', '    && ( set -o pipefail && ./gen | tee out/log ) \\', '    && ./check && set -x && ./report'),
    { only },
  );
});

for (const [name, script, reason] of [
  ['set -o errexit', 'set -o errexit; make', /turns on `set -e`/],
  ['set -e inside a subshell', '(set -e; false; touch x)', /turns on `set -e`/],
  ['an ERR trap', "trap 'echo failed' ERR; make", /ERR trap/],
  ['eval', 'eval "$SETUP"', /`eval`/],
  ['source', '. ./env.sh && make', /`\.`/],
] as [string, string, RegExp][]) {
  test(`${name} ends the chain`, async () => {
    const result = await expectRefused(lines('FROM x', `RUN ${script}`, 'RUN next'), 'errexit', { only, line: 3 });
    assert.ok(result.notes.some((n) => n.line === 3 && reason.test(n.message)));
  });
}

test('SHELL with -e: simple parts merge, a compound command left of `&&` ends the chain', async () => {
  const shell = 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]';
  const result = await expectOutput(
    lines('FROM x', shell, 'RUN a | b', 'RUN c && d', 'RUN if e; then f; fi', 'RUN g', 'RUN h'),
    lines('FROM x', shell, 'RUN a | b \\', '    && c && d \\', '    && if e; then f; fi', 'RUN g \\', '    && h'),
    { only },
  );
  assert.ok(result.notes.some((n) => n.line === 6 && n.id === 'shell-errexit'), JSON.stringify(result.notes));
});

test('SHELL bash without -e merges compound commands as usual', async () => {
  const shell = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
  await expectOutput(lines('FROM x', shell, 'RUN if a; then b; fi', 'RUN c'), lines('FROM x', shell, 'RUN if a; then b; fi \\', '    && c'), { only });
});

test('identical flags merge and stay on the RUN', async () => {
  const mount = '--mount=type=cache,target=/root/.cache';
  await expectOutput(lines('FROM x', `RUN ${mount} ./check`, `RUN ${mount} pip install a`), lines('FROM x', `RUN ${mount} ./check \\`, '    && pip install a'), { only });
});

test('stages are merged separately, never across FROM', async () => {
  await expectOutput(
    lines('FROM x AS base', 'RUN a', 'RUN b', 'FROM base', 'RUN c', 'RUN d'),
    lines('FROM x AS base', 'RUN a \\', '    && b', 'FROM base', 'RUN c \\', '    && d'),
    { only },
  );
});

test('other instructions split the chain', async () => {
  await expectOutput(
    lines('FROM x', 'RUN a', 'RUN b', 'ENV A=1', 'RUN c', 'WORKDIR /app', 'RUN d', 'RUN e'),
    lines('FROM x', 'RUN a \\', '    && b', 'ENV A=1', 'RUN c', 'WORKDIR /app', 'RUN d \\', '    && e'),
    { only },
  );
});

test('CRLF files keep CRLF', async () => {
  await expectOutput('FROM x\r\nRUN a # c\r\nRUN b\r\n', 'FROM x\r\nRUN a \\\r\n    # c\r\n    && b\r\n', { only });
});

test('a file with escape=` continues lines with a backtick', async () => {
  await expectOutput(lines('# escape=`', 'FROM debian', 'RUN a', 'RUN b'), lines('# escape=`', 'FROM debian', 'RUN a `', '    && b'), { only });
});

test('untouched lines stay byte-identical', async () => {
  const input = '\uFEFF# syntax=docker/dockerfile:1\nFROM x   \n\t# tabbed\nCOPY . .\nRUN a\nRUN b\nCMD  app  ';
  await expectOutput(input, input.replace('RUN a\nRUN b', 'RUN a \\\n    && b'), { only });
});

test('a suppressed RUN splits the chain; the others still merge', async () => {
  for (const comment of ['# hadolint ignore=DL3059', '# dfmod-ignore merge-runs', '# dfmod-ignore']) {
    await expectOutput(
      lines('FROM x', 'RUN a', 'RUN b', comment, 'RUN c', 'RUN d', 'RUN e'),
      lines('FROM x', 'RUN a \\', '    && b', comment, 'RUN c', 'RUN d \\', '    && e'),
      { only },
    );
  }
});

test("a suppression for another rule is not merged away from its RUN", async () => {
  await expectRefused(lines('FROM x', 'RUN a', '# hadolint ignore=DL3008', 'RUN apt-get install -y curl'), 'suppression-comment', { only, line: 4 });
});

test('a lone RUN is left alone without a note', async () => {
  const result = await expectUnchanged(lines('FROM x', 'RUN a &', 'COPY . .', 'RUN b'), null, { only });
  assert.equal(result.notes, []);
});

for (const [name, input, reason] of [
  ['a background job', lines('FROM x', 'RUN ./server &', 'RUN curl localhost'), 'background-job'],
  ['a background job inside a list', lines('FROM x', 'RUN a & b', 'RUN c'), 'background-job'],
  ['JSON form', lines('FROM x', 'RUN ["make"]', 'RUN make install'), 'exec-form'],
  ['a heredoc', lines('# syntax=docker/dockerfile:1', 'FROM x', 'RUN <<EOF', 'make', 'EOF', 'RUN b'), 'heredoc'],
  ['different flags', lines('FROM x', 'RUN --network=none a', 'RUN b'), 'different-flags'],
  ['different mounts', lines('FROM x', 'RUN --mount=type=cache,target=/a a', 'RUN --mount=type=cache,target=/b b'), 'different-flags'],
  ['a login-shell SHELL (each RUN reads the profile again)', lines('FROM x', 'SHELL ["/bin/bash", "-lc"]', 'RUN a', 'RUN b'), 'non-posix-shell'],
  ['a Windows image', lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN a', 'RUN b'), 'windows'],
  ['a shell syntax error', lines('FROM x', 'RUN if true; then a', 'RUN b'), 'shell-syntax-error'],
  ['`$_`', lines('FROM x', 'RUN a', 'RUN echo "$_" > last'), 'fresh-shell-state'],
  ['a script ending with a backslash', lines('# escape=`', 'FROM debian', 'RUN echo a \\', 'RUN b'), 'trailing-backslash'],
  ['a comment continued onto the next line', lines('FROM x', 'RUN a # note \\', '  more', 'RUN b'), 'comment-continues'],
] as [string, string, string][]) {
  test(`left alone: ${name}`, async () => {
    await expectRefused(input, reason, { only });
  });
}

test('the wording of a refusal names what stops the merge', async () => {
  await expectUnchanged(lines('FROM x', 'SHELL ["pwsh", "-Command"]', 'RUN a', 'RUN b'), /^RUN not merged: it runs under SHELL \["pwsh","-Command"\], not a POSIX shell$/, { only });
});

test('ONBUILD RUNs are not merged, and split the chain', async () => {
  await expectUnchanged(lines('FROM x', 'RUN a', 'ONBUILD RUN b', 'ONBUILD RUN c', 'RUN d'), null, { only });
});

test('a refused RUN in the middle leaves its neighbours to merge on each side', async () => {
  const result = await expectOutput(
    lines('FROM x', 'RUN a', 'RUN b', 'RUN ["c"]', 'RUN d', 'RUN e'),
    lines('FROM x', 'RUN a \\', '    && b', 'RUN ["c"]', 'RUN d \\', '    && e'),
    { only },
  );
  assert.ok(result.notes.some((n) => n.line === 4 && n.id === 'exec-form'));
});

test('a script nested thousands deep is read without overflowing the stack, and merged', async () => {
  const deep = 'echo ' + '$('.repeat(3000) + 'x' + ')'.repeat(3000);
  await expectOutput(lines('FROM x', 'RUN b', `RUN ${deep}`), lines('FROM x', 'RUN b \\', `    && ${deep}`), { only });
});

test('runs with the default transforms', async () => {
  const result = await run(lines('FROM x', 'RUN a', 'RUN b'));
  assert.ok(result.changes.some((c) => c.transform === 'merge-runs'));
});

// What starts each RUN: the shell program, BASH_ENV, and the commands the shell has already looked up.

test('a RUN that replaces /bin/sh ends the group: later RUNs start the new shell', async () => {
  for (const replace of ['ln -sf /bin/bash /bin/sh', 'rm /bin/sh && ln -s /bin/bash /bin/sh', 'ln -sf bash /usr/bin/sh', 'update-alternatives --install /bin/sh sh /bin/bash 100']) {
    const result = await expectOutput(
      lines('FROM debian', 'RUN mkdir -p /opt', `RUN ${replace}`, 'RUN mkdir -p /srv/{a,b}', 'RUN [[ -d /srv/a ]] && touch /srv/ok'),
      lines('FROM debian', 'RUN mkdir -p /opt \\', `    && ${replace}`, 'RUN mkdir -p /srv/{a,b} \\', '    && [[ -d /srv/a ]] && touch /srv/ok'),
      { only },
    );
    const note = result.notes.find((n) => n.id === 'replaces-shell');
    assert.ok(note && note.line === 4, replace);
  }
});

test('replacing another file in /bin does not end the group', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN ln -sf /usr/bin/python3 /usr/local/bin/python', 'RUN python --version'),
    lines('FROM debian', 'RUN ln -sf /usr/bin/python3 /usr/local/bin/python \\', '    && python --version'),
    { only },
  );
});

test('a RUN that replaces the SHELL program ends the group', async () => {
  await expectRefused(
    lines('FROM debian', 'SHELL ["/bin/bash", "-c"]', 'RUN cp /opt/bash-5.2/bash /usr/bin/bash', 'RUN shopt -s globstar; ls /opt/**'),
    'replaces-shell',
    { only, line: 4 },
  );
});

test('under bash with BASH_ENV set, a RUN that names the file or runs a script ends the group (nvm)', async () => {
  const input = lines(
    'FROM debian',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'ENV BASH_ENV=/root/.bash_env',
    'RUN mkdir -p /opt/tools',
    'RUN curl -fsSL https://example.invalid/install.sh | PROFILE="${BASH_ENV}" bash',
    'RUN nvm install 20',
    'RUN node --version',
  );
  const result = await expectOutput(
    input,
    lines(
      'FROM debian',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'ENV BASH_ENV=/root/.bash_env',
      'RUN mkdir -p /opt/tools \\',
      '    && curl -fsSL https://example.invalid/install.sh | PROFILE="${BASH_ENV}" bash',
      'RUN nvm install 20 \\',
      '    && node --version',
    ),
    { only },
  );
  assert.equal(result.notes.filter((n) => n.id === 'bash-env').map((n) => n.line), [6]);
  await expectRefused(
    lines('FROM debian', 'SHELL ["/bin/bash", "-c"]', 'ENV BASH_ENV=/etc/tool.env', 'RUN bash /tmp/install.sh', 'RUN tool --version'),
    'bash-env',
    { only, line: 5 },
  );
});

test('a RUN that writes the BASH_ENV file by its path ends the group too', async () => {
  await expectRefused(
    lines('FROM debian', 'SHELL ["/bin/bash", "-c"]', 'ENV BASH_ENV=/etc/tool.env', 'RUN echo "export TOOL_HOME=/opt/tool" >> /etc/tool.env', 'RUN test -n "$TOOL_HOME"'),
    'bash-env',
    { only, line: 5 },
  );
});

test('BASH_ENV does not matter under sh, which never reads it', async () => {
  await expectOutput(
    lines('FROM debian', 'ENV BASH_ENV=/root/.bash_env', 'RUN echo "x=1" >> "$BASH_ENV"', 'RUN echo done'),
    lines('FROM debian', 'ENV BASH_ENV=/root/.bash_env', 'RUN echo "x=1" >> "$BASH_ENV" \\', '    && echo done'),
    { only },
  );
});

test('a RUN that calls a command a RUN above reinstalled is not joined: the shell would run the old path it hashed', async () => {
  // Debian's npm package installs globals under /usr/local: the new npm lands in front of the /usr/bin/npm the shell found.
  const result = await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y npm', 'RUN npm config set fund false', 'RUN npm install -g npm@10.8.2', 'RUN npm --version', 'RUN node --version'),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y npm', 'RUN npm config set fund false \\', '    && npm install -g npm@10.8.2', 'RUN npm --version \\', '    && node --version'),
    { only },
  );
  assert.equal(result.notes.filter((n) => n.id === 'command-hash').map((n) => n.line), [5]);
  // A prefix set by the environment moves it too.
  const prefixed = await expectOutput(
    lines('FROM node:20', 'ENV NPM_CONFIG_PREFIX=/home/node/.npm-global', 'RUN npm --version', 'RUN npm install -g npm@10.8.2', 'RUN npm --version'),
    lines('FROM node:20', 'ENV NPM_CONFIG_PREFIX=/home/node/.npm-global', 'RUN npm --version \\', '    && npm install -g npm@10.8.2', 'RUN npm --version'),
    { only },
  );
  assert.equal(prefixed.notes.filter((n) => n.id === 'command-hash').map((n) => n.line), [5]);
  await expectRefused(lines('FROM python:3', 'RUN pip install --upgrade pip', 'RUN pip install flask'), 'command-hash', { only, line: 3 });
  const linked = await expectOutput(
    lines('FROM debian', 'RUN node --version', 'RUN ln -sf /opt/node-20/bin/node /usr/local/bin/node', 'RUN node app.js'),
    lines('FROM debian', 'RUN node --version \\', '    && ln -sf /opt/node-20/bin/node /usr/local/bin/node', 'RUN node app.js'),
    { only },
  );
  assert.equal(linked.notes.filter((n) => n.id === 'command-hash').map((n) => n.line), [4]);
});

test('npm installing npm globally writes it where the running npm lives: no note says the joined shell would run the old path (review round 10)', async () => {
  const result = await expectUnchanged(lines('FROM node:20', 'RUN npm install -g npm@latest', 'RUN npm install -g yarn@latest'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[3, 'separate-steps']]);
  // A small step that runs npm after the self-install joins the RUN below it, not the install above it, for the usual reason.
  const after = await expectOutput(
    lines('FROM node:20', 'RUN npm --version', 'RUN npm install -g npm@10.8.2', 'RUN npm config set fund false', 'RUN npm ci'),
    lines('FROM node:20', 'RUN npm --version \\', '    && npm install -g npm@10.8.2', 'RUN npm config set fund false \\', '    && npm ci'),
    { only },
  );
  assert.equal(after.notes.map((n) => [n.line, n.id]), [[4, 'separate-steps']]);
});

test('an install of a command the joined shell had not looked up yet is joined', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN ln -s /opt/ts/bin/tsc /usr/local/bin/tsc', 'RUN tsc --version'),
    lines('FROM node:20', 'RUN ln -s /opt/ts/bin/tsc /usr/local/bin/tsc \\', '    && tsc --version'),
    { only },
  );
});


// ---------------------------------------------------------------- which RUNs are worth joining

test('a stage whose layers are not shipped is not merged, with one note for the stage', async () => {
  const input = lines(
    'FROM rust:1.80 AS compile',
    'WORKDIR /src',
    'COPY . .',
    'RUN cargo fetch',
    'RUN cargo test --release',
    'RUN cargo build --release',
    'FROM debian:bookworm-slim',
    'COPY --from=compile /src/target/release/srv /usr/local/bin/srv',
    'RUN chmod 0755 /usr/local/bin/srv',
    'RUN ln -s /usr/local/bin/srv /srv',
    'CMD ["srv"]',
  );
  const result = await run(input, { only });
  assert.fixture(result.output, input.replace('RUN chmod 0755 /usr/local/bin/srv\nRUN', 'RUN chmod 0755 /usr/local/bin/srv \\\n    &&'));
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[4, 'unshipped-stage']]);
});

test('a stage the deployed one is built FROM ships its layers and is merged', async () => {
  await expectOutput(
    lines('FROM debian:bookworm-slim AS base', 'RUN useradd -r app', 'RUN mkdir -p /srv && chown app /srv', 'FROM base', 'COPY app /srv/app'),
    lines('FROM debian:bookworm-slim AS base', 'RUN useradd -r app \\', '    && mkdir -p /srv && chown app /srv', 'FROM base', 'COPY app /srv/app'),
    { only },
  );
});

test('a stage nothing uses is a build target of its own: its layers ship, and its RUNs are merged like the last stage', async () => {
  const result = await expectOutput(
    lines(
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'RUN mkdir -p /out',
      'RUN go build -o /out/app .',
      'FROM build AS dev-envs',
      'RUN useradd -m dev',
      'RUN mkdir -p /home/dev/.cache',
      'FROM gcr.io/distroless/static-debian12',
      'COPY --from=build /out/app /app',
      'CMD ["/app"]',
    ),
    lines(
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'RUN mkdir -p /out \\',
      '    && go build -o /out/app .',
      'FROM build AS dev-envs',
      'RUN useradd -m dev \\',
      '    && mkdir -p /home/dev/.cache',
      'FROM gcr.io/distroless/static-debian12',
      'COPY --from=build /out/app /app',
      'CMD ["/app"]',
    ),
    { only },
  );
  // `build` ships too: the `dev-envs` image is built FROM it.
  assert.equal(result.notes, []);
});

test('a stage only copied from (or built FROM by such a stage) is not merged; the note names it', async () => {
  const input = lines(
    'FROM golang:1.22 AS base',
    'RUN mkdir -p /out',
    'RUN useradd -m builder',
    'FROM base AS build',
    'RUN mkdir -p /src',
    'RUN go build -o /out/app .',
    'FROM alpine:3.20 AS assets',
    'RUN mkdir -p /assets',
    'RUN touch /assets/index.html',
    'FROM gcr.io/distroless/static-debian12',
    'COPY --from=build /out/app /app',
    'RUN --mount=from=assets,source=/assets,target=/mnt cp -r /mnt /assets',
    'CMD ["/app"]',
  );
  const result = await expectUnchanged(input, null, { only });
  const note = (name: string) => `RUNs of stage \`${name}\` not merged: its layers are not in the image (only what is copied out of it is), so one layer would save no bytes and lose cache points`;
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [
    [2, 'unshipped-stage', note('base')],
    [5, 'unshipped-stage', note('build')],
    [8, 'unshipped-stage', note('assets')],
  ]);
});

test('an unshipped stage with no two RUNs in a row gets no note', async () => {
  const result = await expectUnchanged(
    lines('FROM golang:1.22 AS build', 'RUN go build -o /out/tool .', 'COPY x /x', 'RUN go vet ./...', 'FROM scratch', 'COPY --from=build /out/tool /tool'),
    null,
    { only },
  );
  assert.equal(result.notes, []);
});

const APT_LISTS_NOTE = "not merged with the RUN above, which installs with the same manager and options: joined, one RUN would update or remove the apt lists twice, or update them after removing them; one install of both RUNs' packages after a single `apt-get update` would do (further such RUNs of this stage are left apart too)";

test('two RUNs that each update, install and clean up stay apart, with a note on the second that says why', async () => {
  const result = await expectUnchanged(
    lines(
      'FROM ubuntu:24.04',
      'RUN apt-get update && apt-get install -y --no-install-recommends firefox && rm -rf /var/lib/apt/lists/*',
      'RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*',
    ),
    null,
    { only },
  );
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 3, id: 'apt-lists', message: APT_LISTS_NOTE }]);
});

test('two apk installs in a row with the same options are one install: they join, as one package list (review round 9)', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --no-cache bash openssl', 'RUN apk add --no-cache curl', 'CMD ["bash"]'),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache bash openssl curl', 'CMD ["bash"]'),
    { only },
  );
  assert.equal(result.notes, []);
});

test('an apt install right after an update and install with the same options joins its list; one with other options joins with && (it reads the lists the RUN above left, review round 9)', async () => {
  const result = await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl', 'RUN apt-get install -y --no-install-recommends jq', 'RUN apt-get install -y git'),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl jq \\', '    && apt-get install -y git'),
    { only },
  );
  assert.equal(result.notes, []);
});

test('an apt install that reads the lists the RUN above fetched and left joins it, and removes them once, at the end (review round 9)', async () => {
  const result = await expectOutput(
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y gnupg && add-apt-repository -y ppa:example/tools', 'RUN apt-get install -y example-tool && rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y gnupg && add-apt-repository -y ppa:example/tools \\', '    && apt-get install -y example-tool && rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    { only },
  );
  assert.equal(result.notes, []);
  // Lists removed above: the install below updates them itself or reads none, and the RUNs stay apart.
  await expectUnchanged(lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y gnupg && rm -rf /var/lib/apt/lists/*', 'RUN apt-get install -y --no-install-recommends example-tool', 'CMD ["bash"]'), null, { only });
});

test('package lists join the list above on its line, or on lines of their own where either list puts its packages so; installs with other words (sudo) join with &&', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --no-cache openssl', 'RUN apk add --no-cache font-freefont', 'RUN apk add --no-cache \\', '      git \\', '      curl', 'RUN sudo apk add --no-cache jq', 'CMD ["sh"]'),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache openssl font-freefont \\', '      git \\', '      curl \\', '    && sudo apk add --no-cache jq', 'CMD ["sh"]'),
    { only },
  );
  assert.equal(result.changes.map((c) => c.message), ["merged 4 RUN instructions into one layer; 2 installs' packages joined to the install above"]);
  // A list that puts its packages on lines of its own takes the next one on a line of its own; a list with a redirection after it keeps its &&.
  await expectOutput(
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y \\', '      git \\', '      curl', 'RUN apt-get install -y jq', 'CMD ["bash"]'),
    lines('FROM debian:12', 'RUN apt-get update && apt-get install -y \\', '      git \\', '      curl \\', '      jq', 'CMD ["bash"]'),
    { only },
  );
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --no-cache curl > /dev/null', 'RUN apk add --no-cache jq', 'CMD ["sh"]'),
    lines('FROM alpine:3.20', 'RUN apk add --no-cache curl > /dev/null \\', '    && apk add --no-cache jq', 'CMD ["sh"]'),
    { only },
  );
});

test('an apk install with other options (a virtual package to delete later) stays apart from the install above', async () => {
  const result = await expectUnchanged(
    lines('FROM alpine:3.20', 'RUN apk add --no-cache curl', 'RUN apk add --no-cache --virtual .build-deps gcc make'),
    null,
    { only },
  );
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 3, id: 'separate-steps', message: STEPS_NOTE }]);
});

test('apk installs in a row join; small steps between two installs go with the one below, which they prepare', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.20', 'RUN apk add --no-cache curl', 'RUN apk add --no-cache jq', 'RUN addgroup -S app && adduser -S -G app app', 'RUN mkdir -p /data', 'RUN apk add --no-cache git'),
    lines(
      'FROM alpine:3.20',
      'RUN apk add --no-cache curl jq',
      'RUN addgroup -S app && adduser -S -G app app \\',
      '    && mkdir -p /data \\',
      '    && apk add --no-cache git',
    ),
    { only },
  );
  assert.equal(result.notes.filter((n) => n.id === 'separate-steps').map((n) => n.line), [4]);
});

test('language installs in a row stay two steps: the exception is for system packages', async () => {
  await expectRefused(lines('FROM python:3.12', 'RUN pip install flask', 'RUN pip install gunicorn'), 'separate-steps', { only, line: 3 });
});

test('language package installs are substantial steps too', async () => {
  await expectRefused(lines('FROM node:20', 'RUN pip install -r requirements.txt', 'RUN npm ci'), 'separate-steps', { only, line: 3 });
});

test('RUNs of many commands each are left apart; a few commands are a small step', async () => {
  const big = 'RUN mkdir -p /srv/a && cd /srv/a && cp /etc/a.conf . && chmod 0600 a.conf && ln -s /srv/a /a && touch ready';
  await expectRefused(lines('FROM debian', big, big.replaceAll('a', 'b')), 'separate-steps', { only });
  await expectOutput(
    lines('FROM debian', 'RUN groupadd -r app', 'RUN useradd -r -g app app', 'RUN mkdir -p /srv && chown app /srv'),
    lines('FROM debian', 'RUN groupadd -r app \\', '    && useradd -r -g app app \\', '    && mkdir -p /srv && chown app /srv'),
    { only },
  );
});

const STEPS_NOTE = 'not merged with the RUN above: each does work of its own (installs packages, downloads, builds or runs many commands), and neither cleans up after the other; one layer would save no bytes, and a failure here would rerun the RUN above (further such RUNs of this stage are left apart too)';
const AFTER_STEP_NOTE = 'not merged with the RUN above, which does work of its own (installs packages, downloads, builds or runs many commands): this RUN does not clean up after it, so one layer would save no bytes, and a change to this RUN would rerun the RUN above (further such RUNs of this stage are left apart too)';

test('a download that cleans up after itself and an apt install are two steps', async () => {
  const result = await expectUnchanged(
    lines(
      'FROM ubuntu:22.04',
      'RUN curl -fsSLo a.jar https://example.com/a.jar && cp a.jar /opt/a.jar && rm a.jar',
      'RUN apt-get update && apt-get install -y --no-install-recommends xvfb && rm -rf /var/lib/apt/lists/*',
    ),
    null,
    { only },
  );
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 3, id: 'separate-steps', message: STEPS_NOTE }]);
});

test('two cpanm installs are two steps', async () => {
  const result = await expectUnchanged(lines('FROM perl', 'RUN cpanm EV && rm -rf ~/.cpanm', 'RUN cpanm IO::Socket::IP && rm -rf ~/.cpanm'), null, { only });
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 3, id: 'separate-steps', message: STEPS_NOTE }]);
});

test('a small step after a build stays apart: a config edit joined to it would rerun the build', async () => {
  const input = lines('FROM fedora', 'COPY . /src', 'RUN make -C /src clean all install', `RUN sed -i 's,driver = ".*",driver = "vfs",' /etc/containers/storage.conf`);
  const result = await expectUnchanged(input, null, { only });
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 4, id: 'after-step', message: AFTER_STEP_NOTE }]);
});

test('small steps before a step join it and each other; after it they only join each other', async () => {
  const result = await expectOutput(
    lines('FROM debian', 'RUN useradd app', 'RUN mkdir /data', 'RUN apt-get install -y --no-install-recommends curl', 'RUN make install', 'RUN chmod 0755 /usr/local/bin/app', 'RUN ln -s /usr/local/bin/app /app'),
    lines(
      'FROM debian',
      'RUN useradd app \\',
      '    && mkdir /data \\',
      '    && apt-get install -y --no-install-recommends curl \\',
      '    && make install',
      'RUN chmod 0755 /usr/local/bin/app \\',
      '    && ln -s /usr/local/bin/app /app',
    ),
    { only },
  );
  assert.equal(result.notes, [{ transform: 'merge-runs', line: 6, id: 'after-step', message: AFTER_STEP_NOTE }]);
});

test('`rm -rf … || true` is a cleanup: it joins the step above', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN make install', 'RUN rm -rf /src/* || true'),
    lines('FROM debian', 'RUN make install \\', '    && { rm -rf /src/* || true; }'),
    { only },
  );
  await expectRefused(lines('FROM debian', 'RUN make install', 'RUN true'), 'after-step', { only, line: 3 });
});

test('a cleanup joins the step above it, with the small steps between them: download, unpack, delete the archive', async () => {
  const result = await expectOutput(
    lines('FROM debian', 'RUN curl -fsSLo /tmp/t.tgz https://example.org/t.tgz', 'RUN tar -xzf /tmp/t.tgz -C /opt', 'RUN rm /tmp/t.tgz'),
    lines('FROM debian', 'RUN curl -fsSLo /tmp/t.tgz https://example.org/t.tgz \\', '    && tar -xzf /tmp/t.tgz -C /opt \\', '    && rm /tmp/t.tgz'),
    { only },
  );
  assert.equal(result.notes, []);
});

for (const [name, step] of [
  ['curl -o', 'curl -fsSL -o /opt/tool.tgz https://example.org/tool.tgz'],
  ['curl --output=', 'curl -fsSL --output=/opt/tool.tgz https://example.org/tool.tgz'],
  ['curl -O', 'curl -fsSLO https://example.org/tool.tgz'],
  ['curl piped into sh', 'curl -fsSL https://example.org/install.sh | sh'],
  ['curl piped into sudo bash', 'curl -fsSL https://example.org/install.sh | sudo -E bash -'],
  ['wget, which writes a file by default', 'wget -q https://example.org/tool.tgz'],
  ['wget -qO- piped into tar', 'wget -qO- https://example.org/tool.tgz | tar -xz -C /opt'],
  ['git clone', 'git -c advice.detachedHead=false clone --depth 1 https://example.org/src.git /src'],
  ['make', 'make -j4'],
  ['./configure', './configure --prefix=/usr'],
  ['cmake --build', 'cmake --build build --parallel'],
  ['ninja', 'ninja -C build'],
  ['go build', 'go build -o /out/app ./cmd/app'],
  ['go install', 'go install example.org/tool@v1'],
  ['cargo build', 'cargo build --release'],
  ['cargo install', 'cargo install ripgrep'],
  ['mvn', 'mvn -B package'],
  ['./gradlew', './gradlew build'],
  ['npm run build', 'npm run build'],
  ['yarn build', 'yarn build'],
  ['pnpm run build:prod', 'pnpm run build:prod'],
  ['dotnet publish', 'dotnet publish -c Release -o /out'],
  ['cpanm', 'cpanm --notest DBI'],
  ['cpan', 'cpan -i DBI'],
  ['gem install', 'gem install bundler'],
  ['pip', 'python3 -m pip install requests'],
  ['npm ci', 'npm ci'],
  ['composer install', 'composer install --no-dev'],
  ['bundle install', 'bundle install'],
  ['pnpm install', 'pnpm install --frozen-lockfile'],
  ['luarocks', 'luarocks install lpeg'],
  ['uv pip install', 'uv pip install --system flask'],
  ['poetry install', 'poetry install --no-root'],
  ['Rscript install.packages', `Rscript -e 'install.packages("jsonlite")'`],
  ['R CMD INSTALL', 'R CMD INSTALL /tmp/pkg.tar.gz'],
] as [string, string][]) {
  test(`a substantial step: ${name}`, async () => {
    const result = await expectUnchanged(lines('FROM debian', `RUN ${step}`, 'RUN mkdir -p /srv/app'), null, { only });
    assert.equal(result.notes.map((n) => n.id), ['after-step'], step);
  });
}

for (const [name, step] of [
  ['curl printing (a version check)', 'curl -fsS https://example.org/health'],
  ['curl to /dev/null', 'curl -fsS -o /dev/null https://example.org/health'],
  ['curl -XPOST (the X takes the rest of its word)', 'curl -fsS -XPOST https://example.org/hook'],
  ['curl piped into gpg', 'curl -fsSL https://example.org/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg'],
  ['a repository key downloaded into the keyrings', 'curl -fsSLo /etc/apt/keyrings/example.asc https://example.org/key.asc'],
  ['wget --spider', 'wget --spider https://example.org/'],
  ['make --version', 'make --version'],
  ['go version', 'go version'],
  ['cmake configuring, not building', 'cmake -S . -B build'],
  ['cmake --version', 'cmake --version'],
  ['npm run lint', 'npm run lint'],
  ['cpanm --version', 'cpanm --version'],
  ['Rscript running a file of its own', 'Rscript /opt/check.R'],
  ['git config', 'git config --global user.name ci'],
] as [string, string][]) {
  test(`a small step: ${name}`, async () => {
    await expectOutput(lines('FROM debian', 'RUN mkdir -p /srv/app', `RUN ${step}`, 'RUN chmod 0755 /srv/app'), lines('FROM debian', 'RUN mkdir -p /srv/app \\', `    && ${step} \\`, '    && chmod 0755 /srv/app'), { only });
  });
}

test('a cleanup joins the step above it, a small step the step below it', async () => {
  await expectOutput(
    lines('FROM python:3.12', 'RUN pip install -r requirements.txt', 'RUN rm -rf /root/.cache/pip', 'RUN chmod +x /app/build.sh', 'RUN npm ci'),
    lines('FROM python:3.12', 'RUN pip install -r requirements.txt \\', '    && rm -rf /root/.cache/pip', 'RUN chmod +x /app/build.sh \\', '    && npm ci'),
    { only },
  );
});

test('a repository key and sources.list line join the apt-get update that reads them, not the install above', async () => {
  await expectOutput(
    lines(
      'FROM ubuntu:24.04',
      'RUN apt-get update && apt-get install -y curl gnupg && rm -rf /var/lib/apt/lists/*',
      'RUN curl -fsSL https://example.org/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg',
      'RUN echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://example.org/apt noble main" > /etc/apt/sources.list.d/example.list',
      'RUN apt-get update && apt-get install -y example-cli',
    ),
    lines(
      'FROM ubuntu:24.04',
      'RUN apt-get update && apt-get install -y curl gnupg && rm -rf /var/lib/apt/lists/*',
      'RUN curl -fsSL https://example.org/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg \\',
      '    && echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://example.org/apt noble main" > /etc/apt/sources.list.d/example.list \\',
      '    && apt-get update && apt-get install -y example-cli',
    ),
    { only },
  );
});

test('apt installs that read the lists of an update above join it: one update', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update', 'RUN apt-get install -y make', 'RUN apt-get install -y gcc'),
    lines('FROM debian', 'RUN apt-get update \\', '    && apt-get install -y make gcc'),
    { only },
  );
});

test('a merged RUN never updates the apt lists after removing them', async () => {
  await expectOutput(
    lines('FROM debian', 'RUN apt-get update && apt-get install -y make', 'RUN rm -rf /var/lib/apt/lists/*', 'RUN apt-get update', 'RUN apt-get install -y gcc'),
    lines('FROM debian', 'RUN apt-get update && apt-get install -y make \\', '    && rm -rf /var/lib/apt/lists/*', 'RUN apt-get update \\', '    && apt-get install -y gcc'),
    { only },
  );
});

// ---------------------------------------------------------------- with the default transforms

test('default transforms: an arch probe and a global npm install, no subshell, the cache cleaned once', async () => {
  await expectOutput(
    lines('FROM node:20', 'RUN ARCH="$(uname -m)" && echo "$ARCH" > /etc/arch', 'RUN npm install -g pnpm'),
    lines('FROM node:20', 'RUN ARCH="$(uname -m)" && echo "$ARCH" > /etc/arch \\', '    && npm install -g pnpm \\', '    && npm cache clean --force'),
  );
});

test('default transforms: a vendor repository is added in one RUN with a single update and the lists removed once', async () => {
  const result = await expectOutput(
    lines(
      'FROM ubuntu:24.04',
      'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg && rm -rf /var/lib/apt/lists/*',
      'RUN curl -fsSL https://example.org/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg',
      'RUN echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://example.org/apt noble main" > /etc/apt/sources.list.d/example.list',
      'RUN apt-get update && apt-get install -y --no-install-recommends example-cli',
    ),
    lines(
      'FROM ubuntu:24.04',
      'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg && rm -rf /var/lib/apt/lists/*',
      'RUN curl -fsSL https://example.org/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg \\',
      '    && echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://example.org/apt noble main" > /etc/apt/sources.list.d/example.list \\',
      '    && apt-get update && apt-get install -y --no-install-recommends example-cli \\',
      '    && rm -rf /var/lib/apt/lists/*',
    ),
  );
  assert.ok(result.notes.some((n) => n.transform === 'merge-runs' && n.id === 'separate-steps' && n.line === 3));
});

test('default transforms: the RUNs of a compile stage are left as they are; the shipped stage is still cleaned', async () => {
  const result = await expectOutput(
    lines('FROM rust:1.80 AS compile', 'WORKDIR /src', 'COPY . .', 'RUN cargo test --release', 'RUN cargo build --release', 'FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y ca-certificates', 'COPY --from=compile /src/target/release/srv /usr/local/bin/srv', 'EXPOSE 8080', 'USER nobody', 'CMD ["srv"]'),
    lines(
      'FROM rust:1.80 AS compile',
      'WORKDIR /src',
      'COPY . .',
      'RUN cargo test --release',
      'RUN cargo build --release',
      'FROM debian:bookworm-slim',
      'RUN apt-get update && apt-get install -y ca-certificates \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'COPY --from=compile /src/target/release/srv /usr/local/bin/srv',
      'EXPOSE 8080',
      'USER nobody',
      'CMD ["srv"]',
    ),
  );
  assert.equal(result.notes.filter((n) => n.transform === 'merge-runs').map((n) => [n.line, n.id]), [[4, 'unshipped-stage']]);
});

test('default transforms: a commented-out RUN keeps the RUNs around it apart', async () => {
  const result = await run(lines('FROM python:3.12-slim', 'RUN chmod 0755 /usr/local/bin', '# RUN pip install debugpy', 'RUN pip install flask'));
  assert.fixture(result.output, lines('FROM python:3.12-slim', 'RUN chmod 0755 /usr/local/bin', '# RUN pip install debugpy', 'RUN pip install --no-cache-dir flask'));
});

// --- a comment above a RUN, a RUN with no effect, dev containers, RUNs other transforms insert ----------------

const DESCRIBED = 'not merged with the RUN after the blank line below: the comment above covers what stands right under it, up to that line (further such RUNs of this stage are left apart too)';

test('a RUN under its own comment is not joined with a RUN past a blank line: the comment would label the merged RUN', async () => {
  const input = lines(
    'FROM alpine:3.19',
    "# Where apache's PID lives",
    'RUN mkdir -p /run/apache2 && chown apache:apache /run/apache2',
    '',
    `RUN sed -i 's/variables_order = .*/variables_order = "EGPCS"/' /etc/php82/php.ini`,
  );
  const result = await expectUnchanged(input, null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[3, 'described-run', DESCRIBED]]);
});

test('a comment heads the RUNs right under it: a list of what they do, and the RUNs join under it', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.20', '# Make copies of useful things:', '# - the hosts file', '# - the passwd file', 'RUN cp /etc/hosts /hosts.bak', 'RUN cp /etc/passwd /passwd.bak'),
    lines('FROM alpine:3.20', '# Make copies of useful things:', '# - the hosts file', '# - the passwd file', 'RUN cp /etc/hosts /hosts.bak \\', '    && cp /etc/passwd /passwd.bak'),
    { only },
  );
  assert.equal(result.notes, []);
});

test('the group a comment heads ends at a blank line; the RUNs past it join each other; one note per stage', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.19', '# Where the PID lives', 'RUN mkdir -p /run/apache2', 'RUN chown apache /run/apache2', '', 'RUN sed -i s/a/b/ /etc/x.ini', 'RUN chmod 0644 /etc/x.ini',
      '# Logs', 'RUN mkdir /logs', '', 'RUN chown nobody /logs'),
    lines('FROM alpine:3.19', '# Where the PID lives', 'RUN mkdir -p /run/apache2 \\', '    && chown apache /run/apache2', '', 'RUN sed -i s/a/b/ /etc/x.ini \\', '    && chmod 0644 /etc/x.ini',
      '# Logs', 'RUN mkdir /logs', '', 'RUN chown nobody /logs'),
    { only },
  );
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[3, 'described-run', DESCRIBED]]);
});

test('a RUN with a comment of its own is never pulled into the group a comment above heads', async () => {
  await expectOutput(
    lines('FROM x', '# Users', 'RUN groupadd app', 'RUN useradd -g app app', '# Data', 'RUN mkdir /data'),
    lines('FROM x', '# Users', 'RUN groupadd app \\', '    && useradd -g app app', '# Data', 'RUN mkdir /data'),
    { only },
  );
});

test('a cleanup still joins a described RUN, past a blank line too: the comment still describes what the merged RUN does', async () => {
  await expectOutput(
    lines('FROM x', '# Build the docs', 'RUN make docs', '', 'RUN rm -rf /tmp/build'),
    lines('FROM x', '# Build the docs', 'RUN make docs \\', '    && rm -rf /tmp/build'),
    { only },
  );
});

test('a cleanup that joins a described RUN across a blank line takes the line away: the RUN right under it joins too, in one pass', async () => {
  const result = await expectOutput(
    lines('FROM debian', '# Config', 'RUN mkdir /etc/app', '', 'RUN rm -f /etc/app.conf', 'RUN chmod 0644 /etc/app'),
    lines('FROM debian', '# Config', 'RUN mkdir /etc/app \\', '    && rm -f /etc/app.conf \\', '    && chmod 0644 /etc/app'),
    { only },
  );
  assert.equal(result.changes.map((c) => c.message), ['merged 3 RUN instructions into one layer']);
  assert.equal(result.notes, []);
});

// --- a cleanup joined across its own comment: the comment moves with it, above the merged RUN --------------------

const DEBIAN_TOOLS = lines(
  'FROM debian:bookworm',
  'RUN apt update',
  'RUN apt install curl jq ca-certificates',
  '# a cleanup in a later layer saves nothing',
  'RUN rm -rf /var/lib/apt/lists/*',
  'RUN cd /opt && curl -fsSLo tool.tar.gz https://example.com/tool.tar.gz && tar -xzf tool.tar.gz',
  'ENTRYPOINT /opt/tool/bin/tool',
);

test("default transforms, the README's examples/debian-tools: the cleanup's comment heads the merged RUN, not the download below", async () => {
  assert.fixture(readFileSync('examples/debian-tools/Dockerfile', 'utf8'), DEBIAN_TOOLS);
  const result = await expectOutput(
    DEBIAN_TOOLS,
    lines(
      'FROM debian:bookworm',
      'RUN apt-get update \\',
      '    && apt-get install -y curl jq ca-certificates \\',
      '    # a cleanup in a later layer saves nothing',
      '    && rm -rf /var/lib/apt/lists/*',
      'RUN cd /opt && curl -fsSLo tool.tar.gz https://example.com/tool.tar.gz && tar -xzf tool.tar.gz \\',
      '    && rm -f tool.tar.gz',
      'ENTRYPOINT /opt/tool/bin/tool',
    ),
    { level: 'safe' },
  );
  assert.equal(result.changes.filter((c) => c.transform === 'merge-runs').map((c) => [c.line, c.message]), [[2, 'merged 3 RUN instructions into one layer']]);
  // The one note is on the download's RUN, line 6 of the file as read.
  const notes = result.notes.filter((n) => n.transform === 'merge-runs');
  assert.equal(notes.map((n) => [n.line, n.id]), [[6, 'separate-steps']]);
  assert.ok(DEBIAN_TOOLS.split('\n')[notes[0].line - 1].startsWith('RUN cd /opt'));
});

test('a cleanup joined across its own comment: the comment goes inside the merged RUN, right above the cleanup, where it describes no other command (review round 9)', async () => {
  const result = await expectOutput(
    lines('FROM debian:12', '# tools', 'RUN apt-get update && apt-get install -y curl', '# the lists are not needed at run time', 'RUN rm -rf /var/lib/apt/lists/*', 'CMD ["bash"]'),
    lines(
      'FROM debian:12',
      '# tools',
      'RUN apt-get update && apt-get install -y curl \\',
      '    # the lists are not needed at run time',
      '    && rm -rf /var/lib/apt/lists/*',
      'CMD ["bash"]',
    ),
    { only },
  );
  assert.equal(result.changes.map((c) => [c.line, c.message]), [[3, 'merged 2 RUN instructions into one layer']]);
  assert.equal(result.notes, []);
});

test('a joined cleanup keeps its comment lines byte for byte, CRLF and the escape character of the file', async () => {
  await expectOutput(
    ['# escape=`', 'FROM x', '# build', 'RUN make', '', '  # drop the objects', '#', 'RUN rm -rf /tmp/build', 'CMD ["app"]', ''].join('\r\n'),
    ['# escape=`', 'FROM x', '# build', 'RUN make `', '    # drop the objects', '    #', '    && rm -rf /tmp/build', 'CMD ["app"]', ''].join('\r\n'),
    { only },
  );
});

test('after a cleanup that took its comment up, only cleanups follow it; a second run changes nothing', async () => {
  const input = lines('FROM x', 'RUN make', '# clean', 'RUN rm -rf /tmp/a', 'RUN rm -rf /tmp/b', '# and the cache', 'RUN rm -rf /root/.cache', 'RUN make install');
  const output = lines('FROM x', 'RUN make \\', '    # clean', '    && rm -rf /tmp/a \\', '    && rm -rf /tmp/b \\', '    # and the cache', '    && rm -rf /root/.cache', 'RUN make install');
  const result = await expectOutput(input, output, { only });
  assert.equal(result.changes.map((c) => [c.line, c.message]), [[2, 'merged 4 RUN instructions into one layer']]);
  const again = await run(output, { only });
  assert.fixture(again.output, output);
  assert.equal(again.changes, []);
});

const headingNote = (why: string) => `not merged with the RUN above: the comment above this cleanup ${why}; joined, the comment would go inside the merged RUN, away from what it describes, so the cleanup stays under it`;

test('a cleanup under a section banner is not joined across it: the banner stays above it, out of the RUN above (review round 10)', async () => {
  const text = lines('FROM python:3.11', 'RUN pip install --no-cache-dir torch==2.3.0', '', '##########################', '# Work around a yaml bug', '##########################',
    'RUN rm -rf /usr/lib/python3/dist-packages/yaml', 'CMD ["python3"]');
  const result = await expectUnchanged(text, null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[7, 'heading-comment', headingNote('is a section banner, which heads what follows, not this cleanup alone')]]);
  const dashed = await expectUnchanged(lines('FROM debian:12', 'RUN make -C /src install', '# ---- Cleanup ----', 'RUN rm -rf /src', 'CMD ["app"]'), null, { only });
  assert.equal(dashed.notes.map((n) => [n.line, n.id]), [[4, 'heading-comment']]);
});

test('several comment lines over a cleanup and the RUNs right under it head them all: the cleanup joins those RUNs, not the RUN above (review round 10)', async () => {
  const result = await expectOutput(
    lines('FROM php:8.2-apache', 'WORKDIR /var/www/html', 'COPY . /var/www/html', 'RUN composer install', '',
      '# Symfony writes its cache at run time, and we cannot', '# know which UID the container gets, so open it up.',
      'RUN rm -rf /var/www/var/*', 'RUN chown -R www-data /var/www', 'RUN chmod -R 777 /var/www'),
    lines('FROM php:8.2-apache', 'WORKDIR /var/www/html', 'COPY . /var/www/html', 'RUN composer install', '',
      '# Symfony writes its cache at run time, and we cannot', '# know which UID the container gets, so open it up.',
      'RUN rm -rf /var/www/var/* \\', '    && chown -R www-data /var/www \\', '    && chmod -R 777 /var/www'),
    { only },
  );
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[8, 'heading-comment', headingNote('is several lines heading the RUNs right under this cleanup too, not a note on the cleanup alone')]]);
});

test('a comment of two paragraphs over a cleanup is more than its note: not joined across (review round 10)', async () => {
  const result = await expectUnchanged(lines('FROM debian:12', 'RUN make -C /src install', '# The sources are not needed at run time.', '#', '# Keep the headers: plugins build against them.', 'RUN rm -rf /src', 'CMD ["app"]'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[6, 'heading-comment', headingNote('runs over several paragraphs, more than a note on this cleanup')]]);
});

test('a cleanup under a commented-out instruction, or a comment a blank line above it, is not joined: the comment stays where it was', async () => {
  await expectUnchanged(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', '# RUN rm -rf /tmp/x', 'RUN rm -rf /var/lib/apt/lists/*'), null, { only });
  await expectUnchanged(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', '# cleanup', '#CMD ["bash"]', 'RUN rm -rf /var/lib/apt/lists/*'), null, { only });
  await expectUnchanged(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', '# cleanup', '', 'RUN rm -rf /var/lib/apt/lists/*'), null, { only });
  await expectUnchanged(lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', '# about curl', '', '# cleanup', 'RUN rm -rf /var/lib/apt/lists/*'), null, { only });
});

test('a commented-out instruction above a RUN, or a comment a blank line above it, describes no RUN', async () => {
  await expectOutput(lines('FROM x', '# RUN make test', 'RUN a', 'RUN b'), lines('FROM x', '# RUN make test', 'RUN a \\', '    && b'), { only });
  await expectOutput(lines('FROM x', '# Tools', '', 'RUN a', 'RUN b'), lines('FROM x', '# Tools', '', 'RUN a \\', '    && b'), { only });
});

test('a RUN that only sets shell state has no effect: left as written, with the instruction that would do it', async () => {
  const flask = await expectUnchanged(lines('FROM python:3.12', 'RUN export FLASK_APP=app.py', 'RUN pip install flask'), null, { only });
  assert.equal(flask.notes.map((n) => [n.line, n.id, n.message]), [[2, 'no-effect',
    '`RUN export FLASK_APP=app.py` has no effect: each RUN starts a new shell; to set it for later RUNs and the container, use `ENV FLASK_APP=app.py`']]);
  const cd = await expectUnchanged(lines('FROM x', 'RUN a', 'RUN cd /app', 'RUN b'), null, { only });
  assert.equal(cd.notes.map((n) => [n.line, n.id, n.message]), [[3, 'no-effect',
    '`RUN cd /app` has no effect: each RUN starts a new shell; to set it for later RUNs and the container, use `WORKDIR /app`']]);
  const mixed = await expectUnchanged(lines('FROM x', 'RUN export A=1 B=2 && cd /srv && set -eux', 'RUN make'), null, { only });
  assert.equal(mixed.notes.map((n) => n.message), ['`RUN export A=1 B=2 && cd /srv && set -eux` has no effect: each RUN starts a new shell; ' +
    'to set them for later RUNs, use `ENV A=1 B=2`, `WORKDIR /srv` and `SHELL ["/bin/sh", "-eux", "-c"]`']);
  const shell = await expectUnchanged(lines('FROM x', 'SHELL ["/bin/bash", "-c"]', 'RUN set -o pipefail', 'RUN make'), null, { only });
  assert.equal(shell.notes.map((n) => n.message), ['`RUN set -o pipefail` has no effect: each RUN starts a new shell; to set it for later RUNs, use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`']);
  const home = await expectUnchanged(lines('FROM x', 'RUN cd', 'RUN make'), null, { only });
  assert.equal(home.notes.map((n) => n.message), ['`RUN cd` has no effect: each RUN starts a new shell']);
});

test('an assignment that computes something is not a RUN with no effect', async () => {
  await expectOutput(lines('FROM x', 'RUN A=$(./gen)', 'RUN make'), lines('FROM x', 'RUN A=$(./gen) \\', '    && make'), { only });
});

test('a dev container: its RUNs are left alone, one note per file', async () => {
  const input = lines('FROM mcr.microsoft.com/devcontainers/base:bookworm AS base', 'RUN a', 'RUN b', 'FROM base', 'RUN c', 'RUN d');
  const runAs = (filename: string) => runTransforms(input, { transforms: builtinTransforms.filter((t) => t.id === 'merge-runs'), context: null, filename, level: 'review' });
  const dev = await runAs('.devcontainer/Dockerfile');
  assert.fixture(dev.output, input);
  assert.equal(dev.notes.map((n) => [n.line, n.id, n.message]), [[2, 'devcontainer',
    'RUNs not merged: the file is in a .devcontainer folder, so this is a dev container; its RUNs are cache points people rebuild often, and its size matters little']]);
  const app = await runAs('Dockerfile');
  assert.fixture(app.output, lines('FROM mcr.microsoft.com/devcontainers/base:bookworm AS base', 'RUN a \\', '    && b', 'FROM base', 'RUN c \\', '    && d'));
});

test('every transform: a merge that includes the RUN init-entrypoint inserts after a LABEL cites the line of the RUN it joined', async () => {
  const input = lines('FROM node:20-alpine', 'LABEL a=b', 'RUN rm -f /usr/local/lib/node_modules/corepack/README.md', 'CMD ["node", "server.js"]');
  const result = await expectOutput(
    input,
    lines(
      'FROM node:20-alpine',
      'LABEL a=b',
      'RUN apk add --no-cache tini \\',
      '    && rm -f /usr/local/lib/node_modules/corepack/README.md',
      'ENTRYPOINT ["/sbin/tini", "--", "docker-entrypoint.sh"]',
      'CMD ["node", "server.js"]',
    ),
    { transforms: [...builtinTransforms], level: 'review' },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['init-entrypoint', 4], ['merge-runs', 3]]);
});

test('every transform: no note speaks of the RUN init-entrypoint inserts as "the RUN above": it is not in the file as read', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.21', 'RUN mkdir -p /home/app', 'EXPOSE 8080', 'CMD ["node", "app.js"]'),
    lines('FROM alpine:3.21', 'RUN apk add --no-cache tini', 'RUN mkdir -p /home/app', 'EXPOSE 8080', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "app.js"]'),
    { transforms: [...builtinTransforms], level: 'review' },
  );
  assert.equal(result.notes.filter((n) => n.transform === 'merge-runs'), []);
});

test('every transform: a RUN on disk next to an inserted one still gets its notes about RUNs on disk', async () => {
  const result = await expectOutput(
    lines('FROM alpine:3.21', 'RUN mkdir -p /home/app', 'RUN make -C /src', 'RUN chmod 0755 /home/app', 'EXPOSE 8080', 'CMD ["node", "app.js"]'),
    lines('FROM alpine:3.21', 'RUN apk add --no-cache tini', 'RUN mkdir -p /home/app \\', '    && make -C /src', 'RUN chmod 0755 /home/app', 'EXPOSE 8080', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "app.js"]'),
    { transforms: [...builtinTransforms], level: 'review' },
  );
  assert.equal(result.notes.filter((n) => n.transform === 'merge-runs').map((n) => [n.line, n.id, n.message]), [[4, 'after-step', AFTER_STEP_NOTE]]);
});

test('a dependency download (`go mod download`, `cargo fetch`, `dotnet restore`) is a step of its own: it does not join the build (review round 4)', async () => {
  for (const [fetch, build] of [['go mod download', 'go build -o /app .'], ['cargo fetch', 'cargo build --release'], ['dotnet restore', 'dotnet publish -c Release -o /out']]) {
    const text = lines('FROM golang:1.25', 'COPY . .', `RUN ${fetch}`, `RUN ${build}`, 'CMD ["/app"]');
    const result = await expectUnchanged(text, null, { only: ['merge-runs'] });
    assert.equal(result.notes.map((n) => [n.id, n.line]), [['separate-steps', 4]], fetch);
  }
});

test('a one-line comment over several RUNs and an install among them: the note does not claim the comment describes only the first RUN (review round 10)', async () => {
  const text = lines('FROM ubuntu:24.04', '# set up Python 3.11', 'RUN mkdir -p /etc/apt/keyrings', 'RUN add-apt-repository -y ppa:deadsnakes/ppa', 'RUN apt-get update && apt-get install -y python3.11', 'CMD ["python3.11"]');
  const result = await expectOutput(text,
    lines('FROM ubuntu:24.04', '# set up Python 3.11', 'RUN mkdir -p /etc/apt/keyrings \\', '    && add-apt-repository -y ppa:deadsnakes/ppa', 'RUN apt-get update && apt-get install -y python3.11', 'CMD ["python3.11"]'),
    { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[3, 'described-run',
    'not merged with the RUN below, which does work of its own: the comment above is no list or heading ending in `:`, so dfmod cannot tell whether it covers that work too or only the RUNs before it; the work keeps a RUN of its own, where joined the comment would seem to describe it (further such RUNs of this stage are left apart too)']]);
});

test('a one-sentence comment over a small step does not take in the install or build below it; Rails precompiles are builds (review round 7)', async () => {
  const text = lines('FROM alpine:3.20', '# create the app user', 'RUN adduser -D app', 'RUN apk add --no-cache curl', 'CMD ["sh"]');
  const result = await expectUnchanged(text, null, { only: ['merge-runs'] });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[3, 'described-run',
    'not merged with the RUN below, which does work of its own: the comment above is no list or heading ending in `:`, so dfmod cannot tell whether it covers that work too or only the RUNs before it; the work keeps a RUN of its own, where joined the comment would seem to describe it (further such RUNs of this stage are left apart too)']]);
  // A list heads both.
  await expectOutput(lines('FROM alpine:3.20', '# Accounts:', '# - the app user', 'RUN adduser -D app', 'RUN apk add --no-cache curl', 'CMD ["sh"]'),
    lines('FROM alpine:3.20', '# Accounts:', '# - the app user', 'RUN adduser -D app \\', '    && apk add --no-cache curl', 'CMD ["sh"]'), { only: ['merge-runs'] });
  const rails = await expectUnchanged(lines('FROM ruby:3.3', 'COPY . .', 'RUN bundle exec bootsnap precompile app/ lib/', 'RUN bundle exec rake assets:precompile', 'CMD ["rails", "s"]'), null, { only: ['merge-runs'] });
  assert.equal(rails.notes.map((n) => n.id), ['separate-steps']);
});

test('a comment that keeps the RUNs under it as separate layers stops every merge among them, with one note (review round 9)', async () => {
  const text = lines(
    'FROM python:3.12',
    'COPY requirements/ requirements/',
    '# Install the requirements one file at a time',
    '# Split into separate RUN commands to keep each install cached on its own',
    'RUN pip install -r requirements/base.txt',
    '',
    'RUN pip install -r requirements/extra.txt',
    '',
    'RUN rm -rf /root/.cache',
    'CMD ["python"]',
  );
  const result = await expectUnchanged(text, null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[7, 'layer-split-comment',
    'not merged with the RUN above: the comment `# Split into separate RUN commands to keep each install cached on its own` keeps the RUNs under it as separate layers on purpose; none of them is merged']]);
  // Small steps under such a comment stay apart too, and one among the RUNs covers those below it.
  const among = lines('FROM alpine:3.20', 'RUN mkdir /opt/sdk', '# one layer per SDK, so clients pull them in parallel', 'RUN wget -qO /opt/sdk/a.tgz https://example.com/a.tgz', 'RUN wget -qO /opt/sdk/b.tgz https://example.com/b.tgz', 'CMD ["sh"]');
  const second = await expectUnchanged(among, null, { only });
  assert.equal(second.notes.map((n) => [n.line, n.id]), [[5, 'layer-split-comment']]);
  // A comment that says nothing of layers still lets its RUNs join.
  await expectOutput(lines('FROM alpine:3.20', '# folders', 'RUN mkdir /a', 'RUN mkdir /b', 'CMD ["sh"]'),
    lines('FROM alpine:3.20', '# folders', 'RUN mkdir /a \\', '    && mkdir /b', 'CMD ["sh"]'), { only });
});

test('an install run through `pyenv exec`, and `pyenv install`, are steps of their own: they join no other step (review round 9)', async () => {
  const text = lines(
    'FROM ubuntu:24.04',
    'RUN pyenv install 3.12.4 && pyenv global 3.12.4',
    'RUN pyenv exec python3.12 -m pip install -r requirements.txt',
    'RUN pip install --upgrade pip && pip install pipenv',
    'CMD ["python3"]',
  );
  const result = await expectUnchanged(text, null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[3, 'separate-steps']]);
});

test('a RUN whose first command is `set -x` is not joined to the RUN above even when a later command redirects (review round 9)', async () => {
  const text = lines('FROM debian:bookworm', 'RUN set -x && mkdir /etc/app', 'RUN set -x && echo on > /etc/app/mode && chmod 0644 /etc/app/mode', 'CMD ["bash"]');
  const result = await expectUnchanged(text, null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[3, 'leading-set',
    'not merged with the RUN above: it starts with `set -x`, written for the whole RUN; joined, it would apply only from the middle of the merged one']]);
});

test('a cleanup joined across its own comment below an uncommented RUN: the comment stays on the cleanup, not above the first command (review round 9)', async () => {
  await expectOutput(
    lines('FROM debian:12', 'RUN /opt/setup/install-cache-server', '', '# the web root of the base image is not ours', 'RUN rm -rf /srv/www/*', 'CMD ["bash"]'),
    lines('FROM debian:12', 'RUN /opt/setup/install-cache-server \\', '    # the web root of the base image is not ours', '    && rm -rf /srv/www/*', 'CMD ["bash"]'),
    { only },
  );
});

test('a small step that removes files too is not said to clean up nothing (review round 9)', async () => {
  const result = await expectUnchanged(lines('FROM debian:12', 'RUN make -C /src install', 'RUN sed -i s/debug/info/ /etc/app.conf && rm -f /etc/app.conf.orig', 'CMD ["app"]'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[3, 'after-step',
    'not merged with the RUN above, which does work of its own (installs packages, downloads, builds or runs many commands): this RUN does more than clean up after it, and a change to this RUN would rerun the RUN above (further such RUNs of this stage are left apart too)']]);
});

test('a download joins the RUNs that install, chmod or move the file it fetched, also when the shell computes part of its URL (review round 9)', async () => {
  await expectOutput(
    lines('FROM alpine:3.20', 'RUN wget https://example.org/pkgs/tool-2.1-r0.apk', 'RUN apk add --no-cache --allow-untrusted tool-2.1-r0.apk', 'CMD ["tool"]'),
    lines('FROM alpine:3.20', 'RUN wget https://example.org/pkgs/tool-2.1-r0.apk \\', '    && apk add --no-cache --allow-untrusted tool-2.1-r0.apk', 'CMD ["tool"]'),
    { only },
  );
  await expectOutput(
    lines('FROM debian:12', 'RUN curl -LO https://example.org/release/$(curl -sL https://example.org/stable.txt)/bin/ctl', 'RUN chmod +x ./ctl', 'RUN mv ./ctl /usr/local/bin/ctl', 'CMD ["ctl"]'),
    lines('FROM debian:12', 'RUN curl -LO https://example.org/release/$(curl -sL https://example.org/stable.txt)/bin/ctl \\', '    && chmod +x ./ctl \\', '    && mv ./ctl /usr/local/bin/ctl', 'CMD ["ctl"]'),
    { only },
  );
  // An install of other packages is a step of its own.
  const other = await expectUnchanged(lines('FROM alpine:3.20', 'RUN wget https://example.org/pkgs/tool-2.1-r0.apk', 'RUN apk add --no-cache curl', 'CMD ["tool"]'), null, { only });
  assert.equal(other.notes.map((n) => [n.line, n.id]), [[3, 'separate-steps']]);
});

test('a recursive chown or chmod joins the RUN right above that wrote the files it changes: in a layer of its own it would store them again (review round 10)', async () => {
  const result = await expectOutput(
    lines('FROM php:8.2-apache', 'WORKDIR /var/www/html', 'COPY --from=composer /usr/bin/composer /usr/bin/composer', 'RUN composer install', 'RUN chown -R www-data /var/www && chmod -R 777 /var/www'),
    lines('FROM php:8.2-apache', 'WORKDIR /var/www/html', 'COPY --from=composer /usr/bin/composer /usr/bin/composer', 'RUN composer install \\', '    && chown -R www-data /var/www && chmod -R 777 /var/www'),
    { only },
  );
  assert.equal(result.notes, []);
  await expectOutput(
    lines('FROM debian:12', 'RUN git clone https://example.com/app.git /opt/app', 'RUN chown -R nobody:nogroup /opt/app/data', 'CMD ["app"]'),
    lines('FROM debian:12', 'RUN git clone https://example.com/app.git /opt/app \\', '    && chown -R nobody:nogroup /opt/app/data', 'CMD ["app"]'),
    { only },
  );
});

test('a recursive chmod of files the RUN above did not write stays apart, with a note that does not say the change saves nothing in its layer (review round 10)', async () => {
  const result = await expectUnchanged(lines('FROM debian:12', 'COPY site /srv/site', 'RUN make -C /opt/tool install', 'RUN chmod -R 755 /srv/site', 'CMD ["tool"]'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[4, 'after-step',
    'not merged with the RUN above, which does work of its own (installs packages, downloads, builds or runs many commands): this RUN changes owners or modes recursively, which copies every file it touches into its own layer, but dfmod sees the RUN above write nothing under `/srv/site`, so joining them would save nothing it can show; files a COPY put there keep one copy with `COPY --chown` or `--chmod`, and a change to this RUN would rerun the RUN above (further such RUNs of this stage are left apart too)']]);
});

test.run();

test("the PHP images' extension builds are steps of their own: each stays with the install before it, none joins the next group's install (review round 12)", async () => {
  const groups = lines('FROM php:8.2-fpm-alpine', 'RUN apk add --no-cache libpng-dev', 'RUN docker-php-ext-install gd', '', 'RUN apk add --no-cache libzip-dev', 'RUN docker-php-ext-install zip');
  const result = await expectUnchanged(groups, null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[3, 'separate-steps']]);
  // A configure step prepares the build after it, and joins it; an enable finishes the pecl install above it, and joins that, not the next install.
  await expectOutput(
    lines('FROM php:8.2-apache', 'RUN docker-php-ext-configure gd --with-jpeg', 'RUN docker-php-ext-install gd', 'RUN pecl install redis', 'RUN docker-php-ext-enable redis', 'RUN apk add --no-cache libzip-dev'),
    lines('FROM php:8.2-apache', 'RUN docker-php-ext-configure gd --with-jpeg \\', '    && docker-php-ext-install gd', 'RUN pecl install redis \\', '    && docker-php-ext-enable redis', 'RUN apk add --no-cache libzip-dev'),
    { only },
  );
  // One that names nothing the RUN above did stays a small step before the next.
  await expectOutput(
    lines('FROM php:8.2-apache', 'RUN pecl install redis', 'RUN docker-php-ext-enable opcache', 'RUN apk add --no-cache libzip-dev'),
    lines('FROM php:8.2-apache', 'RUN pecl install redis', 'RUN docker-php-ext-enable opcache \\', '    && apk add --no-cache libzip-dev'),
    { only },
  );
});

test('a Playwright browser download (`pnpm playwright install chromium`, `npx -y playwright@1.47 install`) is a step of its own (review round 13)', async () => {
  const result = await expectUnchanged(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN cd /app && pnpm playwright install ffmpeg', 'RUN cd /app && npx -y playwright@1.47.0 install --no-shell chromium', 'CMD ["node", "a.js"]'),
    null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[5, 'separate-steps']]);
});

test('RUNs that each rebuild system state (`locale-gen`) are not joined: one RUN would do it twice (review round 13)', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN echo "en_GB.UTF-8 UTF-8" >> /etc/locale.gen && locale-gen', 'RUN echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen && locale-gen', 'RUN useradd app'),
    lines('FROM debian:bookworm', 'RUN echo "en_GB.UTF-8 UTF-8" >> /etc/locale.gen && locale-gen', 'RUN echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen && locale-gen \\', '    && useradd app'),
    { only },
  );
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[3, 'regenerates-again']]);
});

test('an install, the download that uses it and the cleanup that purges it become one RUN: apart, the package stays in its layer (review round 14)', async () => {
  await expectOutput(
    lines('FROM php:8.2-cli', 'RUN apt-get update && apt-get install -y curl', '', 'RUN curl -sL https://x/y.tar.gz | tar xvz -C /tmp', 'RUN mv /tmp/y /source', '',
      'RUN apt-get remove --purge -y curl && \\', '    rm -rf /var/lib/apt/lists/* /tmp/*'),
    lines('FROM php:8.2-cli', 'RUN apt-get update && apt-get install -y curl && \\', '    curl -sL https://x/y.tar.gz | tar xvz -C /tmp && \\', '    mv /tmp/y /source && \\',
      '    apt-get remove --purge -y curl && \\', '    rm -rf /var/lib/apt/lists/* /tmp/*'),
    { only },
  );
  // A cleanup that removes something else leaves the install its own step.
  const other = await run(lines('FROM php:8.2-cli', 'RUN apt-get update && apt-get install -y curl', 'RUN curl -sL https://x/y.tar.gz | tar xvz -C /tmp', 'RUN apt-get remove --purge -y wget'), { only });
  assert.ok(other.notes.some((n) => n.id === 'separate-steps' && n.line === 3), JSON.stringify(other.notes));
});

test('a RUN that only cleans, heading the chain, is not joined to the install below it (review round 14: `yum clean all` twice in one RUN)', async () => {
  await expectUnchanged(
    lines('FROM centos:7', 'RUN echo "===> clean yum caches" \\', '    && yum clean all', '', 'RUN echo "===> Installing curl" \\', '    && yum install -y curl'),
    null, { only });
});

test('a comment ending in a list of links is no heading: the install below its RUNs keeps a RUN of its own (review round 14)', async () => {
  const result = await expectOutput(
    lines('FROM golang:1.22', '# Disable telemetry, as collected by Go;', '#', '# - https://go.dev/doc/telemetry#background', 'RUN go telemetry off', 'RUN echo x > /etc/apt/apt.conf.d/keep-cache', 'RUN apt-get update && apt-get install --no-install-recommends -y file'),
    lines('FROM golang:1.22', '# Disable telemetry, as collected by Go;', '#', '# - https://go.dev/doc/telemetry#background', 'RUN go telemetry off \\', '    && echo x > /etc/apt/apt.conf.d/keep-cache', 'RUN apt-get update && apt-get install --no-install-recommends -y file'),
    { only },
  );
  assert.ok(result.notes.some((n) => n.id === 'described-run'), JSON.stringify(result.notes));
});

test('a computed command name that starts with literal text no builtin starts with (`python$PYTHON_VERSION`) names a program: no subshell (review round 14)', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN python$PYTHON_VERSION -c "print(1)"', 'RUN mkdir /serve'),
    lines('FROM python:3.11', 'RUN python$PYTHON_VERSION -c "print(1)" \\', '    && mkdir /serve'),
    { only },
  );
  // `cd$X` may still be `cd`.
  await expectOutput(
    lines('FROM python:3.11', 'RUN mkdir /serve', 'RUN cd$X /tmp', 'RUN ls'),
    lines('FROM python:3.11', 'RUN mkdir /serve \\', '    && ( cd$X /tmp ) \\', '    && ls'),
    { only },
  );
});
