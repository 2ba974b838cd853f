import type { Range } from '../../ldif/ast';
import { notAllowedAnswer, type ServerAnswer } from '../answers';
import type { Schema } from '../schema';
import { suggestName } from '../suggest';
import type { Finding, SchemaCheckInfo } from './types';

export const unknownAttribute: SchemaCheckInfo = {
  code: 'schema/unknown-attribute',
  severity: 'error',
  summary: "An attribute type the server's schema does not define (allowed only on an extensibleObject entry).",
};

/**
 * A type the schema does not know. The server refuses it as "not allowed" (naming it in lower
 * case) unless the entry is an extensibleObject; `answer` says what applies where it is used.
 */
export function unknownAttributeFinding(
  description: string,
  range: Range | undefined,
  schema: Schema,
  answer: ServerAnswer = notAllowedAnswer(description.toLowerCase()),
): Finding {
  const base = description.split(';')[0];
  const suggestion = suggestName(base, schema, 'attributeTypes');
  const consequence =
    answer.code === 65
      ? ' No object class can allow it; only an extensibleObject entry takes unknown types.'
      : answer.code === 16
        ? ' No entry can hold it unless it is an extensibleObject.'
        : '';
  return {
    check: unknownAttribute,
    answer,
    range,
    problem: `Unknown attribute "${base}": the server's schema has no attribute type of that name or OID.${suggestion ? ` Did you mean ${suggestion}?` : ''}${consequence}`,
  };
}
