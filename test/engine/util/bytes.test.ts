import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { base64ToBytes, utf8Bytes, utf8Text, utf8ToBase64, web } from '../../../server/src/engine/util/bytes';
import { digest128 } from '../../../server/src/engine/util/digest';

// In a web worker (vscode.dev) the engine has no Buffer and uses the web platform's functions:
// they must read and write exactly what Buffer does, malformed base64 included.
const BASE64_TEXT = fc.string({ unit: fc.constantFrom(...'AQZaqz09+/=-_ *\n.é'), maxLength: 24 });

test('without Buffer, base64 reads as Buffer reads it, malformed input included', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      assert.deepEqual(web.base64ToBytes(Buffer.from(bytes).toString('base64')), new Uint8Array(bytes));
    }),
  );
  fc.assert(
    fc.property(BASE64_TEXT, (text) => {
      assert.deepEqual(web.base64ToBytes(text), new Uint8Array(Buffer.from(text, 'base64')));
    }),
    { numRuns: 5000 },
  );
  for (const text of ['ab*d', 'abcde', 'YQ==YQ==', 'Y Q = =', '-_-_']) {
    assert.deepEqual(web.base64ToBytes(text), new Uint8Array(Buffer.from(text, 'base64')), text);
  }
});

test('UTF-8 text is the text of valid bytes only, a leading BOM kept', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const buffer = Buffer.from(bytes);
      assert.equal(utf8Text(bytes), isUtf8(buffer) ? buffer.toString('utf8') : undefined);
    }),
  );
  assert.equal(utf8Text(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41)), '\ufeffA');
  assert.equal(utf8Text(Uint8Array.of(0xc3, 0x28)), undefined);
  assert.equal(utf8Text(Uint8Array.of(0xed, 0xa0, 0x80)), undefined, 'an encoded surrogate is not UTF-8');
});

test('UTF-8 text of short and long byte arrays alike is what the strict TextDecoder reads', () => {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decoded = (bytes: Uint8Array) => {
    try {
      return strict.decode(bytes);
    } catch {
      return undefined;
    }
  };
  // Bytes around every boundary of the encoding: lead bytes, continuation ranges, surrogates, U+10FFFF.
  const edgy = fc.constantFrom(
    0x00,
    0x41,
    0x7f,
    0x80,
    0x8f,
    0x90,
    0x9f,
    0xa0,
    0xbf,
    0xc0,
    0xc1,
    0xc2,
    0xdf,
    0xe0,
    0xed,
    0xef,
    0xf0,
    0xf4,
    0xf5,
    0xff,
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(edgy, { maxLength: 12 }).map((list) => Uint8Array.from(list)),
      ),
      (bytes) => {
        assert.equal(utf8Text(bytes), decoded(bytes));
      },
    ),
    { numRuns: 20_000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const bytes = new TextEncoder().encode(text);
      assert.equal(utf8Text(bytes), decoded(bytes));
    }),
  );
  assert.equal(utf8Text(Uint8Array.of(0xf4, 0x8f, 0xbf, 0xbf)), '\u{10ffff}');
  assert.equal(utf8Text(Uint8Array.of(0xf4, 0x90, 0x80, 0x80)), undefined, 'past U+10FFFF');
  assert.equal(utf8Text(Uint8Array.of(0xe0, 0x9f, 0xbf)), undefined, 'overlong');
  assert.equal(utf8Text(Uint8Array.of(0xe2, 0x82)), undefined, 'cut short');
});

test('without Buffer, base64 of a text is the base64 of its UTF-8 bytes, also for long texts', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
      assert.equal(web.bytesToBase64(new TextEncoder().encode(text)), Buffer.from(text, 'utf8').toString('base64'));
    }),
  );
  const long = 'ü'.repeat(100_000);
  assert.equal(web.bytesToBase64(new TextEncoder().encode(long)), Buffer.from(long, 'utf8').toString('base64'));
});

test('with Buffer, the helpers are Buffer', () => {
  assert.ok(Buffer.isBuffer(base64ToBytes('R3LDvMOfZQ==')));
  assert.equal(utf8Text(base64ToBytes('R3LDvMOfZQ==')), 'Grüße');
  assert.equal(utf8ToBase64('Grüße'), 'R3LDvMOfZQ==');
  assert.deepEqual([...utf8Bytes('\ud800')], [0xef, 0xbf, 0xbd]);
});

test('digest128 is 32 hex digits, the same for the same text and different for near texts', () => {
  const texts = ['', 'a', 'b', 'ab', 'ba', 'dn: cn=x\n', 'dn: cn=y\n', '\ud800', '\udc00', '\ufffd'];
  const digests = texts.map(digest128);
  for (const digest of digests) assert.match(digest, /^[0-9a-f]{32}$/);
  assert.equal(new Set(digests).size, texts.length);
  assert.equal(digest128('dn: cn=x\n'), digests[5]);
  fc.assert(
    fc.property(fc.string({ maxLength: 50 }), fc.string({ maxLength: 50 }), (a, b) => {
      assert.equal(digest128(a) === digest128(b), a === b);
    }),
  );
});
