import type { Fix } from '../../ldif/ast';
import type { AttributeSpec, BooleanDialect } from '../../catalog/schema';
import { BOOLEAN_WORDS, readBoolean } from '../../catalog/semantics';
import { clip, badValueConsequence } from '../support/wording';
import { closest } from '../../util/closest';
import { catalogValues, type CatalogValue } from '../support/catalogValues';
import type { Finding, RecordRule } from '../types';
import { removeTrailingSpacesFix, valuePartEdit, valuePartRange } from '../support/edits';
import { PLUGIN_DN, replaceExample } from '../support/examples';

/** Every usual spelling, those meaning true first: a typo's guessed meaning is the nearest one's. */
const GUESS_WORDS = [
  ...BOOLEAN_WORDS.filter(({ meaning }) => meaning),
  ...BOOLEAN_WORDS.filter(({ meaning }) => !meaning),
];

/** Whether the dialect takes the value as written: one of the usual spellings (only on/off for on-off), any case. */
function isAccepted(dialect: BooleanDialect, value: string): boolean {
  return readBoolean(dialect, value)?.how === 'word';
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
export default {
  meta: {
    code: 'winsync/invalid-boolean',
    group: 'values',
    severity: 'error',
    milder: {
      severity: 'warning',
      when: 'the server reads the value as meant, but only as the start of a word or as a number',
    },
    summary:
      'A boolean attribute holds a value its parser rejects or silently reads as something else (a warning when it is read right but in a roundabout way).',
    server:
      'It depends on the parser of the attribute: slapi booleans read word prefixes and numbers and take any other word as false, winsync booleans take anything but on/yes/true/1 as false, and nsds5ReplicaEnabled refuses anything but on and off (53 on add, 1 on modify).',
    example: replaceExample(PLUGIN_DN, 'ipaWinSyncUserFlatten', 'ture'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const target of catalogValues(entry, catalog, 'boolean')) {
      const diagnostic = checkBoolean(target, badValueConsequence(target.spec, entry.record));
      if (diagnostic) found.push(diagnostic);
    }
    return found;
  },
} satisfies RecordRule;

function checkBoolean(target: CatalogValue<'boolean'>, consequence: string): Finding | undefined {
  const { line, spec, syntax, value } = target;
  const { dialect } = syntax;
  const words = canonicalWords(dialect, spec);
  const range = value === '' ? line.line.range : valuePartRange(line, 0, value.length);
  const report = (severity: 'error' | 'warning', message: string, fixes: Fix[]): Finding => ({
    range,
    message,
    fixes,
    ...(severity === 'warning' && { mild: true }),
  });
  if (isAccepted(dialect, value)) return undefined;
  const trimmed = value.trimEnd();
  if (trimmed !== value && isAccepted(dialect, trimmed)) {
    if (readBoolean(dialect, value)?.meaning === readBoolean(dialect, trimmed)?.meaning) return undefined;
    return report(
      'error',
      `Invalid value "${clip(value)}" for ${spec.name}: the trailing spaces are part of the value, so it is not read as "${trimmed}". ${consequence}`,
      [removeTrailingSpacesFix(line)],
    );
  }
  const change = (meaning: boolean): Fix[] => [
    {
      title: `Change to "${wordFor(words, meaning)}"`,
      edits: [valuePartEdit(line, 0, value.length, wordFor(words, meaning))],
      preferred: true,
    },
  ];
  const reading = readBoolean(dialect, value);
  if (dialect === 'slapi' && reading) {
    const word = wordFor(words, reading.meaning);
    if (reading.how === 'prefix') {
      return report(
        'warning',
        `"${value}" is read as "${reading.word}" (${reading.meaning}) because 389-DS accepts the start of a word for ${spec.name}; write "${word}" to make it unambiguous.`,
        change(reading.meaning),
      );
    }
    if (reading.how === 'number') {
      return report(
        'warning',
        `"${value}" is read as a number for ${spec.name}, and every number but 0 means true, so this means ${reading.meaning}; write "${word}".`,
        change(reading.meaning),
      );
    }
    if (reading.how === 'leading-number') {
      return report(
        'error',
        `Invalid value "${clip(value)}" for ${spec.name}: expected ${words.true} or ${words.false}. 389-DS reads only the leading number ${reading.number}, so this means ${reading.meaning}.`,
        choices(target, words),
      );
    }
  }
  const shown = value === '' ? 'An empty value' : `Invalid value "${clip(value)}"`;
  return report(
    'error',
    `${shown} for ${spec.name}: expected ${words.true} or ${words.false}. ${consequence}`,
    choices(target, words),
  );
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
  const nearest = closest(
    text,
    GUESS_WORDS.map(({ word }) => word),
  );
  return GUESS_WORDS.find(({ word }) => word === nearest)?.meaning;
}
