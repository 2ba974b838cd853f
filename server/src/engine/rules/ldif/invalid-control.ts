import type { SyntaxRule } from '../types';

export default {
  meta: {
    code: 'ldif/invalid-control',
    group: 'syntax',
    severity: 'error',
    summary:
      'control: takes a numeric OID, an optional true/false criticality and an optional value (base64 after ::).',
    server: 'ldapmodify stops with "Error processing control line", and nothing of the record is sent.',
    example: ['dn: ou=old,dc=example,dc=com', 'control: tree-delete true', 'changetype: delete'],
  },
  scope: 'syntax',
  message: () =>
    'Expected "control: <numeric OID> [true|false] [: value | :: base64]", e.g. "control: 1.2.840.113556.1.4.805 true", with valid base64 after "::".',
} satisfies SyntaxRule<'ldif/invalid-control'>;
