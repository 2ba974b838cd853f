import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText } from '../../../server/src/engine/util/pieceText';

const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é', '\ud83d'), maxLength: 60 });
const replacement = fc.tuple(fc.nat(), fc.nat(), text);

test('a text in pieces reads as the string it holds, after any replacements, and earlier versions stay as they were', () => {
  fc.assert(
    fc.property(
      text,
      fc.array(replacement, { maxLength: 12 }),
      fc.integer({ min: 1, max: 9 }),
      (start, replacements, pieceSize) => {
        let pieces = PieceText.of(start, pieceSize);
        let expected = start;
        const versions: [PieceText, string][] = [[pieces, expected]];
        for (const [a, b, inserted] of replacements) {
          const from = a % (expected.length + 1);
          const to = from + (b % (expected.length - from + 1));
          pieces = pieces.replace(from, to, inserted);
          expected = expected.slice(0, from) + inserted + expected.slice(to);
          versions.push([pieces, expected]);
        }
        for (const [version, string] of versions) {
          assert.equal(version.length, string.length);
          for (let i = -2; i <= string.length + 2; i++) {
            assert.equal(version.indexOf('\n', i), string.indexOf('\n', i), `indexOf from ${i}`);
            assert.equal(version.lastIndexOf('\n', i), string.lastIndexOf('\n', i), `lastIndexOf from ${i}`);
            assert.equal(version.slice(i, i + 7), string.slice(i, i + 7), `slice at ${i}`);
            assert.equal(version.slice(i), string.slice(i), `slice from ${i}`);
            if (i >= 0 && i < string.length) assert.equal(version.charCodeAt(i), string.charCodeAt(i));
          }
          assert.ok(Number.isNaN(version.charCodeAt(string.length)));
          assert.equal(version.slice(0, string.length), string);
          assert.equal(version.toString(), string);
        }
      },
    ),
    { numRuns: 300 },
  );
});
