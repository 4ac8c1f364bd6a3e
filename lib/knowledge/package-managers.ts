/**
 * How each package manager installs, answers prompts and caches. Plain data:
 * programs and words as the command line spells them; reading a command line
 * is the transforms' business (with lib/core/shell.ts).
 *
 * Sources: each tool's manual (apt-get(8), apk(8), dnf(8), yum(8),
 * microdnf --help, zypper(8), pip's and npm's CLI docs, yarn classic's,
 * gem help install, conda clean --help) and where the official images put
 * their caches.
 */

import type { PackageManager } from './images.js';

export type ManagerName =
  | 'apt-get' | 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'gem' | 'conda'
  | 'pnpm' | 'cpanm' | 'cpan' | 'composer' | 'bundle' | 'luarocks' | 'uv' | 'poetry';

/** npm lifecycle scripts that `npm ci`/`npm install` run in the root package (npm's "scripts" documentation): they may read the source and write anywhere. */
export const NPM_INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare', 'dependencies'];

export interface ManagerFacts {
  /** Program names (last path component): `pip3.12` is matched by the `pip` prefix rule in `programPrefix`. */
  programs: string[];
  /** Program names start so (`pip3`, `pip3.12`), beyond those in `programs`. */
  programPrefix?: string;
  /** Subcommands that install (and fill the cache). */
  installVerbs: string[];
  /**
   * It takes no subcommand: its operands are the packages it installs (`cpanm EV`,
   * `cpan -i DBI`), and a run with none only prints (`cpanm --version`).
   */
  operandsArePackages?: boolean;
  /** Of those, the ones that install the packages named after them (`apt-get install curl`, `apk add curl`). */
  addVerbs?: string[];
  /** For a system package manager: the package manager of describeImage it is a program of (`apt-get` and `apt` are apt's). */
  system?: PackageManager;
  /**
   * The flag that answers prompts, and its other spellings (short flags may
   * also be combined: `-qy`); `global` when it goes before the subcommand.
   */
  yes: { flag: string; spellings: string[]; global?: boolean } | null;
  /** Where the downloads are kept: absolute, or relative to the user's home. */
  cacheDirs: string[];
  /** Commands that empty the cache, at the end of the installing RUN. */
  cleanup: string[];
  /** A flag of the install subcommand that keeps nothing cached. */
  noCacheFlag: string | null;
  /**
   * The RUN script dfmod writes to install packages in one layer, `{packages}`
   * standing for them: refresh the index when the manager keeps none, answer
   * yes, install nothing merely recommended, leave no cache. Only for the
   * programs scripts should use (apt-get, not apt).
   */
  installScript?: string;
  /**
   * The same for a stage that inherits the package index from an earlier
   * stage: refreshed, and not deleted, since the stage did not make it and
   * its own installs may read it.
   */
  installScriptKeepingIndex?: string;
  /** Words that already decide the cache (the flag, its other spellings, a cache elsewhere); `word=value` counts too. */
  noCacheSpellings?: string[];
  /** Options the no-cache flag makes redundant, dropped where dfmod adds the flag (`apk add --update` → `apk add --no-cache`). */
  redundantWithNoCache?: string[];
  /** Subcommands that ask for confirmation, and abort without a terminal unless the prompt is answered (`yes`). */
  promptVerbs?: string[];
  /** Subcommands that fill the cache without installing (`zypper refresh`). */
  cacheVerbs?: string[];
  /** Subcommands that empty the cache (`yum clean all`, `npm cache clean`). */
  cleanVerbs?: string[];
  /** Options with which an install reads only what an earlier run left in the cache (`npm ci --offline`); `option=value` counts too. */
  offlineFlags?: string[];
  /** Text in the environment or the command that turns the cache off, or makes removing it unsafe (case-insensitive). */
  cacheDisabledBy?: string[];
  /** Options that take the next word as their value (`apt-get -a arm64 install`, `dnf --setopt x=1 install`), before or after the subcommand. */
  valueOptions?: string[];
  /** Options that make a bare invocation print and exit instead of installing (`yarn --version`). */
  infoOptions?: string[];
  /** yum's cleanup on releases where yum is dnf (Release.yumIsDnf). */
  cleanupWhereYumIsDnf?: string[];
  /** Where yum is dnf, the other name of the same program: one cache, which either's clean empties. */
  sameProgramWhereYumIsDnf?: ManagerName;
  /** Subcommands that delete the downloaded package index (`apt-get dist-clean`). */
  indexCleanVerbs?: string[];
  /** Subcommands that only download the package index (`apk update`). */
  indexVerbs?: string[];
  /** Options with which an install downloads the index first (`apk add --update-cache`), as `update` would. */
  indexRefreshFlags?: string[];
  /** Subcommands that remove packages (`apk del`, `apt-get purge`, `pip uninstall`). */
  removeVerbs?: string[];
  /** Options without one of which a removal only touches the project, not the program's own install (`npm uninstall -g`). */
  globalRemoveFlags?: string[];
  /** Options of a removal that also take the packages nothing needs any more (`apt-get purge --auto-remove`), beside the `autoremove` verb. */
  autoRemoveFlags?: string[];
  /** The option of an install that names a group of its packages a later removal names instead (`apk add --virtual .build-deps …`). */
  groupOptions?: string[];
  /**
   * What takes the program away, so that a cleanup it runs at the end of a
   * RUN would fail: the packages that carry it (or what it runs on), removed
   * by any package manager's remove verb (`apt-get purge npm`, `apk del
   * nodejs`), as globs; and the paths it is installed at, deleted by `rm`
   * (`rm -rf /usr/local/lib/node_modules/npm`), where a trailing `*` stands
   * for any suffix (`/opt/yarn*` for /opt/yarn-v1.22.19). Besides these, the
   * program's own names (as packages, and in /bin, /usr/bin, /usr/local/bin).
   */
  carriedBy?: { packages: string[]; paths: string[] };
  /** Other programs that read the same package index (and may update it). */
  indexReaders?: string[];
  /** Where the package index (`update`) is kept, apart from the download cache. */
  indexDir?: string;
  /** Subcommands that do not read the package index; every other one is taken to. */
  indexFreeVerbs?: string[];
  /** Text that changes where packages come from: an install after it needs a fresh index. */
  sourceMarkers?: string[];
  /**
   * Subcommands only the classic major version has: where one ran (and
   * succeeded), the program there is that version. Yarn 2+ removed `yarn
   * global` ("consider using yarn dlx"), so after `yarn global add` in a
   * folder, `yarn cache clean` there is Yarn 1's, which empties only its own
   * global cache.
   */
  classicOnlyVerbs?: string[];
  /**
   * The cache folder under the home of the user who runs it (with no option
   * or environment placing it elsewhere), which `rm -rf` empties without the
   * program: for a RUN that removes the program before its end (npm's
   * `~/.npm`, its `_cacache` and logs; npm's docs, "cache").
   */
  homeCacheDir?: string;
  /** For a program meant for people: subcommand → the words of the scripting program (`apt` → `apt-get`) that do the same. */
  scriptEquivalent?: { program: ManagerName; verbs: Record<string, string> };
}

const RPM_INSTALL_VERBS = ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'distro-sync', 'group'];
const RPM_PROMPT_VERBS = [...RPM_INSTALL_VERBS, 'remove', 'erase', 'autoremove', 'swap', 'module'];
const APT_GET_VALUE_OPTIONS = ['-o', '-c', '-t', '-a', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture'];
// dnf(8), yum(8), microdnf --help: the options of the three that take a value.
const RPM_VALUE_OPTIONS = ['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-c', '--config', '--repo', '--repoid', '-x', '--exclude', '--forcearch'];

// Node.js as Debian, Alpine, Fedora and SUSE package it (SUSE: nodejs20, npm20), and as the official node images install it.
const NODE_PACKAGES = ['nodejs', 'nodejs[0-9]*', 'nodejs-current', 'nodejs-lts'];
const NODE_PATHS = ['/usr/bin/node', '/usr/bin/nodejs', '/usr/local/bin/node'];
const APT_REMOVE_VERBS = ['remove', 'purge', 'autoremove'];

export const PACKAGE_MANAGER_FACTS: Record<ManagerName, ManagerFacts> = {
  'apt-get': {
    programs: ['apt-get'],
    installVerbs: ['install', 'upgrade', 'dist-upgrade', 'build-dep'],
    addVerbs: ['install'],
    system: 'apt',
    yes: { flag: '-y', spellings: ['-y', '--yes', '--assume-yes', '-o APT::Get::Assume-Yes=true'] },
    cacheDirs: ['/var/lib/apt/lists', '/var/cache/apt'],
    // The official Debian and Ubuntu images already clean /var/cache/apt after each install (docker-clean).
    cleanup: ['rm -rf /var/lib/apt/lists/*'],
    noCacheFlag: null,
    installScript: 'apt-get update && apt-get install -y --no-install-recommends {packages} && rm -rf /var/lib/apt/lists/*',
    installScriptKeepingIndex: 'apt-get update && apt-get install -y --no-install-recommends {packages}',
    promptVerbs: ['install', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'build-dep'],
    removeVerbs: APT_REMOVE_VERBS,
    autoRemoveFlags: ['--auto-remove', '--autoremove'],
    indexVerbs: ['update'],
    indexReaders: ['apt-cache', 'aptitude'],
    valueOptions: APT_GET_VALUE_OPTIONS,
    indexDir: '/var/lib/apt/lists',
    indexFreeVerbs: ['update', 'clean', 'autoclean', 'remove', 'purge', 'autoremove', 'check', 'help', 'moo', 'dist-clean'],
    // apt 2.7+: `apt-get dist-clean` removes the package lists as well as the cache.
    indexCleanVerbs: ['dist-clean'],
    // sources.list(5), add-apt-repository(1), apt-key(8), dpkg --add-architecture.
    sourceMarkers: ['/etc/apt', 'sources.list', 'add-apt-repository', 'apt-key', '--add-architecture'],
  },
  // `apt` is for people: its command line may change; scripts use apt-get.
  apt: {
    programs: ['apt'],
    installVerbs: ['install', 'upgrade', 'full-upgrade', 'dist-upgrade'],
    addVerbs: ['install'],
    system: 'apt',
    yes: { flag: '-y', spellings: ['-y', '--yes', '--assume-yes'] },
    cacheDirs: ['/var/lib/apt/lists', '/var/cache/apt'],
    cleanup: ['rm -rf /var/lib/apt/lists/*'],
    noCacheFlag: null,
    valueOptions: APT_GET_VALUE_OPTIONS,
    removeVerbs: APT_REMOVE_VERBS,
    autoRemoveFlags: ['--auto-remove', '--autoremove'],
    indexDir: '/var/lib/apt/lists',
    // apt(8): list, search, show, edit-sources… have no apt-get counterpart.
    scriptEquivalent: {
      program: 'apt-get',
      verbs: {
        install: 'install',
        update: 'update',
        upgrade: 'upgrade --with-new-pkgs', // apt upgrade may install new dependencies; plain apt-get upgrade does not
        'full-upgrade': 'dist-upgrade',
        'dist-upgrade': 'dist-upgrade',
        remove: 'remove',
        purge: 'purge',
        autoremove: 'autoremove',
        clean: 'clean',
        autoclean: 'autoclean',
      },
    },
  },
  apk: {
    programs: ['apk'],
    installVerbs: ['add'],
    addVerbs: ['add'],
    system: 'apk',
    valueOptions: ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir'],
    yes: null, // apk never prompts
    cacheDirs: ['/var/cache/apk', '/etc/apk/cache'],
    cleanup: ['rm -rf /var/cache/apk/*'],
    noCacheFlag: '--no-cache',
    installScript: 'apk add --no-cache {packages}',
    noCacheSpellings: ['--no-cache'],
    // Installs only from packages already in the cache or given as files: nothing is downloaded to keep.
    offlineFlags: ['--no-network'],
    indexVerbs: ['update'],
    // apk(8): -U, --update-cache; `--update` is the abbreviation scripts write (`apk --update add`).
    indexRefreshFlags: ['-U', '--update-cache', '--update'],
    // apk(8): --no-cache fetches the index itself and keeps none, which is all -U (update the cache first) would do.
    redundantWithNoCache: ['-U', '--update-cache', '--update'],
    removeVerbs: ['del'],
    groupOptions: ['-t', '--virtual'],
    // apk-repositories(5), apk-keys: a mirror switch (`sed -i … /etc/apk/repositories`) or an added repository.
    sourceMarkers: ['/etc/apk/repositories', '/etc/apk/keys'],
  },
  dnf: {
    programs: ['dnf', 'dnf5'],
    installVerbs: RPM_INSTALL_VERBS,
    addVerbs: ['install'],
    system: 'dnf',
    valueOptions: RPM_VALUE_OPTIONS,
    yes: { flag: '-y', spellings: ['-y', '--assumeyes'] },
    cacheDirs: ['/var/cache/dnf', '/var/cache/libdnf5'],
    cleanup: ['dnf clean all', 'rm -rf /var/cache/dnf'],
    noCacheFlag: null,
    installScript: 'dnf install -y {packages} && dnf clean all',
    sameProgramWhereYumIsDnf: 'yum',
    promptVerbs: RPM_PROMPT_VERBS,
    cleanVerbs: ['clean'],
    removeVerbs: ['remove', 'erase', 'autoremove'],
    offlineFlags: ['-C', '--cacheonly'],
    // yum.conf(5) repositories, `dnf config-manager --add-repo`.
    sourceMarkers: ['/etc/yum.repos.d', '/etc/dnf', 'config-manager', '/etc/pki/rpm-gpg'],
  },
  yum: {
    programs: ['yum'],
    installVerbs: RPM_INSTALL_VERBS,
    addVerbs: ['install'],
    system: 'yum',
    valueOptions: RPM_VALUE_OPTIONS,
    yes: { flag: '-y', spellings: ['-y', '--assumeyes'] },
    cacheDirs: ['/var/cache/yum', '/var/cache/dnf'],
    cleanup: ['yum clean all', 'rm -rf /var/cache/yum'],
    // Where yum is dnf (RHEL 8 on), its cache is dnf's.
    cleanupWhereYumIsDnf: ['yum clean all', 'rm -rf /var/cache/dnf'],
    sameProgramWhereYumIsDnf: 'dnf',
    noCacheFlag: null,
    installScript: 'yum install -y {packages} && yum clean all',
    promptVerbs: RPM_PROMPT_VERBS,
    cleanVerbs: ['clean'],
    removeVerbs: ['remove', 'erase', 'autoremove'],
    offlineFlags: ['-C', '--cacheonly'],
    sourceMarkers: ['/etc/yum.repos.d', '/etc/yum.conf', 'yum-config-manager', '/etc/pki/rpm-gpg'],
  },
  microdnf: {
    programs: ['microdnf'],
    installVerbs: ['install', 'update', 'upgrade', 'reinstall'],
    addVerbs: ['install'],
    system: 'microdnf',
    valueOptions: RPM_VALUE_OPTIONS,
    yes: { flag: '-y', spellings: ['-y', '--assumeyes'] },
    cacheDirs: ['/var/cache/yum', '/var/cache/dnf'],
    cleanup: ['microdnf clean all'],
    noCacheFlag: null,
    installScript: 'microdnf install -y {packages} && microdnf clean all',
    cleanVerbs: ['clean'],
    removeVerbs: ['remove'],
    sourceMarkers: ['/etc/yum.repos.d', '/etc/dnf', '/etc/pki/rpm-gpg'],
  },
  zypper: {
    programs: ['zypper'],
    installVerbs: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch'],
    addVerbs: ['install', 'in'],
    system: 'zypper',
    valueOptions: ['-r', '--repo', '--from', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir'],
    // A global option: before the subcommand (`zypper -n install`).
    yes: { flag: '-n', spellings: ['-n', '--non-interactive', '-y', '--no-confirm'], global: true },
    cacheDirs: ['/var/cache/zypp'],
    cleanup: ['zypper clean -a'],
    noCacheFlag: null,
    installScript: 'zypper -n install {packages} && zypper clean -a',
    promptVerbs: ['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch'],
    cacheVerbs: ['refresh', 'ref'],
    cleanVerbs: ['clean', 'cc'],
    removeVerbs: ['remove', 'rm'],
    // zypper addrepo (ar), /etc/zypp/repos.d.
    sourceMarkers: ['/etc/zypp', 'addrepo', 'zypper ar '],
  },
  pip: {
    programs: ['pip', 'pip3'],
    programPrefix: 'pip',
    installVerbs: ['install'],
    addVerbs: ['install'],
    // pip's general options that take a value: `pip --cache-dir /c install`.
    valueOptions: [
      '--proxy', '--cache-dir', '--log', '--timeout', '--retries', '--exists-action', '--trusted-host', '--cert',
      '--client-cert', '--python', '--src', '--root-user-action', '--keyring-provider', '--use-feature', '--use-deprecated',
    ],
    yes: null,
    cacheDirs: ['/root/.cache/pip', '.cache/pip'],
    cleanup: [],
    noCacheFlag: '--no-cache-dir',
    // --cache-dir: the cache is somewhere the user chose. pip takes any
    // unambiguous prefix of a long option, and `--no-cache` is the one people write.
    noCacheSpellings: ['--no-cache-dir', '--no-cache', '--cache-dir'],
    cacheDisabledBy: ['PIP_NO_CACHE_DIR'],
    removeVerbs: ['uninstall'],
  },
  npm: {
    programs: ['npm'],
    // npm's aliases (npm help install, npm help ci): `in`, `ins`, `clean-install`, `ic`, `install-clean`, `isntall-clean`.
    installVerbs: ['install', 'i', 'in', 'ins', 'ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean', 'add', 'isntall'],
    yes: null,
    cacheDirs: ['/root/.npm', '.npm'],
    cleanup: ['npm cache clean --force'],
    homeCacheDir: '.npm',
    noCacheFlag: null,
    cleanVerbs: ['cache'],
    offlineFlags: ['--offline', '--prefer-offline', '--cache-min'],
    // A cache the user placed (often a committed offline cache): `npm cache clean` would empty it.
    cacheDisabledBy: ['npm_config_cache', '--cache=', '--cache '],
    // npm(1) uninstall and its aliases; without -g it removes from the project's node_modules.
    removeVerbs: ['uninstall', 'un', 'unlink', 'remove', 'rm', 'r'],
    globalRemoveFlags: ['-g', '--global', '--location=global'],
    // npm runs on node: Debian's and Fedora's npm packages, Alpine's and SUSE's, Node.js itself, and where the images put them.
    carriedBy: {
      packages: ['npm[0-9]*', 'nodejs-npm', ...NODE_PACKAGES],
      paths: ['/usr/lib/node_modules/npm', '/usr/local/lib/node_modules/npm', '/usr/share/nodejs/npm', ...NODE_PATHS],
    },
  },
  // Yarn classic (1.x). Yarn Berry's `yarn cache clean` deletes the project's own zip cache.
  yarn: {
    programs: ['yarn'],
    // `yarn global add` installs a tool into Yarn 1's global folder, through its cache (/usr/local/share/.cache/yarn for root).
    installVerbs: ['install', 'add', 'global add', ''],
    classicOnlyVerbs: ['global add', 'global'],
    yes: null,
    cacheDirs: ['/usr/local/share/.cache/yarn', '.cache/yarn', '.yarn'],
    cleanup: ['yarn cache clean'],
    noCacheFlag: null,
    cleanVerbs: ['cache'],
    offlineFlags: ['--offline', '--prefer-offline'],
    // `yarn` alone installs; `yarn --version` prints and exits.
    infoOptions: ['--version', '-v', '--help', '-h'],
    // Yarn runs on node. The node images keep it in /opt/yarn-v<version>, linked from /usr/local/bin; Debian's package is yarnpkg.
    carriedBy: {
      packages: ['yarnpkg', ...NODE_PACKAGES],
      paths: ['/opt/yarn*', '/usr/share/yarn', '/usr/share/nodejs/yarn', '/usr/local/lib/node_modules/yarn', '/usr/lib/node_modules/yarn', '/usr/bin/yarnpkg', ...NODE_PATHS],
    },
  },
  gem: {
    programs: ['gem'],
    installVerbs: ['install'],
    yes: null,
    cacheDirs: [],
    cleanup: [],
    // Not a cache: the documentation gem would build and keep.
    noCacheFlag: '--no-document',
    // --document/--[no-]ri/--[no-]rdoc: the user chose what to build; --doc and --no-doc are their abbreviations.
    noCacheSpellings: ['--no-document', '-N', '--no-doc', '--no-rdoc', '--no-ri', '--document', '--doc', '--rdoc', '--ri'],
    cacheDisabledBy: ['gemrc'],
    removeVerbs: ['uninstall'],
  },
  conda: {
    programs: ['conda', 'mamba'],
    installVerbs: ['install', 'create', 'update', 'env create', 'env update'],
    yes: { flag: '-y', spellings: ['-y', '--yes'] },
    cacheDirs: ['/opt/conda/pkgs', 'pkgs'],
    cleanup: ['conda clean -afy'],
    noCacheFlag: null,
    cleanVerbs: ['clean'],
    removeVerbs: ['remove', 'uninstall'],
    // Where the installers put it (Miniconda, Miniforge, Mambaforge, the continuumio images); a program word with a path adds its own.
    carriedBy: { packages: [], paths: ['/opt/conda', '/opt/miniconda*', '/opt/miniforge*', '/opt/mambaforge', '/usr/local/miniconda*'] },
    // Environments linked to the package cache (allow_softlinks) would break when it is removed.
    cacheDisabledBy: ['softlink'],
  },
  // uv's CLI reference: `uv pip install`, `uv pip sync`, `uv sync`, `uv add`, `uv tool install`. Its Docker guide:
  // without a cache mount, `--no-cache` (or UV_NO_CACHE) keeps the cache out of the image.
  uv: {
    programs: ['uv'],
    installVerbs: ['pip install', 'pip sync', 'sync', 'add', 'tool install'],
    // uv's global options that take a value (they may come before the subcommand).
    valueOptions: ['--directory', '--project', '--cache-dir', '--config-file', '--color', '--python', '-p', '--index-url', '--extra-index-url'],
    yes: null,
    cacheDirs: ['/root/.cache/uv', '.cache/uv'],
    cleanup: [],
    // A global option: accepted after any subcommand too.
    noCacheFlag: '--no-cache',
    // -n is --no-cache's short form; --cache-dir puts the cache where the user chose.
    // uv takes pip's --no-cache-dir as an alias of --no-cache.
    noCacheSpellings: ['--no-cache', '-n', '--no-cache-dir', '--cache-dir'],
    cacheDisabledBy: ['UV_NO_CACHE', 'UV_CACHE_DIR'],
    offlineFlags: ['--offline'],
  },
  // The language package managers below are read to tell an install from other work (merge-runs);
  // no transform cleans up after them (cache-cleanup's MANAGERS), so only their install verbs matter.
  // pnpm's CLI documentation (install, add).
  pnpm: {
    programs: ['pnpm'],
    installVerbs: ['install', 'i', 'add', 'install-test', 'it'],
    yes: null,
    cacheDirs: ['.local/share/pnpm/store'],
    cleanup: [],
    noCacheFlag: null,
  },
  // cpanm(1) (App::cpanminus): `cpanm Module`, `cpanm --installdeps .`; it works in ~/.cpanm.
  cpanm: {
    programs: ['cpanm'],
    installVerbs: [],
    operandsArePackages: true,
    valueOptions: ['-l', '--local-lib', '-L', '--local-lib-contained', '--mirror', '--from', '-M'],
    yes: null,
    cacheDirs: ['.cpanm'],
    cleanup: [],
    noCacheFlag: null,
  },
  // cpan(1): `cpan Module`, `cpan -i Module`, `cpan -T Module`; it works in ~/.cpan.
  cpan: {
    programs: ['cpan'],
    installVerbs: [],
    operandsArePackages: true,
    valueOptions: ['-j', '-J', '-M', '-c'],
    yes: null,
    cacheDirs: ['.cpan'],
    cleanup: [],
    noCacheFlag: null,
  },
  // Composer's command list: install, update, require, create-project, and `composer global require`.
  composer: {
    programs: ['composer', 'composer.phar'],
    installVerbs: ['install', 'update', 'require', 'create-project', 'global require', 'global update'],
    valueOptions: ['-d', '--working-dir'],
    yes: null,
    cacheDirs: ['.composer/cache', '.cache/composer'],
    cleanup: [],
    noCacheFlag: null,
  },
  // Bundler: `bundle install` (and `bundle update`, which installs the newer gems).
  bundle: {
    programs: ['bundle', 'bundler'],
    installVerbs: ['install', 'update'],
    yes: null,
    cacheDirs: [],
    cleanup: [],
    noCacheFlag: null,
  },
  // luarocks(1): install, build and make install rocks.
  luarocks: {
    programs: ['luarocks'],
    installVerbs: ['install', 'build', 'make'],
    valueOptions: ['--tree', '--server', '--lua-version'],
    yes: null,
    cacheDirs: ['.cache/luarocks'],
    cleanup: [],
    noCacheFlag: null,
  },
  // Poetry's CLI: install, add, update.
  poetry: {
    programs: ['poetry'],
    installVerbs: ['install', 'add', 'update'],
    yes: null,
    cacheDirs: ['.cache/pypoetry'],
    cleanup: [],
    noCacheFlag: null,
  },
};

/**
 * Interpreters whose code argument installs packages: the options that take
 * the code, and the calls in it that install (R's install.packages and the
 * installers of remotes, devtools, BiocManager, pak; `renv::restore`). Also
 * the subcommands that install a package archive (`R CMD INSTALL pkg.tar.gz`).
 */
export const CODE_INSTALLS: Readonly<Record<string, { codeOptions: readonly string[]; calls: readonly string[]; subcommands?: readonly string[] }>> = {
  Rscript: {
    codeOptions: ['-e'],
    calls: ['install.packages(', 'remotes::install_', 'devtools::install_', 'BiocManager::install(', 'pak::pkg_install(', 'pak::pak(', 'renv::restore('],
  },
  R: {
    codeOptions: ['-e'],
    calls: ['install.packages(', 'remotes::install_', 'devtools::install_', 'BiocManager::install(', 'pak::pkg_install(', 'pak::pak(', 'renv::restore('],
    subcommands: ['CMD INSTALL'],
  },
};

/**
 * Folders where a package manager's sources and their signing keys are kept
 * (sources.list(5) and signed-by; dnf's and zypper's repository folders;
 * apk's keys): a file downloaded there prepares the install that follows.
 */
export const PACKAGE_SOURCE_DIRS: readonly string[] = [
  '/etc/apt/keyrings', '/usr/share/keyrings', '/etc/apt/trusted.gpg.d', '/etc/apt/sources.list.d', '/etc/apt/sources.list',
  '/etc/yum.repos.d', '/etc/pki/rpm-gpg', '/etc/zypp/repos.d', '/etc/apk/keys', '/etc/apk/repositories',
];


/**
 * Language package managers that, told to install themselves globally
 * (`npm install -g npm@latest`), write the new version over the running one,
 * at the same path: npm's global prefix is the folder node runs from, where
 * the npm bundled with node lives. A shell that looked the program up keeps
 * a path that still names the new one. Exceptions, where the new copy lands
 * elsewhere on PATH: a prefix set by an option or the environment, and the
 * distro's own package of the manager (Debian's `npm` installs globals under
 * /usr/local, in front of its /usr/bin/npm).
 * pip is not listed: a distro's Python puts root's installs under
 * /usr/local/bin, in front of /usr/bin/pip, and nothing in a file shows
 * which pip an image has.
 */
export const SELF_INSTALLS_IN_PLACE: Readonly<Record<string, { prefixOptions: readonly string[]; prefixEnv: readonly string[]; distroPackages: readonly string[] }>> = {
  npm: { prefixOptions: ['--prefix'], prefixEnv: ['NPM_CONFIG_PREFIX', 'npm_config_prefix', 'PREFIX'], distroPackages: ['npm'] },
};
/** The manager a program name runs (`/usr/bin/pip3.12` → pip), or null. */
export function managerOfProgram(program: string): ManagerName | null {
  const base = program.split('/').pop() ?? program;
  for (const [name, facts] of Object.entries(PACKAGE_MANAGER_FACTS) as [ManagerName, ManagerFacts][]) {
    if (facts.programs.includes(base)) return name;
    if (facts.programPrefix && base.startsWith(facts.programPrefix) && /^[\d.]*$/.test(base.slice(facts.programPrefix.length))) return name;
  }
  return null;
}

/** The system package manager a program belongs to (`/usr/bin/apt-get` → apt), or null: its row's `system`. */
export function systemManagerOf(program: string): PackageManager | null {
  const manager = managerOfProgram(program);
  return manager === null ? null : PACKAGE_MANAGER_FACTS[manager].system ?? null;
}

/**
 * Whether a word of a command answers the manager's prompts: a spelling of
 * its yes flag, a group of short flags with its letter (`-qqy`), or a
 * configuration option that sets it (`-o APT::Get::Assume-Yes=true`; apt's
 * option names ignore case).
 */
export function answersPrompt(manager: ManagerName, word: string): boolean {
  const yes = PACKAGE_MANAGER_FACTS[manager].yes;
  if (!yes) return false;
  if (yes.spellings.includes(word)) return true;
  const letters = yes.spellings.filter((s) => /^-[a-zA-Z]$/.test(s)).map((s) => s[1]);
  if (/^-[a-zA-Z]+$/.test(word) && letters.some((l) => word.includes(l))) return true;
  const options = yes.spellings.filter((s) => s.startsWith('-o ')).map((s) => s.slice(3).split('=')[0].toLowerCase());
  return options.some((option) => word.toLowerCase().includes(option));
}

/** The program a script runs for each system package manager describeImage names (`apt` images install with apt-get). */
export const SCRIPT_PROGRAM: Record<PackageManager, ManagerName> = {
  apt: 'apt-get', apk: 'apk', dnf: 'dnf', yum: 'yum', microdnf: 'microdnf', zypper: 'zypper',
};

/** The RUN script that installs `packages` with an image's package manager (see ManagerFacts.installScript). */
export function installScript(manager: PackageManager, packages: readonly string[], keepIndex = false): string {
  const row = PACKAGE_MANAGER_FACTS[SCRIPT_PROGRAM[manager]];
  return ((keepIndex ? row.installScriptKeepingIndex : undefined) ?? row.installScript!).replace('{packages}', packages.join(' '));
}

/**
 * Commands that run `apt-get update` and `apt-get install` themselves (as
 * root, or through sudo when run by another user), so that the RUN running
 * one downloads apt package lists: the program (its name, a package runner's
 * package name without `@version`), the subcommand, and an option that must
 * be there too. From Playwright's CLI documentation: `install-deps` installs
 * the browsers' system dependencies, `install --with-deps` the browsers and
 * those dependencies; on Debian and Ubuntu both run apt-get update and
 * apt-get install -y.
 */
export const APT_RUNNING_COMMANDS: readonly { program: string; subcommand: string; option?: string }[] = [
  ...['playwright', 'playwright-core', '@playwright/test'].flatMap((program) => [
    { program, subcommand: 'install-deps' },
    { program, subcommand: 'install', option: '--with-deps' },
  ]),
];

/**
 * Programs that run a package's program from its name (`npx playwright`,
 * `pnpm exec playwright`, `yarn dlx playwright`): their subcommand that
 * does (none for npx and bunx), and their options before the package that
 * take a value.
 */
export const PACKAGE_RUNNERS: Readonly<Record<string, { subcommands: readonly string[] | null; valueOptions: readonly string[] }>> = {
  npx: { subcommands: null, valueOptions: ['-p', '--package', '-c', '--call', '-w', '--workspace'] },
  npm: { subcommands: ['exec', 'x'], valueOptions: ['-p', '--package', '-c', '--call', '-w', '--workspace'] },
  bunx: { subcommands: null, valueOptions: ['-p', '--package'] },
  pnpm: { subcommands: ['exec', 'dlx'], valueOptions: ['--filter', '-F', '-C', '--dir'] },
  yarn: { subcommands: ['exec', 'dlx', 'run'], valueOptions: ['-p', '--package'] },
};
