import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('each line after changetype: delete is an error pointing to modify', () => {
  const text = ['dn: uid=jsmith,ou=People,dc=example,dc=com', 'changetype: delete', 'description: leaving', 'cn: x'];
  const found = diagnose(text, 'ldif/content-after-delete');
  assert.deepEqual(
    found.map((d) => covered(text, d)),
    ['description: leaving', 'cn: x'],
  );
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message, /takes no further lines; remove this line or use changetype: modify/);
});
