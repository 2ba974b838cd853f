import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, covered, diagnose } from '../helpers';
import { agreementAdd } from '../winsyncFixtures';

const CODE = 'winsync/agreement-incomplete';

test('an agreement add without subtrees and domain is a warning: accepted, but nothing can sync', () => {
  const text = agreementAdd({
    omit: ['nsds7WindowsReplicaSubtree', 'nsds7DirectoryReplicaSubtree', 'nsds7WindowsDomain'],
  });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), AGREEMENT_DN);
  assert.match(
    d.message,
    /^This agreement has no nsds7WindowsReplicaSubtree, nsds7DirectoryReplicaSubtree, nsds7WindowsDomain\. 389-DS accepts the add without a word/,
  );
});

test('only the missing ones are named', () => {
  const [d] = diagnose(agreementAdd({ omit: ['nsds7WindowsDomain'] }), CODE);
  assert.match(d.message, /^This agreement has no nsds7WindowsDomain\./);
});

test('subtree pairs stand in for the two subtrees, but not for the domain', () => {
  const pairs = ['winSyncSubtreePair: ou=People,dc=example,dc=com:OU=Staff,DC=ad,DC=example,DC=com'];
  assert.deepEqual(
    diagnose(
      agreementAdd({ omit: ['nsds7WindowsReplicaSubtree', 'nsds7DirectoryReplicaSubtree'], extra: pairs }),
      CODE,
    ),
    [],
  );
  const [d] = diagnose(
    agreementAdd({ omit: ['nsds7WindowsReplicaSubtree', 'nsds7WindowsDomain'], extra: pairs }),
    CODE,
  );
  assert.match(d.message, /^This agreement has no nsds7WindowsDomain\./);
});

test('complete agreements, modifies and other entries are not reported', () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(diagnose([AGREEMENT_DN, 'changetype: modify', 'delete: nsds7WindowsDomain', '-'], CODE), []);
  assert.deepEqual(diagnose(['dn: cn=x,dc=example,dc=com', 'objectClass: top', 'cn: x'], CODE), []);
});

test('a 389-DS replication agreement needs none of the Windows settings', () => {
  assert.deepEqual(
    diagnose(
      [
        AGREEMENT_DN,
        'changetype: add',
        'objectClass: nsds5ReplicationAgreement',
        'cn: ad-sync',
        'nsDS5ReplicaHost: ipa2.example.com',
        'nsDS5ReplicaPort: 389',
        'nsDS5ReplicaRoot: dc=example,dc=com',
        'nsDS5ReplicaBindDN: cn=replication manager,cn=config',
        'nsDS5ReplicaCredentials: secret',
      ],
      'winsync/agreement-incomplete',
    ),
    [],
  );
});
