import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

const URI = 'file:///work/plugin.ldif';
const TEXT = [
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncAcctDisable',
  'ipaWinSyncAcctDisable: to_da',
  '-',
  '',
].join('\n');

describe('diagnostics over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('opening a document publishes diagnostics with code, severity, range and source', async () => {
    const [diagnostic] = await client.open(URI, TEXT);
    assert.equal(diagnostic.code, 'winsync/invalid-enum');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'winsync-ldif');
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 23 }, end: { line: 3, character: 28 } });
  });

  test('each diagnostic links to the documentation page of its code', async () => {
    const [diagnostic] = await client.open('file:///work/linked.ldif', TEXT);
    assert.equal(
      diagnostic.codeDescription?.href,
      'https://github.com/winsync-ldif/winsync-ldif/blob/main/docs/rules/winsync/invalid-enum.md',
    );
  });

  test('an incremental edit re-publishes for the new version', async () => {
    const fixed = await client.edit(
      URI,
      { start: { line: 3, character: 23 }, end: { line: 3, character: 28 } },
      'to_ad',
    );
    assert.deepEqual(fixed, []);
    const broken = await client.edit(
      URI,
      { start: { line: 1, character: 12 }, end: { line: 1, character: 18 } },
      'update',
    );
    assert.deepEqual(
      broken.map((d) => d.code),
      ['ldif/unknown-changetype'],
    );
  });

  test("code actions turn the diagnostic's fixes into quick fixes, nearest value first", async () => {
    const [diagnostic] = await client.open('file:///work/other.ldif', TEXT);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: 'file:///work/other.ldif' },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as { title: string; isPreferred?: boolean; edit?: { changes?: Record<string, { newText: string }[]> } }[];
    assert.equal(actions[0].title, 'Change to "to_ad"');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].edit?.changes?.['file:///work/other.ldif'][0].newText, 'to_ad');
  });

  test('severity settings from workspace/configuration apply', async () => {
    const configured = await LspClient.start({ winsyncLdif: { severity: { 'winsync/invalid-enum': 'warning' } } });
    try {
      const [diagnostic] = await configured.open(URI, TEXT);
      assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    } finally {
      await configured.stop();
    }
  });
});
