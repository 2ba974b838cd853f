import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/content-after-delete',
    group: 'syntax',
    severity: 'error',
    summary: 'changetype: delete takes no further lines.',
    server: 'ldapmodify stops with "extra lines at end", and the entry is not deleted.',
    example: [USER_DN, 'changetype: delete', 'description: leaving'],
  },
  scope: 'syntax',
  message: () =>
    'changetype: delete removes the whole entry and takes no further lines; remove this line or use changetype: modify.',
} satisfies SyntaxRule<'ldif/content-after-delete'>;
