/**
 * Where a record holds DNs: its `dn:`, `newrdn:` and `newsuperior:`, catalog attributes with DN
 * syntax, and both halves of `dsDN:windowsDN` subtree pairs. dn/invalid and dn/legacy-form read
 * the same places; what the server does with a malformed DN is said per place.
 */
import type { Catalog } from '../../catalog';
import { isPlainDn, parseDn, replicaSuffix, type DnProblem } from '../../dn/dn';
import type { AttrLine } from '../../ldif/ast';
import type { EntryView } from '../../model/entryView';
import { catalogValues } from './catalogValues';
import { rememberLast } from './rememberLast';
import { badValueConsequence } from './wording';

export const ENTRY_DN_REFUSED = '389-DS refuses the operation with 34 (Invalid DN syntax).';
export const RENAME_REFUSED = '389-DS refuses the rename with 34 (Invalid DN syntax).';

/** A DN inside a value: where it is and what to say when it is malformed. */
export interface DnPlace {
  readonly line: AttrLine;
  /** Offset of the DN text in the line's value. */
  readonly offset: number;
  readonly text: string;
  /** Start of an error message, e.g. "Invalid DN in nsDS5ReplicaRoot". */
  readonly what: string;
  /** What the server does with a malformed DN here. */
  readonly consequence: string;
}

/** A line whose value is known text (not a URL, not base64 that is not UTF-8). */
export function hasText(line: AttrLine | undefined): line is AttrLine & { value: string } {
  return line !== undefined && line.encoding !== 'url' && line.value !== undefined;
}

/** A problem of a DN the record holds, and where that DN is. */
export interface DnProblemAt {
  readonly place: DnPlace;
  readonly problem: DnProblem;
}

const NONE: readonly DnProblemAt[] = Object.freeze([]);

/** Every problem of every DN the record holds, in record order (one parse for dn/invalid and dn/legacy-form). */
export const dnProblems: (entry: EntryView, catalog: Catalog) => readonly DnProblemAt[] = rememberLast(
  (entry: EntryView, catalog: Catalog) => {
    const { record } = entry;
    // Nearly every record is an ordinary entry with a plain DN and no rename: nothing to parse.
    const plain = record.dn === undefined || (record.dn.encoding === 'plain' && isPlainDn(record.dn.rawValue));
    if (plain && entry.kind === undefined && record.newRdn === undefined && record.newSuperior === undefined)
      return NONE;
    let found: DnProblemAt[] | undefined;
    forEachDnPlace(entry, catalog, (place) => {
      // Nearly every DN is plain: it has no problem to report, and then needs no parse.
      if (isPlainDn(place.text)) return;
      for (const problem of parseDn(place.text).problems) (found ??= []).push({ place, problem });
    });
    return found ?? NONE;
  },
);

/**
 * Visits every DN of the record that needs parsing: plain DNs (nearly all of them, with nothing to report)
 * and empty values (which dn/invalid and dn/root-dse report on their own) are left out.
 */
function forEachDnPlace(entry: EntryView, catalog: Catalog, visit: (place: DnPlace) => void): void {
  const { record } = entry;
  const { dn, newRdn, newSuperior } = record;
  if (hasText(dn) && dn.value.trim() !== '' && !isPlainDn(dn.value)) {
    visit({
      line: dn,
      offset: 0,
      text: dn.value,
      what: 'Invalid DN',
      consequence: ENTRY_DN_REFUSED + lostRdn(dn.value),
    });
  }
  // A plain DN without a comma is a single RDN without problems.
  if (hasText(newRdn) && newRdn.value.trim() !== '' && !(isPlainDn(newRdn.value) && !newRdn.value.includes(','))) {
    visit({ line: newRdn, offset: 0, text: newRdn.value, what: 'Invalid newrdn', consequence: RENAME_REFUSED });
  }
  if (hasText(newSuperior)) {
    visit({
      line: newSuperior,
      offset: 0,
      text: newSuperior.value,
      what: 'Invalid newsuperior',
      consequence: RENAME_REFUSED,
    });
  }
  for (const { line, spec, value } of catalogValues(entry, catalog, 'dn')) {
    if (value.trim() === '') continue;
    visit({
      line,
      offset: 0,
      text: value,
      what: `Invalid DN in ${spec.name}`,
      consequence: badValueConsequence(spec, record),
    });
  }
  for (const { line, spec, value } of catalogValues(entry, catalog, 'subtree-pair')) {
    const split = splitSubtreePair(value);
    if (split.kind !== 'split') continue;
    for (const half of pairHalves(value, split.at)) {
      const text = value.slice(half.start, half.end);
      if (text.trim() === '') continue;
      const consequence = badValueConsequence(spec, record);
      visit({
        line,
        offset: half.start,
        text,
        what: `Invalid ${half.side} subtree DN in ${spec.name}`,
        consequence,
      });
    }
  }
}

// The IdM guide prints agreement DNs as "dn:,cn=replica,…": the agreement's own RDN got lost.
function lostRdn(dn: string): string {
  if (!dn.startsWith(',')) return '';
  return ` The DN starts with ',': the entry's own RDN${replicaSuffix(dn) ? ' (cn=<agreement name>)' : ''} is missing in front of it.`;
}

/** How the server splits a `<directory DN>:<AD DN>` value. */
export type SubtreePairSplit =
  | { readonly kind: 'no-colon' }
  /** Several colons, and not exactly one of them splits the value into two valid DNs. */
  | { readonly kind: 'ambiguous'; readonly colons: number }
  /** `at`: the colon between the DNs; `inner`: colons that belong inside a DN. */
  | { readonly kind: 'split'; readonly at: number; readonly inner: readonly number[] };

export function splitSubtreePair(value: string): SubtreePairSplit {
  const colons: number[] = [];
  for (let i = value.indexOf(':'); i >= 0; i = value.indexOf(':', i + 1)) colons.push(i);
  if (colons.length === 0) return { kind: 'no-colon' };
  if (colons.length === 1) return { kind: 'split', at: colons[0], inner: [] };
  // The server splits at every ':'; if exactly one split gives two valid DNs, the other colons belong inside a DN.
  const candidates = colons.filter((c) => isUsableDn(value.slice(0, c)) && isUsableDn(value.slice(c + 1)));
  if (candidates.length !== 1) return { kind: 'ambiguous', colons: colons.length };
  return { kind: 'split', at: candidates[0], inner: colons.filter((c) => c !== candidates[0]) };
}

/** The two halves of a split subtree pair, and how messages name them. */
export function pairHalves(value: string, at: number) {
  return [
    { side: 'directory', start: 0, end: at, where: 'before' },
    { side: 'AD', start: at + 1, end: value.length, where: 'after' },
  ] as const;
}

function isUsableDn(text: string): boolean {
  return text.trim() !== '' && parseDn(text).problems.every((problem) => problem.severity !== 'error');
}
