import type { Diagnostic, Fix } from '../../ldif/ast';
import { parseFilter, parseFilterList, type FilterProblem, type FilterProblemKind } from '../../filter/filter';
import { catalogValues, type CatalogValue } from '../catalogValues';
import { badValueConsequence } from '../messages';
import type { CodeInfo, RecordRule } from '../types';
import type { EntryView } from '../../model/entryView';
import { sentence, valuePartEdit, valuePartRange } from '../valueText';

const CODES = {
  'filter/invalid': {
    severity: 'error',
    group: 'filter',
    summary: 'A filter-valued winsync attribute does not hold a valid RFC 4515 filter (or filter list).',
  },
  'filter/missing-parens': {
    severity: 'error',
    group: 'filter',
    summary: 'A filter lacks its outer parentheses: an error where the server uses the value verbatim, information where it adds them itself.',
  },
  'filter/empty-set': {
    severity: 'warning',
    group: 'filter',
    summary: '(&) or (|) with nothing inside: RFC 4526 absolute true/false, not RFC 4515; usually a filter is missing.',
  },
  'filter/empty-substring': {
    severity: 'warning',
    group: 'filter',
    summary: 'A substring filter with "**": the empty piece between the stars is meaningless.',
  },
  'filter/whitespace': {
    severity: 'warning',
    group: 'filter',
    summary: 'Spaces around or between filters are not RFC 4515; servers differ in whether they ignore them.',
  },
} as const satisfies Record<string, CodeInfo>;

type FilterCode = keyof typeof CODES;

/** What every filter-valued attribute has in common, whichever of the two syntaxes it uses. */
type FilterValue = Pick<CatalogValue<'filter'>, 'line' | 'spec' | 'value'>;

/**
 * Every kind of problem the filter parser reports, and the code it is reported under. Missing
 * parentheses that wrapping would fix are reported separately, as filter/missing-parens.
 */
const CODE_OF: Record<FilterProblemKind, FilterCode> = {
  'missing-parens': 'filter/invalid',
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

/**
 * Filter-valued attributes: one RFC 4515 filter (`filter` syntax) or a bare filter list
 * (`filter-list`). Whether missing outer parentheses matter comes from the catalog.
 */
export const filterSyntax: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: CODES,
  check(entry, { catalog }) {
    const found: Diagnostic[] = [];
    for (const value of catalogValues(entry, catalog, 'filter')) checkFilter(value, entry, found);
    for (const value of catalogValues(entry, catalog, 'filter-list')) checkFilterList(value, entry, found);
    return found;
  },
};

function checkFilter(target: CatalogValue<'filter'>, entry: EntryView, found: Diagnostic[]): void {
  const parsed = parseFilter(target.value);
  for (const problem of parsed.problems) {
    if (isTrailingSpace(target, problem)) continue;
    if (problem.kind !== 'missing-parens') found.push(diagnostic(target, entry, problem));
    // When wrapping alone would not help, the other problems already say what is wrong.
    else if (parsed.fixedByWrapping) found.push(missingParens(target, entry, problem));
  }
}

function checkFilterList(target: CatalogValue<'filter-list'>, entry: EntryView, found: Diagnostic[]): void {
  const problems = parseFilterList(target.value).problems;
  const wrap = problems.some((problem) => problem.severity === 'error') && parseFilter(target.value).fixedByWrapping;
  for (const problem of problems) {
    if (isTrailingSpace(target, problem)) continue;
    const fix = wrap && problem.severity === 'error' ? wrapFix(target) : undefined;
    found.push({ ...diagnostic(target, entry, problem), ...(fix && { fixes: [fix] }) });
  }
}

// Spaces that end a plain value are reported once, by ldif/trailing-space.
function isTrailingSpace({ line, value }: FilterValue, problem: FilterProblem): boolean {
  return problem.kind === 'whitespace' && line.encoding === 'plain' && problem.end === value.length && problem.start > 0;
}

function diagnostic({ line, spec }: FilterValue, entry: EntryView, problem: FilterProblem): Diagnostic {
  const code = CODE_OF[problem.kind];
  const range = valuePartRange(line, problem.start, problem.end);
  if (problem.severity === 'error') {
    return { code, severity: 'error', range, message: `Invalid filter in ${spec.name}: ${sentence(problem.message)} ${badValueConsequence(spec, entry.record)}` };
  }
  const fixes: Fix[] | undefined = problem.kind === 'whitespace'
    ? [{ title: 'Remove the spaces', edits: [valuePartEdit(line, problem.start, problem.end, '')], preferred: true }]
    : undefined;
  return { code, severity: 'warning', range, message: `${spec.name}: ${sentence(problem.message)}`, ...(fixes && { fixes }) };
}

function missingParens(target: CatalogValue<'filter'>, entry: EntryView, problem: FilterProblem): Diagnostic {
  const { line, spec, syntax, value } = target;
  const inner = value.slice(problem.start, problem.end);
  const range = valuePartRange(line, problem.start, problem.end);
  const fixes = [wrapFix(target)];
  if (syntax.parensRequired) {
    return {
      code: 'filter/missing-parens',
      severity: 'error',
      range,
      message: `${spec.name} must be enclosed in parentheses: write (${inner}). The server uses the value as written and does not add them. ${badValueConsequence(spec, entry.record)}`,
      fixes,
    };
  }
  return {
    code: 'filter/missing-parens',
    severity: 'info',
    range,
    message: `${spec.name} works without its outer parentheses (389-DS adds them), but (${inner}) is the standard form.`,
    fixes,
  };
}

function wrapFix({ line, value }: FilterValue): Fix {
  const first = value.length - value.trimStart().length;
  const last = value.trimEnd().length;
  return { title: 'Wrap in parentheses', edits: [valuePartEdit(line, first, last, `(${value.slice(first, last)})`)], preferred: true };
}
