/**
 * The reject file (like `ldapmodify -S`): every record that still needs applying — failed,
 * unconfirmed, or not attempted — copied from its source with the reason as a comment, so
 * the file can be fixed and applied again. Secret values never go into it: their lines are
 * replaced by a comment that says where to copy the value from.
 */
import type { LdifDocument } from '../engine/ldif/ast';
import { describeSource } from './operations';
import type { RecordResult } from './run';
import { isSecretAttribute, WITHHELD } from './secret';

export interface RejectSource {
  /** The source text split into physical lines. */
  readonly lines: readonly string[];
  readonly document: LdifDocument;
}

export interface RejectFileMeta {
  readonly address: string;
  readonly date: Date;
}

/** The reject file text, or undefined when every record was applied. */
export function formatRejectFile(
  results: readonly RecordResult[],
  sourceOf: (file: string | undefined) => RejectSource | undefined,
  meta: RejectFileMeta,
): string | undefined {
  const pending = results.filter((result) => result.status !== 'applied');
  if (pending.length === 0) return undefined;
  const eol = sourceOf(pending[0].source.file)?.document.eol ?? '\n';
  const out: string[] = [
    `# winsync-ldif apply: ${pending.length} record(s) not applied to ${meta.address} on ${meta.date.toISOString()}.`,
    '# Fix the cause noted above each record, then apply this file again.',
  ];
  for (const result of pending) {
    out.push('', ...reasonComments(result), ...recordLines(result, sourceOf(result.source.file)));
  }
  return out.join(eol) + eol;
}

function reasonComments(result: RecordResult): string[] {
  const where = describeSource(result.source);
  return [`# ${where}: ${result.status}: ${oneLine(result.cause ?? '')}`, `# fix: ${oneLine(result.fix ?? '')}`];
}

function recordLines(result: RecordResult, source: RejectSource | undefined): string[] {
  const record = source?.document.records[result.source.index];
  if (!source || !record) return [`# (the record text of ${describeSource(result.source)} is not available)`];
  const secretLines = new Map<number, { last: number; name: string }>();
  for (const line of record.lines) {
    if (isSecretAttribute(line.name))
      secretLines.set(line.line.range.start.line, { last: line.line.range.end.line, name: line.name });
  }
  const lines: string[] = [];
  for (let number = record.range.start.line; number <= record.range.end.line; number++) {
    const secret = secretLines.get(number);
    if (secret) {
      lines.push(
        `# ${secret.name}: ${WITHHELD} (secret; copy this line from ${describeSource({ ...result.source, line: number + 1 })} before applying)`,
      );
      number = secret.last;
      continue;
    }
    lines.push(source.lines[number] ?? '');
  }
  // The record range may end on the blank separator line; the file adds its own.
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
