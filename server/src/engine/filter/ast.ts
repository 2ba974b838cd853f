/**
 * The parsed form of an RFC 4515 search filter. Offsets are UTF-16 indices into the
 * parsed text; a node spans from its `(` to just after its `)`.
 */

export interface AttributeDescription {
  /** As written, options included (`cn;lang-en`). */
  readonly text: string;
  /** The type without options (`cn`). */
  readonly type: string;
  readonly options: readonly string[];
  readonly start: number;
  readonly end: number;
}

export interface AssertionValue {
  /** Escapes resolved; bytes that are not UTF-8 read as U+FFFD. */
  readonly text: string;
  /** The decoded octets, only when they are not valid UTF-8 (binary values such as objectGUID). */
  readonly bytes?: Uint8Array;
  /** Offsets of the value as written. */
  readonly start: number;
  readonly end: number;
}

export interface MatchingRule {
  /** An OID (`2.5.13.5`) or a name (`caseExactMatch`). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface SetFilter extends Span {
  readonly kind: 'and' | 'or';
  /** Empty for the RFC 4526 absolute true `(&)` and false `(|)`. */
  readonly children: readonly FilterNode[];
}

export interface NotFilter extends Span {
  readonly kind: 'not';
  readonly child: FilterNode;
}

export type ComparisonKind = 'equality' | 'approx' | 'greaterOrEqual' | 'lessOrEqual';

export interface ComparisonFilter extends Span {
  readonly kind: ComparisonKind;
  readonly attribute: AttributeDescription;
  readonly value: AssertionValue;
}

export interface PresentFilter extends Span {
  readonly kind: 'present';
  readonly attribute: AttributeDescription;
}

export interface SubstringFilter extends Span {
  readonly kind: 'substring';
  readonly attribute: AttributeDescription;
  readonly initial?: AssertionValue;
  readonly any: readonly AssertionValue[];
  readonly final?: AssertionValue;
}

export interface ExtensibleFilter extends Span {
  readonly kind: 'extensible';
  readonly attribute?: AttributeDescription;
  /** `:dn`: also match the attributes of the entry's DN. */
  readonly dnAttributes: boolean;
  readonly matchingRule?: MatchingRule;
  readonly value: AssertionValue;
}

export type FilterNode = SetFilter | NotFilter | ComparisonFilter | PresentFilter | SubstringFilter | ExtensibleFilter;

/** Stable problem codes, so callers can pick severities and quick fixes. */
export type FilterProblemKind =
  | 'missing-parens'
  | 'unbalanced'
  | 'empty-filter'
  | 'missing-attribute'
  | 'invalid-attribute'
  | 'unknown-operator'
  | 'bad-escape'
  | 'unescaped-paren'
  | 'unescaped-asterisk'
  | 'nul'
  | 'empty-set'
  | 'empty-substring'
  | 'invalid-not'
  | 'invalid-extensible'
  | 'expected-filter'
  | 'trailing-text'
  | 'whitespace';

export interface FilterProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly kind: FilterProblemKind;
}

export interface ParsedFilter {
  /** The filter, when the text has no errors (or only `missing-parens`, then it is the wrapped filter). */
  readonly filter: FilterNode | undefined;
  readonly problems: readonly FilterProblem[];
  /** The text lacks its outer parentheses and enclosing it in them gives a valid filter. */
  readonly fixedByWrapping: boolean;
}

export interface ParsedFilterList {
  /** The filters, when the text has no errors; empty otherwise. */
  readonly filters: readonly FilterNode[];
  readonly problems: readonly FilterProblem[];
}
