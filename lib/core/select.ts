import type { Transform } from './types.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The transforms a run uses: the named ones (`-t`), or every one enabled by
 * default, less the skipped ones (`--skip`), in registry order.
 */
export function selectTransforms(
  available: readonly Transform[],
  only: readonly string[] | null | undefined,
  skip: readonly string[] | null | undefined = [],
): Transform[] {
  const ids = new Set(available.map((t) => t.id));
  for (const id of [...(only ?? []), ...(skip ?? [])]) {
    if (!ids.has(id)) {
      throw new UsageError(`unknown transform '${id}' (known: ${[...ids].join(', ')})`);
    }
  }
  const chosen = only && only.length
    ? available.filter((t) => only.includes(t.id))
    : available.filter((t) => t.enabledByDefault !== false);
  return chosen.filter((t) => !(skip ?? []).includes(t.id));
}
