/**
 * A deterministic corpus for the benchmark: N project folders (default
 * 10,000), each a Dockerfile and the few context files it names, in the
 * styles seen in the wild: Node, Python and Go services, apt-heavy images,
 * files that are already good, multi-stage builds and long RUN chains.
 *
 *   node --import tsx bench/generate.ts [count] [folder]
 */
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rng } from '../tests/rng.js';


type Pick = <T>(items: readonly T[]) => T;
type Project = { Dockerfile: string; [file: string]: string };

const PACKAGES = ['curl', 'git', 'ca-certificates', 'build-essential', 'libpq-dev', 'unzip', 'jq', 'wget', 'gnupg', 'tzdata', 'make', 'python3'];

const STYLES: Record<string, (pick: Pick, i: number) => Project> = {
  node: (pick, i) => ({
    Dockerfile: [`FROM ${pick(['node:20', 'node:20-slim', 'node:18'])}`, 'WORKDIR /app', 'COPY . .', `RUN ${pick(['npm install', 'npm ci', 'yarn install'])}`, 'RUN npm run build', `EXPOSE ${3000 + (i % 100)}`, 'CMD node server.js', ''].join('\n'),
    'package.json': JSON.stringify({ name: `app${i}`, scripts: { build: 'tsc', start: 'node server.js' }, dependencies: { express: '^4' } }),
    'package-lock.json': '{}',
  }),
  python: (pick) => ({
    Dockerfile: [`FROM ${pick(['python:3.11', 'python:3.11-slim', 'python:3.12'])}`, 'WORKDIR /srv', 'COPY . /srv', 'RUN pip install -r requirements.txt', 'RUN pip install gunicorn', 'ENV PYTHONUNBUFFERED=1', 'CMD gunicorn -b 0.0.0.0:8000 app:app', ''].join('\n'),
    'requirements.txt': 'flask\nrequests\n',
  }),
  go: (pick) => ({
    Dockerfile: [`FROM ${pick(['golang:1.19', 'golang:1.21'])}`, 'WORKDIR /src', 'COPY . .', 'RUN go mod download', 'RUN go build -o /bin/app ./cmd/app', 'ENTRYPOINT /bin/app', ''].join('\n'),
    'go.mod': 'module example.com/app\n\ngo 1.19\n',
    'go.sum': '',
  }),
  'apt-heavy': (pick) => {
    const lines = [`FROM ${pick(['debian:bookworm', 'ubuntu:22.04', 'debian:bookworm-slim'])}`, 'RUN apt-get update'];
    for (let k = 0; k < 3; k++) lines.push(`RUN apt-get install -y ${pick(PACKAGES)} ${pick(PACKAGES)}`);
    lines.push('RUN useradd -m app', 'USER app', 'CMD ["bash"]', '');
    return { Dockerfile: lines.join('\n') };
  },
  'already-good': (pick) => ({
    Dockerfile: [
      '# syntax=docker/dockerfile:1',
      `FROM ${pick(['debian:bookworm-slim', 'alpine:3.19'])}`,
      'RUN apt-get update \\',
      ` && apt-get install -y --no-install-recommends ${pick(PACKAGES)} \\`,
      ' && rm -rf /var/lib/apt/lists/*',
      'COPY app /usr/local/bin/app',
      'USER nobody',
      'ENTRYPOINT ["/usr/local/bin/app"]',
      '',
    ].join('\n'),
    app: '',
  }),
  'multi-stage': (pick) => ({
    Dockerfile: [
      `FROM ${pick(['node:20', 'golang:1.21'])} AS build`,
      'WORKDIR /src',
      'COPY . .',
      'RUN make build',
      'RUN make test',
      `FROM ${pick(['debian:bookworm-slim', 'gcr.io/distroless/base-debian12'])}`,
      'COPY --from=build /src/out /app',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    Makefile: 'build:\n\ttrue\n',
  }),
  'long-chain': (pick, i) => {
    const steps: string[] = [];
    for (let k = 0; k < 8 + (i % 12); k++) steps.push(`${pick(['echo step', 'mkdir -p /opt/x', 'test -d /tmp', 'ln -sf /bin/true /usr/local/bin/t', 'chmod 755 /opt'])} ${k}`);
    return { Dockerfile: [`FROM ${pick(['debian:bookworm', 'ubuntu:22.04'])}`, `RUN ${steps.join(' \\\n    && ')}`, 'RUN echo a', 'RUN echo b', 'CMD sleep infinity', ''].join('\n') };
  },
};

export function generate(count: number, folder: string, seed = 42): string {
  const random = rng(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)];
  const styles = Object.keys(STYLES);
  for (let i = 0; i < count; i++) {
    const style = styles[i % styles.length];
    const dir = path.join(folder, String(Math.floor(i / 1000)).padStart(2, '0'), `${String(i).padStart(5, '0')}-${style}`);
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(STYLES[style](pick, i))) writeFileSync(path.join(dir, name), content);
  }
  return folder;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 10_000);
  const folder = process.argv[3] ?? mkdtempSync(path.join(tmpdir(), 'dfmod-bench-'));
  generate(count, folder);
  process.stdout.write(`${folder}\n`);
}
