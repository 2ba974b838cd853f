import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd } from '../winsyncFixtures';

const CODE = 'winsync/subtree-pair-overrides';

const PAIR = 'ou=People,dc=example,dc=com:OU=Staff,DC=ad,DC=example,DC=com';

test('subtrees next to subtree pairs in one add are warned about, each on its name', () => {
  const text = agreementAdd({ extra: [`winSyncSubtreePair: ${PAIR}`] });
  const found = diagnose(text, CODE);
  assert.deepEqual(
    found.map((d) => covered(text, d)),
    ['nsds7WindowsReplicaSubtree', 'nsds7DirectoryReplicaSubtree'],
  );
  assert.equal(found[0].severity, 'warning');
  assert.match(
    found[0].message,
    new RegExp(
      `^nsds7WindowsReplicaSubtree is ignored: this agreement also has winSyncSubtreePair \\(line ${text.length}\\), and when subtree pairs are set the server syncs only the pairs\\.`,
    ),
  );
});

test('a pair set by a later modify of the same agreement (any DN spelling) overrides the subtrees of the add', () => {
  const modify = agreementReplace('winSyncSubtreePair', PAIR);
  modify[0] = 'dn: CN=AD-Sync, cn=Replica, cn=dc\\=example\\,dc\\=com, cn=mapping tree, cn=config';
  const text = [...agreementAdd(), '', ...modify];
  assert.equal(diagnose(text, CODE).length, 2);
});

test("subtrees alone, pairs alone, pairs removed later, and another agreement's pairs are fine", () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(
    diagnose(
      agreementAdd({
        omit: ['nsds7WindowsReplicaSubtree', 'nsds7DirectoryReplicaSubtree'],
        extra: [`winSyncSubtreePair: ${PAIR}`],
      }),
      CODE,
    ),
    [],
  );
  assert.deepEqual(
    diagnose(
      [...agreementAdd({ extra: [`winSyncSubtreePair: ${PAIR}`] }), '', ...agreementReplace('winSyncSubtreePair')],
      CODE,
    ),
    [],
  );
  const other = agreementReplace('winSyncSubtreePair', PAIR);
  other[0] = other[0].replace('cn=ad-sync', 'cn=other-sync');
  assert.deepEqual(diagnose([...agreementAdd(), '', ...other], CODE), []);
});
