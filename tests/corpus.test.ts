/**
 * dfmod over a corpus of real Dockerfiles, kept out of the repository: set
 * DFMOD_CORPUS to a folder of them (searched recursively for Dockerfile-style
 * names). For every file, with the default transforms and with each built-in
 * transform alone:
 *
 *  - no crash (no internal error, no transform that threw);
 *  - nothing a parser rejects where the input was accepted: the output passes
 *    checkParseable, and every shell-form script of the output parses with
 *    tree-sitter-bash (and `sh -n` for scripts the run created) unless the
 *    input already had that script broken;
 *  - a second run changes nothing;
 *  - the output is byte-identical whenever no transform applied.
 *
 * DFMOD_CORPUS_LIMIT=N checks only the first N files (sorted), for a quick look.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { discoverFiles } from '../lib/cli/files.js';
import { loadShellParser, hasSyntaxError, type ShellParser } from '../lib/core/shell.js';
import { processText } from '../lib/cli/process.js';
import { parseDockerfile, type DockerfileModel } from '../lib/core/dockerfile.js';
import { checkParseable, decodeDockerfile, InputError } from '../lib/core/validate.js';
import { splitBom } from '../lib/core/source.js';
import { builtinTransforms } from '../transforms/index.js';
import type { Transform } from '../lib/core/types.js';

const corpus = process.env.DFMOD_CORPUS;

interface Finding {
  file: string;
  transforms: string;
  problem: string;
}

/** The script texts of every shell-form instruction under a POSIX shell, with whether tree-sitter accepts them. */
function scripts(model: DockerfileModel, shell: ShellParser): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const node of model.instructions) {
    const script = model.shellScript(node);
    if (!script || !model.hasPosixShell(node)) continue;
    found.set(script.text, !hasSyntaxError(shell.parse(script.text).rootNode));
  }
  return found;
}

/** `sh -n`: the real shell's opinion of a script it was not shown before. */
function shRejects(script: string): string | null {
  const ran = spawnSync('sh', ['-n', '-c', script], { encoding: 'utf8', timeout: 5000 });
  return ran.status === 0 ? null : (ran.stderr || `exit ${ran.status}`).trim();
}

export function checkOne(shell: ShellParser, file: string, text: string, transforms: Transform[], label: string): Finding[] {
  const findings: Finding[] = [];
  const add = (problem: string) => findings.push({ file, transforms: label, problem });
  const options = { transforms };
  const first = processText(shell, file, text, options, null);
  if (first.status === 'error') {
    if (/internal error/.test(first.error!.message)) add(`crash: ${first.error!.message}`);
    return findings; // An InputError (refused input) is a fine answer.
  }
  for (const note of first.notes) {
    if (/internal error/.test(note.message)) add(`crash in ${note.transform} at line ${note.line}: ${note.message}`);
  }
  const output = first.output!;
  if (first.changes.length === 0 && output !== text) add('output differs although no transform applied');
  if (output === text) return findings;
  let before: DockerfileModel;
  let after: DockerfileModel;
  before = parseDockerfile(splitBom(text).body);
  try {
    after = parseDockerfile(splitBom(output).body);
    checkParseable(after);
  } catch (error) {
    add(`output rejected by the Dockerfile checks: ${error instanceof InputError ? error.message : String(error)}`);
    return findings;
  }
  const old = scripts(before, shell);
  for (const [script, ok] of scripts(after, shell)) {
    if (old.get(script) === false) continue;
    if (!ok) add(`output script does not parse (tree-sitter): ${JSON.stringify(script.slice(0, 300))}`);
    else if (!old.has(script)) {
      const rejected = shRejects(script);
      if (rejected) add(`sh -n rejects a script the run produced: ${rejected}: ${JSON.stringify(script.slice(0, 300))}`);
    }
  }
  const second = processText(shell, file, output, options, null);
  if (second.status === 'error') add(`second run failed: ${second.error!.message}`);
  else if (second.output !== output) add(`second run changed the file again (${second.changes.map((c) => `${c.transform}:${c.line}`).join(', ')})`);
  return findings;
}

if (!corpus) {
  test.skip('corpus: set DFMOD_CORPUS to a folder of real Dockerfiles to run this check');
} else {
  test(`corpus: every file in ${corpus} survives, stays valid and settles`, async () => {
    const shell = await loadShellParser();
    const discovery = await discoverFiles([path.resolve(corpus)], { cwd: corpus });
    let files = discovery.files;
    const limit = Number(process.env.DFMOD_CORPUS_LIMIT ?? 0);
    if (limit > 0) files = files.slice(0, limit);
    assert.ok(files.length > 0, `no Dockerfiles found in ${corpus}`);
    const sets: [string, Transform[]][] = [
      ['default', builtinTransforms.filter((t) => t.enabledByDefault !== false)],
      ...builtinTransforms.map((t): [string, Transform[]] => [t.id, [t]]),
    ];
    const findings: Finding[] = [];
    let decoded = 0;
    for (const file of files) {
      let text: string;
      try {
        text = decodeDockerfile(readFileSync(path.resolve(corpus, file)));
      } catch (error) {
        if (!(error instanceof InputError)) findings.push({ file, transforms: '-', problem: `read failed: ${String(error)}` });
        continue;
      }
      decoded++;
      for (const [label, transforms] of sets) findings.push(...checkOne(shell, file, text, transforms, label));
    }
    process.stderr.write(`corpus: ${files.length} files (${decoded} decoded), ${sets.length} transform sets, ${findings.length} findings\n`);
    for (const f of findings.slice(0, 50)) process.stderr.write(`  ${f.file} [${f.transforms}]: ${f.problem}\n`);
    assert.is(findings.length, 0, `${findings.length} corpus findings (first 50 above)`);
  });
}

test.run();
