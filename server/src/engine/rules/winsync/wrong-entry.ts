import type { AttributeSpec, EntryKind } from '../../catalog';
import { mentionNameRange } from '../support/names';
import { ENTRY_LOCATION } from '../support/wording';
import { deleteLines, mentionLines } from '../support/edits';
import { writesValues } from '../support/recordSettings';
import type { RecordRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';
import { catalogMentions } from '../support/catalogValues';

/**
 * A catalog attribute written on the other winsync entry: plug-in settings on an agreement
 * (refused, 65) or agreement settings on the plug-in entry (stored, never read).
 */
export default {
  meta: {
    code: 'winsync/wrong-entry',
    group: 'structure',
    severity: 'error',
    summary: 'An attribute that belongs to the other winsync entry (plug-in entry vs. sync agreement).',
    server:
      'Plug-in settings on the schema-checked agreement are refused with 65 (Object class violation); agreement settings on the extensibleObject plug-in entry are stored there and never read.',
    example: replaceExample(PLUGIN_DN, 'oneWaySync', 'fromWindows'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const here = entry.kind;
    if (here === undefined) return [];
    return catalogMentions(entry, catalog)
      .filter(({ mention, spec }) => spec.entry !== here && writesValues(mention))
      .map(({ mention, spec }) => ({
        range: mentionNameRange(mention),
        message: `${spec.name} belongs on ${ENTRY_LOCATION[spec.entry]}, not here. ${consequence(spec, here)}`,
        fixes: [
          { title: `Remove ${spec.name} from this entry`, edits: [deleteLines(mentionLines(mention, entry.record))] },
        ],
      }));
  },
} satisfies RecordRule;

function consequence(spec: AttributeSpec, target: EntryKind): string {
  return target === 'agreement'
    ? `nsDSWindowsReplicationAgreement does not allow ${spec.name}, so 389-DS refuses it with 65 (Object class violation).`
    : `The plug-in entry is an extensibleObject, so 389-DS stores ${spec.name} there without complaint, but nothing reads it on that entry: the setting silently does nothing.`;
}
