import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('an add with nothing after the changetype is an error on the changetype line', () => {
  const text = ['dn: cn=x,dc=example,dc=com', 'changetype: add'];
  const [d] = diagnose(text, 'ldif/add-without-attributes');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'changetype: add');
  assert.match(d.message, /at least objectClass/);
});
