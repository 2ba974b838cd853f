import type { Range } from '../../ldif/ast';
import { DUPLICATE_VALUE } from '../answers';
import type { AttributeType } from '../schema';
import type { Finding, SchemaCheckInfo } from './types';

export const duplicateValue: SchemaCheckInfo = {
  code: 'schema/duplicate-value',
  severity: 'error',
  summary: "A value the attribute already has, compared under the type's equality rule (389-DS answers 20).",
};

export function duplicateValueFinding(
  name: string,
  type: AttributeType | undefined,
  value: string | undefined,
  range: Range | undefined,
  where: string,
): Finding {
  const rule = type?.equality ? ` (values are compared with ${type.equality})` : '';
  return {
    check: duplicateValue,
    answer: DUPLICATE_VALUE,
    range,
    problem: `${value === undefined ? 'This value' : `"${value}"`} is already a value of ${name} ${where}${rule}: remove the repeat.`,
  };
}
