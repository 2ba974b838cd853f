import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { diagnose, modify } from '../../schema/records';

const CODE = 'schema/unsupported-mod-spec';

test('increment: and an add: without values are refused while reading the request (2)', () => {
  assert.deepEqual(modify('increment: uidNumber', 'uidNumber: 1', '-').answer, {
    code: 2,
    text: 'unrecognized modify operation',
  });
  assert.deepEqual(modify('add: description', '-').answer, { code: 2, text: 'no values given' });
});

test('reported on the keyword of increment: and on the attribute of the empty add:, with what 389-DS answers', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: modify', 'increment: uidNumber', 'uidNumber: 1', '-'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'increment');
  assert.match(
    d.message,
    /does not implement increment: \(RFC 4525\).*389-DS answers 2 \(Protocol error\): "unrecognized modify operation"\.$/,
  );
  const empty = ['dn: cn=x,dc=example', 'changetype: modify', 'add: description', '-'];
  const [e] = diagnose(empty, CODE);
  assert.equal(covered(empty, e), 'description');
  assert.match(
    e.message,
    /^"add: description" gives no values.*389-DS answers 2 \(Protocol error\): "no values given"\.$/,
  );
});
