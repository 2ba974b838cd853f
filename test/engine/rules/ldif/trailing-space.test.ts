import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

const DN = 'dn: cn=x,dc=example,dc=com';

test('a value ending in spaces is a warning on the spaces; removing them is preferred, base64 keeps them', () => {
  const text = [DN, 'changetype: add', 'objectClass: top', 'cn: x  '];
  const [d] = diagnose(text, 'ldif/trailing-space');
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), '  ');
  assert.equal(d.range.start.character, 'cn: x'.length);
  assert.match(d.message, /The value of cn ends with 2 spaces: ldapmodify sends them as part of the value/);
  assert.deepEqual(
    d.fixes?.map((f) => [f.title, f.preferred === true]),
    [
      ['Remove the trailing spaces', true],
      ['Base64-encode the value (keeps the spaces)', false],
    ],
  );
  assert.equal(applyFix(text, d.fixes![0])[3], 'cn: x');
  assert.equal(applyFix(text, d.fixes![1])[3], `cn:: ${Buffer.from('x  ').toString('base64')}`);
});

test('spaces ending the last line of a folded value are found and removed across the fold', () => {
  const text = [DN, 'changetype: add', 'objectClass: top', 'description: hello', '  world  '];
  const [d] = diagnose(text, 'ldif/trailing-space');
  assert.deepEqual(d.range, { start: { line: 4, character: 7 }, end: { line: 4, character: 9 } });
  assert.deepEqual(applyFix(text, d.fixes![0]).slice(3), ['description: hello', '  world']);
});

test('a space before a fold is inside the value, not trailing', () => {
  assert.deepEqual(
    diagnose([DN, 'changetype: add', 'objectClass: top', 'description: hello ', ' world'], 'ldif/trailing-space'),
    [],
  );
});

test('values without trailing spaces and base64 values are not flagged', () => {
  const encoded = Buffer.from('x ').toString('base64');
  assert.deepEqual(
    diagnose(
      [DN, 'changetype: add', 'objectClass: top', 'cn: x', `sn:: ${encoded}`, 'description:'],
      'ldif/trailing-space',
    ),
    [],
  );
});
