import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderRemedy as editorWords } from '../../client/src/apply/remedies';
import { renderRemedy as cliWords } from '../../server/src/cli/remedies';
import { connectionWarnings, parseLdapUrl } from '../../server/src/apply/connection';
import { explainConnectError, formatExplanation, type Remedy } from '../../server/src/apply/errors';
import { formatSummary } from '../../server/src/apply/run';

/** One remedy of every kind: adding a kind without adding it here fails to compile. */
const EVERY: { readonly [K in Remedy['kind']]: Extract<Remedy, { kind: K }> } = {
  advice: { kind: 'advice', text: 'Use changetype: modify.' },
  'check-credentials': { kind: 'check-credentials' },
  'check-account': { kind: 'check-account' },
  'give-password': { kind: 'give-password' },
  'remove-url-credentials': { kind: 'remove-url-credentials' },
  'use-tls': { kind: 'use-tls' },
  'drop-starttls': { kind: 'drop-starttls', host: 'ipa.example.com' },
  'trust-ca': { kind: 'trust-ca', advice: 'Check the URL scheme and port.' },
  'set-ca-file': { kind: 'set-ca-file' },
  'raise-timeout': { kind: 'raise-timeout', timeout: 'connect', advice: 'Check the host.' },
  'raise-file-limit': { kind: 'raise-file-limit', limit: 2 * 1024 * 1024, advice: 'Check the path.' },
  'continue-on-error': { kind: 'continue-on-error' },
  'use-ldapi': { kind: 'use-ldapi' },
};

test('the editor renders every remedy in its own words: profile keys, settings and commands, never a CLI option', () => {
  for (const remedy of Object.values(EVERY)) {
    const text = editorWords(remedy);
    assert.doesNotMatch(text, /(^|\s)--[a-z]/, `${remedy.kind}: ${text}`);
    assert.match(text, /\.$/, `${remedy.kind} is a sentence`);
  }
  assert.match(
    editorWords(EVERY['check-credentials']),
    /"bindDn" of the connection profile .*"Winsync LDIF: Forget Password"/,
  );
  assert.match(editorWords(EVERY['use-tls']), /"startTls": true in the connection profile/);
  assert.match(
    editorWords(EVERY['raise-timeout']),
    /^Check the host\. If the network is slow, raise "connectTimeoutSeconds" in the connection profile\.$/,
  );
  assert.match(editorWords(EVERY['raise-file-limit']), /winsyncLdif\.maxValueFileSizeMiB setting raises the 2 MiB cap/);
  assert.match(
    editorWords(EVERY['trust-ca']),
    /^Check the URL scheme and port\. Trust the CA .*15\.5\.1 .*set it as "caFile" in the connection profile.*15\.5\.7/,
  );
});

test('the command line renders every remedy with its options', () => {
  for (const remedy of Object.values(EVERY)) assert.ok(cliWords(remedy).length > 0, remedy.kind);
  assert.match(cliWords(EVERY['check-credentials']), /--bind-dn .*--password-file \/ --password-env/);
  assert.match(cliWords(EVERY['trust-ca']), /pass it with --ca-file/);
  assert.equal(cliWords(EVERY['raise-timeout']), 'Check the host. If the network is slow, raise --connect-timeout.');
});

test('the same explanation reads as profile keys in the editor and as options on the command line', () => {
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
  assert.match(
    formatExplanation(untrusted, editorWords),
    /not by the CA in the given CA file either\. Fix: Trust the CA .*set it as "caFile" in the connection profile/,
  );
  assert.match(formatExplanation(untrusted, cliWords), /Fix: Trust the CA .*pass it with --ca-file/);

  const [warning] = connectionWarnings({ url: 'ldaps://ipa.example.com', verifyTls: false });
  assert.equal(editorWords(warning.remedy), 'Set "caFile" in the connection profile instead.');
  const summary = {
    address: 'h:389',
    total: 4,
    stopReason: 'record-failed' as const,
    counts: { applied: 1, failed: 1, unconfirmed: 0, 'not-attempted': 2 },
  };
  assert.equal(
    formatSummary(summary, editorWords),
    '1 applied, 1 failed, 2 not-attempted on h:389 (stopped at the first failure). The winsyncLdif.continueOnError setting goes on past failures.',
  );
  assert.equal(
    formatSummary(summary, cliWords),
    '1 applied, 1 failed, 2 not-attempted on h:389 (stopped at the first failure). --continue goes on past failures.',
  );
});
