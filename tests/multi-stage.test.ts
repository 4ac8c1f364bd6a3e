import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';
import { runtimeImage } from '../lib/knowledge/index.js';

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
      'FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'EXPOSE 18083', 'CMD ["/app/server"]',
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
      'FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'ENV CGO_ENABLED=0', 'CMD ["/app/server"]',
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
      'FROM golang:1.19 AS build', 'ENV CGO_ENABLED=0', 'WORKDIR /app', 'COPY . .', 'RUN sudo go build -o /app/server .', 'CMD ["/app/server"]',
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
      'FROM golang:1.22-bookworm AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o server .', 'CMD ["./server"]',
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
      'FROM golang:1.21 AS build', 'ENV CGO_ENABLED=0', 'WORKDIR /src', 'COPY . .', 'RUN go mod download && go build -o /usr/local/bin/app ./cmd/app', 'USER 65532', 'ENTRYPOINT ["app"]',
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
});

test('Go: refused when the CMD is in shell form and the runtime has no shell', async () => {
  await expectWording(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD /app/server'),
    'shell-form-needs-shell', /shell form needs \/bin\/sh, which gcr\.io\/distroless\/static-debian12 lacks/, { only, files: goServer });
});

test('Go: default run: exec-form writes JSON first, then the split happens (e2e go-server)', async () => {
  const result = await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'EXPOSE 18083', 'CMD /app/server'),
    lines(
      'FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'EXPOSE 18083', 'CMD ["/app/server"]',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'EXPOSE 18083', 'CMD ["/app/server"]',
    ),
    { only: ['multi-stage', 'exec-form'], files: goServer },
  );
  assert.equal(result.changes.map((c) => c.transform), ['exec-form', 'multi-stage']);
});

test('an init the build installs for ENTRYPOINT is copied: tini-static where there is no glibc, tini on slim images', async () => {
  await expectOutput(
    lines('FROM golang:1.19', 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app/server"]'),
    lines(
      'FROM golang:1.19 AS build', 'RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app/server"]',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'COPY --from=build /usr/bin/tini-static /usr/bin/tini', 'ENTRYPOINT ["/usr/bin/tini", "--"]', 'CMD ["/app/server"]',
    ),
    { only, files: goServer },
  );
  const c = await run(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc tini', 'WORKDIR /src', 'COPY a.c .', 'RUN gcc -o app a.c', 'ENTRYPOINT ["tini", "-g", "--", "./app"]'), { only });
  assert.ok(c.output.endsWith(lines('FROM debian:bookworm-slim', 'WORKDIR /src', 'COPY --from=build /src/app /src/app', 'COPY --from=build /usr/bin/tini /usr/bin/tini', 'ENTRYPOINT ["tini", "-g", "--", "./app"]')), c.output);
  await expectWording(lines('FROM golang:1.19', 'RUN apt-get update && apt-get install -y dumb-init', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'ENTRYPOINT ["dumb-init", "--"]', 'CMD ["/app/server"]'),
    'init-needs-glibc', /Debian's dumb-init needs glibc, which gcr\.io\/distroless\/static-debian12 lacks/, { only });
});

test('Go: refused when the program reads files at run time', async () => {
  await expectRefused(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'),
    'go-reads-files',
    { only, files: { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() { template.ParseGlob("t/*") }\n' } });
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
      'ARG GO=1.19', 'FROM golang:1.19 AS build', 'ARG VERSION=dev', 'ENV APP_VERSION=$VERSION', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', 'CMD ["/app/server"]',
      '',
      'FROM gcr.io/distroless/static-debian12', 'ARG VERSION=dev', 'ENV APP_VERSION=$VERSION', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]',
    ),
    { only },
  );
});

const nodeBuild = {
  'package.json': JSON.stringify({ name: 'x', main: 'dist/server.js', scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/server.js' }, devDependencies: { typescript: '5.4.5' } }),
  'package-lock.json': '{}',
  'src/server.ts': '',
};

test('Node with a build step: runtime on -slim with the app and production dependencies (e2e node-build)', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build', 'EXPOSE 18082', 'CMD npm start'),
    lines(
      'FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build', 'EXPOSE 18082', 'CMD npm start',
      'RUN npm prune --omit=dev',
      '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=build /app /app', 'EXPOSE 18082', 'CMD npm start',
    ),
    { only, files: nodeBuild },
  );
  assert.match(result.changes[0].message, /node:20-slim.*build output included.*npm prune --omit=dev/);
});

test('Node without a build step (e2e node-server); alpine stays alpine; USER node kept', async () => {
  await expectOutput(
    lines('FROM node:20-alpine', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER node', 'CMD ["node", "server.js"]'),
    lines(
      'FROM node:20-alpine AS build', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER node', 'CMD ["node", "server.js"]',
      'RUN npm prune --omit=dev',
      '',
      'FROM node:20-alpine', 'ENV NODE_ENV=production', 'WORKDIR /app', 'COPY --from=build /app /app', 'USER node', 'CMD ["node", "server.js"]',
    ),
    { only },
  );
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD node server.js'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD node server.js', 'RUN npm prune --omit=dev', '', 'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=build /app /app', 'CMD node server.js'),
    { only, files: { 'package.json': '{"name":"s","dependencies":{"ms":"2.1.3"}}', 'server.js': '' } },
  );
});

test('Node: already slim, nothing built, no devDependencies: nothing to gain, no note', async () => {
  const result = await expectUnchanged(lines('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "server.js"]'), null,
    { only, files: { 'package.json': '{"dependencies":{"ms":"1"}}' } });
  assert.equal(result.notes, []);
});

test('Node: refusals', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD npm start'), 'npm-start-without-package-json', { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn install', 'CMD ["node", "a.js"]'), 'unknown-command', { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install -g pm2', 'CMD ["pm2", "a.js"]'), 'npm-global', { only });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN useradd app', 'USER app', 'CMD ["node", "a.js"]'), 'unknown-command', /runs `useradd`/, { only });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER app', 'CMD ["node", "a.js"]'), 'user-may-not-exist', /USER app may not exist in node:20-slim/, { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'HEALTHCHECK CMD curl -f http://localhost/', 'CMD ["node", "a.js"]'), 'healthcheck-program', { only });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'COPY nginx.conf /etc/nginx/', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'copy-outside-app', /outside the app folder \/app/, { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'native-addon',
    { only, files: { 'package.json': '{}', 'package-lock.json': '{"packages":{"node_modules/bcrypt":{"version":"5","hasInstallScript": true}}}' } });
});

test('Node: HEALTHCHECK running node is kept', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'HEALTHCHECK --interval=30s CMD ["node", "health.js"]', 'STOPSIGNAL SIGINT', 'CMD ["node", "a.js"]'),
    lines('FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'HEALTHCHECK --interval=30s CMD ["node", "health.js"]', 'STOPSIGNAL SIGINT', 'CMD ["node", "a.js"]', 'RUN npm prune --omit=dev', '',
      'FROM node:20-slim', 'WORKDIR /app', 'COPY --from=build /app /app', 'HEALTHCHECK --interval=30s CMD ["node", "health.js"]', 'STOPSIGNAL SIGINT', 'CMD ["node", "a.js"]'),
    { only },
  );
});

test('static front end: nginx serves the build output on the original port (e2e static-site)', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build', 'EXPOSE 18088', 'CMD npx http-server dist -a 127.0.0.1 -p 18088 -c-1'),
    lines(
      'FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npm run build', 'EXPOSE 18088', 'CMD npx http-server dist -a 127.0.0.1 -p 18088 -c-1',
      '',
      'FROM nginx:stable', 'WORKDIR /app', 'COPY --from=build /app/dist /usr/share/nginx/html',
      "RUN echo 'server { listen 127.0.0.1:18088; root /usr/share/nginx/html; }' > /etc/nginx/conf.d/default.conf",
      'EXPOSE 18088',
    ),
    { only, files: { 'package.json': '{"scripts":{"build":"node build.js"},"dependencies":{"http-server":"14.1.1"}}' } },
  );
  assert.match(result.changes[0].message, /nginx:stable serving \/app\/dist on 127\.0\.0\.1:18088/);
});

test('static front end: `serve -s build` becomes an nginx single-page config', async () => {
  const result = await run(lines('FROM node:18', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'CMD ["npx", "serve", "-s", "build", "-l", "3000"]'), { only });
  assert.ok(result.output.endsWith(lines('FROM nginx:stable', 'WORKDIR /app', 'COPY --from=build /app/build /usr/share/nginx/html',
    "RUN echo 'server { listen 3000; root /usr/share/nginx/html; location / { try_files $uri $uri/ /index.html; } }' > /etc/nginx/conf.d/default.conf")), result.output);
});

test('Java: javac classes on the JRE (e2e java-app)', async () => {
  await expectOutput(
    lines('FROM eclipse-temurin:17-jdk', 'WORKDIR /app', 'COPY . .', 'RUN mkdir -p out', 'RUN javac -d out src/app/App.java', 'EXPOSE 18085', 'CMD java -cp out app.App'),
    lines(
      'FROM eclipse-temurin:17-jdk AS build', 'WORKDIR /app', 'COPY . .', 'RUN mkdir -p out', 'RUN javac -d out src/app/App.java', 'EXPOSE 18085', 'CMD java -cp out app.App',
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
      'FROM maven:3.9-eclipse-temurin-21 AS build', 'WORKDIR /build', 'COPY . .', 'RUN mvn -B package -DskipTests', 'ENTRYPOINT ["java", "-Xmx512m", "-jar", "target/app.jar"]',
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
      'FROM debian:bookworm AS build', 'RUN apt-get update', 'RUN apt-get install -y gcc make', 'WORKDIR /src', 'COPY . .', 'RUN make', 'EXPOSE 18086', 'CMD ./hello',
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
      'FROM ubuntu:22.04 AS build', 'RUN apt-get update && apt-get install -y --no-install-recommends build-essential', 'WORKDIR /src', 'COPY main.c .', 'RUN gcc -O2 -o /usr/local/bin/app main.c', 'CMD ["app"]',
      '',
      'FROM ubuntu:22.04', 'WORKDIR /src', 'COPY --from=build /usr/local/bin/app /usr/local/bin/app', 'CMD ["app"]',
    ),
    { only },
  );
});

/** A C build on Debian whose compiler comes from `install`, and how it splits. */
function cBuild(install: string): [string, string] {
  const build = [`RUN apt-get update && ${install}`, 'WORKDIR /src', 'COPY main.c .', 'RUN gcc -O2 -o /usr/local/bin/app main.c', 'CMD ["app"]'];
  return [
    lines('FROM debian:bookworm', ...build),
    lines('FROM debian:bookworm AS build', ...build, '', 'FROM debian:bookworm-slim', 'WORKDIR /src', 'COPY --from=build /usr/local/bin/app /usr/local/bin/app', 'CMD ["app"]'),
  ];
}

test('C: apt-get options before install, option values and sudo are read as apt-get reads them', async () => {
  await expectOutput(...cBuild('apt-get install -y gcc'), { only });
  await expectOutput(...cBuild('apt-get -y install gcc'), { only });
  await expectOutput(...cBuild('apt-get install -y -o Dpkg::Options::=--force-confnew gcc'), { only });
  await expectOutput(...cBuild('sudo apt-get install -y gcc'), { only });
  await expectOutput(...cBuild('apt-get -q update && apt-get -y clean && apt-get install -y gcc'), { only });
  await expectWording(cBuild('apt-get -y install gcc libssl-dev')[0], 'apt-runtime-package', /installs libssl-dev with apt-get/, { only });
  // xargs adds packages read from its input, which the file does not name.
  await expectWording(cBuild('echo gcc | xargs apt-get install -y')[0], 'unknown-command', /RUN runs `xargs`/, { only });
});

test('C: refusals', async () => {
  await expectWording(lines('FROM debian:bookworm', 'RUN apt-get update && apt-get install -y gcc libssl-dev', 'WORKDIR /src', 'COPY . .', 'RUN make', 'CMD ["./app"]'),
    'apt-runtime-package', /installs libssl-dev with apt-get, which the runtime may need/, { only, files: { Makefile: '' } });
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
  const build = ['WORKDIR /app', 'RUN /usr/local/go/bin/go build -o /app/s .', 'CMD ["/app/s"]'];
  await expectOutput(lines('FROM golang:1.22', ...build),
    lines('FROM golang:1.22 AS build', ...build, '', 'FROM gcr.io/distroless/base-debian12', 'WORKDIR /app', 'COPY --from=build /app/s /app/s', 'CMD ["/app/s"]'), { only });
});

test('Python: build into a virtualenv, runtime python:<v>-slim with it on PATH (e2e python-server)', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'EXPOSE 18084', 'CMD python app.py'),
    lines(
      'FROM python:3.11 AS build', 'WORKDIR /app', 'COPY . .', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'RUN pip install -r requirements.txt', 'EXPOSE 18084', 'CMD python app.py',
      '',
      'FROM python:3.11-slim', 'WORKDIR /app', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /app /app', 'EXPOSE 18084', 'CMD python app.py',
    ),
    { only },
  );
});

test('Python: a console script from requirements.txt; release tags become -slim-<release>', async () => {
  await expectOutput(
    lines('FROM python:3.12-bookworm', 'ENV PYTHONUNBUFFERED=1', 'WORKDIR /srv', 'COPY requirements.txt .', '# deps', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'CMD ["gunicorn", "app:app"]'),
    lines(
      'FROM python:3.12-bookworm AS build', 'ENV PYTHONUNBUFFERED=1', 'WORKDIR /srv', 'COPY requirements.txt .', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', '# deps', 'RUN pip install --no-cache-dir -r requirements.txt', 'COPY . .', 'CMD ["gunicorn", "app:app"]',
      '',
      'FROM python:3.12-slim-bookworm', 'ENV PYTHONUNBUFFERED=1', 'WORKDIR /srv', 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY --from=build /srv /srv', 'CMD ["gunicorn", "app:app"]',
    ),
    { only, files: { 'requirements.txt': 'Gunicorn==21.2\nflask\n' } },
  );
});

test('Python: refusals', async () => {
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install --user -r requirements.txt', 'CMD python app.py'), 'pip-outside-env', { only });
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r r.txt', 'RUN python manage.py collectstatic', 'CMD python app.py'), 'python-program', { only });
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r r.txt', 'CMD ["uwsgi", "app.ini"]'), 'not-python', { only });
  await expectWording(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt > /etc/log', 'CMD python app.py'), 'run-writes-file', /writes `> \/etc\/log`/, { only });
});

test('left alone: multi-stage files, dynamic and digest-pinned bases, unknown images', async () => {
  const multi = lines('FROM golang:1.19 AS build', 'WORKDIR /app', 'RUN go build -o /app/s .', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /app/s /s', 'CMD ["/s"]');
  assert.equal((await expectUnchanged(multi, null, { only })).notes, []);
  await expectRefused(lines('ARG V=20', 'FROM node:${V}', 'WORKDIR /app', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'image-build-argument', { only });
  await expectRefused(lines('FROM node:20@sha256:abc', 'WORKDIR /app', 'RUN npm ci', 'CMD ["node", "a.js"]'), 'image-digest', { only });
  assert.equal((await expectUnchanged(lines('FROM mycorp/base', 'RUN make', 'CMD ["./a"]'), null, { only })).notes, []);
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "a.js"]', 'SHELL ["/bin/bash", "-c"]'), 'not-carried', { only });
  await expectWording(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN <<EOF', 'npm ci', 'EOF', 'CMD ["node", "a.js"]'), 'run-heredoc', /heredoc RUN/, { only });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), 'no-command', { only });
});

test('CRLF and a missing final newline: generated lines use the file\'s EOL', async () => {
  await expectOutput(
    'FROM node:20\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nCMD ["node", "a.js"]',
    'FROM node:20 AS build\r\nWORKDIR /app\r\nCOPY . .\r\nRUN npm ci\r\nCMD ["node", "a.js"]\r\nRUN npm prune --omit=dev\r\n\r\nFROM node:20-slim\r\nWORKDIR /app\r\nCOPY --from=build /app /app\r\nCMD ["node", "a.js"]',
    { only },
  );
});

test('continued and commented lines of the build stage stay byte-identical and are repeated verbatim', async () => {
  const input = lines('FROM node:20', 'LABEL a=b \\', '      c=d', 'WORKDIR /app', '# install', 'COPY . .', 'RUN npm ci \\', '  && npm run build', 'CMD ["node", \\', '  "dist/a.js"]');
  const result = await run(input, { only });
  assert.ok(result.output.startsWith(input.replace('FROM node:20', 'FROM node:20 AS build')));
  assert.ok(result.output.endsWith(lines('FROM node:20-slim', 'LABEL a=b \\', '      c=d', 'WORKDIR /app', 'COPY --from=build /app /app', 'CMD ["node", \\', '  "dist/a.js"]')));
});

test('no RUN in the runtime stage compiles', async () => {
  for (const [input, files] of [
    [lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'), goServer],
    [lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'CMD ["node", "dist/a.js"]'), {}],
    [lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install .', 'CMD ["python", "-m", "app"]'), {}],
  ] as [string, Record<string, string>][]) {
    const result = await run(input, { only, files });
    const runtime = result.output.split(/\n\nFROM /)[1];
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
  assert.ok(result.output.endsWith(lines('FROM node:20-slim', 'WORKDIR /app', 'COPY --from=build /app /app', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node", "a.js"]')), result.output);
  await expectRefused(lines('FROM python:3.12', 'WORKDIR /app', 'COPY . .', 'RUN pip install .', 'ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["python", "a.py"]'), 'not-python', { only });
});

test.run();
