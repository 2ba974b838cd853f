import type { RecordRule } from '../types';
import { valuePartRange } from '../support/edits';
import { filterProblems } from '../support/filterValues';
import { sentence } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** A substring filter with "**", whose empty piece between the stars means nothing. */
export default {
  meta: {
    code: 'filter/empty-substring',
    group: 'filter',
    severity: 'warning',
    summary: 'A substring filter with "**": the empty piece between the stars is meaningless.',
    server:
      'RFC 4515 has no empty substring pieces: servers and LDAP libraries differ in whether they accept "**" or refuse the filter.',
    example: replaceExample(AGREEMENT_DN, 'winSyncWindowsFilter', '(cn=sync**user)'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    return filterProblems(entry, catalog, 'filter/empty-substring').map(({ problem, target }) => ({
      range: valuePartRange(target.line, problem.start, problem.end),
      message: `${target.spec.name}: ${sentence(problem.message)}`,
    }));
  },
} satisfies RecordRule;
