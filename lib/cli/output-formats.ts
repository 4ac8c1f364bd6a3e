/**
 * -f/--format: the report in the shape a tool reads. `stylish` (diffs for
 * people) and `json` are written by main.ts as files are processed; the
 * formats here are built at the end from each file's findings: its changes
 * (with the edit that makes them, for SARIF) and its notes.
 */
import { createHash } from 'node:crypto';
import { diffLines } from 'diff';
import type { Level, Transform } from '../core/types.js';
import type { FileResult } from './process.js';
import type { OutputFormat } from './main.js';

/** One text replacement in the file as read: `length` characters at `offset` become `text`. */
interface Replacement {
  offset: number;
  length: number;
  text: string;
  /** The 1-based line of the file as read where it starts. */
  line: number;
}

export interface Finding {
  path: string;
  transform: string;
  kind: 'change' | 'note';
  line: number;
  message: string;
  /** For changes: the replacements that make it (each of the file's replacements belongs to one change). */
  fix?: Replacement[];
  /** For changes: their level, and whether the run writes them (a review suggestion is not written). */
  level?: Level;
  written?: boolean;
  /** For review changes: what a person must check. */
  check?: string;
}

/** How each kind of finding is graded by each format: a change written, a review suggestion (not written), a note. */
const LEVELS = {
  change: { sarif: 'warning', github: 'warning', gitlab: 'minor', checkstyle: 'warning' },
  suggestion: { sarif: 'note', github: 'notice', gitlab: 'info', checkstyle: 'info' },
  note: { sarif: 'note', github: 'notice', gitlab: 'info', checkstyle: 'info' },
} as const;

const grade = (f: Finding) => LEVELS[f.kind === 'change' && f.written === false ? 'suggestion' : f.kind];

/** The message as tools show it: a review change says so, and what to check. */
function text(f: Finding): string {
  if (f.kind !== 'change' || f.level !== 'review') return f.message;
  const head = f.written === false ? 'review suggestion, not written (--level review writes it)' : 'review change';
  return `${head}: ${f.message}${f.check ? `. Check: ${f.check}` : ''}`;
}

/** The findings of one processed file; `result` must still hold its input and output texts when it changed. */
export function findingsOf(result: FileResult, withNotes: boolean, available: readonly Transform[] = []): Finding[] {
  if (result.status === 'error') return [];
  const checkOf = (id: string) => available.find((t) => t.id === id)?.reviewCheck;
  const finding = (c: FileResult['changes'][number], written: boolean): Finding => ({
    path: result.path, transform: c.transform, kind: 'change', line: c.line, message: c.message, fix: [], level: c.level, written,
    ...(c.level === 'review' && checkOf(c.transform) ? { check: checkOf(c.transform)! } : {}),
  });
  const changes = result.changes.map((c) => finding(c, true));
  const suggestions = (result.suggestions ?? []).map((c) => finding(c, false));
  // Each replacement goes to the change reported nearest to it. Replacements are offsets into the file as
  // read: a suggestion gets its own only when no written change comes before it.
  const assign = (to: Finding[], after: string | undefined) => {
    if (!to.length || result.input === undefined || after === undefined) return;
    for (const replacement of replacements(result.input, after)) {
      let nearest = to[0]!;
      for (const change of to) if (Math.abs(change.line - replacement.line) < Math.abs(nearest.line - replacement.line)) nearest = change;
      nearest.fix!.push(replacement);
    }
  };
  assign(changes, result.output);
  if (result.output === result.input) assign(suggestions, result.levels?.review);
  const notes: Finding[] = withNotes ? result.notes.map((n) => ({ path: result.path, transform: n.transform, kind: 'note', line: n.line, message: n.message })) : [];
  return [...changes, ...suggestions, ...notes];
}

/** The line-wise replacements that turn `before` into `after`. */
function replacements(before: string, after: string): Replacement[] {
  const found: Replacement[] = [];
  let offset = 0;
  let line = 1;
  let open: Replacement | null = null;
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) {
      open = null;
      offset += part.value.length;
      line += part.count ?? 0;
      continue;
    }
    if (!open) {
      open = { offset, length: 0, text: '', line };
      found.push(open);
    }
    if (part.added) open.text += part.value;
    else {
      open.length += part.value.length;
      offset += part.value.length;
      line += part.count ?? 0;
    }
  }
  return found;
}

function sarifReport(findings: readonly Finding[], available: readonly Transform[], version: string): string {
  const ids = [...new Set(findings.map((f) => f.transform))];
  const ordered = [...available.filter((t) => ids.includes(t.id)).map((t) => t.id), ...ids.filter((id) => !available.some((t) => t.id === id))];
  const rules = ordered.map((id) => {
    const t = available.find((a) => a.id === id);
    return {
      id,
      shortDescription: { text: t?.description ?? id },
      ...(t?.rationale ? { help: { text: t.rationale } } : {}),
      ...(t ? { properties: { level: t.level, ...(t.reviewCheck ? { check: t.reviewCheck } : {}) } } : {}),
    };
  });
  const uri = (file: string) => encodeURI(file);
  const results = findings.map((f) => ({
    ruleId: f.transform,
    ruleIndex: ordered.indexOf(f.transform),
    level: grade(f).sarif,
    message: { text: text(f) },
    ...(f.level ? { properties: { level: f.level, written: f.written !== false, ...(f.check ? { check: f.check } : {}) } } : {}),
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) }, region: { startLine: f.line } } }],
    ...(f.fix?.length
      ? {
          fixes: [{
            description: { text: f.message },
            artifactChanges: [{
              artifactLocation: { uri: uri(f.path) },
              replacements: f.fix.map((r) => ({ deletedRegion: { charOffset: r.offset, charLength: r.length }, insertedContent: { text: r.text } })),
            }],
          }],
        }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'dfmod', version, informationUri: 'https://github.com/dfmod/dfmod', rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** GitHub Actions workflow commands: annotations on the pull request's files. */
function githubReport(findings: readonly Finding[]): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return findings
    .map((f) => `::${grade(f).github} file=${property(f.path)},line=${f.line},title=${property(`dfmod ${f.transform}${f.level === 'review' ? ' (review)' : ''}`)}::${data(text(f))}\n`)
    .join('');
}

/** GitLab Code Quality: a JSON array of issues, each with a fingerprint that stays put when lines move. */
function gitlabReport(findings: readonly Finding[]): string {
  const occurrences = new Map<string, number>();
  const issues = findings.map((f) => {
    const key = [f.path, f.transform, f.kind, f.message, ...(f.written === false ? ['suggestion'] : [])].join('\0');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return {
      description: text(f),
      check_name: f.transform,
      fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
      severity: grade(f).gitlab,
      location: { path: f.path, lines: { begin: f.line } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}

function checkstyleReport(findings: readonly Finding[]): string {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  const files = [...new Set(findings.map((f) => f.path))];
  for (const file of files) {
    out.push(`  <file name="${xml(file)}">`);
    for (const f of findings.filter((x) => x.path === file)) {
      out.push(`    <error line="${f.line}" column="1" severity="${grade(f).checkstyle}" message="${xml(text(f))}" source="dfmod.${xml(f.transform)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}

/** The end-of-run report for the formats built from findings. */
export function findingsReport(format: Exclude<OutputFormat, 'stylish' | 'json'>, findings: readonly Finding[], available: readonly Transform[], version: string): string {
  switch (format) {
    case 'sarif':
      return sarifReport(findings, available, version);
    case 'github':
      return githubReport(findings);
    case 'gitlab':
      return gitlabReport(findings);
    case 'checkstyle':
      return checkstyleReport(findings);
  }
}
