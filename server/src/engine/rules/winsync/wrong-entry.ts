import { mentionNameRange } from '../support/names';
import { ENTRY_LOCATION, foreignConsequence } from '../support/wording';
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
    summary:
      'An attribute that belongs to another winsync entry (plug-in entry, Windows sync agreement, plain replication agreement).',
    server:
      'Plug-in settings and plain-only settings on the schema-checked Windows agreement are refused with 65 (Object class violation); winsync settings on a plain agreement get 65 on add and 53 on modify; agreement settings on the extensibleObject plug-in entry are stored there and never read.',
    example: replaceExample(PLUGIN_DN, 'oneWaySync', 'fromWindows'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const here = entry.kind;
    if (here === undefined) return [];
    return catalogMentions(entry, catalog)
      .filter(({ mention, spec }) => !catalog.belongsTo(spec, here) && writesValues(mention))
      .map(({ mention, spec }) => ({
        range: mentionNameRange(mention),
        message: `${spec.name} belongs on ${ENTRY_LOCATION[spec.entry]}, not here. ${foreignConsequence(spec.name, entry, catalog)}`,
        fixes: [
          { title: `Remove ${spec.name} from this entry`, edits: [deleteLines(mentionLines(mention, entry.record))] },
        ],
      }));
  },
} satisfies RecordRule;
