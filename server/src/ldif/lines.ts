import type { LogicalLine, Range, Segment } from './ast';

/** A run of physical lines between blank lines, as it appears in the text. */
export interface Block {
  /** 0-based line number of the block's first line. */
  readonly startLine: number;
  /** The block's physical lines, without line separators. */
  readonly lines: readonly string[];
}

export interface SplitText {
  readonly blocks: Block[];
  readonly lineCount: number;
  readonly eol: '\n' | '\r\n';
  /** Lines that hold only white space where a blank line was probably meant. */
  readonly whitespaceLines: { readonly line: number; readonly length: number }[];
}

/**
 * Splits text into blocks separated by empty lines. A line of only spaces that
 * follows a non-empty line is a continuation (RFC 2849 folding), so it stays in
 * its block; one that follows a blank line, or holds tabs, is reported.
 */
export function splitBlocks(text: string, firstLine = 0): SplitText {
  const blocks: Block[] = [];
  const whitespaceLines: { line: number; length: number }[] = [];
  let current: string[] = [];
  let currentStart = firstLine;
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
    const content = text.slice(position, lineEnd);
    if (content.length === 0) {
      if (current.length > 0) blocks.push({ startLine: currentStart, lines: current });
      current = [];
    } else if (isBlankLike(content) && (current.length === 0 || content.charCodeAt(0) !== 32)) {
      whitespaceLines.push({ line, length: content.length });
      if (current.length > 0) blocks.push({ startLine: currentStart, lines: current });
      current = [];
    } else {
      if (current.length === 0) currentStart = line;
      current.push(content);
    }
    line++;
    position = end + 1;
    if (last) break;
  }
  if (current.length > 0) blocks.push({ startLine: currentStart, lines: current });
  return { blocks, lineCount: line - firstLine, eol: crlf > lf ? '\r\n' : '\n', whitespaceLines };
}

function isBlankLike(content: string): boolean {
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/**
 * A logical line whose range and segments are built on first use. Most lines of a large
 * file are never asked for either, and building them for every line made most of the
 * parser's garbage (five objects a line).
 */
class UnfoldedLine implements LogicalLine {
  readonly text: string;
  readonly #firstLine: number;
  readonly #lastLine: number;
  readonly #lastLength: number;
  #range: Range | undefined;
  #segments: readonly Segment[] | undefined;

  constructor(text: string, firstLine: number, lastLine: number, lastLength: number, segments: readonly Segment[] | undefined) {
    this.text = text;
    this.#firstLine = firstLine;
    this.#lastLine = lastLine;
    this.#lastLength = lastLength;
    this.#segments = segments;
  }

  get range(): Range {
    return (this.#range ??= {
      start: { line: this.#firstLine, character: 0 },
      end: { line: this.#lastLine, character: this.#lastLength },
    });
  }

  get segments(): readonly Segment[] {
    return (this.#segments ??= [{ offset: 0, line: this.#firstLine, character: 0 }]);
  }
}

/**
 * Unfolds a block: a physical line starting with one space continues the line
 * before it (that space removed). Returns the logical lines and the physical
 * line numbers of continuations that had nothing to continue.
 */
export function unfold(block: Block): { lines: LogicalLine[]; orphans: number[] } {
  const lines: LogicalLine[] = [];
  const orphans: number[] = [];
  const physical = block.lines;
  const count = physical.length;
  let index = 0;
  // Continuations before the first line of the block have nothing to continue.
  while (index < count && physical[index].charCodeAt(0) === 32) orphans.push(block.startLine + index++);
  while (index < count) {
    const firstLine = block.startLine + index;
    let text = physical[index++];
    if (index === count || physical[index].charCodeAt(0) !== 32) {
      lines.push(new UnfoldedLine(text, firstLine, firstLine, text.length, undefined));
      continue;
    }
    // A folded line: join its pieces once, and remember where each piece starts.
    const segments: Segment[] = [{ offset: 0, line: firstLine, character: 0 }];
    const pieces = [text];
    let length = text.length;
    let last = physical[index - 1];
    while (index < count && physical[index].charCodeAt(0) === 32) {
      last = physical[index];
      segments.push({ offset: length, line: block.startLine + index, character: 1 });
      pieces.push(last.slice(1));
      length += last.length - 1;
      index++;
    }
    text = pieces.join('');
    lines.push(new UnfoldedLine(text, firstLine, block.startLine + index - 1, last.length, segments));
  }
  return { lines, orphans };
}
