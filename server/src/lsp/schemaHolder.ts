/**
 * The server schema the client sent (`winsyncLdif/setSchema`): parsed once per change, then
 * handed to validation, hover and completion; open documents are checked again against it.
 */
import type { Connection } from 'vscode-languageserver/node';
import { SET_SCHEMA_METHOD, type SetSchemaParams, type SetSchemaResult } from '../engine/schema/protocol';
import { buildSchema, type Schema } from '../engine/schema/schema';

export class SchemaHolder {
  current: Schema | undefined;

  constructor(connection: Connection, republish: () => Promise<void>) {
    connection.onRequest(SET_SCHEMA_METHOD, async (params: SetSchemaParams): Promise<SetSchemaResult> => {
      const started = performance.now();
      if (!params.schema) {
        this.current = undefined;
        await republish();
        return { fingerprint: null, attributeTypes: 0, objectClasses: 0, problems: [], parseMs: 0 };
      }
      const next = buildSchema(params.schema.definitions, params.schema.server);
      const parseMs = Math.round((performance.now() - started) * 10) / 10;
      const changed =
        next.fingerprint !== this.current?.fingerprint ||
        next.server.vendorVersion !== this.current?.server.vendorVersion;
      if (changed) this.current = next;
      connection.console.info(
        `Schema of ${params.schema.label} (${params.schema.source}, read ${params.schema.fetchedAt}): ${next.attributeTypes.length} attribute types, ${next.objectClasses.length} object classes, parsed in ${parseMs} ms${changed ? '' : ', unchanged'}.`,
      );
      if (changed) await republish();
      return {
        fingerprint: next.fingerprint,
        attributeTypes: next.attributeTypes.length,
        objectClasses: next.objectClasses.length,
        problems: next.problems
          .slice(0, 20)
          .map((problem) => `${problem.kind}: ${problem.problem} in ${problem.text.slice(0, 80)}`),
        parseMs,
      };
    });
  }
}
