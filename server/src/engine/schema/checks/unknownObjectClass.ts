import { unknownObjectClassAnswer } from '../answers';
import type { EntryValue } from '../entry';
import type { Schema } from '../schema';
import { suggestName } from '../suggest';
import type { Finding, SchemaCheckInfo } from './types';

export const unknownObjectClass: SchemaCheckInfo = {
  code: 'schema/unknown-object-class',
  severity: 'error',
  summary: "An objectClass value names a class the server's schema does not define.",
};

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
      check: unknownObjectClass,
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
