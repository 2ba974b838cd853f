// Which entry kind a record targets: agreements by their place in the tree and by what they
// name, plain replication agreements as a kind of their own (issue 12, items 1 and 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLdif } from '../../../server/src/engine/ldif/parser';
import { loadCatalog } from '../../../server/src/engine/catalog';
import { viewEntry } from '../../../server/src/engine/model/entryView';

const catalog = loadCatalog();
const AT_REPLICA = 'cn=to-x,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

function kindOf(lines: readonly string[]) {
  return viewEntry(parseLdif(`${lines.join('\n')}\n`).records[0], catalog).kind;
}

function replace(dn: string, attribute: string, value: string): string[] {
  return [`dn: ${dn}`, 'changetype: modify', `replace: ${attribute}`, `${attribute}: ${value}`, '-'];
}

test('a modify below cn=replica naming only shared nsds5 settings is an agreement of either kind', () => {
  for (const attribute of [
    'nsds5ReplicaEnabled',
    'nsds5BeginReplicaRefresh',
    'nsDS5ReplicaUpdateSchedule',
    'nsDS5ReplicaPort',
  ])
    assert.equal(kindOf(replace(AT_REPLICA, attribute, 'x')), 'any-agreement', attribute);
  // Generic attributes only: still the agreement at that place.
  assert.equal(kindOf(replace(AT_REPLICA, 'description', 'x')), 'any-agreement');
});

test('what a modify names tells the kind: winsync settings a Windows agreement, plain-only settings a plain one', () => {
  assert.equal(kindOf(replace(AT_REPLICA, 'winSyncInterval', '60')), 'agreement');
  assert.equal(kindOf(replace(AT_REPLICA, 'nsds7WindowsDomain', 'ad.example.com')), 'agreement');
  assert.equal(kindOf(replace(AT_REPLICA, 'nsds5ReplicaProtocolTimeout', '60')), 'replication-agreement');
  const both = [
    ...replace(AT_REPLICA, 'nsds5ReplicaProtocolTimeout', '60'),
    'replace: oneWaySync',
    'oneWaySync: toWindows',
    '-',
  ];
  assert.equal(kindOf(both), 'agreement', 'winsync settings win; the plain-only one is then reported as not allowed');
});

test('anywhere under cn=mapping tree, where the server runs agreements, the names tell an agreement too', () => {
  const underTree = 'cn=odd,cn=mapping tree,cn=config';
  assert.equal(kindOf(replace(underTree, 'winSyncInterval', '60')), 'agreement');
  assert.equal(kindOf(replace(underTree, 'nsds5ReplicaFlowControlWindow', '10')), 'replication-agreement');
  // The replica entry and the suffix entry carry nsds5 attributes of their own: not agreements.
  assert.equal(
    kindOf(
      replace('cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config', 'nsds5ReplicaPurgeDelay', '1'),
    ),
    undefined,
  );
  assert.equal(
    kindOf(replace('cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config', 'nsslapd-state', 'backend')),
    undefined,
  );
  assert.equal(kindOf(replace('cn=odd,cn=mapping tree,cn=config', 'nsds5ReplicaEnabled', 'off')), undefined);
  // Outside the mapping tree nothing runs, whatever the names.
  assert.equal(kindOf(replace('cn=x,cn=config', 'nsds5ReplicaEnabled', 'off')), undefined);
  assert.equal(kindOf([`dn: ${AT_REPLICA}`, 'changetype: delete']), undefined);
});

test('object classes decide adds: Windows, plain, and Windows when both are written', () => {
  const add = (...classes: string[]) => [
    `dn: ${AT_REPLICA}`,
    'changetype: add',
    ...classes.map((c) => `objectClass: ${c}`),
    'cn: to-x',
  ];
  assert.equal(kindOf(add('top', 'nsDSWindowsReplicationAgreement')), 'agreement');
  assert.equal(kindOf(add('top', 'nsds5ReplicationAgreement')), 'replication-agreement');
  assert.equal(kindOf(add('NSDS5REPLICATIONAGREEMENT')), 'replication-agreement', 'object class names ignore case');
  assert.equal(kindOf(add('nsds5ReplicationAgreement', 'nsDSWindowsReplicationAgreement')), 'agreement');
  assert.equal(kindOf(add('top', 'nsContainer')), undefined, 'another entry below cn=replica');
});
