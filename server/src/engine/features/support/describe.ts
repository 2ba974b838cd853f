/**
 * Markdown and one-line texts about catalog attributes and values, shared by hover and
 * completion documentation. Everything said here comes from the catalog.
 */
import type { AttributeSpec, Reaction, ValueSyntax } from '../../catalog';
import type { BooleanDialect } from '../../catalog/schema';
import { BOOLEAN_WORDS, readBoolean } from '../../catalog/semantics';
import { SYNC_LAB, syncChecksOf, type SyncVerdict } from '../../catalog/syncChecks';
import { splitFirstSentence } from '../../util/sentences';

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  if (text === '') return '`""`';
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(...(text.match(/`+/g) ?? ['']).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

/** A fenced block for text that may span lines, coloured as `language` where the editor knows it. */
export function codeBlock(text: string, language = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

function sameReaction(a: Reaction, b: Reaction): boolean {
  return a.kind === b.kind && a.code === b.code && a.fallback === b.fallback && a.note === b.note;
}

/**
 * Markdown lines on what the server does with a bad value, add and modify apart when they
 * differ. The catalog's note says it in full (result code, fallback, errors log), so it stands alone.
 */
export function reactionLines(spec: AttributeSpec): string[] {
  const { add, modify } = spec.onBadValue;
  if (sameReaction(add, modify)) return [`- **Bad value (add or modify):** ${add.note}`];
  return [`- **Bad value when the entry is added:** ${add.note}`, `- **Bad value in a modify:** ${modify.note}`];
}

/** How the server reads a boolean in each dialect, beyond the two words completion offers first. */
const BOOLEAN_READING: Readonly<Record<BooleanDialect, string>> = {
  slapi:
    '`on`/`off`, `yes`/`no`, `1`/`0` and prefixes such as `t` work too. Any other text is read as a number, so a word the server does not know means false.',
  winsync: '`true`, `on`, `yes` or `1` (any case) mean true; every other value, typos included, means false.',
  'on-off': 'Exactly `on` or `off` (any case); anything else is an error.',
};

/** The form of a value in a few words, for the first paragraph of a description. */
function valueForm(syntax: ValueSyntax): string {
  switch (syntax.kind) {
    case 'enum':
      return `one of ${syntax.values
        .filter((choice) => !choice.legacy)
        .map((choice) => code(choice.value))
        .join(', ')}`;
    case 'boolean':
      return booleanChoices(syntax.dialect)
        .filter((choice) => choice.primary)
        .map((choice) => code(choice.value))
        .join(' or ');
    case 'integer':
      return `a whole number from ${syntax.min} to ${syntax.max}${syntax.unit ? ` (${syntax.unit})` : ''}`;
    case 'dn':
      return 'a distinguished name (RFC 4514)';
    case 'filter':
      return 'one LDAP filter (RFC 4515)';
    case 'filter-list':
      return 'parenthesised filters back to back (RFC 4515 `filterlist`)';
    case 'schedule':
      return '`*` or `HHMM-HHMM DAYS`';
    case 'attr-value':
      return '`attributeName value`';
    case 'subtree-pair':
      return '`<directory subtree DN>:<AD subtree DN>`';
    case 'attribute-name':
      return 'an attribute type name';
    case 'host':
      return 'a host name or IP address';
    case 'domain':
      return 'a DNS domain name';
    case 'fractional-list':
      return '`(objectclass=*) $ EXCLUDE attr1 attr2 …`';
    case 'binary':
      return 'bytes; written as base64 after `::` when they are not plain text';
    case 'text':
      return 'text';
  }
}

/** What else to know about writing a value, beyond its form; for the details of a description. */
function valueRule(syntax: ValueSyntax): string | undefined {
  switch (syntax.kind) {
    case 'boolean':
      return BOOLEAN_READING[syntax.dialect];
    case 'filter':
      return syntax.parensRequired
        ? 'Write the filter with its outer parentheses.'
        : 'The server adds missing outer parentheses.';
    case 'schedule':
      return 'Days run from 0 (Sunday) to 6; one window per value.';
    default:
      return undefined;
  }
}

/** A few plain words on the value syntax, for completion details. */
export function shortSyntax(syntax: ValueSyntax): string {
  switch (syntax.kind) {
    case 'enum':
      return syntax.values
        .filter((choice) => !choice.legacy)
        .map((choice) => choice.value)
        .join(' | ');
    case 'boolean':
      return syntax.dialect === 'on-off' ? 'on | off' : 'true | false';
    case 'integer':
      return `integer ${syntax.min}–${syntax.max}${syntax.unit ? ` ${syntax.unit}` : ''}`;
    case 'dn':
      return 'DN';
    case 'filter':
      return 'LDAP filter';
    case 'filter-list':
      return 'filter list';
    case 'schedule':
      return 'HHMM-HHMM DAYS';
    case 'attr-value':
      return 'attribute value';
    case 'subtree-pair':
      return 'DS-DN:AD-DN';
    case 'attribute-name':
      return 'attribute name';
    case 'fractional-list':
      return '(objectclass=*) $ EXCLUDE …';
    default:
      return syntax.kind;
  }
}

function requiredText(spec: AttributeSpec): string | undefined {
  const when =
    spec.requiredOnAdd === true
      ? 'required when the entry is added'
      : spec.requiredOnAdd === 'simple-bind'
        ? 'required when the bind method is SIMPLE or SASL/DIGEST-MD5'
        : undefined;
  if (!spec.requiredAlways) return when;
  return `${when ?? 'required'}; a modify may not remove it`;
}

/** The default for the first paragraph; for attributes the entry must carry it is the value FreeIPA ships (see the catalog conventions). */
function defaultText(spec: AttributeSpec): string | undefined {
  if (spec.default === undefined) return undefined;
  return spec.requiredOnAdd === true ? `FreeIPA ships ${code(spec.default)}` : `default ${code(spec.default)}`;
}

/**
 * The first paragraph: what the attribute is, the values it takes (unless the caller has just
 * said them, as a diagnostic on a bad value does) and its default.
 */
export function summarizeAttribute(spec: AttributeSpec, withValues = true): string {
  const [what] = splitFirstSentence(spec.doc);
  const parts = withValues ? [`${spec.syntax.kind === 'enum' ? 'Values' : 'Value'}: ${valueForm(spec.syntax)}`] : [];
  const defaults = defaultText(spec);
  if (defaults) parts.push(defaults);
  const tail = parts.join('; ');
  return `**${spec.name}** — ${what}${tail ? ` ${tail.charAt(0).toUpperCase()}${tail.slice(1)}.` : ''}`;
}

/** How many values the attribute takes and when it must be there, in one line. */
function factsLine(spec: AttributeSpec): string {
  const required = requiredText(spec);
  const facts = [`${spec.multiValued ? 'Multi-valued' : 'Single-valued'}${required ? `; ${required}` : ''}`];
  if (spec.serverManaged) facts.push('server-managed: the server writes it; leave it out of LDIF you author');
  if (spec.since) facts.push(`since ${spec.since}`);
  return `${facts.join(' · ')}.`;
}

/**
 * Markdown describing a catalog attribute: a short first paragraph (what it is, its values, its
 * default), then the details: how a value is read or written, the rest of its documentation, how many
 * values it takes, and what the server does with a bad value. What each enum value means is on
 * the value (hover, completion), and which entry it belongs to is for the caller to say when the
 * context does not (hover on a misplaced name), so the whole fits an editor hover. No fact is
 * said twice.
 */
export function describeAttribute(spec: AttributeSpec): string {
  const paragraphs = [summarizeAttribute(spec)];
  const rule = valueRule(spec.syntax);
  if (rule) paragraphs.push(rule);
  const [, rest] = splitFirstSentence(spec.doc);
  if (rest) paragraphs.push(rest);
  paragraphs.push(factsLine(spec), reactionLines(spec).join('\n'));
  const sync = syncLines(spec);
  if (sync.length > 0) paragraphs.push(sync.join('\n'));
  return paragraphs.join('\n\n');
}

const VERDICT_MARK: Record<SyncVerdict, string> = { confirmed: '✓', qualified: '≈', contradicted: '✗' };

/** What the DN hover of the plug-in entry says about its settings and a real sync. */
export const PLUGIN_NOT_SYNC_CHECKED =
  '*Its settings are not checked against a real sync: the winsync lab runs no FreeIPA plug-in; they come from the IdM guide and the FreeIPA sources.*';

/**
 * Which statements about the attribute a real sync checked, and what it showed; where it
 * contradicts the text (which then comes from the IdM guide or the design note), both are given.
 */
function syncLines(spec: AttributeSpec): string[] {
  const checks = syncChecksOf(spec.name);
  // The lab runs no FreeIPA plug-in: the DN hover of its entry says so once for all its settings.
  if (checks.length === 0 && spec.entry === 'ipa-winsync') return [];
  if (checks.length === 0) return [`*Not checked against a real sync: from the IdM guide and the 389-DS sources.*`];
  return [
    `**Checked against a real sync** (${SYNC_LAB}):`,
    ...checks.map((check) =>
      check.verdict === 'confirmed'
        ? `- ${VERDICT_MARK.confirmed} "${check.quote}"`
        : `- ${VERDICT_MARK[check.verdict]} "${check.quote}" — ${check.verdict === 'contradicted' ? 'not so; observed' : 'observed'}: ${check.observed ?? ''}`,
    ),
  ];
}

export interface BooleanChoice {
  readonly value: string;
  readonly meaning: boolean;
  /** The spelling to suggest first. */
  readonly primary: boolean;
}

/** The spellings worth offering for a boolean dialect: true and false first. */
export function booleanChoices(dialect: BooleanDialect): readonly BooleanChoice[] {
  const words =
    dialect === 'on-off' ? BOOLEAN_WORDS.filter(({ word }) => word === 'on' || word === 'off') : BOOLEAN_WORDS;
  return words.map(({ word, meaning }) => ({
    value: word,
    meaning,
    primary: dialect === 'on-off' || word === 'true' || word === 'false',
  }));
}

/** Markdown on how a boolean value is read in its dialect. */
export function describeBooleanValue(dialect: BooleanDialect, value: string): string {
  const reading = readBoolean(dialect, value);
  if (reading === undefined)
    return `${code(value)} is not valid here: only \`on\` and \`off\` (any case) are accepted.`;
  const reads = `${code(value)} means **${reading.meaning ? 'true' : 'false'}**`;
  if (dialect === 'winsync') {
    return reading.meaning || reading.how === 'word'
      ? `${reads}.`
      : `${reads}: only \`on\`, \`yes\`, \`true\` and \`1\` mean true, so any other word — a typo included — silently means false.`;
  }
  if (dialect === 'slapi' && reading.how !== 'word') {
    return reading.how === 'prefix'
      ? `${reads}: the server accepts it as a prefix of ${code(reading.word ?? '')}.`
      : `${reads}: the server does not know the word and reads it as a number${reading.meaning ? '' : ' (non-numeric text is 0)'}.`;
  }
  return `${reads}.`;
}

/** What a boolean spelling does, for a completion item. */
export function booleanChoiceDoc(dialect: BooleanDialect, choice: BooleanChoice): string {
  if (dialect === 'winsync' && !choice.meaning) {
    return `Means **false** — as does any value other than \`on\`, \`yes\`, \`true\` or \`1\`.`;
  }
  if (dialect === 'on-off') return choice.meaning ? 'Enables it.' : 'Disables it.';
  return `Means **${choice.meaning ? 'true' : 'false'}**.`;
}
