import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEditor, OPTION_WORDING } from '../../client/src/apply/wording';
import { formatSummary } from '../../server/src/apply/run';
import { explainConnectError } from '../../server/src/apply/errors';
import { insecureTlsWarning, parseLdapUrl } from '../../server/src/apply/connection';

const APPLY_ENGINE = join(__dirname, '../../server/src/apply');

test('every CLI option the apply engine names has an editor wording', () => {
  const named = new Set<string>();
  for (const file of readdirSync(APPLY_ENGINE)) {
    for (const match of readFileSync(join(APPLY_ENGINE, file), 'utf8').matchAll(/--[a-z][a-z-]+/g)) named.add(match[0]);
  }
  assert.ok(named.has('--ca-file'), 'the scan finds options');
  assert.deepEqual(
    [...named].filter((option) => !(option in OPTION_WORDING)),
    [],
  );
});

test('fixes name profile keys and settings instead of CLI options', () => {
  const endpoint = parseLdapUrl('ldaps://ipa.example.com');
  const context = {
    endpoint,
    phase: 'connect' as const,
    bindDn: 'cn=Directory Manager',
    usesTls: true,
    hasCaFile: true,
    timeouts: { connectTimeoutMs: 1000, operationTimeoutMs: 1000 },
  };
  const untrusted = explainConnectError(
    Object.assign(new Error('self-signed'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
    context,
    [],
  );
  const text = forEditor(`${untrusted.cause} Fix: ${untrusted.fix}`);
  assert.doesNotMatch(text, /--[a-z]/);
  assert.match(text, /not by the CA in "caFile" of the connection profile either/);
  assert.match(text, /set it as "caFile" in the connection profile/);
  assert.match(text, /15\.5\.1 "Trusting the Active Directory and IdM CA Certificates"/, 'the CA trust steps stay');

  assert.equal(
    forEditor(insecureTlsWarning(endpoint)).endsWith('Set "caFile" in the connection profile instead.'),
    true,
  );
  assert.equal(
    forEditor(
      'Check --bind-dn (389-DS root: cn=Directory Manager) and the password in --password-file / --password-env.',
    ),
    'Check "bindDn" of the connection profile (389-DS root: cn=Directory Manager) and the stored password (run "Winsync LDIF: Forget Password", then apply again to enter it).',
  );
  assert.equal(
    forEditor('Add --starttls, or use ldaps:// with the LDAPS port.'),
    'Add "startTls": true in the connection profile, or use ldaps:// with the LDAPS port.',
  );
  assert.equal(
    forEditor('raise --timeout; raise --connect-timeout'),
    'raise "timeoutSeconds" in the connection profile; raise "connectTimeoutSeconds" in the connection profile',
  );
});

test('the summary after a stop names the setting that goes on past failures', () => {
  const summary = formatSummary({
    address: 'h:389',
    results: [],
    stopReason: 'record-failed',
    counts: { applied: 1, failed: 1, unconfirmed: 0, 'not-attempted': 2 },
  });
  assert.equal(
    forEditor(summary),
    '1 applied, 1 failed, 2 not-attempted on h:389 (stopped at the first failure; the winsyncLdif.continueOnError setting goes on past failures)',
  );
});
