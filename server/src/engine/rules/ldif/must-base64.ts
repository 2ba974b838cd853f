import { RecordTraits } from '../../ldif/ast';
import type { RecordRule } from '../types';
import { plainValuesToEncode } from '../support/base64Reasons';
import { base64Edit, valuePartRange } from '../support/edits';
import { USER_DN, replaceExample } from '../support/examples';

const WHY = {
  nul: 'The value contains a NUL character, which RFC 2849 only allows in base64 form: ldapmodify cuts the value off at the NUL.',
  cr: 'The value contains a carriage return (CR), which RFC 2849 only allows in base64 form: LDIF readers disagree on whether it ends the line.',
};

/** Plain values holding NUL or CR, which RFC 2849 requires to be written as `attr:: <base64>`. */
export default {
  meta: {
    code: 'ldif/must-base64',
    group: 'syntax',
    severity: 'error',
    summary: 'A plain value contains NUL or CR: RFC 2849 requires base64 ("::"), and tools cut or split such values.',
    server:
      'ldapmodify cuts a value off at a NUL, and LDIF readers disagree on whether a CR ends the line: the server gets another value than the file shows.',
    example: replaceExample(USER_DN, 'description', 'first\rsecond'),
  },
  scope: 'record',
  onlyWithTraits: RecordTraits.unsafePlainValue,
  check(entry) {
    return plainValuesToEncode(entry.record).flatMap(({ line, reason }) =>
      reason.kind === 'initial-char'
        ? []
        : [
            {
              range: valuePartRange(line, reason.at, reason.at + 1),
              message: WHY[reason.kind],
              fixes: [{ title: 'Base64-encode the value', edits: [base64Edit(line)], preferred: true }],
            },
          ],
    );
  },
} satisfies RecordRule;
