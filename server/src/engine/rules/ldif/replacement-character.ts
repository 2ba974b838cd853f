import type { SyntaxRule } from '../types';
import { USER_DN, replaceExample } from '../support/examples';

export default {
  meta: {
    code: 'ldif/replacement-character',
    group: 'syntax',
    severity: 'error',
    summary: 'U+FFFD stands where the file had bytes that are not valid UTF-8; the original bytes are lost.',
    server: 'The server stores U+FFFD as a character: the value sent is not the one the file once held.',
    example: replaceExample(USER_DN, 'description', 'M\ufffdller'),
  },
  scope: 'syntax',
  message: () =>
    'This line holds U+FFFD (�), which stands for bytes that are not valid UTF-8: the file was probably saved in another encoding (e.g. Latin-1) or holds binary data, and the original bytes are lost. Save the file as UTF-8, and write binary values in base64 ("attr:: …").',
} satisfies SyntaxRule<'ldif/replacement-character'>;
