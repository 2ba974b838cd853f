import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CODES } from '../../server/src/engine/rules';
import { parseDefinition } from '../../server/src/engine/schema/parse';
import { buildSchema } from '../../server/src/engine/schema/schema';
import { SYNTAX, serverTraits, syntaxRule } from '../../server/src/engine/schema/syntaxes';
import { getLanguageService } from '../../server/src/engine/service';
import { DEFINITIONS, fixtureSchema } from '../engine/schema/fixture';
import { hostileText } from './arbitraries';
import { assertInside, lineLengths } from './inside';
import { checkProperty } from './runner';

const service = getLanguageService();
const schema = fixtureSchema();

/** Text that looks like a definition often enough to reach deep into the scanner. */
const definitionText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '(',
        ')',
        '$',
        "'",
        "'x'",
        'NAME',
        'SUP',
        'MUST',
        'X-ORIGIN',
        'SINGLE-VALUE',
        '1.2.3',
        'cn',
        ' ',
        '  ',
        '\\',
        '\\27',
        '{8}',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(' ')),
);

describe('schema properties', () => {
  test('a definition of any text reads without throwing, and a schema of any definitions builds', () => {
    checkProperty(
      'schema: parse and build never throw',
      fc.property(
        fc.array(definitionText, { maxLength: 8 }),
        fc.array(definitionText, { maxLength: 8 }),
        (types, classes) => {
          for (const text of [...types, ...classes]) parseDefinition(text);
          const built = buildSchema({
            attributeTypes: types,
            objectClasses: classes,
            ldapSyntaxes: types,
            matchingRules: classes,
          });
          for (const objectClass of built.objectClasses) built.requiredNames(objectClass);
        },
      ),
      300,
    );
  });

  test('with a schema loaded the validator never throws, its diagnostics are registered and lie inside the text', () => {
    checkProperty(
      'schema: validate never throws, ranges inside',
      fc.property(hostileText, (text) => {
        const diagnostics = service.validate(service.parse(text), { maxDiagnostics: Number.POSITIVE_INFINITY }, schema);
        assertInside(
          diagnostics.map(({ fixes: _, ...diagnostic }) => diagnostic),
          text,
        );
        for (const diagnostic of diagnostics)
          assert.ok(diagnostic.code in CODES, `unregistered code ${diagnostic.code}`);
      }),
      200,
    );
  });

  test('hover and completion with a schema never throw at any position', () => {
    checkProperty(
      'schema: hover and completion never throw',
      fc.property(
        hostileText.chain((text) => {
          const lengths = lineLengths(text);
          return fc.tuple(
            fc.constant(text),
            fc
              .nat({ max: lengths.length - 1 })
              .chain((line) => fc.tuple(fc.constant(line), fc.nat({ max: lengths[line] }))),
          );
        }),
        ([text, [line, character]]) => {
          const document = service.parse(text);
          service.hover(document, { line, character }, schema);
          service.complete(document, { line, character }, schema);
        },
      ),
      200,
    );
  });

  test('every syntax check answers for any string (and undefined) without throwing', () => {
    const rules = Object.values(SYNTAX)
      .map((oid) => syntaxRule(oid))
      .filter((rule) => rule !== undefined);
    checkProperty(
      'schema: syntax checks never throw',
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant(undefined)), (value) => {
        for (const rule of rules) assert.equal(typeof rule.accepts(value, serverTraits(undefined)), 'boolean');
      }),
      500,
    );
    assert.ok(DEFINITIONS.attributeTypes.length > 0);
  });
});
