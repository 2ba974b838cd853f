import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

const DN = 'dn: cn=x,dc=example,dc=com';

function encodingCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code === 'ldif/must-base64' || d.code === 'ldif/unsafe-initial-char');
}

test('a NUL inside a value is an error: ldapmodify would cut the value there', () => {
  const text = [DN, 'changetype: add', 'objectClass: top', 'description: a\0b'];
  const [d] = encodingCodes(text);
  assert.equal(d.code, 'ldif/must-base64');
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.character, 'description: a'.length);
  assert.match(d.message, /NUL character/);
  assert.equal(applyFix(text, d.fixes![0])[3], `description:: ${Buffer.from('a\0b').toString('base64')}`);
});

test('a carriage return inside a line is an error', () => {
  const text = [DN, 'changetype: add', 'objectClass: top', 'description: a\rb'];
  const [d] = encodingCodes(text);
  assert.equal(d.code, 'ldif/must-base64');
  assert.match(d.message, /carriage return/);
});

test('raw UTF-8, base64 values, URLs, keywords and a colon later in the value are not flagged', () => {
  const text = [
    'dn: cn=Jürgen Ølsen,dc=example,dc=com',
    'changetype: add',
    'objectClass: top',
    'cn: Jürgen Ølsen',
    'description:: OmNvbG9u',
    'jpegPhoto:< file:///tmp/photo.jpg',
    'description: time: 10:00',
  ];
  assert.deepEqual(encodingCodes(text), []);
});
