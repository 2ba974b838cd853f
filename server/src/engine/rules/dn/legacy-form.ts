import type { DnProblem } from '../../dn/dn';
import type { Finding, RecordRule } from '../types';
import { dnProblems, type DnPlace } from '../support/dnPlaces';
import { valuePartEdit, valuePartRange } from '../support/edits';
import { sentence } from '../support/wording';

/** DNs in a form 389-DS accepts and rewrites: quoted values, ';' between RDNs, spaces around separators. */
export default {
  meta: {
    code: 'dn/legacy-form',
    group: 'dn',
    severity: 'info',
    summary:
      'A DN uses a legacy form (quoted value, ";" separator, spaces around separators) that 389-DS accepts and rewrites.',
    server:
      '389-DS reads the RFC 1779 forms and stores the DN in RFC 4514 form, so what the server shows differs from the file; other tools may read the DN differently.',
    example: [
      'dn: cn=ad-sync,cn=replica,cn="dc=example,dc=com",cn=mapping tree,cn=config',
      'changetype: modify',
      'replace: winSyncInterval',
      'winSyncInterval: 300',
      '-',
    ],
  },
  scope: 'record',
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { place, problem } of dnProblems(entry, catalog)) {
      if (problem.severity === 'legacy' && !isTrailingSpaceOfValue(place, problem))
        found.push(legacyForm(place, problem));
    }
    return found;
  },
} satisfies RecordRule;

// Spaces that end a plain value are reported once, by ldif/trailing-space.
function isTrailingSpaceOfValue(place: DnPlace, problem: DnProblem): boolean {
  const { line } = place;
  return problem.replacement === '' && line.encoding === 'plain' && place.offset + problem.end === line.rawValue.length;
}

function legacyForm(place: DnPlace, problem: DnProblem): Finding {
  const replacement = problem.replacement ?? '';
  return {
    range: valuePartRange(place.line, place.offset + problem.start, place.offset + problem.end),
    message: sentence(problem.message),
    fixes: [
      {
        title: replacement === '' ? 'Remove the spaces' : `Replace with "${replacement}"`,
        edits: [valuePartEdit(place.line, place.offset + problem.start, place.offset + problem.end, replacement)],
        preferred: true,
      },
    ],
  };
}
