import type { Severity } from './ast';

/** Syntax problems the LDIF parser reports (RFC 2849), with their default severity. */
export const SYNTAX_PROBLEMS = {
  'ldif/missing-dn': { severity: 'error', summary: 'A record must start with a dn: line.' },
  'ldif/missing-colon': { severity: 'error', summary: 'A line must be "attribute: value".' },
  'ldif/invalid-attribute-description': {
    severity: 'error',
    summary: 'Attribute names are a letter followed by letters, digits and hyphens (or a numeric OID), then ;options.',
  },
  'ldif/orphan-continuation': {
    severity: 'error',
    summary: 'A line starting with a space continues the previous line, but there is no line to continue.',
  },
  'ldif/invalid-base64': { severity: 'error', summary: 'A "::" value must be valid base64.' },
  'ldif/base64-not-utf8': {
    severity: 'warning',
    summary: 'A base64 value of a DN or text attribute should decode to UTF-8.',
  },
  'ldif/invalid-url': { severity: 'error', summary: 'A ":<" value must be a URL, e.g. file:///path.' },
  'ldif/unsupported-url-scheme': { severity: 'warning', summary: 'Only file:// URLs are read by ldapmodify and winsync-ldif.' },
  'ldif/unsupported-version': { severity: 'error', summary: 'The only LDIF version is 1.' },
  'ldif/misplaced-version': { severity: 'error', summary: 'version: must be the first line of the file.' },
  'ldif/unknown-changetype': {
    severity: 'error',
    summary: 'changetype must be add, delete, modify, modrdn or moddn.',
  },
  'ldif/control-without-changetype': {
    severity: 'error',
    summary: 'control: lines belong to change records and must be followed by changetype:.',
  },
  'ldif/invalid-control': { severity: 'error', summary: 'control: takes an OID, an optional true/false criticality and an optional value.' },
  'ldif/add-without-attributes': { severity: 'error', summary: 'changetype: add needs at least one attribute.' },
  'ldif/content-after-delete': { severity: 'error', summary: 'changetype: delete takes no further lines.' },
  'ldif/missing-newrdn': { severity: 'error', summary: 'changetype: modrdn / moddn needs newrdn: and deleteoldrdn:.' },
  'ldif/missing-deleteoldrdn': { severity: 'error', summary: 'changetype: modrdn / moddn needs deleteoldrdn: 0 or 1.' },
  'ldif/invalid-deleteoldrdn': { severity: 'error', summary: 'deleteoldrdn must be 0 or 1.' },
  'ldif/unexpected-modrdn-line': {
    severity: 'error',
    summary: 'After changetype: modrdn only newrdn:, deleteoldrdn: and newsuperior: may follow, in that order.',
  },
  'ldif/unknown-mod-op': { severity: 'error', summary: 'A mod-spec starts with add:, delete:, replace: or increment:.' },
  'ldif/missing-mod-attribute': { severity: 'error', summary: 'A mod-spec names the attribute it changes, e.g. "replace: cn".' },
  'ldif/missing-dash': {
    severity: 'error',
    summary: 'Each mod-spec ends with a line holding a single "-" before the next mod-spec starts.',
  },
  'ldif/stray-dash': { severity: 'error', summary: 'A "-" line only closes a mod-spec of a modify record.' },
  'ldif/mod-value-mismatch': {
    severity: 'error',
    summary: 'A value line inside a mod-spec must name the attribute of its mod-spec.',
  },
  'ldif/mixed-records': {
    severity: 'info',
    summary: 'RFC 2849 files hold either content records or change records; ldapmodify needs -a for content records.',
  },
  'ldif/include-directive': {
    severity: 'info',
    summary: 'include: is an OpenLDAP slapadd extension; ldapmodify and 389-DS do not read it.',
  },
  'ldif/no-break-space': {
    severity: 'warning',
    summary: 'A no-break space (U+00A0), usually pasted from a web page, where a plain space was meant.',
  },
  'ldif/replacement-character': {
    severity: 'error',
    summary: 'U+FFFD stands where the file had bytes that are not valid UTF-8; the original bytes are lost.',
  },
  'ldif/whitespace-line': {
    severity: 'warning',
    summary: 'A line of only white space separates nothing; a blank line must be empty.',
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type SyntaxProblemCode = keyof typeof SYNTAX_PROBLEMS;
