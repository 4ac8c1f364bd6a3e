import type { DockerfileModel } from './dockerfile.js';
import type { ShellParser } from './shell.js';
import type { BuildContext } from './context.js';

/**
 * `safe` transforms keep what the build and the container do, except the
 * improvement they name. `review` transforms make a change a person should
 * look at (a new base image, a different package set).
 */
export type Level = 'safe' | 'review';

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
  /** Why: a human sentence, shown in diffs with --explain and in reports. */
  message: string;
  edits: Edit[];
}

/** An opportunity a transform saw and left alone, with the reason. */
export interface NoteInput {
  line: number;
  message: string;
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
  shell: ShellParser;
  /** The build context, when one is known (the Dockerfile's folder or --context). */
  context: BuildContext | null;
  /** This transform's options from configuration (`{"init-entrypoint": {"init": "dumb-init"}}`). */
  options: Record<string, unknown>;
  filename: string | null;
}

export interface Transform {
  /** Kebab-case id users name on the command line: `merge-runs`. */
  id: string;
  level: Level;
  /** One line, shown by --list-transforms. */
  description: string;
  /** The best practice it follows, shown with --explain. */
  rationale: string;
  /** Whether it runs when no --transforms list is given. Defaults to true. */
  enabledByDefault?: boolean;
  /** hadolint rules this transform answers; `# hadolint ignore=DLxxxx` suppresses it. */
  hadolintRules?: string[];
  run(context: TransformContext): TransformResult;
}

/** A fix that was applied, as reported. */
export interface Change {
  transform: string;
  line: number;
  message: string;
}

/** A note as reported. */
export interface Note {
  transform: string;
  line: number;
  message: string;
}
