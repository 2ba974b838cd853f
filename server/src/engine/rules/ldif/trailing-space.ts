import { RecordTraits, type AttrLine, type Fix } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { base64Edit, valuePartRange } from '../support/edits';
import { eachValueLine } from '../support/recordLines';
import { USER_DN, replaceExample } from '../support/examples';

/**
 * Plain values ending in spaces (RFC 2849 note 8: SHOULD be base64-encoded); keywords ending in
 * spaces are ldif/keyword-trailing-space. The spaces may sit on the last line of a folded value;
 * ranges follow the fold.
 */
export default {
  meta: {
    code: 'ldif/trailing-space',
    group: 'syntax',
    severity: 'warning',
    summary: 'A plain value ends with spaces, which are invisible and handled differently by LDIF tools.',
    server:
      'ldapmodify sends the spaces as part of the value, so 389-DS stores and compares them (description: "hello " is stored with its space); other tools strip them.',
    example: replaceExample(USER_DN, 'description', 'on leave  '),
  },
  scope: 'record',
  onlyWithTraits: RecordTraits.trailingSpace,
  check(entry) {
    const found: Finding[] = [];
    eachValueLine(entry.record, (line) => {
      const count = line.encoding === 'plain' ? countTrailingSpaces(line.rawValue) : 0;
      if (count === 0) return;
      const them = count === 1 ? 'it' : 'them';
      found.push(
        finding(
          line,
          count,
          `The value of ${line.description} ends with ${spaces(count)}: ldapmodify sends ${them} as part of the value, other tools strip ${them}, and RFC 2849 says such a value should be base64-encoded.`,
          [removeFix(line, count), { title: 'Base64-encode the value (keeps the spaces)', edits: [base64Edit(line)] }],
        ),
      );
    });
    return found;
  },
} satisfies RecordRule;

function countTrailingSpaces(value: string): number {
  let count = 0;
  while (count < value.length && value.charCodeAt(value.length - 1 - count) === 32) count++;
  return count;
}

function spaces(count: number): string {
  return count === 1 ? 'a space' : `${count} spaces`;
}

function finding(line: AttrLine, count: number, message: string, fixes: Fix[]): Finding {
  const end = line.rawValue.length;
  return { range: valuePartRange(line, end - count, end), message, fixes };
}

function removeFix(line: AttrLine, count: number): Fix {
  const end = line.rawValue.length;
  return {
    title: 'Remove the trailing spaces',
    edits: [{ range: valuePartRange(line, end - count, end), newText: '' }],
    preferred: true,
  };
}
