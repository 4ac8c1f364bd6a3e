/**
 * Files whose text is not the place to change: a Dockerfile generated from a
 * template (the next generation overwrites any edit), one vendored from
 * another project, and a test fixture, whose instructions may be exactly
 * what its test checks (a parser's golden file, one step meant to fail).
 * The engine leaves them as written with one note; `--no-ignore` processes
 * them like any other file.
 */
import type { DockerfileModel } from '../core/dockerfile.js';

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
  /\b(auto-?generated|automatically generated|code generated)\b/i,
  /\bgenerated\b.*\b(from|by|via|using|with)\b.*\b(template|script|\.sh|\.py|jinja2?|tool)\b/i,
];

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
    const folders = filename.split(/[\\/]+/).slice(0, -1);
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
