import type { Finding, RecordRule } from '../types';
import { catalogValues } from '../support/catalogValues';
import { expectedInteger, INTEGER, integerRange } from '../support/integerValues';
import { badValueConsequence } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** Integer attributes whose number lies outside the catalog's min–max. */
export default {
  meta: {
    code: 'winsync/out-of-range',
    group: 'values',
    severity: 'error',
    summary: 'An integer attribute holds a number outside the range the server can use.',
    server:
      'Per attribute, from the catalog: 389-DS refuses some out-of-range numbers (a port outside 1–65535 on add, with 53), stores others without a word (the same port on modify), and ignores some (winSyncInterval: 0).',
    example: replaceExample(AGREEMENT_DN, 'winSyncInterval', '0'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const target of catalogValues(entry, catalog, 'integer')) {
      const { spec, syntax, value } = target;
      if (!INTEGER.test(value)) continue;
      const number = BigInt(value);
      if (number >= BigInt(syntax.min) && number <= BigInt(syntax.max)) continue;
      found.push({
        range: integerRange(target),
        message: `${value} is out of range for ${spec.name}: expected ${expectedInteger(target)}. ${badValueConsequence(spec, entry.record)}`,
      });
    }
    return found;
  },
} satisfies RecordRule;
