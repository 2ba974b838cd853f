/**
 * An agreement entry as 389-DS returns it (from `cn=mapping tree,cn=config`), decoded into words:
 * enabled or not, the last update and the last total update (code, text, time), whether a session
 * or a total update is running, what was sent, and for the outcome the cause and the fix from
 * the status catalog (catalog/agreementStatus.ts). Pure: no LDAP, no host.
 */
import {
  agreementStatusCatalog,
  type AgreementKind,
  type StatusOutcome,
  type StatusSeverity,
  type StatusSpace,
} from '../catalog/agreementStatus';

export type { AgreementKind, StatusSeverity, StatusSpace } from '../catalog/agreementStatus';

/** Attribute values by lower-cased attribute name, as every LDAP client can give them. */
export type EntryValues = Readonly<Record<string, readonly string[]>>;

/** One status attribute decoded. */
export interface StatusReport {
  /** The number in `Error (N)`: the LDAP result when it is not 0, else the replication protocol's. */
  readonly code: number;
  /** The status text without `Error (N)`. */
  readonly message: string;
  /** When 389-DS set it (ISO 8601), from the JSON twin or the matching end time; null when unknown. */
  readonly time: string | null;
  /** Which number space `code` belongs to. */
  readonly space: StatusSpace;
  /** Both numbers, when the JSON twin gave them. */
  readonly ldapCode?: number;
  readonly replicationCode?: number;
  /** The attribute's text as the server wrote it. */
  readonly raw: string;
}

/** The outcome of a status, with advice. */
export interface Finding {
  readonly severity: StatusSeverity;
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  /** Seen for real in the lab, not only read in 389-DS's code. */
  readonly observed: boolean;
}

export interface ChangesSent {
  readonly replicaId: number;
  readonly sent: number;
  readonly skipped: number;
}

export interface AgreementHealth {
  readonly dn: string;
  /** The agreement's cn. */
  readonly name: string;
  readonly kind: AgreementKind;
  readonly enabled: boolean;
  /** `host:port` of the peer (AD for a Windows agreement). */
  readonly peer: string;
  readonly transport: string | null;
  readonly replicatedSuffix: string | null;
  readonly lastUpdate: StatusReport | null;
  readonly lastInit: StatusReport | null;
  /** Start and end of the last session and of the last total update (ISO 8601), null when never since start. */
  readonly lastUpdateStart: string | null;
  readonly lastUpdateEnd: string | null;
  readonly lastInitStart: string | null;
  readonly lastInitEnd: string | null;
  readonly updateInProgress: boolean;
  /** nsds5BeginReplicaRefresh is set: a total update was asked for and has not ended. */
  readonly initInProgress: boolean;
  readonly changesSent: readonly ChangesSent[];
  /** The last update's outcome (or, without one, the agreement's state). */
  readonly update: Finding;
  /** The last total update's outcome; null when none ran since the server started. */
  readonly init: Finding | null;
  /** An enabled agreement whose last update did not fail. Disabled agreements count as healthy. */
  readonly healthy: boolean;
  /** What every reader of these attributes must keep in mind. */
  readonly caveats: readonly string[];
  /** One paragraph for people: the state, the cause and the fix, the caveats. */
  readonly explanation: string;
}

const WINDOWS_CLASS = 'nsdswindowsreplicationagreement';
const REPLICATION_CLASS = 'nsds5replicationagreement';

/** Whether an entry is an agreement, and which kind. */
export function agreementKindOf(entry: EntryValues): AgreementKind | undefined {
  const classes = (entry.objectclass ?? []).map((value) => value.toLowerCase());
  if (classes.includes(WINDOWS_CLASS)) return 'windows';
  if (classes.includes(REPLICATION_CLASS)) return 'replication';
  return undefined;
}

/** The LDAP filter that finds both kinds under `cn=mapping tree,cn=config`. */
export const AGREEMENT_FILTER =
  '(|(objectClass=nsDSWindowsReplicationAgreement)(objectClass=nsds5ReplicationAgreement))';

/** The status attributes, which 389-DS adds only when asked for them (or for `*`). */
export const STATUS_ATTRIBUTES = [
  'nsds5replicaLastUpdateStatus',
  'nsds5replicaLastUpdateStatusJSON',
  'nsds5replicaLastUpdateStart',
  'nsds5replicaLastUpdateEnd',
  'nsds5replicaLastInitStatus',
  'nsds5replicaLastInitStatusJSON',
  'nsds5replicaLastInitStart',
  'nsds5replicaLastInitEnd',
  'nsds5replicaUpdateInProgress',
  'nsds5replicaChangesSentSinceStartup',
] as const;

export function decodeAgreement(dn: string, entry: EntryValues): AgreementHealth {
  const kind = agreementKindOf(entry) ?? 'replication';
  const first = (name: string) => entry[name.toLowerCase()]?.[0];
  const enabled = (first('nsds5ReplicaEnabled') ?? 'on').toLowerCase() !== 'off';
  const lastUpdateEnd = generalizedTime(first('nsds5replicaLastUpdateEnd'));
  const lastInitEnd = generalizedTime(first('nsds5replicaLastInitEnd'));
  const lastUpdate = parseStatus(
    first('nsds5replicaLastUpdateStatus'),
    first('nsds5replicaLastUpdateStatusJSON'),
    lastUpdateEnd,
  );
  const lastInit = parseStatus(
    first('nsds5replicaLastInitStatus'),
    first('nsds5replicaLastInitStatusJSON'),
    lastInitEnd,
  );
  const host = first('nsDS5ReplicaHost') ?? '?';
  const port = first('nsDS5ReplicaPort') ?? '?';

  const catalog = agreementStatusCatalog();
  const update: Finding = enabled
    ? lastUpdate
      ? findingFor(lastUpdate, kind, 'update')
      : {
          severity: 'info',
          title: 'No status',
          cause: 'The server reports no last update for this agreement.',
          fix: 'Send updates now, then look again.',
          observed: false,
        }
    : {
        severity: 'info',
        title: 'Disabled',
        cause: 'nsds5ReplicaEnabled is off: the agreement sends and receives nothing.',
        fix: 'Enable it (nsds5ReplicaEnabled: on) to resume.',
        observed: false,
      };
  const init = lastInit ? findingFor(lastInit, kind, 'init') : null;
  const healthy = !enabled || update.severity !== 'error';
  const caveats = [catalog.caveats.inMemory, ...(kind === 'windows' ? [catalog.caveats.dirsyncBlind] : [])];

  const health: Omit<AgreementHealth, 'explanation'> = {
    dn,
    name: first('cn') ?? dn,
    kind,
    enabled,
    peer: `${host}:${port}`,
    transport: first('nsDS5ReplicaTransportInfo') ?? null,
    replicatedSuffix: first('nsDS5ReplicaRoot') ?? null,
    lastUpdate,
    lastInit,
    lastUpdateStart: generalizedTime(first('nsds5replicaLastUpdateStart')),
    lastUpdateEnd,
    lastInitStart: generalizedTime(first('nsds5replicaLastInitStart')),
    lastInitEnd,
    updateInProgress: (first('nsds5replicaUpdateInProgress') ?? '').toUpperCase() === 'TRUE',
    initInProgress: first('nsds5BeginReplicaRefresh') !== undefined,
    changesSent: parseChangesSent(first('nsds5replicaChangesSentSinceStartup')),
    update,
    init,
    healthy,
    caveats,
  };
  return { ...health, explanation: explain(health) };
}

/** Picks the catalog outcome for a status: number space, number, text, kind and attribute. */
export function findingFor(report: StatusReport, kind: AgreementKind, status: 'update' | 'init'): Finding {
  const catalog = agreementStatusCatalog();
  const text = report.message.toLowerCase();
  const matches = (outcome: StatusOutcome) =>
    outcome.space === report.space &&
    (!outcome.codes || outcome.codes.includes(report.code)) &&
    (!outcome.messageIncludes || text.includes(outcome.messageIncludes.toLowerCase())) &&
    (!outcome.kinds || outcome.kinds.includes(kind)) &&
    (!outcome.status || outcome.status === status);
  // Outcomes with a text condition come first in the catalog, so the first match is the most specific.
  const outcome = catalog.outcomes.find(matches);
  if (outcome)
    return {
      severity: outcome.severity,
      title: outcome.title,
      cause: outcome.cause,
      fix: outcome.fix,
      observed: outcome.observed,
    };
  if (report.code === 0)
    return {
      severity: 'ok',
      title: 'Succeeded',
      cause: 'The last session ended without an error.',
      fix: 'Nothing to do.',
      observed: false,
    };
  return { severity: 'error', title: `Error ${report.code}`, ...catalog.unknownFailure, observed: false };
}

/**
 * Decodes `Error (N) text` (389-DS 1.3 and later) or `N text` (earlier releases), with the JSON
 * twin's separate LDAP and replication numbers when there is one. Undefined or empty → null.
 */
export function parseStatus(
  text: string | undefined,
  json?: string,
  fallbackTime: string | null = null,
): StatusReport | null {
  if (text === undefined || text.trim() === '') return null;
  const raw = text.trim();
  const match = /^(?:Error\s*\((-?\d+)\)|(-?\d+))\s*([\s\S]*)$/i.exec(raw);
  const code = match ? Number(match[1] ?? match[2]) : 0;
  // "Error (49)  -  - LDAP error: …": 389-DS joins empty parts with " - ".
  const message = (match ? match[3] : raw)
    .replace(/^(?:-\s*)+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const detail = parseStatusJson(json);
  const ldapCode = detail?.ldapCode;
  const replicationCode = detail?.replicationCode;
  let space: StatusSpace;
  if (/^connection error/i.test(message)) space = 'connection';
  else if (ldapCode !== undefined) space = ldapCode !== 0 || (replicationCode ?? 0) === 0 ? 'ldap' : 'replication';
  else space = code === 0 || /LDAP error/i.test(message) ? 'ldap' : 'replication';
  return {
    code,
    message,
    time: detail?.time ?? fallbackTime,
    space,
    ...(ldapCode !== undefined ? { ldapCode } : {}),
    ...(replicationCode !== undefined ? { replicationCode } : {}),
    raw,
  };
}

function parseStatusJson(
  json: string | undefined,
): { ldapCode?: number; replicationCode?: number; time?: string } | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // 389-DS does not escape quotes inside "message"; the numbers come first, so read them by pattern.
    value = {
      ldap_rc: /"ldap_rc":\s*"(-?\d+)"/.exec(json)?.[1],
      repl_rc: /"repl_rc":\s*"(-?\d+)"/.exec(json)?.[1],
      date: /"date":\s*"([^"]+)"/.exec(json)?.[1],
    };
  }
  const record = value as { ldap_rc?: unknown; repl_rc?: unknown; date?: unknown };
  const number = (field: unknown) => (typeof field === 'string' && /^-?\d+$/.test(field) ? Number(field) : undefined);
  const date =
    typeof record.date === 'string' && !Number.isNaN(Date.parse(record.date))
      ? new Date(record.date).toISOString()
      : undefined;
  return {
    ...(number(record.ldap_rc) !== undefined ? { ldapCode: number(record.ldap_rc) } : {}),
    ...(number(record.repl_rc) !== undefined ? { replicationCode: number(record.repl_rc) } : {}),
    ...(date ? { time: date } : {}),
  };
}

/** `20261205002402Z` → ISO 8601; 1970 (389-DS's "never since start") and malformed values → null. */
export function generalizedTime(value: string | undefined): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  if (year <= 1970) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second)).toISOString();
}

/** `1:3/0 2:1/1 ` → replica 1 sent 3 and skipped 0, replica 2 sent 1 and skipped 1. */
export function parseChangesSent(value: string | undefined): ChangesSent[] {
  const result: ChangesSent[] = [];
  for (const part of (value ?? '').trim().split(/\s+/)) {
    const match = /^(\d+):(\d+)\/(\d+)$/.exec(part);
    if (match) result.push({ replicaId: Number(match[1]), sent: Number(match[2]), skipped: Number(match[3]) });
  }
  return result;
}

/** "at 2026-12-05 00:24:02 UTC" */
export function describeTime(iso: string | null): string {
  return iso ? `${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC` : 'time unknown';
}

function explain(health: Omit<AgreementHealth, 'explanation'>): string {
  const parts: string[] = [];
  const { update, lastUpdate } = health;
  if (!health.enabled) {
    parts.push(`Disabled (nsds5ReplicaEnabled: off). ${update.fix}`);
  } else if (lastUpdate) {
    const head = update.severity === 'ok' ? 'Last update succeeded' : `Last update: ${update.title}`;
    parts.push(`${head} (${describeTime(lastUpdate.time)}): "${lastUpdate.raw}".`);
    if (update.severity !== 'ok') parts.push(`Cause: ${update.cause} Fix: ${update.fix}`);
  } else {
    parts.push(`${update.cause} ${update.fix}`);
  }
  if (health.initInProgress) parts.push('A total update is running.');
  else if (health.lastInit && health.init) {
    parts.push(
      health.init.severity === 'ok'
        ? `Last total update succeeded (${describeTime(health.lastInit.time)}).`
        : `Last total update: ${health.init.title}: "${health.lastInit.raw}". Cause: ${health.init.cause} Fix: ${health.init.fix}`,
    );
  }
  parts.push(...health.caveats);
  return parts.join(' ');
}
