// The status attributes on a real sync, decoded by the engine and reported by `winsync-ldif status`:
// a wrong nsDS5ReplicaCredentials turns the last update to 49, a transport that does not match the
// port to -1; both come back to 0 once fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeAgreement } from '../../server/src/engine/status/agreementHealth';
import { runCli } from '../cli/helpers';
import { labForTests } from './lab';

const { skip, s } = labForTests(async (session) => {
  await session.setAgreement('nsDS5ReplicaCredentials', readFileSync(session.lab.adPasswordFile, 'utf8'));
  await session.setAgreement('nsDS5ReplicaTransportInfo', 'LDAPS');
});

interface StatusJson {
  readonly dn: string;
  readonly kind: string;
  readonly enabled: boolean;
  readonly lastUpdate: { code: number; message: string; time: string | null } | null;
  readonly explanation: string;
  readonly title: string;
  readonly fix: string | null;
}

/** `winsync-ldif status --format json` in-process: exit code and the parsed array. */
async function statusCli(): Promise<{ code: number; agreements: StatusJson[]; stderr: string }> {
  const { lab } = s;
  const run = await runCli([
    'status',
    '--url',
    lab.url,
    '--bind-dn',
    lab.bindDn,
    '--password-file',
    lab.passwordFile,
    '--ca-file',
    lab.caFile,
    '--format',
    'json',
  ]);
  return { code: run.code, agreements: JSON.parse(run.stdout || '[]') as StatusJson[], stderr: run.stderr };
}

/** The agreement as the engine decodes it, once its last update matches `pattern`. */
async function statusMatching(pattern: RegExp) {
  return s.until(`nsds5replicaLastUpdateStatus matches ${pattern}`, async () => {
    const entry = await s.agreement();
    return pattern.test(entry.nsds5replicalastupdatestatus?.[0] ?? '') && decodeAgreement(s.lab.agreementDn, entry);
  });
}

test(
  'a healthy agreement: the last incremental update succeeded, and `winsync-ldif status` exits 0',
  { skip },
  async () => {
    const health = await statusMatching(/^Error \(0\) Replica acquired successfully: Incremental update succeeded/);
    assert.equal(health.kind, 'windows');
    assert.equal(health.healthy, true);
    assert.equal(health.update.severity, 'ok');
    const cli = await statusCli();
    assert.equal(cli.code, 0, cli.stderr);
    const agreement = cli.agreements.find((candidate) => candidate.dn === s.lab.agreementDn);
    assert.ok(agreement, 'the lab agreement is listed');
    assert.equal(agreement.kind, 'windows');
    assert.equal(agreement.enabled, true);
    assert.equal(agreement.lastUpdate?.code, 0);
    assert.match(agreement.explanation, /DirSync/, 'the explanation says the status does not cover DirSync');
  },
);

test(
  'a wrong nsDS5ReplicaCredentials turns the last update to 49 within one interval, explained as bad sync credentials; the right one turns it back',
  { skip },
  async () => {
    await s.setAgreement('nsDS5ReplicaCredentials', 'not-the-AD-password');
    const failing = await statusMatching(/^Error \(49\)/);
    assert.equal(failing.lastUpdate?.code, 49);
    assert.match(failing.lastUpdate?.message ?? '', /Invalid credentials/);
    assert.equal(failing.update.title, 'Bad sync credentials');
    assert.match(failing.update.fix, /nsDS5ReplicaCredentials/);
    assert.equal(failing.healthy, false);

    const cli = await statusCli();
    assert.equal(cli.code, 1, 'status exits 1 while an enabled agreement fails');
    const agreement = cli.agreements.find((candidate) => candidate.dn === s.lab.agreementDn);
    assert.equal(agreement?.lastUpdate?.code, 49);
    assert.equal(agreement?.title, 'Bad sync credentials');
    assert.match(agreement?.fix ?? '', /replace: nsDS5ReplicaCredentials/);
    assert.ok(
      !JSON.stringify(cli.agreements).includes(readFileSync(s.lab.adPasswordFile, 'utf8')),
      'no credential in the output',
    );

    await s.setAgreement('nsDS5ReplicaCredentials', readFileSync(s.lab.adPasswordFile, 'utf8'));
    await statusMatching(/^Error \(0\)/);
    assert.equal((await statusCli()).code, 0);
  },
);

test(
  'plain LDAP to the LDAPS port (nsDS5ReplicaTransportInfo: LDAP on 636) turns the last update to -1, explained as "cannot reach the peer"',
  { skip },
  async () => {
    await s.setAgreement('nsDS5ReplicaTransportInfo', 'LDAP');
    const failing = await statusMatching(/^Error \(-1\)/);
    assert.match(failing.lastUpdate?.message ?? '', /Can't contact LDAP server/);
    assert.equal(failing.update.title, 'Cannot reach the peer');
    assert.match(failing.update.fix, /15\.5\.1/);
    await s.setAgreement('nsDS5ReplicaTransportInfo', 'LDAPS');
    await statusMatching(/^Error \(0\)/);
  },
);
