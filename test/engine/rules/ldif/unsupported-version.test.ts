import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a version other than 1 is an error on the version', () => {
  const text = ['version: 2', '', 'dn: cn=x', 'cn: x'];
  const [d] = diagnose(text, 'ldif/unsupported-version');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '2');
  assert.equal(d.message, 'Unsupported LDIF version "2": the only version is 1.');
  assert.deepEqual(diagnose(['version: 1', '', 'dn: cn=x', 'cn: x'], 'ldif/unsupported-version'), []);
});
