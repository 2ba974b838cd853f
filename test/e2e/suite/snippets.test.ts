import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, diagnosticWithCode, EXTENSION_ID, waitFor, withFixture } from './helpers';

interface ContributedSnippet {
  readonly body: readonly string[];
}

/** The snippets file the extension contributes for ldif, read from where VS Code reads it. */
function contributedSnippets(): Record<string, ContributedSnippet> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  const contribution = (extension.packageJSON.contributes.snippets as { language: string; path: string }[]).find(
    (entry) => entry.language === 'ldif',
  );
  assert.ok(contribution, 'package.json contributes ldif snippets');
  return JSON.parse(fs.readFileSync(path.join(extension.extensionPath, contribution.path), 'utf8'));
}

/**
 * Inserts the contributed snippet `name` at the cursor with the editor's own command (by
 * language and name, as a keybinding would), then tabs through every placeholder, accepting its
 * default, so the editor also applies the transforms that run when a placeholder is left.
 */
async function expandSnippet(editor: vscode.TextEditor, name: string, snippet: ContributedSnippet): Promise<void> {
  const before = editor.document.version;
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'ldif', name });
  await waitFor(`snippet "${name}" in the editor`, () => editor.document.version > before);
  const tabStops = new Set(snippet.body.join('\n').match(/\$\{?\d+/g)).size;
  for (let i = 0; i <= tabStops; i++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
  await vscode.commands.executeCommand('leaveSnippet');
  await vscode.commands.executeCommand('hideSuggestWidget');
}

/** Errors and warnings on `uri`, as "line: code message". */
function problems(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(
      (diagnostic) => diagnostic.source === 'winsync-ldif' && diagnostic.severity <= vscode.DiagnosticSeverity.Warning,
    )
    .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${codeOf(diagnostic)} ${diagnostic.message}`);
}

/**
 * Waits until the server reports no error or warning. The fixture starts with an error that the
 * snippet replaces, so an empty list comes from a validation of the expanded text, not from
 * before the server looked.
 */
async function assertValidates(uri: vscode.Uri): Promise<void> {
  await waitFor('no errors or warnings', () => problems(uri).length === 0).catch(() => undefined);
  assert.deepEqual(problems(uri), []);
}

/** Selects the whole of missing-dn.ldif once the server has flagged it, so the snippet replaces it. */
async function selectFlaggedText(editor: vscode.TextEditor): Promise<void> {
  await diagnosticWithCode(editor.document.uri, 'ldif/missing-dn');
  const { document } = editor;
  editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

suite('Snippets', () => {
  test('the account-lock snippet expands from snippets/ldif.json into a plugin modify that validates cleanly', async () => {
    const name = 'ipa-winsync: account lock sync';
    const snippet = contributedSnippets()[name];
    assert.ok(snippet, `snippets/ldif.json has "${name}"`);
    await withFixture('missing-dn.ldif', async (editor) => {
      await selectFlaggedText(editor);
      await expandSnippet(editor, name, snippet);
      assert.equal(
        editor.document.getText(),
        [
          'dn: cn=ipa-winsync,cn=plugins,cn=config',
          'changetype: modify',
          'replace: ipaWinSyncAcctDisable',
          'ipaWinSyncAcctDisable: both', // the first choice
          '-',
        ].join('\n'),
      );
      await assertValidates(editor.document.uri);
    });
  });

  test('the agreement snippet writes the escaped suffix into the DN when its placeholder is left, and validates cleanly', async () => {
    const name = 'Windows sync agreement (as ipa-replica-manage connect --winsync creates it)';
    const snippet = contributedSnippets()[name];
    assert.ok(snippet, `snippets/ldif.json has "${name}"`);
    await withFixture('missing-dn.ldif', async (editor) => {
      await selectFlaggedText(editor);
      await expandSnippet(editor, name, snippet);
      const lines = editor.document.getText().split('\n');
      assert.equal(
        lines[0],
        'dn: cn=meTodc1.ad.example.com,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      );
      assert.ok(lines.includes('nsDS5ReplicaRoot: dc=example,dc=com'));
      assert.ok(
        lines.includes('nsds7DirectoryReplicaSubtree: cn=users,cn=accounts,dc=example,dc=com'),
        'the mirror repeats the suffix',
      );
      assert.equal(lines.length, snippet.body.length);
      await assertValidates(editor.document.uri);
    });
  });

  test('the snippets file has no prefixes: Insert Snippet finds them by name, completion comes from the server', () => {
    const snippets = Object.values(contributedSnippets());
    assert.ok(snippets.length >= 12);
    for (const snippet of snippets) assert.ok(!('prefix' in snippet));
  });

  test('typing a snippet prefix offers the snippet in completion', async () => {
    await withFixture('empty.ldif', async (editor) => {
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'winsync-plugin-acc')));
      const list = await waitFor('the snippet completion', async () => {
        const found = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          editor.document.uri,
          new vscode.Position(0, 'winsync-plugin-acc'.length),
        );
        return found.items.some((item) => item.kind === vscode.CompletionItemKind.Snippet) && found;
      });
      const labels = list.items
        .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
        .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.includes('winsync-plugin-account-lock'), `snippet items: ${labels.join(', ')}`);
    });
  });
});
