import type { Diagnostic, Fix, LdifDocument, LdifRecord, RecordKind } from './ldif/ast';
import { blockHasContent, mostUsedEol, splitBlocks, type SplitText, type TextBlock } from './ldif/lines';
import { countLineBreaks, editWindow, type TextChange, type TextSource } from './ldif/window';
import {
  assembleDocument,
  mixedRecordProblems,
  parseBlock,
  whitespaceLineProblem,
  type ParsedBlock,
} from './ldif/parser';
import { shiftRanges } from './ldif/position';
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
import type { SyntaxFinding } from './ldif/findings';

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

/** Diagnostics worked out for a block, and the line the block started on then. */
interface Placed {
  readonly at: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** A block's parse and the catalog's view of its record. */
interface BlockTree {
  readonly parsed: ParsedBlock;
  readonly view: EntryView | undefined;
}

/** What the checks across blocks ask of a block's record, kept where its tree is not. */
interface RecordSummary {
  readonly kind: LdifRecord['kind'];
  readonly hasDn: boolean;
  readonly traits: number;
}

/** One block of the text with everything derived from it alone. */
interface BlockState {
  /**
   * The block's physical lines, for features that need the text of a line the AST does not keep.
   * Its `startLine` is where the document that last read it has it.
   */
  readonly block: TextBlock;
  /** Whether `version:` may start the block: part of what the block parses to. */
  readonly versionAllowed: boolean;
  /**
   * Whether `version:` may still start the next block: it may here and this block has only
   * comments. Asked of the block's lines only while it may, so opening a document does not cut
   * the lines of every block once more to find out.
   */
  readonly versionAllowedAfter: boolean;
  /**
   * Built with the state, except for the blocks of a text parsed whole afresh (a document just
   * opened) and the pasted blocks whose findings are known without a parse (`editedState`): those
   * are parsed when first asked, and kept from the first use that needs the tree itself. Their first
   * check parses them for that check alone, so that the first diagnostics of a large document
   * come before its tree is kept (see `treeFor`).
   */
  tree: BlockTree | undefined;
  /** Undefined until the block was first parsed; `null` for a block without a record. */
  summary: RecordSummary | null | undefined;
  /** The parser's findings as diagnostics, worded on first validation. */
  syntax: Placed | undefined;
  /** Record-rule diagnostics, computed on first validation. */
  record: Placed | undefined;
  /** Schema-rule diagnostics, computed on first validation with each schema. */
  schemaFindings: { readonly schema: Schema; readonly placed: Placed } | undefined;
}

/** What splitting the whole text found besides its blocks, kept so that an edit can split only its window. */
type SplitFacts = Pick<SplitText, 'lineCount' | 'breaks' | 'whitespaceLines'>;

/**
 * The versions of one document, parsed one from the other, share the blocks an edit did not
 * touch. A block's parse reads its line from the block, so the version being read puts every
 * block at its own line first (only when another version was read last).
 */
interface Lineage {
  placed: ParsedDocument | undefined;
  /**
   * What the checks found in the blocks of a recent version, by the block's text: a block
   * pasted with the text of one of them (records copied within the document) is then neither
   * parsed nor checked again. Gathered at an edit that adds two blocks or more, when there is
   * none or it is `REFRESH_EDITS` edits old; the blocks edits make are not added one by one, so
   * that what it holds stays about one version of the text.
   */
  checked: { readonly texts: CheckedTexts; readonly edit: number } | undefined;
  /** Counts the edits, to know how old `checked` is. */
  edits: number;
  /**
   * Whether the last check had a schema. The next one most likely has it too, and then the
   * schema rules parse every pasted block anyway: the scan for quiet ones would only add to that.
   */
  schemaChecked: boolean;
}

/**
 * A block's findings, which depend on its text alone (and on the schema they were checked
 * with): its diagnostics move with it as any block's do. Not for a block that `version:` may
 * start, nor for a winsync record, whose tree the checks across records read at every version.
 */
interface CheckedText {
  readonly content: string;
  readonly summary: RecordSummary | null;
  readonly syntax: Placed;
  readonly record: Placed | undefined;
  readonly schemaFindings: BlockState['schemaFindings'];
}

/** What spares a pasted block its parse and checks (see `editedState`). */
interface PasteShortcuts {
  readonly checked: CheckedTexts;
  readonly quiet: QuietBlocks | undefined;
}

/**
 * Tells the blocks that neither the parser nor a record rule has anything to say about
 * (`QuietRecords.quietKind`): the kind of such a block's record, undefined for any other block.
 * Given by the language service, so that what parses a text once (apply) does not carry the scan.
 */
export interface QuietBlocks {
  quietKind(text: string): RecordKind | undefined;
}

/** Edits after which the checked texts are gathered again from the blocks of the version then. */
const REFRESH_EDITS = 256;

/** The characters of a block's text that find its bucket. */
const KEY_LENGTH = 64;

/**
 * Checked blocks' findings, found by the first characters of a block's text and then compared
 * whole: hashing whole blocks as keys, once to find them and once to keep them, was a sixth of
 * the time of a paste of records new to the document.
 */
class CheckedTexts {
  readonly #byStart = new Map<string, CheckedText[]>();

  find(content: string): CheckedText | undefined {
    const bucket = this.#byStart.get(content.slice(0, KEY_LENGTH));
    if (bucket) for (const checked of bucket) if (checked.content === content) return checked;
    return undefined;
  }

  /** Adds a checked block's findings (see `CheckedText` for the blocks left out). */
  remember(state: BlockState): void {
    const { summary, syntax, record, schemaFindings } = state;
    if (state.versionAllowed || !syntax || summary === undefined || (summary !== null && !record)) return;
    // A winsync record keeps its tree from its first parse on: one without a tree is none.
    if (state.tree?.view?.kind !== undefined) return;
    const content = state.block.content;
    const checked = { content, summary, syntax, record, schemaFindings };
    const key = content.slice(0, KEY_LENGTH);
    const bucket = this.#byStart.get(key);
    if (!bucket) this.#byStart.set(key, [checked]);
    else if (!bucket.some((known) => known.content === content)) bucket.push(checked);
  }
}

/**
 * A parsed document that remembers its blocks, so that the next version of the text re-parses
 * and re-checks only the blocks an edit touched. Everything parsed from a block knows its lines
 * relative to the block: the blocks below an edit that adds or removes lines move by a change
 * of their first line, and what was found in them moves with them, with no parse or check.
 */
export class ParsedDocument {
  #ldif: LdifDocument | undefined;
  #views: EntryView[] | undefined;

  private constructor(
    /** The text: a string, or an editor's buffer in pieces that an edit's parse never needs whole. */
    readonly source: TextSource,
    private readonly order: readonly BlockState[],
    /** Where each block starts in the text. */
    private readonly offsets: readonly number[],
    /** The line each block starts on in this version. */
    private readonly startLines: readonly number[],
    private readonly split: Pick<SplitText, 'lineCount' | 'eol' | 'whitespaceLines'>,
    /** Undefined for a piece of a larger text, which a later version cannot be compared with. */
    private readonly facts: SplitFacts | undefined,
    private readonly lineage: Lineage,
    private readonly catalog: Catalog,
  ) {
    lineage.placed = this;
  }

  /**
   * Parses `source`, reusing the blocks of `previous` that are unchanged. `change`, where the
   * editor says the text changed since `previous`, spares comparing the two texts. With `quiet`,
   * the quiet blocks of a paste are neither parsed nor checked (see `editedState`).
   */
  static parse(
    source: string | TextSource,
    catalog: Catalog,
    previous?: ParsedDocument,
    piece: TextPiece = WHOLE_TEXT,
    change?: TextChange,
    quiet?: QuietBlocks,
  ): ParsedDocument {
    if (previous?.facts && piece === WHOLE_TEXT && source.length > 0)
      return ParsedDocument.parseEdit(source, catalog, previous, previous.facts, change, quiet);
    const text = source.toString();
    const split = splitBlocks(text, piece.firstLine);
    const before = previous?.order ?? [];
    const beforeLines = previous?.startLines ?? [];
    let candidate = 0;
    let versionAllowed = piece.atFileStart;
    const order = split.blocks.map((block) => {
      // Both lists are in line order, so one walk pairs each block with the old block at its line;
      // comparing their lines needs no per-block key (a copy of the text, for a million records).
      while (candidate < before.length && beforeLines[candidate] < block.startLine) candidate++;
      const old = before[candidate];
      const reused = old && beforeLines[candidate] === block.startLine && sameBlock(old, block, versionAllowed);
      const state = reused ? old : newState(block, versionAllowed, catalog, piece.once ? 'winsync' : 'none');
      // A block kept from `previous` is put at its line (another version may have been read last).
      state.block.startLine = block.startLine;
      versionAllowed = state.versionAllowedAfter;
      return state;
    });
    // Only what a later edit needs is kept: the split's own blocks hold slices of the whole text.
    const { lineCount, breaks, whitespaceLines } = split;
    return new ParsedDocument(
      source,
      order,
      split.offsets,
      split.blocks.map((block) => block.startLine),
      split,
      piece === WHOLE_TEXT ? { lineCount, breaks, whitespaceLines } : undefined,
      previous?.lineage ?? { placed: undefined, checked: undefined, edits: 0, schemaChecked: false },
      catalog,
    );
  }

  /**
   * The next version of a whole text: only the window around the characters the edit changed
   * is split and parsed again (comparing every line took longer than parsing a record). The
   * blocks after it are the old ones, moved by the lines the edit added or removed.
   */
  private static parseEdit(
    text: TextSource,
    catalog: Catalog,
    previous: ParsedDocument,
    facts: SplitFacts,
    change: TextChange | undefined,
    quiet: QuietBlocks | undefined,
  ): ParsedDocument {
    const { order: before, offsets: beforeOffsets, startLines: beforeLines } = previous;
    previous.lineage.edits++;
    const { start, end, oldEnd } = editWindow(previous.source, text, change);
    const first = firstAtOrAfter(beforeOffsets, start);
    const startLine =
      first === 0
        ? countLineBreaks(text, 0, start).lines
        : beforeLines[first - 1] + countLineBreaks(text, beforeOffsets[first - 1], start).lines;
    const removed = countLineBreaks(previous.source, start, oldEnd);
    const part = splitWindow(text, start, end, startLine);
    const atEnd = end === text.length;
    const last = atEnd ? before.length : firstAtOrAfter(beforeOffsets, oldEnd);
    // The window ends just after an empty line (or at the end of the text): both versions count its line breaks.
    const lineShift = part.lineCount - removed.lines;
    const shift = text.length - previous.source.length;

    const order: BlockState[] = [];
    const offsets: number[] = [];
    const startLines: number[] = [];
    let versionAllowed = true;
    const add = (state: BlockState, offset: number, line: number) => {
      // Put the block where it is in this version before a parse reads its line.
      state.block.startLine = line;
      const fitting =
        state.versionAllowed === versionAllowed ? state : newState(state.block, versionAllowed, catalog, 'edited');
      order.push(fitting);
      offsets.push(offset);
      startLines.push(line);
      versionAllowed = fitting.versionAllowedAfter;
    };
    for (let i = 0; i < first; i++) add(before[i], beforeOffsets[i], beforeLines[i]);
    // Only an edit that adds two blocks or more takes the shortcuts (a paste of records, an undo
    // of their deletion); a keystroke, Enter splitting a record included, adds one at most and so
    // never gathers the checked texts either (4–8 ms for the 100k-line document).
    const shortcuts = part.blocks.length - (last - first) >= 2 ? previous.pasteShortcuts(quiet) : undefined;
    part.blocks.forEach((block, i) =>
      add(editedState(block, versionAllowed, catalog, shortcuts), start + part.offsets[i], block.startLine),
    );
    for (let i = last; i < before.length; i++) add(before[i], beforeOffsets[i] + shift, beforeLines[i] + lineShift);

    const endLine = startLine + removed.lines;
    const whitespaceLines = facts.whitespaceLines.filter(({ line }) => line < startLine);
    for (const found of part.whitespaceLines) whitespaceLines.push(found);
    if (!atEnd) {
      for (const { line, length } of facts.whitespaceLines)
        if (line >= endLine) whitespaceLines.push({ line: line + lineShift, length });
    }
    const breaks = {
      crlf: facts.breaks.crlf - removed.crlf + part.breaks.crlf,
      lf: facts.breaks.lf - (removed.lines - removed.crlf) + part.breaks.lf,
    };
    const next: SplitFacts = {
      lineCount: atEnd ? startLine + part.lineCount : facts.lineCount + lineShift,
      breaks,
      whitespaceLines,
    };
    return new ParsedDocument(
      text,
      order,
      offsets,
      startLines,
      { ...next, eol: mostUsedEol(breaks) },
      next,
      previous.lineage,
      catalog,
    );
  }

  /** The whole text (built from its pieces once, when the source is an editor's buffer). */
  get text(): string {
    return this.source.toString();
  }

  /** Number of physical lines in the text. */
  get lineCount(): number {
    return this.split.lineCount;
  }

  /** The parse tree, its ranges where this version has them. */
  get ldif(): LdifDocument {
    this.place();
    if (this.#ldif) return this.#ldif;
    return (this.#ldif = assembleDocument(
      this.split,
      this.order.map((state, i) => placedBlock(this.keptTree(state).parsed, this.startLines[i])),
    ));
  }

  /** The catalog's view of each record, in record order. */
  get views(): readonly EntryView[] {
    this.place();
    if (this.#views) return this.#views;
    const views: EntryView[] = [];
    for (const state of this.order) {
      const { view } = this.keptTree(state);
      if (view) views.push(view);
    }
    return (this.#views = views);
  }

  /** The views of the winsync records (the plug-in entry, agreements), which the checks across records compare. */
  winsyncViews(): EntryView[] {
    this.place();
    const views: EntryView[] = [];
    for (const state of this.order) {
      // A winsync record keeps its tree from its first parse on (see `treeFor`): the others need none.
      const view = this.summaryOf(state) && state.tree?.view;
      if (view?.kind !== undefined) views.push(view);
    }
    return views;
  }

  /** The records that hold any of the `RecordTraits` bits `traits`, in record order. */
  recordsWith(traits: number): LdifRecord[] {
    this.place();
    const records: LdifRecord[] = [];
    for (const state of this.order) {
      const summary = this.summaryOf(state);
      if (summary && (summary.traits & traits) !== 0) records.push(this.keptTree(state).parsed.record as LdifRecord);
    }
    return records;
  }

  /** The parser's finding when content and change records are mixed, found from the first of each. */
  mixedRecordProblems(): SyntaxFinding[] {
    this.place();
    let content: BlockState | undefined;
    let change: BlockState | undefined;
    for (const state of this.order) {
      const summary = this.summaryOf(state);
      if (!summary) continue;
      if (summary.kind === 'content') content ??= summary.hasDn ? state : undefined;
      else change ??= state;
      if (content && change) break;
    }
    if (!content || !change) return [];
    return mixedRecordProblems([content, change].map((state) => this.keptTree(state).parsed.record as LdifRecord));
  }

  /**
   * The text of one physical line; '' for a blank line or a line of only white space.
   * A binary search over the blocks, so features can read the line under the cursor
   * (e.g. a half-typed name without a colon) without scanning the text.
   */
  lineText(line: number): string {
    return this.lineTexts(line, line)[0];
  }

  /** `lineText` of every line from `first` to `last`, reading the lines of each block once. */
  lineTexts(first: number, last: number): string[] {
    const texts: string[] = [];
    let index = this.blockAtOrBefore(first);
    let lines = index < 0 ? [] : this.order[index].block.lines;
    for (let line = first; line <= last; line++) {
      while (index + 1 < this.order.length && this.startLines[index + 1] <= line)
        lines = this.order[++index].block.lines;
      texts.push(index < 0 ? '' : (lines[line - this.startLines[index]] ?? ''));
    }
    return texts;
  }

  /**
   * The last block that starts at or before `line` (-1 when none does), by a binary search over
   * where the blocks start: a block's lines are cut from the text when read, so only the block
   * found is read.
   */
  private blockAtOrBefore(line: number): number {
    let low = 0;
    let high = this.order.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.startLines[middle] <= line) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  /**
   * The parser's findings as diagnostics (`syntax`), and the record rules' with the schema rules'
   * while `context` has a schema (`records`): each block's worked out once per version of its
   * text (and per schema), from one parse of the block.
   */
  blockDiagnostics(context: RuleContext): { syntax: Diagnostic[]; records: Diagnostic[] } {
    this.place();
    // The document's problems start with the lines of white space between blocks.
    const syntax = syntaxDiagnostics(this.split.whitespaceLines.map(whitespaceLineProblem));
    // Loops, not flatMap: this runs for every piece of a large file, and most records have nothing to say.
    const records: Diagnostic[] = [];
    const { schema } = context;
    this.lineage.schemaChecked = schema !== undefined;
    this.order.forEach((state, i) => {
      const at = this.startLines[i];
      const checked = state.syntax && (state.summary === null || (state.record && this.checkedWith(state, schema)));
      // A block checked before needs no tree; one checked first is parsed for the check alone.
      const tree = checked ? undefined : this.treeFor(state, false);
      if (tree) state.syntax ??= placedAt(at, syntaxDiagnostics(tree.parsed.problems));
      pushPlaced(syntax, state.syntax as Placed, at);
      if (state.summary === null) return;
      this.pushRecordDiagnostics(records, state, at, context, tree);
    });
    return { syntax, records };
  }

  /**
   * The lineage's checked texts (see `Lineage.checked`), gathered from this version's blocks
   * when missing or old, and the scan for quiet blocks unless the schema rules will parse them.
   */
  private pasteShortcuts(scan: QuietBlocks | undefined): PasteShortcuts {
    const { lineage } = this;
    const quiet = lineage.schemaChecked ? undefined : scan;
    if (lineage.checked && lineage.edits - lineage.checked.edit < REFRESH_EDITS)
      return { checked: lineage.checked.texts, quiet };
    const texts = new CheckedTexts();
    for (const state of this.order) texts.remember(state);
    lineage.checked = { texts, edit: lineage.edits };
    return { checked: texts, quiet };
  }

  /** Whether the block's record was checked against `schema` (if any) already. */
  private checkedWith(state: BlockState, schema: Schema | undefined): boolean {
    return schema === undefined || state.schemaFindings?.schema === schema;
  }

  /** Adds the record diagnostics of a block with a record; `tree` where they have to be worked out. */
  private pushRecordDiagnostics(
    found: Diagnostic[],
    state: BlockState,
    at: number,
    context: RuleContext,
    tree: BlockTree | undefined,
  ): void {
    const view = tree?.view;
    if (view) state.record ??= placedAt(at, checkRecord(view, context));
    const record = state.record as Placed;
    pushPlaced(found, record, at);
    const { schema } = context;
    if (!schema) return;
    if (view && state.schemaFindings?.schema !== schema) {
      const recordFindings = shiftRanges(record.diagnostics, at - record.at);
      const diagnostics = checkRecordAgainstSchema(view, { ...context, schema }, recordFindings);
      state.schemaFindings = schemaFindingsOf(schema, placedAt(at, diagnostics));
    }
    pushPlaced(found, (state.schemaFindings as { placed: Placed }).placed, at);
  }

  /** The block's tree, kept from now on. */
  private keptTree(state: BlockState): BlockTree {
    return this.treeFor(state, true);
  }

  /**
   * The block's tree, parsed now if it was not kept; `keep` keeps it. A winsync record keeps its
   * tree from the first parse on, since the checks across records compare it at every version.
   */
  private treeFor(state: BlockState, keep: boolean): BlockTree {
    if (state.tree) return state.tree;
    const tree = treeOf(state.block, state.versionAllowed, this.catalog);
    state.summary ??= summarize(tree);
    if (keep || tree.view?.kind !== undefined) state.tree = tree;
    return tree;
  }

  /** What the checks across blocks ask of a block's record (the block is parsed if it never was). */
  private summaryOf(state: BlockState): RecordSummary | null {
    if (state.summary === undefined) this.treeFor(state, false);
    return state.summary as RecordSummary | null;
  }

  /** Puts every block where this version has it, when another version of the document was read last. */
  private place(): void {
    if (this.lineage.placed === this) return;
    this.order.forEach((state, i) => (state.block.startLine = this.startLines[i]));
    this.lineage.placed = this;
  }
}

/** A block's parse with what the parser found moved to where the block starts now. */
function placedBlock(parsed: ParsedBlock, startLine: number): ParsedBlock {
  if (parsed.problems.length === 0 || parsed.parsedAt === startLine) return parsed;
  return { ...parsed, problems: shiftRanges(parsed.problems, startLine - parsed.parsedAt), parsedAt: startLine };
}

/** Adds diagnostics worked out for a block to `found`, moved to where the block starts now. */
function pushPlaced(found: Diagnostic[], placed: Placed, startLine: number): void {
  if (placed.diagnostics.length === 0) return;
  for (const diagnostic of shiftRanges(placed.diagnostics, startLine - placed.at)) found.push(diagnostic);
}

/** The split of text[start, end), with line numbers from `startLine`; nothing for an empty window at the end. */
function splitWindow(text: TextSource, start: number, end: number, startLine: number): SplitText {
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

/**
 * The state of a block an edit made. A pasted block (`shortcuts`) is not parsed when a block
 * with its text was checked before, whose findings it takes, nor when the scan for quiet
 * records proves that neither the parser nor a record rule has anything to say about it (then
 * only a schema check parses it); its tree is built when first asked, as for a text just
 * opened. Not a block that `version:` may start: it parses to more than its text says.
 */
function editedState(
  block: TextBlock,
  versionAllowed: boolean,
  catalog: Catalog,
  shortcuts: PasteShortcuts | undefined,
): BlockState {
  if (!shortcuts || versionAllowed) return newState(block, versionAllowed, catalog, 'edited');
  const content = block.content;
  const known = shortcuts.checked.find(content) ?? (shortcuts.quiet && quietFindings(shortcuts.quiet, content));
  if (!known) return newState(block, versionAllowed, catalog, 'edited');
  const { summary, syntax, record, schemaFindings } = known;
  return blockState(block.detached(), versionAllowed, false, undefined, summary, syntax, record, schemaFindings);
}

/**
 * Every state is made here, with all its fields, so that V8 gives them one shape: the check of a
 * version reads every block's state, and with states of two shapes (made by a paste's shortcut or
 * not) the server spent about 15 % more CPU on a paste of new records (in turns, schema loaded).
 */
function blockState(
  block: TextBlock,
  versionAllowed: boolean,
  versionAllowedAfter: boolean,
  tree: BlockTree | undefined,
  summary: RecordSummary | null | undefined,
  syntax?: Placed,
  record?: Placed,
  schemaFindings?: BlockState['schemaFindings'],
): BlockState {
  return { block, versionAllowed, versionAllowedAfter, tree, summary, syntax, record, schemaFindings };
}

/** Nothing found, wherever the block is. */
const NOTHING_FOUND: Placed = { at: 0, diagnostics: Object.freeze([]) };

/**
 * A block's findings where they were worked out; most blocks have none, and share NOTHING_FOUND
 * rather than each holding an empty list of its own (the check of every version reads them all).
 */
function placedAt(at: number, diagnostics: readonly Diagnostic[]): Placed {
  return diagnostics.length === 0 ? NOTHING_FOUND : { at, diagnostics };
}

/** The schema findings of the blocks the last schema found nothing in share one object too. */
let nothingFoundWith: BlockState['schemaFindings'];

function schemaFindingsOf(schema: Schema, placed: Placed): NonNullable<BlockState['schemaFindings']> {
  if (placed !== NOTHING_FOUND) return { schema, placed };
  if (nothingFoundWith?.schema !== schema) nothingFoundWith = { schema, placed };
  return nothingFoundWith;
}

/** What is known of a quiet block without a parse; undefined for a block that is not quiet. */
function quietFindings(quiet: QuietBlocks, content: string): Omit<CheckedText, 'content'> | undefined {
  const kind = quiet.quietKind(content);
  if (kind === undefined) return undefined;
  // A quiet record has its dn: and none of the traits: each is something a check looks at.
  const summary = { kind, hasDn: true, traits: 0 };
  return { summary, syntax: NOTHING_FOUND, record: NOTHING_FOUND, schemaFindings: undefined };
}

/**
 * Which blocks get their lines copied out of the text they were cut from (see `TextBlock.detached`):
 * `edited`, those of an edit's window, which later versions keep; `winsync`, for a piece parsed
 * once, only the winsync records the checks across pieces keep; `none`, those of a text parsed
 * afresh, whose text the document holds anyway (later versions keep at most that one). Of the
 * blocks made here, only `none` blocks are parsed when first asked (see `BlockState.tree`): the
 * others are parsed to be read at once.
 */
type Copy = 'edited' | 'winsync' | 'none';

function newState(block: TextBlock, versionAllowed: boolean, catalog: Catalog, copy: Copy): BlockState {
  if (copy === 'edited') return stateOf(block.detached(), versionAllowed, catalog);
  // Copying every block cost a tenth of `check` and of opening a large document.
  if (copy === 'none') {
    const versionAllowedAfter = versionAllowed && !blockHasContent(block);
    return blockState(block, versionAllowed, versionAllowedAfter, undefined, undefined);
  }
  const state = stateOf(block, versionAllowed, catalog);
  if (state.tree?.view?.kind === undefined) return state;
  return stateOf(block.detached(), versionAllowed, catalog);
}

function stateOf(block: TextBlock, versionAllowed: boolean, catalog: Catalog): BlockState {
  const tree = treeOf(block, versionAllowed, catalog);
  const versionAllowedAfter = versionAllowed && !tree.parsed.hasContent;
  return blockState(block, versionAllowed, versionAllowedAfter, tree, summarize(tree));
}

function treeOf(block: TextBlock, versionAllowed: boolean, catalog: Catalog): BlockTree {
  const parsed = parseBlock(block, versionAllowed);
  return { parsed, view: parsed.record ? viewEntry(parsed.record, catalog) : undefined };
}

function summarize({ parsed: { record } }: BlockTree): RecordSummary | null {
  return record ? { kind: record.kind, hasDn: record.dn !== undefined, traits: record.traits } : null;
}

/** Blocks at the same line are equal when their lines and whether version: may start them are. */
function sameBlock(state: BlockState, block: TextBlock, versionAllowed: boolean): boolean {
  if (state.versionAllowed !== versionAllowed) return false;
  const lines = state.block.lines;
  const others = block.lines;
  if (lines.length !== others.length) return false;
  for (let i = 0; i < lines.length; i++) if (lines[i] !== others[i]) return false;
  return true;
}

/** Parser problems plus every rule's diagnostics for a parsed document, shaped by the settings. */
export function validate(
  document: ParsedDocument,
  catalog: Catalog,
  settings: ValidationSettings = {},
  schema?: Schema,
): Diagnostic[] {
  const { syntax, records } = document.blockDiagnostics({ catalog, schema });
  const diagnostics = applySettings(
    [
      ...syntax,
      ...syntaxDiagnostics(document.mixedRecordProblems()),
      ...records,
      ...checkEntries(document.winsyncViews(), { catalog }),
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
  const { source } = document;
  const endsWithBreak = source.charCodeAt(source.length - 1) === 10;
  const last = endsWithBreak ? document.lineCount : document.lineCount - 1;
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
