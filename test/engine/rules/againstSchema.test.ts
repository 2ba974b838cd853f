import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LargeDocument } from '../../../server/src/engine/largeDocument';
import { CODES, SCHEMA_RULES } from '../../../server/src/engine/rules';
import { buildSchema } from '../../../server/src/engine/schema/schema';
import { getLanguageService } from '../../../server/src/engine/service';
import { DEFINITIONS, fixtureSchema } from '../schema/fixture';

const service = getLanguageService();
const schema = fixtureSchema();
const TEXT = [
  'dn: cn=x,dc=example',
  'objectClass: person',
  'mail: a@b',
  '',
  'dn: cn=y,dc=example',
  'objectClass: person',
  'sn: y',
  'description: ok',
  '',
].join('\n');

describe('schema diagnostics', () => {
  test('only with a schema: the same text gives none without one', () => {
    const document = service.parse(TEXT);
    assert.deepEqual(
      service.validate(document).filter((diagnostic) => diagnostic.code.startsWith('schema/')),
      [],
    );
    const found = service.validate(document, {}, schema);
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line]),
      [
        ['schema/missing-must', 'error', 1],
        ['schema/not-allowed', 'error', 2],
      ],
    );
    assert.match(
      found[0].message,
      /The entry has no sn, which object class person requires: add "sn: <value>"\. 389-DS answers 65 \(Object class violation\): "missing attribute "sn" required by object class "person""\.$/,
    );
    assert.match(
      found[1].message,
      /389-DS refuses this add for another problem first \(schema\/missing-must, line 2 of this record\); on its own this one gets 65/,
    );
  });

  test('every check is registered in group schema, so settings can switch it off or change its severity', () => {
    for (const { meta } of SCHEMA_RULES) {
      assert.equal(meta.group, 'schema', meta.code);
      assert.equal(CODES[meta.code], meta);
    }
    const document = service.parse(TEXT);
    assert.deepEqual(service.validate(document, { disabledGroups: ['schema'] }, schema), []);
    const softened = service.validate(
      document,
      { severity: { 'schema/not-allowed': 'info', 'schema/missing-must': 'off' } },
      schema,
    );
    assert.deepEqual(
      softened.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['schema/not-allowed', 'info']],
    );
  });

  test('a line the winsync catalog reports gets no schema diagnostic: the catalog is the authority on meaning', () => {
    const strict = buildSchema({
      ...DEFINITIONS,
      attributeTypes: [
        ...DEFINITIONS.attributeTypes,
        "( 2.16.840.1.113730.3.1.2139 NAME 'winSyncMoveAction' SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
      ],
    });
    const text = [
      'dn: cn=ad,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      'changetype: modify',
      'replace: winSyncMoveAction',
      'winSyncMoveAction: sometimes',
      '-',
      '',
    ].join('\n');
    const codes = service
      .validate(service.parse(text), {}, strict)
      .map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.code}`);
    assert.ok(codes.includes('3:winsync/invalid-enum'), codes.join(', '));
    assert.ok(!codes.some((code) => code.startsWith('3:schema/')), codes.join(', '));
  });

  test('a record is checked again when the schema changes, not when another record does', () => {
    const first = service.parse(TEXT);
    const edited = service.parse(TEXT.replace('description: ok', 'description: changed'), first);
    assert.equal(edited.ldif.records[0], first.ldif.records[0]);
    const before = service.validate(first, {}, schema);
    assert.deepEqual(service.validate(edited, {}, schema), before);
    const other = buildSchema({
      ...DEFINITIONS,
      objectClasses: [...DEFINITIONS.objectClasses, "( 9.9 NAME 'person2' SUP top )"],
    });
    assert.deepEqual(
      service.validate(first, {}, other).map((diagnostic) => diagnostic.code),
      before.map((diagnostic) => diagnostic.code),
    );
    const allowing = buildSchema({
      ...DEFINITIONS,
      objectClasses: DEFINITIONS.objectClasses.map((text) =>
        text.replace(
          'MAY ( description $ seeAlso $ telephoneNumber )',
          'MAY ( description $ seeAlso $ telephoneNumber $ mail )',
        ),
      ),
    });
    assert.deepEqual(
      service.validate(first, {}, allowing).map((diagnostic) => diagnostic.code),
      ['schema/missing-must'],
    );
  });

  test('documents over 10 MiB, checked in pieces, get the same schema diagnostics', () => {
    const text = Array.from({ length: 40 }, (_, i) =>
      TEXT.replace(/cn=x/, `cn=x${i}`).replace(/cn=y/, `cn=y${i}`),
    ).join('\n');
    const large = new LargeDocument(service.catalog, 3);
    const whole = service.validate(service.parse(text), { maxDiagnostics: 1000 }, schema);
    assert.deepEqual(large.validate(text, { maxDiagnostics: 1000 }, schema), whole);
    assert.equal(whole.length, 80);
    assert.deepEqual(
      large.validate(text, { maxDiagnostics: 1000 }),
      service.validate(service.parse(text), { maxDiagnostics: 1000 }),
    );
  });
});
