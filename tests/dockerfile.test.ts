import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDockerfile } from '../lib/core/dockerfile.js';

test('logical shell text: continuations joined, comment and blank lines inside dropped', () => {
  const df = parseDockerfile('FROM x\nRUN apt-get update \\\n  # why\n\n  && apt-get install -y curl\n');
  const run = df.instructions[1];
  const script = df.shellScript(run)!;
  assert.is(script.text, 'apt-get update   && apt-get install -y curl');
  // Every character maps back to where it stands in the source.
  for (let i = 0; i < script.text.length; i++) assert.is(df.source.text[script.offsets[i]], script.text[i]);
});

test('logical shell text honours # escape=` and CRLF', () => {
  const df = parseDockerfile('# escape=`\r\nFROM x\r\nRUN echo C:\\ `\r\n  && dir\r\n');
  assert.is(df.escapeChar, '`');
  assert.is(df.shellScript(df.instructions[1])!.text, 'echo C:\\   && dir');
});

test('forms: exec, shell, heredoc; flags are separated from arguments', () => {
  const df = parseDockerfile('FROM x\nRUN --mount=type=cache,target=/root/.npm npm ci\nCMD ["node", "a.js"]\nRUN <<EOF\necho hi\nEOF\nENTRYPOINT [not json\n');
  const [, run, cmd, heredoc, entry] = df.instructions;
  assert.is(run.form, 'shell');
  assert.equal(run.flags.map((f) => f.text), ['--mount=type=cache,target=/root/.npm']);
  assert.is(df.rawArguments(run), 'npm ci');
  assert.is(cmd.form, 'exec');
  assert.equal(cmd.execArgs, ['node', 'a.js']);
  assert.is(heredoc.form, 'heredoc');
  assert.is(entry.form, 'shell', 'invalid JSON runs in shell form, as BuildKit does');
});

test('stages: names, parents, global ARGs, SHELL and Windows detection', () => {
  const df = parseDockerfile([
    'ARG BASE=node:20',
    'FROM $BASE AS Build',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'RUN make',
    'FROM build AS test',
    'RUN make test',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
    'RUN dir',
  ].join('\n'));
  assert.is(df.globalArgs.length, 1);
  assert.equal(df.stages.map((s) => s.name), ['build', 'test', null]);
  assert.is(df.stages[1].parent, df.stages[0]);
  const [, , , make, , test, , dir] = df.instructions;
  assert.equal(df.shellOf(make), ['/bin/bash', '-o', 'pipefail', '-c']);
  assert.equal(df.shellOf(test), ['/bin/bash', '-o', 'pipefail', '-c'], 'SHELL is inherited from the parent stage');
  assert.ok(df.hasPosixShell(make));
  assert.not.ok(df.hasPosixShell(dir));
  assert.is(df.finalStage, df.stages[2]);
});

test('stages: a parent named through a global ARG default, and the SHELL it sets', () => {
  const df = parseDockerfile(['ARG BASE=build', 'FROM debian AS build', 'SHELL ["pwsh", "-Command"]', 'FROM $BASE', 'RUN pip install x'].join('\n'));
  assert.is(df.stages[1].parent, df.stages[0]);
  assert.equal(df.shellOf(df.instructions[4]), ['pwsh', '-Command']);
  assert.not.ok(df.hasPosixShell(df.instructions[4]));
});

test('non-POSIX SHELL is recognised', () => {
  const df = parseDockerfile('FROM x\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem\n');
  assert.not.ok(df.hasPosixShell(df.instructions[2]));
});

test('suppressions: line before an instruction, transform lists, hadolint rules', () => {
  const df = parseDockerfile([
    'FROM x',
    '# dfmod-ignore',
    'RUN a',
    '# dfmod-ignore merge-runs, apt-cleanup',
    'RUN b',
    '# hadolint ignore=DL3059',
    'RUN c',
    'RUN d',
  ].join('\n'));
  const [, a, b, c, d] = df.instructions;
  assert.not.ok(df.ignoresFile);
  assert.ok(df.isSuppressed(a, 'exec-form'));
  assert.ok(df.isSuppressed(b, 'merge-runs'));
  assert.ok(df.isSuppressed(b, 'apt-cleanup'));
  assert.not.ok(df.isSuppressed(b, 'exec-form'));
  assert.ok(df.isSuppressed(c, 'merge-runs', ['DL3059']));
  assert.not.ok(df.isSuppressed(c, 'apt-cleanup', ['DL3009']));
  assert.not.ok(df.isSuppressed(d, 'merge-runs', ['DL3059']));
});

test('dfmod-ignore-file counts only before the first instruction', () => {
  assert.ok(parseDockerfile('# comment\n# dfmod-ignore-file\nFROM x\n').ignoresFile);
  assert.not.ok(parseDockerfile('FROM x\n# dfmod-ignore-file\nRUN a\n').ignoresFile);
});

test('a dfmod-ignore comment applies only to the instruction right after it', () => {
  const df = parseDockerfile('FROM x\n# dfmod-ignore exec-form\n\nCMD a\n');
  assert.not.ok(df.isSuppressed(df.instructions[1], 'exec-form'), 'a blank line breaks the link');
});

test.run();
