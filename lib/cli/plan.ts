/**
 * What to run on each file: the transforms and options that result from the
 * configuration found for its folder, plugins, and the command line (which
 * overrides configuration).
 */
import path from 'node:path';
import { ConfigResolver, loadConfigFile, ConfigError, CONFIG_FILES, type DfmodConfig } from './config.js';
import type { Walk } from './files.js';
import { PluginCache, resolvePlugin, selectTransforms, type PluginRef } from '../registry.js';
import type { Level, Transform } from '../core/types.js';

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
  /** The configured level (`level` key), when there is one; the command line's --level overrides it. */
  level?: Level;
  /** Modules the transforms came from, for worker threads to load again. */
  pluginModules: string[];
  config: string | null;
  /** Ids of every transform the file could name (built-ins and plugins), for checking its suppression comments. */
  known: string[];
}

const NO_CONFIG: DfmodConfig = { options: {}, file: null };

export class Planner {
  private readonly resolver = new ConfigResolver();
  /** The run's one plugin cache. */
  private readonly plugins = new PluginCache();
  private readonly byConfig = new WeakMap<DfmodConfig, ReturnType<Planner['assemble']>>();
  private explicitConfig: Promise<DfmodConfig> | null = null;

  constructor(private readonly options: PlanOptions) {}

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
    const { transforms, pluginModules, known } = await this.transformsFor(config);
    return { ignored: false, transforms, options: config.options, ...(config.level ? { level: config.level } : {}), pluginModules, config: config.file, known };
  }

  /** The built-ins and the --plugin transforms: what the command line alone makes available. */
  commandLineTransforms(): Promise<Transform[]> {
    return this.plugins.available(this.commandLinePlugins());
  }

  private commandLinePlugins(): PluginRef[] {
    return (this.options.plugins ?? []).map((given) => ({ given, module: resolvePlugin(given, this.options.cwd) }));
  }

  /** Worked out once per configuration: the Dockerfiles under it share the result. */
  private transformsFor(config: DfmodConfig): Promise<Pick<FilePlan, 'transforms' | 'pluginModules' | 'known'>> {
    let found = this.byConfig.get(config);
    if (!found) {
      found = this.assemble(config);
      this.byConfig.set(config, found);
    }
    return found;
  }

  private async assemble(config: DfmodConfig): Promise<Pick<FilePlan, 'transforms' | 'pluginModules' | 'known'>> {
    const configDir = config.file ? path.dirname(config.file) : this.options.cwd;
    const plugins = [
      ...this.commandLinePlugins(),
      ...(config.plugins ?? []).map((given) => ({ given, module: resolvePlugin(given, configDir) })),
    ];
    const available = await this.plugins.available(plugins);
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
    return { transforms, pluginModules: plugins.map((p) => p.module), known: available.map((t) => t.id) };
  }

  /** Reads and checks a --config file before any Dockerfile is looked at (its errors are the run's first word). */
  async preload(): Promise<void> {
    if (this.options.configFile && this.options.useConfig !== false) await this.configFor(this.options.cwd);
  }

  private configFor(folder: string): Promise<DfmodConfig> {
    if (this.options.useConfig === false) return Promise.resolve(NO_CONFIG);
    if (this.options.configFile) {
      this.explicitConfig ??= loadConfigFile(path.resolve(this.options.cwd, this.options.configFile)).then(
        (c) => c ?? { options: {}, file: path.resolve(this.options.cwd, this.options.configFile!) },
      );
      return this.explicitConfig;
    }
    return this.resolver.forFolder(folder);
  }

}
