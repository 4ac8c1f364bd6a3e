import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDockerfile } from '../lib/core/dockerfile.js';
import { jsonArray, rewriteKeeping, startWithComments } from '../lib/core/edits.js';
import { applyEdits } from '../lib/core/engine.js';

test('jsonArray: JSON form as dfmod writes it', () => {
  assert.is(jsonArray(['tini', '--', 'say "hi"']), '["tini", "--", "say \\"hi\\""]');
});

test('startWithComments: above the comment lines before a node, not above the floor', () => {
  const text = 'FROM x\n# about the copy\nCOPY a b\n# one\n# two\nRUN make\n';
  const model = parseDockerfile(text);
  const [, copy, run] = model.instructions;
  assert.is(startWithComments(model, run), text.indexOf('# one'));
  assert.is(startWithComments(model, copy), text.indexOf('# about'));
  assert.is(startWithComments(model, copy, copy), text.indexOf('COPY'));
  assert.is(startWithComments(model, run, copy), text.indexOf('# one'));
});

test('rewriteKeeping: only the new text is written; kept stretches stay where they are', () => {
  const text = 'RUN a\n\nRUN b\n';
  // `RUN a` and `RUN b` merged: `a`, then a joint written over `\n\nRUN `, then `b`.
  const edits = rewriteKeeping(4, 12, [{ keep: [4, 5] }, ' \\\n    && ', { keep: [11, 12] }]);
  assert.equal(edits, [{ start: 5, end: 11, text: ' \\\n    && ' }]);
  assert.is(applyEdits(text, edits), 'RUN a \\\n    && b\n');
  assert.equal(rewriteKeeping(4, 12, ['( ', { keep: [4, 5] }, ' )']), [{ start: 4, end: 4, text: '( ' }, { start: 5, end: 12, text: ' )' }]);
  assert.equal(rewriteKeeping(4, 12, ['x']), [{ start: 4, end: 12, text: 'x' }]);
  assert.throws(() => rewriteKeeping(4, 12, [{ keep: [11, 12] }, { keep: [4, 5] }]), /out of order/);
});

test.run();
