import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAdd } from '../../../../server/src/engine/schema/check';
import { covered } from '../helpers';
import { add, diagnose, record, schema } from '../../schema/records';

const CODE = 'schema/missing-must';

test('missing MUST: one finding per attribute; the server names the last missing one of the first class', () => {
  const check = add('objectClass: person', 'description: x');
  assert.deepEqual(
    check.findings.map((finding) => finding.answer.text),
    ['missing attribute "sn" required by object class "person"'],
  );
  const both = checkAdd(
    record(['dn: uid=u,dc=example', 'objectClass: inetOrgPerson', 'objectClass: posixAccount']),
    schema,
  );
  assert.deepEqual(both.answer, {
    code: 65,
    text: 'missing attribute "cn" required by object class "inetOrgPerson"',
  });
  assert.deepEqual(
    both.findings.map((finding) => finding.answer.text),
    [
      'missing attribute "sn" required by object class "inetOrgPerson"',
      'missing attribute "cn" required by object class "inetOrgPerson"',
      'missing attribute "uidNumber" required by object class "posixAccount"',
      'missing attribute "homeDirectory" required by object class "posixAccount"',
    ],
  );
  assert.match(both.findings[0].problem, /requires \(through person\)/);
});

test("class lists that name aliases (another server's schema) are read through the aliases", () => {
  assert.equal(add('objectClass: aliasLister', 'sn: x', 'uid: u').answer.code, 0);
  assert.deepEqual(add('objectClass: aliasLister', 'uid: u').answer, {
    code: 65,
    text: 'missing attribute "surname" required by object class "aliasLister"',
  });
});

test('a class with two superiors (not on 389-DS, which keeps the first) inherits from both', () => {
  assert.equal(add('objectClass: twoSuperiors', 'sn: x', 'uid: u').answer.code, 0);
  assert.deepEqual(add('objectClass: twoSuperiors', 'sn: x').answer, {
    code: 65,
    text: 'missing attribute "uid" required by object class "twoSuperiors"',
  });
});

test('a MUST given with options (sn;lang-en) counts; the RDN value counts', () => {
  assert.equal(add('objectClass: person', 'sn;lang-en: x').answer.code, 0);
});

test('reported on the class that requires it, with what 389-DS answers', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: add', 'objectClass: top', 'objectClass: person', 'description: x'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'person');
  assert.equal(
    d.message,
    'The entry has no sn, which object class person requires: add "sn: <value>". 389-DS answers 65 (Object class violation): "missing attribute "sn" required by object class "person"".',
  );
});
