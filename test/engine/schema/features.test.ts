import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from '../../../server/src/engine/features/completion';
import { atCursor, service, textOf } from '../features/cursor';
import { fixtureSchema } from './fixture';

const schema = fixtureSchema();

function hoverAt(lines: readonly string[], withSchema = true) {
  const { text, document, position } = atCursor(lines);
  const hover = service.hover(document, position, withSchema ? schema : undefined);
  return hover && { ...hover, covered: textOf(text, hover.range) };
}

function completeAt(lines: readonly string[], withSchema = true): CompletionItem[] {
  const { document, position } = atCursor(lines);
  return service.complete(document, position, withSchema ? schema : undefined);
}

const sorted = (items: readonly CompletionItem[]) =>
  [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => item.label);

describe('hover from the server schema', () => {
  test('any attribute: OID, aliases, description, syntax and how it is checked, single-valued, MUST in / MAY in, origin', () => {
    const hover = hoverAt(['dn: cn=x,dc=example', 'objectClass: posixAccount', 'uid¦Number: 5']);
    assert.ok(hover);
    assert.equal(hover.covered, 'uidNumber');
    const lines = hover.contents.split('\n');
    assert.equal(lines[0], '**uidNumber** — attribute type `1.3.6.1.1.1.1.0`');
    assert.equal(lines[2], 'An integer uniquely identifying a user');
    assert.ok(
      lines.includes(
        '- Syntax: INTEGER (`1.3.6.1.4.1.1466.115.121.1.27`); 389-DS accepts an integer without leading zeros or a plus sign, e.g. 42 or -7.',
      ),
      hover.contents,
    );
    assert.ok(lines.includes('- Single-valued (SINGLE-VALUE): a second value is refused with 65.'));
    assert.ok(lines.includes('- MUST in: posixAccount.'));
    assert.ok(lines.includes('- Origin: RFC 2307.'));
  });

  test('cn: deprecated alias struck through, inherited syntax and equality rule, the SUP chain', () => {
    const contents = hoverAt(['dn: cn=x,dc=example', 'c¦n: x'])?.contents ?? '';
    assert.match(contents, /^\*\*cn\*\* — attribute type `2\.5\.4\.3`, also ~~commonName~~ \(deprecated\)/);
    assert.match(contents, /Syntax: Directory String \(`1\.3\.6\.1\.4\.1\.1466\.115\.121\.1\.15`\), inherited/);
    assert.match(contents, /Matching: equality caseIgnoreMatch/);
    assert.match(contents, /Inherits from: name\./);
    assert.match(
      contents,
      /MUST in: person, organizationalPerson, inetOrgPerson, posixAccount, aliasLister, twoSuperiors, testThing\./,
    );
  });

  test('an objectClass value: kind, superiors, MUST and MAY (inherited in italics), origin', () => {
    const contents = hoverAt(['dn: cn=x,dc=example', 'objectClass: inetOrg¦Person'])?.contents ?? '';
    assert.match(contents, /^\*\*inetOrgPerson\*\* — STRUCTURAL object class `2\.16\.840\.1\.113730\.3\.2\.2`/);
    assert.match(contents, /Superior classes: organizationalPerson → person → top/);
    assert.match(contents, /MUST: \*sn\*, \*cn\*, \*objectClass\*\./);
    assert.match(contents, /MAY \(6\): mail, uid, \*c\*/);
    assert.match(contents, /Origin: RFC 2798\./);
  });

  test('names the schema does not know, and values the syntax refuses', () => {
    assert.match(
      hoverAt(['dn: cn=x,dc=example', 'descript¦on: x'])?.contents ?? '',
      /not in the server's schema.*Did you mean `description`\?/,
    );
    assert.match(
      hoverAt(['dn: cn=x,dc=example', 'objectClass: pers¦n'])?.contents ?? '',
      /no object class of that name.*Did you mean `person`\?/,
    );
    assert.match(
      hoverAt(['dn: cn=x,dc=example', 'uidNumber: ab¦c'])?.contents ?? '',
      /\*\*not valid\*\*, it takes an integer/,
    );
    assert.match(hoverAt(['dn: cn=x,dc=example', 'uidNumber: 4¦2'])?.contents ?? '', /: valid\.$/);
  });

  test('a winsync attribute keeps the catalog text first; the schema adds its own line', () => {
    const contents =
      hoverAt([
        'dn: cn=ad,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
        'changetype: modify',
        'replace: winSyncMoveAction',
        'winSyncMove¦Action: none',
        '-',
      ])?.contents ?? '';
    assert.match(contents, /^\*\*winSyncMoveAction\*\*/);
    assert.match(contents, /\*\*In the server's schema:\*\* not defined/);
  });

  test("without a schema, hover is the catalog's alone", () => {
    assert.equal(hoverAt(['dn: cn=x,dc=example', 'uid¦Number: 5'], false), undefined);
  });
});

describe('completion from the server schema', () => {
  test('a new line of an add: MUST attributes not yet there first, then MAY, then operational types; server-managed types left out', () => {
    const labels = sorted(completeAt(['dn: cn=x,dc=example', 'objectClass: person', '¦']));
    assert.deepEqual(labels.slice(0, 2), ['cn', 'sn']);
    assert.deepEqual(labels.slice(2, 5), ['description', 'seeAlso', 'telephoneNumber']);
    assert.ok(labels.includes('aci'));
    assert.ok(!labels.includes('modifyTimestamp'));
    assert.ok(!labels.includes('mail'));
    const item = completeAt(['dn: cn=x,dc=example', 'objectClass: person', '¦']).find(
      (candidate) => candidate.label === 'sn',
    );
    assert.equal(item?.insertText, 'sn: ');
    assert.equal(item?.detail, 'Directory String · multi-valued · required by person');
  });

  test('extensibleObject, or no known class yet: every type is offered', () => {
    assert.ok(
      completeAt(['dn: cn=x,dc=example', 'objectClass: person', 'objectClass: extensibleObject', '¦']).some(
        (item) => item.label === 'mail',
      ),
    );
    assert.ok(completeAt(['dn: cn=x,dc=example', '¦']).some((item) => item.label === 'mail'));
  });

  test('objectClass values: structural first until the entry has one, then auxiliary first', () => {
    const fresh = sorted(completeAt(['dn: cn=x,dc=example', 'objectClass: ¦']));
    assert.deepEqual(fresh.slice(0, 3), ['account', 'aliasLister', 'inetOrgPerson']);
    const withPerson = sorted(completeAt(['dn: cn=x,dc=example', 'objectClass: person', 'objectClass: ¦']));
    assert.deepEqual(withPerson.slice(0, 2), ['extensibleObject', 'posixAccount']);
    assert.ok(!withPerson.includes('person'));
    assert.equal(withPerson.at(-1), 'top');
  });

  test('values: TRUE/FALSE for a Boolean, now for a GeneralizedTime; attribute names after add:', () => {
    assert.deepEqual(
      completeAt(['dn: cn=x,dc=example', 'testFlag: ¦']).map((item) => item.label),
      ['TRUE', 'FALSE'],
    );
    assert.match(completeAt(['dn: cn=x,dc=example', 'testWhen: ¦'])[0].label, /^\d{14}Z$/);
    const names = completeAt(['dn: cn=x,dc=example', 'changetype: modify', 'replace: ¦']).map((item) => item.label);
    assert.ok(names.includes('uidNumber') && !names.includes('modifyTimestamp'));
  });

  test("without a schema, completion is the catalog's alone", () => {
    assert.deepEqual(
      completeAt(['dn: cn=x,dc=example', 'objectClass: person', '¦'], false).filter(
        (item) => item.kind === 'attribute',
      ),
      [],
    );
  });
});
