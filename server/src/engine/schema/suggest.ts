/**
 * The nearest name of the schema to a misspelling: every name of every attribute type or
 * object class, within a third of the word's length in edits. Remembered per schema, since a
 * file tends to repeat its typos.
 */
import { editDistance } from '../util/closest';
import type { Schema } from './schema';

type Kind = 'attributeTypes' | 'objectClasses';

const cache = new WeakMap<Schema, Map<string, string | undefined>>();

export function suggestName(word: string, schema: Schema, kind: Kind): string | undefined {
  let known = cache.get(schema);
  if (!known) cache.set(schema, (known = new Map()));
  const key = `${kind}:${word.toLowerCase()}`;
  if (known.has(key)) return known.get(key);
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const item of schema[kind]) {
    for (const name of item.definition.names) {
      const distance = editDistance(word, name, Math.min(limit, bestDistance - 1));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
  }
  known.set(key, best);
  return best;
}
