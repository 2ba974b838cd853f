/**
 * Sends records in order as they are read and accounts for every one of them: applied,
 * failed, unconfirmed (sent, but the answer was lost and reading the entry back could not
 * settle it), or not attempted (after a stop, a cancel, or a lost connection). Stops at the
 * first failure unless `continueOnError`, like `ldapmodify` without and with `-c`. Results go
 * to `onResult` one by one and are not kept, so memory does not grow with the input.
 */
import type { Client } from 'ldapts';
import type { ChangeType } from '../engine/ldif/ast';
import {
  advice,
  formatExplanation,
  type Explanation,
  type FailureKind,
  type Remedy,
  type RemedyRenderer,
} from './errors';
import { formatSize, readLocalFile, urlReferences, type LocalValue } from './localFiles';
import { explainOperationError, isConnectionLoss, type AttributeCatalog } from './operationErrors';
import { describeSource, requestSize, secretValues, type Operation, type RecordSource } from './operations';
import { planRecord, type PlanStep } from './plan';
import { printable } from './printable';
import type { Secret } from './secret';
import { sendOperation } from './send';
import { readBack, type ReadBack } from './settle';
import type { SourceRecord } from './source';

export type RecordStatus = 'applied' | 'failed' | 'unconfirmed' | 'not-attempted';
export const RECORD_STATUSES: readonly RecordStatus[] = ['applied', 'failed', 'unconfirmed', 'not-attempted'];

export interface RecordResult {
  readonly source: RecordSource;
  readonly dn: string | undefined;
  readonly changeType: ChangeType | undefined;
  readonly status: RecordStatus;
  /** LDAP result code: 0 when applied, the server's code when it refused. */
  readonly code?: number;
  /** The server's text, ` Code: 0x..` removed. */
  readonly serverText?: string;
  readonly failure?: FailureKind;
  readonly cause?: string;
  readonly remedy?: Remedy;
  /** The answer was lost; what reading the entry back afterwards showed. */
  readonly readBack?: string;
}

export type StopReason = 'completed' | 'record-failed' | 'cancelled' | 'connection-lost';

export interface ApplySummary {
  /** `host:port` (or the socket) the records were sent to. */
  readonly address: string;
  readonly stopReason: StopReason;
  readonly counts: Readonly<Record<RecordStatus, number>>;
  readonly total: number;
}

/** A summary with every result, for hosts that keep them (the editor marks each record). */
export interface ApplyReport extends ApplySummary {
  readonly results: readonly RecordResult[];
}

/** What run needs of a session; LdapSession provides it. */
export interface RunTarget {
  readonly client: Client;
  readonly endpoint: { readonly address: string };
  isBound(): boolean;
  /** Drops the connection at once. */
  abort(): void;
}

/** The largest request the server takes, and whether it was read from the server or assumed. */
export interface RequestLimit {
  readonly bytes: number;
  readonly from: 'server' | 'default';
}

export interface RunOptions {
  readonly continueOnError?: boolean;
  readonly signal?: AbortSignal;
  readonly catalog?: AttributeCatalog;
  /** The bind password and any other value no message may show. */
  readonly secrets?: readonly (string | Secret)[];
  readonly maxFileValueBytes: number;
  readonly requestLimit?: RequestLimit;
  /**
   * A fresh session to read back a record whose answer was lost; without it such records stay
   * unconfirmed. `signal` ends the attempt (a time budget, a second interrupt).
   */
  readonly reconnect?: (signal: AbortSignal) => Promise<RunTarget & { close(): Promise<void> }>;
  /** Aborted (a second interrupt): do not wait for a read-back. */
  readonly hurry?: AbortSignal;
  /** Called as each record is settled, in order; the run waits for it (output, reject file). */
  readonly onResult?: (result: RecordResult, record: SourceRecord) => void | Promise<void>;
}

/** How long an operation in flight may still answer after a cancel before it is given up as unconfirmed. */
const CANCEL_GRACE_MS = 200;

/**
 * How long reading back may take: after a lost connection the server may be restarting; after
 * a cancel the user is waiting, so together with the grace above it stays within a second.
 */
const READ_BACK_MS = { lost: 15_000, cancelled: 500 };

export async function runRecords(
  target: RunTarget,
  records: AsyncIterable<SourceRecord>,
  options: RunOptions,
): Promise<ApplySummary> {
  const counts = Object.fromEntries(RECORD_STATUSES.map((status) => [status, 0])) as Record<RecordStatus, number>;
  let total = 0;
  let stop: { reason: StopReason; why: string } | undefined;
  let failed = false;
  const settle = async (result: RecordResult, record: SourceRecord) => {
    counts[result.status]++;
    total++;
    if (result.status === 'failed') failed = true;
    await options.onResult?.(result, record);
  };
  const stopAfterFailure = (source: RecordSource) => {
    if (!options.continueOnError)
      stop = { reason: 'record-failed', why: `the run stopped at ${describeSource(source)}` };
  };

  // While the server works on a record, the next one is read and planned; it is sent only once
  // the current one is answered and reported, so the order and the stop at a failure hold.
  const iterator = records[Symbol.asyncIterator]();
  const ahead = (): Promise<Ahead | undefined> =>
    iterator
      .next()
      .then((next) =>
        next.done ? undefined : { item: next.value, step: planItem(next.value, options.maxFileValueBytes) },
      );
  let upcoming = ahead();
  for (;;) {
    const current = await upcoming;
    if (!current) break;
    const { item } = current;
    const identity = identityOf(item);
    if (!stop && options.signal?.aborted) stop = { reason: 'cancelled', why: 'the run was cancelled' };
    if (!stop && !target.isBound())
      stop = { reason: 'connection-lost', why: `the connection to ${target.endpoint.address} is gone` };
    if (stop) {
      upcoming = ahead();
      await settle(
        {
          ...identity,
          status: 'not-attempted',
          cause: `Not attempted: ${stop.why}.`,
          remedy: advice('Apply this record again once the cause is fixed.'),
        },
        item,
      );
      continue;
    }
    const step = await current.step;
    if (!step.ok) {
      upcoming = ahead();
      await settle({ ...identity, status: 'failed', ...fields(step.explanation) }, item);
      stopAfterFailure(identity.source);
      continue;
    }
    const { operation } = step.record;
    const size = requestSize(operation);
    if (options.requestLimit && size > options.requestLimit.bytes) {
      upcoming = ahead();
      await settle(
        {
          ...identity,
          status: 'failed',
          ...fields(tooLarge(operation, size, options.requestLimit, target.endpoint.address)),
        },
        item,
      );
      stopAfterFailure(identity.source);
      continue;
    }
    const sending = sendInTime(target, operation, options.signal);
    // After the request has gone out (a macrotask runs only once the send's microtasks are done).
    upcoming = new Promise<void>((resolve) => setImmediate(resolve)).then(ahead);
    const outcome = await sending;
    if (outcome.kind === 'applied') {
      await settle({ ...identity, status: 'applied', code: 0 }, item);
      continue;
    }
    const secrets = [...(options.secrets ?? []), ...secretValues(operation)];
    if (outcome.kind === 'refused') {
      const explanation = explainOperationError(outcome.error, {
        record: step.record,
        address: target.endpoint.address,
        catalog: options.catalog,
        diagnostics: item.diagnostics(),
        secrets,
      });
      await settle({ ...identity, status: 'failed', ...fields(explanation) }, item);
      stopAfterFailure(identity.source);
      continue;
    }
    // The answer never came: the record may or may not be on the server.
    const explanation: Explanation =
      outcome.kind === 'lost'
        ? explainOperationError(outcome.error, { record: step.record, address: target.endpoint.address, secrets })
        : {
            kind: 'cancelled',
            cause: `The run was cancelled while ${target.endpoint.address} had not answered the ${operation.kind} of ${operation.dn}; it may or may not have been applied.`,
            remedy: advice('Read the entry back before applying this record again.'),
          };
    stop =
      outcome.kind === 'lost'
        ? {
            reason: 'connection-lost',
            why: `the connection to ${target.endpoint.address} was lost at ${describeSource(identity.source)}`,
          }
        : { reason: 'cancelled', why: 'the run was cancelled' };
    target.abort();
    const budget = AbortSignal.any([
      AbortSignal.timeout(READ_BACK_MS[outcome.kind]),
      ...(options.hurry ? [options.hurry] : []),
    ]);
    const found =
      options.reconnect && !budget.aborted ? await readBackAfterLoss(operation, options.reconnect, budget) : undefined;
    await settle(unconfirmed(identity, explanation, found), item);
  }

  const stopReason: StopReason = stop?.reason ?? (failed ? 'record-failed' : 'completed');
  return { address: target.endpoint.address, stopReason, counts, total };
}

type Identity = Pick<RecordResult, 'source' | 'dn' | 'changeType'>;

/** A record read ahead of the one being sent, with its plan under way. */
interface Ahead {
  readonly item: SourceRecord;
  readonly step: Promise<PlanStep>;
}

function identityOf(item: SourceRecord): Identity {
  const { record } = item;
  const changeType = record.kind === 'content' ? 'add' : record.kind === 'unknown-change' ? undefined : record.kind;
  return { source: item.source, dn: record.dn?.value?.trim(), changeType };
}

/** Reads the record's local files (bounded, regular files only), then plans it. */
export async function planItem(item: SourceRecord, maxFileValueBytes: number): Promise<PlanStep> {
  const urlValues = new Map<string, LocalValue>();
  for (const { url } of urlReferences(item.record)) {
    if (!urlValues.has(url)) urlValues.set(url, await readLocalFile(url, item.baseDir, maxFileValueBytes));
  }
  return planRecord(item.record, item.source.index, {
    file: item.source.file,
    urlValues,
    entryKindOf: () => item.entryKind,
  });
}

type SendOutcome =
  { kind: 'applied' } | { kind: 'refused'; error: unknown } | { kind: 'lost'; error: unknown } | { kind: 'cancelled' };

/**
 * Sends one operation. A cancel while it is in flight waits a moment for the answer, then gives
 * it up (a hung server must not hold the run): the record is then unconfirmed.
 */
async function sendInTime(
  target: RunTarget,
  operation: Operation,
  signal: AbortSignal | undefined,
): Promise<SendOutcome> {
  const sending: Promise<SendOutcome> = sendOperation(target.client, operation).then(
    () => ({ kind: 'applied' }),
    (error: unknown) => (isConnectionLoss(error) ? { kind: 'lost', error } : { kind: 'refused', error }),
  );
  if (!signal) return sending;
  let onAbort: (() => void) | undefined;
  const cancelled = new Promise<SendOutcome>((resolve) => {
    onAbort = () => setTimeout(() => resolve({ kind: 'cancelled' }), CANCEL_GRACE_MS);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([sending, cancelled]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** Reads the entry back on a fresh session, within the budget; undefined when that was not possible. */
async function readBackAfterLoss(
  operation: Operation,
  reconnect: NonNullable<RunOptions['reconnect']>,
  budget: AbortSignal,
): Promise<ReadBack | undefined> {
  let session: Awaited<ReturnType<typeof reconnect>> | undefined;
  let onAbort: (() => void) | undefined;
  const expired = new Promise<undefined>((resolve) => {
    onAbort = () => {
      session?.abort();
      resolve(undefined);
    };
    budget.addEventListener('abort', onAbort, { once: true });
  });
  const attempt = (async () => {
    session = await reconnect(budget);
    return readBack(session.client, operation);
  })().catch(() => undefined);
  try {
    // The server may still be unreachable or hung: then the record stays unconfirmed.
    return await Promise.race([attempt, expired]);
  } finally {
    if (onAbort) budget.removeEventListener('abort', onAbort);
    await session?.close();
  }
}

function unconfirmed(identity: Identity, explanation: Explanation, found: ReadBack | undefined): RecordResult {
  if (found?.verdict === 'applied')
    return {
      ...identity,
      status: 'applied',
      code: 0,
      readBack: `the answer was lost; read back after reconnecting: ${found.evidence}`,
    };
  if (found?.verdict === 'not-applied') {
    return {
      ...identity,
      status: 'failed',
      failure: explanation.kind,
      cause: `${explanation.cause} Read back after reconnecting: ${found.evidence}, so it was not applied.`,
      remedy: advice('Apply this record again.'),
      readBack: found.evidence,
    };
  }
  const note = found
    ? ` Read back after reconnecting: ${found.evidence}.`
    : ' The entry could not be read back (no connection).';
  return { ...identity, status: 'unconfirmed', ...fields({ ...explanation, cause: `${explanation.cause}${note}` }) };
}

function tooLarge(operation: Operation, size: number, limit: RequestLimit, address: string): Explanation {
  const where =
    limit.from === 'server'
      ? `nsslapd-maxbersize on ${address}`
      : `nsslapd-maxbersize's default; the bind identity may not read the value set on ${address}`;
  return {
    kind: 'too-large',
    cause: `Not sent: the ${operation.kind} of ${operation.dn} is ${formatSize(size)} as a request, more than the ${formatSize(limit.bytes)} the server accepts (${where}); the server would drop the connection.`,
    remedy: advice(
      'Split the values over several modify records (each adding a part of them), or raise nsslapd-maxbersize on the server (dsconf INSTANCE config replace nsslapd-maxbersize=BYTES; restart the server).',
    ),
  };
}

function fields(explanation: Explanation): Partial<RecordResult> {
  return {
    ...(explanation.code !== undefined ? { code: explanation.code } : {}),
    ...(explanation.serverText !== undefined ? { serverText: explanation.serverText } : {}),
    failure: explanation.kind,
    cause: explanation.cause,
    remedy: explanation.remedy,
  };
}

/** One line per result for people: status, place, change, and the cause and fix when not applied. */
export function formatResult(result: RecordResult, render: RemedyRenderer): string {
  const what = `${result.changeType ?? 'record'} ${result.dn ?? '(no dn)'}`;
  const head = `${result.status.padEnd(13)} ${describeSource(result.source)}  ${what}`;
  if (result.status === 'applied') return printable(result.readBack ? `${head} (${result.readBack})` : head);
  return printable(
    `${head}: ${formatExplanation({ cause: result.cause ?? '', remedy: result.remedy ?? advice('See the log.') }, render)}`,
  );
}

export function formatSummary(summary: ApplySummary, render: RemedyRenderer): string {
  const { counts } = summary;
  const parts = RECORD_STATUSES.filter((status) => counts[status] > 0 || status === 'applied').map(
    (status) => `${counts[status]} ${status}`,
  );
  const tail: Record<StopReason, string> = {
    completed: '',
    'record-failed':
      counts['not-attempted'] > 0 ? ` (stopped at the first failure). ${render({ kind: 'continue-on-error' })}` : '',
    cancelled: ' (cancelled)',
    'connection-lost': ` (connection to ${summary.address} lost)`,
  };
  return printable(`${parts.join(', ')} on ${summary.address}${tail[summary.stopReason]}`);
}
