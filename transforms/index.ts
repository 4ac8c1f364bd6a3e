/**
 * The built-in transforms, in the order the engine runs them within a pass.
 * The engine repeats passes until nothing changes, so order does not decide
 * what is possible, but it decides the shape of the result: a transform that
 * creates structure runs before one that decorates it.
 */
import type { Transform } from '../lib/core/types.js';
import { copyDepsFirst } from './copy-deps-first/index.js';
import { mergeRuns } from './merge-runs.js';
import { aptCleanup } from './apt-cleanup.js';
import { cacheCleanup } from './cache-cleanup.js';
import { multiStage } from './multi-stage/index.js';
import { multiArch } from './multi-arch.js';
import { initEntrypoint } from './init-entrypoint.js';
import { execForm } from './exec-form.js';

export const builtinTransforms: readonly Transform[] = [
  copyDepsFirst,
  mergeRuns,
  aptCleanup,
  cacheCleanup,
  // JSON-form commands first: multi-stage and init-entrypoint read what the container runs from them.
  execForm,
  multiStage,
  multiArch,
  // Last: an init belongs in the final stage, which multi-stage may have just created.
  initEntrypoint,
];

