/**
 * Runs planned records in order and accounts for every one of them: applied, failed,
 * unconfirmed (sent, but the connection died or timed out before the answer), or not
 * attempted (after a stop, a cancel, or a lost connection). Stops at the first failure
 * unless `continueOnError`, like `ldapmodify` without and with `-c`.
 */
import type { Client } from 'ldapts';
import type { ChangeType, Diagnostic } from '../engine/ldif/ast';
import { formatExplanation, type Explanation, type FailureKind } from './errors';
import { explainOperationError, isConnectionLoss, type AttributeCatalog } from './operationErrors';
import { attributesOf, describeSource, type Operation, type RecordSource } from './operations';
import type { PlanStep } from './plan';
import { isSecretAttribute, type Secret } from './secret';
import { sendOperation } from './send';

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
  readonly fix?: string;
}

export type StopReason = 'completed' | 'record-failed' | 'cancelled' | 'connection-lost';

export interface ApplyReport {
  /** `host:port` the records were sent to. */
  readonly address: string;
  readonly results: readonly RecordResult[];
  readonly stopReason: StopReason;
  readonly counts: Readonly<Record<RecordStatus, number>>;
}

/** What run needs of a session; LdapSession provides it. */
export interface RunTarget {
  readonly client: Client;
  readonly endpoint: { readonly address: string };
  isBound(): boolean;
}

export interface RunOptions {
  readonly continueOnError?: boolean;
  readonly signal?: AbortSignal;
  readonly catalog?: AttributeCatalog;
  /** The validator's findings for a record, to explain bare 53 / 1 answers. */
  readonly diagnosticsFor?: (source: RecordSource) => readonly Diagnostic[];
  /** The bind password and any other value no message may show. */
  readonly secrets?: readonly (string | Secret)[];
  /** Called as each record is settled, for progress output. */
  readonly onResult?: (result: RecordResult) => void;
}

export async function runPlan(
  target: RunTarget,
  steps: readonly PlanStep[],
  options: RunOptions = {},
): Promise<ApplyReport> {
  const results: RecordResult[] = [];
  const settle = (result: RecordResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  let stop: { reason: StopReason; why: string } | undefined;

  for (const step of steps) {
    const identity = {
      source: step.ok ? step.record.source : step.source,
      dn: step.ok ? step.record.operation.dn : step.dn,
      changeType: step.ok ? step.record.changeType : step.changeType,
    };
    if (!stop && options.signal?.aborted) stop = { reason: 'cancelled', why: 'the run was cancelled' };
    if (!stop && step.ok && !target.isBound()) {
      stop = { reason: 'connection-lost', why: `the connection to ${target.endpoint.address} is gone` };
    }
    if (stop) {
      settle({
        ...identity,
        status: 'not-attempted',
        cause: `Not attempted: ${stop.why}.`,
        fix: 'Apply this record again once the cause is fixed.',
      });
      continue;
    }
    if (!step.ok) {
      settle({ ...identity, status: 'failed', ...fields(step.explanation) });
      if (!options.continueOnError)
        stop = { reason: 'record-failed', why: `the run stopped at ${describeSource(identity.source)}` };
      continue;
    }
    const { record } = step;
    try {
      await sendOperation(target.client, record.operation);
      settle({ ...identity, status: 'applied', code: 0 });
    } catch (error) {
      const explanation = explainOperationError(error, {
        record,
        address: target.endpoint.address,
        catalog: options.catalog,
        diagnostics: options.diagnosticsFor?.(record.source) ?? [],
        secrets: [...(options.secrets ?? []), ...secretValues(record.operation)],
      });
      if (isConnectionLoss(error)) {
        settle({ ...identity, status: 'unconfirmed', ...fields(explanation) });
        stop = {
          reason: 'connection-lost',
          why: `the connection to ${target.endpoint.address} was lost at ${describeSource(identity.source)}`,
        };
      } else {
        settle({ ...identity, status: 'failed', ...fields(explanation) });
        if (!options.continueOnError)
          stop = { reason: 'record-failed', why: `the run stopped at ${describeSource(identity.source)}` };
      }
    }
  }

  const counts = Object.fromEntries(RECORD_STATUSES.map((status) => [status, 0])) as Record<RecordStatus, number>;
  for (const result of results) counts[result.status]++;
  const stopReason: StopReason = stop?.reason ?? (counts.failed > 0 ? 'record-failed' : 'completed');
  return { address: target.endpoint.address, results, stopReason, counts };
}

function fields(explanation: Explanation): Partial<RecordResult> {
  return {
    ...(explanation.code !== undefined ? { code: explanation.code } : {}),
    ...(explanation.serverText !== undefined ? { serverText: explanation.serverText } : {}),
    failure: explanation.kind,
    cause: explanation.cause,
    fix: explanation.fix,
  };
}

/** Values of password-like attributes in the record, as text, so no error message can echo them. */
export function secretValues(operation: Operation): string[] {
  const decoder = new TextDecoder();
  return attributesOf(operation)
    .filter((attribute) => isSecretAttribute(attribute.type))
    .flatMap((attribute) => attribute.values.map((value) => decoder.decode(value)));
}

/** One line per result for people: status, place, change, and the cause and fix when not applied. */
export function formatResult(result: RecordResult): string {
  const what = `${result.changeType ?? 'record'} ${result.dn ?? '(no dn)'}`;
  const head = `${result.status.padEnd(13)} ${describeSource(result.source)}  ${what}`;
  if (result.status === 'applied') return head;
  return `${head}: ${formatExplanation({ kind: result.failure ?? 'ldap', cause: result.cause ?? '', fix: result.fix ?? '' })}`;
}

export function formatSummary(report: ApplyReport): string {
  const { counts } = report;
  const parts = RECORD_STATUSES.filter((status) => counts[status] > 0 || status === 'applied').map(
    (status) => `${counts[status]} ${status}`,
  );
  const tail: Record<StopReason, string> = {
    completed: '',
    'record-failed':
      counts['not-attempted'] > 0 ? ' (stopped at the first failure; --continue goes on past failures)' : '',
    cancelled: ' (cancelled)',
    'connection-lost': ` (connection to ${report.address} lost)`,
  };
  return `${parts.join(', ')} on ${report.address}${tail[report.stopReason]}`;
}
