import type { LogicalLine, Range, Segment } from './ast';

/**
 * A run of physical lines between blank lines, as it appears in the text. Everything parsed from
 * a block knows its lines relative to the block's first line and reads `startLine` when it is
 * asked for a position: an edit above the block moves it by changing `startLine` alone.
 */
export interface Block {
  /** 0-based line number of the block's first line; only the document that owns the block moves it. */
  startLine: number;
  /** The block's physical lines, without line separators. Read it once per use: it may be cut anew each time. */
  readonly lines: readonly string[];
}

/**
 * A block of a split text that cuts its lines from the text each time they are read, and keeps
 * none. A large document opened whole is parsed block by block once and its trees are dropped
 * (see `ParsedDocument`): a line string per line kept by every block survived, and was copied
 * out of V8's young generation, for nothing.
 */
export class TextBlock implements Block {
  constructor(
    public startLine: number,
    private readonly text: string,
    /** Where the first line starts and where the last one ends (before its line break). */
    private readonly start: number,
    private readonly end: number,
    private readonly count: number,
  ) {}

  get lines(): string[] {
    const { text, end } = this;
    const lines = new Array<string>(this.count);
    let position = this.start;
    for (let i = 0; i < lines.length - 1; i++) {
      const lineBreak = text.indexOf('\n', position);
      lines[i] = text.slice(position, text.charCodeAt(lineBreak - 1) === 13 ? lineBreak - 1 : lineBreak);
      position = lineBreak + 1;
    }
    lines[lines.length - 1] = text.slice(position, end);
    return lines;
  }

  /** The block's lines with the line breaks between them. */
  get content(): string {
    return this.text.slice(this.start, this.end);
  }

  /**
   * The block over a copy of its own text. V8 keeps a substring as a view that holds the whole
   * string alive, and a document keeps the blocks an edit made across later edits: without the
   * copy, every version of a large document that still had such a block stayed in memory. One
   * copy of the text, not a string per line: a paste of 1,000 lines spent a twelfth of its time
   * copying them line by line.
   */
  detached(): TextBlock {
    // Joined to a character and sliced, the copy is flat and holds nothing but this text.
    const own = ('\n' + this.text.slice(this.start, this.end)).slice(1);
    return new TextBlock(this.startLine, own, 0, own.length, this.count);
  }
}

export interface SplitText {
  readonly blocks: TextBlock[];
  /** Where each block's first line starts in the text. */
  readonly offsets: number[];
  readonly lineCount: number;
  readonly eol: '\n' | '\r\n';
  /** Line breaks of each kind, which decide `eol`; a document split in parts adds them up. */
  readonly breaks: LineBreaks;
  /** Lines that hold only white space where a blank line was probably meant. */
  readonly whitespaceLines: { readonly line: number; readonly length: number }[];
}

export interface LineBreaks {
  readonly crlf: number;
  readonly lf: number;
}

/** The line separator a text mostly uses. */
export function mostUsedEol({ crlf, lf }: LineBreaks): '\n' | '\r\n' {
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Splits text into blocks separated by empty lines. A line of only spaces that
 * follows a non-empty line is a continuation (RFC 2849 folding), so it stays in
 * its block; one that follows a blank line, or holds tabs, is reported.
 */
export function splitBlocks(text: string, firstLine = 0): SplitText {
  const blocks: TextBlock[] = [];
  const offsets: number[] = [];
  const whitespaceLines: { line: number; length: number }[] = [];
  let count = 0;
  let currentStart = firstLine;
  let currentOffset = 0;
  let currentEnd = 0;
  let line = firstLine;
  let crlf = 0;
  let lf = 0;
  let position = 0;
  const length = text.length;
  while (position <= length) {
    let end = text.indexOf('\n', position);
    const last = end === -1;
    if (last) end = length;
    let lineEnd = end;
    if (!last) {
      if (lineEnd > position && text.charCodeAt(lineEnd - 1) === 13) {
        lineEnd--;
        crlf++;
      } else lf++;
    }
    // A final empty string after the last newline is not a line.
    if (last && position === length && position > 0) break;
    if (lineEnd === position) {
      if (count > 0) pushBlock();
    } else if (isBlankLike(text, position, lineEnd) && (count === 0 || text.charCodeAt(position) !== 32)) {
      whitespaceLines.push({ line, length: lineEnd - position });
      if (count > 0) pushBlock();
    } else {
      if (count === 0) {
        currentStart = line;
        currentOffset = position;
      }
      currentEnd = lineEnd;
      count++;
    }
    line++;
    position = end + 1;
    if (last) break;
  }
  if (count > 0) pushBlock();
  const breaks = { crlf, lf };
  return { blocks, offsets, lineCount: line - firstLine, eol: mostUsedEol(breaks), breaks, whitespaceLines };

  function pushBlock(): void {
    blocks.push(new TextBlock(currentStart, text, currentOffset, currentEnd, count));
    offsets.push(currentOffset);
    count = 0;
  }
}

/** Whether `text` from `start` to `end` is only spaces and tabs. */
function isBlankLike(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/**
 * A logical line whose range and segments are built on first use. Most lines of a large
 * file are never asked for either, and building them for every line made most of the
 * parser's garbage (five objects a line). The line knows its place as a row of its block, so
 * its positions follow the block when the block moves; what was built for an earlier place is
 * rebuilt on the next use.
 */
class UnfoldedLine implements LogicalLine {
  readonly text: string;
  readonly #block: Block;
  /** The first physical line, counted from the block's first line. */
  readonly #row: number;
  /** A folded line has one per physical line (built with the parse); others build theirs on first use. */
  #segments: readonly Segment[] | undefined;
  #range: Range | undefined;

  constructor(text: string, block: Block, row: number, segments: readonly Segment[] | undefined) {
    this.text = text;
    this.#block = block;
    this.#row = row;
    this.#segments = segments;
  }

  get folded(): boolean {
    return this.#segments !== undefined && this.#segments.length > 1;
  }

  get range(): Range {
    const first = this.#block.startLine + this.#row;
    if (this.#range && this.#range.start.line === first) return this.#range;
    // The last physical line of a folded line holds the rest of the text after its leading space.
    const last = this.folded ? this.segments[this.segments.length - 1] : undefined;
    const end = last
      ? { line: last.line, character: 1 + this.text.length - last.offset }
      : { line: first, character: this.text.length };
    return (this.#range = { start: { line: first, character: 0 }, end });
  }

  get segments(): readonly Segment[] {
    const first = this.#block.startLine + this.#row;
    const segments = this.#segments;
    if (segments && segments[0].line === first) return segments;
    if (!segments || segments.length === 1) return (this.#segments = [{ offset: 0, line: first, character: 0 }]);
    // The block moved since the segments were built: they move with it.
    const shift = first - segments[0].line;
    return (this.#segments = segments.map(({ offset, line, character }) => ({
      offset,
      line: line + shift,
      character,
    })));
  }
}

/**
 * Unfolds a block: a physical line starting with one space continues the line
 * before it (that space removed). Returns the logical lines, the physical line
 * numbers of continuations that had nothing to continue, and whether a line was
 * folded before its first ':'.
 */
export function unfold(block: Block): { lines: LogicalLine[]; orphans: number[]; foldedName: boolean } {
  const lines: LogicalLine[] = [];
  const orphans: number[] = [];
  let foldedName = false;
  const physical = block.lines;
  const count = physical.length;
  const startLine = block.startLine;
  let index = 0;
  // Continuations before the first line of the block have nothing to continue.
  while (index < count && physical[index].charCodeAt(0) === 32) orphans.push(startLine + index++);
  while (index < count) {
    const row = index;
    const text = physical[index++];
    if (index === count || physical[index].charCodeAt(0) !== 32) {
      lines.push(new UnfoldedLine(text, block, row, undefined));
      continue;
    }
    // A folded line: join its pieces once, and remember where each piece starts.
    foldedName ||= text.indexOf(':') < 0;
    const segments: Segment[] = [{ offset: 0, line: startLine + row, character: 0 }];
    const pieces = [text];
    let length = text.length;
    while (index < count && physical[index].charCodeAt(0) === 32) {
      const piece = physical[index];
      segments.push({ offset: length, line: startLine + index, character: 1 });
      pieces.push(piece.slice(1));
      length += piece.length - 1;
      index++;
    }
    lines.push(new UnfoldedLine(pieces.join(''), block, row, segments));
  }
  return { lines, orphans, foldedName };
}

/**
 * Whether a block has a line besides comments (`ParsedBlock.hasContent`), without parsing it: a
 * line that starts neither a comment nor a continuation starts a logical line that is content.
 */
export function blockHasContent(block: Block): boolean {
  for (const line of block.lines) {
    const first = line.charCodeAt(0);
    if (first !== 35 /* # */ && first !== 32) return true;
  }
  return false;
}

/**
 * Whether the text has a line besides comments, continuations and blank lines: after such a
 * line `version:` may no longer start the file, so a text read in pieces passes this on.
 */
export function hasContent(text: string): boolean {
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const first = text.charCodeAt(start);
    if (
      first !== 35 /* # */ &&
      first !== 32 &&
      !isBlankLike(text, start, text.charCodeAt(end - 1) === 13 ? end - 1 : end)
    )
      return true;
    start = end + 1;
  }
  return false;
}
