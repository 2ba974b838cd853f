import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd, agreementModify, applyFix } from './fixtures';

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
  assert.equal(diagnose(agreementReplace('winSyncInterval', '+60'), 'winsync/invalid-integer')[0].fixes?.[0].edits[0].newText, '60');
});

test('trailing spaces make the value invalid; the fix removes them', () => {
  const text = agreementReplace('winSyncInterval', '300 ');
  const [d] = diagnose(text, 'winsync/invalid-integer');
  assert.match(d.message, /the trailing spaces are part of the value/);
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncInterval: 300');
});

test('valid numbers, bounds included, give nothing', () => {
  const text = agreementAdd('nsDS5ReplicaPort: 65535', 'nsds5ReplicaTimeout: 0', 'nsds5replicaBusyWaitTime: 2147483647');
  assert.deepEqual(diagnose(text).filter((d) => d.code === 'winsync/invalid-integer' || d.code === 'winsync/out-of-range'), []);
  assert.deepEqual(diagnose(agreementReplace('winSyncInterval', '1'), 'winsync/out-of-range'), []);
});
