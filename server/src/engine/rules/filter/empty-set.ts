import type { RecordRule } from '../types';
import { valuePartRange } from '../support/edits';
import { filterProblems } from '../support/filterValues';
import { sentence } from '../support/wording';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/** (&) and (|): RFC 4526 absolute true and false, where a filter was probably left out. */
export default {
  meta: {
    code: 'filter/empty-set',
    group: 'filter',
    severity: 'warning',
    summary: '(&) or (|) with nothing inside: RFC 4526 absolute true/false, not RFC 4515; usually a filter is missing.',
    server:
      '(&) matches every entry and (|) none (RFC 4526); a server that does not implement RFC 4526 refuses them. Either way the sync does not search with the filter that was meant.',
    example: replaceExample(AGREEMENT_DN, 'winSyncWindowsFilter', '(&(objectClass=user)(|))'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    return filterProblems(entry, catalog, 'filter/empty-set').map(({ problem, target }) => ({
      range: valuePartRange(target.line, problem.start, problem.end),
      message: `${target.spec.name}: ${sentence(problem.message)}`,
    }));
  },
} satisfies RecordRule;
