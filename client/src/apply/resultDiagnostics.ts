/**
 * Apply and dry-run results → problems on the records they are about, as plain data (the
 * editor turns them into vscode Diagnostics). Each message is one line: cause, then fix.
 */
import type { DryRunRecord } from '@apply/dryRun';
import { formatExplanation, type FailureKind } from '@apply/errors';
import type { RecordResult } from '@apply/run';

export interface RecordProblem {
  /** 0-based line of the record's `dn:` line (its first line when it has none). */
  readonly line: number;
  readonly severity: 'error' | 'warning';
  /** `apply/failed`, `apply/unconfirmed`, `dry-run/would-fail`, `dry-run/not-planned`. */
  readonly code: string;
  readonly message: string;
}

/** Failed records are errors; unconfirmed ones (sent, answer lost) are warnings. Applied and not-attempted ones get none. */
export function applyProblems(results: readonly RecordResult[]): RecordProblem[] {
  return results.flatMap((result): RecordProblem[] => {
    if (result.status !== 'failed' && result.status !== 'unconfirmed') return [];
    const text = oneLine(result.failure ?? 'ldap', result.cause, result.fix);
    return [
      {
        line: result.source.line - 1,
        severity: result.status === 'failed' ? 'error' : 'warning',
        code: `apply/${result.status}`,
        message: result.status === 'failed' ? `Apply failed: ${text}` : `Apply unconfirmed: ${text}`,
      },
    ];
  });
}

/** Every finding of a record that would fail gets its own warning: nothing was written. */
export function dryRunProblems(records: readonly DryRunRecord[]): RecordProblem[] {
  return records.flatMap((record) =>
    record.verdict === 'would-apply'
      ? []
      : record.findings.map((finding) => ({
          line: record.source.line - 1,
          severity: 'warning' as const,
          code: `dry-run/${record.verdict}`,
          message: `Dry run: ${oneLine(finding.kind, finding.cause, finding.fix)}`,
        })),
  );
}

function oneLine(kind: FailureKind, cause: string | undefined, fix: string | undefined): string {
  return formatExplanation({
    kind,
    cause: cause ?? 'The record was not applied.',
    fix: fix ?? 'See the Winsync LDIF output.',
  }).replace(/\s*[\r\n]+\s*/g, ' ');
}
