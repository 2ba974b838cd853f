import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'ldapts';
import { loadCatalog } from '../../server/src/engine/catalog';
import {
  formatResult,
  formatSummary,
  runRecords,
  type RecordResult,
  type RunOptions,
} from '../../server/src/apply/run';
import { sourceRecords, textInput } from '../../server/src/apply/source';
import { renderRemedy } from '../../server/src/cli/remedies';

// Records that cannot be planned, or are too large, never reach the client, so no server is
// involved here; everything that is sent is tested against the real 389-DS in test/integration.
const unused = {
  client: new Client({ url: 'ldap://127.0.0.1:9' }),
  endpoint: { address: '127.0.0.1:9' },
  isBound: () => true,
  abort: () => undefined,
};
const catalog = loadCatalog();
const TEXT =
  'dn: uid=a,dc=x\nchangetype: bogus\n\ndn: uid=b,dc=x\nchangetype: modrdn\nnewrdn: uid=c\n\ndn: uid=d,dc=x\nchangetype: add\n';

async function run(text: string, options: Partial<RunOptions> = {}) {
  const results: RecordResult[] = [];
  const summary = await runRecords(unused, sourceRecords(textInput('in.ldif', undefined, text), catalog), {
    maxFileValueBytes: 2 * 1024 * 1024,
    onResult: (result) => void results.push(result),
    ...options,
  });
  return { summary, results };
}

test('by default the first record that cannot be sent stops the run; the rest are not attempted', async () => {
  const { summary, results } = await run(TEXT);
  assert.deepEqual(
    results.map((result) => result.status),
    ['failed', 'not-attempted', 'not-attempted'],
  );
  assert.equal(summary.stopReason, 'record-failed');
  assert.equal(summary.total, 3);
  assert.match(
    formatResult(results[0], renderRemedy),
    /^failed +in\.ldif:1  record uid=a,dc=x: Not sent: "changetype: bogus" is not a change type\. Fix: /,
  );
  assert.equal(
    formatSummary(summary, renderRemedy),
    '0 applied, 1 failed, 2 not-attempted on 127.0.0.1:9 (stopped at the first failure). --continue goes on past failures.',
  );
});

test('with continueOnError every record is tried and reported', async () => {
  const { results } = await run(TEXT, { continueOnError: true });
  assert.deepEqual(
    results.map((result) => [result.source.line, result.status, result.failure]),
    [
      [1, 'failed', 'record'],
      [4, 'failed', 'record'],
      [8, 'failed', 'record'],
    ],
  );
});

test('an aborted signal leaves every record not attempted', async () => {
  const { summary } = await run(TEXT, { signal: AbortSignal.abort() });
  assert.deepEqual(summary.counts, { applied: 0, failed: 0, unconfirmed: 0, 'not-attempted': 3 });
  assert.equal(summary.stopReason, 'cancelled');
});

test('a request larger than the server accepts fails with its size and the limit, unsent, and --continue goes on', async () => {
  const members = Array.from({ length: 3000 }, (_, i) => `member: uid=user${i},ou=People,dc=example,dc=com`).join('\n');
  const text = `dn: cn=big,dc=x\nchangetype: modify\nadd: member\n${members}\n-\n\ndn: cn=next,dc=x\nchangetype: bogus\n`;
  const limit = { bytes: 64 * 1024, from: 'server' as const };
  const { results } = await run(text, { requestLimit: limit, continueOnError: true });
  assert.equal(results[0].status, 'failed');
  assert.equal(results[0].failure, 'too-large');
  assert.match(
    results[0].cause ?? '',
    /^Not sent: the modify of cn=big,dc=x is 1\d\d\.\d KiB as a request, more than the 64 KiB the server accepts \(nsslapd-maxbersize on 127\.0\.0\.1:9\); the server would drop the connection\.$/,
  );
  assert.match(
    renderRemedy(results[0].remedy ?? { kind: 'advice', text: '' }),
    /Split the values over several modify records.*nsslapd-maxbersize/,
  );
  assert.deepEqual([results[1].status, results[1].failure], ['failed', 'record'], 'the next record was tried');
});
