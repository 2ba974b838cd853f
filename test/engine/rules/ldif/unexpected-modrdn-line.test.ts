import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('an attribute line in a rename is an error on the line, listing what may follow', () => {
  const text = [
    'dn: uid=jsmith,ou=People,dc=example,dc=com',
    'changetype: modrdn',
    'newrdn: uid=jsmith2',
    'deleteoldrdn: 1',
    'description: renamed',
  ];
  const [d] = diagnose(text, 'ldif/unexpected-modrdn-line');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'description: renamed');
  assert.equal(
    d.message,
    'Unexpected "description:" in a modrdn record: only newrdn:, deleteoldrdn: and newsuperior: may follow, in that order.',
  );
});
