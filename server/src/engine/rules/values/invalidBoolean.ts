import type { Diagnostic, Fix } from '../../ldif/ast';
import type { AttributeSpec, BooleanDialect } from '../../catalog/schema';
import { clip } from '../../ldif/attrLine';
import { closest } from '../../util/closest';
import { catalogValues, type CatalogValue } from '../catalogValues';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';
import { removeTrailingSpacesFix, valuePartEdit, valuePartRange } from '../valueText';

const TRUE_WORDS = ['on', 'true', 'yes', '1'];
const FALSE_WORDS = ['off', 'false', 'no', '0'];
const ALL_WORDS = [...TRUE_WORDS, ...FALSE_WORDS];
/** The words slapi_entry_attr_get_bool tries, in its order, as case-insensitive prefixes of the value. */
const SLAPI_WORDS = ['on', 'off', 'true', 'false', 'yes', 'no'];

/** What a boolean word means, when it is one of the usual spellings (any case). */
function meaningOf(word: string): boolean | undefined {
  const lower = word.toLowerCase();
  return TRUE_WORDS.includes(lower) ? true : FALSE_WORDS.includes(lower) ? false : undefined;
}

/** Whether the dialect takes the word as written (any case). */
function isAccepted(dialect: BooleanDialect, word: string): boolean {
  const lower = word.toLowerCase();
  return dialect === 'on-off' ? lower === 'on' || lower === 'off' : meaningOf(lower) !== undefined;
}

/** How slapi_entry_attr_get_bool (389-DS entry.c) reads a value. */
interface SlapiReading {
  readonly how: 'word' | 'prefix' | 'number' | 'leading-number' | 'other';
  readonly meaning: boolean;
  readonly word?: string;
  readonly number?: string;
}

function readSlapi(text: string): SlapiReading {
  const lower = text.toLowerCase();
  if (lower === '') return { how: 'other', meaning: false };
  const word = SLAPI_WORDS.find((candidate) => candidate.startsWith(lower));
  if (word) return { how: lower === word ? 'word' : 'prefix', meaning: meaningOf(word) === true, word };
  if (text === '1' || text === '0') return { how: 'word', meaning: text === '1' };
  // Anything else goes through strtoul: a leading number counts, text without one is 0.
  const number = /^\s*[+-]?(\d+)/.exec(text);
  if (!number) return { how: 'other', meaning: false };
  const how = number[0].length === text.length ? 'number' : 'leading-number';
  return { how, meaning: BigInt(number[1]) !== 0n, number: number[0].trim() };
}

/** What the server makes of the value: true, false, or undefined when it refuses it. */
function serverMeaning(dialect: BooleanDialect, text: string): boolean | undefined {
  if (dialect === 'slapi') return readSlapi(text).meaning;
  if (dialect === 'winsync') return TRUE_WORDS.includes(text.toLowerCase());
  return isAccepted('on-off', text) ? meaningOf(text) : undefined;
}

/** The spellings fixes write: on/off where the catalog's default (or the dialect) uses them, true/false otherwise. */
interface Canonical {
  readonly true: string;
  readonly false: string;
}

function canonicalWords(dialect: BooleanDialect, spec: AttributeSpec): Canonical {
  const onOff = dialect === 'on-off' || ['on', 'off'].includes(spec.default?.toLowerCase() ?? '');
  return onOff ? { true: 'on', false: 'off' } : { true: 'true', false: 'false' };
}

function wordFor(words: Canonical, meaning: boolean): string {
  return meaning ? words.true : words.false;
}

/**
 * Booleans, per the catalog's dialect: `slapi` (words, their prefixes, else a number),
 * `winsync` (only on/yes/true/1 are true, anything else is false) and `on-off` (nothing else
 * is accepted). ldapmodify sends trailing spaces, so they are part of the value the server reads.
 */
export const invalidBoolean: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/invalid-boolean': {
      severity: 'error',
      group: 'values',
      summary: 'A boolean attribute holds a value its parser rejects or silently reads as something else (a warning when it is read right but in a roundabout way).',
    },
  },
  check(entry, { catalog }) {
    const found: Diagnostic[] = [];
    for (const target of catalogValues(entry, catalog, 'boolean')) {
      const diagnostic = checkBoolean(target, badValueConsequence(target.spec, entry.record));
      if (diagnostic) found.push(diagnostic);
    }
    return found;
  },
};

function checkBoolean(target: CatalogValue<'boolean'>, consequence: string): Diagnostic | undefined {
  const { line, spec, syntax, value } = target;
  const { dialect } = syntax;
  const words = canonicalWords(dialect, spec);
  const range = value === '' ? line.line.range : valuePartRange(line, 0, value.length);
  const report = (severity: 'error' | 'warning', message: string, fixes: Fix[]): Diagnostic => ({
    code: 'winsync/invalid-boolean',
    severity,
    range,
    message,
    fixes,
  });
  if (isAccepted(dialect, value)) return undefined;
  const trimmed = value.trimEnd();
  if (trimmed !== value && isAccepted(dialect, trimmed)) {
    if (serverMeaning(dialect, value) === meaningOf(trimmed)) return undefined;
    return report(
      'error',
      `Invalid value "${clip(value)}" for ${spec.name}: the trailing spaces are part of the value, so it is not read as "${trimmed}". ${consequence}`,
      [removeTrailingSpacesFix(line)],
    );
  }
  const change = (meaning: boolean): Fix[] => [
    { title: `Change to "${wordFor(words, meaning)}"`, edits: [valuePartEdit(line, 0, value.length, wordFor(words, meaning))], preferred: true },
  ];
  if (dialect === 'slapi') {
    const reading = readSlapi(value);
    const word = wordFor(words, reading.meaning);
    if (reading.how === 'prefix') {
      return report('warning', `"${value}" is read as "${reading.word}" (${reading.meaning}) because 389-DS accepts the start of a word for ${spec.name}; write "${word}" to make it unambiguous.`, change(reading.meaning));
    }
    if (reading.how === 'number') {
      return report('warning', `"${value}" is read as a number for ${spec.name}, and every number but 0 means true, so this means ${reading.meaning}; write "${word}".`, change(reading.meaning));
    }
    if (reading.how === 'leading-number') {
      return report('error', `Invalid value "${clip(value)}" for ${spec.name}: expected ${words.true} or ${words.false}. 389-DS reads only the leading number ${reading.number}, so this means ${reading.meaning}.`, choices(target, words));
    }
  }
  const shown = value === '' ? 'An empty value' : `Invalid value "${clip(value)}"`;
  return report('error', `${shown} for ${spec.name}: expected ${words.true} or ${words.false}. ${consequence}`, choices(target, words));
}

/** Both canonical words, the one the user most likely meant first and preferred (when that is clear). */
function choices({ line, value }: CatalogValue<'boolean'>, words: Canonical): Fix[] {
  const intent = guessMeaning(value.trim());
  const order = intent === false ? [false, true] : [true, false];
  return order.map((meaning) => ({
    title: `Change to "${wordFor(words, meaning)}"`,
    edits: [valuePartEdit(line, 0, value.length, wordFor(words, meaning))],
    preferred: intent === meaning,
  }));
}

/** The meaning of a known word or a plausible typo of one (`ture`); numbers and other words are not guessed. */
function guessMeaning(text: string): boolean | undefined {
  if (/^[+-]?\d+$/.test(text)) return undefined;
  const word = meaningOf(text) !== undefined ? text : closest(text, ALL_WORDS);
  return word === undefined ? undefined : meaningOf(word);
}
