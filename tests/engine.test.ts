import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runTransforms } from '../lib/core/engine.js';
import { builtinTransforms } from '../transforms/index.js';
import type { Transform } from '../lib/core/types.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const all = builtinTransforms.filter((t) => t.enabledByDefault !== false);

/** Inputs no transform should touch, with every byte-level oddity we must keep. */
const LOSSLESS = {
  'BOM, CRLF, trailing spaces, no final newline': '\uFEFFFROM scratch  \r\nCOPY a /a\t\r\nCMD ["/a"]',
  'escape directive and syntax directive': '# syntax=docker/dockerfile:1.7\n# escape=`\nFROM scratch\nCOPY `\n  a /a\n',
  'tabs and comments inside continuations': 'FROM scratch\nLABEL a=1 \\\n\t# comment\n\tb=2\n',
  'heredoc': 'FROM scratch\nCOPY <<EOF /etc/x\nhello $X\nEOF\n',
  'mixed line endings': 'FROM scratch\r\nCOPY a /a\nCOPY b /b\r\n',
  'empty file': '',
  'only comments': '# nothing here\n',
  'lone CR line breaks': 'FROM scratch\rCOPY a /a\r',
};

for (const [name, input] of Object.entries(LOSSLESS)) {
  test(`lossless: ${name}`, async () => {
    const result = await runTransforms(input, { transforms: all });
    assert.is(result.output, input);
    assert.is(result.changed, false);
  });
}

const rename = (from: string, to: string): Transform => ({
  id: `rename-${from}`,
  level: 'safe',
  description: 'test transform',
  rationale: 'test',
  run({ dockerfile }) {
    return {
      fixes: dockerfile.instructions
        .filter((i) => i.keyword === 'RUN' && dockerfile.rawArguments(i) === from)
        .map((i) => ({ line: i.line, message: `${from} -> ${to}`, edits: [{ start: i.argsStart, end: i.end, text: to }] })),
    };
  },
});

test('passes repeat until a fixpoint: each transform sees the others\' results', async () => {
  const result = await runTransforms('FROM x\nRUN a\n', { transforms: [rename('b', 'c'), rename('a', 'b')] });
  assert.is(result.output, 'FROM x\nRUN c\n');
  assert.equal(result.changes.map((c) => c.message), ['a -> b', 'b -> c']);
  assert.is(result.passes, 3, 'two passes that change, one that confirms');
});

test('a transform that never settles is stopped, with a note', async () => {
  const flip: Transform = { ...rename('a', 'b'), id: 'flip', run: (ctx) => ({ ...rename('a', 'b').run(ctx), ...(ctx.source.includes('RUN b') ? rename('b', 'a').run(ctx) : {}) }) };
  const result = await runTransforms('FROM x\nRUN a\n', { transforms: [flip], maxPasses: 4 });
  assert.ok(result.notes.some((n) => /still changing after 4 passes/.test(n.message)));
});

test('overlapping fixes: the first wins, the other waits for the next pass', async () => {
  const both: Transform = {
    id: 'both', level: 'safe', description: '', rationale: '',
    run({ dockerfile }) {
      const run = dockerfile.instructions[1];
      const args = dockerfile.rawArguments(run);
      const fixes = [];
      if (args === 'a') fixes.push({ line: 2, message: 'one', edits: [{ start: run.argsStart, end: run.end, text: 'y' }] });
      if (!args.endsWith('!')) fixes.push({ line: 2, message: 'two', edits: [{ start: run.argsStart, end: run.end, text: `${args}!` }] });
      return { fixes };
    },
  };
  const result = await runTransforms('FROM x\nRUN a\n', { transforms: [both] });
  assert.is(result.output, 'FROM x\nRUN y!\n');
  assert.equal(result.changes.map((c) => c.message), ['one', 'two']);
});

test('a fix that leaves the text as it was is not a change', async () => {
  const same: Transform = {
    id: 'same', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile }) => ({ fixes: [{ line: 2, message: 'same', edits: [{ start: dockerfile.instructions[1].argsStart, end: dockerfile.instructions[1].end, text: 'a' }] }] }),
  };
  const result = await runTransforms('FROM x\nRUN a\n', { transforms: [same] });
  assert.is(result.changed, false);
  assert.equal(result.changes, []);
  assert.is(result.passes, 1);
});

test('a change that would break the Dockerfile is withheld with a note', async () => {
  const breaker: Transform = {
    id: 'breaker', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile }) => ({ fixes: [{ line: 2, message: 'oops', edits: [{ start: dockerfile.instructions[1].start, end: dockerfile.instructions[1].start, text: 'BOGUS x\n' }] }] }),
  };
  const result = await runTransforms('FROM x\nRUN a\n', { transforms: [breaker] });
  assert.is(result.output, 'FROM x\nRUN a\n');
  assert.match(result.notes[0].message, /change withheld: it would not parse as a Dockerfile \(unknown instruction: BOGUS\)/);
});

test('a change that would leave a shell syntax error is withheld', async () => {
  const breaker: Transform = {
    id: 'breaker', level: 'safe', description: '', rationale: '',
    run: ({ dockerfile }) => ({ fixes: [{ line: 2, message: 'oops', edits: [{ start: dockerfile.instructions[1].end, end: dockerfile.instructions[1].end, text: ' && ' }] }] }),
  };
  const result = await runTransforms('FROM x\nRUN a\n', { transforms: [breaker] });
  assert.is(result.output, 'FROM x\nRUN a\n');
  assert.match(result.notes[0].message, /shell syntax error at line 2/);
});

test('a transform that throws is reported and skipped; the file is untouched', async () => {
  const thrower: Transform = { id: 'thrower', level: 'safe', description: '', rationale: '', run: () => { throw new Error('boom'); } };
  const result = await runTransforms('FROM x\nCMD a\n', { transforms: [thrower, ...all] });
  assert.match(result.notes.find((n) => n.transform === 'thrower')!.message, /internal error, transform skipped: boom/);
});

test('suppressed instructions are left alone, and a working suppression says nothing', async () => {
  const input = 'FROM x\n# dfmod-ignore exec-form\nCMD node a.js\nCMD node b.js\n';
  const result = await runTransforms(input, { transforms: all });
  assert.is(result.output, 'FROM x\n# dfmod-ignore exec-form\nCMD node a.js\nCMD ["node", "b.js"]\n');
  assert.equal(result.notes.filter((n) => n.line === 3), []);
  const alone = await runTransforms(input, { transforms: all.filter((t) => t.id === 'exec-form') });
  assert.equal(alone.notes, []);
});

test('# dfmod-ignore-file leaves the file alone', async () => {
  const input = '# dfmod-ignore-file\nFROM x\nCMD node a.js\n';
  assert.is((await runTransforms(input, { transforms: all })).output, input);
});

test('hadolint ignore comments suppress the matching transform', async () => {
  const input = 'FROM x\n# hadolint ignore=DL3025\nCMD node a.js\n';
  assert.is((await runTransforms(input, { transforms: all })).output, input);
});

test('a heredoc whose body line ends in the escape character and one more (`\\;`) is terminated, as BuildKit reads it', async () => {
  const input = 'FROM debian\nRUN <<EOT\nfind /tmp -name "*.o" -exec rm {} \\;\nEOT\nRUN echo a\nRUN echo b\n';
  const result = await runTransforms(input, { transforms: all });
  assert.is(result.output, 'FROM debian\nRUN <<EOT\nfind /tmp -name "*.o" -exec rm {} \\;\nEOT\nRUN echo a \\\n    && echo b\n');
});

test('generated, vendored and test files are left as written with one note; everyFile rewrites them', async () => {
  const naive = 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n';
  const cases: [string, string, string, RegExp, number][] = [
    ['# This file is generated by update.sh from Dockerfile.template\n' + naive, 'Dockerfile', 'generated-file', /^generated file \(line 1: "This file is generated by update\.sh from Dockerfile\.template"\): left as written; change what generates it/, 1],
    ['#\n# PLEASE DO NOT EDIT IT DIRECTLY.\n#\n' + naive, 'images/Dockerfile', 'generated-file', /^generated file \(line 2: "PLEASE DO NOT EDIT IT DIRECTLY\."\)/, 2],
    // osrf/docker_images' headers (review round 14).
    ['# This is an auto generated Dockerfile for ros:ros-core\n# generated from docker_images_ros2/create_ros_core_image.Dockerfile.em\n' + naive, 'Dockerfile', 'generated-file', /^generated file \(line 1: "This is an auto generated Dockerfile for ros:ros-core"\)/, 1],
    ['# generated from templates/base.Dockerfile.em\n' + naive, 'Dockerfile', 'generated-file', /^generated file \(line 1: "generated from templates\/base\.Dockerfile\.em"\)/, 1],
    [naive, 'vendor/github.com/x/y/Dockerfile', 'vendored-file', /^vendored file \(under vendor\/\): left as written/, 1],
    [naive, 'frontend/parser/testfiles/env/Dockerfile', 'test-fixture', /^test file \(under testfiles\/\): its instructions may be what the test checks; left as written \(--no-ignore rewrites it\)$/, 1],
  ];
  for (const [input, filename, id, message, line] of cases) {
    const left = await runTransforms(input, { transforms: all, filename });
    assert.is(left.output, input, filename);
    assert.equal(left.notes.map((n) => [n.transform, n.id, n.line]), [['engine', id, line]]);
    assert.match(left.notes[0].message, message);
    const rewritten = await runTransforms(input, { transforms: all, filename, everyFile: true });
    assert.ok(rewritten.changed, `everyFile rewrites ${filename}`);
  }
  // A comment that merely mentions generating something, and an ordinary path, are ordinary files.
  const ordinary = '# Build and generate the docs\n' + naive;
  assert.ok((await runTransforms(ordinary, { transforms: all, filename: 'docs/Dockerfile' })).changed);
});

test('a Dockerfile with a Dockerfile.template beside it or in a folder above (within the repository) is generated', async () => {
  const naive = 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n';
  const root = mkdtempSync(join(tmpdir(), 'dfmod-template-'));
  try {
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    mkdirSync(join(root, 'repo', '1.22', 'browsers'), { recursive: true });
    writeFileSync(join(root, 'repo', 'Dockerfile.template'), naive);
    const filename = join(root, 'repo', '1.22', 'browsers', 'Dockerfile');
    const left = await runTransforms(naive, { transforms: all, filename });
    assert.is(left.output, naive);
    assert.equal(left.notes.map((n) => [n.id, n.line, n.message]), [['generated-file', 1, 'generated file (../../Dockerfile.template is the template it is made from): left as written; change the template (--no-ignore rewrites it)']]);
    // The template itself, and a file whose repository has none (the search stops at .git), are ordinary.
    assert.ok((await runTransforms(naive, { transforms: all, filename: join(root, 'repo', 'Dockerfile.template') })).changed);
    mkdirSync(join(root, 'other', '.git'), { recursive: true });
    writeFileSync(join(root, 'Dockerfile.template'), naive);
    assert.ok((await runTransforms(naive, { transforms: all, filename: join(root, 'other', 'Dockerfile') })).changed);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('input BuildKit would reject is refused with its line', async () => {
  for (const [input, message, line] of [
    ['FROM x\nFOO bar\n', /unknown instruction: FOO/, 2],
    ['FROM x\nRUN <<EOF\necho\n', /unterminated heredoc <<EOF/, 2],
  ] as [string, RegExp, number][]) {
    try {
      await runTransforms(input, { transforms: all });
      assert.unreachable('should refuse');
    } catch (error) {
      assert.match((error as Error).message, message);
      assert.is((error as { line: number }).line, line);
    }
  }
});

test.run();
