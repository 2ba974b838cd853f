import type { Range } from '../../ldif/ast';
import { NO_SUCH_VALUE } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import { exampleSchema, PERSON_DN, PERSON_TYPES } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

/** Only a modify played on the live entry shows it (the dry run's case): the editor does not know the entry. */
const meta = {
  code: 'schema/no-such-value',
  group: 'schema',
  severity: 'error',
  summary: 'A modify deletes a value or attribute the entry does not have (389-DS answers 16).',
  server:
    'A modify that deletes a value the entry does not have (compared under the equality rule), or a whole attribute it does not have, is refused with 16 (No such attribute), with no message, and nothing of the modify is applied. Only a check that reads the entry first, as the dry run does, can tell.',
  example: [PERSON_DN, 'changetype: modify', 'delete: description', 'description: on leave', '-'],
  exampleSchema: exampleSchema(PERSON_TYPES, ['top', 'person']),
  exampleEntry: { objectClass: ['top', 'person'], cn: 'Jane Smith', sn: 'Smith', description: 'back in May' },
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

export function noSuchValueFinding(name: string, value: string | undefined, range: Range): Finding {
  const what = value === undefined ? `no ${name}` : `no ${name} value "${value}"`;
  return { check: meta, answer: NO_SUCH_VALUE, range, problem: `The entry has ${what} to delete.` };
}
