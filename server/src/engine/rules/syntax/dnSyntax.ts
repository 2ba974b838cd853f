import type { AttrLine, Diagnostic, Fix, LdifRecord } from '../../ldif/ast';
import { isPlainDn, parseDn, replicaSuffix, type DnProblem, type ParsedDn } from '../../dn/dn';
import { catalogValues, type CatalogValue } from '../catalogValues';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';
import { sentence, valuePartEdit, valuePartRange } from '../valueText';

const ENTRY_DN_REFUSED = '389-DS refuses the operation with 34 (Invalid DN syntax).';
const RENAME_REFUSED = '389-DS refuses the rename with 34 (Invalid DN syntax).';
const SEPARATORS = ',;+';

/**
 * Malformed and legacy-form DNs: the record's `dn:`, `newrdn:` and `newsuperior:`, catalog
 * attributes with DN syntax, and both halves of `dsDN:windowsDN` subtree pairs.
 */
export const dnSyntax: RecordRule = {
  scope: 'record',
  codes: {
    'dn/invalid': {
      severity: 'error',
      group: 'dn',
      summary: 'A DN (entry DN, newrdn, newsuperior or a DN-valued winsync attribute) is not a valid RFC 4514 DN.',
    },
    'dn/legacy-form': {
      severity: 'info',
      group: 'dn',
      summary: 'A DN uses a legacy form (quoted value, ";" separator, spaces around separators) that 389-DS accepts and rewrites.',
    },
    'dn/root-dse': {
      severity: 'warning',
      group: 'dn',
      summary: 'A change record with an empty dn: targets the root DSE, which a change almost never means.',
    },
  },
  check(entry, { catalog }) {
    const found: Diagnostic[] = [];
    const { record } = entry;
    checkEntryDn(record, found);
    checkNewRdn(record.newRdn, found);
    if (hasText(record.newSuperior)) {
      const line = record.newSuperior;
      reportDn({ line, offset: 0, text: line.value, what: 'Invalid newsuperior', consequence: RENAME_REFUSED }, found);
    }
    for (const value of catalogValues(entry, catalog, 'dn')) checkDnValue(value, record, found);
    for (const value of catalogValues(entry, catalog, 'subtree-pair')) checkSubtreePair(value, record, found);
    return found;
  },
};

/** A DN inside a value: where it is and what to say when it is malformed. */
interface DnPlace {
  readonly line: AttrLine;
  /** Offset of the DN text in the line's value. */
  readonly offset: number;
  readonly text: string;
  /** Start of an error message, e.g. "Invalid DN in nsDS5ReplicaRoot". */
  readonly what: string;
  /** What the server does with a malformed DN here. */
  readonly consequence: string;
}

function hasText(line: AttrLine | undefined): line is AttrLine & { value: string } {
  return line !== undefined && line.encoding !== 'url' && line.value !== undefined;
}

function reportDn(place: DnPlace, found: Diagnostic[], parsed?: ParsedDn): void {
  // Nearly every DN is plain: it has no problem to report, and then needs no parse.
  if (!parsed && isPlainDn(place.text)) return;
  for (const problem of (parsed ?? parseDn(place.text)).problems) {
    if (problem.severity === 'error') found.push(dnError(place, problem));
    else if (!isTrailingSpaceOfValue(place, problem)) found.push(legacyForm(place, problem));
  }
}

// Spaces that end a plain value are reported once, by ldif/trailing-space.
function isTrailingSpaceOfValue(place: DnPlace, problem: DnProblem): boolean {
  const { line } = place;
  return problem.replacement === '' && line.encoding === 'plain' && place.offset + problem.end === line.rawValue.length;
}

function dnError(place: DnPlace, problem: DnProblem): Diagnostic {
  const fix = escapeFix(place, problem);
  return {
    code: 'dn/invalid',
    severity: 'error',
    range: valuePartRange(place.line, place.offset + problem.start, place.offset + problem.end),
    message: `${place.what}: ${sentence(problem.message)} ${place.consequence}`,
    ...(fix && { fixes: [fix] }),
  };
}

function legacyForm(place: DnPlace, problem: DnProblem): Diagnostic {
  const replacement = problem.replacement ?? '';
  return {
    code: 'dn/legacy-form',
    severity: 'info',
    range: valuePartRange(place.line, place.offset + problem.start, place.offset + problem.end),
    message: sentence(problem.message),
    fixes: [
      {
        title: replacement === '' ? 'Remove the spaces' : `Replace with "${replacement}"`,
        edits: [valuePartEdit(place.line, place.offset + problem.start, place.offset + problem.end, replacement)],
        preferred: true,
      },
    ],
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

function checkEntryDn(record: LdifRecord, found: Diagnostic[]): void {
  const line = record.dn;
  if (!hasText(line)) return;
  if (line.value.trim() === '') {
    // A content record naming the root DSE is an export of it (ldapsearch -s base), which is fine.
    if (record.kind !== 'content') found.push(rootDse(record, line));
    return;
  }
  if (isPlainDn(line.value)) return;
  const parsed = parseDn(line.value);
  // The IdM guide prints agreement DNs as "dn:,cn=replica,…": the agreement's own RDN got lost.
  const lostRdn = line.value.startsWith(',')
    ? ` The DN starts with ',': the entry's own RDN${replicaSuffix(parsed) ? ' (cn=<agreement name>)' : ''} is missing in front of it.`
    : '';
  reportDn({ line, offset: 0, text: line.value, what: 'Invalid DN', consequence: ENTRY_DN_REFUSED + lostRdn }, found, parsed);
}

function rootDse(record: LdifRecord, line: AttrLine): Diagnostic {
  const what: Partial<Record<LdifRecord['kind'], string>> = {
    modify:
      'it holds server information rather than settings a winsync change would touch. Is the DN of the plug-in entry or the agreement missing?',
    add: 'it always exists and cannot be added. Is the DN missing?',
    delete: 'it cannot be deleted. Is the DN missing?',
    modrdn: 'it has no RDN and cannot be renamed. Is the DN missing?',
    moddn: 'it has no RDN and cannot be renamed. Is the DN missing?',
  };
  return {
    code: 'dn/root-dse',
    severity: 'warning',
    range: { start: line.nameRange.start, end: line.separatorRange.end },
    message: `An empty dn: names the root DSE: ${what[record.kind] ?? 'is the DN missing?'}`,
  };
}

function checkNewRdn(line: AttrLine | undefined, found: Diagnostic[]): void {
  if (!hasText(line)) return;
  const text = line.value;
  if (text.trim() === '') {
    found.push({
      code: 'dn/invalid',
      severity: 'error',
      range: line.line.range,
      message: `newrdn is empty: expected the entry's new RDN, e.g. cn=new-name. ${RENAME_REFUSED}`,
    });
    return;
  }
  // A plain DN without a comma is a single RDN without problems.
  if (isPlainDn(text) && !text.includes(',')) return;
  const parsed = parseDn(text);
  reportDn({ line, offset: 0, text, what: 'Invalid newrdn', consequence: RENAME_REFUSED }, found, parsed);
  if (parsed.rdns.length < 2 || parsed.problems.some((problem) => problem.severity === 'error')) return;
  const firstEnd = parsed.rdns[0].end;
  found.push({
    code: 'dn/invalid',
    severity: 'error',
    range: valuePartRange(line, firstEnd, text.length),
    message: `newrdn must be a single RDN, but "${text}" has ${parsed.rdns.length}: the server refuses the rename. Put the new parent in newsuperior:, or escape the '${text[firstEnd]}' if it belongs to the value.`,
  });
}

function checkDnValue({ line, spec, value }: CatalogValue<'dn'>, record: LdifRecord, found: Diagnostic[]): void {
  if (value.trim() === '') {
    found.push({ code: 'dn/invalid', severity: 'error', range: line.line.range, message: `Empty value for ${spec.name}: expected a DN.` });
    return;
  }
  reportDn({ line, offset: 0, text: value, what: `Invalid DN in ${spec.name}`, consequence: badValueConsequence(spec, record) }, found);
}

function isUsableDn(text: string): boolean {
  return text.trim() !== '' && parseDn(text).problems.every((problem) => problem.severity !== 'error');
}

function checkSubtreePair({ line, spec, value }: CatalogValue<'subtree-pair'>, record: LdifRecord, found: Diagnostic[]): void {
  const consequence = badValueConsequence(spec, record);
  const colons: number[] = [];
  for (let i = value.indexOf(':'); i >= 0; i = value.indexOf(':', i + 1)) colons.push(i);
  const error = (start: number, end: number, message: string, fixes?: Fix[]): void => {
    found.push({ code: 'dn/invalid', severity: 'error', range: valuePartRange(line, start, end), message, ...(fixes && { fixes }) });
  };
  if (colons.length === 0) {
    error(0, value.length, `${spec.name} must be "<directory subtree DN>:<AD subtree DN>", but this value has no ':'. ${consequence}`);
    return;
  }
  let split = colons[0];
  if (colons.length > 1) {
    // The server splits at every ':'; if exactly one split gives two valid DNs, the other colons belong inside a DN.
    const candidates = colons.filter((c) => isUsableDn(value.slice(0, c)) && isUsableDn(value.slice(c + 1)));
    if (candidates.length !== 1) {
      error(0, value.length, `${spec.name} holds ${colons.length} ':' characters, but 389-DS splits the value at every ':' and expects exactly one, between the two DNs. Write a ':' that is part of a DN as \\3A. ${consequence}`);
      return;
    }
    split = candidates[0];
    const inner = colons.filter((c) => c !== split);
    const escaped = value.replace(/:/g, (colon, at: number) => (at === split ? colon : '\\3A'));
    const fix: Fix = { title: "Write the ':' inside the DN as \\3A", edits: [valuePartEdit(line, 0, value.length, escaped)], preferred: true };
    for (const c of inner) {
      error(c, c + 1, `':' inside a DN: 389-DS splits ${spec.name} at every ':', so the DN would be cut here. Write it as \\3A. ${consequence}`, [fix]);
    }
  }
  const halves = [
    { side: 'directory', start: 0, end: split, where: 'before' },
    { side: 'AD', start: split + 1, end: value.length, where: 'after' },
  ];
  for (const { side, start, end, where } of halves) {
    const text = value.slice(start, end);
    if (text.trim() === '') {
      error(split, split + 1, `Missing the ${side} subtree DN ${where} the ':' in ${spec.name}. ${consequence}`);
      continue;
    }
    reportDn({ line, offset: start, text, what: `Invalid ${side} subtree DN in ${spec.name}`, consequence }, found);
  }
}
