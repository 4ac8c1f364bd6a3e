/**
 * What a command does to apt's package lists (/var/lib/apt/lists): whether it
 * downloads them (`apt-get update`, or a program that runs it itself, such
 * as `playwright install-deps`) or removes them (`rm -rf
 * /var/lib/apt/lists/*` in any of its spellings, a `find … -delete` there,
 * `apt-get dist-clean`). The one reading of this that apt-cleanup,
 * merge-runs and the stage facts share.
 */
import type { Node } from '../core/shell.js';
import { APT_RUNNING_COMMANDS, PACKAGE_MANAGER_FACTS } from '../knowledge/package-managers.js';
import { managerCommand, packageRunnerTarget, programName, type RunCommand } from './commands.js';

const APT_GET = PACKAGE_MANAGER_FACTS['apt-get'];
export const APT_LISTS = APT_GET.indexDir!;

/**
 * A file name pattern that matches every file apt keeps in the lists folder:
 * `*`, and `*_*` (each list file is named after its URL, `/` written as `_`:
 * `deb.debian.org_debian_dists_bookworm_InRelease`).
 */
const ALL_LIST_FILES = /^\*(_\*)*$/;

/** An rm argument (quotes removed) that removes nothing but the lists: the folder, `lists/`, `lists/*`, `lists/*_*`, `lists*`. */
export function isListsPath(word: string): boolean {
  if (word === APT_LISTS || word === `${APT_LISTS}/` || word === `${APT_LISTS}*`) return true;
  return word.startsWith(`${APT_LISTS}/`) && ALL_LIST_FILES.test(word.slice(APT_LISTS.length + 1));
}

/** An rm argument that removes the lists with more: a folder above them (`/var/lib/apt`, `/var/lib/apt/*`). */
function coversLists(word: string): boolean {
  const folder = word.replace(/\/\*$/, '').replace(/\/+$/, '');
  return folder !== '' && folder.startsWith('/') && !/[*?[]/.test(folder) && APT_LISTS.startsWith(`${folder}/`);
}

const unquote = (node: Node) => node.text.replace(/["']/g, '');

/**
 * Whether the command removes the package lists, and whether it removes
 * nothing else (`rm -rf /var/lib/apt/lists/*` alone); null when it does not
 * remove them.
 */
export function aptListsRemoval(command: RunCommand): { listsOnly: boolean } | null {
  const { program, nodes } = command;
  if (program === null) return null;
  const apt = managerCommand(command.words);
  if (apt && (apt.manager === 'apt-get' || apt.manager === 'apt') && apt.subcommand !== null && (APT_GET.indexCleanVerbs ?? []).includes(apt.subcommand)) {
    return { listsOnly: false };
  }
  if (program === 'rm') {
    const args = nodes.slice(1).map(unquote);
    if (args.some(isListsPath)) return { listsOnly: args.every((a) => isListsPath(a) || /^-[a-zA-Z]+$/.test(a)) };
    if (args.some(coversLists)) return { listsOnly: false };
    return null;
  }
  if (program === 'find' && (findDeletes(command.words, nodes) ?? []).some((start) => isListsPath(start) || LISTS_UNDER(start))) {
    return { listsOnly: false };
  }
  return null;
}

const LISTS_UNDER = (start: string) => APT_LISTS.startsWith(`${start.replace(/\/+$/, '')}/`);

/**
 * Whether the command downloads the package lists: `apt-get update`,
 * `apt update`, or one of APT_RUNNING_COMMANDS (`playwright install-deps`,
 * `npx -y playwright@1.47 install --with-deps chromium`).
 */
export function downloadsAptLists(command: RunCommand): boolean {
  const apt = managerCommand(command.words);
  if (apt && (apt.manager === 'apt-get' || apt.manager === 'apt')) return apt.subcommand === 'update';
  return runsAptItself(command.words);
}

/** Whether an argv is one of APT_RUNNING_COMMANDS, run directly or through a package runner (PACKAGE_RUNNERS). */
export function runsAptItself(words: readonly (string | null)[]): boolean {
  if (!words[0]) return false;
  const run = packageRunnerTarget(words);
  const name = run ? run.program : programName(words[0]);
  const rest = run ? run.rest : words.slice(1);
  const subcommand = rest.find((w) => w === null || !w.startsWith('-'));
  return APT_RUNNING_COMMANDS.some((c) => c.program === name && subcommand === c.subcommand && (c.option === undefined || rest.includes(c.option)));
}

/** find(1) tests that, negated (`-not -name lock`), keep some files; and options that select nothing out. */
const FIND_NEGATABLE_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex']);
const FIND_KEEPS_ALL = new Set(['-xdev', '-mount', '-depth', '-print', '-print0', '-ignore_readdir_race']);
const FIND_WITH_VALUE = new Set(['-type', '-xtype', '-mindepth', '-maxdepth']);

/**
 * The starting points of a `find` that deletes what is under them (`-delete`,
 * `-exec rm … {} +`), when its expression selects nothing but by type, depth
 * and negated names (`find /var/lib/apt/lists -not -name lock -type f
 * -delete`); null for another find, one that only deletes what a test
 * selects (`-name '*.deb'`), and one with words the shell computes.
 */
export function findDeletes(words: (string | null)[], nodes: Node[]): string[] | null {
  let i = 1;
  while (i < words.length && words[i] !== null && /^-[HLP]$/.test(words[i]!)) i++;
  const starts: string[] = [];
  for (; i < words.length; i++) {
    const word = words[i];
    if (word === null) return null;
    if (word.startsWith('-') || word === '!' || word === '(') break;
    starts.push(word);
  }
  let deletes = false;
  for (; i < words.length; i++) {
    const word = words[i] ?? (nodes[i]?.text === '{}' ? '{}' : null);
    if (word === null) return null;
    if (word === '-delete') deletes = true;
    else if (word === '-exec' || word === '-execdir') {
      if (words[i + 1] !== 'rm') return null;
      let j = i + 2;
      while (j < words.length && words[j] !== ';' && words[j] !== '+') {
        const arg = words[j];
        if (arg === null ? nodes[j]?.text !== '{}' : !(/^-[rRfv]+$/.test(arg) || arg === '--' || arg === '{}')) return null;
        j++;
      }
      if (j >= words.length) return null;
      deletes = true;
      i = j;
    } else if (word === '!' || word === '-not') {
      if (!FIND_NEGATABLE_TESTS.has(words[i + 1] ?? '') || words[i + 2] === undefined) return null;
      i += 2;
    } else if (FIND_WITH_VALUE.has(word)) i++;
    else if (word === '-a' || word === '-and' || FIND_KEEPS_ALL.has(word)) continue;
    else return null;
  }
  return deletes && starts.length > 0 ? starts : null;
}
