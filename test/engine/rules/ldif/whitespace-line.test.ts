import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers';

test('a line of only spaces and tabs between records is a warning on the whole line', () => {
  const text = ['dn: cn=a', 'cn: a', '\t ', 'dn: cn=b', 'cn: b'];
  const [d] = diagnose(text, 'ldif/whitespace-line');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
  assert.equal(
    d.message,
    'This line holds only white space: remove it, or make it empty if it should separate records.',
  );
});
