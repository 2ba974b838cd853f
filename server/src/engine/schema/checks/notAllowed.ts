import type { Range } from '../../ldif/ast';
import { notAllowedAnswer } from '../answers';
import type { ObjectClass, Schema, AttributeType } from '../schema';
import type { Finding, SchemaCheckInfo } from './types';

export const notAllowed: SchemaCheckInfo = {
  code: 'schema/not-allowed',
  severity: 'error',
  summary: "A known attribute that none of the entry's object classes allows (MUST or MAY).",
};

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
    check: notAllowed,
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
