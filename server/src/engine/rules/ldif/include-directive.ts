import type { SyntaxRule } from '../types';
import { PLUGIN_DN, replaceExample } from '../support/examples';

export default {
  meta: {
    code: 'ldif/include-directive',
    group: 'syntax',
    severity: 'info',
    summary: 'include: is an OpenLDAP slapadd extension; ldapmodify and 389-DS do not read it.',
    server:
      "389-DS never sees the line: it is an instruction to the LDIF reader. OpenLDAP's ldapmodify 2.5 reads the named file in its place; winsync-ldif's apply skips it.",
    example: [
      'include: file:///etc/openldap/schema/core.ldif',
      '',
      ...replaceExample(PLUGIN_DN, 'ipaWinSyncForceSync', 'true'),
    ],
  },
  scope: 'syntax',
  message: () =>
    'include: is an OpenLDAP slapadd/slapd extension; ldapmodify and 389-DS ignore it, and apply skips it.',
} satisfies SyntaxRule<'ldif/include-directive'>;
