/**
 * An open document as the language server keeps it: the text in pieces (`PieceText`), so that a
 * keystroke does not copy a large text, and the offset of every line, so that LSP positions map
 * to offsets. Positions mean what they mean in vscode-languageserver-textdocument, whose
 * `TextDocument` this replaces: CR, LF and CR LF end a line, a position past the end of a line is
 * its end, and a line's offsets move the same way when a change is applied.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceText } from '../engine/util/pieceText';
import { LineStarts } from './lineStarts';

export class EditorDocument implements TextDocument {
  #text: PieceText;
  #version: number;
  /** Where each line starts; worked out on first use. */
  #lineStarts: LineStarts | undefined;

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
    const lineStart = starts.at(position.line);
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts.at(position.line + 1) : this.#text.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.#text.length), 0);
    const starts = this.lineStarts();
    const line = starts.lineAt(offset);
    const lineStart = starts.at(line);
    return { line, character: this.beforeLineBreak(offset, lineStart) - lineStart };
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
      // Lines past the end of the text are its last line, as offsetAt reads them.
      const lastLine = this.#lineStarts ? this.#lineStarts.length - 1 : 0;
      this.#lineStarts?.replace(
        Math.min(Math.max(start.line, 0), lastLine),
        Math.min(Math.max(end.line, 0), lastLine),
        lineBreakEnds(change.text, from),
        change.text.length - (to - from),
      );
    }
    this.#version = version;
  }

  private lineStarts(): LineStarts {
    return (this.#lineStarts ??= new LineStarts([0, ...lineBreakEnds(this.#text.toString(), 0)]));
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
  // Without a CR, a native search per line: looking at every character cost a paste of 1,000
  // lines a twentieth of its time.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) ends.push(at + i + 1);
    return ends;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLineBreak(code)) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    ends.push(at + i + 1);
  }
  return ends;
}

function inOrder(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}

function isLineBreak(code: number): boolean {
  return code === 13 || code === 10;
}
