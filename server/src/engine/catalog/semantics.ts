/**
 * How the server reads what the catalog describes: which reaction to a bad value applies to a
 * record, which allowed value a written one stands for, what a boolean means. Rules, hover,
 * completion and apply explanations all ask here, so each behaviour is written once.
 */
import type { RecordKind } from '../ldif/ast';
import type { AttributeSpec, BooleanDialect, EnumValue, Reaction } from './schema';

/** Whether a record of this kind creates its entry (a content record or an add) rather than changing it. */
export function createsEntry(kind: RecordKind): boolean {
  return kind === 'add' || kind === 'content';
}

/** What the server does with a bad value of the attribute in a record of this kind. */
export function reactionFor(spec: AttributeSpec, kind: RecordKind): Reaction {
  return createsEntry(kind) ? spec.onBadValue.add : spec.onBadValue.modify;
}

/** The allowed value a written value stands for (the server ignores case), or undefined. */
export function matchChoice(spec: AttributeSpec, value: string): EnumValue | undefined {
  if (spec.syntax.kind !== 'enum') return undefined;
  const lower = value.toLowerCase();
  return spec.syntax.values.find((choice) => choice.value.toLowerCase() === lower);
}

/** An allowed value code names on purpose; throws when the attribute's enum lacks it, so a typo fails at once. */
export function requireChoice(spec: AttributeSpec, value: string): string {
  const choice = matchChoice(spec, value);
  if (choice === undefined) throw new Error(`catalog: ${spec.name} has no allowed value ${value}`);
  return choice.value;
}

/** The usual spellings of a boolean, in the order completion offers them. */
export const BOOLEAN_WORDS: readonly { readonly word: string; readonly meaning: boolean }[] = [
  { word: 'true', meaning: true },
  { word: 'false', meaning: false },
  { word: 'on', meaning: true },
  { word: 'off', meaning: false },
  { word: 'yes', meaning: true },
  { word: 'no', meaning: false },
  { word: '1', meaning: true },
  { word: '0', meaning: false },
];

/** The words slapi_entry_attr_get_bool tries, in its order, as case-insensitive prefixes of the value. */
const SLAPI_WORDS = ['on', 'off', 'true', 'false', 'yes', 'no'];

/** How the server read a boolean value, and what it took it to mean. */
export interface BooleanReading {
  readonly meaning: boolean;
  /**
   * `word`: one of the usual spellings (any case); `prefix`: the start of one (slapi);
   * `number` / `leading-number`: read as a number, whole or only its start (slapi);
   * `other`: text the server does not know (slapi reads it as 0, winsync as false).
   */
  readonly how: 'word' | 'prefix' | 'number' | 'leading-number' | 'other';
  /** For a prefix: the word it starts. */
  readonly word?: string;
  /** For a number: the number as written. */
  readonly number?: string;
}

/**
 * How the server reads a boolean value in the attribute's dialect; undefined when it refuses
 * the value (`on-off`). `slapi` is 389-DS slapi_entry_attr_get_bool: a case-insensitive prefix of
 * on/off/true/false/yes/no (first match in that order), `1`/`0`, else the leading number of
 * strtoul (text without one is 0). `winsync` is true_value_from_string: on/yes/true/1 are true,
 * anything else false.
 */
export function readBoolean(dialect: BooleanDialect, value: string): BooleanReading | undefined {
  const lower = value.toLowerCase();
  const known = BOOLEAN_WORDS.find(({ word }) => word === lower);
  if (dialect === 'on-off')
    return lower === 'on' || lower === 'off' ? { meaning: lower === 'on', how: 'word' } : undefined;
  if (dialect === 'winsync') return { meaning: known?.meaning ?? false, how: known ? 'word' : 'other' };
  if (lower === '') return { meaning: false, how: 'other' };
  const word = SLAPI_WORDS.find((candidate) => candidate.startsWith(lower));
  if (word) return { meaning: wordMeaning(word), how: lower === word ? 'word' : 'prefix', word };
  if (known) return { meaning: known.meaning, how: 'word' };
  // Anything else goes through strtoul: a leading number counts, text without one is 0.
  const number = /^\s*[+-]?(\d+)/.exec(value);
  if (!number) return { meaning: false, how: 'other' };
  const how = number[0].length === value.length ? 'number' : 'leading-number';
  return { meaning: /[1-9]/.test(number[1]), how, number: number[0].trim() };
}

function wordMeaning(word: string): boolean {
  return BOOLEAN_WORDS.find((spelling) => spelling.word === word)?.meaning === true;
}
