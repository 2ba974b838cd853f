import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './client';
import { generateToString } from '../../bench/generate';
import { SCAN_PAYS_FROM } from '../../server/src/engine/partsCheck';

const URI = 'file:///work/plugin.ldif';
const TEXT = [
  'dn: cn=ipa-winsync,cn=plugins,cn=config',
  'changetype: modify',
  'replace: ipaWinSyncAcctDisable',
  'ipaWinSyncAcctDisable: to_da',
  '-',
  '',
].join('\n');

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

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

  test("a large document's first check, made without keeping a parse, publishes what the full check does; edits go on from the parse made after it", async () => {
    const uri = 'file:///work/large-first.ldif';
    const text = generateToString({ seed: 5, records: 3000, errorRate: 0.02 });
    assert.ok(text.length > SCAN_PAYS_FROM);
    const first = await client.open(uri, text);
    assert.ok(first.length > 10, `${first.length} diagnostics`);
    // A character typed at the end of the first line and deleted again: both are checked from the whole parse.
    const end = text.indexOf('\n');
    const typed = await client.edit(uri, range(0, end, 0, end), '#');
    assert.notDeepEqual(typed, first);
    assert.deepEqual(await client.edit(uri, range(0, end, 0, end + 1), ''), first);
  });

  test('a paste of records copied from the document, and its undo, publish what opening each text publishes', async () => {
    const uri = 'file:///work/copied.ldif';
    // Ordinary records the record rules and the parser have something to say about, among others.
    const findings = [
      'dn: cn=twice,dc=example,dc=com\nchangetype: add\nobjectClass: person\ncn: twice\ncn: twice\nsn: t\n',
      'dn: cn=typo,dc=example,dc=com\nchangetype: modfy\n',
      'dn: cn=trailing,dc=example,dc=com\nchangetype: modify\nreplace: description\ndescription: x \n-\n',
    ].join('\n');
    const text = `${generateToString({ seed: 6, records: 100, errorRate: 0 })}\n${findings}`;
    const first = await client.open(uri, text);
    const lines = text.split('\n');
    const from = lines.indexOf('dn: cn=twice,dc=example,dc=com');
    const to = lines.length - 1;
    const at = lines.indexOf('', 5) + 1;
    // Pasted above their originals: their findings are taken from them, moved, not worked out again.
    const copied = `${lines.slice(from, to).join('\n')}\n\n`;
    const pasted = [...lines.slice(0, at), ...lines.slice(from, to), '', ...lines.slice(at)].join('\n');
    const afterPaste = await client.edit(uri, range(at, 0, at, 0), copied);
    assert.deepEqual(
      afterPaste.filter((d) => d.range.start.line < from).map((d) => [d.code, d.range.start.line - at]),
      first.map((d) => [d.code, d.range.start.line - from]),
    );
    assert.deepEqual(afterPaste, await client.open('file:///work/copied-fresh.ldif', pasted));
    assert.deepEqual(await client.edit(uri, range(at, 0, at + to - from + 1, 0), ''), first);
  });

  test('a paste of records new to the document publishes what opening the result does, and hover, outline and folding read the pasted records', async () => {
    const uri = 'file:///work/pasted-new.ldif';
    const text = generateToString({ seed: 8, records: 100, errorRate: 0 });
    await client.open(uri, text);
    const at = text.split('\n').indexOf('', 5) + 1;
    // Records from elsewhere, nearly all of them quiet (neither parsed nor checked when pasted), a few with findings.
    const records = `${generateToString({ seed: 9, records: 40, errorRate: 0.1 })}\n`;
    const afterPaste = await client.edit(uri, range(at, 0, at, 0), records);
    const lines = text.split('\n');
    const pasted = [...lines.slice(0, at), ...records.split('\n').slice(0, -1), ...lines.slice(at)].join('\n');
    const fresh = 'file:///work/pasted-new-fresh.ldif';
    const opened = await client.open(fresh, pasted);
    assert.ok(afterPaste.length > 0, 'the pasted records with mistakes are found');
    assert.deepEqual(afterPaste, opened);
    // Over the names and values of the pasted records, as over the same lines of the text opened whole.
    const pastedLines = records.split('\n');
    let hovers = 0;
    for (const [line, text] of pastedLines.entries()) {
      const head = /^[a-zA-Z]+::? /.exec(text);
      if (!head) continue;
      for (const character of [1, head[0].length + 1]) {
        const position = { line: at + line, character };
        const hover = await client.hover(uri, position);
        assert.deepEqual(hover, await client.hover(fresh, position), text);
        if (hover) hovers++;
      }
    }
    // dn: and its value, changetype:, mod-spec keywords and base64 values have hovers without a schema.
    assert.ok(hovers > 150, `${hovers} hovers`);
    assert.deepEqual(await client.symbols(uri), await client.symbols(fresh));
    assert.deepEqual(await client.folding(uri), await client.folding(fresh));
  });

  test('changes sent together, adding and removing lines above records, publish what opening the result publishes', async () => {
    const uri = 'file:///work/typing.ldif';
    const start = [
      'dn: cn=u1,dc=example,dc=com',
      'changetype: modfy',
      '',
      TEXT,
      'dn: cn=u2,dc=example,dc=com',
      'changetype: modify',
      'replace: description',
      'description: x',
      '-',
      'replace: description',
      'description: y',
      '-',
      '',
    ].join('\n');
    await client.open(uri, start);
    const local = TextDocument.create(uri, 'ldif', 1, start);
    // Each notification ends with the only change that alters the length of the text, after one
    // that does not, in another record: a server that heeded only the last change would miss that one.
    const steps: ((text: string) => TextDocumentContentChangeEvent[])[] = [
      // A letter retyped in the bad changetype, then a record pasted above everything.
      () => [
        { range: range(1, 13, 1, 14), text: 'a' },
        { range: range(0, 0, 0, 0), text: 'dn: cn=u0,dc=example,dc=com\nchangetype: delete\ncn: x\n\n' },
      ],
      // A letter of the bad value retyped, then Backspace joining the first two lines of the record above.
      () => [
        { range: range(10, 24, 10, 25), text: 'x' },
        { range: range(4, 27, 5, 0), text: '' },
      ],
      // The whole text sent (no range) with a letter of the bad value changed, then Enter three times in the first record.
      (text) => [{ text: text.replace('tx_da', 'ty_da') }, { range: range(2, 0, 2, 0), text: '\n\n\n' }],
    ];
    for (const [i, step] of steps.entries()) {
      const version = i + 2;
      const changes = step(local.getText());
      const published = client.nextDiagnostics(uri, version);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: changes,
      });
      TextDocument.update(local, changes, version);
      const edited = (await published).diagnostics;
      const fresh = await client.open(`file:///work/typing-${version}.ldif`, local.getText());
      assert.deepEqual(edited, fresh);
      assert.ok(edited.length >= 3, JSON.stringify(edited.map((d) => d.code)));
    }
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

  test('each document gets the settings of its own folder (workspace/configuration with its scopeUri)', async () => {
    const asked: (string | undefined)[] = [];
    const configured = await LspClient.start((item) => {
      asked.push(item.scopeUri);
      return item.scopeUri?.startsWith('file:///quiet/') ? { severity: { 'winsync/invalid-enum': 'off' } } : {};
    });
    try {
      assert.deepEqual(await configured.open('file:///quiet/a.ldif', TEXT), []);
      assert.equal((await configured.open('file:///loud/a.ldif', TEXT))[0].code, 'winsync/invalid-enum');
      assert.deepEqual(asked, ['file:///quiet/a.ldif', 'file:///loud/a.ldif']);
    } finally {
      await configured.stop();
    }
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
