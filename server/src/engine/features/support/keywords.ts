/**
 * What the LDIF keywords (RFC 2849, plus RFC 4525 `increment:`) mean, for hover and
 * completion. Attribute knowledge lives in the catalog; this is only the LDIF grammar.
 */
import type { ChangeType, ModOp } from '../../ldif/ast';

export const CHANGE_TYPE_DOCS: Readonly<Record<ChangeType, string>> = {
  add: 'Creates a new entry from the attribute lines that follow. Fails with 68 (Already exists) when the entry is there already.',
  delete:
    'Deletes the whole entry; no other line may follow. Fails with 32 (No such object) when the entry does not exist.',
  modify:
    'Changes an existing entry. Each change is a mod-spec: `add:`, `delete:`, `replace:` or `increment:` with the attribute name, the value lines, then a line holding `-`.',
  modrdn:
    'Renames the entry: `newrdn:` with the new RDN, `deleteoldrdn:` 1 (drop the old RDN value) or 0 (keep it), and optionally `newsuperior:` to move it under another parent.',
  moddn: 'Same as `modrdn` (RFC 2849 allows both spellings); some tools, python-ldap among them, only accept `modrdn`.',
};

export const MOD_OP_DOCS: Readonly<Record<ModOp, string>> = {
  add: 'Adds the values on the following lines to the attribute, creating it if needed. A value that is already there fails with 20 (Type or value exists).',
  delete:
    'Removes the values on the following lines, or the whole attribute when no value line follows. Fails with 16 (No such attribute) when the attribute or value is missing.',
  replace:
    'Replaces every value of the attribute with the values on the following lines; with no value line it removes the attribute (no error if it was absent).',
  increment: 'Adds the number on the value line to an integer attribute (RFC 4525); the value may be negative.',
};

/** Docs for the keyword lines of a record, keyed by lower-case keyword. */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  dn: 'Starts a record: the distinguished name of the entry the record describes or changes.',
  changetype:
    'Makes the record a change record: `add`, `delete`, `modify`, `modrdn` or `moddn`. Without it the record is a content record (an entry to add).',
  control:
    'An LDAP control sent with this change: `control: <OID> [true|false] [: value]`; `true` makes it critical. Controls go between `dn:` and `changetype:`.',
  newrdn: 'The new relative distinguished name of the renamed entry, e.g. `cn=new name`.',
  deleteoldrdn: '`1` removes the old RDN value from the entry, `0` keeps it as an ordinary attribute value.',
  newsuperior: 'Optional: the DN of the new parent entry, to move the entry as well as rename it.',
  version: 'The LDIF version; the only version is 1.',
  '-': 'Closes the mod-spec above it.',
};

export const DELETE_OLD_RDN_DOCS: Readonly<Record<'0' | '1', string>> = {
  '0': 'Keeps the old RDN value in the entry as an ordinary attribute value.',
  '1': 'Removes the old RDN value from the entry.',
};
