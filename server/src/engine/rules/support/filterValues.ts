/**
 * The filter-valued attributes of a record and what the filter parser finds in them: one RFC 4515
 * filter (`filter` syntax) or a bare filter list (`filter-list`). The filter/* rules each report
 * the problems of their code; this decides which code a problem belongs to.
 */
import type { Catalog } from '../../catalog';
import { parseFilter, parseFilterList, type FilterProblem, type FilterProblemKind } from '../../filter/filter';
import type { Fix } from '../../ldif/ast';
import type { EntryView } from '../../model/entryView';
import { catalogValues, type CatalogValue } from './catalogValues';
import { valuePartEdit } from './edits';

export type FilterCode =
  'filter/invalid' | 'filter/missing-parens' | 'filter/empty-set' | 'filter/empty-substring' | 'filter/whitespace';

/** What every filter-valued attribute has in common, whichever of the two syntaxes it uses. */
export type FilterValue = Pick<CatalogValue<'filter'>, 'line' | 'spec' | 'value'>;

/** A problem of one filter value, with the code it is reported under. */
export interface FilterProblemAt {
  readonly code: FilterCode;
  readonly problem: FilterProblem;
  readonly target: FilterValue;
  /** For `filter` syntax: whether the server needs the outer parentheses (it adds them itself otherwise). */
  readonly parensRequired?: boolean;
  /** For an error in a filter list: parentheses around the whole value would repair it. */
  readonly wrapRepairs: boolean;
}

/**
 * Every kind of problem the filter parser reports, and the code it is reported under. Missing
 * parentheses that wrapping would fix are filter/missing-parens; otherwise the other problems
 * of the value already say what is wrong.
 */
const CODE_OF: Record<Exclude<FilterProblemKind, 'missing-parens'>, FilterCode> = {
  'empty-set': 'filter/empty-set',
  'empty-substring': 'filter/empty-substring',
  whitespace: 'filter/whitespace',
  unbalanced: 'filter/invalid',
  'empty-filter': 'filter/invalid',
  'missing-attribute': 'filter/invalid',
  'invalid-attribute': 'filter/invalid',
  'unknown-operator': 'filter/invalid',
  'bad-escape': 'filter/invalid',
  'unescaped-paren': 'filter/invalid',
  'unescaped-asterisk': 'filter/invalid',
  nul: 'filter/invalid',
  'invalid-not': 'filter/invalid',
  'invalid-extensible': 'filter/invalid',
  'expected-filter': 'filter/invalid',
  'trailing-text': 'filter/invalid',
};

/** The problems of the record's filter values of one code, in value order. */
export function filterProblems(entry: EntryView, catalog: Catalog, code: FilterCode): FilterProblemAt[] {
  const found: FilterProblemAt[] = [];
  for (const target of catalogValues(entry, catalog, 'filter')) {
    const parsed = parseFilter(target.value);
    for (const problem of parsed.problems) {
      if (isTrailingSpace(target, problem)) continue;
      const at =
        problem.kind !== 'missing-parens'
          ? CODE_OF[problem.kind]
          : parsed.fixedByWrapping
            ? 'filter/missing-parens'
            : undefined;
      if (at === code)
        found.push({ code, problem, target, parensRequired: target.syntax.parensRequired, wrapRepairs: false });
    }
  }
  for (const target of catalogValues(entry, catalog, 'filter-list')) {
    const problems = parseFilterList(target.value).problems;
    const wrap = problems.some((problem) => problem.severity === 'error') && parseFilter(target.value).fixedByWrapping;
    for (const problem of problems) {
      if (isTrailingSpace(target, problem)) continue;
      const at = problem.kind === 'missing-parens' ? 'filter/invalid' : CODE_OF[problem.kind];
      if (at === code) found.push({ code, problem, target, wrapRepairs: wrap && problem.severity === 'error' });
    }
  }
  return found;
}

// Spaces that end a plain value are reported once, by ldif/trailing-space.
function isTrailingSpace({ line, value }: FilterValue, problem: FilterProblem): boolean {
  return (
    problem.kind === 'whitespace' && line.encoding === 'plain' && problem.end === value.length && problem.start > 0
  );
}

/** Encloses the value (without its surrounding spaces) in parentheses. */
export function wrapFix({ line, value }: FilterValue): Fix {
  const first = value.length - value.trimStart().length;
  const last = value.trimEnd().length;
  return {
    title: 'Wrap in parentheses',
    edits: [valuePartEdit(line, first, last, `(${value.slice(first, last)})`)],
    preferred: true,
  };
}
