import type { Catalog } from '../../catalog';
import { parseDn, type DnProblem } from '../../dn/dn';
import type { Fix } from '../../ldif/ast';
import type { EntryView } from '../../model/entryView';
import type { Finding, RecordRule } from '../types';
import { catalogValues } from '../support/catalogValues';
import { dnProblems, hasText, pairHalves, RENAME_REFUSED, splitSubtreePair, type DnPlace } from '../support/dnPlaces';
import { valuePartEdit, valuePartRange } from '../support/edits';
import { badValueConsequence, sentence } from '../support/wording';

const SEPARATORS = ',;+';

/** Malformed DNs: the record's `dn:`, `newrdn:` and `newsuperior:`, DN-valued catalog attributes and subtree pairs. */
export default {
  meta: {
    code: 'dn/invalid',
    group: 'dn',
    severity: 'error',
    summary: 'A DN (entry DN, newrdn, newsuperior or a DN-valued winsync attribute) is not a valid RFC 4514 DN.',
    server:
      '389-DS refuses an operation on a malformed entry DN, newrdn or newsuperior with 34 (Invalid DN syntax). In a DN-valued attribute it depends on the attribute: DN-syntax attributes are refused with 21, others are stored as written and fail later.',
    example: [
      'dn: cn=Smith,John,ou=People,dc=example,dc=com',
      'changetype: modify',
      'replace: description',
      'description: synced from AD',
      '-',
    ],
  },
  scope: 'record',
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const { place, problem } of dnProblems(entry, catalog)) {
      if (problem.severity === 'error') found.push(dnError(place, problem));
    }
    checkNewRdnShape(entry, found);
    checkEmptyDnValues(entry, catalog, found);
    checkSubtreePairShape(entry, catalog, found);
    return found;
  },
} satisfies RecordRule;

function dnError(place: DnPlace, problem: DnProblem): Finding {
  const fix = escapeFix(place, problem);
  return {
    range: valuePartRange(place.line, place.offset + problem.start, place.offset + problem.end),
    message: `${place.what}: ${sentence(problem.message)} ${place.consequence}`,
    ...(fix && { fixes: [fix] }),
  };
}

/**
 * `cn=Smith, John,…`: a piece without `=` right after a separator that follows a value is
 * almost certainly part of that value, so escaping the separator is the fix.
 */
function escapeFix(place: DnPlace, problem: DnProblem): Fix | undefined {
  const { text } = place;
  const piece = text.slice(problem.start, problem.end);
  if (piece.trim() === '' || /[=,;+"\\]/.test(piece)) return undefined;
  let after = problem.end;
  while (text[after] === ' ') after++;
  if (after < text.length && !SEPARATORS.includes(text[after])) return undefined;
  let separator = problem.start - 1;
  while (separator >= 0 && text[separator] === ' ') separator--;
  if (separator < 1 || !SEPARATORS.includes(text[separator])) return undefined;
  let before = separator - 1;
  while (before >= 0 && text[before] === ' ') before--;
  if (before < 0 || SEPARATORS.includes(text[before])) return undefined;
  const at = place.offset + separator;
  return {
    title: `Escape the '${text[separator]}' before "${piece}" so it belongs to the value`,
    edits: [valuePartEdit(place.line, at, at, '\\')],
    preferred: true,
  };
}

/** newrdn must be one RDN: not empty, not several. */
function checkNewRdnShape({ record }: EntryView, found: Finding[]): void {
  const line = record.newRdn;
  if (!hasText(line)) return;
  const text = line.value;
  if (text.trim() === '') {
    found.push({
      range: line.line.range,
      message: `newrdn is empty: expected the entry's new RDN, e.g. cn=new-name. ${RENAME_REFUSED}`,
    });
    return;
  }
  if (!text.includes(',') && !text.includes(';')) return;
  const parsed = parseDn(text);
  if (parsed.rdns.length < 2 || parsed.problems.some((problem) => problem.severity === 'error')) return;
  const firstEnd = parsed.rdns[0].end;
  found.push({
    range: valuePartRange(line, firstEnd, text.length),
    message: `newrdn must be a single RDN, but "${text}" has ${parsed.rdns.length}: the server refuses the rename. Put the new parent in newsuperior:, or escape the '${text[firstEnd]}' if it belongs to the value.`,
  });
}

function checkEmptyDnValues(entry: EntryView, catalog: Catalog, found: Finding[]): void {
  for (const { line, spec, value } of catalogValues(entry, catalog, 'dn')) {
    if (value.trim() === '')
      found.push({ range: line.line.range, message: `Empty value for ${spec.name}: expected a DN.` });
  }
}

/** `<directory subtree DN>:<AD subtree DN>`: one ':' the server can split at, and a DN on each side of it. */
function checkSubtreePairShape(entry: EntryView, catalog: Catalog, found: Finding[]): void {
  for (const { line, spec, value } of catalogValues(entry, catalog, 'subtree-pair')) {
    const consequence = badValueConsequence(spec, entry.record);
    const error = (start: number, end: number, message: string, fixes?: Fix[]): void => {
      found.push({ range: valuePartRange(line, start, end), message, ...(fixes && { fixes }) });
    };
    const split = splitSubtreePair(value);
    if (split.kind === 'no-colon') {
      error(
        0,
        value.length,
        `${spec.name} must be "<directory subtree DN>:<AD subtree DN>", but this value has no ':'. ${consequence}`,
      );
      continue;
    }
    if (split.kind === 'ambiguous') {
      error(
        0,
        value.length,
        `${spec.name} holds ${split.colons} ':' characters, but 389-DS splits the value at every ':' and expects exactly one, between the two DNs. Write a ':' that is part of a DN as \\3A. ${consequence}`,
      );
      continue;
    }
    if (split.inner.length > 0) {
      const escaped = value.replace(/:/g, (colon, at: number) => (at === split.at ? colon : '\\3A'));
      const fix: Fix = {
        title: "Write the ':' inside the DN as \\3A",
        edits: [valuePartEdit(line, 0, value.length, escaped)],
        preferred: true,
      };
      for (const c of split.inner) {
        error(
          c,
          c + 1,
          `':' inside a DN: 389-DS splits ${spec.name} at every ':', so the DN would be cut here. Write it as \\3A. ${consequence}`,
          [fix],
        );
      }
    }
    for (const { side, start, end, where } of pairHalves(value, split.at)) {
      if (value.slice(start, end).trim() === '') {
        error(
          split.at,
          split.at + 1,
          `Missing the ${side} subtree DN ${where} the ':' in ${spec.name}. ${consequence}`,
        );
      }
    }
  }
}
