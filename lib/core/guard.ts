/**
 * The semantic guard: a fix may change only what its transform declares.
 *
 * The engine compares the image meaning (lib/facts/meaning.ts) of the file
 * before and after each fix. Every difference has a kind, an Effect; a
 * transform lists in its metadata the effects it may have, and a difference
 * of another kind withholds the fix, with a note naming what would have
 * changed. The syntax checks see whether a result parses; this sees whether
 * it still means what it meant.
 */
import type { CommandMeaning, ImageMeaning, StageConfig, StageMeaning, Step } from '../facts/index.js';

/**
 * What a fix may change. A transform declares the ones its improvement
 * consists of; everything else must stay as it was.
 * - run-grouping: how RUN commands are grouped into RUN instructions (the
 *   commands, their order and the state they run in stay).
 * - run-commands: which commands RUNs run (commands added or changed).
 * - copies: what COPY/ADD instructions copy (instructions added or changed).
 * - order: the order of RUN and COPY/ADD steps within a stage.
 * - command-form: the form of CMD/ENTRYPOINT (the argv the container runs stays).
 * - command-prefix: the container's command gains a wrapper in front (an init), the rest stays.
 * - command: the container's command, in any way.
 * - stages: stages added or renamed, what they build on or copy from, the
 *   deployed stage and its contents (its config is still compared).
 * - base-image, platform: a stage's FROM image, its --platform.
 * - the config fields: env, arg, user, workdir, shell, expose, volume, label,
 *   stopsignal, healthcheck, onbuild.
 */
export const EFFECTS = [
  'run-grouping', 'run-commands', 'copies', 'order', 'command-form', 'command-prefix', 'command', 'stages', 'base-image',
  'platform', 'env', 'arg', 'user', 'workdir', 'shell', 'expose', 'volume', 'label', 'stopsignal', 'healthcheck', 'onbuild',
] as const;

export type Effect = (typeof EFFECTS)[number];

/** One way the meaning changed: its kind, and a phrase that completes "it would change …". */
export interface Difference {
  effect: Effect;
  what: string;
}

/** How the guard names a stage: by the line of its FROM in the file on disk. */
export type StageName = (stage: StageMeaning) => string;

const CONFIG_FIELDS: { field: keyof Omit<StageConfig, 'command'>; effect: Effect; label: string }[] = [
  { field: 'env', effect: 'env', label: 'ENV' },
  { field: 'arg', effect: 'arg', label: 'ARG defaults' },
  { field: 'user', effect: 'user', label: 'USER' },
  { field: 'workdir', effect: 'workdir', label: 'WORKDIR' },
  { field: 'shell', effect: 'shell', label: 'SHELL' },
  { field: 'expose', effect: 'expose', label: 'EXPOSE' },
  { field: 'volume', effect: 'volume', label: 'VOLUME' },
  { field: 'label', effect: 'label', label: 'LABEL' },
  { field: 'stopsignal', effect: 'stopsignal', label: 'STOPSIGNAL' },
  { field: 'healthcheck', effect: 'healthcheck', label: 'HEALTHCHECK' },
  { field: 'onbuild', effect: 'onbuild', label: 'ONBUILD' },
];

/**
 * The differences between two meanings that `declared` does not allow, the
 * most telling first. Empty when the change keeps everything it must.
 */
export function undeclaredDifferences(before: ImageMeaning, after: ImageMeaning, declared: ReadonlySet<Effect>, name: StageName): Difference[] {
  return differences(before, after, declared, name).filter((d) => !declared.has(d.effect));
}

function differences(before: ImageMeaning, after: ImageMeaning, declared: ReadonlySet<Effect>, name: StageName): Difference[] {
  const found: Difference[] = [];
  if (declared.has('stages')) {
    // New stages change the graph and the deployed stage's contents by
    // design; what the deployed image is configured to be must stay.
    const from = deployed(before);
    const to = deployed(after);
    if (from && to) found.push(...configDifferences(from, to, declared, `the deployed stage (${name(from)})`));
    else if (from || to) found.push({ effect: 'stages', what: 'whether the file deploys a stage' });
    return found;
  }
  found.push(...graphDifferences(before, after, name));
  if (found.length) return found;
  for (let i = 0; i < before.stages.length; i++) {
    const from = before.stages[i];
    const to = after.stages[i];
    const where = `the stage at ${name(from)}`;
    if (from.base !== to.base) found.push({ effect: 'base-image', what: `the base image of ${where} from ${from.base} to ${to.base}` });
    if (from.platform !== to.platform) found.push({ effect: 'platform', what: `the --platform of ${where} from ${from.platform ?? 'none'} to ${to.platform ?? 'none'}` });
    found.push(...configDifferences(from, to, declared, where));
    found.push(...stepDifferences(from, to, where));
  }
  return found;
}

function deployed(meaning: ImageMeaning): StageMeaning | null {
  return meaning.deployed === null ? null : meaning.stages[meaning.deployed] ?? null;
}

function graphDifferences(before: ImageMeaning, after: ImageMeaning, name: StageName): Difference[] {
  if (before.stages.length !== after.stages.length) {
    return [{ effect: 'stages', what: `the number of stages from ${before.stages.length} to ${after.stages.length}` }];
  }
  const found: Difference[] = [];
  for (let i = 0; i < before.stages.length; i++) {
    const from = before.stages[i];
    const to = after.stages[i];
    const where = `the stage at ${name(from)}`;
    if (from.name !== to.name) found.push({ effect: 'stages', what: `the name of ${where} from ${from.name ?? 'none'} to ${to.name ?? 'none'}` });
    if (from.parent !== to.parent) found.push({ effect: 'stages', what: `the stage ${where} builds on` });
    if (from.uses.join() !== to.uses.join()) found.push({ effect: 'stages', what: `the stages ${where} copies or mounts from` });
  }
  if (before.deployed !== after.deployed) found.push({ effect: 'stages', what: 'the deployed stage' });
  return found;
}

function configDifferences(from: StageMeaning, to: StageMeaning, declared: ReadonlySet<Effect>, where: string): Difference[] {
  const found: Difference[] = [];
  for (const { field, effect, label } of CONFIG_FIELDS) {
    const a = from.config[field];
    const b = to.config[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    found.push({ effect, what: `the ${label} of ${where}${describeChange(a, b)}` });
  }
  // On a new base image (declared), what the image runs by default is the
  // new one's: the command the file writes is what must stay.
  const rebased = from.base !== to.base && declared.has('base-image');
  const command = rebased ? writtenDifference(from.config.command, to.config.command) : commandDifference(from.config.command, to.config.command, declared);
  if (command) found.push({ effect: 'command', what: `${command} of ${where}` });
  return found;
}

/**
 * Whether the container's command changed beyond what `declared` allows,
 * as a phrase, or null. With only its form allowed to change, the argv the
 * first process gets must stay, and so must whether `docker run` arguments
 * reach it; with a prefix allowed, the old argv must end the new one.
 */
function commandDifference(a: CommandMeaning, b: CommandMeaning, declared: ReadonlySet<Effect>): string | null {
  if (declared.has('command')) return null;
  const stored = a.entrypoint === b.entrypoint && a.cmd === b.cmd;
  if (stored) return null;
  if (declared.has('command-prefix')) {
    if (a.stored === undefined || b.stored === undefined) return null;
    const rest = b.stored.slice(b.stored.length - a.stored.length);
    if (b.stored.length > a.stored.length && JSON.stringify(rest) === JSON.stringify(a.stored)) return null;
    return `the command (${show(a.stored)} → ${show(b.stored)}) beyond a wrapper in front`;
  }
  if (declared.has('command-form')) {
    if (a.process !== undefined && b.process !== undefined) {
      if (a.takesArguments !== b.takesArguments) return 'whether `docker run` arguments reach the command';
      if (JSON.stringify(a.process) === JSON.stringify(b.process)) return null;
      return `the argv the container runs (${show(a.process)} → ${show(b.process)})`;
    }
    const argvOf = (written: string | null) => (written === null ? null : JSON.stringify((JSON.parse(written) as unknown[])[1]));
    const formOf = (written: string | null) => (written === null ? null : (JSON.parse(written) as unknown[])[0]);
    if (formOf(a.written.entrypoint) !== formOf(b.written.entrypoint)) return 'whether `docker run` arguments reach the command';
    if (argvOf(a.written.entrypoint) === argvOf(b.written.entrypoint) && argvOf(a.written.cmd) === argvOf(b.written.cmd)) return null;
    return 'the argv the container runs';
  }
  return `the command (ENTRYPOINT ${a.entrypoint ?? 'unknown'} CMD ${a.cmd ?? 'unknown'} → ENTRYPOINT ${b.entrypoint ?? 'unknown'} CMD ${b.cmd ?? 'unknown'})`;
}

function writtenDifference(a: CommandMeaning, b: CommandMeaning): string | null {
  if (a.written.entrypoint === b.written.entrypoint && a.written.cmd === b.written.cmd) return null;
  return `the ENTRYPOINT/CMD the file writes (${a.written.entrypoint ?? 'none'} ${a.written.cmd ?? 'none'} → ${b.written.entrypoint ?? 'none'} ${b.written.cmd ?? 'none'})`;
}

/**
 * RUN and COPY steps. The commands every RUN runs, with the state each runs
 * in, read in order as one list: equal lists grouped differently are a
 * regrouping, different lists a change of commands. COPY/ADD the same way;
 * both lists equal but interleaved differently is a reordering.
 */
function stepDifferences(from: StageMeaning, to: StageMeaning, where: string): Difference[] {
  const found: Difference[] = [];
  const runsOf = (steps: Step[]) => steps.filter((s) => s.kind === 'RUN') as Extract<Step, { kind: 'RUN' }>[];
  const copiesOf = (steps: Step[]) => steps.filter((s) => s.kind !== 'RUN') as Extract<Step, { kind: 'COPY' | 'ADD' }>[];
  const flat = (steps: Step[]) => {
    // Installs in a row with the same words and state are one install of all their packages (`apk add a` then `apk
    // add b` is `apk add a b`), in one RUN or across RUNs: so merge-runs may write one list, or keep two.
    const entries: { text: string; list: { prefix: string; packages: string[]; context: string } | null }[] = [];
    for (const run of runsOf(steps)) {
      run.commands.forEach((command, i) => {
        const install = run.installs[i];
        const previous = entries[entries.length - 1];
        if (install && previous?.list && previous.list.prefix === install.prefix && previous.list.context === run.context) {
          previous.list.packages.push(...install.packages);
          previous.text = `${run.context}\u0000${previous.list.prefix} ${previous.list.packages.join(' ')}`;
          return;
        }
        const list = install ? { prefix: install.prefix, packages: [...install.packages], context: run.context } : null;
        entries.push({ text: `${run.context}\u0000${list ? `${list.prefix} ${list.packages.join(' ')}` : command}`, list });
      });
    }
    return entries.map((e) => e.text);
  };
  const a = flat(from.steps);
  const b = flat(to.steps);
  if (a.join('\u0001') !== b.join('\u0001')) {
    found.push({ effect: 'run-commands', what: `the commands RUN runs in ${where}${firstDifference(a, b)}` });
  } else if (JSON.stringify(runsOf(from.steps).map((r) => r.commands)) !== JSON.stringify(runsOf(to.steps).map((r) => r.commands))) {
    found.push({ effect: 'run-grouping', what: `how the RUN commands of ${where} are grouped` });
  }
  const copyKey = (s: Extract<Step, { kind: 'COPY' | 'ADD' }>) => `${s.kind} ${s.what} ${s.context}`;
  if (copiesOf(from.steps).map(copyKey).join('\u0001') !== copiesOf(to.steps).map(copyKey).join('\u0001')) {
    found.push({ effect: 'copies', what: `what COPY/ADD copy in ${where}` });
  }
  const order = (steps: Step[]) => steps.map((s) => (s.kind === 'RUN' ? `RUN ${s.commands.join('\u0001')}` : copyKey(s))).join('\u0002');
  if (found.length === 0 && order(from.steps) !== order(to.steps)) {
    found.push({ effect: 'order', what: `the order of the build steps of ${where}` });
  }
  return found;
}

function firstDifference(a: string[], b: string[]): string {
  const command = (entry: string | undefined) => (entry === undefined ? null : entry.slice(entry.indexOf('\u0000') + 1));
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const was = command(a[i]);
    const now = command(b[i]);
    if (was !== null && now !== null && was === now) return ` (\`${clip(was)}\` would run in another state: user, directory, environment or flags)`;
    if (was === null) return ` (\`${clip(now!)}\` added)`;
    if (now === null || b.slice(i).every((entry) => entry !== a[i])) return ` (\`${clip(was)}\` ${now === null ? 'removed' : `→ \`${clip(now)}\``})`;
    return ` (\`${clip(now)}\` added)`;
  }
  return '';
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeChange(a: unknown, b: unknown): string {
  if (typeof a === 'string' || typeof b === 'string' || a === null || b === null) {
    return ` from ${a === null ? 'unset' : JSON.stringify(a)} to ${b === null ? 'unset' : JSON.stringify(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    return [added.length ? ` (adds ${added.join(', ')})` : '', removed.length ? ` (removes ${removed.join(', ')})` : ''].join('');
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => JSON.stringify(ra[k]) !== JSON.stringify(rb[k]));
  return keys.length ? ` (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''})` : '';
}

function show(argv: string[] | undefined): string {
  return argv === undefined ? 'unknown' : JSON.stringify(argv);
}
