/**
 * The server's order of checks (`schema/check.ts`): what it builds, which problem it answers
 * first, what it leaves to the live entry. Each check's own cases are in the tests of its rule,
 * test/engine/rules/schema/<name>.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAdd, checkEntry, checkModify, type RecordCheck } from '../../../server/src/engine/schema/check';
import { entryOfValues } from '../../../server/src/engine/schema/entry';
import { fixtureSchema } from './fixture';
import { add, codes, modify, record, schema } from './records';

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

  test('65 comes before 21, and the MUST before "not allowed"', () => {
    const check = add('objectClass: testThing', 'bogus: 1', 'testFlag: maybe');
    assert.deepEqual(codes(check), ['schema/missing-must', 'schema/unknown-attribute', 'schema/invalid-syntax']);
    assert.deepEqual(check.answer, {
      code: 65,
      text: 'missing attribute "testLevel" required by object class "testThing"',
    });
  });
});

describe('modifies without the live entry: what the mod-specs alone decide', () => {
  test('what needs the entry (MUST, not allowed, 16, 67) is not guessed', () => {
    assert.deepEqual(modify('delete: sn', '-', 'replace: mail', 'mail: a@b', '-').findings, []);
  });
});

describe('modifies played on the live entry (the dry run)', () => {
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

test('entries that share their classes get the verdict each would get alone (the class facts are worked out once)', () => {
  const classValue = fc.constantFrom(
    'top',
    'person',
    'Person',
    'person ',
    'inetOrgPerson',
    'organizationalPerson',
    'account',
    'posixAccount',
    'extensibleObject',
    'twoSuperiors',
    'noSuchClass',
    '2.5.6.6',
  );
  const otherLine = fc.constantFrom(
    'cn: x',
    'sn: y',
    'uid: u',
    'uidNumber: 1',
    'homeDirectory: /h',
    'mail: m',
    'description: d',
    'bogus: b',
  );
  const entry = fc.tuple(
    fc.array(classValue, { maxLength: 4 }),
    fc.array(otherLine, { maxLength: 5 }),
    fc.constantFrom('cn=x,dc=example', 'uid=u,dc=example'),
  );
  const verdict = (check: RecordCheck) => ({
    answer: check.answer,
    findings: check.findings.map(({ check: rule, answer, range, problem }) => ({
      code: rule.code,
      answer,
      range,
      problem,
    })),
    entry: check.entry?.attributes.map(({ type, values }) => [type, values.map((value) => value.text)]),
  });
  // One schema sees every entry in turn; each entry is also checked on a schema of its own, seen first.
  const shared = fixtureSchema();
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (entries) => {
      for (const [classes, others, dn] of entries) {
        const lines = [`dn: ${dn}`, 'changetype: add', ...classes.map((name) => `objectClass: ${name}`), ...others];
        const alone = checkAdd(record(lines), fixtureSchema());
        assert.deepEqual(verdict(checkAdd(record(lines), shared)), verdict(alone), lines.join('\n'));
      }
    }),
    { numRuns: 300 },
  );
});
