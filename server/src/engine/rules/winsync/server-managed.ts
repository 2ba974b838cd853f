import { mentionNameRange } from '../support/names';
import { deleteLines, mentionLines } from '../support/edits';
import { badValueConsequence } from '../support/wording';
import type { Finding, RecordRule } from '../types';

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
    server: 'Per attribute: status attributes are marked NO-USER-MODIFICATION and silently dropped from the request; the DirSync cookie is stored as given, and removing it makes the next sync read all of AD again.',
    example: [
      'dn: cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      'changetype: modify',
      'delete: nsds7DirsyncCookie',
      '-',
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (entry.kind === undefined) return [];
    const found: Finding[] = [];
    for (const mention of entry.mentions) {
      const spec = catalog.attribute(mention.name);
      if (!spec?.serverManaged || spec.entry !== entry.kind) continue;
      const action = mention.op === 'delete' || mention.values.length === 0 ? 'removed' : 'written';
      found.push({
        range: mentionNameRange(mention),
        message: `${spec.name} is maintained by the server and should not be ${action} by hand. ${badValueConsequence(spec, entry.record)}`,
        fixes: [{ title: `Remove ${spec.name} from this record`, edits: [deleteLines(mentionLines(mention, entry.record))] }],
      });
    }
    return found;
  },
} satisfies RecordRule;
