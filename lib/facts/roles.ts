/**
 * What a stage is for, so transforms can tell an application image (worth a
 * proper PID 1, a slim runtime) from a base image others build on, a dev
 * container, a test stage or a build stage. The rules, first match wins:
 *
 * 1. devcontainer: the file is under a `.devcontainer/` folder; vendored:
 *    under a `vendor/` folder (another project's file, rewritten by
 *    `go mod vendor`); sample: under a folder (or in a file) named as a
 *    teaching sample (SAMPLE_PATH_WORDS), whose text is the lesson.
 * 2. A stage that is not the build target:
 *    build-only when other stages use it (FROM, COPY --from, RUN --mount
 *    from); otherwise another target it may be built as: dev-or-test when
 *    its name says so (DEV_STAGE_NAMES), else application.
 * 3. The build target named as a dev/test stage (DEV_STAGE_NAMES), or in a
 *    file so named (`Dockerfile.dev`, `test.Dockerfile`): dev-or-test.
 * 4. toolbox: a file named as a base or CI image (TOOLBOX_FILE_NAMES:
 *    `Dockerfile.base`, `ci.Dockerfile`), or a command that only keeps the
 *    container up for `docker exec` (`sleep infinity`, `tail -f /dev/null`).
 * 5. official-image: the file carries the header docker-library's generator
 *    writes ("DO NOT EDIT" above generated Dockerfiles), or it has the shape
 *    of an official image's definition: built on an OS image (OS_IMAGES),
 *    a pass-through `docker-entrypoint.sh` and a CMD that is one bare program
 *    name (`CMD ["redis-server"]`), the default for images built FROM it.
 * 6. base: what the container runs is an interactive shell or REPL (REPLS),
 *    as official language and OS images end (`CMD ["python3"]`), set here or
 *    inherited from the base image, with no ENTRYPOINT or one that runs the
 *    CMD (`docker-entrypoint.sh`); or the stages set no CMD/ENTRYPOINT and
 *    have ONBUILD triggers, which only matter to images built FROM this one.
 * 7. application.
 *
 * An init as PID 1 helps only an application (initHelps): elsewhere every
 * image built FROM the stage, or every dev container, would inherit it.
 */
import { fileKind } from './file-kind.js';
import type { Stage } from '../core/dockerfile.js';
import type { FileFacts } from './index.js';
import type { BuildContext } from '../core/context.js';

export type RoleName = 'application' | 'base' | 'official-image' | 'toolbox' | 'devcontainer' | 'build-only' | 'dev-or-test' | 'vendored' | 'sample';

export interface StageRole {
  role: RoleName;
  /** Why, as a clause: `only other stages use it`. */
  reason: string;
  /** The line the reason cites (`line 3 sets …`), in the text the facts read: a note says the line on disk instead. */
  line?: number;
}

/** Words in a stage name (split at `-`, `_`, `.`) that mark a development or test stage. */
export const DEV_STAGE_NAMES = new Set([
  'dev', 'devel', 'develop', 'development', 'test', 'tests', 'testing', 'validate', 'validation', 'lint', 'ci', 'debug',
]);

/** Words in a Dockerfile's name (`Dockerfile.<word>`, `<word>.Dockerfile`, split at `-`, `_`, `.`) that mark a base, tool or CI image. */
export const TOOLBOX_FILE_NAMES = new Set(['base', 'toolbox', 'tools', 'ci', 'builder', 'buildenv']);

/** Operating system images an official image's definition starts from (its Dockerfile's first FROM). */
export const OS_IMAGES = new Set(['debian', 'ubuntu', 'alpine', 'buildpack-deps', 'centos', 'oraclelinux', 'fedora', 'amazonlinux']);

/** Words of a folder or file name (split at `-`, `_`, `.`) that mark a course's or tutorial's sample, written to be read. */
export const SAMPLE_PATH_WORDS = new Set(['sample', 'samples', 'tutorial', 'tutorials', 'lesson', 'lessons', 'course', 'courses', 'workshop', 'exercise', 'exercises']);

/** Text of the header docker-library's `apply-templates.sh` writes above each generated Dockerfile. */
const GENERATED_HEADER = /\bDO NOT EDIT\b/i;

/**
 * Commands that run nothing but keep the container up, so that people or CI
 * jobs `docker exec` into it: the program and the arguments that say so.
 */
const KEEP_ALIVE: { program: string; args: (args: string[]) => boolean }[] = [
  { program: 'sleep', args: (args) => args.length === 1 && (args[0] === 'infinity' || /^\d{5,}$/.test(args[0])) },
  { program: 'tail', args: (args) => args.includes('/dev/null') && args.some((a) => a === '-f' || a === '-F') },
];

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

/** Entrypoint scripts by name, which tool images put in front of their command (`mvn-entrypoint.sh`, `entrypoint.sh`). */
const ENTRYPOINT_SCRIPT = /entrypoint(\.(sh|bash))?$/;

/**
 * Build and command-line tools: an image whose whole command is one of them
 * (`CMD ["gradle"]`) is a tool others run with their own arguments, in CI or
 * as a base, not a deployed service.
 */
export const TOOL_PROGRAMS = new Set([
  'mvn', 'gradle', 'ant', 'sbt', 'lein', 'make', 'cmake', 'cargo', 'go', 'dotnet', 'npm', 'yarn', 'pnpm', 'pip', 'composer',
  'bundle', 'rake', 'kubectl', 'helm', 'terraform', 'aws', 'gcloud', 'az', 'gsutil', 'docker', 'git', 'ansible',
  'ansible-playbook', 'pylint', 'flake8', 'bandit', 'eslint', 'flutter', 'ng', 'firebase', 'gh',
]);

/** What an official-image definition copies from its context besides its program: scripts, configuration, the program's package. */
const SUPPORT_FILE = /\.(sh|bash|conf|ini|cnf|json|ya?ml|xml|properties|toml|exclude|template|deb|rpm)$/i;

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

/** The words a Dockerfile's name adds to `Dockerfile`/`Containerfile`: `Dockerfile.dev` → [dev], `ci-base.Dockerfile` → [ci, base]. */
function fileNameWords(filename: string | null): string[] {
  if (!filename) return [];
  const name = basename(filename.replace(/\\/g, '/')).toLowerCase();
  return name.replace(/(^|[._-])(dockerfile|containerfile)([._-]|$)/g, '.').split(/[-_.]/).filter(Boolean);
}

/** The argv a command runs when the entrypoint passes it through (or there is none), else null. */
function keepAlive(argv: string[]): string | null {
  const program = basename(argv[0] ?? '');
  const found = KEEP_ALIVE.find((k) => k.program === program && k.args(argv.slice(1)));
  return found ? argv.join(' ') : null;
}

/** Whether the comments above the first instruction carry docker-library's generated-file header. */
function generatedHeader(facts: FileFacts): boolean {
  const model = facts.model;
  const first = model.instructions[0];
  const last = first ? first.line - 1 : model.source.lineStarts.length;
  for (let line = 0; line < last; line++) {
    const text = model.source.lineText(line);
    if (/^\s*#/.test(text) && GENERATED_HEADER.test(text)) return true;
  }
  return false;
}

export function roleOf(facts: FileFacts, stage: Stage, filename: string | null, target?: string, context: BuildContext | null = null): StageRole {
  if (filename && filename.split(/[\\/]/).includes('.devcontainer')) {
    return { role: 'devcontainer', reason: 'the file is in a .devcontainer folder' };
  }
  const folders = filename ? filename.split(/[\\/]/) : [];
  if (fileKind(facts.model, filename)?.kind === 'vendored-file') return { role: 'vendored', reason: 'the file is in a vendor folder' };
  const sample = folders.find((part) => part.toLowerCase().split(/[-_.]/).some((w) => SAMPLE_PATH_WORDS.has(w)));
  if (sample) return { role: 'sample', reason: `the file is in \`${sample}\`, named as a teaching sample` };
  if (!facts.isDeployed(stage, target)) {
    const users = facts.usedBy(stage);
    if (users.length) return { role: 'build-only', reason: 'it is not the build target, and only other stages use it' };
    const dev = devName(stage);
    if (dev) return { role: 'dev-or-test', reason: `it is a build target named \`${dev}\`` };
    return { role: 'application', reason: 'no other stage uses it, so it is built as a target of its own' };
  }
  const dev = devName(stage);
  if (dev) return { role: 'dev-or-test', reason: `the build target is named \`${dev}\`` };
  // A file named for CI (`Dockerfile.ci`) is a CI image, though a stage named `ci` is a test stage.
  const words = fileNameWords(filename);
  const toolWord = words.find((w) => TOOLBOX_FILE_NAMES.has(w));
  if (toolWord) return { role: 'toolbox', reason: `the file is named as a \`${toolWord}\` image` };
  const devWord = words.find((w) => DEV_STAGE_NAMES.has(w));
  if (devWord) return { role: 'dev-or-test', reason: `the file is named as a \`${devWord}\` image` };
  const command = facts.command(stage);
  // What runs, read as the argv the shell would exec for shell-form instructions of plain words (`CMD tail -f /dev/null`).
  const direct = (node: typeof command.cmdNode, stored: string[] | null | undefined) =>
    node ? facts.argvOf(node)?.direct ?? stored : stored;
  const cmdWords = direct(command.cmdNode, command.cmd);
  const entrypointWords = direct(command.entrypointNode, command.entrypoint);
  // The file sets no ENTRYPOINT (an unknown base image's own is taken to run the CMD), or one that runs the CMD.
  const passThrough = command.entrypoint === null || (command.entrypoint === undefined && command.entrypointNode === null) ||
    (entrypointWords?.length === 1 && ENTRYPOINT_SCRIPT.test(basename(entrypointWords[0])));
  const alive = passThrough && cmdWords ? keepAlive(cmdWords) : null;
  if (alive) return { role: 'toolbox', reason: `its command \`${alive}\` only keeps the container up for \`docker exec\`` };
  if (passThrough && cmdWords?.length === 1 && TOOL_PROGRAMS.has(basename(cmdWords[0]))) {
    return { role: 'toolbox', reason: `its command is the tool \`${cmdWords[0]}\`, which \`docker run\` hands the arguments of a build or job` };
  }
  if (generatedHeader(facts)) return { role: 'official-image', reason: 'the file carries the "DO NOT EDIT" header of generated image definitions' };
  const root = rootImageName(facts, stage);
  if (root && OS_IMAGES.has(root) && command.entrypointNode && command.entrypoint?.length === 1 &&
      PASS_THROUGH_ENTRYPOINT.test(basename(command.entrypoint[0])) && command.cmd?.length === 1 && !command.cmd[0].includes('/')) {
    return {
      role: 'official-image',
      reason: `it is built on \`${root}\` with a pass-through \`${command.entrypoint[0]}\` and the bare command \`${command.cmd[0]}\`, as official-image definitions are`,
    };
  }
  // An interactive shell or REPL: as the command (after a pass-through entrypoint), or as the ENTRYPOINT with no CMD.
  const repl = passThrough && cmdWords ? replOf(cmdWords) : entrypointWords && !cmdWords?.length ? replOf(entrypointWords) : null;
  if (repl) {
    const node = passThrough && cmdWords ? command.cmdNode : command.entrypointNode;
    const where = node ? `line ${node.line} sets` : `it inherits from ${facts.baseImage(stage)}`;
    return { role: 'base', reason: `${where} the command \`${repl}\`, an interactive shell or REPL, as base images do`, ...(node ? { line: node.line } : {}) };
  }
  const packaged = packagedRelease(facts, stage, context);
  if (packaged) {
    return {
      role: 'official-image',
      reason: `it installs a pinned upstream release (\`ENV ${packaged}\`) and copies only scripts and configuration from the build context, as official-image definitions do`,
    };
  }
  // A build or command-line tool as the whole ENTRYPOINT, with no CMD: `docker run IMAGE args` runs it once.
  if (command.entrypointNode && entrypointWords?.length === 1 && TOOL_PROGRAMS.has(basename(entrypointWords[0])) && !cmdWords?.length) {
    return { role: 'toolbox', reason: `its ENTRYPOINT is the tool \`${entrypointWords[0]}\`, which \`docker run\` hands the arguments of a build or job` };
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

/** The repository name (no registry, tag or `library/`) of the image at the root of the stage's FROM chain. */
function rootImageName(facts: FileFacts, stage: Stage): string | null {
  const image = facts.baseImage(stage);
  if (image === null) return null;
  const name = image.split('@')[0].replace(/:[^/]*$/, '').toLowerCase();
  return name.replace(/^(docker\.io\/)?(library\/)?/, '');
}

/** Whether an init as PID 1 helps a stage of this role: only an application's (see the rules above). */
export function initHelps(role: StageRole): boolean {
  return role.role === 'application';
}

function chainOf(facts: FileFacts, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.push(s);
  return chain;
}

/**
 * The `ENV NAME_VERSION` of a stage that packages a pinned upstream release:
 * it sets one, and everything it copies from the build context is a support
 * file (a script, by its name or its `#!` line, configuration, the program's
 * own package). An application copies its source or build output. Null otherwise.
 */
function packagedRelease(facts: FileFacts, stage: Stage, context: BuildContext | null): string | null {
  const chain = chainOf(facts, stage);
  let version: string | null = null;
  let copies = 0;
  for (const s of chain) {
    for (const node of s.instructions) {
      if (node.keyword === 'ENV') {
        const name = /^\s*([A-Z][A-Z0-9_]*_VERSION)[\s=]/.exec(facts.model.rawArguments(node))?.[1];
        if (name) version ??= name;
      }
      const copy = facts.copyOperands(node);
      if (!copy || copy.from !== null) continue;
      copies++;
      for (const source of copy.sources) {
        if (copy.node.keyword === 'ADD' && /^[a-z]+:\/\//i.test(source)) continue;
        const name = basename(source.replace(/\/+$/, ''));
        if (SUPPORT_FILE.test(name) || ENTRYPOINT_SCRIPT.test(name)) continue;
        const text = context && !/[*?[]/.test(source) ? context.read(source.replace(/^\.\//, '')) : null;
        if (text?.startsWith('#!')) continue;
        return null;
      }
    }
  }
  return version && copies > 0 ? version : version && copies === 0 ? version : null;
}
