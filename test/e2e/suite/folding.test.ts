import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitFor, withFixture } from './helpers';

// commented-record.ldif: two comment lines, then the record from its dn: line (line 2) to line 9.
const DN_LINE = 2;

suite('Folding', () => {
  test('a record with comments above it folds from its dn: line; the comments fold on their own', async () => {
    await withFixture('commented-record.ldif', async (editor) => {
      const ranges = await waitFor('folding ranges from the server', async () => {
        const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
          'vscode.executeFoldingRangeProvider',
          editor.document.uri,
        );
        return found.length > 0 && found;
      });
      const record = ranges.find(
        (range) => range.kind === vscode.FoldingRangeKind.Region && range.end === 9 && range.start <= DN_LINE,
      );
      assert.equal(record?.start, DN_LINE, 'the record region starts at dn:');
      assert.ok(
        ranges.some((range) => range.kind === vscode.FoldingRangeKind.Comment && range.start === 0 && range.end === 1),
      );
    });
  });

  test('folding the record in the editor keeps its dn: line visible and hides the rest', async () => {
    await withFixture('commented-record.ldif', async (editor) => {
      // The editor asks for folding ranges itself; fold as the gutter chevron would once they are in.
      await waitFor('the record to fold', async () => {
        await vscode.commands.executeCommand('editor.fold', { selectionLines: [DN_LINE], levels: 1 });
        return !isVisible(editor, DN_LINE + 1);
      });
      assert.ok(isVisible(editor, DN_LINE), 'the dn: line stays');
      assert.ok(isVisible(editor, 0) && isVisible(editor, 1), 'the comments above stay');
      for (let line = DN_LINE + 1; line <= 9; line++) assert.ok(!isVisible(editor, line), `line ${line} is folded`);
      await vscode.commands.executeCommand('editor.unfoldAll');
    });
  });
});

function isVisible(editor: vscode.TextEditor, line: number): boolean {
  return editor.visibleRanges.some((range) => range.start.line <= line && line <= range.end.line);
}
