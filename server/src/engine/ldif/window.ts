/**
 * What the parse reads of a text around an edit; a string is one, and so is an editor's buffer
 * kept in pieces (`util/pieceText.ts`), which the parse of an edit never needs whole.
 */
export interface TextSource {
  readonly length: number;
  slice(start: number, end?: number): string;
  charCodeAt(index: number): number;
  indexOf(search: '\n', from?: number): number;
  lastIndexOf(search: '\n', from?: number): number;
  /** The whole text. */
  toString(): string;
}

/**
 * The part of a text an edit touched, widened to whole blocks: from just after an empty line
 * before the first changed character to just after an empty line after the last one. An empty
 * line always ends a block, so the text before and after the window splits exactly as it did
 * before the edit, and only the window needs splitting and parsing again.
 */
export interface EditWindow {
  /** Where the window starts; both texts are equal before it. */
  readonly start: number;
  /** Where the window ends in the new text. */
  readonly end: number;
  /** Where it ends in the old text; the old text from here equals the new text from `end`. */
  readonly oldEnd: number;
}

/**
 * Where two versions of a text differ, as an editor reports a change: the texts are equal before
 * `start`, and the old text from `oldEnd` on equals the new text from `newEnd` on.
 */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The change made by `change` after `earlier` (undefined: none yet), both as one change of the
 * text before `earlier`. `change` is in the coordinates of the text `earlier` made.
 */
export function mergeChanges(earlier: TextChange | undefined, change: TextChange): TextChange {
  if (!earlier) return change;
  // The part of the current text both changes cover ends at the later of their ends, and that end moves with `change`.
  const end = Math.max(earlier.newEnd, change.oldEnd);
  return {
    start: Math.min(earlier.start, change.start),
    oldEnd: earlier.oldEnd + (end - earlier.newEnd),
    newEnd: end + (change.newEnd - change.oldEnd),
  };
}

/**
 * The edit window between two versions of a text. `change`, when the editor said where the text
 * changed, spares comparing the texts (a few milliseconds for a 4 MB text); one that does not fit
 * the lengths of the texts is not trusted.
 */
export function editWindow(before: TextSource, after: TextSource, change?: TextChange): EditWindow {
  const known =
    change !== undefined &&
    change.start >= 0 &&
    change.start <= change.oldEnd &&
    change.start <= change.newEnd &&
    before.length - change.oldEnd === after.length - change.newEnd &&
    change.oldEnd <= before.length;
  const prefix = known ? change.start : commonPrefixLength(before.toString(), after.toString());
  const suffix = known
    ? before.length - change.oldEnd
    : commonSuffixLength(before.toString(), after.toString(), Math.min(before.length, after.length) - prefix);
  const start = emptyLineEndBefore(after, prefix);
  const found = emptyLineEndFrom(after, after.length - suffix);
  const end = found < 0 ? after.length : found;
  return { start, end, oldEnd: end - (after.length - before.length) };
}

/** Comparing slices is a native memory compare, so long equal runs are skipped a chunk at a time. */
const CHUNK = 4096;

export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  while (at + CHUNK <= max && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** Length of the common end of two texts, at most `max`. */
export function commonSuffixLength(a: string, b: string, max: number): number {
  let length = 0;
  while (
    length + CHUNK <= max &&
    a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)
  ) {
    length += CHUNK;
  }
  while (length < max && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length;
}

/**
 * The latest offset at or before `limit` that follows an empty line and its line break; 0 if none.
 * Line by line from `limit`, so it costs the lines up to the empty line: a search for "\n\r\n"
 * ran back to the start of every text without CRLF.
 */
function emptyLineEndBefore(text: TextSource, limit: number): number {
  for (let at = text.lastIndexOf('\n', limit - 1); at > 0; at = text.lastIndexOf('\n', at - 1)) {
    const before = text.charCodeAt(at - 1);
    if (before === 10 || (before === 13 && at >= 2 && text.charCodeAt(at - 2) === 10)) return at + 1;
  }
  return 0;
}

/** The first offset after an empty line whose preceding line break starts at or after `from`; -1 if none. */
function emptyLineEndFrom(text: TextSource, from: number): number {
  for (let at = text.indexOf('\n', from); at >= 0; at = text.indexOf('\n', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === 10) return at + 2;
    if (next === 13 && text.charCodeAt(at + 2) === 10) return at + 3;
  }
  return -1;
}

/** Line breaks in text[from, to): all of them, and how many are CRLF. */
export function countLineBreaks(
  text: TextSource,
  from: number,
  to: number,
): { readonly lines: number; readonly crlf: number } {
  let lines = 0;
  let crlf = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    lines++;
    if (at > from && text.charCodeAt(at - 1) === 13) crlf++;
  }
  return { lines, crlf };
}
