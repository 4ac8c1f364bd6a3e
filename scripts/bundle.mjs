/**
 * The CLI and its worker as two self-contained ESM files in dist/cli/.
 *
 * Loading dfmod's modules one by one (about 200 files through yargs, diff,
 * dockerfile-ast and their dependencies) was most of a one-file run: each is
 * resolved, read and compiled on its own. One file per entry point loads in a
 * fraction of that. Packages that find their own files at run time
 * (web-tree-sitter and the bash grammar's WebAssembly) or that load only for
 * a flag (prettier for --prettier) stay outside. The library API (dist/lib/)
 * is not bundled: importers get ordinary modules.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/lib/cli/main.js', 'bulk-worker': 'dist/lib/cli/bulk-worker.js' },
  outdir: 'dist/cli',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['web-tree-sitter', 'tree-sitter-bash', 'prettier', 'prettier-plugin-sh'],
  // CommonJS dependencies inside an ES module still call require() for Node's own modules.
  banner: { js: "import { createRequire as dfmodCreateRequire } from 'node:module';\nconst require = dfmodCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
