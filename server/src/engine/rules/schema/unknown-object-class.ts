import { unknownObjectClassAnswer } from '../../schema/answers';
import type { EntryValue } from '../../schema/entry';
import type { Finding } from '../../schema/findings';
import type { Schema } from '../../schema/schema';
import { suggestName } from '../../schema/suggest';
import { exampleSchema, PERSON_DN, PERSON_TYPES } from '../support/examples';
import type { SchemaRule, SchemaRuleMeta } from '../types';

const meta = {
  code: 'schema/unknown-object-class',
  group: 'schema',
  severity: 'error',
  summary: "An objectClass value names a class the server's schema does not define.",
  server:
    '389-DS compares class names as sent, without case, and refuses an entry with a class its schema does not define with 65 (Object class violation), "unknown object class "<name>"", naming the last unknown class; when a trailing space is the cause it adds " (remove the trailing space)". Past an unknown class the server checks nothing else of the entry.',
  example: [PERSON_DN, 'changetype: add', 'objectClass: top', 'objectClass: persn', 'cn: Jane Smith', 'sn: Smith'],
  exampleSchema: exampleSchema(PERSON_TYPES, ['top', 'person']),
} satisfies SchemaRuleMeta;

export default { meta, scope: 'schema' } satisfies SchemaRule;

/**
 * Every objectClass value the schema does not know (extensibleObject aside, which the server
 * treats specially). Names are compared as sent, so a trailing space makes a class unknown.
 */
export function findUnknownObjectClasses(values: readonly EntryValue[], schema: Schema): Finding[] {
  const found: Finding[] = [];
  for (const value of values) {
    const name = value.text;
    if (name === undefined || value.fromUrl || isExtensibleObject(name) || schema.objectClass(name)) continue;
    const trimmed = name.trim();
    const hint =
      trimmed !== name && schema.objectClass(trimmed)
        ? ` Remove the trailing space: "${trimmed}" is a known class.`
        : didYouMean(name, schema);
    found.push({
      check: meta,
      answer: unknownObjectClassAnswer(name),
      range: value.line?.valueRange,
      problem: `Unknown object class "${name}": the server's schema has no class of that name or OID.${hint}`,
    });
  }
  return found;
}

export function isExtensibleObject(name: string): boolean {
  return name.toLowerCase() === 'extensibleobject';
}

function didYouMean(name: string, schema: Schema): string {
  const suggestion = suggestName(name, schema, 'objectClasses');
  return suggestion ? ` Did you mean ${suggestion}?` : '';
}
