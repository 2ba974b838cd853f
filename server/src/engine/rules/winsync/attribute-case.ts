import { namePieces, renameEdits } from '../support/names';
import type { Finding, RecordRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';
import { catalogMentions } from '../support/catalogValues';

/**
 * A catalog attribute spelt in another case. Names are case-insensitive (FreeIPA's own
 * ipa-winsync-conf.ldif writes ipaWinsyncHomeDirAttr), so this is only a style hint.
 */
export default {
  meta: {
    code: 'winsync/attribute-case',
    group: 'structure',
    severity: 'info',
    summary: 'A winsync attribute written in another case than its canonical spelling.',
    server:
      'Attribute names are case-insensitive: the server takes the name as written, so only the spelling differs from the documented one.',
    example: replaceExample(PLUGIN_DN, 'ipaWinsyncHomeDirAttr', 'ipaHomesRootDir'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { mention, spec } of catalogMentions(entry, catalog)) {
      if (spec.entry !== entry.kind) continue;
      const miscased = namePieces(mention).find((piece) => piece.written !== spec.name);
      if (!miscased) continue;
      found.push({
        range: miscased.range,
        message: `"${miscased.written}" works (attribute names ignore case), but the canonical spelling is ${spec.name}.`,
        fixes: [{ title: `Write ${spec.name}`, edits: renameEdits(mention, spec.name), preferred: true }],
      });
    }
    return found;
  },
} satisfies RecordRule;
