/**
 * The package as an installer sees it: built dist/ loaded by package name,
 * from ES modules and from CommonJS, and the files package.json promises.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempProject } from './cli-harness.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** A project with dfmod installed (a link to this checkout, built). */
function installed(): string {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'pipe' });
  const dir = tempProject({}, 'dfmod-package-');
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(process.cwd(), path.join(dir, 'node_modules/dfmod'));
  return dir;
}

const SCRIPT = `.transform('FROM x\\nCMD node a.js\\n', { transforms: ['exec-form'] }).then((r) => process.stdout.write(r.output));`;

test('require("dfmod") works from CommonJS, import("dfmod") from ES modules', () => {
  const dir = installed();
  writeFileSync(path.join(dir, 'use.cjs'), `require('dfmod')${SCRIPT}\n`);
  writeFileSync(path.join(dir, 'use.mjs'), `import * as dfmod from 'dfmod';\ndfmod${SCRIPT}\n`);
  for (const file of ['use.cjs', 'use.mjs']) {
    const out = execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.is(out, 'FROM x\nCMD ["node", "a.js"]\n', file);
  }
});

test('the compiled executable (dist/bin/dfmod.js, which tools name) runs the compiled modules', () => {
  installed();
  const dir = tempProject({ Dockerfile: 'FROM x\nCMD node a.js\n' }, 'dfmod-package-');
  assert.is(execFileSync(process.execPath, [path.resolve('dist/bin/dfmod.js'), '--version'], { encoding: 'utf8' }), `${pkg.version}\n`);
  const out = execFileSync(process.execPath, [path.resolve('dist/bin/dfmod.js'), '--stdin', '-t', 'exec-form'], { cwd: dir, input: 'FROM x\nCMD node a.js\n', encoding: 'utf8' });
  assert.is(out, 'FROM x\nCMD ["node", "a.js"]\n');
});

test('exports: types, import, require and default conditions', () => {
  const root = pkg.exports['.'];
  assert.equal(Object.keys(root), ['types', 'import', 'require', 'default']);
  for (const condition of ['import', 'require', 'default']) assert.ok(root[condition].startsWith('./dist/'), condition);
});

test('LICENSE (MIT, as package.json says), repository, and files with schema/ and LICENSE', () => {
  assert.is(pkg.license, 'MIT');
  assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} /);
  assert.equal(pkg.repository, { type: 'git', url: 'git+https://github.com/dfmod/dfmod.git' });
  for (const entry of ['dist/', 'schema/', 'LICENSE', 'README.md', 'CHANGELOG.md']) assert.ok(pkg.files.includes(entry), entry);
  assert.ok(existsSync('schema/dfmodrc.schema.json'));
});

test.run();
