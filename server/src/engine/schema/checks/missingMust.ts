import type { Range } from '../../ldif/ast';
import { missingMustAnswer } from '../answers';
import type { SchemaEntry } from '../entry';
import type { ObjectClass, Schema } from '../schema';
import type { Finding, SchemaCheckInfo } from './types';

export const missingMust: SchemaCheckInfo = {
  code: 'schema/missing-must',
  severity: 'error',
  summary: 'An added entry lacks an attribute that one of its object classes requires (MUST).',
};

/** A class of the entry, with where the record names it (or the class it was added for). */
export interface PlacedClass {
  readonly objectClass: ObjectClass;
  readonly range: Range | undefined;
}

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
export function findMissingMust(entry: SchemaEntry, classes: readonly PlacedClass[], schema: Schema): MissingMust {
  const present = new Set(entry.attributes.map((attribute) => schema.canonicalName(baseName(attribute.type))));
  const findings: Finding[] = [];
  const indexByName = new Map<string, number>();
  let first: number | undefined;
  for (const { objectClass, range } of classes) {
    let last: number | undefined;
    for (const name of objectClass.required) {
      const key = schema.canonicalName(name);
      if (present.has(key)) continue;
      let index = indexByName.get(key);
      if (index === undefined) {
        index = findings.length;
        indexByName.set(key, index);
        findings.push({
          check: missingMust,
          answer: missingMustAnswer(name, objectClass.name),
          range,
          problem: `The entry has no ${name}, which object class ${objectClass.name} requires${through(objectClass, key, schema)}: add "${name}: <value>".`,
        });
      }
      last = index;
    }
    if (first === undefined) first = last;
  }
  return { findings, reported: first };
}

function baseName(type: string): string {
  const semicolon = type.indexOf(';');
  return semicolon < 0 ? type : type.slice(0, semicolon);
}

/** `(through person)` when the class inherits the requirement from a superior. */
function through(objectClass: ObjectClass, key: string, schema: Schema): string {
  const declares = (candidate: ObjectClass) => candidate.definition.must.some((name) => schema.canonicalName(name) === key);
  if (declares(objectClass)) return '';
  const queue = [...objectClass.superiors];
  for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
    if (declares(candidate)) return ` (through ${candidate.name})`;
    queue.push(...candidate.superiors);
  }
  return '';
}
