import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, covered, diagnose } from '../helpers';

const CODE = 'winsync/running-agreement-change';
const modify = (...lines: string[]) => [AGREEMENT_DN, 'changetype: modify', ...lines];

test('a new host is a warning: garbled until a restart, and a later delete crashes 389-DS 2.3.1', () => {
  const text = modify('replace: nsDS5ReplicaHost', 'nsDS5ReplicaHost: dc2.ad.example.com', '-');
  const [d, ...rest] = diagnose(text, CODE);
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'nsDS5ReplicaHost');
  assert.match(d.message, /garbled host name.*crashes ns-slapd/);
});

test('a new port is a warning unless the same change disables and enables the agreement', () => {
  const [d] = diagnose(modify('replace: nsDS5ReplicaPort', 'nsDS5ReplicaPort: 636', '-'), CODE);
  assert.match(d.message, /keeps the old port until it is disabled and enabled again/);
  assert.deepEqual(
    diagnose(
      modify(
        'replace: nsds5ReplicaEnabled',
        'nsds5ReplicaEnabled: off',
        '-',
        'replace: nsDS5ReplicaPort',
        'nsDS5ReplicaPort: 636',
        '-',
      ),
      CODE,
    ),
    [],
  );
});

test('adds of an agreement and other settings are not reported', () => {
  assert.deepEqual(diagnose(modify('replace: nsds5ReplicaTimeout', 'nsds5ReplicaTimeout: 60', '-'), CODE), []);
});
