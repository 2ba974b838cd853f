import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { add, diagnose, modify, played } from '../../schema/records';

const CODE = 'schema/duplicate-value';

test('a value given twice (under the equality rule) is 20, before everything else', () => {
  const check = add(
    'objectClass: person',
    'sn: x',
    'description: Same  Words',
    'description: same words',
    'uidNumber: abc',
  );
  assert.deepEqual(check.answer, { code: 20, text: '' });
  assert.equal(check.findings[0].check.code, 'schema/duplicate-value');
  assert.equal(
    add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'uidNumber: 1', 'uidNumber: 01').answer.code,
    20,
  );
  assert.equal(
    add('objectClass: person', 'sn: x', 'telephoneNumber: 555-0100', 'telephoneNumber: 555 0100').answer.code,
    20,
  );
  assert.equal(add('objectClass: person', 'sn: x', 'seeAlso: CN=A,DC=B', 'seeAlso: cn=a, dc=b').answer.code, 20);
  assert.equal(
    add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'homeDirectory: /a', 'homeDirectory: /A')
      .answer.code,
    65,
  );
});

test('a value repeated in one mod-spec: 20', () => {
  assert.deepEqual(modify('add: description', 'description: a', 'description: A', '-').answer, {
    code: 20,
    text: '',
  });
});

test('adding a value the live entry has (in another case): 20', () => {
  assert.deepEqual(played('add: description', 'description: OLD', '-').answer, { code: 20, text: '' });
});

test('reported on the repeated value, naming the equality rule and what 389-DS answers', () => {
  const text = [
    'dn: cn=x,dc=example',
    'changetype: modify',
    'replace: description',
    'description: Sales',
    'description: sales',
    '-',
  ];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'sales');
  assert.equal(
    d.message,
    '"sales" is already a value of description in this replace: (values are compared with caseIgnoreMatch): remove the repeat. 389-DS answers 20 (Type or value exists), with no message.',
  );
});
