// The status attributes on a real sync, decoded by the engine and reported by `winsync-ldif status`:
// a wrong nsDS5ReplicaCredentials turns the last update to 49, a transport that does not match the
// port to -1; both come back to 0 once fixed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { runStatusCommand } from '../../server/src/cli/status';
import { decodeAgreement } from '../../server/src/engine/status/agreementHealth';
import { labFromEnv, LabSession, type Lab } from './lab';

const lab = labFromEnv();
const skip = 'skip' in lab ? lab.skip : false;
const live = lab as Lab;
let s: LabSession;

before(async () => {
  if (skip) return;
  s = await LabSession.open(live);
});

after(async () => {
  if (skip) return;
  await s.setAgreement('nsDS5ReplicaCredentials', readFileSync(live.adPasswordFile, 'utf8'));
  await s.setAgreement('nsDS5ReplicaTransportInfo', 'LDAPS');
  await s.close();
});

/** `winsync-ldif status --format json` in-process: exit code and the parsed array. */
async function statusCli(): Promise<{ code: number; agreements: { dn: string; kind: string; enabled: boolean; lastUpdate: { code: number; message: string; time: string | null } | null; lastInit: unknown; explanation: string; title: string; fix: string | null }[]; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runStatusCommand(
    ['--url', live.url, '--bind-dn', live.bindDn, '--password-file', live.passwordFile, '--ca-file', live.caFile, '--format', 'json'],
    { stdout, stderr, stdin: Readable.from([]), env: {}, cwd: process.cwd() },
  );
  return { code, agreements: JSON.parse(Buffer.concat(out).toString() || '[]'), stderr: Buffer.concat(err).toString() };
}

/** The agreement as the engine decodes it, once its last update matches `pattern`. */
async function statusMatching(pattern: RegExp) {
  return s.until(`nsds5replicaLastUpdateStatus matches ${pattern}`, async () => {
    const entry = await s.agreement();
    return pattern.test(entry.nsds5replicalastupdatestatus?.[0] ?? '') && decodeAgreement(live.agreementDn, entry);
  });
}

test('a healthy agreement: the last incremental update succeeded, and `winsync-ldif status` exits 0', { skip }, async () => {
  const health = await statusMatching(/^Error \(0\) Replica acquired successfully: Incremental update succeeded/);
  assert.equal(health.kind, 'windows');
  assert.equal(health.healthy, true);
  assert.equal(health.update.severity, 'ok');
  const cli = await statusCli();
  assert.equal(cli.code, 0, cli.stderr);
  const agreement = cli.agreements.find((candidate) => candidate.dn === live.agreementDn);
  assert.ok(agreement, 'the lab agreement is listed');
  assert.equal(agreement.kind, 'windows');
  assert.equal(agreement.enabled, true);
  assert.equal(agreement.lastUpdate?.code, 0);
  assert.match(agreement.explanation, /DirSync/, 'the explanation says the status does not cover DirSync');
});

test('a wrong nsDS5ReplicaCredentials turns the last update to 49 within one interval, explained as bad sync credentials; the right one turns it back', { skip }, async () => {
  await s.setAgreement('nsDS5ReplicaCredentials', 'not-the-AD-password');
  const failing = await statusMatching(/^Error \(49\)/);
  assert.equal(failing.lastUpdate?.code, 49);
  assert.match(failing.lastUpdate?.message ?? '', /Invalid credentials/);
  assert.equal(failing.update.title, 'Bad sync credentials');
  assert.match(failing.update.fix, /nsDS5ReplicaCredentials/);
  assert.equal(failing.healthy, false);

  const cli = await statusCli();
  assert.equal(cli.code, 1, 'status exits 1 while an enabled agreement fails');
  const agreement = cli.agreements.find((candidate) => candidate.dn === live.agreementDn);
  assert.equal(agreement?.lastUpdate?.code, 49);
  assert.equal(agreement?.title, 'Bad sync credentials');
  assert.match(agreement?.fix ?? '', /replace: nsDS5ReplicaCredentials/);
  assert.ok(!JSON.stringify(cli.agreements).includes(readFileSync(live.adPasswordFile, 'utf8')), 'no credential in the output');

  await s.setAgreement('nsDS5ReplicaCredentials', readFileSync(live.adPasswordFile, 'utf8'));
  await statusMatching(/^Error \(0\)/);
  assert.equal((await statusCli()).code, 0);
});

test('plain LDAP to the LDAPS port (nsDS5ReplicaTransportInfo: LDAP on 636) turns the last update to -1, explained as "cannot reach the peer"', { skip }, async () => {
  await s.setAgreement('nsDS5ReplicaTransportInfo', 'LDAP');
  const failing = await statusMatching(/^Error \(-1\)/);
  assert.match(failing.lastUpdate?.message ?? '', /Can't contact LDAP server/);
  assert.equal(failing.update.title, 'Cannot reach the peer');
  assert.match(failing.update.fix, /15\.5\.1/);
  await s.setAgreement('nsDS5ReplicaTransportInfo', 'LDAPS');
  await statusMatching(/^Error \(0\)/);
});
