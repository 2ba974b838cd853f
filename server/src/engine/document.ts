import type { Diagnostic, Fix, LdifDocument } from './ldif/ast';
import { mostUsedEol, splitBlocks, type Block, type SplitText } from './ldif/lines';
import { countLineBreaks, editWindow } from './ldif/window';
import { assembleDocument, mixedRecordProblems, parseBlock, type ParsedBlock } from './ldif/parser';
import type { Catalog } from './catalog';
import { viewEntry } from './model/entryView';
import type { EntryView } from './model/entryView';
import {
  applySettings,
  checkEntries,
  checkRecord,
  checkRecordAgainstSchema,
  syntaxDiagnostics,
} from './rules/validate';
import type { ValidationSettings } from './rules/validate';
import type { RuleContext } from './rules/types';
import type { Schema } from './schema/schema';

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
  /** Schema-rule diagnostics, computed on first validation with each schema. */
  schemaDiagnostics?: { readonly schema: Schema; readonly diagnostics: readonly Diagnostic[] };
}

/** What splitting the whole text found besides its blocks, kept so that an edit can split only its window. */
type SplitFacts = Pick<SplitText, 'lineCount' | 'breaks' | 'whitespaceLines'>;

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
    /** Where each block starts in `text`. */
    private readonly offsets: readonly number[],
    /** Undefined for a piece of a larger text, which a later version cannot be compared with. */
    private readonly facts: SplitFacts | undefined,
  ) {}

  /** Parses `text`, reusing the blocks of `previous` that are unchanged and at the same line. */
  static parse(
    text: string,
    catalog: Catalog,
    previous?: ParsedDocument,
    piece: TextPiece = WHOLE_TEXT,
  ): ParsedDocument {
    if (previous?.facts && piece === WHOLE_TEXT && text !== '')
      return ParsedDocument.parseEdit(text, catalog, previous, previous.facts);
    const split = splitBlocks(text, piece.firstLine);
    const before = previous?.order ?? [];
    let candidate = 0;
    let versionAllowed = piece.atFileStart;
    const order = split.blocks.map((block) => {
      // Both lists are in line order, so one walk pairs each block with the old block at its line;
      // comparing their lines needs no per-block key (a copy of the text, for a million records).
      while (candidate < before.length && before[candidate].block.startLine < block.startLine) candidate++;
      const old = before[candidate];
      const state =
        old && sameBlock(old, block, versionAllowed) ? old : newState(block, versionAllowed, catalog, piece.once);
      if (state.parsed.hasContent) versionAllowed = false;
      return state;
    });
    // Only what a later edit needs is kept: the split's own blocks hold slices of the whole text.
    const { lineCount, breaks, whitespaceLines } = split;
    return ParsedDocument.assemble(
      text,
      order,
      split.offsets,
      split,
      piece === WHOLE_TEXT ? { lineCount, breaks, whitespaceLines } : undefined,
    );
  }

  /**
   * The next version of a whole text: only the window around the characters the edit
   * changed is split and parsed again (comparing every line took longer than parsing a
   * record). When the edit adds or removes lines, everything below moves, so the window
   * runs to the end of the text.
   */
  private static parseEdit(
    text: string,
    catalog: Catalog,
    previous: ParsedDocument,
    facts: SplitFacts,
  ): ParsedDocument {
    const { order: before, offsets: beforeOffsets } = previous;
    const window = editWindow(previous.text, text);
    let { end, oldEnd } = window;
    const { start } = window;
    const first = firstAtOrAfter(beforeOffsets, start);
    const startLine =
      first === 0
        ? countLineBreaks(text, 0, start).lines
        : before[first - 1].block.startLine + countLineBreaks(text, beforeOffsets[first - 1], start).lines;
    let removed = countLineBreaks(previous.text, start, oldEnd);
    let part = splitWindow(text, start, end, startLine);
    if (end < text.length && part.lineCount !== removed.lines) {
      end = text.length;
      oldEnd = previous.text.length;
      removed = countLineBreaks(previous.text, start, oldEnd);
      part = splitWindow(text, start, end, startLine);
    }
    const last = end === text.length ? before.length : firstAtOrAfter(beforeOffsets, oldEnd);
    const endLine = startLine + removed.lines;

    const order: BlockState[] = [];
    const offsets: number[] = [];
    let versionAllowed = true;
    const add = (state: BlockState, offset: number) => {
      const fitting = state.versionAllowed === versionAllowed ? state : newState(state.block, versionAllowed, catalog);
      order.push(fitting);
      offsets.push(offset);
      if (fitting.parsed.hasContent) versionAllowed = false;
    };
    for (let i = 0; i < first; i++) add(before[i], beforeOffsets[i]);
    part.blocks.forEach((block, i) => add(newState(block, versionAllowed, catalog), start + part.offsets[i]));
    const shift = text.length - previous.text.length;
    for (let i = last; i < before.length; i++) add(before[i], beforeOffsets[i] + shift);

    const kept = (from: number, to: number) => facts.whitespaceLines.filter(({ line }) => line >= from && line < to);
    const breaks = {
      crlf: facts.breaks.crlf - removed.crlf + part.breaks.crlf,
      lf: facts.breaks.lf - (removed.lines - removed.crlf) + part.breaks.lf,
    };
    const next: SplitFacts = {
      lineCount: end === text.length ? startLine + part.lineCount : facts.lineCount,
      breaks,
      whitespaceLines: [
        ...kept(0, startLine),
        ...part.whitespaceLines,
        ...(end === text.length ? [] : kept(endLine, Infinity)),
      ],
    };
    return ParsedDocument.assemble(text, order, offsets, { ...next, eol: mostUsedEol(breaks) }, next);
  }

  private static assemble(
    text: string,
    order: readonly BlockState[],
    offsets: readonly number[],
    split: Pick<SplitText, 'lineCount' | 'eol' | 'whitespaceLines'>,
    facts: SplitFacts | undefined,
  ): ParsedDocument {
    const ldif = assembleDocument(
      split,
      order.map((state) => state.parsed),
    );
    const views: EntryView[] = [];
    for (const state of order) if (state.view) views.push(state.view);
    return new ParsedDocument(text, ldif, views, order, offsets, facts);
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

  /**
   * Record-rule diagnostics of every record, with the schema rules' while `context` has a schema:
   * each record checked once per version of its text (and per schema).
   */
  recordDiagnostics(context: RuleContext): Diagnostic[] {
    // Loops, not flatMap: this runs for every piece of a large file, and most records have nothing to say.
    const found: Diagnostic[] = [];
    const { schema } = context;
    const withSchema = schema && { ...context, schema };
    for (const state of this.order) {
      if (!state.view) continue;
      state.recordDiagnostics ??= checkRecord(state.view, context);
      for (const diagnostic of state.recordDiagnostics) found.push(diagnostic);
      if (!withSchema) continue;
      if (state.schemaDiagnostics?.schema !== withSchema.schema) {
        const diagnostics = checkRecordAgainstSchema(state.view, withSchema, state.recordDiagnostics);
        state.schemaDiagnostics = { schema: withSchema.schema, diagnostics };
      }
      for (const diagnostic of state.schemaDiagnostics.diagnostics) found.push(diagnostic);
    }
    return found;
  }
}

/** The split of text[start, end), with line numbers from `startLine`; nothing for an empty window at the end. */
function splitWindow(text: string, start: number, end: number, startLine: number): SplitText {
  if (start === end)
    return { blocks: [], offsets: [], lineCount: 0, eol: '\n', breaks: { crlf: 0, lf: 0 }, whitespaceLines: [] };
  return splitBlocks(text.slice(start, end), startLine);
}

/** Index of the first offset at or after `at` (offsets ascend). */
function firstAtOrAfter(offsets: readonly number[], at: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < at) low = middle + 1;
    else high = middle;
  }
  return low;
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
  if (
    state.block.startLine !== block.startLine ||
    state.versionAllowed !== versionAllowed ||
    lines.length !== block.lines.length
  ) {
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
export function validate(
  document: ParsedDocument,
  catalog: Catalog,
  settings: ValidationSettings = {},
  schema?: Schema,
): Diagnostic[] {
  const diagnostics = applySettings(
    [
      ...syntaxDiagnostics(document.ldif.problems),
      ...syntaxDiagnostics(mixedRecordProblems(document.ldif.records)),
      ...document.recordDiagnostics({ catalog, schema }),
      ...checkEntries(document.views, { catalog }),
    ],
    settings,
  );
  return diagnostics.map((diagnostic) =>
    diagnostic.fixes ? { ...diagnostic, fixes: diagnostic.fixes.map((fix) => keepInside(fix, document)) } : diagnostic,
  );
}

/**
 * Rules build whole-line edits that end at the start of the next line; on the last line of
 * a file without a final line break that is past the end, so such an end becomes the end of the text.
 */
function keepInside(fix: Fix, document: ParsedDocument): Fix {
  // After a final line break, editors count one more (empty) line.
  const endsWithBreak = document.text.endsWith('\n');
  const last = endsWithBreak ? document.ldif.lineCount : document.ldif.lineCount - 1;
  if (fix.edits.every((edit) => edit.range.end.line <= last)) return fix;
  const end = { line: last, character: endsWithBreak ? 0 : document.lineText(last).length };
  return {
    ...fix,
    edits: fix.edits.map((edit) =>
      edit.range.end.line <= last
        ? edit
        : { ...edit, range: { start: edit.range.start.line > last ? end : edit.range.start, end } },
    ),
  };
}
