import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a record that starts with an attribute line is an error on its first line, pointing at a blank line that split a record', () => {
  const text = [
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'replace: ipaWinSyncForceSync',
    'ipaWinSyncForceSync: true',
    '-',
    '',
    'ipaWinSyncUserFlatten: true',
  ];
  const [d, ...rest] = diagnose(text, 'ldif/missing-dn');
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'ipaWinSyncUserFlatten: true');
  assert.match(d.message, /^A record must start with "dn: <distinguished name>"/);
  assert.match(d.message, /remove the blank line before it/);
});

test('a version: line after the first record is not a version line but a record without dn:', () => {
  assert.equal(diagnose(['dn: cn=x', 'cn: x', '', 'version: 1'], 'ldif/missing-dn').length, 1);
  assert.deepEqual(diagnose(['version: 1', '', 'dn: cn=x', 'cn: x'], 'ldif/missing-dn'), []);
});
