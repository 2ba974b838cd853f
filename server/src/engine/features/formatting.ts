import type { LogicalLine, TextEdit } from '../ldif/ast';
import type { ParsedDocument } from '../document';

export interface FormattingOptions {
  /** Fold lines longer than this many characters; 0 unfolds every folded line. */
  readonly foldWidth: number;
}

export const DEFAULT_FOLD_WIDTH = 76;

/**
 * Re-folds every attribute and comment line at the configured width (RFC 2849
 * folding: continuation lines start with one space), or unfolds them. Values are
 * never changed: the unfolded text of each line stays the same.
 */
export function format(document: ParsedDocument, options: FormattingOptions): TextEdit[] {
  const eol = document.ldif.eol;
  const edits: TextEdit[] = [];
  for (const line of logicalLines(document)) {
    // Lines with an error of their own are left alone: after a fold, a CR would join the line
    // break and vanish, and a leading tab cut off on its own would read as a blank line.
    if (line.text.includes('\r') || line.text.charCodeAt(0) === 9) continue;
    const folded = fold(line.text, options.foldWidth).join(`${eol} `);
    if (!sameLayout(line, folded, eol)) edits.push({ range: line.range, newText: folded });
  }
  return edits;
}

/** Splits text into pieces: the first `width` characters, then `width - 1` per continuation line, never inside a surrogate pair. */
export function fold(text: string, width: number): string[] {
  if (width <= 1 || text.length <= width) return [text];
  const pieces: string[] = [];
  let start = 0;
  let room = width;
  while (text.length - start > room) {
    let end = start + room;
    // Never split a surrogate pair; with room for one unit only (width 2), the pair goes whole.
    if (isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1)))
      end = end - 1 > start ? end - 1 : end + 1;
    pieces.push(text.slice(start, end));
    start = end;
    room = width - 1;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function* logicalLines(document: ParsedDocument): Generator<LogicalLine> {
  for (const comment of document.ldif.comments) yield comment.line;
  for (const record of document.ldif.records) {
    for (const comment of record.comments) yield comment.line;
    for (const line of record.lines) yield line.line;
  }
  if (document.ldif.version) yield document.ldif.version.line.line;
}

/** Whether the line is already laid out as `folded` (compared piece by piece, without rebuilding its text). */
function sameLayout(line: LogicalLine, folded: string, eol: string): boolean {
  const pieces = folded.split(`${eol} `);
  if (pieces.length !== line.segments.length) return false;
  return line.segments.every((segment, index) => {
    const end = index + 1 < line.segments.length ? line.segments[index + 1].offset : line.text.length;
    return end - segment.offset === pieces[index].length;
  });
}
