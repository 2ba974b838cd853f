import type { SyntaxRule } from '../types';

export default {
  meta: {
    code: 'ldif/invalid-control',
    group: 'syntax',
    severity: 'error',
    summary: 'control: takes an OID, an optional true/false criticality and an optional value.',
    server: 'ldapmodify stops with "Error processing control line", and nothing of the record is sent.',
    example: ['dn: ou=old,dc=example,dc=com', 'control: tree-delete true', 'changetype: delete'],
  },
  scope: 'syntax',
  message: () =>
    'Expected "control: <numeric OID> [true|false] [: value]", e.g. "control: 1.2.840.113556.1.4.805 true".',
} satisfies SyntaxRule<'ldif/invalid-control'>;
