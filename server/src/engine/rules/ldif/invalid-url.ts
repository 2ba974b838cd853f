import { clip } from '../support/wording';
import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

export default {
  meta: {
    code: 'ldif/invalid-url',
    group: 'syntax',
    severity: 'error',
    summary: 'A ":<" value must be a URL, e.g. file:///path.',
    server: 'ldapmodify stops with "invalid format" at the line, and nothing of the record is sent.',
    example: [USER_DN, 'changetype: modify', 'replace: jpegPhoto', 'jpegPhoto:< /tmp/photo.jpg', '-'],
  },
  scope: 'syntax',
  message: ({ data }) => `"${clip(data.url)}" is not a URL; write file:///absolute/path.`,
} satisfies SyntaxRule<'ldif/invalid-url'>;
