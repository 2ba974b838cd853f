import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { add, diagnose, played } from '../../schema/records';

const CODE = 'schema/not-allowed';

test('not allowed: a known type by its name', () => {
  assert.deepEqual(add('objectClass: person', 'sn: x', 'mail: a@b').answer, {
    code: 65,
    text: 'attribute "mail" not allowed',
  });
});

test('extensibleObject takes any type; operational types and objectClass need no class', () => {
  assert.equal(
    add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'bogus: y', 'mail: a@b').answer.code,
    0,
  );
  assert.equal(add('objectClass: person', 'sn: x', 'aci: (x)').answer.code, 0);
});

test('the class replaced under an attribute it allowed: 65 not allowed; a class added with its MUST: accepted, superclasses expanded', () => {
  assert.deepEqual(played('replace: objectClass', 'objectClass: account', '-', 'add: uid', 'uid: u', '-').answer, {
    code: 65,
    text: 'attribute "cn" not allowed',
  });
  const accepted = played('add: objectClass', 'objectClass: inetOrgPerson', '-');
  assert.equal(accepted.answer.code, 0);
  assert.deepEqual(
    accepted.entry?.attributes.find((attribute) => attribute.type === 'objectClass')?.values.map((value) => value.text),
    ['top', 'person', 'inetOrgPerson', 'organizationalPerson'],
  );
});

test('reported on the name, offering the classes that allow it, with what 389-DS answers', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: add', 'objectClass: person', 'sn: x', 'mail: a@b'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'mail');
  assert.equal(
    d.message,
    'mail is not allowed on this entry: none of its object classes (person, top) lists it in MUST or MAY. Add an object class that allows it (inetOrgPerson) or remove it. 389-DS answers 65 (Object class violation): "attribute "mail" not allowed".',
  );
});
