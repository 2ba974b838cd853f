/**
 * DN text as applying needs it: the parent as the user wrote it (for messages), the DN a
 * rename produces, and a comparison key. Parsing and normalising are the dn module's.
 */
import { normalizeDn, parseDn } from '../engine/dn/dn';

/** The parent DN as written (`ou=People,dc=x` for `uid=a,ou=People,dc=x`); '' for a single RDN. */
export function parentDn(dn: string): string {
  const { rdns } = parseDn(dn);
  return rdns.length > 1 ? dn.slice(rdns[1].start).trim() : '';
}

/** The DN an entry gets from a modrdn / moddn. */
export function renamedDn(dn: string, newRdn: string, newSuperior: string | undefined): string {
  const parent = newSuperior ?? parentDn(dn);
  return parent ? `${newRdn},${parent}` : newRdn;
}

/** Equal for DNs that name the same entry; a DN the parser rejects falls back to its trimmed, lower-cased text. */
export function dnKey(dn: string): string {
  return normalizeDn(dn) ?? dn.trim().toLowerCase();
}
