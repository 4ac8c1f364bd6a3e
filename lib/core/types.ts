import type { FileFacts } from '../facts/index.js';
import type { DockerfileModel, InstructionNode } from './dockerfile.js';
import type { ShellParser } from './shell.js';
import type { BuildContext } from './context.js';
import type { Effect } from './guard.js';

/**
 * `safe` transforms keep what the build and the container do, except the
 * improvement they name: `dfmod --write` writes them. `review` transforms
 * make a guess about what the app needs (a new base image, a new stage, a
 * new entrypoint contract) that a person or a real build must confirm: they
 * are suggestions, written only at level `review` or when `--verify` passes.
 */
export type Level = 'safe' | 'review';

/**
 * Why dfmod leaves something alone: `id` names it (stable, kebab-case: for
 * --json, suppressions and tests), `reason` is a clause a note says it with.
 * The one shape of every refusal, in lib/ and in transforms.
 */
export interface Refusal<Id extends string = string> {
  id: Id;
  reason: string;
}

/** A replacement of source[start, end) by `text`; offsets into the BOM-less source. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * One self-contained improvement: all of its edits are applied together or not
 * at all (ESLint's "fix" with several ranges).
 */
export interface Fix {
  /** 1-based line of the instruction the fix is about. */
  line: number;
  /**
   * The offset in this text of the command the fix is about, when it is one
   * command of the instruction (a RUN merged from several may hold it): the
   * change is reported at the line on disk of the instruction it was written
   * in (`ctx.originalInstructionLineAt`), not at the first line of the merged RUN.
   */
  at?: number;
  /** Why: a human sentence, shown in diffs with --explain and in reports. */
  message: string;
  edits: Edit[];
}

/** An opportunity a transform saw and left alone, with the reason. */
export interface NoteInput {
  /** 1-based line of the instruction the note is about. */
  line: number;
  /** The offset in this text of the command the note is about, as Fix.at: the note is reported at its line on disk. */
  at?: number;
  message: string;
  /**
   * Which refusal or remark this is, kebab-case and stable across wording
   * changes (`heredoc`, `different-flags`), for tools reading --json.
   */
  id?: string;
}

export interface TransformResult {
  fixes?: Fix[];
  notes?: NoteInput[];
}

/** What a transform is given: the parsed file and read-only facts around it. */
export interface TransformContext {
  /** The current text (without BOM). */
  source: string;
  dockerfile: DockerfileModel;
  /**
   * The stage model: what the file means (WORKDIR, USER, ENV at an
   * instruction, COPY operands, the RUN and argv readers, what a stage runs,
   * which stage is deployed). Ask it rather than re-deriving.
   */
  facts: FileFacts;
  shell: ShellParser;
  /** The build context, when one is known (the Dockerfile's folder or --context). */
  context: BuildContext | null;
  /** This transform's options from configuration (`{"init-entrypoint": {"init": "dumb-init"}}`). */
  options: Record<string, unknown>;
  filename: string | null;
  /**
   * Whether this transform must leave `node` as written: a suppression
   * comment above it names this transform, one of its hadolint rules, or
   * every transform. The engine withholds fixes that touch such an
   * instruction (or are about it) and drops notes about it by itself; ask
   * only to plan around it, as a merge that stops there.
   */
  locked(node: InstructionNode): boolean;
  /**
   * The suppression comment above `node` as written, whichever tool or rule
   * it names, or null. Joining `node` with another instruction would stretch
   * or detach what it covers, and the engine withholds such a fix.
   */
  suppressionComment(node: InstructionNode): string | null;
  /**
   * The line of the file as read that 1-based `line` of this text comes
   * from. The engine maps the `line` of fixes and notes itself; a message
   * that names another instruction's line names it through this.
   */
  originalLine(line: number): number;
  /**
   * Whether `node` is in the file as read, where it stands: its first line is
   * text no edit wrote. An instruction another transform inserted (or moved,
   * or rewrote from its keyword on) is not; one it edited inside, or joined
   * other RUNs onto, is. A note that speaks of another instruction ("the RUN
   * above") speaks only of one on disk: the person reading it has the file as
   * read, where an inserted one is not.
   */
  onDisk(node: InstructionNode): boolean;
  /**
   * The line on disk that the text at `offset` of this text comes from (text
   * an earlier transform wrote: the line of the instruction it wrote it in).
   * A RUN that merge-runs made of several keeps each command's own line.
   */
  originalLineAt(offset: number): number;
  /**
   * The first line on disk of the instruction that the text at `offset` was
   * written in: a message that names the RUN of one command (`the RUN at
   * line 4 runs …`) names it through this, with the command's offset
   * (`sourceStart(run, node)`); a RUN merged from several starts at the
   * line of the first, where that command may not be.
   */
  originalInstructionLineAt(offset: number): number;
}

export interface Transform {
  /** Kebab-case id users name on the command line: `merge-runs`. */
  id: string;
  level: Level;
  /** One line, shown by --list-transforms. */
  description: string;
  /** The best practice it follows, shown with --explain. */
  rationale: string;
  /**
   * For review transforms: what a person must check before relying on their
   * changes (shown with each review change and suggestion).
   */
  reviewCheck?: string;
  /** Whether it runs when no --transforms list is given. Defaults to true. */
  enabledByDefault?: boolean;
  /** hadolint rules this transform answers; `# hadolint ignore=DLxxxx` suppresses it. */
  hadolintRules?: string[];
  /**
   * What its fixes may change in the image's meaning (lib/core/guard.ts).
   * The engine withholds a fix that changes anything else, with a note.
   * A transform without it is not guarded (--list-transforms says so).
   */
  effects?: readonly Effect[];
  run(context: TransformContext): TransformResult;
}

/** A fix that was applied, as reported. */
export interface Change {
  transform: string;
  /**
   * `safe`: made by a safe transform on the way to the safe text. `review`:
   * made on top of the safe text, once review transforms run; a safe
   * transform's change that follows from a review change (merging the RUNs
   * a new stage brought) belongs to the review suggestion too.
   */
  level: Level;
  /** 1-based line of the file as read (not of an intermediate rewrite). */
  line: number;
  message: string;
}

/** A note as reported. */
export interface Note {
  transform: string;
  /** 1-based line of the file as read (not of an intermediate rewrite). */
  line: number;
  message: string;
  /** The NoteInput's id, when it has one. */
  id?: string;
}
