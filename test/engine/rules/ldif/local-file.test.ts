import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

const USER = 'dn: uid=jsmith,ou=People,dc=example,dc=com';

test('a ":< file:///" value names the local file whose content applying sends', () => {
  const text = [USER, 'changetype: modify', 'replace: description', 'description:< file:///etc/shadow', '-'];
  const [d] = diagnose(text, 'ldif/local-file');
  assert.equal(d.severity, 'info');
  assert.equal(covered(text, d), 'file:///etc/shadow');
  assert.equal(
    d.message,
    'The value of description is read from the local file /etc/shadow when the record is applied, and its content is sent to the server.',
  );
});

test('a relative file URL is named as relative to the LDIF file, which ldapmodify cannot read', () => {
  const text = [
    USER,
    'changetype: add',
    'objectClass: person',
    'cn: J',
    'sn: S',
    'jpegPhoto:< file://photos/j%20s.jpg',
  ];
  const [d] = diagnose(text, 'ldif/local-file');
  assert.equal(
    d.message,
    "The value of jpegPhoto is read from the local file photos/j s.jpg (relative to this file's folder; ldapmodify reads only absolute file:/// URLs) when the record is applied, and its content is sent to the server.",
  );
});

test('file://localhost/ names an absolute path; other schemes and plain values name no local file', () => {
  const text = [
    USER,
    'changetype: modify',
    'replace: description',
    'description:< file://localhost/tmp/x',
    'description:< https://example.com/x',
    'description: file:///etc/shadow',
    '-',
  ];
  const found = diagnose(text, 'ldif/local-file');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /local file \/tmp\/x when/);
});
