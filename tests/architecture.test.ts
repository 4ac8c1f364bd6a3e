/**
 * The floors and which way imports may point: knowledge is data that imports
 * nothing of dfmod's; the engine (lib/core) knows no CLI and no transform;
 * a transform is policy over the model and the knowledge base and imports no
 * other transform. A question answered in one place stays answered there only
 * if nothing can reach around the floor that owns it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) return sources(path.join(dir, name));
    return name.endsWith('.ts') ? [path.join(dir, name)] : [];
  });
}

/** The relative imports of a module, resolved to repository paths (`lib/core/shell.ts`). */
function localImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) {
    const spec = match[1] ?? match[2];
    found.push(path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec)).replace(/\.js$/, '.ts'));
  }
  return found;
}

function violations(files: string[], forbidden: (target: string, file: string) => boolean): string[] {
  return files.flatMap((file) => localImports(file).filter((t) => forbidden(t, file)).map((t) => `${file} -> ${t}`));
}

test('lib/knowledge imports nothing of dfmod outside itself', () => {
  assert.equal(violations(sources('lib/knowledge'), (t) => !t.startsWith('lib/knowledge/')), []);
});

test('lib/core imports nothing from lib/cli, the registry or transforms', () => {
  assert.equal(violations(sources('lib/core'), (t) => t.startsWith('lib/cli/') || t.startsWith('transforms/') || t === 'lib/registry.ts'), []);
});

test('lib/facts imports nothing from lib/cli, the registry or transforms', () => {
  assert.equal(violations(sources('lib/facts'), (t) => t.startsWith('lib/cli/') || t.startsWith('transforms/') || t === 'lib/registry.ts'), []);
});

test('no transform imports another transform', () => {
  const transformOf = (p: string) => p.split('/').slice(0, 2).join('/').replace(/\.ts$/, '');
  const files = sources('transforms').filter((f) => f !== 'transforms/index.ts');
  assert.equal(violations(files, (t, file) => t.startsWith('transforms/') && transformOf(t) !== transformOf(file)), []);
});

test('the import reader sees the imports it polices', () => {
  // A reader that found nothing would let every rule above pass.
  assert.ok(localImports('lib/core/engine.ts').includes('lib/core/dockerfile.ts'));
  assert.ok(localImports('transforms/index.ts').length >= 8);
});

test.run();
