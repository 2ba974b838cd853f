import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a ":<" value that is not a URL is an error suggesting file:///', () => {
  const text = [
    'dn: uid=jsmith,ou=People,dc=example,dc=com',
    'changetype: modify',
    'replace: jpegPhoto',
    'jpegPhoto:< /tmp/photo.jpg',
    '-',
  ];
  const [d] = diagnose(text, 'ldif/invalid-url');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '/tmp/photo.jpg');
  assert.equal(d.message, '"/tmp/photo.jpg" is not a URL; write file:///absolute/path.');
});
