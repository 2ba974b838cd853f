/**
 * Where each record starts for per-record actions (the editor's "Apply" and "Dry run" lenses):
 * the line of its `dn:`, or its first line when it has none, with its index in the document.
 */
import type { LdifRecord } from '../ldif/ast';
import type { ParsedDocument } from '../document';

export interface RecordAnchor {
  /** The record's index among the document's records, as apply numbers them. */
  readonly index: number;
  readonly line: number;
}

export function findRecordAnchors(document: ParsedDocument): RecordAnchor[] {
  return document.ldif.records.map((record, index) => ({ index, line: anchorLine(record) }));
}

/** The line a record's actions go on. */
export function anchorLine(record: LdifRecord): number {
  return record.dn?.line.range.start.line ?? record.range.start.line;
}
