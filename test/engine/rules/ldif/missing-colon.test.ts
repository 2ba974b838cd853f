import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a line without a colon is an error on the whole line, quoting it', () => {
  const text = [
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'changetype: modify',
    'replace: ipaWinSyncForceSync',
    'ipaWinSyncForceSync true',
    '-',
  ];
  const [d] = diagnose(text, 'ldif/missing-colon');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'ipaWinSyncForceSync true');
  assert.equal(d.message, 'Expected "attribute: value" but this line has no colon: "ipaWinSyncForceSync true".');
});

test('a long line is shortened in the message', () => {
  const [d] = diagnose(['dn: cn=x', 'cn: x', 'x'.repeat(100)], 'ldif/missing-colon');
  assert.match(d.message, /"x{59}…"\.$/);
});
