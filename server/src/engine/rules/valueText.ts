/**
 * Ranges and edits for parts of a value. Offsets are indices into `AttrLine.value`; for a plain
 * value that is the text as written, so a part maps to its exact place. A base64 value has no
 * such mapping: its parts cover the whole encoded value, and edits re-encode it.
 */
import type { AttrLine, Fix, Range, TextEdit } from '../ldif/ast';
import { rangeIn } from '../ldif/position';

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
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Removes the spaces that end a value: ldapmodify sends them, so the server compares them too. */
export function removeTrailingSpacesFix(line: AttrLine): Fix {
  const value = line.value ?? '';
  const end = value.trimEnd().length;
  return { title: 'Remove the trailing spaces', edits: [valuePartEdit(line, end, value.length, '')], preferred: true };
}

/** Ends a message part with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
