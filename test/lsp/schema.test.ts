import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SET_SCHEMA_METHOD, type SetSchemaParams, type SetSchemaResult } from '../../server/src/engine/schema/protocol';
import { DEFINITIONS, SERVER } from '../engine/schema/fixture';
import { LspClient } from './client';

const URI = 'file:///schema.ldif';
const TEXT = 'dn: cn=x,dc=example\nchangetype: add\nobjectClass: person\nsn: x\nmail: a@b\n';

describe('the language server takes a server schema from the client', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  const setSchema = (params: SetSchemaParams) =>
    client.connection.sendRequest<SetSchemaResult>(SET_SCHEMA_METHOD, params);

  test('without one, no schema diagnostics; with one, the open document is checked again and hover speaks for any attribute', async () => {
    const first = await client.open(URI, TEXT);
    assert.deepEqual(
      first.filter((diagnostic) => String(diagnostic.code).startsWith('schema/')),
      [],
    );
    const republished = client.nextDiagnostics(URI);
    const result = await setSchema({
      schema: {
        label: 'test (ldap://127.0.0.1:1)',
        source: 'live',
        fetchedAt: '2026-12-05T10:00:00.000Z',
        server: SERVER,
        definitions: DEFINITIONS,
      },
    });
    assert.equal(result.attributeTypes, DEFINITIONS.attributeTypes.length);
    assert.equal(result.objectClasses, DEFINITIONS.objectClasses.length);
    assert.match(result.fingerprint ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(result.problems, []);
    const diagnostics = (await republished).diagnostics;
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [['schema/not-allowed', 4]],
    );
    const hover = await client.hover(URI, { line: 4, character: 1 });
    assert.match(JSON.stringify(hover?.contents), /attribute type `0\.9\.2342\.19200300\.100\.1\.3`/);
  });

  test('the same schema again changes nothing; null drops it and its diagnostics', async () => {
    const again = await setSchema({
      schema: {
        label: 'test',
        source: 'cache',
        fetchedAt: '2026-12-05T10:00:00.000Z',
        server: SERVER,
        definitions: DEFINITIONS,
      },
    });
    assert.match(again.fingerprint ?? '', /^[0-9a-f]{64}$/);
    const republished = client.nextDiagnostics(URI);
    const dropped = await setSchema({ schema: null });
    assert.equal(dropped.fingerprint, null);
    assert.deepEqual(
      (await republished).diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('schema/')),
      [],
    );
  });
});
