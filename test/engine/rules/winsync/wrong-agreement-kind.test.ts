import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/wrong-agreement-kind';

const plainAdd = (...extra: string[]) => [
  AGREEMENT_DN,
  'changetype: add',
  'objectClass: nsds5ReplicationAgreement',
  'cn: ad-sync',
  'nsDS5ReplicaHost: ipa2.example.com',
  'nsDS5ReplicaPort: 389',
  'nsDS5ReplicaRoot: dc=example,dc=com',
  'nsDS5ReplicaBindDN: cn=replication manager,cn=config',
  'nsDS5ReplicaCredentials: secret',
  ...extra,
];

test('Windows settings on a 389-DS agreement: 65 on add, with a fix removing them', () => {
  const text = plainAdd('winSyncMoveAction: delete', 'nsds7WindowsDomain: ad.example.com');
  const found = diagnose(text, CODE);
  assert.deepEqual(
    found.map((d) => covered(text, d)),
    ['winSyncMoveAction', 'nsds7WindowsDomain'],
  );
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message, /only by a Windows sync agreement .* this is a 389-DS replication agreement .* 65/);
  assert.deepEqual(applyFix(text, found[0].fixes?.[0]), [...plainAdd(), 'nsds7WindowsDomain: ad.example.com']);
});

test('on a modify of a 389-DS agreement (told by one of its own settings) the answer is 53 with no text', () => {
  const text = [
    AGREEMENT_DN,
    'changetype: modify',
    'replace: nsds5ReplicaProtocolTimeout',
    'nsds5ReplicaProtocolTimeout: 60',
    '-',
    'replace: oneWaySync',
    'oneWaySync: toWindows',
    '-',
  ];
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'oneWaySync');
  assert.match(d.message, /53 and no text/);
});

test('a 389-DS setting on a Windows agreement: 65', () => {
  const text = agreementAdd({ extra: ['nsds5ReplicaFlowControlWindow: 100'] });
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'nsds5ReplicaFlowControlWindow');
  assert.match(d.message, /65/);
});

test('shared settings on either kind, and a modify that does not tell the kind, are fine', () => {
  assert.deepEqual(diagnose(plainAdd('nsds5ReplicaTimeout: 120'), CODE), []);
  assert.deepEqual(diagnose(agreementAdd({ extra: ['nsds5ReplicaTimeout: 120'] }), CODE), []);
  assert.deepEqual(
    diagnose(
      [AGREEMENT_DN, 'changetype: modify', 'replace: nsds5ReplicaEnabled', 'nsds5ReplicaEnabled: off', '-'],
      CODE,
    ),
    [],
  );
});

// Issue 12.1: the everyday edits of an agreement name only nsDS5Replica* settings; they are
// checked as an agreement's, whatever its kind, from the record's place in the tree.
test('a modify below cn=replica naming only shared settings is checked as an agreement', () => {
  const modify = (attribute: string, value: string) => [
    AGREEMENT_DN,
    'changetype: modify',
    `replace: ${attribute}`,
    `${attribute}: ${value}`,
    '-',
  ];
  assert.equal(diagnose(modify('nsds5ReplicaEnabled', 'false'), 'winsync/invalid-boolean').length, 1);
  assert.equal(diagnose(modify('nsds5BeginReplicaRefresh', 'restart'), 'winsync/invalid-enum').length, 1);
  assert.deepEqual(diagnose(modify('nsds5BeginReplicaRefresh', 'cancel'), 'winsync/invalid-enum'), []);
  assert.equal(diagnose(modify('nsDS5ReplicaUpdateSchedule', '0800-1700 7'), 'winsync/invalid-schedule').length, 1);
  assert.equal(diagnose(modify('nsDS5ReplicaPort', '0389'), 'winsync/invalid-integer').length, 1);
});
