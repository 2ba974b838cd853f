import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/engine/service';

const service = getLanguageService();

test('one symbol per record; changetype, controls and mod-specs as children', () => {
  const text = [
    '# plugin',
    'dn: cn=ipa-winsync,cn=plugins,cn=config',
    'control: 1.2.840.113556.1.4.805 true',
    'changetype: modify',
    'replace: ipaWinSyncAcctDisable',
    'ipaWinSyncAcctDisable: none',
    '-',
    'add: ipaWinSyncUserAttr',
    'ipaWinSyncUserAttr: uidNumber -1',
    'ipaWinSyncUserAttr: gidNumber -1',
    '',
    'dn: uid=jdoe,ou=People,dc=example,dc=com',
    'objectClass: person',
    'cn:: w6l0w6k=',
    '',
  ].join('\n');
  const [plugin, user] = service.findDocumentSymbols(service.parse(text));
  assert.equal(plugin.name, 'cn=ipa-winsync,cn=plugins,cn=config');
  assert.equal(plugin.detail, 'modify');
  assert.deepEqual(plugin.range, { start: { line: 0, character: 0 }, end: { line: 9, character: 32 } });
  assert.deepEqual(
    plugin.children.map((c) => [c.kind, c.name, c.detail]),
    [
      ['control', 'control: 1.2.840.113556.1.4.805', 'critical'],
      ['changetype', 'changetype: modify', ''],
      ['modspec', 'replace: ipaWinSyncAcctDisable', '1 value'],
      ['modspec', 'add: ipaWinSyncUserAttr', '2 values'],
    ],
  );
  assert.deepEqual(plugin.children[2].range, { start: { line: 4, character: 0 }, end: { line: 6, character: 1 } });
  assert.equal(user.detail, 'entry');
  assert.deepEqual(
    user.children.map((c) => [c.name, c.detail]),
    [
      ['objectClass', 'person'],
      ['cn', 'été'],
    ],
  );
});

test('renames list newrdn, deleteoldrdn and newsuperior', () => {
  const text = 'dn: uid=a,dc=x\nchangetype: modrdn\nnewrdn: uid=b\ndeleteoldrdn: 1\nnewsuperior: ou=y,dc=x\n';
  const [record] = service.findDocumentSymbols(service.parse(text));
  assert.deepEqual(
    record.children.map((c) => c.name),
    ['changetype: modrdn', 'newrdn: uid=b', 'deleteoldrdn: 1', 'newsuperior: ou=y,dc=x'],
  );
});
