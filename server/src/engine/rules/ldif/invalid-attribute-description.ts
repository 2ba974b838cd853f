import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/invalid-attribute-description',
    group: 'syntax',
    severity: 'error',
    summary: 'Attribute names are a letter followed by letters, digits and hyphens (or a numeric OID), then ;options.',
    server:
      'ldapmodify passes the name on, and the server refuses it: 389-DS answers 21 (Invalid syntax) or 17 (Undefined attribute type), and the whole record fails.',
    example: [
      USER_DN,
      'changetype: add',
      'objectClass: inetOrgPerson',
      'cn: John Smith',
      'sn: Smith',
      'given name: John',
    ],
  },
  scope: 'syntax',
  message: ({ data }) =>
    data.description.trim() === ''
      ? 'Missing attribute name before ":".'
      : `Invalid attribute name "${clip(data.description)}": use a letter followed by letters, digits or "-" (or a numeric OID), then optional ";options", with no spaces before the colon.`,
} satisfies SyntaxRule<'ldif/invalid-attribute-description'>;
