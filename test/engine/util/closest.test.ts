import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  closest,
  editDistance,
  rankByDistance,
  sortByDistance,
  unambiguousNearest,
} from '../../../server/src/engine/util/closest';

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

test('sortByDistance orders every candidate by edits, then by letters not shared, then in catalog order', () => {
  const values = ['none', 'to_ad', 'to_ds', 'both'];
  assert.deepEqual(sortByDistance('to_da', values), ['to_ad', 'to_ds', 'both', 'none']);
  assert.deepEqual(sortByDistance('boht', values)[0], 'both');
  // "tood" is two edits from to_ad and from to_ds, and shares as many letters with each: catalog order.
  assert.deepEqual(sortByDistance('tood', values).slice(0, 2), ['to_ad', 'to_ds']);
  const far = sortByDistance('sometimes', values).map((value) => editDistance('sometimes', value));
  assert.deepEqual(
    far,
    [...far].sort((a, b) => a - b),
  );
});

test('unambiguousNearest: the one plausible typo, or nothing when it is far off or tied', () => {
  const values = ['none', 'to_ad', 'to_ds', 'both'];
  assert.equal(unambiguousNearest('to_da', values), 'to_ad');
  assert.equal(unambiguousNearest('bath', values), 'both');
  assert.equal(unambiguousNearest('tood', values), undefined);
  assert.equal(unambiguousNearest('sometimes', values), undefined);
  assert.equal(unambiguousNearest('x', []), undefined);
});
