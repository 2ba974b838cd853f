import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';

export default {
  meta: {
    code: 'ldif/unsupported-version',
    group: 'syntax',
    severity: 'error',
    summary: 'The only LDIF version is 1.',
    server:
      'ldapmodify warns "invalid version" and reads on as if the file were version 1; stricter LDIF readers refuse the file.',
    example: ['version: 2', '', ...replaceExample(PLUGIN_DN, 'ipaWinSyncForceSync', 'true')],
  },
  scope: 'syntax',
  message: ({ data }) => `Unsupported LDIF version "${clip(data.version)}": the only version is 1.`,
} satisfies SyntaxRule<'ldif/unsupported-version'>;
