import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers';

test('a continuation line after a blank line is an error on its leading space', () => {
  const text = ['dn: cn=x,dc=example,dc=com', 'cn: x', '', ' stray'];
  const [d] = diagnose(text, 'ldif/orphan-continuation');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
  assert.match(
    d.message,
    /^This line starts with a space, so it continues the previous line, but a blank line or the start of the file comes before it\./,
  );
});
