import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModify } from '../../../../server/src/engine/schema/check';
import { entryOfValues } from '../../../../server/src/engine/schema/entry';
import { buildSchema } from '../../../../server/src/engine/schema/schema';
import { covered } from '../helpers';
import { DEFINITIONS } from '../../schema/fixture';
import { add, diagnose, modify, record, schema, service } from '../../schema/records';

const CODE = 'schema/invalid-syntax';

test("syntax: every bad value is listed, by the entry's name of the type and its index", () => {
  const check = add(
    'objectClass: person',
    'objectClass: extensibleObject',
    'sn: x',
    'uidnumber: abc',
    'testFlag: yes',
    'mail: é',
    'mail: ok',
    'mail: ü',
  );
  assert.deepEqual(check.answer, {
    code: 21,
    text: 'uidNumber: value #0 invalid per syntax\ntestFlag: value #0 invalid per syntax\nmail: value #0 invalid per syntax\nmail: value #2 invalid per syntax',
  });
  assert.equal(check.reported.length, 4);
});

test('values read from a URL are not judged; bytes that are not UTF-8 are', () => {
  assert.equal(
    add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'uidNumber:< file:///tmp/n').answer.code,
    0,
  );
  assert.equal(add('objectClass: person', 'sn: x', 'description:: /w==').answer.code, 21);
});

test('syntax of the new values, named as the request names the type', () => {
  assert.deepEqual(
    modify('replace: UIDNUMBER', 'UIDNUMBER: x', '-', 'replace: uidNumber;x-a', 'uidNumber;x-a: y', '-').answer,
    {
      code: 21,
      text: 'uidNumber: value #0 invalid per syntax\nuidnumber;x-a: value #0 invalid per syntax',
    },
  );
});

test('old bad values do not fail a modify; only the new values are checked for syntax', () => {
  const stored = entryOfValues(
    'cn=x,dc=example',
    { objectClass: ['top', 'person', 'extensibleObject'], cn: 'x', sn: 'y', uidNumber: 'abc' },
    schema,
  );
  const check = checkModify(
    record(['dn: cn=x,dc=example', 'changetype: modify', 'replace: description', 'description: new', '-']),
    schema,
    { current: stored },
  );
  assert.equal(check.answer.code, 0);
});

test('reported on each bad value, with the line of the answer that names it', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: modify', 'replace: uidNumber', 'uidNumber: 10O1', '-'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '10O1');
  assert.match(d.message, /^"10O1" is not a valid uidNumber: its syntax is INTEGER, which takes /);
  assert.match(d.message, /389-DS answers 21 \(Invalid syntax\): "uidNumber: value #0 invalid per syntax"\.$/);
});

test('a lower-case Boolean: an error on 2.3.1, a warning (the milder severity) when the version is unknown', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: modify', 'replace: testFlag', 'testFlag: true', '-'];
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  const unknownVersion = buildSchema(DEFINITIONS);
  const [e] = service
    .validate(service.parse(`${text.join('\n')}\n`), {}, unknownVersion)
    .filter((diagnostic) => diagnostic.code === CODE);
  assert.equal(e.severity, 'warning');
  assert.match(e.message, /389-DS up to 2\.3\.2 \(and older 1\.4\/2\.x releases\) reads Booleans case-sensitively/);
});
