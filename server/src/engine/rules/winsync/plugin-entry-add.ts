import type { Catalog } from '../../catalog';
import type { AttrLine, Fix, LdifRecord } from '../../ldif/ast';
import type { RecordRule } from '../types';
import { PLUGIN_DN } from '../support/examples';

/**
 * Creating cn=ipa-winsync,cn=plugins,cn=config. FreeIPA creates the entry at install time, so
 * LDIF should only ever modify it.
 */
export default {
  meta: {
    code: 'winsync/plugin-entry-add',
    group: 'structure',
    severity: 'warning',
    summary: 'The ipa-winsync plug-in entry is added instead of modified.',
    server:
      'FreeIPA creates the entry when it installs: an add fails with 68 (Already exists) on a FreeIPA server and with 53 "Invalid plugin path" on plain 389-DS, and put into dse.ldif while the server is stopped it keeps 389-DS from starting.',
    example: [
      PLUGIN_DN,
      'changetype: add',
      'objectClass: top',
      'objectClass: nsSlapdPlugin',
      'objectClass: extensibleObject',
      'cn: ipa-winsync',
      'ipaWinSyncAcctDisable: both',
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const { record } = entry;
    const dn = record.dn;
    if (entry.kind !== 'ipa-winsync' || !dn || (record.kind !== 'add' && record.kind !== 'content')) return [];
    const fix = asModify(record, catalog);
    return [
      {
        range: (record.changeTypeLine ?? dn).line.range,
        message: `${record.kind === 'add' ? 'This adds' : 'As a content record this creates'} the ipa-winsync plug-in entry, which FreeIPA creates when it installs: on a FreeIPA server the add fails with 68 (Already exists), on plain 389-DS with 53 "Invalid plugin path" (libipa_winsync is not installed), and put into dse.ldif while the server is stopped it keeps 389-DS from starting. Change the existing entry with changetype: modify instead.`,
        ...(fix ? { fixes: [fix] } : {}),
      },
    ];
  },
} satisfies RecordRule;

/** The plug-in settings of the record as a modify of the existing entry, one replace per attribute. */
function asModify(record: LdifRecord, catalog: Catalog): Fix | undefined {
  const groups = new Map<string, AttrLine[]>();
  for (const line of record.attributes) {
    if (catalog.kindByPrefix(line.name) !== 'ipa-winsync') continue;
    const key = line.description.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const first = record.changeTypeLine ?? record.attributes[0];
  const last = record.attributes[record.attributes.length - 1];
  if (groups.size === 0 || !first || !last) return undefined;
  // Rewriting the lines would drop the comments between them.
  if (record.comments.some((comment) => comment.line.range.start.line > first.line.range.start.line)) return undefined;
  const specs = [...groups.values()].map((lines) =>
    [`replace: ${lines[0].description}`, ...lines.map((line) => line.line.text), '-'].join('\n'),
  );
  return {
    title: 'Rewrite as a modify that replaces the ipaWinSync settings',
    edits: [
      {
        range: { start: first.line.range.start, end: last.line.range.end },
        newText: ['changetype: modify', ...specs].join('\n'),
      },
    ],
  };
}
