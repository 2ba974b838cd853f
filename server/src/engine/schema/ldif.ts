/**
 * A schema given as LDIF: what `ldapsearch -b cn=schema -s base '(objectClass=*)' +` prints
 * (or with the four list names), or 389-DS schema files (`dn: cn=schema` with attributeTypes
 * and objectClasses). Every record's definitions are gathered, so several files can be joined.
 */
import { ParsedDocument } from '../document';
import { loadCatalog } from '../catalog';
import type { SubschemaDefinitions } from './schema';

const LISTS = ['attributeTypes', 'objectClasses', 'ldapSyntaxes', 'matchingRules'] as const;
const BY_LOWER = new Map<string, (typeof LISTS)[number]>(LISTS.map((name) => [name.toLowerCase(), name]));

export interface SchemaLdif {
  readonly definitions: SubschemaDefinitions;
  /** The `vendorVersion` line of a root DSE in the same text, if the dump included one. */
  readonly vendorVersion: string | undefined;
  /** How many definitions came from each list. */
  readonly counts: Readonly<Record<(typeof LISTS)[number], number>>;
}

export function readSchemaLdif(texts: readonly string[]): SchemaLdif {
  const lists: Record<(typeof LISTS)[number], string[]> = {
    attributeTypes: [],
    objectClasses: [],
    ldapSyntaxes: [],
    matchingRules: [],
  };
  let vendorVersion: string | undefined;
  const catalog = loadCatalog();
  for (const text of texts) {
    const document = ParsedDocument.parse(text, catalog);
    for (const record of document.ldif.records) {
      const lines =
        record.kind === 'modify'
          ? record.modifications.flatMap((spec) => (spec.op === 'add' || spec.op === 'replace' ? spec.values : []))
          : record.attributes;
      for (const line of lines) {
        const list = BY_LOWER.get(line.name.toLowerCase());
        if (list && line.value !== undefined) lists[list].push(line.value.trim());
        else if (line.name.toLowerCase() === 'vendorversion' && line.value) vendorVersion = line.value.trim();
      }
    }
  }
  return {
    definitions: lists,
    vendorVersion,
    counts: {
      attributeTypes: lists.attributeTypes.length,
      objectClasses: lists.objectClasses.length,
      ldapSyntaxes: lists.ldapSyntaxes.length,
      matchingRules: lists.matchingRules.length,
    },
  };
}
