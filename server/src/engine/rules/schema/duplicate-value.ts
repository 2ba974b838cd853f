import type { Range } from '../../ldif/ast';
import { DUPLICATE_VALUE } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import type { AttributeType } from '../../schema/schema';
import { exampleSchema, replaceExample, USER_DN } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/duplicate-value',
  group: 'schema',
  severity: 'error',
  summary: "A value the attribute already has, compared under the type's equality rule (389-DS answers 20).",
  server:
    "389-DS compares values with the attribute type's equality rule (caseIgnoreMatch ignores case and repeated spaces, integerMatch reads numbers, DNs compare as DNs). A value given twice in an add or in one mod-spec, or a modify add: of a value the entry already has, is refused with 20 (Type or value exists), with no message, before anything else of the operation is checked.",
  example: replaceExample(USER_DN, 'description', 'On leave', 'on  leave'),
  exampleSchema: exampleSchema(['description']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

export function duplicateValueFinding(
  name: string,
  type: AttributeType | undefined,
  value: string | undefined,
  range: Range | undefined,
  where: string,
): Finding {
  const rule = type?.equality ? ` (values are compared with ${type.equality})` : '';
  return {
    check: meta,
    answer: DUPLICATE_VALUE,
    range,
    problem: `${value === undefined ? 'This value' : `"${value}"`} is already a value of ${name} ${where}${rule}: remove the repeat.`,
  };
}
