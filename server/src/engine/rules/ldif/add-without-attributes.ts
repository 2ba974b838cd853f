import type { SyntaxRule } from '../types';
import { AGREEMENT_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/add-without-attributes',
    group: 'syntax',
    severity: 'error',
    summary: 'changetype: add needs at least one attribute.',
    server:
      'ldapmodify sends an add without attributes, and the server refuses it: an entry needs at least its object classes.',
    example: [AGREEMENT_DN, 'changetype: add'],
  },
  scope: 'syntax',
  message: () => "changetype: add needs the new entry's attributes (at least objectClass) on the following lines.",
} satisfies SyntaxRule<'ldif/add-without-attributes'>;
