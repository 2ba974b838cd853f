import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('an attribute name with a space is an error on the name, with the allowed form', () => {
  const text = [
    'dn: uid=jsmith,ou=People,dc=example,dc=com',
    'changetype: add',
    'objectClass: inetOrgPerson',
    'given name: John',
  ];
  const [d] = diagnose(text, 'ldif/invalid-attribute-description');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'given name');
  assert.match(
    d.message,
    /^Invalid attribute name "given name": use a letter followed by letters, digits or "-" \(or a numeric OID\)/,
  );
});

test('a line starting with a colon has no name at all', () => {
  const text = ['dn: cn=x', 'changetype: add', 'objectClass: top', ': value'];
  const [d] = diagnose(text, 'ldif/invalid-attribute-description');
  assert.equal(covered(text, d), ':');
  assert.equal(d.message, 'Missing attribute name before ":".');
});

test('options with "_" (ipaAllowedToPerform;read_keys) and numeric OIDs are names', () => {
  assert.deepEqual(
    diagnose(
      ['dn: cn=x', 'changetype: add', 'ipaAllowedToPerform;read_keys: cn=admins', '2.5.4.3: x'],
      'ldif/invalid-attribute-description',
    ),
    [],
  );
});
