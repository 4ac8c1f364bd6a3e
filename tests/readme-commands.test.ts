/**
 * Every `$ …` line in README.md's console blocks is run here as written, or
 * named in NOT_RUN with the reason: `$ dfmod …` lines against a throwaway copy
 * of examples/, `$ npx dfmod …` in this checkout, a block that changes folder
 * as one bash script with the executable on PATH. A README command that stops
 * working fails here; so does one this test does not know how to run. Also:
 * the option table names every flag `--help` shows, and the CI recipes name
 * the real repository, tag, action inputs and hook ids.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, copyFileSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli, tempProject } from './cli-harness.js';

/** Commands not run here, each with the reason. */
const NOT_RUN: Record<string, string> = {
  // Builds images: needs a Docker engine (tests/verify.test.ts covers --verify with a fake engine).
  "dfmod --write --verify '**/Dockerfile'": 'needs a Docker engine',
  'npm ci': 'installs the dependencies this test runs with (.ci/run runs it first)',
  'npm test': 'this suite itself',
  'npm run bundle': 'rewrites bundle/; tests/bundle.test.ts runs `scripts/bundle.mjs --check`, the same build compared with bundle/',
  'npm run test:e2e': 'needs a Docker engine (.ci/run runs it)',
  'npm run bench': 'minutes of load over 10,000 files: a measurement, not a test',
};

interface Command { line: string; words: string[]; stdinFile?: string; block: number; npx: boolean; script: boolean }

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

const readme = readFileSync('README.md', 'utf8');

/** Each console block's `$ ` lines, comments dropped. */
function consoleBlocks(): string[][] {
  return [...readme.matchAll(/^```console\n([\s\S]*?)^```/gm)].map((block) =>
    block[1]!.split('\n').filter((raw) => raw.startsWith('$ ')).map((raw) => raw.slice(2).replace(/\s+#.*$/, '').trim()));
}

/** A block that changes folder runs as one script: its commands depend on each other. */
const isScript = (lines: string[]) => lines.some((line) => split(line)[0]![0] === 'cd');

function readmeCommands(): Command[] {
  const commands: Command[] = [];
  consoleBlocks().forEach((lines, block) => {
    const script = isScript(lines);
    for (const line of lines) {
      const parts = split(line);
      const last = parts.at(-1)!;
      const npx = last[0] === 'npx';
      const words = npx ? last.slice(1) : last;
      if (NOT_RUN[line]) {
        commands.push({ line, words: [], block, npx, script });
        continue;
      }
      if (script) {
        commands.push({ line, words, block, npx, script });
        continue;
      }
      if (words[0] !== 'dfmod') throw new Error(`README command this test cannot run (add it to NOT_RUN with the reason): ${line}`);
      if (parts.length > 2 || (parts.length === 2 && parts[0]![0] !== 'cat')) throw new Error(`README command this test cannot run: ${line}`);
      commands.push({ line, words: words.slice(1), stdinFile: parts.length === 2 ? parts[0]![1] : undefined, block, npx, script });
    }
  });
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
  assert.ok(commands.filter((c) => c.words[0] === 'dfmod' || !c.script).length >= 8, `found ${commands.length}`);
  for (const line of Object.keys(NOT_RUN)) assert.ok(commands.some((c) => c.line === line), `not in README: ${line}`);
});

for (const command of commands) {
  if (NOT_RUN[command.line] || command.script) continue;
  test(`README: $ ${command.npx ? 'npx ' : ''}${command.line.replace(/^npx /, '')}`, async () => {
    // The examples are naive: --check finds files to change.
    const expected = command.words.includes('--check') || command.words.includes('-c') ? 1 : 0;
    if (command.npx) {
      // As the README's first lines have it: in the checkout, the package's own executable.
      assert.not.ok(command.words.includes('--write') || command.words.includes('-w'), 'an npx command run in this checkout writes nothing');
      const { FORCE_COLOR: _, ...env } = process.env;
      const ran = spawnSync('npx', ['dfmod', ...command.words], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1' } });
      assert.is(ran.status, expected, ran.stderr);
      assert.match(ran.stdout, /^--- a\/examples\//m);
      assert.not.match(ran.stderr, /unknown|internal error/i);
      return;
    }
    const dir = workspace();
    const stdin = command.stdinFile ? readFileSync(path.join(dir, command.stdinFile), 'utf8') : '';
    const ran = await runCli(command.words, dir, { stdin });
    assert.is(ran.code, expected, ran.stderr);
    assert.not.match(ran.stderr, /unknown|internal error/i);
  });
}

const NAIVE = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';

test('README: the bulk migration block, as one bash script over ~/src (the executable on PATH)', () => {
  const block = consoleBlocks().find(isScript)!;
  assert.ok(block, 'a block that changes folder');
  const home = tempProject({}, 'dfmod-home-');
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') }, stdio: 'pipe' });
  writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = dfmod test\n\temail = test@dfmod.invalid\n[init]\n\tdefaultBranch = main\n');
  for (const repo of ['api', 'web']) {
    const dir = path.join(home, 'src', repo);
    mkdirSync(path.join(dir, 'docker'), { recursive: true });
    writeFileSync(path.join(dir, 'docker/Dockerfile'), NAIVE);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'init');
  }
  const bin = path.join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'dfmod'), `#!/bin/sh\nexec "${process.execPath}" "${path.resolve('bundle/dfmod.js')}" "$@"\n`);
  chmodSync(path.join(bin, 'dfmod'), 0o755);
  const statuses = path.join(home, 'statuses');
  // Each command's exit status on its own line; a command not run here leaves `-`.
  const script = block.map((line) => (NOT_RUN[line] ? `: not run: ${line.replace(/'/g, '')}\necho - >> "$STATUSES"` : `${line}\necho $? >> "$STATUSES"`)).join('\n') + '\n';
  const ran = spawnSync('bash', ['--noprofile', '--norc', '-c', script], { encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: home, STATUSES: statuses, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') } });
  assert.is(ran.status, 0, ran.stderr);
  const byLine = Object.fromEntries(block.map((line, i) => [line, readFileSync(statuses, 'utf8').split('\n')[i]]));
  assert.is(byLine['cd ~/src'], '0');
  const check = block.find((line) => line.startsWith('dfmod --check'))!;
  assert.is(byLine[check], '1', 'the check finds both Dockerfiles to change');
  assert.match(ran.stdout, /^api\/docker\/Dockerfile\nweb\/docker\/Dockerfile\n/m);
  assert.match(readFileSync(path.join(home, 'src/dfmod.md'), 'utf8'), /^## dfmod\n\n2 Dockerfiles scanned: 2 would change/);
  // The loop: a dfmod branch in each repository (nothing to commit here: the --write line needs Docker).
  for (const repo of ['api', 'web']) assert.is(git(path.join(home, 'src', repo), 'branch', '--show-current').toString().trim(), 'dfmod');
});

/** The long option names `--help` lists (`--no-x` for a boolean that defaults to true), and the short aliases. */
function helpFlags(help: string): Set<string> {
  const flags = new Set<string>();
  for (const match of help.matchAll(/^\s+((?:-\w, )?--[\w-]+)/gm)) {
    for (const flag of match[1]!.split(', ')) flags.add(flag);
  }
  return flags;
}

/** Every flag the README's option table names in its first column. */
function tableFlags(): Set<string> {
  const table = readme.slice(readme.indexOf('| option | meaning |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const flags = new Set<string>();
  for (const row of rows) {
    const first = row.split(/(?<!\\)\|/)[1]!;
    for (const code of first.matchAll(/`([^`]+)`/g)) for (const flag of code[1]!.matchAll(/(^|[\s,])(--?[\w-]*)/g)) flags.add(flag[2]!);
  }
  return flags;
}

test('README option table: every flag --help shows, and none it does not', async () => {
  const help = (await runCli(['--help'], process.cwd())).stdout;
  const shown = helpFlags(help);
  assert.ok(shown.size > 20, `${shown.size} flags in --help`);
  const documented = tableFlags();
  // A boolean that defaults to true is documented as its --no- form (as users type it).
  const negated = (flag: string) => (flag.startsWith('--no-') ? '--' + flag.slice(5) : '--no-' + flag.slice(2));
  const missing = [...shown].filter((flag) => !documented.has(flag) && !documented.has(negated(flag)));
  assert.equal(missing, [], 'flags --help shows that the README table lacks');
  const unknown = [...documented].filter((flag) => flag !== '--' && !shown.has(flag) && !shown.has(negated(flag)));
  assert.equal(unknown, [], 'flags the README table names that --help does not show');
});

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const repository = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(pkg.repository.url)![1]!;
const yamlBlocks = [...readme.slice(readme.indexOf('## CI and pre-commit')).matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((m) => parse(m[1]!));

test('README CI recipes: the action is this repository at the vX.Y.Z tag of package.json, with inputs action.yml declares', () => {
  const action = parse(readFileSync('action.yml', 'utf8'));
  const steps = yamlBlocks.find((b) => Array.isArray(b) && b.some((s: { uses?: string }) => s.uses?.includes('dfmod')))!;
  const step = steps.find((s: { uses?: string }) => s.uses?.includes('dfmod'));
  assert.is(step.uses, `${repository}@v${pkg.version}`);
  for (const input of Object.keys(step.with ?? {})) assert.ok(input in action.inputs, `action.yml has no input ${input}`);
  assert.match(readme, new RegExp(`Releases are tagged \`vX\\.Y\\.Z\`, the version in \`package\\.json\` \\(this one is \`v${pkg.version.replace(/\./g, '\\.')}\`\\)`));
});

test('README CI recipes: pre-commit names this repository, the tag, and hook ids .pre-commit-hooks.yaml defines', () => {
  const hooks = (parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string }[]).map((h) => h.id);
  const config = yamlBlocks.find((b) => b && Array.isArray(b.repos))!;
  assert.ok(config, 'a .pre-commit-config.yaml recipe');
  const [entry] = config.repos;
  assert.is(entry.repo, `https://github.com/${repository}`);
  assert.is(entry.rev, `v${pkg.version}`);
  for (const hook of entry.hooks) assert.ok(hooks.includes(hook.id), `no hook ${hook.id}`);
  const header = readFileSync('.pre-commit-hooks.yaml', 'utf8');
  assert.match(header, new RegExp(`#     - repo: https://github\\.com/${repository}\n#       rev: v${pkg.version.replace(/\./g, '\\.')}\n`));
});

test.run();
