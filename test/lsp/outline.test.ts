import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentFormattingRequest, SymbolKind } from 'vscode-languageserver-protocol/node';
import { LARGE_DOCUMENT_SIZE } from '../../server/src/engine/largeDocument';
import { LspClient } from './client';

const URI = 'file:///work/outline.ldif';
const TEXT = [
  '# comment one',
  '# apply: ldapmodify -H ldaps://ipa.example.com -D "cn=Directory Manager" -W -f this.ldif',
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncAcctDisable',
  'ipaWinSyncAcctDisable: none',
  '-',
  '',
  `dn: uid=jdoe,ou=People,dc=example,dc=com`,
  `description: ${'x'.repeat(100)}`,
  '',
].join('\n');

describe('outline, folding and formatting over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ winsyncLdif: { foldWidth: 40 } });
    await client.open(URI, TEXT);
  });
  after(async () => {
    await client.stop();
  });

  test('document symbols: a record per entry with its changetype and mod-specs', async () => {
    const symbols = await client.symbols(URI);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind]),
      [
        ['cn=ipa-winsync,cn=plugins,cn=config', SymbolKind.Object],
        ['uid=jdoe,ou=People,dc=example,dc=com', SymbolKind.Object],
      ],
    );
    assert.deepEqual(
      symbols[0].children?.map((c) => c.name),
      ['changetype: modify', 'replace: ipaWinSyncAcctDisable'],
    );
  });

  test('folding ranges for the comment block, the records (from their dn: line) and the mod-spec', async () => {
    const ranges = await client.folding(URI);
    assert.deepEqual(
      ranges
        ?.map((r) => [r.startLine, r.endLine, r.kind])
        .sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1])),
      [
        [0, 1, 'comment'],
        [2, 6, 'region'],
        [4, 6, 'region'],
        [8, 9, 'region'],
      ],
    );
  });

  test('formatting folds the long attribute line at the configured width and leaves the long comment alone', async () => {
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: URI },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(edits?.length, 1);
    const [edit] = edits ?? [];
    assert.deepEqual(edit.range, { start: { line: 9, character: 0 }, end: { line: 9, character: 113 } });
    assert.deepEqual(
      edit.newText.split('\n').map((l) => l.length),
      [40, 40, 35],
    );
  });
});

describe('outline and folding of a document over 10 MiB, worked out in pieces', () => {
  const uri = 'file:///work/large.ldif';
  // 22,000 records of about 500 characters: past the size above which a document is checked in pieces.
  const records = Array.from(
    { length: 22_000 },
    (_, i) => `# user ${i}\ndn: uid=u${i},ou=People,dc=example,dc=com\ncn: u${i}\ndescription: ${'x'.repeat(420)}\n`,
  );
  const text = records.join('\n');
  let client: LspClient;
  before(async () => {
    assert.ok(text.length > LARGE_DOCUMENT_SIZE);
    client = await LspClient.start();
    await client.open(uri, text, 60_000);
  });
  after(async () => {
    await client.stop();
  });

  test('every record is in the outline, with its attributes', async () => {
    const symbols = await client.symbols(uri);
    assert.equal(symbols.length, records.length);
    assert.equal(symbols[21_999].name, 'uid=u21999,ou=People,dc=example,dc=com');
    assert.deepEqual(symbols[21_999].range, {
      start: { line: 21_999 * 5, character: 0 },
      end: { line: 21_999 * 5 + 3, character: 433 },
    });
    assert.deepEqual(
      symbols[0].children?.map((c) => c.name),
      ['cn', 'description'],
    );
  });

  test('every record folds from its dn: line', async () => {
    const ranges = await client.folding(uri);
    assert.equal(ranges.length, records.length);
    assert.deepEqual(
      ranges.find((r) => r.startLine === 21_999 * 5 + 1),
      { startLine: 21_999 * 5 + 1, endLine: 21_999 * 5 + 3, kind: 'region' },
    );
  });
});

describe('formatting over LSP with winsyncLdif.foldComments', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ winsyncLdif: { foldWidth: 40, foldComments: true } });
    await client.open(URI, TEXT);
  });
  after(async () => {
    await client.stop();
  });

  test('the long comment is folded too, before spaces only', async () => {
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: URI },
      options: { tabSize: 2, insertSpaces: true },
    });
    const comment = edits?.find((edit) => edit.range.start.line === 1);
    assert.deepEqual(comment?.newText.split('\n'), [
      '# apply: ldapmodify -H',
      '  ldaps://ipa.example.com -D',
      '  "cn=Directory Manager" -W -f this.ldif',
    ]);
    assert.equal(edits?.length, 2, 'the comment and the description line');
  });
});

describe('outline and folding asked for right after opening', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('wait for the first diagnostics, as an editor asks for them while the document is first checked', async () => {
    const uri = 'file:///work/opened.ldif';
    const order: string[] = [];
    const published = client.open(uri, TEXT).then(() => order.push('diagnostics'));
    const symbols = client.symbols(uri).then((found) => order.push(`outline ${found.length}`));
    const folding = client.folding(uri).then((found) => order.push(`folding ${found.length}`));
    await Promise.all([published, symbols, folding]);
    assert.deepEqual(order, ['diagnostics', 'outline 2', 'folding 4']);
  });
});
