import { RecordTraits, type AttrLine, type Range } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { valuePartRange } from '../support/edits';
import { USER_DN } from '../support/examples';

/**
 * Spaces after a keyword that ldapmodify (OpenLDAP 2.5) compares literally: the changetype, a
 * mod-spec header followed by values, and a `-` separator. It then stops at the record, so
 * nothing of it is sent. Spaces after `deleteoldrdn:`, `newrdn:` or `dn:` it takes, and values
 * ending in spaces are ldif/trailing-space.
 */
export default {
  meta: {
    code: 'ldif/keyword-trailing-space',
    group: 'syntax',
    severity: 'error',
    milder: {
      severity: 'warning',
      when: 'after a mod-spec header without values (`delete: cn `), which ldapmodify happens to apply',
    },
    summary: 'A changetype, a mod-spec header or a "-" separator ends with spaces, which ldapmodify does not accept.',
    server:
      'ldapmodify compares these keywords with the spaces and stops at the record: "unknown changetype \\"modify \\"", "wrong attributeType" for a header followed by values, "invalid format" for "- ". Nothing of the record is sent (measured with OpenLDAP 2.5.13, exit 247).',
    example: [USER_DN, 'changetype: modify ', 'replace: description', 'description: on leave', '-'],
  },
  scope: 'record',
  onlyWithTraits: RecordTraits.trailingSpace,
  check({ record }) {
    const found: Finding[] = [];
    const change = record.changeTypeLine;
    if (change && endsWithSpace(change.rawValue))
      found.push(
        keywordFinding(
          change,
          `"changetype: ${change.rawValue}" ends with ${spaces(change.rawValue)}: ldapmodify reads the changetype "${change.rawValue}", stops with "unknown changetype" and sends nothing of the record.`,
        ),
      );
    for (const spec of record.modifications) {
      const { header } = spec;
      if (endsWithSpace(header.rawValue))
        found.push(
          spec.values.length > 0
            ? keywordFinding(
                header,
                `"${header.description}: ${header.rawValue}" ends with ${spaces(header.rawValue)}: ldapmodify compares "${header.rawValue}" with the attribute of each value line, stops with "wrong attributeType" and sends nothing of the record.`,
              )
            : {
                ...keywordFinding(
                  header,
                  `"${header.description}: ${header.rawValue}" ends with ${spaces(header.rawValue)}: ldapmodify happens to apply it since no value line follows, but other tools read the attribute "${header.rawValue}".`,
                ),
                mild: true,
              },
        );
      const dash = spec.terminator;
      if (dash && dash.start.line === dash.end.line && dash.end.character - dash.start.character > 1) {
        const range: Range = { start: { line: dash.start.line, character: dash.start.character + 1 }, end: dash.end };
        found.push({
          range,
          message:
            'The "-" that closes the mod-spec is followed by white space: ldapmodify stops with "invalid format" and sends nothing of the record.',
          fixes: [{ title: 'Remove the trailing white space', edits: [{ range, newText: '' }], preferred: true }],
        });
      }
    }
    return found;
  },
} satisfies RecordRule;

function endsWithSpace(value: string): boolean {
  return value.charCodeAt(value.length - 1) === 32;
}

function trailingCount(value: string): number {
  return value.length - value.trimEnd().length;
}

function spaces(value: string): string {
  const count = trailingCount(value);
  return count === 1 ? 'a space' : `${count} spaces`;
}

function keywordFinding(line: AttrLine, message: string): Finding {
  const end = line.rawValue.length;
  const range = valuePartRange(line, end - trailingCount(line.rawValue), end);
  return {
    range,
    message,
    fixes: [{ title: 'Remove the trailing spaces', edits: [{ range, newText: '' }], preferred: true }],
  };
}
