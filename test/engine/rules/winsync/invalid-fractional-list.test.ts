import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { agreementAdd, applyFix } from '../winsyncFixtures';

const CODE = 'winsync/invalid-fractional-list';
const LIST = 'nsDS5ReplicatedAttributeList';

test('a start the parser does not read: ignored on add, refused with 1 on modify, fixed to the exact spelling', () => {
  const modify = agreementReplace(LIST, '(objectClass=*) $ EXCLUDE memberOf');
  const [d, ...rest] = diagnose(modify, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(modify, d), '(objectClass=*) $ EXCLUDE ');
  assert.match(d.message, /refuses the modify with 1/);
  assert.equal(applyFix(modify, d.fixes?.[0])[3], `${LIST}: (objectclass=*) $ EXCLUDE memberOf`);
  const add = agreementAdd({ extra: [`${LIST}: (objectclass=*) $EXCLUDE memberOf`] });
  const [onAdd] = diagnose(add, CODE);
  assert.match(onAdd.message, /stores it and silently ignores it: nothing is excluded/);
  const [bogus] = diagnose(agreementReplace(LIST, 'bogus'), CODE);
  assert.equal(bogus.fixes, undefined, 'nothing to respell');
});

test('excluding an attribute replication needs is refused with 53, on the name', () => {
  const text = agreementReplace(LIST, '(objectclass=*) $ EXCLUDE memberOf CN');
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'CN');
  assert.match(d.message, /excludes CN, which replication needs\. .*with 53/);
});

test('a list the server reads is not reported', () => {
  assert.deepEqual(
    diagnose(agreementReplace(LIST, '(objectclass=*) $ EXCLUDE memberof idnssoaserial entryusn'), CODE),
    [],
  );
});
