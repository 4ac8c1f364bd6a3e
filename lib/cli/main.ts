/**
 * The command line, in the manner of prettier and eslint --fix: a dry run
 * shows diffs, --write rewrites, --check fails when something would change.
 *
 * Exit codes: 0 done (dry run or write), 1 --check found files to change,
 * 2 bad usage or a file that could not be processed.
 */
import yargs from 'yargs';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readOwnPackage } from './package.js';
import { loadShellParser } from '../core/shell.js';
import { discoverFiles } from './files.js';
import { processText, formatError, type FileResult } from './process.js';
import { processInBulk, startWorkers, THREAD_THRESHOLD, type BulkJob, type WorkerPool } from './bulk.js';
import { summarize, summaryLine, reportRow, markdownReport, Progress, wantsProgress, type ReportRow } from './report.js';
import { unifiedDiff, wantsColor } from './diff.js';
import { PluginError, UsageError } from '../registry.js';
import { Planner } from './plan.js';
import { ConfigError } from './config.js';
import type { Finding } from './output-formats.js';
import { decodeDockerfile } from '../core/validate.js';
import type { Level, Transform } from '../core/types.js';
import { failsCheck, reviewBlock, reviewChecks, reviewPart } from './review.js';
import type { Verifier, VerifySettings } from './verify.js';
import type { ShellParser } from '../core/shell.js';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'checkstyle'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Modules only some flags need, loaded when one does: a plain run starts without them. */
interface FlagModules {
  formats: typeof import('./output-formats.js') | null;
  write: typeof import('./write.js') | null;
  explain: typeof import('./explain.js') | null;
  prettier: typeof import('./format.js') | null;
}

async function flagModules(args: Args): Promise<FlagModules> {
  const [formats, write, explain, prettier] = await Promise.all([
    args.format !== 'stylish' && args.format !== 'json' ? import('./output-formats.js') : null,
    args.write ? import('./write.js') : null,
    args.explain ? import('./explain.js') : null,
    args.prettier ? import('./format.js') : null,
  ]);
  return { formats, write, explain, prettier };
}

export interface CliIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface Args {
  paths: string[];
  write: boolean;
  check: boolean;
  stdin: boolean;
  stdinFilepath?: string;
  json: boolean;
  format: OutputFormat;
  outputFile?: string;
  transforms?: string[];
  skip?: string[];
  listTransforms: boolean;
  context?: string;
  quiet: boolean;
  explain: boolean;
  prettier: boolean;
  config?: string | false;
  plugin?: string[];
  verify: boolean;
  verifySmoke?: string;
  verifyNetwork?: string;
  verifyBuildFlags?: string;
  verifyClient?: string;
  verifyHost?: string;
  verifyWait?: number;
  level?: Level;
  failOn: Level;
  report?: string;
  printConfig?: string;
  ignore: boolean;
  ignorePath?: string[];
  errorOnUnmatchedPattern: boolean;
  reportUnusedDisableDirectives: boolean;
}

const commaList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export function packageVersion(): string {
  return readOwnPackage(import.meta.url).version;
}

function parser(argv: string[], io: CliIO) {
  return yargs(argv)
    .scriptName('dfmod')
    .usage('Usage: dfmod [options] [paths...]\n\nRewrite Dockerfiles to best practice without changing what they build.\nPaths are files, folders (searched for Dockerfiles) or quoted globs; default: the current folder.\nWithout --write, shows a diff and changes nothing.')
    .command('$0 [paths..]', false)
    .positional('paths', { type: 'string', array: true, default: [] as string[] })
    .option('write', { alias: 'w', type: 'boolean', default: false, describe: 'Rewrite files in place (atomically)' })
    .option('check', { alias: 'c', type: 'boolean', default: false, describe: 'Exit 1 and list the files that would change' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Read one Dockerfile from standard input and print the result' })
    .option('stdin-filepath', { type: 'string', describe: 'Name the --stdin file (its folder is the build context)' })
    .option('format', { alias: 'f', type: 'string', choices: OUTPUT_FORMATS, default: 'stylish', requiresArg: true, describe: 'Output format: stylish (diffs), json, sarif, github (workflow annotations), gitlab (Code Quality), checkstyle' })
    .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
    .option('output-file', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the report (or diffs) to this file instead of standard output' })
    // One value per flag (comma lists inside it; repeats accumulate): an array option would take the paths after it as values.
    .option('transforms', { alias: 't', type: 'string', requiresArg: true, nargs: 1, coerce: commaList, describe: 'Only these transforms (comma-separated ids, repeatable)' })
    .option('skip', { type: 'string', requiresArg: true, nargs: 1, coerce: commaList, describe: 'Leave out these transforms (comma-separated ids, repeatable)' })
    .option('list-transforms', { type: 'boolean', default: false, describe: 'List transform ids, levels and descriptions' })
    .option('context', { type: 'string', describe: 'Build context folder (default: each Dockerfile\'s folder)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print no notes, only diffs and errors' })
    .option('explain', { type: 'boolean', default: false, describe: 'Precede each change in the diff by its reason and the practice it follows' })
    .option('prettier', { type: 'boolean', default: false, describe: 'Also format the result with Prettier (prettier-plugin-sh), with the project\'s .prettierrc / .editorconfig' })
    .option('ignore', { type: 'boolean', default: true, describe: 'Honour .gitignore, .dfmodignore and configured `ignore` globs, for named files too (--no-ignore: process every file given or found)' })
    .option('ignore-path', { type: 'string', requiresArg: true, nargs: 1, coerce: (value: unknown) => (Array.isArray(value) ? value : [value]).map(String), describe: 'Read ignore rules from this file instead of .gitignore and .dfmodignore (repeatable)' })
    .option('error-on-unmatched-pattern', { type: 'boolean', default: true, describe: 'Exit 2 when a folder or glob yields no Dockerfile (--no-error-on-unmatched-pattern: only warn)' })
    .option('config', { type: 'string', describe: 'Use this configuration file instead of searching (--no-config: none)' })
    .option('print-config', { type: 'string', requiresArg: true, describe: 'Print the configuration that applies to this Dockerfile (resolved transforms, options, plugins) and exit' })
    .option('plugin', { type: 'string', requiresArg: true, nargs: 1, coerce: (value: unknown) => (Array.isArray(value) ? value : [value]).map(String), describe: 'Load custom transforms from this module (repeatable)' })
    .option('report-unused-disable-directives', { type: 'boolean', default: false, describe: 'Warn of # dfmod-ignore comments that keep no change or note off their instruction' })
    .option('report', { type: 'string', describe: 'Also write a Markdown report (file, transforms, layers, notes) for a pull-request description' })
    .option('level', { type: 'string', choices: ['safe', 'review'], requiresArg: true, describe: 'Which changes to write: safe (default) or review (also review suggestions: a new base image, stage or entrypoint)' })
    .option('fail-on', { type: 'string', choices: ['safe', 'review'], default: 'safe', requiresArg: true, describe: '--check fails on changes its level writes (safe), or on review suggestions too (review)' })
    .option('verify', { type: 'boolean', default: false, describe: 'Build and run each changed file as written and as rewritten with a Docker engine; keep the safe rewrite and each review change only when it builds and runs as before' })
    .option('verify-smoke', { type: 'string', requiresArg: true, describe: 'With --verify: a shell command run on this machine per image, DFMOD_VERIFY_IMAGE naming it; passes when it exits 0 (instead of the default run checks)' })
    .option('verify-network', { type: 'string', requiresArg: true, describe: 'With --verify: the network of builds and containers (e.g. host)' })
    .option('verify-build-flags', { type: 'string', requiresArg: true, describe: "With --verify: more flags for every docker build, white-space separated (e.g. '--build-arg V=1')" })
    .option('verify-client', { type: 'string', requiresArg: true, describe: 'With --verify: the docker client to run (default: docker from PATH, or DFMOD_DOCKER)' })
    .option('verify-host', { type: 'string', requiresArg: true, describe: 'With --verify: the Docker engine address (default: DOCKER_HOST)' })
    .option('verify-wait', { type: 'number', requiresArg: true, describe: 'With --verify: seconds a container must stay up to count as staying up (default 5)' })
    .version(packageVersion())
    .help()
    .alias('help', 'h')
    .strict()
    .wrap(Math.min(100, io.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw new UsageError(message || error?.message || 'bad usage');
    });
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  let args: Args;
  let handledByYargs = false;
  try {
    const y = parser(argv, io);
    let output = '';
    const parsed = await y.parseAsync(argv, {}, (_error, _argv, text) => {
      output = text;
    });
    if (output) {
      // --help or --version
      io.stdout.write(output + '\n');
      handledByYargs = true;
    }
    args = parsed as unknown as Args;
    // Words after `--` are paths too, even one that starts with a dash.
    args.paths = [...args.paths, ...((parsed as { _?: unknown[] })._ ?? []).map(String)];
  } catch (error) {
    io.stderr.write(`dfmod: ${(error as Error).message}\nRun 'dfmod --help' for usage.\n`);
    return 2;
  }
  if (handledByYargs) return 0;
  if (args.json) args.format = 'json';
  if (args.outputFile) {
    // The report goes to the file; diagnostics stay on stderr.
    const chunks: string[] = [];
    const file = path.resolve(io.cwd, args.outputFile);
    const stdout = { write: (s: string) => (chunks.push(s), true), isTTY: false, columns: io.stdout.columns } as unknown as NodeJS.WriteStream;
    const code = await run(args, { ...io, stdout });
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, chunks.join(''));
    } catch (error) {
      io.stderr.write(`dfmod: --output-file ${args.outputFile}: ${(error as Error).message}\n`);
      return 2;
    }
    return code;
  }
  return run(args, io);
}

async function run(args: Args, io: CliIO): Promise<number> {
  // Every format but stylish is for a program: stdout holds the report alone.
  const machine = args.format !== 'stylish';
  const flags = await flagModules(args);

  let planner: Planner;
  let available: Transform[];
  try {
    if (args.write && args.check) throw new UsageError('--write and --check cannot be used together');
    if (args.stdin && args.paths.length) throw new UsageError('--stdin takes no paths');
    if (args.stdinFilepath && !args.stdin) throw new UsageError('--stdin-filepath needs --stdin');
    if (args.verify && args.stdin) throw new UsageError('--verify builds files in their folders; it does not take --stdin');
    planner = new Planner({
      cwd: io.cwd,
      transforms: args.transforms,
      skip: args.skip,
      plugins: args.plugin,
      configFile: typeof args.config === 'string' ? args.config : undefined,
      useConfig: args.config !== false,
    });
    available = await planner.commandLineTransforms();
    await planner.preload();
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(error.message + '\n');
      return 2;
    }
    io.stderr.write(`dfmod: ${(error as Error).message}\nRun 'dfmod --help' for usage.\n`);
    return 2;
  }

  if (args.listTransforms) {
    const width = Math.max(...available.map((t) => t.id.length));
    for (const t of available) {
      const flag = (t.enabledByDefault === false ? ' (opt-in)' : '') + (t.effects ? '' : ' (not guarded: declares no effects)');
      io.stdout.write(`${t.id.padEnd(width)}  ${t.level.padEnd(6)}  ${t.description}${flag}\n`);
    }
    return 0;
  }

  const contextDir = args.context ? path.resolve(io.cwd, args.context) : null;

  if (args.printConfig) {
    try {
      const plan = await planner.plan(args.printConfig, args.ignore);
      const resolved = { file: args.printConfig, config: plan.config, ignored: plan.ignored, transforms: plan.transforms.map((t) => t.id), options: plan.options, plugins: plan.pluginModules };
      io.stdout.write(JSON.stringify(resolved, null, 2) + '\n');
      return 0;
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 2;
    }
  }

  if (args.stdin) {
    const shell = await loadShellParser();
    const displayPath = args.stdinFilepath ?? '<stdin>';
    let text: string;
    try {
      text = decodeDockerfile(await readAll(io.stdin));
    } catch (error) {
      io.stderr.write(`${displayPath}: ${(error as Error).message}\n`);
      return 2;
    }
    const fileDir = args.stdinFilepath ? path.dirname(path.resolve(io.cwd, args.stdinFilepath)) : null;
    let result: FileResult;
    try {
      const plan = await planner.plan(args.stdinFilepath ?? path.join(io.cwd, 'Dockerfile'), false);
      result = processText(shell, displayPath, text, { transforms: plan.transforms, options: plan.options, known: plan.known, level: args.level ?? plan.level ?? 'safe', everyFile: !args.ignore, reportUnused: args.reportUnusedDisableDirectives }, contextDir ?? fileDir, args.stdinFilepath ? path.resolve(io.cwd, args.stdinFilepath) : null);
      for (const warning of result.warnings ?? []) io.stderr.write(warning + '\n');
      if (flags.prettier && result.status !== 'error') await formatResult(flags.prettier, result, io.cwd);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr.write(`dfmod: ${error.message}\nRun 'dfmod --help' for usage.\n`);
        return 2;
      }
      result = { path: displayPath, status: 'error', error: { line: null, message: (error as Error).message }, changes: [], notes: [] };
    }
    if (result.status === 'error') {
      io.stderr.write(formatError(result) + '\n');
      if (!machine) io.stdout.write(text);
      return 2;
    }
    if (args.format === 'json') io.stdout.write(JSON.stringify(jsonReport([result], [], available), null, 2) + '\n');
    else if (flags.formats) io.stdout.write(flags.formats.findingsReport(args.format as FindingsFormat, flags.formats.findingsOf(result, !args.quiet, available), available, packageVersion()));
    else io.stdout.write(result.output!);
    if (!args.quiet && !machine) printNotes(io, result);
    if (!args.quiet && !machine && result.suggestions?.length) {
      io.stderr.write(`${displayPath}: review suggestions not written: ${[...new Set(result.suggestions.map((c) => c.transform))].join(', ')} (--level review writes them)\n`);
    }
    return args.check && failsCheck(result, args.failOn) ? 1 : 0;
  }

  // What the run prints while files are processed goes beside the progress bar (see Progress.wrap).
  const beside = { stdout: io.stdout, stderr: io.stderr };
  // Docker is loaded only for --verify.
  const verifySettings: VerifySettings = {
    client: args.verifyClient, host: args.verifyHost, network: args.verifyNetwork, buildFlags: args.verifyBuildFlags, smoke: args.verifySmoke, wait: args.verifyWait,
  };
  const verifier = args.verify ? await (await import('./verify.js')).openVerifier(io.env, (line) => beside.stderr.write(line + '\n'), verifySettings) : null;
  if (typeof verifier === 'string') {
    io.stderr.write(`dfmod: ${verifier}\n`);
    return 2;
  }

  // Workers start as soon as there are enough files to want them, so their start-up overlaps the rest of discovery and planning.
  const early: { pool: WorkerPool | null } = { pool: null };
  let discovery: Awaited<ReturnType<typeof discoverFiles>>;
  try {
    discovery = await discoverFiles(args.paths, {
      cwd: io.cwd,
      alsoFind: planner.filesToFind,
      ignoreFiles: args.ignore,
      ignorePaths: args.ignorePath,
      onFound: (count) => {
        if (count >= THREAD_THRESHOLD && !early.pool) early.pool = startWorkers({ cwd: io.cwd });
      },
    });
  } catch (error) {
    // Live workers would keep the process from exiting.
    await early.pool?.close();
    throw error;
  }
  planner.noteWalks(discovery.walks);
  for (const problem of [...discovery.warnings, ...discovery.errors]) io.stderr.write(`${problem.path}: ${problem.message}\n`);
  const color = wantsColor(io.stdout, io.env);
  const jobs: BulkJob[] = [];
  const leftOut = new Set<string>();
  // A configuration problem, or a -t/--skip id a file's transforms lack, is reported once, not once per Dockerfile; those files are left out.
  const configProblems = new Set<string>();
  for (const file of discovery.files) {
    try {
      const plan = await planner.plan(file, args.ignore);
      if (plan.ignored) {
        leftOut.add(file);
        continue;
      }
      // --verify decides review changes itself: the files are read at level safe, with the review suggestions beside.
      const level = args.verify ? 'safe' : args.level ?? plan.level ?? 'safe';
      jobs.push({ file, transforms: plan.transforms, options: plan.options, level, everyFile: !args.ignore, pluginModules: plan.pluginModules, contextDir, known: plan.known, reportUnused: args.reportUnusedDisableDirectives });
    } catch (error) {
      if (!(error instanceof ConfigError || error instanceof PluginError || error instanceof UsageError)) {
        jobs.push({ file, transforms: [], failure: (error as Error).message });
        continue;
      }
      leftOut.add(file);
      const problems = error instanceof ConfigError ? error.problems
        : error instanceof UsageError ? [`dfmod: ${error.message}\nRun 'dfmod --help' for usage.`]
        : [error.message];
      for (const problem of problems) {
        if (configProblems.has(problem)) continue;
        configProblems.add(problem);
        io.stderr.write(problem + '\n');
      }
    }
  }
  // A folder or glob that yields nothing is most often a typo in a CI script.
  const unmatched = configProblems.size ? [] : discovery.inputs.filter((i) => i.files.every((f) => leftOut.has(f))).map((i) => i.input);
  for (const input of unmatched) io.stderr.write(`${input}: no Dockerfile found\n`);
  // Files are processed on worker threads and arrive in order; each is
  // written and reported as it comes, then only its summary is kept.
  const results: FileResult[] = [];
  const findings: Finding[] = [];
  const rows: ReportRow[] = [];
  const progress = new Progress(io.stderr, jobs.length, wantsProgress(io.stderr, args.quiet, io.env));
  beside.stdout = progress.wrap(io.stdout);
  beside.stderr = progress.wrap(io.stderr);
  const loopIO = { ...io, ...beside };
  const verifyShell = verifier ? await loadShellParser() : null;
  let index = 0;
  for await (const result of processInBulk(jobs, { cwd: io.cwd, keepBytes: args.write, pool: early.pool })) {
    const job = jobs[index++]!;
    if (verifier && (result.status === 'changed' || result.suggestions?.length)) {
      const absolutePath = path.resolve(io.cwd, result.path);
      await verifyResult(verifier, verifyShell!, job, result, { absolutePath, contextDir: contextDir ?? path.dirname(absolutePath) }, (line) => loopIO.stderr.write(line + '\n'));
    }
    if (flags.prettier && result.status !== 'error') await formatResult(flags.prettier, result, io.cwd);
    if (result.status === 'changed' && flags.write) {
      try {
        flags.write.writeAtomically(path.resolve(io.cwd, result.path), result.output!, result.bytes!);
      } catch (error) {
        result.status = 'error';
        result.error = { line: null, message: error instanceof flags.write.WriteError ? error.message : String(error) };
      }
    }
    for (const warning of result.warnings ?? []) loopIO.stderr.write(warning + '\n');
    results.push(result);
    report(loopIO, args, result, color, available, flags);
    if (flags.formats) findings.push(...flags.formats.findingsOf(result, !args.quiet, available));
    if (args.report) rows.push(reportRow(result, available));
    if (args.format === 'json' && result.status === 'changed') result.diff = unifiedDiff(result.path, result.input!, result.output!);
    if (args.format === 'json' && result.suggestions?.length && result.levels && result.levels.review !== result.output) {
      result.reviewDiff = unifiedDiff(result.path, result.output!, result.levels.review);
    }
    if (args.format === 'json') result.checks = Object.fromEntries(reviewChecks([...result.changes, ...(result.suggestions ?? [])], available));
    // Texts are not needed once reported: a bulk run keeps only the summary.
    delete result.input;
    delete result.output;
    delete result.levels;
    delete result.bytes;
    progress.tick(result);
  }
  progress.clear();
  if (verifier) io.stderr.write(verifier.table());
  const missing = [...discovery.errors, ...(args.errorOnUnmatchedPattern ? unmatched.map((input) => ({ path: input, message: 'no Dockerfile found' })) : [])];
  const totals = summarize(results, missing.length + configProblems.size);
  if (args.format === 'json') io.stdout.write(JSON.stringify(jsonReport(results, missing), null, 2) + '\n');
  else if (flags.formats) io.stdout.write(flags.formats.findingsReport(args.format as FindingsFormat, findings, available, packageVersion()));
  io.stderr.write(summaryLine(totals, args) + '\n');
  if (args.report) {
    try {
      writeFileSync(path.resolve(io.cwd, args.report), markdownReport(rows, totals, args));
    } catch (error) {
      io.stderr.write(`dfmod: --report ${args.report}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  if (totals.errors > 0) return 2;
  if (args.check && results.some((r) => failsCheck(r, args.failOn))) return 1;
  return 0;
}

/**
 * --verify on one file: the safe rewrite first, then each review transform's
 * changes on top of what was kept, one transform at a time, each computed by
 * the engine from the file as read with the safe transforms and the review
 * transforms kept so far. What passed is the file's new output; a review
 * change that failed stays a suggestion, with its reason.
 */
async function verifyResult(verifier: Verifier, shell: ShellParser, job: BulkJob, result: FileResult, where: { absolutePath: string; contextDir: string }, log: (line: string) => void): Promise<void> {
  const input = result.input!;
  const safe = result.levels!.safe;
  const suggested = new Set((result.suggestions ?? []).map((c) => c.transform));
  const review = job.transforms.filter((t) => t.level !== 'safe' && suggested.has(t.id)).map((t) => t.id);
  const rewrite = (reviewIds: readonly string[]) => processText(shell, result.path, input, {
    transforms: job.transforms.filter((t) => t.level === 'safe' || reviewIds.includes(t.id)),
    options: job.options,
    level: 'review',
  }, where.contextDir);
  const steps = [...(safe !== input ? ['rewrite'] : []), ...review.map((id) => `+${id}`)];
  const keptReview = (kept: readonly string[]) => kept.filter((v) => v !== 'rewrite').map((v) => v.slice(1));
  let last = safe;
  let step = 0;
  const verdicts = await verifier.verify({ path: result.path, ...where }, (kept) => {
    if (kept.length) last = kept.at(-1) === 'rewrite' ? safe : rewrite(keptReview(kept)).output!;
    while (step < steps.length) {
      const variant = steps[step++]!;
      if (variant === 'rewrite') return { variant, text: safe };
      const text = rewrite([...keptReview(kept), variant.slice(1)]).output!;
      if (text !== last) return { variant, text };
    }
    return null;
  });
  const safeVerdict = verdicts.find((v) => v.variant === 'rewrite');
  if (safeVerdict && !safeVerdict.keep) {
    Object.assign(result, { status: 'error', error: { line: null, message: safeVerdict.reason } });
    return;
  }
  const written = verdicts.filter((v) => v.keep && v.variant !== 'rewrite').map((v) => v.variant.slice(1));
  const keptOut = verdicts.filter((v) => !v.keep).map((v) => ({ transform: v.variant.slice(1), reason: v.reason }));
  if (written.length) {
    const final = rewrite(written);
    result.output = final.output;
    result.changes = final.changes;
  }
  result.suggestions = (result.suggestions ?? []).filter((c) => !written.includes(c.transform) && review.includes(c.transform));
  if (!result.suggestions.length) delete result.suggestions;
  result.levels = { safe, review: result.output! };
  result.status = result.output !== input ? 'changed' : 'unchanged';
  result.verify = { written, keptOut, builds: verdicts.map((v) => ({ variant: v.variant, built: v.built, checks: v.checks, kept: v.keep, reason: v.reason })) };
  for (const out of keptOut) log(`${result.path}: review change of ${out.transform} not written: ${out.reason}`);
}

type FindingsFormat = Exclude<OutputFormat, 'stylish' | 'json'>;

/** --prettier: Prettier over the result; a file it cannot format keeps dfmod's output, with a note. */
async function formatResult(prettier: typeof import('./format.js'), result: FileResult, cwd: string): Promise<void> {
  try {
    const formatted = await prettier.formatDockerfile(result.output!, path.resolve(cwd, result.path));
    if (formatted !== result.output) {
      result.output = formatted;
      result.changes.push({ transform: 'format', line: 1, message: 'formatted with Prettier', level: 'safe' });
    }
  } catch (error) {
    result.notes.push({ transform: 'format', line: 1, message: `not formatted: ${(error as Error).message.split('\n')[0]}` });
  }
  result.status = result.output !== result.input ? 'changed' : 'unchanged';
}

function report(io: CliIO, args: Args, result: FileResult, color: boolean, available: readonly Transform[], flags: FlagModules): void {
  if (result.status === 'error') {
    io.stderr.write(formatError(result) + '\n');
    return;
  }
  if (args.format === 'stylish' && args.check) {
    if (failsCheck(result, args.failOn)) io.stdout.write(result.status === 'changed' ? `${result.path}\n` : `${result.path} (review suggestions)\n`);
  } else if (args.format === 'stylish' && args.write) {
    if (result.status === 'changed') io.stdout.write(`${result.path} (${[...new Set(result.changes.map((c) => c.transform))].join(', ')})\n`);
  } else if (args.format === 'stylish') {
    // The safe part, then the review part on top of it, each its own diff.
    const { written } = reviewPart(result);
    const safeText = written && result.levels ? result.levels.safe : result.output!;
    const safeChanges = written ? result.changes.filter((c) => c.level === 'safe') : result.changes;
    if (safeText !== result.input) {
      if (flags.explain) io.stdout.write(flags.explain.explainedDiff(result.path, result.input!, safeText, safeChanges, available));
      else io.stdout.write(unifiedDiff(result.path, result.input!, safeText, { color }));
    }
    io.stdout.write(reviewBlock(result.path, result, available, { color, explain: Boolean(flags.explain), verified: Boolean(result.verify) }));
  }
  if (!args.quiet && args.format === 'stylish') printNotes(io, result);
}

function printNotes(io: CliIO, result: FileResult): void {
  for (const note of result.notes) io.stderr.write(`${result.path}:${note.line}: ${note.message} [${note.transform}]\n`);
}

function jsonReport(results: FileResult[], missing: { path: string; message: string }[], available: readonly Transform[] = []) {
  for (const r of results) if (!r.checks && r.input !== undefined) r.checks = Object.fromEntries(reviewChecks([...r.changes, ...(r.suggestions ?? [])], available));
  return {
    files: results.map((r) => ({
      path: r.path,
      status: r.status,
      ...(r.error ? { error: r.error } : {}),
      changes: r.changes,
      ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}),
      ...(r.checks && Object.keys(r.checks).length ? { checks: r.checks } : {}),
      notes: r.notes,
      ...(r.layers ? { layers: r.layers } : {}),
      ...(r.diff ? { diff: r.diff } : r.input !== undefined && r.status === 'changed' ? { diff: unifiedDiff(r.path, r.input, r.output!) } : {}),
      ...(r.reviewDiff ? { reviewDiff: r.reviewDiff } : r.levels && r.suggestions?.length && r.levels.review !== r.output ? { reviewDiff: unifiedDiff(r.path, r.output!, r.levels.review) } : {}),
      ...(r.verify ? { verify: r.verify } : {}),
    })),
    errors: missing,
    summary: summarize(results, missing.length),
  };
}

async function readAll(stream: NodeJS.ReadStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
