import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/missing-newrdn',
    group: 'syntax',
    severity: 'error',
    summary: 'changetype: modrdn / moddn needs newrdn: and deleteoldrdn:.',
    server: 'ldapmodify stops with "expecting \\"newrdn:\\"", and the entry is not renamed.',
    example: [USER_DN, 'changetype: modrdn', 'deleteoldrdn: 1'],
  },
  scope: 'syntax',
  message: ({ data }) => `A ${data.changeType} record needs "newrdn: <new RDN>" on the next line.`,
} satisfies SyntaxRule<'ldif/missing-newrdn'>;
