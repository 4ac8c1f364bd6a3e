/**
 * Where a TypeScript compile (`tsc`, `tsc -p tsconfig.build.json`) writes,
 * as the build context's tsconfig says: its `outDir`, when that is the one
 * folder it writes to. Unknown (with the reason) whenever the compiler may
 * write elsewhere or read options from another file: an `extends`, no
 * `outDir` (output beside the sources), `outFile`, a `declarationDir` or
 * build-info file outside `outDir` (incremental and composite builds place
 * theirs by `rootDir`), project references, command-line options besides
 * `-p`/`--project`, or a tsconfig that is not in the context.
 *
 * The TypeScript handbook's "tsconfig.json" and compiler-options pages: tsc
 * without `-p` reads tsconfig.json from the working folder (searching the
 * folders above it when there is none); `-p` names a file, or a folder
 * holding tsconfig.json; `outDir` is relative to the file that sets it.
 * tsconfig files may hold comments and trailing commas.
 */
import path from 'node:path';
import type { BuildContext } from '../core/context.js';

export type TscOutput = { outDir: string; config: string } | { unknown: string };

/** Compiler options that make tsc write outside outDir, or read its options from elsewhere. */
const ELSEWHERE: Record<string, string> = {
  extends: 'its options extend another file',
  references: 'it names project references',
  outFile: 'it writes one outFile',
  out: 'it writes one out file',
  incremental: 'an incremental build writes its build-info file by rootDir',
  composite: 'a composite build writes its build-info file by rootDir',
  tsBuildInfoFile: 'it names a tsBuildInfoFile',
  noEmit: 'it emits nothing (noEmit)',
};

/**
 * What `tsc <args>` run in the folder the context root is copied to writes:
 * `outDir` and `config` are context-relative POSIX paths.
 */
export function tscOutput(args: readonly (string | null)[], context: BuildContext): TscOutput {
  let project: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === null) return { unknown: 'its arguments are computed by the shell' };
    if ((arg === '-p' || arg === '--project') && project === null && typeof args[i + 1] === 'string') project = args[++i]!;
    else return { unknown: `\`tsc ${args.join(' ')}\` sets options on the command line` };
  }
  const named = path.posix.normalize(project ?? '.');
  const config = context.list(named).length || named === '.' ? path.posix.join(named, 'tsconfig.json') : named;
  if (config.startsWith('../') || path.posix.isAbsolute(config)) return { unknown: `${config} is outside the copied folder` };
  const text = context.isIgnored(config) ? null : context.read(config);
  if (text === null) return { unknown: `${config} is not in the build context` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(plainJson(text));
  } catch {
    return { unknown: `${config} is not read (not JSON)` };
  }
  if (!isObject(parsed)) return { unknown: `${config} is not a JSON object` };
  const options = isObject(parsed.compilerOptions) ? parsed.compilerOptions : {};
  for (const [key, reason] of Object.entries(ELSEWHERE)) {
    const value = key in parsed ? parsed[key] : options[key];
    if (value !== undefined && value !== false) return { unknown: `${config}: ${reason}` };
  }
  const outDir = options.outDir;
  if (typeof outDir !== 'string' || !outDir) return { unknown: `${config} sets no outDir, so tsc writes beside the sources` };
  if (path.posix.isAbsolute(outDir)) return { unknown: `${config}: outDir ${outDir} is absolute` };
  const dir = path.posix.join(path.posix.dirname(config), outDir).replace(/\/+$/, '');
  if (dir === '.' || dir === '..' || dir.startsWith('../') || dir.split('/').includes('node_modules')) return { unknown: `${config}: outDir ${outDir} is not a folder of its own in the copied folder` };
  const declarationDir = options.declarationDir;
  if (declarationDir !== undefined) {
    const declarations = typeof declarationDir === 'string' ? path.posix.join(path.posix.dirname(config), declarationDir) : null;
    if (declarations === null || !(`${declarations}/`).startsWith(`${dir}/`)) return { unknown: `${config}: declarationDir is outside outDir` };
  }
  return { outDir: dir, config };
}

/** The source extensions tsc compiles to each output extension. */
const SOURCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The TypeScript source a file under the outDir of the project in `project`
 * (a context folder) is compiled from: `dist/server.js` from `src/server.ts`
 * when tsconfig sets `rootDir: "src"`. Null when the file is not tsc's
 * output, or tsconfig sets no rootDir (tsc then takes the sources' common
 * folder, which the file list decides).
 */
export function tscSourceOf(built: string, context: BuildContext, project = '.'): string | null {
  const out = tscOutput(project === '.' ? [] : ['-p', project], context);
  if ('unknown' in out || !built.startsWith(`${out.outDir}/`)) return null;
  let rootDir: unknown;
  try {
    const parsed = JSON.parse(plainJson(context.read(out.config) ?? '')) as { compilerOptions?: { rootDir?: unknown } };
    rootDir = parsed.compilerOptions?.rootDir;
  } catch {
    return null;
  }
  if (typeof rootDir !== 'string' || path.posix.isAbsolute(rootDir)) return null;
  const ext = path.posix.extname(built);
  const stem = path.posix.join(path.posix.dirname(out.config), rootDir, built.slice(out.outDir.length + 1, built.length - ext.length));
  for (const source of (SOURCE_EXTENSIONS[ext] ?? []).map((e) => stem + e)) if (!context.isIgnored(source) && context.exists(source)) return source;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON of a tsconfig without its comments and trailing commas (string contents kept as written). */
export function plainJson(text: string): string {
  let out = '';
  let i = 0;
  // A comma is held back until the next significant character shows whether a value follows it.
  let comma = '';
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += comma + text.slice(i, j + 1);
      comma = '';
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === ',') {
      out += comma;
      comma = ',';
      i++;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      out += c;
      i++;
    } else {
      if (c !== '}' && c !== ']') out += comma;
      comma = '';
      out += c;
      i++;
    }
  }
  return out + comma;
}
