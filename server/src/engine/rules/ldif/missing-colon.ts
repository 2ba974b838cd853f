import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { PLUGIN_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/missing-colon',
    group: 'syntax',
    severity: 'error',
    summary: 'A line must be "attribute: value".',
    server: 'ldapmodify stops with "invalid format" at such a line, and nothing of the record is sent.',
    example: [PLUGIN_DN, 'changetype: modify', 'replace: ipaWinSyncForceSync', 'ipaWinSyncForceSync true', '-'],
  },
  scope: 'syntax',
  message: ({ data }) => `Expected "attribute: value" but this line has no colon: "${clip(data.text)}".`,
} satisfies SyntaxRule<'ldif/missing-colon'>;
