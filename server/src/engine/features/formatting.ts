import type { LogicalLine, TextEdit } from '../ldif/ast';
import type { ParsedDocument } from '../document';

export interface FormattingOptions {
  /** Fold lines longer than this many characters; 0 unfolds every folded line. */
  readonly foldWidth: number;
  /**
   * Fold comment lines too, breaking only before a space. Off (the default), comments are left
   * as written: a command pasted into one must stay copyable.
   */
  readonly foldComments?: boolean;
}

export const DEFAULT_FOLD_WIDTH = 76;

/**
 * Re-folds every attribute line at the configured width (RFC 2849 folding: continuation lines
 * start with one space), or unfolds them; comment lines only when asked, at spaces. Values are
 * never changed: the unfolded text of each line stays the same.
 */
export function format(document: ParsedDocument, options: FormattingOptions): TextEdit[] {
  const eol = document.ldif.eol;
  const edits: TextEdit[] = [];
  const reflow = (line: LogicalLine, pieces: (text: string, width: number) => string[]) => {
    // Lines with an error of their own are left alone: after a fold, a CR would join the line
    // break and vanish, and a leading tab cut off on its own would read as a blank line.
    if (line.text.includes('\r') || line.text.charCodeAt(0) === 9) return;
    const folded = pieces(line.text, options.foldWidth).join(`${eol} `);
    if (!sameLayout(line, folded, eol)) edits.push({ range: line.range, newText: folded });
  };
  // The name and its separator stay on the first line: ldapmodify unfolds only values.
  for (const line of attributeLines(document)) reflow(line, (text, width) => fold(text, width, separatorEnd(text)));
  if (options.foldComments) for (const line of commentLines(document)) reflow(line, foldAtSpaces);
  return edits;
}

/**
 * Splits text into pieces: the first `width` characters (at least `keep`), then `width - 1` per
 * continuation line, never inside a surrogate pair.
 */
export function fold(text: string, width: number, keep = 0): string[] {
  if (width <= 1 || text.length <= Math.max(width, keep)) return [text];
  const pieces: string[] = [];
  let start = 0;
  let room = Math.max(width, keep);
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

/** Where the separator (`:`, `::` or `:<`) of an attribute line ends; 0 without a colon. */
function separatorEnd(text: string): number {
  const colon = text.indexOf(':');
  if (colon < 0) return 0;
  const next = text.charCodeAt(colon + 1);
  return next === 58 /* : */ || next === 60 /* < */ ? colon + 2 : colon + 1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Splits a comment into pieces no longer than `fold` would make them, each continuation piece
 * starting with a space of the text, so that no word is cut; a word longer than the width stays
 * whole on its line.
 */
export function foldAtSpaces(text: string, width: number): string[] {
  if (width <= 1 || text.length <= width) return [text];
  // A break leaves a word on both sides: not after the `#` or spaces alone, not before trailing spaces.
  const lastWord = text.trimEnd().length - 1;
  const pieces: string[] = [];
  let start = 0;
  let room = width;
  while (text.length - start > room) {
    const firstWord = text.slice(start).search(/[^\s#]/);
    if (firstWord < 0) break;
    const usable = (at: number) => text[at] === ' ' && at > start + firstWord && at < lastWord;
    // The last space within the width, else the first one after it (a long word stays whole).
    let end: number | undefined;
    for (let at = Math.min(start + room, lastWord); at > start + firstWord && end === undefined; at--)
      if (usable(at)) end = at;
    for (let at = start + room + 1; at < lastWord && end === undefined; at++) if (usable(at)) end = at;
    if (end === undefined) break;
    pieces.push(text.slice(start, end));
    start = end;
    room = width - 1;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function* attributeLines(document: ParsedDocument): Generator<LogicalLine> {
  for (const record of document.ldif.records) for (const line of record.lines) yield line.line;
  if (document.ldif.version) yield document.ldif.version.line.line;
}

function* commentLines(document: ParsedDocument): Generator<LogicalLine> {
  for (const comment of document.ldif.comments) yield comment.line;
  for (const record of document.ldif.records) for (const comment of record.comments) yield comment.line;
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
