import type { RecordRule } from '../types';
import { valuePartEdit, valuePartRange } from '../support/edits';
import { filterProblems } from '../support/filterValues';
import { sentence } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** Spaces around or between filters, which RFC 4515 does not allow. */
export default {
  meta: {
    code: 'filter/whitespace',
    group: 'filter',
    severity: 'warning',
    summary: 'Spaces around or between filters are not RFC 4515; servers differ in whether they ignore them.',
    server:
      'RFC 4515 has no spaces around or between filters: some servers skip them, others refuse the filter, and the ipa-winsync plug-in pastes its filter values into larger filters as written.',
    example: replaceExample(AGREEMENT_DN, 'winSyncWindowsFilter', '(&(objectClass=user) (cn=sync*))'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    return filterProblems(entry, catalog, 'filter/whitespace').map(({ problem, target }) => ({
      range: valuePartRange(target.line, problem.start, problem.end),
      message: `${target.spec.name}: ${sentence(problem.message)}`,
      fixes: [
        {
          title: 'Remove the spaces',
          edits: [valuePartEdit(target.line, problem.start, problem.end, '')],
          preferred: true,
        },
      ],
    }));
  },
} satisfies RecordRule;
