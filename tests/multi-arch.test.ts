import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectOutput, expectRefused, expectUnchanged, lines, pick } from './helpers.js';

const only = ['multi-arch'];

test('is opt-in', () => {
  assert.not.ok(pick().some((t) => t.id === 'multi-arch'));
});

test('Go build stage with cgo off: build platform, TARGETOS/TARGETARCH args, GOOS/GOARCH on go build', async () => {
  const result = await expectOutput(
    lines('FROM golang:1.19 AS build', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .', '', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]'),
    lines('FROM --platform=$BUILDPLATFORM golang:1.19 AS build', 'ARG TARGETOS', 'ARG TARGETARCH', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app/server .', '', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]'),
    { only },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['multi-arch', 1]]);
});

test('Go: ENV CGO_ENABLED=0 counts; declared ARGs are not repeated; CRLF kept', async () => {
  await expectOutput(
    'FROM golang:1.21 AS b\r\nENV CGO_ENABLED=0\r\nARG TARGETOS\r\nRUN go mod download && go build -o /out/app ./cmd\r\nFROM scratch\r\nCOPY --from=b /out/app /app\r\n',
    'FROM --platform=$BUILDPLATFORM golang:1.21 AS b\r\nARG TARGETARCH\r\nENV CGO_ENABLED=0\r\nARG TARGETOS\r\nRUN go mod download && GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd\r\nFROM scratch\r\nCOPY --from=b /out/app /app\r\n',
    { only },
  );
});

test('Go with cgo possibly on: left alone with a note', async () => {
  await expectRefused(
    lines('FROM golang:1.19 AS build', 'RUN go build -o /s .', 'FROM gcr.io/distroless/base-debian12', 'COPY --from=build /s /s'),
    'cgo-may-be-in-use', { only },
  );
});

test('Go: CGO_ENABLED counts where the build runs: an ENV after it does not, the command\'s own assignment wins', async () => {
  await expectRefused(
    lines('FROM golang:1.19 AS build', 'RUN go build -o /s .', 'ENV CGO_ENABLED=0', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /s /s'),
    'cgo-may-be-in-use', { only },
  );
  await expectRefused(
    lines('FROM golang:1.19 AS build', 'ENV CGO_ENABLED=0', 'RUN CGO_ENABLED=1 go build -o /s .', 'FROM gcr.io/distroless/base-debian12', 'COPY --from=build /s /s'),
    'cgo-may-be-in-use', { only },
  );
  // sudo resets the environment: the ENV does not reach go.
  await expectRefused(
    lines('FROM golang:1.19 AS build', 'ENV CGO_ENABLED=0', 'RUN sudo go build -o /s .', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /s /s'),
    'cgo-may-be-in-use', { only },
  );
});

test('Java build stage: build platform only', async () => {
  await expectOutput(
    lines('FROM maven:3.9-eclipse-temurin-17 AS build', 'RUN mvn package', 'FROM eclipse-temurin:17-jre', 'COPY --from=build /app/target /app/target'),
    lines('FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-17 AS build', 'RUN mvn package', 'FROM eclipse-temurin:17-jre', 'COPY --from=build /app/target /app/target'),
    { only },
  );
});

test('Node and Python build stages stay on the target platform, with a note', async () => {
  await expectRefused(lines('FROM node:20 AS build', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=build /app /app'), 'platform-bound-build', { only });
  await expectUnchanged(lines('FROM python:3.11 AS build', 'RUN pip install x', 'FROM python:3.11-slim', 'COPY --from=build /opt/venv /opt/venv'), /compiled extensions/, { only });
});

test('single-stage files, final stages and stages with --platform are left alone', async () => {
  await expectUnchanged(lines('FROM golang:1.19', 'RUN CGO_ENABLED=0 go build -o /s .'), null, { only });
  await expectUnchanged(lines('FROM --platform=linux/amd64 golang:1.19 AS b', 'RUN CGO_ENABLED=0 go build -o /s .', 'FROM scratch', 'COPY --from=b /s /s'), null, { only });
});

test('with multi-stage: a single-stage Go file is split, then cross-compiled', async () => {
  await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]'),
    lines(
      'FROM --platform=$BUILDPLATFORM golang:1.19 AS build', 'ARG TARGETOS', 'ARG TARGETARCH', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app/server .',
      '',
      'FROM gcr.io/distroless/static-debian12', 'WORKDIR /app', 'COPY --from=build /app/server /app/server', 'CMD ["/app/server"]',
    ),
    { only: ['multi-stage', 'multi-arch'], files: { 'go.mod': 'module x\n', 'main.go': 'package main\nfunc main() {}\n' } },
  );
});

test('a stage copied by index counts; a private registry\'s golang builds Go; a stage only built FROM is left alone', async () => {
  await expectOutput(
    lines('FROM registry.example.com/golang:1.22', 'RUN CGO_ENABLED=0 go build -o /s .', 'FROM scratch', 'COPY --from=0 /s /s'),
    lines('FROM --platform=$BUILDPLATFORM registry.example.com/golang:1.22', 'ARG TARGETOS', 'ARG TARGETARCH', 'RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /s .', 'FROM scratch', 'COPY --from=0 /s /s'),
    { only },
  );
  await expectUnchanged(lines('FROM golang:1.22 AS base', 'RUN CGO_ENABLED=0 go build -o /s .', 'FROM base', 'CMD ["/s"]'), null, { only });
});

test('a RUN the stage model does not read leaves a Go stage alone, with its reason', async () => {
  await expectRefused(lines('FROM golang:1.22 AS b', 'RUN ["go", "build", "-o", "/s", "."]', 'FROM scratch', 'COPY --from=b /s /s'), 'run-not-read', { only });
});

test.run();
