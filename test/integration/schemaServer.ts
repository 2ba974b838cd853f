/**
 * Helpers for the schema tests: read the live server's schema the way the product does,
 * apply an LDIF record through the apply path, and predict the answer with the engine.
 */
import type { Client } from 'ldapts';
import { openSession, type LdapSession } from '../../server/src/apply/connection';
import { resultCodeOf, serverTextOf } from '../../server/src/apply/errors';
import { planRecord } from '../../server/src/apply/plan';
import { fetchSchema, type FetchedSchema } from '../../server/src/apply/schemaFetch';
import { Secret } from '../../server/src/apply/secret';
import { sendOperation } from '../../server/src/apply/send';
import type { LdifRecord } from '../../server/src/engine/ldif/ast';
import type { ServerAnswer } from '../../server/src/engine/schema/answers';
import { checkAdd, checkModify, type RecordCheck } from '../../server/src/engine/schema/check';
import { entryOfValues } from '../../server/src/engine/schema/entry';
import { buildSchema, type Schema } from '../../server/src/engine/schema/schema';
import { getLanguageService } from '../../server/src/engine/service';
import type { LdapTestServer } from './server';

export const service = getLanguageService();

/** A session bound as the test's Directory Manager, or anonymous. */
export function session(live: LdapTestServer, anonymous = false, url = live.ipUrl): Promise<LdapSession> {
  return openSession({
    url,
    bindDn: anonymous ? '' : live.bindDn,
    password: new Secret(anonymous ? '' : live.password),
    anonymous,
  });
}

export async function readSchema(
  live: LdapTestServer,
  anonymous = false,
): Promise<{ fetched: FetchedSchema; schema: Schema }> {
  const opened = await session(live, anonymous);
  try {
    const fetched = await fetchSchema(opened);
    return { fetched, schema: buildSchema(fetched.definitions, fetched.server) };
  } finally {
    await opened.close();
  }
}

/** The records of an LDIF text. */
export function records(text: string): readonly LdifRecord[] {
  return service.parse(text).ldif.records;
}

/** Sends the record as `winsync-ldif apply` does and returns what the server answered. */
export async function applyRecord(client: Client, record: LdifRecord): Promise<ServerAnswer> {
  const step = planRecord(record, 0);
  if (!step.ok) throw new Error(`the record cannot be planned: ${step.explanation.cause}`);
  try {
    await sendOperation(client, step.record.operation);
    return { code: 0, text: '' };
  } catch (error) {
    const code = resultCodeOf(error);
    if (code === undefined) throw error;
    return { code, text: serverTextOf(error) };
  }
}

/** The entry as the server holds it now (every user attribute), or undefined when it does not exist. */
export async function liveEntry(
  client: Client,
  dn: string,
  schema: Schema,
): Promise<ReturnType<typeof entryOfValues> | undefined> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['*'] });
    const found = searchEntries[0];
    const computed = (name: string) => service.catalog.attribute(name)?.serverManaged === true;
    return found
      ? entryOfValues(dn, found as Record<string, string | Buffer | (string | Buffer)[]>, schema, computed)
      : undefined;
  } catch (error) {
    if (resultCodeOf(error) === 32) return undefined;
    throw error;
  }
}

/** The engine's verdict: an add from the record alone, a modify played on the live entry (or from its mod-specs alone). */
export async function predict(
  client: Client,
  record: LdifRecord,
  schema: Schema,
  withEntry = true,
): Promise<RecordCheck> {
  if (record.kind === 'modify') {
    const current = withEntry ? await liveEntry(client, record.dn?.value ?? '', schema) : undefined;
    return checkModify(record, schema, { current });
  }
  return checkAdd(record, schema);
}

export async function deleteQuietly(client: Client, dn: string): Promise<void> {
  await client.del(dn).catch(() => undefined);
}
