import type { Range } from '../../ldif/ast';
import { NO_OBJECT_CLASS } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import { exampleSchema, PERSON_DN } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/no-object-class',
  group: 'schema',
  severity: 'error',
  summary: 'An added entry has no objectClass attribute.',
  server:
    'It is the first thing the schema check looks at: 389-DS refuses an entry without objectClass values with 65 (Object class violation), "missing required attribute "objectclass"".',
  example: [PERSON_DN, 'changetype: add', 'cn: Jane Smith', 'sn: Smith'],
  exampleSchema: exampleSchema(['cn', 'sn']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

/** The first thing 389-DS checks: an entry without objectClass values. */
export function findNoObjectClass(hasObjectClass: boolean, dnRange: () => Range | undefined): Finding[] {
  if (hasObjectClass) return [];
  return [
    {
      check: meta,
      answer: NO_OBJECT_CLASS,
      range: dnRange(),
      problem:
        'The entry has no objectClass: every entry needs at least one structural class, e.g. "objectClass: inetOrgPerson".',
    },
  ];
}
