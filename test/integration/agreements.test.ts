// Agreements on the real 389-DS of scripts/ds389.sh: its seeded Windows agreement points at a port
// where nothing listens, so its status is a real "cannot reach AD" (-1). Read, decoded, written as
// LDIF, compared with a record, disabled and enabled again, and reported by `winsync-ldif status`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  readAgreement,
  readAgreements,
  agreementLdif,
  compareWithLive,
  readLiveEntry,
  recordOf,
  runAgreementAction,
} from '../../server/src/apply/agreements';
import { openSession, type LdapSession } from '../../server/src/apply/connection';
import { Secret } from '../../server/src/apply/secret';
import { loadCatalog } from '../../server/src/engine/catalog';
import { parseLdif } from '../../server/src/engine/ldif/parser';
import { runCli } from '../cli/helpers';
import { testServer } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;
const AD_PASSWORD = 'AdPass123!';
let session: LdapSession;

before(async () => {
  if (skip) return;
  session = await openSession({ url: live.url, bindDn: live.bindDn, password: new Secret(live.password) });
});

after(async () => {
  if (skip) return;
  await runAgreementAction(session, live.agreementDn, 'enable', loadCatalog());
  await session.close();
});

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test(
  'the seeded agreement is found under cn=mapping tree, decoded as a Windows agreement that cannot reach its peer',
  { skip },
  async () => {
    const agreements = await readAgreements(session.client);
    const agreement = agreements.find((candidate) => candidate.dn.toLowerCase() === live.agreementDn.toLowerCase());
    assert.ok(agreement, `found among ${agreements.map((candidate) => candidate.dn).join('; ')}`);
    assert.equal(agreement.kind, 'windows');
    assert.equal(agreement.peer, '127.0.0.1:63998');
    // The server retries with back-off; the first failed attempt sets -1.
    const failing = await until('the agreement reports -1', async () => {
      const current = await readAgreement(session.client, live.agreementDn);
      return current?.lastUpdate?.code === -1 && current;
    });
    assert.equal(failing.update.title, 'Cannot reach the peer');
    assert.equal(failing.healthy, false);
    assert.match(failing.explanation, /Can't contact LDAP server/);
  },
);

test('winsync-ldif status lists it, text and JSON, and exits 1', { skip }, async () => {
  const text = await runCli([
    'status',
    '--url',
    live.tlsUrl,
    '--ca-file',
    live.caFile,
    '--bind-dn',
    live.bindDn,
    '--password-file',
    live.passwordFile,
  ]);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /^ad-sync {2}Windows sync with 127\.0\.0\.1:63998 \(LDAP\), enabled$/m);
  assert.match(text.stdout, /^ {2}last update +FAILED: Cannot reach the peer, .*Error \(-1\)/m);
  assert.match(text.stderr, /1 failing \(ad-sync\)/);
  const json = await runCli([
    'status',
    '--url',
    live.url,
    '--bind-dn',
    live.bindDn,
    '--password-file',
    live.passwordFile,
    '--format',
    'json',
  ]);
  assert.equal(json.code, 1);
  const [agreement] = JSON.parse(json.stdout) as {
    kind: string;
    enabled: boolean;
    lastUpdate: { code: number };
    lastInit: null;
  }[];
  assert.deepEqual(
    [agreement.kind, agreement.enabled, agreement.lastUpdate.code, agreement.lastInit],
    ['windows', true, -1, null],
  );
  for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) {
    assert.ok(!output.includes(AD_PASSWORD) && !output.includes(live.password), 'no password in the output');
  }
});

test('a wrong bind password exits 2 with the fix', { skip }, async () => {
  const run = await runCli(['status', '--url', live.url, '--bind-dn', live.bindDn, '--password-env', 'PW'], {
    env: { PW: 'wrong-password' },
  });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /refused the bind as "cn=Directory Manager": 49 Invalid credentials.*Fix:/);
});

test(
  'as LDIF: a content record without the credentials; what the server keeps is listed as comments',
  { skip },
  async () => {
    const entry = await readLiveEntry(session.client, live.agreementDn, ['*', 'nsds5replicaLastUpdateStatus']);
    const health = await readAgreement(session.client, live.agreementDn);
    assert.ok(entry && health);
    const text = agreementLdif(entry, health, loadCatalog(), live.url);
    assert.ok(!text.includes('{AES-') && !text.includes(AD_PASSWORD), 'the stored credentials are withheld');
    assert.match(text, /^# nsDS5ReplicaCredentials: \[withheld\]/m);
    assert.match(text, /^#   nsds5replicaLastUpdateStatus: Error \(-1\)/m);
    assert.match(text, /^# Windows sync agreement "ad-sync" read from /);
    const document = parseLdif(text);
    assert.equal(document.records.length, 1);
    assert.equal(document.records[0].dn?.value, entry.dn);
    assert.ok(document.records[0].attributes.some((line) => line.name === 'winSyncInterval'));
  },
);

test(
  'compare: the live entry beside the entry as a modify record would leave it, credentials withheld on both sides',
  { skip },
  async () => {
    const ldif = `dn: ${live.agreementDn}\nchangetype: modify\nreplace: winSyncInterval\nwinSyncInterval: 600\n-\n`;
    const item = await recordOf(ldif, 0, loadCatalog(), { file: undefined, baseDir: undefined });
    assert.ok(item);
    const before = (await readLiveEntry(session.client, live.agreementDn))?.attributes.find(
      (attribute) => attribute.type === 'winSyncInterval',
    )?.values[0];
    const comparison = await compareWithLive(session, item, loadCatalog());
    assert.equal(comparison.exists, true);
    assert.deepEqual(comparison.problems, []);
    assert.match(comparison.live, new RegExp(`^winSyncInterval: ${before}$`, 'm'));
    assert.match(comparison.after, /^winSyncInterval: 600$/m);
    const others = (text: string) => text.split('\n').filter((line) => !line.startsWith('winSyncInterval:'));
    assert.deepEqual(others(comparison.after), others(comparison.live), 'nothing else differs');
    assert.match(comparison.live, /^nsDS5ReplicaCredentials: \[withheld\]$/m);
    assert.ok(!comparison.live.includes('{AES-'));
    const afterIs = (await readLiveEntry(session.client, live.agreementDn))?.attributes.find(
      (attribute) => attribute.type === 'winSyncInterval',
    )?.values[0];
    assert.equal(afterIs, before, 'nothing was written');
  },
);

test(
  'disable and enable: nsds5ReplicaEnabled changes, the status says so, and a disabled agreement does not count as failing',
  { skip },
  async () => {
    const [disabled] = await runAgreementAction(session, live.agreementDn, 'disable', loadCatalog());
    assert.equal(disabled.status, 'applied');
    const health = await until('the agreement reads as disabled', async () => {
      const current = await readAgreement(session.client, live.agreementDn);
      return current?.enabled === false && current;
    });
    assert.equal(health.healthy, true);
    assert.equal(health.update.title, 'Disabled');
    const results = await runAgreementAction(session, live.agreementDn, 'enable', loadCatalog());
    assert.deepEqual(
      results.map((result) => result.status),
      ['applied'],
    );
    assert.equal((await readAgreement(session.client, live.agreementDn))?.enabled, true);
  },
);
