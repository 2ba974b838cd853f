import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('deleteoldrdn other than 0 or 1 is an error on the value', () => {
  const text = [
    'dn: uid=jsmith,ou=People,dc=example,dc=com',
    'changetype: modrdn',
    'newrdn: uid=jsmith2',
    'deleteoldrdn: yes',
  ];
  const [d] = diagnose(text, 'ldif/invalid-deleteoldrdn');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'yes');
  assert.equal(d.message, 'deleteoldrdn must be 0 or 1, not "yes".');
});
