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

export function editWindow(before: string, after: string): EditWindow {
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, Math.min(before.length, after.length) - prefix);
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

/** The latest offset at or before `limit` that follows an empty line and its line break; 0 if none. */
function emptyLineEndBefore(text: string, limit: number): number {
  const lf = limit >= 2 ? text.lastIndexOf('\n\n', limit - 2) : -1;
  const crlf = limit >= 3 ? text.lastIndexOf('\n\r\n', limit - 3) : -1;
  return Math.max(lf < 0 ? 0 : lf + 2, crlf < 0 ? 0 : crlf + 3);
}

/** The first offset after an empty line whose preceding line break starts at or after `from`; -1 if none. */
function emptyLineEndFrom(text: string, from: number): number {
  const lf = text.indexOf('\n\n', from);
  const crlf = text.indexOf('\n\r\n', from);
  if (lf < 0) return crlf < 0 ? -1 : crlf + 3;
  return crlf < 0 ? lf + 2 : Math.min(lf + 2, crlf + 3);
}

/** Line breaks in text[from, to): all of them, and how many are CRLF. */
export function countLineBreaks(
  text: string,
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
