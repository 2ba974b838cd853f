import type { Range } from '../../ldif/ast';
import { missingMustAnswer } from '../../schema/answers';
import type { SchemaEntry } from '../../schema/entry';
import type { Finding } from '../../schema/findings';
import type { ObjectClass, Schema } from '../../schema/schema';
import { exampleSchema, personAddExample, PERSON_TYPES } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/missing-must',
  group: 'schema',
  severity: 'error',
  summary: 'An added entry lacks an attribute that one of its object classes requires (MUST).',
  server:
    '389-DS goes through the entry\'s classes in order (superior classes included, the RDN value counted: the server adds it) and refuses the entry with 65 (Object class violation), "missing attribute "<type>" required by object class "<class>"", naming the last missing attribute of the first class that misses any. A modify gets the same answer when the entry it leaves lacks a MUST attribute.',
  example: personAddExample([], ['sn']),
  exampleSchema: exampleSchema(PERSON_TYPES, ['top', 'person']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

export interface MissingMust {
  readonly findings: Finding[];
  /** Index in `findings` of the one the server reports, if any is missing. */
  readonly reported: number | undefined;
}

/**
 * Each attribute a class requires that the entry does not have, once per attribute. The
 * server goes through the classes in entry order and reports the last missing attribute of
 * the first class that misses any (a type with options, `cn;lang-en`, counts for `cn`).
 */
export function findMissingMust(
  entry: SchemaEntry,
  classes: readonly ObjectClass[],
  rangeOf: (classIndex: number) => Range | undefined,
  schema: Schema,
): MissingMust {
  const present = new Set<string>();
  for (const attribute of entry.attributes) present.add(attribute.attributeType?.lowerName ?? baseName(attribute.type));
  const findings: Finding[] = [];
  const indexByName = new Map<string, number>();
  let first: number | undefined;
  for (let classIndex = 0; classIndex < classes.length; classIndex++) {
    const objectClass = classes[classIndex];
    let last: number | undefined;
    const keys = schema.requiredNames(objectClass);
    for (let position = 0; position < keys.length; position++) {
      const key = keys[position];
      const name = objectClass.required[position];
      if (present.has(key)) continue;
      let index = indexByName.get(key);
      if (index === undefined) {
        index = findings.length;
        indexByName.set(key, index);
        findings.push({
          check: meta,
          answer: missingMustAnswer(name, objectClass.name),
          range: rangeOf(classIndex),
          problem: `The entry has no ${name}, which object class ${objectClass.name} requires${through(objectClass, key, schema)}: add "${name}: <value>".`,
        });
      }
      last = index;
    }
    if (first === undefined) first = last;
  }
  return { findings, reported: first };
}

/** An unknown type's name (the server lower-cases those) without options. */
function baseName(type: string): string {
  const semicolon = type.indexOf(';');
  return semicolon < 0 ? type : type.slice(0, semicolon);
}

/** `(through person)` when the class inherits the requirement from a superior. */
function through(objectClass: ObjectClass, key: string, schema: Schema): string {
  const declares = (candidate: ObjectClass) =>
    candidate.definition.must.some((name) => schema.canonicalName(name) === key);
  if (declares(objectClass)) return '';
  const queue = [...objectClass.superiors];
  for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
    if (declares(candidate)) return ` (through ${candidate.name})`;
    queue.push(...candidate.superiors);
  }
  return '';
}
