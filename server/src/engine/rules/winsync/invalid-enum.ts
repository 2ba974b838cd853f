import { matchChoice } from '../../catalog/semantics';
import { sortByDistance, unambiguousNearest } from '../../util/closest';
import type { Finding, RecordRule } from '../types';
import { enumWrites } from '../support/catalogValues';
import { badValueConsequence, clip } from '../support/wording';
import { PLUGIN_DN, replaceExample } from '../support/examples';

/** A value outside an enumerated attribute's allowed set (the server compares the whole value, ignoring case). */
export default {
  meta: {
    code: 'winsync/invalid-enum',
    group: 'values',
    severity: 'error',
    summary: "The value is not one of the attribute's allowed values.",
    server:
      'Per attribute, from the catalog: the ipa-winsync plug-in refuses a bad ipaWinSyncAcctDisable with 53, while agreement settings such as oneWaySync and winSyncMoveAction are accepted with a warning in the errors log and silently replaced by their default.',
    example: replaceExample(PLUGIN_DN, 'ipaWinSyncAcctDisable', 'to_da'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { line, spec, value } of enumWrites(entry, catalog)) {
      if (spec.syntax.kind !== 'enum' || matchChoice(spec, value)) continue;
      // The server compares the whole value, so trailing spaces make a valid word invalid.
      const padded = matchChoice(spec, value.trimEnd())?.value;
      if (padded) {
        found.push({
          range: line.valueRange,
          message: `Invalid value "${clip(value)}" for ${spec.name}: the trailing spaces are part of the value, so it is not "${padded}". ${badValueConsequence(spec, entry.record)}`,
          fixes: [
            {
              title: `Remove the trailing spaces`,
              edits: [{ range: line.valueRange, newText: padded }],
              preferred: true,
            },
          ],
        });
        continue;
      }
      const documented = spec.syntax.values.filter((choice) => !choice.legacy).map((choice) => choice.value);
      // Nearest first; only a clear typo of one value is preferred (what auto-fix would apply):
      // for a word far from all of them, any choice would be a guess.
      const intended = unambiguousNearest(value, documented);
      found.push({
        range: line.valueRange,
        message: `Invalid value "${clip(value)}" for ${spec.name}: expected one of ${documented.join(', ')}. ${badValueConsequence(spec, entry.record)}`,
        fixes: sortByDistance(value, documented).map((choice) => ({
          title: `Change to "${choice}"`,
          edits: [{ range: line.valueRange, newText: choice }],
          preferred: choice === intended,
        })),
      });
    }
    return found;
  },
} satisfies RecordRule;
