/**
 * An open document as the language server keeps it: the text in pieces (`PieceText`), so that a
 * keystroke does not copy a large text, and the offset of every line, so that LSP positions map
 * to offsets. Positions mean what they mean in vscode-languageserver-textdocument, whose
 * `TextDocument` this replaces: CR, LF and CR LF end a line, a position past the end of a line is
 * its end, and a line's offsets move the same way when a change is applied.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceText } from '../engine/util/pieceText';

export class EditorDocument implements TextDocument {
  #text: PieceText;
  #version: number;
  /** Where each line starts; worked out on first use. */
  #lineStarts: number[] | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    this.#version = version;
    this.#text = PieceText.of(text);
  }

  static create(uri: string, languageId: string, version: number, content: string): EditorDocument {
    return new EditorDocument(uri, languageId, version, content);
  }

  get version(): number {
    return this.#version;
  }

  /** The text of this version, in pieces; it does not change when the document does. */
  get source(): PieceText {
    return this.#text;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    if (!range) return this.#text.toString();
    return this.#text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.#text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.#text.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.#text.length), 0);
    const starts = this.lineStarts();
    // The last line that starts at or before the offset.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle] > offset) high = middle;
      else low = middle + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, starts[line]) - starts[line] };
  }

  /**
   * Applies changes in order, each to the text the one before it made; `changed` hears where each
   * one was (offsets in that text), or nothing for a change that replaces the whole text.
   */
  update(
    changes: readonly TextDocumentContentChangeEvent[],
    version: number,
    changed?: (start: number, end: number, text: string) => void,
  ): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.#text = PieceText.of(change.text);
        this.#lineStarts = undefined;
        changed?.(-1, -1, change.text);
        continue;
      }
      const { start, end } = inOrder(change.range);
      const from = this.offsetAt(start);
      const to = this.offsetAt(end);
      changed?.(from, to, change.text);
      this.#text = this.#text.replace(from, to, change.text);
      if (this.#lineStarts) moveLineStarts(this.#lineStarts, start.line, end.line, from, to, change.text);
    }
    this.#version = version;
  }

  private lineStarts(): number[] {
    return (this.#lineStarts ??= [0, ...lineBreakEnds(this.#text.toString(), 0)]);
  }

  /** `offset` moved back over the line break it is inside or right after, down to `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.#text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** Where each line break in `text` ends, as offsets from `at`. */
function lineBreakEnds(text: string, at: number): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLineBreak(code)) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    ends.push(at + i + 1);
  }
  return ends;
}

/**
 * Updates the line starts for `text` put in place of [from, to), which ran from `startLine` to
 * `endLine`: the lines the change spanned get the starts of the lines in `text`, and every line
 * after it moves by the change in length.
 */
function moveLineStarts(
  starts: number[],
  startLine: number,
  endLine: number,
  from: number,
  to: number,
  text: string,
): void {
  const first = Math.max(startLine, 0);
  const spanned = Math.max(endLine, 0) - first;
  const shift = text.length - (to - from);
  const added = lineBreakEnds(text, from);
  if (added.length <= SPLICE_LIMIT) starts.splice(first + 1, spanned, ...added);
  else {
    // A paste of 100k lines would pass 100k arguments to splice: the tail is taken out and put back instead.
    const after = starts.splice(first + 1);
    for (const start of added) starts.push(start);
    for (let i = spanned; i < after.length; i++) starts.push(after[i]);
  }
  for (let i = first + 1 + added.length; i < starts.length; i++) starts[i] += shift;
}

/** Most changes add a few lines at most; up to this many go into the list in one splice. */
const SPLICE_LIMIT = 1000;

function inOrder(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}

function isLineBreak(code: number): boolean {
  return code === 13 || code === 10;
}
