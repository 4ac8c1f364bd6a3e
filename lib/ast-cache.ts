/**
 * dockerfile-ast recomputes an instruction's arguments (a character scan of
 * its text with a position lookup per argument) on every call, and its own
 * getFlags, getHeredocs and getArguments call one another: building our model
 * of one file scanned each instruction several times, most of the parse time
 * in a bulk run. The syntax tree is never modified after parsing, so the scan
 * is kept per instruction. Callers get a fresh array each time, because
 * dockerfile-ast's ModifiableInstruction.getArguments shifts the flags off the
 * array it is given.
 */
import { Instruction } from 'dockerfile-ast';
import type { Argument } from 'dockerfile-ast';

const scanned = Symbol('dfmod.rawArguments');
type Scanned = { [scanned]?: Argument[] };
const proto = Instruction.prototype as unknown as { getRawArguments(): Argument[]; __dfmodCached?: true };

if (!proto.__dfmodCached) {
  const scan = proto.getRawArguments;
  proto.getRawArguments = function (this: Scanned): Argument[] {
    // A field on the instruction rather than a WeakMap: this runs tens of times per instruction.
    const args = (this[scanned] ??= scan.call(this));
    return args.slice();
  };
  proto.__dfmodCached = true;
}
