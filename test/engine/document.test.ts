import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../server/src/engine/service';

const service = getLanguageService();
const BASE = [
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncAcctDisable',
  'ipaWinSyncAcctDisable: both',
  '-',
  '',
  'dn: cn=u1,dc=example,dc=com',
  'changetype: update',
  '',
  'dn: cn=u2,dc=example,dc=com',
  'cn: u2',
  '',
].join('\n');

test('an edit inside one record re-parses that record only and gives the same result as a fresh parse', () => {
  const before = service.parse(BASE);
  const edited = BASE.replace('ipaWinSyncAcctDisable: both', 'ipaWinSyncAcctDisable: bogus');
  const after = service.parse(edited, before);
  assert.notEqual(after.ldif.records[0], before.ldif.records[0]);
  assert.equal(after.ldif.records[1], before.ldif.records[1]);
  assert.equal(after.ldif.records[2], before.ldif.records[2]);
  assert.deepEqual(service.validate(after), service.validate(service.parse(edited)));
  assert.ok(service.validate(after).some((d) => d.code === 'winsync/invalid-enum'));
});

test('inserting a line shifts the records below it, and their ranges follow', () => {
  const before = service.parse(BASE);
  const after = service.parse(`# new first line\n${BASE}`, before);
  assert.equal(after.ldif.records[2].range.start.line, before.ldif.records[2].range.start.line + 1);
  assert.deepEqual(service.validate(after), service.validate(service.parse(`# new first line\n${BASE}`)));
});
