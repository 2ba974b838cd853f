import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitBlocks, unfold } from '../../../server/src/engine/ldif/lines';
import { positionAt, rangeIn } from '../../../server/src/engine/ldif/position';

test('blocks are separated by empty lines and keep their first line number', () => {
  const split = splitBlocks('a: 1\nb: 2\n\n\nc: 3\n', 10);
  assert.deepEqual(
    split.blocks.map((b) => [b.startLine, b.lines]),
    [
      [10, ['a: 1', 'b: 2']],
      [14, ['c: 3']],
    ],
  );
  assert.equal(split.lineCount, 5);
});

test('a line of spaces after a value is a continuation, not a separator', () => {
  const split = splitBlocks('a: 1\n \nb: 2\n');
  assert.equal(split.blocks.length, 1);
  assert.deepEqual(split.whitespaceLines, []);
});

test('text without a final line break still has its last line', () => {
  assert.deepEqual(splitBlocks('a: 1\nb: 2').blocks[0].lines, ['a: 1', 'b: 2']);
  assert.equal(splitBlocks('').blocks.length, 0);
});

test('every block gives the physical lines of the text it was cut from, each time it is read (any line breaks)', () => {
  const piece = fc.constantFrom('a: 1', 'dn: cn=x', ' cont', '  ', '\t', ' ', '#c', 'x\r', '\r', 'é: ü', '');
  const text = fc
    .tuple(
      fc.array(piece, { maxLength: 30 }),
      fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 30, maxLength: 30 }),
      fc.boolean(),
    )
    .map(([lines, breaks, finalBreak]) =>
      lines.map((line, i) => line + (i < lines.length - 1 || finalBreak ? breaks[i] : '')).join(''),
    );
  fc.assert(
    fc.property(text, fc.nat(5), (source, firstLine) => {
      // A line ends at \n; a \r right before it belongs to the break.
      const physical = source.split('\n').map((line, i, all) => (i < all.length - 1 ? line.replace(/\r$/, '') : line));
      const split = splitBlocks(source, firstLine);
      for (const block of split.blocks) {
        const expected = physical.slice(block.startLine - firstLine, block.startLine - firstLine + block.lines.length);
        assert.deepEqual(block.lines, expected);
        assert.deepEqual(block.lines, expected, 'read again');
        assert.ok(expected.every((line) => line !== ''));
      }
      const inBlocks = split.blocks.reduce((sum, block) => sum + block.lines.length, 0);
      const empty = physical.slice(0, split.lineCount).filter((line) => line === '').length;
      assert.equal(inBlocks + split.whitespaceLines.length + empty, split.lineCount);
    }),
  );
});

test('unfold joins continuation lines and records where each piece came from', () => {
  const { lines, orphans } = unfold({ startLine: 5, lines: [' orphan', 'a: xy', ' z', 'b: 1'] });
  assert.deepEqual(orphans, [5]);
  assert.deepEqual(
    lines.map((l) => l.text),
    ['a: xyz', 'b: 1'],
  );
  const [folded] = lines;
  assert.deepEqual(folded.segments, [
    { offset: 0, line: 6, character: 0 },
    { offset: 5, line: 7, character: 1 },
  ]);
  assert.deepEqual(folded.range, { start: { line: 6, character: 0 }, end: { line: 7, character: 2 } });
});

test('positions: a range ending at a fold ends on the first line, one starting there starts on the next', () => {
  const { lines } = unfold({ startLine: 0, lines: ['a: xy', ' z'] });
  const [line] = lines;
  assert.deepEqual(rangeIn(line, 3, 5), { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } });
  assert.deepEqual(positionAt(line, 5), { line: 1, character: 1 });
  assert.deepEqual(rangeIn(line, 3, 6), { start: { line: 0, character: 3 }, end: { line: 1, character: 2 } });
});
