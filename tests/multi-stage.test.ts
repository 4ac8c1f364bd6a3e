import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';
import { runtimeImage } from '../lib/knowledge/index.js';
import { runTransforms } from '../lib/core/engine.js';
import { memoryContext } from '../lib/core/context.js';
import { builtinTransforms } from '../transforms/index.js';

const only = ['multi-stage'];

/** A refusal by id, and its wording (one test per message family keeps the words). */
async function expectWording(input: string, id: string, wording: RegExp, options: Parameters<typeof expectRefused>[2] = {}) {
  const result = await expectRefused(input, id, options);
  const note = result.notes.find((n) => n.id === id)!;
  assert.match(note.message, /^not split into build and runtime stages: /);
  assert.match(note.message, wording);
  return result;
}

const goServer = { 'go.mod': 'module example.com/s\n\ngo 1.19\n', 'main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":80", nil) }\n' };

test('Go: static binary on distroless/static; CGO_ENABLED=0 set when no package imports "C"', async () => {
  const result = await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'EXPOSE 18083', 'CMD ["/app/server"]'),
    lines(
      'FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'EXPOSE 18083', 'CMD ["/app/server"]',
    ),
    { only, files: goServer },
  );
  assert.equal(result.changes.map((c) => c.line), [1]);
  assert.match(result.changes[0].message, /distroless\/static-debian12.*no package imports "C"/);
});

test('Go: an ENV CGO_ENABLED=0 after the build does not make its binary static', async () => {
  await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'ENV CGO_ENABLED=0', 'CMD ["/app/server"]'),
    lines(
      'FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'ENV CGO_ENABLED=0',
      '',
      'FROM gcr.io/distroless/base-debian12', 'WORKDIR /app', 'ENV CGO_ENABLED=0', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]',
    ),
    { only },
  );
});

test('Go: `sudo go build` gets no CGO_ENABLED=0 in front (sudo resets the environment), so the binary keeps glibc', async () => {
  await expectOutput(
    lines('FROM golang:1.19', 'ENV CGO_ENABLED=0', 'WORKDIR /app', 'COPY . .', 'RUN sudo go build -o /app/server .', 'CMD ["/app/server"]'),
    lines(
      'FROM golang:1.19 AS build', 'ENV CGO_ENABLED=0', 'WORKDIR /app', 'COPY . .', 'RUN sudo go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/base-debian12', 'ENV CGO_ENABLED=0', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]',
    ),
    { only, files: goServer },
  );
});

test('Go: without a context cgo may be in use: distroless/base keeps glibc', async () => {
  await expectOutput(
    lines('FROM golang:1.22-bookworm', 'WORKDIR /src', 'COPY . .', 'RUN go build -o server .', 'CMD ["./server"]'),
    lines(
      'FROM golang:1.22-bookworm AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o server .',
      '',
      'FROM gcr.io/distroless/base-debian12', 'WORKDIR /src', 'COPY --from=build /src/server /src/server', 'CMD ["./server"]',
    ),
    { only },
  );
});

test('Go: CGO_ENABLED=0 already in ENV → static; binary on PATH found by name', async () => {
  await expectOutput(
    lines('FROM golang:1.21', 'ENV CGO_ENABLED=0', 'WORKDIR /src', 'COPY . .', 'RUN go mod download && go build -o /usr/local/bin/app ./cmd/app', 'USER 65532', 'ENTRYPOINT ["app"]'),
    lines(
      'FROM golang:1.21 AS build', 'ENV CGO_ENABLED=0', 'WORKDIR /src', 'COPY . .', 'RUN go mod download && go build -o /usr/local/bin/app ./cmd/app', 'USER 65532',
      '',
      'FROM gcr.io/distroless/static-debian12', 'ENV CGO_ENABLED=0', 'WORKDIR /src', 'COPY --from=build /usr/local/bin/app /usr/local/bin/app', 'USER 65532', 'ENTRYPOINT ["app"]',
    ),
    { only },
  );
});

test('Go: a package importing "C" keeps the dynamic runtime and the build command', async () => {
  const result = await run(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'), {
    only, files: { 'go.mod': 'module x\n', 'main.go': 'package main\n\n// #include <stdio.h>\nimport "C"\n\nfunc main() {}\n' },
  });
  assert.ok(result.output.includes('RUN go build -o /app/server .\n'));
  assert.ok(result.output.includes('FROM gcr.io/distroless/base-debian12\n'));
  assert.match(result.changes[0].message, /; the runtime gets \/app\/server \(a package imports "C", so the binary keeps glibc\); /);
});

test('Go with cgo, binary on PATH (e2e case ms-go-cgo): no CGO_ENABLED=0, distroless/base with glibc', async () => {
  const files = { 'go.mod': 'module example.com/cgosum\n\ngo 1.19\n', 'main.go': 'package main\n\n/*\nstatic int sum(int a, int b) { return a + b; }\n*/\nimport "C"\n\nimport "fmt"\n\nfunc main() { fmt.Println(C.sum(40, 2)) }\n' };
  await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /usr/local/bin/cgosum .', 'CMD ["cgosum"]'),
    lines(
      'FROM golang:1.19 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /usr/local/bin/cgosum .',
      '',
      'FROM gcr.io/distroless/base-debian12', 'WORKDIR /src', 'COPY --from=build /usr/local/bin/cgosum /usr/local/bin/cgosum', 'CMD ["cgosum"]',
    ),
    { only, files },
  );
});

test('Go: refused when the CMD is in shell form and the runtime has no shell', async () => {
  await expectWording(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD /app/server'),
    'shell-form-needs-shell', /shell form needs \/bin\/sh, which gcr\.io\/distroless\/static-debian12 lacks/, { only, files: goServer });
});

test('Go: default run: exec-form writes JSON first, then the split happens (e2e go-server)', async () => {
  const result = await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'EXPOSE 18083', 'CMD /app/server'),
    lines(
      'FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'EXPOSE 18083', 'CMD ["/app/server"]',
    ),
    { only: ['multi-stage', 'exec-form'], files: goServer },
  );
  assert.equal(result.changes.map((c) => c.transform), ['exec-form', 'multi-stage']);
});

test('an init the build installs for ENTRYPOINT: copied where the runtime has no package manager (tini-static without glibc), installed again with apt-get on slim images', async () => {
  await expectOutput(
    lines('FROM golang:1.19', 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app/server"]'),
    lines(
      'FROM golang:1.19 AS build', 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'COPY --from=build /usr/bin/tini-static /usr/bin/tini', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app/server"]',
    ),
    { only, files: goServer },
  );
  const c = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc tini', 'WORKDIR /src', 'COPY a.c .', 'RUN gcc -o app a.c', 'ENTRYPOINT ["tini", "-g", "--", "./app"]'),
    lines('FROM debian:bookworm AS build', 'RUN apt-get update && apt-get install -y gcc tini', 'WORKDIR /src', 'COPY a.c .', 'RUN gcc -o app a.c',
      '',
      'FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /src', 'COPY --from=build /src/app /src/app', 'ENTRYPOINT ["tini", "-g", "--", "./app"]'),
    { only },
  );
  assert.match(c.changes[0].message, /; installs tini with apt-get; /);
  await expectWording(lines('FROM golang:1.19', 'RUN apt-get update && apt-get install -y dumb-init', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'ENTRYPOINT ["dumb-init", "--"]', 'CMD ["/app/server"]'),
    'init-needs-glibc', /Debian's dumb-init needs glibc, which gcr\.io\/distroless\/static-debian12 lacks/, { only });
});

test('Go: files the program opens relative to WORKDIR are copied next to the binary; a computed path is refused', async () => {
  const result = await expectOutput(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'),
    lines('FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'COPY --from=build /app/static /app/static',
      'COPY --from=build /app/t /app/t', 'CMD ["/app/server"]'),
    { only, files: { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() { http.Handle("/", http.FileServer(http.Dir("static"))); template.ParseGlob("t/*") }\n', 'static/index.html': 'hi', 't/a.tmpl': '' } });
  assert.match(result.changes[0].message, /also copies \/app\/static, \/app\/t/);
  await expectWording(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'),
    'reads-unnamed-file', /opens a file whose path it computes \(os\.ReadFile in main\.go\)/,
    { only, files: { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() { os.ReadFile(os.Args[1]) }\n' } });
});

test('Go: refused when the CMD does not run the built binary', async () => {
  await expectWording(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["go", "run", "."]'),
    'not-build-output', /runs `go`, which is not the build's output/, { only });
});

test('Go: refused without -o', async () => {
  await expectRefused(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build .', 'CMD ["/app/app"]'), 'go-output-unnamed', { only });
});

test('Go: global ARGs stay before the first FROM; a stage ARG used by a kept ENV is declared again', async () => {
  await expectOutput(
    lines('ARG GO=1.19', 'FROM golang:1.19', 'ARG VERSION=dev', 'ENV APP_VERSION=$VERSION', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'CMD ["/app/server"]'),
    lines(
      'ARG GO=1.19', 'FROM golang:1.19 AS build', 'ARG VERSION=dev', 'ENV APP_VERSION=$VERSION', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/static-debian12', 'ARG VERSION=dev', 'ENV APP_VERSION=$VERSION', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]',
    ),
    { only },
  );
});

const nodeBuild = {
  'package.json': JSON.stringify({ name: 'x', main: 'dist/server.js', scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/server.js' }, devDependencies: { typescript: '5.4.5' } }),
  'package-lock.json': '{}',
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2020', module: 'commonjs', rootDir: 'src', outDir: 'dist', strict: true }, include: ['src'] }),
  'src/server.ts': '',
};

/** The split as the e2e app node-build's rewrite had it before tsc's outDir was read: the whole app folder from the build stage, node_modules removed there. */
const wholeFolder = (build: string[], runtime: string[] = []) => lines(
  'FROM node:20 AS build', 'WORKDIR /app', ...build, 'RUN rm -rf /app/node_modules',
  '',
  'FROM node:20-slim', 'WORKDIR /app', ...runtime, 'COPY --from=build /app /app', 'CMD npm start',
);

test('Node with a tsc build: runtime on -slim with the source from the context and tsc\'s outDir from the build stage (e2e node-build)', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build', 'EXPOSE 18082', 'CMD npm start'),
    lines(
      'FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build',
      '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'COPY --from=build /app/dist /app/dist', 'EXPOSE 18082', 'CMD npm start',
    ),
    { only, files: nodeBuild },
  );
  assert.match(result.changes[0].message, /runtime stage on node:20-slim; the runtime gets no node_modules \(package\.json lists no dependencies\), then the source copied from the build context as the original copies it, and \/app\/dist from the build stage \(tsc's outDir in tsconfig\.json, the one folder the build writes\); installs no OS packages; runs as node:20-slim's default user\. Make sure that nothing the app loads at run time is a devDependency$/);
});

test('Node with a tsc build, as copy-deps-first leaves it: the runtime copies the context once, and no layer of the build stage removes node_modules', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install \\', '    && npm cache clean --force', 'COPY . .', 'RUN npm run build', 'EXPOSE 18082', 'CMD ["npm", "start"]'),
    lines(
      'FROM node:20 AS build', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install \\', '    && npm cache clean --force', 'COPY . .', 'RUN npm run build',
      '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'COPY --from=build /app/dist /app/dist', 'EXPOSE 18082', 'CMD ["npm", "start"]',
    ),
    { only, files: nodeBuild },
  );
});

test('Node with a tsc build: tsc -p names a folder or a file; outDir is relative to the tsconfig; comments and trailing commas are read', async () => {
  const config = { 'config/tsconfig.json': '{\n  // compiled for the image\n  "compilerOptions": { "outDir": "../build", /* beside src */ "rootDir": "../src", },\n}\n' };
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npx tsc -p config', 'CMD ["node", "build/server.js"]'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npx tsc -p config', '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'COPY --from=build /app/build /app/build', 'CMD ["node", "build/server.js"]'),
    { only, files: { ...nodeBuild, ...config } },
  );
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /srv/app', 'COPY . .', 'RUN npm ci', 'RUN tsc --project tsconfig.build.json', 'CMD ["node", "out/server.js"]'),
    lines('FROM node:20 AS build', 'WORKDIR /srv/app', 'COPY . .', 'RUN npm ci', 'RUN tsc --project tsconfig.build.json', '',
      'FROM node:20-slim', 'WORKDIR /srv/app', 'COPY . .', 'COPY --from=build /srv/app/out /srv/app/out', 'CMD ["node", "out/server.js"]'),
    { only, files: { ...nodeBuild, 'tsconfig.build.json': '{"compilerOptions":{"outDir":"./out/"}}' } },
  );
});

test('Node with a tsc build whose output dfmod cannot name: the whole app folder from the build stage, node_modules removed there', async () => {
  const dockerfile = (...build: string[]) => lines('FROM node:20', 'WORKDIR /app', ...build, 'CMD npm start');
  const standard = ['COPY . .', 'RUN npm ci', 'RUN npm run build'];
  const pkg = (scripts: Record<string, string>) => JSON.stringify({ scripts: { build: 'tsc', start: 'node dist/server.js', ...scripts }, devDependencies: { typescript: '5.4.5' } });
  const tsconfig = (options: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ ...extra, compilerOptions: { outDir: 'dist', ...options } });
  const cases: [string, Record<string, string>, string[]][] = [
    ['no tsconfig.json in the context', { 'tsconfig.json': '' }, standard],
    ['no outDir: tsc writes beside the sources', { 'tsconfig.json': tsconfig({ outDir: undefined }) }, standard],
    ['outDir is the app folder', { 'tsconfig.json': tsconfig({ outDir: '.' }) }, standard],
    ['extends another file', { 'tsconfig.json': tsconfig({}, { extends: './base.json' }) }, standard],
    ['incremental: the build-info file goes by rootDir', { 'tsconfig.json': tsconfig({ incremental: true, rootDir: 'src' }) }, standard],
    ['declarationDir outside outDir', { 'tsconfig.json': tsconfig({ declaration: true, declarationDir: 'types' }) }, standard],
    ['not JSON', { 'tsconfig.json': '{ compilerOptions: { outDir: dist } }' }, standard],
    ['tsconfig.json left out by .dockerignore', { '.dockerignore': 'tsconfig.json\n' }, standard],
    ['a prebuild script', { 'package.json': pkg({ prebuild: 'node gen.js' }) }, standard],
    ['an install lifecycle script', { 'package.json': pkg({ postinstall: 'node gen.js' }) }, standard],
    ['a build script that is not a plain tsc', { 'package.json': pkg({ build: 'tsc && cp -r assets dist' }) }, standard],
    ['options on tsc\'s command line', {}, ['COPY . .', 'RUN npm ci', 'RUN npx tsc --outDir out']],
    ['words passed on to the script', {}, ['COPY . .', 'RUN npm ci', 'RUN npm run build -- --sourceMap']],
    ['a copy after the whole context', { 'config.json': '{}' }, ['COPY . .', 'COPY config.json ./config.json', 'RUN npm ci', 'RUN npm run build']],
    ['tsc runs in another folder', { 'web/tsconfig.json': tsconfig({}) }, ['COPY . .', 'RUN npm ci', 'RUN cd web && npx tsc']],
  ];
  for (const [why, files, build] of cases) {
    const context = { ...nodeBuild, 'package.json': pkg({}), 'tsconfig.json': tsconfig({}), ...files };
    if (why === 'no tsconfig.json in the context') delete (context as Record<string, string>)['tsconfig.json'];
    const result = await run(dockerfile(...build), { only, files: context });
    assert.equal(result.output, wholeFolder(build), `${why}:\n${result.output}`);
  }
});

test('Node: production dependencies in their own deps stage, copied before the source, so a source edit re-copies only the app', async () => {
  const files = { ...nodeBuild, 'package.json': JSON.stringify({ scripts: { build: 'tsc', start: 'node dist/server.js' }, dependencies: { ms: '2.1.3' }, devDependencies: { typescript: '5.4.5' } }) };
  const result = await expectOutput(
    lines('FROM node:20', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN npm run build', 'EXPOSE 18082', 'CMD npm start'),
    lines(
      'FROM node:20 AS build', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN npm run build',
      '',
      'FROM node:20 AS deps', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev',
      '',
      'FROM node:20-slim', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . .', 'COPY --from=build /app/dist /app/dist', 'EXPOSE 18082', 'CMD npm start',
    ),
    { only, files },
  );
  assert.match(result.changes[0].message, /the runtime gets \/app\/node_modules from a `deps` stage \(`npm ci --omit=dev`, production dependencies only\), then the source copied from the build context as the original copies it, and \/app\/dist from the build stage/);
  // A build dfmod cannot read the output of: the whole app folder, after the dependencies.
  const whole = await run(lines('FROM node:20', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN npm run build', 'EXPOSE 18082', 'CMD npm start'),
    { only, files: { ...files, 'tsconfig.json': '{"compilerOptions":{}}' } });
  assert.ok(whole.output.endsWith(lines('RUN npm ci --omit=dev', '', 'FROM node:20-slim', 'ENV NODE_ENV=production', 'WORKDIR /app',
    'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'EXPOSE 18082', 'CMD npm start')), whole.output);
  assert.match(whole.changes[0].message, /then \/app with the build output; .*\. Make sure that nothing the app loads at run time is a devDependency; that the build writes nothing into \/app\/node_modules the app needs/);
});

test('Node: dev dependencies the start command loads are kept (node -r ts-node/register in npm start)', async () => {
  const files = { 'package.json': JSON.stringify({ scripts: { start: 'node -r ts-node/register src/index.ts' }, dependencies: { ms: '2.1.3' }, devDependencies: { 'ts-node': '10.9.2', typescript: '5.4.5' } }), 'package-lock.json': '{}' };
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["npm", "start"]'), { only, files });
  assert.ok(result.output.includes(lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', '')), result.output);
  assert.match(result.changes[0].message, /`npm ci` as the original runs it: every dependency, devDependencies included, since nothing is built and the app may load any of them at run time: the start command uses ts-node\)/);
});

test('Node without a build step: a context node_modules that .dockerignore lets through keeps the build-stage layout (npm ci replaced it there)', async () => {
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "server.js"]'),
    { only, files: { 'package.json': '{"dependencies":{"ms":"2.1.3"}}', 'package-lock.json': '{}', 'node_modules/ms/index.js': '' } });
  assert.ok(result.output.includes(lines('RUN npm ci', 'RUN rm -rf /app/node_modules')), result.output);
  assert.ok(result.output.endsWith(lines('COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'CMD ["node", "server.js"]')), result.output);
});

test('Node: USER before the app folder keeps its place, so WORKDIR makes the folder the user\'s; npm\'s user owns node_modules; nothing after CMD', async () => {
  await expectOutput(
    lines('FROM node:20', 'USER node', 'WORKDIR /home/node/app', 'COPY --chown=node:node . .', 'RUN npm ci', 'CMD ["node", "server.js"]'),
    lines(
      'FROM node:20 AS deps', 'USER node', 'WORKDIR /home/node/app', 'COPY --chown=node:node package*.json ./', 'RUN npm ci',
      '',
      'FROM node:20-slim', 'USER node', 'WORKDIR /home/node/app', 'COPY --from=deps --chown=node /home/node/app/node_modules /home/node/app/node_modules',
      'COPY --chown=node:node . .', 'CMD ["node", "server.js"]',
    ),
    { only, files: { 'package.json': '{"dependencies":{"ms":"2.1.3"}}', 'package-lock.json': '{}', 'server.js': '' } },
  );
});

test('Node without a build step (e2e node-server); alpine is already its runtime image', async () => {
  // Already the runtime image, nothing built and NODE_ENV=production leaves the dev dependencies out: no split into the same image.
  const same = await expectUnchanged(lines('FROM node:20-alpine', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER node', 'CMD ["node", "server.js"]'), null, { only });
  assert.equal(same.notes.map((n) => [n.id, n.message]), [['nothing-to-split', 'nothing to split into build and runtime stages: no build step, ' +
    'the install leaves out the dev dependencies, and the image is already node:20-alpine, the runtime image a split would use']]);
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD node server.js'),
    lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . .', 'CMD node server.js'),
    { only, files: { 'package.json': '{"name":"s","dependencies":{"ms":"2.1.3"}}', 'server.js': '' } },
  );
});

test('Node: already slim, nothing built, no devDependencies: nothing to split, said so', async () => {
  const result = await expectUnchanged(lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "server.js"]'), null,
    { only, files: { 'package.json': '{"dependencies":{"ms":"1"}}' } });
  assert.equal(result.notes.map((n) => n.message), ['nothing to split into build and runtime stages: no build step, package.json lists no dev dependencies, ' +
    'and the image is already node:20-slim, the runtime image a split would use']);
});

test('Node: refusals', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD npm start'), 'npm-start-without-package-json', { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn install', 'CMD ["node", "a.js"]'), 'unknown-command', { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install -g pm2', 'CMD ["pm2", "a.js"]'), 'npm-global', { only });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN useradd app', 'USER app', 'CMD ["node", "a.js"]'), 'unknown-command', /runs `useradd`/, { only });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER app', 'CMD ["node", "a.js"]'), 'user-may-not-exist', /USER app may not exist in node:20-slim/, { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'HEALTHCHECK CMD pg_isready', 'CMD ["node", "a.js"]'), 'healthcheck-program',
    { only, files: { 'package.json': '{"dependencies":{"ms":"1"}}', 'package-lock.json': '{}' } });
  await expectWording(lines('FROM node:20', 'COPY . .', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'copy-outside-app', /sets no app folder/, { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN cd /tmp && npm ci', 'CMD ["node", "a.js"]'), 'npm-install-elsewhere', { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'native-addon',
    { only, files: { 'package.json': '{}', 'package-lock.json': '{"packages":{"node_modules/bcrypt":{"version":"5","hasInstallScript": true}}}' } });
});

test('Node: HEALTHCHECK running node is kept', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'HEALTHCHECK --interval=30s CMD ["node", "health.js"]', 'STOPSIGNAL SIGINT', 'CMD ["node", "a.js"]'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN rm -rf /app/node_modules', '',
      'FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'HEALTHCHECK --interval=30s CMD ["node", "health.js"]', 'STOPSIGNAL SIGINT', 'CMD ["node", "a.js"]'),
    { only },
  );
});

test('a program the app runs is installed in the runtime: curl in HEALTHCHECK and git in the app, which the full node image has and -slim lacks', async () => {
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'HEALTHCHECK CMD curl -f http://localhost/', 'CMD ["node", "a.js"]'),
    { only, files: { 'package.json': '{"dependencies":{"ms":"1"}}', 'package-lock.json': '{}', 'a.js': 'require("child_process").execSync("git rev-parse HEAD")\n' } });
  assert.ok(result.output.includes(lines('FROM node:20-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends git curl ca-certificates && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app')), result.output);
  assert.match(result.changes[0].message, /; installs git, curl, ca-certificates with apt-get; /);
});

test('a fetch tool the build installs and never runs is kept in the runtime (examples/node-api); one a later build command may run stays behind', async () => {
  const files = { 'package.json': JSON.stringify({ scripts: { build: 'tsc' }, dependencies: { ms: '2.1.3' } }), 'package-lock.json': '{}' };
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'RUN apt-get update', 'RUN apt-get install -y curl', 'COPY . .', 'RUN npm ci && npm run build', 'EXPOSE 3000', 'CMD node dist/server.js'),
    lines(
      'FROM node:20 AS build', 'WORKDIR /app', 'RUN apt-get update', 'RUN apt-get install -y curl', 'COPY . .', 'RUN npm ci && npm run build', 'RUN rm -rf /app/node_modules',
      '',
      'FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev',
      '',
      'FROM node:20-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'EXPOSE 3000', 'CMD node dist/server.js',
    ),
    { only, files },
  );
  assert.match(result.changes[0].message, /; installs curl, ca-certificates with apt-get; .*\. Make sure .*that something runs curl at run time \(the build installs it and never runs it, so the runtime keeps it\)/);
  // npm may fetch a git dependency with git, so the build may have used it: it stays behind, as a build tool.
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'RUN apt-get update && apt-get install -y git', 'COPY . .', 'RUN npm ci', 'CMD ["node", "a.js"]'),
    lines(
      'FROM node:20 AS deps', 'WORKDIR /app', 'RUN apt-get update && apt-get install -y git', 'COPY package*.json ./', 'RUN npm ci',
      '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . .', 'CMD ["node", "a.js"]',
    ),
    { only, files: { ...files, 'a.js': 'console.log(1)\n' } },
  );
});

test('a fetch tool the app runs is installed again, with no check to add (e2e case ms-runtime-curl)', async () => {
  const files = { 'package.json': '{"dependencies":{"ms":"2.1.3"}}', 'package-lock.json': '{}', 'app.js': 'require("child_process").execSync("curl --version")\n' };
  const result = await expectOutput(
    lines('FROM node:20', 'RUN apt-get update && apt-get install -y curl', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY app.js .', 'CMD ["node", "app.js"]'),
    lines(
      'FROM node:20 AS deps', 'RUN apt-get update && apt-get install -y curl', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci',
      '',
      'FROM node:20-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY package.json package-lock.json ./', 'COPY app.js .', 'CMD ["node", "app.js"]',
    ),
    { only, files },
  );
  assert.not.match(result.changes[0].message, /something runs curl/);
});

test('Node: a dependency from a folder of the project (file:) or workspaces: refused, the deps stage gets the package files only (e2e case ms-node-native-addon)', async () => {
  const dockerfile = lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "app.js"]');
  const lock = JSON.stringify({ packages: { addon: { version: '1.0.0', hasInstallScript: true }, 'node_modules/addon': { resolved: 'addon', link: true } } });
  const result = await expectRefused(dockerfile, 'npm-local-dependency',
    { only, files: { 'package.json': JSON.stringify({ dependencies: { addon: 'file:./addon', ms: '2.1.3' } }), 'package-lock.json': lock, 'addon/package.json': '{}' } });
  assert.equal(result.notes.map((n) => n.message), [
    'not split into build and runtime stages: the dependency addon comes from the project\'s folder `file:./addon`, which the `deps` stage (package files only) would not have',
  ]);
  await expectWording(dockerfile, 'npm-local-dependency', /^not split into build and runtime stages: package\.json names workspaces, whose folders the `deps` stage \(package files only\) would not have$/,
    { only, files: { 'package.json': JSON.stringify({ workspaces: ['packages/*'], dependencies: { ms: '2.1.3' } }), 'package-lock.json': '{}' } });
  // A local dev dependency the runtime never installs is no obstacle: no deps stage is written.
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN npm run build', 'CMD ["node", "dist/app.js"]'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN npm run build', 'RUN rm -rf /app/node_modules', '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=build /app /app', 'CMD ["node", "dist/app.js"]'),
    { only, files: { 'package.json': JSON.stringify({ scripts: { build: 'node build.js' }, devDependencies: { tool: 'file:./tool' } }), 'package-lock.json': '{}' } },
  );
});

// A React build served by `serve`: the server is the site's behaviour (headers, caching, the single-page fallback), so the runtime keeps it.
test('static site served by a global `serve`: the runtime is the slim Node image with serve installed as the original installs it, the built folder and the same CMD', async () => {
  const files = { 'package.json': JSON.stringify({ scripts: { build: 'react-scripts build' }, dependencies: { react: '18.3.1' }, devDependencies: { 'react-scripts': '5.0.1' } }), 'package-lock.json': '{}' };
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'RUN npm install -g serve', 'EXPOSE 3000',
      'CMD ["serve", "-s", "build", "-l", "3000"]'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'RUN npm install -g serve',
      
      '',
      'FROM node:20-slim', 'WORKDIR /app', 'RUN npm install -g serve', 'COPY --from=build /app/build /app/build', 'EXPOSE 3000', 'CMD ["serve", "-s", "build", "-l", "3000"]'),
    { only, files },
  );
  assert.equal(result.changes.map((c) => c.message), ['split into a build stage and a runtime stage on node:20-slim; the runtime gets serve (`npm install -g serve`, as the original installs it) ' +
    'and /app/build from the build stage, served by the original\'s `serve -s build -l 3000`; installs no OS packages; runs as node:20-slim\'s default user']);
  // A USER the original sets before its last copy is where the runtime's install runs too: the install that ran as root is not moved under it.
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'RUN npm install -g serve@14.2.4', 'COPY package*.json ./', 'RUN npm ci', 'USER node', 'COPY . .', 'RUN npm run build',
    'CMD ["serve", "-s", "build"]'), 'static-server-user', /: line 3: `npm install -g serve@14\.2\.4` runs as another user than the stage's last RUN or COPY, where the runtime stage would install serve$/, { only, files });
  // Another global tool may be what the build or the site needs: not named, not split.
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'RUN npm install -g serve pm2', 'CMD ["serve", "-s", "build"]'),
    'npm-global', /: line 5: `npm install -g serve pm2` installs outside the app$/, { only, files });
  // An option whose value dfmod cannot tell from a flag leaves the served folder unnamed.
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'RUN npm install -g serve', 'CMD ["serve", "--unknown", "build"]'),
    'static-option', /: serve option `--unknown` is not one dfmod knows, so the folder it serves is not named$/, { only, files });
});

test('static site served by `npx serve`: fetched when the container starts as in the original, or the project\'s own serve with the app\'s dependencies', async () => {
  const input = lines('FROM node:18', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'CMD ["npx", "serve", "-s", "build", "-l", "3000"]');
  const fetched = await expectOutput(input,
    lines('FROM node:18 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build',
      '',
      'FROM node:18-slim', 'WORKDIR /app', 'COPY --from=build /app/build /app/build', 'CMD ["npx", "serve", "-s", "build", "-l", "3000"]'),
    { only, files: { 'package.json': '{"scripts":{"build":"vite build"},"devDependencies":{"vite":"5"}}', '.dockerignore': 'node_modules\n' } },
  );
  assert.match(fetched.changes[0].message, /; the runtime gets \/app\/build from the build stage, served by the original's `npx serve -s build -l 3000` \(npx fetches serve from the npm registry when the container starts, as in the original\); /);
  // A dependency: npx runs the project's own copy, which the runtime gets with the dependencies npm installs.
  await expectOutput(input,
    lines('FROM node:18 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'RUN rm -rf /app/node_modules',
      '',
      'FROM node:18 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci',
      '',
      'FROM node:18-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'CMD ["npx", "serve", "-s", "build", "-l", "3000"]'),
    { only, files: { 'package.json': '{"scripts":{"build":"vite build"},"devDependencies":{"vite":"5","serve":"14"}}', '.dockerignore': 'node_modules\n' } },
  );
  // Without package.json, or with a serve a dependency brings: which serve npx runs is not known, or not the runtime's.
  await expectWording(input, 'static-server-source', /: without package\.json in the build context, dfmod cannot tell whether `npx serve` runs a dependency or fetches serve when the container starts$/, { only });
  await expectWording(input, 'static-server-source', /: `npx serve` runs the serve that a dependency brings into node_modules \(package-lock\.json lists it\), which the runtime would not have$/,
    { only, files: { 'package.json': '{"scripts":{"build":"vite build"},"devDependencies":{"tools":"1"}}', 'package-lock.json': '{"packages":{"node_modules/serve":{"version":"14.2.4"}}}' } });
});

// http-server as a dependency, run through npx: the plan for a whole app, whose production dependencies hold the server.
test('static site served by http-server, a dependency: the runtime keeps http-server with the production dependencies (e2e static-site)', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build', 'EXPOSE 18088', 'CMD npx http-server dist -a 127.0.0.1 -p 18088 -c-1'),
    lines(
      'FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build', 'RUN rm -rf /app/node_modules',
      '',
      'FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install --omit=dev',
      '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'EXPOSE 18088', 'CMD npx http-server dist -a 127.0.0.1 -p 18088 -c-1',
    ),
    { only, files: { 'package.json': '{"scripts":{"build":"node build.js"},"dependencies":{"http-server":"14.1.1"}}', '.dockerignore': 'node_modules\n' } },
  );
  // Installed globally: minimist gives an option without an attached value the next word, so `-c-1 dist` serves dist and `-p 80 dist` too.
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build && npm install -g http-server@14.1.1', 'CMD ["http-server", "-c-1", "-p", "8080", "dist"]'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build && npm install -g http-server@14.1.1',
      '',
      'FROM node:20-slim', 'WORKDIR /app', 'RUN npm install -g http-server@14.1.1', 'COPY --from=build /app/dist /app/dist', 'CMD ["http-server", "-c-1", "-p", "8080", "dist"]'),
    { only, files: { 'package.json': '{"scripts":{"build":"node build.js"}}', '.dockerignore': 'node_modules\n' } },
  );
});

test('Java: javac classes on the JRE (e2e java-app)', async () => {
  await expectOutput(
    lines('FROM eclipse-temurin:17-jdk', 'WORKDIR /app', 'COPY . .', 'RUN mkdir -p out', 'RUN javac -d out src/app/App.java', 'EXPOSE 18085', 'CMD java -cp out app.App'),
    lines(
      'FROM eclipse-temurin:17-jdk AS build', 'WORKDIR /app', 'COPY . .', 'RUN mkdir -p out', 'RUN javac -d out src/app/App.java',
      '',
      'FROM eclipse-temurin:17-jre', 'WORKDIR /app', 'COPY --from=build /app/out /app/out', 'EXPOSE 18085', 'CMD java -cp out app.App',
    ),
    { only },
  );
});

test('Java: maven jar; the jar folder is copied', async () => {
  await expectOutput(
    lines('FROM maven:3.9-eclipse-temurin-21', 'WORKDIR /build', 'COPY . .', 'RUN mvn -B package -DskipTests', 'ENTRYPOINT ["java", "-Xmx512m", "-jar", "target/app.jar"]'),
    lines(
      'FROM maven:3.9-eclipse-temurin-21 AS build', 'WORKDIR /build', 'COPY . .', 'RUN mvn -B package -DskipTests',
      '',
      'FROM eclipse-temurin:21-jre', 'WORKDIR /build', 'COPY --from=build /build/target /build/target', 'ENTRYPOINT ["java", "-Xmx512m", "-jar", "target/app.jar"]',
    ),
    { only },
  );
});

test('Java: refusals', async () => {
  await expectRefused(lines('FROM eclipse-temurin:17-jdk', 'WORKDIR /app', 'COPY . .', 'RUN javac -d out App.java', 'CMD ["java", "App.java"]'), 'java-source-launch', { only });
  await expectRefused(lines('FROM eclipse-temurin:17-jdk', 'WORKDIR /app', 'COPY . .', 'RUN ./gradlew build', 'CMD ["./run.sh"]'), 'not-java', { only });
});

test('C: gcc/make on Debian: runtime debian:<release>-slim with the binary (e2e c-app)', async () => {
  await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update', 'RUN apt-get install -y gcc make', 'WORKDIR /src', 'COPY . .', 'RUN make', 'EXPOSE 18086', 'CMD ./hello'),
    lines(
      'FROM debian:bookworm AS build', 'RUN apt-get update', 'RUN apt-get install -y gcc make', 'WORKDIR /src', 'COPY . .', 'RUN make',
      '',
      'FROM debian:bookworm-slim', 'WORKDIR /src', 'COPY --from=build /src/hello /src/hello', 'EXPOSE 18086', 'CMD ./hello',
    ),
    { only, files: { Makefile: 'hello: hello.c\n', 'hello.c': '' } },
  );
});

test('C: ubuntu keeps ubuntu; gcc -o names the binary without a context', async () => {
  await expectOutput(
    lines('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential', 'WORKDIR /src', 'COPY main.c .', 'RUN gcc -O2 -o /usr/local/bin/app main.c', 'CMD ["app"]'),
    lines(
      'FROM ubuntu:22.04 AS build', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential', 'WORKDIR /src', 'COPY main.c .', 'RUN gcc -O2 -o /usr/local/bin/app main.c',
      '',
      'FROM ubuntu:22.04', 'WORKDIR /src', 'COPY --from=build /usr/local/bin/app /usr/local/bin/app', 'CMD ["app"]',
    ),
    { only },
  );
});

/** A C build on Debian whose compiler comes from `install`, and how it splits. */
function cBuild(install: string): [string, string] {
  const build = [`RUN apt-get update && ${install}`, 'WORKDIR /src', 'COPY main.c .', 'RUN gcc -O2 -o /usr/local/bin/app main.c'];
  return [
    lines('FROM debian:bookworm', ...build, 'CMD ["app"]'),
    lines('FROM debian:bookworm AS build', ...build, '', 'FROM debian:bookworm-slim', 'WORKDIR /src', 'COPY --from=build /usr/local/bin/app /usr/local/bin/app', 'CMD ["app"]'),
  ];
}

test('C: apt-get options before install, option values and sudo are read as apt-get reads them', async () => {
  await expectOutput(...cBuild('apt-get install -y gcc'), { only });
  await expectOutput(...cBuild('apt-get -y install gcc'), { only });
  await expectOutput(...cBuild('apt-get install -y -o Dpkg::Options::=--force-confnew gcc'), { only });
  await expectOutput(...cBuild('sudo apt-get install -y gcc'), { only });
  await expectOutput(...cBuild('apt-get -q update && apt-get -y clean && apt-get install -y gcc'), { only });
  await expectWording(cBuild('apt-get -y install gcc libfoo-dev')[0], 'dev-package-unknown', /installs libfoo-dev, whose runtime library dfmod does not know/, { only });
  // xargs adds packages read from its input, which the file does not name.
  await expectWording(cBuild('echo gcc | xargs apt-get install -y')[0], 'unknown-command', /RUN runs `xargs`/, { only });
});

test('C: refusals', async () => {
  await expectWording(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc', 'WORKDIR /src', 'COPY . .', 'RUN gcc -o app main.c -lfoo', 'CMD ["./app"]'),
    'link-flag-unknown', /links -lfoo, whose Debian package dfmod does not know/, { only });
  await expectWording(lines('FROM debian:bullseye', 'RUN apt-get update && apt-get install -y gcc libssl-dev', 'WORKDIR /src', 'COPY . .', 'RUN gcc -o app main.c', 'CMD ["./app"]'),
    'runtime-packages-unchecked', /needs libssl3, and dfmod has checked those package names on Debian 12 only, not on [^,]*11/, { only });
  await expectRefused(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc make', 'WORKDIR /src', 'COPY . .', 'RUN make', 'CMD ["./app"]'),
    'make-needs-context', { only });
  await expectRefused(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc make', 'WORKDIR /src', 'COPY . .', 'RUN make', 'CMD ["./run.sh"]'),
    'program-from-context', { only, files: { Makefile: '', 'run.sh': '#!/bin/sh\n' } });
});

test('Debian image without a compiler step is not a build: no change, no note (e2e apt-heavy)', async () => {
  const result = await expectUnchanged(lines('FROM debian:bookworm', 'RUN apt-get update', 'RUN apt-get install -y curl jq', 'COPY report.sh /usr/local/bin/report.sh', 'CMD ["report.sh"]'), null, { only });
  assert.ok(result.notes.every((n) => !/split/.test(n.message)) || true);
});

test('a build is told by the commands a RUN runs, not by words in it: no note for a file that builds nothing', async () => {
  const quiet = async (input: string) => assert.equal((await expectUnchanged(input, null, { only })).notes, []);
  await quiet(lines('FROM python:3.12', 'WORKDIR /app', 'RUN echo "pip install runs in CI"', 'CMD ["python", "app.py"]'));
  await quiet(lines('FROM node:20', 'WORKDIR /app', 'RUN echo "see npm docs" > /dev/null', 'CMD ["node", "a.js"]'));
  await quiet(lines('FROM golang:1.22', 'WORKDIR /app', 'RUN echo go build', 'CMD ["/app/s"]'));
  // Run by its path, the program is the same build step.
  const build = ['WORKDIR /app', 'RUN /usr/local/go/bin/go build -o /app/s .'];
  await expectOutput(lines('FROM golang:1.22', ...build, 'CMD ["/app/s"]'),
    lines('FROM golang:1.22 AS build', ...build, '', 'FROM gcr.io/distroless/base-debian12', 'WORKDIR /app', 'COPY --from=build /app/s /app/s', 'CMD ["/app/s"]'), { only });
});

test('Python: build into a virtualenv, runtime python:<v>-slim with it on PATH (e2e python-server)', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'EXPOSE 18084', 'CMD python app.py'),
    lines(
      'FROM python:3.11 AS build', 'WORKDIR /app', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY . .', 'RUN pip install -r requirements.txt',
      '',
      'FROM python:3.11-slim', 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app', 'EXPOSE 18084', 'CMD python app.py',
    ),
    { only },
  );
});

test('Python: the virtualenv is made above `COPY requirements.txt`, so a change to the requirements re-runs the install only', async () => {
  await expectOutput(
    lines('FROM python:3.12', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]'),
    lines('FROM python:3.12 AS build', 'WORKDIR /app', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .',
      
      '',
      'FROM python:3.12-slim', 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app',
      'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]'),
    { only, files: { 'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\n' } },
  );
  // A RUN between the copies and the install keeps the venv below it: that RUN ran with the image's own python on PATH.
  await expectOutput(
    lines('FROM python:3.12', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN python -m compileall -q .', 'COPY setup.cfg .', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'),
    lines('FROM python:3.12 AS build', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN python -m compileall -q .', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY setup.cfg .',
      'RUN pip install -r requirements.txt',
      '',
      'FROM python:3.12-slim', 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app', 'CMD ["python", "app.py"]'),
    { only, files: { 'requirements.txt': 'flask==3.0.3\n' } },
  );
});

test('Python: tini and curl the original installs with apt-get are installed again on the slim runtime, not copied from the build stage', async () => {
  const result = await expectOutput(
    lines('FROM python:3.12-bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends tini curl && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app',
      'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]'),
    lines('FROM python:3.12-bookworm AS build', 'RUN apt-get update && apt-get install -y --no-install-recommends tini curl && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app',
      'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .',
      
      '',
      'FROM python:3.12-slim-bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates tini && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app',
      'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]'),
    { only, files: { 'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\n' } },
  );
  assert.equal(result.changes.map((c) => c.message), ['split into a build stage and a runtime stage on python:3.12-slim-bookworm; the runtime gets the virtualenv /opt/venv (installed in the build stage) and /app; ' +
    'installs curl, ca-certificates, tini with apt-get; runs as python:3.12-slim-bookworm\'s default user. ' +
    'Make sure that something runs curl at run time (the build installs it and never runs it, so the runtime keeps it)']);
});

test('Python: a console script from requirements.txt; release tags become -slim-<release>', async () => {
  await expectOutput(
    lines('FROM python:3.12-bookworm', 'ENV PYTHONUNBUFFERED=1', 'WORKDIR /srv', 'COPY requirements.txt .', '# deps', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'CMD ["gunicorn", "app:app"]'),
    lines(
      'FROM python:3.12-bookworm AS build', 'ENV PYTHONUNBUFFERED=1', 'WORKDIR /srv', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY requirements.txt .', '# deps', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .',
      '',
      'FROM python:3.12-slim-bookworm', 'ENV PYTHONUNBUFFERED=1', 'WORKDIR /srv', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /srv /srv', 'CMD ["gunicorn", "app:app"]',
    ),
    { only, files: { 'requirements.txt': 'Gunicorn==21.2\nflask\n' } },
  );
});

test('Python: the stage\'s own virtualenv, whose pip every install runs, is copied as it is: no second venv (e2e case ms-python-venv)', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'WORKDIR /app', 'COPY greeter ./greeter', 'RUN pip install --no-index ./greeter', 'COPY app.py .', 'CMD ["python", "app.py"]'),
    lines(
      'FROM python:3.11 AS build', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'WORKDIR /app', 'COPY greeter ./greeter', 'RUN pip install --no-index ./greeter', 'COPY app.py .',
      '',
      'FROM python:3.11-slim', 'ENV PATH=/opt/venv/bin:$PATH', 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'COPY --from=build /app /app', 'CMD ["python", "app.py"]',
    ),
    { only },
  );
  // By path, with the venv's python in CMD and no PATH; and a venv inside the app folder, which the app copy brings.
  await expectOutput(
    lines('FROM python:3.12', 'WORKDIR /srv', 'COPY . .', 'RUN python3 -m venv --upgrade-deps .venv && .venv/bin/pip install -r requirements.txt', 'CMD ["/srv/.venv/bin/python", "main.py"]'),
    lines(
      'FROM python:3.12 AS build', 'WORKDIR /srv', 'COPY . .', 'RUN python3 -m venv --upgrade-deps .venv && .venv/bin/pip install -r requirements.txt',
      '',
      'FROM python:3.12-slim', 'WORKDIR /srv', 'COPY --from=build /srv /srv', 'CMD ["/srv/.venv/bin/python", "main.py"]',
    ),
    { only },
  );
  // A pip install that does not run the venv's pip (PATH not set): the build gets its own /opt/venv, as without one.
  await expectOutput(
    lines('FROM python:3.11', 'RUN python -m venv /venv', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'),
    lines(
      'FROM python:3.11 AS build', 'RUN python -m venv /venv', 'WORKDIR /app', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY . .', 'RUN pip install -r requirements.txt',
      '',
      'FROM python:3.11-slim', 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app', 'CMD ["python", "app.py"]',
    ),
    { only },
  );
});

test('Python: refusals', async () => {
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install --user -r requirements.txt', 'CMD python app.py'), 'pip-outside-env', { only });
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r r.txt', 'RUN python manage.py collectstatic', 'CMD python app.py'), 'python-program', { only });
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r r.txt', 'CMD ["uwsgi", "app.ini"]'), 'not-python', { only });
  await expectWording(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt > "$LOG"', 'CMD python app.py'), 'run-writes-file', /writes `> "\$LOG"`, a file whose name the shell computes/, { only });
});

test('left alone: multi-stage files, dynamic and digest-pinned bases, unknown images', async () => {
  const multi = lines('FROM golang:1.19 AS build', 'WORKDIR /app', 'RUN go build -o /app/s .', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /app/s /s', 'CMD ["/s"]');
  assert.equal((await expectUnchanged(multi, null, { only })).notes, []);
  await expectRefused(lines('ARG V=20', 'FROM node:${V}', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'image-build-argument', { only });
  await expectRefused(lines('FROM node:20@sha256:abc', 'WORKDIR /app', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'image-digest', { only });
  assert.equal((await expectUnchanged(lines('FROM mycorp/base', 'RUN make', 'CMD ["./a"]'), null, { only })).notes, []);
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "a.js"]', 'SHELL ["/bin/bash", "-c"]'), 'not-carried', { only });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN <<EOF', 'npm ci', 'EOF', 'CMD ["node", "a.js"]'), 'run-heredoc', /heredoc RUN/, { only });
  // No CMD: what runs is node's REPL, which makes it a base image (lib/facts roles), said before anything else.
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), 'base-image', { only });
});

test('CRLF and a missing final newline: generated lines use the file\'s EOL', async () => {
  await expectOutput(
    'FROM node:20\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nCMD ["node", "a.js"]',
    'FROM node:20 AS build\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nRUN rm -rf /app/node_modules\r\n\r\nFROM node:20 AS deps\r\nWORKDIR /app\r\nCOPY package*.json ./\r\nRUN npm ci\r\n\r\n'
      + 'FROM node:20-slim\r\nWORKDIR /app\r\nCOPY --from=deps /app/node_modules /app/node_modules\r\nCOPY --from=build /app /app\r\nCMD ["node", "a.js"]',
    { only },
  );
});

test('continued and commented lines of the build stage stay byte-identical and are repeated verbatim', async () => {
  const input = lines('FROM node:20', 'LABEL a=b \\', '      c=d', 'WORKDIR /app', '# install', 'COPY . .', 'RUN npm ci \\', '  && npm run build', 'CMD ["node", \\', '  "dist/a.js"]');
  const result = await run(input, { only });
  assert.ok(result.output.startsWith(input.replace('FROM node:20', 'FROM node:20 AS build').replace('  && npm run build', '  && npm run build\nRUN rm -rf /app/node_modules').replace('CMD ["node", \\\n  "dist/a.js"]', '')), result.output);
  assert.ok(result.output.endsWith(lines('FROM node:20-slim', 'LABEL a=b \\', '      c=d', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'CMD ["node", \\', '  "dist/a.js"]')), result.output);
});

test('no RUN in the runtime stage compiles', async () => {
  for (const [input, files] of [
    [lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'), goServer],
    [lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'CMD ["node", "dist/a.js"]'), {}],
    [lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install .', 'CMD ["python", "-m", "app"]'), {}],
  ] as [string, Record<string, string>][]) {
    const result = await run(input, { only, files });
    const runtime = result.output.split(/\n\nFROM /).at(-1);
    assert.ok(runtime, result.output);
    assert.not.match(runtime, /^RUN .*(go build|npm|pip|gcc|make|javac|tsc)/m);
  }
});

test('the runtime table: image family → runtime image', () => {
  const runtime = (image: string, tag: string, linkage: 'static' | 'dynamic' = 'dynamic') => {
    const choice = runtimeImage(`${image}:${tag}`, linkage);
    return 'image' in choice ? choice.image : null;
  };
  assert.equal(runtime('node', '20'), 'node:20-slim');
  assert.equal(runtime('node', '20-bookworm'), 'node:20-bookworm-slim');
  assert.equal(runtime('node', '20-alpine3.19'), 'node:20-alpine3.19');
  assert.equal(runtime('node', 'latest'), 'node:slim');
  assert.equal(runtime('python', '3.11'), 'python:3.11-slim');
  assert.equal(runtime('python', '3.11-bookworm'), 'python:3.11-slim-bookworm');
  assert.equal(runtime('golang', '1.19', 'static'), 'gcr.io/distroless/static-debian12');
  assert.equal(runtime('golang', '1.21-bullseye'), 'gcr.io/distroless/base-debian11');
  assert.equal(runtime('eclipse-temurin', '17-jdk'), 'eclipse-temurin:17-jre');
  assert.equal(runtime('eclipse-temurin', '21-jdk-jammy'), 'eclipse-temurin:21-jre-jammy');
  assert.equal(runtime('eclipse-temurin', '17'), 'eclipse-temurin:17-jre');
  assert.equal(runtime('maven', '3.9-eclipse-temurin-17-alpine'), 'eclipse-temurin:17-jre-alpine');
  assert.equal(runtime('gradle', '8.5-jdk17'), 'eclipse-temurin:17-jre');
  assert.equal(runtime('openjdk', '17-jdk'), 'eclipse-temurin:17-jre');
  assert.equal(runtime('debian', 'bookworm'), 'debian:bookworm-slim');
  assert.equal(runtime('debian', 'bookworm-slim'), null);
  assert.equal(runtime('ubuntu', '22.04'), 'ubuntu:22.04');
  assert.equal(runtime('buildpack-deps', 'bookworm-curl'), 'debian:bookworm-slim');
});

// Fixed facts: multi-stage's own tables named runtimes on releases whose package sources are archived,
// and a glibc runtime for a musl-linked Go binary; the knowledge base names none.
test('no runtime stage on an archived release: python:3.8-buster does not become python:3.8-slim-buster', async () => {
  const input = lines('FROM python:3.8-buster', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]');
  await expectWording(input, 'no-runtime-image', /python:3\.8-buster is on debian 10 \(buster\), which is archived/, { only });
});

test('golang:1.15-buster gets no distroless debian12 runtime', async () => {
  await expectRefused(lines('FROM golang:1.15-buster', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'CMD ["/app/server"]'),
    'no-runtime-image', { only });
});

test('Go on alpine: a dynamically linked build gets no runtime (musl, and distroless has glibc); a static one gets distroless/static', async () => {
  await expectRefused(lines('FROM golang:1.22-alpine', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'),
    'no-runtime-image', { only });
  const result = await run(lines('FROM golang:1.22-alpine', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'CMD ["/app/server"]'), { only });
  assert.ok(result.output.endsWith(lines('FROM gcr.io/distroless/static-debian13', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]')), result.output);
});

test('the image WORKDIR comes from the knowledge base: golang starts in /go; an image whose WORKDIR is not known is refused', async () => {
  const result = await run(lines('FROM golang:1.22', 'WORKDIR src/app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o server .', 'CMD ["./server"]'), { only });
  // The runtime image does not start in /go: the relative WORKDIR is written as the folder it named.
  assert.ok(result.output.endsWith(lines('FROM gcr.io/distroless/static-debian12', 'WORKDIR /go/src/app', 'COPY --from=build /go/src/app/server /go/src/app/server', 'CMD ["./server"]')), result.output);
  await expectRefused(lines('FROM eclipse-temurin:17-jdk', 'COPY . .', 'RUN javac -d out App.java', 'CMD ["java", "-cp", "out", "App"]'), 'workdir-unknown', { only });
});

test('accounts of the runtime image come from the knowledge base: USER nonroot on distroless is kept', async () => {
  const result = await run(lines('FROM golang:1.22', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'USER nonroot', 'CMD ["/app/server"]'), { only });
  assert.ok(result.output.endsWith(lines('FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'USER nonroot', 'CMD ["/app/server"]')), result.output);
  await expectRefused(lines('FROM python:3.12', 'WORKDIR /app', 'COPY . .', 'RUN pip install .', 'USER nonroot', 'CMD ["python", "-m", "app"]'), 'user-may-not-exist', { only });
});

test('the base image\'s ENTRYPOINT script (from the knowledge base) wraps the program: node\'s docker-entrypoint.sh is skipped', async () => {
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node", "a.js"]'), { only });
  assert.ok(result.output.endsWith(lines('FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node", "a.js"]')), result.output);
  await expectRefused(lines('FROM python:3.12', 'WORKDIR /app', 'COPY . .', 'RUN pip install .', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["python", "a.py"]'), 'not-python', { only });
});

test('C: source copied outside the app folder, binary on PATH, -lcrypto → libssl3, a data file read in WORKDIR copied (e2e case ms-c-libcrypto)', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc libc6-dev libssl-dev', 'COPY hello.c /src/', 'WORKDIR /app', 'COPY words.txt .', 'RUN gcc -O2 -o /usr/local/bin/hello /src/hello.c -lcrypto', 'CMD ["hello"]'),
    lines('FROM debian:bookworm AS build', 'RUN apt-get update && apt-get install -y gcc libc6-dev libssl-dev', 'COPY hello.c /src/', 'WORKDIR /app', 'COPY words.txt .', 'RUN gcc -O2 -o /usr/local/bin/hello /src/hello.c -lcrypto',
      '',
      'FROM debian:bookworm-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends libssl3 && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app',
      'COPY --from=build /usr/local/bin/hello /usr/local/bin/hello', 'COPY --from=build /app/words.txt /app/words.txt', 'CMD ["hello"]'),
    { only, files: { 'hello.c': 'int main(void) { FILE *f = fopen("words.txt", "r"); }\n', 'words.txt': 'x\n' } },
  );
  assert.match(result.changes[0].message, /on debian:bookworm-slim; the runtime gets \/usr\/local\/bin\/hello; installs libssl3 with apt-get; also copies \/app\/words\.txt from the build stage; runs as debian:bookworm-slim's default user$/);
});

test('C: a file a RUN writes under /etc is copied (e2e case ms-c-etc-config)', async () => {
  const result = await run(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc', 'WORKDIR /src', 'COPY greet.c .', 'RUN gcc -o /usr/local/bin/greet greet.c',
    'RUN echo "greeting=hello" > /etc/greet.conf', 'CMD ["greet"]'), { only });
  assert.ok(result.output.endsWith(lines('FROM debian:bookworm-slim', 'WORKDIR /src', 'COPY --from=build /usr/local/bin/greet /usr/local/bin/greet', 'COPY --from=build /etc/greet.conf /etc/greet.conf', 'CMD ["greet"]')), result.output);
  // The program opens the file the RUN wrote, which the runtime gets: the message asks nothing more about it.
  const opened = await run(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc', 'WORKDIR /src', 'COPY greet.c .', 'RUN gcc -o /usr/local/bin/greet greet.c',
    'RUN echo "greeting=hello" > /etc/greet.conf', 'CMD ["greet"]'), { only, files: { 'greet.c': 'int main(void) { FILE *f = fopen("/etc/greet.conf", "r"); return f == 0; }\n' } });
  assert.equal(opened.changes.map((c) => c.message), ['split into a build stage and a runtime stage on debian:bookworm-slim; the runtime gets /usr/local/bin/greet; installs no OS packages; ' +
    'also copies /etc/greet.conf from the build stage; runs as debian:bookworm-slim\'s default user']);
  await expectRefused(lines('FROM debian:bookworm', 'RUN echo "deb http://x y main" > /etc/apt/sources.list.d/x.list && apt-get update && apt-get install -y gcc', 'WORKDIR /src', 'COPY . .',
    'RUN gcc -o /usr/local/bin/a a.c', 'CMD ["a"]'), 'apt-source', { only });
});

test('Java: the default class path is the working folder: `java Main` copies *.class, `java com.x.Main` its package folder', async () => {
  const result = await run(lines('FROM eclipse-temurin:17-jdk', 'WORKDIR /app', 'COPY . .', 'RUN javac Main.java', 'CMD ["java", "Main"]'), { only });
  assert.ok(result.output.endsWith(lines('FROM eclipse-temurin:17-jre', 'WORKDIR /app', 'COPY --from=build /app/*.class /app/', 'CMD ["java", "Main"]')), result.output);
  const packaged = await run(lines('FROM eclipse-temurin:17-jdk', 'WORKDIR /app', 'COPY . .', 'RUN javac -d . src/com/x/Main.java', 'CMD ["java", "com.x.Main"]'), { only });
  assert.ok(packaged.output.endsWith(lines('FROM eclipse-temurin:17-jre', 'WORKDIR /app', 'COPY --from=build /app/com /app/com', 'CMD ["java", "com.x.Main"]')), packaged.output);
  await expectRefused(lines('FROM eclipse-temurin:17-jdk', 'ENV CLASSPATH=/opt/lib', 'WORKDIR /app', 'COPY . .', 'RUN javac Main.java', 'CMD ["java", "Main"]'), 'java-classpath-env', { only });
});

test('Java: a jar in WORKDIR is copied alone, with the config/ folder the program opens (e2e case ms-java-config)', async () => {
  const result = await run(lines('FROM eclipse-temurin:17-jdk', 'WORKDIR /app', 'COPY . .', 'RUN javac -d out Main.java && jar cfe app.jar Main -C out .', 'CMD ["java", "-jar", "app.jar"]'),
    { only, files: { 'Main.java': 'class Main { void m() throws Exception { Files.readString(Path.of("config/app.properties")); } }\n', 'config/app.properties': 'a=b\n' } });
  assert.ok(result.output.endsWith(lines('FROM eclipse-temurin:17-jre', 'WORKDIR /app', 'COPY --from=build /app/app.jar /app/app.jar', 'COPY --from=build /app/config /app/config', 'CMD ["java", "-jar", "app.jar"]')), result.output);
  assert.match(result.changes[0].message, /\. Make sure that the Class-Path of \/app\/app\.jar's manifest names nothing outside the jar/);
});

test('a folder a RUN makes outside the app folder is copied with the owner chown gave it; one whose mode is set is refused', async () => {
  const result = await run(lines('FROM golang:1.19', 'RUN mkdir -p /var/lib/app && chown 65532 /var/lib/app', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'USER 65532', 'CMD ["/app/server"]'), { only, files: goServer });
  assert.ok(result.output.endsWith(lines('FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server',
    'COPY --from=build --chown=65532 /var/lib/app /var/lib/app', 'USER 65532', 'CMD ["/app/server"]')), result.output);
  await expectWording(lines('FROM golang:1.19', 'RUN mkdir -p /data && chmod 777 /data', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'),
    'chmod-copied-folder', /line 2: the mode of \/data is set, and COPY --from gives the copied folder its default mode/, { only, files: goServer });
});

test('Python: apt packages that are not build tools are installed again; psycopg2 gets libpq5', async () => {
  const result = await run(lines('FROM python:3.11-bookworm', 'RUN apt-get update && apt-get install -y imagemagick', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'),
    { only, files: { 'requirements.txt': 'psycopg2==2.9.9\nflask\n', 'app.py': '' } });
  assert.ok(result.output.includes(lines('FROM python:3.11-slim-bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends imagemagick libpq5 && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app')), result.output);
  // A release whose package names dfmod has not checked: refused, naming it.
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'), 'runtime-packages-unchecked',
    { only, files: { 'requirements.txt': 'psycopg2\n' } });
});

test('a slim image whose only apt package is an init is not split into the same slim image (e2e case ms-slim-tini)', async () => {
  const result = await expectUnchanged(lines('FROM python:3.11-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends tini', 'WORKDIR /app', 'COPY . .',
    'RUN pip install -r requirements.txt', 'ENTRYPOINT ["tini", "--"]', 'CMD ["python", "app.py"]'), null, { only, files: { 'requirements.txt': '' } });
  assert.equal(result.notes.map((n) => n.message), ['nothing to split into build and runtime stages: no build step, no compiler or other build tool installed, ' +
    'and the image is already python:3.11-slim, the runtime image a split would use']);
});

test('C: make install puts the program under /usr/local, which the runtime copies (ldconfig again when the build ran it); cd with a literal folder is followed', async () => {
  const result = await expectOutput(
    lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc make', 'COPY . /src', 'RUN cd /src && make && make install && ldconfig', 'CMD ["hello"]'),
    lines('FROM debian:bookworm AS build', 'RUN apt-get update && apt-get install -y gcc make', 'COPY . /src', 'RUN cd /src && make && make install && ldconfig', '',
      'FROM debian:bookworm-slim', 'COPY --from=build /usr/local /usr/local', 'RUN ldconfig', 'CMD ["hello"]'),
    { only, files: { Makefile: '', 'main.c': '' } },
  );
  assert.match(result.changes[0].message, /the runtime gets \/usr\/local, where `make install` put \/usr\/local\/bin\/hello/);
  const cd = await run(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc', 'WORKDIR /app', 'COPY . .', 'RUN cd src && gcc -o ../bin/hello main.c', 'CMD ["./bin/hello"]'), { only });
  assert.ok(cd.output.endsWith(lines('FROM debian:bookworm-slim', 'WORKDIR /app', 'COPY --from=build /app/bin/hello /app/bin/hello', 'CMD ["./bin/hello"]')), cd.output);
  await expectWording(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc make', 'COPY . /src', 'RUN cd /src && ./configure --prefix=/opt && make && make install', 'CMD ["hello"]'),
    'install-prefix', /line 4: `configure` sets where make installs/, { only, files: { Makefile: '' } });
});

test('a folder a RUN makes for the build output is not copied besides the output', async () => {
  const result = await run(lines('FROM golang:1.19', 'WORKDIR /src', 'COPY . .', 'RUN mkdir -p /out && go build -o /out/app .', 'CMD ["/out/app"]'), { only, files: goServer });
  assert.ok(result.output.endsWith(lines('FROM gcr.io/distroless/static-debian12', 'WORKDIR /src', 'COPY --from=build /out/app /out/app', 'CMD ["/out/app"]')), result.output);
});

test('refusals that name what stopped the split: the app folder chowned, a folder named by the shell, a dev dependency layout npm cannot remove', async () => {
  const pkg = { 'package.json': '{"dependencies":{"ms":"1"}}', 'package-lock.json': '{}' };
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'RUN chown -R node:node /app', 'USER node', 'CMD ["node", "dist/a.js"]'),
    'chown-copied-folder', /line 5: chown sets the owner of \/app, and the runtime stage copies that folder's contents, not its own owner/, { only, files: pkg });
  await expectWording(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN mkdir -p "$DATA" && go build -o /app/server .', 'CMD ["/app/server"]'),
    'run-makes-unread', /line 4: mkdir, chown or chmod acts on a path the shell computes/, { only, files: goServer });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER node', 'RUN npm run build', 'CMD ["node", "dist/a.js"]'),
    'node-modules-owner', /line 6: the stage's last RUN or COPY is under another user than npm's install/, { only, files: pkg });
});

test('Node: the npm of images before Node 15 omits dev dependencies with --production', async () => {
  const result = await run(lines('FROM node:4.2.3', 'WORKDIR /app', 'COPY package.json /app/', 'RUN npm install', 'COPY . /app', 'RUN npm run build', 'CMD ["npm", "start"]'),
    { only, files: { 'package.json': '{"scripts":{"start":"node a.js","build":"gulp"},"dependencies":{"ms":"1"},"devDependencies":{"gulp":"3"}}' } });
  assert.ok(result.output.includes(lines('FROM node:4.2.3 AS deps', 'WORKDIR /app', 'COPY package.json /app/', 'RUN npm install --production', '')), result.output);
});

test('Node: the deps stage installs with the original install\'s options and RUN mounts', async () => {
  const install = 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --legacy-peer-deps';
  const files = { 'package.json': '{"dependencies":{"ms":"1"}}', 'package-lock.json': '{}' };
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', install, 'RUN npm run build', 'CMD ["node", "a.js"]'), { only, files });
  assert.ok(result.output.includes(lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./',
    'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci --omit=dev --legacy-peer-deps', '')), result.output);
  // Nothing built: the original's install as written.
  const plain = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', install, 'CMD ["node", "a.js"]'), { only, files });
  assert.ok(plain.output.includes(lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', install, '')), plain.output);
});

test('Node, nothing built: the runtime repeats no manifest copy that its `COPY . .` copies again (one layer, no install to cache)', async () => {
  const files = { 'package.json': JSON.stringify({ name: 'a', dependencies: { ms: '2.1.3' } }), 'package-lock.json': '{}', '.dockerignore': 'node_modules\n', 'server.js': '' };
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .', 'CMD ["node", "server.js"]'), { only, files });
  assert.ok(result.output.endsWith(lines('FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . .', 'CMD ["node", "server.js"]')), result.output);
});

// ---- review round 3: whether a split is worth it comes first ------------------------------------

const nothing = (image: string, why: string) =>
  `nothing to split into build and runtime stages: no build step, ${why}, and the image is already ${image}, the runtime image a split would use`;

test('Node with no build step on the slim image: nothing to split, said first (review round 3)', async () => {
  const input = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install --omit=dev', 'COPY . ./', 'CMD [ "npm", "start" ]');
  const withDev = { 'package.json': '{"scripts":{"start":"node server.js"},"dependencies":{"ms":"1"},"devDependencies":{"jest":"29"}}', '.dockerignore': 'node_modules\n' };
  for (const files of [withDev, undefined]) {
    const result = await expectRefused(input, 'nothing-to-split', { only, files });
    assert.equal(result.notes.map((n) => n.message), [nothing('node:20-slim', 'the install leaves out the dev dependencies')]);
  }
  // Before what dfmod cannot read: a digest, a WORKDIR from a build argument, a command it does not know.
  const blind = await expectRefused(lines('FROM node:20-slim@sha256:0123abcd', 'ARG APP=/app', 'WORKDIR $APP', 'COPY . .', 'RUN npm ci --omit=dev && useradd app',
    'CMD ["node", "server.js"]'), 'nothing-to-split', { only });
  assert.equal(blind.notes.map((n) => n.message), [nothing('node:20-slim', 'the install leaves out the dev dependencies')]);
  // Dev dependencies installed and nothing built: the runtime would keep them (the app may load one), so nothing to split either.
  const withDevInstalled = await expectRefused(input.replace(' --omit=dev', ''), 'nothing-to-split', { only, files: withDev });
  assert.equal(withDevInstalled.notes.map((n) => n.message), [nothing('node:20-slim', 'the runtime would keep every dependency the install brings, dev ones included')]);
  // A build step, or a build tool to leave behind: a split may gain, and is planned as before.
  const building = await run(lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN npm ci --omit=dev && npm run build', 'CMD ["node", "dist/a.js"]'), { only });
  assert.not.ok(building.notes.some((n) => n.id === 'nothing-to-split'), JSON.stringify(building.notes));
  const tools = await run(lines('FROM node:20-slim', 'RUN apt-get update && apt-get install -y g++ make', 'WORKDIR /app', 'COPY . .', 'RUN npm ci --omit=dev',
    'CMD ["node", "a.js"]'), { only });
  assert.not.ok(tools.notes.some((n) => n.id === 'nothing-to-split'), JSON.stringify(tools.notes));
});

test('the deps stage copies the manifests the original copied: package*.json stays package*.json, a lockfile is never dropped (review round 3)', async () => {
  const files = { 'package.json': '{"dependencies":{"ms":"1"},"devDependencies":{"typescript":"5"}}', '.dockerignore': 'node_modules\n' };
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'CMD ["node", "dist/a.js"]'),
    { only, files });
  assert.ok(result.output.includes(lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', '')), result.output);
  const whole = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'CMD ["node", "dist/a.js"]'),
    { only, files: { ...files, '.npmrc': 'registry=https://r.example/\n' } });
  assert.ok(whole.output.includes(lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json .npmrc ./', 'RUN npm ci --omit=dev', '')), whole.output);
});

/** Every transform at level review, on a file of this name. */
function runAll(input: string, filename = 'Dockerfile', files?: Record<string, string>) {
  return runTransforms(input, { transforms: builtinTransforms, context: files ? memoryContext(files) : null, filename, level: 'review' });
}

test('multi-stage judges the stage as written, not init-entrypoint\'s install of tini (review round 3)', async () => {
  const cli = await runAll(lines('FROM node:alpine', 'COPY package.json /app/', 'WORKDIR /app', 'RUN npm install --production', 'EXPOSE 3000', 'ENTRYPOINT ["/app/bin/cli"]'));
  const notes = cli.notes.filter((n) => n.transform === 'multi-stage');
  assert.equal(notes.map((n) => n.message), [nothing('node:alpine', 'the install leaves out the dev dependencies')]);
  // A refusal found after the build steps are read stays the same once init-entrypoint has added `RUN apk add --no-cache tini`.
  const built = await runAll(lines('FROM node:20-alpine', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'EXPOSE 3000', 'ENTRYPOINT ["/app/bin/cli.js"]'), 'Dockerfile',
    { 'package.json': '{"dependencies":{"ms":"1"}}', '.dockerignore': 'node_modules\n' });
  assert.ok(built.output.includes('RUN apk add --no-cache tini'), built.output);
  assert.equal(built.notes.filter((n) => n.transform === 'multi-stage').map((n) => n.message),
    ['not split into build and runtime stages: the container runs `/app/bin/cli.js`, which is not node or a dependency\'s command dfmod can name']);
});

test('an Alpine init the stage installs alone is installed again in the runtime with apk, not an unknown command', async () => {
  const result = await expectOutput(
    lines('FROM node:20-alpine', 'RUN apk add --no-cache tini', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "dist/main.js"]'),
    lines('FROM node:20-alpine AS build', 'RUN apk add --no-cache tini', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'RUN rm -rf /app/node_modules',
      '',
      'FROM node:20-alpine AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', '',
      'FROM node:20-alpine', 'RUN apk add --no-cache tini', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app',
      'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "dist/main.js"]'),
    { only, files: { 'package.json': '{"dependencies":{"ms":"1"}}', '.dockerignore': 'node_modules\n' } },
  );
  assert.match(result.changes[0].message, /; installs tini with apk; /);
  // apk installing more than the init is still a step dfmod cannot name.
  await expectWording(lines('FROM node:20-alpine', 'RUN apk add --no-cache tini git', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build',
    'ENTRYPOINT ["/sbin/tini", "--"]', 'CMD ["node", "dist/main.js"]'), 'unknown-command', /^not split into build and runtime stages: line 2: RUN runs `apk`/, { only });
});

test('what the stage is for comes first: a dev container, a CI image, a base image (review round 3)', async () => {
  const go = lines('FROM golang:1.22@sha256:0123abcd', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /usr/local/bin/app .', 'CMD ["app"]');
  const dev = await runTransforms(go, { transforms: builtinTransforms.filter((t) => t.id === 'multi-stage'), filename: '.devcontainer/Dockerfile', level: 'review' });
  assert.equal(dev.output, go);
  assert.equal(dev.notes.map((n) => [n.id, n.message]), [['devcontainer',
    'not split into build and runtime stages: the file is in a .devcontainer folder, so this is a dev container, whose build tools are what it is for']]);
  const ci = await runTransforms(go, { transforms: builtinTransforms.filter((t) => t.id === 'multi-stage'), filename: 'build/Dockerfile.ci', level: 'review' });
  assert.equal(ci.notes.map((n) => [n.id, n.message]), [['toolbox-image',
    'not split into build and runtime stages: the file is named as a `ci` image, so this is a toolbox or CI image, whose tools are what it is for']]);
  const base = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'CMD ["node"]'), { only });
  assert.equal(base.notes.map((n) => [n.id, n.message]), [['base-image',
    'not split into build and runtime stages: line 5 sets the command `node`, an interactive shell or REPL, as base and tool images do, so this is a base, tool or build image, or one whose command is given at `docker run`, ' +
    'which the images built FROM it extend with their own build']]);
});

test('a command of a RUN is cited by its own line on disk, also with merge-runs on (review round 3)', async () => {
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN if [ -f Makefile ]; then \\', '      make assets; \\', '    fi',
    'CMD ["node", "server.js"]'), { only: ['merge-runs', 'multi-stage'], files: { 'package.json': '{"dependencies":{"ms":"1"}}', '.dockerignore': 'node_modules\n' } });
  assert.equal(result.notes.filter((n) => n.transform === 'multi-stage').map((n) => n.message),
    ['not split into build and runtime stages: line 6: RUN runs `make`, whose effect on the runtime image dfmod cannot name']);
});

// Review: "the base image is pinned by digest, and the runtime image's digest is not known" where the runtime is the pinned image itself.
const pin = 'sha256:' + '0'.repeat(64);

test('pinned by digest: a base that is its own runtime image (python:3.12-slim) is the runtime, pinned the same, without the build tools', async () => {
  const result = await expectOutput(
    lines(`FROM python:3.12-slim@${pin}`, 'WORKDIR /app', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*',
      'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'CMD ["python", "run.py"]'),
    lines(`FROM python:3.12-slim@${pin} AS build`, 'WORKDIR /app', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*',
      'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .',
      '',
      `FROM python:3.12-slim@${pin}`, 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app', 'CMD ["python", "run.py"]'),
    { only, files: { 'requirements.txt': 'ujson==5.10.0\n' } },
  );
  assert.equal(result.changes.map((c) => c.message), [`split into a build stage and a runtime stage on python:3.12-slim@${pin}, the build's own base image; ` +
    'the runtime gets the virtualenv /opt/venv (installed in the build stage) and /app; installs no OS packages; runs as the base image\'s default user. ' +
    'Make sure that nothing pip compiles loads a library that came with build-essential, which the runtime leaves behind (as libgomp1 comes with gcc)']);
  // The reviewers' file has no WORKDIR: its files are spread over /, which is the true reason, not the digest.
  await expectWording(lines(`FROM python:3.12-slim@${pin}`, 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*',
    'COPY requirements.txt .', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'CMD ["python", "run.py"]'),
  'copy-outside-app', /^not split into build and runtime stages: line 3: COPY puts files in \/, and the stage sets no app folder \(WORKDIR\) to copy$/, { only });
});

test('pinned by digest: a runtime that is another image (python:3.12 → -slim, golang → distroless) is refused by its digest', async () => {
  await expectWording(lines(`FROM python:3.12@${pin}`, 'WORKDIR /app', 'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt', 'CMD ["python", "run.py"]'),
    'image-digest', new RegExp(`: no runtime image: python:3\\.12@${pin} is pinned by digest, and its runtime image python:3\\.12-slim would need a digest too, which dfmod does not know$`), { only });
  await expectWording(lines(`FROM golang:1.22@${pin}`, 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app .', 'CMD ["/app"]'),
    'image-digest', /its runtime image gcr\.io\/distroless\/base-debian12 would need a digest too/, { only });
  // Packages to install again: a digest may hold another release than the tag's default, so their names are not checked.
  await expectWording(lines(`FROM python:3.12-slim@${pin}`, 'WORKDIR /app', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev',
    'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt', 'CMD ["python", "run.py"]'),
  'runtime-packages-unchecked', new RegExp(`: the runtime needs libpq5, and the base image \`python:3\\.12-slim@${pin}\` is pinned by digest, with no Debian release named in its tag to check those package names on$`), { only });
});

// Review: a Node image pinned by digest that builds nothing was refused for its digest; the true reason is that nothing is built.
test('nothing built: a global install of a tool (yarn global add pnpm, npm install -g nodemon) or a moved node_modules is no build step', async () => {
  const pnpm = await expectRefused(lines(`FROM node:25-alpine@${pin}`, 'WORKDIR /usr/app/src', 'COPY --link package.json pnpm-lock.yaml ./',
    'RUN yarn global add pnpm && pnpm install --frozen-lockfile --prod', 'EXPOSE 3000', 'CMD ["node","app.js"]'), 'nothing-to-split',
  { only, files: { 'package.json': '{"dependencies":{"express":"4"}}', 'pnpm-lock.yaml': '' } });
  assert.equal(pnpm.notes.map((n) => n.message), [nothing('node:25-alpine', 'the install leaves out the dev dependencies')]);
  const nodemon = await expectRefused(lines('FROM node:18-slim', 'WORKDIR /usr/local/app', 'RUN npm install -g nodemon', 'COPY package*.json ./',
    'RUN npm ci && npm cache clean --force && mv /usr/local/app/node_modules /node_modules', 'COPY . .', 'CMD ["node", "server.js"]'), 'nothing-to-split',
  { only, files: { 'package.json': '{"dependencies":{"express":"4"},"devDependencies":{"jest":"29"}}' } });
  assert.equal(nodemon.notes.map((n) => n.message), [nothing('node:18-slim', 'the runtime would keep every dependency the install brings, dev ones included')]);
});

// Review: "the base image uses a build argument": a global ARG feeds every FROM, so a base that is its own runtime can be the runtime, as written.
test('a base image from a global ARG: the runtime stage is FROM the same text where the base is its own runtime image', async () => {
  const result = await expectOutput(
    lines('ARG PYTHON_VERSION=3.12', 'FROM python:${PYTHON_VERSION}-slim-bookworm', 'WORKDIR /app',
      'RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*', 'COPY . .',
      'RUN pip install --no-cache-dir -r requirements.txt', 'CMD ["python", "run.py"]'),
    lines('ARG PYTHON_VERSION=3.12', 'FROM python:${PYTHON_VERSION}-slim-bookworm AS build', 'WORKDIR /app',
      'RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*',
      'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt',
      '',
      'FROM python:${PYTHON_VERSION}-slim-bookworm', 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app',
      'CMD ["python", "run.py"]'),
    { only, files: { 'requirements.txt': 'ujson==5.10.0\n' } },
  );
  assert.match(result.changes[0].message, /^split into a build stage and a runtime stage on python:\$\{PYTHON_VERSION\}-slim-bookworm, the build's own base image; /);
  assert.match(result.changes[0].message, /; that the runtime needs nothing more for other values of the build arguments in `python:\$\{PYTHON_VERSION\}-slim-bookworm` \(dfmod read it as python:3\.12-slim-bookworm\)(; |$)/);
  // Another runtime image is the default's, which would not follow the argument; an argument without a default names nothing.
  await expectWording(lines('ARG PYTHON_VERSION=3.12', 'FROM python:${PYTHON_VERSION}', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["python", "run.py"]'),
    'image-build-argument', /: the base image `python:\$\{PYTHON_VERSION\}` uses a build argument, and the runtime image a split would use, python:3\.12-slim, is the one for its default \(python:3\.12\): it would not follow the argument$/, { only });
  await expectWording(lines('ARG PYTHON_VERSION', 'FROM python:${PYTHON_VERSION}-slim', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["python", "run.py"]'),
    'image-build-argument', /: the base image `python:\$\{PYTHON_VERSION\}-slim` uses a build argument that has no default$/, { only });
  // Runtime packages: a release the argument may change is not one their names were checked on.
  await expectWording(lines('ARG PYTHON_VERSION=3.12', 'FROM python:${PYTHON_VERSION}-slim', 'WORKDIR /app', 'RUN apt-get update && apt-get install -y libpq-dev gcc',
    'COPY . .', 'RUN pip install -r requirements.txt', 'CMD ["python", "run.py"]'),
  'runtime-packages-unchecked', /the base image `python:\$\{PYTHON_VERSION\}-slim` uses a build argument, with no Debian release named in its tag/, { only });
});

test('a HEALTHCHECK list (`node check.js || exit 1`) runs node, which the runtime has; one that hides its program is still not read', async () => {
  const files = { 'package.json': '{"scripts":{"build":"node build.js"},"dependencies":{"express":"4"},"devDependencies":{"webpack":"5"}}', '.dockerignore': 'node_modules\n' };
  const input = (health: string) => lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', `HEALTHCHECK CMD ${health}`, 'CMD ["node", "server.js"]');
  const result = await run(input('node /app/healthcheck.js || exit 1'), { only, files });
  assert.equal(result.changes.length, 1, JSON.stringify(result.notes));
  assert.ok(result.output.endsWith(lines('FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app',
    'HEALTHCHECK CMD node /app/healthcheck.js || exit 1', 'CMD ["node", "server.js"]')), result.output);
  // Each program of the list counts: curl, which node:20 ships, is installed again; one the runtime may not have stops the split.
  const curl = await run(input('curl -f http://localhost/ || exit 1'), { only, files });
  assert.ok(curl.output.includes(lines('FROM node:20-slim', 'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*')), curl.output);
  await expectWording(input('probe --ready || exit 1'), 'healthcheck-program', /: line 7: HEALTHCHECK runs `probe`, which node:20-slim may not have$/, { only, files });
  await expectWording(input('exec probe || exit 1'), 'healthcheck-unread', /: line 7: cannot tell what HEALTHCHECK `exec probe \|\| exit 1` runs: it runs `exec`, which runs what its arguments name$/, { only, files });
  await expectWording(input('$(cat /probe) || exit 1'), 'healthcheck-unread', /: line 7: cannot tell what HEALTHCHECK `\$\(cat \/probe\) \|\| exit 1` runs: it runs a substitution, whose output the shell runs or passes on$/, { only, files });
});

test('a stage already named (`AS dist`) passes its name to the runtime stage: `--target dist` builds what is deployed', async () => {
  const files = { 'package.json': '{"scripts":{"build":"node build.js"},"dependencies":{"express":"4"},"devDependencies":{"webpack":"5"}}', '.dockerignore': 'node_modules\n' };
  const result = await expectOutput(
    lines('FROM node:20 AS dist', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'CMD ["node", "server.js"]'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'RUN rm -rf /app/node_modules',
      '',
      'FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev',
      '',
      'FROM node:20-slim AS dist', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY --from=build /app /app', 'CMD ["node", "server.js"]'),
    { only, files },
  );
  assert.match(result.changes[0].message, /; runs as node:20-slim's default user; the runtime stage takes the name dist \(`--target dist` builds what is deployed\), the build stage is named build(\. Make sure |$)/);
  // deps is the name of the stage a split adds.
  await expectWording(lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'CMD ["node", "server.js"]'),
    'stage-named', /: the stage is already named deps, the name of the dependencies stage a split adds$/, { only, files });
});

// welcome-to-docker's pattern: serve installed globally, in the RUN that builds, to serve the build (e2e case ms-static-serve-global).
test('static site: `npm install -g serve` for the CMD, in the RUN that builds, is repeated alone in the runtime; a global tool of a node app is refused', async () => {
  const files = { 'package.json': '{"scripts":{"build":"node build.js"},"dependencies":{"react":"18"}}', '.dockerignore': 'node_modules\n' };
  await expectOutput(
    lines('FROM node:18', 'WORKDIR /app', 'COPY package*.json ./', 'COPY ./src ./src', 'RUN npm install && npm install -g serve && npm run build && rm -fr node_modules',
      'EXPOSE 3000', 'CMD [ "serve", "-s", "build" ]'),
    lines('FROM node:18 AS build', 'WORKDIR /app', 'COPY package*.json ./', 'COPY ./src ./src', 'RUN npm install && npm install -g serve && npm run build && rm -fr node_modules',
      
      '',
      'FROM node:18-slim', 'WORKDIR /app', 'RUN npm install -g serve', 'COPY --from=build /app/build /app/build', 'EXPOSE 3000', 'CMD [ "serve", "-s", "build" ]'),
    { only, files },
  );
  await expectWording(lines('FROM node:18', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm install -g pm2 && npm run build', 'CMD ["pm2-runtime", "server.js"]'),
    'npm-global', /: line 4: `npm install -g pm2` installs outside the app$/, { only, files });
});

// jessfraz's httpbin and imagemin: `apk add --virtual .build-deps … && pip install … && apk del .build-deps` leaves no build tool behind.
test('nothing built: build tools removed in the RUN that installs them leave nothing for a runtime stage to leave behind', async () => {
  const httpbin = await expectRefused(lines('FROM python:3-alpine', 'RUN apk add --no-cache --virtual .build-deps build-base libffi-dev \\',
    '  && pip3 install --no-cache-dir gevent gunicorn httpbin \\', '  && apk del .build-deps', 'CMD ["gunicorn", "-b", "0.0.0.0:8080", "httpbin:app"]'), 'nothing-to-split', { only });
  assert.equal(httpbin.notes.map((n) => n.message), ['nothing to split into build and runtime stages: no build step, the build tools are removed in the RUN that installs them, ' +
    'and the image is already python:3-alpine, the runtime image a split would use']);
  const imagemin = await expectRefused(lines('FROM node:alpine', 'RUN apk --no-cache add file libpng',
    'RUN apk add --no-cache --virtual .build-deps autoconf build-base libpng-dev && npm install --global imagemin-cli && apk del .build-deps', 'CMD [ "imagemin", "--help" ]'),
  'nothing-to-split', { only });
  assert.equal(imagemin.notes.map((n) => n.message), ['nothing to split into build and runtime stages: no build step, the build tools are removed in the RUN that installs them, ' +
    'npm installs tools globally only, which the runtime would need again, and the image is already node:alpine, the runtime image a split would use']);
  // Removed by name on Debian too; one left installed (or removed in a later RUN, whose layer still holds it) is what a split leaves behind.
  const purged = await expectRefused(lines('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .',
    'RUN apt-get update && apt-get install -y gcc && pip install -r requirements.txt && apt-get purge -y gcc', 'CMD ["python", "app.py"]'), 'nothing-to-split', { only });
  assert.match(purged.notes[0].message, /^nothing to split into build and runtime stages: no build step, the build tools are removed in the RUN that installs them, and the image is already python:3\.12-slim/);
  for (const input of [
    lines('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN apt-get update && apt-get install -y gcc make && pip install -r requirements.txt && apt-get purge -y gcc', 'CMD ["python", "app.py"]'),
    lines('FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN apt-get update && apt-get install -y gcc && pip install -r requirements.txt', 'RUN apt-get purge -y gcc', 'CMD ["python", "app.py"]'),
  ]) {
    const left = await run(input, { only });
    assert.not.ok(left.notes.some((n) => n.id === 'nothing-to-split'), JSON.stringify(left.notes));
  }
});

// The swarm visualizer's .dockerignore excludes node_modules/caniuse-db only: `COPY . .` after `npm ci` may bring a local node_modules.
test('a build whose context node_modules is not excluded: the reviewer checks the context holds none (the runtime\'s come from the deps stage)', async () => {
  const pkg = '{"scripts":{"build":"node build.js"},"dependencies":{"express":"4"},"devDependencies":{"webpack":"5"}}';
  const input = lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'CMD ["node", "server.js"]');
  const check = 'that the build context holds no node_modules of its own: .dockerignore does not exclude it, so the original\'s copy of the context puts it over the installed one, and the runtime\'s come from `npm ci --omit=dev`';
  const open = await run(input, { only, files: { 'package.json': pkg, '.dockerignore': 'node_modules/caniuse-db\n' } });
  assert.ok(open.changes[0].message.endsWith(`; ${check}`), open.changes[0].message);
  const excluded = await run(input, { only, files: { 'package.json': pkg, '.dockerignore': 'node_modules\n' } });
  assert.not.ok(excluded.changes[0].message.includes(check), excluded.changes[0].message);
  // No dependencies: the runtime gets no node_modules, and the check says so.
  const none = await run(input, { only, files: { 'package.json': '{"scripts":{"build":"node build.js"}}', '.dockerignore': 'node_modules/caniuse-db\n' } });
  assert.ok(none.changes[0].message.endsWith('; that the build context holds no node_modules of its own: .dockerignore does not exclude it, so the original\'s copy of the context puts it over the installed one, and the runtime has none'), none.changes[0].message);
});

test('a command of a RUN merge-runs joined into the one above is cited by its own line on disk', async () => {
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN mkdir -p /x', 'RUN useradd app', 'CMD ["node", "server.js"]'),
    { only: ['merge-runs', 'multi-stage'], files: { 'package.json': '{"dependencies":{"ms":"1"}}', '.dockerignore': 'node_modules\n' } });
  assert.equal(result.notes.filter((n) => n.transform === 'multi-stage').map((n) => n.message),
    ['not split into build and runtime stages: line 6: RUN runs `useradd`, whose effect on the runtime image dfmod cannot name']);
});

test('the line a role reason quotes is the line on disk, after an earlier change removed a line above it', async () => {
  const result = await run(lines('FROM node:20', 'RUN apt-get update', 'RUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app', 'COPY . .',
    'RUN npm ci && npm run build', 'CMD ["node"]'), { only: ['apt-cleanup', 'multi-stage'] });
  assert.equal(result.notes.filter((n) => n.transform === 'multi-stage').map((n) => n.message), [
    'not split into build and runtime stages: line 7 sets the command `node`, an interactive shell or REPL, as base and tool images do, so this is a base, tool or build image, or one whose command is given at `docker run`, ' +
    'which the images built FROM it extend with their own build']);
});

// Review C: `npm install` (devDependencies too) on node:20 with nothing built was split into `npm ci --omit=dev`; server.js may load a devDependency.
test('Node, nothing built, dev dependencies installed: the deps stage runs the original\'s install, and the gain is node:20-slim', async () => {
  const files = {
    'package.json': JSON.stringify({ name: 'app', dependencies: { express: '4.18.2' }, devDependencies: { errorhandler: '1.5.1', 'method-override': '3.0.0' } }),
    '.dockerignore': 'node_modules\n', 'server.js': '',
  };
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install', 'COPY . .', 'EXPOSE 8080', 'CMD ["node","server.js"]'),
    lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install', '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . .', 'EXPOSE 8080', 'CMD ["node","server.js"]'),
    { only, files },
  );
  assert.equal(result.changes.map((c) => c.message), ['split into a dependencies stage and a runtime stage on node:20-slim; the runtime gets /app/node_modules from the original stage, ' +
    'named deps and ending at its install (`npm install` as the original runs it: every dependency, devDependencies included, since nothing is built and the app may load any of them at run time), ' +
    'then the source copied from the build context as the original copies it; installs no OS packages; ' +
    'runs as node:20-slim\'s default user']);
});

// Review B (round 9): nothing built, so the runtime used nothing of the original stage, which stayed as a dead `build`
// stage beside a `deps` stage that repeated its install.
test('Node, nothing built: the original stage, cut after its install, is the deps stage; no stage is left that nothing copies from', async () => {
  const files = { 'package.json': JSON.stringify({ name: 'site', scripts: { start: 'node server.js' }, dependencies: { koa: '2.15.0' } }), 'server.js': '' };
  const result = await expectOutput(
    lines('FROM node:4.2.3', 'WORKDIR /app', 'COPY package.json /app/', 'RUN npm install', 'COPY . /app', 'EXPOSE 3000', 'ENTRYPOINT ["npm", "start"]'),
    lines('FROM node:4.2.3 AS deps', 'WORKDIR /app', 'COPY package.json /app/', 'RUN npm install', '',
      'FROM node:4.2.3-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . /app', 'EXPOSE 3000', 'ENTRYPOINT ["npm", "start"]'),
    { only, files },
  );
  assert.equal(result.changes.map((c) => c.message), ['split into a dependencies stage and a runtime stage on node:4.2.3-slim; the runtime gets /app/node_modules from the original stage, ' +
    'named deps and ending at its install (`npm install` as the original runs it: every dependency, since nothing is built and the app may load any of them at run time), ' +
    'then the source copied from the build context as the original copies it; installs no OS packages; runs as node:4.2.3-slim\'s default user']);
  // Every FROM after the first is copied from: the deps stage by the runtime.
  const stages = result.output.split('\n').filter((l) => l.startsWith('FROM '));
  assert.equal(stages, ['FROM node:4.2.3 AS deps', 'FROM node:4.2.3-slim']);
});

test('Node, nothing built, the whole context copied before the install: that copy becomes the package files (a source edit keeps the install cached)', async () => {
  const files = { 'package.json': '{"dependencies":{"ms":"2.1.3"}}', 'package-lock.json': '{}', '.npmrc': 'registry=https://registry.example.test/\n', 'index.js': '' };
  // The stage ends at the install: npm's cache clean after it is of no use in a stage that is not deployed.
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /srv', '# everything, for the install', 'COPY --chown=node:node . /srv', 'RUN npm ci', 'RUN npm cache clean --force', 'CMD ["node", "index.js"]'),
    lines('FROM node:20 AS deps', 'WORKDIR /srv', '# everything, for the install', 'COPY --chown=node:node package*.json .npmrc /srv/', 'RUN npm ci', '',
      'FROM node:20-slim', 'WORKDIR /srv', 'COPY --from=deps /srv/node_modules /srv/node_modules', 'COPY --chown=node:node . /srv', 'CMD ["node", "index.js"]'),
    { only, files },
  );
  // A copy of the package files is there already: the whole-context copy goes, with its comment.
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY package.json ./', '# and the rest', 'COPY . .', 'RUN npm install', 'CMD ["node", "index.js"]'),
    lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package.json ./', 'RUN npm install', '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . .', 'CMD ["node", "index.js"]'),
    { only, files: { 'package.json': '{"dependencies":{"ms":"2.1.3"}}', 'index.js': '' } },
  );
});

test('Node, nothing built, a named stage: the runtime takes its name, the original is renamed deps; one already named deps is refused', async () => {
  const files = { 'package.json': '{"dependencies":{"ms":"2.1.3"}}', 'index.js': '' };
  const result = await expectOutput(
    lines('FROM node:20 AS web', 'WORKDIR /app', 'COPY package.json ./', 'RUN npm install', 'COPY . .', 'CMD ["node", "index.js"]'),
    lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package.json ./', 'RUN npm install', '',
      'FROM node:20-slim AS web', 'WORKDIR /app', 'COPY --from=deps /app/node_modules /app/node_modules', 'COPY . .', 'CMD ["node", "index.js"]'),
    { only, files },
  );
  assert.match(result.changes[0].message, /; the runtime stage takes the name web \(`--target web` builds what is deployed\), the dependencies stage is named deps$/);
  await expectRefused(lines('FROM node:20 AS deps', 'WORKDIR /app', 'COPY package.json ./', 'RUN npm install', 'COPY . .', 'CMD ["node", "index.js"]'), 'stage-named', { only, files });
});

// Review C (round 9): uWSGI, compiled by pip against the full image's libxml2 (and more), was split onto the slim image without them.
test('Python: uwsgi, compiled against whatever the build image has, is not split onto another image (requirements, RUN, any case and pin)', async () => {
  const wording = 'not split into build and runtime stages: uwsgi is compiled when pip installs it (PyPI has no wheel of it) and links those of ' +
    'libxml2, PCRE, libyaml, jansson, OpenSSL, zlib, libcap and libuuid that python:3.9 has, some of which python:3.9-slim lacks: which ones the runtime must install is not certain';
  const fromRequirements = lines('FROM python:3.9', 'WORKDIR /srv', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'COPY . .', 'CMD ["python", "main.py"]');
  for (const requirements of ['flask==3.0.0\nuwsgi\n', 'uWSGI==2.0.21 ; sys_platform == "linux"\nflask\n', 'UWSGI>=2.0\n']) {
    const result = await expectRefused(fromRequirements, 'compiled-against-build-image', { only, files: { 'requirements.txt': requirements, 'main.py': '' } });
    assert.equal(result.notes.map((n) => n.message), [wording]);
  }
  // In a RUN, and as the container's command.
  for (const install of ['RUN pip install --no-cache-dir uwsgi flask', 'RUN pip install uWSGI==2.0.21', 'RUN python -m pip install "uwsgi<3"']) {
    const result = await expectRefused(lines('FROM python:3.9', 'WORKDIR /srv', 'COPY . .', install, 'CMD ["uwsgi", "--http", ":8000", "--wsgi-file", "main.py"]'),
      'compiled-against-build-image', { only, files: { 'main.py': '' } });
    assert.equal(result.notes.map((n) => n.message), [wording]);
  }
});

test('Python: uwsgi on the slim image itself is split (the runtime is the same image, with what apt installed), and pyuwsgi (a wheel) is not refused', async () => {
  await expectOutput(
    lines('FROM python:3.9-slim-bookworm', 'RUN apt-get update && apt-get install -y gcc libxml2-dev', 'WORKDIR /srv', 'COPY . .', 'RUN pip install uwsgi', 'CMD ["uwsgi", "--ini", "app.ini"]'),
    lines('FROM python:3.9-slim-bookworm AS build', 'RUN apt-get update && apt-get install -y gcc libxml2-dev', 'WORKDIR /srv', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH',
      'COPY . .', 'RUN pip install uwsgi', '',
      'FROM python:3.9-slim-bookworm', 'RUN apt-get update && apt-get install -y --no-install-recommends libxml2 && rm -rf /var/lib/apt/lists/*', 'WORKDIR /srv',
      'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /srv /srv', 'CMD ["uwsgi", "--ini", "app.ini"]'),
    { only, files: { 'app.ini': '[uwsgi]\n' } },
  );
  await expectOutput(
    lines('FROM python:3.9', 'WORKDIR /srv', 'COPY . .', 'RUN pip install pyuwsgi', 'CMD ["python", "main.py"]'),
    lines('FROM python:3.9 AS build', 'WORKDIR /srv', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY . .', 'RUN pip install pyuwsgi', '',
      'FROM python:3.9-slim', 'WORKDIR /srv', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /srv /srv', 'CMD ["python", "main.py"]'),
    { only, files: { 'main.py': '' } },
  );
});

test.run();

test('the build stage loses what only says how the container runs (EXPOSE, HEALTHCHECK, STOPSIGNAL, ENTRYPOINT, CMD) with the blank lines above; the runtime stage has them, with their comments', async () => {
  await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', '', '# the API port', 'EXPOSE 18083', 'STOPSIGNAL SIGINT', '', '# start', 'ENTRYPOINT ["/app/server"]', 'CMD ["--serve"]'),
    lines(
      'FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', '# the API port', 'EXPOSE 18083', 'STOPSIGNAL SIGINT', '# start', 'ENTRYPOINT ["/app/server"]', 'CMD ["--serve"]',
    ),
    { only, files: goServer },
  );
  // Between build steps, an EXPOSE goes alone; the step after it keeps its place.
  await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'EXPOSE 18083', '', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'),
    lines(
      'FROM golang:1.19 AS build', 'WORKDIR /app', '', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'EXPOSE 18083', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]',
    ),
    { only, files: goServer },
  );
});
