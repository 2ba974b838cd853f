import type { Finding, RecordRule } from '../types';
import { base64Reason } from '../support/base64Reasons';
import { base64Edit, valuePartRange } from '../support/edits';
import { eachValueLine } from '../support/recordLines';

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
    server: 'ldapmodify cuts a value off at a NUL, and LDIF readers disagree on whether a CR ends the line: the server gets another value than the file shows.',
    example: ['dn: uid=jsmith,ou=People,dc=example,dc=com', 'changetype: modify', 'replace: description', 'description: first\rsecond', '-'],
  },
  scope: 'record',
  check(entry) {
    const found: Finding[] = [];
    eachValueLine(entry.record, (line) => {
      if (line.encoding !== 'plain') return;
      const reason = base64Reason(line.rawValue);
      if (reason === undefined || reason.kind === 'initial-char') return;
      found.push({
        range: valuePartRange(line, reason.at, reason.at + 1),
        message: WHY[reason.kind],
        fixes: [{ title: 'Base64-encode the value', edits: [base64Edit(line)], preferred: true }],
      });
    });
    return found;
  },
} satisfies RecordRule;
