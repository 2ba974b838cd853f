import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { connectionWarnings, openSession, type ConnectionSettings } from '../../server/src/apply/connection';
import { ApplyError, formatExplanation } from '../../server/src/apply/errors';
import { renderRemedy } from '../../server/src/cli/remedies';
import { Secret } from '../../server/src/apply/secret';
import { closedPort, portOf, silentServer, testServer } from './server';

const server = testServer();
const skip = 'skip' in server ? server.skip : false;
const live = server as Exclude<typeof server, { skip: string }>;
const WRONG_CA = join(__dirname, '../fixtures/apply/wrong-ca.pem');

function settings(overrides: Partial<ConnectionSettings> = {}): ConnectionSettings {
  return { url: live.url, bindDn: live.bindDn, password: new Secret(live.password), ...overrides };
}

/** Opens and closes a session; returns the warnings, or the ApplyError it failed with. */
async function attempt(
  overrides: Partial<ConnectionSettings> = {},
): Promise<{ warnings: readonly string[] } | ApplyError> {
  try {
    const session = await openSession(settings(overrides));
    assert.equal(session.isBound(), true);
    await session.close();
    return { warnings: connectionWarnings(settings(overrides)).map((warning) => warning.text) };
  } catch (error) {
    if (error instanceof ApplyError) return error;
    throw error;
  }
}

function assertFailure(result: Awaited<ReturnType<typeof attempt>>, kind: string, ...fragments: RegExp[]): ApplyError {
  assert.ok(result instanceof ApplyError, 'the connection should have failed');
  const message = formatExplanation(result.explanation, renderRemedy);
  assert.equal(result.explanation.kind, kind, message);
  for (const fragment of fragments) assert.match(message, fragment);
  assert.doesNotMatch(message, /\n/, 'one line');
  assert.ok(!message.includes(live.password), 'the password never appears in a message');
  return result;
}

test('a simple bind over plain LDAP succeeds', { skip }, async () => {
  assert.deepEqual(await attempt(), { warnings: [] });
});

test(
  'a wrong password is explained as 49 with the bind DN and where to look, without the password',
  { skip },
  async () => {
    const failure = assertFailure(
      await attempt({ password: new Secret(`${live.password}-wrong`) }),
      'auth',
      /49 Invalid credentials/,
      /cn=Directory Manager/,
      /--password-file/,
    );
    assert.ok(!failure.message.includes(`${live.password}-wrong`));
  },
);

test('a refused port names host and port and how to check the server', { skip }, async () => {
  const port = await closedPort();
  assertFailure(
    await attempt({ url: `ldap://127.0.0.1:${port}` }),
    'connection',
    new RegExp(`127\\.0\\.0\\.1:${port}`),
    /refused/,
    /dsctl/,
  );
});

test('a server that accepts but never answers times out with host, port and the time waited', { skip }, async () => {
  const silent = await silentServer();
  try {
    const started = Date.now();
    const failure = assertFailure(
      await attempt({ url: `ldap://127.0.0.1:${silent.port}`, operationTimeoutMs: 800 }),
      'timeout',
      new RegExp(`127\\.0\\.0\\.1:${silent.port}`),
      /0\.8 s/,
    );
    assert.ok(Date.now() - started < 5_000, `bounded: ${failure.message}`);
  } finally {
    await silent.close();
  }
});

test('StartTLS with the instance CA verifies the certificate against the URL host', { skip }, async () => {
  assert.deepEqual(await attempt({ startTls: true, caFile: live.caFile }), { warnings: [] });
});

test('LDAPS with the instance CA succeeds', { skip }, async () => {
  assert.deepEqual(await attempt({ url: live.tlsUrl, caFile: live.caFile }), { warnings: [] });
});

test('LDAPS without a CA fails closed and points to the IdM CA steps 15.5.1 and 15.5.7', { skip }, async () => {
  assertFailure(
    await attempt({ url: live.tlsUrl }),
    'tls',
    /SELF_SIGNED_CERT_IN_CHAIN/,
    /15\.5\.1/,
    /15\.5\.7/,
    /Imported CA/,
    /--ca-file/,
  );
});

test('a wrong CA fails closed, on LDAPS and on StartTLS', { skip }, async () => {
  assertFailure(
    await attempt({ url: live.tlsUrl, caFile: WRONG_CA }),
    'tls',
    /not signed by a trusted CA/,
    /not by the CA in the given CA file either/,
    /--ca-file/,
  );
  assertFailure(await attempt({ startTls: true, caFile: WRONG_CA }), 'tls', /not signed by a trusted CA/);
});

test('StartTLS to an IP address the certificate does not name fails, naming the names it does', { skip }, async () => {
  // ldapts would check "localhost" by default; the URL host must be what is verified.
  assertFailure(
    await attempt({ url: live.ipUrl, startTls: true, caFile: live.caFile }),
    'tls',
    /DNS:localhost/,
    /not for "127\.0\.0\.1"/,
    /ldap:\/\/localhost:/,
  );
  const tlsIp = `ldaps://127.0.0.1:${portOf(live.tlsUrl)}`;
  assertFailure(await attempt({ url: tlsIp, caFile: live.caFile }), 'tls', /DNS:localhost/);
});

test('turning verification off is explicit and comes with a visible warning', { skip }, async () => {
  const result = await attempt({ url: live.tlsUrl, verifyTls: false });
  assert.ok(!(result instanceof ApplyError), String(result));
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0], /verification is OFF/);
  assert.match(result.warnings[0], /localhost:\d+/);
});

test('LDAPS to the plain LDAP port is a TLS handshake failure with the fix', { skip }, async () => {
  const wrongScheme = `ldaps://localhost:${portOf(live.url)}`;
  assertFailure(
    await attempt({ url: wrongScheme, caFile: live.caFile, connectTimeoutMs: 3_000 }),
    'tls',
    /TLS handshake/,
    /ldap:\/\//,
  );
});

test('plain LDAP to the LDAPS port times out and suggests ldaps://', { skip }, async () => {
  const wrongScheme = `ldap://localhost:${portOf(live.tlsUrl)}`;
  assertFailure(await attempt({ url: wrongScheme, operationTimeoutMs: 1_000 }), 'timeout', /ldaps:\/\//);
});

test('cancelling while connecting stops at once', { skip }, async () => {
  const silent = await silentServer();
  try {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await assert.rejects(
      openSession(settings({ url: `ldap://127.0.0.1:${silent.port}`, operationTimeoutMs: 20_000 }), controller.signal),
      (error: unknown) => error instanceof ApplyError && error.explanation.kind === 'cancelled',
    );
    assert.ok(Date.now() - started < 2_000);
  } finally {
    await silent.close();
  }
});
