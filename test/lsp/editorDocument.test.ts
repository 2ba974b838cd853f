import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditorDocument } from '../../server/src/lsp/editorDocument';

// With and without CR: line breaks are found another way in text without one.
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', '\r\n', ' ', 'é'), maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ', 'é'), maxLength: 40 }),
);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
/** A change, placed by fractions of the text it applies to; a range may come with its ends reversed. */
type ChangeModel = { readonly from: number; readonly to: number; readonly text: string } | { readonly text: string };
const change: fc.Arbitrary<ChangeModel> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ from: fraction, to: fraction, text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/** The change as a client sends it to a document (positions it has). */
function placed(document: TextDocument, model: ChangeModel): TextDocumentContentChangeEvent {
  if (!('from' in model)) return { text: model.text };
  const at = (fraction: number) => document.positionAt(Math.floor(fraction * (document.getText().length + 1)));
  return { range: { start: at(model.from), end: at(model.to) }, text: model.text };
}

test('the server keeps documents as vscode-languageserver-textdocument does: text, lines, offsets and positions', () => {
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (start, steps) => {
      const expected = TextDocument.create('file:///a.ldif', 'ldif', 1, start);
      const actual = EditorDocument.create('file:///a.ldif', 'ldif', 1, start);
      const compare = () => {
        const content = expected.getText();
        assert.equal(actual.getText(), content);
        assert.equal(actual.source.toString(), content);
        assert.equal(actual.lineCount, expected.lineCount);
        assert.equal(actual.version, expected.version);
        for (let line = -1; line <= expected.lineCount + 1; line++) {
          for (let character = -1; character <= 12; character++) {
            const at = { line, character };
            assert.equal(actual.offsetAt(at), expected.offsetAt(at), `offsetAt ${JSON.stringify(at)}`);
          }
        }
        for (let offset = -1; offset <= content.length + 1; offset++)
          assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt ${offset}`);
        const all = { start: { line: 0, character: 0 }, end: { line: expected.lineCount, character: 0 } };
        assert.equal(actual.getText(all), expected.getText(all));
      };
      compare();
      steps.forEach((models, i) => {
        // Line offsets are worked out on first use: sometimes before a change, sometimes after.
        if (i % 2 === 0) assert.equal(actual.lineCount, expected.lineCount);
        // Each change is placed in the text the ones before it made, as a client does.
        for (const model of models) {
          const sent = placed(expected, model);
          TextDocument.update(expected, [sent], i + 2);
          actual.update([sent], i + 2);
        }
        compare();
      });
    }),
    { numRuns: 500 },
  );
});

test('each change is reported where it was, in the text before it', () => {
  const document = EditorDocument.create('file:///a.ldif', 'ldif', 1, 'ab\ncd\n');
  const seen: [number, number, string][] = [];
  document.update(
    [
      { range: { start: { line: 1, character: 1 }, end: { line: 0, character: 1 } }, text: 'X' },
      { text: 'whole' },
      { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: '!' },
    ],
    2,
    (start, end, inserted) => seen.push([start, end, inserted]),
  );
  assert.deepEqual(seen, [
    [1, 4, 'X'],
    [-1, -1, 'whole'],
    [5, 5, '!'],
  ]);
  assert.equal(document.getText(), 'whole!');
});

test('a paste of more lines than one splice takes, and its undo, move the lines below as the library does', () => {
  const start = Array.from({ length: 3000 }, (_, i) => `line ${i}${i % 3 === 0 ? '\r\n' : '\n'}`).join('');
  const pasted = Array.from({ length: 1500 }, (_, i) => `pasted ${i}\r\n`).join('');
  const expected = TextDocument.create('file:///a.ldif', 'ldif', 1, start);
  const actual = EditorDocument.create('file:///a.ldif', 'ldif', 1, start);
  const paste = { range: { start: { line: 10, character: 2 }, end: { line: 12, character: 0 } }, text: pasted };
  const undo = {
    range: { start: { line: 10, character: 2 }, end: { line: 1510, character: 0 } },
    text: 'ne 10\nline 11\n',
  };
  for (const [version, change] of [paste, undo].entries()) {
    assert.equal(actual.lineCount, expected.lineCount);
    TextDocument.update(expected, [change], version + 2);
    actual.update([change], version + 2);
    assert.equal(actual.getText(), expected.getText());
    assert.equal(actual.lineCount, expected.lineCount);
    for (let line = 0; line < expected.lineCount; line++) {
      const at = { line, character: 3 };
      assert.equal(actual.offsetAt(at), expected.offsetAt(at));
    }
  }
});
