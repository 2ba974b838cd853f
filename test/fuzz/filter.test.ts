import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatFilter, parseFilter, parseFilterList } from '../../server/src/engine/filter/filter';
import { filterTree, hostileFragment } from './arbitraries';
import { checkProperty } from './runner';

/** The tree without offsets, for comparing a parsed filter with a generated one. */
function withoutOffsets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOffsets);
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'start' && key !== 'end')
      .map(([key, child]) => [key, withoutOffsets(child)]),
  );
}

const filterLike = fc.oneof(
  filterTree.map(formatFilter),
  fc
    .array(
      fc.oneof(
        hostileFragment,
        fc.constantFrom('(', ')', '(&', '(|', '(!', '=', '~=', '>=', '<=', ':=', ':dn', '*', '\\2a', '\\'),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join('')),
  fc
    .tuple(filterTree.map(formatFilter), fc.nat(), fc.nat({ max: 4 }), hostileFragment)
    .map(([text, at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }),
);

describe('filter properties', () => {
  test('parseFilter(formatFilter(tree)) is the same tree, with no error', () => {
    checkProperty(
      'filter: print/parse round trip',
      fc.property(filterTree, (tree) => {
        const text = formatFilter(tree);
        const parsed = parseFilter(text);
        assert.deepEqual(
          parsed.problems.filter((problem) => problem.severity === 'error'),
          [],
          text,
        );
        assert.deepEqual(withoutOffsets(parsed.filter), withoutOffsets(tree));
        assert.equal(formatFilter(parsed.filter!), text);
      }),
      1000,
    );
  });

  test('parseFilter and parseFilterList never throw, and their offsets lie inside the text', () => {
    checkProperty(
      'filter: never throws, offsets inside',
      fc.property(filterLike, (text) => {
        for (const parsed of [parseFilter(text), parseFilterList(text)]) {
          for (const problem of parsed.problems) {
            assert.ok(
              problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length,
              `${JSON.stringify(problem)} in ${JSON.stringify(text)}`,
            );
          }
        }
      }),
      1000,
    );
  });
});
