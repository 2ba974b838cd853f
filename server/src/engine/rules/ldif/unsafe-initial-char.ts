import { RecordTraits } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { plainValuesToEncode } from '../support/base64Reasons';
import { base64Edit, valuePartRange } from '../support/edits';
import { USER_DN, replaceExample } from '../support/examples';

/** Plain values starting with ':' or '<', which RFC 2849 requires to be written as `attr:: <base64>`. */
export default {
  meta: {
    code: 'ldif/unsafe-initial-char',
    group: 'syntax',
    severity: 'warning',
    summary:
      'A plain value starts with ":" or "<": RFC 2849 requires base64 ("::"); common tools cope, strict readers do not.',
    server:
      'ldapmodify and python-ldap read the value as text because of the space before it, and 389-DS stores it; readers that follow RFC 2849 strictly refuse the line or take it for a base64 value or a URL.',
    example: replaceExample(USER_DN, 'description', ':-) on leave'),
  },
  scope: 'record',
  onlyWithTraits: RecordTraits.unsafePlainValue,
  check(entry) {
    const found: Finding[] = [];
    for (const { line, reason } of plainValuesToEncode(entry.record)) {
      if (reason.kind !== 'initial-char') continue;
      const { char } = reason;
      found.push({
        range: valuePartRange(line, 0, 1),
        message: `The value starts with '${char}', which RFC 2849 only allows in base64 form. ldapmodify and python-ldap read it as text because of the space before it, but stricter readers reject the line or take "${char === ':' ? '::' : ':<'}" for ${char === ':' ? 'a base64 value' : 'a URL'}.`,
        fixes: [{ title: 'Base64-encode the value', edits: [base64Edit(line)], preferred: true }],
      });
    }
    return found;
  },
} satisfies RecordRule;
