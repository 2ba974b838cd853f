import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/stray-dash',
    group: 'syntax',
    severity: 'error',
    summary: 'A "-" line only closes a mod-spec of a modify record.',
    server: 'ldapmodify stops with "missing attributeDescription" at the line, and nothing of the record is sent.',
    example: [USER_DN, 'changetype: add', 'objectClass: inetOrgPerson', 'cn: John Smith', 'sn: Smith', '-'],
  },
  scope: 'syntax',
  message: ({ data }) =>
    data.inModify
      ? 'This "-" closes no mod-spec; remove it.'
      : 'A "-" line only closes a mod-spec of a changetype: modify record; remove it.',
} satisfies SyntaxRule<'ldif/stray-dash'>;
