import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a control without a numeric OID is an error on its value, with the expected form', () => {
  const text = ['dn: ou=old,dc=example,dc=com', 'control: tree-delete true', 'changetype: delete'];
  const [d] = diagnose(text, 'ldif/invalid-control');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'tree-delete true');
  assert.match(d.message, /^Expected "control: <numeric OID> \[true\|false\] \[: value\]"/);
  assert.deepEqual(
    diagnose(
      ['dn: ou=old,dc=example,dc=com', 'control: 1.2.840.113556.1.4.805 true', 'changetype: delete'],
      'ldif/invalid-control',
    ),
    [],
  );
});
