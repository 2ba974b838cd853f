import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LdifDocument } from '../../server/src/engine/ldif/ast';
import { getLanguageService } from '../../server/src/engine/service';
import { hostileText, ldifDocument } from './arbitraries';
import { applyEdits } from './edits';
import { assertInside, lineLengths } from './inside';
import { checkProperty } from './runner';

const service = getLanguageService();

/** Widths from "unfold everything" (0) through narrow ones to wide ones. */
const width = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 200 }));

/** Every record's lines as name, encoding and raw value, plus every comment's text: what formatting must keep. */
function content(document: LdifDocument) {
  return {
    records: document.records.map((record) => ({
      kind: record.kind,
      lines: record.lines.map((line) => [line.description, line.encoding, line.rawValue]),
      modifications: record.modifications.map((spec) => [
        spec.op,
        spec.attribute,
        spec.values.length,
        spec.terminator !== undefined,
      ]),
      comments: record.comments.map((comment) => comment.text),
    })),
    comments: document.comments.map((comment) => comment.text),
    version: document.version?.version,
  };
}

describe('formatting properties', () => {
  test('formatting valid LDIF at any width keeps every record, adds no problem, fits the width and is idempotent', () => {
    checkProperty(
      'formatting: keeps records of valid LDIF',
      fc.property(ldifDocument, width, ({ text }, foldWidth) => {
        const before = service.parse(text);
        const edits = service.format(before, { foldWidth });
        assertInside(edits, text);
        const formatted = applyEdits(text, edits);
        const after = service.parse(formatted);
        assert.deepEqual(content(after.ldif), content(before.ldif));
        assert.deepEqual(
          after.ldif.problems.map((problem) => problem.code),
          before.ldif.problems.map((problem) => problem.code),
        );
        assert.deepEqual(service.format(after, { foldWidth }), [], 'formatting twice changes nothing more');
        if (foldWidth > 1) {
          // A surrogate pair is never split: a line may end one unit short, and at width 2 a
          // continuation line holds a whole pair (3 units), the only way to go on.
          const lines = formatted.split('\n');
          const long = lineLengths(formatted).findIndex(
            (length, i) =>
              length > foldWidth && !(foldWidth === 2 && /^ [\ud800-\udbff][\udc00-\udfff]\r?$/.test(lines[i])),
          );
          assert.equal(long, -1, `line ${long} is longer than ${foldWidth}`);
        }
      }),
      250,
    );
  });

  test('formatting any text keeps the unfolded text of every line it touches', () => {
    checkProperty(
      'formatting: keeps line texts of any text',
      fc.property(hostileText, width, (text, foldWidth) => {
        const before = service.parse(text);
        const edits = service.format(before, { foldWidth });
        assertInside(edits, text);
        const after = service.parse(applyEdits(text, edits));
        assert.deepEqual(content(after.ldif), content(before.ldif));
      }),
      250,
    );
  });
});
