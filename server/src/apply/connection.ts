/**
 * Opening an authenticated LDAP session with ldapts: URL checks, TLS (LDAPS or StartTLS)
 * verified against a CA file by default, LDAPI (a Unix socket) with SASL EXTERNAL, bounded
 * connect/operation times, simple bind. The socket is opened here and handed to ldapts through
 * its documented connection factories, so connecting and dropping the connection need no
 * private member. Every failure becomes an ApplyError whose explanation says what failed,
 * where, and the remedy.
 */
import { readFile } from 'node:fs/promises';
import { connect as netConnect, isIP, Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { Client, type ClientOptions } from 'ldapts';
import { advice, ApplyError, explainConnectError, type ConnectPhase, type Remedy } from './errors';
import type { Secret } from './secret';

export interface Endpoint {
  readonly scheme: 'ldap' | 'ldaps' | 'ldapi';
  /** The host; `localhost` for ldapi://. */
  readonly host: string;
  /** The TCP port; 0 for ldapi://. */
  readonly port: number;
  /** `host:port` as messages show it; the socket path for ldapi://. */
  readonly address: string;
  /** The URL without anything but scheme, host and port (or the encoded socket path). */
  readonly url: string;
  /** ldapi:// only: the Unix socket. */
  readonly socketPath?: string;
}

export interface ConnectionSettings {
  readonly url: string;
  /** Simple bind as this DN with `password`; not used with `saslExternal`. */
  readonly bindDn?: string;
  readonly password?: Secret;
  /** SASL EXTERNAL over ldapi://: the server knows the local user from the socket. */
  readonly saslExternal?: boolean;
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
  /** Who the session is bound as, for messages: the bind DN, or `SASL EXTERNAL`. */
  readonly identity: string;
  /** True while the connection still carries the bind. */
  isBound(): boolean;
  /** Drops the connection at once, without waiting for the server (a hung server, a cancel). */
  abort(): void;
  close(): Promise<void>;
}

/** Something the user must see before the password leaves the machine; hosts add the remedy in their words. */
export interface ConnectionWarning {
  readonly text: string;
  readonly remedy: Remedy;
}

const usage = (cause: string, fix: string | Remedy) =>
  new ApplyError({ kind: 'usage', cause, remedy: typeof fix === 'string' ? advice(fix) : fix });

/**
 * Parses `ldap://host[:port]`, `ldaps://host[:port]` and `ldapi://<percent-encoded socket path>`
 * (as OpenLDAP's tools write it: ldapi://%2Frun%2Fslapd-INSTANCE.socket); anything else is a
 * usage error.
 */
export function parseLdapUrl(url: string): Endpoint {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme === 'ldapi') return parseLdapiUrl(url.trim());
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usage(
      `"${url}" is not a URL.`,
      'Write it as ldap://HOST:389, ldaps://HOST:636 or ldapi://%2Frun%2Fslapd-INSTANCE.socket.',
    );
  }
  const protocol = parsed.protocol.replace(/:$/, '').toLowerCase();
  if (protocol !== 'ldap' && protocol !== 'ldaps') {
    throw usage(
      `The URL scheme "${protocol}:" is not supported.`,
      'Use ldap:// (optionally with StartTLS), ldaps:// or ldapi://.',
    );
  }
  if (parsed.username || parsed.password)
    throw usage('The URL contains credentials.', { kind: 'remove-url-credentials' });
  if ((parsed.pathname && parsed.pathname !== '/') || parsed.search || parsed.hash) {
    throw usage(
      `The URL "${url}" has a DN or query part.`,
      `Give only scheme, host and port, e.g. ${protocol}://${parsed.host || 'HOST'}.`,
    );
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host)
    throw usage(`The URL "${url}" has no host.`, `Write it as ${protocol}://HOST:${protocol === 'ldaps' ? 636 : 389}.`);
  const port = parsed.port ? Number(parsed.port) : protocol === 'ldaps' ? 636 : 389;
  const hostText = isIP(host) === 6 ? `[${host}]` : host;
  return { scheme: protocol, host, port, address: `${hostText}:${port}`, url: `${protocol}://${hostText}:${port}` };
}

function parseLdapiUrl(url: string): Endpoint {
  const rest = url.slice('ldapi://'.length);
  const encoded = rest.replace(/\/+$/, '');
  if (!/^ldapi:\/\//i.test(url) || encoded === '' || /[/?#]/.test(encoded)) {
    throw usage(
      `The ldapi URL "${url}" does not name a socket.`,
      'Write the socket path percent-encoded after ldapi://, e.g. ldapi://%2Frun%2Fslapd-INSTANCE.socket (389-DS: nsslapd-ldapifilepath).',
    );
  }
  let socketPath: string;
  try {
    socketPath = decodeURIComponent(encoded);
  } catch {
    throw usage(`The ldapi URL "${url}" has a broken %-escape.`, 'Encode each "/" of the socket path as %2F.');
  }
  if (!socketPath.startsWith('/'))
    throw usage(
      `The socket path "${socketPath}" of "${url}" is not absolute.`,
      'Give the absolute path, e.g. ldapi://%2Frun%2Fslapd-INSTANCE.socket.',
    );
  return {
    scheme: 'ldapi',
    host: 'localhost',
    port: 0,
    address: socketPath,
    url: `ldapi://${encodeURIComponent(socketPath)}`,
    socketPath,
  };
}

/** Reads a PEM CA file; a DER file or a missing file is a usage error with the fix. */
export async function readCaFile(path: string): Promise<Buffer> {
  let pem: Buffer;
  try {
    pem = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw usage(
      `The CA file ${path} ${reason}.`,
      'Pass the CA certificate that signed the server certificate (389-DS: /etc/dirsrv/slapd-INSTANCE/ca.crt, IdM: /etc/ipa/ca.crt).',
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw usage(
      `The CA file ${path} holds no PEM certificate.`,
      `Convert it to PEM: openssl x509 -inform der -in ${path} -out ca.pem, then pass ca.pem.`,
    );
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

/**
 * ldapts options around a socket that is open already, handed over once through the factory
 * for its scheme (StartTLS keeps ldapts' default upgrade). A later call means ldapts wants to
 * reconnect after the connection broke; that would be an unauthenticated connection, so it
 * gets a socket that fails at once instead.
 */
export function clientOptionsFor(endpoint: Endpoint, socket: Socket, operationTimeoutMs: number): ClientOptions {
  let handed = false;
  const factory = (): Socket => {
    if (!handed) {
      handed = true;
      return socket;
    }
    const spent = new Socket();
    spent.destroy(
      Object.assign(new Error(`The connection to ${endpoint.address} was lost; it is not reopened without its bind.`), {
        code: 'ECONNRESET',
      }),
    );
    return spent;
  };
  // ldapts reads scheme, host and port from the URL; the socket is ours, so ldapi:// goes as ldap://.
  return endpoint.scheme === 'ldaps'
    ? {
        url: `ldaps://localhost:${endpoint.port}`,
        timeout: operationTimeoutMs,
        createSecureConnection: factory as unknown as ClientOptions['createSecureConnection'],
      }
    : {
        url: 'ldap://localhost',
        timeout: operationTimeoutMs,
        createConnection: factory as unknown as ClientOptions['createConnection'],
      };
}

/**
 * ldapts logs every request, attribute values included, when NODE_DEBUG names it. Node reads
 * NODE_DEBUG once at start-up, so the only safe answer is to refuse.
 */
export function assertNoWireLogging(env: NodeJS.ProcessEnv = process.env): void {
  if (/(^|[,\s])(ldapts|\*)([,\s]|$)/i.test(env.NODE_DEBUG ?? '')) {
    throw usage(
      'NODE_DEBUG enables ldapts wire logging, which would print attribute values such as passwords.',
      'Unset NODE_DEBUG (or remove "ldapts" from it) and run again.',
    );
  }
}

export function insecureTlsWarning(endpoint: Endpoint): ConnectionWarning {
  return {
    text: `WARNING: TLS certificate verification is OFF for ${endpoint.address}: anyone on the network path can impersonate the server and read the bind password.`,
    remedy: { kind: 'set-ca-file' },
  };
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
 * clear text to another host. ldapi:// never leaves the machine.
 */
export function connectionWarnings(
  settings: Pick<ConnectionSettings, 'url' | 'bindDn' | 'startTls' | 'verifyTls' | 'saslExternal'>,
): ConnectionWarning[] {
  const endpoint = parseLdapUrl(settings.url);
  if (endpoint.scheme === 'ldapi') return [];
  const usesTls = endpoint.scheme === 'ldaps' || settings.startTls === true;
  if (usesTls) return settings.verifyTls === false ? [insecureTlsWarning(endpoint)] : [];
  if (isLoopbackHost(endpoint.host)) return [];
  return [
    {
      text: `WARNING: ${endpoint.url} is plain LDAP: the password of ${settings.bindDn ?? 'the bind DN'} crosses the network to ${endpoint.address} unencrypted.`,
      remedy: { kind: 'use-tls' },
    },
  ];
}

/** The settings' own contradictions, found before any connection. */
function checkSettings(settings: ConnectionSettings, endpoint: Endpoint): void {
  if (settings.startTls && endpoint.scheme !== 'ldap') {
    throw usage(
      `StartTLS was asked for with ${endpoint.url}, which is ${endpoint.scheme === 'ldaps' ? 'TLS already' : 'a local socket that never leaves the machine'}.`,
      endpoint.scheme === 'ldaps'
        ? { kind: 'drop-starttls', host: endpoint.host }
        : advice('Drop StartTLS for ldapi:// URLs.'),
    );
  }
  if (settings.saslExternal) {
    if (endpoint.scheme !== 'ldapi')
      throw usage(
        `SASL EXTERNAL was asked for with ${endpoint.url}: it needs a client certificate there, which is not supported.`,
        { kind: 'use-ldapi' },
      );
    return;
  }
  if (settings.anonymous) return;
  if (!settings.bindDn)
    throw usage(
      'No bind DN was given.',
      advice('Give the DN to bind as (389-DS root: cn=Directory Manager), or use SASL EXTERNAL over ldapi://.'),
    );
  if (!settings.password || settings.password.isEmpty) {
    throw usage(
      `The password for ${settings.bindDn} is empty; LDAP treats a bind with an empty password as anonymous.`,
      { kind: 'give-password' },
    );
  }
}

/** Connects, upgrades with StartTLS when asked, binds; the whole sequence is bounded and can be cancelled. */
export async function openSession(settings: ConnectionSettings, signal?: AbortSignal): Promise<LdapSession> {
  assertNoWireLogging();
  const endpoint = parseLdapUrl(settings.url);
  checkSettings(settings, endpoint);
  const verify = settings.verifyTls !== false;
  const ca = settings.caFile ? await readCaFile(settings.caFile) : undefined;
  const tls = tlsOptionsFor(endpoint, ca, verify);
  const timeouts = {
    connectTimeoutMs: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    operationTimeoutMs: settings.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS,
  };
  const usesTls = endpoint.scheme === 'ldaps' || settings.startTls === true;
  const bindDn = settings.saslExternal ? undefined : settings.bindDn;
  const context = { endpoint, bindDn, usesTls, hasCaFile: ca !== undefined, timeouts };

  let phase: ConnectPhase = 'connect';
  let socket: Socket | undefined;
  let client: Client | undefined;
  // A cancel or the deadline may come before the socket exists: it is dropped as it arrives.
  const dropped = new AbortController();
  const drop = () => {
    dropped.abort();
    socket?.destroy();
  };
  // ldapts bounds each request, but not the StartTLS handshake itself.
  const deadlineMs = timeouts.connectTimeoutMs + 2 * timeouts.operationTimeoutMs;
  const sequence = async () => {
    socket = await openSocket(endpoint, tls, timeouts.connectTimeoutMs, dropped.signal);
    client = new Client(clientOptionsFor(endpoint, socket, timeouts.operationTimeoutMs));
    if (settings.startTls) {
      phase = 'starttls';
      // ldapts adds the socket to the options it is given; keep ours clean.
      await client.startTLS({ ...tls });
    }
    if (settings.anonymous) return client;
    phase = 'bind';
    if (settings.saslExternal) await client.bindSASL('EXTERNAL');
    else await client.bind(settings.bindDn ?? '', settings.password?.reveal() ?? '');
    return client;
  };
  let bound: Client;
  try {
    bound = await boundedBy(sequence(), deadlineMs, signal, drop);
  } catch (error) {
    drop();
    if (error instanceof ApplyError) throw error;
    throw new ApplyError(
      explainConnectError(error, { ...context, phase }, settings.password ? [settings.password] : []),
    );
  }
  // After StartTLS ldapts talks over the TLS socket it made from ours; destroying ours ends both.
  const raw = socket as unknown as Socket;
  return {
    client: bound,
    endpoint,
    operationTimeoutMs: timeouts.operationTimeoutMs,
    identity: settings.saslExternal ? 'SASL EXTERNAL' : settings.anonymous ? 'anonymous' : (settings.bindDn ?? ''),
    isBound: () => bound.isBound,
    abort: () => raw.destroy(),
    close: async () => {
      try {
        await boundedBy(bound.unbind(), 2_000, undefined, () => raw.destroy());
      } catch {
        raw.destroy();
      }
    },
  };
}

/**
 * The connected socket: TCP, TLS for ldaps://, or the Unix socket of ldapi://; bounded by the
 * connect timeout, and destroyed at once when `dropped` aborts (nothing may keep the process).
 */
function openSocket(
  endpoint: Endpoint,
  tls: ConnectionOptions,
  connectTimeoutMs: number,
  dropped: AbortSignal,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket =
      endpoint.scheme === 'ldapi'
        ? netConnect({ path: endpoint.socketPath ?? '' })
        : endpoint.scheme === 'ldaps'
          ? tlsConnect({ ...tls, port: endpoint.port })
          : netConnect({ host: endpoint.host, port: endpoint.port });
    const ready = endpoint.scheme === 'ldaps' ? 'secureConnect' : 'connect';
    const giveUp = (error: Error) => {
      clearTimeout(timer);
      dropped.removeEventListener('abort', onDrop);
      socket.destroy();
      reject(error);
    };
    const onDrop = () => giveUp(Object.assign(new Error('Connection dropped'), { code: 'ECONNABORTED' }));
    const timer = setTimeout(
      () => giveUp(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
      connectTimeoutMs,
    );
    if (dropped.aborted) return onDrop();
    dropped.addEventListener('abort', onDrop, { once: true });
    socket.once(ready, () => {
      clearTimeout(timer);
      dropped.removeEventListener('abort', onDrop);
      socket.removeAllListeners('error');
      // One request, one answer, in turn: waiting for more data to fill a segment only adds delay.
      if (endpoint.scheme !== 'ldapi') socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once('error', giveUp);
  });
}

/** Races `work` against a deadline (an ETIMEDOUT error) and the signal (a cancelled ApplyError); `onStop` drops the connection. */
export async function boundedBy<T>(
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
          new ApplyError({
            kind: 'cancelled',
            cause: 'Cancelled while connecting.',
            remedy: advice('Run again when ready.'),
          }),
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

/** 389-DS's default nsslapd-maxbersize: the largest request it reads before it drops the connection. */
export const DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * The largest request the server accepts: nsslapd-maxbersize from cn=config where the bind
 * identity may read it (0 means the default there too), else 389-DS's default.
 */
export async function readRequestLimit(client: Client): Promise<{ bytes: number; from: 'server' | 'default' }> {
  try {
    const { searchEntries } = await client.search('cn=config', { scope: 'base', attributes: ['nsslapd-maxbersize'] });
    const value = Number(searchEntries[0]?.['nsslapd-maxbersize']);
    if (Number.isInteger(value) && value > 0) return { bytes: value, from: 'server' };
  } catch {
    // Not readable as this identity (or not a 389-DS): the default applies.
  }
  return { bytes: DEFAULT_MAX_REQUEST_BYTES, from: 'default' };
}
