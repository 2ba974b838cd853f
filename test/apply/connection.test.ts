import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertNoWireLogging,
  clientOptionsFor,
  connectionWarnings,
  isLoopbackHost,
  parseLdapUrl,
  readCaFile,
  tlsOptionsFor,
} from '../../server/src/apply/connection';
import { Socket } from 'node:net';
import { ApplyError, formatExplanation } from '../../server/src/apply/errors';
import { renderRemedy } from '../../server/src/cli/remedies';

function usageMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ApplyError);
    assert.equal(error.explanation.kind, 'usage');
    return formatExplanation(error.explanation, renderRemedy);
  }
  assert.fail('expected a usage error');
}

test('ldapi:// URLs name a Unix socket, percent-encoded as OpenLDAP writes them', () => {
  assert.deepEqual(parseLdapUrl('ldapi://%2Frun%2Fslapd-ipa.socket'), {
    scheme: 'ldapi',
    host: 'localhost',
    port: 0,
    address: '/run/slapd-ipa.socket',
    url: 'ldapi://%2Frun%2Fslapd-ipa.socket',
    socketPath: '/run/slapd-ipa.socket',
  });
  assert.equal(
    parseLdapUrl('LDAPI://%2Fvar%2Frun%2Fslapd-EXAMPLE-COM.socket/').socketPath,
    '/var/run/slapd-EXAMPLE-COM.socket',
  );
  assert.match(
    usageMessage(() => parseLdapUrl('ldapi://')),
    /does not name a socket.*ldapi:\/\/%2Frun%2Fslapd-INSTANCE\.socket/,
  );
  assert.match(
    usageMessage(() => parseLdapUrl('ldapi://run%2Fslapd.socket')),
    /is not absolute/,
  );
  assert.deepEqual(
    connectionWarnings({ url: 'ldapi://%2Frun%2Fslapd-ipa.socket', saslExternal: true }),
    [],
    'a local socket never crosses a network',
  );
});

test('LDAP URLs: default ports, IPv6 literals, and only scheme/host/port', () => {
  assert.deepEqual(parseLdapUrl('ldap://ipa.example.com'), {
    scheme: 'ldap',
    host: 'ipa.example.com',
    port: 389,
    address: 'ipa.example.com:389',
    url: 'ldap://ipa.example.com:389',
  });
  assert.equal(parseLdapUrl('LDAPS://ipa.example.com').port, 636);
  assert.deepEqual(parseLdapUrl('ldap://[::1]:3389'), {
    scheme: 'ldap',
    host: '::1',
    port: 3389,
    address: '[::1]:3389',
    url: 'ldap://[::1]:3389',
  });
});

test('URLs that cannot be used are usage errors with the fix', () => {
  assert.match(
    usageMessage(() => parseLdapUrl('ipa.example.com')),
    /is not a URL.*ldap:\/\/HOST:389/,
  );
  assert.match(
    usageMessage(() => parseLdapUrl('http://ipa.example.com')),
    /scheme "http:" is not supported/,
  );
  assert.match(
    usageMessage(() => parseLdapUrl('ldap://ipa.example.com/dc=example,dc=com')),
    /has a DN or query part/,
  );
  const withPassword = usageMessage(() => parseLdapUrl('ldap://admin:hunter2@ipa.example.com'));
  assert.match(withPassword, /contains credentials/);
  assert.doesNotMatch(withPassword, /hunter2/);
});

test('TLS options verify by default, carry the CA, and set SNI only for host names', () => {
  const ca = Buffer.from('pem');
  assert.deepEqual(tlsOptionsFor(parseLdapUrl('ldaps://ipa.example.com'), ca, true), {
    host: 'ipa.example.com',
    servername: 'ipa.example.com',
    ca: [ca],
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
  });
  const ip = tlsOptionsFor(parseLdapUrl('ldap://127.0.0.1'), undefined, false);
  assert.equal(ip.servername, undefined, 'RFC 6066: no IP address in SNI');
  assert.equal(ip.host, '127.0.0.1', 'the name the certificate is checked against');
  assert.equal(ip.rejectUnauthorized, false);
});

test('ldapts gets the open socket once through its documented factory; a reconnect gets a socket that fails at once', async () => {
  const socket = new Socket();
  const plain = clientOptionsFor(parseLdapUrl('ldap://h'), socket, 2);
  assert.equal(plain.timeout, 2);
  assert.equal(plain.createSecureConnection, undefined, 'StartTLS keeps the default upgrade');
  const make = plain.createConnection as unknown as () => Socket;
  assert.equal(make(), socket);
  const again = make();
  assert.notEqual(again, socket);
  const error = await new Promise<NodeJS.ErrnoException>((resolve) => again.once('error', resolve));
  assert.equal(error.code, 'ECONNRESET');
  assert.match(error.message, /not reopened without its bind/);
  const secure = clientOptionsFor(parseLdapUrl('ldaps://h'), socket, 2);
  assert.equal(secure.url, 'ldaps://localhost:636');
  assert.equal((secure.createSecureConnection as unknown as () => Socket)(), socket);
});

test('NODE_DEBUG naming ldapts is refused: it would log attribute values such as passwords', () => {
  assert.match(
    usageMessage(() => assertNoWireLogging({ NODE_DEBUG: 'net,ldapts' })),
    /Unset NODE_DEBUG/,
  );
  assertNoWireLogging({ NODE_DEBUG: 'net,tls' });
  assertNoWireLogging({});
});

test('a CA file must exist and be PEM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winsync-ca-'));
  writeFileSync(join(dir, 'ca.der'), Buffer.from([0x30, 0x82, 0x01]));
  await assert.rejects(
    readCaFile(join(dir, 'missing.pem')),
    /The CA file .*missing\.pem does not exist\. Fix: Pass the CA certificate/,
  );
  await assert.rejects(
    readCaFile(join(dir, 'ca.der')),
    /holds no PEM certificate\. Fix: Convert it to PEM: openssl x509 -inform der/,
  );
  writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  assert.ok((await readCaFile(join(dir, 'ca.pem'))).length > 0);
});

test('plain ldap:// to another host warns that the password crosses the network unencrypted; loopback and TLS do not', () => {
  const base = { bindDn: 'cn=Directory Manager' };
  const [warning] = connectionWarnings({ ...base, url: 'ldap://ipa.example.com' });
  assert.match(
    warning.text,
    /plain LDAP: the password of cn=Directory Manager crosses the network to ipa\.example\.com:389 unencrypted/,
  );
  assert.equal(renderRemedy(warning.remedy), 'Add --starttls, or use ldaps:// with the LDAPS port.');
  for (const url of ['ldap://127.0.0.1:389', 'ldap://localhost', 'ldap://[::1]:1389', 'ldap://127.8.9.10']) {
    assert.deepEqual(connectionWarnings({ ...base, url }), [], url);
  }
  assert.deepEqual(connectionWarnings({ ...base, url: 'ldap://ipa.example.com', startTls: true }), []);
  assert.deepEqual(connectionWarnings({ ...base, url: 'ldaps://ipa.example.com' }), []);
  assert.match(
    connectionWarnings({ ...base, url: 'ldaps://ipa.example.com', verifyTls: false })[0].text,
    /verification is OFF/,
  );
});

test('isLoopbackHost recognises only addresses that stay on the machine', () => {
  assert.equal(isLoopbackHost('127.0.0.1'), true);
  assert.equal(isLoopbackHost('LOCALHOST'), true);
  assert.equal(isLoopbackHost('::1'), true);
  assert.equal(isLoopbackHost('10.0.0.1'), false);
  assert.equal(isLoopbackHost('127.example.com'), false);
});
