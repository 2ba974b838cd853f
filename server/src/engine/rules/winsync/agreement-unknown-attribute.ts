import { mentionNameRange, renameEdits } from '../support/names';
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
 * An attribute outside nsDSWindowsReplicationAgreement on an agreement (the schema check
 * applies there, unlike on the extensibleObject plug-in entry). Winsync-prefixed and
 * catalog names are left to unknown-attribute and wrong-entry.
 */
export default {
  meta: {
    code: 'winsync/agreement-unknown-attribute',
    group: 'structure',
    severity: 'error',
    summary: 'An attribute the Windows sync agreement object class does not allow.',
    server:
      'The agreement entry is schema-checked: an attribute that nsDSWindowsReplicationAgreement does not allow is refused with 65 (Object class violation), and the whole change fails.',
    example: [
      ...replaceExample(AGREEMENT_DN, 'nsDS5ReplicaHostname', 'dc1.ad.example.com'),
      ...replaceSpec('winSyncInterval', '300'),
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (entry.kind !== 'agreement') return [];
    const found: Finding[] = [];
    for (const mention of entry.mentions) {
      const { name } = mention;
      if (!writesValues(mention) || catalog.isAllowedOn('agreement', name) || catalog.attribute(name)) continue;
      if (catalog.kindByPrefix(name) || OPERATIONAL.has(name.toLowerCase())) continue;
      const suggestion = catalog.suggest(name, 'agreement');
      found.push({
        range: mentionNameRange(mention),
        message: `${name} is not allowed on a Windows sync agreement: nsDSWindowsReplicationAgreement does not list it, so 389-DS refuses it with 65 (Object class violation: attribute not allowed).${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        ...(suggestion
          ? { fixes: [{ title: `Rename to ${suggestion}`, edits: renameEdits(mention, suggestion), preferred: true }] }
          : {}),
      });
    }
    return found;
  },
} satisfies RecordRule;
