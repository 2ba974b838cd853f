/**
 * The suffix a replica (or an agreement below it) belongs to is encoded as one RDN value:
 * `cn=replica,cn=dc\3Dexample\2Cdc\3Dcom,cn=mapping tree,cn=config`.
 */
import { formatDn } from './format';
import { parseDn, type ParsedDn, type Rdn } from './parse';

export interface ReplicaSuffix {
  /** The suffix DN, e.g. `dc=example,dc=com`. */
  readonly suffix: string;
  /** Offsets of the suffix RDN (`cn=…`) in the DN, or of all the RDNs it was wrongly split into. */
  readonly start: number;
  readonly end: number;
  /**
   * The suffix was written without escaping (`cn=dc=example,dc=com,cn=mapping tree,…`), so the
   * DN names a different entry and the server answers 32 (no such object). The fix replaces
   * [start, end) with `cn=` + escapeDnValue(suffix).
   */
  readonly unescaped: boolean;
}

function isNamed(rdn: Rdn, value: string): boolean {
  if (rdn.avas.length !== 1) return false;
  const ava = rdn.avas[0];
  return ava.type.toLowerCase() === 'cn' && !ava.hexString && ava.value.toLowerCase() === value;
}

/**
 * The suffix of a DN of the form `…,cn=replica,<suffix RDN>,cn=mapping tree,cn=config`;
 * undefined for other DNs. Works on the best-effort RDNs, so a DN with errors elsewhere
 * (such as an empty first RDN) still yields its suffix.
 */
export function replicaSuffix(dn: string | ParsedDn): ReplicaSuffix | undefined {
  const { rdns } = typeof dn === 'string' ? parseDn(dn) : dn;
  const last = rdns.length - 1;
  if (last < 3 || !isNamed(rdns[last], 'config') || !isNamed(rdns[last - 1], 'mapping tree')) return undefined;
  // The replica entry is the nearest `cn=replica` above the mapping tree; agreements sit below it.
  let replica = last - 2;
  while (replica >= 0 && !isNamed(rdns[replica], 'replica')) replica--;
  const between = rdns.slice(replica + 1, last - 1);
  if (replica < 0 || between.length === 0) return undefined;
  const first = between[0];
  const start = first.start;
  const end = between[between.length - 1].end;
  const firstAva = first.avas.length === 1 ? first.avas[0] : undefined;
  const firstIsCn = firstAva !== undefined && firstAva.type.toLowerCase() === 'cn' && !firstAva.hexString;
  if (between.length === 1 && firstIsCn) return { suffix: firstAva.value, start, end, unescaped: false };
  // `cn=dc=example,dc=com`: the intended value starts after the `cn=`.
  if (firstIsCn && firstAva.value.includes('=')) {
    return { suffix: [firstAva.value, formatDn(between.slice(1))].join(','), start, end, unescaped: true };
  }
  return { suffix: formatDn(between), start, end, unescaped: true };
}
