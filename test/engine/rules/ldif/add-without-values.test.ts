import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

const DN = 'dn: uid=a,ou=People,dc=example,dc=com';

test('add: without values is a warning on the attribute, saying what ldapmodify and 389-DS do', () => {
  const text = [DN, 'changetype: modify', 'add: mail', '-'];
  const [d, ...rest] = diagnose(text, 'ldif/add-without-values');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'mail');
  assert.match(d.message, /ldapmodify silently leaves it out/);
  assert.match(d.message, /answers 2 \(Protocol error\): "no values given"/);
});

test('replace: and delete: without values, and add: with values, are fine', () => {
  assert.deepEqual(
    diagnose(
      [DN, 'changetype: modify', 'replace: mail', '-', 'delete: description', '-', 'add: cn', 'cn: a', '-'],
      'ldif/add-without-values',
    ),
    [],
  );
});
