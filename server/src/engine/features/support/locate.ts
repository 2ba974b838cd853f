/**
 * Finds what is at a position: the record, the attribute-like line and the part of it
 * (name, separator, value). Binary searches only, so hover and completion stay fast on
 * documents of 100k lines.
 */
import type { AttrLine, LdifRecord, LogicalLine, ModSpec, Position, Range } from '../../ldif/ast';
import type { ParsedDocument } from '../../document';
import type { EntryView } from '../../model/entryView';

export type LinePart = 'name' | 'separator' | 'value';

export interface RecordAt {
  readonly record: LdifRecord;
  /** The catalog's view of the record (its entry kind); parsed once with the document. */
  readonly view: EntryView | undefined;
}

export interface Located extends Partial<RecordAt> {
  /** The attribute-like line (dn:, keywords included) covering the position. */
  readonly line?: AttrLine;
  /** The part of `line` holding the character right of the position. */
  readonly part?: LinePart;
  /** The position as an offset into the unfolded text of `line`. */
  readonly offset?: number;
  /** True when the position is on a comment line. */
  readonly inComment: boolean;
}

/**
 * Index of the last item whose range starts on or before `line` and whose end is on or
 * after it; -1 when no item covers the line. `items` must be sorted and not overlap.
 */
export function coveringIndex<T>(items: readonly T[], line: number, rangeOf: (item: T) => Range): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (rangeOf(items[middle]).start.line <= line) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found >= 0 && rangeOf(items[found]).end.line >= line ? found : -1;
}

/** Number of items that end before `line` (items sorted by range). */
export function countBefore<T>(items: readonly T[], line: number, rangeOf: (item: T) => Range): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rangeOf(items[middle]).end.line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

const recordRange = (record: LdifRecord): Range => record.range;
const attrRange = (line: AttrLine): Range => line.line.range;

function recordAtIndex(document: ParsedDocument, index: number): RecordAt {
  const record = document.ldif.records[index];
  // Views are built one per record, in record order.
  const view = document.views[index]?.record === record ? document.views[index] : undefined;
  return { record, view };
}

/** The record whose lines (leading comments included) cover the physical line. */
export function recordAt(document: ParsedDocument, line: number): RecordAt | undefined {
  const index = coveringIndex(document.ldif.records, line, recordRange);
  return index < 0 ? undefined : recordAtIndex(document, index);
}

/** The record that ends on the line just above `line`: typing on a new line there continues it. */
export function recordEndingAbove(document: ParsedDocument, line: number): RecordAt | undefined {
  const index = coveringIndex(document.ldif.records, line - 1, recordRange);
  if (index < 0 || document.ldif.records[index].range.end.line !== line - 1) return undefined;
  return recordAtIndex(document, index);
}

/** The attribute-like line of a record that covers the physical line. */
export function attrLineAt(record: LdifRecord, line: number): AttrLine | undefined {
  const index = coveringIndex(record.lines, line, attrRange);
  return index < 0 ? undefined : record.lines[index];
}

/** The mod-spec whose header is `line`, if the line heads one. */
export function modSpecOfHeader(record: LdifRecord, line: AttrLine): ModSpec | undefined {
  const index = coveringIndex(record.modifications, line.line.range.start.line, (spec) => spec.range);
  const spec = index < 0 ? undefined : record.modifications[index];
  return spec?.header === line ? spec : undefined;
}

/** The offset in the unfolded text of `line` of a position on one of its physical lines. */
export function logicalOffset(line: LogicalLine, position: Position): number {
  const segments = line.segments;
  let index = 0;
  while (index + 1 < segments.length && segments[index + 1].line <= position.line) index++;
  const segment = segments[index];
  const next = index + 1 < segments.length ? segments[index + 1].offset : line.text.length;
  const offset = segment.offset + Math.max(0, position.character - segment.character);
  return Math.min(offset, next);
}

/** Which part of an attribute line the character at `offset` belongs to. */
export function partAt(line: AttrLine, offset: number): LinePart {
  if (offset < line.description.length) return 'name';
  if (offset < line.valueOffset) return 'separator';
  return 'value';
}

/** Everything a feature needs to know about a position. */
export function locate(document: ParsedDocument, position: Position): Located {
  const at = recordAt(document, position.line);
  if (!at) return { inComment: isCommentLine(document, position.line) };
  const line = attrLineAt(at.record, position.line);
  if (!line) return { ...at, inComment: isCommentLine(document, position.line) };
  const offset = logicalOffset(line.line, position);
  return { ...at, line, offset, part: partAt(line, offset), inComment: false };
}

function isCommentLine(document: ParsedDocument, line: number): boolean {
  return document.lineText(line).startsWith('#');
}
