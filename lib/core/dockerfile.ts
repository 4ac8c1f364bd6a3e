/**
 * The parsed Dockerfile every transform reads: dockerfile-ast's syntax tree,
 * plus what BuildKit would make of it (stages, the shell script a RUN hands to
 * /bin/sh, exec form or shell form, suppressions), all with source offsets so
 * that transforms can express their changes as text edits.
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, Instruction, Flag as AstFlag } from 'dockerfile-ast';
import { SourceText } from './source.js';
import './ast-speed.js';
import { expandFromImage, isWindowsStage } from '../facts/stages.js';
import { POSIX_SHELLS } from '../knowledge/shells.js';

export interface Flag {
  name: string;
  value: string | null;
  /** The flag as written, `--mount=type=cache,target=/root/.npm`. */
  text: string;
}

export type Form = 'exec' | 'shell' | 'heredoc' | 'none';

export interface InstructionNode {
  index: number;
  /** Upper-case keyword: RUN, COPY, ... */
  keyword: string;
  ast: Instruction;
  /** Offset of the keyword. */
  start: number;
  /** Offset just past the instruction's last character (before its line break). */
  end: number;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
  flags: Flag[];
  /** Offset where the arguments after the flags start (== end when there are none). */
  argsStart: number;
  /** For RUN, CMD, ENTRYPOINT, SHELL: JSON array, shell string, or heredoc. */
  form: Form;
  /** The JSON array of an exec-form instruction. */
  execArgs: string[] | null;
  /** Null for ARGs before the first FROM. */
  stage: Stage | null;
}

export interface Stage {
  index: number;
  from: InstructionNode;
  /** The image as written (`node:20-slim`, `$BASE`, or an earlier stage's name). */
  image: string;
  /** `AS name`, lower-cased as BuildKit compares it. */
  name: string | null;
  platform: string | null;
  /**
   * The earlier stage this one builds on: `image` names it, directly or
   * through the default of a global ARG (`ARG BASE=build` / `FROM $BASE`).
   */
  parent: Stage | null;
  /** Every instruction of the stage, FROM first. */
  instructions: InstructionNode[];
}

/** A RUN's shell script as /bin/sh receives it, mapped back to the source. */
export interface ShellScript {
  text: string;
  /** offsets[i] is the source offset of text[i]; offsets[text.length] is just past the last one. */
  offsets: number[];
}

export interface Suppression {
  /** The instruction the comment stands before; null for the whole file. */
  instruction: InstructionNode | null;
  /** Transform ids, or null for all. */
  transforms: string[] | null;
  /** hadolint rule codes named by `# hadolint ignore=`. */
  hadolintRules: string[];
  line: number;
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
/** Instructions whose arguments are a JSON array, a shell script or a heredoc. */
const SCRIPT_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);

export class DockerfileModel {
  readonly source: SourceText;
  readonly ast: Dockerfile;
  readonly escapeChar: string;
  readonly instructions: InstructionNode[] = [];
  readonly stages: Stage[] = [];
  /** ARG instructions before the first FROM. */
  readonly globalArgs: InstructionNode[] = [];
  readonly suppressions: Suppression[] = [];
  readonly directives: { name: string; value: string; line: number }[];
  /** Every transform asks for the same scripts; the model never changes, so each is built once. */
  private readonly scripts = new Map<InstructionNode, ShellScript>();

  constructor(text: string) {
    this.source = new SourceText(text);
    this.ast = DockerfileParser.parse(text);
    this.escapeChar = this.ast.getEscapeCharacter();
    this.directives = this.ast.getDirectives().map((d) => ({
      name: d.getName().toLowerCase(),
      value: d.getValue(),
      line: d.getRange().start.line + 1,
    }));
    let stage: Stage | null = null;
    for (const ast of this.ast.getInstructions()) {
      const node = this.makeNode(ast, this.instructions.length);
      this.instructions.push(node);
      if (node.keyword === 'FROM') {
        stage = this.makeStage(node);
        this.stages.push(stage);
      }
      node.stage = stage;
      if (stage) stage.instructions.push(node);
      else if (node.keyword === 'ARG') this.globalArgs.push(node);
    }
    this.readSuppressions();
  }

  private makeNode(ast: Instruction, index: number): InstructionNode {
    const range = ast.getRange();
    const start = this.source.offsetAt(range.start);
    const end = this.source.offsetAt(range.end);
    const text = this.source.text;
    const flags: Flag[] = [];
    let argsStart = this.source.offsetAt(ast.getInstructionRange().end);
    // Parsing parts dockerfile-ast computes on demand costs a scan of the
    // instruction per call: ask only when the text could hold them (the
    // first word after the keyword is a flag or a line continuation).
    const first = nextNonBlank(text, argsStart, end);
    const mayHaveFlags = first < end && (text[first] === '-' || text[first] === this.escapeChar);
    const astFlags: AstFlag[] = mayHaveFlags && 'getFlags' in ast && typeof (ast as { getFlags?: unknown }).getFlags === 'function'
      ? (ast as unknown as { getFlags(): AstFlag[] }).getFlags()
      : [];
    for (const flag of astFlags) {
      const flagRange = flag.getRange();
      const flagEnd = this.source.offsetAt(flagRange.end);
      flags.push({
        name: flag.getName(),
        value: flag.getValue(),
        text: text.slice(this.source.offsetAt(flagRange.start), flagEnd),
      });
      argsStart = Math.max(argsStart, flagEnd);
    }
    const node: InstructionNode = {
      index,
      keyword: ast.getKeyword().toUpperCase(),
      ast,
      start,
      end,
      line: range.start.line + 1,
      endLine: range.end.line + 1,
      flags,
      argsStart: Math.min(argsStart, end),
      form: 'none',
      execArgs: null,
      stage: null,
    };
    // Skip the whitespace (and continuations) between the flags and the arguments.
    const blankEnd = nextNonBlank(text, node.argsStart, end);
    if (blankEnd < end && text[blankEnd] !== this.escapeChar && text[blankEnd] !== '\r' && text[blankEnd] !== '\n') {
      node.argsStart = blankEnd;
    } else {
      const script = this.logicalText(node.argsStart, end);
      const lead = /^\s*/.exec(script.text)![0].length;
      node.argsStart = lead < script.text.length ? script.offsets[lead] : end;
    }
    if (SCRIPT_KEYWORDS.has(node.keyword)) {
      const heredocs = text.slice(node.argsStart, end).includes('<<') && 'getHeredocs' in ast
        ? (ast as unknown as { getHeredocs(): unknown[] }).getHeredocs()
        : [];
      if (heredocs.length > 0) node.form = 'heredoc';
      else {
        const script = this.logicalText(node.argsStart, end);
        const args = script.text.trim();
        node.execArgs = parseJsonArray(args);
        node.form = node.execArgs ? 'exec' : args.length > 0 ? 'shell' : 'none';
        if (node.form === 'shell') this.scripts.set(node, script);
      }
    }
    return node;
  }

  private makeStage(from: InstructionNode): Stage {
    const args = this.logicalText(from.argsStart, from.end).text.trim().split(/\s+/);
    const image = args[0] ?? '';
    const name = args.length >= 3 && args[1].toUpperCase() === 'AS' ? args[2].toLowerCase() : null;
    const platform = from.flags.find((f) => f.name === 'platform')?.value ?? null;
    // Global ARGs all stand before the first FROM, so their defaults are known here.
    const named = (image.includes('$') ? expandFromImage(this, image) : image)?.toLowerCase() ?? null;
    const parent = named === null ? null : this.stages.find((s) => s.name !== null && s.name === named) ?? null;
    return { index: this.stages.length, from, image, name, platform, parent, instructions: [] };
  }

  /**
   * The text BuildKit builds from source[start, end): continuation escapes and
   * their line breaks removed, comment lines and empty lines inside a
   * continuation dropped, leading whitespace of continued lines kept.
   */
  logicalText(start: number, end: number): ShellScript {
    const src = this.source;
    const escape = this.escapeChar;
    let text = '';
    const offsets: number[] = [];
    let line = src.positionAt(start).line;
    let from = start;
    let first = true;
    while (from <= end && line < src.lineCount) {
      const lineEnd = Math.min(src.lineEnd(line), end);
      const content = src.text.slice(from, lineEnd);
      if (!first && (/^\s*#/.test(content) || content.trim() === '')) {
        line++;
        from = line < src.lineCount ? src.lineStarts[line] : end + 1;
        continue;
      }
      const continuation = continuationPattern(escape).exec(content);
      const keep = continuation ? continuation.index : content.length;
      text += content.slice(0, keep);
      for (let i = 0; i < keep; i++) offsets.push(from + i);
      first = false;
      if (!continuation || lineEnd >= end) break;
      line++;
      if (line >= src.lineCount) break;
      from = src.lineStarts[line];
    }
    offsets.push(offsets.length ? offsets[offsets.length - 1] + 1 : start);
    return { text, offsets };
  }

  /** The shell script of a shell-form RUN, CMD or ENTRYPOINT (null otherwise). */
  shellScript(node: InstructionNode): ShellScript | null {
    if (node.form !== 'shell') return null;
    let script = this.scripts.get(node);
    if (!script) {
      script = this.logicalText(node.argsStart, node.end);
      this.scripts.set(node, script);
    }
    return script;
  }

  /** The arguments as written in the source, continuations and all. */
  rawArguments(node: InstructionNode): string {
    return this.source.text.slice(node.argsStart, node.end);
  }

  /**
   * The shell that runs the shell form of `node`: null for the default
   * (`/bin/sh -c`), otherwise the JSON array of the last SHELL before it in
   * its stage (or an ancestor stage).
   */
  shellOf(node: InstructionNode): string[] | null {
    let stage = node.stage;
    let before = node.index;
    while (stage) {
      const shells = stage.instructions.filter((i) => i.keyword === 'SHELL' && i.index < before && i.execArgs);
      if (shells.length) return shells[shells.length - 1].execArgs;
      before = Infinity;
      stage = stage.parent;
    }
    return null;
  }

  /**
   * Whether shell form of `node` runs under a POSIX shell we can parse with
   * tree-sitter-bash: the default sh, or a SHELL naming sh/bash/dash/ash/zsh -c.
   */
  hasPosixShell(node: InstructionNode): boolean {
    if (node.stage && this.isWindowsStage(node.stage)) return false;
    const shell = this.shellOf(node);
    if (!shell) return true;
    const program = (shell[0] ?? '').split('/').pop() ?? '';
    return POSIX_SHELLS.has(program) && shell[shell.length - 1] === '-c';
  }

  /** Windows base images run shell form under cmd.exe, not /bin/sh (lib/facts holds the one predicate). */
  isWindowsStage(stage: Stage): boolean {
    return isWindowsStage(this, stage);
  }

  get finalStage(): Stage | null {
    return this.stages.length ? this.stages[this.stages.length - 1] : null;
  }

  /** Instructions that make a filesystem layer (RUN, COPY, ADD) in the final stage: what an image built from the file carries. */
  get finalStageLayers(): number {
    return this.finalStage?.instructions.filter((node) => LAYER_KEYWORDS.has(node.keyword)).length ?? 0;
  }

  /** Whether `transformId` may touch `node` (inline `# dfmod-ignore` and `# hadolint ignore=`). */
  isSuppressed(node: InstructionNode, transformId: string, hadolintRules: string[] = []): boolean {
    return this.suppressionsOf(node, transformId, hadolintRules).length > 0;
  }

  /** The suppression comments that keep `transformId` off `node`. */
  suppressionsOf(node: InstructionNode, transformId: string, hadolintRules: string[] = []): Suppression[] {
    return this.suppressions.filter((s) =>
      (s.instruction === null || s.instruction === node) &&
      ((s.transforms === null && s.hadolintRules.length === 0) ||
        (s.transforms?.includes(transformId) ?? false) ||
        s.hadolintRules.some((rule) => hadolintRules.includes(rule))),
    );
  }

  /** `# dfmod-ignore-file` among the comments before the first instruction. */
  get ignoresFile(): boolean {
    return this.suppressions.some((s) => s.instruction === null && s.transforms === null && s.hadolintRules.length === 0);
  }

  /** The instruction a comment line stands before, with only comment lines between. */
  private instructionAfterComment(line: number): InstructionNode | null {
    if (this.instructions.some((i) => i.line <= line && i.endLine >= line)) return null;
    const next = this.instructions.find((i) => i.line > line);
    if (!next) return null;
    for (let l = line + 1; l < next.line; l++) {
      if (!/^\s*#/.test(this.source.lineText(l - 1))) return null;
    }
    return next;
  }

  private readSuppressions(): void {
    const firstLine = this.instructions.length ? this.instructions[0].line : Infinity;
    // dockerfile-ast reads a first-line `# hadolint ignore=…` as a parser directive; it is a comment to BuildKit.
    const comments = [
      ...this.ast.getDirectives().map((d) => ({ line: d.getRange().start.line + 1, content: this.source.lineText(d.getRange().start.line).trim().replace(/^#/, '') })),
      ...this.ast.getComments().map((c) => ({ line: c.getRange().start.line + 1, content: c.getContent() })),
    ];
    for (const { line, content } of comments) {
      const parsed = parseSuppressionComment(content.trim());
      if (!parsed) continue;
      if (parsed.kind === 'file') {
        if (line < firstLine) this.suppressions.push({ instruction: null, transforms: null, hadolintRules: [], line });
        continue;
      }
      if (parsed.kind === 'file-hadolint') {
        this.suppressions.push({ instruction: null, transforms: [], hadolintRules: parsed.hadolintRules, line });
        continue;
      }
      const next = this.instructionAfterComment(line);
      if (!next) continue;
      if (parsed.kind === 'next') this.suppressions.push({ instruction: next, transforms: parsed.transforms, hadolintRules: [], line });
      else this.suppressions.push({ instruction: next, transforms: [], hadolintRules: parsed.hadolintRules, line });
    }
  }
}

/** What a suppression comment says, before it is tied to an instruction. */
export type SuppressionComment =
  | { kind: 'file' }
  | { kind: 'next'; transforms: string[] | null; reason?: string }
  | { kind: 'next-hadolint' | 'file-hadolint'; hadolintRules: string[] };

/**
 * The grammar of suppression comments (the text after `#`, trimmed):
 *   dfmod-ignore-file
 *   dfmod-ignore [id ...] [-- reason]      ids separated by spaces and/or commas
 *   hadolint ignore=DL3059,DL3008           the next instruction
 *   hadolint global ignore=DL3059           the whole file
 */
export function parseSuppressionComment(content: string): SuppressionComment | null {
  const words = content.split(/\s+/);
  if (words[0] === 'dfmod-ignore-file') return { kind: 'file' };
  if (words[0] === 'dfmod-ignore') {
    const dash = words.indexOf('--');
    const idWords = dash === -1 ? words.slice(1) : words.slice(1, dash);
    const ids = idWords.join(',').split(',').filter(Boolean);
    if (!ids.every((id) => /^[a-z][a-z0-9-]*$/.test(id))) return null;
    const reason = dash === -1 ? '' : words.slice(dash + 1).join(' ');
    return { kind: 'next', transforms: ids.length ? ids : null, ...(reason ? { reason } : {}) };
  }
  if (words[0] !== 'hadolint') return null;
  const global = words[1] === 'global';
  const rules = /^ignore=([A-Z]{2}\d+(?:\s*,\s*[A-Z]{2}\d+)*)/.exec(words.slice(global ? 2 : 1).join(' '));
  if (!rules) return null;
  return { kind: global ? 'file-hadolint' : 'next-hadolint', hadolintRules: rules[1].split(/\s*,\s*/) };
}

/** The offset of the first character in text[from, end) that is not a space or tab (end when none). */
function nextNonBlank(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function parseJsonArray(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // Not JSON: BuildKit runs it in shell form.
  }
  return null;
}

const continuationPatterns = new Map<string, RegExp>();

/** An escape character at the end of a line (trailing blanks allowed): the line continues. */
function continuationPattern(escape: string): RegExp {
  let pattern = continuationPatterns.get(escape);
  if (!pattern) {
    pattern = new RegExp(`${escapeRegExp(escape)}[ \\t]*$`);
    continuationPatterns.set(escape, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parseDockerfile(text: string): DockerfileModel {
  return new DockerfileModel(text);
}
