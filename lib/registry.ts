/**
 * The one place a run's transforms are assembled: the built-ins, the plugins
 * a run names (resolved from the project, loaded once, no two taking one id),
 * and the selection (`-t`, `--skip`, configuration). The CLI, its planner,
 * bulk workers and the library API all ask here.
 *
 * A plugin is a module whose default export is a transform (or a list of
 * them), or which exports `transforms`. The shape is the built-ins' shape,
 * see lib/core/types.ts and examples/plugins/no-latest-tag.mjs.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { builtinTransforms } from '../transforms/index.js';
import { selectTransforms, UsageError } from './core/select.js';
import { EFFECTS } from './core/guard.js';
import type { Transform } from './core/types.js';

export { builtinTransforms, selectTransforms };
export { UsageError };

export function isBuiltin(id: string): boolean {
  return builtinTransforms.some((b) => b.id === id);
}

/**
 * The built-ins followed by custom transforms. An id names one transform: a
 * custom one taking an id already taken is an error, not quietly dropped
 * (the same transform object given twice counts once).
 */
export function availableTransforms(custom: readonly Transform[] = []): Transform[] {
  return assemble([{ plugin: null, transforms: custom }]);
}

function assemble(groups: readonly { plugin: string | null; transforms: readonly Transform[] }[]): Transform[] {
  const available = [...builtinTransforms];
  const owner = new Map(builtinTransforms.map((t) => [t.id, "a built-in's"]));
  for (const { plugin, transforms } of groups) {
    for (const t of transforms) {
      const taken = available.find((a) => a.id === t.id);
      if (taken === t) continue;
      if (taken) {
        const detail = `transform id '${t.id}' is ${owner.get(t.id)}; choose another`;
        throw plugin === null ? new UsageError(detail) : new PluginError(plugin, detail);
      }
      available.push(t);
      owner.set(t.id, plugin === null ? "another custom transform's" : `plugin ${plugin}'s`);
    }
  }
  return available;
}

/** A plugin as the user wrote it (`given`, which names it in errors) and the file it resolved to. */
export interface PluginRef {
  given: string;
  module: string;
}

/**
 * The file a plugin specifier names, from the project and not from where dfmod
 * is installed: paths against `base`, package names as a module in `base`
 * would find them (its node_modules, then those above it).
 */
export function resolvePlugin(specifier: string, base: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return path.resolve(base, specifier);
  try {
    return createRequire(path.join(base, 'noop.js')).resolve(specifier);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PluginError(specifier, code === 'MODULE_NOT_FOUND' ? `cannot be found from ${base}` : `cannot be resolved from ${base}: ${(error as Error).message}`);
  }
}

/**
 * Loads each plugin module once, and assembles each list of plugins once: a
 * run (or a worker thread) holds one, so Dockerfiles under one configuration
 * share its transforms.
 */
export class PluginCache {
  private readonly modules = new Map<string, Promise<Transform[]>>();
  private readonly assembled = new Map<string, Promise<Transform[]>>();

  /** The built-ins plus the transforms of `plugins`, in order; errors name a plugin as it was given. */
  available(plugins: readonly PluginRef[]): Promise<Transform[]> {
    const key = JSON.stringify(plugins.map((p) => [p.given, p.module]));
    let found = this.assembled.get(key);
    if (!found) {
      found = this.assemble(plugins);
      this.assembled.set(key, found);
    }
    return found;
  }

  private async assemble(plugins: readonly PluginRef[]): Promise<Transform[]> {
    const groups: { plugin: string; transforms: Transform[] }[] = [];
    const seen = new Set<string>();
    for (const { given, module } of plugins) {
      // Named twice (--plugin and configuration): one module, loaded once.
      if (seen.has(module)) continue;
      seen.add(module);
      try {
        groups.push({ plugin: given, transforms: await this.load(module) });
      } catch (error) {
        if (error instanceof PluginError) throw new PluginError(given, error.detail);
        throw error;
      }
    }
    return assemble(groups);
  }

  private load(module: string): Promise<Transform[]> {
    let found = this.modules.get(module);
    if (!found) {
      found = importPlugin(module, module);
      this.modules.set(module, found);
    }
    return found;
  }
}

export class PluginError extends Error {
  /** `detail`: what is wrong, without the plugin's name (which the message leads with). */
  constructor(readonly plugin: string, readonly detail: string) {
    super(`plugin ${plugin}: ${detail}`);
    this.name = 'PluginError';
  }
}

/** The transforms of the plugin `specifier` names, resolved from `baseDir` (see resolvePlugin). */
export function loadPlugin(specifier: string, baseDir: string): Promise<Transform[]> {
  return importPlugin(resolvePlugin(specifier, baseDir), specifier);
}

async function importPlugin(file: string, name: string): Promise<Transform[]> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginError(name, `cannot be loaded: ${(error as Error).message}`);
  }
  const exported = module.default ?? module.transforms ?? module.transform;
  const list = Array.isArray(exported) ? exported : [exported];
  if (list.length === 0 || list[0] === undefined) throw new PluginError(name, 'exports no transform (default export, or `transforms`)');
  return list.map((candidate) => checkShape(name, candidate));
}

function checkShape(specifier: string, candidate: unknown): Transform {
  const t = candidate as Partial<Transform> | null;
  const problems: string[] = [];
  if (!t || typeof t !== 'object') problems.push('is not an object');
  else {
    if (typeof t.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(t.id)) problems.push('needs a kebab-case string `id`');
    if (t.level !== 'safe' && t.level !== 'review') problems.push("needs `level` 'safe' or 'review'");
    if (typeof t.description !== 'string') problems.push('needs a `description` string');
    if (t.reviewCheck !== undefined && typeof t.reviewCheck !== 'string') problems.push('has a `reviewCheck` that is not a string');
    if (typeof t.run !== 'function') problems.push('needs a `run(context)` function');
    if (t.effects !== undefined) {
      const unknown = Array.isArray(t.effects) ? t.effects.filter((e) => !EFFECTS.includes(e)) : null;
      if (unknown === null) problems.push('needs `effects` to be a list');
      else if (unknown.length) problems.push(`declares unknown effects ${unknown.map((e) => `'${String(e)}'`).join(', ')} (known: ${EFFECTS.join(', ')})`);
    }
  }
  if (problems.length) throw new PluginError(specifier, `transform ${problems.join(', ')}`);
  return { ...(t as Transform), rationale: t!.rationale ?? '' };
}
