import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/unexpected-modrdn-line',
    group: 'syntax',
    severity: 'error',
    summary: 'After changetype: modrdn only newrdn:, deleteoldrdn: and newsuperior: may follow, in that order.',
    server: 'ldapmodify stops, expecting the next rename keyword, and the entry is not renamed.',
    example: [USER_DN, 'changetype: modrdn', 'newrdn: uid=jsmith2', 'deleteoldrdn: 1', 'description: renamed'],
  },
  scope: 'syntax',
  message: ({ data }) =>
    `Unexpected "${clip(data.description)}:" in a ${data.changeType} record: only newrdn:, deleteoldrdn: and newsuperior: may follow, in that order.`,
} satisfies SyntaxRule<'ldif/unexpected-modrdn-line'>;
