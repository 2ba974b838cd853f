import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { numbered, readBytes, readTextsSync } from '../../server/src/cli/pieces';
import type { TextPart } from '../../server/src/engine/partsCheck';
import { checkProperty } from '../fuzz/runner';

async function pieces(chunks: readonly string[], pieceSize: number): Promise<TextPart[]> {
  const found: TextPart[] = [];
  for await (const piece of numbered(readBytes(Readable.from(chunks), pieceSize))) found.push(piece);
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

test('after a record of a megabyte, the records that follow are cut and decoded as before', () => {
  const long = `dn: cn=big,dc=example,dc=com\ndescription: ${'é'.repeat(1 << 19)}\n\n`;
  const small = Array.from({ length: 10_000 }, (_, i) => `dn: cn=u${i},dc=example,dc=com\ncn: u${i}\n\n`).join('');
  const whole = Buffer.from(long + small);
  const chunks = Array.from({ length: Math.ceil(whole.length / 65536) }, (_, i) =>
    whole.subarray(i * 65536, (i + 1) * 65536),
  );
  const pieces = [...readTextsSync(chunks)].map((piece) => piece.text);
  assert.ok(pieces.length > 4, `${pieces.length} pieces`);
  assert.ok(pieces[0].startsWith(long));
  assert.equal(pieces.join(''), long + small);
});

test('version: may still start a piece that follows pieces of nothing but comments', async () => {
  const found = await pieces(['# one\n\n', '# two\n\n', 'version: 1\n\ndn: cn=a\ncn: a\n\n', 'dn: cn=b\ncn: b\n'], 1);
  assert.deepEqual(
    found.map((piece) => piece.atFileStart),
    [true, true, true, false],
  );
});

test('property: the pieces decode as the whole input does, and each but the last ends after a blank line', () => {
  // Line breaks, a two-byte and a four-byte character, and bytes that are not UTF-8 (a lone
  // continuation, a lead byte cut short), in chunks cut anywhere, even inside a character.
  const byte = fc.constantFrom(0x0a, 0x0d, 0x61, 0x20, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xe2, 0xff);
  const input = fc.tuple(
    fc.array(byte, { maxLength: 200 }),
    fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
    fc.integer({ min: 1, max: 64 }),
  );
  checkProperty(
    'pieces: decoded as the whole',
    fc.property(input, ([bytes, sizes, pieceSize]) => {
      const whole = Buffer.from(bytes);
      const chunks: Buffer[] = [];
      for (let at = 0, i = 0; at < whole.length; i++) {
        const size = sizes[i % sizes.length];
        chunks.push(whole.subarray(at, at + size));
        at += size;
      }
      const pieces = [...readTextsSync(chunks, pieceSize)].map((piece) => piece.text);
      assert.equal(pieces.join(''), whole.toString('utf8'));
      for (const text of pieces.slice(0, -1)) assert.match(text, /\n\r?\n$/);
    }),
    500,
  );
});
