import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitFor, withFixture } from './helpers';

/** The markdown of every hover the providers return at `position`, once the server answers. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await waitFor('a hover', async () => {
    const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    return found.length > 0 && found;
  });
  return hovers
    .flatMap((hover) => hover.contents)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('\n');
}

suite('Hover', () => {
  // plugin-modify.ldif line 3 (0-based): "ipaWinSyncAcctDisable: to_ad"
  test('ipaWinSyncAcctDisable shows its documentation, every allowed value and what the server does with a bad one', async () => {
    await withFixture('plugin-modify.ldif', async (editor) => {
      const text = await hoverText(editor.document.uri, new vscode.Position(3, 10));
      assert.match(text, /^\*\*ipaWinSyncAcctDisable\*\* — FreeIPA ipa-winsync plugin configuration/m);
      assert.match(text, /account lock \(disabled\) state is synchronised/);
      assert.match(text, /- \*\*Values:\*\*/);
      for (const value of ['none', 'to_ad', 'to_ds', 'both'])
        assert.match(text, new RegExp(`^  - \`${value}\` — `, 'm'), value);
      assert.match(text, /- \*\*Default:\*\* `both`/);
      assert.match(text, /rejects it with 53 \(Unwilling to perform\)/);
    });
  });

  test('an enum value explains that value only', async () => {
    await withFixture('plugin-modify.ldif', async (editor) => {
      const line = editor.document.lineAt(3).text;
      const text = await hoverText(editor.document.uri, new vscode.Position(3, line.indexOf('to_ad') + 2));
      assert.match(text, /Value of `ipaWinSyncAcctDisable`/);
      assert.match(text, /\*\*`to_ad`\*\* — One way, IdM → AD/);
      assert.doesNotMatch(text, /`to_ds`/, 'the other values are not listed');
    });
  });

  test('the mod-spec header names the attribute, so it hovers like the attribute', async () => {
    await withFixture('plugin-modify.ldif', async (editor) => {
      const text = await hoverText(editor.document.uri, new vscode.Position(2, 'replace: ipaWin'.length));
      assert.match(text, /^\*\*ipaWinSyncAcctDisable\*\* — /m);
    });
  });
});
