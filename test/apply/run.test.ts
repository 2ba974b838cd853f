import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'ldapts';
import { parseLdif } from '../../server/src/engine/ldif/parser';
import { planDocument } from '../../server/src/apply/plan';
import { formatResult, formatSummary, runPlan } from '../../server/src/apply/run';

// Records that cannot be planned never reach the client, so no server is involved here;
// everything that is sent is tested against the real 389-DS in test/integration.
const unused = {
  client: new Client({ url: 'ldap://127.0.0.1:9' }),
  endpoint: { address: '127.0.0.1:9' },
  isBound: () => true,
};
const steps = planDocument(
  parseLdif(
    'dn: uid=a,dc=x\nchangetype: bogus\n\ndn: uid=b,dc=x\nchangetype: modrdn\nnewrdn: uid=c\n\ndn: uid=d,dc=x\nchangetype: add\n',
  ),
  { file: 'in.ldif' },
);

test('by default the first record that cannot be sent stops the run; the rest are not attempted', async () => {
  const report = await runPlan(unused, steps);
  assert.deepEqual(
    report.results.map((result) => result.status),
    ['failed', 'not-attempted', 'not-attempted'],
  );
  assert.equal(report.stopReason, 'record-failed');
  assert.match(
    formatResult(report.results[0]),
    /^failed +in\.ldif:1  record uid=a,dc=x: Not sent: "changetype: bogus" is not a change type\. Fix: /,
  );
  assert.match(
    formatSummary(report),
    /^0 applied, 1 failed, 2 not-attempted on 127\.0\.0\.1:9 \(stopped at the first failure; --continue goes on past failures\)$/,
  );
});

test('with continueOnError every record is tried and reported', async () => {
  const report = await runPlan(unused, steps, { continueOnError: true });
  assert.deepEqual(
    report.results.map((result) => [result.source.line, result.status, result.failure]),
    [
      [1, 'failed', 'record'],
      [4, 'failed', 'record'],
      [8, 'failed', 'record'],
    ],
  );
});

test('an aborted signal leaves every record not attempted', async () => {
  const report = await runPlan(unused, steps, { signal: AbortSignal.abort() });
  assert.deepEqual(report.counts, { applied: 0, failed: 0, unconfirmed: 0, 'not-attempted': 3 });
  assert.equal(report.stopReason, 'cancelled');
});
