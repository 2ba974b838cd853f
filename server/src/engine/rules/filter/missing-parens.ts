import type { RecordRule } from '../types';
import { valuePartRange } from '../support/edits';
import { filterProblems, wrapFix } from '../support/filterValues';
import { badValueConsequence } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** A filter without its outer parentheses; whether that matters comes from the catalog. */
export default {
  meta: {
    code: 'filter/missing-parens',
    group: 'filter',
    severity: 'error',
    milder: { severity: 'info', when: 'the attribute is one the server adds the parentheses to itself' },
    summary:
      'A filter lacks its outer parentheses: an error where the server uses the value verbatim, information where it adds them itself.',
    server:
      'Where the server uses the value as written (winSyncWindowsFilter, the ipa-winsync filters), the search fails later; winSyncDirectoryFilter gets the parentheses added by 389-DS.',
    example: replaceExample(AGREEMENT_DN, 'winSyncWindowsFilter', 'objectClass=user'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    return filterProblems(entry, catalog, 'filter/missing-parens').map(({ problem, target, parensRequired }) => {
      const inner = target.value.slice(problem.start, problem.end);
      const range = valuePartRange(target.line, problem.start, problem.end);
      const fixes = [wrapFix(target)];
      if (parensRequired) {
        const message = `${target.spec.name} must be enclosed in parentheses: write (${inner}). The server uses the value as written and does not add them. ${badValueConsequence(target.spec, entry.record)}`;
        return { range, message, fixes };
      }
      const message = `${target.spec.name} works without its outer parentheses (389-DS adds them), but (${inner}) is the standard form.`;
      return { range, message, fixes, mild: true };
    });
  },
} satisfies RecordRule;
