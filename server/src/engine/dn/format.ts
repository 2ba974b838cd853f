/** Writing DN values and DNs in RFC 4514 form, escaped the way 389-DS stores them. */
import { hexEscape } from '../util/escapes';

/** The parts of an AVA that printing needs; parsed `Ava`s fit, and so do hand-built ones. */
export interface AvaText {
  readonly type: string;
  readonly value: string;
  readonly hexString: boolean;
}

/** The parts of an RDN that printing needs. */
export interface RdnText {
  readonly avas: readonly AvaText[];
}

const SPACE = 0x20;
const HASH = 0x23;

// `=` is optional in RFC 4514 but 389-DS escapes it (cn=dc\3Dexample\2Cdc\3Dcom), so we do too:
// generated text then matches what the server shows.
function escapedEverywhere(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x2b ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3c ||
    c === 0x3d ||
    c === 0x3e ||
    c === 0x5c ||
    c === 0
  );
}

/**
 * Escapes a decoded value for a DN string (RFC 4514 §2.4): `"+,;<>\=` and NUL anywhere,
 * a leading space or `#`, a trailing space, each as `\XX`.
 */
export function escapeDnValue(value: string): string {
  const last = value.length - 1;
  let out = '';
  let from = 0;
  for (let i = 0; i <= last; i++) {
    const c = value.charCodeAt(i);
    if (escapedEverywhere(c) || (i === 0 && (c === SPACE || c === HASH)) || (i === last && c === SPACE)) {
      out += value.slice(from, i) + hexEscape(c, 'upper');
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

/** `type=value` with the value escaped (a hexstring is printed as is). */
export function formatAva(ava: AvaText): string {
  return `${ava.type}=${ava.hexString ? ava.value : escapeDnValue(ava.value)}`;
}

/** An RDN in RFC 4514 form, AVAs joined with `+` in their given order. */
export function formatRdn(rdn: RdnText): string {
  return rdn.avas.length === 1 ? formatAva(rdn.avas[0]) : rdn.avas.map(formatAva).join('+');
}

/** A DN in RFC 4514 form: no spaces, no quotes, values escaped as 389-DS stores them. */
export function formatDn(rdns: readonly RdnText[]): string {
  return rdns.map(formatRdn).join(',');
}
