/**
 * Typed RFC 4512 definitions, read from the generic parse: what each keyword means for an
 * attribute type, an object class, an LDAP syntax and a matching rule. Vendor extensions
 * (389-DS's X-ORIGIN, X-DEPRECATED, …) are kept by name.
 */
import { parseDefinition, type RawDefinition } from './parse';

export type AttributeUsage = 'userApplications' | 'directoryOperation' | 'distributedOperation' | 'dSAOperation';
export type ObjectClassKind = 'ABSTRACT' | 'STRUCTURAL' | 'AUXILIARY';

interface Common {
  readonly oid: string;
  readonly description: string | undefined;
  readonly obsolete: boolean;
  /** `X-…` fields by upper-cased name, e.g. X-ORIGIN. */
  readonly extensions: ReadonlyMap<string, readonly string[]>;
  /** The definition as the server published it. */
  readonly text: string;
}

export interface AttributeTypeDefinition extends Common {
  readonly names: readonly string[];
  readonly superior: string | undefined;
  readonly equality: string | undefined;
  readonly ordering: string | undefined;
  readonly substring: string | undefined;
  /** The syntax OID, without a `{len}` bound. */
  readonly syntax: string | undefined;
  /** The `{len}` bound, when the text has one (389-DS drops them when it publishes). */
  readonly syntaxLength: number | undefined;
  readonly singleValue: boolean;
  readonly collective: boolean;
  readonly noUserModification: boolean;
  readonly usage: AttributeUsage;
}

export interface ObjectClassDefinition extends Common {
  readonly names: readonly string[];
  readonly superiors: readonly string[];
  readonly kind: ObjectClassKind;
  readonly must: readonly string[];
  readonly may: readonly string[];
}

export type SyntaxDefinition = Common;

export interface MatchingRuleDefinition extends Common {
  readonly names: readonly string[];
  readonly syntax: string | undefined;
}

export type DefinitionKind = 'attributeTypes' | 'objectClasses' | 'ldapSyntaxes' | 'matchingRules';

/** A definition that did not read cleanly: which list, which text, what was wrong. */
export interface DefinitionProblem {
  readonly kind: DefinitionKind;
  readonly text: string;
  readonly problem: string;
}

const USAGES: readonly AttributeUsage[] = [
  'userApplications',
  'directoryOperation',
  'distributedOperation',
  'dSAOperation',
];

const NO_EXTENSIONS: ReadonlyMap<string, readonly string[]> = new Map();
const NONE: readonly string[] = Object.freeze([]);

function extensionsOf(raw: RawDefinition): ReadonlyMap<string, readonly string[]> {
  let extensions: Map<string, readonly string[]> | undefined;
  for (const [keyword, values] of raw.fields) {
    if (!keyword.startsWith('X-')) continue;
    extensions ??= new Map();
    extensions.set(keyword, values);
  }
  return extensions ?? NO_EXTENSIONS;
}

function first(raw: RawDefinition, keyword: string): string | undefined {
  return raw.fields.get(keyword)?.[0];
}

/** What every kind of definition has. */
function base(raw: RawDefinition, text: string): Common {
  return {
    oid: raw.oid,
    description: first(raw, 'DESC'),
    obsolete: raw.flags.has('OBSOLETE'),
    extensions: extensionsOf(raw),
    text,
  };
}

export function readAttributeType(text: string, problems: DefinitionProblem[]): AttributeTypeDefinition {
  const raw = parsed(text, 'attributeTypes', problems);
  const syntaxText = first(raw, 'SYNTAX');
  const brace = syntaxText === undefined ? -1 : syntaxText.indexOf('{');
  const usageText = first(raw, 'USAGE');
  const usage =
    usageText === undefined
      ? 'userApplications'
      : USAGES.find((candidate) => candidate.toLowerCase() === usageText.toLowerCase());
  if (!usage) problems.push({ kind: 'attributeTypes', text, problem: `unknown USAGE ${usageText}` });
  return {
    ...base(raw, text),
    names: raw.fields.get('NAME') ?? NONE,
    superior: first(raw, 'SUP'),
    equality: first(raw, 'EQUALITY'),
    ordering: first(raw, 'ORDERING'),
    substring: first(raw, 'SUBSTR'),
    syntax: brace < 0 ? syntaxText : syntaxText?.slice(0, brace),
    syntaxLength: brace < 0 ? undefined : Number.parseInt(syntaxText?.slice(brace + 1) ?? '', 10),
    singleValue: raw.flags.has('SINGLE-VALUE'),
    collective: raw.flags.has('COLLECTIVE'),
    noUserModification: raw.flags.has('NO-USER-MODIFICATION'),
    usage: usage ?? 'userApplications',
  };
}

export function readObjectClass(text: string, problems: DefinitionProblem[]): ObjectClassDefinition {
  const raw = parsed(text, 'objectClasses', problems);
  const kind: ObjectClassKind = raw.flags.has('ABSTRACT')
    ? 'ABSTRACT'
    : raw.flags.has('AUXILIARY')
      ? 'AUXILIARY'
      : 'STRUCTURAL';
  return {
    ...base(raw, text),
    names: raw.fields.get('NAME') ?? NONE,
    superiors: raw.fields.get('SUP') ?? NONE,
    kind,
    must: raw.fields.get('MUST') ?? NONE,
    may: raw.fields.get('MAY') ?? NONE,
  };
}

export function readSyntax(text: string, problems: DefinitionProblem[]): SyntaxDefinition {
  const raw = parsed(text, 'ldapSyntaxes', problems);
  return base(raw, text);
}

export function readMatchingRule(text: string, problems: DefinitionProblem[]): MatchingRuleDefinition {
  const raw = parsed(text, 'matchingRules', problems);
  return {
    ...base(raw, text),
    names: raw.fields.get('NAME') ?? NONE,
    syntax: first(raw, 'SYNTAX'),
  };
}

function parsed(text: string, kind: DefinitionKind, problems: DefinitionProblem[]): RawDefinition {
  const raw = parseDefinition(text);
  for (const problem of raw.problems) problems.push({ kind, text, problem });
  return raw;
}
