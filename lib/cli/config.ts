/**
 * Configuration, found as prettier finds its own: from the Dockerfile's folder
 * upwards, the first of `.dfmodrc.json`, `.dfmodrc` (JSON), `dfmod.config.mjs`
 * or a `dfmod` key in package.json. Keys mirror the CLI; any key that is a
 * transform id holds that transform's options.
 *
 *   { "skip": ["multi-stage"], "ignore": ["legacy/**"], "init-entrypoint": { "init": "dumb-init" } }
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Walk } from './files.js';

export interface DfmodConfig {
  transforms?: string[];
  skip?: string[];
  /** Globs, relative to the configuration file's folder, of Dockerfiles to leave alone. */
  ignore?: string[];
  /** Module paths of custom transforms, relative to the configuration file's folder. */
  plugins?: string[];
  /** Per-transform options by transform id. */
  options: Record<string, Record<string, unknown>>;
  /** The file it came from (null when none was found). */
  file: string | null;
}

export class ConfigError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** The files that can hold configuration, in the order they are looked for in a folder. */
export const CONFIG_FILES: readonly string[] = ['.dfmodrc.json', '.dfmodrc', 'dfmod.config.mjs', 'package.json'];
const LIST_KEYS = ['transforms', 'skip', 'ignore', 'plugins'] as const;

const EMPTY: DfmodConfig = { options: {}, file: null };

export class ConfigResolver {
  private readonly byFolder = new Map<string, Promise<DfmodConfig>>();
  /** Folders a discovery walk read whole, and the configuration files it saw in them. */
  private readonly walked = new Set<string>();
  private readonly seen = new Set<string>();

  /**
   * Tells the resolver what a discovery walk saw (lib/files.ts): in the
   * folders it read, no other configuration file exists, so none is probed
   * for. On 10,000 folders the probes took longer than the walk.
   */
  noteWalk(walk: Walk): void {
    if (!CONFIG_FILES.every((name) => walk.names.includes(name))) return;
    const top = path.resolve(walk.top);
    for (const file of walk.found) {
      for (let folder = path.dirname(file); !this.walked.has(folder); folder = path.dirname(folder)) {
        this.walked.add(folder);
        if (folder === top || path.dirname(folder) === folder) break;
      }
    }
    for (const file of walk.extras) if (CONFIG_FILES.includes(path.basename(file))) this.seen.add(file);
  }

  private exists(file: string): boolean {
    // A file the walk saw is checked once more: it may be a dangling symlink.
    return (!this.walked.has(path.dirname(file)) || this.seen.has(file)) && existsSync(file);
  }

  /** The configuration that applies to files in `folder` (cached per folder). */
  forFolder(folder: string): Promise<DfmodConfig> {
    const absolute = path.resolve(folder);
    let found = this.byFolder.get(absolute);
    if (!found) {
      found = this.search(absolute);
      this.byFolder.set(absolute, found);
    }
    return found;
  }

  private async search(folder: string): Promise<DfmodConfig> {
    for (const name of CONFIG_FILES) {
      const file = path.join(folder, name);
      if (!this.exists(file)) continue;
      const loaded = await loadConfigFile(file);
      if (loaded) return loaded;
    }
    const parent = path.dirname(folder);
    return parent === folder ? EMPTY : this.forFolder(parent);
  }
}

/** Reads one configuration file; null for a package.json without a `dfmod` key. */
export async function loadConfigFile(file: string): Promise<DfmodConfig | null> {
  let raw: unknown;
  try {
    if (file.endsWith('.mjs')) {
      raw = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
    } else {
      raw = JSON.parse(readFileSync(file, 'utf8'));
      if (path.basename(file) === 'package.json') {
        raw = (raw as Record<string, unknown>).dfmod;
        if (raw === undefined) return null;
      }
    }
  } catch (error) {
    throw new ConfigError(file, `cannot be read: ${(error as Error).message}`);
  }
  return normalize(file, raw);
}

function normalize(file: string, raw: unknown): DfmodConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, 'must hold an object');
  const config: DfmodConfig = { options: {}, file };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
        throw new ConfigError(file, `"${key}" must be a list of strings`);
      }
      config[key as (typeof LIST_KEYS)[number]] = list as string[];
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      config.options[key] = value as Record<string, unknown>;
    } else if (key !== '$schema') {
      throw new ConfigError(file, `unknown key "${key}" (expected ${LIST_KEYS.join(', ')}, or a transform id with an options object)`);
    }
  }
  return config;
}
