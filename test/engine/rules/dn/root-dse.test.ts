import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('an empty dn: in a change record is a warning about the root DSE; an exported root DSE (content record) is fine', () => {
  const text = ['dn:', 'changetype: modify', 'replace: description', 'description: x', '-'];
  const [d] = diagnose(text, 'dn/root-dse');
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'dn:');
  assert.match(d.message, /root DSE/);
  assert.match(d.message, /Is the DN of the plug-in entry or the agreement missing\?/);
  assert.match(diagnose(['dn:', 'changetype: delete'], 'dn/root-dse')[0].message, /cannot be deleted/);
  assert.deepEqual(diagnose(['dn:', 'objectClass: top', 'vendorName: x'], 'dn/root-dse'), []);
});
