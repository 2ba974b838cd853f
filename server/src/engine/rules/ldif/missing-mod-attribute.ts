import type { SyntaxRule } from '../types';
import { PLUGIN_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/missing-mod-attribute',
    group: 'syntax',
    severity: 'error',
    summary: 'A mod-spec names the attribute it changes, e.g. "replace: cn".',
    server: 'ldapmodify sends a change without an attribute type, which the server refuses, and the record fails.',
    example: [PLUGIN_DN, 'changetype: modify', 'replace:', '-'],
  },
  scope: 'syntax',
  message: ({ data }) =>
    `"${data.operation}:" must name the attribute it changes, e.g. "${data.operation}: description".`,
} satisfies SyntaxRule<'ldif/missing-mod-attribute'>;
