import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectOutput, expectRefused, expectUnchanged, lines, run } from './helpers.js';
import { folderContext } from '../lib/core/context.js';

const only = ['copy-deps-first'];
const ignore = { '.dockerignore': 'node_modules\n.venv\nvendor\n' };
const pkg = (extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { ms: '2.1.3' }, ...extra });
const node = { ...ignore, 'package.json': pkg(), 'package-lock.json': '{}', 'server.js': '' };

// ---- npm / yarn / pnpm ---------------------------------------------------

test('npm: COPY . . + npm ci becomes manifests, install, source', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'CMD ["node", "server.js"]'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'CMD ["node", "server.js"]'),
    { only, files: node },
  );
  assert.equal(result.changes.map((c) => [c.transform, c.line]), [['copy-deps-first', 4]]);
  assert.equal(result.notes, []);
});

test('npm: a combined RUN is split, the build stays after the source copy', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build && npm prune --omit=dev'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build && npm prune --omit=dev'),
    { only, files: node },
  );
});

test('npm: a continued RUN is split at the && and keeps its flags', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN --mount=type=cache,target=/root/.npm npm ci \\', '    && npm run build'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN --mount=type=cache,target=/root/.npm npm ci',
      'COPY . .', 'RUN --mount=type=cache,target=/root/.npm npm run build'),
    { only, files: node },
  );
});

test('npm: the manifests as one glob (a lockfile added later is copied too), .npmrc when it exists', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json .npmrc ./', 'RUN npm install', 'COPY . .'),
    { only, files: { ...ignore, 'package.json': pkg(), '.npmrc': 'registry=https://r.example/' } },
  );
});

test('npm: a lockfile excluded by .dockerignore is not sent, so the glob copies package.json alone', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm install', 'COPY . .'),
    { only, files: { '.dockerignore': 'node_modules\n*.json\n!package.json\n', 'package.json': pkg(), 'package-lock.json': '{}' } },
  );
});

test('npm: COPY flags are kept, an absolute destination equal to WORKDIR gets a trailing slash', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY --chown=node:node --chmod=644 --link . /app', 'ENV NODE_ENV=production', 'USER node', 'RUN npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY --chown=node:node --chmod=644 --link package*.json /app/',
      'ENV NODE_ENV=production', 'USER node', 'RUN npm ci', 'COPY --chown=node:node --chmod=644 --link . /app'),
    { only, files: node },
  );
});

test('yarn: package.json + yarn.lock', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn install --frozen-lockfile && yarn build'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package.json yarn.lock ./', 'RUN yarn install --frozen-lockfile', 'COPY . .', 'RUN yarn build'),
    { only, files: { ...ignore, 'package.json': pkg(), 'yarn.lock': '' } },
  );
});

test('pnpm: package.json + pnpm-lock.yaml', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN pnpm install --frozen-lockfile'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package.json pnpm-lock.yaml ./', 'RUN pnpm install --frozen-lockfile', 'COPY . .'),
    { only, files: { ...ignore, 'package.json': pkg(), 'pnpm-lock.yaml': '' } },
  );
});

test('without a build context, optional manifests use a wildcard BuildKit accepts when they are absent', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json .npmrc* ./', 'RUN npm ci', 'COPY . .'),
    { only },
  );
  assert.match(result.changes[0].message, /no build context: install scripts, local and vendored dependencies were not checked/);
});

test('CRLF files keep CRLF, indentation is kept', async () => {
  await expectOutput(
    'FROM node:20\r\nWORKDIR /app\r\n  COPY . .\r\n  RUN npm ci && npm test\r\n',
    'FROM node:20\r\nWORKDIR /app\r\n  COPY package*.json ./\r\n  RUN npm ci\r\n  COPY . .\r\n  RUN npm test\r\n',
    { only, files: node },
  );
});

test('the escape directive does not matter to the generated lines; untouched lines stay byte-identical', async () => {
  const input = lines('# escape=`', 'FROM node:20   ', '# the app', 'WORKDIR /app', 'COPY . .', 'RUN npm ci `', '  && npm run build', 'CMD  npm start');
  await expectOutput(input,
    lines('# escape=`', 'FROM node:20   ', '# the app', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'CMD  npm start'),
    { only, files: node });
});

for (const [name, extra, reason] of [
  ['postinstall script', { scripts: { postinstall: 'node setup.js' } }, 'install-script'],
  ['prepare script', { scripts: { prepare: 'husky install' } }, 'install-script'],
  ['preinstall script', { scripts: { preinstall: 'node check.js' } }, 'install-script'],
  ['workspaces', { workspaces: ['packages/*'] }, 'workspaces'],
  ['file: dependency', { dependencies: { lib: 'file:../lib' } }, 'local-path-dependency'],
  ['relative dependency', { dependencies: { lib: './lib' } }, 'local-path-dependency'],
] as [string, Record<string, unknown>, string][]) {
  test(`npm left alone: ${name}`, async () => {
    await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), reason,
      { only, files: { ...node, 'package.json': pkg(extra) }, line: 4 });
  });
}

test('the note names the install script and the RUN it is about', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'),
    /^dependencies not copied first: package\.json has a `postinstall` script, which runs during the install and may read the source$/,
    { only, files: { ...node, 'package.json': pkg({ scripts: { postinstall: 'node setup.js' } }) } });
});

test('npm left alone: npm install <package> changes package.json', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install express'),
    /^dependencies not copied first: `npm install express` installs named packages, which changes package\.json$/, { only, files: node });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install express'), 'named-packages', { only, files: node, line: 4 });
  // A global tool is not the project's dependencies: said so, not that it changes package.json.
  const global = await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm install -g npm@11'), 'global-install', { only, files: node, line: 4 });
  assert.match(global.notes[0].message, /`npm install -g npm@11` installs a global tool, not the project's dependencies/);
});

test('npm left alone: the context has node_modules that .dockerignore does not exclude', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), /node_modules\/ and \.dockerignore does not exclude it/,
    { only, files: { 'package.json': pkg(), 'node_modules/ms/index.js': '' } });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), 'context-install-dir-not-ignored',
    { only, files: { 'package.json': pkg(), 'node_modules/ms/index.js': '', '.dockerignore': '*.md\n' }, line: 4 });
});

test('warns when .dockerignore lacks node_modules, on the rewrite and on the result', async () => {
  const files = { 'package.json': pkg(), 'package-lock.json': '{}' };
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'),
    { only, files },
  );
  assert.ok(result.notes.some((n) => /no \.dockerignore excludes node_modules/.test(n.message)), JSON.stringify(result.notes));
  const withIgnore = await run(lines('FROM node:20', 'COPY package.json ./', 'RUN npm ci', 'COPY . .'), { only, files: { ...files, '.dockerignore': 'dist\n' } });
  assert.ok(withIgnore.notes.some((n) => /\.dockerignore does not exclude node_modules/.test(n.message)), JSON.stringify(withIgnore.notes));
});

test('`yarn --version` and `bundle --help` are not installs', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn --version'), null, { only, files: node });
  await expectUnchanged(lines('FROM ruby:3.3', 'WORKDIR /app', 'COPY . .', 'RUN bundle --help'), null, { only, files: { ...ignore, Gemfile: '' } });
});

test('pip without a build context copies the files named on the command line and says what it could not check', async () => {
  const result = await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY requirements.txt ./', 'RUN pip install -r requirements.txt', 'COPY . .'),
    { only },
  );
  assert.match(result.changes[0].message, /files named inside requirement files/);
});

test('pnpm left alone: pnpm-workspace.yaml', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN pnpm install'), 'workspaces',
    { only, files: { ...node, 'pnpm-workspace.yaml': 'packages: []' } });
});

test('yarn left alone: Yarn Berry', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn install'), 'yarn-berry',
    { only, files: { ...node, '.yarnrc.yml': 'nodeLinker: node-modules' } });
});

test('left alone: the install is not the first command of the chain', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm run lint && npm ci'), 'not-first-command', { only, files: node, line: 4 });
});

test('left alone: cd before the install', async () => {
  await expectRefused(lines('FROM node:20', 'COPY . /src', 'RUN cd /src && npm ci'), 'not-first-command', { only, files: node });
});

test('left alone: several top-level commands', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci; npm test'), 'several-commands', { only, files: node });
});

test('left alone: a RUN between the COPY and the install', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN ./configure', 'RUN npm ci'), null, { only, files: node });
});

test('left alone: WORKDIR between the COPY and the install', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'WORKDIR /app/web', 'RUN npm ci'),
    /^dependencies not copied first: WORKDIR at line 4 stands between the COPY and the install$/, { only, files: node });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'WORKDIR /app/web', 'RUN npm ci'), 'instruction-between', { only, files: node, line: 5 });
});

test('left alone: absolute destination that is not the working directory', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . /src', 'RUN npm ci'), 'install-not-in-dest', { only, files: node });
});

test('left alone: a bind mount may read the source', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN --mount=type=bind,target=/x npm ci'),
    /^dependencies not copied first: the RUN has --mount=type=bind,target=\/x$/, { only, files: node });
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN --mount=type=cache,target=/c,from=build npm ci'), 'run-flag', { only, files: node });
});

test('left alone: COPY --exclude', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY --exclude=*.md . .', 'RUN npm ci'), 'copy-flag', { only, files: node, line: 4 });
});

test('left alone: heredoc, JSON form and non-POSIX shells', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN <<EOF', 'npm ci', 'EOF'), null, { only, files: node });
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN ["npm", "ci"]'), null, { only, files: node });
  await expectUnchanged(lines('FROM node:20', 'SHELL ["pwsh", "-c"]', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), null, { only, files: node });
});

test('left alone: suppressed by a comment', async () => {
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', '# dfmod-ignore copy-deps-first', 'RUN npm ci'), null, { only, files: node });
});

test('an already split Dockerfile is left alone', async () => {
  const input = lines('FROM node:20', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build');
  const result = await expectUnchanged(input, null, { only, files: node });
  assert.equal(result.notes, []);
});

test('each stage is handled on its own', async () => {
  await expectOutput(
    lines('FROM node:20 AS web', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', '', 'FROM python:3.11', 'WORKDIR /srv', 'COPY . .', 'RUN pip install -r requirements.txt'),
    lines('FROM node:20 AS web', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', '',
      'FROM python:3.11', 'WORKDIR /srv', 'COPY requirements.txt ./', 'RUN pip install -r requirements.txt', 'COPY . .'),
    { only, files: { ...node, 'requirements.txt': 'flask\n' } },
  );
});

// ---- Python ---------------------------------------------------------------

test('pip: requirement files and the -r/-c files they name, folders kept', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY requirements.txt constraints.txt ./', 'COPY requirements/base.txt ./requirements/',
      'RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt', 'COPY . .'),
    { only, files: { ...ignore, 'requirements.txt': '-r requirements/base.txt\ngunicorn  # server\n', 'requirements/base.txt': 'flask==3.0.0\n', 'constraints.txt': '' } },
  );
});

test('pip: python -m pip with an absolute requirements path inside the WORKDIR', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . /app', 'RUN python -m pip install -r /app/requirements.txt && python manage.py collectstatic'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY requirements.txt /app/', 'RUN python -m pip install -r /app/requirements.txt', 'COPY . /app', 'RUN python manage.py collectstatic'),
    { only, files: { ...ignore, 'requirements.txt': 'flask\n' } },
  );
});

for (const [name, runLine, files, reason] of [
  ['pip install .', 'RUN pip install .', {}, 'pip-install-dot'],
  ['pip install -e .', 'RUN pip install -e .', {}, 'editable-install'],
  ['-e . inside requirements.txt', 'RUN pip install -r requirements.txt', { 'requirements.txt': 'flask\n-e .\n' }, 'editable-install'],
  ['local path inside requirements.txt', 'RUN pip install -r requirements.txt', { 'requirements.txt': './libs/core\n' }, 'local-path-dependency'],
  ['requirements.txt plus the project', 'RUN pip install -r requirements.txt .', { 'requirements.txt': 'flask\n' }, 'local-path-dependency'],
  ['missing nested requirements file', 'RUN pip install -r requirements.txt', { 'requirements.txt': '-r base.txt\n' }, 'manifest-missing'],
  ['a requirements file outside the copy', 'RUN pip install -r /etc/requirements.txt', { 'requirements.txt': 'flask\n' }, 'requirements-outside-copy'],
  ['find-links in a local folder', 'RUN pip install -r requirements.txt', { 'requirements.txt': '--find-links wheels\nflask\n' }, 'local-find-links'],
  ['--target in the source tree', 'RUN pip install -r requirements.txt -t deps', { 'requirements.txt': 'flask\n' }, 'source-tree-path'],
] as [string, string, Record<string, string>, string][]) {
  test(`pip left alone: ${name}`, async () => {
    await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', runLine), reason, { only, files: { ...ignore, ...files }, line: 4 });
  });
}

test('pip: the notes name the file and what it installs', async () => {
  await expectUnchanged(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install .'),
    /^dependencies not copied first: it installs the project itself \(`pip install \.`\), which needs the source$/, { only, files: ignore });
  await expectUnchanged(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt'),
    /^dependencies not copied first: base\.txt is not in the folder dfmod read as the build context \(the Dockerfile's, unless --context names another\); if the build sends another folder, name it with --context$/, { only, files: { ...ignore, 'requirements.txt': '-r base.txt\n' } });
});

test('pipenv: Pipfile + Pipfile.lock', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pipenv install --system --deploy'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY Pipfile Pipfile.lock ./', 'RUN pipenv install --system --deploy', 'COPY . .'),
    { only, files: { ...ignore, Pipfile: '[packages]\nflask = "*"\n', 'Pipfile.lock': '{}' } },
  );
});

test('pipenv left alone: a local path dependency', async () => {
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pipenv install --system'), 'local-path-dependency',
    { only, files: { ...ignore, Pipfile: '[packages]\nmylib = {path = "./lib", editable = true}\n' } });
});

test('poetry: without --no-root the dependencies are pre-installed and the full install stays after the copy', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN poetry install --only main'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY pyproject.toml poetry.lock ./', 'RUN poetry install --only main --no-root', 'COPY . .', 'RUN poetry install --only main'),
    { only, files: { ...ignore, 'pyproject.toml': '[tool.poetry]\nname = "app"\n', 'poetry.lock': '' } },
  );
});

test('poetry: with --no-root the install itself moves', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN poetry install --no-root && python -m compileall .'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY pyproject.toml poetry.lock ./', 'RUN poetry install --no-root', 'COPY . .', 'RUN python -m compileall .'),
    { only, files: { ...ignore, 'pyproject.toml': '[tool.poetry]\nname = "app"\n', 'poetry.lock': '' } },
  );
});

test('poetry left alone: a path dependency', async () => {
  await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN poetry install'), 'local-path-dependency',
    { only, files: { ...ignore, 'pyproject.toml': '[tool.poetry.dependencies]\nlib = { path = "../lib" }\n' } });
});

// ---- Go, Ruby, PHP -----------------------------------------------------------

test('go: go.mod and go.sum, `go mod download` before the source copy, the build unchanged', async () => {
  const result = await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .'),
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /app/server .'),
    { only, files: { 'go.mod': 'module x\n\ngo 1.19\n', 'go.sum': '', 'main.go': '' } },
  );
  assert.match(result.changes[0].message, /pre-fetch with `go mod download`/);
});

test('go: a module without go.sum copies go.mod alone', async () => {
  await expectOutput(
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .'),
    lines('FROM golang:1.19', 'WORKDIR /app', 'COPY go.mod ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o /app/server .'),
    { only, files: { 'go.mod': 'module x\n\ngo 1.19\n', 'main.go': '' } },
  );
});

for (const [name, files, runLine, reason] of [
  ['vendored modules', { 'vendor/modules.txt': '' }, 'RUN go build .', 'vendored-go-modules'],
  ['local replace', { 'go.mod': 'module x\n\nreplace example.com/lib => ../lib\n' }, 'RUN go build .', 'local-path-dependency'],
  ['go.work', { 'go.work': 'go 1.19\n' }, 'RUN go build .', 'workspaces'],
  ['-mod=vendor', {}, 'RUN go build -mod=vendor .', 'vendored-go-modules'],
  ['-modfile', {}, 'RUN go build -modfile=other.mod .', 'other-go-mod'],
] as [string, Record<string, string>, string, string][]) {
  test(`go left alone: ${name}`, async () => {
    await expectRefused(lines('FROM golang:1.19', 'WORKDIR /app', 'COPY . .', runLine), reason,
      { only, files: { 'go.mod': 'module x\n', ...files } });
  });
}

test('bundler: Gemfile + Gemfile.lock (+ .bundle/config in its folder)', async () => {
  await expectOutput(
    lines('FROM ruby:3.3', 'WORKDIR /app', 'COPY . .', 'RUN bundle install --jobs 4 && bundle exec rake assets:precompile'),
    lines('FROM ruby:3.3', 'WORKDIR /app', 'COPY Gemfile Gemfile.lock ./', 'COPY .bundle/config ./.bundle/', 'RUN bundle install --jobs 4', 'COPY . .',
      'RUN bundle exec rake assets:precompile'),
    { only, files: { ...ignore, Gemfile: 'source "https://rubygems.org"\ngem "rails"\n', 'Gemfile.lock': '', '.bundle/config': 'BUNDLE_WITHOUT: "dev"\n' } },
  );
});

test('bundler left alone: the Gemfile reads a gemspec', async () => {
  await expectUnchanged(lines('FROM ruby:3.3', 'WORKDIR /app', 'COPY . .', 'RUN bundle install'), /^dependencies not copied first: the Gemfile reads other files \(`gemspec`\)$/,
    { only, files: { ...ignore, Gemfile: 'source "https://rubygems.org"\ngemspec\n' } });
  await expectRefused(lines('FROM ruby:3.3', 'WORKDIR /app', 'COPY . .', 'RUN bundle install'), 'gemfile-reads-files',
    { only, files: { ...ignore, Gemfile: 'source "https://rubygems.org"\ngemspec\n' } });
});

test('composer: packages fetched without scripts and autoloader, the full install stays after the copy', async () => {
  await expectOutput(
    lines('FROM php:8.3', 'WORKDIR /var/www/html', 'COPY . .', 'RUN composer install --no-dev'),
    lines('FROM php:8.3', 'WORKDIR /var/www/html', 'COPY composer.json composer.lock ./', 'RUN composer install --no-dev --no-scripts --no-autoloader',
      'COPY . .', 'RUN composer install --no-dev'),
    { only, files: { ...ignore, 'composer.json': '{"require": {"monolog/monolog": "^3"}}', 'composer.lock': '{}' } },
  );
});

test('composer left alone: a path repository', async () => {
  await expectRefused(lines('FROM php:8.3', 'WORKDIR /app', 'COPY . .', 'RUN composer install'), 'local-path-dependency',
    { only, files: { ...ignore, 'composer.json': '{"repositories": [{"type": "path", "url": "../lib"}]}' } });
});

test('unsupported builds get a note saying why', async () => {
  await expectUnchanged(lines('FROM rust:1', 'WORKDIR /app', 'COPY . .', 'RUN cargo build --release'),
    /^dependencies not copied first: cargo cannot fetch or build dependencies without the source targets$/, { only, files: { 'Cargo.toml': '' } });
  await expectRefused(lines('FROM maven:3', 'WORKDIR /app', 'COPY . .', 'RUN mvn -B package'), 'no-download-step', { only, files: { 'pom.xml': '' }, line: 4 });
  await expectRefused(lines('FROM gradle:8', 'WORKDIR /app', 'COPY . .', 'RUN ./gradlew build'), 'no-download-step', { only, files: {} });
  await expectRefused(lines('FROM mcr.microsoft.com/dotnet/sdk:8.0', 'WORKDIR /app', 'COPY . .', 'RUN dotnet publish -c Release'), 'project-references', { only, files: {} });
});

test('a build that installs first by hand (its project files copied and restored before the source) gets no note (review round 9)', async () => {
  const dotnet = await expectUnchanged(lines('FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build', 'WORKDIR /src', 'COPY ["App/App.csproj", "App/"]', 'RUN dotnet restore "App/App.csproj"',
    'COPY . .', 'RUN dotnet build "App/App.csproj" -c Release'), null, { only, files: { 'App/App.csproj': '' } });
  assert.equal(dotnet.notes, []);
  const maven = await expectUnchanged(lines('FROM maven:3', 'WORKDIR /app', 'COPY pom.xml .', 'RUN mvn -B dependency:go-offline', 'COPY . .', 'RUN mvn -B package'), null,
    { only, files: { 'pom.xml': '' } });
  assert.equal(maven.notes, []);
});

// ---- refusal ids -------------------------------------------------------------

for (const [id, runLine, files, line] of [
  ['computed-arguments', 'RUN npm install $PACKAGES', node, 4],
  ['computed-arguments', 'RUN xargs -a packages.txt npm install', node, 4],
  ['not-first-command', 'RUN npm ci > /tmp/log', node, 4],
  ['install-elsewhere', 'RUN npm ci --prefix web', node, 4],
  ['unexpected-arguments', 'RUN composer install extra', { ...ignore, 'composer.json': '{}' }, 4],
  ['patched-dependencies', 'RUN pnpm install', { ...node, 'package.json': pkg({ pnpm: { patchedDependencies: {} } }) }, 4],
  ['native-build', 'RUN npm ci', { ...node, 'binding.gyp': '{}' }, 4],
  ['unreadable-manifest', 'RUN npm ci', { ...node, 'package.json': '{' }, 4],
  ['install-dir-moved', 'RUN composer install', { ...ignore, 'composer.json': '{"config": {"vendor-dir": "lib"}}' }, 4],
  ['installs-into-source', 'RUN composer install', { ...ignore, 'composer.json': '{"extra": {"installer-paths": {}}}' }, 4],
  ['manifest-missing', 'RUN go build .', { 'main.go': '' }, 4],
  ['manifest-needs-quoting', 'RUN pip install -r "req files.txt"', { ...ignore, 'req files.txt': 'flask\n' }, 4],
] as [string, string, Record<string, string>, number][]) {
  test(`left alone with id ${id}: ${runLine}`, async () => {
    await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', runLine), id, { only, files, line });
  });
}

test('left alone with id dest-variable: the source copy would move below an ENV', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . $DEST', 'ENV DEST=/x', 'RUN npm ci'), 'dest-variable', { only, files: node, line: 5 });
});

test('the .dockerignore warning has the id install-dir-not-ignored, on the line of the source copy on disk (review rounds 9 and 10)', async () => {
  const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), { only, files: { 'package.json': pkg() } });
  assert.equal(result.notes.map((n) => [n.id, n.line]), [['install-dir-not-ignored', 3]]);
});

test('bundler: the vendor/bundle warning only where the gems go there (BUNDLE_PATH in the app folder, deployment mode), not into GEM_HOME (review round 9)', async () => {
  const gems = { Gemfile: "source 'https://rubygems.org'\n", 'Gemfile.lock': '' };
  const input = (env: string[]) => lines('FROM ruby:3.3-slim', ...env, 'WORKDIR /rails', 'COPY Gemfile Gemfile.lock ./', 'RUN bundle install', 'COPY . .', 'CMD ["rails", "s"]');
  for (const [env, warned] of [[[], false], [['ENV BUNDLE_PATH=/usr/local/bundle'], false], [['ENV BUNDLE_PATH=vendor/bundle'], true], [['ENV BUNDLE_DEPLOYMENT=1'], true]] as [string[], boolean][]) {
    const result = await run(input(env), { only, files: gems });
    assert.equal(result.notes.map((n) => n.id), warned ? ['install-dir-not-ignored'] : [], env.join(' '));
  }
});

// ---- facts read right (each was misread before) ---------------------------------

test('.dockerignore `node_modules/` (trailing slash) excludes the folder: no refusal, no warning', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'),
    { only, files: { ...node, '.dockerignore': 'node_modules/\n', 'node_modules/ms/index.js': '' } },
  );
  assert.equal(result.notes, []);
});

test('.dockerignore `**/node_modules` and `/node_modules` exclude the folder too', async () => {
  for (const pattern of ['**/node_modules', '/node_modules', './node_modules/']) {
    const result = await run(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'),
      { only, files: { ...node, '.dockerignore': `${pattern}\n`, 'node_modules/ms/index.js': '' } });
    assert.equal(result.notes, [], pattern);
    assert.is(result.changes.length, 1, pattern);
  }
});

test('an absolute destination with a trailing slash is the WORKDIR', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . /app/', 'RUN npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json /app/', 'RUN npm ci', 'COPY . /app/'),
    { only, files: node },
  );
});

test('the WORKDIR of the stage built on, and one set through ENV, are known', async () => {
  await expectOutput(
    lines('FROM node:20 AS base', 'WORKDIR /app', 'FROM base', 'COPY . /app', 'RUN npm ci'),
    lines('FROM node:20 AS base', 'WORKDIR /app', 'FROM base', 'COPY package*.json /app/', 'RUN npm ci', 'COPY . /app'),
    { only, files: node },
  );
  await expectOutput(
    lines('FROM node:20', 'ENV APP=/srv/app', 'WORKDIR $APP', 'COPY . $APP', 'RUN npm ci'),
    lines('FROM node:20', 'ENV APP=/srv/app', 'WORKDIR $APP', 'COPY package*.json $APP/', 'RUN npm ci', 'COPY . $APP'),
    { only, files: node },
  );
});

test('a glob COPY of the manifests (`go.*`, `package*.json`) counts as copied first', async () => {
  const go = lines('FROM golang:1.22', 'WORKDIR /app', '# Expecting to copy go.mod and if present go.sum.', 'COPY go.* ./', 'RUN go mod download', '', '# Copy local code to the container image.', 'COPY . ./', '', '# Build the binary.', 'RUN go build -v -o server');
  assert.equal((await expectUnchanged(go, null, { only, files: { 'go.mod': 'module x\n', 'go.sum': '' } })).notes, []);
  const node = lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm ci && npm run build');
  assert.equal((await expectUnchanged(node, null, { only, files: { 'package.json': '{}', 'package-lock.json': '{}', '.dockerignore': 'node_modules\n' } })).notes, []);
});

test('a JSON-form COPY of the manifests counts as copied first', async () => {
  const input = lines('FROM node:20', 'WORKDIR /app', 'COPY ["package.json", "package-lock.json", "./"]', 'COPY . .', 'RUN npm ci');
  const result = await expectUnchanged(input, null, { only, files: node });
  assert.equal(result.notes, []);
});

test('commands are read past wrappers and spellings: sudo, a path to the program, python -u -m pip', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN python3 -u -m pip install -r requirements.txt'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY requirements.txt ./', 'RUN python3 -u -m pip install -r requirements.txt', 'COPY . .'),
    { only, files: { ...ignore, 'requirements.txt': 'flask\n' } },
  );
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN pip --python /usr/bin/python3 install -r requirements.txt'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY requirements.txt ./', 'RUN pip --python /usr/bin/python3 install -r requirements.txt', 'COPY . .'),
    { only, files: { ...ignore, 'requirements.txt': 'flask\n' } },
  );
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN /usr/local/bin/npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN /usr/local/bin/npm ci', 'COPY . .'),
    { only, files: node },
  );
  await expectOutput(lines('FROM ubuntu:24.04', 'WORKDIR /src', 'COPY . .', 'RUN sudo apt-get install -y curl'),
    lines('FROM ubuntu:24.04', 'WORKDIR /src', 'RUN sudo apt-get install -y curl', 'COPY . .'), { only, files: {} });
});

test('system install not moved: xargs reads its packages from a file', async () => {
  await expectUnchanged(lines('FROM debian:bookworm', 'WORKDIR /src', 'COPY . .', 'RUN xargs -a packages.txt apt-get install -y'), null, { only, files: {} });
});

// ---- system packages ----------------------------------------------------------

test('a system package install after COPY . . moves above it, then the dependencies are split', async () => {
  await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', '# build deps', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev \\',
      '    && rm -rf /var/lib/apt/lists/*', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'),
    lines('FROM python:3.11', 'WORKDIR /app', '# build deps', 'RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev \\',
      '    && rm -rf /var/lib/apt/lists/*', 'COPY requirements.txt ./', 'RUN pip install -r requirements.txt', 'COPY . .', 'CMD ["python", "app.py"]'),
    { only, files: { ...ignore, 'requirements.txt': 'flask\n' } },
  );
});

test('a system install at the end of a file without a final newline is moved', async () => {
  await expectOutput('FROM debian:bookworm\nWORKDIR /src\nCOPY . .\nRUN apk add --no-cache curl',
    'FROM debian:bookworm\nWORKDIR /src\nRUN apk add --no-cache curl\nCOPY . .', { only, files: {} });
});

for (const [name, runLine] of [
  ['a local .deb', 'RUN apt-get install -y ./pkg.deb'],
  ['a command substitution', 'RUN apt-get install -y $(cat packages.txt)'],
  ['another command', 'RUN apt-get install -y make && make'],
  ['rm inside the destination', 'RUN apt-get install -y curl && rm -rf /src/tmp'],
  ['reading a file', 'RUN apt-get install -y curl < answers.txt'],
] as [string, string][]) {
  test(`system install not moved: ${name}`, async () => {
    await expectUnchanged(lines('FROM debian:bookworm', 'WORKDIR /src', 'COPY . .', runLine), null, { only, files: {} });
  });
}

test('system install not moved: unknown working directory (the copy could land in /)', async () => {
  await expectUnchanged(lines('FROM debian:bookworm', 'COPY . .', 'RUN apt-get install -y curl'), null, { only, files: {} });
});

// ---- paths into the source tree (the install would run before they are copied) ------------------

const py = (runLine: string) => lines('FROM python:3.11-slim', 'WORKDIR /app', 'COPY . .', runLine);

for (const [name, runLine, files, id, message] of [
  ['--find-links into the copy destination', 'RUN pip install --no-index --find-links /app/wheels -r requirements.txt',
    { 'requirements.txt': 'greet\n', 'wheels/greet-1.0-py3-none-any.whl': '' }, 'source-tree-path',
    '`--find-links /app/wheels` is a path in the source tree, which is copied only after the install'],
  ['--find-links=file:///app/wheels', 'RUN pip install --find-links=file:///app/wheels -r requirements.txt', { 'requirements.txt': 'greet\n' },
    'source-tree-path', '`--find-links file:///app/wheels` is a path in the source tree, which is copied only after the install'],
  ['-f with a relative folder', 'RUN pip install -f wheels -r requirements.txt', { 'requirements.txt': 'greet\n' }, 'source-tree-path', null],
  ['`pkg @ file:///app/…whl` in requirements.txt', 'RUN pip install --no-index -r requirements.txt',
    { 'requirements.txt': 'greet @ file:///app/wheels/greet-1.0-py3-none-any.whl\n' }, 'local-path-dependency',
    'requirements.txt installs `file:///app/wheels/greet-1.0-py3-none-any.whl`, a local path in the source tree'],
  ['a bare file: URL in requirements.txt', 'RUN pip install -r requirements.txt', { 'requirements.txt': 'file:///app/vendor/greet.tar.gz\n' }, 'local-path-dependency', null],
  ['a wheel path in requirements.txt', 'RUN pip install -r requirements.txt', { 'requirements.txt': 'wheels/greet-1.0-py3-none-any.whl\n' }, 'local-path-dependency', null],
  ['-e ./lib in requirements.txt', 'RUN pip install -r requirements.txt', { 'requirements.txt': '-e ./lib\n' }, 'editable-install', null],
  ['--find-links file:// inside requirements.txt', 'RUN pip install -r requirements.txt', { 'requirements.txt': '--find-links file:///app/wheels\ngreet\n' },
    'local-find-links', 'requirements.txt has `--find-links file:///app/wheels`, a path in the source tree, which is copied only after the install'],
  ['a continued line ending in a local path', 'RUN pip install -r requirements.txt', { 'requirements.txt': 'greet \\\n  @ file:///app/w/greet.whl\n' }, 'local-path-dependency', null],
  ['a variable pip expands', 'RUN pip install -r requirements.txt', { 'requirements.txt': 'greet @ ${WHEELS}/greet.whl\n' }, 'requirements-variable', null],
] as [string, string, Record<string, string>, string, string | null][]) {
  test(`pip left alone: ${name}`, async () => {
    const result = await expectRefused(py(runLine), id, { only, files: { ...ignore, ...files }, line: 4 });
    if (message) assert.equal(result.notes.map((n) => n.message), [`dependencies not copied first: ${message}`]);
  });
}

test('pip: a find-links folder outside the destination is there before and after the copy: the install moves', async () => {
  await expectOutput(
    lines('FROM python:3.11-slim', 'COPY wheels /wheels', 'WORKDIR /app', 'COPY . .', 'RUN pip install --no-index --find-links /wheels -r requirements.txt'),
    lines('FROM python:3.11-slim', 'COPY wheels /wheels', 'WORKDIR /app', 'COPY requirements.txt ./', 'RUN pip install --no-index --find-links /wheels -r requirements.txt', 'COPY . .'),
    { only, files: { ...ignore, 'requirements.txt': 'greet @ file:///wheels/greet-1.0-py3-none-any.whl\n--find-links /wheels\n', 'wheels/greet-1.0-py3-none-any.whl': '' } },
  );
});

test('pip: nested -r files are read as pip reads them: attached (-rbase.txt), absolute under the destination, relative to the file', async () => {
  await expectOutput(
    py('RUN pip install -r requirements/prod.txt'),
    lines('FROM python:3.11-slim', 'WORKDIR /app', 'COPY base.txt ./', 'COPY requirements/prod.txt requirements/common.txt ./requirements/',
      'RUN pip install -r requirements/prod.txt', 'COPY . .'),
    { only, files: { ...ignore, 'requirements/prod.txt': '-rcommon.txt\n-r /app/base.txt\n', 'requirements/common.txt': 'flask\n', 'base.txt': 'gunicorn\n' } },
  );
});

test('pip left alone: a requirements file includes one outside the copied folder (relative or absolute)', async () => {
  for (const include of ['-r ../shared/base.txt', '--constraint /etc/pip/constraints.txt']) {
    const result = await expectRefused(py('RUN pip install -r requirements.txt'), 'requirements-outside-copy',
      { only, files: { ...ignore, 'requirements.txt': `${include}\nflask\n` }, line: 4 });
    assert.equal(result.notes.map((n) => n.message), ['dependencies not copied first: a requirements file lies outside the copied folder'], include);
  }
});

test('pip left alone: ENV PIP_FIND_LINKS names a folder of the source tree', async () => {
  const input = lines('FROM python:3.11-slim', 'ENV PIP_FIND_LINKS=/app/wheels PIP_NO_CACHE_DIR=1', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt');
  const result = await expectRefused(input, 'settings-name-source', { only, files: { ...ignore, 'requirements.txt': 'greet\n' }, line: 5 });
  assert.match(result.notes[0].message, /ENV PIP_FIND_LINKS=\/app\/wheels names a path in the source tree/);
});

test('yarn left alone: a .yarnrc offline mirror in the source tree', async () => {
  const result = await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn install --offline --frozen-lockfile'), 'settings-name-source',
    { only, files: { ...node, 'yarn.lock': '', '.yarnrc': 'yarn-offline-mirror "./npm-packages-offline-cache"\n' }, line: 4 });
  assert.equal(result.notes.map((n) => n.message), [
    'dependencies not copied first: .yarnrc names `./npm-packages-offline-cache` (yarn-offline-mirror), a path in the source tree, which is copied only after the install',
  ]);
});

test('yarn: a .yarnrc naming only a registry and an absolute cache is copied with the manifests', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn install --frozen-lockfile'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package.json yarn.lock .yarnrc ./', 'RUN yarn install --frozen-lockfile', 'COPY . .'),
    { only, files: { ...node, 'yarn.lock': '', '.yarnrc': 'registry "https://registry.yarnpkg.com"\ncache-folder /tmp/yarn-cache\n' } },
  );
});

test('yarn left alone: the Yarn Berry note names what .yarnrc.yml points at in the source tree', async () => {
  const result = await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN yarn install'), 'yarn-berry',
    { only, files: { ...node, '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.1.0.cjs\nenableMirror: true\ncacheFolder: ./.yarn/cache\n' } });
  assert.equal(result.notes.map((n) => n.message), [
    'dependencies not copied first: Yarn Berry files (.yarnrc.yml, .yarn/) are not handled; .yarnrc.yml names yarnPath: .yarn/releases/yarn-4.1.0.cjs, cacheFolder: ./.yarn/cache in the source tree',
  ]);
});

for (const [name, npmrc, key] of [
  ['cafile', 'registry=https://r.example/\ncafile=./certs/ca.pem\n', 'cafile'],
  ['a file: value', 'init-module=file:./init.js\n', 'init-module'],
  ['an absolute path under the destination', 'userconfig=/app/.npmrc-ci\n', 'userconfig'],
] as [string, string, string][]) {
  test(`npm left alone: an .npmrc that names a local file (${name})`, async () => {
    const result = await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), 'settings-name-source',
      { only, files: { ...node, '.npmrc': npmrc }, line: 4 });
    assert.match(result.notes[0].message, new RegExp(`^dependencies not copied first: \\.npmrc names \`[^\`]+\` \\(${key}\\), a path in the source tree`));
  });
}

test('npm left alone: ENV npm_config_cache in the source tree', async () => {
  await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'ENV npm_config_cache=/app/.npm', 'COPY . .', 'RUN npm ci'), 'settings-name-source', { only, files: node, line: 5 });
});

for (const [name, files] of [
  ['a tarball dependency', { 'package.json': pkg({ dependencies: { greet: 'vendor/greet-1.0.0.tgz' } }) }],
  ['a git+file: dependency', { 'package.json': pkg({ dependencies: { greet: 'git+file:///app/vendor/greet' } }) }],
  ['a lockfile entry resolved from file:', { 'package-lock.json': '{"packages":{"node_modules/greet":{"resolved":"file:vendor/greet-1.0.0.tgz"}}}' }],
  ['a linked package in the lockfile', { 'package-lock.json': '{"packages":{"node_modules/greet":{"resolved":"lib/greet","link":true}}}' }],
] as [string, Record<string, string>][]) {
  test(`npm left alone: ${name}`, async () => {
    await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), 'local-path-dependency', { only, files: { ...node, ...files }, line: 4 });
  });
}

test('.dockerignore `node_modules/*` leaves only the empty folder, which COPY merges: no refusal, no warning', async () => {
  const result = await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'),
    { only, files: { ...node, '.dockerignore': 'node_modules/*\n', 'node_modules/ms/index.js': '' } },
  );
  assert.equal(result.notes, []);
});

test('left alone: a .dockerignore exception brings part of node_modules back', async () => {
  const result = await expectRefused(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), 'context-install-dir-not-ignored',
    { only, files: { ...node, '.dockerignore': 'node_modules/\n!node_modules/ms\n', 'node_modules/ms/index.js': '' }, line: 4 });
  assert.match(result.notes[0].message, /the context has node_modules\/ and \.dockerignore does not exclude all of it/);
});

test('.dockerignore `node_modules/` on disk (folderContext) excludes the folder', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dfmod-cdf-'));
  try {
    mkdirSync(path.join(root, 'node_modules/ms'), { recursive: true });
    for (const [file, text] of Object.entries({ ...node, '.dockerignore': 'node_modules/\n', 'node_modules/ms/index.js': '' })) writeFileSync(path.join(root, file), text);
    const result = await expectOutput(
      lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'),
      lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'),
      { only, context: folderContext(root) },
    );
    assert.equal(result.notes, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// ---- the ignore file the build reads: the stage's build context, or the Dockerfile's own ----------------

/** A Dockerfile in docker/, built from the repository root: its COPY names docker/entrypoint.sh, there and not beside the Dockerfile. */
const FROM_ROOT = lines('FROM node:20', 'WORKDIR /app', 'COPY docker/entrypoint.sh /usr/local/bin/', 'COPY . .', 'RUN npm ci');

async function inRepository(files: Record<string, string>, dockerfile: string) {
  const { runCli, tempProject } = await import('./cli-harness.js');
  const repo = tempProject({ '.git/HEAD': '', 'package.json': pkg(), 'package-lock.json': '{}', 'docker/entrypoint.sh': '#!/bin/sh\nexec "$@"\n', ...files });
  try {
    const ran = await runCli(['--json', '-t', 'copy-deps-first', dockerfile], repo);
    const file = (JSON.parse(ran.stdout) as { files: { diff?: string; notes: { id: string; message: string }[] }[] }).files[0];
    return { diff: file.diff ?? '', notes: file.notes.map((n) => [n.id, n.message]) };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

test('the .dockerignore read is the one of the build context the COPYs name, above the Dockerfile\'s folder', async () => {
  const excluded = await inRepository({ 'docker/Dockerfile': FROM_ROOT, '.dockerignore': 'node_modules\n' }, 'docker/Dockerfile');
  assert.match(excluded.diff, /\+COPY package\*\.json \.\//);
  assert.equal(excluded.notes, []);
  const none = await inRepository({ 'docker/Dockerfile': FROM_ROOT }, 'docker/Dockerfile');
  assert.equal(none.notes, [['install-dir-not-ignored',
    'no .dockerignore in the build context (../) excludes node_modules/: a local one would overwrite the installed dependencies at `COPY . .`']]);
  const other = await inRepository({ 'docker/Dockerfile': FROM_ROOT, '.dockerignore': '*.log\n', 'docker/.dockerignore': 'node_modules\n' }, 'docker/Dockerfile');
  assert.equal(other.notes, [['install-dir-not-ignored',
    '../.dockerignore does not exclude node_modules/: a local one would overwrite the installed dependencies at `COPY . .`']]);
});

test('<Dockerfile>.dockerignore beside the Dockerfile is read instead of the context\'s .dockerignore', async () => {
  const own = await inRepository({ 'docker/Dockerfile': FROM_ROOT, '.dockerignore': '*.log\n', 'docker/Dockerfile.dockerignore': 'node_modules\n' }, 'docker/Dockerfile');
  assert.match(own.diff, /\+COPY package\*\.json \.\//);
  assert.equal(own.notes, []);
  const replaced = await inRepository({ 'docker/Dockerfile': FROM_ROOT, '.dockerignore': 'node_modules\n', 'docker/Dockerfile.dockerignore': '*.log\n' }, 'docker/Dockerfile');
  assert.equal(replaced.notes, [['install-dir-not-ignored',
    'Dockerfile.dockerignore does not exclude node_modules/: a local one would overwrite the installed dependencies at `COPY . .`']]);
  // In the context's own folder too: app.Dockerfile.dockerignore, not .dockerignore.
  const beside = await inRepository({ 'app.Dockerfile': lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), 'app.Dockerfile.dockerignore': 'node_modules\n', '.dockerignore': '' }, 'app.Dockerfile');
  assert.equal(beside.notes, []);
  const shared = await inRepository({ 'app.Dockerfile': lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'RUN npm ci'), '.dockerignore': '*.log\n' }, 'app.Dockerfile');
  assert.equal(shared.notes.map(([id]) => id), ['install-dir-not-ignored']);
});

// ---- layout: comments stay with their instruction, blank lines keep the groups ------------------

test('comments stay with the instruction they describe; npm manifests as package*.json (review round 3)', async () => {
  const input = lines('FROM node:20-slim', 'WORKDIR /app', '# Copy local code to the container image.', 'COPY . ./', '# Install production dependencies.', 'RUN npm install');
  const expected = lines('FROM node:20-slim', 'WORKDIR /app', 'COPY package*.json ./', '# Install production dependencies.', 'RUN npm install',
    '# Copy local code to the container image.', 'COPY . ./');
  // package.json without a lockfile: the glob also brings the lockfile the project adds later.
  await expectOutput(input, expected, { only, files: { ...ignore, 'package.json': pkg() } });
  await expectOutput(input, expected, { only, files: node });
  // Without a build context, the glob too, and .npmrc when there is one.
  const blind = await expectOutput(input, lines('FROM node:20-slim', 'WORKDIR /app', 'COPY package*.json .npmrc* ./', '# Install production dependencies.',
    'RUN npm install', '# Copy local code to the container image.', 'COPY . ./'), { only });
  assert.equal(blind.changes.map((c) => c.message), ['copy package*.json, .npmrc first and install before `COPY . .`, so source edits keep `npm install` cached ' +
    '(no build context: install scripts, local and vendored dependencies were not checked)']);
});

test('go: the blank line after the source copy goes after the pre-fetch, which stays with its manifests (review round 3)', async () => {
  const files = { 'go.mod': 'module x\n\ngo 1.23\n', 'go.sum': '' };
  await expectOutput(
    lines('FROM golang:1.23', 'WORKDIR /workspace', '', 'COPY . .', '', 'RUN go build -o bin/app ./main', '', 'CMD ["/workspace/bin/app"]'),
    lines('FROM golang:1.23', 'WORKDIR /workspace', '', 'COPY go.mod go.sum ./', 'RUN go mod download', '', 'COPY . .', 'RUN go build -o bin/app ./main', '',
      'CMD ["/workspace/bin/app"]'),
    { only, files },
  );
  await expectOutput(
    lines('FROM golang:1.23', 'WORKDIR /app', '# Copy local code to the container image.', 'COPY . ./', '', '# Build the binary.', 'RUN go build -v -o server'),
    lines('FROM golang:1.23', 'WORKDIR /app', 'COPY go.mod go.sum ./', 'RUN go mod download', '', '# Copy local code to the container image.', 'COPY . ./',
      '# Build the binary.', 'RUN go build -v -o server'),
    { only, files },
  );
});

test('go: with an ENV between, the pre-fetch goes after it, the source copy and its comment before the build', async () => {
  await expectOutput(
    lines('FROM golang:1.23', 'WORKDIR /src', '# the source', 'COPY . .', 'ENV GOFLAGS=-trimpath', '# build it', 'RUN go build -o /out/app .'),
    lines('FROM golang:1.23', 'WORKDIR /src', 'COPY go.mod ./', 'ENV GOFLAGS=-trimpath', 'RUN go mod download', '# the source', 'COPY . .', '# build it',
      'RUN go build -o /out/app .'),
    { only, files: { 'go.mod': 'module x\n' } },
  );
});

test('npm: the blank line between the source copy and the install goes between the install and the source copy', async () => {
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', '# app', 'COPY . .', '', '# deps', 'RUN npm ci && npm run build', '', 'CMD ["node", "dist/main.js"]'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', '# deps', 'RUN npm ci', '', '# app', 'COPY . .', 'RUN npm run build', '',
      'CMD ["node", "dist/main.js"]'),
    { only, files: node },
  );
  // A comment block standing on its own between them stays where it is.
  await expectOutput(
    lines('FROM node:20', 'WORKDIR /app', 'COPY . .', '# ---- dependencies', '', 'RUN npm ci'),
    lines('FROM node:20', 'WORKDIR /app', 'COPY package*.json ./', '# ---- dependencies', '', 'RUN npm ci', 'COPY . .'),
    { only, files: node },
  );
});

test('a system install moved above the source copy goes above its comment too', async () => {
  await expectOutput(lines('FROM debian:bookworm', 'WORKDIR /src', '# the source', 'COPY . .', '# tools', 'RUN apt-get install -y curl'),
    lines('FROM debian:bookworm', 'WORKDIR /src', '# tools', 'RUN apt-get install -y curl', '# the source', 'COPY . .'), { only, files: {} });
});

// ---- what the pre-fetch needs ------------------------------------------------------------------

test('go: build flags the shell computes do not matter to `go mod download` (review round 3)', async () => {
  const files = { 'go.mod': 'module x\n', 'go.sum': '' };
  await expectOutput(
    lines('FROM golang:1.22', 'WORKDIR /app', 'COPY . .', 'RUN go build -ldflags "-X main.Commit=$(git rev-parse HEAD)" -o /app/server .'),
    lines('FROM golang:1.22', 'WORKDIR /app', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build -ldflags "-X main.Commit=$(git rev-parse HEAD)" -o /app/server .'),
    { only, files },
  );
  await expectOutput(
    lines('FROM golang:1.22', 'WORKDIR /app', 'COPY . .', 'RUN CGO_ENABLED=0 go build -tags "$TAGS" -o "$OUT" ./cmd/${APP}'),
    lines('FROM golang:1.22', 'WORKDIR /app', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -tags "$TAGS" -o "$OUT" ./cmd/${APP}'),
    { only, files },
  );
});

test('go left alone: a computed -mod, or -C (another folder\'s module)', async () => {
  const files = { 'go.mod': 'module x\n' };
  const computed = await expectRefused(lines('FROM golang:1.22', 'WORKDIR /app', 'COPY . .', 'RUN go build "-mod=$MODE" -o /app/server .'), 'computed-arguments',
    { only, files, line: 4 });
  assert.equal(computed.notes.map((n) => n.message), ['dependencies not copied first: `go build` has a `-mod` the shell computes']);
  const elsewhere = await expectRefused(lines('FROM golang:1.22', 'WORKDIR /app', 'COPY . .', 'RUN go build -C cmd/server -o /app/server .'), 'install-elsewhere',
    { only, files, line: 4 });
  assert.equal(elsewhere.notes.map((n) => n.message), ['dependencies not copied first: `-C cmd/server` builds the module of another folder']);
});

test('a missing manifest: the note says which folder dfmod read, and how to name another (review round 3)', async () => {
  const result = await expectRefused(lines('FROM golang:1.22', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .'), 'manifest-missing',
    { only, files: { 'main.go': '' }, line: 4 });
  assert.equal(result.notes.map((n) => n.message), ['dependencies not copied first: go.mod is not in the folder dfmod read as the build context ' +
    '(the Dockerfile\'s, unless --context names another); if the build sends another folder, name it with --context']);
  const ignored = await expectRefused(lines('FROM golang:1.22', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .'), 'manifest-missing',
    { only, files: { 'go.mod': 'module x\n', '.dockerignore': 'go.mod\n' }, line: 4 });
  assert.equal(ignored.notes.map((n) => n.message), ['dependencies not copied first: .dockerignore excludes go.mod']);
});

// ---- notes are about the file as written ------------------------------------------------------------

test('an install merge-runs joined to the RUN after the source copy was not in it: no note about dfmod\'s own merge (review round 3)', async () => {
  const files = { ...ignore, 'requirements.txt': 'flask\n' };
  const result = await expectOutput(
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN ./configure.sh', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'),
    lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN ./configure.sh \\', '    && pip install -r requirements.txt', 'CMD ["python", "app.py"]'),
    { only: ['copy-deps-first', 'merge-runs'], files },
  );
  assert.equal(result.notes, []);
  // The same RUN as written is refused, on its own line.
  const written = await expectRefused(lines('FROM python:3.11', 'WORKDIR /app', 'COPY . .', 'RUN ./configure.sh \\', '    && pip install -r requirements.txt'),
    'not-first-command', { only: ['copy-deps-first', 'merge-runs'], files, line: 4 });
  assert.equal(written.notes.map((n) => n.message), ['dependencies not copied first: `pip install -r requirements.txt` is not the first command of the RUN\'s `&&` chain']);
});

test('a COPY --from of a whole folder before the source copy is no manifest copy (it threw on `/`)', async () => {
  const result = await expectOutput(
    lines('FROM golang:1.22', 'COPY --from=tools / /', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .'),
    lines('FROM golang:1.22', 'COPY --from=tools / /', 'WORKDIR /src', 'COPY go.mod ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o /out/app .'),
    { only, files: { 'go.mod': 'module x\n' } },
  );
  assert.equal(result.failures, []);
});

test('go: past a COPY --from into the source tree, the pre-fetch goes above the source copy and nothing moves', async () => {
  const files = { 'go.mod': 'module x\n', 'go.sum': '' };
  await expectOutput(
    lines('FROM golang:1.22-alpine', 'WORKDIR /src', 'COPY . .', 'COPY --from=web /dist ./public/dist', '', 'RUN go build -o /out/app ./cmd/app'),
    lines('FROM golang:1.22-alpine', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'COPY --from=web /dist ./public/dist', '',
      'RUN go build -o /out/app ./cmd/app'),
    { only, files },
  );
  // An install would have to move past it: still refused, with the instruction named.
  await expectUnchanged(lines('FROM node:20', 'WORKDIR /app', 'COPY . .', 'COPY --from=web /dist ./public', 'RUN npm ci'),
    /^dependencies not copied first: COPY at line 4 stands between the COPY and the install$/, { only, files: node });
  // An ENV among them may change the download: refused.
  await expectRefused(lines('FROM golang:1.22-alpine', 'WORKDIR /src', 'COPY . .', 'COPY --from=web /dist ./public/dist', 'ENV GOPROXY=https://proxy.example',
    'RUN go build -o /out/app .'), 'instruction-between', { only, files, line: 6 });
});

test.run();
