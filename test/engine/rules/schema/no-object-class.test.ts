import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { add, diagnose } from '../../schema/records';

const CODE = 'schema/no-object-class';

test('no objectClass: 65 missing required attribute "objectclass"', () => {
  assert.deepEqual(add('sn: x').answer, { code: 65, text: 'missing required attribute "objectclass"' });
});

test('reported on the dn: of the add, and first: the server looks at nothing else', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: add', 'sn: x', 'bogus: y'];
  const found = diagnose(text, CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.equal(covered(text, found[0]), 'dn');
  assert.match(
    found[0].message,
    /389-DS answers 65 \(Object class violation\): "missing required attribute "objectclass""\.$/,
  );
  assert.deepEqual(add('sn: x', 'bogus: y').findings.length, 1);
});
