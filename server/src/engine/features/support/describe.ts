/**
 * Markdown and one-line texts about catalog attributes and values, shared by hover and
 * completion documentation. Everything said here comes from the catalog.
 */
import type { AttributeSpec, Catalog, Reaction, ValueSyntax } from '../../catalog';
import type { BooleanDialect } from '../../catalog/schema';
import { BOOLEAN_WORDS, readBoolean } from '../../catalog/semantics';
import { resultCode } from '../../schema/answers';

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  if (text === '') return '`""`';
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(...(text.match(/`+/g) ?? ['']).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

/** A fenced block for text that may span lines. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** A short label for a reaction: rejects (53 …), falls back to `x`, ignores it, accepts it. */
export function reactionLabel(reaction: Reaction): string {
  switch (reaction.kind) {
    case 'rejects':
      return reaction.code === undefined ? 'rejects it' : `rejects it with ${resultCode(reaction.code)}`;
    case 'falls-back':
      return reaction.fallback === undefined
        ? 'logs a warning and ignores it'
        : `logs a warning and falls back to ${code(reaction.fallback)}`;
    case 'ignores':
      return reaction.fallback === undefined
        ? 'silently ignores it'
        : `silently reads it as ${code(reaction.fallback)}`;
    case 'accepts':
      return 'accepts it as written';
  }
}

function sameReaction(a: Reaction, b: Reaction): boolean {
  return a.kind === b.kind && a.code === b.code && a.fallback === b.fallback && a.note === b.note;
}

/** Markdown lines on what the server does with a bad value, add and modify apart when they differ. */
export function reactionLines(spec: AttributeSpec): string[] {
  const { add, modify } = spec.onBadValue;
  if (sameReaction(add, modify))
    return [`- **Bad value (add or modify):** the server ${reactionLabel(add)}. ${add.note}`];
  return [
    `- **Bad value when the entry is added:** the server ${reactionLabel(add)}. ${add.note}`,
    `- **Bad value in a modify:** the server ${reactionLabel(modify)}. ${modify.note}`,
  ];
}

const BOOLEAN_SYNTAX: Readonly<Record<BooleanDialect, string>> = {
  slapi:
    'boolean: `true` or `false`; `on`/`off`, `yes`/`no`, `1`/`0` and prefixes such as `t` work too. Any other text is read as a number, so a word the server does not know means false',
  winsync: 'boolean: `true`, `on`, `yes` or `1` (any case) mean true; every other value, typos included, means false',
  'on-off': 'exactly `on` or `off` (any case); anything else is an error',
};

/** One markdown sentence on the value syntax (enum values are listed separately). */
export function syntaxSentence(syntax: ValueSyntax): string {
  switch (syntax.kind) {
    case 'enum':
      return `one of ${syntax.values
        .filter((choice) => !choice.legacy)
        .map((choice) => code(choice.value))
        .join(', ')}`;
    case 'boolean':
      return BOOLEAN_SYNTAX[syntax.dialect];
    case 'integer':
      return `a whole number from ${syntax.min} to ${syntax.max}${syntax.unit ? ` (${syntax.unit})` : ''}`;
    case 'dn':
      return 'a distinguished name (RFC 4514)';
    case 'filter':
      return syntax.parensRequired
        ? 'one LDAP filter (RFC 4515), written with its outer parentheses'
        : 'one LDAP filter (RFC 4515); the server adds missing outer parentheses';
    case 'filter-list':
      return 'one or more parenthesised filters written back to back (RFC 4515 `filterlist`), not one complete filter';
    case 'schedule':
      return '`*` or `HHMM-HHMM DAYS` (days 0–6, 0 = Sunday), one window per value';
    case 'attr-value':
      return '`attributeName value`: the name, a space, then the value';
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
  return `${when ?? 'required'}, and must stay: a modify that removes it is refused`;
}

function defaultLine(spec: AttributeSpec): string | undefined {
  if (spec.default === undefined) return undefined;
  // For attributes the entry must carry, "default" is the value FreeIPA ships (see the catalog conventions).
  if (spec.requiredOnAdd === true)
    return `- **Default:** ${code(spec.default)}, the value FreeIPA ships; the attribute is required, so there is no built-in fallback`;
  return `- **Default:** ${code(spec.default)} (in effect when the attribute is absent)`;
}

/** Markdown describing a catalog attribute: what it does, values, default, entry, and bad-value handling. */
export function describeAttribute(spec: AttributeSpec, catalog: Catalog): string {
  const entry = catalog.entryKind(spec.entry);
  const lines = [`**${spec.name}** — ${entry.title}, *${spec.group}*`, '', spec.doc, ''];
  const syntax = spec.syntax;
  if (syntax.kind === 'enum') {
    lines.push('- **Values:**');
    for (const choice of syntax.values) {
      lines.push(`  - ${code(choice.value)}${choice.legacy ? ' *(older spelling)*' : ''} — ${choice.doc}`);
    }
  } else {
    lines.push(`- **Value:** ${syntaxSentence(syntax)}`);
  }
  const defaults = defaultLine(spec);
  if (defaults) lines.push(defaults);
  const required = requiredText(spec);
  lines.push(`- **${spec.multiValued ? 'Multi-valued' : 'Single-valued'}**${required ? `; ${required}` : ''}`);
  if (spec.serverManaged) lines.push('- **Server-managed:** the server writes it; leave it out of LDIF you author.');
  if (spec.since) lines.push(`- **Since:** ${spec.since}`);
  lines.push(...reactionLines(spec));
  return lines.join('\n');
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
