import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('an include: block is information on each of its lines, not a record', () => {
  const text = ['include: file:///etc/openldap/schema/core.ldif', '', 'dn: cn=x', 'cn: x'];
  const [d, ...rest] = diagnose(text, 'ldif/include-directive');
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'info');
  assert.equal(covered(text, d), 'include: file:///etc/openldap/schema/core.ldif');
  assert.match(d.message, /^include: is an OpenLDAP slapadd\/slapd extension/);
  assert.deepEqual(diagnose(text, 'ldif/missing-dn'), []);
});
