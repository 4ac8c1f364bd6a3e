/**
 * Which RUN commands a build stage may run for multi-stage to split it: the
 * ecosystem's build tools and commands whose effects stay in the build stage
 * or its working folder. Policy: what dfmod can name the runtime's needs for.
 */
import { isPackageInstall, managerCommand } from '../../lib/facts/index.js';
import type { InitName } from '../../lib/knowledge/index.js';
import { refuse, type Ecosystem, type Refused } from './plan.js';
import { commandWhere, type StageReading } from './read-stage.js';
import type { TransformContext } from '../../lib/core/types.js';

/** Commands any build stage may run: their effects stay in the build stage or its working folder, or closure.ts copies them (folders `mkdir` makes, owners `chown` sets). */
const COMMON_COMMANDS = new Set(['mkdir', 'cd', 'rm', 'ls', 'echo', 'true', 'chmod', 'set', 'test', '[', 'apt-get', 'apt', 'touch', 'chown']);

/** Build commands per ecosystem, by program name (`./gradlew` is `gradlew`). */
const BUILD_COMMANDS: Record<Ecosystem, Set<string>> = {
  go: new Set(['go']),
  node: new Set(['npm', 'npx', 'node', 'tsc']),
  python: new Set(['pip', 'pip3', 'python', 'python3']),
  java: new Set(['mvn', 'mvnw', 'gradle', 'gradlew', 'javac', 'jar']),
  native: new Set(['gcc', 'g++', 'cc', 'c++', 'make', 'cmake', 'configure', 'strip', 'ar', 'ldconfig']),
};

/** Front-end tools `npx` may run in a build. */
const NPX_TOOLS = new Set(['tsc', 'webpack', 'vite', 'esbuild', 'rollup', 'parcel', 'babel', 'tsup', 'ng', 'next', 'swc']);

/** apt-get subcommands that install nothing the runtime could need. */
const APT_HOUSEKEEPING = new Set(['update', 'clean', 'dist-clean', 'distclean', 'autoremove', 'autoclean', 'purge', 'remove']);

/** npm subcommands that change nothing outside the app folder (besides npm's cache). */
const NPM_SUBCOMMANDS = new Set(['ci', 'run', 'run-script', 'test', 't', 'prune', 'cache', 'audit', 'config', 'set', 'rebuild']);

/** python -m modules a build may run. */
const PYTHON_MODULES = new Set(['pip', 'venv', 'compileall']);

/**
 * Checks every command of every RUN is a build step of the stage's
 * ecosystem; returns the apt packages installed, and the inits the ENTRYPOINT
 * runs that `apk add` installs alone (as init-entrypoint writes it on Alpine):
 * copyInits carries those to the runtime, so such an install is no unknown step.
 */
export function checkBuildSteps(stage: Omit<StageReading, 'aptPackages' | 'apkInits' | 'npmGlobals'>, ctx: TransformContext): Pick<StageReading, 'aptPackages' | 'apkInits' | 'npmGlobals'> | Refused {
  const packages: string[] = [];
  const apkInits: InitName[] = [];
  const npmGlobals: StageReading['npmGlobals'] = [];
  for (const run of stage.runs) {
    for (const command of run.commands) {
      const where = commandWhere(ctx, run, command);
      const name = command.program;
      const apk = name === 'apk' && !command.wrappers.includes('xargs') ? isPackageInstall(command.words) : null;
      if (apk && !apk.computed && apk.packages.length && apk.packages.every((p) => (stage.inits as string[]).includes(p))) {
        apkInits.push(...(apk.packages as InitName[]));
        continue;
      }
      if (name === null) return refuse('computed-command', `${where}: a RUN command name is computed by the shell`);
      // xargs adds words read from its input: what the program gets is not written in the file.
      const unread = command.wrappers.includes('xargs') ? 'xargs'
        : !COMMON_COMMANDS.has(name) && !BUILD_COMMANDS[stage.ecosystem].has(name) ? name
        : null;
      if (unread) return refuse('unknown-command', `${where}: RUN runs \`${unread}\`, whose effect on the runtime image dfmod cannot name`);
      const args = command.words.slice(1);
      if (name === 'apt-get' || name === 'apt') {
        const install = isPackageInstall(command.words);
        if (install) {
          if (install.computed) return refuse('apt-computed-package', `${where}: apt-get installs a package named by the shell`);
          // Which of them the runtime needs is decided by closure.ts: the build tools stay behind, the rest are installed again.
          for (const pkg of install.packages) packages.push(pkg.replace(/[=:].*$/, ''));
        } else {
          const subcommand = managerCommand(command.words)?.subcommand ?? '';
          if (!APT_HOUSEKEEPING.has(subcommand)) return refuse('apt-subcommand', `${where}: \`${name} ${subcommand}\` is not read`);
        }
      }
      const global = name === 'npm' ? npmGlobal(args) : null;
      if (global) {
        npmGlobals.push({ packages: global, where, text: `npm ${args.join(' ')}`, node: run.node });
        continue;
      }
      const step = name === 'npm' ? checkNpm(args, where)
        : name === 'pip' || name === 'pip3' ? checkPip(args, where)
        : name === 'python' || name === 'python3' ? checkPython(args, where)
        : null;
      if (step) return step;
      if (name === 'npx' && !NPX_TOOLS.has(args.find((a) => a !== null && !a.startsWith('-')) ?? '')) {
        return refuse('npx-tool', `${where}: \`npx ${args.join(' ')}\` is not a known build tool`);
      }
    }
  }
  return { aptPackages: packages, apkInits, npmGlobals };
}

/** The packages `npm install -g` installs, named as written (the planner decides whether the runtime goes without them); null for any other npm command. */
function npmGlobal(args: (string | null)[]): string[] | null {
  if (!['install', 'i', 'add'].includes(args[0] ?? '') || !args.some((a) => a === '-g' || a === '--global')) return null;
  const packages = args.slice(1).filter((a) => a === null || !a.startsWith('-'));
  return packages.length && packages.every((a): a is string => a !== null) ? packages : null;
}

function checkNpm(args: (string | null)[], where: string): Refused | null {
  const sub = args[0];
  if (args.some((a) => a === '-g' || a === '--global' || a === null)) return refuse('npm-global', `${where}: \`npm ${args.join(' ')}\` installs outside the app`);
  if (sub === 'install' || sub === 'i' || sub === 'add') {
    if (args.slice(1).some((a) => a !== null && !a.startsWith('-'))) {
      return refuse('npm-install-package', `${where}: \`npm install <package>\` adds packages package.json does not list`);
    }
    return null;
  }
  if (!NPM_SUBCOMMANDS.has(sub ?? '')) return refuse('npm-subcommand', `${where}: \`npm ${sub}\` is not read`);
  return null;
}

function checkPip(args: (string | null)[], where: string): Refused | null {
  const bad = args.find((a) => a !== null && /^(--user|--target|-t|--prefix|--root)(=|$)/.test(a));
  return bad ? refuse('pip-outside-env', `${where}: \`pip ${bad}\` installs outside the environment`) : null;
}

function checkPython(args: (string | null)[], where: string): Refused | null {
  if (!(args[0] === '-m' && PYTHON_MODULES.has(args[1] ?? ''))) {
    return refuse('python-program', `${where}: RUN runs a Python program, whose effect dfmod cannot name`);
  }
  return args[1] === 'pip' ? checkPip(args.slice(2), where) : null;
}

