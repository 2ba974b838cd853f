/**
 * The walkthrough's commands: Add Connection Profile (its prompts answered by replacing
 * vscode.window.showInputBox / showQuickPick, which the extension shares with this suite) and
 * Open an Example.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, diagnosticWithCode, withFixture } from './helpers';

type WindowApi = { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
const window = vscode.window as WindowApi;

suite('Connection profiles and examples', () => {
  const originals = {
    showInputBox: window.showInputBox,
    showQuickPick: window.showQuickPick,
    showInformationMessage: window.showInformationMessage,
  };
  const folder = () => vscode.workspace.workspaceFolders![0];
  const written = () =>
    vscode.workspace.getConfiguration('winsyncLdif', folder().uri).inspect<unknown[]>('profiles')?.workspaceFolderValue;

  suiteSetup(async () => {
    // The extension activates with the first LDIF editor.
    await withFixture('valid.ldif', async () => undefined);
  });

  suiteTeardown(async () => {
    Object.assign(window, originals);
    await vscode.workspace
      .getConfiguration('winsyncLdif', folder().uri)
      .update('profiles', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  test('Add Connection Profile checks each answer, adds the profile to the folder settings and selects it', async () => {
    const answers = [
      'staging',
      'ldap://ipa.example.com:389',
      'uid=admin,cn=users,cn=accounts,dc=example,dc=com',
      '/etc/ipa/ca.crt',
    ];
    const boxes: vscode.InputBoxOptions[] = [];
    const picks: vscode.QuickPickItem[][] = [];
    const messages: string[] = [];
    window.showInputBox = (async (options: vscode.InputBoxOptions) => {
      boxes.push(options);
      return answers[boxes.length - 1];
    }) as WindowApi['showInputBox'];
    window.showQuickPick = (async (items: readonly vscode.QuickPickItem[]) => {
      picks.push([...items]);
      return items.find((item) => /StartTLS/.test(item.label) || item.label === 'staging');
    }) as unknown as WindowApi['showQuickPick'];
    window.showInformationMessage = (async (message: string) => {
      messages.push(message);
      return undefined;
    }) as WindowApi['showInformationMessage'];

    assert.equal(await vscode.commands.executeCommand('winsyncLdif.addProfile'), 'staging');
    assert.deepEqual(written(), [
      {
        name: 'staging',
        url: 'ldap://ipa.example.com:389',
        startTls: true,
        bindDn: 'uid=admin,cn=users,cn=accounts,dc=example,dc=com',
        caFile: '/etc/ipa/ca.crt',
      },
    ]);
    assert.deepEqual(
      picks.map((items) => items.map((item) => item.label)),
      [['Upgrade with StartTLS', 'Plain LDAP']],
      'ldap:// asks about StartTLS',
    );
    assert.match(messages[0], /profile "staging" added to the workspace folder settings and selected/);

    // Each box checks its answer with the setting's own checks.
    const [name, url, bindDn] = boxes.map((box) => box.validateInput!);
    assert.match(String(await name('')), /Give the profile a name/);
    assert.equal(await name('prod'), undefined);
    assert.match(String(await url('ldaps://ipa.example.com/dc=example,dc=com')), /has a DN or query part/);
    assert.match(String(await url('http://ipa.example.com')), /scheme "http:" is not supported/);
    assert.equal(await url('ldaps://ipa.example.com'), undefined);
    assert.match(String(await bindDn('Directory Manager')), /"bindDn" is not a valid DN/);

    // Selected: the profile list marks it active.
    await vscode.commands.executeCommand('winsyncLdif.selectProfile');
    assert.equal(picks[1][0].label, 'staging');
    assert.match(picks[1][0].description ?? '', /ldap:\/\/ipa\.example\.com:389 \(active\)/);

    // A second profile of the same name is refused in the first box.
    boxes.length = 0;
    answers[0] = 'Staging';
    window.showInputBox = (async (options: vscode.InputBoxOptions) => {
      boxes.push(options);
      return undefined;
    }) as WindowApi['showInputBox'];
    assert.equal(await vscode.commands.executeCommand('winsyncLdif.addProfile'), undefined);
    assert.match(String(await boxes[0].validateInput!('Staging')), /A profile named "Staging" exists already/);
    assert.equal(written()?.length, 1);
  });

  test('Open an Example opens a shipped example as an untitled LDIF editor, with its diagnostics', async () => {
    await vscode.commands.executeCommand('winsyncLdif.openExample', 'broken-plugin.ldif');
    const editor = vscode.window.activeTextEditor!;
    try {
      assert.equal(editor.document.isUntitled, true);
      assert.equal(editor.document.languageId, 'ldif');
      assert.match(editor.document.getText(), /^dn: cn=ipa-winsync,cn=plugins,cn=config$/m);
      const diagnostic = await diagnosticWithCode(editor.document.uri, 'winsync/invalid-enum');
      assert.equal(codeOf(diagnostic), 'winsync/invalid-enum');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('Open an Example without a name offers every example, the broken ones first', async () => {
    let offered: vscode.QuickPickItem[] = [];
    window.showQuickPick = (async (items: readonly vscode.QuickPickItem[]) => {
      offered = [...items];
      return undefined;
    }) as unknown as WindowApi['showQuickPick'];
    await vscode.commands.executeCommand('winsyncLdif.openExample');
    assert.deepEqual(
      offered.map((item) => item.label),
      [
        'broken-agreement.ldif',
        'broken-plugin.ldif',
        'broken-syntax.ldif',
        'good-agreement-modify.ldif',
        'good-agreement.ldif',
        'good-plugin.ldif',
      ],
    );
    assert.match(offered[1].detail ?? '', /^Broken: the ipa-winsync plug-in entry/);
  });
});
