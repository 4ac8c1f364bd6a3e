/**
 * What the planners share: the refusal value every step returns instead of
 * throwing, the plan a planner makes, and the helpers that write a build
 * stage's edits or name the program a build produced.
 */
import path from 'node:path';
import type { SimpleCommand } from '../../lib/core/shell.js';
import type { DockerfileModel, InstructionNode } from '../../lib/core/dockerfile.js';
import type { BuildContext } from '../../lib/core/context.js';
import type { Edit, Refusal, TransformContext } from '../../lib/core/types.js';
import { DEFAULT_PATH, runtimeImage, type Linkage } from '../../lib/knowledge/index.js';
import type { RunInfo, StageReading } from './read-stage.js';

/** Which planner a build image goes to. */
export type Ecosystem = 'go' | 'node' | 'python' | 'java' | 'native';

/** Why the stage is not split (wrapped, so that a planner's answer is told from a plan by its key). */
export interface Refused {
  refuse: Refusal;
}

export function refuse(id: string, reason: string): Refused {
  return { refuse: { id, reason } };
}

export function isRefusal(value: unknown): value is Refused {
  return typeof value === 'object' && value !== null && 'refuse' in value;
}

/** What a planner decided. */
export interface Plan {
  runtime: string;
  /** Lines of the runtime stage placed after the leading kept instructions. */
  payload: string[];
  /** Edits inside the build stage (besides naming it). */
  buildEdits: Edit[];
  /** Lines appended to the build stage. */
  buildTail: string[];
  /** Programs the runtime has that HEALTHCHECK may run. */
  programs: string[];
  /** The paths the payload copies into the runtime (closure.ts copies what else the app needs). */
  copied: string[];
  /**
   * The original stage is kept under another role than the build: its name,
   * and the offset where it ends (what follows it, the runtime repeats).
   */
  dependencyStage?: { name: string; end: number };
  /** Stages written between the build stage and the runtime (node's `deps`), as lines. */
  stages?: string[];
  /** What the runtime gets, for the change message: `/app with production dependencies`. */
  summary: string;
  /** What the reviewer should check that dfmod could not prove. */
  checks?: string[];
  /** Debian packages the planner found the runtime needs (native addons' libraries). */
  packages?: string[];
}

/** A planner: a plan, a refusal, or null when the stage builds nothing this planner splits. */
export type Planner = (stage: StageReading, ctx: TransformContext) => Plan | Refused | null;

/** The runtime image the knowledge base names for the build image, or why there is none. */
export function runtimeFor(stage: StageReading, linkage: Linkage): { image: string } | Refused {
  const ref = stage.image.ref;
  const choice = runtimeImage(ref.raw, linkage);
  if ('image' in choice) return choice;
  // Pinned by digest, with a runtime image of its own (not the image itself): the digest is what stops the split.
  const pinned = ref.digest !== null && 'image' in runtimeImage(ref.raw.slice(0, ref.raw.indexOf('@')), linkage);
  return refuse(pinned ? 'image-digest' : 'no-runtime-image', `no runtime image: ${choice.none}`);
}

/** The file the container's first word names: a path against the final WORKDIR, or a bare name on PATH among `outputs`. */
export function programPath(stage: StageReading, outputs: string[]): string | null {
  const first = stage.argv[0] ?? '';
  if (first.includes('/')) return path.posix.resolve(stage.finalWorkdir, first);
  return outputs.find((o) => path.posix.basename(o) === first && DEFAULT_PATH.includes(path.posix.dirname(o))) ?? null;
}

export function insertBefore(run: RunInfo, command: SimpleCommand, text: string): Edit {
  const offset = run.offsets[command.node.startIndex];
  return { start: offset, end: offset, text };
}

/** Files of the context with an extension, skipping dependency folders (bounded). */
export function contextFiles(context: BuildContext, ext: string, limit = 2000): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 12 || found.length >= limit) return;
    for (const name of context.list(dir)) {
      if (name === '.git' || name === 'node_modules') continue;
      const rel = dir === '.' ? name : `${dir}/${name}`;
      if (name.endsWith(ext) && context.read(rel) !== null) found.push(rel);
      else if (!name.includes('.') || context.list(rel).length) visit(rel, depth + 1);
    }
  };
  visit('.', 0);
  return found;
}

/** An instruction's arguments as one logical line. */
export function argsText(model: DockerfileModel, node: InstructionNode): string {
  return model.logicalText(node.argsStart, node.end).text.trim();
}
