import { RecordTraits, type AttrLine } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { USER_DN } from '../support/examples';

/**
 * An attribute name folded across lines. RFC 2849 allows a fold anywhere, but OpenLDAP's
 * ldapmodify unfolds a value line only after its name: a folded name on a modify's value line
 * stops it with "wrong attributeType", and in an add it sends the name with the line break
 * (389-DS: 65 `attribute "descrip\0d\0dtion" not allowed`). A folded mod-spec header works.
 */
export default {
  meta: {
    code: 'ldif/folded-attribute-name',
    group: 'syntax',
    severity: 'error',
    summary: 'An attribute name is folded across lines, which ldapmodify does not unfold.',
    server:
      'RFC 2849 allows it, but OpenLDAP 2.5 ldapmodify does not unfold an attribute name: on a modify value line it stops with "wrong attributeType"; in an add it sends the name with the line break and 389-DS answers 65 (attribute not allowed).',
    example: [
      USER_DN,
      'changetype: add',
      'objectClass: inetOrgPerson',
      'cn: John Smith',
      'sn: Smith',
      'descrip',
      ' tion: on leave',
    ],
  },
  scope: 'record',
  onlyWithTraits: RecordTraits.foldedName,
  check({ record }) {
    const found: Finding[] = [];
    const visit = (line: AttrLine) => {
      const { segments } = line.line;
      if (segments.length > 1 && segments[1].offset <= line.description.length) found.push(folded(line));
    };
    for (const line of record.attributes) visit(line);
    for (const spec of record.modifications) for (const line of spec.values) visit(line);
    return found;
  },
} satisfies RecordRule;

function folded(line: AttrLine): Finding {
  const range = { start: line.nameRange.start, end: line.separatorRange.start };
  return {
    range,
    message: `The attribute name ${line.description} is folded across lines: ldapmodify does not unfold names (a modify stops with "wrong attributeType"; an add sends the line break in the name, and 389-DS answers 65). Write the name on one line.`,
    fixes: [
      {
        title: `Write ${line.description} on one line`,
        edits: [{ range, newText: line.description }],
        preferred: true,
      },
    ],
  };
}
