import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

const PLUGIN_DN = 'dn: cn=ipa-winsync,cn=plugins,cn=config';
const AGREEMENT_DN = 'dn: cn=meToad,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config';

function labels(items: readonly CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((item) => item.label);
}

function find(items: readonly CompletionItem[], label: string): CompletionItem {
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `no item ${label}`);
  return item;
}

function docOf(item: CompletionItem): string {
  const documentation = item.documentation as MarkupContent;
  assert.equal(documentation.kind, MarkupKind.Markdown);
  return documentation.value;
}

describe('completion over LSP', () => {
  let client: LspClient;
  let count = 0;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  /** Opens a fresh document and asks for completion at the end of its last line. */
  async function completeAtEnd(lines: readonly string[], triggerCharacter?: string): Promise<CompletionItem[]> {
    const uri = `file:///work/completion-${++count}.ldif`;
    await client.open(uri, lines.join('\n'));
    const last = lines.length - 1;
    return client.complete(uri, { line: last, character: lines[last].length }, triggerCharacter);
  }

  test('the server announces completion with : and space as trigger characters', () => {
    assert.deepEqual(client.initializeResult?.capabilities.completionProvider?.triggerCharacters, [':', ' ']);
  });

  test('plugin entry: ipa-winsync attribute names as properties with markdown docs and a text edit', async () => {
    const items = await completeAtEnd([PLUGIN_DN, 'ipaWinSyncAcct']);
    const acct = find(items, 'ipaWinSyncAcctDisable');
    assert.equal(acct.kind, CompletionItemKind.Property);
    assert.equal(acct.detail, 'User account lock · none | to_ad | to_ds | both · required');
    assert.ok(docOf(acct).startsWith('**ipaWinSyncAcctDisable** — Chooses the direction'));
    assert.equal(acct.insertTextFormat, InsertTextFormat.PlainText);
    assert.deepEqual(acct.textEdit as TextEdit, {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } },
      newText: 'ipaWinSyncAcctDisable: ',
    });
    // Suggesting again as if typed (auto) lets the smart Enter start a new line after a complete value.
    assert.deepEqual(acct.command, {
      title: 'Suggest',
      command: 'editor.action.triggerSuggest',
      arguments: [{ auto: true }],
    });
    assert.ok(!items.some((item) => item.label === 'oneWaySync'));
  });

  test("agreement: agreement attribute names, not the plugin's", async () => {
    const items = await completeAtEnd([AGREEMENT_DN, 'objectClass: nsDSWindowsReplicationAgreement', '']);
    assert.ok(items.some((item) => item.label === 'winSyncMoveAction'));
    assert.ok(!items.some((item) => item.label === 'ipaWinSyncAcctDisable'));
    assert.ok(
      !items.some((item) => item.label === 'nsds5replicaLastUpdateStatus'),
      'status attributes are not offered',
    );
  });

  test('changetype values after typing ":" then " "', async () => {
    const afterColon = await completeAtEnd([PLUGIN_DN, 'changetype:'], ':');
    assert.deepEqual(labels(afterColon), ['add', 'delete', 'modify', 'modrdn', 'moddn']);
    assert.equal((find(afterColon, 'modify').textEdit as TextEdit).newText, ' modify');
    const afterSpace = await completeAtEnd([PLUGIN_DN, 'changetype: '], ' ');
    const modify = find(afterSpace, 'modify');
    assert.equal(modify.kind, CompletionItemKind.Keyword);
    assert.equal((modify.textEdit as TextEdit).newText, 'modify');
    assert.ok(docOf(modify).startsWith('Changes an existing entry.'));
  });

  test("mod-ops in a modify record, then the open mod-spec's value line and -", async () => {
    const ops = await completeAtEnd([PLUGIN_DN, 'changetype: modify', '']);
    assert.deepEqual(labels(ops), ['add', 'delete', 'replace', 'increment']);
    const inside = await completeAtEnd([PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', '']);
    assert.deepEqual(labels(inside), ['ipaWinSyncAcctDisable', '-']);
    assert.equal((find(inside, 'ipaWinSyncAcctDisable').textEdit as TextEdit).newText, 'ipaWinSyncAcctDisable: ');
  });

  test('attribute names after replace: for the entry kind', async () => {
    const items = await completeAtEnd([AGREEMENT_DN, 'changetype: modify', 'replace: '], ' ');
    const oneWay = find(items, 'oneWaySync');
    assert.equal((oneWay.textEdit as TextEdit).newText, 'oneWaySync');
    assert.ok(!items.some((item) => item.label.startsWith('ipaWinSync')));
  });

  test('enum values with per-value docs, legacy spellings last; booleans per dialect', async () => {
    const acct = await completeAtEnd(
      [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', 'ipaWinSyncAcctDisable: '],
      ' ',
    );
    assert.deepEqual(labels(acct), ['none', 'to_ad', 'to_ds', 'both']);
    const toAd = find(acct, 'to_ad');
    assert.equal(toAd.kind, CompletionItemKind.EnumMember);
    assert.ok(docOf(toAd).startsWith('One way, IdM → AD'));
    const transport = await completeAtEnd(
      [AGREEMENT_DN, 'changetype: modify', 'replace: nsDS5ReplicaTransportInfo', 'nsDS5ReplicaTransportInfo: '],
      ' ',
    );
    assert.deepEqual(labels(transport), ['LDAP', 'LDAPS', 'StartTLS', 'SSL', 'TLS']);
    const enabled = await completeAtEnd(
      [AGREEMENT_DN, 'changetype: modify', 'replace: nsds5ReplicaEnabled', 'nsds5ReplicaEnabled: '],
      ' ',
    );
    assert.deepEqual(labels(enabled), ['on', 'off']);
    const force = await completeAtEnd([PLUGIN_DN, 'ipaWinSyncForceSync: '], ' ');
    assert.deepEqual(labels(force).slice(0, 2), ['true', 'false']);
  });

  test('record snippets as snippet items where a record starts, and nowhere else', async () => {
    const items = await completeAtEnd([PLUGIN_DN, 'changetype: modify', '', 'winsync-']);
    const lock = find(items, 'winsync-plugin-account-lock');
    assert.equal(lock.kind, CompletionItemKind.Snippet);
    assert.equal(lock.insertTextFormat, InsertTextFormat.Snippet);
    assert.match((lock.textEdit as TextEdit).newText, /^ipaWinSyncAcctDisable: \$\{1\|both,none,to_ad,to_ds\|\}$/m);
    assert.equal(lock.command, undefined);
    const values = await completeAtEnd(
      [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncAcctDisable', 'ipaWinSyncAcctDisable: '],
      ' ',
    );
    assert.deepEqual(
      values.filter((item) => item.kind !== CompletionItemKind.EnumMember),
      [],
    );
  });

  test('nothing in a comment, a continuation line or a free-text value', async () => {
    assert.deepEqual(await completeAtEnd(['# note ']), []);
    assert.deepEqual(await completeAtEnd([PLUGIN_DN, 'ipaWinSyncRealmFilter: (objectclass=', ' '], ' '), []);
    assert.deepEqual(await completeAtEnd([PLUGIN_DN, 'ipaWinSyncNewEntryFilter: (cn=ipa '], ' '), []);
    assert.deepEqual(await client.complete('file:///work/not-open.ldif', { line: 0, character: 0 }), []);
  });

  test('completion follows incremental edits', async () => {
    const uri = 'file:///work/completion-edit.ldif';
    await client.open(uri, [PLUGIN_DN, ''].join('\n'));
    await client.edit(
      uri,
      { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      'changetype: modify\nreplace: oneWaySync\n',
    );
    const items = await client.complete(uri, { line: 3, character: 0 });
    assert.deepEqual(labels(items), ['oneWaySync', '-']);
  });
});
