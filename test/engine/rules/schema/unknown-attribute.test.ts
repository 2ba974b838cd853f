import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModify } from '../../../../server/src/engine/schema/check';
import { covered } from '../helpers';
import { add, diagnose, modify, record, schema } from '../../schema/records';

const CODE = 'schema/unknown-attribute';

test('an unknown type in an add is "not allowed", lower-cased, with a suggestion', () => {
  const unknown = add('objectClass: person', 'sn: x', 'descripton: y');
  assert.deepEqual(unknown.answer, { code: 65, text: 'attribute "descripton" not allowed' });
  assert.match(unknown.findings[0].problem, /Did you mean description\?/);
  assert.equal(unknown.findings[0].check.code, 'schema/unknown-attribute');
});

test('an unknown type written: 65 unless the entry takes any attribute; deleting one: a warning (16)', () => {
  assert.equal(modify('replace: bogus', 'bogus: 1', '-').answer.code, 65);
  assert.equal(
    checkModify(record(['dn: cn=x,dc=example', 'changetype: modify', 'replace: bogus', 'bogus: 1', '-']), schema, {
      acceptsAnyAttribute: true,
    }).answer.code,
    0,
  );
  assert.equal(
    modify('add: objectClass', 'objectClass: extensibleObject', '-', 'add: bogus', 'bogus: 1', '-').answer.code,
    0,
  );
  const deleting = modify('delete: bogus', '-');
  assert.equal(deleting.answer.code, 0);
  assert.equal(deleting.findings[0].severity, 'warning');
});

test('reported on the name, an error where it is written, a warning (the milder severity) where it is deleted', () => {
  const text = ['dn: cn=x,dc=example', 'changetype: add', 'objectClass: person', 'sn: x', 'descripton: y'];
  const [d, ...rest] = diagnose(text, CODE);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'descripton');
  assert.equal(
    d.message,
    'Unknown attribute "descripton": the server\'s schema has no attribute type of that name or OID. Did you mean description? No object class can allow it; only an extensibleObject entry takes unknown types. 389-DS answers 65 (Object class violation): "attribute "descripton" not allowed".',
  );
  const deleting = ['dn: cn=x,dc=example', 'changetype: modify', 'delete: bogus', '-'];
  const [e] = diagnose(deleting, CODE);
  assert.equal(e.severity, 'warning');
  assert.equal(covered(deleting, e), 'bogus');
  assert.match(
    e.message,
    /No entry can hold it unless it is an extensibleObject\. 389-DS answers 16 \(No such attribute\), with no message\.$/,
  );
});

test('below cn=config, where entries are mostly extensibleObject, unknown types in a modify are not reported', () => {
  const text = [
    'dn: cn=some plugin,cn=plugins,cn=config',
    'changetype: modify',
    'replace: nsslapd-bogus',
    'nsslapd-bogus: on',
    '-',
  ];
  assert.deepEqual(diagnose(text, CODE), []);
});
