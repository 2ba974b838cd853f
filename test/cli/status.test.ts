import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli } from './helpers';
import { formatAgreement, toJson } from '../../server/src/cli/status';
import { decodeAgreement } from '../../server/src/engine/status/agreementHealth';
import { tempDir } from '../tempDir';

function passwordFile(): { dir: string; file: string } {
  const dir = tempDir('wsl-status-');
  const file = join(dir, 'pw');
  writeFileSync(file, 'Secret123!', { mode: 0o600 });
  return { dir, file };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('winsync-ldif status', () => {
  test('usage problems exit 2 and name the fix', async () => {
    const missingUrl = await runCli(['status', '--bind-dn', 'cn=Directory Manager']);
    assert.equal(missingUrl.code, 2);
    assert.match(missingUrl.stderr, /--url is required/);
    const format = await runCli(['status', '--url', 'ldap://localhost', '--bind-dn', 'cn=x', '--format', 'yaml']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be one of text, json/);
    const file = await runCli(['status', '--url', 'ldap://localhost', '--bind-dn', 'cn=x', 'agreement.ldif']);
    assert.equal(file.code, 2);
    assert.match(file.stderr, /status takes no file arguments/);
  });

  test('a password on the command line is refused before anything else', async () => {
    const run = await runCli(['status', '--url', 'ldap://localhost', '--bind-dn', 'cn=x', '-w', 'hunter2']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /passwords are not taken on the command line/);
    assert.ok(!run.stderr.includes('hunter2'));
  });

  test('no password source without a terminal is a usage error', async () => {
    const run = await runCli(['status', '--url', 'ldap://localhost', '--bind-dn', 'cn=x']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--password-file/);
  });

  test('a server that is not there exits 2 with the cause and fix, on one line', async () => {
    const { file } = passwordFile();
    const port = await closedPort();
    const run = await runCli([
      'status',
      '--url',
      `ldap://127.0.0.1:${port}`,
      '--bind-dn',
      'cn=Directory Manager',
      '--password-file',
      file,
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`Connection refused by 127\\.0\\.0\\.1:${port}.*Fix:`));
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.equal(run.stdout, '');
  });

  test('the help lists status with its exit codes', async () => {
    const run = await runCli(['--help']);
    assert.match(run.stdout, /winsync-ldif status --url URL --bind-dn DN/);
    assert.match(
      run.stdout,
      /0 every enabled agreement's last update succeeded, 1 some did not, 2 usage or connection problem/,
    );
  });
});

describe('status output', () => {
  const health = decodeAgreement('cn=ad-sync,cn=replica,cn=x,cn=mapping tree,cn=config', {
    objectclass: ['nsDSWindowsReplicationAgreement'],
    cn: ['ad-sync'],
    nsds5replicahost: ['dc1.ad.example.test'],
    nsds5replicaport: ['636'],
    nsds5replicatransportinfo: ['LDAPS'],
    nsds5replicalastupdatestatus: ['Error (49)  -  - LDAP error: Invalid credentials (no response received)'],
    nsds5replicalastupdateend: ['20261205003000Z'],
    nsds5replicalastinitstatus: ['Error (0) Total update succeeded'],
    nsds5replicalastinitend: ['20261205002000Z'],
  });

  test('JSON: dn, kind, enabled, lastUpdate and lastInit as {code, message, time}, explanation', () => {
    const json = toJson(health);
    assert.equal(json.dn, 'cn=ad-sync,cn=replica,cn=x,cn=mapping tree,cn=config');
    assert.equal(json.kind, 'windows');
    assert.equal(json.enabled, true);
    assert.deepEqual(
      {
        code: (json.lastUpdate as { code: number }).code,
        message: (json.lastUpdate as { message: string }).message,
        time: (json.lastUpdate as { time: string }).time,
      },
      { code: 49, message: 'LDAP error: Invalid credentials (no response received)', time: '2026-12-05T00:30:00.000Z' },
    );
    assert.equal((json.lastInit as { code: number }).code, 0);
    assert.match(json.explanation as string, /Bad sync credentials/);
    assert.equal(json.healthy, false);
  });

  test('text: a head line with peer and state, the last update marked FAILED, then cause and fix', () => {
    const lines = formatAgreement(health);
    assert.equal(lines[0], 'ad-sync  Windows sync with dc1.ad.example.test:636 (LDAPS), enabled');
    assert.ok(
      lines.some((line) =>
        /^ {2}last update +FAILED: Bad sync credentials, 2026-12-05 00:30:00 UTC: Error \(49\)/.test(line),
      ),
    );
    assert.ok(
      lines.some((line) =>
        /^ {2}last init +succeeded, 2026-12-05 00:20:00 UTC: Error \(0\) Total update succeeded$/.test(line),
      ),
    );
    assert.ok(lines.some((line) => /^ {2}fix +Replace nsDS5ReplicaCredentials/.test(line)));
  });
});
