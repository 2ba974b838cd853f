/**
 * Turning what ldapts and node throw into one line: what failed, where, and the fix.
 * LDAP result codes arrive as ldapts ResultCodeError subclasses with a numeric code and the
 * message `"<server text> Code: 0x<hex>"`; network and TLS failures are plain Errors with
 * string codes (ECONNREFUSED, SELF_SIGNED_CERT_IN_CHAIN, …) and never LDAP code 81.
 */
import { ResultCodeError } from 'ldapts';
import type { Endpoint } from './connection';
import { redact, type Secret } from './secret';

export type FailureKind =
  /** Bad arguments or input files: nothing was sent. */
  | 'usage'
  /** The server could not be reached or dropped the connection. */
  | 'connection'
  | 'tls'
  /** No answer in time. */
  | 'timeout'
  /** The bind was refused. */
  | 'auth'
  /** The server answered an operation with an LDAP error. */
  | 'ldap'
  /** The record cannot be turned into an operation (unreadable `:<file://`, missing newrdn …). */
  | 'record'
  /** The request is larger than the server accepts; it was not sent. */
  | 'too-large'
  | 'cancelled';

/**
 * What to do about a failure, as data. Most remedies are advice that reads the same
 * everywhere; the others name a setting, which each host words its own way (a CLI option,
 * a connection-profile key or an editor setting): cli/remedies.ts and
 * client/src/apply/remedies.ts render every kind.
 */
export type Remedy =
  /** Host-neutral advice, one or more sentences. */
  | { readonly kind: 'advice'; readonly text: string }
  /** 49 on bind: the bind DN and the password. */
  | { readonly kind: 'check-credentials' }
  /** Another refused bind: the bind DN and the account. */
  | { readonly kind: 'check-account' }
  /** No usable password was given (empty). */
  | { readonly kind: 'give-password' }
  /** Credentials were written into the URL. */
  | { readonly kind: 'remove-url-credentials' }
  /** Encryption is needed: StartTLS or LDAPS. */
  | { readonly kind: 'use-tls' }
  /** StartTLS was asked for on a connection that is TLS already. */
  | { readonly kind: 'drop-starttls'; readonly host: string }
  /** The server certificate is not trusted: pass the CA that signed it. `advice` comes first. */
  | { readonly kind: 'trust-ca'; readonly advice?: string }
  /** Certificate verification is off: give the CA instead. */
  | { readonly kind: 'set-ca-file' }
  /** `advice`, then raising the connect or the operation timeout for slow networks or servers. */
  | { readonly kind: 'raise-timeout'; readonly timeout: 'connect' | 'operation'; readonly advice: string }
  /** A `:< file://` value is larger than the cap; `advice` comes first. */
  | { readonly kind: 'raise-file-limit'; readonly advice: string; readonly limit: number }
  /** The run stopped at the first failure: going on past failures is a setting. */
  | { readonly kind: 'continue-on-error' }
  /** SASL EXTERNAL needs an ldapi:// URL (the kernel tells the server who connects). */
  | { readonly kind: 'use-ldapi' };

/** Turns a remedy into the host's words: one or more sentences. */
export type RemedyRenderer = (remedy: Remedy) => string;

export function advice(text: string): Remedy {
  return { kind: 'advice', text };
}

export interface Explanation {
  readonly kind: FailureKind;
  /** What failed and where, as one sentence, in words that do not depend on the host. */
  readonly cause: string;
  /** What to do about it. */
  readonly remedy: Remedy;
  /** LDAP result code, when the server answered. */
  readonly code?: number;
  /** The server's diagnostic text, ` Code: 0x..` removed; '' when it sent none. */
  readonly serverText?: string;
}

/** An expected failure: hosts print its explanation in one line, never a stack trace. */
export class ApplyError extends Error {
  constructor(readonly explanation: Explanation) {
    // The message is for logs and debuggers; hosts render the explanation in their own words.
    super(
      explanation.remedy.kind === 'advice' ? `${explanation.cause} Fix: ${explanation.remedy.text}` : explanation.cause,
    );
    this.name = 'ApplyError';
  }
}

/** `cause Fix: remedy`, one line. */
export function formatExplanation(explanation: Pick<Explanation, 'cause' | 'remedy'>, render: RemedyRenderer): string {
  return `${explanation.cause} Fix: ${render(explanation.remedy)}`;
}

/** The IdM guide's steps for trusting the CA; `howToPass` says where this host takes a CA file. */
export function trustCaSteps(howToPass: string): string {
  return `Trust the CA that signed the server certificate (IdM guide 15.5.1 "Trusting the Active Directory and IdM CA Certificates"): ${howToPass} (389-DS: /etc/dirsrv/slapd-INSTANCE/ca.crt, IdM: /etc/ipa/ca.crt); if the server holds several "Imported CA" certificates, delete the wrong one (15.5.7: certutil -d /etc/dirsrv/slapd-INSTANCE -D -n "Imported CA").`;
}

/** The server's diagnostic text from an ldapts error message, without the ` Code: 0x..` suffix. */
export function serverTextOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*Code: 0x[0-9a-f]+\s*$/i, '').trim();
}

export function resultCodeOf(error: unknown): number | undefined {
  return error instanceof ResultCodeError ? error.code : undefined;
}

/** RFC 4511 result names, as ldapmodify prints them. */
const RESULT_NAMES: Readonly<Record<number, string>> = {
  0: 'Success',
  1: 'Operations error',
  2: 'Protocol error',
  3: 'Time limit exceeded',
  4: 'Size limit exceeded',
  7: 'Authentication method not supported',
  8: 'Stronger authentication required',
  10: 'Referral',
  11: 'Administrative limit exceeded',
  12: 'Critical extension is unavailable',
  13: 'Confidentiality required',
  16: 'No such attribute',
  17: 'Undefined attribute type',
  18: 'Inappropriate matching',
  19: 'Constraint violation',
  20: 'Type or value exists',
  21: 'Invalid syntax',
  32: 'No such object',
  34: 'Invalid DN syntax',
  48: 'Inappropriate authentication',
  49: 'Invalid credentials',
  50: 'Insufficient access',
  51: 'Server is busy',
  52: 'Server is unavailable',
  53: 'Server is unwilling to perform',
  54: 'Loop detected',
  64: 'Naming violation',
  65: 'Object class violation',
  66: 'Operation not allowed on non-leaf',
  67: 'Operation not allowed on RDN',
  68: 'Already exists',
  69: 'Cannot modify object class',
  71: 'Affects multiple DSAs',
  80: 'Other (e.g. implementation specific) error',
};

export function resultName(code: number): string {
  return RESULT_NAMES[code] ?? 'Unknown result code';
}

/** `68 Already exists`, optionally with the server's text. */
export function describeResult(code: number, serverText: string): string {
  return serverText ? `${code} ${resultName(code)} ("${serverText}")` : `${code} ${resultName(code)}`;
}

export type ConnectPhase = 'connect' | 'starttls' | 'bind';

export interface ConnectContext {
  readonly endpoint: Endpoint;
  readonly phase: ConnectPhase;
  /** The bind DN; undefined for SASL EXTERNAL. */
  readonly bindDn: string | undefined;
  readonly usesTls: boolean;
  readonly hasCaFile: boolean;
  readonly timeouts: { readonly connectTimeoutMs: number; readonly operationTimeoutMs: number };
}

const UNTRUSTED_CERT_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

const AUTOBIND =
  'Enable LDAPI autobind on the server (nsslapd-ldapiautobind: on; nsslapd-ldapimaprootdn: cn=Directory Manager maps root), run as a user the server maps, or bind with a DN and password instead.';

/**
 * Explains a failure to connect, upgrade to TLS or bind. `secrets` are scrubbed from any
 * text that reaches the message (a server or library could echo them).
 */
export function explainConnectError(
  error: unknown,
  context: ConnectContext,
  secrets: readonly (string | Secret)[],
): Explanation {
  const { endpoint, phase } = context;
  const where = endpoint.address;
  const code = errorCode(error);
  const ldapCode = resultCodeOf(error);
  // Only text from outside (server, node, ldapts) can carry a secret; our own wording cannot.
  const text = redact(serverTextOf(error), secrets);
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  const who = context.bindDn === undefined ? 'the SASL EXTERNAL bind' : `the bind as "${context.bindDn}"`;

  if (ldapCode !== undefined) {
    const answered = { code: ldapCode, serverText: text };
    if (context.bindDn === undefined && phase === 'bind') {
      return {
        kind: 'auth',
        ...answered,
        cause: `${where} refused ${who}: ${describeResult(ldapCode, text)}.`,
        remedy: advice(AUTOBIND),
      };
    }
    if (ldapCode === 49) {
      return {
        kind: 'auth',
        ...answered,
        cause: `${where} refused ${who}: 49 Invalid credentials (wrong password, or no such bind DN).`,
        remedy: { kind: 'check-credentials' },
      };
    }
    if (phase === 'starttls') {
      return {
        kind: 'tls',
        ...answered,
        cause: `${where} refused StartTLS: ${describeResult(ldapCode, text)}.`,
        remedy: advice('Enable TLS on the server (nsslapd-security: on) or connect with ldaps:// to its LDAPS port.'),
      };
    }
    if (ldapCode === 13 || ldapCode === 8) {
      return {
        kind: 'auth',
        ...answered,
        cause: `${where} refuses a bind without encryption: ${describeResult(ldapCode, text)}.`,
        remedy: { kind: 'use-tls' },
      };
    }
    return {
      kind: 'auth',
      ...answered,
      cause: `${where} refused ${who}: ${describeResult(ldapCode, text)}.`,
      remedy: { kind: 'check-account' },
    };
  }

  if (/Operation timed out/.test(message)) {
    return {
      kind: 'timeout',
      cause: `${where} accepted the connection but did not answer the ${phase === 'starttls' ? 'StartTLS request' : 'bind'} within ${seconds(context.timeouts.operationTimeoutMs)}.`,
      remedy: {
        kind: 'raise-timeout',
        timeout: 'operation',
        advice:
          endpoint.scheme === 'ldap'
            ? `If ${where} is an LDAPS port, use ldaps://${where}; otherwise check the server (dsctl INSTANCE status).`
            : 'Check the server (dsctl INSTANCE status).',
      },
    };
  }
  if (code === 'ETIMEDOUT' || message === 'Connection timeout') {
    return {
      kind: 'timeout',
      cause: `No answer from ${where} within ${seconds(phase === 'connect' ? context.timeouts.connectTimeoutMs : context.timeouts.operationTimeoutMs)}.`,
      remedy: {
        kind: 'raise-timeout',
        timeout: 'connect',
        advice: `Check the host and port in the URL and that no firewall drops traffic to ${where}.`,
      },
    };
  }
  if (
    endpoint.socketPath !== undefined &&
    (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'EACCES' || code === 'ENOTSOCK')
  ) {
    const reason =
      code === 'EACCES'
        ? 'may not be opened by this user'
        : code === 'ENOENT'
          ? 'does not exist'
          : 'has no server listening on it';
    return {
      kind: 'connection',
      cause: `The LDAPI socket ${where} ${reason} (${code}).`,
      remedy: advice(
        'Check the path in the ldapi:// URL (389-DS: nsslapd-ldapifilepath, usually /run/slapd-INSTANCE.socket, written %2F-encoded: ldapi://%2Frun%2Fslapd-INSTANCE.socket), that nsslapd-ldapilisten is on, and that the server runs (dsctl INSTANCE status).',
      ),
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      kind: 'connection',
      cause: `Connection refused by ${where}: nothing listens on that port.`,
      remedy: advice(
        'Check the port (389 for ldap://, 636 for ldaps://) and that the directory server runs (dsctl INSTANCE status).',
      ),
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return {
      kind: 'connection',
      cause: `The host name "${endpoint.host}" in ${endpoint.url} could not be resolved${code === 'EAI_AGAIN' ? ' (DNS did not answer)' : ''}.`,
      remedy: advice('Check the spelling of the host, or its DNS / /etc/hosts entry.'),
    };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return {
      kind: 'connection',
      cause: `No route to ${where} (${code}).`,
      remedy: advice('Check the host in the URL and the network or VPN connection to it.'),
    };
  }
  if (code && UNTRUSTED_CERT_CODES.has(code)) {
    return {
      kind: 'tls',
      cause: `The TLS certificate of ${where} is not signed by a trusted CA (${code})${context.hasCaFile ? ' — not by the CA in the given CA file either' : ''}.`,
      remedy: { kind: 'trust-ca' },
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificateNames(error);
    return {
      kind: 'tls',
      cause: `The TLS certificate of ${where} is issued for ${names || 'other names'}, not for "${endpoint.host}".`,
      remedy: advice(
        names
          ? `Connect with a name the certificate lists, e.g. ${endpoint.scheme}://${firstDnsName(names) ?? 'HOST'}:${endpoint.port}.`
          : 'Connect with the host name the certificate was issued for.',
      ),
    };
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return {
      kind: 'tls',
      cause: `The TLS certificate of ${where} ${code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet'}.`,
      remedy: advice('Renew the server certificate (or fix the clock of this machine or the server).'),
    };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
    if (context.usesTls && (phase === 'connect' || phase === 'starttls')) {
      return {
        kind: 'tls',
        cause: `${where} closed the connection during the TLS handshake (${code}).`,
        remedy: advice(
          endpoint.scheme === 'ldaps'
            ? `If ${where} is a plain LDAP port, use ldap://${where} with StartTLS, or the LDAPS port (636).`
            : 'Check that TLS is enabled on the server (nsslapd-security: on).',
        ),
      };
    }
    return {
      kind: 'connection',
      cause: `${where} closed the connection (${code}).`,
      remedy: advice('Check that the server is running and accepts connections from this host.'),
    };
  }
  if (code?.startsWith('ERR_TLS') || code?.startsWith('ERR_SSL') || /certificate|tls|ssl/i.test(message)) {
    return {
      kind: 'tls',
      cause: `TLS with ${where} failed: ${message}${code ? ` (${code})` : ''}.`,
      remedy: { kind: 'trust-ca', advice: 'Check the URL scheme and port.' },
    };
  }
  return {
    kind: 'connection',
    cause: `Connecting to ${where} failed: ${message}${code ? ` (${code})` : ''}.`,
    remedy: advice('Check the URL, that the server runs, and that this host may reach it.'),
  };
}

/** `DNS:localhost, IP Address:10.0.0.1` from the peer certificate node attached to the error. */
function certificateNames(error: unknown): string {
  const cert = (error as { cert?: { subjectaltname?: string; subject?: { CN?: string } } }).cert;
  return cert?.subjectaltname ?? (cert?.subject?.CN ? `CN=${cert.subject.CN}` : '');
}

function firstDnsName(names: string): string | undefined {
  return /DNS:([^,\s]+)/.exec(names)?.[1];
}
