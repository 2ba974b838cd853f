import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../valueFixtures';

test('a non-number is invalid-integer: the INTEGER syntax makes the server answer 21', () => {
  const text = agreementReplace('winSyncInterval', '5m');
  const [d] = diagnose(text, 'winsync/invalid-integer');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '5m');
  assert.match(d.message, /Invalid value "5m" for winSyncInterval: expected a whole number/);
  assert.match(d.message, /21 \(Invalid syntax\)/);
  assert.equal(d.fixes, undefined);
  assert.deepEqual(diagnose(text, 'winsync/out-of-range'), []);
});

test('leading zeros and "+" are not LDAP INTEGER form; the fix writes the plain number', () => {
  const text = agreementAdd('nsDS5ReplicaPort: 0389');
  const [d] = diagnose(text, 'winsync/invalid-integer');
  assert.equal(d.fixes?.[0].title, 'Write 389');
  assert.equal(applyFix(text, d.fixes![0])[5], 'nsDS5ReplicaPort: 389');
  assert.equal(
    diagnose(agreementReplace('winSyncInterval', '+60'), 'winsync/invalid-integer')[0].fixes?.[0].edits[0].newText,
    '60',
  );
});

test('trailing spaces make the value invalid; the fix removes them', () => {
  const text = agreementReplace('winSyncInterval', '300 ');
  const [d] = diagnose(text, 'winsync/invalid-integer');
  assert.match(d.message, /the trailing spaces are part of the value/);
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncInterval: 300');
});
