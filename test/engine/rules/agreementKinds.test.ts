// The everyday edits of an existing agreement that does not say its kind (issue 12, item 1), and
// plain replication agreements (item 2), checked end to end through the rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from './helpers';

const DN = 'dn: cn=to-x,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

function replace(attribute: string, value: string): string[] {
  return [DN, 'changetype: modify', `replace: ${attribute}`, `${attribute}: ${value}`, '-'];
}

function errors(text: readonly string[]) {
  return diagnose(text).filter((d) => d.severity === 'error');
}

test('nsds5ReplicaEnabled: false is an error with the 1 the server answers on modify', () => {
  const text = replace('nsds5ReplicaEnabled', 'false');
  const [d, ...rest] = errors(text);
  assert.equal(rest.length, 0);
  assert.equal(d.code, 'winsync/invalid-boolean');
  assert.equal(covered(text, d), 'false');
  assert.match(
    d.message,
    /Refused with 1 and the text "Invalid value for nsds5ReplicaEnabled, the value must be "on" or "off"\."/,
  );
  assert.deepEqual(errors(replace('nsds5ReplicaEnabled', 'OFF')), []);
});

test('nsds5BeginReplicaRefresh: restart is an error (53 with text); start, stop and cancel in any case are not', () => {
  const [d] = errors(replace('nsds5BeginReplicaRefresh', 'restart'));
  assert.equal(d.code, 'winsync/invalid-enum');
  assert.match(d.message, /expected one of start, stop, cancel\. .*refused with 53/);
  for (const value of ['start', 'Start', 'stop', 'cancel'])
    assert.deepEqual(errors(replace('nsds5BeginReplicaRefresh', value)), [], value);
});

test('schedules: day 7 never matches, a missing day list is refused with 1', () => {
  const [seven] = errors(replace('nsDS5ReplicaUpdateSchedule', '0800-1700 7'));
  assert.equal(seven.code, 'winsync/invalid-schedule');
  assert.match(seven.message, /day 7 does not exist/);
  assert.match(seven.message, /silently means something else/);
  const [noDays] = errors(replace('nsDS5ReplicaUpdateSchedule', '0800-1700'));
  assert.match(noDays.message, /the days are missing.*Refused with 1/);
  const [comma] = errors(replace('nsDS5ReplicaUpdateSchedule', '0800-1700 1,2'));
  assert.match(comma.message, /"," is not a day.*Refused with 1/);
  assert.deepEqual(errors(replace('nsDS5ReplicaUpdateSchedule', '0800-1700 12345')), []);
});

test('nsDS5ReplicaPort: 0389 is an error with the 21 of the INTEGER syntax', () => {
  const [d] = errors(replace('nsDS5ReplicaPort', '0389'));
  assert.equal(d.code, 'winsync/invalid-integer');
  assert.match(d.message, /21 \(Invalid syntax\)/);
  assert.equal(d.fixes?.[0].title, 'Write 389');
});

test('a plain agreement with winsync settings: 65 on add, 53 on modify', () => {
  const add = [
    DN,
    'changetype: add',
    'objectClass: nsds5ReplicationAgreement',
    'cn: to-x',
    'nsDS5ReplicaRoot: dc=example,dc=com',
    'nsDS5ReplicaHost: consumer.example.com',
    'nsDS5ReplicaPort: 389',
    'nsDS5ReplicaBindDN: cn=replication manager,cn=config',
    'nsDS5ReplicaCredentials: secret',
    'nsds7WindowsDomain: ad.example.com',
  ];
  const [onAdd, ...others] = errors(add);
  assert.deepEqual(others, []);
  assert.equal(onAdd.code, 'winsync/wrong-agreement-kind');
  assert.equal(covered(add, onAdd), 'nsds7WindowsDomain');
  assert.match(onAdd.message, /refuses it with 65/);
  // A Windows-only setting in a modify makes the record a Windows agreement; with the object
  // class of a plain one written in the same file, its add is what the checker knows.
  const plainModify = [
    DN,
    'changetype: modify',
    'replace: nsds5ReplicaProtocolTimeout',
    'nsds5ReplicaProtocolTimeout: 0',
    '-',
  ];
  const [timeout] = errors(plainModify);
  assert.equal(timeout.code, 'winsync/out-of-range');
  assert.match(timeout.message, /must be a number greater than zero/);
});

test('a complete plain agreement add has no errors, and is not asked for Windows subtrees', () => {
  const add = [
    DN,
    'changetype: add',
    'objectClass: top',
    'objectClass: nsds5ReplicationAgreement',
    'cn: to-x',
    'nsDS5ReplicaRoot: dc=example,dc=com',
    'nsDS5ReplicaHost: consumer.example.com',
    'nsDS5ReplicaPort: 636',
    'nsDS5ReplicaTransportInfo: LDAPS',
    'nsDS5ReplicaBindMethod: SIMPLE',
    'nsDS5ReplicaBindDN: cn=replication manager,cn=config',
    'nsDS5ReplicaCredentials: secret',
    'nsds5ReplicaIgnoreMissingChange: once',
  ];
  assert.deepEqual(
    diagnose(add).map((d) => `${d.code}: ${d.message}`),
    [],
  );
  const [missing] = errors(add.filter((line) => !line.startsWith('nsDS5ReplicaHost')));
  assert.equal(missing.code, 'winsync/missing-required');
  const [badEnum] = errors([...add.slice(0, -1), 'nsds5ReplicaIgnoreMissingChange: sometimes']);
  assert.equal(badEnum.code, 'winsync/invalid-enum');
});
