import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from './cli-harness.js';

const INPUT = 'FROM node:20\nENTRYPOINT run $X\nCMD node server.js\n';
const CHANGE = 'CMD in JSON form, so node runs as PID 1 and receives signals';
const NOTE = 'ENTRYPOINT left in shell form: the stage has a CMD, which a JSON-form ENTRYPOINT would receive as arguments';
const RATIONALE = 'In shell form /bin/sh is PID 1 and does not forward SIGTERM, so `docker stop` waits 10 s and kills the app. JSON (exec) form runs the program as PID 1, where it receives signals directly.';
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;

const run = (args: string[]) => runCli(['-t', 'exec-form', ...args], tempProject({ Dockerfile: INPUT }, 'dfmod-format-'));

test('-f stylish is the default: the diff, notes on stderr', async () => {
  const plain = await run([]);
  const stylish = await run(['-f', 'stylish']);
  assert.is(stylish.stdout, plain.stdout);
  assert.is(stylish.stdout, '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n FROM node:20\n ENTRYPOINT run $X\n-CMD node server.js\n+CMD ["node", "server.js"]\n');
  assert.match(stylish.stderr, `Dockerfile:2: ${NOTE} [exec-form]`);
});

test('-f json is --json', async () => {
  const json = await run(['--format', 'json']);
  assert.is(json.stdout, (await run(['--json'])).stdout);
  assert.equal(JSON.parse(json.stdout).files[0].changes, [{ transform: 'exec-form', line: 3, message: CHANGE, level: 'safe' }]);
});

test('-f sarif: SARIF 2.1.0, each change a result with its fix, each note a result of level note', async () => {
  const ran = await run(['-f', 'sarif']);
  assert.is(ran.code, 0, ran.stderr);
  const location = (line: number) => [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: line } } }];
  assert.equal(JSON.parse(ran.stdout), {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'dfmod',
        version: VERSION,
        informationUri: 'https://github.com/dfmod/dfmod',
        rules: [{
          id: 'exec-form',
          shortDescription: { text: 'Write shell-form CMD in JSON form when it uses no shell features' },
          help: { text: RATIONALE },
          properties: { level: 'safe' },
        }],
      } },
      results: [
        {
          ruleId: 'exec-form', ruleIndex: 0, level: 'warning', message: { text: CHANGE }, properties: { level: 'safe', written: true }, locations: location(3),
          fixes: [{
            description: { text: CHANGE },
            artifactChanges: [{
              artifactLocation: { uri: 'Dockerfile' },
              replacements: [{ deletedRegion: { charOffset: 31, charLength: 19 }, insertedContent: { text: 'CMD ["node", "server.js"]\n' } }],
            }],
          }],
        },
        { ruleId: 'exec-form', ruleIndex: 0, level: 'note', message: { text: NOTE }, locations: location(2) },
      ],
    }],
  });
});

test('-f github: workflow commands, ::warning for changes and ::notice for notes', async () => {
  const ran = await run(['-f', 'github']);
  assert.is(ran.stdout,
    `::warning file=Dockerfile,line=3,title=dfmod exec-form::${CHANGE}\n` +
    `::notice file=Dockerfile,line=2,title=dfmod exec-form::${NOTE}\n`);
});

interface CodeQualityIssue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }

test('-f gitlab: Code Quality JSON', async () => {
  const issues = JSON.parse((await run(['-f', 'gitlab'])).stdout) as CodeQualityIssue[];
  assert.equal(issues.map(({ fingerprint: _, ...rest }) => rest), [
    { description: CHANGE, check_name: 'exec-form', severity: 'minor', location: { path: 'Dockerfile', lines: { begin: 3 } } },
    { description: NOTE, check_name: 'exec-form', severity: 'info', location: { path: 'Dockerfile', lines: { begin: 2 } } },
  ]);
  for (const issue of issues) assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
  assert.is.not(issues[0]!.fingerprint, issues[1]!.fingerprint);
});

test('-f gitlab: a fingerprint stays put when lines move, and tells apart the same finding twice and the same finding in another file', async () => {
  const gitlab = async (files: Record<string, string>) =>
    JSON.parse((await runCli(['-t', 'exec-form', '-f', 'gitlab', '.'], tempProject(files, 'dfmod-format-'))).stdout) as CodeQualityIssue[];
  const before = await gitlab({ Dockerfile: INPUT });
  const moved = await gitlab({ Dockerfile: '# a comment\n\n' + INPUT });
  assert.equal(moved.map((i) => i.location.lines.begin), before.map((i) => i.location.lines.begin + 2), 'the findings moved two lines down');
  assert.equal(moved.map((i) => i.fingerprint), before.map((i) => i.fingerprint), 'GitLab keeps an issue open across a line move, not closed and reopened');
  const twice = await gitlab({ Dockerfile: 'FROM node:20 AS a\nCMD node server.js\nFROM node:20\nCMD node server.js\n' });
  assert.equal(twice.map((i) => [i.description, i.location.lines.begin]), [[CHANGE, 2], [CHANGE, 4]]);
  assert.is.not(twice[0]!.fingerprint, twice[1]!.fingerprint, 'two identical findings in one file are two issues');
  const two = await gitlab({ 'a/Dockerfile': INPUT, 'b/Dockerfile': INPUT });
  assert.equal(two.map((i) => i.location.path), ['a/Dockerfile', 'a/Dockerfile', 'b/Dockerfile', 'b/Dockerfile']);
  assert.is(new Set(two.map((i) => i.fingerprint)).size, 4);
});

test('-f checkstyle: XML', async () => {
  const ran = await run(['-f', 'checkstyle']);
  assert.is(ran.stdout, [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<checkstyle version="4.3">',
    '  <file name="Dockerfile">',
    `    <error line="3" column="1" severity="warning" message="${CHANGE}" source="dfmod.exec-form"/>`,
    `    <error line="2" column="1" severity="info" message="${NOTE}" source="dfmod.exec-form"/>`,
    '  </file>',
    '</checkstyle>',
    '',
  ].join('\n'));
});

test('-o writes the report to a file; --check keeps its exit code; an unknown format is bad usage', async () => {
  const dir = tempProject({ Dockerfile: INPUT, 'a&b/Dockerfile': 'FROM x\nCMD "a<b"\n' }, 'dfmod-format-');
  const ran = await runCli(['-t', 'exec-form', '--check', '-f', 'checkstyle', '-o', 'out/report.xml'], dir);
  assert.is(ran.code, 1, ran.stderr);
  assert.is(ran.stdout, '');
  const xml = readFileSync(path.join(dir, 'out/report.xml'), 'utf8');
  assert.match(xml, '<file name="a&amp;b/Dockerfile">');
  assert.is((await runCli(['-f', 'yaml'], dir)).code, 2);
});

test('--prettier formats with the project\'s .prettierrc', async () => {
  const input = 'from node:20\nRUN apt-get update && \\\n  apt-get install -y curl\nCMD node server.js\n';
  const dir = tempProject({ Dockerfile: input, '.prettierrc': JSON.stringify({ tabWidth: 4 }) }, 'dfmod-format-');
  const ran = await runCli(['-t', 'exec-form', '--write', '--prettier'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'FROM node:20\nRUN apt-get update \\\n    && apt-get install -y curl\nCMD ["node", "server.js"]\n');
  const plain = tempProject({ Dockerfile: input }, 'dfmod-format-');
  assert.is((await runCli(['-t', 'exec-form', '--write', '--prettier'], plain)).code, 0);
  assert.is(readFileSync(path.join(plain, 'Dockerfile'), 'utf8'), 'FROM node:20\nRUN apt-get update \\\n  && apt-get install -y curl\nCMD ["node", "server.js"]\n', 'default width 2');
});

test('--prettier honours .editorconfig when there is no .prettierrc', async () => {
  const input = 'FROM node:20\nRUN apt-get update && \\\n  apt-get install -y curl\n';
  const dir = tempProject({ 'app/Dockerfile': input, '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 8\n' }, 'dfmod-format-');
  const ran = await runCli(['-t', 'exec-form', '--write', '--prettier', 'app'], dir);
  assert.is(ran.code, 0, ran.stderr);
  assert.is(readFileSync(path.join(dir, 'app/Dockerfile'), 'utf8'), 'FROM node:20\nRUN apt-get update \\\n        && apt-get install -y curl\n');
});

test.run();
