/**
 * The executable, the CLI and its worker as self-contained ESM files in
 * bundle/, built by esbuild straight from the TypeScript sources.
 *
 * bundle/ is committed: pre-commit and the GitHub Action install dfmod from a
 * git checkout, where nothing is built (pre-commit reads the tarball's name
 * from what `npm pack` prints, which a `prepare` script's banner spoils, and
 * the action has no dev dependencies). `node scripts/bundle.mjs --check`
 * (and tests/bundle.test.ts) fails when the committed files are not what the
 * sources build: run `npm run bundle` and commit bundle/.
 *
 * Loading dfmod's modules one by one (about 200 files through yargs, diff,
 * dockerfile-ast and their dependencies) was most of a one-file run: one file
 * per entry point loads in a fraction of that. Packages that find their own
 * files at run time (web-tree-sitter and the bash grammar's WebAssembly) or
 * that load only for a flag (prettier for --prettier) stay outside, installed
 * as dependencies. The library API (dist/lib/, `npm run build`) is not
 * bundled: importers get ordinary modules.
 */
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUNDLE_DIR = 'bundle';

const OPTIONS = {
  absWorkingDir: root,
  entryPoints: { dfmod: 'bin/dfmod.ts', cli: 'lib/cli/main.ts', 'bulk-worker': 'lib/cli/bulk-worker.ts' },
  outdir: BUNDLE_DIR,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['web-tree-sitter', 'tree-sitter-bash', 'prettier', 'prettier-plugin-sh'],
  // CommonJS dependencies inside an ES module still call require() for Node's own modules.
  banner: { js: "import { createRequire as dfmodCreateRequire } from 'node:module';\nconst require = dfmodCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

/** The bundle's files (path relative to the repository → text) as the sources build them now. */
export async function bundleFiles() {
  const result = await build({ ...OPTIONS, write: false });
  return Object.fromEntries(result.outputFiles.map((file) => [path.relative(root, file.path), file.text]));
}

/** The bundle's files that differ from a fresh build, or are missing. */
export async function staleBundleFiles() {
  const stale = [];
  for (const [file, text] of Object.entries(await bundleFiles())) {
    const onDisk = path.join(root, file);
    if (!existsSync(onDisk) || readFileSync(onDisk, 'utf8') !== text) stale.push(file);
  }
  return stale;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = await staleBundleFiles();
    if (stale.length) {
      console.error(`bundle: not what the sources build: ${stale.join(', ')}; run \`npm run bundle\` and commit ${BUNDLE_DIR}/`);
      process.exitCode = 1;
    }
  } else {
    await build(OPTIONS);
  }
}
