/** Which records of a document a selection covers. */
import type { LdifDocument } from '@engine/ldif/ast';

export interface LineSpan {
  /** 0-based, inclusive. */
  readonly start: number;
  readonly end: number;
}

/** Indexes of the records that share at least one line with any span, in document order. */
export function recordsTouching(document: LdifDocument, spans: readonly LineSpan[]): number[] {
  const indexes: number[] = [];
  document.records.forEach((record, index) => {
    const { start, end } = record.range;
    if (spans.some((span) => span.start <= end.line && span.end >= start.line)) indexes.push(index);
  });
  return indexes;
}
