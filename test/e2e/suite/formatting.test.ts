import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { withFixture } from './helpers';

const OPTIONS: vscode.FormattingOptions = { tabSize: 4, insertSpaces: true };

/** RFC 2849 unfolding: a line break followed by one space joins two lines. */
const unfold = (text: string) => text.replace(/\r?\n /g, '');

async function formatEdits(uri: vscode.Uri): Promise<vscode.TextEdit[]> {
  return (
    (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
      'vscode.executeFormatDocumentProvider',
      uri,
      OPTIONS,
    )) ?? []
  );
}

suite('Formatting', () => {
  test('Format Document folds long lines at 76 characters and keeps every value', async () => {
    await withFixture('long-lines.ldif', async (editor) => {
      const { document } = editor;
      const before = document.getText();
      const edits = await formatEdits(document.uri);
      assert.ok(edits.length > 0, 'the long lines need folding');
      const edit = new vscode.WorkspaceEdit();
      edit.set(document.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(edit));

      const after = document.getText();
      assert.notEqual(after, before);
      assert.equal(unfold(after), unfold(before), 'unfolded, the text is unchanged');
      const tooLong = after.split('\n').filter((line) => line.length > 76);
      assert.deepEqual(tooLong, [], 'no line is longer than 76 characters');
    });
  });

  test('formatting a formatted document changes nothing', async () => {
    await withFixture('long-lines.ldif', async (editor) => {
      const edit = new vscode.WorkspaceEdit();
      edit.set(editor.document.uri, await formatEdits(editor.document.uri));
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.deepEqual(await formatEdits(editor.document.uri), []);
    });
  });
});
