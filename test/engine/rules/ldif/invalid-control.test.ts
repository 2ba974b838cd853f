import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';

const withControl = (control: string) => ['dn: ou=old,dc=example,dc=com', control, 'changetype: delete'];

test('a control without a numeric OID is an error on its value, with the expected form', () => {
  const text = withControl('control: tree-delete true');
  const [d] = diagnose(text, 'ldif/invalid-control');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'tree-delete true');
  assert.match(d.message, /^Expected "control: <numeric OID> \[true\|false\] \[: value \| :: base64\]"/);
});

// ldapmodify 2.5 stops at these with "Error processing control line" (exit 247).
test('invalid base64, a word for criticality or a non-numeric OID are errors', () => {
  for (const control of [
    'control: 1.2.3.4:: not-base64',
    'control: 1.2.3.4 true:: not base64!',
    'control: 1.2.3.4 maybe',
    'control: not.an.oid',
  ])
    assert.equal(diagnose(withControl(control), 'ldif/invalid-control').length, 1, control);
});

test('the forms of RFC 2849 are not reported, criticality in either case', () => {
  for (const control of [
    'control: 1.2.840.113556.1.4.805 true',
    'control: 1.2.3.4 TRUE',
    'control: 1.2.3.4',
    'control: 1.2.3.4 false',
    'control: 1.2.3.4 false: value',
    'control: 1.3.6.1.1.13.1 false:: AAE=',
  ])
    assert.deepEqual(diagnose(withControl(control), 'ldif/invalid-control'), [], control);
});
