/**
 * What a stage is for, so transforms can tell an application image (worth a
 * proper PID 1, a slim runtime) from a base image others build on, a dev
 * container, a test stage or a build stage. The rules, first match wins:
 *
 * 1. devcontainer: the file is under a `.devcontainer/` folder; vendored:
 *    under a `vendor/` folder (another project's file, rewritten by
 *    `go mod vendor`); toolbox: under a CI system's folder (CI_FOLDERS:
 *    `.github/`, `.kokoro/`, `ci/`); dev-or-test: under a development or test
 *    folder (DEV_FOLDER_WORDS: `hack/`, `tilt/`, `playwright/`; test folders:
 *    `e2e/`, `integration-tests/`, `testing/`); sample: under a folder (or in
 *    a file) named as a teaching sample (SAMPLE_PATH_WORDS), whose text is
 *    the lesson. CI and development folders win over a sample's name: a
 *    samples repository has CI images too. Only folders inside the
 *    repository count (repository.ts): not the ones a checkout sits in.
 * 2. A stage that is not the build target:
 *    build-only when other stages use it (FROM, COPY --from, RUN --mount
 *    from); otherwise another target it may be built as: dev-or-test when
 *    its name says so (DEV_STAGE_NAMES), else application.
 * 3. The build target named as a dev/test stage (DEV_STAGE_NAMES), or in a
 *    file so named (`Dockerfile.dev`, `test.Dockerfile`, a Tilt file
 *    `Dockerfile.tilt`, `e2e.Dockerfile`): dev-or-test.
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
 *    CMD (`docker-entrypoint.sh`).
 * 7. toolbox: a command-line tool image, whose exec-form ENTRYPOINT is one
 *    program a COPY put in (or a TOOL_PROGRAMS tool), with no CMD, EXPOSE or
 *    HEALTHCHECK and no sign of a service (commandLineTool).
 * 8. base: the stages set no CMD/ENTRYPOINT and have ONBUILD triggers,
 *    which only matter to images built FROM this one; or they set none on
 *    an image a build argument chooses (`FROM ${BASE_IMAGE}`) that dfmod
 *    does not know: layers for whatever base the build is given.
 * 9. application.
 *
 * An init as PID 1 helps only an application (initHelps): elsewhere every
 * image built FROM the stage, or every dev container, would inherit it.
 */
import { fileKind, TEST_FOLDERS } from './file-kind.js';
import { repositoryPath } from './repository.js';
import { copiedProgram } from './signals.js';
import { afterInitWrapper, describeImage, LISTEN_ENV, LISTEN_OPTION, ONE_SHOT_TOOLS, programKey, SELF_REAPING_SERVERS, SERVER_ARGS, SERVER_PROGRAM_SUBCOMMANDS, SERVER_PROGRAMS, SERVER_SUBCOMMANDS, SERVICE_ARGS, SERVICE_SUBCOMMANDS, SERVICE_NAME_WORDS } from '../knowledge/index.js';
import { simpleCommands, walk, type ShellParser } from '../core/shell.js';
import { appArgv } from './signals.js';
import type { InstructionNode, Stage } from '../core/dockerfile.js';
import type { FileFacts } from './index.js';
import type { BuildContext } from '../core/context.js';

/** The note id a transform gives a stage it leaves alone for its role: one name per role, whichever transform says it. */
export const ROLE_NOTE_IDS: Readonly<Record<Exclude<RoleName, 'application'>, string>> = {
  base: 'base-image',
  'official-image': 'official-image',
  toolbox: 'toolbox-image',
  devcontainer: 'devcontainer',
  'dev-or-test': 'dev-or-test-stage',
  'build-only': 'build-only-stage',
  vendored: 'vendored-file',
  sample: 'teaching-sample',
};

export type RoleName = 'application' | 'base' | 'official-image' | 'toolbox' | 'devcontainer' | 'build-only' | 'dev-or-test' | 'vendored' | 'sample';

export interface StageRole {
  role: RoleName;
  /** Why, as a clause: `only other stages use it`. */
  reason: string;
  /** The line the reason cites (`line 3 sets …`), in the text the facts read: a note says the line on disk instead. */
  line?: number;
}

/**
 * A role's reason with the line it cites as the line on disk: `onDisk` maps
 * a line of the text the facts read to the file as read (ctx.originalLine).
 */
export function roleReasonOnDisk(role: StageRole, onDisk: (line: number) => number): string {
  if (role.line === undefined) return role.reason;
  const cited = `line ${role.line} `;
  return role.reason.startsWith(cited) ? `line ${onDisk(role.line)} ${role.reason.slice(cited.length)}` : role.reason;
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

/**
 * Folders of CI systems' configuration (`.github/`, `.kokoro/`, Prow's
 * `prow/`, a top-level `ci/`): a Dockerfile there builds an image CI jobs
 * run in, not one that is deployed.
 */
export const CI_FOLDERS: ReadonlySet<string> = new Set([
  '.kokoro', '.circleci', '.github', '.gitlab', '.buildkite', '.ci', '.travis', '.woodpecker', '.drone', '.azure-pipelines', '.tekton', 'ci', 'prow',
]);

/**
 * Words of a folder name (split at `-`, `_`, `.`) for development and tests,
 * with what such a folder holds, for the note: Kubernetes-style `hack/`
 * (development scripts and tools), Tilt's local development setup, browser
 * tests (Playwright, Cypress) and test folders besides the ones file-kind
 * leaves as written (`e2e/`, `integration-tests/`, `testing/`).
 */
export const DEV_FOLDER_WORDS: Readonly<Record<string, string>> = {
  hack: 'where projects keep their development scripts and tools',
  tilt: 'Tilt\'s local development setup',
  playwright: 'a browser-test setup',
  cypress: 'a browser-test setup',
};

/** Words of a folder name that mark tests: `test…` folders (`testing`, `testenv`), end-to-end and integration tests. */
const TEST_FOLDER_WORD = /^(tests?|testing|testdata|testenvs?|testbeds?|testsuites?|suites?|testinfra|testharness|testkit|testutils?|e2e|e2etests?|integrationtests?|itests?|smoketests?|systemtests?|acceptancetests?)$/;

/** Words of a Dockerfile's name that mark an image for local development or tests: `Dockerfile.tilt`, `api.tilt`, `e2e.Dockerfile`. */
const DEV_FILE_WORDS: Readonly<Record<string, string>> = {
  tilt: 'the file is named for Tilt, which builds it for a local development loop',
  e2e: 'the file is named as an `e2e` (end-to-end test) image',
};

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
const SUPPORT_FILE = /\.(sh|bash|conf|ini|cnf|json|ya?ml|xml|properties|toml|exclude|template|deb|rpm)$|[_.-]config$/i;

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

/** The comment lines above the first instruction. */
function headerComments(facts: FileFacts): string[] {
  const model = facts.model;
  const first = model.instructions[0];
  const last = first ? first.line - 1 : model.source.lineStarts.length;
  const comments: string[] = [];
  for (let line = 0; line < last; line++) {
    const text = model.source.lineText(line);
    if (/^\s*#/.test(text)) comments.push(text);
  }
  return comments;
}

/** Whether the comments above the first instruction carry docker-library's generated-file header. */
function generatedHeader(facts: FileFacts): boolean {
  return headerComments(facts).some((text) => GENERATED_HEADER.test(text));
}

/** What a file's header says of itself when it is no production image (`Not suitable for production use`, `for testing only`). */
const NOT_PRODUCTION_HEADER = /\bnot (?:suitable|meant|intended|designed|recommended|for) (?:for )?(?:use in )?production\b|\b(?:for|used by) (?:local )?(?:testing|tests|development) only\b|\b(?:test|development|dev)[- ]only\b/i;

export function roleOf(facts: FileFacts, stage: Stage, filename: string | null, target?: string, context: BuildContext | null = null): StageRole {
  // The folders inside the repository, and the file's name: not the ones a checkout happens to sit in (`/tmp/test-run/`).
  const inRepository = filename ? repositoryPath(filename) : null;
  const folders = inRepository?.folders ?? [];
  if (folders.includes('.devcontainer')) {
    return { role: 'devcontainer', reason: 'the file is in a .devcontainer folder' };
  }
  if (fileKind(facts.model, filename)?.kind === 'vendored-file') return { role: 'vendored', reason: 'the file is in a vendor folder' };
  // CI and development folders first: a sample's repository has CI images too (`docs-samples/.kokoro/`).
  const where = nonProductionFolder(folders);
  if (where) return where;
  const sample = [...folders, inRepository ? basename(inRepository.relative) : ''].filter(Boolean).find((part) => part.toLowerCase().split(/[-_.]/).some((w) => SAMPLE_PATH_WORDS.has(w)));
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
  const header = headerComments(facts).find((text) => NOT_PRODUCTION_HEADER.test(text));
  if (header) return { role: 'dev-or-test', reason: `its header says \`${header.replace(/^\s*#\s*/, '').trim()}\`` };
  // A file named for CI (`Dockerfile.ci`) is a CI image, though a stage named `ci` is a test stage.
  const words = fileNameWords(filename);
  const toolWord = words.find((w) => TOOLBOX_FILE_NAMES.has(w));
  if (toolWord) return { role: 'toolbox', reason: `the file is named as a \`${toolWord}\` image` };
  const devWord = words.find((w) => DEV_STAGE_NAMES.has(w) || Object.hasOwn(DEV_FILE_WORDS, w));
  if (devWord) return { role: 'dev-or-test', reason: Object.hasOwn(DEV_FILE_WORDS, devWord) ? DEV_FILE_WORDS[devWord] : `the file is named as a \`${devWord}\` image` };
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
    return { role: 'base', reason: `${where} the command \`${repl}\`, an interactive shell or REPL, as base and tool images do`, ...(node ? { line: node.line } : {}) };
  }
  const packaged = packagedRelease(facts, stage, context);
  if (packaged) {
    // Official-image definitions set the command images built FROM them start with; with none, it is what `docker run` is given.
    if (!chainOf(facts, stage).some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'))) {
      return { role: 'base', reason: 'it sets no CMD or ENTRYPOINT, so its containers run what `docker run` is given, as base and dev-environment images do' };
    }
    return {
      role: 'official-image',
      reason: `it installs a pinned upstream release (\`${packaged}\`) and copies only scripts and configuration from the build context, as official-image definitions do`,
    };
  }
  // A build or command-line tool as the whole ENTRYPOINT, with no CMD: `docker run IMAGE args` runs it once.
  if (command.entrypointNode && entrypointWords?.length === 1 && TOOL_PROGRAMS.has(basename(entrypointWords[0])) && !cmdWords?.length) {
    return { role: 'toolbox', reason: `its ENTRYPOINT is the tool \`${entrypointWords[0]}\`, which \`docker run\` hands the arguments of a build or job` };
  }
  const tool = commandLineTool(facts, stage, entrypointWords, cmdWords, context);
  if (tool) {
    return { role: 'toolbox', reason: `its ENTRYPOINT \`${tool}\` is a program copied into the image, with no CMD, EXPOSE or HEALTHCHECK: a command-line tool, which \`docker run\` hands its arguments` };
  }
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.push(s);
  const instructions = chain.flatMap((s) => s.instructions);
  const setsCommand = instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (!setsCommand && instructions.some((i) => i.keyword === 'ONBUILD')) {
    return { role: 'base', reason: 'it sets no CMD or ENTRYPOINT and has ONBUILD triggers, for images built FROM it' };
  }
  // No command of its own on an image a build argument chooses (and dfmod does not know): layers for whatever base it is given.
  const chosenBy = setsCommand || (command.cmd !== undefined && command.entrypoint !== undefined) ? null : baseArgument(chain[chain.length - 1].image);
  if (chosenBy) {
    return { role: 'base', reason: `it sets no CMD or ENTRYPOINT, and builds on whatever image the build argument ${chosenBy} names, as base images made for several bases do` };
  }
  return { role: 'application', reason: 'it is the build target' };
}

/** The CI or development folder among `folders` (outermost first; CI first), as the role it gives, or null. */
function nonProductionFolder(folders: string[]): StageRole | null {
  const ci = folders.find((f) => CI_FOLDERS.has(f.toLowerCase()));
  if (ci) return { role: 'toolbox', reason: `the file is in \`${ci}/\`, a CI system's folder, for the images its jobs run in` };
  for (const folder of folders) {
    const lower = folder.toLowerCase();
    const words = lower.split(/[-_.]/).filter(Boolean);
    const dev = words.find((w) => Object.hasOwn(DEV_FOLDER_WORDS, w));
    if (dev) return { role: 'dev-or-test', reason: `the file is in \`${folder}/\`, ${DEV_FOLDER_WORDS[dev]}` };
    if (TEST_FOLDERS.has(lower) || words.some((w) => TEST_FOLDER_WORD.test(w))) return { role: 'dev-or-test', reason: `the file is in \`${folder}/\`, a test folder` };
  }
  return null;
}

/** Words of a build argument's name that say it picks the base image or its OS (`BASE_IMAGE`, `DISTRO`). */
const BASE_ARG_WORDS = new Set(['BASE', 'IMAGE', 'OS', 'DISTRO', 'DISTRIBUTION', 'FROM', 'PARENT']);

/** The build argument (as written, `BASE_IMAGE`) that chooses a FROM image: the whole image, or one named as the base or OS; null otherwise. */
function baseArgument(image: string): string | null {
  const whole = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(image);
  if (whole) return whole[1];
  for (const match of image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (match[1].toUpperCase().split('_').some((w) => BASE_ARG_WORDS.has(w))) return match[1];
  }
  return null;
}

/** Programs' names that mark a script, not a compiled command-line tool. */
const SCRIPT_NAME = /\.(sh|bash|py|rb|pl|js|mjs|cjs|php|ps1|jar)$/i;

/**
 * The ENTRYPOINT of a command-line tool image, or null: an exec-form
 * ENTRYPOINT (which `docker run IMAGE args` hands its arguments) of one
 * program a COPY or ADD put in the image, no CMD, and no EXPOSE or
 * HEALTHCHECK in the stage's chain, on a base image dfmod knows (so none
 * inherited). Not a server: no known one (SELF_REAPING_SERVERS), no name of
 * a service (`/app`, `metrics-agent`), no argument that starts or points
 * one (`serve`, `--port`), no PORT variable; not a script (by its name or
 * its `#!` line); and not a program a build stage of the file compiled,
 * whose note says so (pid1Sufficient).
 */
function commandLineTool(facts: FileFacts, stage: Stage, entrypoint: string[] | null | undefined, cmd: string[] | null | undefined, context: BuildContext | null): string | null {
  const command = facts.command(stage);
  const node = command.entrypointNode;
  if (!node || node.form !== 'exec' || !entrypoint?.length || cmd?.length || command.cmd === undefined) return null;
  const chain = chainOf(facts, stage);
  if (chain.some((s) => s.instructions.some((i) => i.keyword === 'EXPOSE' || i.keyword === 'HEALTHCHECK'))) return null;
  const image = facts.baseImage(stage);
  const info = image === null ? null : describeImage(image);
  if (!info || info.family === null) return null;
  const defaults = info.defaults;
  if (defaults?.cmd?.length && SELF_REAPING_SERVERS[programKey(defaults.cmd[0])] !== undefined) return null;
  // What an init in front runs (the form init-entrypoint writes, `/tini -- /app`): the program is the one after it.
  const words = afterInitWrapper(entrypoint) ?? entrypoint;
  if (!words.length) return null;
  const [program, ...args] = words;
  const name = basename(program);
  const key = programKey(program);
  if (SELF_REAPING_SERVERS[key] !== undefined || ONE_SHOT_TOOLS.has(key) || SCRIPT_NAME.test(name) || ENTRYPOINT_SCRIPT.test(name)) return null;
  // A word of the name, or a long one inside it (`apiserver`, `myservice`).
  const lower = name.toLowerCase();
  if (lower.split(/[-_.]/).some((w) => SERVICE_NAME_WORDS.has(w)) || [...SERVICE_NAME_WORDS].some((w) => w.length >= 5 && lower.includes(w))) return null;
  if (args.some((a) => SERVICE_ARGS.has(a) || LISTEN_OPTION.test(a))) return null;
  const last = stage.instructions[stage.instructions.length - 1];
  if ([...facts.envAt(last).keys()].some((k) => LISTEN_ENV.test(k))) return null;
  const copied = copiedProgram(facts, stage, program);
  if (!copied || copied.compiled) return null;
  if (copied.copy.from === null && context) {
    const source = copied.copy.sources.find((s) => basename(s.replace(/\/+$/, '')) === basename(copied.path)) ?? (copied.copy.sources.length === 1 ? copied.copy.sources[0] : null);
    const text = source && !/[*?[]/.test(source) && !/^[a-z]+:\/\//i.test(source) ? context.read(source.replace(/^\.\//, '')) : null;
    if (text?.startsWith('#!')) return null;
  }
  return entrypoint.join(' ');
}

/** The repository name (no registry, tag or `library/`) of the image at the root of the stage's FROM chain. */
function rootImageName(facts: FileFacts, stage: Stage): string | null {
  const image = facts.baseImage(stage);
  if (image === null) return null;
  const name = image.split('@')[0].replace(/:[^/]*$/, '').toLowerCase();
  return name.replace(/^(docker\.io\/)?(library\/)?/, '');
}

/**
 * The first RUN that building `stage` executes for the platform the image is
 * for, or null when its image is built from copies alone: a RUN of the stage
 * or of the stages of the file it is built FROM; or of a stage it copies
 * from (COPY --from, that stage's own FROM chain and copies in turn), unless
 * that stage runs on the build platform (`FROM --platform=$BUILDPLATFORM`,
 * a cross-compile), whose RUNs execute natively. A stage with none is
 * reproducible without executing anything for its platform (and a
 * multi-platform build of it needs no emulation): adding the first RUN
 * changes that.
 */
export function targetPlatformRun(facts: FileFacts, stage: Stage): InstructionNode | null {
  const seen = new Set<number>();
  const pending: { stage: Stage; copied: boolean }[] = [{ stage, copied: false }];
  while (pending.length) {
    const next = pending.shift()!;
    for (const s of chainOf(facts, next.stage)) {
      if (seen.has(s.index)) continue;
      seen.add(s.index);
      const native = next.copied && /\$\{?BUILDPLATFORM\}?/.test(s.platform ?? '');
      for (const node of s.instructions) {
        if (node.keyword === 'RUN' && !native) return node;
        const from = facts.copyOperands(node)?.fromStage;
        if (from && !seen.has(from.index)) pending.push({ stage: from, copied: true });
      }
    }
  }
  return null;
}

/** Whether an init as PID 1 helps a stage of this role: only an application's (see the rules above). */
export function initHelps(role: StageRole): boolean {
  return role.role === 'application';
}

/**
 * What shows that the stage's container runs a long-lived service, as a
 * clause (`line 5 EXPOSEs 8080`), or null when nothing does: an EXPOSE or a
 * HEALTHCHECK (not `HEALTHCHECK NONE`) in the stage or a stage of the file it
 * is built FROM; a base image whose Dockerfile EXPOSEs ports (the knowledge
 * base's `exposes`: nginx, postgres); an ENV `PORT` (or `*_PORT`); or a
 * command that starts a server: a known server program (SELF_REAPING_SERVERS,
 * SERVER_PROGRAMS, `rails server`, `flask run`), a server argument (`serve`,
 * `runserver`) or a listening option (`--port`, `--bind=…`), a program or
 * script named as a server (`node server.js`), in what the
 * container runs, in a `-c` script it runs, or in the app an entrypoint
 * script execs. A job, a tool or an interactive client shows none: an init
 * there helps nobody (`docker run --init` gives one where it is wanted).
 */
/** Words of a program's or script's name that say it is a server: `server.js`, `web_server.py`, `grpc-server`. */
const SERVER_NAME_WORDS: ReadonlySet<string> = new Set(['server', 'webserver']);

export function serviceEvidence(facts: FileFacts, stage: Stage, context: BuildContext | null, shell: ShellParser): string | null {
  const chain = chainOf(facts, stage);
  for (const s of chain) {
    for (const node of s.instructions) {
      if (node.keyword === 'EXPOSE') return `line ${node.line} EXPOSEs ${facts.model.rawArguments(node).trim()}`;
      if (node.keyword === 'HEALTHCHECK' && facts.model.rawArguments(node).trim().toUpperCase() !== 'NONE') return `line ${node.line} sets a HEALTHCHECK`;
    }
  }
  const image = facts.baseImage(stage);
  const exposes = image === null ? undefined : describeImage(image).defaults?.exposes;
  if (exposes?.length) return `its base image \`${image}\` EXPOSEs ${exposes.join(' ')}`;
  const last = stage.instructions[stage.instructions.length - 1];
  const port = [...facts.envAt(last).keys()].find((k) => LISTEN_ENV.test(k));
  if (port) return `it sets the variable ${port}`;
  const command = facts.command(stage);
  const argvs: string[][] = [];
  const entrypoint = command.entrypoint ?? [];
  const whole = [...entrypoint, ...(command.cmd ?? [])];
  if (whole.length) argvs.push(whole);
  const app = appArgv(facts, stage, context, shell);
  if (app) argvs.push(app.argv);
  for (const argv of [...argvs]) {
    for (const word of argv) {
      if (!/\s/.test(word)) continue;
      const root = shell.parse(word).rootNode;
      if (root.hasError) continue;
      for (const c of simpleCommands(root)) if (c.name) argvs.push([c.name, ...c.argValues.map((v) => v ?? '')]);
    }
  }
  for (const argv of argvs) {
    const words = afterInitWrapper(argv) ?? argv;
    for (const [i, word] of words.entries()) {
      const key = programKey(word);
      const next = words[i + 1] ?? '';
      if (SELF_REAPING_SERVERS[key] !== undefined || SERVER_PROGRAMS.has(key)) return `its command runs the server \`${key}\``;
      if (SERVER_SUBCOMMANDS[key]?.subcommands.includes(next) || SERVER_PROGRAM_SUBCOMMANDS[key]?.includes(next)) return `its command runs the server \`${key} ${next}\``;
      if (i > 0 && (SERVER_ARGS.has(word) || LISTEN_OPTION.test(word))) return `its command passes \`${word}\``;
      if (i === 1 && SERVICE_SUBCOMMANDS.has(word)) return `its command runs \`${words[0]} ${word}\`, which starts a service`;
      // A program or script named as a server (`server.js`, `web_server.py`, `/usr/bin/grpc-server`).
      if (SERVER_NAME_WORDS.has(word) || basename(word).toLowerCase().split(/[-_.]/).some((w) => SERVER_NAME_WORDS.has(w))) return `its command runs \`${word}\`, named as a server`;
    }
  }
  return null;
}

function chainOf(facts: FileFacts, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = facts.parentOf(s)) chain.push(s);
  return chain;
}

/** A `NAME_VERSION` variable an ENV or ARG sets: every name it declares (`ENV A=1 HOST_VERSION=2`, `ENV NODE_VERSION 20`, `ARG APP_VERSION`). */
function versionNames(facts: FileFacts, node: InstructionNode): string[] {
  if (node.keyword !== 'ENV' && node.keyword !== 'ARG') return [];
  const text = facts.model.rawArguments(node);
  const names = [...text.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*_VERSION)(?==|\s|$)/g)].map((m) => m[1]);
  // The legacy `ENV NAME value` form declares its first word only.
  return node.keyword === 'ENV' && !/^\s*[A-Za-z_][A-Za-z0-9_]*=/.test(text) ? names.slice(0, 1) : names;
}

/** Whether a RUN's script expands the variable `name` (`$HOST_VERSION`, `${HOST_VERSION}`, `${NODE_VERSION%%-*}`), or an ADD's URL does. */
function expands(facts: FileFacts, node: InstructionNode, name: string): boolean {
  if (node.keyword === 'ADD') return facts.copyOperands(node)?.sources.some((source) => /^[a-z]+:\/\//i.test(source) && new RegExp(`\\$\\{?${name}(?![A-Za-z0-9_])`).test(source)) ?? false;
  if (node.keyword !== 'RUN') return false;
  const read = facts.readRun(node);
  if (read.kind !== 'script') return false;
  let found = false;
  walk(read.root, (n) => {
    if ((n.type === 'simple_expansion' || n.type === 'expansion') && n.namedChildren.some((c) => c?.type === 'variable_name' && c.text === name)) found = true;
    return !found;
  });
  return found;
}

/**
 * The `NAME_VERSION` (ENV or ARG) of a stage that packages a pinned upstream
 * release: a RUN (or an ADD's URL) of the stage's chain, or of a stage it
 * copies from, expands it (the download, the `git clone --branch v$VERSION`
 * of that release), and the build context enters the image only as support
 * files (a script, by its name or its `#!` line, configuration, the
 * program's own package), in those stages too. An application copies its
 * source or build output (a version ENV it only records, or a stage that
 * copies the source and builds it, is no such sign). Null otherwise.
 */
function packagedRelease(facts: FileFacts, stage: Stage, context: BuildContext | null): string | null {
  const stages: Stage[] = [];
  const pending = [stage];
  while (pending.length) {
    for (const s of chainOf(facts, pending.pop()!)) {
      if (stages.includes(s)) continue;
      stages.push(s);
      for (const node of s.instructions) {
        const from = facts.copyOperands(node)?.fromStage;
        if (from && !stages.includes(from)) pending.push(from);
      }
    }
  }
  const instructions = stages.flatMap((s) => s.instructions);
  for (const node of instructions) {
    const copy = facts.copyOperands(node);
    if (!copy || copy.from !== null) continue;
    for (const source of copy.sources) {
      if (copy.node.keyword === 'ADD' && /^[a-z]+:\/\//i.test(source)) continue;
      const name = basename(source.replace(/\/+$/, ''));
      if (SUPPORT_FILE.test(name) || ENTRYPOINT_SCRIPT.test(name)) continue;
      const text = context && !/[*?[]/.test(source) ? context.read(source.replace(/^\.\//, '')) : null;
      if (text?.startsWith('#!')) continue;
      return null;
    }
  }
  const declared = [...facts.model.globalArgs, ...instructions].flatMap((node) => versionNames(facts, node).map((name) => ({ name, keyword: node.keyword })));
  const used = declared.find(({ name }) => instructions.some((node) => expands(facts, node, name)));
  return used ? `${used.keyword} ${used.name}` : null;
}
