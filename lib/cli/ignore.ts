/**
 * `.gitignore` and `.dfmodignore` when walking folders, as git reads them:
 * every such file applies to paths below its own folder, a deeper file's
 * rules win over a shallower one's (`!keep` re-includes), and nothing below
 * an ignored folder can be re-included. The files above the folder being
 * walked count up to the root of its git repository (the nearest folder with
 * a `.git`), as they would for git.
 */
import ignore, { type Ignore } from 'ignore';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../facts/repository.js';

export const IGNORE_FILES = ['.gitignore', '.dfmodignore'];

export class IgnoreRules {
  /** Rules of each folder's own ignore files (null: none). */
  private readonly rules = new Map<string, Ignore | null>();
  /** Folders already known to be ignored or not. */
  private readonly folders = new Map<string, boolean>();
  /** Folders a discovery walk went through, with every ignore file it saw there. */
  private readonly walked: string[] = [];
  private readonly seen = new Set<string>();
  private readonly above = new Map<string, boolean>();
  /** --ignore-path: only these files' rules, each for paths below its own folder. */
  private readonly explicit: boolean;

  /** `ignorePaths` (absolute) replace the .gitignore and .dfmodignore search, as prettier's --ignore-path does. */
  constructor(ignorePaths?: readonly string[]) {
    this.explicit = Boolean(ignorePaths?.length);
    for (const file of ignorePaths ?? []) {
      const folder = path.dirname(file);
      const rules = this.rules.get(folder) ?? ignore();
      rules.add(readFileSync(file, 'utf8'));
      this.rules.set(folder, rules);
    }
  }

  /** Whether the rules come from --ignore-path files rather than the ignore files of each folder. */
  get fromIgnorePaths(): boolean {
    return this.explicit;
  }

  /**
   * Tells the rules what a walk of `top` found: inside it, only these ignore
   * files exist, so no other folder needs a read to find out (on a tree of
   * 10,000 folders those failed reads took longer than the walk).
   */
  noteWalk(top: string, ignoreFiles: readonly string[]): void {
    this.walked.push(top);
    for (const file of ignoreFiles) this.seen.add(file);
  }

  /** Whether `file` (absolute) is ignored when walking from `top` (an absolute folder above it). */
  ignores(file: string, top: string): boolean {
    // Nothing to decide when no walk found an ignore file and there is none
    // between the repository root and the walk: on 10,000 folders the
    // folder-by-folder verdicts cost more than the walk.
    if (!this.explicit && this.seen.size === 0 && file.startsWith(top + path.sep) && this.walked.includes(top) && !this.rulesAbove(repositoryRoot(top) ?? top, top)) return false;
    const dir = path.dirname(file);
    const root = this.rootFor(dir, top);
    if (this.folderIgnored(dir, root)) return true;
    return this.decide(file, false, root);
  }

  /** Whether `folder` (absolute) is ignored when walking from `top` (an absolute folder at or above it). */
  ignoresFolder(folder: string, top: string): boolean {
    return this.folderIgnored(folder, this.rootFor(folder, top));
  }

  /** The folder whose rules and those below it count: the repository root, or the file system root for --ignore-path files. */
  private rootFor(dir: string, top: string): string {
    if (this.explicit) return path.parse(dir).root;
    const root = repositoryRoot(top) ?? top;
    return dir === root || isInside(dir, root) ? root : repositoryRoot(dir) ?? dir;
  }

  /** Whether a folder from `root` down to `top` (both included; `root` is `top` or above it) has ignore rules. */
  private rulesAbove(root: string, top: string): boolean {
    const key = `${root}\u0000${top}`;
    let found = this.above.get(key);
    if (found === undefined) {
      found = chain(root, top).some((folder) => this.rulesOf(folder) !== null);
      this.above.set(key, found);
    }
    return found;
  }

  private folderIgnored(dir: string, root: string): boolean {
    if (dir === root || !isInside(dir, root)) return false;
    const key = `${root}\u0000${dir}`;
    let known = this.folders.get(key);
    if (known === undefined) {
      known = this.folderIgnored(path.dirname(dir), root) || this.decide(dir, true, root);
      this.folders.set(key, known);
    }
    return known;
  }

  /** The verdict on one path by the ignore files from `root` down to its folder, deepest last. */
  private decide(target: string, isFolder: boolean, root: string): boolean {
    let ignored = false;
    for (const folder of chain(root, path.dirname(target))) {
      const rules = this.rulesOf(folder);
      if (!rules) continue;
      const relative = path.relative(folder, target).split(path.sep).join('/') + (isFolder ? '/' : '');
      const verdict = rules.test(relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.rules.get(folder);
    if (rules === undefined && this.explicit) return null;
    if (rules === undefined) {
      rules = null;
      const walked = this.walked.some((top) => folder === top || isInside(folder, top));
      for (const name of IGNORE_FILES) {
        const file = path.join(folder, name);
        if (walked && !this.seen.has(file)) continue;
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          continue;
        }
        rules ??= ignore();
        rules.add(text);
      }
      this.rules.set(folder, rules);
    }
    return rules;
  }
}

/** Folders from `root` down to `dir`, both included. */
function chain(root: string, dir: string): string[] {
  const folders: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    folders.unshift(current);
    if (current === root || current === path.dirname(current)) break;
  }
  return folders;
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
