/**
 * What to run on each file: the transforms and options that result from the
 * configuration found for its folder, plugins, and the command line (which
 * overrides configuration).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { ConfigResolver, loadConfigFile, ConfigError, CONFIG_FILES, type DfmodConfig } from './config.js';
import type { Walk } from './files.js';
import { PluginCache, PluginError, availableTransforms, builtinTransforms, selectTransforms } from '../registry.js';
import type { Transform } from '../core/types.js';

export interface PlanOptions {
  cwd: string;
  /** -t / --skip from the command line (undefined when not given). */
  transforms?: string[];
  skip?: string[];
  /** --plugin modules, relative to cwd. */
  plugins?: string[];
  /** --config FILE instead of searching; --no-config to use none. */
  configFile?: string;
  useConfig?: boolean;
}

export interface FilePlan {
  /** Configuration `ignore` matched: leave the file out of the run. */
  ignored: boolean;
  transforms: Transform[];
  options: Record<string, Record<string, unknown>>;
  /** Modules the transforms came from, for worker threads to load again. */
  pluginModules: string[];
  config: string | null;
  /** Ids of every transform the file could name (built-ins and plugins), for checking its suppression comments. */
  known: string[];
}

export class Planner {
  private readonly resolver = new ConfigResolver();
  private readonly plugins: PluginCache;
  private explicitConfig: Promise<DfmodConfig> | null = null;

  constructor(private readonly options: PlanOptions) {
    this.plugins = new PluginCache(options.cwd);
  }

  /** File names a discovery walk should note for this planner (configuration files, when it searches for them). */
  get filesToFind(): readonly string[] {
    return this.options.useConfig === false || this.options.configFile ? [] : CONFIG_FILES;
  }

  /** What discovery saw: configuration is then looked up without probing every folder. */
  noteWalks(walks: readonly Walk[]): void {
    for (const walk of walks) this.resolver.noteWalk(walk);
  }

  /** `applyIgnore`: whether configuration's `ignore` can leave the file out (not for --stdin, nor with --no-ignore). */
  async plan(file: string, applyIgnore: boolean): Promise<FilePlan> {
    const absolute = path.resolve(this.options.cwd, file);
    const config = await this.configFor(path.dirname(absolute));
    const configDir = config.file ? path.dirname(config.file) : this.options.cwd;
    if (applyIgnore && config.ignore?.length) {
      const relative = path.relative(configDir, absolute).split(path.sep).join('/');
      const { minimatch } = await import('./glob.js');
      if (config.ignore.some((glob) => minimatch(relative, glob))) {
        return { ignored: true, transforms: [], options: {}, pluginModules: [], config: config.file, known: [] };
      }
    }
    const named = [
      ...(this.options.plugins ?? []).map((given) => ({ given, base: this.options.cwd })),
      ...(config.plugins ?? []).map((given) => ({ given, base: configDir })),
    ];
    const pluginModules = named.map(({ given, base }) => resolvePlugin(given, base));
    const available = await pluginTransforms(this.plugins, named.map(({ given }, i) => ({ given, module: pluginModules[i]! })));
    for (const id of Object.keys(config.options)) {
      if (!available.some((t) => t.id === id)) {
        throw new ConfigError(config.file ?? 'configuration', `"${id}" is not a transform id (known: ${available.map((t) => t.id).join(', ')})`);
      }
    }
    // A selection on the command line (-t and/or --skip) replaces the configuration's as a whole.
    const fromCli = this.options.transforms !== undefined || this.options.skip !== undefined;
    const transforms = fromCli
      ? selectTransforms(available, this.options.transforms, this.options.skip)
      : selectTransforms(available, config.transforms, config.skip);
    return { ignored: false, transforms, options: config.options, pluginModules, config: config.file, known: available.map((t) => t.id) };
  }

  /** Reads and checks a --config file before any Dockerfile is looked at (its errors are the run's first word). */
  async preload(): Promise<void> {
    if (this.options.configFile && this.options.useConfig !== false) await this.configFor(this.options.cwd);
  }

  private configFor(folder: string): Promise<DfmodConfig> {
    if (this.options.useConfig === false) return Promise.resolve({ options: {}, file: null });
    if (this.options.configFile) {
      this.explicitConfig ??= loadConfigFile(path.resolve(this.options.cwd, this.options.configFile)).then(
        (c) => c ?? { options: {}, file: path.resolve(this.options.cwd, this.options.configFile!) },
      );
      return this.explicitConfig;
    }
    return this.resolver.forFolder(folder);
  }

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

/** The built-ins and the plugins' transforms; a plugin must not take a built-in's id. */
export async function pluginTransforms(cache: PluginCache, plugins: readonly { given: string; module: string }[]): Promise<Transform[]> {
  const custom: Transform[] = [];
  for (const { given, module } of plugins) {
    let loaded: Transform[];
    try {
      loaded = await cache.load(module);
    } catch (error) {
      // Named as the user wrote it, not as it was resolved.
      if (error instanceof PluginError && error.plugin === module) throw new PluginError(given, error.detail);
      throw error;
    }
    for (const t of loaded) {
      if (builtinTransforms.some((b) => b.id === t.id)) throw new PluginError(given, `transform id '${t.id}' is a built-in's; choose another`);
      custom.push(t);
    }
  }
  return availableTransforms(custom);
}
