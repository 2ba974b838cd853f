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

test('a repeat is found against the first line of its value and name, in any case and any encoding, among many attributes', () => {
  // "a" in base64 is YQ==; 100 other attributes grow the table the names are grouped in.
  const others = Array.from({ length: 100 }, (_, i) => `attr${i}: a`);
  const text = [DN, 'changetype: add', 'cn: a', ...others, 'sn: a', 'CN:: YQ==', 'Cn: a', 'sn: b'];
  const found = diagnose(text, 'ldif/duplicate-value');
  assert.deepEqual(
    found.map((d) => d.range.start.line),
    [104, 105],
  );
  assert.match(found[0].message, /^CN is given the value "a" twice .*first 102 lines above/);
  assert.match(found[1].message, /^Cn is given the value "a" twice .*first 103 lines above/);
});

test('names beyond ASCII are compared as toLowerCase() compares them (the Kelvin sign is a k)', () => {
  assert.equal(diagnose([DN, 'changetype: add', 'k: a', '\u212a: a'], 'ldif/duplicate-value').length, 1);
  assert.equal(diagnose([DN, 'changetype: add', 'k: a', 'x\u212a: a'], 'ldif/duplicate-value').length, 0);
  assert.equal(diagnose([DN, 'changetype: add', 'xk: a', 'x\u212a: a'], 'ldif/duplicate-value').length, 1);
  // İ lower-cases to two characters, i and a combining dot above.
  assert.equal(diagnose([DN, 'changetype: add', 'a\u0130b: a', 'ai\u0307b: a'], 'ldif/duplicate-value').length, 1);
});

test('among many values of one attribute (a large group), each repeat is found against the first', () => {
  const members = Array.from({ length: 30 }, (_, i) => `member: uid=u${i % 20},dc=example,dc=com`);
  const found = diagnose([DN, 'changetype: add', 'objectClass: groupOfNames', ...members], 'ldif/duplicate-value');
  assert.deepEqual(
    found.map((d) => d.range.start.line),
    Array.from({ length: 10 }, (_, i) => 23 + i),
  );
  assert.ok(found.every((d) => /first 20 lines above/.test(d.message)));
});
