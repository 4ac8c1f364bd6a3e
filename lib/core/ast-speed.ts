/**
 * Two shortcuts through dockerfile-ast that leave its results unchanged.
 * Parsing was a quarter of a bulk run: the engine parses a file once, then
 * again after every change it applies.
 *
 * 1. An instruction's arguments are rescanned on every call (a character scan
 *    with a position lookup per argument), and getFlags, getHeredocs and
 *    getArguments call one another. The syntax tree is never modified after
 *    parsing, so the scan is kept per instruction. Callers get a fresh array
 *    each time, because ModifiableInstruction.getArguments shifts the flags
 *    off the array it is given.
 * 2. To find where an instruction ends, the parser builds the whole
 *    instruction once only to ask it for heredoc names, then builds it again.
 *    An instruction whose text holds no `<` cannot start a heredoc (even one
 *    split by a line continuation, `<\` then `<EOF`), so that first build is
 *    skipped for it.
 *
 * Both patch internals of one pinned version; if they are not where they were,
 * nothing is patched and parsing is only slower. tests/dockerfile-ast.test.ts
 * compares patched and unpatched parses.
 */
import { Instruction } from 'dockerfile-ast';
import type { Argument } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser.js';

/** Switch for tests: parse with the shortcuts off to compare. */
export const astShortcuts = { enabled: true, installed: false };

const scanned = Symbol('dfmod.rawArguments');
type Scanned = { [scanned]?: Argument[] };
const instruction = Instruction.prototype as unknown as { getRawArguments(): Argument[] };

const probing = Symbol('dfmod.probing');
/** On the patched prototype, so that a second copy of this module (source and build in one process) does not patch again. */
const PATCHED = Symbol.for('dfmod.astShortcuts');

interface ParserInternals {
  buffer: string;
  processArguments(dockerfile: unknown, keyword: string, keywordEnd: number, start: number, offset: number): number;
  createInstruction(dockerfile: unknown, keyword: string, start: number, keywordEnd: number, end: number): unknown;
  processHeredocs(instruction: unknown, offset: number): number;
  [probing]?: number;
  [PATCHED]?: true;
}
/** Stands in for the instruction built only to look for heredocs. */
const NO_HEREDOC = Object.freeze({});
const parser = Parser.prototype as unknown as ParserInternals;

if (
  !parser[PATCHED] &&
  typeof instruction.getRawArguments === 'function' &&
  typeof parser.processArguments === 'function' &&
  typeof parser.createInstruction === 'function' &&
  typeof parser.processHeredocs === 'function'
) {
  const scan = instruction.getRawArguments;
  instruction.getRawArguments = function (this: Scanned): Argument[] {
    if (!astShortcuts.enabled) return scan.call(this);
    // A field on the instruction rather than a WeakMap: this runs tens of times per instruction.
    const args = (this[scanned] ??= scan.call(this));
    return args.slice();
  };

  const { processArguments, createInstruction, processHeredocs } = parser;
  // processArguments finds the end of the instruction starting at `start`, and
  // on reaching it calls createInstruction then processHeredocs: mark the call
  // so that createInstruction can tell the probe from the real build.
  parser.processArguments = function (this: ParserInternals, dockerfile, keyword, keywordEnd, start, offset) {
    const outer = this[probing];
    this[probing] = start;
    try {
      return processArguments.call(this, dockerfile, keyword, keywordEnd, start, offset);
    } finally {
      this[probing] = outer;
    }
  };
  parser.createInstruction = function (this: ParserInternals, dockerfile, keyword, start, keywordEnd, end) {
    if (astShortcuts.enabled && this[probing] === start && !holdsAngle(this.buffer, start, end)) return NO_HEREDOC;
    return createInstruction.call(this, dockerfile, keyword, start, keywordEnd, end);
  };
  parser.processHeredocs = function (this: ParserInternals, built, offset) {
    return built === NO_HEREDOC ? offset : processHeredocs.call(this, built, offset);
  };
  parser[PATCHED] = true;
  astShortcuts.installed = true;
}

/** Whether text[start, end) holds a `<` (indexOf would run on past `end`, through the rest of the file). */
function holdsAngle(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 60) return true;
  return false;
}
