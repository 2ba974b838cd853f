import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../../server/src/engine/service';
import { fold } from '../../../server/src/engine/features/formatting';
import type { LdifDocument, TextEdit } from '../../../server/src/engine/ldif/ast';

const service = getLanguageService();

/** Applies non-overlapping edits to text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsets: number[] = [];
  let total = 0;
  for (const line of lines) {
    offsets.push(total);
    total += line.length + 1;
  }
  const offset = (p: { line: number; character: number }) => offsets[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce(
      (acc, edit) => acc.slice(0, offset(edit.range.start)) + edit.newText + acc.slice(offset(edit.range.end)),
      text,
    );
}

/** What must not change: every record's lines (name, encoding, value) and comments, as text. */
function content(doc: LdifDocument): unknown {
  return doc.records.map((r) => ({
    kind: r.kind,
    lines: r.lines.map((l) => [l.description, l.encoding, l.rawValue]),
    comments: r.comments.map((c) => c.text),
  }));
}

describe('formatting', () => {
  test('fold splits at the width, continuation pieces one shorter, never inside a surrogate pair', () => {
    assert.deepEqual(fold('abcdefghij', 4), ['abcd', 'efg', 'hij']);
    assert.deepEqual(fold('abc', 4), ['abc']);
    assert.deepEqual(fold('ab😀cd', 3), ['ab', '😀', 'cd']);
  });

  test('long lines are folded at the width and short folded lines are unfolded', () => {
    const text = `dn: cn=x\ndescription: ${'a'.repeat(20)}\ncn: sh\n o\n`;
    const doc = service.parse(text);
    const formatted = applyEdits(text, service.format(doc, { foldWidth: 16 }));
    assert.equal(formatted, `dn: cn=x\ndescription: aaa\n aaaaaaaaaaaaaaa\n aa\ncn: sho\n`);
    assert.equal(
      applyEdits(formatted, service.format(service.parse(formatted), { foldWidth: 0 })),
      `dn: cn=x\ndescription: ${'a'.repeat(20)}\ncn: sho\n`,
    );
  });

  test('an already formatted document gives no edits', () => {
    const text = `dn: cn=x\ndescription: aaa\n aaaaaaaaaaaaaaa\n aa\n`;
    assert.deepEqual(service.format(service.parse(text), { foldWidth: 16 }), []);
  });

  test('CRLF documents are folded with CRLF', () => {
    const text = `dn: cn=x\r\ndescription: ${'b'.repeat(10)}\r\n`;
    const [edit] = service.format(service.parse(text), { foldWidth: 10 });
    assert.equal(edit.newText, 'descriptio\r\n n: bbbbbb\r\n bbbb');
  });

  const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');
  test('round trip over the real corpus: parsing before and after formatting gives the same records', () => {
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ldif'));
    assert.ok(files.length > 100);
    for (const file of files) {
      const text = readFileSync(join(corpus, file), 'utf8').replace(/\r\n/g, '\n');
      const before = service.parse(text);
      for (const foldWidth of [0, 40, 76]) {
        const after = service.parse(applyEdits(text, service.format(before, { foldWidth })));
        assert.deepEqual(content(after.ldif), content(before.ldif), `${file} at width ${foldWidth}`);
      }
    }
  });
});

describe('formatting edge cases found by the property tests', () => {
  test('at width 2 a surrogate pair goes whole onto its continuation line instead of looping forever', () => {
    assert.deepEqual(fold('#𐀀𐀀', 2), ['#', '𐀀', '𐀀']);
    const text = 'dn: cn=a,dc=b\n#𐀀\n';
    const after = service.parse(applyEdits(text, service.format(service.parse(text), { foldWidth: 2 })));
    assert.equal(after.ldif.records[0].comments[0].text, '𐀀');
  });

  test('a line holding a CR is left as it is: folding after the CR would turn it into a line break', () => {
    const text = 'dn: cn=a,dc=b\ndescription: one\rtwo three four\n';
    assert.deepEqual(service.format(service.parse(text), { foldWidth: 18 }), []);
  });
});
