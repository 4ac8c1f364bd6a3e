import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
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
          shortDescription: { text: 'Write shell-form CMD and ENTRYPOINT in JSON form when they use no shell features' },
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

test('-f gitlab: Code Quality JSON', async () => {
  const ran = await run(['-f', 'gitlab']);
  const fingerprint = (kind: string, message: string) => createHash('sha256').update(['Dockerfile', 'exec-form', kind, message, '0'].join('\0')).digest('hex').slice(0, 32);
  assert.equal(JSON.parse(ran.stdout), [
    { description: CHANGE, check_name: 'exec-form', fingerprint: fingerprint('change', CHANGE), severity: 'minor', location: { path: 'Dockerfile', lines: { begin: 3 } } },
    { description: NOTE, check_name: 'exec-form', fingerprint: fingerprint('note', NOTE), severity: 'info', location: { path: 'Dockerfile', lines: { begin: 2 } } },
  ]);
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

test.run();
