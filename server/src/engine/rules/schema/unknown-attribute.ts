import type { Range } from '../../ldif/ast';
import { NO_SUCH_VALUE, notAllowedAnswer, type ServerAnswer } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import type { Schema } from '../../schema/schema';
import { suggestName } from '../../schema/suggest';
import { exampleSchema, personAddExample, PERSON_TYPES } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/unknown-attribute',
  group: 'schema',
  severity: 'error',
  milder: {
    severity: 'warning',
    when: 'a modify deletes it, which 389-DS answers with 16 (No such attribute)',
  },
  summary: "An attribute type the server's schema does not define (allowed only on an extensibleObject entry).",
  server:
    'No object class can allow a type the schema does not define: 389-DS refuses an add or a modify that writes one with 65 (Object class violation), "attribute "<name>" not allowed", the name lower-cased. Only an entry with the extensibleObject class takes unknown types (their values are still checked for syntax). A modify that deletes one is refused with 16 (No such attribute), with no message.',
  example: personAddExample(['descripton: on leave']),
  exampleSchema: exampleSchema(PERSON_TYPES, ['top', 'person']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

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
    check: meta,
    answer,
    range,
    problem: `Unknown attribute "${base}": the server's schema has no attribute type of that name or OID.${suggestion ? ` Did you mean ${suggestion}?` : ''}${consequence}`,
  };
}

/** A modify deletes a type the schema does not know: 389-DS answers 16 unless the entry takes any type. */
export function unknownAttributeDeleted(description: string, range: Range | undefined, schema: Schema): Finding {
  return { ...unknownAttributeFinding(description, range, schema, NO_SUCH_VALUE), severity: meta.milder.severity };
}
