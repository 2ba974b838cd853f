/**
 * Apply and dry-run results → problems on the records they are about, as plain data (the
 * editor turns them into vscode Diagnostics). Each message is one line: cause, then the remedy
 * in the editor's words.
 */
import type { DryRunRecord } from '@apply/dryRun';
import { advice, formatExplanation, type Remedy } from '@apply/errors';
import type { RecordResult } from '@apply/run';
import { renderRemedy } from './remedies';

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
    const text = oneLine(result.cause, result.remedy);
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

/** Every finding of a record that would fail (or not be attempted) gets its own warning: nothing was written. */
export function dryRunProblems(records: readonly DryRunRecord[]): RecordProblem[] {
  return records.flatMap((record) =>
    record.verdict === 'would-apply' || record.verdict === 'no-change'
      ? []
      : record.findings.map((finding) => ({
          line: record.source.line - 1,
          severity: 'warning' as const,
          code: `dry-run/${record.verdict}`,
          message: `Dry run: ${oneLine(finding.cause, finding.remedy)}`,
        })),
  );
}

function oneLine(cause: string | undefined, remedy: Remedy | undefined): string {
  return formatExplanation(
    { cause: cause ?? 'The record was not applied.', remedy: remedy ?? advice('See the Winsync LDIF output.') },
    renderRemedy,
  ).replace(/\s*[\r\n]+\s*/g, ' ');
}
