/**
 * The language server's custom request by which the client hands it a server schema. Plain
 * types and names only: the client and the server both import this module.
 */
import type { ServerIdentity, SubschemaDefinitions } from './schema';

/** `winsyncLdif/setSchema`: the schema to check open documents against; `schema: null` drops it. */
export const SET_SCHEMA_METHOD = 'winsyncLdif/setSchema';

export interface SchemaPayload {
  /** Where it comes from, for messages: the profile name and URL. */
  readonly label: string;
  /** Read from the server now, or from the cache of an earlier read. */
  readonly source: 'live' | 'cache';
  /** When it was read from the server (ISO 8601). */
  readonly fetchedAt: string;
  readonly server: ServerIdentity;
  readonly definitions: SubschemaDefinitions;
}

export interface SetSchemaParams {
  readonly schema: SchemaPayload | null;
}

/** What the server made of it. */
export interface SetSchemaResult {
  readonly fingerprint: string | null;
  readonly attributeTypes: number;
  readonly objectClasses: number;
  /** Definitions that did not read cleanly, as "list: problem" lines (at most 20). */
  readonly problems: readonly string[];
  readonly parseMs: number;
}
