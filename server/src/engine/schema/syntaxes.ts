/**
 * The value syntaxes 389-DS checks (nsslapd-syntaxcheck, on by default), each written to accept
 * exactly what the server's syntax plug-ins accept, quirks included: that is what makes a
 * predicted 21 (invalidAttributeSyntax) match the real answer. Syntaxes the server does not
 * check (Binary, Octet String, JPEG, Fax, SpaceInsensitiveString, …) have no entry here.
 *
 * Values arrive as the text the LDIF gives; `undefined` stands for base64 bytes that are not
 * UTF-8, which every checked syntax refuses (each needs ASCII or well-formed UTF-8).
 */
import { utf8Bytes, utf8Text } from '../util/bytes';

/** RFC 4517 syntax OIDs, by the names used in this module. */
export const SYNTAX = {
  bitString: '1.3.6.1.4.1.1466.115.121.1.6',
  boolean: '1.3.6.1.4.1.1466.115.121.1.7',
  countryString: '1.3.6.1.4.1.1466.115.121.1.11',
  deliveryMethod: '1.3.6.1.4.1.1466.115.121.1.14',
  directoryString: '1.3.6.1.4.1.1466.115.121.1.15',
  dn: '1.3.6.1.4.1.1466.115.121.1.12',
  enhancedGuide: '1.3.6.1.4.1.1466.115.121.1.21',
  facsimile: '1.3.6.1.4.1.1466.115.121.1.22',
  generalizedTime: '1.3.6.1.4.1.1466.115.121.1.24',
  guide: '1.3.6.1.4.1.1466.115.121.1.25',
  ia5String: '1.3.6.1.4.1.1466.115.121.1.26',
  integer: '1.3.6.1.4.1.1466.115.121.1.27',
  nameAndOptionalUid: '1.3.6.1.4.1.1466.115.121.1.34',
  numericString: '1.3.6.1.4.1.1466.115.121.1.36',
  oid: '1.3.6.1.4.1.1466.115.121.1.38',
  postalAddress: '1.3.6.1.4.1.1466.115.121.1.41',
  printableString: '1.3.6.1.4.1.1466.115.121.1.44',
  teletexTerminalIdentifier: '1.3.6.1.4.1.1466.115.121.1.51',
  telexNumber: '1.3.6.1.4.1.1466.115.121.1.52',
  telephoneNumber: '1.3.6.1.4.1.1466.115.121.1.50',
} as const;

/** How 389-DS treats one syntax: what a valid value looks like, in words, and the check. */
export interface SyntaxRule {
  /** What is allowed, for messages: "an integer without leading zeros or a plus sign, e.g. 42 or -7". */
  readonly expects: string;
  /** True when the server accepts the value. */
  accepts(value: string | undefined, traits: ServerTraits): boolean;
}

/** Behaviour that changed between 389-DS versions, read from the server's vendorVersion. */
export interface ServerTraits {
  /**
   * 389-DS compared Boolean values case-sensitively (only TRUE/FALSE) until issue 5497:
   * fixed in 1.4.3.35, 1.4.4.20, 2.0.20, 2.1.8, 2.2.8, 2.3.3 and every 2.4+. Undefined when the
   * version is unknown: the strict reading is used, since a lower-case value fails on older servers.
   */
  readonly booleanIgnoresCase: boolean | undefined;
}

/** The releases of each 389-DS branch from which Boolean values ignore case. */
const CASE_INSENSITIVE_BOOLEAN_FROM: readonly (readonly number[])[] = [
  [1, 4, 3, 35],
  [1, 4, 4, 20],
  [2, 0, 20],
  [2, 1, 8],
  [2, 2, 8],
  [2, 3, 3],
];

/** Traits from the root DSE's vendorVersion (`389-Directory/2.3.1 B2023.013.1223`); all unknown for anything else. */
export function serverTraits(vendorVersion: string | undefined): ServerTraits {
  const match = /^389-Directory\/(\d+(?:\.\d+)*)/i.exec(vendorVersion?.trim() ?? '');
  if (!match) return { booleanIgnoresCase: undefined };
  const version = match[1].split('.').map(Number);
  if (version[0] > 2 || (version[0] === 2 && version[1] >= 4)) return { booleanIgnoresCase: true };
  const branch = CASE_INSENSITIVE_BOOLEAN_FROM.find((first) =>
    first.slice(0, -1).every((part, i) => version[i] === part),
  );
  if (!branch) return { booleanIgnoresCase: false };
  return { booleanIgnoresCase: (version[branch.length - 1] ?? 0) >= branch[branch.length - 1] };
}

// ---------------------------------------------------------------- character classes (ASCII, as C's ctype in the C locale)

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isAlpha = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isHex = (code: number) => isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
const isKeyChar = (code: number) => isAlpha(code) || isDigit(code) || code === 0x2d;

/** RFC 4517 PrintableCharacter: letters, digits, space and '()+,-./:=? */
function isPrintable(code: number): boolean {
  return isAlpha(code) || isDigit(code) || " '()+,-./:=?".includes(String.fromCharCode(code));
}

function allPrintable(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (!isPrintable(text.charCodeAt(i))) return false;
  return true;
}

/** `keystring`: a letter, then letters, digits and hyphens. */
export function isKeystring(text: string): boolean {
  if (text.length === 0 || !isAlpha(text.charCodeAt(0))) return false;
  for (let i = 1; i < text.length; i++) if (!isKeyChar(text.charCodeAt(i))) return false;
  return true;
}

/** `numericoid`: at least two dot-separated numbers, none with a leading zero. */
export function isNumericOid(text: string): boolean {
  const parts = text.split('.');
  return parts.length >= 2 && parts.every((part) => /^(0|[1-9][0-9]*)$/.test(part));
}

/** `oid = descr / numericoid`, judged by the first character as the server does. */
function isOid(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  if (isAlpha(first)) return isKeystring(text);
  return isDigit(first) && isNumericOid(text);
}

// ---------------------------------------------------------------- distinguished names

// RFC 4514 character classes by ASCII code: `escaped` (" + , ; < >), and `special` (escaped, space, #, =).
const ESCAPED_CHAR = new Uint8Array(128);
for (const char of '"+,;<>') ESCAPED_CHAR[char.charCodeAt(0)] = 1;
const isEscapedChar = (code: number) => code < 128 && ESCAPED_CHAR[code] === 1;
const SPACE = 0x20;
const SHARP = 0x23;
const EQUALS = 0x3d;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const PLUS = 0x2b;

/**
 * RFC 4514 `distinguishedName` as 389-DS's validator reads it (nsslapd-dn-validate-strict
 * does not change it): an empty DN is valid, `type=value` pairs split by `,` and `+`, no
 * spaces around `=`, escapes as `\` + special or `\` + a hex digit. One quirk is kept on
 * purpose: after `\` and one hex digit the next character is not checked (the server tests
 * the digit's successor in ASCII, not the next character), so `\4z` passes.
 */
export function isDistinguishedName(text: string): boolean {
  return (PLAIN_DN.test(text) && text.charCodeAt(text.length - 1) !== SPACE) || isDistinguishedNameByRdns(text);
}

/**
 * A DN of `type=value` pairs whose values need no escape: most DNs, which this regular
 * expression reads several times faster than the loop over RDNs (and finds valid only where the loop does).
 */
const PLAIN_DN =
  /^[A-Za-z][A-Za-z0-9-]*=[^"+,;<>\\ #][^"+,;<>\\]*(?:,[A-Za-z][A-Za-z0-9-]*=[^"+,;<>\\ #][^"+,;<>\\]*)*$/;

/** `isDistinguishedName` for any text, RDN by RDN (exported for the test that compares the two). */
export function isDistinguishedNameByRdns(text: string): boolean {
  let at = 0;
  while (at < text.length) {
    const end = rdnEnd(text, at);
    if (end < 0) return false;
    at = end;
    if (at < text.length) {
      if (text.charCodeAt(at) !== COMMA || at === text.length - 1) return false;
      at++;
    }
  }
  return true;
}

/** Reads one RDN from `start`; the offset just after it, or -1 when it is invalid. */
function rdnEnd(text: string, start: number): number {
  const equals = text.indexOf('=', start);
  if (equals < 0) return -1;
  const first = text.charCodeAt(start);
  let numeric = false;
  if (isAlpha(first)) {
    for (let i = start + 1; i < equals; i++) if (!isKeyChar(text.charCodeAt(i))) return -1;
  } else if (isDigit(first)) {
    if (!isNumericOid(text.slice(start, equals))) return -1;
    numeric = true;
  } else return -1;
  let at = equals + 1;
  const last = text.length - 1;
  if (at > last) return -1;
  if (numeric) {
    if (at === last || text.charCodeAt(at) !== SHARP) return -1;
    at++;
  } else {
    const code = text.charCodeAt(at);
    if (code !== BACKSLASH && (isEscapedChar(code) || code === SPACE || code === SHARP)) return -1;
  }
  for (let code = text.charCodeAt(at); at <= last && code !== COMMA && code !== PLUS; code = text.charCodeAt(at)) {
    if (numeric) {
      if (at === last || !isHex(code) || !isHex(code + 1)) return -1;
      at += 2;
      continue;
    }
    if (code >= 0x80) {
      at++;
      continue;
    }
    if (at === last && (isEscapedChar(code) || code === SPACE || code === BACKSLASH)) return -1;
    if (code === BACKSLASH) {
      at++;
      const next = text.charCodeAt(at);
      if (next !== BACKSLASH && !isEscapedChar(next) && next !== SPACE && next !== SHARP && next !== EQUALS) {
        if (at === last || !isHex(next) || !isHex(next + 1)) return -1;
        at++;
      }
    } else if (isEscapedChar(code)) return -1;
    at++;
  }
  if (at <= last && text.charCodeAt(at) === PLUS) {
    if (at === last) return -1;
    return rdnEnd(text, at + 1);
  }
  return at;
}

/**
 * A DN value as 389-DS rewrites it before checking its syntax (slapi_dn_normalize_ext, for
 * values of the DN and Name and Optional UID syntaxes, on add and modify alike): spaces around `=`, `,`, `+` and at the ends
 * dropped, `;` read as `,`, a quoted value escaped, `\XX` of an ordinary character decoded, a
 * backslash before an ordinary character dropped. Undefined when the server gives up (the
 * value is then checked as written). Sorting multi-valued RDNs is left out: it does not
 * change whether the result is valid.
 */
export function serverNormalizedDn(value: string): string | undefined {
  const src = utf8Bytes(value);
  const out: number[] = [];
  const end = src.length;
  const at = (index: number) => (index < end ? src[index] : 0);
  const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d;
  const isSeparator = (byte: number) => byte === 0x2c || byte === 0x3b || byte === 0x2b;
  const needsEscape = (byte: number) =>
    byte === 0x5c || byte === 0x22 || isSeparator(byte) || byte === 0x3c || byte === 0x3e || byte === 0x3d;
  const leadNeedsEscape = (byte: number) => byte === 0x20 || byte === 0x23 || needsEscape(byte);
  const hexUpper = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');
  const pushText = (text: string) => {
    for (const char of text) out.push(char.charCodeAt(0));
  };
  // `\XX` spelling a character that must stay escaped (",", "+", "=", …); `\23` (#) too at a value's start.
  const needsEscapeHex = (index: number) => {
    const [a, b] = [at(index), at(index + 1)];
    return (
      (a === 0x32 && (b === 0x32 || b === 0x62 || b === 0x42 || b === 0x63 || b === 0x43)) ||
      (a === 0x33 && ((b >= 0x62 && b < 0x66) || (b >= 0x42 && b < 0x46))) ||
      (a === 0x35 && (b === 0x63 || b === 0x43))
    );
  };
  const endOfValue = (from: number) => {
    for (let index = from; index < end; index++) {
      if (isSeparator(src[index])) return true;
      if (src[index] !== 0x20) return false;
    }
    return true;
  };
  type State =
    'b4type' | 'type' | 'b4equal' | 'b4value' | 'value1st' | 'value' | 'quoted1st' | 'quoted' | 'b4separator';
  let state: State = 'b4type';
  let lastEscape: number | undefined;
  let s = 0;
  while (s < end) {
    const byte = src[s];
    switch (state) {
      case 'b4type':
        if (isSpace(byte)) s++;
        else {
          state = 'type';
          out.push(src[s++]);
        }
        break;
      case 'type':
        if (byte === 0x3d) {
          state = 'b4value';
          out.push(src[s++]);
        } else if (byte === 0x29 || byte === 0x5d) {
          state = 'value';
          out.push(src[s++]);
        } else if (isSpace(byte)) state = 'b4equal';
        else if (byte === 0x22 || isSeparator(byte)) return undefined;
        else out.push(src[s++]);
        break;
      case 'b4equal':
        if (byte === 0x3d) {
          state = 'b4value';
          out.push(src[s++]);
        } else if (isSpace(byte)) s++;
        else return undefined;
        break;
      case 'b4value':
        if (isSpace(byte)) s++;
        else {
          if (byte === 0x22) {
            s++;
            state = 'quoted1st';
          } else state = 'value1st';
          lastEscape = undefined;
        }
        break;
      case 'value1st':
      case 'value': {
        const first = state === 'value1st';
        if (first && isSpace(byte)) {
          s++;
          continue;
        }
        if (first && isSeparator(byte)) return undefined;
        if (byte === 0x5c) {
          if (s + 1 >= end) return undefined;
          const next = src[s + 1];
          if ((first && leadNeedsEscape(next)) || (!first && needsEscape(next))) {
            out.push(0x5c);
            pushText(hexUpper(next));
            s += 2;
          } else if (
            (first && s + 2 < end && (needsEscapeHex(s + 1) || (at(s + 1) === 0x32 && at(s + 2) === 0x33))) ||
            (!first &&
              ((s + 2 < end && needsEscapeHex(s + 1)) ||
                (endOfValue(s + 3) && at(s + 1) === 0x32 && at(s + 2) === 0x30)))
          ) {
            out.push(src[s], src[s + 1], src[s + 2]);
            s += 3;
          } else if (s + 2 < end && isHex(src[s + 1]) && isHex(src[s + 2])) {
            const decoded = parseInt(String.fromCharCode(src[s + 1], src[s + 2]), 16);
            if (decoded === 0) {
              // The server copies the two digits without the backslash and reads the second again.
              out.push(src[s + 1], src[s + 2]);
              s += 2;
            } else if (decoded === 0x20) {
              out.push(src[s], src[s + 1], src[s + 2]);
              s += 3;
            } else {
              out.push(decoded);
              s += 3;
            }
          } else {
            lastEscape = out.length;
            s++;
          }
        } else if (isSeparator(byte)) {
          if (lastEscape !== undefined) {
            while (out.length > lastEscape && isSpace(out[out.length - 1])) out.pop();
            if (out.length === lastEscape) pushText('\\20');
          } else while (out.length > 0 && isSpace(out[out.length - 1])) out.pop();
          state = 'b4separator';
          break;
        } else if (isSpace(byte)) {
          out.push(src[s++]);
          while (s < end && isSpace(src[s])) s++;
        } else out.push(src[s++]);
        if (state === 'value1st') state = 'value';
        break;
      }
      case 'quoted1st':
      case 'quoted': {
        const first = state === 'quoted1st';
        if (first && isSpace(byte) && s + 1 < end && isSpace(src[s + 1])) {
          s++;
          continue;
        }
        if (byte === 0x22) {
          if (out[out.length - 1] === 0x5c) {
            // An escaped quote: the server writes its hex digits where the next character then lands.
            s++;
          } else {
            if (isSpace(out[out.length - 1] ?? 0)) {
              out.pop();
              pushText('\\20');
            }
            state = 'b4separator';
            s++;
          }
        } else if ((first && leadNeedsEscape(byte)) || (!first && needsEscape(byte))) {
          out.push(0x5c);
          pushText(hexUpper(byte));
          s++;
        } else if (isSpace(byte)) {
          while (s < end && isSpace(src[s])) s++;
          out.push(src[s - 1]);
        } else out.push(src[s++]);
        if (state === 'quoted1st') state = 'quoted';
        break;
      }
      case 'b4separator':
        if (isSeparator(byte)) {
          state = 'b4type';
          out.push(byte === 0x2b ? 0x2b : 0x2c);
        }
        s++;
        break;
    }
  }
  while (out.length > 0 && out[out.length - 1] === 0x20) out.pop();
  // Escapes can spell bytes that are not UTF-8; such a DN is not valid.
  return utf8Text(Uint8Array.from(out)) ?? '\u0000invalid';
}

/**
 * The DN text the server's syntax check sees. Without spaces, quotes, backslashes or `;` the
 * rewrite changes nothing that matters for validity (only the order of multi-valued RDNs),
 * and most DNs look like that: they skip it.
 */
function asServerReadsDn(value: string): string {
  return /[\s\\";]/.test(value) ? (serverNormalizedDn(value) ?? value) : value;
}

// ---------------------------------------------------------------- the syntaxes

function isInteger(value: string): boolean {
  if (value.length === 0) return false;
  let at = 0;
  if (value[0] === '-') {
    if (value.length < 2 || value[1] === '0' || !isDigit(value.charCodeAt(1))) return false;
    at = 2;
  } else if (value[0] === '0') return value.length === 1;
  for (; at < value.length; at++) if (!isDigit(value.charCodeAt(at))) return false;
  return true;
}

/** RFC 4517 GeneralizedTime: yyyymmddhh[mm[ss]][(.|,)fraction](Z|±hh[mm]), with the server's ranges. */
const GENERALIZED_TIME =
  /^[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])([0-5][0-9]([0-5][0-9]|60)?)?([.,][0-9]+)?(Z|[+-]([01][0-9]|2[0-3])([0-5][0-9])?)$/;

function isPostalAddress(value: string): boolean {
  if (value.length === 0) return false;
  for (let at = 0; at < value.length; at++) {
    if (value[at] !== '\\') continue;
    const escape = value.slice(at + 1, at + 3);
    if (escape !== '24' && escape.toLowerCase() !== '5c') return false;
    at += 2;
  }
  return true;
}

const DELIVERY_METHODS = new Set([
  'any',
  'mhs',
  'physical',
  'telex',
  'teletex',
  'g3fax',
  'g4fax',
  'ia5',
  'videotex',
  'telephone',
]);

/**
 * `pdm *( WSP $ WSP pdm )` as the server reads it: methods are separated by spaces and dollars,
 * where the run after a method may hold one `$` besides the character that ended the method
 * (so `any$$mhs` passes and `any $ $ mhs` does not).
 */
function isDeliveryMethod(value: string): boolean {
  const last = value.length - 1;
  let start = 0;
  for (let at = 0; at <= last; at++) {
    if (at === last) return DELIVERY_METHODS.has(value.slice(start));
    if (value[at] !== ' ' && value[at] !== '$') continue;
    if (!DELIVERY_METHODS.has(value.slice(start, at))) return false;
    let dollar = false;
    for (at++; ; at++) {
      if (at === last) return false;
      if (value[at] === '$') {
        if (dollar) return false;
        dollar = true;
      } else if (value[at] !== ' ') {
        start = at;
        break;
      }
    }
  }
  return false;
}

const FAX_PARAMETERS = new Set([
  'twoDimensional',
  'fineResolution',
  'unlimitedLength',
  'b4Length',
  'a3Width',
  'b4Width',
  'uncompressed',
]);

function isFacsimile(value: string): boolean {
  const dollar = value.indexOf('$');
  if (dollar < 0) return value.length > 0 && allPrintable(value);
  if (dollar === 0 || dollar === value.length - 1 || !allPrintable(value, 0, dollar)) return false;
  return value
    .slice(dollar + 1)
    .split('$')
    .every((parameter) => FAX_PARAMETERS.has(parameter));
}

function isTelexNumber(value: string): boolean {
  const parts = value.split('$');
  if (parts.length < 3) return false;
  // A third `$` would be part of the answerback, which must be printable, and `$` is not.
  const [number, country, ...rest] = parts;
  const answerback = rest.join('$');
  return [number, country, answerback].every((part) => part !== '' && allPrintable(part));
}

const TELETEX_KEYS = new Set(['graphic', 'control', 'misc', 'page', 'private']);

function isTeletexTerminalIdentifier(value: string): boolean {
  if (value.length === 0 || value.startsWith('$') || value.endsWith('$')) return false;
  const [term, ...parameters] = value.split('$');
  if (!allPrintable(term) || parameters.some((parameter) => parameter === '')) return false;
  return parameters.every((parameter) => {
    const colon = parameter.indexOf(':');
    if (colon < 0 || !TELETEX_KEYS.has(parameter.slice(0, colon))) return false;
    const rest = parameter.slice(colon + 1);
    for (let at = 0; at < rest.length; at++) {
      if (rest[at] !== '\\') continue;
      const escape = rest.slice(at + 1, at + 3);
      if (escape !== '24' && escape.toLowerCase() !== '5c') return false;
      at += 2;
    }
    return true;
  });
}

/** `'0101'B`: the server only checks the quotes, the B and the digits between them. */
function isBitString(value: string): boolean {
  if (value.length < 2 || value[0] !== "'" || !value.endsWith("'B")) return false;
  return /^[01]*$/.test(value.slice(1, -2));
}

/** `distinguishedName [ # BitString ]`, split at the last `#` when what follows it is a bit string. */
function isNameAndOptionalUid(value: string): boolean {
  if (value.length === 0) return false;
  const sharp = value.lastIndexOf('#');
  if (sharp >= 1 && isBitString(value.slice(sharp + 1))) return isDistinguishedName(value.slice(0, sharp));
  return isDistinguishedName(value);
}

const RULES: Readonly<Record<string, SyntaxRule>> = {
  [SYNTAX.integer]: {
    expects: 'an integer without leading zeros or a plus sign, e.g. 42 or -7',
    accepts: (value) => value !== undefined && isInteger(value),
  },
  [SYNTAX.boolean]: {
    expects: 'TRUE or FALSE',
    accepts: (value, traits) => {
      if (value === undefined) return false;
      return traits.booleanIgnoresCase ? /^(true|false)$/i.test(value) : value === 'TRUE' || value === 'FALSE';
    },
  },
  [SYNTAX.dn]: {
    expects: 'a DN such as cn=name,dc=example,dc=com',
    accepts: (value) => value !== undefined && isDistinguishedName(asServerReadsDn(value)),
  },
  [SYNTAX.generalizedTime]: {
    expects: 'a GeneralizedTime with a time zone, e.g. 20240131235959Z',
    accepts: (value) => value !== undefined && GENERALIZED_TIME.test(value),
  },
  [SYNTAX.oid]: {
    expects: 'an OID (1.2.840.113556) or a name (a letter, then letters, digits and "-")',
    accepts: (value) => value !== undefined && isOid(value),
  },
  [SYNTAX.ia5String]: {
    expects: 'ASCII characters only',
    accepts: (value) => value !== undefined && /^\p{ASCII}*$/u.test(value),
  },
  [SYNTAX.directoryString]: {
    expects: 'at least one character of UTF-8 text',
    accepts: (value) => value !== undefined && value.length > 0,
  },
  [SYNTAX.printableString]: {
    expects: "letters, digits, spaces and '()+,-./:=? only",
    accepts: (value) => value !== undefined && value.length > 0 && allPrintable(value),
  },
  [SYNTAX.telephoneNumber]: {
    expects: "letters, digits, spaces and '()+,-./:=? only (a PrintableString)",
    accepts: (value) => value !== undefined && value.length > 0 && allPrintable(value),
  },
  [SYNTAX.countryString]: {
    expects: 'a two-letter country code such as US',
    accepts: (value) => value !== undefined && value.length === 2 && allPrintable(value),
  },
  [SYNTAX.numericString]: {
    expects: 'digits and spaces only',
    accepts: (value) => value !== undefined && /^[0-9 ]*$/.test(value),
  },
  [SYNTAX.postalAddress]: {
    expects: 'lines separated by "$", with "$" and "\\" written as \\24 and \\5C',
    accepts: (value) => value !== undefined && isPostalAddress(value),
  },
  [SYNTAX.bitString]: {
    expects: "a bit string such as '0101'B",
    accepts: (value) => value !== undefined && isBitString(value),
  },
  [SYNTAX.nameAndOptionalUid]: {
    expects: "a DN, optionally followed by # and a bit string such as '0101'B",
    // Values of this syntax are rewritten like DNs before the check too (measured on 389-DS 2.3.1).
    accepts: (value) => value !== undefined && isNameAndOptionalUid(asServerReadsDn(value)),
  },
  [SYNTAX.deliveryMethod]: {
    expects:
      'delivery methods (any, mhs, physical, telex, teletex, g3fax, g4fax, ia5, videotex, telephone) separated by "$"',
    accepts: (value) => value !== undefined && isDeliveryMethod(value),
  },
  [SYNTAX.facsimile]: {
    expects:
      'a telephone number (a PrintableString), optionally followed by $ and fax parameters such as fineResolution',
    accepts: (value) => value !== undefined && isFacsimile(value),
  },
  [SYNTAX.telexNumber]: {
    expects: 'number$country code$answerback, each a PrintableString',
    accepts: (value) => value !== undefined && isTelexNumber(value),
  },
  [SYNTAX.teletexTerminalIdentifier]: {
    expects: 'a PrintableString, optionally followed by $key:value parameters (graphic, control, misc, page, private)',
    accepts: (value) => value !== undefined && isTeletexTerminalIdentifier(value),
  },
};

/** The server's check for a syntax OID, or undefined when 389-DS does not check values of that syntax (or winsync-ldif does not: Guide, Enhanced Guide). */
export function syntaxRule(oid: string | undefined): SyntaxRule | undefined {
  return oid === undefined ? undefined : RULES[oid];
}

/** Syntaxes 389-DS checks but this module does not model (their grammar is rarely written by hand). */
export const UNMODELLED_CHECKED_SYNTAXES: ReadonlySet<string> = new Set([SYNTAX.guide, SYNTAX.enhancedGuide]);

/** RFC 4517 names of the common syntaxes, for servers that do not publish ldapSyntaxes. */
export const SYNTAX_NAMES: Readonly<Record<string, string>> = {
  [SYNTAX.bitString]: 'Bit String',
  [SYNTAX.boolean]: 'Boolean',
  [SYNTAX.countryString]: 'Country String',
  [SYNTAX.deliveryMethod]: 'Delivery Method',
  [SYNTAX.directoryString]: 'Directory String',
  [SYNTAX.dn]: 'DN',
  [SYNTAX.enhancedGuide]: 'Enhanced Guide',
  [SYNTAX.facsimile]: 'Facsimile Telephone Number',
  [SYNTAX.generalizedTime]: 'Generalized Time',
  [SYNTAX.guide]: 'Guide',
  [SYNTAX.ia5String]: 'IA5 String',
  [SYNTAX.integer]: 'Integer',
  [SYNTAX.nameAndOptionalUid]: 'Name and Optional UID',
  [SYNTAX.numericString]: 'Numeric String',
  [SYNTAX.oid]: 'OID',
  [SYNTAX.postalAddress]: 'Postal Address',
  [SYNTAX.printableString]: 'Printable String',
  [SYNTAX.teletexTerminalIdentifier]: 'Teletex Terminal Identifier',
  [SYNTAX.telexNumber]: 'Telex Number',
  [SYNTAX.telephoneNumber]: 'Telephone Number',
  '1.3.6.1.4.1.1466.115.121.1.5': 'Binary',
  '1.3.6.1.4.1.1466.115.121.1.23': 'Fax',
  '1.3.6.1.4.1.1466.115.121.1.28': 'JPEG',
  '1.3.6.1.4.1.1466.115.121.1.40': 'Octet String',
  '1.3.6.1.4.1.1466.115.121.1.8': 'Certificate',
};
