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
 * Two kinds of ecosystems (ecosystems.ts):
 * - `install`: the install command itself needs only the manifests (npm ci,
 *   pip install -r, bundle install): it is hoisted above the source copy, and
 *   the rest of its `&&` chain stays below it.
 * - `prefetch`: the command needs the source (go build, poetry install without
 *   --no-root, composer install with its autoloader): a download-only RUN is
 *   added before the source copy and the original RUN stays as it was, so the
 *   result is the same and the download is cached.
 * It also hoists system package installs (apt-get, apk, ...) that read
 * nothing from the context above the source copy.
 *
 * What an instruction means (WORKDIR, COPY operands, the RUN script, the
 * commands past wrappers) comes from lib/facts; this file is the policy.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import { andChain, topLevelStatements, walk } from '../../lib/core/shell.js';
import type { InstructionNode, Stage } from '../../lib/core/dockerfile.js';
import type { BuildContext } from '../../lib/core/context.js';
import type { Fix, NoteInput, Transform, TransformContext } from '../../lib/core/types.js';
import {
  isPackageInstall, mountFields, type CopyOperands, type FileFacts, type RunCommand, type RunScript,
} from '../../lib/facts/index.js';
import { systemManagerOf } from '../../lib/knowledge/index.js';
import {
  ECOSYSTEMS, UNSUPPORTED, isEcosystemCommand, notInContext, parseCommand, refusal, settingsProblem, type Ecosystem, type Parsed, type Refusal,
} from './ecosystems.js';
import { hoistFix, splitFix, type InstallSite } from './edits.js';

/** Other commands a hoisted system RUN may contain, with absolute paths only. */
const SYSTEM_FILE_COMMANDS = new Set(['rm', 'ln', 'mkdir', 'true']);
/** Destinations where a `COPY . <dest>` could change what a package manager sees. */
const SYSTEM_DIRS = /^\/(etc|usr|var|lib|lib64|bin|sbin)?(\/|$)/;
/** COPY flags the rewrite keeps; any other flag makes it leave the COPY alone. */
const KEPT_COPY_FLAGS = new Set(['chown', 'chmod', 'link']);
/** Mount types a moved RUN may keep: they read nothing from the build context. */
const MOVABLE_MOUNTS = new Set(['cache', 'secret', 'ssh', 'tmpfs']);
/** Instructions that may stand between the source copy and the install: moving the install above them changes nothing it sees. */
const PASSABLE = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER']);
/**
 * Instructions that change nothing a command sees (no variable, user, folder
 * or shell): a pre-fetch can go above the source copy past them, leaving
 * every instruction where it is (a `COPY --from` into the source tree stays after `COPY . .`).
 */
const NEUTRAL = new Set(['COPY', 'ADD', 'LABEL', 'EXPOSE', 'VOLUME', 'HEALTHCHECK', 'STOPSIGNAL', 'CMD', 'ENTRYPOINT', 'MAINTAINER']);

const LABEL = 'dependencies not copied first';

/** `COPY . <dest>` of the whole context, or null for any other instruction (JSON form, several sources, --from). */
function sourceCopy(node: InstructionNode, facts: FileFacts): CopyOperands | null {
  if (node.keyword !== 'COPY') return null;
  const operands = facts.copyOperands(node);
  return operands && operands.isWholeContext && !operands.json && operands.sources.length === 1 ? operands : null;
}

const isDot = (dest: string) => dest === '.' || dest === './';

/** Why a RUN may not move or be copied, or null: only cache/secret/ssh/tmpfs mounts (not from a stage) and --network may. */
function runFlagProblem(node: InstructionNode): Refusal | null {
  const mounts = mountFields(node);
  let next = 0;
  for (const flag of node.flags) {
    if (flag.name === 'network') continue;
    if (flag.name === 'mount' && flag.value) {
      const fields = mounts[next++];
      if (MOVABLE_MOUNTS.has(fields.get('type') ?? 'bind') && !fields.has('from')) continue;
    }
    return { id: 'run-flag', reason: `the RUN has ${flag.text}` };
  }
  return null;
}

/** Whether a RUN only installs system packages (and tidies absolute paths outside `dest`), reading nothing from the context. */
function isSystemInstall(run: RunScript, facts: FileFacts, dest: string): boolean {
  let ok = true;
  walk(run.root, (n) => {
    if (['command_substitution', 'process_substitution', 'heredoc_redirect', 'herestring_redirect', 'function_definition'].includes(n.type)) ok = false;
    if (n.type === 'file_redirect') {
      const target = n.namedChildren[n.namedChildren.length - 1]?.text ?? '';
      if (!/^(\/dev\/\w+|&?\d)$/.test(target)) ok = false;
    }
    return ok;
  });
  if (!ok) return false;
  let installs = false;
  for (const command of facts.commandsOf(run)) {
    // xargs adds arguments from its input, which may be a file of the context.
    if (command.program === null || command.wrappers.includes('xargs')) return false;
    const args = command.words.slice(1);
    if (systemManagerOf(command.program)) {
      installs ||= isPackageInstall(command.words) !== null;
      if (args.some((v) => v === null || v.includes('/') || /\.(deb|rpm|apk)$/.test(v))) return false;
    } else if (SYSTEM_FILE_COMMANDS.has(command.program)) {
      for (const [i, literal] of args.entries()) {
        // A glob of an absolute path (`rm -rf /var/lib/apt/lists/*`) reads nothing from the context either.
        const text = command.nodes[i + 1].text;
        const v = literal ?? (/^\/[\w/.*?-]*$/.test(text) ? text : null);
        if (v === null) return false;
        if (v.startsWith('-')) continue;
        if (!v.startsWith('/') || v === dest || v.startsWith(dest + '/') || dest.startsWith(v.replace(/\/?$/, '/'))) return false;
      }
    } else return false;
  }
  return installs;
}

interface Found extends InstallSite {
  eco: Ecosystem;
  cmd: Parsed;
}

/**
 * The last line (1-based, of this text) up to which `node`'s lines are the
 * file's own: each the line after the one before in the file as read. A line
 * past it was written or joined in by another transform (merge-runs joining
 * the next RUN, a cleanup added on a line of its own), or follows lines an
 * edit removed. The first pass sees the file as read, so every line is its own.
 */
function ownLinesEnd(node: InstructionNode, ctx: TransformContext): number {
  const first = ctx.originalLine(node.line);
  let line = node.line;
  while (line < node.endLine && ctx.originalLine(line + 1) === first + (line + 1 - node.line)) line++;
  return line;
}

/**
 * The ecosystem command in a RUN: the first element of its top-level `&&`
 * chain (any element for a pre-fetch), or why not. Only commands that start
 * on the RUN's own lines (up to `ownEnd`) count: one another transform
 * brought in (a RUN merge-runs joined to it) was not in this RUN as written.
 */
function findInstall(run: RunScript, facts: FileFacts, ownEnd: number, copied: readonly string[] = []): Found | { refuse: Refusal } | null {
  const source = facts.model.source;
  const commands = facts.commandsOf(run).filter((c) => source.positionAt(run.script.offsets[c.command.node.startIndex]).line + 1 <= ownEnd);
  let hit: { eco: Ecosystem; cmd: Parsed; command: RunCommand } | null = null;
  for (const command of commands) {
    const cmd = parseCommand(command.words);
    if (!cmd) {
      // A build whose pre-fetch reads none of the words the shell computes (`go build -ldflags "…$(git rev-parse HEAD)"`).
      const partial = command.program === null ? null : parseCommand(command.words, command.nodes.map((n) => n.text.replace(/["']/g, '')));
      const eco = partial && ECOSYSTEMS.find((e) => e.computedArguments && e.detect(partial));
      if (partial && eco) {
        hit = { eco, cmd: partial, command };
        break;
      }
      continue;
    }
    const eco = ECOSYSTEMS.find((e) => e.detect(cmd));
    if (eco) {
      hit = { eco, cmd, command };
      break;
    }
    const unsupported = UNSUPPORTED.find((u) => u.detect(cmd));
    // Its manifests already copied before the source: the file installs first by hand, and there is nothing to say.
    if (unsupported && unsupported.manifests && copied.some((name) => unsupported.manifests!.test(name))) return null;
    if (unsupported) return refusal(unsupported.id, unsupported.reason);
  }
  if (!hit) {
    const computed = commands.find((c) => c.program !== null && c.words.includes(null) && isEcosystemCommand(c.words));
    return computed ? refusal('computed-arguments', `\`${computed.command.node.text}\` has arguments the shell computes`) : null;
  }
  const simple = hit.command.command;
  if (hit.command.wrappers.includes('xargs')) return refusal('computed-arguments', `\`${simple.node.text}\` takes arguments from xargs`);
  // A pre-fetch leaves the RUN as it is: where the command stands in it does not matter.
  const plan = hit.eco.plan(hit.cmd);
  if ('kind' in plan && plan.kind === 'prefetch') return { eco: hit.eco, cmd: hit.cmd, run, first: null, second: null };
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return refusal('several-commands', 'the RUN has several top-level commands (`;` or newlines)');
  const chain = andChain(statements[0].node);
  if (chain[0].id !== simple.node.id) return refusal('not-first-command', `\`${simple.node.text}\` is not the first command of the RUN's \`&&\` chain`);
  if (!simple.inMainShell || simple.redirected) return refusal('pipeline-or-redirect', `\`${simple.node.text}\` runs in a pipeline or with redirections`);
  return { eco: hit.eco, cmd: hit.cmd, run, first: chain[0], second: chain[1] ?? null };
}

export const copyDepsFirst: Transform = {
  id: 'copy-deps-first',
  level: 'safe',
  effects: ['copies', 'order', 'run-grouping', 'run-commands'],
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
  const facts = ctx.facts;
  // The folder the build sends, which may be above the Dockerfile's (`docker build -f docker/Dockerfile .`): its files and ignore file are the ones that count.
  const context = facts.stageContext(stage, ctx.context);
  const notes: NoteInput[] = [];
  const copyIndex = stage.instructions.findIndex((i) => sourceCopy(i, facts) !== null);
  if (copyIndex < 0) return { notes };
  const copy = stage.instructions[copyIndex];
  const operands = sourceCopy(copy, facts)!;

  // Manifests an earlier COPY already brought in (split by hand, or by an earlier pass).
  // Only copies from the build context count (not `COPY --from=stage / /`), by their file names.
  const copied = stage.instructions.slice(0, copyIndex).flatMap((i) => {
    const operands = facts.copyOperands(i);
    return operands && operands.from === null ? operands.sources.map((s) => path.posix.basename(s)).filter((name) => name !== '') : [];
  });
  // A source may be a glob (`go.*`, `package*.json`): it brings in every manifest it matches.
  const brings = (manifest: string) => copied.some((c) => c === manifest || picomatch.isMatch(manifest, c, { dot: true }));
  const done = ECOSYSTEMS.filter((e) => e.id === 'pip' ? copied.some((c) => /requirements.*\.txt$/.test(c)) : e.required.some(brings));
  for (const eco of done) {
    // The note is about the source copy as the file on disk has it: where an earlier pass moved it below the install, the
    // manifest copy stands where it stood.
    const manifestCopy = stage.instructions.slice(0, copyIndex).find((i) => {
      const o = facts.copyOperands(i);
      return o !== null && o.from === null && o.sources.some((s) => eco.required.some((m) => m === path.posix.basename(s) || picomatch.isMatch(m, path.posix.basename(s), { dot: true })));
    });
    const at = !ctx.onDisk(copy) && manifestCopy ? manifestCopy : copy;
    notes.push(...ignoreNotes(eco, copy, context, ctx.context, facts).map((n) => ({ ...n, line: at.line })));
  }

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
  const read = facts.readRun(target);
  // An unread RUN (heredoc, JSON form, another shell) may or may not install: nothing to say about it.
  if (read.kind !== 'script') return { notes };
  const run = read;
  // A RUN another transform joined or extended is not the file's: what the first pass said of the RUN as written stands.
  const ownEnd = ownLinesEnd(target, ctx);
  const refuse = ({ id, reason }: Refusal): StageOutcome =>
    ownEnd < target!.endLine ? { notes } : { notes: [...notes, { line: target!.line, id, message: `${LABEL}: ${reason}` }] };
  const otherFlag = operands.flags.find((f) => !KEPT_COPY_FLAGS.has(f.name));
  if (otherFlag) {
    const found = findInstall(run, facts, ownEnd);
    return found && 'eco' in found ? refuse({ id: 'copy-flag', reason: `the COPY has --${otherFlag.name}` }) : { notes };
  }
  const dest = operands.dest;
  const workdir = facts.workdirAt(copy);
  const destPath = operands.destResolved;
  const cwdIsDest = isDot(dest) || (destPath !== null && destPath === workdir);

  // A system package install right after the copy reads nothing from it: move it above.
  if (gap.length === 0 && destPath !== null && !SYSTEM_DIRS.test(destPath + '/') && runFlagProblem(target) === null &&
      isSystemInstall(run, facts, destPath)) {
    const hoist = hoistFix(copy, target, ctx.dockerfile);
    if (hoist) return { fix: hoist, notes };
  }

  const found = findInstall(run, facts, ownEnd, copied);
  if (!found) return { notes };
  if ('refuse' in found) return refuse(found.refuse);
  const { eco, cmd } = found;
  if (done.includes(eco)) return { notes };

  // A pre-fetch moves nothing when nothing between changes what it sees: it goes above the source copy, which stays.
  const early = eco.plan(cmd);
  const inPlace = 'kind' in early && early.kind === 'prefetch' && gap.some((i) => !PASSABLE.has(i.keyword)) && gap.every((i) => NEUTRAL.has(i.keyword));
  const bad = inPlace ? undefined : gap.find((i) => !PASSABLE.has(i.keyword));
  if (bad) return refuse({ id: 'instruction-between', reason: `${bad.keyword} at line ${ctx.originalLine(bad.line)} stands between the COPY and the install` });
  // The source copy moves below the gap, where an ENV or ARG there could change what the variable names.
  if (dest.includes('$') && gap.length) return refuse({ id: 'dest-variable', reason: 'the COPY destination uses a variable' });
  if (!cwdIsDest) return refuse({ id: 'install-not-in-dest', reason: `the install does not run in the COPY destination (${dest})` });
  const flagProblem = runFlagProblem(target);
  if (flagProblem) return refuse(flagProblem);
  const plan = eco.plan(cmd);
  if ('refuse' in plan) return refuse(plan.refuse);
  if (context && eco.check) {
    const problem = eco.check(context);
    if (problem) return refuse(problem);
  }
  const settings = settingsProblem(eco, context, facts.envAt(target), destPath);
  if (settings) return refuse(settings);
  if (context && eco.installDir && sendsFilesUnder(context, eco.installDir)) {
    return refuse({
      id: 'context-install-dir-not-ignored',
      reason: `the context has ${eco.installDir}/ and .dockerignore does not exclude ${context.isIgnored(eco.installDir) ? 'all of it' : 'it'}, ` +
        'so `COPY . .` would overwrite the installed one',
    });
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
    const missing = required.find((f) => !context.exists(f) || context.isIgnored(f));
    if (missing) {
      return refuse({ id: 'manifest-missing', reason: context.exists(missing) ? `.dockerignore excludes ${missing}` : notInContext(missing) });
    }
    sources = [...required, ...optional.filter((f) => context.read(f) !== null && !context.isIgnored(f))];
  } else {
    optional = optional.filter((f) => !f.includes('/'));
    sources = [...required, ...optional.map((f) => `${f}*`)];
  }
  const glob = eco.glob;
  if (glob) {
    const covered = (s: string) => glob.covers.includes(s.replace(/\*$/, ''));
    sources = [glob.pattern, ...sources.filter((s) => !covered(s))];
  }
  const unsafe = sources.find((s) => !/^[\w.@+*-][\w.@+*/-]*$/.test(s));
  if (unsafe) return refuse({ id: 'manifest-needs-quoting', reason: `\`${unsafe}\` needs quoting in a COPY` });

  const fix = splitFix(copy, dest, sources, found, plan, ctx.dockerfile, gap, inPlace);
  if (!fix) return refuse({ id: 'shared-lines', reason: 'the instructions are not on lines of their own' });
  if (!context) {
    // Part of the change's message: it says what the change was made without.
    fix.message += ` (no build context: ${unknownIncludes ? 'files named inside requirement files, ' : ''}install scripts, local and vendored dependencies were not checked)`;
  }
  notes.push(...ignoreNotes(eco, copy, context, ctx.context, facts));
  return { fix, notes };
}

/** Whether the build sends files from the folder `dir` of the context (its contents, not just the empty folder). */
function sendsFilesUnder(context: BuildContext, dir: string): boolean {
  return context.sendsFilesUnder ? context.sendsFilesUnder(dir) : context.exists(dir) && !context.isIgnored(dir);
}

/**
 * Whether .dockerignore keeps whatever a local `dir` holds out of the build:
 * the folder itself (`node_modules`, `node_modules/`, `**\/node_modules`), or
 * everything in it (`node_modules/*`, `node_modules/**`), which leaves only
 * an empty folder that COPY merges without removing anything. A file of the
 * folder that does exist and is sent (a `!` exception) says no.
 */
function excludesFolder(context: BuildContext, dir: string): boolean {
  if (context.exists(dir) && sendsFilesUnder(context, dir)) return false;
  // Any name stands for what a developer's folder may hold.
  return context.isIgnored(dir) || context.isIgnored(`${dir}/any-package/index.js`);
}

/**
 * Warns when `COPY . .` would bring the host's installed dependencies over
 * the image's. `context` is the stage's build context, `given` the one dfmod
 * was given (the Dockerfile's folder, unless --context): the ignore file is
 * named from there when it is not `.dockerignore` of the given folder.
 */
function ignoreNotes(eco: Ecosystem, copy: InstructionNode, context: BuildContext | null, given: BuildContext | null, facts: FileFacts): NoteInput[] {
  if (!eco.installDir || !context) return [];
  if (eco.installsLocally && !eco.installsLocally(facts.envAt(copy), facts.copyOperands(copy)?.destResolved ?? null, context)) return [];
  const hasIgnoreFile = context.dockerignore() !== null;
  if (hasIgnoreFile && excludesFolder(context, eco.installDir)) return [];
  const from = given?.root ?? context.root;
  const ignoreFile = context.dockerignorePath?.() ?? null;
  const named = ignoreFile === null ? '.dockerignore' : path.relative(from, ignoreFile).split(path.sep).join('/');
  const contextRoot = path.relative(from, context.root).split(path.sep).join('/');
  // Without an ignore file, where one is missing: the build context, when it is not the folder dfmod was given.
  const where = ignoreFile === null && contextRoot !== '' ? ` in the build context (${contextRoot}/)` : '';
  return [{
    line: copy.line,
    id: 'install-dir-not-ignored',
    message: `${hasIgnoreFile ? `${named} does not exclude` : `no .dockerignore${where} excludes`} ${eco.installDir}/: a local one would overwrite the installed dependencies at \`COPY . .\``,
  }];
}

export default copyDepsFirst;
