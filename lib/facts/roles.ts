/**
 * What a stage is for, so transforms can tell an application image (worth a
 * proper PID 1, a slim runtime) from a base image others build on, a dev
 * container, a test stage or a build stage. The rules, first match wins:
 *
 * 1. devcontainer: the file is under a `.devcontainer/` folder.
 * 2. A stage that is not the build target:
 *    build-only when other stages use it (FROM, COPY --from, RUN --mount
 *    from); otherwise another target it may be built as: dev-or-test when
 *    its name says so (DEV_STAGE_NAMES), else application.
 * 3. The build target named as a dev/test stage (DEV_STAGE_NAMES): dev-or-test.
 * 4. base: what the container runs is an interactive shell or REPL (REPLS),
 *    as official language and OS images end (`CMD ["python3"]`), set here or
 *    inherited from the base image, with no ENTRYPOINT or one that runs the
 *    CMD (`docker-entrypoint.sh`); or the stages set no CMD/ENTRYPOINT and
 *    have ONBUILD triggers, which only matter to images built FROM this one.
 * 5. application.
 */
import type { Stage } from '../core/dockerfile.js';
import type { FileFacts } from './index.js';

export type RoleName = 'application' | 'base' | 'devcontainer' | 'build-only' | 'dev-or-test';

export interface StageRole {
  role: RoleName;
  /** Why, as a clause: `only other stages use it`. */
  reason: string;
}

/** Words in a stage name (split at `-`, `_`, `.`) that mark a development or test stage. */
export const DEV_STAGE_NAMES = new Set([
  'dev', 'devel', 'develop', 'development', 'test', 'tests', 'testing', 'validate', 'validation', 'lint', 'ci', 'debug',
]);

/**
 * Interactive shells and REPLs, by program name without a version suffix
 * (`python3.12` reads as `python`), with the arguments that keep them
 * interactive: a command with other arguments runs a program.
 */
export const REPLS: Record<string, string[]> = {
  sh: ['-l', '-i'],
  bash: ['-l', '--login', '-i'],
  ash: ['-l', '-i'],
  dash: ['-l', '-i'],
  zsh: ['-l', '-i'],
  python: ['-i'],
  node: ['-i', '--interactive'],
  irb: [],
  php: ['-a'],
  jshell: [],
  iex: [],
  erl: [],
  ghci: [],
  julia: [],
};

/** An entrypoint that only sets up and then runs the CMD (`docker-entrypoint.sh`, `docker-php-entrypoint`). */
const PASS_THROUGH_ENTRYPOINT = /^docker-.*entrypoint(\.sh)?$/;

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The shell or REPL an argv starts, or null when it runs something else. */
function replOf(argv: string[]): string | null {
  if (!argv.length) return null;
  const program = basename(argv[0]);
  const accepted = REPLS[program] ?? REPLS[program.replace(/[\d.]+$/, '')];
  if (!accepted) return null;
  return argv.slice(1).every((arg) => accepted.includes(arg)) ? program : null;
}

function devName(stage: Stage): string | null {
  if (!stage.name) return null;
  return stage.name.split(/[-_.]/).some((word) => DEV_STAGE_NAMES.has(word)) ? stage.name : null;
}

export function roleOf(facts: FileFacts, stage: Stage, filename: string | null, target?: string): StageRole {
  if (filename && filename.split(/[\\/]/).includes('.devcontainer')) {
    return { role: 'devcontainer', reason: 'the file is in a .devcontainer folder' };
  }
  if (!facts.isDeployed(stage, target)) {
    const users = facts.usedBy(stage);
    if (users.length) return { role: 'build-only', reason: 'it is not the build target, and only other stages use it' };
    const dev = devName(stage);
    if (dev) return { role: 'dev-or-test', reason: `it is a build target named \`${dev}\`` };
    return { role: 'application', reason: 'no other stage uses it, so it is built as a target of its own' };
  }
  const dev = devName(stage);
  if (dev) return { role: 'dev-or-test', reason: `the build target is named \`${dev}\`` };
  const command = facts.command(stage);
  // The file sets no ENTRYPOINT (an unknown base image's own is taken to run the CMD), or one that runs the CMD.
  const passThrough = command.entrypoint === null || (command.entrypoint === undefined && command.entrypointNode === null) ||
    (command.entrypoint?.length === 1 && PASS_THROUGH_ENTRYPOINT.test(basename(command.entrypoint[0])));
  const repl = passThrough && command.cmd ? replOf(command.cmd) : null;
  if (repl) {
    const where = command.cmdNode ? `line ${command.cmdNode.line} sets` : `it inherits from ${facts.baseImage(stage)}`;
    return { role: 'base', reason: `${where} the command \`${repl}\`, an interactive shell or REPL, as base images do` };
  }
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.push(s);
  const instructions = chain.flatMap((s) => s.instructions);
  const setsCommand = instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (!setsCommand && instructions.some((i) => i.keyword === 'ONBUILD')) {
    return { role: 'base', reason: 'it sets no CMD or ENTRYPOINT and has ONBUILD triggers, for images built FROM it' };
  }
  return { role: 'application', reason: 'it is the build target' };
}
