/**
 * Opening an authenticated LDAP session with ldapts: URL checks, TLS (LDAPS or StartTLS)
 * verified against a CA file by default, bounded connect/operation times, simple bind.
 * Every failure becomes an ApplyError whose message says what failed, where, and the fix.
 */
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client, type ClientOptions } from 'ldapts';
import { ApplyError, explainConnectError, type ConnectPhase } from './errors';
import { connectNow, destroyConnection } from './ldaptsInternals';
import type { Secret } from './secret';

export interface Endpoint {
  readonly scheme: 'ldap' | 'ldaps';
  readonly host: string;
  readonly port: number;
  /** `host:port` as messages show it. */
  readonly address: string;
  /** The URL without anything but scheme, host and port. */
  readonly url: string;
}

export interface ConnectionSettings {
  readonly url: string;
  readonly bindDn: string;
  readonly password: Secret;
  /** Upgrade an ldap:// connection with StartTLS before binding. */
  readonly startTls?: boolean;
  /** PEM file with the CA certificate(s) that signed the server certificate. */
  readonly caFile?: string;
  /** Certificate verification; only an explicit `false` turns it off. */
  readonly verifyTls?: boolean;
  readonly connectTimeoutMs?: number;
  readonly operationTimeoutMs?: number;
  /** No bind (bindDn and password are not used): only for reading what anyone may read, e.g. the schema. */
  readonly anonymous?: boolean;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_OPERATION_TIMEOUT_MS = 30_000;

export interface LdapSession {
  readonly client: Client;
  readonly endpoint: Endpoint;
  readonly operationTimeoutMs: number;
  /** Things the user must see before anything else happens (TLS verification off). */
  readonly warnings: readonly string[];
  /** True while the connection still carries the bind (ldapts reconnects anonymously). */
  isBound(): boolean;
  close(): Promise<void>;
}

/** Parses `ldap://host[:port]` / `ldaps://host[:port]`; anything else is a usage error. */
export function parseLdapUrl(url: string): Endpoint {
  const usage = (cause: string, fix: string) => new ApplyError({ kind: 'usage', cause, fix });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usage(`"${url}" is not a URL.`, 'Write it as ldap://HOST:389 or ldaps://HOST:636.');
  }
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'ldap' && scheme !== 'ldaps') {
    throw usage(
      `The URL scheme "${scheme}:" is not supported.`,
      'Use ldap:// (optionally with --starttls) or ldaps://.',
    );
  }
  if (parsed.username || parsed.password) {
    throw usage(
      'The URL contains credentials.',
      'Remove them from the URL; give the bind DN with --bind-dn and the password with --password-file or --password-env.',
    );
  }
  if ((parsed.pathname && parsed.pathname !== '/') || parsed.search || parsed.hash) {
    throw usage(
      `The URL "${url}" has a DN or query part.`,
      `Give only scheme, host and port, e.g. ${scheme}://${parsed.host || 'HOST'}.`,
    );
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host)
    throw usage(`The URL "${url}" has no host.`, `Write it as ${scheme}://HOST:${scheme === 'ldaps' ? 636 : 389}.`);
  const port = parsed.port ? Number(parsed.port) : scheme === 'ldaps' ? 636 : 389;
  const hostText = isIP(host) === 6 ? `[${host}]` : host;
  return { scheme, host, port, address: `${hostText}:${port}`, url: `${scheme}://${hostText}:${port}` };
}

/** Reads a PEM CA file; a DER file or a missing file is a usage error with the fix. */
export async function readCaFile(path: string): Promise<Buffer> {
  let pem: Buffer;
  try {
    pem = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new ApplyError({
      kind: 'usage',
      cause: `The CA file ${path} ${reason}.`,
      fix: 'Pass the CA certificate that signed the server certificate (389-DS: /etc/dirsrv/slapd-INSTANCE/ca.crt, IdM: /etc/ipa/ca.crt).',
    });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ApplyError({
      kind: 'usage',
      cause: `The CA file ${path} holds no PEM certificate.`,
      fix: `Convert it to PEM: openssl x509 -inform der -in ${path} -out ca.pem, then pass ca.pem.`,
    });
  }
  return pem;
}

/**
 * TLS options for both LDAPS and StartTLS. ldapts does not pass the URL host to StartTLS,
 * so host and servername are set here; SNI must not carry an IP address (RFC 6066).
 */
export function tlsOptionsFor(endpoint: Endpoint, ca: Buffer | undefined, verify: boolean): ConnectionOptions {
  return {
    host: endpoint.host,
    ...(isIP(endpoint.host) === 0 ? { servername: endpoint.host } : {}),
    ...(ca ? { ca: [ca] } : {}),
    rejectUnauthorized: verify,
    minVersion: 'TLSv1.2',
  };
}

export function clientOptionsFor(
  endpoint: Endpoint,
  tls: ConnectionOptions,
  timeouts: { connectTimeoutMs: number; operationTimeoutMs: number },
): ClientOptions {
  return {
    url: endpoint.url,
    connectTimeout: timeouts.connectTimeoutMs,
    timeout: timeouts.operationTimeoutMs,
    ...(endpoint.scheme === 'ldaps' ? { tlsOptions: tls } : {}),
  };
}

/**
 * ldapts logs every request, attribute values included, when NODE_DEBUG names it. Node reads
 * NODE_DEBUG once at start-up, so the only safe answer is to refuse.
 */
export function assertNoWireLogging(env: NodeJS.ProcessEnv = process.env): void {
  if (/(^|[,\s])(ldapts|\*)([,\s]|$)/i.test(env.NODE_DEBUG ?? '')) {
    throw new ApplyError({
      kind: 'usage',
      cause: 'NODE_DEBUG enables ldapts wire logging, which would print attribute values such as passwords.',
      fix: 'Unset NODE_DEBUG (or remove "ldapts" from it) and run again.',
    });
  }
}

export function insecureTlsWarning(endpoint: Endpoint): string {
  return `WARNING: TLS certificate verification is OFF for ${endpoint.address}: anyone on the network path can impersonate the server and read the bind password. Pass --ca-file instead.`;
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost') || lower === '::1') return true;
  return isIP(lower) === 4 && lower.startsWith('127.');
}

/**
 * What is risky about these settings, known before anything is sent, so hosts can show it
 * before the password leaves the machine: verification switched off, or a simple bind in
 * clear text to another host.
 */
export function connectionWarnings(
  settings: Pick<ConnectionSettings, 'url' | 'bindDn' | 'startTls' | 'verifyTls'>,
): string[] {
  const endpoint = parseLdapUrl(settings.url);
  const usesTls = endpoint.scheme === 'ldaps' || settings.startTls === true;
  if (usesTls) return settings.verifyTls === false ? [insecureTlsWarning(endpoint)] : [];
  if (isLoopbackHost(endpoint.host)) return [];
  return [
    `WARNING: ${endpoint.url} is plain LDAP: the password of ${settings.bindDn} crosses the network to ${endpoint.address} unencrypted. Use ldaps:// or --starttls.`,
  ];
}

/** Connects, upgrades with StartTLS when asked, binds; the whole sequence is bounded. */
export async function openSession(settings: ConnectionSettings, signal?: AbortSignal): Promise<LdapSession> {
  assertNoWireLogging();
  const endpoint = parseLdapUrl(settings.url);
  if (settings.startTls && endpoint.scheme === 'ldaps') {
    throw new ApplyError({
      kind: 'usage',
      cause: `--starttls was given with ${endpoint.url}, which is TLS already.`,
      fix: `Drop --starttls, or use ldap://${endpoint.host}:389 with --starttls.`,
    });
  }
  if (settings.password.isEmpty && !settings.anonymous) {
    throw new ApplyError({
      kind: 'usage',
      cause: `The password for ${settings.bindDn} is empty; LDAP treats a bind with an empty password as anonymous.`,
      fix: 'Provide the real password with --password-file or --password-env.',
    });
  }
  const verify = settings.verifyTls !== false;
  const ca = settings.caFile ? await readCaFile(settings.caFile) : undefined;
  const tls = tlsOptionsFor(endpoint, ca, verify);
  const timeouts = {
    connectTimeoutMs: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    operationTimeoutMs: settings.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS,
  };
  const client = new Client(clientOptionsFor(endpoint, tls, timeouts));
  const usesTls = endpoint.scheme === 'ldaps' || settings.startTls === true;
  const context = { endpoint, bindDn: settings.bindDn, usesTls, hasCaFile: ca !== undefined, timeouts };

  let phase: ConnectPhase = 'connect';
  // ldapts bounds the TCP connect and each request, but not the StartTLS handshake itself.
  const deadlineMs = timeouts.connectTimeoutMs + 2 * timeouts.operationTimeoutMs;
  const sequence = async () => {
    await connectNow(client);
    if (settings.startTls) {
      phase = 'starttls';
      // ldapts adds the socket to the options it is given; keep ours clean.
      await client.startTLS({ ...tls });
    }
    if (settings.anonymous) return;
    phase = 'bind';
    await client.bind(settings.bindDn, settings.password.reveal());
  };
  try {
    await boundedBy(sequence(), deadlineMs, signal, () => destroyConnection(client));
  } catch (error) {
    destroyConnection(client);
    if (error instanceof ApplyError) throw error;
    throw new ApplyError(explainConnectError(error, { ...context, phase }, [settings.password]));
  }

  return {
    client,
    endpoint,
    operationTimeoutMs: timeouts.operationTimeoutMs,
    warnings: connectionWarnings(settings),
    isBound: () => client.isBound,
    close: async () => {
      try {
        await boundedBy(client.unbind(), 2_000, undefined, () => destroyConnection(client));
      } catch {
        destroyConnection(client);
      }
    },
  };
}

/** Races `work` against a deadline (an ETIMEDOUT error) and the signal (a cancelled ApplyError); `onStop` drops the connection. */
async function boundedBy<T>(
  work: Promise<T>,
  ms: number,
  signal: AbortSignal | undefined,
  onStop: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onStop();
      reject(Object.assign(new Error('deadline'), { code: 'ETIMEDOUT' }));
    }, ms);
    if (signal) {
      onAbort = () => {
        onStop();
        reject(
          new ApplyError({ kind: 'cancelled', cause: 'Cancelled while connecting.', fix: 'Run again when ready.' }),
        );
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([work, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    work.catch(() => undefined);
  }
}
