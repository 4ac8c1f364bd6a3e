import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryContext } from '../lib/core/context.js';
import { loadShellParser } from '../lib/core/shell.js';
import { commandsOf } from '../lib/facts/commands.js';
import { fileReads, programRuns, redirectTargets, runMakes, tscOutput } from '../lib/facts/index.js';
import { plainJson } from '../lib/facts/typescript.js';

const shell = await loadShellParser();
const parse = (text: string) => shell.parse(text).rootNode;

test('fileReads: literal paths of the standard libraries\' open calls; a computed path is reported as null', () => {
  const context = memoryContext({
    'main.go': 'http.Dir("static"); os.ReadFile(name); template.ParseGlob(`templates/*`)\n',
    'Main.java': 'Files.readString(Path.of("config/app.properties")); new FileInputStream(f);\n',
    'a.c': 'fopen("/etc/greet.conf", "r");\n',
    'node_modules/x/y.go': 'os.Open("ignored")\n',
  });
  assert.equal(fileReads(context, ['go', 'java', 'c']).map((r) => [r.file, r.call, r.path]).sort(), [
    ['Main.java', 'Path.of', 'config/app.properties'],
    ['Main.java', 'new FileInputStream', null],
    ['a.c', 'fopen', '/etc/greet.conf'],
    ['main.go', 'http.Dir', 'static'],
    ['main.go', 'os.ReadFile', null],
    ['main.go', 'template.ParseGlob', 'templates/*'],
  ]);
});

test('programRuns: programs started by a literal name, and the commands of shell scripts (parsed, not searched)', () => {
  const context = memoryContext({
    'app.js': 'execSync("git rev-parse HEAD"); spawn(cmd);\n',
    'job.py': 'subprocess.run(["convert", "a.png", "b.jpg"])\n',
    'run.sh': '#!/bin/sh\n# curl is only mentioned here\nwget -q "$URL"\n',
  });
  assert.equal(programRuns(context, ['js', 'python'], parse).map((r) => r.program).sort(), ['convert', 'git', 'wget']);
});

test('runMakes: folders, owners and modes, relative to the RUN\'s folder; a computed operand marks the RUN unread', () => {
  const made = runMakes(commandsOf({ root: parse('mkdir -p /var/lib/app data && chown -R app:app /var/lib/app && chmod 700 data') }), '/srv');
  assert.equal(made.folders, ['/var/lib/app', '/srv/data']);
  assert.equal([...made.owners], [['/var/lib/app', { owner: 'app:app', recursive: true }]]);
  assert.equal(made.modes, ['/srv/data']);
  assert.is(made.computed, false);
  assert.is(runMakes(commandsOf({ root: parse('mkdir -p "$DIR"') }), '/').computed, true);
});

test('redirectTargets: files written, not /dev/null, descriptor copies or input', () => {
  assert.equal(redirectTargets(parse('echo a > /etc/a.conf 2>&1; cat < in.txt >> out.log; b 2>/dev/null; c > "$F"')).map((t) => t.path), ['/etc/a.conf', 'out.log', null]);
});

test('tscOutput: the one folder tsc writes, from the context\'s tsconfig; unknown where it may write elsewhere', () => {
  const context = memoryContext({
    'tsconfig.json': '{\n  // comment\n  "compilerOptions": { "outDir": "dist/", "rootDir": "src", /* "outFile": "x.js" */ },\n}\n',
    'config/tsconfig.json': '{"compilerOptions":{"outDir":"../build"}}',
    'tsconfig.lib.json': '{"extends":"./tsconfig.json","compilerOptions":{"outDir":"lib"}}',
    'tsconfig.inc.json': '{"compilerOptions":{"outDir":"dist","incremental":true}}',
    'tsconfig.decl.json': '{"compilerOptions":{"outDir":"dist","declaration":true,"declarationDir":"dist/types"}}',
    'tsconfig.away.json': '{"compilerOptions":{"outDir":"dist","declarationDir":"types"}}',
    'tsconfig.none.json': '{"compilerOptions":{"strict":true}}',
    'tsconfig.up.json': '{"compilerOptions":{"outDir":"../out"}}',
  });
  assert.equal(tscOutput([], context), { outDir: 'dist', config: 'tsconfig.json' });
  assert.equal(tscOutput(['-p', '.'], context), { outDir: 'dist', config: 'tsconfig.json' });
  assert.equal(tscOutput(['--project', 'config'], context), { outDir: 'build', config: 'config/tsconfig.json' });
  assert.equal(tscOutput(['-p', 'tsconfig.decl.json'], context), { outDir: 'dist', config: 'tsconfig.decl.json' });
  assert.equal(tscOutput(['-p', 'tsconfig.lib.json'], context), { unknown: 'tsconfig.lib.json: its options extend another file' });
  assert.equal(tscOutput(['-p', 'tsconfig.inc.json'], context), { unknown: 'tsconfig.inc.json: an incremental build writes its build-info file by rootDir' });
  assert.equal(tscOutput(['-p', 'tsconfig.away.json'], context), { unknown: 'tsconfig.away.json: declarationDir is outside outDir' });
  assert.equal(tscOutput(['-p', 'tsconfig.none.json'], context), { unknown: 'tsconfig.none.json sets no outDir, so tsc writes beside the sources' });
  assert.equal(tscOutput(['-p', 'tsconfig.up.json'], context), { unknown: 'tsconfig.up.json: outDir ../out is not a folder of its own in the copied folder' });
  assert.equal(tscOutput(['-p', 'missing.json'], context), { unknown: 'missing.json is not in the build context' });
  assert.equal(tscOutput(['--outDir', 'out'], context), { unknown: '`tsc --outDir out` sets options on the command line' });
  assert.equal(tscOutput([null], context), { unknown: 'its arguments are computed by the shell' });
});

test('plainJson: comments and trailing commas go, strings stay as written', () => {
  assert.equal(JSON.parse(plainJson('{ "a": "http://x/*y*/", // c\n "b": [1, 2, ], /* d */ "c": "\\" // not a comment", }')), { a: 'http://x/*y*/', b: [1, 2], c: '" // not a comment' });
});

test.run();
