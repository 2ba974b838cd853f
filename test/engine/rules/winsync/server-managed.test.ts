import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGREEMENT_DN, agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/server-managed';

test('deleting the DirSync cookie is a warning explaining that the next DirSync starts from scratch', () => {
  const text = [AGREEMENT_DN, 'changetype: modify', 'delete: nsds7DirsyncCookie', '-'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'nsds7DirsyncCookie');
  assert.match(d.message, /nsds7DirsyncCookie is maintained by the server and should not be removed by hand\./);
  assert.match(d.message, /next DirSync start from scratch/);
});

test('writing a status attribute warns that the server drops it silently', () => {
  const text = agreementAdd({ extra: ['nsds5replicaLastUpdateStatus: Error (0) Replica acquired successfully'] });
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'nsds5replicaLastUpdateStatus');
  assert.match(d.message, /should not be written by hand/);
  assert.match(d.message, /silently drops it/);
});

test('the fix removes the line from an add, or the whole mod-spec from a modify', () => {
  const add = agreementAdd({ extra: ['nsds50ruv: {replicageneration} 5f0c0c0c000000010000'] });
  const [line] = diagnose(add, CODE);
  assert.equal(covered(add, line), 'nsds50ruv');
  assert.deepEqual(applyFix(add, line.fixes?.[0]), agreementAdd());

  const modify = [
    ...agreementReplace('winSyncInterval', '600'),
    'replace: nsds7DirsyncCookie',
    'nsds7DirsyncCookie:: AAAA',
    '-',
  ];
  const [spec] = diagnose(modify, CODE);
  assert.deepEqual(applyFix(modify, spec.fixes?.[0]), agreementReplace('winSyncInterval', '600'));
});

test('settings an admin owns and ordinary entries are not reported', () => {
  assert.deepEqual(diagnose(agreementAdd(), CODE), []);
  assert.deepEqual(
    diagnose(['dn: cn=x,dc=example,dc=com', 'changetype: modify', 'delete: nsds7DirsyncCookie', '-'], CODE),
    [],
  );
});
