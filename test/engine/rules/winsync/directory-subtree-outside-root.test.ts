import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd } from '../winsyncFixtures';

const CODE = 'winsync/directory-subtree-outside-root';

test('a directory subtree outside nsDS5ReplicaRoot is an error: stored silently, never synchronised', () => {
  const text = agreementAdd({
    omit: ['nsds7DirectoryReplicaSubtree'],
    extra: ['nsds7DirectoryReplicaSubtree: ou=Other,dc=elsewhere,dc=com'],
  });
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'ou=Other,dc=elsewhere,dc=com');
  assert.match(
    d.message,
    /^nsds7DirectoryReplicaSubtree, "ou=Other,dc=elsewhere,dc=com", is not inside the replicated suffix dc=example,dc=com \(nsDS5ReplicaRoot\)\. 389-DS stores it without a word/,
  );
});

test('the directory half of a subtree pair is checked and reported on its own range', () => {
  const text = agreementAdd({
    extra: ['winSyncSubtreePair: ou=Staff,dc=other,dc=org:OU=Staff,DC=ad,DC=example,DC=com'],
  });
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'ou=Staff,dc=other,dc=org');
  assert.match(d.message, /^The directory half of this winSyncSubtreePair, "ou=Staff,dc=other,dc=org", is not inside/);
});

test('a modify is judged against the root the file gives elsewhere, or else the suffix in the DN', () => {
  const modify = [...agreementReplace('nsds7DirectoryReplicaSubtree', 'ou=People,dc=example,dc=com')];
  const otherRoot = agreementAdd({
    omit: ['nsDS5ReplicaRoot', 'nsds7DirectoryReplicaSubtree'],
    extra: ['nsDS5ReplicaRoot: dc=corp,dc=com'],
  });
  assert.equal(diagnose([...otherRoot, '', ...modify], CODE).length, 1);
  const [fromDn] = diagnose(agreementReplace('nsds7DirectoryReplicaSubtree', 'ou=People,dc=corp,dc=com'), CODE);
  assert.match(
    fromDn.message,
    /not inside the replicated suffix dc=example,dc=com \(the suffix in the agreement's DN\)/,
  );
});

test('subtrees at or below the root, in any DN spelling, and values that are not DNs are fine', () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('nsds7DirectoryReplicaSubtree', 'DC=Example,DC=Com'), CODE), []);
  assert.deepEqual(
    diagnose(agreementReplace('nsds7DirectoryReplicaSubtree', 'ou=People, dc=example, dc=com'), CODE),
    [],
  );
  assert.deepEqual(diagnose(agreementReplace('nsds7DirectoryReplicaSubtree', 'not a dn'), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('winSyncSubtreePair', 'no colon here'), CODE), []);
  assert.deepEqual(
    diagnose(agreementReplace('nsds7WindowsReplicaSubtree', 'cn=Users,dc=ad,dc=other,dc=com'), CODE),
    [],
  );
});
