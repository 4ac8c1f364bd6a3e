/**
 * Files whose text is not the place to change: a Dockerfile generated from a
 * template (the next generation overwrites any edit), one vendored from
 * another project, and a test fixture, whose instructions may be exactly
 * what its test checks (a parser's golden file, one step meant to fail).
 * The engine leaves them as written with one note; `--no-ignore` processes
 * them like any other file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DockerfileModel } from '../core/dockerfile.js';
import { repositoryPath } from './repository.js';

export type FileKindName = 'generated-file' | 'vendored-file' | 'test-fixture';

export interface FileKind {
  kind: FileKindName;
  /** The line that says so (the header comment), or 1 for a path. */
  line: number;
  reason: string;
}

/** Header comments of generated files: docker-library's "DO NOT EDIT", "generated from/by/via/using … template". */
const GENERATED_MARKERS = [
  /\bDO NOT EDIT\b/i,
  /\b(auto[- ]?generated|automatically generated|code generated)\b/i,
  // "generated from docker_images_ros2/create_ros_core_image.Dockerfile.em": a file named as its source.
  /\bgenerated from\s+[\w./-]*[./][\w./-]*/i,
  /\bgenerated\b.*\b(from|by|via|using|with)\b.*\b(template|script|\.sh|\.py|jinja2?|tool)\b/i,
];

/**
 * Names of the templates image repositories generate their Dockerfiles from
 * (docker-library's and CircleCI's `Dockerfile.template`, Jinja, ERB, `.in`):
 * one next to the file or in a folder above it, within the repository, makes
 * the file a generated one even without a header.
 */
const TEMPLATE_NAMES = ['Dockerfile.template', 'Dockerfile.tmpl', 'Dockerfile.tpl', 'Dockerfile.j2', 'Dockerfile.jinja', 'Dockerfile.jinja2', 'Dockerfile.erb', 'Dockerfile.in'];
/** How many folders up from the file a template is looked for, stopping at the repository's root. */
const TEMPLATE_LEVELS = 4;

/**
 * The template found from each folder (absolute), or null: the engine and
 * every stage's role ask for each file, on every pass, and a bulk run asks
 * for every file of a folder, so the disk is looked at once per folder.
 */
const templateFrom = new Map<string, string | null>();

/** The template above `filename` that generates it, relative to the file's folder, or null. */
function generatingTemplate(filename: string): string | null {
  if (TEMPLATE_NAMES.includes(path.basename(filename))) return null;
  const folder = path.dirname(path.resolve(filename));
  if (!templateFrom.has(folder)) templateFrom.set(folder, findTemplate(folder));
  const found = templateFrom.get(folder)!;
  return found === null ? null : path.relative(folder, found);
}

/** The first template in `folder` or a folder above it, up to the repository's root, as an absolute path. */
function findTemplate(folder: string): string | null {
  let dir = folder;
  for (let level = 0; level <= TEMPLATE_LEVELS; level++) {
    try {
      for (const name of TEMPLATE_NAMES) {
        const candidate = path.join(dir, name);
        if (existsSync(candidate)) return candidate;
      }
      if (existsSync(path.join(dir, '.git'))) return null;
    } catch {
      return null;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

/** Folder names that hold another project's files. */
const VENDOR_FOLDERS = new Set(['vendor', 'third_party', 'third-party', 'thirdparty']);

/** Folder names of tests and their fixtures. */
export const TEST_FOLDERS: ReadonlySet<string> = new Set(['test', 'tests', 'testdata', 'testfiles', 'test-fixtures', 'fixtures', '__fixtures__', 'integration']);

/** How many lines from the top a generated-file header is looked for in, comments only. */
const HEADER_LINES = 15;

/** What kind of file this is, when it is one to leave as written; null for an ordinary Dockerfile. */
export function fileKind(model: DockerfileModel, filename: string | null): FileKind | null {
  const last = Math.min(HEADER_LINES, model.instructions[0] ? model.instructions[0].line - 1 : model.source.lineStarts.length);
  for (let line = 0; line < last; line++) {
    const text = model.source.lineText(line);
    if (!/^\s*#/.test(text)) continue;
    if (GENERATED_MARKERS.some((marker) => marker.test(text))) {
      return { kind: 'generated-file', line: line + 1, reason: `generated file (line ${line + 1}: "${clip(text.replace(/^\s*#\s*/, ''))}"): left as written; change what generates it` };
    }
  }
  if (filename) {
    const template = generatingTemplate(filename);
    if (template) return { kind: 'generated-file', line: 1, reason: `generated file (${template} is the template it is made from): left as written; change the template` };
    // Only the repository's own folders: a checkout under /tmp/tests/ is no test fixture.
    const { folders } = repositoryPath(filename);
    const vendor = folders.find((f) => VENDOR_FOLDERS.has(f.toLowerCase()));
    if (vendor) return { kind: 'vendored-file', line: 1, reason: `vendored file (under ${vendor}/): left as written; change it where it comes from` };
    const test = folders.find((f) => TEST_FOLDERS.has(f.toLowerCase()));
    if (test) return { kind: 'test-fixture', line: 1, reason: `test file (under ${test}/): its instructions may be what the test checks; left as written` };
  }
  return null;
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}
