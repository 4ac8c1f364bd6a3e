/**
 * The one place a run's transforms are assembled: the built-ins, the plugins
 * a run names, and the selection (`-t`, `--skip`, configuration). The CLI,
 * its planner, bulk workers and the library API all ask here.
 *
 * A plugin is a module whose default export is a transform (or a list of
 * them), or which exports `transforms`. The shape is the built-ins' shape,
 * see lib/core/types.ts and examples/plugins/no-latest-tag.mjs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinTransforms } from '../transforms/index.js';
import { selectTransforms } from './core/select.js';
import type { Transform } from './core/types.js';

export { builtinTransforms, selectTransforms };
export { UsageError } from './core/select.js';

export function isBuiltin(id: string): boolean {
  return builtinTransforms.some((b) => b.id === id);
}

/** The built-ins followed by custom transforms; a custom one reusing a built-in id is dropped. */
export function availableTransforms(custom: readonly Transform[] = []): Transform[] {
  const available = [...builtinTransforms];
  for (const t of custom) if (!available.some((a) => a.id === t.id)) available.push(t);
  return available;
}

/** Loads each plugin module once per cache (a run, or a worker thread). */
export class PluginCache {
  private readonly loaded = new Map<string, Promise<Transform[]>>();

  constructor(private readonly baseDir: string) {}

  load(specifier: string): Promise<Transform[]> {
    let found = this.loaded.get(specifier);
    if (!found) {
      found = loadPlugin(specifier, this.baseDir);
      this.loaded.set(specifier, found);
    }
    return found;
  }

  /** The built-ins plus every transform of `modules`. */
  async available(modules: readonly string[]): Promise<Transform[]> {
    const custom: Transform[] = [];
    for (const module of modules) custom.push(...(await this.load(module)));
    return availableTransforms(custom);
  }
}

export class PluginError extends Error {
  /** `detail`: what is wrong, without the plugin's name (which the message leads with). */
  constructor(readonly plugin: string, readonly detail: string) {
    super(`plugin ${plugin}: ${detail}`);
    this.name = 'PluginError';
  }
}

export async function loadPlugin(specifier: string, baseDir: string): Promise<Transform[]> {
  const isPath = specifier.startsWith('.') || path.isAbsolute(specifier);
  const target = isPath ? pathToFileURL(path.resolve(baseDir, specifier)).href : specifier;
  let module: Record<string, unknown>;
  try {
    module = (await import(target)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginError(specifier, `cannot be loaded: ${(error as Error).message}`);
  }
  const exported = module.default ?? module.transforms ?? module.transform;
  const list = Array.isArray(exported) ? exported : [exported];
  if (list.length === 0 || list[0] === undefined) throw new PluginError(specifier, 'exports no transform (default export, or `transforms`)');
  return list.map((candidate) => checkShape(specifier, candidate));
}

function checkShape(specifier: string, candidate: unknown): Transform {
  const t = candidate as Partial<Transform> | null;
  const problems: string[] = [];
  if (!t || typeof t !== 'object') problems.push('is not an object');
  else {
    if (typeof t.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(t.id)) problems.push('needs a kebab-case string `id`');
    if (t.level !== 'safe' && t.level !== 'review') problems.push("needs `level` 'safe' or 'review'");
    if (typeof t.description !== 'string') problems.push('needs a `description` string');
    if (typeof t.run !== 'function') problems.push('needs a `run(context)` function');
  }
  if (problems.length) throw new PluginError(specifier, `transform ${problems.join(', ')}`);
  return { ...(t as Transform), rationale: t!.rationale ?? '' };
}
