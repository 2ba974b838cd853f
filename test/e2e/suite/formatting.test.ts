import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitFor, withFixture } from './helpers';

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

  test('a long comment holding a command is left as written; with winsyncLdif.foldComments it folds at spaces', async () => {
    await withFixture('commented-record.ldif', async (editor) => {
      const { document } = editor;
      const command = document.lineAt(1).text;
      assert.ok(command.length > 76);
      assert.deepEqual(await formatEdits(document.uri), [], 'nothing to format: only the comment is long');
      const settings = vscode.workspace.getConfiguration('winsyncLdif');
      await settings.update('foldComments', true, vscode.ConfigurationTarget.Global);
      try {
        const edits = await waitFor('the server to read the setting', async () => {
          const found = await formatEdits(document.uri);
          return found.length > 0 && found;
        });
        const edit = new vscode.WorkspaceEdit();
        edit.set(document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(edit));
        const lines = document.getText().split('\n');
        const folded = lines.slice(
          1,
          lines.findIndex((line) => line.startsWith('dn:')),
        );
        assert.ok(folded.length > 1, 'the comment is folded');
        assert.ok(
          folded.every((line) => line.length <= 76),
          folded.join('\n'),
        );
        assert.ok(
          folded.slice(1).every((line) => line.startsWith('  ')),
          'each continuation starts at a space of the text',
        );
        assert.equal(unfold(folded.join('\n')), command, 'unfolded, the command is unchanged');
      } finally {
        await settings.update('foldComments', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });
});
