import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

const DN = 'dn: uid=a,ou=People,dc=example,dc=com';

test('increment: is a warning on its keyword, saying what 389-DS answers and what to write instead', () => {
  const text = [DN, 'changetype: modify', 'increment: uidNumber', 'uidNumber: 1', '-'];
  const [d, ...rest] = diagnose(text, 'ldif/increment');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'increment');
  assert.match(d.message, /answers 2 \(Protocol error\): "unrecognized modify operation"/);
  assert.match(d.message, /replace: uidNumber/);
});

test('with other mod-specs the message says the whole modify is refused; other operations are not reported', () => {
  const [d] = diagnose(
    [DN, 'changetype: modify', 'replace: cn', 'cn: a', '-', 'increment: uidNumber', 'uidNumber: 1', '-'],
    'ldif/increment',
  );
  assert.match(d.message, /its other mod-specs too/);
  assert.deepEqual(diagnose([DN, 'changetype: modify', 'add: cn', 'cn: a', '-'], 'ldif/increment'), []);
});
