/**
 * lib/ast-speed.ts patches dockerfile-ast's internals for speed. These tests
 * hold it to its promise: with the shortcuts on, every parse reads exactly as
 * it does with them off (instructions, ranges, arguments, flags, heredocs,
 * comments, directives), on hand-written edge cases, the examples, the e2e
 * apps, seeded mutations of all of them, and DFMOD_CORPUS when it is set.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile } from 'dockerfile-ast';
import { astShortcuts } from '../lib/core/ast-speed.js';
import { rng } from './rng.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EDGE_CASES = [
  'FROM debian\nRUN <<EOF\necho hi\nEOF\n',
  'FROM debian\nRUN <<-EOF bash\n\techo hi\n\tEOF\nRUN echo after\n',
  'FROM debian\nRUN <<ONE cat && <<"TWO" cat\n1\nONE\n2\nTWO\nCMD x\n',
  'FROM debian\nCOPY <<EOF /etc/conf\nkey=value\nEOF\n',
  'FROM debian\nRUN <\\\n<EOF\necho split\nEOF\nRUN echo after\n',
  'FROM debian\nONBUILD RUN <<EOF\necho later\nEOF\n',
  'FROM debian\nRUN echo a < /etc/hostname\nRUN cat <<< here\n',
  'FROM debian\nRUN <<EOF\nnever closed\n',
  'FROM debian\nRUN apt-get update \\\n  # a comment in the continuation\n  && apt-get install -y curl\n',
  '# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir `\n  C:\\\n',
  'FROM debian\r\nRUN echo one \\\r\n  two\r\nCMD ["a", "b"]\r\n',
  '\ufeffFROM debian\nRUN --mount=type=cache,target=/var/cache/apt --network=none echo hi\n',
  'FROM debian\nRUN \\\n\nCMD x',
  'FROM debian\nHEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\nSTOPSIGNAL SIGTERM\n',
  'FROM debian\nENV A=1 B="2 3"\nLABEL a=b\nEXPOSE 80\nVOLUME ["/data"]\nUSER app\nWORKDIR /app\nARG X=<y>\n',
  'FROM debian AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\nENTRYPOINT ["/app"]',
  'RUN',
  '',
  '#',
  'FROM debian\nRUN echo "[" \\\n "]"\nCMD [ "a" , \\\n "b" ]\n',
];

function collect(folder: string, found: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) collect(full, found);
    else if (/(^|\.)Dockerfile$|^Dockerfile/.test(name)) found.push(full);
  }
  return found;
}

const fileInputs = [...collect(path.join(root, 'examples')), ...collect(path.join(root, 'tests/e2e/apps'))].map((f) => readFileSync(f, 'utf8'));

/** Seeded mutations: characters that steer the parser (heredocs, escapes, comments, JSON) put in random places, and truncations. */
function mutations(texts: string[], perText: number, seed: number): string[] {
  const random = rng(seed);
  const pieces = ['<', '<<', '<<EOF\n', '\nEOF\n', '\\', '\\\n', '`', '\n', '\r\n', '#', '"', '[', ']', ' ', '\t', '--', 'RUN ', 'ONBUILD '];
  const out: string[] = [];
  for (const text of texts) {
    for (let i = 0; i < perText; i++) {
      let t = text;
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (t.length + 1));
        t = random() < 0.15 ? t.slice(0, at) : t.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + t.slice(at);
      }
      out.push(t);
    }
  }
  return out;
}

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

const r = (range: Range | null | undefined) => range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : null;

/** Everything dfmod (or a plugin) could read from a parse, as plain data. */
function describe(df: Dockerfile): unknown {
  const describeInstruction = (i: ReturnType<Dockerfile['getInstructions']>[number]): unknown => {
    const any = i as unknown as Record<string, (() => unknown) | undefined>;
    const flags = typeof any.getFlags === 'function'
      ? (any.getFlags.call(i) as { getName(): string; getValue(): string | null; getRange(): Range }[]).map((f) => [f.getName(), f.getValue(), r(f.getRange())])
      : null;
    const heredocs = typeof any.getHeredocs === 'function'
      ? (any.getHeredocs.call(i) as { getName(): string; getStartRange(): Range; getNameRange(): Range; getContentRange(): Range | null; getDelimiterRange(): Range | null }[])
        .map((h) => [h.getName(), r(h.getStartRange()), r(h.getNameRange()), r(h.getContentRange()), r(h.getDelimiterRange())])
      : null;
    const json = typeof any.getJSONStrings === 'function'
      ? (any.getJSONStrings.call(i) as { getValue(): string; getRange(): Range }[]).map((s) => [s.getValue(), r(s.getRange())])
      : null;
    const trigger = typeof any.getTriggerInstruction === 'function' ? any.getTriggerInstruction.call(i) : null;
    return {
      keyword: i.getKeyword(),
      range: r(i.getRange()),
      keywordRange: r(i.getInstructionRange()),
      args: i.getArguments().map((a) => [a.getValue(), r(a.getRange())]),
      flags,
      heredocs,
      json,
      trigger: trigger ? describeInstruction(trigger as typeof i) : null,
    };
  };
  return {
    escape: df.getEscapeCharacter(),
    directives: df.getDirectives().map((d) => [d.getName(), d.getValue(), r(d.getRange())]),
    comments: df.getComments().map((c) => [c.getContent(), r(c.getRange())]),
    instructions: df.getInstructions().map(describeInstruction),
  };
}

function parse(text: string, shortcuts: boolean): unknown {
  astShortcuts.enabled = shortcuts;
  try {
    return describe(DockerfileParser.parse(text));
  } finally {
    astShortcuts.enabled = true;
  }
}

function assertSameParses(texts: string[]): void {
  for (const text of texts) {
    assert.equal(parse(text, true), parse(text, false), `parses differ for ${JSON.stringify(text.slice(0, 200))}`);
  }
}

test('the shortcuts are installed (dockerfile-ast still has the internals they patch)', () => {
  assert.ok(astShortcuts.installed);
});

test('a heredoc split by a line continuation still ends its instruction after the body', () => {
  // The heredoc body must not be read as instructions of its own (ECHO, EOF).
  const df = DockerfileParser.parse('FROM debian\nRUN <\\\n<EOF\necho split\nEOF\nRUN echo after\n');
  assert.equal(df.getInstructions().map((i) => i.getKeyword()), ['FROM', 'RUN', 'RUN']);
});

test('patched and unpatched parses agree: edge cases', () => {
  assertSameParses(EDGE_CASES);
});

test('patched and unpatched parses agree: examples and e2e apps', () => {
  assert.ok(fileInputs.length >= 10, `found ${fileInputs.length} Dockerfiles`);
  assertSameParses(fileInputs);
});

test('patched and unpatched parses agree: seeded mutations', () => {
  assertSameParses(mutations([...EDGE_CASES, ...fileInputs], 25, 7));
});

const corpus = process.env.DFMOD_CORPUS;
if (corpus) {
  test('patched and unpatched parses agree: DFMOD_CORPUS', () => {
    const files = collect(corpus);
    assert.ok(files.length > 0, `no Dockerfiles under ${corpus}`);
    assertSameParses(files.map((f) => readFileSync(f, 'utf8')));
  });
} else {
  test.skip('patched and unpatched parses agree: DFMOD_CORPUS (set it to a folder of real Dockerfiles)');
}

test.run();
