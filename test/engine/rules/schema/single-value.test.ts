import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { add, diagnose, modify } from '../../schema/records';

const CODE = 'schema/single-value';

test('SINGLE-VALUE: 65 (not 19); on a type also not allowed, its text wins', () => {
  assert.deepEqual(add('objectClass: testThing', 'testLevel: 1', 'testLevel: 2').answer, {
    code: 65,
    text: 'single-valued attribute "testLevel" has multiple values',
  });
  assert.deepEqual(add('objectClass: person', 'sn: x', 'uidNumber: 1', 'uidNumber: 2').answer, {
    code: 65,
    text: 'single-valued attribute "uidNumber" has multiple values',
  });
});

test('two values for a SINGLE-VALUE type in one mod-spec: 65', () => {
  assert.deepEqual(modify('replace: uidNumber', 'uidNumber: 1', 'uidNumber: 2', '-').answer, {
    code: 65,
    text: 'single-valued attribute "uidNumber" has multiple values',
  });
});

test('reported on the second value, with what 389-DS answers', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: modify', 'replace: uidNumber', 'uidNumber: 1', 'uidNumber: 2', '-'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '2');
  assert.equal(
    d.message,
    'uidNumber is SINGLE-VALUE in the server\'s schema, but this replace: gives it 2 values: keep one. 389-DS answers 65 (Object class violation): "single-valued attribute "uidNumber" has multiple values".',
  );
});
