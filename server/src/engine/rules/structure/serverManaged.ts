import type { Diagnostic } from '../../ldif/ast';
import { mentionNameRange } from '../attributeNames';
import { deleteLines, mentionLines } from '../lineEdits';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';

/**
 * Writing or removing an attribute the server maintains (agreement status, the DirSync
 * cookie). The catalog note says what the server does with it in this kind of record.
 */
export const serverManaged: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/server-managed': {
      severity: 'warning',
      group: 'structure',
      summary: 'An attribute the server maintains itself is written or removed by hand.',
    },
  },
  check(entry, { catalog }) {
    if (entry.kind === undefined) return [];
    const found: Diagnostic[] = [];
    for (const mention of entry.mentions) {
      const spec = catalog.attribute(mention.name);
      if (!spec?.serverManaged || spec.entry !== entry.kind) continue;
      const action = mention.op === 'delete' || mention.values.length === 0 ? 'removed' : 'written';
      found.push({
        code: 'winsync/server-managed',
        severity: 'warning',
        range: mentionNameRange(mention),
        message: `${spec.name} is maintained by the server and should not be ${action} by hand. ${badValueConsequence(spec, entry.record)}`,
        fixes: [{ title: `Remove ${spec.name} from this record`, edits: [deleteLines(mentionLines(mention, entry.record))] }],
      });
    }
    return found;
  },
};
