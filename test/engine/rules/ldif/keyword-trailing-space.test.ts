import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

const DN = 'dn: cn=x,dc=example,dc=com';

test('a changetype and a header followed by values ending in spaces are errors, with the removal as the fix', () => {
  const text = [DN, 'changetype: modify ', 'replace: description  ', 'description: x', '-'];
  const found = diagnose(text, 'ldif/keyword-trailing-space');
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.severity, covered(text, d)]),
    [
      [1, 'error', ' '],
      [2, 'error', '  '],
    ],
  );
  assert.match(found[0].message, /reads the changetype "modify ", stops with "unknown changetype"/);
  assert.match(found[1].message, /ends with 2 spaces: .*"wrong attributeType"/);
  assert.equal(applyFix(text, found[0].fixes![0])[1], 'changetype: modify');
  assert.equal(applyFix(text, found[1].fixes![0])[2], 'replace: description');
  // Values ending in spaces are another rule's.
  assert.deepEqual(
    diagnose(text, 'ldif/trailing-space').map((d) => d.range.start.line),
    [],
  );
});

test('"- " is an error on the white space after the dash', () => {
  const text = [DN, 'changetype: modify', 'replace: description', 'description: x', '- \t', 'add: cn', 'cn: y', '-'];
  const [d, ...rest] = diagnose(text, 'ldif/keyword-trailing-space');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, { start: { line: 4, character: 1 }, end: { line: 4, character: 3 } });
  assert.match(d.message, /"invalid format"/);
  assert.equal(applyFix(text, d.fixes![0])[4], '-');
});

test('a header without values ending in a space is only a warning: ldapmodify applies it', () => {
  const [d] = diagnose([DN, 'changetype: modify', 'delete: description ', '-'], 'ldif/keyword-trailing-space');
  assert.equal(d.severity, 'warning');
});

test('spaces after deleteoldrdn, newrdn and dn, which ldapmodify takes, are not this rule', () => {
  assert.deepEqual(
    diagnose(
      ['dn: cn=x,dc=example,dc=com ', 'changetype: modrdn', 'newrdn: cn=y ', 'deleteoldrdn: 1 '],
      'ldif/keyword-trailing-space',
    ),
    [],
  );
});
