import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { loadCatalog } from '../../../server/src/engine/catalog';
import { replace, waitFor, withFixture } from './helpers';

const PLUGIN_DN = 'dn: cn=ipa-winsync,cn=plugins,cn=config';

/**
 * Types `lines` into the (empty) editor and asks every completion provider at the end of the
 * last line, as the suggest widget would. The client sends the edit before the request.
 */
async function completeAfter(editor: vscode.TextEditor, lines: readonly string[]): Promise<vscode.CompletionItem[]> {
  const { document } = editor;
  await replace(
    editor,
    new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)),
    lines.join('\n'),
  );
  const end = document.lineAt(document.lineCount - 1).range.end;
  const list = await waitFor('completion items from the server', async () => {
    const found = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      end,
    );
    return (
      found.items.some(
        (item) => item.kind !== vscode.CompletionItemKind.Text && item.kind !== vscode.CompletionItemKind.Snippet,
      ) && found
    );
  });
  return list.items;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const docOf = (item: vscode.CompletionItem) =>
  item.documentation === undefined
    ? ''
    : typeof item.documentation === 'string'
      ? item.documentation
      : item.documentation.value;

suite('Completion', () => {
  test('after "ipaWinSyncAcctDisable: " it offers none, to_ad, to_ds and both, each with its meaning', async () => {
    await withFixture('empty.ldif', async (editor) => {
      const items = await completeAfter(editor, [
        PLUGIN_DN,
        'changetype: modify',
        'replace: ipaWinSyncAcctDisable',
        'ipaWinSyncAcctDisable: ',
      ]);
      const values = items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember);
      assert.deepEqual(values.map(labelOf).sort(), ['both', 'none', 'to_ad', 'to_ds']);
      const toAd = values.find((item) => labelOf(item) === 'to_ad');
      assert.match(docOf(toAd!), /One way, IdM → AD/);
      assert.match(String(values.find((item) => labelOf(item) === 'both')?.detail), /default/);
    });
  });

  test('choosing a value writes it after the colon and the line validates', async () => {
    await withFixture('empty.ldif', async (editor) => {
      const items = await completeAfter(editor, [
        PLUGIN_DN,
        'changetype: modify',
        'replace: ipaWinSyncAcctDisable',
        'ipaWinSyncAcctDisable: ',
      ]);
      const toDs = items.find((item) => labelOf(item) === 'to_ds');
      assert.ok(toDs?.range && toDs.insertText !== undefined, 'the item says what it replaces');
      const range = toDs.range instanceof vscode.Range ? toDs.range : toDs.range.replacing;
      await replace(editor, range, String(toDs.insertText));
      assert.equal(editor.document.lineAt(3).text, 'ipaWinSyncAcctDisable: to_ds');
    });
  });

  test('after "replace: " in the plugin entry it offers the ipa-winsync attributes and no agreement attribute', async () => {
    await withFixture('empty.ldif', async (editor) => {
      const items = await completeAfter(editor, [PLUGIN_DN, 'changetype: modify', 'replace: ']);
      const names = new Set(items.filter((item) => item.kind === vscode.CompletionItemKind.Property).map(labelOf));
      const catalog = loadCatalog();
      for (const spec of catalog.attributesOf('ipa-winsync'))
        assert.ok(names.has(spec.name), `${spec.name} is offered`);
      for (const spec of catalog.attributesOf('agreement'))
        assert.ok(!names.has(spec.name), `${spec.name} is not offered`);
      const acctDisable = items.find((item) => labelOf(item) === 'ipaWinSyncAcctDisable');
      assert.match(docOf(acctDisable!), /account lock/i, 'items carry the attribute documentation');
    });
  });
});
