import type { SyntaxRule } from '../types';
import { USER_DN } from '../support/examples';

const WHERE = {
  name: 'in the attribute name',
  'value-start': 'right after the colon, so it starts the value instead of separating it',
  value: 'inside the value',
} as const;

export default {
  meta: {
    code: 'ldif/no-break-space',
    group: 'syntax',
    severity: 'warning',
    summary: 'A no-break space (U+00A0), usually pasted from a web page, where a plain space was meant.',
    server:
      'ldapmodify sends the character as part of the value (or the name), and 389-DS stores it: the value then differs from what it looks like, or the name is refused.',
    example: [USER_DN, 'changetype: modify', 'replace: description', 'description:\u00a0on leave', '-'],
  },
  scope: 'syntax',
  message: ({ data }) => {
    const count = data.spaces.length;
    const what = count === 1 ? 'a no-break space (U+00A0)' : `${count} no-break spaces (U+00A0)`;
    return `This line has ${what} ${WHERE[data.where]}; it usually comes from copying a web page, and the server keeps it as a character. Replace it with a plain space.`;
  },
  fixes: ({ data }) => [
    {
      title: 'Replace no-break spaces with spaces',
      edits: data.spaces.map((range) => ({ range, newText: ' ' })),
      preferred: true,
    },
  ],
} satisfies SyntaxRule<'ldif/no-break-space'>;
