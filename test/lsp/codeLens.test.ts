import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

const URI = 'file:///work/lenses.ldif';
const LENSES = [
  { title: 'Apply', tooltip: 'Apply this record', command: 'test.applyRecord' },
  { title: 'Dry run', tooltip: 'Show what this record would change', command: 'test.dryRunRecord' },
];
const TEXT = [
  'version: 1',
  '',
  '# the plug-in entry',
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncForceSync',
  'ipaWinSyncForceSync: true',
  '-',
  '',
  'dn: uid=jsmith,ou=People,dc=example,dc=com',
  'changetype: delete',
  '',
].join('\n');

async function lenses(client: LspClient, uri: string): Promise<CodeLens[]> {
  return (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
}

describe('CodeLenses over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({}, { recordLenses: LENSES });
    await client.open(URI, TEXT);
  });
  after(async () => {
    await client.stop();
  });

  test('the server offers CodeLenses when the client names the record commands', () => {
    assert.deepEqual(client.initializeResult?.capabilities.codeLensProvider, { resolveProvider: false });
  });

  test("each record gets the client's lenses on its dn: line, running its command with the document URI and the record index", async () => {
    const found = await lenses(client, URI);
    assert.deepEqual(
      found.map((lens) => [
        lens.range.start.line,
        lens.range.start.character,
        lens.command?.title,
        lens.command?.command,
        lens.command?.arguments,
      ]),
      [
        [3, 0, 'Apply', 'test.applyRecord', [URI, 0]],
        [3, 0, 'Dry run', 'test.dryRunRecord', [URI, 0]],
        [9, 0, 'Apply', 'test.applyRecord', [URI, 1]],
        [9, 0, 'Dry run', 'test.dryRunRecord', [URI, 1]],
      ],
    );
    assert.equal(found[1].command?.tooltip, 'Show what this record would change');
  });

  test('the lenses follow an edit that adds a record above the others', async () => {
    await client.edit(
      URI,
      { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      'dn: cn=new,dc=example,dc=com\nchangetype: delete\n\n',
    );
    const found = await lenses(client, URI);
    assert.deepEqual(
      found
        .filter((lens) => lens.command?.title === 'Apply')
        .map((lens) => [lens.range.start.line, lens.command?.arguments?.[1]]),
      [
        [2, 0],
        [6, 1],
        [12, 2],
      ],
    );
  });

  test('a client that names no record commands gets no CodeLens provider', async () => {
    const plain = await LspClient.start();
    try {
      assert.equal(plain.initializeResult?.capabilities.codeLensProvider, undefined);
    } finally {
      await plain.stop();
    }
  });
});
