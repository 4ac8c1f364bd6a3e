/**
 * Programs that need no init in front of them as PID 1, by what they are.
 *
 * Servers with a master process (and process managers): the master installs
 * its own SIGTERM/SIGINT handlers, shuts its workers down and waits for them
 * (reaping each), as each project's documentation of its signals says:
 * gunicorn ("Signal Handling"), uWSGI, puma, unicorn (SIGNALS), nginx
 * ("Controlling nginx"), Apache httpd ("Stopping and Restarting"), php-fpm,
 * PostgreSQL's postmaster ("Shutting Down the Server"), mysqld/mariadbd,
 * redis-server, mongod, HAProxy, Caddy, Traefik and Envoy (single binaries
 * that handle SIGTERM and drain).
 *
 * RabbitMQ's `rabbitmq-server`: since 3.5.5 the script traps SIGTERM when it
 * runs in the foreground, stops the broker and waits for it, written for
 * Docker's PID 1 (rabbitmq-server pull request 258, "useful to Docker where
 * the service runs as PID 1"); the official image dropped its tini then
 * (docker-library/rabbitmq pull request 41) and has run it without an init
 * since (now as `exec` of the Erlang VM, pull request 778). Not the BEAM in
 * general: the Erlang VM stops at SIGTERM (kernel's erl_signal_handler) but
 * reaps no orphans (epmd's double fork leaves a zombie under it as PID 1:
 * processone/docker-ejabberd issue 89), and the Dockerfile Phoenix generates
 * for Elixir releases (`bin/app start`, `bin/server`) advises tini for that:
 * `erl`, `beam.smp` and release scripts are left out.
 *
 * One-shot command-line tools: a container that runs one of them as its
 * whole command reads its input, prints and exits; it spawns nothing, and
 * nobody stops it.
 *
 * Compiled builds: commands whose output is one native (or .NET) program,
 * which handles SIGTERM in its runtime (Go's os/signal, .NET's host, Rust
 * servers' signal handlers) and spawns no children of its own.
 */

/** Servers whose master process reaps its workers and handles SIGTERM, by program name (no path, no version suffix). */
export const SELF_REAPING_SERVERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['supervisord', 's6-svscan', 'runsvdir'].map((p) => [p, 'a process manager, which reaps its children and handles SIGTERM'])),
  uwsgi: 'a server whose master process reaps its workers and stops at the STOPSIGNAL or with die-on-term',
  ...Object.fromEntries(['gunicorn', 'unicorn', 'nginx', 'httpd', 'httpd-foreground', 'apache2', 'apache2-foreground', 'php-fpm', 'haproxy']
    .map((p) => [p, 'a server whose master process reaps its workers and handles SIGTERM'])),
  puma: 'a server whose master process reaps its workers and handles SIGTERM',
  ...Object.fromEntries(['postgres', 'postmaster', 'mysqld', 'mariadbd', 'redis-server', 'mongod'].map((p) => [p, 'a database server, which reaps its own children and handles SIGTERM'])),
  ...Object.fromEntries(['caddy', 'traefik', 'envoy'].map((p) => [p, 'a single proxy binary, which handles SIGTERM and starts no children'])),
  'rabbitmq-server': 'RabbitMQ\'s start script, which stops the broker at SIGTERM and waits for it (written for Docker\'s PID 1; the official image runs it without an init)',
};

/** Where a server of SIGTERM_RELOADS reads an INI configuration file that may set its stop option. */
export interface ReloadsConfig {
  /** Options whose value is the file (`--ini app.ini`, `--ini=app.ini`). */
  options: readonly string[];
  /** An operand with one of these endings is a configuration file too (`uwsgi app.ini`). */
  extensions: readonly string[];
  /** The file's section the server reads by default. */
  section: string;
  /** The keys that are the stop option, and the values that unset it. */
  keys: readonly string[];
  falseValues: readonly string[];
}

/**
 * Servers of SELF_REAPING_SERVERS that reload at SIGTERM instead of stopping
 * (uWSGI 2.0's docs, "Managing the uWSGI server": SIGTERM is a "brutal
 * reload"; SIGINT and SIGQUIT stop it): the options that make it stop, and
 * what to say when neither those nor a STOPSIGNAL are set.
 */
export const SIGTERM_RELOADS: Readonly<Record<string, { stopOptions: readonly string[]; reason: string; config?: ReloadsConfig }>> = {
  uwsgi: {
    stopOptions: ['--die-on-term'],
    // uWSGI's docs, "Configuring uWSGI": `--ini file[:section]`, or a lone operand ending in `.ini`; a key with no
    // value is a flag set to true, and a flag's value false, off, no or 0 unsets it (core/ini.c, uwsgi_opt_true).
    config: { options: ['--ini'], extensions: ['.ini'], section: 'uwsgi', keys: ['die-on-term', 'die_on_term'], falseValues: ['false', 'off', 'no', '0'] },
    reason: 'uWSGI, whose master reaps its workers, but which reloads at SIGTERM instead of stopping unless `die-on-term` is set; an init does not change that: ' +
      'add `STOPSIGNAL SIGINT` (or set `die-on-term = true` in its configuration) so that `docker stop` stops it',
  },
};

/**
 * What PID 1 is, for whether an init helps in front of it. The kernel gives
 * a container's PID 1 no default signal actions: a program that installs no
 * SIGTERM handler of its own ignores `docker stop`, which waits its ten
 * seconds and kills it. Interpreters install none (Node.js, Python, PHP,
 * Perl), nor do shells, nor a C program unless it says so; npm, yarn and
 * pnpm run the app as their child and leave it when signalled; the Erlang
 * VM reaps no orphans. These are the programs an init is added in front of (by program name, no path, no
 * version suffix; `python3.12` is `python`).
 */
/** The Erlang VM's reason (see the head of this file). */
export const ERLANG_VM = 'the Erlang VM, which stops at SIGTERM but reaps no orphaned children as PID 1 (epmd\'s double fork leaves a zombie)';

export const PID1_NEEDS_INIT: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['node', 'nodejs', 'ts-node', 'tsx'].map((p) => [p, 'Node.js, which installs no SIGTERM handler: as PID 1 it ignores `docker stop` until killed'])),
  ...Object.fromEntries(['python', 'flask', 'django-admin', 'waitress-serve'].map((p) => [p, 'Python, which installs no SIGTERM handler: as PID 1 it ignores `docker stop` until killed'])),
  php: 'PHP, which installs no SIGTERM handler: as PID 1 it ignores `docker stop` until killed',
  perl: 'Perl, which installs no SIGTERM handler: as PID 1 it ignores `docker stop` until killed',
  ...Object.fromEntries(['npm', 'npx', 'yarn', 'pnpm'].map((p) => [p, `${p}, which runs the app as its child and does not pass \`docker stop\` on to it as PID 1`])),
  ...Object.fromEntries(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh'].map((p) => [p, 'a shell, which ignores SIGTERM as PID 1'])),
  ...Object.fromEntries(['erl', 'beam.smp', 'elixir', 'iex'].map((p) => [p, ERLANG_VM])),
  // Measured: `cron -f` as PID 1 of a Debian image outlives `docker stop` until killed (BusyBox's crond exits at once).
  cron: 'Debian\'s cron, which installs no SIGTERM handler: as PID 1 it ignores `docker stop` until killed',
};

/** Where an Elixir release is built (`mix release`: `_build/prod/rel/shop`): a copy from there runs the Erlang VM. */
export const ELIXIR_RELEASE_PATH = /(^|\/)_build\/[^/]+\/rel\//;

/** Script file extensions and the program that runs them, for a PID 1 named by its file (`/start.sh`, `app.py`). */
export const SCRIPT_EXTENSIONS: Readonly<Record<string, string>> = {
  '.sh': 'sh', '.bash': 'bash', '.py': 'python', '.js': 'node', '.mjs': 'node', '.cjs': 'node', '.ts': 'ts-node', '.php': 'php', '.pl': 'perl',
};

/**
 * Runtimes that handle SIGTERM as PID 1 by themselves: an init in front of
 * them adds a package and changes nothing at `docker stop`.
 */
export const PID1_HANDLES_TERM: Readonly<Record<string, string>> = {
  java: 'the JVM, which handles SIGTERM itself (its shutdown hooks run, and it exits)',
  memcached: 'which exits at SIGTERM',
  // C and C++ daemons with their own SIGTERM handlers: built from source in the file, they are still no unhandled C program.
  mosquitto: 'which handles SIGTERM itself (it closes its clients and exits)',
  'clickhouse-server': 'which handles SIGTERM itself and shuts down gracefully',
  ruby: 'which exits at SIGTERM by default (SignalException) even as PID 1',
  dotnet: 'the .NET host, which handles SIGTERM itself (the app\'s ProcessExit and IHost shutdown run)',
  uvicorn: 'which handles SIGTERM itself and shuts down gracefully',
  hypercorn: 'which handles SIGTERM itself and shuts down gracefully',
  celery: 'which handles SIGTERM itself (a warm shutdown)',
  streamlit: 'which handles SIGTERM itself',
  jupyter: 'which handles SIGTERM itself',
  'pm2-runtime': 'a process manager written for PID 1 in containers, which handles SIGTERM and reaps its apps',
};

/** C and C++ toolchains: a program they build handles no SIGTERM unless its code says so. */
export const C_TOOLCHAINS: ReadonlySet<string> = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'make', 'gmake', 'cmake', 'ninja']);

/** Commands that start one of SELF_REAPING_SERVERS: a program and the subcommands that do (`rails server` runs puma). */
export const SERVER_SUBCOMMANDS: Readonly<Record<string, { subcommands: readonly string[]; server: string }>> = {
  rails: { subcommands: ['s', 'server'], server: 'puma' },
};

/** Wrappers that exec the command after them (the words they take first): `gosu user app`, `bundle exec app`. */
export const EXEC_WRAPPERS: Readonly<Record<string, { skip: number; subcommand?: string }>> = {
  gosu: { skip: 2 },
  'su-exec': { skip: 2 },
  's6-setuidgid': { skip: 2 },
  bundle: { skip: 2, subcommand: 'exec' },
  // pyenv's and rbenv's shims: `pyenv exec python3.12 -m pip install …` runs that interpreter's pip.
  pyenv: { skip: 2, subcommand: 'exec' },
  rbenv: { skip: 2, subcommand: 'exec' },
};

/**
 * What a comment says when its author keeps the RUNs under it as separate
 * layers on purpose ("Split into separate RUN commands to improve layer
 * caching", "each browser in its own layer for parallel pulls"): read in
 * the comment's words, lowercased, one line or the block joined by spaces.
 */
export const LAYER_SPLIT_COMMENT: readonly RegExp[] = [
  /\bsplit\b.*\b(runs?|layers?|commands?|steps?|instructions?)\b/,
  /\bseparate(ly)?\b.*\b(runs?|layers?|commands?|steps?|instructions?)\b/,
  /\b(own|separate|individual|distinct|different) (docker )?layers?\b/,
  /\b(one|a) layer (per|for each|each)\b/,
  /\bparallel (pulls?|downloads?|layers?)\b/,
  /\blayer[- ]cach(e|ing)\b/,
];

/** One-shot command-line tools, by program name: images that run one are `docker run IMAGE args` utilities. */
export const ONE_SHOT_TOOLS: ReadonlySet<string> = new Set([
  'jq', 'yq', 'hadolint', 'shellcheck', 'shfmt', 'curl', 'wget', 'dig', 'ping', 'openssl', 'git', 'ffmpeg', 'pandoc',
  'trivy', 'grype', 'syft', 'cosign', 'crane', 'skopeo', 'markdownlint', 'yamllint', 'sqlite3', 'psql', 'mysql',
  'aws', 'gcloud', 'az', 'kubectl', 'helm', 'terraform', 'envsubst',
]);

/**
 * Commands that only check something and exit: compare files, test a
 * condition, print. A container whose whole command is a chain of them
 * (`cmp a b && cmp c d`) is a one-shot check: it starts nothing to stop or reap.
 */
export const ONE_SHOT_CHECKS: ReadonlySet<string> = new Set([
  'cmp', 'diff', 'test', '[', 'true', 'false', ':', 'echo', 'printf', 'exit', 'ls', 'stat', 'uname', 'which',
  'sha1sum', 'sha256sum', 'sha512sum', 'md5sum',
]);

/**
 * Words of a program's name (split at `-`, `_`, `.`) that say it is a
 * service, not a command-line tool: an ENTRYPOINT so named (`/app`,
 * `/usr/bin/metrics-agent`) is taken to be a deployed service even with no
 * EXPOSE or HEALTHCHECK, which many services leave out.
 */
export const SERVICE_NAME_WORDS: ReadonlySet<string> = new Set([
  'app', 'application', 'main', 'server', 'serve', 'service', 'svc', 'srv', 'daemon', 'agent', 'api', 'web', 'http',
  'grpc', 'gateway', 'proxy', 'controller', 'operator', 'manager', 'exporter', 'worker', 'runner', 'scheduler',
  'broker', 'bot', 'backend', 'frontend', 'hub', 'collector', 'relay', 'listener', 'webhook', 'watcher', 'monitor',
  'node', 'bridge', 'sidecar', 'router', 'registry', 'queue', 'consumer', 'producer', 'poller', 'syncer', 'launcher',
  'start', 'run', 'entrypoint', 'init',
]);

/** Arguments of an ENTRYPOINT that start a service: its subcommands (`tool serve`) and listening options (`--port=8080`). */
export const SERVICE_ARGS: ReadonlySet<string> = new Set(['serve', 'server', 'start', 'run', 'daemon', 'agent', 'web', 'api', 'listen', 'up', 'watch', 'worker']);
export const LISTEN_OPTION = /^--?(port|listen|addr|address|bind|host|http|grpc|metrics)[-.\w]*(=|$)/i;
/**
 * Environment variables that set where a server listens (`PORT`, `SURREAL_BIND`, `HTTP_LISTEN_ADDR`, `BIND_ADDRESS`):
 * an image that sets one runs a service. Not `*_ADDR` alone, which as often names a server a client connects to.
 */
export const LISTEN_ENV = /(^|_)(PORT|BIND|LISTEN)(_ADDR|_ADDRESS)?$/i;

/**
 * Programs that run a long-lived network server or daemon (besides
 * SELF_REAPING_SERVERS), by program name: ASGI/WSGI servers, static and dev
 * servers, notebook servers, job schedulers. A command that runs one shows
 * the image is a service.
 */
export const SERVER_PROGRAMS: ReadonlySet<string> = new Set([
  'uvicorn', 'hypercorn', 'daphne', 'waitress-serve', 'granian', 'http-server', 'serve', 'live-server', 'json-server',
  'pm2-runtime', 'node-red', 'jupyter', 'jupyter-lab', 'jupyter-notebook', 'code-server', 'sshd', 'dockerd', 'memcached', 'mosquitto',
  'named', 'dnsmasq', 'squid', 'vsftpd', 'lighttpd', 'openresty', 'consul', 'vault', 'nomad', 'etcd', 'prometheus', 'grafana-server',
  'redis-sentinel', 'valkey-server', 'kafka-server-start.sh', 'zookeeper-server-start.sh', 'catalina.sh', 'jetty.sh',
  'cron', 'crond', 'supercronic', 'sqlservr',
]);

/** Programs whose subcommand starts a server: `flask run`, `streamlit run`, `next start`. */
export const SERVER_PROGRAM_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  flask: ['run'],
  streamlit: ['run'],
  next: ['start', 'dev'],
  nuxt: ['start', 'dev'],
  'catalina.sh': ['run'],
  celery: ['worker', 'beat'],
};

/** Arguments that start or configure a server, wherever they are in a command (`artisan serve`, `manage.py runserver`, `hugo server`). */
export const SERVER_ARGS: ReadonlySet<string> = new Set(['serve', 'server', 'runserver']);

/**
 * A program's first argument that starts it as a long-running service (`surreal start`, `consul agent`,
 * `npm start`): unlike SERVER_ARGS, only as the subcommand, since elsewhere these words name other things.
 */
export const SERVICE_SUBCOMMANDS: ReadonlySet<string> = new Set(['start', 'agent', 'daemon']);

/** Commands that build one compiled program (the program and its subcommands), and the runtime it is for. */
export const COMPILED_BUILDS: Readonly<Record<string, { subcommands: readonly string[]; runtime: string }>> = {
  go: { subcommands: ['build', 'install'], runtime: 'Go' },
  cargo: { subcommands: ['build', 'install'], runtime: 'Rust' },
  dotnet: { subcommands: ['publish'], runtime: '.NET' },
};

/**
 * Image languages whose build output is one compiled program (the runtime
 * it is for): a program copied out of a stage FROM golang or rust is one,
 * however the stage builds it (`make`, a script).
 */
export const COMPILED_LANGUAGES: Readonly<Record<string, string>> = { go: 'Go', rust: 'Rust' };

/** The name a program is looked up by: no path, no version suffix (`php-fpm8.3`, `php-fpm83` → `php-fpm`). */
export function programKey(word: string): string {
  const name = word.slice(word.lastIndexOf('/') + 1);
  if (SELF_REAPING_SERVERS[name] !== undefined || ONE_SHOT_TOOLS.has(name)) return name;
  return name.replace(/[\d.]+$/, '');
}

/**
 * Package managers that run a package.json script as their child, in a
 * shell, and exit at SIGTERM without waiting for it: `run` (and its aliases)
 * with the script's name; subcommands that run the script of their own name
 * (`npm start`, `pnpm test`); and, for yarn and pnpm, a script's bare name
 * (`yarn serve`, `pnpm dev`), unless it is one of their own commands, which
 * win over a script of that name. From each CLI's documentation: npm's
 * run-script, start and test; Yarn 1's and Yarn 2+'s command lists and
 * `yarn run`; pnpm's command list and `pnpm run` (a bare name that is no
 * script runs a binary of node_modules/.bin, or is passed on to npm: the
 * registry commands listed last).
 */
interface ScriptRunner {
  run: readonly string[];
  named: Readonly<Record<string, string>>;
  /** The commands a bare name that is no script names; null: the runner takes no bare script name (npm). */
  commands: ReadonlySet<string> | null;
}

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

export const SCRIPT_RUNNERS: Readonly<Record<string, ScriptRunner>> = {
  npm: { run: ['run', 'run-script', 'rum', 'urn'], named: { start: 'start', test: 'test', t: 'test', tst: 'test' }, commands: null },
  yarn: {
    run: ['run'],
    named: { start: 'start', test: 'test' },
    commands: words(`access add audit autoclean bin cache check config constraints create dedupe dlx exec explain
      generate-lock-entry global help import info init install licenses link list lockfile login logout node npm outdated
      owner pack patch patch-commit plugin policies prune publish rebuild remove run search self-update set stage tag team
      unlink unplug up upgrade upgrade-interactive version versions why workspace workspaces`),
  },
  pnpm: {
    run: ['run', 'run-script'],
    named: { start: 'start', test: 'test', t: 'test', tst: 'test' },
    commands: words(`add i install it install-test up update upgrade rm remove uninstall un ln link unlink import rb rebuild
      prune fetch dedupe patch patch-commit patch-remove audit ls list ll la outdated why licenses run run-script exec dlx
      create publish pack recursive m multi server store root bin setup init deploy doctor c config get set env cat-file
      cat-index find-hash self-update help approve-builds ignored-builds completion sbom clean pm cache version
      access adduser bugs deprecate dist-tag docs edit info login logout owner ping prefix profile pkg repo s se search
      set-script show star stars team token unpublish unstar view whoami xmas`),
  },
};

/**
 * The package.json script an argv runs through a script runner (`npm start`,
 * `yarn run build`, `pnpm dev`), with how many of its words name it; null
 * when it runs none. `script` is null when options come first
 * (`pnpm --filter web start`): a script, most likely, but not one named here.
 */
export function packageScriptRun(argv: readonly string[]): { runner: string; script: string | null; words: number } | null {
  const runner = argv.length ? argv[0].slice(argv[0].lastIndexOf('/') + 1) : '';
  const known = SCRIPT_RUNNERS[runner];
  const sub = argv[1];
  if (!known || sub === undefined) return null;
  if (sub.startsWith('-')) return argv.length > 2 ? { runner, script: null, words: 0 } : null;
  if (Object.hasOwn(known.named, sub)) return { runner, script: known.named[sub], words: 2 };
  if (known.run.includes(sub)) return argv[2] && !argv[2].startsWith('-') ? { runner, script: argv[2], words: 3 } : null;
  if (known.commands && !known.commands.has(sub)) return { runner, script: sub, words: 2 };
  return null;
}

/**
 * Commands that build software, by program name: every run of the program
 * (`make`, `ninja`, `./configure`, `mvn package`, `./gradlew build`), or only
 * one with a subcommand (`go build`) or an option (`cmake --build`) listed.
 * A run that only asks for the version or help (`make --version`) builds
 * nothing. package.json scripts named as builds are BUILD_SCRIPTS.
 */
export const BUILD_COMMANDS: Readonly<Record<string, { subcommands?: readonly string[]; options?: readonly string[] }>> = {
  make: {},
  gmake: {},
  // Each compiles an interpreter from source (python-build, ruby-build).
  pyenv: { subcommands: ['install'] },
  rbenv: { subcommands: ['install'] },
  ninja: {},
  configure: {},
  cmake: { options: ['--build'] },
  meson: { subcommands: ['compile'] },
  go: { subcommands: ['build', 'install'] },
  cargo: { subcommands: ['build', 'install'] },
  dotnet: { subcommands: ['build', 'publish'] },
  mvn: {},
  mvnw: {},
  gradle: {},
  gradlew: {},
  bazel: { subcommands: ['build'] },
  // Rails' asset and boot caches: `rake assets:precompile`, `bootsnap precompile` (each a build of its own).
  rake: { subcommands: ['assets:precompile'] },
  rails: { subcommands: ['assets:precompile'] },
  bootsnap: { subcommands: ['precompile'] },
  bazelisk: { subcommands: ['build'] },
  // The official PHP images' extension builds: each compiles the extension with make.
  'docker-php-ext-install': {},
  pecl: { subcommands: ['install'] },
};

/**
 * Commands that finish the install right above them (`docker-php-ext-enable
 * redis` after `pecl install redis` turns on what pecl built): they belong
 * with that install, not with the step after them.
 */
/**
 * What a comment says when its author keeps apt usable in the image on
 * purpose ("leave apt functional in case additional devtools are needed",
 * "keep the apt lists"): read lowercased.
 */
export const KEEP_APT_COMMENT: readonly RegExp[] = [
  /\b(leave|keep|keeps|kept|leaves)\b.*\bapt\b.*\b(functional|usable|working|lists?|cache|index)\b/,
  /\bapt\b.*\b(lists?|cache|index)\b.*\b(kept|keep|left)\b/,
];

/**
 * Commands that rebuild system-wide state from its configuration each time
 * they run (every locale, every certificate): two in one RUN do the work
 * twice, where an expert edits the configuration twice and runs one.
 */
export const REGENERATORS: ReadonlySet<string> = new Set(['locale-gen', 'update-ca-certificates', 'ldconfig', 'fc-cache', 'update-mime-database', 'glib-compile-schemas']);

export const INSTALL_FINISHERS: ReadonlySet<string> = new Set(['docker-php-ext-enable']);

/**
 * Commands that download a project's dependencies and nothing else (the
 * program and the subcommand words that do): a step of its own, whose layer
 * a build after it reuses (`RUN go mod download` before `COPY . .`).
 */
export const DEPENDENCY_FETCHES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  go: [['mod', 'download']],
  cargo: [['fetch']],
  dotnet: [['restore']],
  mvn: [['dependency:go-offline'], ['dependency:resolve']],
  mvnw: [['dependency:go-offline'], ['dependency:resolve']],
  // Playwright's browsers (`npx playwright install chromium`), a download of hundreds of MB.
  playwright: [['install']],
  'playwright-core': [['install']],
  '@playwright/test': [['install']],
};

/**
 * Programs that never run apt-get, apt or aptitude, by program name: build
 * tools (every program of BUILD_COMMANDS, whatever its subcommand, and
 * autotools' `./configure`, `./autogen.sh`), compilers, and the package
 * managers of languages. What one of them runs that dfmod cannot read (a
 * Makefile it has not got, a configure script) reads no apt package lists:
 * a configure script checks for libraries and fails when one is missing, and
 * make runs its recipes, which a Makefile dfmod can read shows.
 */
export const APT_FREE_PROGRAMS: ReadonlySet<string> = new Set([
  ...Object.keys(BUILD_COMMANDS),
  'autogen.sh', 'autoreconf', 'autoconf', 'automake', 'libtoolize', 'scons', 'waf', 'ctest', 'cpack',
  'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'rustc', 'javac', 'ld', 'ar', 'strip',
  'pip', 'pip3', 'uv', 'poetry', 'pipx', 'conda', 'mamba', 'micromamba', 'gem', 'bundle', 'composer', 'cpanm',
  'npm', 'yarn', 'pnpm', 'rustup', 'pyenv', 'rbenv', 'sdk',
]);

/** Options that make a build tool print and exit. */
export const BUILD_INFO_OPTIONS: ReadonlySet<string> = new Set(['--version', '-v', '-V', '-version', '--help', '-h', '-help']);

/** package.json scripts whose run is a build: `build`, and `build:<variant>` (`npm run build:prod`). */
export function isBuildScript(name: string): boolean {
  return name === 'build' || name.startsWith('build:');
}

/**
 * Programs that download, and how they say where: the short option letter and
 * long options that take the output file (`curl -o f`, `wget -O f`; `-`
 * standard output), the options that write a file named after the URL
 * (`curl -O`), whether a run without them writes a file (wget) or prints
 * (curl), the other short options that take a value (the rest of their
 * word, or the next: `-XPOST`, `-H 'a: b'`), and options with which nothing
 * is kept (`wget --spider`). From curl(1) and wget(1).
 */
export interface Downloader {
  writesByDefault: boolean;
  outputLetter: string;
  valueLetters: string;
  outputOptions: readonly string[];
  remoteNameLetter?: string;
  remoteNameOptions?: readonly string[];
  keepsNothing?: readonly string[];
}

export const DOWNLOADERS: Readonly<Record<string, Downloader>> = {
  curl: { writesByDefault: false, outputLetter: 'o', valueLetters: 'AbcCdDeEFHKmPQrTuUwxXyYz', outputOptions: ['--output'], remoteNameLetter: 'O', remoteNameOptions: ['--remote-name', '--remote-name-all'] },
  wget: { writesByDefault: true, outputLetter: 'O', valueLetters: 'aABDeilPQRtTUw', outputOptions: ['--output-document'], keepsNothing: ['--spider'] },
};

/** Output files that keep nothing: a download written there only checks that the URL answers. */
export const DISCARDING_FILES: ReadonlySet<string> = new Set(['/dev/null']);

/** Programs a download piped into runs or unpacks (`curl … | sh`, `wget -qO- … | tar -xz`). */
export const DOWNLOAD_CONSUMERS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'tar', 'bsdtar']);

/** Commands that fetch a source tree: the program, its subcommands that do, and its options before them that take a value. */
export const SOURCE_FETCHES: Readonly<Record<string, { subcommands: readonly string[]; valueOptions: readonly string[] }>> = {
  git: { subcommands: ['clone'], valueOptions: ['-c', '-C', '--git-dir', '--work-tree', '--namespace'] },
};

/**
 * Scripts a RUN sources (`. FILE`, `source FILE`) that only set the shell's
 * environment, by how their path ends: what each is. A Python virtual
 * environment's activate script (`python -m venv DIR`, `virtualenv DIR` and
 * `uv venv DIR` write DIR/bin/activate; conda's bin/activate likewise) sets
 * VIRTUAL_ENV, PATH and the prompt and defines `deactivate`: it runs no
 * package manager and installs nothing.
 */
export const ENVIRONMENT_SCRIPTS: readonly { suffix: string; what: string }[] = [
  { suffix: 'bin/activate', what: "a virtual environment's activate script, which only sets environment variables" },
  // A shell's startup files (bash(1) INVOCATION): what a build puts there is PATH and environment for later shells.
  ...['.bashrc', '.bash_profile', '.profile', '.zshrc'].map((suffix) => ({ suffix, what: "a shell's startup file, which sets up the environment" })),
];

/**
 * What a sourced script is, when its path (or the literal end of a path the
 * shell computes, `"$VIRTUAL_ENV/bin/activate"`) names one of
 * ENVIRONMENT_SCRIPTS; null otherwise.
 */
export function environmentScript(pathEnd: string, whole: boolean): string | null {
  for (const { suffix, what } of ENVIRONMENT_SCRIPTS) {
    if (pathEnd === suffix && whole || pathEnd.endsWith(`/${suffix}`)) return what;
  }
  return null;
}

/**
 * Static file servers a Node image runs from npm, by program name: the npm
 * package that brings the program, and how its command line names the
 * folder it serves (the first operand). serve 14 reads its options with
 * `arg`, whose value options take the next word and whose flags take none
 * (`serve --help`); http-server reads them with minimist, where an option
 * without an attached value (`-c-1`, `--port=80`) takes the next word unless
 * that word is an option itself.
 */
export interface StaticFileServer {
  package: string;
  /** Options that take the next word (serve's); unused where every option may (minimist). */
  valueOptions: readonly string[];
  /** Options that take no value (serve's). */
  flags: readonly string[];
  /** Every option without an attached value takes the next word that is no option (minimist). */
  optionsTakeNextWord?: boolean;
}

export const STATIC_FILE_SERVERS: Readonly<Record<string, StaticFileServer>> = {
  serve: {
    package: 'serve',
    valueOptions: ['-l', '--listen', '-p', '-c', '--config', '--ssl-cert', '--ssl-key', '--ssl-pass'],
    flags: ['-s', '--single', '-d', '--debug', '-C', '--cors', '-L', '--no-request-logging', '-n', '--no-clipboard', '-u', '--no-compression',
      '--no-etag', '-S', '--symlinks', '--no-port-switching'],
  },
  'http-server': { package: 'http-server', valueOptions: [], flags: [], optionsTakeNextWord: true },
};
