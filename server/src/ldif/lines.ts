import type { LogicalLine, Segment } from './ast';

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
 * Unfolds a block: a physical line starting with one space continues the line
 * before it (that space removed). Returns the logical lines and the physical
 * line numbers of continuations that had nothing to continue.
 */
export function unfold(block: Block): { lines: LogicalLine[]; orphans: number[] } {
  const lines: LogicalLine[] = [];
  const orphans: number[] = [];
  let text = '';
  let segments: Segment[] = [];
  let firstLine = -1;
  let lastLine = -1;
  let lastLength = 0;
  const flush = () => {
    if (firstLine < 0) return;
    lines.push({
      text,
      segments,
      range: { start: { line: firstLine, character: 0 }, end: { line: lastLine, character: lastLength } },
    });
    firstLine = -1;
  };
  block.lines.forEach((physical, index) => {
    const lineNumber = block.startLine + index;
    if (physical.charCodeAt(0) === 32) {
      if (firstLine < 0) {
        orphans.push(lineNumber);
        return;
      }
      segments.push({ offset: text.length, line: lineNumber, character: 1 });
      text += physical.slice(1);
      lastLine = lineNumber;
      lastLength = physical.length;
      return;
    }
    flush();
    text = physical;
    segments = [{ offset: 0, line: lineNumber, character: 0 }];
    firstLine = lineNumber;
    lastLine = lineNumber;
    lastLength = physical.length;
  });
  flush();
  return { lines, orphans };
}
