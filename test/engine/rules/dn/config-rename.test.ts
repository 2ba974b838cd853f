import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers';

const AGREEMENT = 'dn: cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

test('renaming any entry under cn=config is an error on the changetype line: 53', () => {
  for (const dn of [AGREEMENT, 'dn: cn=Posix Winsync API,cn=plugins,cn=config', 'dn: cn=encryption,CN=Config']) {
    const text = [dn, 'changetype: modrdn', 'newrdn: cn=renamed', 'deleteoldrdn: 0'];
    const [d, ...rest] = diagnose(text, 'dn/config-rename');
    assert.deepEqual(rest, [], dn);
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 1);
    assert.match(d.message, /53 "Operation on Directory Specific Entry not allowed"/);
  }
});

test('moving an entry out of cn=config is 71', () => {
  const [d] = diagnose(
    [AGREEMENT, 'changetype: moddn', 'newrdn: cn=ad-sync', 'deleteoldrdn: 1', 'newsuperior: ou=old,dc=example,dc=com'],
    'dn/config-rename',
  );
  assert.match(d.message, /71 "Cannot move entries across backends"/);
});

test('renames elsewhere, other changes of config entries and the plug-in entry (its own rule) are not reported', () => {
  for (const text of [
    ['dn: uid=a,ou=People,dc=example,dc=com', 'changetype: modrdn', 'newrdn: uid=b', 'deleteoldrdn: 1'],
    ['dn: cn=configuration,dc=example,dc=com', 'changetype: modrdn', 'newrdn: cn=b', 'deleteoldrdn: 1'],
    [AGREEMENT, 'changetype: modify', 'replace: nsds5ReplicaEnabled', 'nsds5ReplicaEnabled: off', '-'],
    ['dn: cn=ipa-winsync,cn=plugins,cn=config', 'changetype: modrdn', 'newrdn: cn=x', 'deleteoldrdn: 1'],
  ])
    assert.deepEqual(diagnose(text, 'dn/config-rename'), [], text[0]);
});
