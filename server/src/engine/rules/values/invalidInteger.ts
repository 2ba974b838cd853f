import type { Diagnostic, Fix } from '../../ldif/ast';
import type { Catalog } from '../../catalog';
import { clip } from '../../ldif/attrLine';
import { catalogValues, type CatalogValue } from '../catalogValues';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';
import type { EntryView } from '../../model/entryView';
import { removeTrailingSpacesFix, valuePartEdit, valuePartRange } from '../valueText';

/** RFC 4517 INTEGER: no sign on 0, no leading zeros, no "+", no spaces. */
const INTEGER = /^(?:0|-?[1-9][0-9]*)$/;
const LOOSE_INTEGER = /^[+-]?[0-9]+$/;

/** Integer attributes: the value must be an RFC 4517 integer inside the catalog's min–max. */
export const invalidInteger: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/invalid-integer': {
      severity: 'error',
      group: 'values',
      summary: 'An integer attribute holds something that is not a whole number in LDAP INTEGER form.',
    },
    'winsync/out-of-range': {
      severity: 'error',
      group: 'values',
      summary: 'An integer attribute holds a number outside the range the server can use.',
    },
  },
  check(entry, { catalog }) {
    const found: Diagnostic[] = [];
    for (const target of catalogValues(entry, catalog, 'integer')) {
      const diagnostic = INTEGER.test(target.value) ? checkRange(target, entry) : notAnInteger(target, entry, catalog);
      if (diagnostic) found.push(diagnostic);
    }
    return found;
  },
};

function expected({ syntax }: CatalogValue<'integer'>): string {
  return `a whole number from ${syntax.min} to ${syntax.max}${syntax.unit ? ` (${syntax.unit})` : ''}`;
}

function valueRange({ line, value }: CatalogValue<'integer'>) {
  return value === '' ? line.line.range : valuePartRange(line, 0, value.length);
}

function notAnInteger(target: CatalogValue<'integer'>, entry: EntryView, catalog: Catalog): Diagnostic {
  const { line, spec, value } = target;
  // A schema-checked entry refuses non-integers outright; an extensibleObject one stores them.
  const consequence = catalog.entryKind(spec.entry).acceptsAnyAttribute
    ? badValueConsequence(spec, entry.record)
    : '389-DS refuses it with 21 (Invalid syntax): the attribute has INTEGER syntax.';
  const trimmed = value.trimEnd();
  const shown = value === '' ? 'An empty value' : `Invalid value "${clip(value)}"`;
  const report = (problem: string, fixes?: Fix[]): Diagnostic => ({
    code: 'winsync/invalid-integer',
    severity: 'error',
    range: valueRange(target),
    message: `${shown} for ${spec.name}: ${problem}. ${consequence}`,
    ...(fixes && { fixes }),
  });
  if (trimmed !== value && INTEGER.test(trimmed)) {
    return report('the trailing spaces are part of the value, and an INTEGER may not contain spaces', [removeTrailingSpacesFix(line)]);
  }
  const problem = `expected ${expected(target)}, written without "+" or leading zeros`;
  if (!LOOSE_INTEGER.test(trimmed)) return report(problem);
  const written = BigInt(trimmed).toString();
  return report(problem, [{ title: `Write ${written}`, edits: [valuePartEdit(line, 0, value.length, written)], preferred: true }]);
}

function checkRange(target: CatalogValue<'integer'>, entry: EntryView): Diagnostic | undefined {
  const { spec, syntax, value } = target;
  const number = BigInt(value);
  if (number >= BigInt(syntax.min) && number <= BigInt(syntax.max)) return undefined;
  return {
    code: 'winsync/out-of-range',
    severity: 'error',
    range: valueRange(target),
    message: `${value} is out of range for ${spec.name}: expected ${expected(target)}. ${badValueConsequence(spec, entry.record)}`,
  };
}
