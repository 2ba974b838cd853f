import type { SyntaxRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';

export default {
  meta: {
    code: 'ldif/orphan-continuation',
    group: 'syntax',
    severity: 'error',
    summary: 'A line starting with a space continues the previous line, but there is no line to continue.',
    server: 'ldapmodify stops with "invalid format" at the line; the records before it are still applied.',
    example: [...replaceExample(PLUGIN_DN, 'ipaWinSyncForceSync', 'true'), '', ' ipaWinSyncUserFlatten: true'],
  },
  scope: 'syntax',
  message: () =>
    'This line starts with a space, so it continues the previous line, but a blank line or the start of the file comes before it. Remove the leading space, or remove the blank line above.',
} satisfies SyntaxRule<'ldif/orphan-continuation'>;
