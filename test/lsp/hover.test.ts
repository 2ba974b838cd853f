import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

const URI = 'file:///work/hover.ldif';
const TEXT = [
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncAcctDisable',
  'ipaWinSyncAcctDisable: to_ad',
  '-',
  '',
  'dn: cn=meToad,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
  'changetype: modify',
  'replace: oneWaySync',
  'oneWaySync: fromWindows',
  '-',
  'replace: nsDS5ReplicaUpdateSchedule',
  'nsDS5ReplicaUpdateSchedule: 0800-1700 12345',
  '-',
  'replace: description',
  'description:: aGVsbG8gd29ybGQ=',
  '-',
  '',
].join('\n');

function markdown(contents: unknown): string {
  const markup = contents as MarkupContent;
  assert.equal(markup.kind, MarkupKind.Markdown);
  return markup.value;
}

describe('hover over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
    await client.open(URI, TEXT);
  });
  after(async () => {
    await client.stop();
  });

  test('the server announces hover', () => {
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
  });

  test("an attribute name: markdown, first what it is, its values and default, then the details; the name's range", async () => {
    const hover = await client.hover(URI, { line: 3, character: 5 });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 21 } });
    const [first, ...details] = markdown(hover.contents).split('\n\n');
    assert.ok(first.startsWith('**ipaWinSyncAcctDisable** — Chooses the direction'));
    assert.ok(first.endsWith('Values: one of `none`, `to_ad`, `to_ds`, `both`; FreeIPA ships `both`.'));
    assert.ok(details.at(-1)?.includes('- **Bad value in a modify:** Refused with 53'));
  });

  test('an enum value: what it means', async () => {
    const hover = await client.hover(URI, { line: 9, character: 15 });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 23 } });
    assert.ok(markdown(hover.contents).startsWith('Value of `oneWaySync`\n\n**`fromWindows`** — Only AD → directory'));
  });

  test('an agreement DN: RDNs with escapes decoded and the replicated suffix', async () => {
    const hover = await client.hover(URI, { line: 6, character: 8 });
    assert.ok(hover);
    const value = markdown(hover.contents);
    assert.ok(value.startsWith('**Entry DN** — Windows sync agreement (nsDSWindowsReplicationAgreement)'));
    assert.ok(value.includes('3. `cn` = `dc=example,dc=com` (written `dc\\3Dexample\\2Cdc\\3Dcom`)'));
    assert.ok(value.endsWith('**Replicated suffix:** `dc=example,dc=com`'));
  });

  test('a schedule in words and a base64 value decoded', async () => {
    const schedule = await client.hover(URI, { line: 12, character: 30 });
    assert.ok(schedule);
    assert.equal(
      markdown(schedule.contents),
      'Value of `nsDS5ReplicaUpdateSchedule`\n\n08:00–17:00 on Monday, Tuesday, Wednesday, Thursday and Friday.',
    );
    const base64 = await client.hover(URI, { line: 15, character: 16 });
    assert.ok(base64);
    assert.equal(markdown(base64.contents), '**Base64**, decoded:\n\n```text\nhello world\n```');
  });

  test('hover follows edits, and is null where there is nothing to say', async () => {
    await client.edit(URI, { start: { line: 3, character: 23 }, end: { line: 3, character: 28 } }, 'unsync');
    const hover = await client.hover(URI, { line: 3, character: 25 });
    assert.ok(hover);
    // The diagnostic says the value is wrong; the hover only what the attribute is.
    assert.ok(markdown(hover.contents).startsWith('**ipaWinSyncAcctDisable** — Chooses the direction'));
    assert.equal(await client.hover(URI, { line: 5, character: 0 }), null);
    assert.equal(await client.hover(URI, { line: 3, character: 21 }), null);
    assert.equal(await client.hover('file:///work/not-open.ldif', { line: 0, character: 0 }), null);
  });
});
