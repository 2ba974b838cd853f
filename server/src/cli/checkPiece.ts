import type { Diagnostic, LdifRecord } from '../engine/ldif/ast';
import { ParsedDocument } from '../engine/document';
import type { Catalog } from '../engine/catalog';
import { applySettings, syntaxDiagnostics } from '../engine/rules/validate';
import type { EntryView } from '../engine/model/entryView';
import type { Piece } from './pieces';

/** What checking one piece found: its diagnostics in position order, and what the checks across pieces need. */
export interface PieceFindings {
  readonly diagnostics: readonly Diagnostic[];
  /** Its winsync records, for the checks that compare them. */
  readonly views: readonly EntryView[];
  /** Its first content record and first change record, for the mixed-records check. */
  readonly firsts: readonly LdifRecord[];
}

/** Settings that shape a piece's diagnostics: sorted by position, none left out. */
export const UNCAPPED = { maxDiagnostics: Number.POSITIVE_INFINITY };

/** Parses and checks one piece of a file on its own; `document` is the piece's parse. */
export function checkPiece(piece: Piece, catalog: Catalog): PieceFindings & { readonly document: ParsedDocument } {
  const document = ParsedDocument.parse(piece.text, catalog, undefined, {
    firstLine: piece.firstLine,
    atFileStart: piece.atFileStart,
    once: true,
  });
  const diagnostics = applySettings(
    [...syntaxDiagnostics(document.ldif.problems), ...document.recordDiagnostics(catalog)],
    UNCAPPED,
  );
  const firsts: LdifRecord[] = [];
  rememberFirsts(firsts, document.ldif.records);
  return { diagnostics, views: document.views.filter((view) => view.kind !== undefined), firsts, document };
}

/** Keeps the first content record and the first change record: all that the mixed-records check needs. */
export function rememberFirsts(firsts: LdifRecord[], records: readonly LdifRecord[]): void {
  for (const record of records) {
    const isContent = record.kind === 'content';
    if (!firsts.some((kept) => (kept.kind === 'content') === isContent)) firsts.push(record);
  }
}
