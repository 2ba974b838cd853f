import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../../server/src/engine/service';
import { fold, foldAtSpaces } from '../../../server/src/engine/features/formatting';
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
    assert.equal(edit.newText, 'description:\r\n  bbbbbbbb\r\n bb');
  });

  test('a name and its separator are never folded, as ldapmodify does not unfold names', () => {
    const text = `dn: cn=x\nnsds7WindowsReplicaSubtree:: ${Buffer.from('cn=Users,dc=ad').toString('base64')}\n`;
    const [edit] = service.format(service.parse(text), { foldWidth: 8 });
    assert.ok(edit.newText.startsWith('nsds7WindowsReplicaSubtree::\n '), edit.newText);
    assert.deepEqual(
      service
        .validate(service.parse(text.replace(/nsds7.*\n$/, `${edit.newText}\n`)))
        .filter((d) => d.code === 'ldif/folded-attribute-name'),
      [],
    );
  });

  const command =
    '# ldapmodify -H ldaps://ipa.example.com -D "cn=Directory Manager" -y ~/.dm-password -f agreement.ldif';

  test('comments are left as written by default: a long one is not cut, a folded one is not joined', () => {
    const folded = '# a comment folded by hand\n  after a space';
    const text = `${command}\n${folded}\ndn: cn=x\n# inside the record, ${'w'.repeat(80)}\ndescription: ${'a'.repeat(80)}\n`;
    const edits = service.format(service.parse(text), { foldWidth: 76 });
    assert.equal(edits.length, 1, 'only the description line is folded');
    assert.match(edits[0].newText, /^description: a+\n a+$/);
  });

  test('with foldComments, comments fold before spaces only, and the unfolded text stays the same', () => {
    const text = `${command}\ndn: cn=x\n`;
    const formatted = applyEdits(text, service.format(service.parse(text), { foldWidth: 40, foldComments: true }));
    const lines = formatted.split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      '# ldapmodify -H ldaps://ipa.example.com',
      '  -D "cn=Directory Manager" -y',
      '  ~/.dm-password -f agreement.ldif',
      'dn: cn=x',
    ]);
    assert.equal(service.parse(formatted).ldif.records[0].comments[0].text, command.slice(1));
  });

  test('foldAtSpaces: pieces fit the width where a space allows, a longer word stays whole, spaces never end the text', () => {
    assert.deepEqual(foldAtSpaces('# aaa bbb ccc', 8), ['# aaa', ' bbb', ' ccc']);
    assert.deepEqual(foldAtSpaces(`# ${'x'.repeat(12)} y`, 8), [`# ${'x'.repeat(12)}`, ' y']);
    assert.deepEqual(foldAtSpaces(`# ${'x'.repeat(12)}`, 8), [`# ${'x'.repeat(12)}`]);
    assert.deepEqual(foldAtSpaces('# aaaaaa      ', 8), ['# aaaaaa      ']);
    assert.deepEqual(foldAtSpaces('# aaa bbb', 0), ['# aaa bbb']);
  });

  test('with foldComments and width 0, folded comments are unfolded', () => {
    const text = '# one\n  two\ndn: cn=x\n';
    assert.equal(
      applyEdits(text, service.format(service.parse(text), { foldWidth: 0, foldComments: true })),
      '# one two\ndn: cn=x\n',
    );
  });

  const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');
  test('round trip over the real corpus: parsing before and after formatting gives the same records', () => {
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ldif'));
    assert.ok(files.length > 100);
    for (const file of files) {
      const text = readFileSync(join(corpus, file), 'utf8').replace(/\r\n/g, '\n');
      const before = service.parse(text);
      // Comments are folded (at spaces) in one run: the other widths leave them as written.
      for (const [foldWidth, foldComments] of [
        [0, false],
        [40, false],
        [76, false],
        [76, true],
      ] as const) {
        const after = service.parse(applyEdits(text, service.format(before, { foldWidth, foldComments })));
        assert.deepEqual(
          content(after.ldif),
          content(before.ldif),
          `${file} at width ${foldWidth}${foldComments ? ', comments folded' : ''}`,
        );
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
