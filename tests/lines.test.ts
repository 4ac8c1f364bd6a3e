/**
 * Changes and notes cite lines of the file as read, even when transforms
 * compose over several passes and earlier passes moved lines around; and
 * notes from every pass are kept unless a later one makes them stale.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { runTransforms, type RunResult } from '../lib/core/engine.js';
import { parseDockerfile } from '../lib/core/dockerfile.js';
import { folderContext } from '../lib/core/context.js';
import type { Transform } from '../lib/core/types.js';
import { lines, pick, run } from './helpers.js';

/** [transform, line, keyword of the input's instruction at that line] for every change and note. */
function cited(input: string, result: RunResult, which: 'changes' | 'notes'): [string, number, string][] {
  const model = parseDockerfile(input);
  return result[which].map((c) => [c.transform, c.line, model.instructions.find((i) => i.line === c.line)?.keyword ?? '(none)']);
}

const goServer = { 'go.mod': 'module example.com/s\n\ngo 1.19\n', 'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":80", nil) }\n' };

test('apt-cleanup, merge-runs, init-entrypoint and exec-form on one file cite its own lines', async () => {
  const input = lines('FROM debian:bookworm', 'RUN apt-get update', 'RUN apt-get install -y curl', '', 'RUN rm -rf /tmp/build', 'CMD node server.js');
  const result = await run(input, { only: ['apt-cleanup', 'merge-runs', 'init-entrypoint', 'exec-form'] });
  assert.ok(result.passes > 2, 'the transforms compose over several passes');
  assert.equal(cited(input, result, 'changes'), [
    // The safe transforms first, to their fixpoint:
    ['apt-cleanup', 2, 'RUN'], // update joined into the RUN that installs
    ['merge-runs', 3, 'RUN'], // that RUN (its keyword is line 3's) and `RUN rm -rf /tmp/build`, a cleanup
    ['exec-form', 6, 'CMD'],
    ['apt-cleanup', 3, 'RUN'], // the lists removed at the end of the merged RUN
    // then init-entrypoint (review) on top, tini joined to the install of line 3: no RUN of its own for merge-runs to glue.
    ['init-entrypoint', 6, 'CMD'], // ENTRYPOINT inserted before the CMD
  ]);
  assert.equal(result.changes.map((c) => c.level), ['safe', 'safe', 'safe', 'safe', 'review']);
  assert.match(result.output, 'apt-get install -y curl tini');
  assert.equal(result.notes, []);
});

test('cache-cleanup, merge-runs and exec-form: changes and notes on the lines of the input', async () => {
  // Two installs stay apart (each is a step of its own); the small step above the second joins it.
  const input = lines('FROM node:20', 'RUN npm install -g pm2', 'RUN mkdir -p /srv', 'RUN pip install flask', 'ENTRYPOINT app serve', 'CMD ["--port", "80"]');
  const result = await run(input, { only: ['cache-cleanup', 'merge-runs', 'exec-form'] });
  assert.equal(cited(input, result, 'changes'), [['cache-cleanup', 2, 'RUN'], ['cache-cleanup', 4, 'RUN'], ['merge-runs', 3, 'RUN']]);
  assert.equal(cited(input, result, 'notes'), [['exec-form', 5, 'ENTRYPOINT'], ['merge-runs', 3, 'RUN']]);
});

test('copy-deps-first after a merge above it: the install and the CMD keep their lines', async () => {
  const input = lines('FROM node:20', 'WORKDIR /app', 'RUN apt-get update', 'RUN echo hi', 'COPY . .', 'RUN npm ci', 'CMD node server.js');
  const files = { 'package.json': '{"name":"a","dependencies":{}}', 'package-lock.json': '{}', '.dockerignore': 'node_modules\n' };
  const result = await run(input, { only: ['merge-runs', 'copy-deps-first', 'exec-form'], files });
  assert.equal(cited(input, result, 'changes'), [['merge-runs', 3, 'RUN'], ['copy-deps-first', 6, 'RUN'], ['exec-form', 7, 'CMD']]);
});

test('multi-stage after merge-runs and exec-form: the pass-one refusal is stale once the split is made', async () => {
  const input = lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go env', 'RUN go build -o /app/server .', 'EXPOSE 80', 'CMD /app/server');
  const result = await run(input, { only: ['multi-stage', 'merge-runs', 'exec-form'], files: goServer });
  assert.equal(cited(input, result, 'changes'), [['merge-runs', 4, 'RUN'], ['exec-form', 7, 'CMD'], ['multi-stage', 1, 'FROM']]);
  assert.equal(result.notes, [], 'pass one refused the split for the shell-form CMD; the split that followed supersedes it');
});

test('merge-runs (safe) joins the RUNs before multi-arch (review) inserts its ARGs above them: each cites its line of the input', async () => {
  // The build stage is only copied from, so merge-runs leaves it alone: the RUNs it joins are in the shipped stage below.
  const input = lines('FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', '',
    'FROM alpine:3.20', 'COPY --from=build /app/server /app/server', 'RUN echo a', 'RUN chmod 0755 /app/server', 'CMD ["/app/server"]');
  const result = await run(input, { only: ['multi-arch', 'merge-runs'] });
  assert.equal(cited(input, result, 'changes'), [['merge-runs', 8, 'RUN'], ['multi-arch', 1, 'FROM']]);
});

test('messages that name another instruction name its line in the input', async () => {
  const input = lines('FROM debian:bookworm', 'RUN echo a', 'RUN echo b', 'RUN apt-get update', 'COPY x /x', 'RUN apt-get install -y curl');
  const result = await run(input, { only: ['merge-runs', 'apt-cleanup'] });
  const named = [...result.changes, ...result.notes].map((c) => /line (\d+)/.exec(c.message)?.[1]).filter((n) => n !== undefined);
  // The update's lists were read from the RUN merged at line 2, but the update itself is on line 4 on disk.
  assert.equal(named, ['4'], JSON.stringify(result));
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['merge-runs', 2], ['apt-cleanup', 6], ['apt-cleanup', 4], ['apt-cleanup', 6]]);
});

test('after RUNs are merged, each change and note is at the line on disk of the command it is about', async () => {
  const input = lines('FROM alpine:3.20', 'RUN echo x > /x', '', 'RUN apk update && apk add bash', 'CMD ["bash"]');
  const result = await run(input, { level: 'safe' });
  assert.fixture(result.output, lines('FROM alpine:3.20', 'RUN echo x > /x \\', '    && apk add --no-cache bash', 'CMD ["bash"]'));
  assert.equal(result.changes.map((c) => [c.transform, c.line, c.message]), [
    ['merge-runs', 2, 'merged 2 RUN instructions into one layer'],
    ['cache-cleanup', 4, '`apk add`: --no-cache added'],
    ['cache-cleanup', 4, '`apk update` removed: --no-cache already keeps the apk cache out of the layer'],
  ]);
});

test('a line quoted in a message is the line on disk of the command it names, inside a merged RUN too', async () => {
  // npm installs offline at line 4, merged into the RUN at line 3: the note names line 4.
  const input = lines('FROM node:20', 'RUN npm install', 'RUN echo start', 'RUN npm ci --offline');
  const result = await run(input, { only: ['merge-runs', 'cache-cleanup'] });
  assert.fixture(result.output, lines('FROM node:20', 'RUN npm install', 'RUN echo start \\', '    && npm ci --offline'));
  assert.equal(result.notes.filter((n) => n.transform === 'cache-cleanup').map((n) => [n.line, n.message]), [
    [2, 'npm cache left: the RUN at line 4 installs offline from it'],
  ]);
});

test('every example: each change and note cites an instruction line of the input', async () => {
  const root = path.resolve('examples');
  const checked: string[] = [];
  for (const dir of readdirSync(root)) {
    const file = path.join(root, dir, 'Dockerfile');
    if (!existsSync(file)) continue;
    const input = readFileSync(file, 'utf8');
    const result = await runTransforms(input, { transforms: pick(), context: folderContext(path.dirname(file)) });
    const citations = [...cited(input, result, 'changes'), ...cited(input, result, 'notes')];
    // The examples are naive: each has changes, so there is something to check.
    assert.ok(result.changes.length > 0, `${dir}: no change`);
    for (const [transform, line, keyword] of citations) {
      assert.ok(keyword !== '(none)', `${dir}: ${transform} cites line ${line}, which starts no instruction of the input`);
    }
    checked.push(dir);
  }
  assert.equal(checked.sort(), ['debian-tools', 'go-service', 'node-api', 'python-worker']);
});

// Notes from every pass, with a transform whose notes and fixes depend on the pass.
const stepper = (plan: (text: string) => { notes?: [string, string][]; rename?: [string, string] }): Transform => ({
  id: 'stepper', level: 'safe', description: '', rationale: '',
  run({ dockerfile, source }) {
    const { notes = [], rename } = plan(source);
    const at = (args: string) => dockerfile.instructions.find((i) => dockerfile.rawArguments(i) === args)!;
    return {
      notes: notes.map(([args, message]) => ({ line: at(args).line, message })),
      fixes: rename ? [{ line: at(rename[0]).line, message: 'renamed', edits: [{ start: at(rename[0]).argsStart, end: at(rename[0]).end, text: rename[1] }] }] : [],
    };
  },
});
const inserter: Transform = {
  id: 'inserter', level: 'safe', description: '', rationale: '',
  run: ({ dockerfile, source }) => source.includes('LABEL') ? {} : {
    fixes: [{ line: 1, message: 'labelled', edits: [{ start: dockerfile.instructions[0].end, end: dockerfile.instructions[0].end, text: '\nLABEL a=1\nLABEL b=2' }] }],
  },
};

test('a note from an earlier pass is kept when later passes say nothing about its instruction, at its input line', async () => {
  const t = stepper((text) => text.includes('RUN y') ? { notes: [['x', 'x is odd']], rename: ['y', 'z'] } : {});
  const result = await runTransforms('FROM s\nRUN x\nRUN y\n', { transforms: [inserter, t] });
  assert.is(result.output, 'FROM s\nLABEL a=1\nLABEL b=2\nRUN x\nRUN z\n');
  assert.equal(result.notes, [{ transform: 'stepper', line: 2, message: 'x is odd' }]);
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['inserter', 1], ['stepper', 3]]);
});

test('a later note by the same transform about the same instruction replaces the earlier one', async () => {
  const t = stepper((text) => text.includes('RUN y') ? { notes: [['x', 'first look']], rename: ['y', 'z'] } : { notes: [['x', 'second look']] });
  const result = await runTransforms('FROM s\nRUN x\nRUN y\n', { transforms: [t] });
  assert.equal(result.notes, [{ transform: 'stepper', line: 2, message: 'second look' }]);
});

test('a note goes when its instruction is rewritten away, or when the same transform later changes it', async () => {
  const gone = stepper((text) => text.includes('RUN y') ? { notes: [['y', 'y is odd']] } : {});
  const remover: Transform = {
    id: 'remover', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile }) => {
      const y = dockerfile.instructions.find((i) => dockerfile.rawArguments(i) === 'y');
      return y ? { fixes: [{ line: y.line, message: 'removed', edits: [{ start: y.start - 1, end: y.end, text: '' }] }] } : {};
    },
  };
  const removed = await runTransforms('FROM s\nRUN x\nRUN y\n', { transforms: [gone, remover] });
  assert.is(removed.output, 'FROM s\nRUN x\n');
  assert.equal(removed.notes, []);
  const changedLater = stepper((text) => text.includes('RUN y') ? { notes: [['x', 'x left alone']], rename: ['y', 'z'] } : text.includes('RUN x') ? { rename: ['x', 'w'] } : {});
  const result = await runTransforms('FROM s\nRUN x\nRUN y\n', { transforms: [changedLater] });
  assert.is(result.output, 'FROM s\nRUN w\nRUN z\n');
  assert.equal(result.notes, []);
});

test('a note by another transform about the same instruction does not replace it', async () => {
  const a = stepper((text) => text.includes('RUN y') ? { notes: [['x', 'from a']], rename: ['y', 'z'] } : {});
  const b: Transform = { ...stepper(() => ({ notes: [['x', 'from b']] })), id: 'other' };
  const result = await runTransforms('FROM s\nRUN x\nRUN y\n', { transforms: [a, b] });
  assert.equal(result.notes.map((n) => [n.transform, n.line, n.message]), [['stepper', 2, 'from a'], ['other', 2, 'from b']]);
});

test('ctx.onDisk: an instruction an edit inserted or moved is not on disk; one edited inside or after an insertion is', async () => {
  // Pass by pass: LABELs inserted after FROM; `RUN x` edited inside; `RUN y` moved above the CMD.
  const mover: Transform = {
    id: 'mover', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile, source }) => {
      const y = dockerfile.instructions.find((i) => dockerfile.rawArguments(i) === 'y');
      const cmd = dockerfile.instructions.find((i) => i.keyword === 'CMD');
      if (!y || !cmd || y.index > cmd.index) return {};
      return { fixes: [{ line: y.line, message: 'moved', edits: [{ start: y.start, end: y.end + 1, text: '' }, { start: source.length, end: source.length, text: 'RUN y\n' }] }] };
    },
  };
  const editor: Transform = {
    id: 'editor', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile }) => ({
      fixes: dockerfile.instructions.filter((i) => dockerfile.rawArguments(i) === 'x').map((i) => ({ line: i.line, message: 'x -> xx', edits: [{ start: i.argsStart, end: i.end, text: 'xx' }] })),
    }),
  };
  const seen: [string, boolean][][] = [];
  const probe: Transform = {
    id: 'probe', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile, onDisk }) => {
      seen.push(dockerfile.instructions.map((i) => [dockerfile.source.lineText(i.line - 1), onDisk(i)]));
      return {};
    },
  };
  const result = await runTransforms('FROM s\nRUN x\nRUN y\nCMD ["s"]\n', { transforms: [inserter, editor, mover, probe] });
  assert.is(result.output, 'FROM s\nLABEL a=1\nLABEL b=2\nRUN xx\nCMD ["s"]\nRUN y\n');
  assert.equal(seen[seen.length - 1], [['FROM s', true], ['LABEL a=1', false], ['LABEL b=2', false], ['RUN xx', true], ['CMD ["s"]', true], ['RUN y', false]]);
});

test('a withheld change that would join an instruction names its line on disk, after lines were inserted above it', async () => {
  const joiner: Transform = {
    id: 'joiner', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile, source }) => {
      if (!source.includes('LABEL')) return {};
      const node = dockerfile.instructions.find((i) => dockerfile.rawArguments(i) === 'a')!;
      return { fixes: [{ line: node.line, message: 'joined', edits: [{ start: node.end, end: node.end, text: '\nENV X=1 \\' }] }] };
    },
  };
  const result = await runTransforms('FROM debian\nRUN a\nCMD ["app"]\n', { transforms: [inserter, joiner] });
  assert.is(result.output, 'FROM debian\nLABEL a=1\nLABEL b=2\nRUN a\nCMD ["app"]\n');
  assert.equal(result.notes.map((n) => [n.transform, n.line, n.id, n.message]), [
    ['joiner', 2, 'withheld-joins-instruction', 'change withheld: it would join new text into the instruction at line 3'],
  ]);
});

test.run();
