import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a rename without newrdn: is an error on the changetype, naming the changetype as written', () => {
  const text = ['dn: uid=jsmith,ou=People,dc=example,dc=com', 'changetype: moddn', 'deleteoldrdn: 1'];
  const [d] = diagnose(text, 'ldif/missing-newrdn');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'changetype: moddn');
  assert.equal(d.message, 'A moddn record needs "newrdn: <new RDN>" on the next line.');
});
