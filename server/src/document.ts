import type { Diagnostic, LdifDocument } from './ldif/ast';
import { splitBlocks, type Block } from './ldif/lines';
import { assembleDocument, mixedRecordProblems, parseBlock, type ParsedBlock } from './ldif/parser';
import type { Catalog } from './catalog';
import { viewEntry } from './rules/entryView';
import type { EntryView } from './rules/types';
import { applySettings, checkEntries, checkRecord } from './rules/validate';
import type { ValidationSettings } from './rules/settings';

/** Where a piece of a larger file starts, for callers that read a file in pieces. */
export interface TextPiece {
  readonly firstLine: number;
  readonly atFileStart: boolean;
}

const WHOLE_TEXT: TextPiece = { firstLine: 0, atFileStart: true };

/** One block of the text with everything derived from it alone. */
interface BlockState {
  readonly parsed: ParsedBlock;
  readonly view: EntryView | undefined;
  /** Record-rule diagnostics, computed on first validation. */
  recordDiagnostics?: Diagnostic[];
}

/**
 * A parsed document that remembers its blocks, so that the next version of the
 * text re-parses and re-checks only the records an edit touched.
 */
export class ParsedDocument {
  private constructor(
    readonly text: string,
    readonly ldif: LdifDocument,
    readonly views: readonly EntryView[],
    private readonly blocks: ReadonlyMap<string, BlockState>,
    private readonly order: readonly BlockState[],
  ) {}

  /** Parses `text`, reusing the blocks of `previous` that are unchanged and at the same line. */
  static parse(text: string, catalog: Catalog, previous?: ParsedDocument, piece: TextPiece = WHOLE_TEXT): ParsedDocument {
    const split = splitBlocks(text, piece.firstLine);
    const blocks = new Map<string, BlockState>();
    let versionAllowed = piece.atFileStart;
    const order = split.blocks.map((block) => {
      const key = blockKey(block, versionAllowed);
      const state = previous?.blocks.get(key) ?? blocks.get(key) ?? newState(block, versionAllowed, catalog);
      blocks.set(key, state);
      if (state.parsed.hasContent) versionAllowed = false;
      return state;
    });
    const ldif = assembleDocument(
      split,
      order.map((state) => state.parsed),
    );
    const views = order.flatMap((state) => (state.view ? [state.view] : []));
    return new ParsedDocument(text, ldif, views, blocks, order);
  }

  /** Record-rule diagnostics of every record, each record checked once per version of its text. */
  recordDiagnostics(catalog: Catalog): Diagnostic[] {
    return this.order.flatMap((state) => {
      if (!state.view) return [];
      state.recordDiagnostics ??= checkRecord(state.view, { catalog });
      return state.recordDiagnostics;
    });
  }
}

function newState(block: Block, versionAllowed: boolean, catalog: Catalog): BlockState {
  const parsed = parseBlock(block, versionAllowed);
  return { parsed, view: parsed.record ? viewEntry(parsed.record, catalog) : undefined };
}

/** Blocks are equal when their text, first line and whether version: may start them are. */
function blockKey(block: Block, versionAllowed: boolean): string {
  return `${versionAllowed ? 'V' : ''}${block.startLine}\n${block.lines.join('\n')}`;
}

/** Parser problems plus every rule's diagnostics for a parsed document, shaped by the settings. */
export function validate(document: ParsedDocument, catalog: Catalog, settings: ValidationSettings = {}): Diagnostic[] {
  return applySettings(
    [
      ...document.ldif.problems,
      ...mixedRecordProblems(document.ldif.records),
      ...document.recordDiagnostics(catalog),
      ...checkEntries(document.views, { catalog }),
    ],
    settings,
  );
}
