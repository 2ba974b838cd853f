/**
 * Ranges and edits that fixes are made of. Value offsets are indices into `AttrLine.value`; for
 * a plain value that is the text as written, so a part maps to its exact place. A base64 value
 * has no such mapping: its parts cover the whole encoded value, and edits re-encode it.
 */
import type { AttrLine, Fix, LdifRecord, Range, TextEdit } from '../../ldif/ast';
import { rangeIn } from '../../ldif/position';
import { utf8ToBase64 } from '../../util/bytes';
import type { AttributeMention } from '../../model/entryView';

/** Where value[start, end) is in the document. */
export function valuePartRange(line: AttrLine, start: number, end: number): Range {
  if (line.encoding !== 'plain') return line.valueRange;
  return rangeIn(line.line, line.valueOffset + start, line.valueOffset + end);
}

/** An edit that replaces value[start, end) with `text`. */
export function valuePartEdit(line: AttrLine, start: number, end: number, text: string): TextEdit {
  if (line.encoding === 'plain') return { range: valuePartRange(line, start, end), newText: text };
  const value = line.value ?? '';
  return { range: line.valueRange, newText: toBase64(value.slice(0, start) + text + value.slice(end)) };
}

/** An edit that rewrites `attr: value` as `attr:: <base64>`, keeping the value exactly. */
export function base64Edit(line: AttrLine): TextEdit {
  return {
    range: { start: line.separatorRange.start, end: line.valueRange.end },
    newText: `:: ${toBase64(line.value ?? line.rawValue)}`,
  };
}

function toBase64(text: string): string {
  return utf8ToBase64(text);
}

/** Removes the spaces that end a value: ldapmodify sends them, so the server compares them too. */
export function removeTrailingSpacesFix(line: AttrLine): Fix {
  const value = line.value ?? '';
  const end = value.trimEnd().length;
  return { title: 'Remove the trailing spaces', edits: [valuePartEdit(line, end, value.length, '')], preferred: true };
}

/** An edit deleting the whole physical lines a range touches, line breaks included. */
export function deleteLines(range: Range): TextEdit {
  return {
    range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } },
    newText: '',
  };
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
