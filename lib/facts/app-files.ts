/**
 * What an app reads and runs, as its source in the build context shows it,
 * and what a stage's RUNs make outside the files they were given: the
 * questions multi-stage asks before it copies only part of a stage.
 *
 * Source files are searched for the standard-library calls that open a file
 * or start a program; a call whose path or program is a string literal names
 * it, any other call is reported with `path: null` (the app reads something
 * the file does not name). Shell scripts are parsed as shell, not searched.
 */
import path from 'node:path';
import type { BuildContext } from '../core/context.js';
import { literalValue, simpleCommands, walk, type Node } from '../core/shell.js';
import type { RunCommand } from './commands.js';

/** A call in the app's source that reads a file: the path it names (null when not a literal) and where. */
export interface FileRead {
  path: string | null;
  call: string;
  file: string;
}

/** A call in the app's source that runs a program, by its first word. */
export interface ProgramRun {
  program: string;
  file: string;
}

/** Source languages whose file and process calls are read, by file extension. */
export type SourceLanguage = 'go' | 'java' | 'c' | 'js' | 'python';

const EXTENSIONS: Record<SourceLanguage, string[]> = {
  go: ['.go'], java: ['.java'], c: ['.c', '.cc', '.cpp', '.h'], js: ['.js', '.mjs', '.cjs', '.ts'], python: ['.py'],
};

/** Calls that open a file or folder by path, per language: the standard libraries' names. */
const READ_CALLS: Partial<Record<SourceLanguage, RegExp>> = {
  go: /\b(os\.(?:Open|OpenFile|ReadFile|ReadDir|Stat|DirFS)|ioutil\.(?:ReadFile|ReadDir)|http\.Dir|template\.(?:ParseFiles|ParseGlob|Must\(template\.ParseFiles)|http\.ServeFile\([^,]*,[^,]*,)\(?\s*(`[^`]*`|"(?:[^"\\]|\\.)*"|[^)\s,]*)/g,
  // java.nio's Files.* take a Path: the Path.of or Paths.get that made it names the file.
  java: /\b(new\s+File(?:InputStream|Reader)?|Paths\.get|Path\.of)\(\s*("(?:[^"\\]|\\.)*"|[^)\s,]*)/g,
  c: /\b(fopen|open|opendir|ifstream)\s*\(\s*("(?:[^"\\]|\\.)*"|[^)\s,]*)/g,
};

/** Calls that start a program, per language, capturing the string that names it (a command line or argv[0]). */
const RUN_CALLS: Partial<Record<SourceLanguage, RegExp>> = {
  go: /\bexec\.Command(?:Context\([^,]*,)?\(\s*"([^"]*)"/g,
  java: /\b(?:new\s+ProcessBuilder|\.exec)\(\s*(?:List\.of\(|Arrays\.asList\(|new\s+String\[\]\s*\{)?\s*"([^"]*)"/g,
  c: /\b(?:system|popen|execlp|execvp)\s*\(\s*"([^"]*)"/g,
  js: /\b(?:execSync|execFileSync|spawnSync|exec|execFile|spawn)\(\s*["'`]([^"'`]*)["'`]/g,
  python: /\b(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|os\.popen)\(\s*\[?\s*f?["']([^"']*)["']/g,
};

/** Source files of the languages in the context, skipping dependency folders and what .dockerignore leaves out (bounded). */
export function sourceFiles(context: BuildContext, languages: readonly SourceLanguage[], limit = 2000): { file: string; language: SourceLanguage }[] {
  const found: { file: string; language: SourceLanguage }[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 12 || found.length >= limit) return;
    for (const name of context.list(dir)) {
      if (name === '.git' || name === 'node_modules' || name === 'vendor') continue;
      const rel = dir === '.' ? name : `${dir}/${name}`;
      if (context.isIgnored(rel)) continue;
      const language = languages.find((l) => EXTENSIONS[l].some((ext) => name.endsWith(ext)));
      if (language && context.read(rel) !== null) found.push({ file: rel, language });
      else if (context.list(rel).length) visit(rel, depth + 1);
    }
  };
  visit('.', 0);
  return found;
}

/** The files the app's source opens by path (Go, Java and C standard libraries). */
export function fileReads(context: BuildContext, languages: readonly SourceLanguage[]): FileRead[] {
  const reads: FileRead[] = [];
  for (const { file, language } of sourceFiles(context, languages)) {
    const pattern = READ_CALLS[language];
    if (!pattern) continue;
    for (const match of (context.read(file) ?? '').matchAll(pattern)) {
      // `Files.readString(Path.of("x"))`: the inner call names the path, and is a match of its own.
      if (/^(Path\.of|Paths\.get|new)\b/.test(match[2])) continue;
      const call = match[1].replace(/\($/, '').replace(/^new\s+/, 'new ');
      reads.push({ path: stringLiteral(match[2]), call, file });
    }
  }
  return reads;
}

/** The programs the app's source starts by a literal name, and the programs its shell scripts run. */
export function programRuns(context: BuildContext, languages: readonly SourceLanguage[], parse: (text: string) => Node): ProgramRun[] {
  const runs: ProgramRun[] = [];
  for (const { file, language } of sourceFiles(context, languages)) {
    const pattern = RUN_CALLS[language];
    if (!pattern) continue;
    for (const match of (context.read(file) ?? '').matchAll(pattern)) {
      const program = match[1].trim().split(/\s+/)[0];
      if (program) runs.push({ program: path.posix.basename(program), file });
    }
  }
  for (const { file } of shellScripts(context)) {
    for (const command of simpleCommands(parse(context.read(file) ?? ''))) {
      if (command.name) runs.push({ program: path.posix.basename(command.name), file });
    }
  }
  return runs;
}

function shellScripts(context: BuildContext): { file: string }[] {
  const found: { file: string }[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 6 || found.length >= 200) return;
    for (const name of context.list(dir)) {
      if (name === '.git' || name === 'node_modules') continue;
      const rel = dir === '.' ? name : `${dir}/${name}`;
      if (name.endsWith('.sh') && context.read(rel) !== null) found.push({ file: rel });
      else if (context.list(rel).length) visit(rel, depth + 1);
    }
  };
  visit('.', 0);
  return found;
}

/** A quoted literal's text (Go raw strings too), or null for anything computed. */
function stringLiteral(text: string): string | null {
  if (/^`[^`]*`$/.test(text)) return text.slice(1, -1);
  if (/^"(?:[^"\\]|\\.)*"$/.test(text) && !text.includes('\\')) return text.slice(1, -1);
  return null;
}

/** What a RUN's commands make on disk: folders by `mkdir`, owners by `chown`, modes by `chmod`; null words make the RUN unread. */
export interface RunMakes {
  folders: string[];
  /** Path → the owner `chown` gave it (`user[:group]`), with whether it was recursive. */
  owners: Map<string, { owner: string; recursive: boolean }>;
  /** Paths whose mode `chmod` set. */
  modes: string[];
  /** A word these commands act on is computed by the shell. */
  computed: boolean;
}

/** The folders, owners and modes a RUN's commands set, their relative paths resolved against `workdir` (null: not known). */
export function runMakes(commands: readonly RunCommand[], workdir: string | null): RunMakes {
  const makes: RunMakes = { folders: [], owners: new Map(), modes: [], computed: false };
  const resolve = (word: string) => (word.startsWith('/') ? path.posix.normalize(word) : workdir === null ? null : path.posix.resolve(workdir, word));
  for (const command of commands) {
    if (!['mkdir', 'chown', 'chmod'].includes(command.program ?? '')) continue;
    const args = command.words.slice(1);
    if (args.some((a) => a === null)) {
      makes.computed = true;
      continue;
    }
    const words = args as string[];
    const flags = words.filter((w) => w.startsWith('-'));
    const operands = words.filter((w) => !w.startsWith('-'));
    if (command.program === 'mkdir') {
      const modeAt = words.findIndex((w) => w === '-m' || w === '--mode');
      const named = operands.filter((w) => modeAt === -1 || w !== words[modeAt + 1]);
      for (const word of named) {
        const resolved = resolve(word);
        if (resolved === null) makes.computed = true;
        else makes.folders.push(resolved);
        if (modeAt !== -1 || flags.some((f) => f.startsWith('--mode=') || /^-[^-]*m/.test(f))) if (resolved) makes.modes.push(resolved);
      }
      continue;
    }
    const [first, ...targets] = operands;
    const recursive = flags.some((f) => f === '-R' || f === '--recursive' || /^-[^-]*R/.test(f));
    for (const word of targets) {
      const resolved = resolve(word);
      if (resolved === null) {
        makes.computed = true;
        continue;
      }
      if (command.program === 'chown') makes.owners.set(resolved, { owner: first, recursive });
      else makes.modes.push(resolved);
    }
  }
  return makes;
}

/**
 * The paths a command changes the owner, group or mode of recursively
 * (`chown -R app /srv`, `chmod -R 777 /var/www`, `chgrp -R`), relative ones
 * resolved against `workdir`; null for any other command, or when a path is
 * computed or cannot be resolved. Such a change in a later layer copies
 * every file it touches into that layer.
 */
export function recursiveModeChange(command: RunCommand, workdir: string | null): string[] | null {
  if (!['chown', 'chmod', 'chgrp'].includes(command.program ?? '')) return null;
  const args = command.words.slice(1);
  if (args.some((a) => a === null)) return null;
  const words = args as string[];
  const recursive = words.some((w) => w === '--recursive' || /^-[^-]*R/.test(w));
  const operands = words.filter((w) => !w.startsWith('-') || /^[-+=][rwxXst]*$/.test(w) && command.program === 'chmod' && !/^-[^-]*R/.test(w));
  const targets = operands.slice(1);
  if (!recursive || !targets.length) return null;
  const resolved = targets.map((word) => (word.startsWith('/') ? path.posix.normalize(word) : workdir === null ? null : path.posix.resolve(workdir, word)));
  return resolved.every((p): p is string => p !== null) ? resolved : null;
}

/** The file a redirection writes, as a literal path (null when computed); `/dev/null` and descriptor copies are not files. */
export function redirectTargets(root: Node): { text: string; path: string | null; node: Node }[] {
  const targets: { text: string; path: string | null; node: Node }[] = [];
  walk(root, (n) => {
    if (n.type !== 'file_redirect') return;
    const target = n.childForFieldName('destination');
    const value = target ? literalValue(target) : null;
    if (value === '/dev/null' || /^&?\d$/.test(value ?? '') || /^\d?>&/.test(n.text) || n.text.trimStart().startsWith('<')) return;
    targets.push({ text: n.text, path: value, node: n });
  });
  return targets;
}
