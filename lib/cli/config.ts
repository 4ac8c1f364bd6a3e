/**
 * Configuration, found as prettier finds its own: from the Dockerfile's folder
 * upwards, the first of `.dfmodrc.json`, `.dfmodrc` (JSON), `.dfmodrc.yaml` /
 * `.dfmodrc.yml`, `dfmod.config.mjs`,
 * `dfmod.config.js`, `dfmod.config.cjs` or a `dfmod` key in package.json.
 * Keys mirror the CLI; any key that is a transform id holds that transform's
 * options. Each file is checked once, when first read, against the schema
 * that ships with dfmod (schema/dfmodrc.schema.json); every problem is
 * reported with the key and, for JSON and YAML, its line:column.
 *
 *   { "skip": ["multi-stage"], "ignore": ["legacy/**"], "level": "review", "init-entrypoint": { "init": "dumb-init" } }
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Walk } from './files.js';
import type { Position } from './yaml-positions.js';
import type { Level } from '../core/types.js';

export interface DfmodConfig {
  transforms?: string[];
  /** The level written: `safe` (default) or `review` (review suggestions too). */
  level?: Level;
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
  /** One line per problem: `file[:line:column]: message`. */
  readonly problems: string[];

  constructor(readonly file: string, message: string | { message: string; at?: Position }[]) {
    const problems = (typeof message === 'string' ? [{ message }] : message).map(
      (p) => `${file}${'at' in p && p.at ? `:${p.at.line}:${p.at.column}` : ''}: ${p.message}`,
    );
    super(problems.join('\n'));
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

/** The files that can hold configuration, in the order they are looked for in a folder. */
export const CONFIG_FILES: readonly string[] = ['.dfmodrc.json', '.dfmodrc', '.dfmodrc.yaml', '.dfmodrc.yml', 'dfmod.config.mjs', 'dfmod.config.js', 'dfmod.config.cjs', 'package.json'];
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
const MODULE_FILE = /\.(mjs|cjs|js)$/;
const YAML_FILE = /\.ya?ml$/;

export async function loadConfigFile(file: string): Promise<DfmodConfig | null> {
  let raw: unknown;
  // The text, for placing problems (none for modules).
  let text: string | null = null;
  // Keys inside the file above the configuration (package.json's "dfmod").
  let prefix: string[] = [];
  try {
    if (MODULE_FILE.test(file)) {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      raw = module.default;
    } else if (YAML_FILE.test(file)) {
      text = readFileSync(file, 'utf8');
      raw = (await import('./yaml-positions.js')).parseYaml(text);
    } else {
      text = readFileSync(file, 'utf8');
      raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      if (path.basename(file) === 'package.json') {
        raw = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).dfmod : undefined;
        if (raw === undefined) return null;
        prefix = ['dfmod'];
      }
    }
  } catch (error) {
    const { ConfigSyntaxError, jsonSyntaxError } = await import('./yaml-positions.js');
    const syntax = error instanceof ConfigSyntaxError ? error : error instanceof SyntaxError && text !== null ? jsonSyntaxError(text, error) : null;
    if (syntax) throw new ConfigError(file, [{ message: `invalid ${YAML_FILE.test(file) ? 'YAML' : 'JSON'}: ${syntax.message}`, at: syntax.position }]);
    throw new ConfigError(file, `cannot be read: ${(error as Error).message}`);
  }
  // The schema loads only once a configuration file is found, positions only for a problem to place.
  const { checkAgainstSchema } = await import('./schema.js');
  const problems = checkAgainstSchema(raw);
  if (problems.length) {
    const { positionsIn, positionKey } = await import('./yaml-positions.js');
    const positions = text === null ? null : positionsIn(text);
    throw new ConfigError(
      file,
      problems.map((p) => ({
        message: p.path.length ? `"${[...prefix, ...p.path].join('.')}": ${p.message}` : `${prefix.length ? `"${prefix[0]}" ` : ''}${p.message}`,
        at: (p.aboutKey ? positions?.keys : positions?.values)?.get(positionKey([...prefix, ...p.path])),
      })),
    );
  }
  return normalize(file, raw as Record<string, unknown>);
}

/** A configuration the schema accepted, with comma lists split. */
function normalize(file: string, raw: Record<string, unknown>): DfmodConfig {
  const config: DfmodConfig = { options: {}, file };
  for (const [key, value] of Object.entries(raw)) {
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      config[key as (typeof LIST_KEYS)[number]] = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : (value as string[]);
    } else if (key === 'level') {
      config.level = value as Level;
    } else if (key !== '$schema') {
      config.options[key] = value as Record<string, unknown>;
    }
  }
  return config;
}
