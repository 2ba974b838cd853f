/** What winsync/invalid-integer and winsync/out-of-range share about integer-valued attributes. */
import type { Range } from '../../ldif/ast';
import type { CatalogValue } from './catalogValues';
import { valuePartRange } from './edits';

/** RFC 4517 INTEGER: no sign on 0, no leading zeros, no "+", no spaces. */
export const INTEGER = /^(?:0|-?[1-9][0-9]*)$/;

/** What the attribute takes, e.g. "a whole number from 1 to 65535". */
export function expectedInteger({ syntax }: CatalogValue<'integer'>): string {
  return `a whole number from ${syntax.min} to ${syntax.max}${syntax.unit ? ` (${syntax.unit})` : ''}`;
}

/** The written value, or its line when the value is empty. */
export function integerRange({ line, value }: CatalogValue<'integer'>): Range {
  return value === '' ? line.line.range : valuePartRange(line, 0, value.length);
}
