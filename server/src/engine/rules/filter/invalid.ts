import type { RecordRule } from '../types';
import { valuePartRange } from '../support/edits';
import { filterProblems, wrapFix } from '../support/filterValues';
import { badValueConsequence, sentence } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** Filter-valued winsync attributes whose value is not a valid RFC 4515 filter (or filter list). */
export default {
  meta: {
    code: 'filter/invalid',
    group: 'filter',
    severity: 'error',
    summary: 'A filter-valued winsync attribute does not hold a valid RFC 4515 filter (or filter list).',
    server:
      '389-DS and the ipa-winsync plug-in store filter values without parsing them: a broken filter is accepted, and fails only when the sync searches with it, with nothing but an errors-log line to show for it.',
    example: replaceExample(AGREEMENT_DN, 'winSyncWindowsFilter', '(&(objectClass=user)(department=IT)'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    return filterProblems(entry, catalog, 'filter/invalid').map(({ problem, target, wrapRepairs }) => ({
      range: valuePartRange(target.line, problem.start, problem.end),
      message: `Invalid filter in ${target.spec.name}: ${sentence(problem.message)} ${badValueConsequence(target.spec, entry.record)}`,
      ...(wrapRepairs && { fixes: [wrapFix(target)] }),
    }));
  },
} satisfies RecordRule;
