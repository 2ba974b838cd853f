/**
 * What 389-DS answers, in its own words: the result code and the text it sends (without the
 * trailing newline it adds). Several of its answers carry no text at all (20, 16, 53, 67).
 */

export interface ServerAnswer {
  /** LDAP result code; 0 when the server accepts the operation. */
  readonly code: number;
  /** The diagnostic text the server sends; '' when it sends none. */
  readonly text: string;
}

export const ACCEPTED: ServerAnswer = { code: 0, text: '' };

/** The names of the LDAP result codes (RFC 4511) that the server answers and the catalog speaks of. */
const RESULT_CODES: Readonly<Record<number, string>> = {
  1: 'Operations error',
  2: 'Protocol error',
  16: 'No such attribute',
  20: 'Type or value exists',
  21: 'Invalid syntax',
  32: 'No such object',
  34: 'Invalid DN syntax',
  53: 'Unwilling to perform',
  65: 'Object class violation',
  67: 'Not allowed on RDN',
  68: 'Already exists',
};

/** `53 (Unwilling to perform)`. */
export function resultCode(value: number): string {
  const name = RESULT_CODES[value];
  return name ? `${value} (${name})` : String(value);
}

/** `65 (Object class violation): "text"`, or `20 (Type or value exists), with no message`. */
export function describeAnswer({ code, text }: ServerAnswer): string {
  return `${resultCode(code)}${text ? `: "${text}"` : ', with no message'}`;
}

export const NO_OBJECT_CLASS: ServerAnswer = { code: 65, text: 'missing required attribute "objectclass"' };

export function unknownObjectClassAnswer(name: string): ServerAnswer {
  const trailing = /\s\s$/.test(name)
    ? ' (remove the trailing spaces)'
    : /\s$/.test(name)
      ? ' (remove the trailing space)'
      : '';
  return { code: 65, text: `unknown object class "${escapeText(name)}"${trailing}` };
}

export function missingMustAnswer(attribute: string, objectClass: string): ServerAnswer {
  return { code: 65, text: `missing attribute "${attribute}" required by object class "${objectClass}"` };
}

export function notAllowedAnswer(type: string): ServerAnswer {
  return { code: 65, text: `attribute "${escapeText(type)}" not allowed` };
}

export function singleValueAnswer(type: string): ServerAnswer {
  return { code: 65, text: `single-valued attribute "${type}" has multiple values` };
}

/** One line of a 21: the server lists every bad value, each as `type: value #N invalid per syntax`. */
export function syntaxLine(type: string, index: number): string {
  return `${type}: value #${index} invalid per syntax`;
}

export const DUPLICATE_VALUE: ServerAnswer = { code: 20, text: '' };
export const NO_SUCH_VALUE: ServerAnswer = { code: 16, text: '' };
export const NOT_ALLOWED_ON_RDN: ServerAnswer = { code: 67, text: '' };
export const ONLY_NO_USER_MODIFICATION: ServerAnswer = { code: 53, text: '' };
export const UNKNOWN_MODIFY_OPERATION: ServerAnswer = { code: 2, text: 'unrecognized modify operation' };
export const NO_VALUES_GIVEN: ServerAnswer = { code: 2, text: 'no values given' };

/**
 * 389-DS's escape_string for names in its messages: printable ASCII as is, `"` and anything
 * else as `\` and two lower-case hex digits per UTF-8 byte.
 */
export function escapeText(text: string): string {
  if (/^[\x20\x21\x23-\x7e]*$/.test(text)) return text;
  let escaped = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e && char !== '"') escaped += char;
    else for (const byte of Buffer.from(char, 'utf8')) escaped += `\\${byte.toString(16).padStart(2, '0')}`;
  }
  return escaped;
}
