import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance, rankByDistance, sortByDistance } from '../../../server/src/engine/util/closest';

test('edit distance ignores case and counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('ipaWinSyncAcctDisable', 'IPAWINSYNCACCTDISABLE'), 0);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('to_da', 'to_ad'), 1);
});

test('closest finds a typo and refuses distant words', () => {
  assert.equal(
    closest('ipaWinSyncAcctDisabel', ['ipaWinSyncAcctDisable', 'ipaWinSyncForceSync']),
    'ipaWinSyncAcctDisable',
  );
  assert.equal(closest('xyz', ['ipaWinSyncAcctDisable']), undefined);
});

test('rankByDistance keeps only plausible typos, nearest first', () => {
  assert.deepEqual(rankByDistance('to_da', ['none', 'to_ad', 'to_ds', 'both']), ['to_ad', 'to_ds']);
});

test('sortByDistance orders every candidate, ties in catalog order', () => {
  assert.deepEqual(
    sortByDistance('sometimes', ['none', 'to_ad', 'to_ds', 'both']),
    ['none', 'to_ad', 'to_ds', 'both'].sort((a, b) => editDistance('sometimes', a) - editDistance('sometimes', b)),
  );
  assert.deepEqual(sortByDistance('boht', ['none', 'to_ad', 'to_ds', 'both'])[0], 'both');
});
