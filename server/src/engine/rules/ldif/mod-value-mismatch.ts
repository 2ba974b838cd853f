import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/mod-value-mismatch',
    group: 'syntax',
    severity: 'error',
    summary: 'A value line inside a mod-spec must name the attribute of its mod-spec.',
    server: 'ldapmodify stops with "wrong attributeType", and nothing of the record is sent.',
    example: [USER_DN, 'changetype: modify', 'replace: description', 'descripton: on leave', '-'],
  },
  scope: 'syntax',
  message: ({ data }) =>
    `This value is for "${clip(data.description)}" but the mod-spec changes "${clip(data.attribute)}": close the mod-spec with "-" and start "${data.operation}: ${data.description}", or rename the line.`,
} satisfies SyntaxRule<'ldif/mod-value-mismatch'>;
