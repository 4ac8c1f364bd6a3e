/** What decides how `go build` links: whether cgo is on. */
import type { InstructionNode } from '../core/dockerfile.js';
import { literalValue } from '../core/shell.js';
import type { RunCommand } from './commands.js';

/** Wrappers that change the environment of the program they run. */
const ENVIRONMENT_WRAPPERS = new Set(['sudo', 'env']);

/**
 * The CGO_ENABLED a command of a RUN runs with: its own prefix assignment
 * (`CGO_ENABLED=0 go build`), else the ENV in effect at the RUN; an ENV after
 * the RUN does not count. Null when neither sets it (Go then uses cgo when it
 * finds a C compiler, as the golang images have), when the shell computes it,
 * or when `sudo` or `env` runs go (sudo resets the environment; env may clear it).
 */
export function cgoSetting(
  facts: { envAt(node: InstructionNode): ReadonlyMap<string, string | null> },
  runNode: InstructionNode,
  command: RunCommand,
): string | null {
  if (command.wrappers.some((wrapper) => ENVIRONMENT_WRAPPERS.has(wrapper))) return null;
  const assigned = command.command.node.namedChildren.filter((child) =>
    child?.type === 'variable_assignment' && child.childForFieldName('name')?.text === 'CGO_ENABLED');
  const last = assigned[assigned.length - 1];
  if (last) {
    const value = last.childForFieldName('value');
    return value ? literalValue(value) : '';
  }
  return facts.envAt(runNode).get('CGO_ENABLED') ?? null;
}
