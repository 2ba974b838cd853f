import type { Range } from '../../ldif/ast';
import { NOT_ALLOWED_ON_RDN } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import { exampleSchema, PERSON_DN, PERSON_TYPES } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

/** Only a modify played on the live entry shows it (the dry run's case): the editor does not know the entry. */
const meta = {
  code: 'schema/rdn-value-removed',
  group: 'schema',
  severity: 'error',
  summary: "A modify removes a value of the entry's RDN (389-DS answers 67).",
  server:
    "A modify that removes the value the entry's RDN names, while the attribute keeps other values, is refused with 67 (Not allowed on RDN), with no message; removing the attribute's last value is a missing MUST instead (65). Only a check that reads the entry first, as the dry run does, can tell.",
  example: [PERSON_DN, 'changetype: modify', 'delete: cn', 'cn: Jane Smith', '-'],
  exampleSchema: exampleSchema(PERSON_TYPES, ['top', 'person']),
  exampleEntry: { objectClass: ['top', 'person'], cn: ['Jane Smith', 'Jane'], sn: 'Smith' },
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

export function rdnValueRemovedFinding(range: Range | undefined): Finding {
  return {
    check: meta,
    answer: NOT_ALLOWED_ON_RDN,
    range,
    problem: "The modify removes a value of the entry's RDN: rename the entry (modrdn) first, or keep the value.",
  };
}
