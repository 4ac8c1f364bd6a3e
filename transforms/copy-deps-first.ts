/**
 * copy-deps-first: `COPY . .` followed by a dependency install re-runs the
 * install on every source edit, because the layer cache is keyed on the whole
 * context. Copying only the dependency manifests, installing, and then copying
 * the rest keeps the install layer cached until the manifests change.
 *
 *   COPY . .                         COPY package.json package-lock.json ./
 *   RUN npm ci && npm run build  ->  RUN npm ci
 *                                    COPY . .
 *                                    RUN npm run build
 *
 * Two kinds of ecosystems:
 * - `install`: the install command itself needs only the manifests (npm ci,
 *   pip install -r, bundle install): it is hoisted above the source copy, and
 *   the rest of its `&&` chain stays below it.
 * - `prefetch`: the command needs the source (go build, poetry install without
 *   --no-root, composer install with its autoloader): a download-only RUN is
 *   added before the source copy and the original RUN stays as it was, so the
 *   result is the same and the download is cached.
 * It also hoists system package installs (apt-get, apk, ...) that read
 * nothing from the context above the source copy.
 */
import path from 'node:path';
import type { Node, SimpleCommand } from '../lib/core/shell.js';
import { andChain, simpleCommands, topLevelStatements, walk } from '../lib/core/shell.js';
import type { DockerfileModel, InstructionNode, Stage } from '../lib/core/dockerfile.js';
import type { BuildContext } from '../lib/core/context.js';
import type { Edit, Fix, NoteInput, Transform, TransformContext } from '../lib/core/types.js';

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

/** What an ecosystem's install command looks like and what it reads. */
interface Ecosystem {
  id: string;
  /** Whether a simple command is this ecosystem's install (or, for prefetch, build) command. */
  detect(cmd: Parsed): boolean;
  /** Manifests the install cannot do without. */
  required: string[];
  /** Manifests copied when they exist (with a `*` wildcard when no build context is known). */
  optional: string[];
  /** Folder the install writes into the working directory, which `COPY . .` must not bring from the host. */
  installDir: string | null;
  /**
   * `install`: hoist the command. `prefetch`: add `prefetch(cmd)` before the copy and keep the RUN.
   * Either may return a refusal reason instead.
   */
  plan(cmd: Parsed, context: BuildContext | null): { kind: 'install' } | { kind: 'prefetch'; command: string } | { refuse: string };
  /** Refusals that need the build context (file contents). */
  check?(context: BuildContext): string | null;
  /** Extra manifests computed from the command and the context (pip's requirement files). */
  manifests?(cmd: Parsed, context: BuildContext | null, cwd: string | null): { files: string[]; unknown: boolean } | { refuse: string };
}

/** A simple command with literal words, its flags and positional arguments split apart. */
interface Parsed {
  name: string;
  /** Every argument after the name (after `-m pip` for `python -m pip`). */
  args: string[];
  positional: string[];
  flags: Map<string, string | true>;
}

/** Flags that take the next word as their value, per tool (so the value is not taken for a positional argument). */
const VALUE_FLAGS: Record<string, string[]> = {
  npm: ['--omit', '--include', '--only', '--registry', '--cache', '--loglevel', '--prefix', '--workspace', '-w', '--install-strategy'],
  yarn: ['--network-timeout', '--modules-folder', '--cache-folder', '--mutex', '--registry', '--network-concurrency'],
  pnpm: ['--filter', '-F', '--reporter', '--registry', '--store-dir', '--network-concurrency', '--dir', '-C'],
  pip: ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
    '-t', '--target', '--prefix', '--root', '--cache-dir', '--trusted-host', '--platform', '--python-version', '--implementation',
    '--abi', '--progress-bar', '--timeout', '--retries', '--src', '--upgrade-strategy', '--no-binary', '--only-binary',
    '--config-settings', '-C', '--global-option', '--log', '--proxy', '--cert', '--client-cert', '--report'],
  pipenv: ['--python', '--pypi-mirror', '--categories'],
  poetry: ['--only', '--with', '--without', '-E', '--extras', '--directory', '-C', '--project', '-P'],
  bundle: ['--jobs', '-j', '--retry', '--path', '--without', '--with', '--gemfile', '--binstubs', '--standalone', '--target-rbconfig'],
  composer: ['--working-dir', '-d', '--prefer-install', '--ignore-platform-req'],
  go: ['-o', '-mod', '-tags', '-ldflags', '-gcflags', '-p', '-C', '-modfile', '-pkgdir', '-buildmode', '-compiler', '-asmflags', '-toolexec', '-overlay', '-pgo'],
};

/** npm lifecycle scripts that `npm ci`/`npm install` run in the root package, where they may read the source. */
const NPM_INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare', 'dependencies'];

const ECOSYSTEMS: Ecosystem[] = [
  {
    id: 'npm',
    detect: (c) => c.name === 'npm' && ['ci', 'clean-install', 'install', 'i'].includes(c.positional[0] ?? ''),
    required: ['package.json'],
    optional: ['package-lock.json', 'npm-shrinkwrap.json', '.npmrc'],
    installDir: 'node_modules',
    plan: (c) => nodePlan(c, ['--prefix', '-w', '--workspace', '--workspaces', '-g', '--global', '--location']),
    check: (ctx) => packageJsonProblem(ctx),
  },
  {
    id: 'yarn',
    detect: (c) => c.name === 'yarn' && (c.positional.length === 0 ? !asksForInfo(c) : c.positional[0] === 'install'),
    required: ['package.json'],
    optional: ['yarn.lock', '.yarnrc', '.npmrc'],
    installDir: 'node_modules',
    plan: (c) => nodePlan(c, ['--modules-folder', '--cwd']),
    check: (ctx) =>
      ctx.exists('.yarn') || ctx.exists('.yarnrc.yml') || ctx.exists('.pnp.cjs')
        ? 'Yarn Berry files (.yarnrc.yml, .yarn/) are not handled'
        : packageJsonProblem(ctx),
  },
  {
    id: 'pnpm',
    detect: (c) => c.name === 'pnpm' && ['install', 'i'].includes(c.positional[0] ?? ''),
    required: ['package.json'],
    optional: ['pnpm-lock.yaml', '.npmrc', '.pnpmfile.cjs'],
    installDir: 'node_modules',
    plan: (c) => nodePlan(c, ['--filter', '-F', '--dir', '-C', '-r', '--recursive', '-g', '--global']),
    check: (ctx) => {
      if (ctx.exists('pnpm-workspace.yaml')) return 'pnpm-workspace.yaml makes it a workspace, whose packages the install reads';
      const pkg = readJson(ctx, 'package.json');
      if (pkg && typeof pkg.pnpm === 'object' && pkg.pnpm !== null && 'patchedDependencies' in pkg.pnpm) {
        return 'package.json has pnpm.patchedDependencies, whose patch files the install reads';
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
    plan: (c) => pipPlan(c),
    manifests: (c, ctx, cwd) => requirementFiles(c, ctx, cwd),
  },
  {
    id: 'pipenv',
    detect: (c) => c.name === 'pipenv' && ['install', 'sync'].includes(c.positional[0] ?? ''),
    required: ['Pipfile'],
    optional: ['Pipfile.lock'],
    installDir: '.venv',
    plan: (c) =>
      c.positional.length > 1 ? { refuse: '`pipenv install <package>` changes the Pipfile' }
        : c.flags.has('-e') || c.flags.has('--editable') ? { refuse: 'an editable install needs the source' }
          : { kind: 'install' },
    check: (ctx) => (/^\s*[\w.-]+\s*=\s*\{[^}]*\bpath\s*=/m.test(ctx.read('Pipfile') ?? '') ? 'the Pipfile has a local path dependency' : null),
  },
  {
    id: 'poetry',
    detect: (c) => c.name === 'poetry' && c.positional[0] === 'install',
    required: ['pyproject.toml'],
    optional: ['poetry.lock', 'poetry.toml'],
    installDir: '.venv',
    plan: (c) => {
      if (c.positional.length > 1) return { refuse: 'unexpected arguments to `poetry install`' };
      if (c.flags.has('--only-root') || c.flags.has('--directory') || c.flags.has('-C') || c.flags.has('--project') || c.flags.has('-P')) {
        return { refuse: 'it installs only the project, or from another folder' };
      }
      if (c.flags.has('--no-root')) return { kind: 'install' };
      // The project itself needs the source: install the dependencies first, keep the full install after the copy.
      return { kind: 'prefetch', command: [c.name, ...c.args, '--no-root'].join(' ') };
    },
    check: (ctx) => (/\bpath\s*=/.test(ctx.read('pyproject.toml') ?? '') ? 'pyproject.toml has a local path dependency' : null),
  },
  {
    id: 'bundler',
    detect: (c) => c.name === 'bundle' && (c.positional.length === 0 ? !asksForInfo(c) : c.positional[0] === 'install'),
    required: ['Gemfile'],
    optional: ['Gemfile.lock', '.bundle/config'],
    installDir: 'vendor/bundle',
    plan: (c) =>
      c.positional.length > 1 ? { refuse: 'unexpected arguments to `bundle install`' }
        : ['--gemfile', '--binstubs', '--standalone'].some((f) => c.flags.has(f)) ? { refuse: 'its flags write into or read from the source tree' }
          : { kind: 'install' },
    check: (ctx) => {
      const gemfile = ctx.read('Gemfile') ?? '';
      const found = /^\s*(gemspec\b|eval_gemfile\b)|\bpath:|:path\s*=>|\bFile\.|\brequire_relative\b|\bfile:/m.exec(gemfile);
      return found ? `the Gemfile reads other files (\`${found[0].trim()}\`)` : null;
    },
  },
  {
    id: 'composer',
    detect: (c) => c.name === 'composer' && c.positional[0] === 'install',
    required: ['composer.json'],
    optional: ['composer.lock', 'auth.json'],
    installDir: 'vendor',
    plan: (c) => {
      if (c.positional.length > 1) return { refuse: 'unexpected arguments to `composer install`' };
      if (c.flags.has('--working-dir') || c.flags.has('-d')) return { refuse: 'it installs in another folder' };
      const missing = ['--no-scripts', '--no-autoloader'].filter((f) => !c.flags.has(f));
      if (missing.length === 0) return { kind: 'install' };
      // Scripts and the autoloader read the source: fetch the packages first, keep the full install after the copy.
      return { kind: 'prefetch', command: [c.name, ...c.args, ...missing].join(' ') };
    },
    check: (ctx) => {
      const json = readJson(ctx, 'composer.json');
      if (!json) return 'composer.json could not be read';
      const repos = Array.isArray(json.repositories) ? json.repositories : Object.values(json.repositories ?? {});
      if (repos.some((r) => isObject(r) && r.type === 'path')) return 'composer.json has a path repository';
      if (isObject(json.extra) && 'installer-paths' in json.extra) return 'composer.json installs packages into the source tree (installer-paths)';
      if (isObject(json.config) && 'vendor-dir' in json.config) return 'composer.json moves vendor-dir';
      return null;
    },
  },
  {
    id: 'go',
    detect: (c) => c.name === 'go' && ['build', 'install'].includes(c.positional[0] ?? '') && !c.positional.some((p) => p.includes('@')),
    required: ['go.mod'],
    optional: ['go.sum'],
    installDir: null,
    plan: (c) =>
      c.flags.has('-mod') && c.flags.get('-mod') !== 'mod' && c.flags.get('-mod') !== 'readonly'
        ? { refuse: 'it builds from vendor/' }
        : c.flags.has('-modfile') ? { refuse: 'it uses another go.mod' } : { kind: 'prefetch', command: 'go mod download' },
    check: (ctx) => {
      if (ctx.exists('go.work')) return 'go.work makes it a workspace of several modules';
      if (ctx.exists('vendor/modules.txt')) return 'the module is vendored (vendor/modules.txt)';
      if (/^\s*(replace\s+)?\S+(\s+\S+)?\s*=>\s*\.{0,2}\//m.test(ctx.read('go.mod') ?? '')) return 'go.mod replaces a module with a local folder';
      return null;
    },
  },
];

/** Builds the dfmod cannot pre-fetch soundly: they get a note saying why. */
const UNSUPPORTED: { detect(c: Parsed): boolean; reason: string }[] = [
  { detect: (c) => c.name === 'cargo' && ['build', 'install'].includes(c.positional[0] ?? ''), reason: 'cargo cannot fetch or build dependencies without the source targets' },
  { detect: (c) => /^(mvn|\.\/mvnw)$/.test(c.name), reason: 'Maven dependency:go-offline does not resolve every plugin dependency, and can fail where the build succeeds' },
  { detect: (c) => /^(gradle|\.\/gradlew)$/.test(c.name), reason: 'Gradle has no reliable download-only task' },
  { detect: (c) => c.name === 'dotnet' && ['publish', 'build', 'restore'].includes(c.positional[0] ?? ''), reason: 'dotnet restore needs every project file and their references, which are not inferred' },
  { detect: (c) => c.name === 'pip' && c.positional[0] === 'install' && !c.flags.has('-r') && !c.flags.has('--requirement') && c.positional.slice(1).some(isLocalPath), reason: 'it installs the project itself (`pip install .`), which needs the source' },
  { detect: (c) => c.name === 'pip' && c.positional[0] === 'install' && (c.flags.has('-e') || c.flags.has('--editable')), reason: 'an editable install (`-e`) needs the source' },
];

/** Package managers whose installs read nothing from the build context (unless given a local file). */
const SYSTEM_PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);
/** Other commands a hoisted system RUN may contain, with absolute paths only. */
const SYSTEM_FILE_COMMANDS = new Set(['rm', 'ln', 'mkdir', 'true']);
/** Destinations where a `COPY . <dest>` could change what a package manager sees. */
const SYSTEM_DIRS = /^\/(etc|usr|var|lib|lib64|bin|sbin)?(\/|$)/;

/** COPY flags the rewrite keeps; any other flag makes it leave the COPY alone. */
const KEPT_COPY_FLAGS = new Set(['chown', 'chmod', 'link']);

// ---------------------------------------------------------------------------
// Ecosystem helpers
// ---------------------------------------------------------------------------

/** `yarn --version`, `bundle --help`: no command word, but not an install either. */
function asksForInfo(c: Parsed): boolean {
  return ['-v', '--version', '-h', '--help', '-V'].some((f) => c.flags.has(f));
}

function nodePlan(c: Parsed, refusedFlags: string[]): ReturnType<Ecosystem['plan']> {
  const extra = c.positional.slice(c.name === 'yarn' && c.positional[0] !== 'install' ? 0 : 1);
  if (extra.length) return { refuse: `\`${c.name} ${c.args.join(' ')}\` installs named packages, which changes package.json` };
  const flag = refusedFlags.find((f) => c.flags.has(f));
  if (flag) return { refuse: `\`${flag}\` installs another package or folder` };
  return { kind: 'install' };
}

function pipPlan(c: Parsed): ReturnType<Ecosystem['plan']> {
  if (c.flags.has('-e') || c.flags.has('--editable')) return { refuse: 'an editable install (`-e`) needs the source' };
  const local = c.positional.slice(1).find(isLocalPath);
  if (local) return { refuse: `it installs \`${local}\`, a local path` };
  for (const flag of ['-t', '--target', '--prefix', '--root', '-f', '--find-links', '--src']) {
    const value = c.flags.get(flag);
    if (typeof value === 'string' && !value.startsWith('/') && !value.includes('://')) return { refuse: `\`${flag} ${value}\` is a path in the source tree` };
  }
  return { kind: 'install' };
}

/** A pip requirement that names a local file or folder rather than a package or URL. */
function isLocalPath(spec: string): boolean {
  if (spec.includes('://')) return false;
  return spec === '.' || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') || spec.startsWith('file:') ||
    spec.includes('/') || /\.(whl|zip|tar\.gz|tgz)$/.test(spec);
}

/** The requirement and constraint files a pip install reads, following their own -r/-c lines. */
function requirementFiles(c: Parsed, ctx: BuildContext | null, cwd: string | null): { files: string[]; unknown: boolean } | { refuse: string } {
  const named: string[] = [];
  for (let i = 0; i < c.args.length; i++) {
    const arg = c.args[i];
    const eq = /^(--requirement|--constraint)=(.+)$/.exec(arg) ?? /^(-[rc])(.+)$/.exec(arg);
    if (eq) named.push(eq[2]);
    else if (['-r', '--requirement', '-c', '--constraint'].includes(arg) && i + 1 < c.args.length) named.push(c.args[++i]);
  }
  const files: string[] = [];
  const queue = named.map((n) => contextPath(n, cwd));
  let unknown = false;
  while (queue.length) {
    const file = queue.shift()!;
    if (file === null) return { refuse: 'a requirements file lies outside the copied folder' };
    if (files.includes(file)) continue;
    files.push(file);
    if (!ctx) {
      unknown = true;
      continue;
    }
    const text = ctx.read(file);
    if (text === null) return { refuse: `${file} is not in the build context` };
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
      const include = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)$/.exec(line);
      if (include) {
        queue.push(contextPath(path.posix.join(path.posix.dirname(file), include[2]), null));
        continue;
      }
      if (/^(-e|--editable)\b/.test(line)) return { refuse: `${file} has an editable install (\`${line}\`), which needs the source` };
      const spec = line.split(/[\s;]/)[0];
      if (!line.startsWith('-') && isLocalPath(spec)) return { refuse: `${file} installs \`${spec}\`, a local path` };
      if (/^(-f|--find-links)\b/.test(line) && !line.includes('://')) return { refuse: `${file} finds packages in a local folder` };
    }
  }
  return { files, unknown };
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
function packageJsonProblem(ctx: BuildContext): string | null {
  const pkg = readJson(ctx, 'package.json');
  if (!pkg) return 'package.json could not be read';
  const scripts = isObject(pkg.scripts) ? pkg.scripts : {};
  const script = NPM_INSTALL_SCRIPTS.find((s) => s in scripts);
  if (script) return `package.json has a \`${script}\` script, which runs during the install and may read the source`;
  if ('workspaces' in pkg) return 'package.json declares workspaces, whose packages the install reads';
  if (ctx.exists('binding.gyp')) return 'binding.gyp makes the install build native code from the source';
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'overrides', 'resolutions']) {
    const deps = pkg[field];
    if (!isObject(deps)) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec === 'string' && /^(file:|link:|portal:|\.{0,2}\/|~\/)/.test(spec)) {
        return `package.json depends on a local path (${name}: ${spec})`;
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// .dockerignore
// ---------------------------------------------------------------------------

/** Whether .dockerignore excludes `file` (last matching pattern wins; a pattern also excludes what is below it). */
function isIgnored(patterns: string[] | null, file: string): boolean {
  if (!patterns) return false;
  let ignored = false;
  const parts = file.split('/');
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = path.posix.normalize((negated ? raw.slice(1) : raw).trim().replace(/^\/+/, ''));
    const regex = globRegex(pattern);
    for (let n = 1; n <= parts.length; n++) {
      if (regex.test(parts.slice(0, n).join('/'))) {
        ignored = !negated;
        break;
      }
    }
  }
  return ignored;
}

function globRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        out += '(?:.*/)?';
      } else out += '.*';
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i);
      if (close === -1) out += '\\[';
      else {
        out += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

// ---------------------------------------------------------------------------
// Reading instructions
// ---------------------------------------------------------------------------

/** `python -m pip ...` is pip; `pip3.11` is pip. Null when a word is not a literal. */
function parseCommand(cmd: SimpleCommand): Parsed | null {
  if (cmd.name === null || cmd.argValues.some((v) => v === null)) return null;
  let name = cmd.name;
  let args = cmd.argValues as string[];
  if (/^python[\d.]*$/.test(name) && args[0] === '-m' && args[1] === 'pip') {
    name = 'pip';
    args = args.slice(2);
  }
  if (/^pip[\d.]*$/.test(name)) name = 'pip';
  const key = name === 'composer.phar' ? 'composer' : name;
  const valueFlags = VALUE_FLAGS[key] ?? [];
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('-') && arg.length > 1) {
      const eq = arg.indexOf('=');
      if (eq > 0) flags.set(arg.slice(0, eq), arg.slice(eq + 1));
      else if (valueFlags.includes(arg) && i + 1 < args.length) flags.set(arg, args[++i]);
      else if (/^-[rc].+/.test(arg) && key === 'pip') flags.set(arg.slice(0, 2), arg.slice(2));
      else flags.set(arg, true);
    } else positional.push(arg);
  }
  return { name: key, args, positional, flags };
}

/** The source and destination of a `COPY . <dest>` of the whole context, or why not. */
function wholeContextCopy(node: InstructionNode, model: DockerfileModel): { dest: string } | { refuse: string } | null {
  if (node.keyword !== 'COPY' || node.flags.some((f) => f.name === 'from')) return null;
  const args = model.logicalText(node.argsStart, node.end).text.trim();
  if (args.startsWith('[')) return null;
  const words = args.split(/\s+/);
  if (words.length !== 2 || (words[0] !== '.' && words[0] !== './')) return null;
  const other = node.flags.find((f) => !KEPT_COPY_FLAGS.has(f.name));
  if (other) return { refuse: `the COPY has --${other.name}` };
  return { dest: words[1] };
}

/** The stage's working directory just before `node`, when it is a literal absolute path. */
function workdirBefore(stage: Stage, node: InstructionNode, model: DockerfileModel): string | null {
  let dir: string | null = null;
  for (const i of stage.instructions) {
    if (i.index >= node.index) break;
    if (i.keyword !== 'WORKDIR') continue;
    const value = model.logicalText(i.argsStart, i.end).text.trim();
    if (value.includes('$')) dir = null;
    else if (value.startsWith('/')) dir = path.posix.normalize(value);
    else dir = dir === null ? null : path.posix.join(dir, value);
  }
  return dir;
}

/** A RUN's flags, if the RUN may move or be copied: cache/secret/ssh mounts and --network only. */
function movableRunFlags(node: InstructionNode): string | null {
  for (const flag of node.flags) {
    if (flag.name === 'network') continue;
    if (flag.name === 'mount' && /(^|,)type=(cache|secret|ssh|tmpfs)(,|$)/.test(flag.value ?? '') && !/(^|,)from=/.test(flag.value ?? '')) continue;
    return `the RUN has ${flag.text}`;
  }
  return null;
}

interface RunShell {
  node: InstructionNode;
  root: Node;
  offsets: number[];
}

function runShell(node: InstructionNode, ctx: TransformContext): RunShell | { refuse: string } {
  if (node.form === 'heredoc') return { refuse: 'the RUN uses a heredoc' };
  if (node.form !== 'shell') return { refuse: 'the RUN is in JSON form' };
  if (!ctx.dockerfile.hasPosixShell(node)) return { refuse: 'the RUN does not run under a POSIX shell' };
  const script = ctx.dockerfile.shellScript(node)!;
  const root = ctx.shell.parse(script.text).rootNode;
  if (root.hasError) return { refuse: 'the RUN has shell syntax dfmod cannot parse' };
  return { node, root, offsets: script.offsets };
}

/** Whether a RUN only installs system packages (and tidies absolute paths outside `dest`), reading nothing from the context. */
function isSystemInstall(run: RunShell, dest: string | null): boolean {
  let ok = true;
  let installs = false;
  walk(run.root, (n) => {
    if (['command_substitution', 'process_substitution', 'heredoc_redirect', 'herestring_redirect', 'function_definition'].includes(n.type)) ok = false;
    if (n.type === 'file_redirect') {
      const target = n.namedChildren[n.namedChildren.length - 1]?.text ?? '';
      if (!/^(\/dev\/\w+|&?\d)$/.test(target)) ok = false;
    }
    return ok;
  });
  if (!ok) return false;
  for (const cmd of simpleCommands(run.root)) {
    if (cmd.name === null) return false;
    if (SYSTEM_PACKAGE_MANAGERS.has(cmd.name)) {
      installs ||= cmd.argValues.includes('install') || cmd.argValues.includes('add');
      if (cmd.argValues.some((v) => v === null || v.includes('/') || /\.(deb|rpm|apk)$/.test(v))) return false;
    } else if (SYSTEM_FILE_COMMANDS.has(cmd.name)) {
      for (const [i, literal] of cmd.argValues.entries()) {
        // A glob of an absolute path (`rm -rf /var/lib/apt/lists/*`) reads nothing from the context either.
        const v = literal ?? (/^\/[\w/.*?-]*$/.test(cmd.args[i].text) ? cmd.args[i].text : null);
        if (v === null) return false;
        if (v.startsWith('-')) continue;
        if (!v.startsWith('/') || dest === null || v === dest || v.startsWith(dest + '/') || dest.startsWith(v.replace(/\/?$/, '/'))) return false;
      }
    } else return false;
  }
  return installs;
}

// ---------------------------------------------------------------------------
// The transform
// ---------------------------------------------------------------------------

interface Found {
  eco: Ecosystem;
  run: RunShell;
  cmd: Parsed;
  /** The `&&` chain element holding the command, when the command is that element. */
  first: Node | null;
  second: Node | null;
}

/** The ecosystem command in a RUN: the first element of its top-level `&&` chain, or a note why not. */
function findInstall(run: RunShell): Found | { refuse: string } | { unsupported: string } | null {
  const commands = simpleCommands(run.root);
  let hit: { eco: Ecosystem; cmd: Parsed; simple: SimpleCommand } | null = null;
  for (const simple of commands) {
    const cmd = parseCommand(simple);
    if (!cmd) continue;
    const eco = ECOSYSTEMS.find((e) => e.detect(cmd));
    if (eco) {
      hit = { eco, cmd, simple };
      break;
    }
    const unsupported = UNSUPPORTED.find((u) => u.detect(cmd));
    if (unsupported) return { unsupported: unsupported.reason };
  }
  if (!hit) {
    const computed = commands.find((c) => c.name !== null && /^(npm|yarn|pnpm|pip\d?|pipenv|poetry|bundle|composer|go)$/.test(c.name) && c.argValues.includes(null));
    return computed ? { refuse: `\`${computed.node.text}\` has arguments the shell computes` } : null;
  }
  // A pre-fetch leaves the RUN as it is: where the command stands in it does not matter.
  const plan = hit.eco.plan(hit.cmd, null);
  if ('kind' in plan && plan.kind === 'prefetch') return { eco: hit.eco, run, cmd: hit.cmd, first: null, second: null };
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return { refuse: 'the RUN has several top-level commands (`;` or newlines)' };
  const chain = andChain(statements[0].node);
  if (chain[0].id !== hit.simple.node.id) return { refuse: `\`${hit.simple.node.text}\` is not the first command of the RUN's \`&&\` chain` };
  if (!hit.simple.inMainShell || hit.simple.redirected) return { refuse: `\`${hit.simple.node.text}\` runs in a pipeline or with redirections` };
  return { eco: hit.eco, run, cmd: hit.cmd, first: chain[0], second: chain[1] ?? null };
}

export const copyDepsFirst: Transform = {
  id: 'copy-deps-first',
  level: 'safe',
  description: 'Copy dependency manifests and install before `COPY . .`, so source edits keep the install cached',
  rationale:
    'A layer is rebuilt when any file it copies changes. After `COPY . .` every source edit invalidates the ' +
    'dependency install below it; copying only the manifests first keeps the install layer cached until they change.',
  hadolintRules: [],
  run(ctx) {
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    for (const stage of ctx.dockerfile.stages) {
      const outcome = stageOutcome(stage, ctx);
      if (outcome.fix) fixes.push(outcome.fix);
      notes.push(...outcome.notes);
    }
    return { fixes, notes };
  },
};

interface StageOutcome {
  fix?: Fix;
  notes: NoteInput[];
}

function stageOutcome(stage: Stage, ctx: TransformContext): StageOutcome {
  const model = ctx.dockerfile;
  const notes: NoteInput[] = [];
  const copyIndex = stage.instructions.findIndex((i) => wholeContextCopy(i, model) !== null);
  if (copyIndex < 0) return { notes };
  const copy = stage.instructions[copyIndex];
  const label = 'dependencies not copied first';

  // Manifests an earlier COPY already brought in (split by hand, or by an earlier pass).
  const earlier = stage.instructions.slice(0, copyIndex).filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
  const copied = earlier.flatMap((i) => model.logicalText(i.argsStart, i.end).text.trim().split(/\s+/).slice(0, -1).map((s) => path.posix.basename(s)));
  const done = ECOSYSTEMS.filter((e) => e.id === 'pip' ? copied.some((c) => /requirements.*\.txt$/.test(c)) : e.required.some((m) => copied.includes(m)));
  for (const eco of done) notes.push(...ignoreNotes(eco, copy, ctx.context));

  // The first RUN after the copy, and what stands between.
  const gap: InstructionNode[] = [];
  let target: InstructionNode | null = null;
  for (const node of stage.instructions.slice(copyIndex + 1)) {
    if (node.keyword === 'RUN') {
      target = node;
      break;
    }
    gap.push(node);
  }
  if (!target) return { notes };
  // Suppressing either instruction leaves the pair alone (an insertion after a RUN does not count as touching it).
  if (ctx.locked(copy) || ctx.locked(target)) return { notes };
  const shell = runShell(target, ctx);
  if ('refuse' in shell) return { notes };
  const refuse = (reason: string): StageOutcome => ({ notes: [...notes, { line: target!.line, message: `${label}: ${reason}` }] });
  const whole = wholeContextCopy(copy, model)!;
  if ('refuse' in whole) {
    const found = findInstall(shell);
    return found && 'eco' in found ? refuse(whole.refuse) : { notes };
  }
  const workdir = workdirBefore(stage, copy, model);
  const destPath = whole.dest.includes('$') ? null
    : whole.dest === '.' || whole.dest === './' ? workdir
      : whole.dest.startsWith('/') ? path.posix.normalize(whole.dest)
        : workdir && path.posix.join(workdir, whole.dest);
  const cwdIsDest = whole.dest === '.' || whole.dest === './' || (destPath !== null && destPath === workdir);

  // A system package install right after the copy reads nothing from it: move it above.
  if (gap.length === 0 && destPath !== null && !SYSTEM_DIRS.test(destPath + '/') && movableRunFlags(target) === null &&
      isSystemInstall(shell, destPath)) {
    const hoist = hoistFix(copy, target, model);
    if (hoist) return { fix: hoist, notes };
  }

  const found = findInstall(shell);
  if (!found) return { notes };
  if ('unsupported' in found) return refuse(found.unsupported);
  if ('refuse' in found) return refuse(found.refuse);
  const { eco, cmd } = found;
  if (done.includes(eco)) return { notes };

  // Refusals.
  const bad = gap.find((i) => !['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER'].includes(i.keyword));
  if (bad) return refuse(`${bad.keyword} at line ${ctx.originalLine(bad.line)} stands between the COPY and the install`);
  if (whole.dest.includes('$') && gap.length) return refuse('the COPY destination uses a variable');
  if (!cwdIsDest) return refuse(`the install does not run in the COPY destination (${whole.dest})`);
  const flagProblem = movableRunFlags(target);
  if (flagProblem) return refuse(flagProblem);
  const plan = eco.plan(cmd, ctx.context);
  if ('refuse' in plan) return refuse(plan.refuse);
  const context = ctx.context;
  if (context && eco.check) {
    const problem = eco.check(context);
    if (problem) return refuse(problem);
  }
  const ignore = context?.dockerignore() ?? null;
  if (context && eco.installDir && context.exists(eco.installDir) && !isIgnored(ignore, eco.installDir)) {
    return refuse(`the context has ${eco.installDir}/ and .dockerignore does not exclude it, so \`COPY . .\` would overwrite the installed one`);
  }

  // The manifests to copy.
  let required = [...eco.required];
  let optional = [...eco.optional];
  let unknownIncludes = false;
  if (eco.manifests) {
    const extra = eco.manifests(cmd, context, destPath);
    if ('refuse' in extra) return refuse(extra.refuse);
    required = extra.files;
    unknownIncludes = extra.unknown;
  }
  let sources: string[];
  if (context) {
    const missing = required.find((f) => !context.exists(f) || isIgnored(ignore, f));
    if (missing) return refuse(`${missing} is not in the build context`);
    sources = [...required, ...optional.filter((f) => context.read(f) !== null && !isIgnored(ignore, f))];
  } else {
    optional = optional.filter((f) => !f.includes('/'));
    sources = [...required, ...optional.map((f) => `${f}*`)];
  }
  const unsafe = sources.find((s) => !/^[\w.@+*-][\w.@+*/-]*$/.test(s));
  if (unsafe) return refuse(`\`${unsafe}\` needs quoting in a COPY`);

  const fix = splitFix(copy, whole.dest, sources, found, plan, model);
  if (!fix) return refuse('the instructions are not on lines of their own');
  if (!context) {
    // In the message, not a note: notes of earlier passes are not kept.
    fix.message += ` (no build context: ${unknownIncludes ? 'files named inside requirement files, ' : ''}install scripts, local and vendored dependencies were not checked)`;
  }
  notes.push(...ignoreNotes(eco, copy, context));
  return { fix, notes };
}

/** Warns when `COPY . .` would bring the host's installed dependencies over the image's. */
function ignoreNotes(eco: Ecosystem, copy: InstructionNode, context: BuildContext | null): NoteInput[] {
  if (!eco.installDir || !context) return [];
  const patterns = context.dockerignore();
  if (patterns && isIgnored(patterns, eco.installDir)) return [];
  return [{
    line: copy.line,
    message: `${patterns ? '.dockerignore does not exclude' : 'no .dockerignore excludes'} ${eco.installDir}/: a local one would overwrite the installed dependencies at \`COPY . .\``,
  }];
}

/** Text of one instruction line: keyword as written, then the given words. */
function instructionText(node: InstructionNode, model: DockerfileModel, words: string[]): string {
  const keyword = model.source.text.slice(node.start, node.start + node.keyword.length);
  return [keyword, ...node.flags.map((f) => f.text), ...words].join(' ');
}

/** Whether an instruction has its lines to itself (so text can go before or after it on new lines). */
function ownsLines(node: InstructionNode, model: DockerfileModel): boolean {
  const src = model.source;
  const firstLine = node.line - 1;
  const lastLine = node.endLine - 1;
  return src.text.slice(src.lineStarts[firstLine], node.start).trim() === '' && src.text.slice(node.end, src.lineEnd(lastLine)).trim() === '';
}

function splitFix(
  copy: InstructionNode, dest: string, sources: string[], found: Found,
  plan: { kind: 'install' } | { kind: 'prefetch'; command: string }, model: DockerfileModel,
): Fix | null {
  const run = found.run.node;
  if (!ownsLines(copy, model) || !ownsLines(run, model)) return null;
  const eol = model.source.eol;
  const base = dest === '.' || dest === './' ? './' : dest.endsWith('/') ? dest : dest + '/';
  // COPY puts each file at <dest>/<basename>: one COPY per folder keeps the layout.
  const byDir = new Map<string, string[]>();
  for (const s of sources) {
    const dir = path.posix.dirname(s);
    byDir.set(dir, [...(byDir.get(dir) ?? []), s]);
  }
  const copies = [...byDir.entries()]
    .sort(([a], [b]) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)))
    .map(([dir, files]) => instructionText(copy, model, [...files, dir === '.' ? base : `${base}${dir}/`]));
  const indent = model.source.indentOf(copy.line - 1);
  const originalCopy = model.source.text.slice(copy.start, copy.end);
  const edits: Edit[] = [{ start: copy.start, end: copy.end, text: copies.join(eol + indent) }];
  const runIndent = model.source.indentOf(run.line - 1);
  const names = sources.map((s) => s.replace(/\*$/, '')).join(', ');
  let message: string;
  if (plan.kind === 'prefetch') {
    const runText = instructionText(run, model, [plan.command]);
    edits.push({ start: run.start, end: run.start, text: runText + eol + runIndent + originalCopy + eol + runIndent });
    message = `copy ${names} first and pre-fetch with \`${plan.command}\`, so source edits keep the download cached`;
  } else if (found.second) {
    const offsets = found.run.offsets;
    const start = offsets[found.first!.endIndex];
    const end = offsets[found.second.startIndex];
    const rest = instructionText(run, model, []) + ' ';
    edits.push({ start, end, text: eol + runIndent + originalCopy + eol + runIndent + rest });
    message = `copy ${names} first and install before \`COPY . .\`, so source edits keep \`${found.first!.text}\` cached`;
  } else {
    edits.push({ start: run.end, end: run.end, text: eol + runIndent + originalCopy });
    message = `copy ${names} first and install before \`COPY . .\`, so source edits keep \`${found.first!.text}\` cached`;
  }
  return { line: run.line, message, edits };
}

/** Moves a system package RUN (with its comment lines) from just after the COPY to just before it. */
function hoistFix(copy: InstructionNode, run: InstructionNode, model: DockerfileModel): Fix | null {
  if (!ownsLines(copy, model) || !ownsLines(run, model)) return null;
  const src = model.source;
  let firstLine = run.line - 1;
  while (firstLine - 1 > copy.endLine - 1 && /^\s*#/.test(src.lineText(firstLine - 1))) firstLine--;
  const start = src.lineStarts[firstLine];
  let end = src.lineEndWithBreak(run.endLine - 1);
  let moved = src.text.slice(start, end);
  let deleteStart = start;
  if (end === src.text.length && src.lineEnd(run.endLine - 1) === end) {
    // The RUN ends the file without a line break: take the one before it instead.
    moved += src.eol;
    deleteStart = src.lineEnd(firstLine - 1);
    end = src.text.length;
  }
  const at = src.lineStarts[copy.line - 1];
  return {
    line: run.line,
    message: 'system packages installed before `COPY . .`: they read nothing from the context, so source edits keep them cached',
    edits: [{ start: at, end: at, text: moved }, { start: deleteStart, end, text: '' }],
  };
}

export default copyDepsFirst;
