import type { SyntaxRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';

export default {
  meta: {
    code: 'ldif/mixed-records',
    group: 'syntax',
    severity: 'info',
    summary: 'RFC 2849 files hold either content records or change records; ldapmodify needs -a for content records.',
    server:
      'Without -a, ldapmodify stops at the first content record ("modify operation type is missing"); with -a it adds them. winsync-ldif\'s apply adds them.',
    example: [
      'dn: ou=Sync,dc=example,dc=com',
      'objectClass: organizationalUnit',
      'ou: Sync',
      '',
      ...replaceExample(PLUGIN_DN, 'ipaWinSyncForceSync', 'true'),
    ],
  },
  scope: 'syntax',
  message: () =>
    'This file mixes content records (no changetype) with change records. RFC 2849 allows one kind per file; ldapmodify applies content records only with -a, and winsync-ldif applies them as adds.',
} satisfies SyntaxRule<'ldif/mixed-records'>;
