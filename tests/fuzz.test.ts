/**
 * Mutation fuzzing of Dockerfiles: truncation, random bytes, invalid UTF-8,
 * CRLF/CR mixes, deep nesting, giant lines and giant files. Every mutant must
 * either come out (and then parse, keep its shell scripts parseable, and be
 * left alone by a second run) or be refused with a clean InputError; nothing
 * may throw another error or take long.
 *
 * A fixed seed and a small count run in `npm test`; DFMOD_FUZZ_ITERATIONS=N
 * (and DFMOD_FUZZ_SEED) run a longer search. DFMOD_FUZZ_STRICT=1 also fails
 * on a transform that threw (the engine contains those as notes).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadShellParser, type ShellParser } from '../lib/core/shell.js';
import { brokenScripts, runTransformsWith } from '../lib/core/engine.js';
import { parseDockerfile } from '../lib/core/dockerfile.js';
import { checkParseable, decodeDockerfile, InputError, MAX_FILE_CHARS } from '../lib/core/validate.js';
import { splitBom } from '../lib/core/source.js';
import { builtinTransforms } from '../transforms/index.js';
import { rng } from './rng.js';

const SEEDS = [
  'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\nCMD node server.js\n',
  'FROM python:3.11\nRUN apt-get update\nRUN apt-get install -y curl git \\\n    build-essential\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nENTRYPOINT python app.py\n',
  'FROM golang:1.19 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nFROM debian:bookworm-slim\nCOPY --from=build /app /app\nCMD ["/app"]\n',
  '# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nCMD ["cmd"]\n',
  'FROM debian\nRUN <<EOF\nset -e\napt-get update\nEOF\nCOPY <<-EOT /etc/x\n\thello\n\tEOT\nRUN echo "$(date)" | tee /x && (cd /tmp; ls) || true\n',
  '\uFEFFFROM alpine\r\nRUN apk add --no-cache curl \\\r\n  # a comment\r\n  && echo done\r\nONBUILD RUN echo hi\r\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\r\n',
  'ARG BASE=debian\nFROM $BASE\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN set -o pipefail; curl -s x | sh\nRUN for i in 1 2 3; do echo $i; done; case $x in a) echo a;; esac\nUSER nobody\n',
];


type Mutation = (bytes: Buffer, random: () => number) => Buffer;
const int = (random: () => number, n: number) => Math.floor(random() * n);
const enc = (s: string) => Buffer.from(s, 'utf8');

const FRAGMENTS = ['\\\n', '`\n', '"', "'", '$(', ')', '{', '}', '<<EOF\n', 'EOF\n', '\n', '\r\n', '\r', '#', '[', ']', '&&', '||', '|', ';', '&', '\t', ' ', 'RUN ', 'FROM ', 'COPY ', '--mount=type=cache,target=/x ', '\u00e9', '\u{1F600}', '\\', '${', '\u0000'];

const MUTATIONS: Record<string, Mutation> = {
  truncate: (b, r) => b.subarray(0, int(r, b.length + 1)),
  'random bytes': (b, r) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + int(r, 4); i < n && out.length; i++) out[int(r, out.length)] = int(r, 256);
    return out;
  },
  'insert fragment': (b, r) => {
    const at = int(r, b.length + 1);
    return Buffer.concat([b.subarray(0, at), enc(FRAGMENTS[int(r, FRAGMENTS.length)]), b.subarray(at)]);
  },
  'delete span': (b, r) => {
    const at = int(r, b.length + 1);
    return Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + int(r, 20)))]);
  },
  'invalid UTF-8': (b, r) => {
    const at = int(r, b.length + 1);
    const bad = [[0xc3, 0x28], [0xff], [0xe2, 0x82], [0xed, 0xa0, 0x80]][int(r, 4)];
    return Buffer.concat([b.subarray(0, at), Buffer.from(bad), b.subarray(at)]);
  },
  'line endings': (b, r) => enc(b.toString('utf8').replace(/\r\n|\n|\r/g, () => ['\n', '\r\n', '\r'][int(r, 3)])),
  'duplicate lines': (b, r) => {
    const lines = b.toString('utf8').split('\n');
    const i = int(r, lines.length);
    lines.splice(i, 0, ...Array(1 + int(r, 5)).fill(lines[i]));
    return enc(lines.join('\n'));
  },
  'deep nesting': (b, r) => {
    const depth = 50 + int(r, 450);
    const [open, close] = [['$(', ')'], ['(', ')'], ['{ ', '; }'], ['"$(', ')"'], ['if true; then ', '; fi']][int(r, 5)];
    return Buffer.concat([b, enc(`RUN echo ${open.repeat(depth)}true${close.repeat(depth)}\n`)]);
  },
  'long chain': (b, r) => Buffer.concat([b, enc(`RUN true${[' && true', ' | cat', '; true', ' || true'][int(r, 4)].repeat(200 + int(r, 800))}\n`)]),
  'long line': (b, r) => Buffer.concat([b, enc(`RUN echo ${'a'.repeat(1000 + int(r, 20_000))}\n`)]),
};

/** Fixed cases that must stay fast: nothing may be quadratic in the size of a line or of a file. */
const GIANTS: Record<string, string> = {
  '10 MB line': 'FROM debian\nRUN echo ' + 'a'.repeat(10 * 1024 * 1024) + '\n',
  '10 MB of lines': 'FROM debian\n' + 'RUN echo a\n'.repeat(1024 * 1024),
  '1000-deep $(...)': 'FROM debian\nRUN echo ' + '$('.repeat(1000) + 'true' + ')'.repeat(1000) + '\n',
  '1000-long && chain': 'FROM debian\nRUN true' + ' && true'.repeat(1000) + '\n',
};

/** Slower ones (a second or more each), for the long run. */
const LONG_GIANTS: Record<string, string> = {
  'file just under the limit, one LABEL': 'FROM debian\nLABEL a=' + 'b'.repeat(60 * 1024) + '\n' + '# pad\n'.repeat(Math.floor((MAX_FILE_CHARS - 70 * 1024) / 6)),
  '3000-deep $(...)': 'FROM debian\nRUN echo ' + '$('.repeat(3000) + 'true' + ')'.repeat(3000) + '\n',
  '3000-long && chain': 'FROM debian\nRUN true' + ' && true'.repeat(3000) + '\n',
  '1999 RUNs': 'FROM debian\n' + 'RUN apt-get install -y x\n'.repeat(1998),
  '60 KB RUN of words': 'FROM debian\nRUN echo ' + 'a '.repeat(30_000) + '\n',
};

const transforms = builtinTransforms.filter((t) => t.enabledByDefault !== false);

/** Null when the mutant was handled properly, else what went wrong. */
function check(shell: ShellParser, bytes: Buffer, strict: boolean): string | null {
  let text: string;
  try {
    text = decodeDockerfile(bytes);
  } catch (error) {
    return error instanceof InputError ? null : `decode threw ${String(error)}`;
  }
  let output: string;
  try {
    const result = runTransformsWith(shell, text, { transforms });
    const crashed = result.notes.find((n) => /internal error/.test(n.message));
    if (strict && crashed) return `${crashed.transform} threw: ${crashed.message}`;
    output = result.output;
    if (result.changes.length === 0 && output !== text) return 'changed without a change';
  } catch (error) {
    return error instanceof InputError ? null : `threw ${error instanceof Error ? error.stack : String(error)}`;
  }
  if (output === text) return null;
  try {
    const before = brokenScripts(parseDockerfile(splitBom(text).body), shell);
    const after = parseDockerfile(splitBom(output).body);
    checkParseable(after);
    for (const script of brokenScripts(after, shell)) if (!before.has(script)) return `output has a broken script: ${script.slice(0, 200)}`;
    const again = runTransformsWith(shell, output, { transforms });
    if (again.output !== output) return 'second run changed the output';
  } catch (error) {
    return `output rejected: ${String(error)}`;
  }
  return null;
}

const iterations = Number(process.env.DFMOD_FUZZ_ITERATIONS ?? 60);
const long = process.env.DFMOD_FUZZ_ITERATIONS !== undefined;
const seed = Number(process.env.DFMOD_FUZZ_SEED ?? 20240601);
const strict = process.env.DFMOD_FUZZ_STRICT === '1';

test(`fuzz: ${iterations} mutants (seed ${seed}) come out valid and settled, or are refused cleanly`, async () => {
  const shell = await loadShellParser();
  const random = rng(seed);
  const names = Object.keys(MUTATIONS);
  const failures: string[] = [];
  for (let i = 0; i < iterations; i++) {
    let bytes: Buffer = enc(SEEDS[int(random, SEEDS.length)]);
    const applied: string[] = [];
    for (let k = 0, n = 1 + int(random, 3); k < n; k++) {
      const name = names[int(random, names.length)];
      applied.push(name);
      bytes = MUTATIONS[name](bytes, random);
    }
    const started = performance.now();
    const problem = check(shell, bytes, strict);
    const took = performance.now() - started;
    if (process.env.DFMOD_FUZZ_TIMES && took > 100) process.stderr.write(`#${i} [${applied.join(', ')}]: ${Math.round(took)} ms\n`);
    if (problem) failures.push(`#${i} [${applied.join(', ')}] ${problem}\n  input: ${JSON.stringify(bytes.toString('latin1').slice(0, 300))}`);
    else if (took > 5000) failures.push(`#${i} [${applied.join(', ')}] took ${Math.round(took)} ms`);
  }
  assert.is(failures.length, 0, failures.slice(0, 5).join('\n'));
});

for (const [name, text] of Object.entries(long ? { ...GIANTS, ...LONG_GIANTS } : GIANTS)) {
  test(`fuzz: ${name} is handled in bounded time`, async () => {
    const shell = await loadShellParser();
    const started = performance.now();
    const problem = check(shell, enc(text), false);
    const took = performance.now() - started;
    if (process.env.DFMOD_FUZZ_TIMES) process.stderr.write(`${name}: ${Math.round(took)} ms\n`);
    assert.is(problem, null);
    assert.ok(took < (name in LONG_GIANTS ? 20_000 : 8000), `took ${Math.round(took)} ms`);
  });
}

test('fuzz: giant inputs are refused with a clear reason', async () => {
  const shell = await loadShellParser();
  const refuse = (text: string) => {
    try {
      runTransformsWith(shell, text, { transforms });
    } catch (error) {
      return error instanceof InputError ? `${error.line ?? '-'}: ${error.message}` : `other: ${String(error)}`;
    }
    return 'accepted';
  };
  assert.is(refuse('FROM debian\nRUN echo ' + 'a'.repeat(MAX_FILE_CHARS) + '\n'), `-: too large (${MAX_FILE_CHARS + 22} characters, the limit is ${MAX_FILE_CHARS}); left untouched`);
  assert.is(refuse('FROM debian\nRUN echo ' + 'a'.repeat(70_000) + '\n'), '2: instruction too large (70009 characters, the limit is 65536); left untouched');
  assert.is(refuse('FROM debian\n' + 'RUN true\n'.repeat(2000)), '-: too many instructions (2001, the limit is 2000); left untouched');
});

test.run();
