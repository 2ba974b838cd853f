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
  assert.equal(
    d.message,
    'deleteoldrdn must be 0 or 1, not "yes": ldapmodify reads only its first character, so this silently means 1 (the old RDN value is removed).',
  );
});

test('deleteoldrdn: 0 or 1 followed by white space is read as written, so it is not an error', () => {
  for (const value of ['1 ', '0  ', '1\t'])
    assert.deepEqual(
      diagnose(
        [
          'dn: uid=jsmith,ou=People,dc=example,dc=com',
          'changetype: modrdn',
          'newrdn: uid=jsmith2',
          `deleteoldrdn: ${value}`,
        ],
        'ldif/invalid-deleteoldrdn',
      ),
      [],
      value,
    );
  const [zero] = diagnose(
    ['dn: uid=jsmith,ou=People,dc=example,dc=com', 'changetype: modrdn', 'newrdn: uid=jsmith2', 'deleteoldrdn: 0x'],
    'ldif/invalid-deleteoldrdn',
  );
  assert.match(zero.message, /silently means 0 \(the old RDN value stays\)/);
});
