/**
 * Documents too large to keep parsed whole. A parsed record takes a few kilobytes, so a
 * million records would need gigabytes: such a document is checked in pieces, the way
 * `check` reads a file, and between versions only what each piece adds to the diagnostics is
 * kept (counts, the few diagnostics that make the cap, winsync records). An edit re-checks the
 * piece it touched; hover and completion parse the records around their position; the outline
 * and folding are worked out piece by piece (folding ranges are kept per piece, being small).
 */
import type { Catalog } from './catalog';
import { digest128, type TextDigest } from './util/digest';
import type { ParsedDocument } from './document';
import { parsePart } from './partsCheck';
import type { Diagnostic, LdifRecord, TextEdit } from './ldif/ast';
import { hasContent } from './ldif/lines';
import { mixedRecordCandidates, mixedRecordProblems } from './ldif/parser';
import { format as formatDocument, type FormattingOptions } from './features/formatting';
import { getFoldingRanges, type FoldingRange } from './features/folding';
import { findDocumentSymbols, type DocumentSymbol } from './features/symbols';
import { anchorLine, type RecordAnchor } from './features/recordAnchors';
import { DEFAULT_MAX_DIAGNOSTICS, type ValidationSettings } from './rules/validate';
import type { EntryView } from './model/entryView';
import {
  applySettings,
  capCut,
  capSorted,
  checkEntries,
  countByRank,
  SEVERITY_RANK,
  syntaxDiagnostics,
} from './rules/validate';
import type { Schema } from './schema/schema';

/** Above this many characters a document is checked in pieces (VS Code's own large-file mark is 20 MB). */
export const LARGE_DOCUMENT_SIZE = 10 * 1024 * 1024;

/**
 * The outline and the folding ranges of a large document end after about this many: those of a
 * million records would make replies of hundreds of megabytes, more than an editor shows.
 */
export const LARGE_FEATURE_LIMIT = 100_000;

/** A run of whole blocks of the text. */
interface Part {
  readonly text: string;
  readonly firstLine: number;
  readonly atFileStart: boolean;
  /** The text's hash with its first line: equal keys, equal diagnostics. */
  readonly key: string;
}

/** What one piece adds to the document's diagnostics. */
interface PieceResult {
  /** Its diagnostics (after the settings) of each severity rank. */
  readonly counts: readonly number[];
  /**
   * Its diagnostics in position order, the first `max + 1` of each severity (no more of one
   * piece can be shown, or be the first left out); dropped while none of them makes the cut.
   */
  head: Diagnostic[] | undefined;
  /** Its winsync records, for the checks that compare records. */
  readonly views: readonly EntryView[];
  /** Its first content record and first change record, for the mixed-records check. */
  readonly firsts: readonly LdifRecord[];
  /** The line of each of its records' actions. */
  readonly anchors: readonly number[];
}

export class LargeDocument {
  private results = new Map<string, PieceResult>();
  /** The folding ranges of each piece of the text last asked about. */
  private folding = new Map<string, readonly FoldingRange[]>();
  private shapedBy: ValidationSettings | undefined;
  private schema: Schema | undefined;

  /**
   * `piecesEvery`: about how many records make a piece (tests make it small to get many pieces).
   * `digest` names a piece's text in the cache; the node language server passes SHA-1, native and
   * about twice as fast as the JavaScript one a web worker uses.
   */
  constructor(
    private readonly catalog: Catalog,
    private readonly piecesEvery = 256,
    private readonly digest: TextDigest = digest128,
  ) {}

  /** Every problem of the text, capped as `validate` caps them; re-checks only pieces that changed. */
  validate(text: string, settings: ValidationSettings, schema?: Schema): Diagnostic[] {
    if (settings !== this.shapedBy || schema !== this.schema) this.results.clear();
    this.shapedBy = settings;
    this.schema = schema;
    const max = settings.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
    const all = { ...settings, maxDiagnostics: Number.POSITIVE_INFINITY };
    const parts = [...cutParts(text, this.piecesEvery, this.digest)];
    const seen = [0, 0, 0, 0];
    const results = parts.map((part) => {
      const result = this.results.get(part.key) ?? this.check(part, all, max);
      // Once more than `max` diagnostics of its ranks came before, none of a piece's can make the cut.
      if (!result.counts.some((count, rank) => count > 0 && sumTo(seen, rank) <= max)) result.head = undefined;
      result.counts.forEach((count, rank) => (seen[rank] += count));
      return result;
    });
    this.results = new Map(parts.map((part, i) => [part.key, results[i]]));

    const across = applySettings(
      [
        ...syntaxDiagnostics(mixedRecordProblems(results.flatMap((result) => result.firsts))),
        ...checkEntries(
          results.flatMap((result) => result.views),
          { catalog: this.catalog },
        ),
      ],
      all,
    );
    const counts = countByRank(across);
    for (const result of results) result.counts.forEach((count, rank) => (counts[rank] += count));
    const total = counts.reduce((sum, count) => sum + count, 0);
    const chosen = [...across];
    for (const diagnostic of this.candidates(parts, results, total <= max ? undefined : capCut(counts, max), all, max))
      chosen.push(diagnostic);
    chosen.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return total <= max ? chosen : capSorted(chosen, max, counts);
  }

  /**
   * The diagnostics of the pieces that can make the cut (every piece's when there is none): all
   * of a rank below the cutoff, the first `room` of the cutoff rank and one more, and those of
   * the first piece with a rank above it (the first left out may be there). Other pieces drop theirs.
   */
  private *candidates(
    parts: readonly Part[],
    results: readonly PieceResult[],
    cut: { cutoff: number; room: number } | undefined,
    settings: ValidationSettings,
    max: number,
  ): Generator<Diagnostic> {
    const { cutoff, room } = cut ?? { cutoff: Number.POSITIVE_INFINITY, room: 0 };
    let atCutoff = 0;
    let aboveSeen = false;
    for (const [i, result] of results.entries()) {
      const below: boolean = result.counts.some((count, rank) => rank < cutoff && count > 0);
      const at: boolean = (result.counts[cutoff] ?? 0) > 0 && atCutoff <= room;
      const above: boolean = !aboveSeen && result.counts.some((count, rank) => rank > cutoff && count > 0);
      atCutoff += result.counts[cutoff] ?? 0;
      aboveSeen ||= above;
      if (below || at || above) {
        result.head ??= this.check(parts[i], settings, max).head;
        yield* result.head!;
      } else result.head = undefined;
    }
  }

  /** The records around `offset` (on `line`) parsed on their own, for features that look at one position. */
  around(text: string, offset: number, line: number): ParsedDocument {
    // The block before is included: completion on an empty line looks at the record above.
    const start = blockStart(text, blockStart(text, offset) - 1);
    const end = blockEnd(text, offset);
    const firstLine = line - countLines(text, start, Math.min(offset, text.length));
    return parsePart({ text: text.slice(start, end), firstLine, atFileStart: start === 0 }, this.catalog);
  }

  /** Where each record's actions go, piece by piece; a piece already checked is not parsed again. */
  recordAnchors(text: string): RecordAnchor[] {
    const anchors: RecordAnchor[] = [];
    for (const part of cutParts(text, this.piecesEvery, this.digest)) {
      const lines = this.results.get(part.key)?.anchors ?? anchorLines(parsePart(part, this.catalog));
      for (const line of lines) anchors.push({ index: anchors.length, line });
    }
    return anchors;
  }

  /**
   * The outline, piece by piece (every record is in one piece, and a symbol covers one record),
   * up to about `limit` symbols: past that it ends.
   */
  documentSymbols(text: string, limit = LARGE_FEATURE_LIMIT): DocumentSymbol[] {
    const symbols: DocumentSymbol[] = [];
    let count = 0;
    for (const part of cutParts(text, this.piecesEvery, this.digest)) {
      const document = parsePart(part, this.catalog);
      for (const symbol of findDocumentSymbols(document)) {
        if (count >= limit) return symbols;
        symbols.push(symbol);
        count += 1 + symbol.children.length;
      }
    }
    return symbols;
  }

  /**
   * Folding ranges, piece by piece (a range covers a record, a mod-spec or a run of comment
   * lines, none of which runs across the empty line that ends a piece), up to `limit`: past that
   * there are none. Each piece's ranges are kept until its text changes.
   */
  foldingRanges(text: string, limit = LARGE_FEATURE_LIMIT): FoldingRange[] {
    const ranges: FoldingRange[] = [];
    const folding = new Map<string, readonly FoldingRange[]>();
    for (const part of cutParts(text, this.piecesEvery, this.digest)) {
      if (ranges.length >= limit) break;
      const found = this.folding.get(part.key) ?? getFoldingRanges(parsePart(part, this.catalog));
      folding.set(part.key, found);
      for (const range of found) if (ranges.length < limit) ranges.push(range);
    }
    this.folding = folding;
    return ranges;
  }

  /** Formatting edits for the whole text, worked out piece by piece. */
  format(text: string, options: FormattingOptions): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const part of cutParts(text, this.piecesEvery, this.digest)) {
      const document = parsePart(part, this.catalog);
      for (const edit of formatDocument(document, options)) edits.push(edit);
    }
    return edits;
  }

  private check(part: Part, settings: ValidationSettings, max: number): PieceResult {
    const document = parsePart(part, this.catalog);
    const { syntax, records } = document.blockDiagnostics({ catalog: this.catalog, schema: this.schema });
    const shaped = applySettings([...syntax, ...records], settings);
    const counts = countByRank(shaped);
    const taken = [0, 0, 0, 0];
    const head = shaped.filter((diagnostic) => taken[SEVERITY_RANK[diagnostic.severity]]++ <= max);
    return {
      counts,
      head,
      views: document.views.filter((view) => view.kind !== undefined),
      firsts: mixedRecordCandidates(document.ldif.records),
      anchors: anchorLines(document),
    };
  }
}

function anchorLines(document: ParsedDocument): number[] {
  return document.ldif.records.map(anchorLine);
}

function sumTo(counts: readonly number[], last: number): number {
  let sum = 0;
  for (let rank = 0; rank <= last; rank++) sum += counts[rank];
  return sum;
}

/** Forced cut: a piece ends at the first empty line after this many characters. */
const MAX_PART = 1 << 20;

/**
 * Cuts the text after empty lines chosen by the text that follows them (about one in `every`),
 * so where pieces end depends on nearby text only: an edit leaves the other pieces as they were,
 * and their results can be reused.
 */
function* cutParts(text: string, every: number, digest: TextDigest): Generator<Part> {
  let start = 0;
  let firstLine = 0;
  let line = 0;
  let lineStart = 0;
  // version: may start the text until a piece has more than comments and blank lines.
  let atFileStart = true;
  const cut = (end: number): Part => {
    const piece = part(text.slice(start, end), firstLine, atFileStart, digest);
    atFileStart &&= !hasContent(piece.text);
    return piece;
  };
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const empty = at === lineStart || (at === lineStart + 1 && text.charCodeAt(lineStart) === 13);
    line++;
    lineStart = at + 1;
    if (!empty || lineStart >= text.length) continue;
    if (hashAt(text, lineStart) % every !== 0 && lineStart - start < MAX_PART) continue;
    yield cut(lineStart);
    start = lineStart;
    firstLine = line;
  }
  if (start < text.length || start === 0) yield cut(text.length);
}

function part(text: string, firstLine: number, atFileStart: boolean, digest: TextDigest): Part {
  const key = `${firstLine}:${atFileStart ? 1 : 0}:${text.length}:${digest(text)}`;
  return { text, firstLine, atFileStart, key };
}

/** FNV-1a of the first characters of the line at `from`. */
function hashAt(text: string, from: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < from + 16 && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) break;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash >>> 0;
}

/** Start of the block holding `offset`: just after the empty line before it, or 0. */
function blockStart(text: string, offset: number): number {
  for (let at = text.lastIndexOf('\n', offset - 1); at > 0; at = text.lastIndexOf('\n', at - 1)) {
    const before = text.charCodeAt(at - 1) === 13 ? at - 2 : at - 1;
    if (before < 0 || text.charCodeAt(before) === 10) return at + 1;
  }
  return 0;
}

/** End of the block holding `offset`: just after the empty line after it, or the end of the text. */
function blockEnd(text: string, offset: number): number {
  for (let at = text.indexOf('\n', offset); at >= 0; at = text.indexOf('\n', at + 1)) {
    const next = text.charCodeAt(at + 1) === 13 ? at + 2 : at + 1;
    if (next >= text.length) return text.length;
    if (text.charCodeAt(next) === 10) return next + 1;
  }
  return text.length;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
