import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';
import { memoryContext } from '../lib/core/context.js';

const only = ['exec-form'];

test('shell-form CMD with plain words becomes JSON form', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'CMD node server.js --port 8080'),
    lines('FROM node:20', 'CMD ["node", "server.js", "--port", "8080"]'),
    { only },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['exec-form', 2]]);
});

test('quoted literals are unquoted into JSON strings', async () => {
  await expectOutput(
    lines('FROM x', `CMD python -c 'print(1)' "a b"`),
    lines('FROM x', 'CMD ["python", "-c", "print(1)", "a b"]'),
    { only },
  );
});

// Changed (review round 4): `CMD exec app` was rewritten to JSON form, which runs the same PID 1; a reviewer reads it as noise.
test('a CMD that already execs its app is left as it is: the app is PID 1 either way', async () => {
  const result = await expectUnchanged(lines('FROM x', 'CMD exec nginx -g daemon-off'), null, { only });
  assert.equal(result.notes, []);
  await expectUnchanged(lines('FROM python:3.12-slim', 'EXPOSE 8000', 'CMD exec gunicorn main:app --threads=8'), null, { only });
  // Not a CMD of several commands: the shell stays for the first.
  await expectRefused(lines('FROM x', 'CMD cd /srv && exec nginx'), 'and-or-list', { only, line: 2 });
});

test('a continued CMD becomes one JSON line', async () => {
  await expectOutput(lines('FROM x', 'CMD gunicorn \\', '    --bind 127.0.0.1:80 app:app'), lines('FROM x', 'CMD ["gunicorn", "--bind", "127.0.0.1:80", "app:app"]'), { only });
});

test('left alone: a shell-form ENTRYPOINT without CMD (JSON form would pass `docker run` arguments on)', async () => {
  const result = await expectRefused(lines('FROM x', 'ENTRYPOINT /usr/bin/app serve'), 'entrypoint-run-arguments', { only, line: 2 });
  assert.equal(result.notes.map((n) => n.message), [
    'ENTRYPOINT left in shell form: a shell-form ENTRYPOINT ignores CMD and `docker run` arguments, which a JSON-form one would pass to the program',
  ]);
});

test('left alone: a base stage\'s shell-form ENTRYPOINT when a stage built FROM it sets CMD', async () => {
  const input = lines('FROM debian:bookworm AS base', 'ENTRYPOINT /usr/local/bin/app', 'FROM base AS web', 'CMD ["--port", "8080"]');
  const result = await expectRefused(input, 'entrypoint-child-cmd', { only, line: 2 });
  assert.match(result.notes[0].message, /stage web builds on this one and has a CMD \(line 4\)/);
});

test('left alone: a base stage\'s ENTRYPOINT even when the child resets it (the base may be run on its own)', async () => {
  const input = lines('FROM debian:bookworm AS base', 'ENTRYPOINT /usr/local/bin/app', 'FROM base', 'ENTRYPOINT ["/usr/local/bin/other"]', 'CMD ["x"]');
  await expectRefused(input, 'entrypoint-run-arguments', { only, line: 2 });
});

// ---- what JSON form would exec ----------------------------------------------------------------

test('left alone: CMD ./script whose file in the build context has no #! line (only sh -c runs it)', async () => {
  const input = lines('FROM debian:bookworm-slim', 'WORKDIR /app', 'COPY run-job.sh .', 'CMD ./run-job.sh');
  const result = await expectRefused(input, 'no-shebang', { only, line: 4, files: { 'run-job.sh': 'echo job done\n' } });
  assert.equal(result.notes.map((n) => n.message), [
    'CMD left in shell form: run-job.sh (copied at line 3) has no `#!` line: the shell runs it as a script, exec would fail with "exec format error"',
  ]);
});

test('a script with a #! line is converted; so is one the whole-context copy brings', async () => {
  await expectOutput(
    lines('FROM debian:bookworm-slim', 'WORKDIR /app', 'COPY . .', 'CMD ./bin/run-job.sh --once'),
    lines('FROM debian:bookworm-slim', 'WORKDIR /app', 'COPY . .', 'CMD ["./bin/run-job.sh", "--once"]'),
    { only, files: { 'bin/run-job.sh': '#!/bin/sh\necho job done\n' } },
  );
});

test('left alone: a command found on PATH that a COPY fills with a script without #!', async () => {
  const input = lines('FROM debian:bookworm-slim', 'COPY scripts/ /usr/local/bin/', 'CMD report --daily');
  await expectRefused(input, 'no-shebang', { only, line: 3, files: { 'scripts/report': 'date\n' } });
});

test('the file last copied wins: a later COPY of a script with #! over one without', async () => {
  await expectOutput(
    lines('FROM debian:bookworm-slim', 'WORKDIR /app', 'COPY old/run.sh .', 'COPY new/run.sh ./run.sh', 'CMD ./run.sh'),
    lines('FROM debian:bookworm-slim', 'WORKDIR /app', 'COPY old/run.sh .', 'COPY new/run.sh ./run.sh', 'CMD ["./run.sh"]'),
    { only, files: { 'old/run.sh': 'echo old\n', 'new/run.sh': '#!/bin/sh\necho new\n' } },
  );
});

test('a script copied from another stage is read where that stage copied it from the context', async () => {
  const input = lines('FROM debian:bookworm-slim AS build', 'WORKDIR /src', 'COPY . .', 'FROM debian:bookworm-slim', 'COPY --from=build /src/job.sh /job.sh', 'CMD /job.sh');
  await expectRefused(input, 'no-shebang', { only, line: 6, files: { 'job.sh': 'echo hi\n' } });
});

test('left alone: a .sh script dfmod cannot read (made by a RUN, or no build context)', async () => {
  const input = lines('FROM debian:bookworm-slim', 'RUN printf "echo hi\\n" > /run.sh && chmod +x /run.sh', 'CMD /run.sh');
  await expectRefused(input, 'script-not-read', { only, line: 3, files: { 'other.txt': '' } });
  await expectRefused(input, 'script-not-read', { only, line: 3 });
});

// ---- what the ENTRYPOINT does with the CMD ------------------------------------------------------

test('left alone: a CMD under a custom ENTRYPOINT script, which receives `/bin/sh -c …` in shell form', async () => {
  const input = lines('FROM debian:bookworm-slim', 'COPY entrypoint.sh /entrypoint.sh', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD /usr/bin/app serve');
  const result = await expectRefused(input, 'entrypoint-not-known', { only, line: 4, files: { 'entrypoint.sh': '#!/bin/sh\nif [ "$1" = app ]; then exec su app -c "$*"; fi\nexec "$@"\n' } });
  assert.match(result.notes[0].message, /the ENTRYPOINT at line 3 \(\/entrypoint\.sh\) receives the CMD as its arguments/);
});

test('an init ENTRYPOINT (tini --, dumb-init) runs its arguments as they are: the CMD is converted', async () => {
  for (const entrypoint of ['["/usr/bin/tini", "--"]', '["tini", "-g", "--"]', '["dumb-init"]']) {
    await expectOutput(
      lines('FROM debian:bookworm-slim', `ENTRYPOINT ${entrypoint}`, 'CMD /usr/bin/app serve'),
      lines('FROM debian:bookworm-slim', `ENTRYPOINT ${entrypoint}`, 'CMD ["/usr/bin/app", "serve"]'),
      { only },
    );
  }
});

test('node\'s docker-entrypoint.sh (inherited or behind tini) runs node, npm, … as they are: converted', async () => {
  await expectOutput(lines('FROM node:20', 'CMD node server.js'), lines('FROM node:20', 'CMD ["node", "server.js"]'), { only });
  await expectOutput(
    lines('FROM node:20', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD npm start'),
    lines('FROM node:20', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]', 'CMD ["npm", "start"]'),
    { only },
  );
});

test('under node\'s docker-entrypoint.sh, a command the image has (npm) runs as given: converted', async () => {
  await expectOutput(lines('FROM node:20', 'CMD npm run serve'), lines('FROM node:20', 'CMD ["npm", "run", "serve"]'), { only });
});

test('left alone: under node\'s docker-entrypoint.sh, a file not executable in the context (the script would run it with node)', async () => {
  const input = lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'CMD ./server.js');
  const files = { 'server.js': '#!/usr/bin/env node\nrequire("http").createServer().listen(80)\n' };
  const result = await expectRefused(input, 'entrypoint-branches', { only, line: 4, files });
  assert.match(result.notes[0].message, /node:20's docker-entrypoint\.sh runs its own program on a first argument that is not an executable command/);
  // Executable (in the context, or by --chmod), exec-form would convert it; the engine's guard, which cannot see the
  // file's mode, still withholds the change.
  for (const [text, options] of [
    [input, { context: memoryContext(files, '/context', { 'server.js': 0o755 }) }],
    [input.replace('COPY . .', 'COPY --chmod=755 . .'), { files }],
  ] as const) {
    const withheld = await expectRefused(text, 'withheld-command', { only, line: 4, ...options });
    assert.not.ok(withheld.notes.some((n) => n.id === 'entrypoint-branches'));
  }
});

test('left alone: nginx\'s entrypoint runs its hooks only when the first argument is nginx', async () => {
  const result = await expectRefused(lines('FROM nginx:1.27', `CMD nginx -g 'daemon off;'`), 'entrypoint-branches', { only, line: 2 });
  assert.match(result.notes[0].message, /nginx:1\.27's \/docker-entrypoint\.sh acts on a first argument `nginx` itself/);
});

test('left alone: postgres\'s entrypoint initialises the database and drops root only for `postgres`', async () => {
  await expectRefused(lines('FROM postgres:16', 'CMD postgres -c fsync=off'), 'entrypoint-branches', { only, line: 2 });
});

test('left alone: the ENTRYPOINT of a known image whose script the knowledge base does not describe (traefik)', async () => {
  await expectRefused(lines('FROM traefik:3', 'CMD traefik --api'), 'entrypoint-not-known', { only, line: 2 });
});

test('a CMD under a shell-form ENTRYPOINT never reaches it: converting it changes nothing', async () => {
  await expectOutput(
    lines('FROM debian:bookworm-slim', 'ENTRYPOINT /usr/bin/app', 'CMD /usr/bin/app --help'),
    lines('FROM debian:bookworm-slim', 'ENTRYPOINT /usr/bin/app', 'CMD ["/usr/bin/app", "--help"]'),
    { only },
  );
});

test('CRLF files keep CRLF', async () => {
  await expectOutput('FROM x\r\nCMD node a.js\r\n', 'FROM x\r\nCMD ["node", "a.js"]\r\n', { only });
});

for (const [name, cmd, reason] of [
  ['variable expansion', 'node server.js --port $PORT', 'variable-expansion'],
  ['redirection', 'node server.js > /var/log/app.log', 'redirection'],
  ['pipe', 'app | tee log', 'pipe'],
  ['list', 'migrate && serve', 'and-or-list'],
  ['several commands', 'a; b', 'several-commands'],
  ['glob', 'cat *.txt', 'expansion'],
  ['tilde', 'run ~/bin/app', 'expansion'],
  ['environment prefix', 'NODE_ENV=production node a.js', 'variable-assignment'],
  ['builtin', 'cd /app', 'builtin'],
  ['command substitution', 'echo $(date)', 'command-substitution'],
  ['comment', 'node a.js # start', 'comment'],
  ['background job', 'app &', 'background-or-semicolon'],
  ['backslash escape in double quotes with variable', 'echo "$HOME"', 'variable-expansion'],
] as [string, string, string][]) {
  test(`left alone: ${name}`, async () => {
    await expectRefused(lines('FROM x', `CMD ${cmd}`), reason, { only, line: 2 });
  });
}

test('left alone: ENTRYPOINT when the stage has a CMD (JSON form would pass CMD as arguments)', async () => {
  await expectRefused(lines('FROM x', 'ENTRYPOINT app serve', 'CMD ["--port", "80"]'), 'entrypoint-with-cmd', { only, line: 2 });
});

test('a SHELL that runs one plain command as /bin/sh -c does (bash -o pipefail -c, sh -eux -c) does not stop JSON form', async () => {
  await expectOutput(
    lines('FROM debian:trixie-slim', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'COPY setup.sh /setup.sh', 'CMD "/setup.sh"'),
    lines('FROM debian:trixie-slim', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'COPY setup.sh /setup.sh', 'CMD ["/setup.sh"]'),
    { only, files: { 'setup.sh': '#!/bin/sh\necho set up\n' } },
  );
  await expectOutput(lines('FROM x', 'SHELL ["sh", "-eux", "-c"]', 'CMD app --port 80'), lines('FROM x', 'SHELL ["sh", "-eux", "-c"]', 'CMD ["app", "--port", "80"]'), { only });
  // A login shell reads profiles; pwsh is another language.
  await expectRefused(lines('FROM x', 'SHELL ["/bin/bash", "-l", "-c"]', 'CMD app'), 'shell-instruction', { only, line: 3 });
});

test('left alone with a note: a command that runs a shell itself (`sh -c "…"`) keeps a shell as PID 1 in JSON form too', async () => {
  const result = await expectUnchanged(lines('FROM golang:1.25', 'CMD sh -c "app 2>&1 | tee /var/log/app.log"'), null, { only });
  assert.equal(result.notes.map((n) => [n.line, n.id, n.message]), [[2, 'runs-a-shell',
    'CMD left in shell form: it runs `sh` either way, which stays PID 1 and does not forward SIGTERM; to have the app receive signals, put `exec` in front of its last command, or run the app directly']]);
});

test('left alone: a stage with SHELL', async () => {
  await expectRefused(lines('FROM x', 'SHELL ["/bin/bash", "-lc"]', 'CMD app'), 'shell-instruction', { only, line: 3 });
});

test('left alone: a stage built FROM $BASE whose default names a stage with SHELL', async () => {
  const input = lines('ARG BASE=build', 'FROM debian AS build', 'SHELL ["pwsh", "-Command"]', 'FROM $BASE', 'RUN pip install x', 'CMD app');
  await expectRefused(input, 'shell-instruction', { only, line: 6 });
});

test('left alone: Windows images run shell form under cmd.exe', async () => {
  await expectRefused(lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD app.exe'), 'windows-shell', { only, line: 3 });
});

test('left alone: a Windows tag of an official image (python:3.12-windowsservercore, golang:…-nanoserver-…)', async () => {
  await expectRefused(lines('FROM python:3.12-windowsservercore', 'CMD python app.py'), 'windows-shell', { only, line: 2 });
  await expectRefused(lines('FROM golang:1.22-nanoserver-ltsc2022', 'CMD app.exe'), 'windows-shell', { only, line: 2 });
});

test('the wording of a refusal names what needs the shell', async () => {
  const result = await expectRefused(lines('FROM x', 'CMD app > log'), 'redirection', { only });
  assert.equal(result.notes.map((n) => n.message), ['CMD left in shell form: it uses a redirection']);
});

test('JSON form and heredocs are not touched', async () => {
  await expectUnchanged(lines('FROM x', 'CMD ["node", "a.js"]', 'ENTRYPOINT ["tini", "--"]'), null, { only });
});

test('only the changed line differs: everything else is byte-identical', async () => {
  const input = '\uFEFF# syntax=docker/dockerfile:1\nFROM x   \n\t# tabbed comment\nRUN a \\\n  # inner\n  && b\nCMD app';
  await expectOutput(input, input.replace('CMD app', 'CMD ["app"]'), { only });
});

test('bash -c with one command: JSON form makes that command PID 1 (bash execs it); php\'s entrypoint passes a command on as it is (review round 5)', async () => {
  const result = await expectOutput(
    lines('FROM php:8.3-cli', "CMD bash -c 'X=1 php -S 0.0.0.0:2080 -t /src'"),
    lines('FROM php:8.3-cli', 'CMD ["bash", "-c", "X=1 php -S 0.0.0.0:2080 -t /src"]'),
    { only: ['exec-form'] },
  );
  assert.equal(result.changes.map((c) => c.message), ['CMD in JSON form, so bash execs `php` as PID 1, where it receives signals']);
  // Two commands: bash stays (dfmod counts only on the one-command case, which every bash execs).
  const two = await expectUnchanged(lines('FROM php:8.3-cli', "CMD bash -c 'cd /src && php -S 0.0.0.0:2080'"), null, { only: ['exec-form'] });
  assert.equal(two.notes.map((n) => n.id), ['runs-a-shell']);
  // sh (dash) forks even its one command.
  const dash = await expectUnchanged(lines('FROM php:8.3-cli', "CMD sh -c 'php -S 0.0.0.0:2080'"), null, { only: ['exec-form'] });
  assert.equal(dash.notes.map((n) => n.id), ['runs-a-shell']);
  // php's entrypoint gives php only a first argument starting with `-`: any command runs as it is.
  await expectOutput(lines('FROM php:8.3-cli', 'CMD my-server --port 80'), lines('FROM php:8.3-cli', 'CMD ["my-server", "--port", "80"]'), { only: ['exec-form'] });
});

test('a line a refusal quotes is the line on disk, after an earlier change removed a line above it', async () => {
  const result = await run(
    lines('FROM debian:bookworm', 'RUN apt-get update', 'RUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/entry.sh"]', 'CMD node server.js'),
    { only: ['apt-cleanup', 'exec-form'] },
  );
  assert.fixture(result.output, lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'ENTRYPOINT ["/entry.sh"]', 'CMD node server.js'));
  assert.equal(result.notes.filter((n) => n.transform === 'exec-form').map((n) => [n.line, n.message]), [[5,
    'CMD left in shell form: the ENTRYPOINT at line 4 (/entry.sh) receives the CMD as its arguments, `/bin/sh -c …` in shell form and `node …` in JSON form, ' +
    'and dfmod does not know that it treats both alike']]);
});

test('a CMD that a later CMD of the same stage replaces is left as written: rewriting it changes nothing that runs (review round 9)', async () => {
  const result = await expectOutput(lines('FROM debian:12', 'CMD echo one', 'RUN true', 'CMD echo two'), lines('FROM debian:12', 'CMD echo one', 'RUN true', 'CMD ["echo", "two"]'), { only });
  assert.equal(result.notes, []);
  // Each stage's own last CMD counts.
  await expectOutput(lines('FROM debian:12 AS a', 'CMD echo one', 'FROM a', 'CMD echo two'), lines('FROM debian:12 AS a', 'CMD ["echo", "one"]', 'FROM a', 'CMD ["echo", "two"]'), { only });
});

test.run();
