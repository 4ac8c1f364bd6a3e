/**
 * The dependency ecosystems copy-deps-first knows: how each one's install is
 * spelled, which manifests it reads, what it writes into the working
 * directory, and what in the command or the build context makes hoisting it
 * unsound. One table row per ecosystem; the transform's policy is in index.ts.
 */
import path from 'node:path';
import type { BuildContext } from '../../lib/core/context.js';
import { isPipProgram, pipCommand, programName } from '../../lib/facts/index.js';
import { NPM_INSTALL_SCRIPTS } from '../../lib/knowledge/index.js';
import type { Refusal } from '../../lib/core/types.js';

export type { Refusal };

export const refusal = (id: string, reason: string): { refuse: Refusal } => ({ refuse: { id, reason } });

export type Plan = { kind: 'install' } | { kind: 'prefetch'; command: string };

/** What an ecosystem's install command looks like and what it reads. */
export interface Ecosystem {
  id: string;
  /** Whether a command is this ecosystem's install (or, for prefetch, build) command. */
  detect(cmd: Parsed): boolean;
  /** Manifests the install cannot do without. */
  required: string[];
  /** Manifests copied when they exist (with a `*` wildcard when no build context is known). */
  optional: string[];
  /**
   * One wildcard that names the required manifest and its lockfiles, written
   * in their place (`package*.json`, as npm's documentation writes it): it
   * also brings a lockfile the project adds later, and BuildKit accepts it
   * as long as the required manifest is there.
   */
  glob?: { pattern: string; covers: string[] };
  /** Folder the install writes into the working directory, which `COPY . .` must not bring from the host. */
  installDir: string | null;
  /**
   * Whether the install writes into installDir at all, given the environment
   * at the source copy, the copy's destination and the build context; absent:
   * it always does. (Bundler installs into GEM_HOME unless told a path.)
   */
  installsLocally?(env: ReadonlyMap<string, string | null>, dest: string | null, context: BuildContext): boolean;
  /**
   * `install`: hoist the command. `prefetch`: add `prefetch(cmd)` before the copy and keep the RUN.
   * Either may be a refusal instead.
   */
  plan(cmd: Parsed): Plan | { refuse: Refusal };
  /** Refusals that need the build context (file contents). */
  check?(context: BuildContext): Refusal | null;
  /**
   * Where the tool reads settings that may name paths: configuration files in
   * the working directory (copied as optional manifests) and the prefixes of
   * its environment variables (`PIP_FIND_LINKS`, `npm_config_cafile`).
   */
  settings?: { files: string[]; envPrefixes: string[] };
  /**
   * Whether its plan needs none of the command's arguments but those `plan`
   * checks (a pre-fetch of its own words: `go mod download`), so a command
   * whose other arguments the shell computes (`-ldflags "-X main.Commit=$(git rev-parse HEAD)"`)
   * is read with those words as written (Parsed.computed).
   */
  computedArguments?: boolean;
  /** Extra manifests computed from the command and the context (pip's requirement files). */
  manifests?(cmd: Parsed, context: BuildContext | null, cwd: string | null): { files: string[]; unknown: boolean } | { refuse: Refusal };
}

/** A command with literal words, its flags and positional arguments split apart. */
export interface Parsed {
  name: string;
  /** Every argument after the name (after `-m pip` for `python -m pip`). */
  args: string[];
  positional: string[];
  flags: Map<string, string | true>;
  /** Flags whose word or value the shell computes (`-mod=$MODE`); empty unless parseCommand was given the words as written. */
  computed: ReadonlySet<string>;
}

/** Flags that take the next word as their value, per tool (so the value is not taken for a positional argument). */
const VALUE_FLAGS: Record<string, string[]> = {
  npm: ['--omit', '--include', '--only', '--registry', '--cache', '--loglevel', '--prefix', '--workspace', '-w', '--install-strategy'],
  yarn: ['--network-timeout', '--modules-folder', '--cache-folder', '--mutex', '--registry', '--network-concurrency'],
  pnpm: ['--filter', '-F', '--reporter', '--registry', '--store-dir', '--network-concurrency', '--dir', '-C'],
  pip: ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
    '-t', '--target', '--prefix', '--root', '--cache-dir', '--trusted-host', '--platform', '--python-version', '--implementation',
    '--abi', '--progress-bar', '--timeout', '--retries', '--src', '--upgrade-strategy', '--no-binary', '--only-binary',
    '--config-settings', '-C', '--global-option', '--log', '--proxy', '--cert', '--client-cert', '--report',
    // pip's own options, before the subcommand.
    '--python', '--exists-action', '--root-user-action', '--keyring-provider', '--use-feature', '--use-deprecated'],
  pipenv: ['--python', '--pypi-mirror', '--categories'],
  poetry: ['--only', '--with', '--without', '-E', '--extras', '--directory', '-C', '--project', '-P'],
  bundle: ['--jobs', '-j', '--retry', '--path', '--without', '--with', '--gemfile', '--binstubs', '--standalone', '--target-rbconfig'],
  composer: ['--working-dir', '-d', '--prefer-install', '--ignore-platform-req'],
  go: ['-o', '-mod', '-tags', '-ldflags', '-gcflags', '-p', '-C', '-modfile', '-pkgdir', '-buildmode', '-compiler', '-asmflags', '-toolexec', '-overlay', '-pgo'],
};

/** Program names as a command spells them -> the tool they are. */
const PROGRAMS: Record<string, string> = {
  npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', pipenv: 'pipenv', poetry: 'poetry', bundle: 'bundle',
  composer: 'composer', 'composer.phar': 'composer', go: 'go',
};

/** Whether a command (words from the program on) runs one of the tools ECOSYSTEMS reads, whatever its other words. */
export function isEcosystemCommand(words: readonly (string | null)[]): boolean {
  const program = words[0];
  return !!program && (programName(program) in PROGRAMS || isPipProgram(program) || pipCommand(words) !== null);
}

/**
 * A command's literal words (from the program on, past wrappers) with flags
 * and positional arguments split apart. `python -m pip ...` and `pip3.11`
 * are pip; `composer.phar` is composer. Null when a word is computed, unless
 * `texts` (each word as written) is given: then a computed argument stands
 * as written, and is in `computed`. The program itself must be literal.
 */
export function parseCommand(words: readonly (string | null)[], texts?: readonly string[]): Parsed | null {
  if (words.length === 0 || words[0] === null) return null;
  if (!texts && words.some((w) => w === null)) return null;
  const computedWords = new Set<string>();
  const literal = words.map((w, i) => {
    if (w !== null) return w;
    computedWords.add(texts![i]);
    return texts![i];
  });
  const pip = pipCommand(literal);
  let name: string;
  let args: string[];
  if (pip) {
    name = 'pip';
    args = [...pip.options, pip.subcommand, ...pip.args] as string[];
  } else {
    const program = programName(literal[0]);
    name = PROGRAMS[program] ?? program;
    args = literal.slice(1);
  }
  const valueFlags = VALUE_FLAGS[name] ?? [];
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const computed = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('-') && arg.length > 1) {
      const eq = arg.indexOf('=');
      let flag = arg;
      if (eq > 0) flags.set(flag = arg.slice(0, eq), arg.slice(eq + 1));
      else if (valueFlags.includes(arg) && i + 1 < args.length) {
        flags.set(arg, args[++i]);
        if (computedWords.has(args[i])) computed.add(arg);
      } else if (/^-[rc].+/.test(arg) && name === 'pip') flags.set(flag = arg.slice(0, 2), arg.slice(2));
      else flags.set(arg, true);
      if (computedWords.has(arg)) computed.add(flag);
    } else positional.push(arg);
  }
  return { name, args, positional, flags, computed };
}

const LOCAL_PATH_DEPENDENCY = 'local-path-dependency';

export const ECOSYSTEMS: Ecosystem[] = [
  {
    id: 'npm',
    detect: (c) => c.name === 'npm' && ['ci', 'clean-install', 'install', 'i'].includes(c.positional[0] ?? ''),
    required: ['package.json'],
    optional: ['package-lock.json', 'npm-shrinkwrap.json', '.npmrc'],
    glob: { pattern: 'package*.json', covers: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'] },
    installDir: 'node_modules',
    settings: { files: ['.npmrc'], envPrefixes: ['npm_config_'] },
    plan: (c) => nodePlan(c, ['--prefix', '-w', '--workspace', '--workspaces', '-g', '--global', '--location']),
    check: (ctx) => packageJsonProblem(ctx),
  },
  {
    id: 'yarn',
    detect: (c) => c.name === 'yarn' && (c.positional.length === 0 ? !asksForInfo(c) : c.positional[0] === 'install'),
    required: ['package.json'],
    optional: ['yarn.lock', '.yarnrc', '.npmrc'],
    installDir: 'node_modules',
    settings: { files: ['.yarnrc', '.npmrc'], envPrefixes: ['YARN_', 'npm_config_'] },
    plan: (c) => nodePlan(c, ['--modules-folder', '--cwd']),
    check: (ctx) =>
      ctx.exists('.yarn') || ctx.exists('.yarnrc.yml') || ctx.exists('.pnp.cjs') ? yarnBerry(ctx) : packageJsonProblem(ctx),
  },
  {
    id: 'pnpm',
    detect: (c) => c.name === 'pnpm' && ['install', 'i'].includes(c.positional[0] ?? ''),
    required: ['package.json'],
    optional: ['pnpm-lock.yaml', '.npmrc', '.pnpmfile.cjs'],
    installDir: 'node_modules',
    settings: { files: ['.npmrc'], envPrefixes: ['npm_config_', 'PNPM_'] },
    plan: (c) => nodePlan(c, ['--filter', '-F', '--dir', '-C', '-r', '--recursive', '-g', '--global']),
    check: (ctx) => {
      if (ctx.exists('pnpm-workspace.yaml')) return { id: 'workspaces', reason: 'pnpm-workspace.yaml makes it a workspace, whose packages the install reads' };
      const pkg = readJson(ctx, 'package.json');
      if (pkg && isObject(pkg.pnpm) && 'patchedDependencies' in pkg.pnpm) {
        return { id: 'patched-dependencies', reason: 'package.json has pnpm.patchedDependencies, whose patch files the install reads' };
      }
      return packageJsonProblem(ctx);
    },
  },
  {
    id: 'pip',
    detect: (c) => c.name === 'pip' && c.positional[0] === 'install' && (c.flags.has('-r') || c.flags.has('--requirement')),
    required: [],
    optional: [],
    installDir: null,
    settings: { files: [], envPrefixes: ['PIP_'] },
    plan: (c) => pipPlan(c),
    manifests: (c, ctx, cwd) => requirementFiles(c, ctx, cwd),
  },
  {
    id: 'pipenv',
    detect: (c) => c.name === 'pipenv' && ['install', 'sync'].includes(c.positional[0] ?? ''),
    required: ['Pipfile'],
    optional: ['Pipfile.lock'],
    installDir: '.venv',
    settings: { files: [], envPrefixes: ['PIPENV_', 'PIP_'] },
    plan: (c) =>
      c.positional.length > 1 ? refusal('named-packages', '`pipenv install <package>` changes the Pipfile')
        : c.flags.has('-e') || c.flags.has('--editable') ? refusal('editable-install', 'an editable install needs the source')
          : { kind: 'install' },
    check: (ctx) => (/^\s*[\w.-]+\s*=\s*\{[^}]*\bpath\s*=/m.test(ctx.read('Pipfile') ?? '')
      ? { id: LOCAL_PATH_DEPENDENCY, reason: 'the Pipfile has a local path dependency' } : null),
  },
  {
    id: 'poetry',
    detect: (c) => c.name === 'poetry' && c.positional[0] === 'install',
    required: ['pyproject.toml'],
    optional: ['poetry.lock', 'poetry.toml'],
    installDir: '.venv',
    plan: (c) => {
      if (c.positional.length > 1) return refusal('unexpected-arguments', 'unexpected arguments to `poetry install`');
      if (['--only-root', '--directory', '-C', '--project', '-P'].some((f) => c.flags.has(f))) {
        return refusal('install-elsewhere', 'it installs only the project, or from another folder');
      }
      if (c.flags.has('--no-root')) return { kind: 'install' };
      // The project itself needs the source: install the dependencies first, keep the full install after the copy.
      return { kind: 'prefetch', command: [c.name, ...c.args, '--no-root'].join(' ') };
    },
    check: (ctx) => (/\bpath\s*=/.test(ctx.read('pyproject.toml') ?? '')
      ? { id: LOCAL_PATH_DEPENDENCY, reason: 'pyproject.toml has a local path dependency' } : null),
  },
  {
    id: 'bundler',
    detect: (c) => c.name === 'bundle' && (c.positional.length === 0 ? !asksForInfo(c) : c.positional[0] === 'install'),
    required: ['Gemfile'],
    optional: ['Gemfile.lock', '.bundle/config'],
    installDir: 'vendor/bundle',
    // Bundler writes vendor/bundle only where a path or deployment mode is set: BUNDLE_PATH in the app folder, BUNDLE_DEPLOYMENT,
    // or the project's .bundle/config saying so; else the gems go to GEM_HOME (/usr/local/bundle in the official images).
    installsLocally: (env, dest, context) => {
      const where = env.get('BUNDLE_PATH');
      if (where !== undefined) return where === null || !where.startsWith('/') || (dest !== null && `${where}/`.startsWith(`${dest}/`));
      const deployment = env.get('BUNDLE_DEPLOYMENT');
      if (deployment !== undefined) return deployment === null || /^(1|true|yes)$/i.test(deployment);
      return /^BUNDLE_(PATH|DEPLOYMENT):/m.test(context.read('.bundle/config') ?? '');
    },
    settings: { files: [], envPrefixes: ['BUNDLE_'] },
    plan: (c) =>
      c.positional.length > 1 ? refusal('unexpected-arguments', 'unexpected arguments to `bundle install`')
        : ['--gemfile', '--binstubs', '--standalone'].some((f) => c.flags.has(f))
          ? refusal('source-tree-path', 'its flags write into or read from the source tree')
          : { kind: 'install' },
    check: (ctx) => {
      const gemfile = ctx.read('Gemfile') ?? '';
      const found = /^\s*(gemspec\b|eval_gemfile\b)|\bpath:|:path\s*=>|\bFile\.|\brequire_relative\b|\bfile:/m.exec(gemfile);
      return found ? { id: 'gemfile-reads-files', reason: `the Gemfile reads other files (\`${found[0].trim()}\`)` } : null;
    },
  },
  {
    id: 'composer',
    detect: (c) => c.name === 'composer' && c.positional[0] === 'install',
    required: ['composer.json'],
    optional: ['composer.lock', 'auth.json'],
    installDir: 'vendor',
    plan: (c) => {
      if (c.positional.length > 1) return refusal('unexpected-arguments', 'unexpected arguments to `composer install`');
      if (c.flags.has('--working-dir') || c.flags.has('-d')) return refusal('install-elsewhere', 'it installs in another folder');
      const missing = ['--no-scripts', '--no-autoloader'].filter((f) => !c.flags.has(f));
      if (missing.length === 0) return { kind: 'install' };
      // Scripts and the autoloader read the source: fetch the packages first, keep the full install after the copy.
      return { kind: 'prefetch', command: [c.name, ...c.args, ...missing].join(' ') };
    },
    check: (ctx) => {
      const json = readJson(ctx, 'composer.json');
      if (!json) return { id: 'unreadable-manifest', reason: 'composer.json could not be read' };
      const repos = Array.isArray(json.repositories) ? json.repositories : Object.values(json.repositories ?? {});
      if (repos.some((r) => isObject(r) && r.type === 'path')) return { id: LOCAL_PATH_DEPENDENCY, reason: 'composer.json has a path repository' };
      if (isObject(json.extra) && 'installer-paths' in json.extra) {
        return { id: 'installs-into-source', reason: 'composer.json installs packages into the source tree (installer-paths)' };
      }
      if (isObject(json.config) && 'vendor-dir' in json.config) return { id: 'install-dir-moved', reason: 'composer.json moves vendor-dir' };
      return null;
    },
  },
  {
    id: 'go',
    detect: (c) => c.name === 'go' && ['build', 'install'].includes(c.positional[0] ?? '') && !c.positional.some((p) => p.includes('@')),
    required: ['go.mod'],
    optional: ['go.sum'],
    installDir: null,
    // `go mod download` reads go.mod and go.sum only: how the build links, tags or names its output does not matter to it.
    computedArguments: true,
    plan: (c) => {
      const computed = ['-mod', '-modfile', '-C'].find((f) => c.computed.has(f));
      if (computed) return refusal('computed-arguments', `\`go ${c.positional[0]}\` has a \`${computed}\` the shell computes`);
      if (c.flags.has('-mod') && c.flags.get('-mod') !== 'mod' && c.flags.get('-mod') !== 'readonly') return refusal('vendored-go-modules', 'it builds from vendor/');
      if (c.flags.has('-modfile')) return refusal('other-go-mod', 'it uses another go.mod');
      if (c.flags.has('-C')) return refusal('install-elsewhere', `\`-C ${c.flags.get('-C')}\` builds the module of another folder`);
      return { kind: 'prefetch', command: 'go mod download' };
    },
    check: (ctx) => {
      if (ctx.exists('go.work')) return { id: 'workspaces', reason: 'go.work makes it a workspace of several modules' };
      if (ctx.exists('vendor/modules.txt')) return { id: 'vendored-go-modules', reason: 'the module is vendored (vendor/modules.txt)' };
      if (/^\s*(replace\s+)?\S+(\s+\S+)?\s*=>\s*\.{0,2}\//m.test(ctx.read('go.mod') ?? '')) {
        return { id: LOCAL_PATH_DEPENDENCY, reason: 'go.mod replaces a module with a local folder' };
      }
      return null;
    },
  },
];

/** Builds dfmod cannot pre-fetch soundly: they get a note saying why. */
/**
 * `manifests`: what a COPY before the source copy brings in when the file
 * already installs first by hand (`COPY App/App.csproj App/` then `dotnet
 * restore`): then there is nothing to say.
 */
export const UNSUPPORTED: { detect(c: Parsed): boolean; id: string; reason: string; manifests?: RegExp }[] = [
  {
    detect: (c) => c.name === 'cargo' && ['build', 'install'].includes(c.positional[0] ?? ''),
    id: 'no-download-step', reason: 'cargo cannot fetch or build dependencies without the source targets', manifests: /^Cargo\.(toml|lock)$/,
  },
  {
    detect: (c) => c.name === 'mvn' || c.name === 'mvnw',
    id: 'no-download-step', reason: 'Maven dependency:go-offline does not resolve every plugin dependency, and can fail where the build succeeds', manifests: /^pom\.xml$/,
  },
  { detect: (c) => c.name === 'gradle' || c.name === 'gradlew', id: 'no-download-step', reason: 'Gradle has no reliable download-only task', manifests: /^(build|settings)\.gradle(\.kts)?$/ },
  {
    detect: (c) => c.name === 'dotnet' && ['publish', 'build', 'restore'].includes(c.positional[0] ?? ''),
    id: 'project-references', reason: 'dotnet restore needs every project file and their references, which are not inferred',
    manifests: /\.(csproj|fsproj|vbproj|sln|slnx)$|^(Directory\.Packages\.props|packages\.lock\.json|NuGet\.[Cc]onfig)$/,
  },
  {
    detect: (c) => c.name === 'pip' && c.positional[0] === 'install' && !c.flags.has('-r') && !c.flags.has('--requirement') &&
      c.positional.slice(1).some(isLocalPath),
    id: 'pip-install-dot', reason: 'it installs the project itself (`pip install .`), which needs the source',
  },
  {
    detect: (c) => c.name === 'pip' && c.positional[0] === 'install' && (c.flags.has('-e') || c.flags.has('--editable')),
    id: 'editable-install', reason: 'an editable install (`-e`) needs the source',
  },
];

/** `yarn --version`, `bundle --help`: no command word, but not an install either. */
function asksForInfo(c: Parsed): boolean {
  return ['-v', '--version', '-h', '--help', '-V'].some((f) => c.flags.has(f));
}

function nodePlan(c: Parsed, refusedFlags: string[]): Plan | { refuse: Refusal } {
  const extra = c.positional.slice(c.name === 'yarn' && c.positional[0] !== 'install' ? 0 : 1);
  const global = ['-g', '--global', '--location=global'].some((f) => c.flags.has(f));
  if (extra.length && global) return refusal('global-install', `\`${c.name} ${c.args.join(' ')}\` installs a global tool, not the project's dependencies`);
  if (extra.length) return refusal('named-packages', `\`${c.name} ${c.args.join(' ')}\` installs named packages, which changes package.json`);
  const flag = refusedFlags.find((f) => c.flags.has(f));
  if (flag) return refusal('install-elsewhere', `\`${flag}\` installs another package or folder`);
  return { kind: 'install' };
}

function pipPlan(c: Parsed): Plan | { refuse: Refusal } {
  if (c.flags.has('-e') || c.flags.has('--editable')) return refusal('editable-install', 'an editable install (`-e`) needs the source');
  const local = c.positional.slice(1).find(isLocalPath);
  if (local) return refusal(LOCAL_PATH_DEPENDENCY, `it installs \`${local}\`, a local path`);
  return { kind: 'install' };
}

/** pip options whose value is a path or URL where packages are found, or files read or written. */
const PIP_PATH_OPTIONS = ['-f', '--find-links', '-i', '--index-url', '--extra-index-url', '--cert', '--client-cert',
  '-t', '--target', '--prefix', '--root', '--src'];

/** The values a pip command gives `options` (each occurrence: `-f x`, `--find-links=x`, `-fx`). */
function optionValues(args: string[], options: string[]): { option: string; value: string }[] {
  const found: { option: string; value: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0 && options.includes(arg.slice(0, eq))) found.push({ option: arg.slice(0, eq), value: arg.slice(eq + 1) });
    else if (options.includes(arg) && i + 1 < args.length) found.push({ option: arg, value: args[++i] });
    else if (/^-[a-z]./.test(arg) && !arg.startsWith('--') && options.includes(arg.slice(0, 2))) found.push({ option: arg.slice(0, 2), value: arg.slice(2) });
  }
  return found;
}

/**
 * Where a path or URL setting points when that is inside the source tree the
 * copy brings (a relative path: the install runs in the copy destination; an
 * absolute one, or a `file:` URL, under `cwd`), as a path; null for a remote
 * URL, a home path, or a path elsewhere in the image (there before the copy
 * and after it alike). `cwd` null: the destination is unknown, so every
 * local path may be in it. A value with a variable may be anywhere.
 */
export function sourceTreePath(value: string, cwd: string | null): string | null {
  let v = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (/^(git\+)?file:/i.test(v)) v = v.replace(/^(git\+)?file:(\/\/(localhost)?)?/i, '');
  else if (/^[a-z][a-z0-9+.-]+:/i.test(v)) return null;
  if (v === '' || v.startsWith('~')) return null;
  if (!v.startsWith('/') || cwd === null) return v;
  const normal = path.posix.normalize(v);
  const root = cwd.replace(/\/+$/, '');
  return normal === cwd || normal === root || normal.startsWith(root + '/') ? normal : null;
}

/** A pip requirement that names a local file or folder (or a `file:` URL) rather than a package or remote URL. */
function isLocalPath(spec: string): boolean {
  const at = /\s@\s*(\S+)/.exec(spec) ?? /^[\w.[\],-]+@(\S+:\S+)$/.exec(spec);
  if (at) return /^(git\+)?file:/i.test(at[1]);
  if (/^(git\+)?file:/i.test(spec)) return true;
  if (spec.includes('://')) return false;
  return spec === '.' || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') ||
    spec.includes('/') || /\.(whl|zip|tar\.gz|tgz)$/.test(spec);
}

/** A requirement's local path or `file:` URL (`pkg @ file:///w/pkg.whl`, `./lib`, `/w/pkg.whl`), or null for a package name or remote URL. */
function localTarget(line: string): string | null {
  const at = /^[^\s@]+(?:\s*\[[^\]]*\])?\s*@\s*(\S+)/.exec(line);
  if (at) return /^(git\+)?file:/i.test(at[1]) ? at[1] : null;
  const spec = line.split(/[\s;]/)[0];
  return isLocalPath(spec) ? spec : null;
}

/** Lines of a requirements file as pip reads them: comments dropped, `\` continuations joined. */
function requirementLines(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined.split(/\r?\n/).map((raw) => raw.replace(/(^|\s)#.*$/, '').trim()).filter(Boolean);
}

/**
 * The requirement and constraint files a pip install reads, following their
 * own -r/-c lines, or why the install needs more of the source tree than
 * them: a path option of the command or of a file, or a requirement, that
 * points into the copy destination would be read before the source copy.
 */
function requirementFiles(c: Parsed, ctx: BuildContext | null, cwd: string | null): { files: string[]; unknown: boolean } | { refuse: Refusal } {
  for (const { option, value } of optionValues(c.args, PIP_PATH_OPTIONS)) {
    const inTree = sourceTreePath(value, cwd);
    if (inTree !== null) return refusal('source-tree-path', `\`${option} ${value}\` is a path in the source tree, which is copied only after the install`);
  }
  const named = optionValues(c.args, ['-r', '--requirement', '-c', '--constraint']).map((o) => o.value);
  const files: string[] = [];
  const queue = named.map((n) => contextPath(n, cwd));
  let unknown = false;
  while (queue.length) {
    const file = queue.shift()!;
    if (file === null) return refusal('requirements-outside-copy', 'a requirements file lies outside the copied folder');
    if (files.includes(file)) continue;
    files.push(file);
    if (!ctx) {
      unknown = true;
      continue;
    }
    const text = ctx.read(file);
    if (text === null) return refusal('manifest-missing', notInContext(file));
    for (const line of requirementLines(text)) {
      const words = line.split(/\s+/);
      const [include] = optionValues(words, ['-r', '--requirement', '-c', '--constraint']);
      if (include) {
        // pip reads a nested file relative to the file naming it; an absolute one is where it says.
        if (include.value.includes('://')) continue;
        queue.push(include.value.startsWith('/') ? contextPath(include.value, cwd) : contextPath(path.posix.join(path.posix.dirname(file), include.value), null));
        continue;
      }
      if (/^(-e|--editable)\b/.test(line)) return refusal('editable-install', `${file} has an editable install (\`${line}\`), which needs the source`);
      const [pathOption] = optionValues(words, PIP_PATH_OPTIONS).filter((o) => sourceTreePath(o.value, cwd) !== null);
      if (pathOption) {
        return refusal('local-find-links', `${file} has \`${pathOption.option} ${pathOption.value}\`, a path in the source tree, which is copied only after the install`);
      }
      if (line.startsWith('-')) continue;
      const local = localTarget(line);
      if (local !== null && sourceTreePath(local, cwd) !== null) return refusal(LOCAL_PATH_DEPENDENCY, `${file} installs \`${local}\`, a local path in the source tree`);
      if (local === null && /\$\{/.test(line)) return refusal('requirements-variable', `${file} has \`${line}\`, whose variable pip expands from the environment`);
    }
  }
  return { files, unknown };
}

/**
 * Why a manifest the install reads is not copied first, as dfmod saw it: the
 * folder it read as the build context (the Dockerfile's own, unless
 * --context named another) has no such file, which may be because the build
 * sends another folder (`docker build -f deploy/Dockerfile .`).
 */
export function notInContext(file: string): string {
  return `${file} is not in the folder dfmod read as the build context (the Dockerfile's, unless --context names another); ` +
    'if the build sends another folder, name it with --context';
}

/**
 * A path as the RUN names it -> the path in the context. `cwd` is the copy
 * destination inside the image (null when unknown: absolute paths cannot be mapped).
 */
function contextPath(name: string, cwd: string | null): string | null {
  let relative: string;
  if (name.startsWith('/')) {
    if (cwd === null) return null;
    relative = path.posix.relative(cwd, path.posix.normalize(name));
  } else relative = path.posix.normalize(name);
  return relative === '' || relative === '.' || relative.startsWith('..') ? null : relative;
}

/** Setting names whose value is a path (lower case, `-` for `_`, without the tool's prefix). */
const PATH_SETTINGS = new Set([
  // pip
  'find-links', 'index-url', 'extra-index-url', 'cert', 'client-cert', 'target', 'prefix', 'root', 'src', 'config-file', 'constraint',
  'requirement',
  // npm, pnpm
  'cafile', 'cache', 'userconfig', 'globalconfig', 'init-module', 'tmp', 'logs-dir', 'store-dir', 'virtual-store-dir',
  // yarn classic
  'yarn-offline-mirror', 'offline-mirror', 'cache-folder', 'modules-folder', 'global-folder',
  // bundler
  'path', 'gemfile', 'app-config',
]);

/** A value that reads as a path or `file:` URL whatever its setting. */
const PATH_LIKE = /^(\.{1,2}\/|\/|(git\+)?file:)/i;

/** `key=value` lines of an .npmrc, `key value` lines of a .yarnrc (quotes dropped; `--install.modules-folder` kept as written). */
function settingLines(file: string, text: string): [key: string, value: string][] {
  const pairs: [string, string][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const match = file === '.yarnrc' ? /^("[^"]*"|\S+)\s+(.*)$/.exec(line) : /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (match) pairs.push([match[1].replace(/^"(.*)"$/, '$1'), match[2].trim().replace(/^(["'])(.*)\1$/, '$2')]);
  }
  return pairs;
}

/** Whether a setting names a path in the source tree (see sourceTreePath), as that path. */
function settingPath(key: string, value: string, cwd: string | null): string | null {
  const name = key.toLowerCase().replace(/_/g, '-').replace(/^--([a-z]+\.)?/, '');
  if (!PATH_SETTINGS.has(name) && !PATH_LIKE.test(value)) return null;
  return sourceTreePath(value, cwd);
}

/**
 * Why the install would read a path of the source tree through its settings
 * (an .npmrc `cafile=./certs/ca.pem`, a .yarnrc `yarn-offline-mirror`, an
 * ENV `PIP_FIND_LINKS=/app/wheels`): hoisted above the source copy, it would
 * run before that path is there. Null when no setting does.
 */
export function settingsProblem(eco: Ecosystem, context: BuildContext | null, env: ReadonlyMap<string, string | null>, cwd: string | null): Refusal | null {
  if (!eco.settings) return null;
  for (const [name, value] of env) {
    const prefix = eco.settings.envPrefixes.find((p) => name.toLowerCase().startsWith(p.toLowerCase()));
    if (!prefix || value === null) continue;
    const inTree = settingPath(name.slice(prefix.length), value, cwd);
    if (inTree !== null) {
      return { id: 'settings-name-source', reason: `ENV ${name}=${value} names a path in the source tree, which is copied only after the install` };
    }
  }
  for (const file of context ? eco.settings.files : []) {
    const text = context!.read(file);
    if (text === null || context!.isIgnored(file)) continue;
    for (const [key, value] of settingLines(file, text)) {
      if (settingPath(key, value, cwd) !== null) {
        return { id: 'settings-name-source', reason: `${file} names \`${value}\` (${key}), a path in the source tree, which is copied only after the install` };
      }
    }
  }
  return null;
}

/** Yarn Berry's configuration, with what it names in the source tree (yarnPath, cacheFolder, ...) when it does. */
function yarnBerry(ctx: BuildContext): Refusal {
  const yml = ctx.read('.yarnrc.yml') ?? '';
  const named = [...yml.matchAll(/^\s*(yarnPath|cacheFolder|globalFolder|installStatePath|pnpUnpluggedFolder|patchFolder|virtualFolder)\s*:\s*["']?([^"'\s#]+)/gm)]
    .filter((m) => !m[2].startsWith('/') && !m[2].startsWith('~'))
    .map((m) => `${m[1]}: ${m[2]}`);
  const names = named.length ? `; .yarnrc.yml names ${named.join(', ')} in the source tree` : '';
  return { id: 'yarn-berry', reason: `Yarn Berry files (.yarnrc.yml, .yarn/) are not handled${names}` };
}

function readJson(ctx: BuildContext, file: string): Record<string, unknown> | null {
  const text = ctx.read(file);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why package.json needs more than itself to install, or null. */
function packageJsonProblem(ctx: BuildContext): Refusal | null {
  const pkg = readJson(ctx, 'package.json');
  if (!pkg) return { id: 'unreadable-manifest', reason: 'package.json could not be read' };
  const scripts = isObject(pkg.scripts) ? pkg.scripts : {};
  const script = NPM_INSTALL_SCRIPTS.find((s) => s in scripts);
  if (script) return { id: 'install-script', reason: `package.json has a \`${script}\` script, which runs during the install and may read the source` };
  if ('workspaces' in pkg) return { id: 'workspaces', reason: 'package.json declares workspaces, whose packages the install reads' };
  if (ctx.exists('binding.gyp')) return { id: 'native-build', reason: 'binding.gyp makes the install build native code from the source' };
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'overrides', 'resolutions']) {
    const deps = pkg[field];
    if (!isObject(deps)) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec === 'string' && isLocalNodeSpec(spec)) {
        return { id: LOCAL_PATH_DEPENDENCY, reason: `package.json depends on a local path (${name}: ${spec})` };
      }
    }
  }
  for (const [lockfile, local] of LOCKFILE_LOCAL_ENTRIES) {
    const found = local.exec(ctx.read(lockfile) ?? '');
    if (found) return { id: LOCAL_PATH_DEPENDENCY, reason: `${lockfile} resolves a package from a local path (\`${found[0].trim()}\`)` };
  }
  return null;
}

/**
 * A dependency spec npm reads as a path: `file:`, `link:`, `portal:`,
 * `git+file:`, a relative or absolute path, or a tarball's file name
 * (npm-package-arg's rules).
 */
function isLocalNodeSpec(spec: string): boolean {
  return /^(file:|link:|portal:|git\+file:|\.{1,2}(\/|$)|~\/|\/)/.test(spec) || (!spec.includes('://') && /\.(tgz|tar\.gz|tar)$/i.test(spec));
}

/** Lockfile entries that resolve a package from a path (a local dependency the lock records even when package.json names it otherwise). */
const LOCKFILE_LOCAL_ENTRIES: [string, RegExp][] = [
  ['package-lock.json', /"resolved"\s*:\s*"file:[^"]*"|"link"\s*:\s*true/],
  ['npm-shrinkwrap.json', /"resolved"\s*:\s*"file:[^"]*"|"link"\s*:\s*true/],
  ['yarn.lock', /^\s*resolved\s+"?file:\S*|@(file|link):[^",:\s]*/m],
  ['pnpm-lock.yaml', /\b(file|link):[^\s'",]+/],
];
