import type { Range } from '../../ldif/ast';
import { notAllowedAnswer } from '../../schema/answers';
import type { Finding } from '../../schema/findings';
import type { AttributeType, ObjectClass, Schema } from '../../schema/schema';
import { exampleSchema, personAddExample, PERSON_TYPES } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/not-allowed',
  group: 'schema',
  severity: 'error',
  summary: "A known attribute that none of the entry's object classes allows (MUST or MAY).",
  server:
    'For each attribute, in entry order, 389-DS checks that one of the entry\'s classes (superior classes included) lists it in MUST or MAY, and refuses the operation with 65 (Object class violation), "attribute "<name>" not allowed". Operational attributes and objectClass need no class, and an extensibleObject entry takes any attribute. On a modify the whole resulting entry is checked, so replacing a class can leave an attribute behind that no class allows any more.',
  example: personAddExample(['mail: jane.smith@example.com']),
  exampleSchema: exampleSchema([...PERSON_TYPES, 'mail'], ['top', 'person', 'organizationalPerson', 'inetOrgPerson']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

/** The attribute (server name, options included) is allowed by none of the classes. */
export function notAllowedFinding(
  name: string,
  type: AttributeType,
  classes: readonly ObjectClass[],
  range: Range | undefined,
  schema: Schema,
): Finding {
  const holders = [...schema.mustIn(type), ...schema.mayIn(type)];
  const auxiliary = holders.filter((objectClass) => objectClass.kind === 'AUXILIARY');
  const offer = [...auxiliary, ...holders.filter((objectClass) => objectClass.kind !== 'AUXILIARY')]
    .slice(0, 3)
    .map((objectClass) => objectClass.name);
  const listed = classes.length > 0 ? classes.map((objectClass) => objectClass.name).join(', ') : 'none known';
  return {
    check: meta,
    answer: notAllowedAnswer(name),
    range,
    problem: `${type.name} is not allowed on this entry: none of its object classes (${listed}) lists it in MUST or MAY.${
      offer.length > 0
        ? ` Add an object class that allows it (${offer.join(', ')}) or remove it.`
        : ' No object class of the schema allows it.'
    }`,
  };
}

/** The types every entry may hold whatever its classes: objectClass itself, and operational types. */
export function isAlwaysAllowed(name: string, type: AttributeType | undefined): boolean {
  const lower = name.toLowerCase();
  return lower === 'objectclass' || lower === 'entryid' || type?.operational === true;
}
