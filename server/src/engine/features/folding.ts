import type { Comment } from '../ldif/ast';
import type { ParsedDocument } from '../document';

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'region' | 'comment';
}

/**
 * Folding per record, per mod-spec and per block of consecutive comment lines. A record folds
 * from its first line after the comments above it (its `dn:`), so the folded record still shows
 * its DN and the lenses above that line; the comments fold on their own.
 */
export function getFoldingRanges(document: ParsedDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const comments: Comment[] = [...document.ldif.comments];
  for (const record of document.ldif.records) {
    const first = record.lines[0];
    if (first) ranges.push({ startLine: first.line.range.start.line, endLine: record.range.end.line, kind: 'region' });
    for (const spec of record.modifications) {
      ranges.push({ startLine: spec.range.start.line, endLine: spec.range.end.line, kind: 'region' });
    }
    for (const comment of record.comments) comments.push(comment);
  }
  comments.sort((a, b) => a.line.range.start.line - b.line.range.start.line);
  let start: Comment | undefined;
  let end: Comment | undefined;
  const flush = () => {
    if (start && end)
      ranges.push({ startLine: start.line.range.start.line, endLine: end.line.range.end.line, kind: 'comment' });
  };
  for (const comment of comments) {
    if (end && comment.line.range.start.line === end.line.range.end.line + 1) end = comment;
    else {
      flush();
      start = end = comment;
    }
  }
  flush();
  return ranges.filter((range) => range.endLine > range.startLine);
}
