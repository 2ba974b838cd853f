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

export interface SyntaxDefinition extends Common {}

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

const USAGES: readonly AttributeUsage[] = ['userApplications', 'directoryOperation', 'distributedOperation', 'dSAOperation'];

function common(raw: RawDefinition, text: string): Common {
  const extensions = new Map<string, readonly string[]>();
  for (const [keyword, values] of raw.fields) if (keyword.startsWith('X-')) extensions.set(keyword, values);
  return {
    oid: raw.oid,
    description: raw.fields.get('DESC')?.[0],
    obsolete: raw.flags.has('OBSOLETE'),
    extensions,
    text,
  };
}

function first(raw: RawDefinition, keyword: string): string | undefined {
  return raw.fields.get(keyword)?.[0];
}

export function readAttributeType(text: string, problems: DefinitionProblem[]): AttributeTypeDefinition {
  const raw = parsed(text, 'attributeTypes', problems);
  const syntaxText = first(raw, 'SYNTAX');
  const bound = syntaxText ? /^(.*?)\{(\d+)\}$/.exec(syntaxText) : null;
  const usageText = first(raw, 'USAGE');
  const usage = USAGES.find((candidate) => candidate.toLowerCase() === usageText?.toLowerCase());
  if (usageText !== undefined && !usage) problems.push({ kind: 'attributeTypes', text, problem: `unknown USAGE ${usageText}` });
  return {
    ...common(raw, text),
    names: raw.fields.get('NAME') ?? [],
    superior: first(raw, 'SUP'),
    equality: first(raw, 'EQUALITY'),
    ordering: first(raw, 'ORDERING'),
    substring: first(raw, 'SUBSTR'),
    syntax: bound ? bound[1] : syntaxText,
    syntaxLength: bound ? Number(bound[2]) : undefined,
    singleValue: raw.flags.has('SINGLE-VALUE'),
    collective: raw.flags.has('COLLECTIVE'),
    noUserModification: raw.flags.has('NO-USER-MODIFICATION'),
    usage: usage ?? 'userApplications',
  };
}

export function readObjectClass(text: string, problems: DefinitionProblem[]): ObjectClassDefinition {
  const raw = parsed(text, 'objectClasses', problems);
  const kind: ObjectClassKind = raw.flags.has('ABSTRACT') ? 'ABSTRACT' : raw.flags.has('AUXILIARY') ? 'AUXILIARY' : 'STRUCTURAL';
  return {
    ...common(raw, text),
    names: raw.fields.get('NAME') ?? [],
    superiors: raw.fields.get('SUP') ?? [],
    kind,
    must: raw.fields.get('MUST') ?? [],
    may: raw.fields.get('MAY') ?? [],
  };
}

export function readSyntax(text: string, problems: DefinitionProblem[]): SyntaxDefinition {
  return common(parsed(text, 'ldapSyntaxes', problems), text);
}

export function readMatchingRule(text: string, problems: DefinitionProblem[]): MatchingRuleDefinition {
  const raw = parsed(text, 'matchingRules', problems);
  return { ...common(raw, text), names: raw.fields.get('NAME') ?? [], syntax: first(raw, 'SYNTAX') };
}

function parsed(text: string, kind: DefinitionKind, problems: DefinitionProblem[]): RawDefinition {
  const raw = parseDefinition(text);
  for (const problem of raw.problems) problems.push({ kind, text, problem });
  return raw;
}
