import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activeExtension, EXTENSION_ID, withFixture } from './helpers';

suite('Activation', () => {
  test('a .ldif file opens in the LDIF language and activates the extension', async () => {
    await withFixture('valid.ldif', async (editor) => {
      assert.equal(editor.document.languageId, 'ldif');
      const extension = await activeExtension();
      assert.equal(extension.id, EXTENSION_ID);
    });
  });

  test('the extension contributes the ldif language with its aliases', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('ldif'));
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.languages;
    assert.deepEqual(contributed.find((language: { id: string }) => language.id === 'ldif').aliases, ['LDIF', 'ldif']);
  });
});
