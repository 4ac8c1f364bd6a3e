#!/usr/bin/env node
/**
 * dfmod's executable. `--version` is answered before anything heavy loads, so
 * scripts that probe for dfmod stay fast.
 */
import { existsSync } from 'node:fs';

const argv = process.argv.slice(2);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  const { readOwnPackage } = await import('../lib/cli/package.js');
  process.stdout.write(readOwnPackage(import.meta.url).version + '\n');
} else {
  // A closed pipe (`dfmod | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    // Bundled (bundle/dfmod.js, see scripts/bundle.mjs), the CLI next to it loads
    // several times faster than its ~200 modules; from source (tests) or compiled
    // (dist/bin/dfmod.js, which scripts and ../shared tools name), the modules.
    const bundled = !import.meta.url.endsWith('.ts') && existsSync(new URL('./cli.js', import.meta.url));
    const entry = bundled ? './cli.js' : '../lib/cli/main.js';
    const { main } = (await import(new URL(entry, import.meta.url).href)) as typeof import('../lib/cli/main.js');
    process.exitCode = await main(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      cwd: process.cwd(),
      env: process.env,
    });
  } catch (error) {
    process.stderr.write(`dfmod: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
