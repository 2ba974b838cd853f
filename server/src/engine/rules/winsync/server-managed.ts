import { mentionNameRange } from '../support/names';
import { deleteLines, mentionLines } from '../support/edits';
import { badValueConsequence } from '../support/wording';
import type { RecordRule } from '../types';
import { AGREEMENT_DN } from '../support/examples';
import { catalogMentions } from '../support/catalogValues';

/**
 * Writing or removing an attribute the server maintains (agreement status, the DirSync
 * cookie). The catalog note says what the server does with it in this kind of record.
 */
export default {
  meta: {
    code: 'winsync/server-managed',
    group: 'structure',
    severity: 'warning',
    summary: 'An attribute the server maintains itself is written or removed by hand.',
    server:
      'Per attribute: status attributes are marked NO-USER-MODIFICATION and silently dropped from the request; the DirSync cookie is stored as given, and removing it makes the next sync read all of AD again.',
    example: [AGREEMENT_DN, 'changetype: modify', 'delete: nsds7DirsyncCookie', '-'],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    return catalogMentions(entry, catalog)
      .filter(({ spec }) => spec.serverManaged && spec.entry === entry.kind)
      .map(({ mention, spec }) => {
        const action = mention.op === 'delete' || mention.values.length === 0 ? 'removed' : 'written';
        return {
          range: mentionNameRange(mention),
          message: `${spec.name} is maintained by the server and should not be ${action} by hand. ${badValueConsequence(spec, entry.record)}`,
          fixes: [
            {
              title: `Remove ${spec.name} from this record`,
              edits: [deleteLines(mentionLines(mention, entry.record))],
            },
          ],
        };
      });
  },
} satisfies RecordRule;
