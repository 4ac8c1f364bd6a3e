/**
 * Whether a split is worth making at all, asked before what dfmod can read
 * (a digest, a WORKDIR variable, a command it does not know): a refusal for
 * what the stage is for (a dev container, a base or CI image: lib/facts
 * roles), and one for a stage that builds nothing a split could leave behind.
 */
import type { Stage } from '../../lib/core/dockerfile.js';
import type { TransformContext } from '../../lib/core/types.js';
import { isPackageInstall, managerCommand, pipCommand, ROLE_NOTE_IDS, roleReasonOnDisk, type RoleName, type RunCommand } from '../../lib/facts/index.js';
import { BUILD_TOOL_PACKAGES, FETCH_TOOL_PACKAGES, PACKAGE_MANAGER_FACTS, managerOfProgram, runtimeImage, systemManagerOf, type ImageInfo } from '../../lib/knowledge/index.js';
import { refuse, type Ecosystem, type Refused } from './plan.js';


/** What each role is, and why a slim runtime stage does not belong there. */
const ROLE_WHY: Record<Exclude<RoleName, 'application'>, string> = {
  base: 'a base, tool or build image, or one whose command is given at `docker run`, which the images built FROM it extend with their own build',
  'official-image': 'an image definition like the official images, which the images built FROM it extend with their own build',
  toolbox: 'a toolbox or CI image, whose tools are what it is for',
  devcontainer: 'a dev container, whose build tools are what it is for',
  'dev-or-test': 'a development or test stage, which needs its build tools',
  'build-only': 'a build stage, not what is deployed',
  vendored: 'another project\'s file, rewritten when it is vendored again',
  sample: 'a sample written to be read, whose text is the lesson',
};

/** Why the stage is no application image to split, from what lib/facts says it is for; null for an application. */
export function roleRefusal(ctx: TransformContext, stage: Stage): Refused | null {
  const role = ctx.facts.stageRole(stage, ctx.filename, undefined, ctx.context);
  if (role.role === 'application') return null;
  return refuse(ROLE_NOTE_IDS[role.role], `${roleReasonOnDisk(role, ctx.originalLine)}, so this is ${ROLE_WHY[role.role]}`);
}

/** Commands that set the image up and build nothing: folders, owners, modes, links, users. */
const SETUP_COMMANDS = new Set([
  'mkdir', 'cd', 'rm', 'ls', 'echo', 'true', 'chmod', 'chown', 'chgrp', 'ln', 'touch', 'set', 'test', '[', 'mv', 'cp',
  'useradd', 'adduser', 'addgroup', 'groupadd', 'usermod',
]);

/** Whether an npm, yarn or pnpm command installs a tool globally (`npm install -g nodemon`, `yarn global add pnpm`): a tool for the image, not a build. */
function globalInstall(program: string, words: readonly (string | null)[]): boolean {
  const args = words.slice(1);
  const subs = args.filter((w): w is string => w !== null && !w.startsWith('-'));
  if (program === 'yarn') return subs[0] === 'global' && subs[1] === 'add';
  const global = args.some((w) => w === '-g' || w === '--global' || w === '--location=global');
  return global && ['install', 'i', 'add'].includes(subs[0] ?? '');
}

/** npm, yarn and pnpm subcommands that install or tidy the dependencies (no script, no build). */
const NODE_INSTALLS: Record<string, Set<string>> = {
  npm: new Set(['ci', 'clean-install', 'install', 'i', 'cache', 'config', 'set', 'prune', 'audit']),
  yarn: new Set(['', 'install', 'cache', 'config']),
  pnpm: new Set(['install', 'i', 'store', 'config', 'prune']),
};

/** pip subcommands that build nothing of the app. */
const PIP_SUBCOMMANDS = new Set(['install', 'uninstall', 'config', 'cache', 'freeze', 'list', 'download']);

/** Options of an install that leave the dev dependencies out. */
const OMITS_DEV = /^--(omit=dev|production|prod|only=prod(uction)?)$/;

/** A system package that exists only to build: a compiler, make, headers (`-dev`); fetchers and certificates may serve the app too. */
function isBuildTool(name: string): boolean {
  const bare = name.replace(/[=:].*$/, '');
  return (BUILD_TOOL_PACKAGES.has(bare) && !FETCH_TOOL_PACKAGES.has(bare)) || bare.endsWith('-dev') || bare === 'build-base' || bare === 'alpine-sdk';
}

/**
 * The packages (or groups) a system package manager's removal names (`apk del
 * .build-deps`, `apt-get purge -y gcc`); 'computed' when the shell names one;
 * null for any other command.
 */
function removedPackages(command: RunCommand): string[] | 'computed' | null {
  const manager = managerCommand(command.words);
  if (!manager || !systemManagerOf(manager.program) || manager.subcommandIndex === null) return null;
  const facts = PACKAGE_MANAGER_FACTS[manager.manager];
  if (!facts.removeVerbs?.includes(manager.subcommand ?? '')) return null;
  const removed: string[] = [];
  const words = command.words;
  for (let i = manager.subcommandIndex + 1; i < words.length; i++) {
    const word = words[i];
    if (word === null) return 'computed';
    if (word.startsWith('-')) {
      if ((facts.valueOptions ?? []).includes(word)) i++;
      continue;
    }
    removed.push(word.replace(/[=:].*$/, ''));
  }
  return removed;
}

/** Whether an npm, yarn or pnpm command installs without the dev dependencies (its options, or NODE_ENV=production where it runs). */
function omitsDev(command: RunCommand, nodeEnv: string | null | undefined): boolean {
  const words = command.words.slice(1);
  if (words.some((w, i) => w !== null && (OMITS_DEV.test(w) || (w === '--omit' && words[i + 1] === 'dev')))) return true;
  return nodeEnv === 'production';
}

/**
 * Why splitting the stage would gain nothing, as a refusal: it builds nothing
 * (every RUN installs packages or dependencies, or sets the image up), it
 * installs no build tools a runtime stage would leave behind, and the image is
 * already the runtime image dfmod would use. A Node install's dev
 * dependencies are no gain: with nothing built, the runtime keeps them (the
 * app may load one at run time). Null when a split may gain something, or dfmod cannot tell.
 */
export function nothingToSplit(ctx: TransformContext, stage: Stage, image: ImageInfo, ecosystem: Ecosystem): Refused | null {
  if (ecosystem !== 'node' && ecosystem !== 'python') return null;
  const ref = image.ref;
  if (ref.dynamic) return null;
  const written = `${ref.name}${ref.tag ? `:${ref.tag}` : ''}`;
  const runtime = runtimeImage(written, 'dynamic');
  if (!('image' in runtime) || runtime.image !== written) return null;
  const facts = ctx.facts;
  let installs = 0;
  let globals = 0;
  let removedTools = false;
  let withDev: RunCommand | null = null;
  for (const node of stage.instructions) {
    if (node.keyword !== 'RUN') continue;
    const read = facts.readRun(node);
    if (read.kind !== 'script') return null;
    const nodeEnv = facts.envAt(node).get('NODE_ENV');
    // Build tools this RUN installs, by name, with the group an install names them by (`apk add --virtual .build-deps`).
    const tools = new Map<string, string | null>();
    for (const command of facts.commandsOf(read)) {
      const program = command.program;
      if (program === null || command.wrappers.includes('xargs')) return null;
      const system = isPackageInstall(command.words);
      if (system) {
        if (system.computed) return null;
        const groupOptions = PACKAGE_MANAGER_FACTS[managerOfProgram(program)!].groupOptions ?? [];
        const at = system.flags.findIndex((f) => groupOptions.includes(f));
        for (const pkg of system.packages.filter(isBuildTool)) tools.set(pkg, at === -1 ? null : system.flags[at + 1] ?? null);
        continue;
      }
      const removed = removedPackages(command);
      if (removed === 'computed') return null;
      if (removed) {
        for (const [pkg, group] of tools) {
          if (!removed.includes(pkg) && (group === null || !removed.includes(group))) continue;
          tools.delete(pkg);
          removedTools = true;
        }
        continue;
      }
      if (systemManagerOf(program) || SETUP_COMMANDS.has(program)) continue;
      if (ecosystem === 'node' && program === 'corepack' && ['enable', 'prepare'].includes(command.words[1] ?? '')) continue;
      if (ecosystem === 'node' && NODE_INSTALLS[program]) {
        if (globalInstall(program, command.words)) {
          globals++;
          continue;
        }
        const sub = command.words.slice(1).find((w) => w === null || !w.startsWith('-')) ?? '';
        if (sub === null || !NODE_INSTALLS[program].has(sub)) return null;
        if (['', 'ci', 'clean-install', 'install', 'i'].includes(sub)) {
          installs++;
          if (!omitsDev(command, nodeEnv)) withDev ??= command;
        }
        // `npm prune --omit=dev` after the install leaves the dev dependencies out too.
        if (sub === 'prune' && omitsDev(command, null)) withDev = null;
        continue;
      }
      if (ecosystem === 'python') {
        const pip = pipCommand(command.words);
        if (pip && PIP_SUBCOMMANDS.has(pip.subcommand)) continue;
        if (/^python(3(\.\d+)?)?$/.test(program) && command.words[1] === '-m' && command.words[2] === 'venv') continue;
      }
      return null;
    }
    // A build tool the RUN leaves installed is what a runtime stage would leave behind.
    if (tools.size) return null;
  }
  const reasons = ['no build step'];
  if (removedTools) reasons.push('the build tools are removed in the RUN that installs them');
  if (ecosystem === 'node') {
    if (installs === 0 && globals === 0) return null;
    if (installs === 0) reasons.push('npm installs tools globally only, which the runtime would need again');
    else if (withDev) {
      const pkg = ctx.context?.read('package.json') ?? null;
      let devDependencies: unknown;
      try {
        devDependencies = pkg === null ? undefined : (JSON.parse(pkg) as { devDependencies?: unknown }).devDependencies;
      } catch {
        return null;
      }
      const none = pkg !== null && (devDependencies === undefined || (typeof devDependencies === 'object' && devDependencies !== null && Object.keys(devDependencies).length === 0));
      // Nothing built: the runtime keeps what the install brings (the app may load a devDependency), so dropping them is no gain either.
      reasons.push(none ? 'package.json lists no dev dependencies' : 'the runtime would keep every dependency the install brings, dev ones included');
    } else reasons.push('the install leaves out the dev dependencies');
  } else if (!removedTools) reasons.push('no compiler or other build tool installed');
  return refuse('nothing-to-split', `${reasons.join(', ')}, and the image is already ${written}, the runtime image a split would use`);
}
