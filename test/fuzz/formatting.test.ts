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

/** The physical lines that comments cover, with the index of the first line of each. */
function commentLines(document: LdifDocument): Map<number, number> {
  const lines = new Map<number, number>();
  const all = [...document.comments, ...document.records.flatMap((record) => record.comments)];
  for (const { line } of all)
    for (let i = line.range.start.line; i <= line.range.end.line; i++) lines.set(i, line.range.start.line);
  return lines;
}

describe('formatting properties', () => {
  test('formatting valid LDIF at any width keeps every record, adds no problem, fits the width and is idempotent', () => {
    checkProperty(
      'formatting: keeps records of valid LDIF',
      fc.property(ldifDocument, width, fc.boolean(), ({ text }, foldWidth, foldComments) => {
        const options = { foldWidth, foldComments };
        const before = service.parse(text);
        const edits = service.format(before, options);
        assertInside(edits, text);
        const formatted = applyEdits(text, edits);
        const after = service.parse(formatted);
        assert.deepEqual(content(after.ldif), content(before.ldif));
        assert.deepEqual(
          after.ldif.problems.map((problem) => problem.code),
          before.ldif.problems.map((problem) => problem.code),
        );
        assert.deepEqual(service.format(after, options), [], 'formatting twice changes nothing more');
        const lines = formatted.split('\n');
        const comments = commentLines(after.ldif);
        if (!foldComments) {
          const original = text.split('\n');
          const kept = [...commentLines(before.ldif).keys()].map((line) => original[line]);
          assert.deepEqual(
            [...comments.keys()].map((line) => lines[line]),
            kept,
            'comments are left as written',
          );
        }
        for (const [line, first] of comments) {
          // Folded at spaces only: every continuation keeps a space of the text after the fold's own.
          if (foldComments && line !== first && !lines[first].includes('\r'))
            assert.match(lines[line], /^  /, `comment line ${line} continues at a space`);
        }
        if (foldWidth > 1) {
          // A surrogate pair is never split: a line may end one unit short, and at width 2 a
          // continuation line holds a whole pair (3 units), the only way to go on. Comments
          // are never cut inside a word, so a long word may pass the width.
          const long = lineLengths(formatted).findIndex(
            (length, i) =>
              length > foldWidth &&
              !comments.has(i) &&
              // A name and its separator are never cut (ldapmodify does not unfold names).
              !/^[^ ][^:]*:[:<]?\r?$/.test(lines[i]) &&
              !(foldWidth === 2 && /^ [\ud800-\udbff][\udc00-\udfff]\r?$/.test(lines[i])),
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
      fc.property(hostileText, width, fc.boolean(), (text, foldWidth, foldComments) => {
        const before = service.parse(text);
        const edits = service.format(before, { foldWidth, foldComments });
        assertInside(edits, text);
        const after = service.parse(applyEdits(text, edits));
        assert.deepEqual(content(after.ldif), content(before.ldif));
      }),
      250,
    );
  });
});
