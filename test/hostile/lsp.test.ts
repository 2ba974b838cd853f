import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
  DiagnosticSeverity,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { LARGE_FEATURE_LIMIT } from '../../server/src/engine/largeDocument';
import { LspClient } from '../lsp/client';

const URI = 'file:///work/million.ldif';
const RECORDS = 1_000_000;
/** The first records carry a warning (a no-break space), all the others an error. */
const WARNINGS = 5_000;

function record(i: number): string {
  return i < WARNINGS
    ? `dn: cn=user${i},dc=example,dc=com\ncn: a\u00a0b\n`
    : `dn: cn=user${i},dc=example,dc=com\nchangetype: update\n`;
}

/** Peak resident set size of a process (Linux); undefined elsewhere. */
function peakRssMiB(pid: number | undefined): number | undefined {
  const status = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(status)) return undefined;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return match ? Number(match[1]) / 1024 : undefined;
}

/** Seconds taken by `run`. */
async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, (performance.now() - started) / 1000];
}

const total = (summary: { message: unknown }) => Number(/ of (\d+) problems/.exec(String(summary.message))?.[1]);

describe('a million records open in the language server', () => {
  let client: LspClient;
  let opened: Awaited<ReturnType<LspClient['open']>>;
  let openSeconds = 0;

  before(async () => {
    client = await LspClient.start();
    const text = Array.from({ length: RECORDS }, (_, i) => record(i)).join('\n');
    [opened, openSeconds] = await timed(() => client.open(URI, text, 120_000));
  });
  after(async () => {
    await client.stop();
  });

  test('diagnostics arrive within 60 s, capped at 1000 plus one info that counts the rest', (t) => {
    t.diagnostic(
      `diagnostics after ${openSeconds.toFixed(1)} s, server peak RSS ${peakRssMiB(client.pid)?.toFixed(0) ?? '?'} MiB`,
    );
    assert.ok(openSeconds < 60, `${openSeconds.toFixed(1)} s`);
    assert.equal(opened.length, 1001);
    const summary = opened[1000];
    assert.equal(summary.code, 'winsync/too-many-diagnostics');
    assert.equal(summary.severity, DiagnosticSeverity.Information);
    assert.ok(total(summary) >= RECORDS, String(summary.message));
  });

  test('the cap keeps errors, though thousands of warnings come first', () => {
    assert.ok(opened.slice(0, 1000).every((d) => d.severity === DiagnosticSeverity.Error));
    assert.equal(opened[0].range.start.line, WARNINGS * 3 + 1);
  });

  test('a one-character edit is answered within 5 s, and fixing one error counts one problem less', async (t) => {
    const middle = (RECORDS / 2) * 3;
    const [renamed, renameSeconds] = await timed(() =>
      client.edit(URI, { start: { line: middle, character: 7 }, end: { line: middle, character: 8 } }, 'U', 30_000),
    );
    assert.equal(renamed.length, 1001);
    const firstError = WARNINGS * 3 + 1;
    const [fixed, fixSeconds] = await timed(() =>
      client.edit(
        URI,
        { start: { line: firstError, character: 12 }, end: { line: firstError, character: 18 } },
        'delete',
        30_000,
      ),
    );
    t.diagnostic(
      `edits answered in ${renameSeconds.toFixed(2)} s and ${fixSeconds.toFixed(2)} s, server peak RSS ${peakRssMiB(client.pid)?.toFixed(0) ?? '?'} MiB`,
    );
    assert.ok(renameSeconds < 5 && fixSeconds < 5);
    assert.equal(total(fixed[1000]), total(opened[1000]) - 1);
    assert.equal(fixed[0].range.start.line, firstError + 3);
  });

  test('memory stays bounded: the server does not hold a million parsed records', () => {
    const peak = peakRssMiB(client.pid);
    // Parsed whole, a million records took over 4 GiB (the heap limit).
    if (peak !== undefined) assert.ok(peak < 1024, `server peak RSS ${peak.toFixed(0)} MiB`);
  });

  test('hover answers from the records around the position; the outline and folding end after 100,000 entries', async () => {
    const hover = await client.hover(URI, { line: (RECORDS / 2) * 3 + 1, character: 3 });
    assert.match(JSON.stringify(hover?.contents), /changetype/i);
    // A record and its changetype are two entries of the outline.
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: URI },
    })) as DocumentSymbol[];
    assert.equal(symbols.length, LARGE_FEATURE_LIMIT / 2);
    assert.equal(symbols[symbols.length - 1].name, `cn=user${LARGE_FEATURE_LIMIT / 2 - 1},dc=example,dc=com`);
    const folding = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.equal(folding?.length, LARGE_FEATURE_LIMIT);
    assert.deepEqual(folding?.[LARGE_FEATURE_LIMIT - 1], {
      startLine: (LARGE_FEATURE_LIMIT - 1) * 3,
      endLine: (LARGE_FEATURE_LIMIT - 1) * 3 + 1,
      kind: 'region',
    });
  });
});
