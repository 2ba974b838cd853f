import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

test('a "-" outside a modify record is an error saying it only closes mod-specs', () => {
  const text = [
    'dn: uid=jsmith,ou=People,dc=example,dc=com',
    'changetype: add',
    'objectClass: inetOrgPerson',
    'cn: John Smith',
    '-',
  ];
  const [d] = diagnose(text, 'ldif/stray-dash');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '-');
  assert.equal(d.message, 'A "-" line only closes a mod-spec of a changetype: modify record; remove it.');
});

test('a second "-" in a modify record closes nothing', () => {
  const text = ['dn: cn=x', 'changetype: modify', 'replace: cn', 'cn: y', '-', '-'];
  const [d] = diagnose(text, 'ldif/stray-dash');
  assert.equal(d.range.start.line, 5);
  assert.equal(d.message, 'This "-" closes no mod-spec; remove it.');
});
