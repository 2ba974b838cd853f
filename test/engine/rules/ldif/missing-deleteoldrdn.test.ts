import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a rename without deleteoldrdn: is an error on the newrdn line, offering both values', () => {
  const text = ['dn: uid=jsmith,ou=People,dc=example,dc=com', 'changetype: modrdn', 'newrdn: uid=jsmith2'];
  const [d] = diagnose(text, 'ldif/missing-deleteoldrdn');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'newrdn: uid=jsmith2');
  assert.match(
    d.message,
    /"deleteoldrdn: 1" \(remove the old RDN value from the entry\) or "deleteoldrdn: 0" \(keep it\)/,
  );
});
