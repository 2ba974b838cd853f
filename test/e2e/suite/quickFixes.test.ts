import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticWithCode, noDiagnostics, replace, waitFor, withFixture } from './helpers';

suite('Quick fixes', () => {
  test('winsync/invalid-enum offers every allowed value, and applying one rewrites the value', async () => {
    await withFixture('invalid-enum.ldif', async (editor) => {
      const { uri } = editor.document;
      const diagnostic = await diagnosticWithCode(uri, 'winsync/invalid-enum');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // The command's results do not carry `diagnostics`; the range holds only this one problem.
      const fixes = actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value);
      assert.deepEqual(fixes.map((action) => action.title).sort(), [
        'Change to "both"',
        'Change to "none"',
        'Change to "to_ad"',
        'Change to "to_ds"',
      ]);
      // "sometimes" is no typo of any value: none is preferred, so no auto-fix guesses.
      assert.deepEqual(
        fixes.filter((action) => action.isPreferred),
        [],
      );

      const toAd = fixes.find((action) => action.title === 'Change to "to_ad"');
      assert.ok(toAd?.edit, 'the fix carries a workspace edit');
      assert.ok(await vscode.workspace.applyEdit(toAd.edit));
      assert.equal(editor.document.lineAt(diagnostic.range.start.line).text, 'ipaWinSyncAcctDisable: to_ad');
      await noDiagnostics(uri);
    });
  });

  test('a near miss of to_ad: every value, nearest first, and to_ad preferred', async () => {
    await withFixture('invalid-enum.ldif', async (editor) => {
      const { uri } = editor.document;
      const first = await diagnosticWithCode(uri, 'winsync/invalid-enum');
      await replace(editor, first.range, 'to_da');
      const diagnostic = await waitFor('the diagnostic of the new value', () =>
        vscode.languages.getDiagnostics(uri).find((d) => d.message.startsWith('Invalid value "to_da"')),
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      assert.deepEqual(
        actions.map((action) => [action.title, action.isPreferred === true]),
        [
          ['Change to "to_ad"', true],
          ['Change to "to_ds"', false],
          ['Change to "both"', false],
          ['Change to "none"', false],
        ],
      );
    });
  });
});
