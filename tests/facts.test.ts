import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDockerfile, type InstructionNode } from '../lib/core/dockerfile.js';
import { loadShellParser } from '../lib/core/shell.js';
import {
  contextSourceAt, downloadOf, expandWord, fileFacts, installedCommands, isBuild, isLanguageInstall, isPackageInstall, isPipInstall,
  isPipProgram, makeRecipes, managerCommand, mountCovers, pipCommand, quoteCommand, signalPath, workingDirectories, writtenPaths,
  type FileFacts, type ImageDefaults, type RunScript,
} from '../lib/facts/index.js';
import { systemManagerOf } from '../lib/knowledge/index.js';
import { lines } from './helpers.js';
import { memoryContext } from '../lib/core/context.js';

const shell = await loadShellParser();

function load(text: string, imageDefaults?: (image: string) => ImageDefaults | null) {
  const model = parseDockerfile(text);
  const facts = fileFacts(model, shell, { imageDefaults });
  /** The instruction at a 1-based line. */
  const at = (line: number): InstructionNode => model.instructions.find((i) => i.line === line)!;
  return { model, facts, at };
}

function script(facts: FileFacts, node: InstructionNode): RunScript {
  const read = facts.readRun(node);
  if (read.kind !== 'script') throw new Error(`refused: ${read.refusal.reason}`);
  return read;
}

/** What the docker-library images run, for the tests that need a base image's config. */
const OFFICIAL: Record<string, ImageDefaults> = {
  'debian:12': { entrypoint: null, cmd: ['bash'], user: null },
  'node:20': { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], user: null, workdir: '/' },
};
const official = (image: string) => OFFICIAL[image] ?? null;

test('fileFacts: one FileFacts per model, shell and lookup', () => {
  const model = parseDockerfile('FROM x\n');
  assert.ok(fileFacts(model, shell) === fileFacts(model, shell));
  assert.ok(fileFacts(model, shell) !== fileFacts(model, shell, { imageDefaults: official }));
});

test('expandWord: quotes, escapes, ${VAR:-default} and unknown values', () => {
  const vars: Record<string, string | null> = { A: 'a', EMPTY: '', U: null };
  const lookup = (name: string) => (name in vars ? vars[name] : undefined);
  assert.is(expandWord('$A/${A}x', lookup), 'a/ax');
  assert.is(expandWord(`'$A' "$A" \\$A`, lookup), '$A a $A');
  assert.is(expandWord('${EMPTY:-d} ${EMPTY-d} ${MISSING-d} ${A:+yes} ${MISSING:+no}', lookup), 'd  d yes ');
  assert.is(expandWord('/x/$U', lookup), null);
  assert.is(expandWord('${A#a}', lookup), null, 'pattern removal is not read');
  assert.is(expandWord('"open', lookup), null);
});

test('workdirAt: relative WORKDIR chains join the previous one, from / on scratch', () => {
  const { facts, at } = load(lines('FROM scratch', 'WORKDIR app', 'WORKDIR src/', 'WORKDIR ../lib', 'COPY a .', 'WORKDIR /opt//x/', 'RUN b'));
  assert.is(facts.workdirAt(at(2)), '/', 'a WORKDIR runs in the directory before it');
  assert.is(facts.workdirAt(at(3)), '/app');
  assert.is(facts.workdirAt(at(5)), '/app/lib');
  assert.is(facts.workdirAt(at(7)), '/opt/x');
});

test('workdirAt: the base image WORKDIR is unknown unless imageDefaults says', () => {
  const text = lines('FROM node:20', 'RUN a', 'WORKDIR app', 'RUN b', 'WORKDIR /srv', 'RUN c');
  const unknown = load(text);
  assert.is(unknown.facts.workdirAt(unknown.at(2)), null);
  assert.is(unknown.facts.workdirAt(unknown.at(4)), null, 'relative to an unknown directory');
  assert.is(unknown.facts.workdirAt(unknown.at(6)), '/srv');
  const known = load(text, official);
  assert.is(known.facts.workdirAt(known.at(2)), '/');
  assert.is(known.facts.workdirAt(known.at(4)), '/app');
});

test('workdirAt: $VAR from ENV and ARG in scope; unknown from the base environment', () => {
  const { facts, at } = load(lines(
    'FROM debian:12',
    'ENV APP=/srv/app',
    'WORKDIR $APP',
    'ARG SUB=web',
    'WORKDIR ${SUB}/current',
    'RUN a',
    'WORKDIR $GOPATH/src',
    'RUN b',
  ));
  assert.is(facts.workdirAt(at(5)), '/srv/app');
  assert.is(facts.workdirAt(at(6)), '/srv/app/web/current');
  assert.is(facts.workdirAt(at(8)), null, 'GOPATH may come from the base image');
});

test('envAt and argsAt: ENV sees the environment before it; global ARGs only when redeclared; inherited through FROM <stage>', () => {
  const { facts, at } = load(lines(
    'ARG VERSION=1.2',
    'ARG UNUSED=x',
    'FROM debian:12 AS base',
    'ARG VERSION',
    'ARG MODE',
    'ENV A=1 B="two words" C=\'$A\'',
    'ENV A=2 D=$A/x E=$PATH:/bin',
    'FROM base',
    'RUN true',
  ));
  assert.equal([...facts.argsAt(at(6))], [['VERSION', '1.2'], ['MODE', null]]);
  assert.equal([...facts.envAt(at(7))], [['A', '1'], ['B', 'two words'], ['C', '$A']]);
  assert.equal([...facts.envAt(at(9))], [['A', '2'], ['B', 'two words'], ['C', '$A'], ['D', '1/x'], ['E', null]]);
  assert.equal([...facts.argsAt(at(9))], [['VERSION', '1.2'], ['MODE', null]]);
  assert.equal([...facts.argsAt(at(2))], [['VERSION', '1.2']], 'before the first FROM: the global ARGs so far');
});

test('pathHeadAt: the folders ENV puts literally in front of PATH, through `$PATH` and FROM <stage>; none once a folder is computed', () => {
  const { facts, at } = load(lines(
    'FROM python:3.11 AS base',
    'ENV PATH=/opt/venv/bin:$PATH',
    'ENV PATH="/root/.local/bin:${PATH}" A=1',
    'FROM base',
    'ENV PATH=$HOME/bin:$PATH',
    'RUN true',
  ));
  assert.equal(facts.pathHeadAt(at(2)), []);
  assert.equal(facts.pathHeadAt(at(3)), ['/opt/venv/bin']);
  assert.equal(facts.pathHeadAt(at(5)), ['/root/.local/bin', '/opt/venv/bin']);
  assert.equal(facts.pathHeadAt(at(6)), []);
});

test('userAt and shellAt: inherited from the parent stage, and from imageDefaults', () => {
  const { facts, at } = load(lines(
    'FROM debian:12 AS base',
    'ARG NAME=app',
    'USER $NAME:staff',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'FROM base AS next',
    'RUN id',
    'FROM debian:12',
    'RUN id',
  ), (image) => (image === 'debian:12' ? { entrypoint: null, cmd: ['bash'], user: 'nobody' } : null));
  assert.is(facts.userAt(at(3)), 'nobody', 'the image default before any USER');
  assert.is(facts.userAt(at(6)), 'app:staff');
  assert.equal(facts.shellAt(at(6)), ['/bin/bash', '-o', 'pipefail', '-c']);
  assert.is(facts.shellAt(at(8)), null);
  assert.is(facts.userAt(at(8)), 'nobody');
  assert.is(load('FROM x\nRUN id\n').facts.userAt(load('FROM x\nRUN id\n').at(2)), null);
});

test('copyOperands: shell and JSON forms, flags, whole context, resolved destination', () => {
  const { facts, at, model } = load(lines(
    'FROM node:20 AS build',
    'WORKDIR /app',
    'COPY --chown=node:node --chmod=644 --link package.json package-lock.json ./',
    'COPY ["src dir/", "./src"]',
    'COPY . .',
    'FROM scratch',
    'COPY --from=0 /app/dist /srv/',
    'COPY --from=build /app/x y',
    'COPY --from=nginx:stable /etc/nginx /etc/nginx',
    'COPY <<EOF /hello',
    'hi',
    'EOF',
    'RUN x',
  ));
  const deps = facts.copyOperands(at(3))!;
  assert.equal(
    [deps.sources, deps.dest, deps.destResolved, deps.destIsDirectory, deps.chown, deps.chmod, deps.link, deps.isWholeContext, deps.json, deps.from],
    [['package.json', 'package-lock.json'], './', '/app', true, 'node:node', '644', true, false, false, null],
  );
  const json = facts.copyOperands(at(4))!;
  assert.equal([json.sources, json.dest, json.destResolved, json.json, json.link], [['src dir/'], './src', '/app/src', true, false]);
  assert.is(facts.copyOperands(at(5))!.isWholeContext, true);
  const byIndex = facts.copyOperands(at(7))!;
  assert.equal([byIndex.from, byIndex.fromStage?.index, byIndex.destResolved], ['0', 0, '/srv']);
  assert.ok(facts.copyOperands(at(8))!.fromStage === model.stages[0]);
  assert.equal(facts.copyOperands(at(8))!.destResolved, '/y', 'scratch starts in /');
  assert.is(facts.copyOperands(at(9))!.fromStage, null, 'an image, not a stage');
  assert.is(facts.copyOperands(at(10)), null, 'heredoc COPY');
  assert.is(facts.copyOperands(at(2)), null);
});

test('readRun: the one reader, with one refusal id and wording each', () => {
  const { facts, at } = load(lines(
    'FROM debian:12',
    'RUN <<EOF',
    'echo hi',
    'EOF',
    'RUN ["echo", "hi"]',
    'RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl',
    'RUN echo "unclosed',
    'SHELL ["pwsh", "-c"]',
    'RUN Write-Host hi',
  ));
  const refusal = (line: number) => {
    const read = facts.readRun(at(line));
    return read.kind === 'refused' ? [read.refusal.id, read.refusal.reason] : null;
  };
  assert.equal(refusal(2), ['heredoc', 'it is a heredoc RUN']);
  assert.equal(refusal(5), ['exec-form', 'it is in JSON (exec) form']);
  assert.equal(refusal(7), ['shell-syntax-error', 'dfmod cannot parse its shell syntax']);
  assert.equal(refusal(9), ['non-posix-shell', 'it runs under SHELL ["pwsh","-c"], not a POSIX shell']);
  const run = script(facts, at(6));
  assert.is(run.script.text, 'apt-get update && apt-get install -y curl');
  assert.equal(run.mounts, [{ type: 'cache', target: '/var/cache/apt' }]);
  assert.equal(run.flags.map((f) => f.name), ['mount']);
  assert.ok(facts.readRun(at(6)) === run, 'read once');
  const windows = load(lines('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN dir'));
  const read = windows.facts.readRun(windows.at(3));
  assert.equal(read.kind === 'refused' && read.refusal, { id: 'windows', reason: 'a Windows image runs it under cmd.exe, not a POSIX shell' });
});

test('argvOf: what Docker stores, and the argv when no shell is needed', () => {
  const { facts, at } = load(lines(
    'FROM debian:12',
    'CMD exec node server.js --port 80',
    'CMD node $APP',
    'ENTRYPOINT ["tini", "--"]',
    'RUN make all',
    'HEALTHCHECK CMD curl localhost',
    'SHELL ["/bin/bash", "-l", "-c"]',
    'CMD node a.js',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'CMD node b.js',
  ));
  assert.equal(facts.argvOf(at(2)), {
    stored: ['/bin/sh', '-c', 'exec node server.js --port 80'], direct: ['node', 'server.js', '--port', '80'], needsShell: null,
  });
  assert.equal(facts.argvOf(at(3)), { stored: ['/bin/sh', '-c', 'node $APP'], direct: null, needsShell: { id: 'variable-expansion', reason: 'it uses variable expansion' } });
  assert.equal(facts.argvOf(at(4)), { stored: ['tini', '--'], direct: ['tini', '--'], needsShell: null });
  assert.equal(facts.argvOf(at(5))!.direct, ['make', 'all']);
  assert.is(facts.argvOf(at(6)), null);
  assert.equal(facts.argvOf(at(8)), {
    stored: ['/bin/bash', '-l', '-c', 'node a.js'], direct: null,
    needsShell: { id: 'shell-instruction', reason: 'the stage sets SHELL ["/bin/bash", "-l", "-c"], which JSON form would bypass' },
  });
  // A SHELL that runs one plain command as /bin/sh -c does leaves it direct.
  assert.equal(facts.argvOf(at(10)), { stored: ['/bin/bash', '-o', 'pipefail', '-c', 'node b.js'], direct: ['node', 'b.js'], needsShell: null });
});

test('commandsOf: words past sudo/env/xargs, and whether sudo runs them as root', () => {
  const { facts, at } = load(lines(
    'FROM ubuntu:24.04',
    'RUN sudo -E apt-get install -y curl && sudo -u app env A=1 pip3 install --user x && $CC -o a a.c && xargs -r apk add < list',
  ));
  const commands = facts.commandsOf(script(facts, at(2)));
  assert.equal(commands.map((c) => [c.program, c.words, c.wrappers, c.sudoAsRoot]), [
    ['apt-get', ['apt-get', 'install', '-y', 'curl'], ['sudo'], true],
    ['pip3', ['pip3', 'install', '--user', 'x'], ['sudo', 'env'], false],
    [null, [], [], false],
    ['apk', ['apk', 'add'], ['xargs'], false],
  ]);
});

test('commandsOf: read once per parsed RUN', () => {
  const { facts, at } = load(lines('FROM alpine', 'RUN apk add curl && rm -rf /tmp/x'));
  const run = script(facts, at(2));
  assert.ok(facts.commandsOf(run) === facts.commandsOf(run));
});

test('isPackageInstall: apt, apk, dnf, zypper; flags before and after the verb', () => {
  assert.equal(isPackageInstall(['apt-get', '-qq', '-o', 'Dpkg::Options::=--force-confnew', 'install', '-y', '--no-install-recommends', 'curl', 'ca-certificates']), {
    manager: 'apt', verb: 'install', packages: ['curl', 'ca-certificates'],
    flags: ['-qq', '-o', 'Dpkg::Options::=--force-confnew', '-y', '--no-install-recommends'], computed: false, packageAt: [7, 8],
  });
  assert.equal(isPackageInstall(['apk', '--no-cache', 'add', '--virtual', '.build-deps', 'gcc', null]), {
    manager: 'apk', verb: 'add', packages: ['gcc'], flags: ['--no-cache', '--virtual', '.build-deps'], computed: true, packageAt: [5, 6],
  });
  assert.equal(isPackageInstall(['/usr/bin/dnf', '-y', 'install', 'git'])?.manager, 'dnf');
  assert.equal(isPackageInstall(['zypper', '-n', 'in', 'vim'])?.packages, ['vim']);
  assert.equal(isPackageInstall(['microdnf', 'install', 'tar'])?.manager, 'microdnf');
  assert.is(isPackageInstall(['apt-get', 'update']), null);
  assert.is(isPackageInstall(['apt-get', null, 'curl']), null, 'a computed verb');
  assert.is(isPackageInstall(['npm', 'install', 'x']), null);
});

test('isPipInstall: pip, pip3, pip3.12, python -m pip, options before the subcommand', () => {
  const { facts, at } = load(lines('FROM python:3.12', 'RUN pip3 install -r r.txt && python -m pip install x && python3.12 -u -m pip --no-cache-dir install y && pip list && python -m venv v'));
  const words = facts.commandsOf(script(facts, at(2))).map((c) => c.words);
  assert.equal(words.map(isPipInstall), [true, true, true, false, false]);
  assert.is(isPipInstall(['pip', '--cache-dir', '/c', 'install', 'x']), true);
  assert.is(isPipInstall(['pipenv', 'install']), false);
});

test('pipCommand: the subcommand, the words after it and pip options before it', () => {
  assert.equal(pipCommand(['python3', '-u', '-m', 'pip3', '--cache-dir', '/c', '-q', 'install', '-r', 'r.txt']), {
    subcommand: 'install', args: ['-r', 'r.txt'], options: ['--cache-dir', '/c', '-q'],
  });
  assert.equal(pipCommand(['pip', 'install', null]), { subcommand: 'install', args: [null], options: [] });
  assert.is(pipCommand(['pip', null, 'x']), null, 'a computed subcommand');
  assert.is(pipCommand(['python', 'manage.py']), null);
});

test('isPipProgram: pip spellings, not pipenv or python', () => {
  assert.equal(['pip', 'pip3', 'pip3.12', '/usr/local/bin/pip', 'pipenv', 'python', 'pipx'].map(isPipProgram), [true, true, true, true, false, false, false]);
});

test('systemManagerOf: every spelling isPackageInstall reads, whatever the subcommand', () => {
  assert.equal(['apt-get', 'apt', '/sbin/apk', 'dnf5', 'yum', 'microdnf', 'zypper', 'npm', 'apt-cache'].map(systemManagerOf),
    ['apt', 'apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper', null, null]);
});

test('stages: parent through a global ARG, base image with ARGs substituted, Windows', () => {
  const { facts, model } = load(lines(
    'ARG BASE=node:20',
    'ARG STAGE=build',
    'ARG FREE',
    'FROM ${BASE}-slim AS build',
    'FROM $STAGE AS test',
    'FROM $FREE',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win',
    'FROM win',
    'FROM --platform=windows/amd64 example/app',
  ));
  const [build, testStage, free, win, onWin, platform] = model.stages;
  assert.is(facts.baseImage(build), 'node:20-slim');
  assert.ok(facts.parentOf(testStage) === build);
  assert.is(facts.baseImage(testStage), 'node:20-slim');
  assert.is(facts.baseImage(free), null, 'an ARG without a default');
  assert.equal([build, win, onWin, platform].map((s) => facts.isWindows(s)), [false, true, true, true]);
  assert.is(model.isWindowsStage(onWin), true, 'DockerfileModel delegates to the same predicate');
});

test('command: a new ENTRYPOINT resets the inherited CMD; inherited through stages and image defaults', () => {
  const { facts, model, at } = load(lines(
    'FROM node:20 AS base',
    'USER node',
    'FROM base AS app',
    'ENTRYPOINT ["tini", "--"]',
    'FROM base AS cmd-first',
    'CMD ["node", "a.js"]',
    'ENTRYPOINT ["tini", "--"]',
    'FROM debian:11',
    'CMD echo hi',
  ), official);
  const [base, app, cmdFirst, unknown] = model.stages;
  assert.equal(facts.command(base), {
    entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], entrypointNode: null, cmdNode: null, user: 'node', known: true, entrypointActsOn: null,
  });
  assert.equal(facts.command(app), { entrypoint: ['tini', '--'], cmd: null, entrypointNode: at(4), cmdNode: null, user: 'node', known: true, entrypointActsOn: [] });
  assert.equal(facts.command(cmdFirst).cmd, ['node', 'a.js'], 'a CMD of the same stage stays');
  assert.equal(facts.command(unknown), {
    entrypoint: undefined, cmd: ['/bin/sh', '-c', 'echo hi'], entrypointNode: null, cmdNode: at(9), user: null, known: false, entrypointActsOn: null,
  });
});

test('copiedFrom, usedBy, deployedStage with a target, builtStages', () => {
  const { facts, model } = load(lines(
    'FROM golang:1.22 AS build',
    'RUN go build -o /app',
    'FROM build AS test',
    'RUN go test ./...',
    'FROM alpine AS certs',
    'FROM gcr.io/distroless/static AS prod',
    'COPY --from=build /app /app',
    'COPY --from=2 /etc/ssl /etc/ssl',
    'COPY --from=build /x /x',
    'FROM prod AS debug',
    'RUN --mount=from=certs,target=/c ls /c',
  ));
  const [build, testStage, certs, prod, debug] = model.stages;
  assert.equal(facts.copiedFrom(prod), [build, certs]);
  assert.equal(facts.usedBy(build), [testStage, prod]);
  assert.equal(facts.usedBy(certs), [prod, debug]);
  assert.equal(facts.usedBy(debug), []);
  assert.ok(facts.deployedStage() === debug);
  assert.ok(facts.deployedStage('PROD') === prod);
  assert.is(facts.deployedStage('nope'), null);
  assert.equal([facts.isDeployed(prod), facts.isDeployed(prod, 'prod')], [false, true]);
  assert.equal([...facts.builtStages('prod')].map((s) => s.name).sort(), ['build', 'certs', 'prod']);
});

test('shipsLayers: the targets (the last stage, stages nothing uses) and the stages they are built FROM', () => {
  const { facts, model } = load(lines(
    'FROM golang:1.22 AS base',
    'FROM base AS build',
    'FROM build AS dev-envs',
    'FROM alpine AS certs',
    'FROM base AS lint',
    'FROM gcr.io/distroless/static AS prod',
    'COPY --from=build /app /app',
    'COPY --from=certs /etc/ssl /etc/ssl',
  ));
  const ships = (target?: string) => model.stages.map((s) => facts.shipsLayers(s, target));
  // base and build ship in the dev-envs image, which nothing uses; certs is only copied from.
  assert.equal(ships(), [true, true, true, false, true, true]);
  // Given a target, only it and the stages it is built FROM.
  assert.equal(ships('prod'), [false, false, false, false, false, true]);
  assert.equal(ships('dev-envs'), [true, true, true, false, false, false]);
});

test('isLanguageInstall: install verbs of language package managers, cpanm and cpan operands, R code', () => {
  const yes = [
    ['pip', 'install', 'x'], ['python3', '-m', 'pip', 'install', 'x'], ['npm', 'ci'], ['yarn'], ['gem', 'install', 'rails'],
    ['cpanm', 'EV'], ['cpanm', '-n', '--installdeps', '.'], ['cpan', '-i', 'DBI'], ['composer', 'install'], ['composer', 'global', 'require', 'x/y'],
    ['bundle', 'install'], ['pnpm', 'i'], ['luarocks', 'install', 'lpeg'], ['uv', 'pip', 'install', 'x'], ['uv', 'sync'], ['poetry', 'install'],
    ['conda', 'env', 'create'], ['Rscript', '-e', 'install.packages("x")'], ['R', '-e', 'remotes::install_github("a/b")'], ['R', 'CMD', 'INSTALL', 'p.tgz'],
  ];
  const no = [
    ['cpanm', '--version'], ['cpanm', '-l', '/opt/perl'], ['yarn', '--version'], ['npm', 'run', 'build'], ['bundle', 'exec', 'rake'], ['uv', 'pip', 'list'],
    ['Rscript', 'check.R'], ['Rscript', '-e', 'print(1)'], ['apt-get', 'install', '-y', 'curl'], ['go', 'install', 'x@v1'], ['pip', null, 'x'],
  ];
  assert.equal(yes.map(isLanguageInstall), yes.map(() => true));
  assert.equal(no.map(isLanguageInstall), no.map(() => false));
  assert.equal(managerCommand(['cpanm', 'EV']), { manager: 'cpanm', programIndex: 0, program: 'cpanm', subcommand: null, subcommandIndex: null });
});

test('isBuild: build tools, their build subcommands and options, package.json build scripts', () => {
  const yes = [
    ['make'], ['make', '-C', '/src', 'install'], ['./configure', '--prefix=/usr'], ['cmake', '--build', 'b'], ['ninja'], ['go', 'build', '.'],
    ['go', 'install', 'x@v1'], ['cargo', 'install', 'rg'], ['./mvnw', '-B', 'package'], ['gradle', 'build'], ['dotnet', 'publish'],
    ['npm', 'run', 'build'], ['yarn', 'build'], ['pnpm', 'run', 'build:prod'], ['bazel', 'build', '//...'],
  ];
  const no = [['make', '--version'], ['cmake', '-S', '.', '-B', 'b'], ['go', 'version'], ['go', 'mod', 'download'], ['cargo', 'fetch'], ['dotnet', 'restore'], ['npm', 'run', 'lint'], ['yarn', 'install'], ['gcc', '-o', 'a', 'a.c']];
  assert.equal(yes.map(isBuild), yes.map(() => true));
  assert.equal(no.map(isBuild), no.map(() => false));
});

test('downloadOf: a file curl or wget writes, a download piped into a shell or tar, git clone', () => {
  const { facts, at } = load(lines(
    'FROM debian',
    'RUN curl -fsSLo a.jar https://x/a.jar && curl -fsSLO https://x/b.tgz && curl --output=/opt/c https://x/c && curl -o "$F" https://x/d',
    'RUN wget -q https://x/e.tgz && wget -qO- https://x/f.tgz | tar -xz && wget -O - https://x/g | sudo bash && curl -fsSL https://x/i.sh 2>/dev/null | sh -s --',
    'RUN curl -fsS https://x/health && curl -o /dev/null https://x/h && curl -fsSL https://x/key | gpg --dearmor -o /k.gpg && curl -XPOST https://x/hook && wget --spider https://x',
    'RUN git clone --depth 1 https://x/r.git /src && git -C /src log',
  ));
  const downloads = (line: number) => {
    const commands = facts.commandsOf(script(facts, at(line)));
    return commands.map((c) => downloadOf(c, commands));
  };
  assert.equal(downloads(2), [
    { kind: 'file', path: 'a.jar' }, { kind: 'file', path: null }, { kind: 'file', path: '/opt/c' }, { kind: 'file', path: null },
  ]);
  assert.equal(downloads(3), [
    { kind: 'file', path: null }, { kind: 'piped', into: 'tar' }, null, { kind: 'piped', into: 'bash' }, null, { kind: 'piped', into: 'sh' }, null,
  ]);
  assert.equal(downloads(4), [null, null, null, null, null, null]);
  assert.equal(downloads(5), [{ kind: 'file', path: null }, null]);
});

test('stageRole: devcontainer, build-only, dev-or-test, base images and applications', () => {
  const multi = load(lines('FROM node:20 AS build', 'RUN npm ci', 'FROM node:20-slim AS prod', 'COPY --from=build /app /app', 'CMD ["node", "app.js"]', 'FROM prod AS dev', 'CMD ["npm", "run", "dev"]'));
  const [build, prod, dev] = multi.model.stages;
  const role = (f: FileFacts, s: typeof build, filename: string | null = 'Dockerfile', target?: string) => f.stageRole(s, filename, target).role;
  assert.equal([role(multi.facts, build), role(multi.facts, prod), role(multi.facts, dev)], ['build-only', 'build-only', 'dev-or-test']);
  assert.equal(multi.facts.stageRole(dev, 'Dockerfile'), { role: 'dev-or-test', reason: 'the build target is named `dev`' });
  assert.is(role(multi.facts, prod, 'Dockerfile', 'prod'), 'application');
  assert.is(role(multi.facts, prod, 'project/.devcontainer/Dockerfile'), 'devcontainer');

  // A docker-library python-style definition: built FROM by others, runs the REPL.
  const python = load(lines(
    'FROM debian:bookworm-slim',
    'ENV PYTHON_VERSION=3.12.4',
    'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates',
    'CMD ["python3"]',
  ));
  assert.equal(python.facts.stageRole(python.model.stages[0], 'Dockerfile'), {
    role: 'base', reason: 'line 4 sets the command `python3`, an interactive shell or REPL, as base and tool images do', line: 4,
  });
  const inherited = load(lines('FROM debian:12', 'RUN apt-get update'), official);
  assert.equal(inherited.facts.stageRole(inherited.model.stages[0], null), {
    role: 'base', reason: 'it inherits from debian:12 the command `bash`, an interactive shell or REPL, as base and tool images do',
  });
  const onbuild = load(lines('FROM node:20', 'ONBUILD COPY . /app'));
  assert.is(role(onbuild.facts, onbuild.model.stages[0]), 'base');
  const app = load(lines('FROM python:3.12-slim', 'COPY . /app', 'CMD ["python3", "/app/main.py"]'));
  assert.equal(app.facts.stageRole(app.model.stages[0], 'Dockerfile'), { role: 'application', reason: 'it is the build target' });
  const alternate = load(lines('FROM node:20 AS production', 'CMD ["node", "a.js"]', 'FROM node:20 AS test', 'CMD ["npm", "test"]'));
  assert.is(role(alternate.facts, alternate.model.stages[0]), 'application', 'another target no stage uses');
});

test('laterRuns: the rest of the stage, then each stage built on it, also through a global ARG', () => {
  const { facts, at } = load(lines(
    'ARG BASE=base',
    'FROM debian:12 AS base',
    'RUN a',
    'RUN b',
    'COPY x /x',
    'RUN c',
    'FROM base AS child',
    'RUN d',
    'FROM ${BASE} AS through-arg',
    'RUN e',
    'FROM child',
    'RUN f',
    'FROM debian:12',
    'COPY --from=base /x /x',
    'RUN g',
  ));
  const lineOf = (branches: InstructionNode[][]) => branches.map((b) => b.map((n) => n.line));
  assert.equal(lineOf(facts.laterRuns(at(3))), [[4, 6], [8], [10], [12]]);
  assert.equal(lineOf(facts.laterRuns(at(8))), [[], [12]], 'a grandchild only; COPY --from is not built on');
  assert.equal(lineOf(facts.laterRuns(at(15))), [[]]);
  assert.equal(facts.laterRuns(at(1)), [], 'outside any stage');
});

test('mountCovers: the mount holds the path, or lies inside it', () => {
  const mount = (target: string) => ({ type: 'cache', target });
  assert.ok(mountCovers(mount('/var/lib/apt/lists'), '/var/lib/apt/lists'));
  assert.ok(mountCovers(mount('/var/lib/apt/lists/'), '/var/lib/apt/lists/'));
  assert.ok(mountCovers(mount('/var/cache'), '/var/cache/apt'));
  assert.ok(mountCovers(mount('/'), '/tmp/a.tgz'));
  assert.ok(mountCovers(mount('/var/cache/apt/archives'), '/var/cache/apt'), 'part of it is in the mount');
  assert.not.ok(mountCovers(mount('/var/cache/apk'), '/var/cache/apt'));
  assert.not.ok(mountCovers(mount('/var/lib/apt/lists2'), '/var/lib/apt/lists'));
});

test('managerCommand: the package manager and subcommand, past options and their values', () => {
  const read = (text: string) => {
    const found = managerCommand(text.split(' '));
    return found && [found.manager, found.programIndex, found.program, found.subcommand, found.subcommandIndex];
  };
  assert.equal(read('apk add curl'), ['apk', 0, 'apk', 'add', 1]);
  assert.equal(read('/usr/bin/pip3.12 install flask'), ['pip', 0, 'pip3.12', 'install', 1]);
  assert.equal(read('python3 -m pip install -U pip'), ['pip', 2, 'pip', 'install', 3]);
  assert.equal(read('python -u -m pip install x'), ['pip', 3, 'pip', 'install', 4], 'interpreter switches first');
  assert.equal(read('pip --proxy http://p install x'), ['pip', 0, 'pip', 'install', 3], "pip's options with a value");
  assert.equal(read('apt-get -o Dpkg::Options::=--force-confold -y install x'), ['apt-get', 0, 'apt-get', 'install', 4]);
  assert.equal(read('apt-get -a arm64 build-dep x'), ['apt-get', 0, 'apt-get', 'build-dep', 3]);
  assert.equal(read('conda env create -f environment.yml'), ['conda', 0, 'conda', 'env create', 2]);
  assert.equal(read('mamba install -y numpy'), ['conda', 0, 'mamba', 'install', 1]);
  assert.equal(read('dnf5 install -y gcc'), ['dnf', 0, 'dnf5', 'install', 1]);
  assert.equal(read('yarn --frozen-lockfile'), ['yarn', 0, 'yarn', null, null], 'no subcommand');
  assert.is(managerCommand(['apk', null, 'curl']), null, 'a computed subcommand');
  assert.is(read('make install'), null);
  assert.is(read('python3 script.py'), null);
});

test('isPackageInstall and managerCommand read options with a value from the same knowledge rows', () => {
  assert.equal(isPackageInstall(['apt-get', '-a', 'arm64', 'install', 'curl']), {
    manager: 'apt', verb: 'install', packages: ['curl'], flags: ['-a', 'arm64'], computed: false, packageAt: [4],
  });
  assert.equal(managerCommand(['dnf', '--setopt', 'x=1', 'install'])?.subcommand, 'install');
  assert.equal(managerCommand(['apk', '-X', 'https://mirror/v3.20/main', 'add', 'curl'])?.subcommand, 'add');
  assert.equal(isPackageInstall(['dnf', '--setopt', 'x=1', 'install', 'git'])?.packages, ['git']);
});

test('writtenPaths: what ln, cp, mv, rm and update-alternatives create or remove', () => {
  assert.equal(writtenPaths(['ln', '-sf', '/bin/bash', '/bin/sh']), ['/bin/sh']);
  assert.equal(writtenPaths(['rm', '-f', '/bin/sh', '/tmp/x']), ['/bin/sh', '/tmp/x']);
  assert.equal(writtenPaths(['cp', 'a', 'b', '/usr/local/bin/']), ['/usr/local/bin/a', '/usr/local/bin/b']);
  assert.equal(writtenPaths(['ln', '-s', '/opt/node/bin/node', '/usr/local/bin/']), ['/usr/local/bin/node']);
  assert.equal(writtenPaths(['install', '-m', '0755', 'tool', '/usr/local/bin/tool']), ['/usr/local/bin/tool']);
  assert.equal(writtenPaths(['update-alternatives', '--install', '/usr/bin/sh', 'sh', '/bin/bash', '100']), ['/usr/bin/sh']);
  assert.equal(writtenPaths(['ln', '-s', null, '/bin/sh']), null);
  assert.equal(writtenPaths(['echo', '/bin/sh']), []);
});

test('installedCommands: global language installs, system packages, corepack, files put in a bin folder', () => {
  assert.equal(installedCommands(['npm', 'install', '-g', 'npm@10.8.2']), ['npm']);
  assert.equal(installedCommands(['npm', 'i', '--global', '@vue/cli@5', 'typescript']), ['cli', 'tsc', 'tsserver']);
  assert.equal(installedCommands(['npm', 'install', 'express']), []);
  assert.equal(installedCommands(['pip', 'install', '--upgrade', 'pip']), ['pip', 'pip3']);
  assert.equal(installedCommands(['apt-get', 'install', '-y', 'git']), ['git']);
  assert.equal(installedCommands(['corepack', 'enable']), ['yarn', 'pnpm']);
  assert.equal(installedCommands(['ln', '-sf', '/opt/go/bin/go', '/usr/local/bin/go']), ['go']);
  assert.equal(installedCommands(['ln', '-sf', '/bin/bash', '/opt/sh']), []);
});

test('makeRecipes: the recipes of a target and its prerequisites, with make syntax turned into shell', () => {
  const makefile = ['CC ?= gcc', 'PKGS = zlib1g-dev', '.PHONY: deps all', 'all: deps app', 'app: main.c', '\t$(CC) -o $@ $<', 'deps:', '\t@sudo apt-get install -y $(PKGS)', '\t-echo "done $$HOME"', ''].join('\n');
  assert.equal(makeRecipes(makefile, []), { lines: ['sudo apt-get install -y zlib1g-dev', 'echo "done $HOME"', 'cc -o target target'] });
  assert.equal(makeRecipes(makefile, ['app']), { lines: ['cc -o target target'] }); // CC has make's default, which ?= keeps
  assert.equal(makeRecipes(makefile, ['missing']), { why: 'its Makefile has no rule for missing' });
  assert.equal(makeRecipes('ifeq ($(X),1)\nall:\n\ttrue\nendif\n', []), { why: 'its Makefile uses conditionals, includes or defines' });
});

test('scriptRunBy: the script file, Makefile or inline text a RUN command runs, found through the COPY that put it there', () => {
  const { facts, at } = load(lines('FROM debian', 'WORKDIR /opt/app', 'COPY . .', 'COPY tools/setup.sh /usr/local/lib/', 'RUN ./install.sh && sh /usr/local/lib/setup.sh && make -C sub deps && bash -c "apt-get install -y jq" && /usr/bin/env true && ./absent.sh'));
  const context = memoryContext({ 'install.sh': 'apt-get install -y jq\n', 'tools/setup.sh': 'echo setup\n', 'sub/Makefile': 'deps:\n\techo deps\n' });
  const run = facts.readRun(at(5));
  if (run.kind !== 'script') throw new Error('not read');
  const found = facts.commandsOf(run).map((c) => {
    const s = facts.scriptRunBy(at(5), c, context);
    return s && [s.what, s.kind, s.file, s.roots?.map((r) => r.text.trim()) ?? s.unknown];
  });
  assert.equal(found, [
    ['./install.sh', 'script', 'install.sh', ['apt-get install -y jq']],
    ['sh /usr/local/lib/setup.sh', 'script', 'tools/setup.sh', ['echo setup']],
    ['make -C sub', 'make', 'sub/Makefile', ['echo deps']],
    // Quoted as written, whole: not `bash -c apt-get`, nor the words unquoted.
    ['bash -c "apt-get install -y jq"', 'inline', null, ['apt-get install -y jq']],
    null,
    ['./absent.sh', 'script', null, 'no COPY of the stage puts ./absent.sh there from the build context'],
  ]);
});

test('workingDirectories: the directory each command runs in, from WORKDIR and the cds that surely run', () => {
  const dirsOf = (text: string, workdir: string | null) => {
    const root = shell.parse(text).rootNode;
    const dirs = workingDirectories(root, workdir);
    const commands = facts0.commandsOf({ root });
    return { at: commands.map((c) => `${c.command.name}:${dirs.at(c.command.node)}`), end: dirs.end };
  };
  const facts0 = load(lines('FROM debian')).facts;
  assert.equal(dirsOf('cd /opt/s; unzip d.zip && cd sub && ls', '/'), { at: ['cd:/', 'unzip:/opt/s', 'cd:/opt/s', 'ls:/opt/s/sub'], end: '/opt/s/sub' });
  // A subshell's cd stays in it; one after a test or `||` may not run; one in an if leaves the directory unknown.
  assert.equal(dirsOf('(cd /tmp && make) && rm a', '/app'), { at: ['cd:/app', 'make:/tmp', 'rm:/app'], end: '/app' });
  assert.equal(dirsOf('[ -d x ] && cd x; rm a', '/app').at[1], 'rm:null');
  assert.equal(dirsOf('cd /x || exit 1; rm a', '/app'), { at: ['cd:/app', 'exit:/x', 'rm:/x'], end: '/x' });
  assert.equal(dirsOf('if true; then cd /x; fi; rm a', '/app').end, null);
  // Relative paths need a known start; `cd` alone, `cd -` and `cd $DIR` are unknown.
  assert.equal(dirsOf('cd src && make', null).end, null);
  assert.equal(dirsOf('cd /src && cd ../lib', null).end, '/lib');
  assert.equal(dirsOf('cd "$DIR" && make', '/').end, null);
  assert.equal(dirsOf('cd && make', '/').end, null);
});

test('quoteCommand: whole words as written, at most three, a long script left out rather than cut', () => {
  const words = (text: string) => {
    const command = load(lines('FROM debian')).facts.commandsOf({ root: shell.parse(text).rootNode })[0]!;
    return [command.command.node.childForFieldName('name')!, ...command.command.args];
  };
  assert.is(quoteCommand(words('sh -c "apt-get install -y foo bar"')), 'sh -c "apt-get install -y foo bar"');
  assert.is(quoteCommand(words('apt-get install -y curl jq')), 'apt-get install -y');
  assert.is(quoteCommand(words('bash -c "set -e; apt-get update; apt-get install -y --no-install-recommends curl"')), 'bash -c');
});

// ---- what an ENTRYPOINT does with the CMD; where an image's file comes from -------------------

test('stagesBuiltOn: stages built FROM a stage, directly or through another, not those that only copy from it', () => {
  const { model, facts } = load(lines('FROM debian:12 AS base', 'FROM base AS mid', 'FROM mid AS app', 'FROM debian:12', 'COPY --from=base /x /x'));
  assert.equal(facts.stagesBuiltOn(model.stages[0]).map((s) => s.name), ['mid', 'app']);
  assert.equal(facts.stagesBuiltOn(model.stages[2]), []);
});

test('cmdReceiver: none, a shell-form ENTRYPOINT, an init, the image\'s own script, one dfmod does not know', () => {
  const nodeDefaults = (image: string): ImageDefaults | null =>
    image === 'node:20' ? { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], user: null, entrypointActsOn: [], entrypointCommands: ['node', 'npm'] } : official(image);
  const kind = (text: string) => {
    const { model, facts } = load(text, nodeDefaults);
    return facts.cmdReceiver(model.stages[model.stages.length - 1]);
  };
  assert.equal(kind(lines('FROM debian:12', 'CMD a')).kind, 'none');
  assert.equal(kind(lines('FROM debian:12', 'ENTRYPOINT app')).kind, 'ignored');
  assert.equal(kind(lines('FROM mycorp/base', 'CMD a')).kind, 'unknown-image');
  const init = kind(lines('FROM debian:12', 'ENTRYPOINT ["tini", "-g", "--"]'));
  assert.equal(init.kind === 'runs' && [init.init, init.script], ['tini', null]);
  const own = kind(lines('FROM node:20', 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]'));
  assert.equal(own.kind === 'runs' && own.script, { argv: ['docker-entrypoint.sh'], image: 'node:20', actsOn: [], commands: ['node', 'npm'], optionsOnly: false });
  assert.equal(kind(lines('FROM node:20', 'CMD x')).kind, 'runs');
  const custom = kind(lines('FROM node:20', 'ENTRYPOINT ["/entrypoint.sh"]'));
  assert.equal(custom.kind === 'unknown' && [custom.node?.line, custom.entrypoint], [2, ['/entrypoint.sh']]);
});

test('contextFileAt / programFile: the COPY that put a file there, through folders, PATH and COPY --from', () => {
  const context = memoryContext({ 'bin/run.sh': '#!/bin/sh\n', 'tools/report': 'date\n', 'app/job.sh': '' });
  const { model, facts, at } = load(lines(
    'FROM debian:12 AS build', 'WORKDIR /src', 'COPY . .',
    'FROM debian:12', 'WORKDIR /app', 'COPY bin/ ./bin/', 'COPY tools/report /usr/local/bin/', 'COPY --from=build /src/app/job.sh /job.sh', 'CMD x',
  ));
  const cmd = at(9);
  assert.equal(facts.contextFileAt(cmd, '/app/bin/run.sh', context)?.file, 'bin/run.sh');
  assert.equal(facts.contextFileAt(cmd, '/app/bin/run.sh', context)?.copy.node.line, 6);
  assert.equal(facts.contextFileAt(cmd, '/job.sh', context)?.file, 'app/job.sh');
  assert.is(facts.contextFileAt(cmd, '/usr/bin/env', context), null);
  assert.is(facts.contextFileAt(at(6), '/usr/local/bin/report', context), null, 'before the COPY that brings it');
  assert.equal(facts.programFile(cmd, 'report', context), { path: '/usr/local/bin/report', source: facts.contextFileAt(cmd, '/usr/local/bin/report', context) });
  assert.equal(facts.programFile(cmd, './bin/run.sh', context)?.path, '/app/bin/run.sh');
  assert.is(facts.programFile(cmd, 'node', context), null);
  assert.is(model.stages.length, 2);
});

test('stageRole: toolboxes, official-image definitions, files named for dev or CI; initHelps only for applications', () => {
  const role = (text: string, filename: string | null = 'Dockerfile') => {
    const { model, facts } = load(text, official);
    return facts.stageRole(model.finalStage!, filename).role;
  };
  assert.is(role(lines('FROM debian:12', 'CMD ["sleep", "infinity"]')), 'toolbox');
  assert.is(role(lines('FROM debian:12', 'CMD tail -f /dev/null')), 'toolbox', 'a shell-form command of plain words');
  assert.is(role(lines('FROM debian:12', 'CMD ["sleep", "5"]')), 'application', 'a short sleep is a job');
  assert.is(role(lines('FROM debian:12', 'CMD ["/app"]'), 'docker/Dockerfile.ci'), 'toolbox');
  assert.is(role(lines('FROM debian:12', 'CMD ["/app"]'), 'base.Dockerfile'), 'toolbox');
  assert.is(role(lines('FROM debian:12', 'CMD ["/app"]'), 'Dockerfile.test'), 'dev-or-test');
  assert.is(role(lines('FROM debian:12', 'CMD ["/app"]'), 'Dockerfile.prod'), 'application');
  assert.is(role(lines('# PLEASE DO NOT EDIT IT DIRECTLY.', 'FROM alpine:3.20', 'CMD ["/app"]')), 'official-image');
  assert.is(role(lines('FROM debian:12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["redis-server"]')), 'official-image');
  assert.is(role(lines('FROM node:20', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["myserver"]')), 'application', 'a language image is no OS image');
  assert.is(role(lines('FROM debian:12', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["/usr/local/bin/app", "--serve"]')), 'application');
  const { model, facts } = load(lines('FROM node:20', 'CMD ["node", "server.js"]'), official);
  assert.equal(facts.initHelps(model.finalStage!, 'Dockerfile'), { helps: true, role: { role: 'application', reason: 'it is the build target' }, sufficient: null, service: 'its command runs `server.js`, named as a server' });
  assert.is(facts.initHelps(model.finalStage!, '.devcontainer/Dockerfile').helps, false);
  assert.is(role(lines('FROM node:20', 'CMD ["node", "a.js"]'), 'third/vendor/x/Dockerfile'), 'vendored');
  assert.is(role(lines('FROM node:20', 'CMD ["node", "a.js"]'), 'docker-tutorial/step-2/Dockerfile'), 'sample');
  assert.is(role(lines('FROM node:20', 'CMD ["node", "a.js"]'), 'examples/web/Dockerfile'), 'application', 'examples are not teaching samples');
});

test('initHelps: an application whose PID 1 already is a proper one, and why', async () => {
  const sufficient = (text: string) => {
    const { model, facts } = load(text, official);
    return facts.initHelps(model.finalStage!, 'Dockerfile');
  };
  const gunicorn = sufficient(lines('FROM debian:12', 'CMD ["gunicorn", "app:app"]'));
  assert.is(gunicorn.helps, false);
  assert.is(gunicorn.role.role, 'application');
  assert.is(gunicorn.sufficient?.id, 'server-reaps');
  assert.is(sufficient(lines('FROM debian:12', 'ENTRYPOINT ["/usr/bin/tini", "--", "gosu", "app", "redis-server"]')).sufficient?.id, 'server-reaps');
  assert.is(sufficient(lines('FROM debian:12', 'ENTRYPOINT ["yq"]')).sufficient?.id, 'one-shot-tool');
  assert.is(sufficient(lines('FROM debian:12', 'CMD ["python", "main.py"]')).sufficient, null);
  assert.is(sufficient(lines('FROM debian:12', 'CMD gunicorn app:app & wait')).sufficient, null, 'a shell stays as PID 1');
});

test('initHelps: service evidence, and none for a job, a tool or a client (service: null)', async () => {
  const service = (text: string) => {
    const { model, facts } = load(text, official);
    const where = facts.initHelps(model.finalStage!, 'Dockerfile');
    return [where.helps, where.service];
  };
  assert.equal(service(lines('FROM debian:12', 'CMD ["python", "main.py"]')), [false, null]);
  assert.equal(service(lines('FROM debian:12', 'HEALTHCHECK NONE', 'CMD ["python", "main.py"]')), [false, null]);
  assert.equal(service(lines('FROM debian:12', 'EXPOSE 8080/tcp', 'CMD ["python", "main.py"]')), [true, 'line 2 EXPOSEs 8080/tcp']);
  assert.equal(service(lines('FROM debian:12 AS base', 'HEALTHCHECK CMD curl -f localhost', 'FROM base', 'CMD ["python", "main.py"]')), [true, 'line 2 sets a HEALTHCHECK']);
  assert.equal(service(lines('FROM nginx:1.27', 'CMD ["/start.sh"]')), [true, 'its base image `nginx:1.27` EXPOSEs 80']);
  assert.equal(service(lines('FROM debian:12', 'ENV APP_PORT=80', 'CMD ["python", "main.py"]')), [true, 'it sets the variable APP_PORT']);
  assert.equal(service(lines('FROM debian:12', 'CMD ["waitress-serve", "main:app"]')), [true, 'its command runs the server `waitress-serve`']);
  // A server dfmod cannot name as needing an init: the service is shown, and the init still does not help.
  assert.equal(service(lines('FROM debian:12', 'CMD ["http-server", "/srv"]')), [false, 'its command runs the server `http-server`']);
  assert.equal(service(lines('FROM debian:12', 'CMD ["flask", "run"]')), [true, 'its command runs the server `flask run`']);
  assert.equal(service(lines('FROM debian:12', 'CMD python manage.py runserver 0.0.0.0:8000')), [true, 'its command passes `runserver`']);
  assert.equal(service(lines('FROM debian:12', 'CMD ["/app.py", "--listen=:80"]')), [true, 'its command passes `--listen=:80`']);
  assert.equal(service(lines('FROM debian:12', 'CMD ["node", "web_server.js"]')), [true, 'its command runs `web_server.js`, named as a server']);
});

test('aptListsInherited: lists an earlier stage of the chain downloaded and did not delete', () => {
  const inherited = (text: string) => {
    const { model, facts } = load(text);
    return facts.aptListsInherited(model.finalStage!);
  };
  assert.ok(inherited(lines('FROM debian:12 AS base', 'RUN apt-get update', 'FROM base', 'CMD ["/app"]')));
  assert.ok(inherited(lines('FROM debian:12 AS a', 'RUN apt-get update', 'FROM a AS b', 'RUN echo', 'FROM b', 'CMD ["/app"]')), 'through two stages');
  assert.not.ok(inherited(lines('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'FROM base', 'CMD ["/app"]')));
  assert.not.ok(inherited(lines('FROM debian:12 AS base', 'RUN apt-get update', 'FROM debian:12', 'CMD ["/app"]')), 'not built FROM it');
  assert.not.ok(inherited(lines('FROM debian:12', 'RUN apt-get update', 'CMD ["/app"]')), "the stage's own lists are not inherited");
});

test('signalPath: pass-through entrypoints, shell scripts, npm start and context scripts', () => {
  const path = (text: string, files: Record<string, string> = {}) => {
    const { model, facts } = load(text, official);
    return signalPath(facts, model.finalStage!, memoryContext(files), shell);
  };
  assert.equal(path(lines('FROM node:20', 'CMD ["node", "a.js"]')), { kind: 'direct' });
  const shellForm = path(lines('FROM node:20', 'CMD cd /app && node a.js --port $PORT'));
  assert.is(shellForm.kind, 'add-exec');
  if (shellForm.kind === 'add-exec') assert.equal([shellForm.node.line, shellForm.offset, shellForm.command], [2, 11, 'node a.js --port $PORT']);
  assert.equal(path(lines('FROM node:20', 'CMD exec node a.js --port $PORT')), { kind: 'direct' });
  assert.is(path(lines('FROM node:20', 'CMD node a.js || echo failed')).kind, 'forced');
  assert.is(path(lines('FROM node:20', 'CMD ["sh", "-c", "node a.js"]')).kind, 'forced', 'an exec-form sh -c is not the file\'s shell-form script to edit');
  const files = { 'package.json': '{"scripts": {"start": "node a.js"}}', 'a.js': '' };
  const npm = path(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'CMD ["npm", "start"]'), files);
  assert.is(npm.kind, 'run-script');
  if (npm.kind === 'run-script') assert.equal([npm.runner, npm.argv], [['npm', 'start'], ['node', 'a.js']]);
  assert.is(path(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'CMD ["npm", "run", "serve"]'), files).kind, 'forced', 'no serve script');
  const script = lines('FROM node:20', 'COPY run.sh /usr/local/bin/', 'ENTRYPOINT ["run.sh"]');
  assert.equal(path(script, { 'run.sh': '#!/bin/sh\nexec node a.js\n' }), { kind: 'direct' });
  assert.is(path(script, { 'run.sh': '#!/bin/sh\nnode a.js\n' }).kind, 'forced');
});

test('contextSourceAt: the context file a COPY puts at a path, the last COPY winning', () => {
  const { model, facts } = load(lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'COPY src/ ./lib/', 'COPY . .', 'COPY conf/app.json /etc/app.json'));
  const stage = model.finalStage!;
  assert.is(contextSourceAt(facts, stage, '/app/package.json'), 'package.json', 'the whole context, copied last');
  assert.is(contextSourceAt(facts, stage, '/etc/app.json'), 'conf/app.json');
  assert.is(contextSourceAt(facts, stage, '/usr/bin/x'), null);
  const glob = load(lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./'));
  assert.is(contextSourceAt(glob.facts, glob.model.finalStage!, '/app/package.json'), 'package.json');
});

test('stageRole: tool images, shells as the command in any form, packaged upstream releases', () => {
  const role = (text: string, files: Record<string, string> = {}) => {
    const { model, facts } = load(text, official);
    return facts.stageRole(model.finalStage!, 'Dockerfile', undefined, memoryContext(files)).role;
  };
  assert.is(role(lines('FROM eclipse-temurin:21', 'COPY mvn-entrypoint.sh /usr/local/bin/', 'ENTRYPOINT ["/usr/local/bin/mvn-entrypoint.sh"]', 'CMD ["mvn"]')), 'toolbox');
  assert.is(role(lines('FROM eclipse-temurin:21', 'CMD ["gradle"]')), 'toolbox');
  assert.is(role(lines('FROM alpine:3.20', 'ENTRYPOINT ["aws"]')), 'toolbox');
  assert.is(role(lines('FROM alpine:3.20', 'ENTRYPOINT ["memcached"]')), 'application', 'a server is no tool');
  assert.is(role(lines('FROM alpine:3.20', 'CMD ["make", "serve"]')), 'application', 'a tool with a task of its own runs it');
  assert.is(role(lines('FROM debian:12', 'CMD /bin/bash')), 'base', 'a shell-form CMD of plain words');
  assert.is(role(lines('FROM debian:12', 'ENTRYPOINT ["/bin/sh"]')), 'base', 'a shell as the ENTRYPOINT, with no CMD');
  assert.is(role(lines('# DO NOT EDIT: created by update.sh from Dockerfile.template', 'FROM php:8.3-apache', 'CMD ["apache2-foreground"]')), 'official-image');
  const packaged = lines('FROM debian:12-slim', 'ENV HTTPD_VERSION=2.4.68', 'RUN curl -fsSL https://x/httpd-$HTTPD_VERSION.tgz | tar xz', 'COPY httpd-foreground /usr/local/bin/', 'CMD ["httpd-foreground"]');
  assert.is(role(packaged, { 'httpd-foreground': '#!/bin/sh\nexec httpd -DFOREGROUND\n' }), 'official-image', 'a script, by its #! line');
  assert.is(role(packaged, { 'httpd-foreground': '\x7fELF' }), 'application', 'a program of its own');
  assert.is(role(lines('FROM node:20-slim', 'ENV APP_VERSION=1.2', 'COPY . .', 'CMD ["node", "server.js"]')), 'application', 'it copies its source');
});

// Review round 10: an ARG-pinned upstream release built in a stage of the file (B: tini added to a published base image), and
// a version ENV an app only records, or one beside an app built from the context (bad note: "an official-image definition").
test('stageRole: a NAME_VERSION (ENV or ARG) an install expands, with only support files from the context, is an official-image definition; one an app only records is not', () => {
  const role = (text: string, files: Record<string, string> = {}) => {
    const { model, facts } = load(text, official);
    return facts.stageRole(model.finalStage!, 'Dockerfile', undefined, memoryContext(files));
  };
  const upstream = lines('ARG SERVER_VERSION=4.2.1', 'FROM debian:12-slim AS build', 'ARG SERVER_VERSION',
    'RUN git clone --branch v${SERVER_VERSION} https://example.com/server /src && make -C /src install DESTDIR=/out',
    'FROM debian:12-slim', 'COPY --from=build /out/ /', 'COPY ssh_config /etc/ssh/', 'COPY start.sh /start.sh', 'EXPOSE 80', 'ENTRYPOINT ["/start.sh"]');
  assert.equal(role(upstream), { role: 'official-image', reason: 'it installs a pinned upstream release (`ARG SERVER_VERSION`) and copies only scripts and configuration from the build context, as official-image definitions do' });
  assert.is(role(lines('FROM debian:12-slim', 'ENV TOOL_VERSION=1.4', 'RUN curl -fsSLo /usr/local/bin/tool https://example.com/v${TOOL_VERSION}/tool', 'CMD ["tool", "serve"]')).role, 'official-image');
  // The same clone, but the image also builds the app of the context: an application.
  assert.is(role(upstream.replace('COPY start.sh /start.sh', 'COPY src/ /srv/app/')).role, 'application');
  // A version ENV no install expands, beside a build output copied from a stage that builds the context.
  const app = lines('FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build', 'COPY . /src', 'RUN dotnet publish /src -o /out',
    'FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'ENV APP_VERSION=1.2.3', 'COPY --from=build /out /app', 'EXPOSE 80', 'ENTRYPOINT ["dotnet", "/app/App.dll"]');
  assert.is(role(app).role, 'application');
  assert.is(role(app.replace('COPY . /src', 'RUN true').replace('ENV APP_VERSION=1.2.3', 'ENV APP_VERSION=1.2.3\nRUN echo v$OTHER_VERSION')).role, 'application', 'an ENV that nothing expands');
  // A pinned download with no CMD or ENTRYPOINT: what `docker run` is given runs, as in a base or dev environment.
  assert.equal(role(lines('FROM nvidia/cuda:12.1.0-devel-ubuntu22.04', 'ENV OFED_VERSION=5.8', 'RUN wget -q https://example.com/ofed-${OFED_VERSION}.tgz && tar xzf ofed-${OFED_VERSION}.tgz')),
    { role: 'base', reason: 'it sets no CMD or ENTRYPOINT, so its containers run what `docker run` is given, as base and dev-environment images do' });
});

test('stageRole: CI and development folders, command-line tool ENTRYPOINTs, a base a build argument chooses', () => {
  const role = (text: string, filename = 'Dockerfile', files: Record<string, string> = {}) => {
    const { model, facts } = load(text, official);
    return facts.stageRole(model.finalStage!, filename, undefined, memoryContext(files));
  };
  const app = lines('FROM debian:12', 'CMD ["/app"]');
  assert.equal(role(app, 'docs-samples/.kokoro/Dockerfile'), { role: 'toolbox', reason: "the file is in `.kokoro/`, a CI system's folder, for the images its jobs run in" });
  assert.equal(role(app, 'hack/Dockerfile'), { role: 'dev-or-test', reason: 'the file is in `hack/`, where projects keep their development scripts and tools' });
  assert.is(role(app, 'tests/Dockerfile').role, 'dev-or-test', 'a test folder the engine leaves alone, processed with --no-ignore');
  assert.is(role(app, 'e2e.Dockerfile').role, 'dev-or-test');
  assert.is(role(app, 'hack.Dockerfile').role, 'application', 'hack/ is a folder');
  const tool = lines('FROM debian:12', 'COPY out/cst /usr/local/bin/cst', 'ENTRYPOINT ["cst"]');
  assert.equal(role(tool), { role: 'toolbox', reason: 'its ENTRYPOINT `cst` is a program copied into the image, with no CMD, EXPOSE or HEALTHCHECK: a command-line tool, which `docker run` hands its arguments' });
  assert.is(role(tool, 'Dockerfile', { 'out/cst': '#!/bin/sh\nexec /srv/cst\n' }).role, 'application', 'a script, by its #! line');
  assert.is(role(lines('FROM debian:12', 'RUN apt-get install -y cst', 'ENTRYPOINT ["cst"]')).role, 'application', 'not copied in');
  assert.is(role(lines('FROM debian:12', 'COPY traefik /traefik', 'ENTRYPOINT ["/traefik"]')).role, 'application', 'a known server');
  assert.is(role(lines('FROM debian:12', 'COPY bin/ /usr/local/bin/', 'COPY kube-apiserver /usr/local/bin/', 'ENTRYPOINT ["kube-apiserver"]')).role, 'application', 'a service\'s name inside a word');
  assert.is(role(lines('FROM golang:1.23 AS b', 'RUN go build -o /cst .', 'FROM debian:12', 'COPY --from=b /cst /cst', 'ENTRYPOINT ["/cst"]')).role, 'application',
    'a program a build stage compiled: pid1Sufficient says single-binary');
  assert.equal(role(lines('ARG BASE', 'FROM $BASE', 'RUN make')), { role: 'base', reason: 'it sets no CMD or ENTRYPOINT, and builds on whatever image the build argument BASE names, as base images made for several bases do' });
  assert.is(role(lines('ARG TAG', 'FROM acme/app:$TAG', 'COPY conf /etc/app')).role, 'application', 'a version argument: the image runs its own command');
});

test('signalPath: a script that traps SIGTERM and waits handles the signal; an exec\'d last command is the app, background jobs or not', () => {
  const path = (script: string) => {
    const { model, facts } = load(lines('FROM debian:12', 'COPY run.sh /run.sh', 'ENTRYPOINT ["/run.sh"]'), official);
    return signalPath(facts, model.finalStage!, memoryContext({ 'run.sh': script }), shell).kind;
  };
  assert.is(path('#!/bin/bash\nstop() { kill -TERM "$pid"; wait "$pid"; }\ntrap stop TERM\napp & pid=$!\nwait $pid\n'), 'direct');
  assert.is(path('#!/bin/sh\ntrap "kill $p" EXIT SIGTERM\napp & p=$!\nwait\n'), 'direct');
  assert.is(path('#!/bin/sh\ntrap "" TERM\napp & p=$!\nwait\n'), 'forced', 'SIGTERM ignored');
  assert.is(path('#!/bin/sh\ntrap "exit 0" TERM\napp &\nwait\n'), 'forced', 'a handler that stops nothing');
  assert.is(path('#!/bin/sh\nprep &\nexec app\n'), 'direct');
  assert.is(path('#!/bin/sh\ntrap cleanup EXIT\nexec app\n'), 'direct');
  assert.is(path('#!/bin/sh\nexec app &\nwait\n'), 'forced');
});

test.run();
