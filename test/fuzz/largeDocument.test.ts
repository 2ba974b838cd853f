import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from '../../server/src/engine/ldif/ast';
import { LargeDocument } from '../../server/src/engine/largeDocument';
import type { FoldingRange } from '../../server/src/engine/features/folding';
import { getLanguageService } from '../../server/src/engine/service';
import { applyTextEdit, hostileText, ldifDocument, textEdit } from './arbitraries';
import { checkProperty } from './runner';

const service = getLanguageService();
/** About every second record starts a piece, so small texts are cut into many pieces. */
const PIECES_EVERY = 2;

/** Diagnostics in a canonical order: diagnostics at the same position may come in any order. */
const canonical = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => JSON.stringify(d)).sort();

/** Several documents glued together, for texts of many records. */
const manyRecords = fc
  .array(
    fc.oneof(
      ldifDocument.map(({ text }) => text),
      hostileText,
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((texts) => texts.join('\n\n'));

const max = fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 1, max: 8 }));

function assertSameCap(actual: readonly Diagnostic[], expected: readonly Diagnostic[]): void {
  assert.equal(actual.length, expected.length);
  // The summary counts the same problems; at the cut, diagnostics at one position may swap.
  const summary = (list: readonly Diagnostic[]) => list.find((d) => d.code === 'winsync/too-many-diagnostics')?.message;
  assert.equal(summary(actual), summary(expected));
  const key = (d: Diagnostic) => `${d.severity} ${d.range.start.line}:${d.range.start.character}`;
  assert.deepEqual(actual.map(key), expected.map(key));
}

describe('large document properties', () => {
  test('checked in pieces, any text gets the diagnostics of a whole parse', () => {
    checkProperty(
      'large: pieces equal whole',
      fc.property(manyRecords, max, (text, maxDiagnostics) => {
        const expected = service.validate(service.parse(text), { maxDiagnostics });
        const actual = new LargeDocument(service.catalog, PIECES_EVERY).validate(text, { maxDiagnostics });
        if (maxDiagnostics === Number.POSITIVE_INFINITY) assert.deepEqual(canonical(actual), canonical(expected));
        else assertSameCap(actual, expected);
      }),
      200,
    );
  });

  test('outlined and folded in pieces, any text gets the symbols and folding ranges of a whole parse', () => {
    checkProperty(
      'large: outline and folding equal whole',
      fc.property(manyRecords, (text) => {
        const whole = service.parse(text);
        const large = new LargeDocument(service.catalog, PIECES_EVERY);
        assert.deepEqual(large.documentSymbols(text), service.findDocumentSymbols(whole));
        // Each piece lists its records' ranges before its comment runs; clients take folding ranges in any order.
        const sorted = (ranges: readonly FoldingRange[]) => ranges.map((range) => JSON.stringify(range)).sort();
        assert.deepEqual(sorted(large.foldingRanges(text)), sorted(service.getFoldingRanges(whole)));
        // Asked again, pieces whose text is unchanged give their kept ranges.
        assert.deepEqual(sorted(large.foldingRanges(text)), sorted(service.getFoldingRanges(whole)));
      }),
      200,
    );
  });

  test('the outline ends once it holds `limit` symbols, and folding after `limit` ranges', () => {
    checkProperty(
      'large: outline and folding end at the limit',
      fc.property(manyRecords, fc.integer({ min: 1, max: 12 }), (text, limit) => {
        const whole = service.parse(text);
        const large = new LargeDocument(service.catalog, PIECES_EVERY);
        const symbols = large.documentSymbols(text, limit);
        // Records are taken whole, in order, while fewer than `limit` symbols are in.
        const expected = [];
        let count = 0;
        for (const symbol of service.findDocumentSymbols(whole)) {
          if (count >= limit) break;
          expected.push(symbol);
          count += 1 + symbol.children.length;
        }
        assert.deepEqual(symbols, expected);
        const folding = large.foldingRanges(text, limit);
        assert.equal(folding.length, Math.min(limit, service.getFoldingRanges(whole).length));
        assert.deepEqual(folding, large.foldingRanges(text).slice(0, limit));
      }),
      200,
    );
  });

  test('after random edits, pieces reused from earlier versions give what a fresh check gives', () => {
    checkProperty(
      'large: edits equal fresh',
      fc.property(
        manyRecords,
        fc.array(textEdit, { minLength: 1, maxLength: 5 }),
        max,
        (start, edits, maxDiagnostics) => {
          const settings = { maxDiagnostics };
          const large = new LargeDocument(service.catalog, PIECES_EVERY);
          large.validate(start, settings);
          let text = start;
          for (const edit of edits) {
            text = applyTextEdit(text, edit);
            const actual = large.validate(text, settings);
            const fresh = new LargeDocument(service.catalog, PIECES_EVERY).validate(text, settings);
            assert.deepEqual(canonical(actual), canonical(fresh));
          }
        },
      ),
      150,
    );
  });
});
