import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDockerfile } from '../lib/core/dockerfile.js';
import { jsonArray, startWithComments } from '../lib/core/edits.js';

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

test.run();
