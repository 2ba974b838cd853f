import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticWithCode, noDiagnostics, replace, withFixture } from './helpers';

suite('Diagnostics', () => {
  test('a record without dn: gets ldif/missing-dn on its first line, as an error', async () => {
    await withFixture('missing-dn.ldif', async (editor) => {
      const diagnostic = await diagnosticWithCode(editor.document.uri, 'ldif/missing-dn');
      assert.equal(diagnostic.source, 'winsync-ldif');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      // The fixture's second record starts on line 4 (0-based) with "cn: orphan".
      const line = editor.document.lineAt(4);
      assert.equal(line.text, 'cn: orphan');
      assert.deepEqual(diagnostic.range, line.range);
      assert.match(diagnostic.message, /must start with "dn: /);
    });
  });

  test('an unknown changetype gets ldif/unknown-changetype on exactly its value', async () => {
    await withFixture('unknown-changetype.ldif', async (editor) => {
      const diagnostic = await diagnosticWithCode(editor.document.uri, 'ldif/unknown-changetype');
      assert.equal(editor.document.getText(diagnostic.range), 'modifx');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /Unknown changetype "modifx"/);
    });
  });

  test('an ipaWinSyncAcctDisable value outside the enum gets winsync/invalid-enum naming the allowed values', async () => {
    await withFixture('invalid-enum.ldif', async (editor) => {
      const diagnostic = await diagnosticWithCode(editor.document.uri, 'winsync/invalid-enum');
      assert.equal(editor.document.getText(diagnostic.range), 'sometimes');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(
        diagnostic.message,
        /Invalid value "sometimes" for ipaWinSyncAcctDisable: expected one of none, to_ad, to_ds, both\./,
      );
    });
  });

  test('correcting the text in the editor clears the diagnostic', async () => {
    await withFixture('unknown-changetype.ldif', async (editor) => {
      const diagnostic = await diagnosticWithCode(editor.document.uri, 'ldif/unknown-changetype');
      await replace(editor, diagnostic.range, 'modify');
      await noDiagnostics(editor.document.uri);
    });
  });
});
