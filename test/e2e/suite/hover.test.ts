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
  test('ipaWinSyncAcctDisable: first what it is, its values and default, then what the server does with a bad one', async () => {
    await withFixture('plugin-modify.ldif', async (editor) => {
      const text = await hoverText(editor.document.uri, new vscode.Position(3, 10));
      const [first, ...details] = text.split('\n\n');
      assert.match(first, /^\*\*ipaWinSyncAcctDisable\*\* — Chooses the direction in which account lock/);
      assert.match(first, /Values: one of `none`, `to_ad`, `to_ds`, `both`; FreeIPA ships `both`\.$/);
      assert.match(details.join('\n\n'), /- \*\*Bad value in a modify:\*\* Refused with 53/);
      assert.doesNotMatch(text, /rejects it with 53/, 'the reaction is said once, in the catalog note');
    });
  });

  test('on a bad value, only what the attribute is: the diagnostic in the same hover says what is wrong', async () => {
    await withFixture('invalid-enum.ldif', async (editor) => {
      const line = editor.document.lineAt(3).text;
      const text = await hoverText(editor.document.uri, new vscode.Position(3, line.indexOf('sometimes') + 2));
      assert.equal(
        text,
        '**ipaWinSyncAcctDisable** — Chooses the direction in which account lock (disabled) state is synchronised between IdM and Active Directory. FreeIPA ships `both`.',
      );
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
