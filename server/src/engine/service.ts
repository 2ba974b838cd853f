import { loadCatalog, type Catalog } from './catalog';
import { ParsedDocument, validate } from './document';
import type { Diagnostic, Position, TextEdit } from './ldif/ast';
import type { TextChange, TextSource } from './ldif/window';
import { findDocumentSymbols, type DocumentSymbol } from './features/symbols';
import { getFoldingRanges, type FoldingRange } from './features/folding';
import { format, type FormattingOptions } from './features/formatting';
import type { ValidationSettings } from './rules/validate';
import { doHover, type Hover } from './features/hover';
import { doComplete, type CompletionItem } from './features/completion';
import { findRecordAnchors, type RecordAnchor } from './features/recordAnchors';
import type { Schema } from './schema/schema';
import { checkLeavingOutQuiet } from './partsCheck';
import { QuietRecords } from './rules/quietRecords';

export { ParsedDocument } from './document';
export type { ValidationSettings } from './rules/validate';
export { mergeChanges, type TextChange, type TextSource } from './ldif/window';
export type { Schema } from './schema/schema';

/**
 * The engine's one entry point: plain functions over a parsed document, with no
 * transport. The LSP server, the CLI and the tests all call these.
 */
export interface LanguageService {
  readonly catalog: Catalog;
  /**
   * Parses text, reusing unchanged records of the previous version of the same document;
   * `change` says where the text changed since then, when the editor said so.
   */
  parse(text: string | TextSource, previous?: ParsedDocument, change?: TextChange): ParsedDocument;
  /** `schema`: the server's schema, when one is loaded; its checks (group `schema`) run only then. */
  validate(document: ParsedDocument, settings?: ValidationSettings, schema?: Schema): Diagnostic[];
  /**
   * What `validate` finds in a whole large text (without a schema), worked out without keeping
   * a parse and without the records no check has anything to say about: a document's first
   * check, whose tree can be built after. Undefined where this does not hold or does not pay.
   */
  validateUnparsed(text: string, settings?: ValidationSettings): Diagnostic[] | undefined;
  findDocumentSymbols(document: ParsedDocument): DocumentSymbol[];
  getFoldingRanges(document: ParsedDocument): FoldingRange[];
  format(document: ParsedDocument, options: FormattingOptions): TextEdit[];
  hover(document: ParsedDocument, position: Position, schema?: Schema): Hover | undefined;
  complete(document: ParsedDocument, position: Position, schema?: Schema): CompletionItem[];
  /** Where each record's per-record actions go. */
  findRecordAnchors(document: ParsedDocument): RecordAnchor[];
}

export function getLanguageService(catalog: Catalog = loadCatalog()): LanguageService {
  // One scan for every document: it reads one block at a time and keeps only what names mean.
  const quiet = new QuietRecords(catalog);
  return {
    catalog,
    parse: (text, previous, change) => ParsedDocument.parse(text, catalog, previous, undefined, change, quiet),
    validate: (document, settings, schema) => validate(document, catalog, settings, schema),
    validateUnparsed: (text, settings = {}) => checkLeavingOutQuiet(text, catalog, settings),
    findDocumentSymbols,
    getFoldingRanges,
    format,
    hover: (document, position, schema) => doHover(document, position, catalog, schema),
    complete: (document, position, schema) => doComplete(document, position, catalog, schema),
    findRecordAnchors,
  };
}
