import type { SyntaxRule } from '../types';
import { AGREEMENT_DN, PLUGIN_DN, replaceExample } from '../support/examples';

export default {
  meta: {
    code: 'ldif/whitespace-line',
    group: 'syntax',
    severity: 'warning',
    summary: 'A line of only white space separates nothing; a blank line must be empty.',
    server:
      'ldapmodify does not take a line of spaces or tabs as the end of a record: it stops with "invalid format", or reads the next dn: as an attribute of the record above.',
    example: [
      ...replaceExample(PLUGIN_DN, 'ipaWinSyncForceSync', 'true'),
      '\t',
      ...replaceExample(AGREEMENT_DN, 'winSyncInterval', '300'),
    ],
  },
  scope: 'syntax',
  message: () => 'This line holds only white space: remove it, or make it empty if it should separate records.',
} satisfies SyntaxRule<'ldif/whitespace-line'>;
