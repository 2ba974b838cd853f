import type { Range } from '../../ldif/ast';
import { singleValueAnswer } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import { exampleSchema, replaceExample, USER_DN } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/single-value',
  group: 'schema',
  severity: 'error',
  summary: 'A SINGLE-VALUE attribute would hold more than one value (389-DS answers 65, not 19).',
  server:
    'A SINGLE-VALUE attribute given a second value, in an add, in one mod-spec or by a modify add: to an entry that has one, makes 389-DS refuse the operation with 65 (Object class violation), "single-valued attribute "<name>" has multiple values"; OpenLDAP answers 19 (Constraint violation) instead.',
  example: replaceExample(USER_DN, 'uidNumber', '1001', '1002'),
  exampleSchema: exampleSchema(['uidNumber']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

/** `count` values of a SINGLE-VALUE attribute; `range` is one of the extra values. */
export function singleValueFinding(name: string, count: number, range: Range | undefined, where: string): Finding {
  return {
    check: meta,
    answer: singleValueAnswer(name),
    range,
    problem: `${name.split(';')[0]} is SINGLE-VALUE in the server's schema, but ${where} ${count} values: keep one.`,
  };
}
