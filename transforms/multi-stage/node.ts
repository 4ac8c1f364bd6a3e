/**
 * Node: the app folder with production dependencies only, on the slim image;
 * or, for a static site a file server serves, the built folder on nginx.
 */
import path from 'node:path';
import { scriptArgv } from '../../lib/facts/index.js';
import { isRefusal, refuse, runtimeFor, type Plan, type Planner, type Refused } from './plan.js';
import type { StageReading } from './read-stage.js';

interface PackageJson {
  main?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The static front end runtime: nginx serving the build output. */
const STATIC_RUNTIME = { image: 'nginx:stable', root: '/usr/share/nginx/html' };

interface StaticServer {
  defaultPort: number;
  portFlags: string[];
  hostFlags: string[];
  spaFlags: string[];
  otherFlags: RegExp;
}

/** Static file servers a Node image may run, with the nginx behaviour that matches them. */
const STATIC_SERVERS: Record<string, StaticServer> = {
  'http-server': { defaultPort: 8080, portFlags: ['-p', '--port'], hostFlags: ['-a'], spaFlags: [], otherFlags: /^(-c-?\d+|-s|--silent|-d|-i|-g|--gzip|-b|--brotli)$/ },
  serve: { defaultPort: 3000, portFlags: ['-l', '--listen', '-p'], hostFlags: [], spaFlags: ['-s', '--single'], otherFlags: /^(-n|--no-clipboard|-u|--no-request-logging)$/ },
};

const isStart = (argv: string[]) => argv[0] === 'npm' && (argv[1] === 'start' || ((argv[1] === 'run' || argv[1] === 'run-script') && argv[2] === 'start'));

/** A build step: npm scripts, npx tools, tsc, node. */
const builds = (stage: StageReading) => stage.runs.some((r) => r.commands.some((c) =>
  ['npx', 'tsc'].includes(c.program ?? '') || (c.program === 'npm' && ['run', 'run-script'].includes(c.words[1] ?? ''))));

export const planNode: Planner = (stage, ctx) => {
  const appDir = stage.finalWorkdir;
  const installs = stage.runs.some((r) => r.commands.some((c) => c.program === 'npm' && ['ci', 'install', 'i'].includes(c.words[1] ?? '')));
  if (!installs) return refuse('no-npm-install', 'no `npm ci`/`npm install` in the stage, so production dependencies are not named');
  const context = ctx.context;
  const pkgText = context?.read('package.json') ?? null;
  let pkg: PackageJson | null = null;
  if (pkgText !== null) {
    try {
      pkg = JSON.parse(pkgText) as PackageJson;
    } catch {
      return refuse('package-json-invalid', 'package.json is not valid JSON');
    }
  }
  if (context && (context.exists('yarn.lock') || context.exists('pnpm-lock.yaml'))) {
    return refuse('not-npm', 'the project has a yarn or pnpm lockfile; only npm installs are split');
  }
  let argv = stage.argv;
  if (isStart(argv)) {
    if (!pkg) return refuse('npm-start-without-package-json', '`npm start` runs a script from package.json, which is not in the build context');
    const script = pkg.scripts?.start ?? 'node server.js';
    const read = scriptArgv(ctx.shell.parse(script).rootNode);
    if (!('argv' in read)) return refuse('start-script-unread', `the start script \`${script}\` is not a plain command`);
    argv = read.argv;
  }
  if (argv[0] === 'npx') argv = argv.slice(1).filter((a, i) => i > 0 || !a.startsWith('-'));
  const server = STATIC_SERVERS[argv[0] ?? ''];
  if (server) return planStatic(stage, argv, server);
  if (argv[0] !== 'node' && !/\/node$/.test(argv[0] ?? '')) {
    const bin = argv[0] ?? '';
    if (!pkg?.dependencies?.[bin]) return refuse('not-node', `the container runs \`${bin}\`, which is not node or a dependency's command dfmod can name`);
  }
  if (context) {
    const lock = context.read('package-lock.json') ?? '';
    const native = /"node_modules\/([^"]+)":\s*\{[^}]*"hasInstallScript":\s*true/.exec(lock);
    if (native) return refuse('native-addon', `${native[1]} has an install script (a native addon?): the libraries it links may be missing on the slim image`);
  }
  const runtime = runtimeFor(stage, 'dynamic');
  if (isRefusal(runtime)) return runtime;
  const building = builds(stage);
  if (runtime.image === stage.image.ref.raw.replace(/^docker\.io\/(library\/)?/, '') && !building && pkg && !Object.keys(pkg.devDependencies ?? {}).length) {
    return null; // already slim, nothing built, nothing to prune
  }
  return {
    runtime: runtime.image,
    payload: [`COPY --from=build ${appDir} ${appDir}`],
    buildEdits: [],
    buildTail: ['RUN npm prune --omit=dev'],
    programs: ['node', 'npm'],
    summary: `runtime ${runtime.image} with ${appDir}${building ? ' (build output included)' : ''} and production dependencies only (npm prune --omit=dev)`,
  };
};

function planStatic(stage: StageReading, argv: string[], server: StaticServer): Plan | Refused {
  let dir: string | null = null;
  let port = server.defaultPort;
  let host: string | null = null;
  let spa = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (server.portFlags.includes(arg)) {
      const value = argv[++i] ?? '';
      const match = /^(?:tcp:\/\/([\d.]+):)?(\d+)$/.exec(value);
      if (!match) return refuse('static-listen-address', `${argv[0]} listens on \`${value}\`, which nginx is not set up for`);
      if (match[1]) host = match[1];
      port = Number(match[2]);
    } else if (server.hostFlags.includes(arg)) host = argv[++i] ?? null;
    else if (server.spaFlags.includes(arg)) spa = true;
    else if (server.otherFlags.test(arg)) continue;
    else if (!arg.startsWith('-') && dir === null) dir = arg;
    else return refuse('static-option', `${argv[0]} option \`${arg}\` has no nginx equivalent dfmod writes`);
  }
  if (dir === null) return refuse('static-serves-workdir', `${argv[0]} serves the working folder, not a build output folder`);
  const out = path.posix.resolve(stage.finalWorkdir, dir);
  if (out === stage.finalWorkdir || out === '/') return refuse('static-serves-workdir', `${argv[0]} serves the whole working folder`);
  if (!stage.runs.some((r) => r.commands.some((c) => c.program === 'npm' && ['run', 'run-script'].includes(c.words[1] ?? '') || ['npx', 'tsc', 'node'].includes(c.program ?? '')))) {
    return refuse('static-not-built', `${out} is not produced by a build step`);
  }
  if (stage.stage.instructions.some((i) => i.keyword === 'USER')) return refuse('static-user', 'USER is set, and nginx needs root to start');
  const listen = host ? `${host}:${port}` : String(port);
  const location = spa ? ' location / { try_files $uri $uri/ /index.html; }' : '';
  const payload = [`COPY --from=build ${out} ${STATIC_RUNTIME.root}`];
  if (port !== 80 || host || spa) {
    payload.push(`RUN echo 'server { listen ${listen}; root ${STATIC_RUNTIME.root};${location} }' > /etc/nginx/conf.d/default.conf`);
  }
  return {
    runtime: STATIC_RUNTIME.image,
    payload,
    buildEdits: [],
    buildTail: [],
    drop: new Set(['CMD', 'ENTRYPOINT']),
    programs: [],
    summary: `runtime ${STATIC_RUNTIME.image} serving ${out} on ${listen} in place of \`${stage.argv.join(' ')}\` (nginx's own CMD; its headers and directory listings differ from ${argv[0]}'s)`,
  };
}
