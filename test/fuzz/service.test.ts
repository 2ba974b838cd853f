import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, Severity } from '../../server/src/engine/ldif/ast';
import { CODES } from '../../server/src/engine/rules';
import type { RuleGroup } from '../../server/src/engine/rules/types';
import { getLanguageService, type ValidationSettings } from '../../server/src/engine/service';
import { hostileText } from './arbitraries';
import { assertInside, lineLengths } from './inside';
import { checkProperty } from './runner';

const service = getLanguageService();
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const GROUPS: readonly RuleGroup[] = ['syntax', 'dn', 'filter', 'values', 'structure', 'consistency'];

const settings: fc.Arbitrary<ValidationSettings> = fc.record({
  severity: fc
    .array(fc.tuple(fc.constantFrom(...Object.keys(CODES)), fc.constantFrom<Severity | 'off'>(...SEVERITIES, 'off')), {
      maxLength: 4,
    })
    .map((pairs) => Object.fromEntries(pairs)),
  disabledGroups: fc.subarray([...GROUPS], { maxLength: 2 }),
  maxDiagnostics: fc.integer({ min: 1, max: 12 }),
});

/** A position on a line of the text, sometimes past its end (clients do send those). */
const positionIn = (text: string) => {
  const lengths = lineLengths(text);
  return fc
    .tuple(fc.nat({ max: lengths.length - 1 }), fc.nat({ max: 1000 }), fc.boolean())
    .map(([line, at, past]) => ({ line, character: past ? lengths[line] + (at % 3) : at % (lengths[line] + 1) }));
};

describe('validator and feature properties', () => {
  test('the validator never throws, and every diagnostic and fix lies inside the text', () => {
    checkProperty(
      'validate: never throws, ranges inside',
      fc.property(hostileText, settings, (text, shape) => {
        const diagnostics = service.validate(service.parse(text), shape);
        assertInside(
          diagnostics.map(({ fixes: _, ...diagnostic }) => diagnostic),
          text,
        );
        // Known: a fix that removes the last line of a text without a final line break ends one line past it.
        assertInside(
          diagnostics.map((diagnostic) => diagnostic.fixes),
          text,
        );
        for (const diagnostic of diagnostics)
          assert.ok(diagnostic.code in CODES, `unregistered code ${diagnostic.code}`);
      }),
      200,
    );
  });

  test('the cap keeps the most severe diagnostics (errors first), in position order, plus one that counts the rest', () => {
    checkProperty(
      'validate: cap keeps errors first',
      fc.property(hostileText, settings, (text, shape) => {
        const document = service.parse(text);
        const all = service.validate(document, { ...shape, maxDiagnostics: Number.POSITIVE_INFINITY });
        const capped = service.validate(document, shape);
        const max = shape.maxDiagnostics!;
        if (all.length <= max) {
          assert.deepEqual(capped, all);
          return;
        }
        assert.equal(capped.length, max + 1);
        const summary = capped[max];
        assert.equal(summary.code, 'winsync/too-many-diagnostics');
        assert.match(summary.message, new RegExp(`\\b${max} of ${all.length} problems`));
        const kept = capped.slice(0, max);
        const keys = new Set(all.map((d) => JSON.stringify(d)));
        for (const diagnostic of kept)
          assert.ok(keys.has(JSON.stringify(diagnostic)), 'kept diagnostics come from the full list');
        const position = (d: Diagnostic) => d.range.start.line * 1e9 + d.range.start.character;
        for (let i = 1; i < kept.length; i++)
          assert.ok(position(kept[i - 1]) <= position(kept[i]), 'kept diagnostics are in position order');
        let room = max;
        for (const severity of SEVERITIES) {
          const available = all.filter((d) => d.severity === severity).length;
          assert.equal(
            kept.filter((d) => d.severity === severity).length,
            Math.min(room, available),
            `${severity}s kept`,
          );
          room -= Math.min(room, available);
        }
      }),
      300,
    );
  });

  test('outline, folding and formatting never throw on any text, and stay inside it', () => {
    checkProperty(
      'features: symbols, folding, format',
      fc.property(hostileText, fc.nat({ max: 100 }), (text, foldWidth) => {
        const document = service.parse(text);
        assertInside(service.findDocumentSymbols(document), text);
        for (const range of service.getFoldingRanges(document)) {
          assert.ok(range.startLine <= range.endLine && range.endLine < document.ldif.lineCount, JSON.stringify(range));
        }
        assertInside(service.format(document, { foldWidth }), text);
      }),
      300,
    );
  });

  test('hover and completion never throw at any position of any text', () => {
    checkProperty(
      'features: hover, completion',
      fc.property(
        hostileText.chain((text) =>
          fc.tuple(fc.constant(text), fc.array(positionIn(text), { minLength: 1, maxLength: 5 })),
        ),
        ([text, positions]) => {
          const document = service.parse(text);
          for (const position of positions) {
            const hover = service.hover(document, position);
            if (hover) assertInside(hover.range, text);
            service.complete(document, position);
          }
        },
      ),
      300,
    );
  });
});
