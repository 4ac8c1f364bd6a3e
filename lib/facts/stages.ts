/**
 * The stage graph questions that need no shell parser: which stage a FROM
 * builds on (also through a global ARG), the external image at the root of a
 * FROM chain, and whether that image is Windows. lib/core/dockerfile.ts asks
 * these too, so this module imports nothing but types from it.
 */
import type { DockerfileModel, InstructionNode, Stage } from '../core/dockerfile.js';
import { isWindowsImage } from '../knowledge/images.js';
import { expandWord } from './words.js';

const globalArgCache = new WeakMap<DockerfileModel, Map<string, string | null>>();

/**
 * The ARGs before the first FROM with their defaults (expanded; null when
 * there is none or it cannot be read). A build can override any of them with
 * --build-arg: these are the values the file gives.
 */
export function globalArgDefaults(model: DockerfileModel): ReadonlyMap<string, string | null> {
  let args = globalArgCache.get(model);
  if (!args) {
    const found = new Map<string, string | null>();
    for (const node of model.globalArgs) {
      const declared = argDeclaration(model, node, (name) => (found.has(name) ? found.get(name) : undefined));
      if (declared) found.set(declared.name, declared.value ?? null);
    }
    args = found;
    globalArgCache.set(model, args);
  }
  return args;
}

/** The name and (expanded) default of an ARG; value undefined when it declares no default. */
export function argDeclaration(
  model: DockerfileModel,
  node: InstructionNode,
  lookup: (name: string) => string | null | undefined,
): { name: string; value: string | null | undefined } | null {
  const property = (node.ast as unknown as { getProperty(): PropertyLike | null }).getProperty?.() ?? null;
  if (!property) return null;
  const raw = propertyValueText(model, property);
  return { name: property.getName(), value: raw === null ? undefined : expandWord(raw, lookup, model.escapeChar) };
}

/** The part of dockerfile-ast's Property that facts read. */
export interface PropertyLike {
  getName(): string;
  getValueRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null;
}

/** A property's value as written (quotes and variables unprocessed), null when it has none. */
export function propertyValueText(model: DockerfileModel, property: PropertyLike): string | null {
  const range = property.getValueRange();
  if (!range) return null;
  const start = model.source.offsetAt(range.start);
  const end = model.source.offsetAt(range.end);
  return start === end ? null : model.logicalText(start, end).text;
}

/** A FROM's image after global ARG substitution; null when an ARG it uses has no literal default. */
export function expandFromImage(model: DockerfileModel, image: string): string | null {
  if (!image.includes('$')) return image;
  const args = globalArgDefaults(model);
  const expanded = expandWord(image, (name) => (args.has(name) ? args.get(name) : undefined), model.escapeChar);
  return expanded ? expanded : null;
}

function fromImage(model: DockerfileModel, stage: Stage): string | null {
  return expandFromImage(model, stage.image);
}

/** The stage at the root of `stage`'s FROM chain: the one that names an external image. */
function rootStageOf(model: DockerfileModel, stage: Stage): Stage {
  let current = stage;
  while (current.parent) current = current.parent;
  return current;
}

/** The external image at the root of the FROM chain, ARGs substituted; null when an ARG has no literal default. */
export function baseImageOf(model: DockerfileModel, stage: Stage): string | null {
  return fromImage(model, rootStageOf(model, stage));
}

/** The one Windows predicate: the stage's root image, or its `--platform`, is Windows. */
export function isWindowsStage(model: DockerfileModel, stage: Stage): boolean {
  const root = rootStageOf(model, stage);
  return isWindowsImage(fromImage(model, root) ?? root.image, root.platform);
}
