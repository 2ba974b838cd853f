/** LDAP search filters (RFC 4515): parsing with precise problems, and canonical printing. */
export type {
  AssertionValue,
  AttributeDescription,
  ComparisonFilter,
  ComparisonKind,
  ExtensibleFilter,
  FilterNode,
  FilterProblem,
  FilterProblemKind,
  MatchingRule,
  NotFilter,
  ParsedFilter,
  ParsedFilterList,
  PresentFilter,
  SetFilter,
  SubstringFilter,
} from './ast';
export { parseFilter, parseFilterList } from './parse';
export { escapeFilterValue, formatFilter } from './format';
