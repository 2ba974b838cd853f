import { isAttributeType } from '../../dn/dn';
import { ATTRIBUTE_NAME_FORM, badValueConsequence, clip } from '../support/wording';
import { catalogValues } from '../support/catalogValues';
import type { Finding, RecordRule } from '../types';
import { removeTrailingSpacesFix, valuePartRange } from '../support/edits';
import { PLUGIN_DN, replaceExample } from '../support/examples';

/** Attributes whose value names another attribute (ipaWinSyncRealmAttr, …): it must be a valid attribute type. */
export default {
  meta: {
    code: 'winsync/invalid-attribute-name',
    group: 'values',
    severity: 'error',
    summary: 'An attribute whose value names another attribute holds something that is not an attribute type name.',
    server:
      'The plug-in entry takes any value, so 389-DS stores it; the plug-in then looks for an attribute of that name in its template entries, finds none, and says so only in the errors log.',
    example: replaceExample(PLUGIN_DN, 'ipaWinSyncHomeDirAttr', 'home directory'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { line, spec, value } of catalogValues(entry, catalog, 'attribute-name')) {
      if (isAttributeType(value)) continue;
      const padded = value !== value.trimEnd() && isAttributeType(value.trimEnd());
      const problem = padded
        ? 'the trailing spaces are part of the value, so the plug-in looks for an attribute whose name ends in spaces'
        : `expected ${ATTRIBUTE_NAME_FORM}, without options or spaces`;
      found.push({
        range: value === '' ? line.line.range : valuePartRange(line, 0, value.length),
        message: `${value === '' ? 'An empty value' : `"${clip(value)}"`} is not a valid value for ${spec.name}: ${problem}. ${badValueConsequence(spec, entry.record)}`,
        ...(padded && { fixes: [removeTrailingSpacesFix(line)] }),
      });
    }
    return found;
  },
} satisfies RecordRule;
