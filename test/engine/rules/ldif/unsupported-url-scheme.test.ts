import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a URL other than file:// is a warning: apply cannot read it', () => {
  const text = [
    'dn: uid=jsmith,ou=People,dc=example,dc=com',
    'changetype: modify',
    'replace: jpegPhoto',
    'jpegPhoto:< https://example.com/photo.jpg',
    '-',
  ];
  const [d] = diagnose(text, 'ldif/unsupported-url-scheme');
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), 'https://example.com/photo.jpg');
  assert.equal(d.message, 'Only file:// URLs are read when applying; "https://example.com/photo.jpg" would fail.');
  assert.deepEqual(diagnose(['dn: cn=x', 'cn: x', 'jpegPhoto:< FILE:///tmp/x.jpg'], 'ldif/unsupported-url-scheme'), []);
});
