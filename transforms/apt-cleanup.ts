/**
 * apt-cleanup: the package lists `apt-get update` downloads (tens of MB) stay
 * in the layer of the RUN that downloaded them unless that same RUN deletes
 * them; a delete in a later RUN saves nothing. And an install that reads the
 * lists of an earlier RUN installs from stale lists once that RUN is cached.
 * So: update, install and `rm -rf /var/lib/apt/lists/*` in one RUN, with
 * `-y` so apt never waits for an answer, and `apt-get` rather than `apt`,
 * whose command line is not meant for scripts.
 *
 * Which RUN deletes the lists: the one that ran `apt-get update`, and only when
 * no later RUN reads them. A later RUN that installs without updating gets its
 * own `apt-get update` first (or, for a lone `RUN apt-get update` just before
 * it, that RUN is merged into it); a later RUN that may read them in a way
 * dfmod cannot see (a script) keeps them, with a note.
 */
import { andChain, runsOnEveryPath, topLevelStatements, type Node } from '../lib/core/shell.js';
import type { DockerfileModel, InstructionNode, Stage } from '../lib/core/dockerfile.js';
import {
  appendInBody, cleanupPlacements, deleteInstruction, insertBeforeStatements, prependBeforeUses, type EditRefusal, removeChainElement, sourceEnd, sourceStart,
} from '../lib/core/run-script.js';
import {
  aptListsRemoval, downloadsAptLists, managerCommand, runsAptItself, mountCovers, quoteCommand, subcommandAt, type RunCommand, type RunRefusal, type RunScript,
} from '../lib/facts/index.js';
import { answersPrompt, APT_FREE_PROGRAMS, KEEP_APT_COMMENT, PACKAGE_MANAGER_FACTS } from '../lib/knowledge/index.js';
import type { Edit, Fix, NoteInput, Transform, TransformContext } from '../lib/core/types.js';

const APT_GET = PACKAGE_MANAGER_FACTS['apt-get'];
const APT = PACKAGE_MANAGER_FACTS.apt;
const LISTS = APT_GET.indexDir!;
const CLEANUP = APT_GET.cleanup[0];
const SOURCE_MARKERS = APT_GET.sourceMarkers!;
const PROMPTING = APT_GET.promptVerbs!;
const LIST_FREE = APT_GET.indexFreeVerbs!;
const VALUE_OPTIONS = APT_GET.valueOptions!;

const RECOMMENDS = /^(--no-install-recommends|--install-recommends|.*Install-Recommends.*)$/i;

/** Whether the text may change apt's sources. */
const changesSources = (text: string) => SOURCE_MARKERS.some((m) => text.includes(m));

/** Commands that run code dfmod cannot see, which may install with apt. */
const OPAQUE = new Set(['eval']);

/** How deep scripts that run scripts are read before what they run counts as unknown. */
const SCRIPT_DEPTH = 4;

interface AptCommand {
  node: Node;
  program: string;
  /** The program word and the subcommand word. */
  programNode: Node;
  sub: string | null;
  subNode: Node | null;
  words: (string | null)[];
  /** It runs as root through sudo (`sudo apt-get install`). */
  sudo: boolean;
}

type EventKind = 'update' | 'use' | 'clean' | 'opaque';

interface Event {
  kind: EventKind;
  node: Node;
  /** For `use`/`opaque`: the command as notes quote it (quoteCommand). */
  text: string;
  /** For `clean`: the rm removes nothing but the lists. */
  listsOnly?: boolean;
  /** For events inside a script the RUN runs: what in it reads the lists (`apt-get install`, in Makefile). */
  inside?: string;
  /** The command runs whenever the RUN gets that far (shell.ts runsOnEveryPath): not only in a branch, loop or `||`. */
  everyPath?: boolean;
}

/** What a RUN does to the package lists, in order. */
interface ListUse {
  run: RunScript | null;
  /** Why the RUN cannot be read (exec form, heredoc ...): it may do anything. */
  unreadable: RunRefusal | null;
  events: Event[];
  apt: AptCommand[];
}

/** How notes quote a command: its first words as written, wrappers included (`sudo apt-get install`). */
function quoted(command: RunCommand): string {
  const name = command.command.node.childForFieldName('name');
  return quoteCommand(name ? [name, ...command.command.args] : command.command.args);
}

/** An apt-get or apt command, or another program that reads their lists (apt-cache, aptitude). */
function aptCommand(node: Node, words: (string | null)[], nodes: Node[], program: string | null): AptCommand | null {
  const found = managerCommand(words);
  if (found && (found.manager === 'apt-get' || found.manager === 'apt')) {
    const at = found.subcommandIndex;
    return { node, program: found.program, programNode: nodes[0], sub: found.subcommand, subNode: at === null ? null : nodes[at], words, sudo: false };
  }
  if (program === null || !APT_GET.indexReaders!.includes(program)) return null;
  const at = subcommandAt(words, 1, VALUE_OPTIONS);
  return { node, program, programNode: nodes[0], sub: at === null ? null : words[at], subNode: at === null ? null : nodes[at], words, sudo: false };
}

function readListUse(ctx: TransformContext, node: InstructionNode): ListUse {
  const read = ctx.facts.readRun(node);
  if (read.kind === 'refused') {
    return { run: null, unreadable: read.refusal, events: [], apt: [] };
  }
  const events: Event[] = [];
  const apt: AptCommand[] = [];
  for (const command of ctx.facts.commandsOf(read)) {
    const { words, nodes, program } = command;
    const text = quoted(command);
    const found = program === null ? null : aptCommand(command.command.node, words, nodes, program);
    if (found) {
      found.sudo = command.wrappers.includes('sudo') && command.sudoAsRoot;
      apt.push(found);
    }
    events.push(...commandEvents(ctx, node, command, text, found, 0));
  }
  return { run: read, unreadable: null, events, apt };
}

/**
 * What one command does to the lists. A script it runs from the build context
 * (`./install.sh`, `make deps`, `sh -c '…'`) is read, and what the script does
 * counts at the command that runs it; an apt install in it is a read that
 * dfmod cannot give its own `apt-get update` (the script is not the
 * Dockerfile), so it keeps the lists (`opaque`).
 */
function commandEvents(ctx: TransformContext, node: InstructionNode, command: RunCommand, text: string, apt: AptCommand | null, depth: number, within?: { root: Node }): Event[] {
  const every = runsOnEveryPath(command.command.node);
  return commandEventsOf(ctx, node, command, text, apt, depth, within).map((e) => ({ ...e, everyPath: every && e.everyPath !== false }));
}

function commandEventsOf(ctx: TransformContext, node: InstructionNode, command: RunCommand, text: string, apt: AptCommand | null, depth: number, within?: { root: Node }): Event[] {
  const { program } = command;
  const at = command.command.node;
  if (program === null) return [{ kind: 'opaque', node: at, text }];
  if (downloadsAptLists(command) || apt?.sub === 'update') return [{ kind: 'update', node: at, text }];
  const removal = aptListsRemoval(command);
  if (removal) return [{ kind: 'clean', node: at, text, listsOnly: removal.listsOnly && depth === 0 }];
  if (apt) return apt.sub === null || !LIST_FREE.includes(apt.sub) ? [{ kind: 'use', node: at, text }] : [];
  // Code dfmod cannot see installs with apt only where it may run as root.
  const rootless = depth === 0 && !(command.wrappers.includes('sudo') && command.sudoAsRoot) && !ctx.facts.mayRunAsRoot(node);
  if (OPAQUE.has(program)) return rootless ? [] : [{ kind: 'opaque', node: at, text }];
  const script = ctx.facts.scriptRunBy(node, command, ctx.context, within);
  if (!script) return [];
  const where = script.file ?? 'its inline script';
  if (!script.roots) {
    // A build tool runs no apt, whatever its Makefile or configure script holds; a user without sudo cannot.
    if (APT_FREE_PROGRAMS.has(program) || rootless) return [];
    return [{ kind: 'opaque', node: at, text, inside: `dfmod cannot read what it runs: ${script.unknown}` }];
  }
  if (depth >= SCRIPT_DEPTH) return [{ kind: 'opaque', node: at, text, inside: `it runs scripts nested deeper than dfmod reads (${where})` }];
  const events: Event[] = [];
  for (const root of script.roots) {
    for (const inner of ctx.facts.commandsOf({ root })) {
      const innerApt = inner.program === null ? null : aptCommand(inner.command.node, inner.words, inner.nodes, inner.program);
      for (const event of commandEvents(ctx, node, inner, quoted(inner), innerApt, depth + 1, { root })) {
        // What a script it runs does: said where, so that it is not taken for the RUN's own command.
        const inside = event.inside !== undefined ? `${event.inside}, in ${where}` : `\`${event.text}\` in ${where}`;
        events.push({ ...event, kind: event.kind === 'use' ? 'opaque' : event.kind, node: at, text, inside, listsOnly: false });
      }
    }
  }
  return events;
}

/** The first event that touches the lists, and whether the lists are left behind at the end. */
function firstEvent(use: ListUse): Event | 'unreadable' | null {
  if (use.unreadable) return 'unreadable';
  return use.events[0] ?? null;
}

function leavesLists(use: ListUse): boolean {
  const last = [...use.events].reverse().find((e) => e.kind === 'update' || e.kind === 'clean');
  return last?.kind === 'update';
}

/**
 * The body the lists' removal goes at the end of: the innermost one that holds
 * every update and read since the RUN last removed them, so that an update
 * and install in an if branch are cleaned up in that branch.
 */
function listsBody(use: ListUse): Node {
  const lastClean = use.events.map((e) => e.kind).lastIndexOf('clean');
  const since = use.events.slice(lastClean + 1).map((e) => e.node);
  return cleanupPlacements(since, false)[0]?.body ?? use.run!.root;
}

/** The commands of a RUN that read the lists before it updates or removes them itself: what an update added to it is for. */
function readsBeforeUpdate(use: ListUse): Node[] {
  const own = use.events.findIndex((e) => e.kind === 'update' || e.kind === 'clean');
  return use.events.slice(0, own < 0 ? undefined : own).filter((e) => e.kind === 'use' || e.kind === 'opaque').map((e) => e.node);
}

/** A RUN that does nothing but `apt-get update`. */
function isLoneUpdate(ctx: TransformContext, use: ListUse): boolean {
  if (!use.run) return false;
  const commands = ctx.facts.commandsOf(use.run);
  return commands.length > 0 && use.run.root.namedChildren.filter((n) => n && n.type !== 'comment').length === 1 &&
    commands.every((c) => use.apt.some((a) => a.node.id === c.command.node.id && a.sub === 'update'));
}

/**
 * Where in the text a RUN's lists come from or go: the offset of its last
 * `apt-get update` (or, for `clean`, of its last removal of the lists), for
 * lines on disk (a merged RUN holds commands of several); the RUN's start
 * when it has none.
 */
function eventOffset(use: ListUse, kind: EventKind): number {
  const event = [...use.events].reverse().find((e) => e.kind === kind);
  if (!use.run) return 0;
  return event ? sourceStart(use.run, event.node) : use.run.node.start;
}

/** The offset of what in a later RUN reads the lists: its first event; its start when dfmod does not read it. */
function readOffset(consumer: Consumer): number {
  const first = consumer.use.events[0];
  return first && consumer.use.run ? sourceStart(consumer.use.run, first.node) : consumer.node.start;
}

function listsMounted(run: RunScript): boolean {
  return run.mounts.some((m) => mountCovers(m, LISTS));
}

interface Consumer {
  node: InstructionNode;
  use: ListUse;
  /** Why dfmod does not read the RUN, or null when it does. */
  unreadable: RunRefusal | null;
  /** The command that reads the lists (its first words), when the RUN is read. */
  what: string | null;
  /** What inside a script it runs reads them, when that is where. */
  inside: string | null;
}

/** RUNs after `node` that read the lists it leaves, and the RUN that deletes them next (in its own stage). */
function consumersOf(ctx: TransformContext, node: InstructionNode, uses: Map<InstructionNode, ListUse>): { consumers: Consumer[]; cleaner: InstructionNode | null } {
  const consumers: Consumer[] = [];
  let cleaner: InstructionNode | null = null;
  ctx.facts.laterRuns(node).forEach((branch, b) => {
    // Code dfmod cannot read may have fetched the lists again (`curl … | bash` installers run apt-get update): a removal after it is no no-op.
    let opaque = false;
    for (const later of branch) {
      const use = useOf(ctx, later, uses);
      const first = firstEvent(use);
      if (first === null) continue;
      if (first === 'unreadable') {
        consumers.push({ node: later, use, unreadable: use.unreadable, what: null, inside: null });
        break;
      }
      // An update or removal on some paths only (in an `if` branch) leaves ours to the RUNs after it on the others.
      if (first.kind === 'update' && first.everyPath !== false) break;
      if (first.kind === 'clean' && first.everyPath !== false) {
        if (b === 0 && !opaque) cleaner = later;
        break;
      }
      if (use.events.some((e) => e.kind === 'opaque')) opaque = true;
      if (first.kind === 'update' || first.kind === 'clean') continue;
      consumers.push({ node: later, use, unreadable: null, what: first.text, inside: first.inside ?? null });
      // It replaced or removed the lists on every path: what comes after reads its lists, not ours.
      if (use.events.some((e) => (e.kind === 'clean' || e.kind === 'update') && e.everyPath !== false)) break;
    }
  });
  return { consumers, cleaner };
}

function useOf(ctx: TransformContext, node: InstructionNode, uses: Map<InstructionNode, ListUse>): ListUse {
  let use = uses.get(node);
  if (!use) {
    use = readListUse(ctx, node);
    uses.set(node, use);
  }
  return use;
}

const ROOT_USERS = /^(root|0)(:(root|0))?$/;

/**
 * How a command that needs root runs in the RUN: '' when the RUN's USER is
 * root (or the image's default), `sudo ` when it runs apt through sudo
 * (a non-root USER with sudo), null when dfmod cannot run one as root there.
 */
function asRoot(ctx: TransformContext, node: InstructionNode, use: ListUse, sub?: string): string | null {
  const user = ctx.facts.userAt(node);
  if (user === null || ROOT_USERS.test(user)) return '';
  return use.apt.some((a) => a.sudo && (sub === undefined || a.sub === sub)) ? 'sudo ' : null;
}

/** The update command to repeat in a later RUN: the producer's own when its words are literal. */
function updateCommand(use: ListUse): string {
  const update = use.apt.find((a) => a.sub === 'update');
  if (update && update.words.every((w) => w !== null) && update.program === 'apt-get') {
    return update.words.join(' ');
  }
  return 'apt-get update';
}

/** Whether anything between the two RUNs, or in `from` after its update, may change apt's sources. */
function sourcesChangeBetween(model: DockerfileModel, from: ListUse, to: InstructionNode): boolean {
  const lastUpdate = [...from.events].reverse().find((e) => e.kind === 'update');
  if (from.run && lastUpdate && changesSources(from.run.script.text.slice(lastUpdate.node.endIndex))) return true;
  const stage = from.run!.node.stage!;
  const between = stage.instructions.filter((i) => i.index > from.run!.node.index && i.index < to.index);
  return between.some((i) => changesSources(model.rawArguments(i)));
}

/** The edits that take the lists' removal out of a later RUN that only removes them, or null. */
function removeLaterCleanup(model: DockerfileModel, use: ListUse): Edit[] | null {
  const clean = use.events[0];
  if (!use.run || !clean || clean.kind !== 'clean' || !clean.listsOnly || use.run.node.flags.length > 0) return null;
  const alone = use.run.root.namedChildren.filter((n) => n && n.type !== 'comment');
  if (alone.length === 1 && alone[0]!.id === clean.node.id) return [deleteInstruction(model, use.run.node)];
  const edit = removeChainElement(model, use.run, clean.node);
  return edit ? [edit] : null;
}

export const aptCleanup: Transform = {
  id: 'apt-cleanup',
  level: 'safe',
  effects: ['run-commands', 'run-grouping'],
  description: 'apt-get update, install -y and rm -rf /var/lib/apt/lists/* in the same RUN; apt-get rather than apt',
  rationale:
    'Package lists left in a layer add tens of MB that a later RUN cannot remove; an install reading the lists of an ' +
    'earlier, cached RUN installs from stale lists. -y keeps apt from aborting at its prompt, and apt-get has a ' +
    'stable command line for scripts where apt does not. Option noInstallRecommends (review) adds --no-install-recommends.',
  hadolintRules: ['DL3009', 'DL3014', 'DL3027', 'DL3015'],
  run(ctx) {
    const { dockerfile } = ctx;
    const noRecommends = ctx.options.noInstallRecommends === true;
    const fixes: Fix[] = [];
    const notes: NoteInput[] = [];
    const uses = new Map<InstructionNode, ListUse>();
    const kept: KeptLists = new Map();
    for (const node of dockerfile.instructions) {
      if (node.keyword !== 'RUN' || !node.stage) continue;
      const use = useOf(ctx, node, uses);
      if (use.unreadable) {
        if (mayUseApt(ctx, node)) {
          notes.push({ line: node.line, id: use.unreadable.id, message: `left alone: ${use.unreadable.reason}` });
        }
        continue;
      }
      const repeated = repeatedUpdates(ctx, use, fixes);
      const assumeYes = assumesYes(ctx, node);
      for (const apt of use.apt) if (!repeated.has(apt.node.id)) commandFix(apt, use.run!, noRecommends, fixes, notes, assumeYes);
      listsFix(ctx, node, use, uses, fixes, notes, kept);
    }
    notes.push(...keptNotes(ctx, kept));
    return { fixes, notes };
  },
};

/**
 * Whether a RUN dfmod does not read may run apt, for a note that says it was
 * left alone: a heredoc RUN whose commands it can parse when one of them is
 * an apt command (not one that only writes a file under /etc/apt); another
 * when its text names apt.
 */
function mayUseApt(ctx: TransformContext, node: InstructionNode): boolean {
  const commands = ctx.facts.heredocCommands(node);
  if (commands === null) return /\bapt(-get)?\b/.test(ctx.dockerfile.rawArguments(node));
  return commands.some((c) => c.program !== null && (aptCommand(c.command.node, c.words, c.nodes, c.program) !== null || runsAptItself(c.words)));
}

/** Per stage, the RUNs that keep their lists for later RUNs dfmod cannot follow (scripts, RUNs it does not read), and those RUNs. */
type KeptLists = Map<Stage, { producers: { node: InstructionNode; at: number }[]; readers: Consumer[] }>;

/**
 * One note per stage for the lists kept because later RUNs may read them in
 * ways dfmod cannot follow: on the first RUN that keeps them, naming every
 * such RUN and what it runs.
 */
function keptNotes(ctx: TransformContext, kept: KeptLists): NoteInput[] {
  const notes: NoteInput[] = [];
  for (const { producers, readers } of kept.values()) {
    // Lines on disk of the commands concerned: the producers' updates, the readers' reads.
    const line = (r: Consumer) => ctx.originalInstructionLineAt(readOffset(r));
    const id = readers.every((r) => r.unreadable) ? 'lists-read-by-unread-run' : 'lists-read-by-script';
    const subject = producers.length === 1 ? 'lists kept' : `lists of the RUNs at lines ${listed(producers.map((p) => String(ctx.originalInstructionLineAt(p.at))))} kept`;
    if (readers.length === 1) {
      const [reader] = readers as [Consumer];
      const at = `the RUN at line ${line(reader)}`;
      notes.push({
        line: producers[0]!.node.line,
        at: producers[0]!.at,
        id,
        message: reader.unreadable
          ? `${subject}: ${at} may install packages from them, and dfmod does not read it: ${reader.unreadable.reason}`
          : `${subject}: ${at} runs \`${reader.what}\`, which may install packages from them${reader.inside ? ` (${reader.inside})` : ''}`,
      });
      continue;
    }
    const parts = readers.map((r) => r.unreadable
      ? `line ${line(r)}, which dfmod does not read (${r.unreadable.reason})`
      : `line ${line(r)} runs \`${r.what}\`${r.inside ? ` (${r.inside.replace(/^dfmod cannot read what it runs: /, '')})` : ''}`);
    notes.push({ line: producers[0]!.node.line, at: producers[0]!.at, id, message: `${subject}: later RUNs may install packages from them: ${parts.join('; ')}` });
  }
  return notes;
}

/** The line of a comment in the stage that keeps apt usable on purpose (lib/knowledge's KEEP_APT_COMMENT), or null. */
function keepAptComment(model: DockerfileModel, stage: Stage): number | null {
  const next = model.stages[stage.index + 1];
  const last = next ? next.from.line - 1 : model.source.lineCount;
  for (let line = stage.from.line; line <= last; line++) {
    const text = model.source.lineText(line - 1).trim();
    if (text.startsWith('#') && KEEP_APT_COMMENT.some((re) => re.test(text.toLowerCase()))) return line;
  }
  return null;
}

/** `2`, `2 and 5`, `2, 5 and 9`. */
function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * An `apt-get update` right after another in the RUN's `&&` chain fetches
 * the same lists again: removed (one RUN updates once). The ids of those
 * removed, which get no other fix.
 */
function repeatedUpdates(ctx: TransformContext, use: ListUse, fixes: Fix[]): Set<number> {
  const run = use.run!;
  const removed = new Set<number>();
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return removed;
  const updates = new Set(use.apt.filter((a) => a.sub === 'update' && !a.sudo).map((a) => a.node.id));
  const chain = andChain(statements[0].node);
  for (let i = 1; i < chain.length; i++) {
    if (!updates.has(chain[i].id) || !updates.has(chain[i - 1].id)) continue;
    const edit = removeChainElement(ctx.dockerfile, run, chain[i]);
    if (!edit) continue;
    removed.add(chain[i].id);
    fixes.push({ line: run.node.line, at: sourceStart(run, chain[i]), message: 'removed an `apt-get update` right after another: it fetches the same lists again', edits: [edit] });
  }
  return removed;
}

/**
 * The edit removing the RUN's last `apt-get update` when it ends the RUN's
 * `&&` chain after an install that read the lists an earlier update fetched:
 * its own lists are read by nothing in the RUN. Null otherwise.
 */
function trailingUpdate(model: DockerfileModel, run: RunScript, use: ListUse): Edit | null {
  const last = use.events[use.events.length - 1];
  if (last?.kind !== 'update' || !last.everyPath) return null;
  const before = use.events.slice(0, -1);
  if (!before.some((e) => e.kind === 'use') || !before.some((e) => e.kind === 'update')) return null;
  const statements = topLevelStatements(run.root);
  if (statements.length !== 1) return null;
  const chain = andChain(statements[0].node);
  if (chain[chain.length - 1]?.id !== last.node.id) return null;
  return removeChainElement(model, run, last.node);
}

/**
 * Whether apt answers yes by configuration where `node` runs: a RUN up to it,
 * in its stage or one it is built on, writes `APT::Get::Assume-Yes "true"`
 * (into apt.conf.d), so `-y` changes nothing.
 */
function assumesYes(ctx: TransformContext, node: InstructionNode): boolean {
  for (let s: Stage | null = node.stage; s; s = ctx.facts.parentOf(s)) {
    for (const other of s.instructions) {
      if (other.keyword !== 'RUN' || (s === node.stage && other.index > node.index)) continue;
      const read = ctx.facts.readRun(other);
      if (read.kind !== 'script') continue;
      if (ctx.facts.commandsOf(read).some((c) => c.words.some((w) => w !== null && /APT::Get::Assume-Yes\s+"?(true|yes|1)"?/i.test(w)))) return true;
    }
  }
  return false;
}

/** `apt` -> `apt-get`, `-y`, and (as an option) `--no-install-recommends` on one apt command. */
function commandFix(apt: AptCommand, run: RunScript, noRecommends: boolean, fixes: Fix[], notes: NoteInput[], assumeYes = false): void {
  if (apt.program !== 'apt' && apt.program !== 'apt-get') return;
  if (apt.sub === null || !apt.subNode) return;
  const at = sourceStart(run, apt.node);
  const edits: Edit[] = [];
  const said: string[] = [];
  let sub = apt.sub;
  if (apt.program === 'apt') {
    const equivalent = APT.scriptEquivalent!.verbs[apt.sub];
    if (!equivalent) {
      notes.push({ line: run.node.line, at, id: 'no-apt-get-equivalent', message: `\`apt ${apt.sub}\` left alone: apt-get has no ${apt.sub}` });
    } else if (apt.programNode.text === 'apt') {
      edits.push({ start: sourceStart(run, apt.programNode), end: sourceEnd(run, apt.programNode), text: 'apt-get' });
      if (equivalent !== apt.sub) {
        edits.push({ start: sourceStart(run, apt.subNode), end: sourceEnd(run, apt.subNode), text: equivalent });
      }
      said.push(`\`apt ${apt.sub}\` -> \`apt-get ${equivalent}\``);
      sub = equivalent.split(' ')[0];
    }
  }
  const flags: string[] = [];
  const rest = apt.words.slice(1);
  const computed = rest.some((w) => w === null);
  // apt reads apt-get's configuration (APT::Get::Assume-Yes), and is rewritten to apt-get anyway.
  if (PROMPTING.includes(sub) && !assumeYes && !rest.some((w) => w !== null && answersPrompt('apt-get', w))) {
    if (computed) notes.push({ line: run.node.line, at, id: 'computed-arguments', message: '-y not added: some arguments of apt-get are computed by the shell' });
    else flags.push('-y');
  }
  if (noRecommends && sub === 'install' && !computed && !rest.some((w) => w !== null && RECOMMENDS.test(w))) {
    flags.push('--no-install-recommends');
  }
  if (flags.length) {
    const at = sourceEnd(run, apt.subNode);
    edits.push({ start: at, end: at, text: ` ${flags.join(' ')}` });
    said.push(`${flags.join(' ')} added`);
  }
  if (edits.length === 0) return;
  fixes.push({ line: run.node.line, at, message: `apt: ${said.join(', ')}`, edits });
}

/** Where `apt-get update` ran: remove the lists in the same RUN, or make the later RUNs that read them update for themselves. */
function listsFix(ctx: TransformContext, node: InstructionNode, use: ListUse, uses: Map<InstructionNode, ListUse>, fixes: Fix[], notes: NoteInput[], kept: KeptLists): void {
  const { dockerfile } = ctx;
  const run = use.run!;
  if (!leavesLists(use)) {
    // Already removes its lists: a later RUN that only removes them again is a no-op there.
    if (use.events.some((e) => e.kind === 'update')) {
      const { cleaner } = consumersOf(ctx, node, uses);
      const removal = cleaner && useOf(ctx, cleaner, uses);
      const edits = removal && removeLaterCleanup(dockerfile, removal);
      if (cleaner && edits) {
        fixes.push({ line: cleaner.line, at: eventOffset(removal, 'clean'), message: `removed a later \`${CLEANUP}\`: line ${ctx.originalInstructionLineAt(eventOffset(use, 'clean'))} already removes the lists in its own layer`, edits });
      }
    }
    return;
  }
  if (listsMounted(run)) return; // the lists live in a cache mount, not in the layer
  const { consumers, cleaner } = consumersOf(ctx, node, uses);
  // The `apt-get update` whose lists stay: what the notes and changes about them are about.
  const at = eventOffset(use, 'update');
  // A stage whose layers are not shipped (only copied from) keeps nothing in the image: removing its lists saves nothing.
  if (consumers.length === 0 && !isLoneUpdate(ctx, use) && !ctx.facts.shipsLayers(node.stage!)) return;
  if (consumers.length === 0) {
    const keep = keepAptComment(dockerfile, node.stage!);
    if (keep !== null && !isLoneUpdate(ctx, use)) {
      notes.push({ line: node.line, at, id: 'kept-by-comment', message: `lists kept: the comment at line ${ctx.originalLine(keep)} keeps apt usable in the image on purpose` });
      return;
    }
    if (isLoneUpdate(ctx, use)) {
      notes.push({ line: node.line, id: 'lone-update', message: 'left alone: `apt-get update` alone in a RUN caches stale lists; update in the RUN that installs' });
      return;
    }
    const root = asRoot(ctx, node, use, 'update');
    if (root === null) {
      notes.push({ line: node.line, at, id: 'not-root', message: `lists not removed: the RUN runs as USER ${ctx.facts.userAt(node)}, and dfmod does not know how it removes them as root` });
      return;
    }
    const edit = appendInBody(dockerfile, run, listsBody(use), [`${root}${CLEANUP}`], use.events[use.events.length - 1]?.node ?? null);
    if ('reason' in edit) {
      notes.push({ line: node.line, at, id: edit.id, message: `lists not removed: ${edit.reason}` });
      return;
    }
    const removal = cleaner && removeLaterCleanup(dockerfile, useOf(ctx, cleaner, uses));
    // An update after the RUN's last install fetched lists that nothing reads, which the cleanup now removes.
    const trailing = trailingUpdate(dockerfile, run, use);
    const also = trailing ? `, and its last \`apt-get update\` removed: nothing after it reads the lists it fetched` : '';
    if (cleaner && removal) {
      fixes.push({ line: node.line, at, message: `\`${CLEANUP}\` moved from line ${ctx.originalInstructionLineAt(eventOffset(useOf(ctx, cleaner, uses), 'clean'))} into the RUN that downloaded the lists${also}`, edits: [...(trailing ? [trailing] : []), edit, ...removal] });
    } else {
      fixes.push({ line: node.line, at, message: `\`${CLEANUP}\` in the RUN that ran apt-get update: the lists stay out of the layer${also}`, edits: [...(trailing ? [trailing] : []), edit] });
    }
    return;
  }
  const next = node.stage!.instructions[node.stage!.instructions.indexOf(node) + 1];
  for (const consumer of consumers) {
    const reads = `the RUN at line ${ctx.originalInstructionLineAt(readOffset(consumer))}`;
    const readable = consumer.use.run && firstEvent(consumer.use) !== 'unreadable' &&
      (consumer.use.events[0] as Event).kind === 'use';
    if (!readable) {
      const group = kept.get(node.stage!) ?? { producers: [], readers: [] };
      kept.set(node.stage!, group);
      if (!group.producers.some((p) => p.node === node)) group.producers.push({ node, at: eventOffset(use, 'update') });
      if (!group.readers.some((r) => r.node === consumer.node)) group.readers.push(consumer);
      continue;
    }
    if (isLoneUpdate(ctx, use) && consumer.node === next && node.flags.length === 0) {
      const prepend = prependBeforeUses(consumer.use.run!, readsBeforeUpdate(consumer.use), run.script.text.trim());
      if ('reason' in prepend) {
        notes.push({ line: node.line, at, id: 'lone-update-cannot-join', message: `left alone: \`apt-get update\` alone in a RUN caches stale lists, and it cannot join the next RUN: ${prepend.reason}` });
        continue;
      }
      fixes.push({
        line: node.line,
        at,
        message: `\`apt-get update\` merged into the RUN that installs (line ${ctx.originalInstructionLineAt(readOffset(consumer))}): alone, its cached lists go stale`,
        edits: [deleteInstruction(dockerfile, node), prepend],
      });
      continue;
    }
    if (sourcesChangeBetween(dockerfile, use, consumer.node)) {
      notes.push({ line: node.line, at, id: 'sources-change', message: `lists kept: ${reads} installs from them, and apt's sources change in between` });
      continue;
    }
    const root = asRoot(ctx, consumer.node, consumer.use);
    if (root === null) {
      notes.push({ line: node.line, at, id: 'not-root', message: `lists kept: ${reads} installs from them as USER ${ctx.facts.userAt(consumer.node)}, and dfmod does not know how it updates them as root` });
      continue;
    }
    let prepend: Edit | Edit[] | EditRefusal = prependBeforeUses(consumer.use.run!, readsBeforeUpdate(consumer.use), `${root}${updateCommand(use)}`);
    // Under `set -e` a failed update stops the RUN: it goes, a statement of its own, before each install.
    if ('reason' in prepend && (prepend.id === 'several-statements' || prepend.id === 'in-branch') && ctx.facts.errexitAt(consumer.node)) {
      const own = consumer.use.events.findIndex((e) => e.kind === 'update' || e.kind === 'clean');
      const installs = consumer.use.events.slice(0, own < 0 ? undefined : own).filter((e) => e.kind === 'use' && e.inside === undefined).map((e) => e.node);
      prepend = insertBeforeStatements(consumer.use.run!, installs, `${root}${updateCommand(use)}`);
    }
    if ('reason' in prepend) {
      notes.push({ line: node.line, at, id: prepend.id, message: `lists kept: ${reads} installs from them without \`apt-get update\`, and one cannot be added: ${prepend.reason}` });
      continue;
    }
    // The RUN's own later update fetches the same lists again, unless its sources change before it.
    const own = consumer.use.events.find((e) => e.kind === 'update');
    const ownRun = consumer.use.run!;
    const repeat = own?.everyPath && !changesSources(ownRun.script.text.slice(0, own.node.startIndex)) ? removeChainElement(dockerfile, ownRun, own.node) : null;
    fixes.push({
      line: consumer.node.line,
      at: readOffset(consumer),
      message: `\`apt-get update\` in the RUN that installs: it read the lists of line ${ctx.originalInstructionLineAt(at)}, stale once that layer is cached${repeat ? '; its own later `apt-get update` goes, as it would fetch the same lists again' : ''}`,
      edits: [...(Array.isArray(prepend) ? prepend : [prepend]), ...(repeat ? [repeat] : [])],
    });
  }
}

export default aptCleanup;
