/**
 * The semantic guard: a fix that changes what its transform does not declare
 * is withheld with a note naming what would have changed; text appended after
 * an open continuation is kept out of the instruction before it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runTransforms } from '../lib/core/engine.js';
import type { Effect } from '../lib/core/guard.js';
import type { Fix, Transform } from '../lib/core/types.js';

/** A transform that replaces the first `from` by `to`, declaring `effects` (undefined: declares none). */
function replacing(from: string, to: string, effects: readonly Effect[] | undefined): Transform {
  return {
    id: 'replace',
    level: 'safe',
    description: 'test',
    rationale: 'test',
    ...(effects ? { effects } : {}),
    run: ({ source, dockerfile }) => {
      const start = source.indexOf(from);
      if (start < 0 || source.includes(to)) return {};
      const line = source.slice(0, start).split('\n').length;
      return { fixes: [{ line, message: 'replaced', edits: [{ start, end: start + from.length, text: to }] }] };
    },
  };
}

async function guarded(input: string, from: string, to: string, effects: readonly Effect[] | undefined) {
  return runTransforms(input, { transforms: [replacing(from, to, effects)] });
}

/** Each kind of change, made by a transform that declares only something else. */
const UNDECLARED: { name: string; input: string; from: string; to: string; id: string; says: RegExp }[] = [
  { name: 'an ENV value', input: 'FROM debian\nENV MODE=prod\nCMD ["app"]\n', from: 'MODE=prod', to: 'MODE=dev', id: 'withheld-env', says: /the ENV of the stage at line 1 \(MODE\)/ },
  { name: 'an ARG default', input: 'FROM debian\nARG V=1\nRUN echo $V\n', from: 'V=1', to: 'V=2', id: 'withheld-arg', says: /ARG defaults/ },
  { name: 'the USER', input: 'FROM debian\nUSER app\nCMD ["app"]\n', from: 'USER app', to: 'USER root', id: 'withheld-user', says: /the USER of the stage at line 1 from "app" to "root"/ },
  { name: 'the WORKDIR', input: 'FROM debian\nWORKDIR /app\nCMD ["app"]\n', from: '/app', to: '/srv', id: 'withheld-workdir', says: /WORKDIR .* from "\/app" to "\/srv"/ },
  { name: 'the SHELL', input: 'FROM debian\nSHELL ["/bin/bash", "-c"]\nCMD ["app"]\n', from: '/bin/bash', to: '/bin/zsh', id: 'withheld-shell', says: /SHELL/ },
  { name: 'EXPOSE', input: 'FROM debian\nEXPOSE 8080\nCMD ["app"]\n', from: '8080', to: '8081', id: 'withheld-expose', says: /EXPOSE .*adds 8081.*removes 8080/ },
  { name: 'VOLUME', input: 'FROM debian\nVOLUME /data\nCMD ["app"]\n', from: '/data', to: '/var/data', id: 'withheld-volume', says: /VOLUME/ },
  { name: 'a LABEL', input: 'FROM debian\nLABEL team=a\nCMD ["app"]\n', from: 'team=a', to: 'team=b', id: 'withheld-label', says: /LABEL .*\(team\)/ },
  { name: 'STOPSIGNAL', input: 'FROM debian\nSTOPSIGNAL SIGTERM\nCMD ["app"]\n', from: 'SIGTERM', to: 'SIGINT', id: 'withheld-stopsignal', says: /STOPSIGNAL/ },
  { name: 'HEALTHCHECK', input: 'FROM debian\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["app"]\n', from: 'localhost/', to: 'localhost/health', id: 'withheld-healthcheck', says: /HEALTHCHECK/ },
  { name: 'ONBUILD', input: 'FROM debian\nONBUILD RUN make\nCMD ["app"]\n', from: 'make', to: 'make all', id: 'withheld-onbuild', says: /ONBUILD/ },
  { name: 'the command', input: 'FROM debian\nCMD ["app", "--port", "80"]\n', from: '"80"', to: '"81"', id: 'withheld-command', says: /the command .* of the stage at line 1/ },
  { name: 'the base image', input: 'FROM debian:12\nCMD ["app"]\n', from: 'debian:12', to: 'debian:13', id: 'withheld-base-image', says: /base image of the stage at line 1 from debian:12 to debian:13/ },
  { name: 'the platform', input: 'FROM --platform=linux/amd64 debian\nCMD ["app"]\n', from: 'linux/amd64', to: 'linux/arm64', id: 'withheld-platform', says: /--platform/ },
  { name: 'a stage name (the graph)', input: 'FROM debian AS build\nRUN make\nFROM debian\nCOPY --from=build /out /out\n', from: 'AS build', to: 'AS builder', id: 'withheld-stages', says: /name of the stage at line 1/ },
  { name: 'what a stage copies from (the graph)', input: 'FROM debian AS a\nFROM debian AS b\nFROM debian\nCOPY --from=a /x /x\n', from: '--from=a', to: '--from=b', id: 'withheld-stages', says: /copies or mounts from/ },
  { name: 'the number of stages', input: 'FROM debian\nCMD ["app"]\n', from: 'FROM debian\n', to: 'FROM debian AS base\nFROM base\n', id: 'withheld-stages', says: /number of stages from 1 to 2/ },
  { name: 'the commands a RUN runs', input: 'FROM debian\nRUN make install\n', from: 'make install', to: 'make all', id: 'withheld-run-commands', says: /`make install` → `make all`/ },
  { name: 'the state a RUN runs in', input: 'FROM debian\nUSER app\nRUN make\nUSER root\n', from: 'USER app\nRUN make\nUSER root\n', to: 'USER root\nRUN make\n', id: 'withheld-run-commands', says: /would run in another state/ },
  { name: 'how RUNs are grouped', input: 'FROM debian\nRUN a\nRUN b\n', from: 'RUN a\nRUN b', to: 'RUN a && b', id: 'withheld-run-grouping', says: /how the RUN commands .* are grouped/ },
  { name: 'the order of the steps', input: 'FROM debian\nCOPY . .\nRUN make\n', from: 'COPY . .\nRUN make', to: 'RUN make\nCOPY . .', id: 'withheld-order', says: /order of the build steps/ },
  { name: 'what a COPY copies', input: 'FROM debian\nCOPY a /a\n', from: 'COPY a /a', to: 'COPY b /a', id: 'withheld-copies', says: /what COPY\/ADD copy/ },
];

for (const c of UNDECLARED) {
  test(`the guard withholds an undeclared change of ${c.name}`, async () => {
    // Declares something unrelated, so the transform is guarded.
    const declared: Effect[] = c.id === 'withheld-copies' ? ['env'] : ['copies'];
    const result = await guarded(c.input, c.from, c.to, declared);
    assert.is(result.output, c.input);
    assert.equal(result.changes, []);
    const note = result.notes.find((n) => n.id === c.id);
    assert.ok(note, `expected a ${c.id} note, got ${JSON.stringify(result.notes)}`);
    assert.match(note!.message, /^change withheld: it would change /);
    assert.match(note!.message, c.says);
    assert.match(note!.message, /which replace does not declare$/);
  });

  test(`the same change of ${c.name} is made when declared, and by a transform that declares nothing`, async () => {
    const effect = c.id.replace(/^withheld-/, '') as Effect;
    // An ARG default is also part of the state the RUNs after it run in.
    const declared: Effect[] = effect === 'arg' ? ['arg', 'run-commands'] : [effect];
    for (const effects of [declared, undefined]) {
      const result = await guarded(c.input, c.from, c.to, effects);
      assert.is(result.output, c.input.replace(c.from, c.to), JSON.stringify(result.notes));
    }
  });
}

test('exec form keeps the argv: allowed under command-form; a changed argv or run-argument contract is not', async () => {
  const effects: Effect[] = ['command-form'];
  let result = await guarded('FROM debian\nCMD app --port 80\n', 'app --port 80', '["app", "--port", "80"]', effects);
  assert.is(result.output, 'FROM debian\nCMD ["app", "--port", "80"]\n');
  result = await guarded('FROM debian\nCMD app --port 80\n', 'app --port 80', '["app", "--port", "81"]', effects);
  assert.is(result.notes[0]?.id, 'withheld-command');
  // A shell-form ENTRYPOINT drops `docker run` arguments; in JSON form they would reach the program.
  result = await guarded('FROM debian\nENTRYPOINT app --port 80\n', 'app --port 80', '["app", "--port", "80"]', effects);
  assert.is(result.output, 'FROM debian\nENTRYPOINT app --port 80\n');
  assert.match(result.notes[0].message, /whether `docker run` arguments reach the command/);
});

test('exec form under an image entrypoint: equal where the entrypoint passes the command through, withheld where it acts on it', async () => {
  const effects: Effect[] = ['command-form'];
  // node's docker-entrypoint.sh execs any command: `sh -c 'node s.js'` and `node s.js` run alike.
  let result = await guarded('FROM node:20\nCMD node s.js\n', 'node s.js', '["node", "s.js"]', effects);
  assert.is(result.output, 'FROM node:20\nCMD ["node", "s.js"]\n');
  // postgres's sets up and drops to the postgres user only when the first argument is `postgres`.
  result = await guarded('FROM postgres:16\nCMD postgres -c fsync=off\n', 'postgres -c fsync=off', '["postgres", "-c", "fsync=off"]', effects);
  assert.is(result.notes[0]?.id, 'withheld-command');
});

test('a prefix in front of the command is allowed under command-prefix; another change of it is not', async () => {
  const effects: Effect[] = ['command-prefix'];
  let result = await guarded('FROM debian\nCMD ["app"]\n', 'CMD ["app"]', 'ENTRYPOINT ["tini", "--"]\nCMD ["app"]', effects);
  assert.is(result.output, 'FROM debian\nENTRYPOINT ["tini", "--"]\nCMD ["app"]\n');
  result = await guarded('FROM debian\nCMD ["app"]\n', 'CMD ["app"]', 'ENTRYPOINT ["tini", "--"]\nCMD ["other"]', effects);
  assert.match(result.notes[0]?.message ?? '', /beyond a wrapper in front/);
});

test('of several fixes, the one that changes too much is withheld and the others are made', async () => {
  const two: Transform = {
    id: 'two', level: 'safe', description: 'test', rationale: 'test', effects: ['run-commands'],
    run: ({ source }) => {
      const fixes: Fix[] = [];
      const a = source.indexOf('make');
      if (!source.includes('make -j2')) fixes.push({ line: 2, message: 'a', edits: [{ start: a, end: a + 4, text: 'make -j2' }] });
      const u = source.indexOf('USER app');
      if (u >= 0) fixes.push({ line: 3, message: 'b', edits: [{ start: u, end: u + 8, text: 'USER root' }] });
      return { fixes };
    },
  };
  const result = await runTransforms('FROM debian\nRUN make\nUSER app\n', { transforms: [two] });
  assert.is(result.output, 'FROM debian\nRUN make -j2\nUSER app\n');
  assert.equal(result.changes.map((c) => c.message), ['a']);
  assert.equal(result.notes.map((n) => [n.line, n.id]), [[3, 'withheld-user']]);
});

/** A transform that appends one instruction at the end of the file, as init-entrypoint and multi-stage do. */
const appending = (text: string): Transform => ({
  id: 'append', level: 'safe', description: 'test', rationale: 'test', effects: ['command'],
  run: ({ source, dockerfile }) => (source.includes(text.trim())
    ? {}
    : { fixes: [{ line: dockerfile.instructions.at(-1)!.line, message: 'appended', edits: [{ start: source.length, end: source.length, text }] }] }),
});

const OPEN_CONTINUATIONS: [string, string, string][] = [
  ['ENV at the end, final newline', 'FROM debian\nENV A=1 \\\n', 'FROM debian\nENV A=1\n'],
  ['ENV at the end, no final newline', 'FROM debian\nENV A=1 \\', 'FROM debian\nENV A=1'],
  ['RUN with a blank line after', 'FROM debian\nRUN make \\\n  install \\\n\n', 'FROM debian\nRUN make \\\n  install\n\n'],
  ['LABEL with a comment line after', 'FROM debian\nLABEL a=b \\\n# c\n', 'FROM debian\nLABEL a=b\n# c\n'],
  ['CRLF', 'FROM debian\r\nLABEL a=b \\\r\n', 'FROM debian\r\nLABEL a=b\r\n'],
];

for (const [name, input, closed] of OPEN_CONTINUATIONS) {
  test(`an open continuation at the end of the file is closed before text is appended: ${name}`, async () => {
    const eol = input.includes('\r\n') ? '\r\n' : '\n';
    const added = `${/[\r\n]$/.test(input) ? '' : eol}ENTRYPOINT ["tini", "--"]${eol}`;
    const result = await runTransforms(input, { transforms: [appending(added)] });
    assert.is(result.output, closed + added);
    const again = await runTransforms(result.output, { transforms: [appending(added)] });
    assert.is(again.output, result.output);
  });
}

test('text that would join an instruction it does not touch is withheld', async () => {
  // An insertion that does not start a line of its own, before a later instruction.
  const result = await guarded('FROM debian\nRUN a\nCMD ["app"]\n', 'RUN a\n', 'RUN a\nENV X=1 \\\n', undefined);
  assert.is(result.output, 'FROM debian\nRUN a\nCMD ["app"]\n');
  assert.is(result.notes[0]?.id, 'withheld-joins-instruction');
  assert.match(result.notes[0].message, /join new text into the instruction at line 3/);
});

test.run();
