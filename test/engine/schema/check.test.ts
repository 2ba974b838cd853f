import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAdd, checkEntry, checkModify } from '../../../server/src/engine/schema/check';
import { entryOfValues } from '../../../server/src/engine/schema/entry';
import { getLanguageService } from '../../../server/src/engine/service';
import { fixtureSchema } from './fixture';

const service = getLanguageService();
const schema = fixtureSchema();

function record(lines: readonly string[]) {
  const [first] = service.parse(`${lines.join('\n')}\n`).ldif.records;
  return first;
}

const add = (...lines: string[]) => checkAdd(record(['dn: cn=x,dc=example', ...lines]), schema);
const codes = (check: ReturnType<typeof add>) => check.findings.map((finding) => finding.check.code);

describe('adds, in the order 389-DS checks them', () => {
  test('a clean add is accepted, with the RDN value and the superclasses the server adds', () => {
    const check = add('objectClass: inetOrgPerson', 'sn: x');
    assert.deepEqual(check.answer, { code: 0, text: '' });
    assert.deepEqual(check.findings, []);
    const classes = check.entry?.attributes
      .find((attribute) => attribute.type === 'objectClass')
      ?.values.map((value) => value.text);
    assert.deepEqual(classes, ['inetOrgPerson', 'organizationalPerson', 'person', 'top']);
    assert.deepEqual(
      check.entry?.attributes.find((attribute) => attribute.type === 'cn')?.values.map((value) => value.text),
      ['x'],
    );
  });

  test('no objectClass: 65 missing required attribute "objectclass"', () => {
    assert.deepEqual(add('sn: x').answer, { code: 65, text: 'missing required attribute "objectclass"' });
  });

  test('unknown classes: each is found, the last is named, a trailing space is pointed out', () => {
    const check = add('objectClass: fooOne', 'objectClass: person', 'objectClass: fooTwo', 'sn: x');
    assert.deepEqual(codes(check), ['schema/unknown-object-class', 'schema/unknown-object-class']);
    assert.deepEqual(check.answer, { code: 65, text: 'unknown object class "fooTwo"' });
    const spaced = add('objectClass: person ', 'sn: x');
    assert.deepEqual(spaced.answer, { code: 65, text: 'unknown object class "person " (remove the trailing space)' });
    assert.match(spaced.findings[0].problem, /Remove the trailing space/);
    assert.match(add('objectClass: persn', 'sn: x').findings[0].problem, /Did you mean person\?/);
  });

  test('missing MUST: one finding per attribute; the server names the last missing one of the first class', () => {
    const check = add('objectClass: person', 'description: x');
    assert.deepEqual(
      check.findings.map((finding) => finding.answer.text),
      ['missing attribute "sn" required by object class "person"'],
    );
    const both = checkAdd(
      record(['dn: uid=u,dc=example', 'objectClass: inetOrgPerson', 'objectClass: posixAccount']),
      schema,
    );
    assert.deepEqual(both.answer, {
      code: 65,
      text: 'missing attribute "cn" required by object class "inetOrgPerson"',
    });
    assert.deepEqual(
      both.findings.map((finding) => finding.answer.text),
      [
        'missing attribute "sn" required by object class "inetOrgPerson"',
        'missing attribute "cn" required by object class "inetOrgPerson"',
        'missing attribute "uidNumber" required by object class "posixAccount"',
        'missing attribute "homeDirectory" required by object class "posixAccount"',
      ],
    );
    assert.match(both.findings[0].problem, /requires \(through person\)/);
  });

  test("class lists that name aliases (another server's schema) are read through the aliases", () => {
    assert.equal(add('objectClass: aliasLister', 'sn: x', 'uid: u').answer.code, 0);
    assert.deepEqual(add('objectClass: aliasLister', 'uid: u').answer, {
      code: 65,
      text: 'missing attribute "surname" required by object class "aliasLister"',
    });
  });

  test('a class with two superiors (not on 389-DS, which keeps the first) inherits from both', () => {
    assert.equal(add('objectClass: twoSuperiors', 'sn: x', 'uid: u').answer.code, 0);
    assert.deepEqual(add('objectClass: twoSuperiors', 'sn: x').answer, {
      code: 65,
      text: 'missing attribute "uid" required by object class "twoSuperiors"',
    });
  });

  test('a MUST given with options (sn;lang-en) counts; the RDN value counts', () => {
    assert.equal(add('objectClass: person', 'sn;lang-en: x').answer.code, 0);
  });

  test('not allowed: a known type by its name, an unknown one lower-cased with a suggestion', () => {
    assert.deepEqual(add('objectClass: person', 'sn: x', 'mail: a@b').answer, {
      code: 65,
      text: 'attribute "mail" not allowed',
    });
    const unknown = add('objectClass: person', 'sn: x', 'descripton: y');
    assert.deepEqual(unknown.answer, { code: 65, text: 'attribute "descripton" not allowed' });
    assert.match(unknown.findings[0].problem, /Did you mean description\?/);
    assert.equal(unknown.findings[0].check.code, 'schema/unknown-attribute');
  });

  test('extensibleObject takes any type; operational types and objectClass need no class', () => {
    assert.equal(
      add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'bogus: y', 'mail: a@b').answer.code,
      0,
    );
    assert.equal(add('objectClass: person', 'sn: x', 'aci: (x)').answer.code, 0);
  });

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

  test('65 comes before 21, and the MUST before "not allowed"', () => {
    const check = add('objectClass: testThing', 'bogus: 1', 'testFlag: maybe');
    assert.deepEqual(codes(check), ['schema/missing-must', 'schema/unknown-attribute', 'schema/invalid-syntax']);
    assert.deepEqual(check.answer, {
      code: 65,
      text: 'missing attribute "testLevel" required by object class "testThing"',
    });
  });

  test('a value given twice (under the equality rule) is 20, before everything else', () => {
    const check = add(
      'objectClass: person',
      'sn: x',
      'description: Same  Words',
      'description: same words',
      'uidNumber: abc',
    );
    assert.deepEqual(check.answer, { code: 20, text: '' });
    assert.equal(check.findings[0].check.code, 'schema/duplicate-value');
    assert.equal(
      add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'uidNumber: 1', 'uidNumber: 01').answer.code,
      20,
    );
    assert.equal(
      add('objectClass: person', 'sn: x', 'telephoneNumber: 555-0100', 'telephoneNumber: 555 0100').answer.code,
      20,
    );
    assert.equal(add('objectClass: person', 'sn: x', 'seeAlso: CN=A,DC=B', 'seeAlso: cn=a, dc=b').answer.code, 20);
    assert.equal(
      add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'homeDirectory: /a', 'homeDirectory: /A')
        .answer.code,
      65,
    );
  });

  test('NO-USER-MODIFICATION values are dropped: a warning, and the add goes through', () => {
    const check = add('objectClass: person', 'sn: x', 'modifyTimestamp: 20240101000000Z');
    assert.deepEqual(check.answer, { code: 0, text: '' });
    assert.equal(check.findings[0].check.code, 'schema/no-user-modification');
    assert.equal(check.findings[0].check.severity, 'warning');
  });

  test('values read from a URL are not judged; bytes that are not UTF-8 are', () => {
    assert.equal(
      add('objectClass: person', 'objectClass: extensibleObject', 'sn: x', 'uidNumber:< file:///tmp/n').answer.code,
      0,
    );
    assert.equal(add('objectClass: person', 'sn: x', 'description:: /w==').answer.code, 21);
  });
});

describe('modifies without the live entry: what the mod-specs alone decide', () => {
  const modify = (...lines: string[]) =>
    checkModify(record(['dn: cn=x,dc=example', 'changetype: modify', ...lines]), schema);

  test('increment: and an add: without values are refused while reading the request (2)', () => {
    assert.deepEqual(modify('increment: uidNumber', 'uidNumber: 1', '-').answer, {
      code: 2,
      text: 'unrecognized modify operation',
    });
    assert.deepEqual(modify('add: description', '-').answer, { code: 2, text: 'no values given' });
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

  test('two values for a SINGLE-VALUE type in one mod-spec: 65; a repeated value: 20', () => {
    assert.deepEqual(modify('replace: uidNumber', 'uidNumber: 1', 'uidNumber: 2', '-').answer, {
      code: 65,
      text: 'single-valued attribute "uidNumber" has multiple values',
    });
    assert.deepEqual(modify('add: description', 'description: a', 'description: A', '-').answer, {
      code: 20,
      text: '',
    });
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

  test('what needs the entry (MUST, not allowed, 16, 67) is not guessed', () => {
    assert.deepEqual(modify('delete: sn', '-', 'replace: mail', 'mail: a@b', '-').findings, []);
  });
});

describe('modifies played on the live entry (the dry run)', () => {
  const current = entryOfValues(
    'cn=x,dc=example',
    { objectClass: ['top', 'person'], cn: 'x', sn: 'y', description: ['old'] },
    schema,
  );
  const modify = (...lines: string[]) =>
    checkModify(record(['dn: cn=x,dc=example', 'changetype: modify', ...lines]), schema, { current });

  test('deleting a MUST (65), the only RDN value (65 naming cn), an RDN value beside another (67)', () => {
    assert.deepEqual(modify('delete: sn', '-').answer, {
      code: 65,
      text: 'missing attribute "sn" required by object class "person"',
    });
    assert.deepEqual(modify('delete: cn', '-').answer, {
      code: 65,
      text: 'missing attribute "cn" required by object class "person"',
    });
    assert.deepEqual(modify('add: cn', 'cn: other', '-', 'delete: cn', 'cn: x', '-').answer, { code: 67, text: '' });
  });

  test('deleting what is not there (16), adding what is (20)', () => {
    assert.deepEqual(modify('delete: description', 'description: nothere', '-').answer, { code: 16, text: '' });
    assert.deepEqual(modify('delete: telephoneNumber', '-').answer, { code: 16, text: '' });
    assert.deepEqual(modify('add: description', 'description: OLD', '-').answer, { code: 20, text: '' });
  });

  test('the class replaced under an attribute it allowed: 65 not allowed; a class added with its MUST: accepted, superclasses expanded', () => {
    assert.deepEqual(modify('replace: objectClass', 'objectClass: account', '-', 'add: uid', 'uid: u', '-').answer, {
      code: 65,
      text: 'attribute "cn" not allowed',
    });
    const accepted = modify('add: objectClass', 'objectClass: inetOrgPerson', '-');
    assert.equal(accepted.answer.code, 0);
    assert.deepEqual(
      accepted.entry?.attributes
        .find((attribute) => attribute.type === 'objectClass')
        ?.values.map((value) => value.text),
      ['top', 'person', 'inetOrgPerson', 'organizationalPerson'],
    );
  });

  test("a violation the entry already had is reported first and marked as the entry's own", () => {
    const broken = entryOfValues(
      'cn=x,dc=example',
      { objectClass: ['top', 'person'], cn: 'x', sn: 'y', bogusattr: '1' },
      schema,
    );
    const check = checkModify(
      record(['dn: cn=x,dc=example', 'changetype: modify', 'replace: description', 'description: new', '-']),
      schema,
      { current: broken },
    );
    assert.deepEqual(check.answer, { code: 65, text: 'attribute "bogusattr" not allowed' });
    assert.equal(check.reported[0].preexisting, true);
    assert.match(check.reported[0].problem, /^Already so before this record/);
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

  test('computed attributes (the caller says which) are left out of the live entry', () => {
    const entry = entryOfValues(
      'cn=x,dc=example',
      { objectClass: 'person', cn: 'x', sn: 'y', statusThing: 'now' },
      schema,
      (name) => name === 'statusThing',
    );
    assert.equal(checkEntry(entry, schema).reported, undefined);
  });
});
