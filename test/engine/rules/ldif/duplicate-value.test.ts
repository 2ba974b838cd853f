import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

const DN = 'dn: cn=a,dc=example,dc=com';

test('a value repeated in an add is an error on the repeat (20), fixed by removing it', () => {
  const text = [DN, 'changetype: add', 'objectClass: person', 'cn: a', 'sn: b', 'CN: a'];
  const [d, ...rest] = diagnose(text, 'ldif/duplicate-value');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.line, 5);
  assert.match(d.message, /first 2 lines above\).*20 \(Type or value exists\)/);
  assert.deepEqual(applyFix(text, d.fixes![0]), [DN, 'changetype: add', 'objectClass: person', 'cn: a', 'sn: b']);
});

test('in a content record it is a warning; in one add:/replace: mod-spec an error; values differing in case or options are not this rule', () => {
  assert.equal(diagnose([DN, 'cn: a', 'cn: a'], 'ldif/duplicate-value')[0].severity, 'warning');
  assert.equal(
    diagnose(
      [DN, 'changetype: modify', 'replace: description', 'description: x', 'description: x', '-'],
      'ldif/duplicate-value',
    )[0].severity,
    'error',
  );
  assert.deepEqual(
    diagnose(
      [DN, 'changetype: add', 'objectClass: person', 'cn: a', 'cn: A', 'cn;lang-en: a', 'sn: b'],
      'ldif/duplicate-value',
    ),
    [],
  );
  assert.deepEqual(
    diagnose([DN, 'changetype: modify', 'add: cn', 'cn: a', '-', 'delete: cn', 'cn: a', '-'], 'ldif/duplicate-value'),
    [],
  );
});
