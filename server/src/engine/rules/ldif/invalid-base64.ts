import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/invalid-base64',
    group: 'syntax',
    severity: 'error',
    summary: 'A "::" value must be valid base64.',
    server: 'ldapmodify stops with "invalid format" at the line, and nothing of the record is sent.',
    example: [USER_DN, 'changetype: modify', 'replace: description', 'description:: not base64!', '-'],
  },
  scope: 'syntax',
  message: () =>
    'Invalid base64 value: use only A–Z, a–z, 0–9, "+" and "/", with "=" padding to a multiple of 4 characters.',
} satisfies SyntaxRule<'ldif/invalid-base64'>;
