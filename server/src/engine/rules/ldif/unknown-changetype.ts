import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { PLUGIN_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/unknown-changetype',
    group: 'syntax',
    severity: 'error',
    summary: 'changetype must be add, delete, modify, modrdn or moddn.',
    server: 'ldapmodify stops with "unknown changetype", and nothing of the record is sent.',
    example: [PLUGIN_DN, 'changetype: update', 'replace: ipaWinSyncForceSync', 'ipaWinSyncForceSync: true', '-'],
  },
  scope: 'syntax',
  message: ({ data }) => `Unknown changetype "${clip(data.changeType)}": use add, delete, modify, modrdn or moddn.`,
} satisfies SyntaxRule<'ldif/unknown-changetype'>;
