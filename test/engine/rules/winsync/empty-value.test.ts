import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLUGIN_DN, agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd } from '../winsyncFixtures';

const CODE = 'winsync/empty-value';

test('an empty host, domain, debug timeout or fractional list on an agreement is an error (21)', () => {
  for (const name of [
    'nsDS5ReplicaHost',
    'nsds7WindowsDomain',
    'nsds5debugreplicatimeout',
    'nsDS5ReplicatedAttributeList',
  ]) {
    const text = agreementReplace(name, '');
    const [d, ...rest] = diagnose(text, CODE);
    assert.equal(rest.length, 0, name);
    assert.equal(d.severity, 'error');
    assert.equal(covered(text, d), `${name}: `);
    assert.match(d.message, new RegExp(`^${name} has an empty value, which 389-DS refuses`));
  }
  const add = agreementAdd({ omit: ['nsds7WindowsDomain'], extra: ['nsds7WindowsDomain:'] });
  assert.equal(diagnose(add, CODE).length, 1);
});

test('removals, the password, syntaxes with their own rule, status attributes and the plug-in entry are left alone', () => {
  assert.deepEqual(diagnose(agreementReplace('nsDS5ReplicaCredentials', ''), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('nsDS5ReplicaPort', ''), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('nsds50ruv', ''), CODE), []);
  assert.deepEqual(diagnose(agreementReplace('nsds7WindowsDomain', 'ad.example.com'), CODE), []);
  assert.deepEqual(
    diagnose([PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncRealmFilter', 'ipaWinSyncRealmFilter:', '-'], CODE),
    [],
  );
});
