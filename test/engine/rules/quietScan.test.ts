/**
 * The quiet-record scan as WebAssembly (server/wasm/quietScan.ts) read from bytes, as `check`
 * reads a file: the same parts as from the text, blocks of bytes that are not UTF-8 kept, the
 * module's fixed tables full or forgotten without a wrong answer, a piece larger than its memory,
 * and the module in the repository being what its source compiles to.
 * test/engine/rules/quietRecords.test.ts holds the scan to the full check.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { checkPieces } from '../../../server/src/apply/preflight';
import { checkStream } from '../../../server/src/cli/check';
import { LineCounter, readTextsSync } from '../../../server/src/cli/pieces';
import { loadCatalog } from '../../../server/src/engine/catalog';
import type { Diagnostic } from '../../../server/src/engine/ldif/ast';
import type { TextPart } from '../../../server/src/engine/partsCheck';
import { QuietRecords } from '../../../server/src/engine/rules/quietRecords';
import { applySettings } from '../../../server/src/engine/rules/validate';
import { hostileText, ldifDocument } from '../../fuzz/arbitraries';
import { nearlyQuietText } from '../../fuzz/nearlyQuiet';
import { checkProperty } from '../../fuzz/runner';

const catalog = loadCatalog();
const ROOT = join(__dirname, '..', '..', '..');

/** The first change and content records, always kept (the full check compares them). */
const FIRSTS =
  'dn: cn=q,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: q\n-\n\ndn: cn=r,dc=example,dc=com\nsn: r\n\n';
/** Those and a quiet record (15 lines): a record kept after it is a part of its own. */
const QUIET_START = `${FIRSTS}dn: cn=s,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: s\n-\n\n`;

function bytePartsOf(bytes: Buffer, quiet = new QuietRecords(catalog)): TextPart[] {
  return quiet.partsOfBytes(bytes, true, (start, end) => bytes.toString('utf8', start, end));
}

/** The texts of the parts kept of `text`, read from its bytes. */
function keptTexts(text: string | Buffer): string[] {
  return bytePartsOf(Buffer.isBuffer(text) ? text : Buffer.from(text)).map((part) => part.text);
}

/** Asserts that `check` reports for the bytes what the full check finds in their text (every record parsed); how many. */
async function assertCheckAsFull(bytes: Buffer): Promise<number> {
  const canonical = (found: readonly Diagnostic[]) => found.map((d) => JSON.stringify(d)).sort();
  const found: Diagnostic[] = [];
  await checkStream(
    Readable.from([bytes.subarray(0, bytes.length >> 1), bytes.subarray(bytes.length >> 1)]),
    catalog,
    async (diagnostics) => {
      found.push(...diagnostics);
    },
  );
  const lines = new LineCounter();
  const pieces = [...readTextsSync([bytes], 1 << 16)].map((piece) => lines.number(piece));
  const full: Diagnostic[] = [];
  full.push(...(await checkPieces(pieces, { catalog }, (_document, diagnostics) => void full.push(...diagnostics))));
  assert.deepEqual(canonical(found), canonical(applySettings(full, { maxDiagnostics: Number.POSITIVE_INFINITY })));
  return found.length;
}

describe('the quiet-record scan over bytes', () => {
  test('property: the parts of a text are those of its UTF-8 bytes, at the same lines', () => {
    checkProperty(
      'quiet scan: text and bytes',
      fc.property(
        fc.oneof(
          nearlyQuietText,
          ldifDocument.map(({ text }) => text),
          hostileText,
        ),
        (generated) => {
          // What a file can hold: a lone surrogate has no UTF-8 and is read back as U+FFFD.
          const text = Buffer.from(generated).toString('utf8');
          const fromText = new QuietRecords(catalog).parts({ text, atFileStart: true });
          assert.deepEqual(bytePartsOf(Buffer.from(text)), fromText);
        },
      ),
      300,
    );
  });

  test('offsets in a text with characters of two, three and four UTF-8 bytes', () => {
    const names = 'dn: cn=Ré,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: Zoë 😀 東京\n-\n\n';
    const kept = 'dn: cn=a,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: a\u00a0b\n-\n\n';
    const text = QUIET_START + names + kept + names.replace('Ré', 'Rê');
    const parts = new QuietRecords(catalog).parts({ text, atFileStart: true });
    assert.deepEqual(
      parts.map((part) => [part.text, part.firstLine]),
      [
        [FIRSTS.slice(0, -1), 0],
        [kept.slice(0, -1), 21],
      ],
    );
  });

  test('a block holding bytes that are not UTF-8 is kept, and check reports what the full check does', async () => {
    const bad = Buffer.concat([
      Buffer.from('dn: cn=b,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\n-\n\n'),
    ]);
    const quietRecord = Buffer.from('dn: cn=c,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: c\n-\n\n');
    const bytes = Buffer.concat([Buffer.from(QUIET_START), quietRecord, bad, quietRecord]);
    const kept = keptTexts(bytes);
    assert.equal(kept.length, 2);
    assert.equal(kept[1], `${bad.toString('utf8').slice(0, -1)}`);
    for (const sequence of [[0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc2], [0x80]]) {
      const record = Buffer.concat([
        Buffer.from('dn: cn=d,dc=example,dc=com\ncn: d'),
        Buffer.from(sequence),
        Buffer.from('\n\n'),
      ]);
      const texts = keptTexts(Buffer.concat([Buffer.from(QUIET_START), record]));
      assert.equal(texts.length, 2, `bytes ${sequence.map((b) => b.toString(16)).join(' ')} are kept`);
    }
    assert.ok((await assertCheckAsFull(bytes)) > 0);
  });

  test('a byte order mark at the start is kept, and check reports what the full check does', async () => {
    const text = `\ufeff${QUIET_START}${QUIET_START}${QUIET_START}`;
    assert.ok(keptTexts(text)[0].startsWith('\ufeffdn: cn=q,'));
    assert.ok((await assertCheckAsFull(Buffer.from(text))) > 0);
  });

  test('past its tables: many descriptions, many values, a long value, a piece larger than its memory', async () => {
    // 5,000 records naming a new attribute each: the module forgets the names it knew and still
    // finds a value given twice after that.
    const many = Array.from({ length: 5000 }, (_, i) => `dn: cn=m${i},dc=example,dc=com\nx-attr${i}: v\n`).join('\n');
    const twice = 'dn: cn=t,dc=example,dc=com\nx-attr1: v\nx-attr1: v\n';
    const kept = keptTexts(`${QUIET_START}${many}\n${twice}`);
    assert.deepEqual(kept.slice(1), [twice]);
    // 10,000 descriptions in one record fill the table mid-record: the record is kept.
    const wide = `dn: cn=w,dc=example,dc=com\n${Array.from({ length: 10000 }, (_, i) => `y-attr${i}: v`).join('\n')}\n`;
    assert.deepEqual(keptTexts(`${QUIET_START}${wide}`).slice(1), [wide]);
    // 2,000 distinct values of one attribute: more than the lists hold, so the record is kept.
    const values = `dn: cn=v,dc=example,dc=com\n${Array.from({ length: 2000 }, (_, i) => `description: d${i}`).join('\n')}\n`;
    assert.deepEqual(keptTexts(`${QUIET_START}${values}`).slice(1), [values]);
    // 1,000 of them are quiet (the lists hold them), and one repeated among them is found.
    const thousand = Array.from({ length: 1000 }, (_, i) => `description: d${i}`);
    assert.deepEqual(keptTexts(`${QUIET_START}dn: cn=v,dc=example,dc=com\n${thousand.join('\n')}\n`).slice(1), []);
    const repeated = `dn: cn=v,dc=example,dc=com\n${[...thousand, 'description: d500'].join('\n')}\n`;
    assert.deepEqual(keptTexts(`${QUIET_START}${repeated}`).slice(1), [repeated]);
    // A value folded 40,000 times: more folds than the module notes, so the record is kept.
    const folded = `dn: cn=f,dc=example,dc=com\ndescription: x${'\n y'.repeat(40000)}\n`;
    assert.deepEqual(keptTexts(`${QUIET_START}${folded}`).slice(1), [folded]);
    // An 8 MiB value in a piece of its own: the module's memory grows to take it, and it is quiet.
    const long = `dn: cn=l,dc=example,dc=com\ndescription: ${'x'.repeat(8 << 20)}\n`;
    const quiet = new QuietRecords(catalog);
    assert.equal(bytePartsOf(Buffer.from(QUIET_START), quiet).length, 1);
    assert.deepEqual(bytePartsOf(Buffer.from(long), quiet), []);
    assert.equal(quiet.linesRead, 15 + 2);
  });

  test('the module in the repository is what server/wasm/quietScan.ts compiles to', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-wasm.mjs'), '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  });
});
