import type { Fix } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { catalogValues } from '../support/catalogValues';
import { removeTrailingSpacesFix, valuePartEdit } from '../support/edits';
import { expectedInteger, INTEGER, integerRange } from '../support/integerValues';
import { badValueConsequence, clip } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** Signs, leading zeros and spaces allowed, for recognising a number written the wrong way. */
const LOOSE_INTEGER = /^[+-]?[0-9]+$/;

/** Integer attributes whose value is not an RFC 4517 integer. */
export default {
  meta: {
    code: 'winsync/invalid-integer',
    group: 'values',
    severity: 'error',
    summary: 'An integer attribute holds something that is not a whole number in LDAP INTEGER form.',
    server:
      'The schema-checked agreement refuses a value that is not an INTEGER with 21 (Invalid syntax); the plug-in entry stores it, and the plug-in then reads it as something else.',
    example: replaceExample(AGREEMENT_DN, 'winSyncInterval', '0300'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const target of catalogValues(entry, catalog, 'integer')) {
      const { line, spec, value } = target;
      if (INTEGER.test(value)) continue;
      // A schema-checked entry refuses non-integers outright; an extensibleObject one stores them.
      const consequence = catalog.entryKind(spec.entry).acceptsAnyAttribute
        ? badValueConsequence(spec, entry.record)
        : '389-DS refuses it with 21 (Invalid syntax): the attribute has INTEGER syntax.';
      const trimmed = value.trimEnd();
      const shown = value === '' ? 'An empty value' : `Invalid value "${clip(value)}"`;
      const report = (problem: string, fixes?: Fix[]): Finding => ({
        range: integerRange(target),
        message: `${shown} for ${spec.name}: ${problem}. ${consequence}`,
        ...(fixes && { fixes }),
      });
      if (trimmed !== value && INTEGER.test(trimmed)) {
        found.push(
          report('the trailing spaces are part of the value, and an INTEGER may not contain spaces', [
            removeTrailingSpacesFix(line),
          ]),
        );
        continue;
      }
      const problem = `expected ${expectedInteger(target)}, written without "+" or leading zeros`;
      if (!LOOSE_INTEGER.test(trimmed)) {
        found.push(report(problem));
        continue;
      }
      const written = BigInt(trimmed).toString();
      found.push(
        report(problem, [
          { title: `Write ${written}`, edits: [valuePartEdit(line, 0, value.length, written)], preferred: true },
        ]),
      );
    }
    return found;
  },
} satisfies RecordRule;
