import { isAgreementKind } from '../../catalog';
import { mentionNameRange, renameEdits } from '../support/names';
import { foreignConsequence } from '../support/wording';
import { writesValues } from '../support/recordSettings';
import type { Finding, RecordRule } from '../types';
import { AGREEMENT_DN, replaceExample, replaceSpec } from '../support/examples';

// Operational attributes: the server keeps them on every entry and never checks them against
// the object class, and they appear in ldapsearch dumps and dse.ldif.
const OPERATIONAL = new Set(
  [
    'aci',
    'createTimestamp',
    'creatorsName',
    'modifyTimestamp',
    'modifiersName',
    'entryid',
    'entrydn',
    'entryUUID',
    'entryUSN',
    'nsUniqueId',
    'parentid',
    'numSubordinates',
    'hasSubordinates',
    'subschemaSubentry',
  ].map((name) => name.toLowerCase()),
);

/**
 * An attribute outside the agreement's object class on an agreement of any kind (the schema
 * check applies there, unlike on the extensibleObject plug-in entry). Winsync-prefixed and
 * catalog names are left to unknown-attribute and wrong-entry.
 */
export default {
  meta: {
    code: 'winsync/agreement-unknown-attribute',
    group: 'structure',
    severity: 'error',
    summary: "An attribute the agreement's object class does not allow.",
    server:
      'The agreement entry is schema-checked: an attribute that nsDSWindowsReplicationAgreement does not allow is refused with 65 (Object class violation), and the whole change fails; a plain agreement refuses it with 65 on add and 53 on modify.',
    example: [
      ...replaceExample(AGREEMENT_DN, 'nsDS5ReplicaHostname', 'dc1.ad.example.com'),
      ...replaceSpec('winSyncInterval', '300'),
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const kind = entry.kind;
    if (kind === undefined || !isAgreementKind(kind)) return [];
    const title = catalog.entryKind(kind).title;
    const found: Finding[] = [];
    for (const mention of entry.mentions) {
      const { name } = mention;
      if (!writesValues(mention) || catalog.isAllowedOn(kind, name) || catalog.attribute(name)) continue;
      if (catalog.kindByPrefix(name) || OPERATIONAL.has(name.toLowerCase())) continue;
      const suggestion = catalog.suggest(name, kind);
      found.push({
        range: mentionNameRange(mention),
        message: `${name} is not allowed on a ${title}. ${foreignConsequence(name, entry, catalog)}${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        ...(suggestion
          ? { fixes: [{ title: `Rename to ${suggestion}`, edits: renameEdits(mention, suggestion), preferred: true }] }
          : {}),
      });
    }
    return found;
  },
} satisfies RecordRule;
