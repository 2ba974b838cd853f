import type { AttributeSpec, EntryKind } from '../../catalog';
import type { Diagnostic } from '../../ldif/ast';
import { mentionNameRange } from '../attributeNames';
import { ENTRY_LOCATION } from '../entryLocations';
import { deleteLines, mentionLines } from '../lineEdits';
import { writesValues } from '../recordValues';
import type { RecordRule } from '../types';

/**
 * A catalog attribute written on the other winsync entry: plug-in settings on an agreement
 * (refused, 65) or agreement settings on the plug-in entry (stored, never read).
 */
export const wrongEntry: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/wrong-entry': {
      severity: 'error',
      group: 'structure',
      summary: 'An attribute that belongs to the other winsync entry (plug-in entry vs. sync agreement).',
    },
  },
  check(entry, { catalog }) {
    if (entry.kind === undefined) return [];
    const found: Diagnostic[] = [];
    for (const mention of entry.mentions) {
      const spec = catalog.attribute(mention.name);
      if (!spec || spec.entry === entry.kind || !writesValues(mention)) continue;
      found.push({
        code: 'winsync/wrong-entry',
        severity: 'error',
        range: mentionNameRange(mention),
        message: `${spec.name} belongs on ${ENTRY_LOCATION[spec.entry]}, not here. ${consequence(spec, entry.kind)}`,
        fixes: [{ title: `Remove ${spec.name} from this entry`, edits: [deleteLines(mentionLines(mention, entry.record))] }],
      });
    }
    return found;
  },
};

function consequence(spec: AttributeSpec, target: EntryKind): string {
  return target === 'agreement'
    ? `nsDSWindowsReplicationAgreement does not allow ${spec.name}, so 389-DS refuses it with 65 (Object class violation).`
    : `The plug-in entry is an extensibleObject, so 389-DS stores ${spec.name} there without complaint, but nothing reads it on that entry: the setting silently does nothing.`;
}
