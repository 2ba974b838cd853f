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
      'ldapmodify reads only the first character: anything not starting with 0 (2, true, yes) is taken as 1, so the old RDN value is silently removed from the entry. White space after 0 or 1 is harmless.',
    example: [USER_DN, 'changetype: modrdn', 'newrdn: uid=jsmith2', 'deleteoldrdn: yes'],
  },
  scope: 'syntax',
  message: ({ data }) =>
    `deleteoldrdn must be 0 or 1, not "${clip(data.value)}": ldapmodify reads only its first character, so this silently means ${
      data.value.startsWith('0') ? '0 (the old RDN value stays)' : '1 (the old RDN value is removed)'
    }.`,
} satisfies SyntaxRule<'ldif/invalid-deleteoldrdn'>;
