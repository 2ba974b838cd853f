import type { Diagnostic } from '../../ldif/ast';
import { isAttributeType } from '../../dn/dn';
import { clip } from '../../ldif/attrLine';
import { catalogValues } from '../catalogValues';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';
import { removeTrailingSpacesFix, valuePartRange } from '../valueText';

export const ATTRIBUTE_NAME_FORM = "an attribute type name (a letter, then letters, digits or '-') or a numeric OID such as 2.5.4.3";

/** Attributes whose value names another attribute (ipaWinSyncRealmAttr, …): it must be a valid attribute type. */
export const attributeName: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/invalid-attribute-name': {
      severity: 'error',
      group: 'values',
      summary: 'An attribute whose value names another attribute holds something that is not an attribute type name.',
    },
  },
  check(entry, { catalog }) {
    const found: Diagnostic[] = [];
    for (const { line, spec, value } of catalogValues(entry, catalog, 'attribute-name')) {
      if (isAttributeType(value)) continue;
      const padded = value !== value.trimEnd() && isAttributeType(value.trimEnd());
      const problem = padded
        ? 'the trailing spaces are part of the value, so the plug-in looks for an attribute whose name ends in spaces'
        : `expected ${ATTRIBUTE_NAME_FORM}, without options or spaces`;
      found.push({
        code: 'winsync/invalid-attribute-name',
        severity: 'error',
        range: value === '' ? line.line.range : valuePartRange(line, 0, value.length),
        message: `${value === '' ? 'An empty value' : `"${clip(value)}"`} is not a valid value for ${spec.name}: ${problem}. ${badValueConsequence(spec, entry.record)}`,
        ...(padded && { fixes: [removeTrailingSpacesFix(line)] }),
      });
    }
    return found;
  },
};
