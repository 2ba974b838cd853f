/**
 * A text kept as pieces of a few thousand characters, for an editor's buffer. Changing it makes a
 * new version that shares every piece the change did not touch: the cost of a keystroke is one
 * piece and the list of pieces, where a JavaScript string of a 4 MB document is copied whole (a
 * string built by concatenation is flattened, all of it, on its first read: 2–3 ms per keystroke).
 */
import type { TextSource } from '../ldif/window';

/** Pieces are cut at about this many characters. */
const PIECE = 1 << 14;

export class PieceText implements TextSource {
  #whole: string | undefined;

  private constructor(
    private readonly pieces: readonly string[],
    /** Where each piece starts in the text. */
    private readonly starts: readonly number[],
    readonly length: number,
    private readonly pieceSize: number,
  ) {}

  /**
   * `pieceSize`: tests make pieces small to get many. The pieces are slices of `text`, which this
   * version holds anyway: copying 4 MB into pieces cost the opening of a large document a few ms
   * and that much more for the collector to move.
   */
  static of(text: string, pieceSize = PIECE): PieceText {
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += pieceSize) pieces.push(text.slice(at, at + pieceSize));
    const starts: number[] = [];
    let at = 0;
    for (const piece of pieces) {
      starts.push(at);
      at += piece.length;
    }
    const made = new PieceText(pieces, starts, text.length, pieceSize);
    made.#whole = text;
    return made;
  }

  /** The text with [start, end) replaced by `text`; this version stays as it is. */
  replace(start: number, end: number, text: string): PieceText {
    const first = this.pieceAt(start);
    const last = end > start ? this.pieceAt(end - 1) : first;
    const head = first < this.pieces.length ? this.pieces[first].slice(0, start - this.starts[first]) : '';
    const tail = last < this.pieces.length ? this.pieces[last].slice(end - this.starts[last]) : '';
    const middle = cut(head + text + tail, this.pieceSize);
    const pieces = [...this.pieces.slice(0, first), ...middle, ...this.pieces.slice(last + 1)];
    const starts = this.starts.slice(0, first);
    let at = first < this.starts.length ? this.starts[first] : this.length;
    for (let i = first; i < pieces.length; i++) {
      starts.push(at);
      at += pieces[i].length;
    }
    return new PieceText(pieces, starts, at, this.pieceSize);
  }

  /** As `String.prototype.slice`, negative offsets counting from the end. */
  slice(start: number, end: number = this.length): string {
    start = start < 0 ? Math.max(0, this.length + start) : Math.min(start, this.length);
    end = Math.max(start, end < 0 ? this.length + end : Math.min(end, this.length));
    if (this.#whole !== undefined) return this.#whole.slice(start, end);
    if (start === end) return '';
    const first = this.pieceAt(start);
    const last = this.pieceAt(end - 1);
    if (first === last) return this.pieces[first].slice(start - this.starts[first], end - this.starts[first]);
    const parts = [this.pieces[first].slice(start - this.starts[first])];
    for (let i = first + 1; i < last; i++) parts.push(this.pieces[i]);
    parts.push(this.pieces[last].slice(0, end - this.starts[last]));
    return parts.join('');
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return NaN;
    const piece = this.pieceAt(index);
    return this.pieces[piece].charCodeAt(index - this.starts[piece]);
  }

  indexOf(search: '\n', from = 0): number {
    for (let piece = this.pieceAt(Math.max(0, from)); piece < this.pieces.length; piece++) {
      const found = this.pieces[piece].indexOf(search, Math.max(0, from - this.starts[piece]));
      if (found >= 0) return this.starts[piece] + found;
    }
    return -1;
  }

  lastIndexOf(search: '\n', from = this.length): number {
    if (this.length === 0) return -1;
    // As for a string: a negative start looks at the first character only.
    from = Math.max(0, Math.min(from, this.length - 1));
    for (let piece = this.pieceAt(from); piece >= 0; piece--) {
      const found = this.pieces[piece].lastIndexOf(search, from - this.starts[piece]);
      if (found >= 0) return this.starts[piece] + found;
    }
    return -1;
  }

  /** The whole text as one string, built once per version (only where a caller needs it whole). */
  toString(): string {
    return (this.#whole ??= this.pieces.join(''));
  }

  /** The piece holding `index`; the number of pieces for the end of the text. */
  private pieceAt(index: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    if (index >= this.length) return this.pieces.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** `text` in pieces of `size` characters (none for an empty text), each its own string. */
function cut(text: string, size: number): string[] {
  if (text.length <= size) return text.length === 0 ? [] : [text];
  const pieces: string[] = [];
  // A slice of a longer string keeps all of it alive: each piece is copied out.
  for (let at = 0; at < text.length; at += size) pieces.push((' ' + text.slice(at, at + size)).slice(1));
  return pieces;
}
