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
  /**
   * The piece is parsed once and then dropped, as `check` does while reading a file: its
   * blocks need no copy out of its text, except winsync records, which outlive the piece.
   */
  readonly once?: boolean;
}

const WHOLE_TEXT: TextPiece = { firstLine: 0, atFileStart: true };

/** One block of the text with everything derived from it alone. */
interface BlockState {
  /** The block's physical lines, for features that need the text of a line the AST does not keep. */
  readonly block: Block;
  /** Whether `version:` may start the block: part of what the block parses to. */
  readonly versionAllowed: boolean;
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
    private readonly order: readonly BlockState[],
  ) {}

  /** Parses `text`, reusing the blocks of `previous` that are unchanged and at the same line. */
  static parse(text: string, catalog: Catalog, previous?: ParsedDocument, piece: TextPiece = WHOLE_TEXT): ParsedDocument {
    const split = splitBlocks(text, piece.firstLine);
    const before = previous?.order ?? [];
    let candidate = 0;
    let versionAllowed = piece.atFileStart;
    const order = split.blocks.map((block) => {
      // Both lists are in line order, so one walk pairs each block with the old block at its line;
      // comparing their lines needs no per-block key (a copy of the text, for a million records).
      while (candidate < before.length && before[candidate].block.startLine < block.startLine) candidate++;
      const old = before[candidate];
      const state = old && sameBlock(old, block, versionAllowed) ? old : newState(block, versionAllowed, catalog, piece.once);
      if (state.parsed.hasContent) versionAllowed = false;
      return state;
    });
    const ldif = assembleDocument(
      split,
      order.map((state) => state.parsed),
    );
    const views = order.flatMap((state) => (state.view ? [state.view] : []));
    return new ParsedDocument(text, ldif, views, order);
  }

  /**
   * The text of one physical line; '' for a blank line or a line of only white space.
   * A binary search over the blocks, so features can read the line under the cursor
   * (e.g. a half-typed name without a colon) without scanning the text.
   */
  lineText(line: number): string {
    let low = 0;
    let high = this.order.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const block = this.order[middle].block;
      if (line < block.startLine) high = middle - 1;
      else if (line >= block.startLine + block.lines.length) low = middle + 1;
      else return block.lines[line - block.startLine];
    }
    return '';
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

function newState(block: Block, versionAllowed: boolean, catalog: Catalog, once = false): BlockState {
  if (once) {
    // Copying every block cost a tenth of `check`; only the checks across records keep a record (a winsync one).
    const state = stateOf(block, versionAllowed, catalog);
    if (state.view?.kind === undefined) return state;
  }
  return stateOf(detachBlock(block), versionAllowed, catalog);
}

function stateOf(block: Block, versionAllowed: boolean, catalog: Catalog): BlockState {
  const parsed = parseBlock(block, versionAllowed);
  return { block, versionAllowed, parsed, view: parsed.record ? viewEntry(parsed.record, catalog) : undefined };
}

/** Blocks are equal when their first line, their lines and whether version: may start them are. */
function sameBlock(state: BlockState, block: Block, versionAllowed: boolean): boolean {
  const lines = state.block.lines;
  if (state.block.startLine !== block.startLine || state.versionAllowed !== versionAllowed || lines.length !== block.lines.length) {
    return false;
  }
  for (let i = 0; i < lines.length; i++) if (lines[i] !== block.lines[i]) return false;
  return true;
}

/**
 * The block with its lines cut from a fresh copy of its own text. V8 keeps a substring as a
 * view that holds the whole string alive, and blocks are kept across edits: without the copy
 * every version of a large document that still had an unchanged block stayed in memory.
 */
function detachBlock(block: Block): Block {
  // Flattening a concatenation allocates new storage; slicing the result keeps only that alive.
  const copy = ('\n' + block.lines.join('\n')).slice(1);
  let from = 0;
  const lines = block.lines.map((line) => {
    const own = copy.slice(from, from + line.length);
    from += line.length + 1;
    return own;
  });
  return { startLine: block.startLine, lines };
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
