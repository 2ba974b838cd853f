/**
 * The real server stopped (SIGTERM to ns-slapd) in the middle of a run. Runs last: it
 * restarts the server afterwards with scripts/ds389.sh and then checks the report against
 * what the server actually holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openSession } from '../../server/src/apply/connection';
import { runRecords, type RecordResult } from '../../server/src/apply/run';
import { Secret } from '../../server/src/apply/secret';
import { sourceRecords, textInput } from '../../server/src/apply/source';
import { loadCatalog } from '../../server/src/engine/catalog';
import { adminClient, readBack, runId, testServer } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;
const DS389 = join(__dirname, '../../scripts/ds389.sh');
const COUNT = 3000;

function ds389(step: 'start' | 'wait' | 'stop'): void {
  const result = spawnSync('bash', [DS389, step], { encoding: 'utf8', timeout: 90_000 });
  assert.equal(result.status, 0, `ds389.sh ${step}: ${result.stderr}`);
}

test(
  'the server stopped mid-run: applied records exist, not-attempted ones do not, and every record is accounted for',
  { skip, timeout: 180_000 },
  async (t) => {
    const run = runId();
    const dnOf = (n: number) => `uid=${run}-stop-${n},ou=People,${live.suffix}`;
    const text = Array.from(
      { length: COUNT },
      (_, i) =>
        `dn: ${dnOf(i + 1)}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: ${run}-stop-${i + 1}\ncn: S\nsn: S\n`,
    ).join('\n');
    const pid = Number(readFileSync(live.pidFile, 'utf8'));
    const session = await openSession({
      url: live.url,
      bindDn: live.bindDn,
      password: new Secret(live.password),
      operationTimeoutMs: 15_000,
    });
    let applied = 0;
    const results: RecordResult[] = [];
    const summary = await runRecords(session, sourceRecords(textInput('stop.ldif', undefined, text), loadCatalog()), {
      continueOnError: true,
      maxFileValueBytes: 2 ** 21,
      onResult: (result) => {
        results.push(result);
        if (result.status === 'applied' && ++applied === 20) process.kill(pid, 'SIGTERM');
      },
    });
    const report = { ...summary, results };
    await session.close();
    t.diagnostic(`stopped after ${applied} applied: ${JSON.stringify(report.counts)}`);

    try {
      assert.equal(report.results.length, COUNT);
      assert.equal(report.stopReason, 'connection-lost', `counts: ${JSON.stringify(report.counts)}`);
      assert.ok(report.counts.applied >= 20 && report.counts['not-attempted'] > 0, JSON.stringify(report.counts));
      const order = report.results.map((result) => result.status);
      const firstNotApplied = order.findIndex((status) => status !== 'applied');
      assert.ok(
        order.slice(firstNotApplied + 1).every((status) => status === 'not-attempted'),
        'after the break nothing else is attempted',
      );
    } finally {
      ds389('stop'); // waits until the old process is gone
      ds389('start');
      ds389('wait');
    }

    const client = await adminClient(live);
    try {
      for (const result of report.results) {
        const exists = (await readBack(client, dnOf(result.source.index + 1), ['1.1'])) !== undefined;
        if (result.status === 'applied') assert.ok(exists, `${result.source.line} reported applied but is missing`);
        if (result.status === 'not-attempted' || result.status === 'failed')
          assert.ok(!exists, `${result.source.line} reported ${result.status} but exists`);
      }
    } finally {
      await client.unbind();
    }
  },
);
