import type { AttrLine, LdifRecord, Range, TextEdit } from '../ldif/ast';
import type { AttributeMention } from '../model/entryView';

/** An edit deleting the whole physical lines a range touches, line breaks included. */
export function deleteLines(range: Range): TextEdit {
  return { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' };
}

/** An edit adding `text` as a new line after `line`. */
export function insertLineAfter(line: AttrLine, text: string): TextEdit {
  const end = line.line.range.end;
  return { range: { start: end, end }, newText: `\n${text}` };
}

/** The lines that carry a mention: its mod-spec (header to "-") or its content line. */
export function mentionLines(mention: AttributeMention, record: LdifRecord): Range {
  if (!mention.isHeader) return mention.line.line.range;
  return record.modifications.find((spec) => spec.header === mention.line)?.range ?? mention.line.line.range;
}

/** The last attribute-like line of a record, after which new attribute lines go. */
export function lastLine(record: LdifRecord): AttrLine | undefined {
  return record.lines[record.lines.length - 1];
}
