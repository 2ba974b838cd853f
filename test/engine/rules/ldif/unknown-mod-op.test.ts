import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a mod-spec that starts with something else than add:, delete:, replace: or increment: is an error on that word', () => {
  const text = [
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'set: ipaWinSyncForceSync',
    'ipaWinSyncForceSync: true',
    '-',
  ];
  const [d] = diagnose(text, 'ldif/unknown-mod-op');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'set');
  assert.equal(
    d.message,
    '"set:" cannot start a mod-spec: use add:, delete:, replace: or increment: followed by the attribute name.',
  );
});
