import type { RecordRule } from '../types';
import { PLUGIN_DN } from '../support/examples';

/** Deleting or renaming cn=ipa-winsync,cn=plugins,cn=config, which the plug-in refuses. */
export default {
  meta: {
    code: 'winsync/plugin-entry-delete',
    group: 'structure',
    severity: 'error',
    summary: 'The ipa-winsync plug-in entry is deleted or renamed, which the plug-in refuses.',
    server:
      'The plug-in refuses DELETE and MODRDN of its entry: 389-DS answers 53 (Unwilling to perform), and the entry stays.',
    example: [PLUGIN_DN, 'changetype: delete'],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry) {
    const { record } = entry;
    const dn = record.dn;
    if (
      entry.kind !== 'ipa-winsync' ||
      !dn ||
      (record.kind !== 'delete' && record.kind !== 'modrdn' && record.kind !== 'moddn')
    )
      return [];
    return [
      {
        range: (record.changeTypeLine ?? dn).line.range,
        message: `The ipa-winsync plug-in refuses to be ${record.kind === 'delete' ? 'deleted' : 'renamed'}: 389-DS answers 53 (Unwilling to perform). To switch the plug-in off, set nsslapd-pluginEnabled: off and restart the server.`,
      },
    ];
  },
} satisfies RecordRule;
