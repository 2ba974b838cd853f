import type { SyntaxRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';

export default {
  meta: {
    code: 'ldif/missing-dn',
    group: 'syntax',
    severity: 'error',
    summary: 'A record must start with a dn: line.',
    server:
      "OpenLDAP's ldapmodify skips lines before a dn: without a word, so their changes are silently lost; other LDIF readers stop with a format error. The usual cause is a blank line inside a record, which splits it in two.",
    example: [...replaceExample(PLUGIN_DN, 'ipaWinSyncForceSync', 'true'), '', 'ipaWinSyncUserFlatten: true'],
  },
  scope: 'syntax',
  message: () =>
    'A record must start with "dn: <distinguished name>"; this record starts with another line. If it belongs to the record above, remove the blank line before it.',
} satisfies SyntaxRule<'ldif/missing-dn'>;
