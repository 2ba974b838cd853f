import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readPieces, type Piece } from '../../server/src/cli/pieces';

async function pieces(chunks: readonly string[], pieceSize: number): Promise<Piece[]> {
  const found: Piece[] = [];
  for await (const piece of readPieces(Readable.from(chunks), pieceSize)) found.push(piece);
  return found;
}

test('pieces end after a blank line, also when its line breaks straddle two chunks', async () => {
  const found = await pieces(['a: 1\r', '\n\r', '\nb: 2\n', '\n', 'c: 3'], 1);
  assert.deepEqual(
    found.map(({ text, firstLine }) => [text, firstLine]),
    [
      ['a: 1\r\n\r\n', 0],
      ['b: 2\n\n', 2],
      ['c: 3', 4],
    ],
  );
  assert.equal(found.map((piece) => piece.text).join(''), 'a: 1\r\n\r\nb: 2\n\nc: 3');
});

test('a 50 MB line without a blank line is read in linear time, as one piece', async () => {
  const chunk = 'x'.repeat(1 << 16);
  const started = performance.now();
  const found = await pieces(
    Array.from({ length: 800 }, () => chunk),
    1 << 16,
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].text.length, 800 << 16);
  // Searching and joining all that was read for every new chunk took minutes.
  assert.ok(performance.now() - started < 10_000, `${Math.round(performance.now() - started)} ms`);
});

test('version: may still start a piece that follows pieces of nothing but comments', async () => {
  const found = await pieces(['# one\n\n', '# two\n\n', 'version: 1\n\ndn: cn=a\ncn: a\n\n', 'dn: cn=b\ncn: b\n'], 1);
  assert.deepEqual(
    found.map((piece) => piece.atFileStart),
    [true, true, true, false],
  );
});
