import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { add, codes, diagnose } from '../../schema/records';

const CODE = 'schema/unknown-object-class';

test('unknown classes: each is found, the last is named, a trailing space is pointed out', () => {
  const check = add('objectClass: fooOne', 'objectClass: person', 'objectClass: fooTwo', 'sn: x');
  assert.deepEqual(codes(check), ['schema/unknown-object-class', 'schema/unknown-object-class']);
  assert.deepEqual(check.answer, { code: 65, text: 'unknown object class "fooTwo"' });
  const spaced = add('objectClass: person ', 'sn: x');
  assert.deepEqual(spaced.answer, { code: 65, text: 'unknown object class "person " (remove the trailing space)' });
  assert.match(spaced.findings[0].problem, /Remove the trailing space/);
  assert.match(add('objectClass: persn', 'sn: x').findings[0].problem, /Did you mean person\?/);
});

test('reported on each unknown value; the one the server does not name says what it answers on its own', () => {
  const text = [
    'dn: cn=x,dc=example',
    'changetype: add',
    'objectClass: fooOne',
    'objectClass: person',
    'objectClass: fooTwo',
    'sn: x',
  ];
  const [first, last, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.deepEqual([covered(text, first), covered(text, last)], ['fooOne', 'fooTwo']);
  assert.equal(first.severity, 'error');
  assert.match(
    first.message,
    /389-DS refuses this add for another problem first \(schema\/unknown-object-class, line 5 of this record\); on its own this one gets 65 \(Object class violation\): "unknown object class "fooOne""\.$/,
  );
  assert.match(last.message, /389-DS answers 65 \(Object class violation\): "unknown object class "fooTwo""\.$/);
});
