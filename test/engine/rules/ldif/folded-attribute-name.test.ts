import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

const DN = 'dn: cn=x,dc=example,dc=com';

test('a name folded on an add value line is an error over the name, fixed by writing it on one line', () => {
  const text = [DN, 'changetype: add', 'objectClass: top', 'descrip', ' tion: on leave'];
  const [d, ...rest] = diagnose(text, 'ldif/folded-attribute-name');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 4, character: 5 } });
  assert.match(d.message, /ldapmodify does not unfold names/);
  assert.deepEqual(applyFix(text, d.fixes![0]).slice(3), ['description: on leave']);
});

test('a name folded on a modify value line is reported; a folded header, which ldapmodify applies, and folded values are not', () => {
  assert.equal(
    diagnose(
      [DN, 'changetype: modify', 'replace: description', 'de', ' scription: x', '-'],
      'ldif/folded-attribute-name',
    ).length,
    1,
  );
  assert.deepEqual(
    diagnose(
      [DN, 'changetype: modify', 'replace: descrip', ' tion', 'description: a long', '  value', '-'],
      'ldif/folded-attribute-name',
    ),
    [],
  );
});
