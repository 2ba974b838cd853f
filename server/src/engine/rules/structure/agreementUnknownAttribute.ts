import type { Diagnostic } from '../../ldif/ast';
import { mentionNameRange, renameEdits } from '../attributeNames';
import { writesValues } from '../recordValues';
import type { RecordRule } from '../types';

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
export const agreementUnknownAttribute: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/agreement-unknown-attribute': {
      severity: 'error',
      group: 'structure',
      summary: 'An attribute the Windows sync agreement object class does not allow.',
    },
  },
  check(entry, { catalog }) {
    if (entry.kind !== 'agreement') return [];
    const found: Diagnostic[] = [];
    for (const mention of entry.mentions) {
      const { name } = mention;
      if (!writesValues(mention) || catalog.isAllowedOn('agreement', name) || catalog.attribute(name)) continue;
      if (catalog.kindByPrefix(name) || OPERATIONAL.has(name.toLowerCase())) continue;
      const suggestion = catalog.suggest(name, 'agreement');
      found.push({
        code: 'winsync/agreement-unknown-attribute',
        severity: 'error',
        range: mentionNameRange(mention),
        message: `${name} is not allowed on a Windows sync agreement: nsDSWindowsReplicationAgreement does not list it, so 389-DS refuses it with 65 (Object class violation: attribute not allowed).${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        ...(suggestion ? { fixes: [{ title: `Rename to ${suggestion}`, edits: renameEdits(mention, suggestion), preferred: true }] } : {}),
      });
    }
    return found;
  },
};
