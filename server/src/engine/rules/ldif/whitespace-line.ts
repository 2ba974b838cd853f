import type { SyntaxRule } from '../types';

export default {
  meta: {
    code: 'ldif/whitespace-line',
    group: 'syntax',
    severity: 'warning',
    summary: 'A line of only white space separates nothing; a blank line must be empty.',
    server: 'ldapmodify does not take a line of spaces or tabs as the end of a record: it stops with "invalid format", or reads the next dn: as an attribute of the record above.',
    example: ['dn: cn=ipa-winsync,cn=plugins,cn=config', 'changetype: modify', 'replace: ipaWinSyncForceSync', 'ipaWinSyncForceSync: true', '-', '	', 'dn: cn=ad-sync,cn=replica,cn=dc\\3Dexample\\2Cdc\\3Dcom,cn=mapping tree,cn=config', 'changetype: modify', 'replace: winSyncInterval', 'winSyncInterval: 300', '-'],
  },
  scope: 'syntax',
  message: () => 'This line holds only white space: remove it, or make it empty if it should separate records.',
} satisfies SyntaxRule<'ldif/whitespace-line'>;
