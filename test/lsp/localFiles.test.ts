import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

const CODE = 'ldif/local-file-unreadable';

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
const messageText = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);

describe('local files named by :< values, checked by the language server', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    client = await LspClient.start();
    dir = mkdtempSync(join(tmpdir(), 'winsync-lsp-files-'));
    writeFileSync(join(dir, 'present.txt'), 'from a file');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const record = (...values: string[]) =>
    [
      'dn: uid=jsmith,ou=People,dc=example,dc=com',
      'changetype: modify',
      'replace: description',
      ...values,
      '-',
      '',
    ].join('\n');

  test('a missing file is a warning on the URL, relative paths start at the document folder', async () => {
    const uri = pathToFileURL(join(dir, 'values.ldif')).href;
    const text = record(
      'description:< file://present.txt',
      'description:< file://missing.txt',
      `description:< file://${dir}/present.txt`,
      `description:< file://${dir}/gone.txt`,
    );
    const found = (await client.open(uri, text)).filter((d) => d.code === CODE);
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.severity]),
      [
        [4, DiagnosticSeverity.Warning],
        [6, DiagnosticSeverity.Warning],
      ],
    );
    assert.match(messageText(found[0].message), /missing\.txt/);
    assert.match(messageText(found[0].message), /applying this record would fail/);
    // Once the file exists, the next check finds it.
    writeFileSync(join(dir, 'missing.txt'), 'now here');
    const end = { line: 8, character: 0 };
    const again = await client.edit(uri, { start: end, end }, '\n');
    assert.deepEqual(
      again.filter((d) => d.code === CODE).map((d) => d.range.start.line),
      [6],
    );
  });

  test('a folder is not a file to send; an unsaved document reads no files', async () => {
    const uri = pathToFileURL(join(dir, 'folder.ldif')).href;
    const found = (await client.open(uri, record(`description:< file://${dir}`))).filter((d) => d.code === CODE);
    assert.equal(found.length, 1);
    assert.match(messageText(found[0].message), /folder/);
    const untitled = await client.open('untitled:Untitled-1', record('description:< file:///nonexistent/x.txt'));
    assert.deepEqual(
      untitled.filter((d) => d.code === CODE),
      [],
    );
  });
});
