import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/unsupported-url-scheme',
    group: 'syntax',
    severity: 'warning',
    summary: 'Only file:// URLs are read by ldapmodify and winsync-ldif.',
    server:
      'ldapmodify reads only file:// URLs and stops with "invalid format" at any other; winsync-ldif\'s apply refuses the record too.',
    example: [USER_DN, 'changetype: modify', 'replace: jpegPhoto', 'jpegPhoto:< https://example.com/photo.jpg', '-'],
  },
  scope: 'syntax',
  message: ({ data }) => `Only file:// URLs are read when applying; "${clip(data.url)}" would fail.`,
} satisfies SyntaxRule<'ldif/unsupported-url-scheme'>;
