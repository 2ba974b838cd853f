import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/invalid-deleteoldrdn',
    group: 'syntax',
    severity: 'error',
    summary: 'deleteoldrdn must be 0 or 1.',
    server:
      'ldapmodify does not check the value: anything but 0 is taken as 1, so the old RDN value is removed from the entry.',
    example: [USER_DN, 'changetype: modrdn', 'newrdn: uid=jsmith2', 'deleteoldrdn: yes'],
  },
  scope: 'syntax',
  message: ({ data }) => `deleteoldrdn must be 0 or 1, not "${clip(data.value)}".`,
} satisfies SyntaxRule<'ldif/invalid-deleteoldrdn'>;
