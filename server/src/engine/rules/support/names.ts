import type { Range, TextEdit } from '../../ldif/ast';
import { rangeIn } from '../../ldif/position';
import type { AttributeMention } from '../../model/entryView';

/** One place where a mention spells the attribute's name. */
export interface NamePiece {
  readonly written: string;
  readonly range: Range;
}

/**
 * Every place the mention spells the attribute's name: the content line's name, or a
 * mod-spec's header value and the names of its value lines (options left out).
 */
export function namePieces(mention: AttributeMention): NamePiece[] {
  if (!mention.isHeader) return [linePiece(mention)];
  const pieces: NamePiece[] = [];
  const header = mention.line;
  if (header.encoding === 'plain') {
    const start = header.valueOffset + header.rawValue.length - header.rawValue.trimStart().length;
    pieces.push({ written: mention.name, range: rangeIn(header.line, start, start + mention.name.length) });
  }
  const lower = mention.name.toLowerCase();
  for (const line of mention.values) {
    if (line.name.toLowerCase() === lower)
      pieces.push({ written: line.name, range: rangeIn(line.line, 0, line.name.length) });
  }
  return pieces;
}

function linePiece(mention: AttributeMention): NamePiece {
  return { written: mention.line.name, range: rangeIn(mention.line.line, 0, mention.line.name.length) };
}

/** Where a diagnostic about the mention's attribute name goes. */
export function mentionNameRange(mention: AttributeMention): Range {
  return namePieces(mention)[0]?.range ?? mention.line.valueRange;
}

/** Edits renaming the attribute everywhere the mention spells it. */
export function renameEdits(mention: AttributeMention, to: string): TextEdit[] {
  return namePieces(mention)
    .filter((piece) => piece.written !== to)
    .map((piece) => ({ range: piece.range, newText: to }));
}
