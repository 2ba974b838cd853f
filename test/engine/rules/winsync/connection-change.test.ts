import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd } from '../winsyncFixtures';

const CODE = 'winsync/connection-change';

test('a new host on an existing agreement is a warning: garbled until a restart, and no delete before it', () => {
  const text = agreementReplace('nsDS5ReplicaHost', 'dc2.ad.example.com');
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'nsDS5ReplicaHost');
  assert.match(
    d.message,
    /garbles the host in 389-DS 2\.3 until ns-slapd restarts \(Observed on 389-DS 2\.3\.1 with a Samba AD DC/,
  );
  assert.match(d.message, /do not delete this agreement before that restart/);
});

test('a new port: the running Windows agreement keeps the old one until disabled and enabled', () => {
  const windows = [
    ...agreementReplace('winSyncInterval', '60'),
    'replace: nsDS5ReplicaPort',
    'nsDS5ReplicaPort: 636',
    '-',
  ];
  const [d] = diagnose(windows, CODE);
  assert.equal(covered(windows, d), 'nsDS5ReplicaPort');
  assert.match(d.message, /^The running agreement keeps dialling the old port: .*nsds5ReplicaEnabled: off, then on/);
  // Kind not said: what holds for a Windows agreement.
  const [unknown] = diagnose(agreementReplace('nsDS5ReplicaPort', '636'), CODE);
  assert.match(unknown.message, /^A running Windows agreement keeps dialling the old port/);
  // A plain agreement dials the new port at once (issue 12 probe, A2).
  const plain = [
    ...agreementReplace('nsds5ReplicaProtocolTimeout', '60'),
    'replace: nsDS5ReplicaPort',
    'nsDS5ReplicaPort: 636',
    '-',
  ];
  assert.deepEqual(diagnose(plain, CODE), []);
});

test('adds, removals, other settings and other entries are not reported', () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(diagnose([AGREEMENT_DN, 'changetype: modify', 'delete: nsDS5ReplicaPort', '-'], CODE), []);
  assert.deepEqual(diagnose(agreementReplace('nsds5ReplicaEnabled', 'off'), CODE), []);
  assert.deepEqual(
    diagnose(
      ['dn: cn=x,dc=example,dc=com', 'changetype: modify', 'replace: nsDS5ReplicaHost', 'nsDS5ReplicaHost: h', '-'],
      CODE,
    ),
    [],
  );
});
