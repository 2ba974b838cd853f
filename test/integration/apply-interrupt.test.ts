/**
 * Scale and interruption on the real 389-DS, with the CLI run as its own process as users
 * and CI run it: a wrong password is known at once whatever the file size, memory stays flat on
 * a 200k-record file, SIGTERM / SIGHUP / SIGINT stop sending and still report and write the
 * reject file, Ctrl-C works while validating and while the server hangs, and a record whose
 * answer was lost is settled by reading it back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'ldapts';
import { openSession, type ConnectionSettings } from '../../server/src/apply/connection';
import { runRecords, type RecordResult } from '../../server/src/apply/run';
import { Secret } from '../../server/src/apply/secret';
import { sourceRecords, textInput } from '../../server/src/apply/source';
import { loadCatalog } from '../../server/src/engine/catalog';
import { adminClient, faultyRelay, portOf, readBack, runId, spawnCli, testServer } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;

const run = runId();
const people = () => `ou=People,${live.suffix}`;
const user = (name: string) => `uid=${run}-${name},${people()}`;
let dir: string;
let client: Client;
let big: string;
const BIG_RECORDS = 200_000;
const cleanup: string[] = [];

const addUser = (name: string) =>
  `dn: ${user(name)}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: ${run}-${name}\ncn: ${name}\nsn: ${name}\n`;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'winsync-interrupt-'));
  client = await adminClient(live);
  // ~50 MB: 200k valid adds of about 250 bytes. The first one names a parent that does not
  // exist, so a run stops there and streams every other record into the reject file.
  const parts = [
    `dn: uid=${run}-first,ou=Missing-${run},${live.suffix}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: ${run}-first\ncn: first\nsn: first\n`,
  ];
  for (let i = 1; i < BIG_RECORDS; i++) {
    parts.push(
      `dn: uid=${run}-bulk-${i},${people()}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: ${run}-bulk-${i}\ncn: Bulk User ${i}\nsn: User ${i}\ngivenName: Bulk\nmail: bulk-${i}@example.com\ndescription: one of many\n`,
    );
  }
  big = join(dir, 'big.ldif');
  writeFileSync(big, parts.join('\n'));
});

after(async () => {
  if (skip) return;
  for (const dn of cleanup) await client.del(dn).catch(() => undefined);
  await client.unbind();
  rmSync(dir, { recursive: true, force: true });
});

const passwordArgs = () => ['--bind-dn', live.bindDn, '--password-file', live.passwordFile];

test('point 5: a wrong password is reported within 2 s for a 200k-record (~50 MB) file', { skip }, async () => {
  const result = await spawnCli(
    ['apply', '--url', live.url, '--bind-dn', live.bindDn, '--password-env', 'WRONG_PW', big],
    { cwd: dir, env: { WRONG_PW: 'not-the-password' } },
  );
  assert.equal(result.code, 2, result.stderr);
  assert.match(
    result.stderr,
    /^winsync-ldif apply: localhost:\d+ refused the bind as "cn=Directory Manager": 49 Invalid credentials/,
  );
  assert.ok(result.ms <= 2_000, `reported after ${result.ms.toFixed(0)} ms`);
});

test(
  'point 5: memory stays flat: a run over the 200k-record file peaks under 150 MiB and streams the rest into the reject file',
  { skip, timeout: 180_000 },
  async () => {
    const result = await spawnCli(
      ['apply', '--url', live.url, ...passwordArgs(), '--reject-file', 'big.rej.ldif', '--format', 'json', big],
      { cwd: dir },
    );
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.counts, { applied: 0, failed: 1, unconfirmed: 0, 'not-attempted': BIG_RECORDS - 1 });
    assert.equal(report.results.length, BIG_RECORDS);
    const rejected = readFileSync(join(dir, 'big.rej.ldif'), 'utf8');
    assert.equal((rejected.match(/^dn: /gm) ?? []).length, BIG_RECORDS);
    assert.ok(result.maxRssMiB <= 150, `peak RSS ${result.maxRssMiB.toFixed(0)} MiB`);
  },
);

test(
  'point 6: Ctrl-C while the input is being validated ends the run within 1 s; nothing is sent',
  { skip, timeout: 60_000 },
  async () => {
    let signalledAt = 0;
    const result = await spawnCli(['apply', '--url', live.url, ...passwordArgs(), big], {
      cwd: dir,
      // By then the CLI is checking the 50 MB file (it prints nothing meanwhile).
      onSpawn: (child) =>
        setTimeout(() => {
          signalledAt = performance.now();
          child.kill('SIGINT');
        }, 700),
    });
    const took = performance.now() - signalledAt;
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /Cancelled while checking the input; nothing was sent\./);
    assert.ok(took <= 1_000, `exited ${took.toFixed(0)} ms after SIGINT`);
    assert.equal(await readBack(client, user('bulk-1')), undefined);
  },
);

for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
  test(
    `point 6: ${signal} stops sending, prints the summary and writes the reject file; the report matches the server`,
    { skip, timeout: 60_000 },
    async () => {
      const name = signal.toLowerCase();
      const count = 400;
      writeFileSync(
        join(dir, `${name}.ldif`),
        Array.from({ length: count }, (_, i) => addUser(`${name}-${i}`)).join('\n'),
      );
      for (let i = 0; i < count; i++) cleanup.push(user(`${name}-${i}`));
      let sent = false;
      const result = await spawnCli(
        ['apply', '--url', live.url, ...passwordArgs(), '--reject-file', `${name}.rej.ldif`, `${name}.ldif`],
        {
          cwd: dir,
          onOutput: (text, child) => {
            if (!sent && (text.match(/^applied /gm) ?? []).length >= 30) {
              sent = true;
              child.kill(signal);
            }
          },
        },
      );
      assert.equal(result.signal, null, 'the CLI handled the signal itself');
      assert.equal(result.code, 1, result.stderr);
      const statuses = result.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[0]);
      assert.equal(statuses.length, count, 'every record is accounted for');
      const applied = statuses.filter((status) => status === 'applied').length;
      assert.ok(applied >= 30 && applied < count, `${applied} applied`);
      assert.match(
        result.stderr,
        new RegExp(`^${applied} applied, .*${count - applied} not-attempted on localhost:\\d+ \\(cancelled\\)$`, 'm'),
      );
      assert.match(result.stderr, new RegExp(`records not applied were written to ${name}\\.rej\\.ldif`));
      assert.equal(
        (readFileSync(join(dir, `${name}.rej.ldif`), 'utf8').match(/^dn: /gm) ?? []).length,
        count - applied,
      );
      for (let i = 0; i < count; i++) {
        const exists = (await readBack(client, user(`${name}-${i}`), ['1.1'])) !== undefined;
        assert.equal(
          exists,
          statuses[i] === 'applied',
          `record ${i} is ${statuses[i]} but ${exists ? 'exists' : 'does not exist'}`,
        );
      }
    },
  );
}

test(
  'point 6: Ctrl-C while the server hangs takes effect within 1 s; the record in flight is unconfirmed',
  { skip, timeout: 60_000 },
  async () => {
    const relay = await faultyRelay({ host: '127.0.0.1', port: portOf(live.url) });
    try {
      writeFileSync(join(dir, 'hang.ldif'), Array.from({ length: 20 }, (_, i) => addUser(`hang-${i}`)).join('\n'));
      for (let i = 0; i < 20; i++) cleanup.push(user(`hang-${i}`));
      let signalledAt = 0;
      const result = await spawnCli(
        [
          'apply',
          '--url',
          `ldap://127.0.0.1:${relay.port}`,
          ...passwordArgs(),
          '--timeout',
          '60',
          '--reject-file',
          'hang.rej.ldif',
          'hang.ldif',
        ],
        {
          cwd: dir,
          onOutput: (text, child) => {
            if (signalledAt === 0 && (text.match(/^applied /gm) ?? []).length >= 5) {
              relay.mute();
              signalledAt = -1;
              setTimeout(() => {
                signalledAt = performance.now();
                child.kill('SIGINT');
              }, 500);
            }
          },
        },
      );
      const took = performance.now() - signalledAt;
      assert.equal(result.code, 1, result.stderr);
      assert.ok(took <= 1_000, `exited ${took.toFixed(0)} ms after SIGINT`);
      const lines = result.stdout.trim().split('\n');
      const inFlight = lines.findIndex((line) => !line.startsWith('applied '));
      assert.ok(inFlight >= 5, result.stdout);
      assert.match(
        lines[inFlight],
        /^unconfirmed +hang\.ldif:\d+ +add .*The run was cancelled while 127\.0\.0\.1:\d+ had not answered the add of .*; it may or may not have been applied/,
      );
      assert.deepEqual(
        lines.slice(inFlight + 1).map((line) => line.split(/\s+/)[0]),
        Array(19 - inFlight).fill('not-attempted'),
      );
      assert.match(readFileSync(join(dir, 'hang.rej.ldif'), 'utf8'), /# 1 record\(s\) are unconfirmed/);
    } finally {
      await relay.close();
    }
  },
);

/** Sends one record through a relay that breaks on it, then reads it back on a fresh session. */
async function lostAnswer(
  ldif: string,
  breakIt: (relay: Awaited<ReturnType<typeof faultyRelay>>) => void,
): Promise<RecordResult> {
  const relay = await faultyRelay({ host: '127.0.0.1', port: portOf(live.url) });
  try {
    const settings: ConnectionSettings = {
      url: `ldap://127.0.0.1:${relay.port}`,
      bindDn: live.bindDn,
      password: new Secret(live.password),
      operationTimeoutMs: 10_000,
    };
    const session = await openSession(settings);
    breakIt(relay);
    const results: RecordResult[] = [];
    await runRecords(session, sourceRecords(textInput('lost.ldif', undefined, ldif), loadCatalog()), {
      maxFileValueBytes: 2 ** 21,
      reconnect: (signal) => openSession(settings, signal),
      onResult: (result) => void results.push(result),
    });
    await session.close();
    return results[0];
  } finally {
    await relay.close();
  }
}

test(
  'point 7: when the answer is lost, reading the entry back settles add, modify, rename and delete as applied',
  { skip, timeout: 60_000 },
  async () => {
    const dn = user('lost');
    const renamed = user('lost-renamed');
    cleanup.push(dn, renamed);
    const steps: [string, RegExp][] = [
      [addUser('lost'), /exists with every value of the record/],
      [
        `dn: ${dn}\nchangetype: modify\nreplace: description\ndescription: after the loss\n-\nadd: mail\nmail: lost@example.com\n-\n`,
        /shows every change of the record/,
      ],
      [
        `dn: ${dn}\nchangetype: modrdn\nnewrdn: uid=${run}-lost-renamed\ndeleteoldrdn: 1\n`,
        /exists and .* no longer does/,
      ],
      [`dn: ${renamed}\nchangetype: delete\n`, /no longer exists/],
    ];
    for (const [ldif, evidence] of steps) {
      const result = await lostAnswer(ldif, (relay) => relay.loseNextAnswer());
      assert.equal(result.status, 'applied', `${result.changeType}: ${result.cause}`);
      assert.match(result.readBack ?? '', /^the answer was lost; read back after reconnecting: /);
      assert.match(result.readBack ?? '', evidence);
    }
    assert.equal(await readBack(client, renamed), undefined);
  },
);

test(
  'point 7: a request that never reached the server is settled as not applied, and the reject file keeps it',
  { skip, timeout: 60_000 },
  async () => {
    cleanup.push(user('never'));
    const result = await lostAnswer(addUser('never'), (relay) => relay.cutNextRequest());
    assert.equal(result.status, 'failed');
    assert.match(
      result.cause ?? '',
      /The connection to 127\.0\.0\.1:\d+ was lost during the add of .*Read back after reconnecting: .* does not exist, so it was not applied\./,
    );
    assert.equal(await readBack(client, user('never')), undefined);
  },
);
