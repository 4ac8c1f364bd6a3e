/**
 * Every `$ dfmod …` / `$ npx dfmod …` line in README.md's console blocks, run
 * as written against a throwaway copy of examples/: a README command that
 * stops working fails here.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from './cli-harness.js';

/** Commands not run here, each with the reason. */
const NOT_RUN: Record<string, string> = {
  // Builds images: needs a Docker engine (tests/verify.test.ts covers --verify with a fake engine).
  "dfmod --write --verify '**/Dockerfile'": 'needs a Docker engine',
};

interface Command { line: string; words: string[]; stdinFile?: string }

/** Words of one command line: quotes group, an unquoted `#` word starts a comment, `|` separates pipeline parts. */
function split(line: string): string[][] {
  const parts: string[][] = [[]];
  let word: string | null = null;
  let quote: string | null = null;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === ' ' || char === '\t' || char === '|') {
      if (word !== null) parts.at(-1)!.push(word);
      word = null;
      if (char === '|') parts.push([]);
    } else if (char === '#' && word === null) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) parts.at(-1)!.push(word);
  return parts;
}

function readmeCommands(): Command[] {
  const readme = readFileSync('README.md', 'utf8');
  const commands: Command[] = [];
  for (const block of readme.matchAll(/^```console\n([\s\S]*?)^```/gm)) {
    for (const raw of block[1]!.split('\n')) {
      if (!raw.startsWith('$ ')) continue;
      const line = raw.slice(2).replace(/\s+#.*$/, '').trim();
      const parts = split(line);
      const last = parts.at(-1)!;
      const words = last[0] === 'npx' ? last.slice(1) : last;
      if (words[0] !== 'dfmod') continue;
      if (parts.length > 2 || (parts.length === 2 && parts[0]![0] !== 'cat')) throw new Error(`README command this test cannot run: ${raw}`);
      commands.push({ line, words: words.slice(1), stdinFile: parts.length === 2 ? parts[0]![1] : undefined });
    }
  }
  return commands;
}

/** examples/ as the repository has it, and a Dockerfile at the top for commands that name one. */
function workspace(): string {
  const dir = tempProject({}, 'dfmod-readme-');
  cpSync('examples', path.join(dir, 'examples'), { recursive: true });
  copyFileSync('examples/python-worker/Dockerfile', path.join(dir, 'Dockerfile'));
  return dir;
}

const commands = readmeCommands();

test('README shows dfmod commands, and the allow-list names only commands it shows', () => {
  assert.ok(commands.length >= 8, `found ${commands.length}`);
  for (const line of Object.keys(NOT_RUN)) assert.ok(commands.some((c) => c.line === line), `not in README: ${line}`);
});

for (const command of commands) {
  if (NOT_RUN[command.line]) continue;
  test(`README: $ ${command.line}`, async () => {
    const dir = workspace();
    const stdin = command.stdinFile ? readFileSync(path.join(dir, command.stdinFile), 'utf8') : '';
    const ran = await runCli(command.words, dir, { stdin });
    // The examples are naive: --check finds files to change.
    const expected = command.words.includes('--check') || command.words.includes('-c') ? 1 : 0;
    assert.is(ran.code, expected, ran.stderr);
    assert.not.match(ran.stderr, /unknown|internal error/i);
  });
}

test.run();
