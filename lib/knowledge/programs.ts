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
  ...Object.fromEntries(['gunicorn', 'uwsgi', 'unicorn', 'nginx', 'httpd', 'httpd-foreground', 'apache2', 'apache2-foreground', 'php-fpm', 'haproxy']
    .map((p) => [p, 'a server whose master process reaps its workers and handles SIGTERM'])),
  puma: 'a server whose master process reaps its workers and handles SIGTERM',
  ...Object.fromEntries(['postgres', 'postmaster', 'mysqld', 'mariadbd', 'redis-server', 'mongod'].map((p) => [p, 'a database server, which reaps its own children and handles SIGTERM'])),
  ...Object.fromEntries(['caddy', 'traefik', 'envoy'].map((p) => [p, 'a single proxy binary, which handles SIGTERM and starts no children'])),
};

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
};

/** One-shot command-line tools, by program name: images that run one are `docker run IMAGE args` utilities. */
export const ONE_SHOT_TOOLS: ReadonlySet<string> = new Set([
  'jq', 'yq', 'hadolint', 'shellcheck', 'shfmt', 'curl', 'wget', 'dig', 'ping', 'openssl', 'git', 'ffmpeg', 'pandoc',
  'trivy', 'grype', 'syft', 'cosign', 'crane', 'skopeo', 'markdownlint', 'yamllint', 'sqlite3', 'psql', 'mysql',
  'aws', 'gcloud', 'az', 'kubectl', 'helm', 'terraform', 'envsubst',
]);

/** Commands that build one compiled program (the program and its subcommands), and the runtime it is for. */
export const COMPILED_BUILDS: Readonly<Record<string, { subcommands: readonly string[]; runtime: string }>> = {
  go: { subcommands: ['build', 'install'], runtime: 'Go' },
  cargo: { subcommands: ['build', 'install'], runtime: 'Rust' },
  dotnet: { subcommands: ['publish'], runtime: '.NET' },
};

/** The name a program is looked up by: no path, no version suffix (`php-fpm8.3`, `php-fpm83` → `php-fpm`). */
export function programKey(word: string): string {
  const name = word.slice(word.lastIndexOf('/') + 1);
  if (SELF_REAPING_SERVERS[name] !== undefined || ONE_SHOT_TOOLS.has(name)) return name;
  return name.replace(/[\d.]+$/, '');
}
