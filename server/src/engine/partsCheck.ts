/**
 * A text checked in parts (runs of whole blocks, each parsed once and dropped): each part's own
 * diagnostics as it is read, then the checks that compare records, from the winsync records and
 * the first content and change records kept meanwhile. `check`, the apply preflight and an
 * editor's first check of a large document share it.
 */
import type { Catalog } from './catalog';
import { ParsedDocument, type TextPiece } from './document';
import type { Diagnostic, LdifRecord } from './ldif/ast';
import { mixedRecordCandidates, mixedRecordProblems } from './ldif/parser';
import type { EntryView } from './model/entryView';
import { QuietRecords } from './rules/quietRecords';
import type { RuleContext } from './rules/types';
import { applySettings, checkEntries, syntaxDiagnostics, type ValidationSettings } from './rules/validate';

/** A run of whole blocks with where it starts in its text. */
export interface TextPart extends TextPiece {
  readonly text: string;
}

/** Parses one part; it is dropped once read, so none of its text is copied out. */
export function parsePart(part: TextPart, catalog: Catalog): ParsedDocument {
  return ParsedDocument.parse(part.text, catalog, undefined, {
    firstLine: part.firstLine,
    atFileStart: part.atFileStart,
    once: true,
  });
}

export class PartsCheck {
  readonly #kept: EntryView[] = [];
  #firsts: LdifRecord[] = [];

  constructor(private readonly context: RuleContext) {}

  /** Parses the next part; it, its parser problems (`syntax`) and its record rules' diagnostics. */
  read(part: TextPart): { document: ParsedDocument; syntax: Diagnostic[]; records: Diagnostic[] } {
    const document = parsePart(part, this.context.catalog);
    for (const view of document.views) if (view.kind !== undefined) this.#kept.push(view);
    // Only these two of all the records read are kept.
    this.#firsts = mixedRecordCandidates([...this.#firsts, ...mixedRecordCandidates(document.ldif.records)]);
    return { document, ...document.blockDiagnostics(this.context) };
  }

  /** Once every part is read: the parser's finding when content and change records are mixed. */
  mixedRecords(): Diagnostic[] {
    return syntaxDiagnostics(mixedRecordProblems(this.#firsts));
  }

  /** Once every part is read: the findings of the checks that compare winsync records. */
  acrossRecords(): Diagnostic[] {
    return checkEntries(this.#kept, { catalog: this.context.catalog });
  }
}

/** Below this length parsing a whole text costs less than scanning it for quiet blocks first. */
export const SCAN_PAYS_FROM = 256 * 1024;

/**
 * What `validate` finds in a whole text, without the blocks `QuietRecords` proves quiet and
 * without keeping any parse: an editor's first check of a large document, whose tree is built
 * after its diagnostics are out. Undefined where the shortcut does not hold or does not pay: a
 * small text, a schema (its checks need every entry), `:<` values (their files are read from
 * the parse), and a fix that reaches past the last line (`validate` moves its end).
 */
export function checkLeavingOutQuiet(
  text: string,
  catalog: Catalog,
  settings: ValidationSettings,
  minimumLength = SCAN_PAYS_FROM,
): Diagnostic[] | undefined {
  if (text.length < minimumLength || text.includes(':<')) return undefined;
  const check = new PartsCheck({ catalog });
  const syntax: Diagnostic[] = [];
  const records: Diagnostic[] = [];
  for (const part of new QuietRecords(catalog).parts({ text, atFileStart: true })) {
    const read = check.read(part);
    syntax.push(...read.syntax);
    records.push(...read.records);
  }
  // In `validate`'s order, which the sort by position keeps where positions are equal.
  const found = [...syntax, ...check.mixedRecords(), ...records, ...check.acrossRecords()];
  if (found.some((diagnostic) => diagnostic.fixes) && fixesPastLastLine(found, text)) return undefined;
  return applySettings(found, settings);
}

function fixesPastLastLine(found: readonly Diagnostic[], text: string): boolean {
  let lastLine = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lastLine++;
  return found.some((diagnostic) =>
    diagnostic.fixes?.some((fix) => fix.edits.some((edit) => edit.range.end.line > lastLine)),
  );
}
