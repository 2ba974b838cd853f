import type { RecordRule } from '../types';
import { USER_DN } from '../support/examples';

const SUBSCHEMA = /^\s*cn\s*=\s*schema\s*$/i;

/**
 * A record that changes nothing: only a dn: line, or changetype: modify without a mod-spec.
 * (changetype: add without attributes is ldif/add-without-attributes, an error: 389-DS refuses it.)
 */
export default {
  meta: {
    code: 'ldif/empty-change',
    group: 'structure',
    severity: 'warning',
    summary: 'A record has a DN but no attributes or changes.',
    server:
      'ldapmodify sends a record with only a dn: line, or a modify without mod-specs, as an empty modify: 389-DS answers 0 and changes nothing but modifyTimestamp and modifiersName. ldapmodify -a, and winsync-ldif apply, read a dn-only record as an add without attributes, which 389-DS refuses with 2 (Protocol error).',
    example: [USER_DN, 'changetype: modify'],
  },
  scope: 'record',
  check({ record }) {
    const dn = record.dn;
    if (!dn) return [];
    // A schema file without definitions (389-DS's 99user.ldif) is only "dn: cn=schema".
    if (record.kind === 'content' && record.attributes.length === 0 && !SUBSCHEMA.test(dn.value ?? ''))
      return [
        {
          range: dn.nameRange,
          message:
            'This record is only a dn: line: ldapmodify sends it as an empty modify, which changes nothing; read as an add (ldapmodify -a, winsync-ldif apply) it has no attributes and 389-DS answers 2. Add its attributes or changes, or remove it.',
        },
      ];
    if (record.kind === 'modify' && record.modifications.length === 0)
      return [
        {
          range: (record.changeTypeLine ?? dn).line.range,
          message:
            'This modify has no mod-spec: it is sent as an empty modify, which changes nothing but modifyTimestamp. Add "replace: <attribute>" with its values, or remove the record.',
        },
      ];
    return [];
  },
} satisfies RecordRule;
