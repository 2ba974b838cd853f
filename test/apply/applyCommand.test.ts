import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runApplyCommand } from '../../server/src/cli/apply';

const dir = mkdtempSync(join(tmpdir(), 'winsync-cli-'));
writeFileSync(join(dir, 'ok.ldif'), 'dn: uid=a,dc=x\nchangetype: delete\n');
writeFileSync(join(dir, 'pw'), 'pw\n', { mode: 0o600 });
// Port 9 (discard) on loopback: nothing there, and these tests must fail before connecting anyway.
const BASE = ['--url', 'ldap://127.0.0.1:9', '--bind-dn', 'cn=Directory Manager'];

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await runApplyCommand(argv, { stdout, stderr, stdin: Readable.from([]), env, cwd: dir });
  return { code, stdout: out, stderr: err };
}

test('a password on the command line is refused without echoing it', async () => {
  for (const argv of [['-wHunter2'], ['--password=Hunter2'], ['--password', 'Hunter2'], ['-w', 'Hunter2']]) {
    const result = await run([...BASE, ...argv, 'ok.ldif']);
    assert.equal(result.code, 2, argv.join(' '));
    assert.match(result.stderr, /passwords are not taken on the command line.*--password-file F, --password-env VAR/);
    assert.doesNotMatch(result.stderr, /Hunter2/);
  }
});

test('missing --url, --bind-dn or files, and conflicting options, are usage errors (exit 2) with the usage text', async () => {
  assert.match((await run(['ok.ldif'])).stderr, /--url is required/);
  assert.match((await run(['--url', 'ldap://h', 'ok.ldif'])).stderr, /--bind-dn is required/);
  assert.match((await run(BASE)).stderr, /name at least one LDIF file/);
  assert.match(
    (await run([...BASE, '--password-file', 'pw', '--password-env', 'X', 'ok.ldif'])).stderr,
    /either --password-file or --password-env/,
  );
  assert.match(
    (await run([...BASE, '--dry-run', '--reject-file', 'r.ldif', 'ok.ldif'])).stderr,
    /--reject-file has no effect with --dry-run/,
  );
  const bad = await run([...BASE, '--format', 'xml', 'ok.ldif']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be one of text, json.*\nusage: winsync-ldif apply/s);
});

test('without a terminal, a password file or a variable there is no password source: exit 2', async () => {
  const result = await run([...BASE, 'ok.ldif']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /no password source: pass --password-file F or --password-env VAR/);
});

test('an unreadable input file and --starttls with ldaps:// are usage errors', async () => {
  assert.match(
    (await run([...BASE, '--password-env', 'P', 'missing.ldif'], { P: 'x' })).stderr,
    /cannot read missing\.ldif: no such file/,
  );
  const tls = await run(
    ['--url', 'ldaps://127.0.0.1:9', '--bind-dn', 'cn=x', '--starttls', '--password-env', 'P', 'ok.ldif'],
    { P: 'x' },
  );
  assert.equal(tls.code, 2);
  assert.match(
    tls.stderr,
    /StartTLS was asked for with ldaps:\/\/127\.0\.0\.1:9, which is TLS already\. Fix: Drop --starttls/,
  );
});

test('--help prints the usage and exits 0', async () => {
  const result = await run(['--help']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^usage: winsync-ldif apply --url URL \(--bind-dn DN .*\| --sasl-external\)/);
});
