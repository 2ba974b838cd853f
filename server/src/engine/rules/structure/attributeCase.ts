import type { Diagnostic } from '../../ldif/ast';
import { namePieces, renameEdits } from '../attributeNames';
import type { RecordRule } from '../types';

/**
 * A catalog attribute spelt in another case. Names are case-insensitive (FreeIPA's own
 * ipa-winsync-conf.ldif writes ipaWinsyncHomeDirAttr), so this is only a style hint.
 */
export const attributeCase: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/attribute-case': {
      severity: 'info',
      group: 'structure',
      summary: 'A winsync attribute written in another case than its canonical spelling.',
    },
  },
  check(entry, { catalog }) {
    if (entry.kind === undefined) return [];
    const found: Diagnostic[] = [];
    for (const mention of entry.mentions) {
      const spec = catalog.attribute(mention.name);
      if (!spec || spec.entry !== entry.kind) continue;
      const miscased = namePieces(mention).find((piece) => piece.written !== spec.name);
      if (!miscased) continue;
      found.push({
        code: 'winsync/attribute-case',
        severity: 'info',
        range: miscased.range,
        message: `"${miscased.written}" works (attribute names ignore case), but the canonical spelling is ${spec.name}.`,
        fixes: [{ title: `Write ${spec.name}`, edits: renameEdits(mention, spec.name), preferred: true }],
      });
    }
    return found;
  },
};
