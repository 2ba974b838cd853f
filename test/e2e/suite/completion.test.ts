import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { loadCatalog } from '../../../server/src/engine/catalog';
import { codeOf, replace, waitFor, withFixture } from './helpers';

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

  test('value completion offers the four values and nothing else: no record snippet from the server or the snippets file', async () => {
    await withFixture('empty.ldif', async (editor) => {
      const items = await completeAfter(editor, [
        PLUGIN_DN,
        'changetype: modify',
        'replace: ipaWinSyncAcctDisable',
        'ipaWinSyncAcctDisable: ',
      ]);
      // Every provider the editor asks, the contributed snippets included.
      assert.deepEqual(items.map(labelOf).sort(), ['both', 'none', 'to_ad', 'to_ds']);
    });
  });

  test('where a record starts the server offers the record snippets; accepting one inserts a record that validates', async () => {
    await withFixture('empty.ldif', async (editor) => {
      const items = await completeAfter(editor, ['winsync-plugin-acc']);
      const snippets = items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
      assert.ok(snippets.length >= 12, `record snippets: ${snippets.map(labelOf).join(', ')}`);
      const lock = snippets.find((item) => labelOf(item) === 'winsync-plugin-account-lock');
      assert.ok(lock?.insertText instanceof vscode.SnippetString && lock.range, 'a snippet with the range it replaces');
      assert.equal(lock.detail, 'ipa-winsync: account lock sync');
      const range = lock.range instanceof vscode.Range ? lock.range : lock.range.replacing;
      assert.ok(await editor.insertSnippet(lock.insertText, range));
      await vscode.commands.executeCommand('leaveSnippet');
      assert.equal(
        editor.document.getText(),
        [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', 'ipaWinSyncAcctDisable: both', '-'].join(
          '\n',
        ),
      );
      const problems = () =>
        vscode.languages
          .getDiagnostics(editor.document.uri)
          .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning)
          .map((d) => `${codeOf(d)} ${d.message}`);
      // missing-dn is reported while the line holds the prefix alone; it goes once the record is in.
      await waitFor('the inserted record to validate', () => problems().length === 0).catch(() => undefined);
      assert.deepEqual(problems(), []);
    });
  });

  test('in LDIF, Enter accepts a suggestion only when that changes the text (editor.acceptSuggestionOnEnter: smart)', async () => {
    await withFixture('empty.ldif', async (editor) => {
      const setting = vscode.workspace
        .getConfiguration('editor', editor.document)
        .inspect<string>('acceptSuggestionOnEnter');
      assert.equal(setting?.defaultLanguageValue, 'smart', 'the extension contributes the LDIF default');
      assert.equal(
        vscode.workspace.getConfiguration('editor', editor.document).get('acceptSuggestionOnEnter'),
        'smart',
      );
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
