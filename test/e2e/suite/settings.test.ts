/**
 * Settings as VS Code's own JSON support shows them: the keys of winsyncLdif.severity complete to
 * the diagnostic codes (package.json's generated propertyNames), with their summaries.
 */
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

suite('Settings', () => {
  test('the keys of winsyncLdif.severity complete to the diagnostic codes', async () => {
    const text = '{\n  "$schema": "vscode://schemas/settings/user",\n  "winsyncLdif.severity": {\n    ""\n  }\n}\n';
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(document);
    try {
      const position = new vscode.Position(3, 5); // between the quotes of the new key
      const items = await waitFor('completion of the severity keys', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          position,
        );
        return (
          list.items.some(
            (item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'winsync/invalid-enum',
          ) && list.items
        );
      });
      const labels = items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      for (const code of ['ldif/missing-dn', 'winsync/unknown-attribute', 'dn/invalid'])
        assert.ok(labels.includes(code), code);
      const invalidEnum = items.find((item) => item.label === 'winsync/invalid-enum');
      const documentation = invalidEnum?.documentation;
      assert.match(
        typeof documentation === 'string' ? documentation : (documentation?.value ?? ''),
        /default: `error`/,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
