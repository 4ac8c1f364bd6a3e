import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines } from './helpers.js';

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

test('a leading exec is dropped: JSON form already makes the app PID 1', async () => {
  await expectOutput(lines('FROM x', 'CMD exec nginx -g daemon-off'), lines('FROM x', 'CMD ["nginx", "-g", "daemon-off"]'), { only });
});

test('a continued CMD becomes one JSON line', async () => {
  await expectOutput(lines('FROM x', 'CMD gunicorn \\', '    --bind 127.0.0.1:80 app:app'), lines('FROM x', 'CMD ["gunicorn", "--bind", "127.0.0.1:80", "app:app"]'), { only });
});

test('a shell-form ENTRYPOINT stays: in JSON form `docker run` arguments would reach the program, which ignored them', async () => {
  await expectRefused(lines('FROM x', 'ENTRYPOINT /usr/bin/app serve'), 'withheld-command', { only });
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

test.run();
