import { isDescendantOrSelf, sameDn } from '../../dn/dn';
import type { RecordRule } from '../types';
import { hasText } from '../support/dnPlaces';

/**
 * A modrdn or moddn of an entry under cn=config. 389-DS 2.3.1 refuses every one (measured on
 * agreements of both kinds, the replica, the mapping-tree entry, plug-in and backend entries,
 * cn=encryption and an added nsContainer): renames stay under cn=config as configuration.
 */
export default {
  meta: {
    code: 'dn/config-rename',
    group: 'structure',
    severity: 'error',
    summary: 'An entry under cn=config is renamed or moved, which 389-DS refuses.',
    server:
      '389-DS answers 53 "Operation on Directory Specific Entry not allowed" for any rename of an entry under cn=config (an agreement, the replica, a plug-in, a backend), with deleteoldrdn 0 or 1 and to the same RDN; a newsuperior outside cn=config is 71 "Cannot move entries across backends". Nothing moves.',
    example: [
      'dn: cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config',
      'changetype: modrdn',
      'newrdn: cn=ad-sync-old',
      'deleteoldrdn: 1',
    ],
  },
  scope: 'record',
  check({ record, kind }) {
    const line = record.dn;
    // The plug-in entry's own rule (winsync/plugin-entry-delete) says what renaming it does.
    if ((record.kind !== 'modrdn' && record.kind !== 'moddn') || !hasText(line) || kind === 'ipa-winsync') return [];
    if (
      !/config\s*$/i.test(line.value) ||
      !isDescendantOrSelf(line.value, 'cn=config') ||
      sameDn(line.value, 'cn=config')
    )
      return [];
    const superior = record.newSuperior?.value?.trim();
    const leaves = superior !== undefined && superior !== '' && !isDescendantOrSelf(superior, 'cn=config');
    return [
      {
        range: (record.changeTypeLine ?? line).line.range,
        message: leaves
          ? '389-DS does not move entries out of cn=config: it answers 71 "Cannot move entries across backends". Add the entry where it belongs and delete this one instead.'
          : '389-DS refuses to rename entries under cn=config: it answers 53 "Operation on Directory Specific Entry not allowed". To rename an agreement or other configuration entry, add it under the new name and delete the old one.',
      },
    ];
  },
} satisfies RecordRule;
