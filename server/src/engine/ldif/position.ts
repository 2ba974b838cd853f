import type { LogicalLine, Position, Range } from './ast';

/** Physical position of a logical offset. An end offset maps to the end of the piece it closes. */
export function positionAt(line: LogicalLine, offset: number, asEnd = false): Position {
  const segments = line.segments;
  // Binary search for the last segment that holds the offset: a line folded a million times stays cheap to map.
  let index = 0;
  let low = 1;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = segments[middle].offset;
    if (start < offset || (!asEnd && start === offset)) {
      index = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // The line's own start and end are shared, not copied: a million records hold millions of positions.
  if (offset === 0) return line.range.start;
  if (offset === line.text.length && index === segments.length - 1) return line.range.end;
  const segment = segments[index];
  return { line: segment.line, character: segment.character + (offset - segment.offset) };
}

/** Physical range of the logical text [start, end) of a line. */
export function rangeIn(line: LogicalLine, start: number, end: number): Range {
  if (start === 0 && end === line.text.length) return line.range;
  return { start: positionAt(line, start), end: positionAt(line, end, end > start) };
}

/**
 * A copy of plain data (diagnostics, findings, fixes) with every position in it `lines` further
 * down. Ranges worked out for a block are kept with the line the block was at; when the block
 * has moved since, they are moved with it instead of being worked out again. Objects that are
 * not plain data (parse-tree nodes) are kept as they are: their positions follow their block.
 */
export function shiftRanges<T>(value: T, lines: number): T {
  if (lines === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => shiftRanges(item, lines)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const data = value as Record<string, unknown>;
  if (typeof data.line === 'number' && typeof data.character === 'number' && Object.keys(data).length === 2)
    return { line: data.line + lines, character: data.character } as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(data)) copy[key] = shiftRanges(data[key], lines);
  return copy as T;
}
