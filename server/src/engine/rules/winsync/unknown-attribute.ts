import type { Catalog, EntryKind } from '../../catalog';
import type { LdifRecord } from '../../ldif/ast';
import { mentionNameRange, renameEdits } from '../support/names';
import { ENTRY_LOCATION } from '../support/wording';
import { writesValues } from '../support/recordSettings';
import type { Finding, RecordRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';

/**
 * An `ipaWinSync…` name the plug-in does not know (on any entry), or an unknown name with
 * an agreement prefix (`winSync…`, `nsds7…`) on an agreement. Removing such an attribute is
 * cleanup of an earlier typo, so only writes are reported.
 */
export default {
  meta: {
    code: 'winsync/unknown-attribute',
    group: 'structure',
    severity: 'error',
    summary: 'An ipaWinSync… or agreement attribute name that the plug-in does not know.',
    server:
      'The plug-in entry is an extensibleObject: 389-DS stores a misspelt ipaWinSync… attribute without complaint, and the plug-in never reads it. On an agreement an unknown name is refused with 65 (Object class violation).',
    example: replaceExample(PLUGIN_DN, 'ipaWinSyncAcctDisabled', 'both'),
  },
  scope: 'record',
  check(entry, { catalog }) {
    if (entry.kind === undefined && !namesPluginPrefix(entry.record, catalog)) return [];
    const found: Finding[] = [];
    for (const mention of entry.mentions) {
      const owner = catalog.kindByPrefix(mention.name);
      if (!owner || (owner === 'agreement' && entry.kind !== 'agreement')) continue;
      if (!writesValues(mention) || catalog.attribute(mention.name)) continue;
      const suggestion = catalog.suggest(mention.name, owner);
      const whose = owner === 'ipa-winsync' ? 'the ipa-winsync plug-in has' : 'Windows sync agreements have';
      found.push({
        range: mentionNameRange(mention),
        message: `Unknown attribute "${mention.name}": ${whose} no such setting.${suggestion ? ` Did you mean ${suggestion}?` : ''} ${consequence(entry.kind)}`,
        ...(suggestion
          ? { fixes: [{ title: `Rename to ${suggestion}`, edits: renameEdits(mention, suggestion), preferred: true }] }
          : {}),
      });
    }
    return found;
  },
} satisfies RecordRule;

/**
 * Whether a line or mod-spec of the record names an `ipaWinSync…` attribute: on an ordinary
 * entry nothing else can be reported, and most records are ordinary, so this look at their
 * names spares listing their mentions.
 */
function namesPluginPrefix(record: LdifRecord, catalog: Catalog): boolean {
  return (
    record.attributes.some((line) => catalog.kindByPrefix(line.name) === 'ipa-winsync') ||
    record.modifications.some((spec) => catalog.kindByPrefix(spec.attribute) === 'ipa-winsync')
  );
}

function consequence(target: EntryKind | undefined): string {
  switch (target) {
    case 'ipa-winsync':
      return 'The plug-in entry is an extensibleObject, so 389-DS stores any attribute on it without complaint, but the plug-in never reads this one: the setting silently does nothing.';
    case 'agreement':
      return 'nsDSWindowsReplicationAgreement does not allow it, so 389-DS refuses it with 65 (Object class violation).';
    case undefined:
      return `The plug-in reads its settings only from ${ENTRY_LOCATION['ipa-winsync']}, and 389-DS has no schema for this name: unless the entry is an extensibleObject, it is refused with 65 (Object class violation).`;
  }
}
