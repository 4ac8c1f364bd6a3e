/**
 * The one RUN reader: a RUN's shell script parsed with tree-sitter-bash, or
 * the one reason dfmod does not read it, each with a stable id and one
 * wording that every transform's note shares.
 */
import type { DockerfileModel, Flag, InstructionNode, ShellScript } from '../core/dockerfile.js';
import type { Node, ShellParser } from '../core/shell.js';
import { isWindowsStage } from './stages.js';
import type { Refusal } from '../core/types.js';

export type RunRefusalId = 'heredoc' | 'exec-form' | 'empty' | 'windows' | 'non-posix-shell' | 'shell-syntax-error';

/** `reason` is a clause for a note: `RUN left alone: ${reason}`. */
export type RunRefusal = Refusal<RunRefusalId>;

export interface Mount {
  type: string;
  target: string;
}

export interface RunScript {
  kind: 'script';
  node: InstructionNode;
  script: ShellScript;
  root: Node;
  flags: Flag[];
  mounts: Mount[];
}

export type RunRead = RunScript | { kind: 'refused'; refusal: RunRefusal };

/** The wording of each refusal; `keyword` is the instruction's (RUN, CMD, ENTRYPOINT). */
const REFUSALS: Record<RunRefusalId, (keyword: string, shell: string[] | null) => string> = {
  heredoc: (keyword) => `it is a heredoc ${keyword}`,
  'exec-form': () => 'it is in JSON (exec) form',
  empty: () => 'it is empty',
  windows: () => 'a Windows image runs it under cmd.exe, not a POSIX shell',
  'non-posix-shell': (_, shell) => `it runs under SHELL ${JSON.stringify(shell)}, not a POSIX shell`,
  'shell-syntax-error': () => 'dfmod cannot parse its shell syntax',
};

function refused(id: RunRefusalId, node: InstructionNode, shell: string[] | null = null): RunRead {
  return { kind: 'refused', refusal: { id, reason: REFUSALS[id](node.keyword, shell) } };
}

/** Reads the shell script of a RUN (or of a shell-form CMD/ENTRYPOINT); see FileFacts.readRun. */
export function readRunScript(model: DockerfileModel, shell: ShellParser, node: InstructionNode): RunRead {
  if (node.form === 'heredoc') return refused('heredoc', node);
  if (node.form === 'exec') return refused('exec-form', node);
  if (node.form !== 'shell') return refused('empty', node);
  if (node.stage && isWindowsStage(model, node.stage)) return refused('windows', node);
  if (!model.hasPosixShell(node)) return refused('non-posix-shell', node, model.shellOf(node));
  const script = model.shellScript(node)!;
  const root = shell.parse(script.text).rootNode;
  if (root.hasError) return refused('shell-syntax-error', node);
  return { kind: 'script', node, script, root, flags: node.flags, mounts: mounts(node) };
}

/** The `--mount` flags of an instruction: `--mount=type=cache,target=/root/.npm`. */
export function mounts(node: InstructionNode): Mount[] {
  return mountFields(node).flatMap((fields) => {
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    return target ? [{ type: fields.get('type') ?? 'bind', target: target.replace(/^["']|["']$/g, '') }] : [];
  });
}

/**
 * Whether a mount keeps `path` out of the layer: its target holds `path`, or
 * lies inside it (then what is written there goes to the mount, not the layer).
 */
export function mountCovers(mount: Mount, path: string): boolean {
  const target = mount.target.replace(/\/+$/, '') || '/';
  const dir = path.replace(/\/+$/, '');
  return dir === target || dir.startsWith(target === '/' ? '/' : target + '/') || target.startsWith(dir + '/');
}

/** The key=value fields of each `--mount` flag, keys lower-cased. */
export function mountFields(node: InstructionNode): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  for (const flag of node.flags) {
    if (flag.name !== 'mount' || !flag.value) continue;
    const fields = new Map<string, string>();
    for (const part of flag.value.split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    }
    result.push(fields);
  }
  return result;
}
