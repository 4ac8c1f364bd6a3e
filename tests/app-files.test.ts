import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryContext } from '../lib/core/context.js';
import { loadShellParser } from '../lib/core/shell.js';
import { commandsOf } from '../lib/facts/commands.js';
import { fileReads, programRuns, redirectTargets, runMakes } from '../lib/facts/index.js';

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

test.run();
