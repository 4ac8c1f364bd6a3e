/**
 * The built-in transforms, in the order the engine runs them within a pass.
 * Order matters only for readability of intermediate results: the engine
 * repeats passes until nothing changes.
 */
import type { Transform } from '../lib/types.js';
import { copyDepsFirst } from './copy-deps-first.js';
import { mergeRuns } from './merge-runs.js';
import { aptCleanup } from './apt-cleanup.js';
import { cacheCleanup } from './cache-cleanup.js';
import { multiStage } from './multi-stage.js';
import { multiArch } from './multi-arch.js';
import { initEntrypoint } from './init-entrypoint.js';
import { execForm } from './exec-form.js';

export const builtinTransforms: readonly Transform[] = [
  copyDepsFirst,
  mergeRuns,
  aptCleanup,
  cacheCleanup,
  multiStage,
  multiArch,
  initEntrypoint,
  execForm,
];

