/**
 * POSIX-family shells and the options of theirs that leave a single plain
 * command alone: what SHELL may name without changing what `CMD prog args`
 * runs (no pipeline, list or expansion for pipefail, errexit or nounset to
 * act on). A login (`-l`) or interactive (`-i`) shell reads profiles, which
 * can change the environment: not neutral.
 */
export const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/**
 * Shells that exec the one simple command of a `-c` script in place of
 * forking it: bash (`bash -c 'php -S …'`: php replaces bash, as ps shows),
 * and BusyBox's ash, the /bin/sh of Alpine and busybox images. Not dash,
 * Debian's /bin/sh, which forks even that one command.
 */
export const EXECS_SOLE_COMMAND: ReadonlySet<string> = new Set(['bash', 'bash-5.2', 'ash']);

/**
 * Shells that, in a `-c` script, exec its last command in place of forking
 * it, as ps shows: BusyBox's ash for the last command of any top-level `&&`
 * or `;` list (`any`); bash 5.2 (`bash-5.2`, see BASH_5_2_RELEASES, measured
 * on Debian 12) when the script is one `&&` chain or a `;` list ending in a
 * simple command (`one-list`: `true; true && sleep 9` forks sleep).
 */
export const EXECS_LAST_OF_LIST: Readonly<Record<string, 'any' | 'one-list'>> = { 'bash-5.2': 'one-list', ash: 'any' };

/**
 * The releases whose bash is 5.2 or later, from each release's Packages
 * index (Debian 12: 5.2.15, 13: 5.2.37; Ubuntu 24.04: 5.2.21; Debian 11 and
 * Ubuntu 22.04 have 5.1): `node scripts/verify-knowledge.mjs` checks them.
 */
export const BASH_5_2_RELEASES: Readonly<Record<string, readonly string[]>> = {
  debian: ['12', '13'],
  ubuntu: ['24.04', '25.04', '25.10'],
};

/** The OS families whose /bin/sh is BusyBox's ash. */
export const ASH_SH_OS: ReadonlySet<string> = new Set(['alpine', 'none']);

/**
 * Commands every /bin/sh runs itself (dash, busybox ash, bash as sh), and
 * that run no other command: a shell script that calls them needs no program
 * of that name in the image. (`exec`, `eval`, `.` and `command` run what
 * their arguments name: SH_RUNNERS.)
 */
export const SH_BUILTINS: ReadonlySet<string> = new Set([':', 'cd', 'echo', 'exit', 'export', 'false', 'printf', 'read', 'return', 'set', 'shift', 'test', '[', 'true', 'unset', 'wait']);

/** /bin/sh's builtins that run a command their arguments name or a file they read. */
export const SH_RUNNERS: ReadonlySet<string> = new Set(['exec', 'eval', '.', 'source', 'command', 'builtin']);

/** Options, and `-o` option names, that do nothing to one simple command of plain words. */
export const NEUTRAL_SHELL_FLAGS: ReadonlySet<string> = new Set(['e', 'u', 'x', 'v', 'c']);
export const NEUTRAL_SHELL_OPTION_NAMES: ReadonlySet<string> = new Set(['pipefail', 'errexit', 'nounset', 'xtrace', 'verbose']);

/**
 * Whether a SHELL array (`["/bin/bash", "-o", "pipefail", "-c"]`) runs a
 * single plain command as `/bin/sh -c` would: a POSIX shell, ending in `-c`,
 * with neutral options only.
 */
export function isNeutralPosixShell(shell: readonly string[]): boolean {
  const program = (shell[0] ?? '').split('/').pop() ?? '';
  if (!POSIX_SHELLS.has(program) || shell[shell.length - 1] !== '-c') return false;
  for (let i = 1; i < shell.length - 1; i++) {
    const word = shell[i];
    if (word === '-o' || word === '+o') {
      if (!NEUTRAL_SHELL_OPTION_NAMES.has(shell[++i] ?? '')) return false;
    } else if (!/^[-+][a-z]+$/.test(word) || ![...word.slice(1)].every((f) => NEUTRAL_SHELL_FLAGS.has(f))) {
      return false;
    }
  }
  return true;
}
