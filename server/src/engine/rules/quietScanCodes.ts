/**
 * The numbers the quiet-record scan (WebAssembly, built from server/wasm/quietScan.ts) and its
 * host (`quietRecords.ts`) tell each other. Both compile this file: it holds nothing but enums.
 */

/** What the host says of a description the scan meets for the first time, as bits. */
export const enum NameFact {
  /** An attribute description the parser accepts. */
  valid = 1,
  /** A keyword in some spelling, a catalog attribute or a catalog prefix: only the full check judges it. */
  special = 2,
  /** Its type is objectClass, whose values may make the record an agreement. */
  objectClass = 4,
}

/** Where the host puts the rest of what it says of a description, beside its `NameFact` bits. */
export const enum NamePacking {
  /** The `Keyword` of the description starts at this bit. */
  keywordShift = 4,
  keywordMask = 15,
  /** The number of its name group (its spellings in any case) starts at this bit. */
  groupShift = 8,
}

/** The keywords the scan reads, for a description written as the keyword (lower case, no options). */
export const enum Keyword {
  none = 0,
  dn = 1,
  changetype = 2,
  control = 3,
  newrdn = 4,
  deleteoldrdn = 5,
  newsuperior = 6,
  add = 7,
  delete = 8,
  replace = 9,
  /** Any other LDIF keyword (version, include, increment, …). */
  other = 10,
}

/** A record's kind: content, or the change type the host registered under this number. */
export const enum Kind {
  content = 0,
  add = 1,
  delete = 2,
  modify = 3,
  modrdn = 4,
  moddn = 5,
}

/** The value checks the scan asks of the host (`valueAllowed`), which hold what the DN rules and the catalog know. */
export const enum ValueCheck {
  /** The `dn:` of a record: a plain DN that names no winsync entry and nothing below the mapping tree. */
  dn = 0,
  /** A `newrdn:`: one plain RDN. */
  rdn = 1,
  /** A `newsuperior:`: a plain DN. */
  superior = 2,
  /** A `control:` value: an OID and a criticality. */
  control = 3,
}
