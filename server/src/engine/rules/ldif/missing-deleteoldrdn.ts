import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/missing-deleteoldrdn',
    group: 'syntax',
    severity: 'error',
    summary: 'changetype: modrdn / moddn needs deleteoldrdn: 0 or 1.',
    server: 'ldapmodify stops, expecting more input after the newrdn: line, and the entry is not renamed.',
    example: [USER_DN, 'changetype: modrdn', 'newrdn: uid=jsmith2'],
  },
  scope: 'syntax',
  message: () =>
    'Add "deleteoldrdn: 1" (remove the old RDN value from the entry) or "deleteoldrdn: 0" (keep it) after newrdn:.',
} satisfies SyntaxRule<'ldif/missing-deleteoldrdn'>;
