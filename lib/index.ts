/**
 * dfmod's library API.
 *
 *   import { transform, transforms } from 'dfmod';
 *   const { output, changes, suggestions, notes } = await transform(source, { filename: 'Dockerfile' });
 */
import { runTransforms } from './core/engine.js';
import { folderContext, memoryContext, type BuildContext } from './core/context.js';
import { availableTransforms, builtinTransforms, selectTransforms } from './registry.js';
import type { Change, Level, Note, Transform } from './core/types.js';

export interface TransformOptions {
  /** Transform ids or transform objects (custom ones included); default: the default set. */
  transforms?: readonly (string | Transform)[];
  /** Ids to leave out. */
  skip?: readonly string[];
  /** Where the Dockerfile lives; names it in notes and, without `context`, locates its build context. */
  filename?: string;
  /** The build context: a folder path, a BuildContext, or in-memory files. */
  context?: string | BuildContext | Record<string, string>;
  /** Per-transform options: `{ 'init-entrypoint': { init: 'dumb-init' } }`. */
  options?: Record<string, Record<string, unknown>>;
  /** Which changes `output` holds: `safe` (default) or `review` (the review transforms' changes too). */
  level?: Level;
}

export interface TransformOutput {
  /** The text at the requested level. */
  output: string;
  changed: boolean;
  /** The changes `output` holds, each with its `level`. */
  changes: Change[];
  /** At level `safe`: the review changes not in `output`, on top of it (`levels.review` holds them). */
  suggestions: Change[];
  notes: Note[];
  /** The text with the safe changes, and with the review changes on top. */
  levels: { safe: string; review: string };
}

/** The built-in transforms, in the order they run. */
export const transforms: readonly Transform[] = builtinTransforms;

export async function transform(source: string, options: TransformOptions = {}): Promise<TransformOutput> {
  const custom = (options.transforms ?? []).filter((t): t is Transform => typeof t !== 'string');
  const available = availableTransforms(custom);
  const named = options.transforms ? options.transforms.map((t) => (typeof t === 'string' ? t : t.id)) : null;
  const chosen = selectTransforms(available, named, options.skip);
  const result = await runTransforms(source, {
    transforms: chosen,
    filename: options.filename ?? null,
    context: resolveContext(options),
    options: options.options,
    level: options.level ?? 'safe',
  });
  return { output: result.output, changed: result.changed, changes: result.changes, suggestions: result.suggestions, notes: result.notes, levels: result.levels };
}

function resolveContext(options: TransformOptions): BuildContext | null {
  const { context, filename } = options;
  if (typeof context === 'string') return folderContext(context, filename ?? null);
  if (context && typeof (context as BuildContext).exists === 'function') return context as BuildContext;
  if (context) return memoryContext(context as Record<string, string>);
  if (filename) {
    const slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
    return folderContext(slash >= 0 ? filename.slice(0, slash) || '/' : '.', filename);
  }
  return null;
}

export { runTransforms } from './core/engine.js';
export { parseDockerfile } from './core/dockerfile.js';
export type { DockerfileModel, InstructionNode, Stage } from './core/dockerfile.js';
export type { BuildContext } from './core/context.js';
export { folderContext, memoryContext } from './core/context.js';
export type { Transform, TransformContext, TransformResult, Fix, Edit, Change, Note, NoteInput, Level } from './core/types.js';
export { EFFECTS, type Effect } from './core/guard.js';

// The stage model and the knowledge base, for plugins that ask what the built-ins ask.
export { fileFacts } from './facts/index.js';
export type { FileFacts, CopyOperands, Argv, ContainerCommand } from './facts/index.js';
export * as knowledge from './knowledge/index.js';
