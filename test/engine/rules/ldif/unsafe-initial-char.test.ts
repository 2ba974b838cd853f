import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

const DN = 'dn: cn=x,dc=example,dc=com';

function encodingCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code === 'ldif/must-base64' || d.code === 'ldif/unsafe-initial-char');
}

test('a value starting with ":" is a warning on that character, fixed by base64-encoding the whole value', () => {
  const text = [DN, 'changetype: add', 'objectClass: top', 'description: :colon'];
  const [d] = encodingCodes(text);
  assert.equal(d.code, 'ldif/unsafe-initial-char');
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), ':');
  assert.equal(d.range.start.character, 'description: '.length);
  assert.match(d.message, /starts with ':', which RFC 2849 only allows in base64 form/);
  assert.equal(d.fixes?.[0].title, 'Base64-encode the value');
  assert.equal(applyFix(text, d.fixes![0])[3], `description:: ${Buffer.from(':colon').toString('base64')}`);
});

test('a value starting with "<" (after the space) is the same warning; the DN line is checked too', () => {
  const text = [
    'dn: <weird>,dc=example,dc=com',
    'changetype: add',
    'objectClass: top',
    'member: <UID=jsmith,O=example,C=US>',
  ];
  assert.deepEqual(
    encodingCodes(text).map((d) => [d.range.start.line, covered(text, d)]),
    [
      [0, '<'],
      [3, '<'],
    ],
  );
  assert.match(encodingCodes(text)[1].message, /take ":<" for a URL/);
});
