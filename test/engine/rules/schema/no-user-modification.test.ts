import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered } from '../helpers';
import { add, diagnose, modify } from '../../schema/records';

const CODE = 'schema/no-user-modification';

test('NO-USER-MODIFICATION values are dropped: a warning, and the add goes through', () => {
  const check = add('objectClass: person', 'sn: x', 'modifyTimestamp: 20240101000000Z');
  assert.deepEqual(check.answer, { code: 0, text: '' });
  assert.equal(check.findings[0].check.code, 'schema/no-user-modification');
  assert.equal(check.findings[0].check.severity, 'warning');
});

test('only NO-USER-MODIFICATION mods: 53 (error); mixed: dropped (warning), accepted', () => {
  const alone = modify('replace: modifyTimestamp', 'modifyTimestamp: 20240101000000Z', '-');
  assert.deepEqual(alone.answer, { code: 53, text: '' });
  assert.equal(alone.findings[0].severity, 'error');
  const mixed = modify(
    'replace: modifyTimestamp',
    'modifyTimestamp: 20240101000000Z',
    '-',
    'replace: description',
    'description: x',
    '-',
  );
  assert.deepEqual(mixed.answer, { code: 0, text: '' });
  assert.equal(mixed.findings[0].severity, undefined);
});

test('reported as a warning where it is dropped, as an error (the stricter severity) where the modify is refused', () => {
  const dropped = [
    'dn: cn=x,dc=example',
    'changetype: add',
    'objectClass: person',
    'sn: x',
    'modifyTimestamp: 20240101000000Z',
  ];
  const [d] = diagnose(dropped, CODE);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(dropped, d), 'modifyTimestamp');
  assert.match(
    d.message,
    /silently drops what a client sends for it\. Remove it; the rest of the operation goes through without it\.$/,
  );
  const alone = [
    'dn: cn=x,dc=example',
    'changetype: modify',
    'replace: modifyTimestamp',
    'modifyTimestamp: 20240101000000Z',
    '-',
  ];
  const [e] = diagnose(alone, CODE);
  assert.equal(e.severity, 'error');
  assert.equal(covered(alone, e), 'modifyTimestamp');
  assert.match(e.message, /so the server refuses it\. 389-DS answers 53 \(Unwilling to perform\), with no message\.$/);
});
