import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a "::" value that is not base64 is an error on the value, saying which characters base64 allows', () => {
  const text = [
    'dn: uid=jsmith,ou=People,dc=example,dc=com',
    'changetype: modify',
    'replace: description',
    'description:: not base64!',
    '-',
  ];
  const [d] = diagnose(text, 'ldif/invalid-base64');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'not base64!');
  assert.match(d.message, /^Invalid base64 value: use only A–Z, a–z, 0–9, "\+" and "\/"/);
});

test('padding that does not make a multiple of 4 is invalid; correct base64 is fine', () => {
  assert.equal(diagnose(['dn: cn=x', 'cn: x', 'description:: YWJj='], 'ldif/invalid-base64').length, 1);
  assert.deepEqual(diagnose(['dn: cn=x', 'cn: x', 'description:: YWJj'], 'ldif/invalid-base64'), []);
});
