import type { Range } from '../../ldif/ast';
import { singleValueAnswer } from '../answers';
import type { Finding, SchemaCheckInfo } from './types';

export const singleValue: SchemaCheckInfo = {
  code: 'schema/single-value',
  severity: 'error',
  summary: 'A SINGLE-VALUE attribute would hold more than one value (389-DS answers 65, not 19).',
};

/** `count` values of a SINGLE-VALUE attribute; `range` is one of the extra values. */
export function singleValueFinding(name: string, count: number, range: Range | undefined, where: string): Finding {
  return {
    check: singleValue,
    answer: singleValueAnswer(name),
    range,
    problem: `${name.split(';')[0]} is SINGLE-VALUE in the server's schema, but ${where} ${count} values: keep one.`,
  };
}
