import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd, agreementModify } from '../valueFixtures';

test('a port outside 1–65535 on add: error saying the add is refused with 53', () => {
  const text = agreementAdd('nsDS5ReplicaPort: 99999');
  const [d] = diagnose(text, 'winsync/out-of-range');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '99999');
  assert.match(d.message, /^99999 is out of range for nsDS5ReplicaPort: expected a whole number from 1 to 65535\./);
  assert.match(d.message, /Refused with 53/);
});

test('the same port on modify: the server stores it and the agreement cannot connect', () => {
  const [d] = diagnose(agreementModify('nsDS5ReplicaPort', '99999'), 'winsync/out-of-range');
  assert.match(d.message, /stored 99999, 0 and -1 with result 0/);
  assert.match(d.message, /cannot connect/);
});

test('winSyncInterval 0 is ignored and negative values are not rejected: both out of range, with the server reaction', () => {
  const [zero] = diagnose(agreementReplace('winSyncInterval', '0'), 'winsync/out-of-range');
  assert.match(zero.message, /expected a whole number from 1 to 2147483647 \(seconds\)/);
  assert.match(zero.message, /`0` is ignored \(the previous interval stays\)/);
  assert.equal(diagnose(agreementReplace('winSyncInterval', '-5'), 'winsync/out-of-range').length, 1);
  assert.equal(diagnose(agreementReplace('winSyncInterval', '99999999999'), 'winsync/out-of-range').length, 1);
});

test('valid numbers, bounds included, give nothing', () => {
  const text = agreementAdd(
    'nsDS5ReplicaPort: 65535',
    'nsds5ReplicaTimeout: 0',
    'nsds5replicaBusyWaitTime: 2147483647',
  );
  assert.deepEqual(
    diagnose(text).filter((d) => d.code === 'winsync/invalid-integer' || d.code === 'winsync/out-of-range'),
    [],
  );
  assert.deepEqual(diagnose(agreementReplace('winSyncInterval', '1'), 'winsync/out-of-range'), []);
});
