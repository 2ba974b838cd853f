/**
 * Distinguished names: parsing (RFC 4514 plus 389-DS legacy forms), printing, and the
 * comparisons the rules need. Comparisons use one canonical form, so that the many ways
 * of writing a DN (`\3D`, `\=`, quotes, spaces, case) compare equal.
 */
import { escapeDnValue, formatDn } from './format';
import { parseDn, type Ava, type ParsedDn, type Rdn } from './parse';

export { escapeDnValue, formatAva, formatDn, formatRdn, type AvaText, type RdnText } from './format';
export { isAttributeType, isPlainDn, parseDn, type Ava, type DnProblem, type ParsedDn, type Rdn } from './parse';
export { replicaSuffix, type ReplicaSuffix } from './replica';

/** A DN given as text or already parsed. */
export type DnInput = string | ParsedDn;

function parsed(dn: DnInput): ParsedDn {
  return typeof dn === 'string' ? parseDn(dn) : dn;
}

function hasErrors(dn: ParsedDn): boolean {
  return dn.problems.some((problem) => problem.severity === 'error');
}

function normalizeAva(ava: Ava): string {
  const type = ava.type.toLowerCase();
  const value = ava.value.toLowerCase();
  return ava.hexString ? `${type}=${value}` : `${type}=${escapeDnValue(value)}`;
}

// A multi-valued RDN is a set: 389-DS sorts its AVAs when it normalises, so do we.
function normalizeRdn(rdn: Rdn): string {
  return rdn.avas.length === 1 ? normalizeAva(rdn.avas[0]) : rdn.avas.map(normalizeAva).sort().join('+');
}

/**
 * The canonical form for comparing DNs: types and values lower-cased, values re-escaped as
 * `\XX`, no spaces or quotes; undefined when the DN has errors (legacy forms are fine).
 */
export function normalizeDn(dn: DnInput): string | undefined {
  const result = parsed(dn);
  if (hasErrors(result)) return undefined;
  return result.rdns.map(normalizeRdn).join(',');
}

/** Normalised parent of a DN; undefined for the empty DN or a DN with errors. */
export function parentDn(dn: DnInput): string | undefined {
  const result = parsed(dn);
  if (result.rdns.length === 0 || hasErrors(result)) return undefined;
  return result.rdns.slice(1).map(normalizeRdn).join(',');
}

/** True when `dn` is `ancestor` or lies below it (the empty DN is everybody's ancestor); false on errors. */
export function isDescendantOrSelf(dn: DnInput, ancestor: DnInput): boolean {
  const child = normalizeDn(dn);
  const parent = normalizeDn(ancestor);
  if (child === undefined || parent === undefined) return false;
  // Canonical values escape `,` as \2C, so every ',' left in the text separates RDNs.
  return parent === '' || child === parent || child.endsWith(',' + parent);
}

/** True when both DNs are valid and name the same entry. */
export function sameDn(a: DnInput, b: DnInput): boolean {
  const left = normalizeDn(a);
  return left !== undefined && left === normalizeDn(b);
}

/** The DN as 389-DS would store it: RFC 4514 form, case kept, legacy forms rewritten; undefined on errors. */
export function canonicalDn(dn: DnInput): string | undefined {
  const result = parsed(dn);
  return hasErrors(result) ? undefined : formatDn(result.rdns);
}
