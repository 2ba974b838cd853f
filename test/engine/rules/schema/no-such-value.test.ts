import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { current, diagnose, modify, played } from '../../schema/records';

const CODE = 'schema/no-such-value';

test('deleting what is not there (16)', () => {
  assert.deepEqual(played('delete: description', 'description: nothere', '-').answer, { code: 16, text: '' });
  assert.deepEqual(played('delete: telephoneNumber', '-').answer, { code: 16, text: '' });
});

test('played on the live entry, reported on the value or on the attribute deleted; without the entry, not guessed', () => {
  const value = ['dn: cn=x,dc=example', 'changetype: modify', 'delete: description', 'description: nothere', '-'];
  const [d, ...rest] = diagnose(value, CODE, current);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(value, d), 'nothere');
  assert.equal(
    d.message,
    'The entry has no description value "nothere" to delete. 389-DS answers 16 (No such attribute), with no message.',
  );
  const attribute = ['dn: cn=x,dc=example', 'changetype: modify', 'delete: telephoneNumber', '-'];
  const [e] = diagnose(attribute, CODE, current);
  assert.equal(covered(attribute, e), 'telephoneNumber');
  assert.match(e.message, /^The entry has no telephoneNumber to delete\./);
  assert.deepEqual(diagnose(value, CODE), []);
  assert.deepEqual(modify('delete: description', 'description: nothere', '-').findings, []);
});
