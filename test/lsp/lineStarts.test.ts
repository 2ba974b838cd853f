import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineStarts } from '../../server/src/lsp/lineStarts';

/** The start of each line of `text`, counted afresh. */
function startsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const text = fc.string({ unit: fc.constantFrom('a', '\n', 'bc'), maxLength: 60 });

test('line starts kept in chunks follow every edit as a fresh count of the new text does', () => {
  fc.assert(
    fc.property(
      text,
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.record({ a: fc.nat(), b: fc.nat(), inserted: text }), { maxLength: 8 }),
      (start, chunkLines, edits) => {
        let current = start;
        const starts = new LineStarts(startsOf(current), chunkLines);
        for (const { a, b, inserted } of edits) {
          // [from, to) replaced by `inserted`, as an editor's change does it.
          const from = a % (current.length + 1);
          const to = from + (b % (current.length - from + 1));
          const lineOf = (offset: number) => startsOf(current.slice(0, offset)).length - 1;
          const added = startsOf(inserted)
            .slice(1)
            .map((offset) => from + offset);
          starts.replace(lineOf(from), lineOf(to), added, inserted.length - (to - from));
          current = current.slice(0, from) + inserted + current.slice(to);
          assert.deepEqual(starts.toArray(), startsOf(current));
          assert.equal(starts.length, startsOf(current).length);
        }
        const expected = startsOf(current);
        expected.forEach((offset, line) => assert.equal(starts.at(line), offset));
        for (let offset = 0; offset <= current.length; offset++)
          assert.equal(starts.lineAt(offset), startsOf(current.slice(0, offset)).length - 1, `lineAt ${offset}`);
      },
    ),
    { numRuns: 1000 },
  );
});
