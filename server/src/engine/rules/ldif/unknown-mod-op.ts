import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { PLUGIN_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/unknown-mod-op',
    group: 'syntax',
    severity: 'error',
    summary: 'A mod-spec starts with add:, delete:, replace: or increment:.',
    server: 'ldapmodify stops with "modify operation type is missing", and nothing of the record is sent.',
    example: [PLUGIN_DN, 'changetype: modify', 'set: ipaWinSyncForceSync', 'ipaWinSyncForceSync: true', '-'],
  },
  scope: 'syntax',
  message: ({ data }) =>
    `"${clip(data.description)}:" cannot start a mod-spec: use add:, delete:, replace: or increment: followed by the attribute name.`,
} satisfies SyntaxRule<'ldif/unknown-mod-op'>;
