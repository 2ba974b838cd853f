/**
 * When 389-DS takes two values of an attribute for the same value (and answers 20, type or
 * value exists): compared under the type's equality rule, or the default of its syntax when
 * it names none. Only the normalisations the server is known to apply are modelled; any
 * other rule compares the exact text, which can miss a duplicate but never invents one.
 */
import { normalizeDn } from '../dn/dn';
import type { AttributeType } from './schema';
import { SYNTAX } from './syntaxes';

type Normalizer = (value: string) => string;

/** Case folded, leading and trailing spaces dropped, inner runs of spaces read as one. */
const caseExact: Normalizer = (value) => {
  const trimmed = value.trim();
  return trimmed.includes('  ') ? trimmed.replace(/ {2,}/g, ' ') : trimmed;
};
const caseIgnore: Normalizer = (value) => caseExact(value).toLowerCase();
const exact: Normalizer = (value) => value;
/** Without escapes or quotes, a DN compares as its lower case without spaces around separators (the common case, no parse). */
const dn: Normalizer = (value) => {
  // Group members are long lists of DNs: most have no space, ";", escape or quote to read away.
  if (!/[\s;\\"]/.test(value)) return value.toLowerCase();
  if (/[\\"]/.test(value)) return normalizeDn(value) ?? caseIgnore(value);
  return value
    .trim()
    .replace(/\s*([,=+;])\s*/g, (_, separator: string) => (separator === ';' ? ',' : separator))
    .toLowerCase();
};

const BY_RULE: Readonly<Record<string, Normalizer>> = {
  caseignorematch: caseIgnore,
  caseignoreia5match: caseIgnore,
  caseignorelistmatch: caseIgnore,
  objectidentifiermatch: caseIgnore,
  booleanmatch: caseIgnore,
  caseexactmatch: caseExact,
  caseexactia5match: caseExact,
  distinguishednamematch: dn,
  telephonenumbermatch: (value) => value.replace(/[ -]/g, '').toLowerCase(),
  numericstringmatch: (value) => value.replace(/ /g, ''),
  // 1 and 01 are the same integer to the server (measured on 389-DS 2.3.1).
  integermatch: (value) => value.trim().replace(/^(-?)0+(?=[0-9])/, '$1'),
};

/** Syntaxes whose server plug-in compares without case when the type names no equality rule. */
const CASE_IGNORING_SYNTAXES = new Set<string>([
  SYNTAX.directoryString,
  SYNTAX.printableString,
  SYNTAX.countryString,
  SYNTAX.telephoneNumber,
  SYNTAX.postalAddress,
  SYNTAX.oid,
  SYNTAX.boolean,
]);

function normalizerOf(type: AttributeType | undefined): Normalizer {
  if (!type) return exact;
  const byRule = type.equality ? BY_RULE[type.equality.toLowerCase()] : undefined;
  if (byRule) return byRule;
  if (type.equality) return exact;
  if (type.syntax === SYNTAX.dn) return dn;
  return type.syntax !== undefined && CASE_IGNORING_SYNTAXES.has(type.syntax) ? caseIgnore : exact;
}

const normalizers = new WeakMap<AttributeType, Normalizer>();

/** The form two values share when the server takes them for the same value. */
export function valueKey(type: AttributeType | undefined, value: string): string {
  if (!type) return value;
  let normalizer = normalizers.get(type);
  if (!normalizer) {
    normalizer = normalizerOf(type);
    normalizers.set(type, normalizer);
  }
  return normalizer(value);
}
