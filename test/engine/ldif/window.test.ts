import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  commonPrefixLength,
  commonSuffixLength,
  countLineBreaks,
  editWindow,
} from '../../../server/src/engine/ldif/window';
import { getLanguageService, mergeChanges, type TextChange } from '../../../server/src/engine/service';
import { PieceText } from '../../../server/src/engine/util/pieceText';
import {
  applyReplacement,
  assertLikeFresh,
  keystroke,
  keystrokeChange,
  textChange,
  type Hinting,
  type History,
  type Replacement,
} from '../../fuzz/edits';

const service = getLanguageService();

test('the edit window runs from after an empty line before the change to after one behind it', () => {
  const before = 'dn: cn=a\ncn: a\n\ndn: cn=b\ncn: b\n\ndn: cn=c\ncn: c\n';
  const after = before.replace('cn: b', 'cn: bb');
  const window = editWindow(before, after);
  assert.equal(after.slice(window.start, window.end), 'dn: cn=b\ncn: bb\n\n');
  assert.equal(before.slice(window.start, window.oldEnd), 'dn: cn=b\ncn: b\n\n');
  assert.equal(after.slice(window.end), before.slice(window.oldEnd));
});

test('common prefix and suffix lengths hold across the chunks they compare at once', () => {
  const long = 'x'.repeat(10_000);
  assert.equal(commonPrefixLength(`${long}a${long}`, `${long}b${long}`), 10_000);
  assert.equal(commonSuffixLength(`${long}a${long}`, `${long}bc${long}`, 10_001), 10_000);
  assert.deepEqual(countLineBreaks('a\r\nb\nc\r\n', 0, 8), { lines: 3, crlf: 2 });
});

const LINES = [
  'dn: cn=a,dc=x',
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'cn: b',
  '',
  '',
  ' cont',
  '  ',
  '\t',
  '# c',
  'version: 1',
  'changetype: modify',
  '-',
  'replace: cn',
  'cn: c',
  'replace: description',
  'description: trailing ',
  'ipaWinSyncAcctDisable: bogus',
  'cn:: Zm9v',
  'cn:: not base64',
  'cn: no\u00a0break',
  'x',
  '\r',
];

/** Documents of those lines, LF or CRLF, with or without a final line break. */
const documents = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, final]) => lines.join(crlf ? '\r\n' : '\n') + (final ? '\n' : ''));

const HINTINGS: readonly Hinting[] = ['each change', 'merged changes', 'none'];

test('a document parsed keystroke by keystroke equals the document parsed afresh: every range, diagnostic and feature', () => {
  fc.assert(
    fc.property(
      documents,
      fc.array(keystroke, { minLength: 1, maxLength: 8 }),
      fc.constantFrom(...HINTINGS),
      fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 12 })),
      (start, strokes, hinting, pieceSize) => {
        const history: History = [];
        // The text as a string, or in pieces as the language server keeps an editor's buffer.
        let pieces = pieceSize === undefined ? undefined : PieceText.of(start, pieceSize);
        let previous = service.parse(pieces ?? start);
        let text = start;
        let pending: TextChange | undefined;
        strokes.forEach((stroke, i) => {
          const change = keystrokeChange(text, stroke, history);
          text = applyReplacement(text, change);
          pieces = pieces?.replace(change.start, change.end, change.text);
          pending = mergeChanges(pending, textChange(change));
          // Merged: the editor sent several changes before the server parsed (every second keystroke here).
          if (hinting === 'merged changes' && i % 2 === 0 && i + 1 < strokes.length) return;
          const before = previous;
          const beforeText = before.text;
          previous = service.parse(pieces ?? text, previous, hinting === 'none' ? undefined : pending);
          pending = undefined;
          assertLikeFresh(service, previous, text);
          // The version it was parsed from shares blocks with it, and still reads as it did.
          assertLikeFresh(service, before, beforeText);
          assertLikeFresh(service, previous, text);
        });
      },
    ),
    { numRuns: 300 },
  );
});

test('an edit that adds or removes lines moves the blocks below it: they are not parsed again', () => {
  const base = ['dn: cn=a,dc=x', 'cn: a', '', 'dn: cn=b,dc=x', 'changetype: update', '', 'dn: cn=c,dc=x', 'cn: c'].join(
    '\n',
  );
  const before = service.parse(base);
  const after = service.parse(`dn: cn=z,dc=x\ncn: z\n\n${base}`, before, { start: 0, oldEnd: 0, newEnd: 21 });
  assert.equal(after.ldif.records.length, 4);
  assert.equal(after.ldif.records[2], before.ldif.records[1]);
  assert.equal(after.ldif.records[2].range.start.line, 6);
  assert.equal(before.ldif.records[1].range.start.line, 3);
  assert.deepEqual(
    service.validate(after).map((d) => [d.code, d.range.start.line]),
    [
      ['ldif/mixed-records', 0],
      ['ldif/unknown-changetype', 7],
    ],
  );
});

test('changes reported one after the other merge into one change of the text before them', () => {
  const text = 'abcdefghij';
  const changes: Replacement[] = [
    { start: 2, end: 4, text: 'XYZ' },
    { start: 8, end: 9, text: '' },
    { start: 0, end: 1, text: '__' },
  ];
  let current = text;
  let merged: TextChange | undefined;
  for (const change of changes) {
    current = applyReplacement(current, change);
    merged = mergeChanges(merged, textChange(change));
  }
  assert.equal(current, '__bXYZefgij');
  assert.deepEqual(merged, { start: 0, oldEnd: 8, newEnd: 9 });
  assert.equal(text.slice(0, merged.start), current.slice(0, merged.start));
  assert.equal(text.slice(merged.oldEnd), current.slice(merged.newEnd));
});

test('a change that does not fit the texts is not trusted', () => {
  const before = service.parse('dn: cn=a,dc=x\ncn: a\n');
  const text = 'dn: cn=a,dc=x\ncn: b\n';
  assertLikeFresh(service, service.parse(text, before, { start: 0, oldEnd: 3, newEnd: 5 }), text);
});
