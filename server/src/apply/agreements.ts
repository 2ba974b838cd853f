/**
 * The server's replication and Windows sync agreements, live: read from `cn=mapping tree,cn=config`
 * and decoded (engine/status), shown as LDIF, compared with an LDIF record, and acted on (send
 * updates now, total update, enable, disable). Every change is LDIF that goes through runRecords,
 * so a refusal is explained like any applied record. Used by `winsync-ldif status` and the editor's view.
 */
import type { Client } from 'ldapts';
import type { Catalog } from '../engine/catalog';
import {
  AGREEMENT_FILTER,
  decodeAgreement,
  STATUS_ATTRIBUTES,
  type AgreementHealth,
  type EntryValues,
} from '../engine/status/agreementHealth';
import { ApplyError, type Explanation } from './errors';
import { displayValue, dryRunRecords, type DryRunRecord } from './dryRun';
import { formatEntryLdif, ldifLine, type EntryAttribute } from './entryLdif';
import { DEFAULT_MAX_FILE_VALUE_BYTES } from './localFiles';
import { planItem, runRecords, type RecordResult, type RunTarget } from './run';
import { sourceRecords, textInput, type SourceRecord } from './source';

export const MAPPING_TREE = 'cn=mapping tree,cn=config';

/** Attributes to ask for: all user attributes, plus the status ones 389-DS computes on request. */
const READ_ATTRIBUTES = ['*', ...STATUS_ATTRIBUTES];

export interface LiveEntry {
  readonly dn: string;
  /** In the server's order, names as the server spells them. */
  readonly attributes: readonly EntryAttribute[];
}

/** Every agreement under cn=mapping tree,cn=config, decoded, in the server's order. */
export async function readAgreements(client: Client): Promise<AgreementHealth[]> {
  const { searchEntries } = await client.search(MAPPING_TREE, {
    scope: 'sub',
    filter: AGREEMENT_FILTER,
    attributes: READ_ATTRIBUTES,
  });
  return searchEntries.map((entry) => decodeAgreement(entry.dn, valuesOf(toLive(entry))));
}

/** One agreement, decoded; undefined when it does not exist. */
export async function readAgreement(client: Client, dn: string): Promise<AgreementHealth | undefined> {
  const entry = await readLiveEntry(client, dn, READ_ATTRIBUTES);
  return entry ? decodeAgreement(entry.dn, valuesOf(entry)) : undefined;
}

/** The entry as stored (values as text, or bytes when not UTF-8); undefined when it does not exist. */
export async function readLiveEntry(
  client: Client,
  dn: string,
  attributes: readonly string[] = ['*'],
): Promise<LiveEntry | undefined> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: [...attributes] });
    return searchEntries[0] ? toLive(searchEntries[0]) : undefined;
  } catch (error) {
    if ((error as { code?: unknown }).code === 32) return undefined;
    throw error;
  }
}

function toLive(entry: { dn: string } & Record<string, unknown>): LiveEntry {
  const attributes: EntryAttribute[] = [];
  for (const [type, raw] of Object.entries(entry)) {
    if (type === 'dn' || type === '*') continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((value) =>
      Buffer.isBuffer(value) ? new Uint8Array(value) : String(value),
    );
    if (values.length > 0) attributes.push({ type, values });
  }
  return { dn: entry.dn, attributes };
}

function valuesOf(entry: LiveEntry): EntryValues {
  const values: Record<string, string[]> = {};
  for (const attribute of entry.attributes) {
    values[attribute.type.toLowerCase()] = attribute.values.map((value) =>
      typeof value === 'string' ? value : Buffer.from(value).toString('latin1'),
    );
  }
  return values;
}

/**
 * The agreement as an LDIF content record, credentials withheld; what the server keeps by itself
 * (status, cookies, update vectors) is listed as comments above it, with the decoded state.
 */
export function agreementLdif(entry: LiveEntry, health: AgreementHealth, catalog: Catalog, source: string): string {
  const statusNames = new Set(STATUS_ATTRIBUTES.map((name) => name.toLowerCase()));
  const serverKept = (type: string) =>
    statusNames.has(type.toLowerCase()) ||
    catalog.attribute(type)?.serverManaged === true ||
    /^nsds50ruv$|^nsruvreplicalastmodified$|^nsds5replicareapactive$/i.test(type);
  return formatEntryLdif(entry.dn, entry.attributes, {
    header: [
      `${health.kind === 'windows' ? 'Windows sync' : 'Replication'} agreement "${health.name}" read from ${source} at ${new Date().toISOString()}.`,
      ...wrap(health.explanation, 100),
      '',
    ],
    asComment: serverKept,
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// ----------------------------------------------------------------------------------- actions

export type AgreementAction = 'send-updates-now' | 'total-update' | 'enable' | 'disable';

export const AGREEMENT_ACTIONS: Readonly<
  Record<AgreementAction, { readonly title: string; readonly changes: readonly (readonly [string, string])[] }>
> = {
  // As `dsconf … repl-agmt poke` does: a disable and an enable start a session at once.
  'send-updates-now': {
    title: 'Send updates now',
    changes: [
      ['nsds5ReplicaEnabled', 'off'],
      ['nsds5ReplicaEnabled', 'on'],
    ],
  },
  'total-update': { title: 'Full re-initialisation (total update)', changes: [['nsds5BeginReplicaRefresh', 'start']] },
  enable: { title: 'Enable', changes: [['nsds5ReplicaEnabled', 'on']] },
  disable: { title: 'Disable', changes: [['nsds5ReplicaEnabled', 'off']] },
};

const encoder = new TextEncoder();

/** The action as LDIF: one modify record per change, in order (a failure stops the rest). */
export function actionLdif(dn: string, action: AgreementAction): string {
  return AGREEMENT_ACTIONS[action].changes
    .map(
      ([type, value]) => `${ldifLine('dn', dn)}\nchangetype: modify\nreplace: ${type}\n${ldifLine(type, value)}\n-\n`,
    )
    .join('\n');
}

/** Runs the action; the results say, per change, what the server answered (explained when refused). */
export async function runAgreementAction(
  target: RunTarget,
  dn: string,
  action: AgreementAction,
  catalog: Catalog,
): Promise<RecordResult[]> {
  const results: RecordResult[] = [];
  await runRecords(target, sourceRecords(textInput(undefined, undefined, actionLdif(dn, action)), catalog), {
    catalog,
    maxFileValueBytes: DEFAULT_MAX_FILE_VALUE_BYTES,
    onResult: (result) => void results.push(result),
  });
  return results;
}

// ----------------------------------------------------------------------------------- compare

export interface Comparison {
  /** The live entry, one `type: value` line per value (secrets withheld, binary as a size). */
  readonly live: string;
  /** The same entry as it would be after the record (what the dry run computes). */
  readonly after: string;
  /** Why the record would fail against the live entry, if it would; each host words the remedies. */
  readonly problems: readonly Explanation[];
  readonly exists: boolean;
}

/**
 * The live entry beside the entry as the record would leave it, both written the same way so a
 * diff shows exactly what the record changes. Nothing is written to the server.
 */
export async function compareWithLive(
  target: RunTarget,
  item: SourceRecord,
  catalog: Catalog,
  maxFileValueBytes = DEFAULT_MAX_FILE_VALUE_BYTES,
): Promise<Comparison> {
  const step = await planItem(item, maxFileValueBytes);
  if (!step.ok) throw new ApplyError(step.explanation);
  const { dn } = step.record.operation;
  const live = await readLiveEntry(target.client, dn);
  let record: DryRunRecord | undefined;
  await dryRunRecords(target, single(item), { catalog, maxFileValueBytes, onRecord: (found) => void (record = found) });
  const lines = new Map<string, { type: string; values: string[] }>();
  for (const attribute of live?.attributes ?? []) {
    if (catalog.attribute(attribute.type)?.serverManaged) continue;
    lines.set(attribute.type.toLowerCase(), {
      type: attribute.type,
      values: attribute.values.map((value) =>
        displayValue(attribute.type, typeof value === 'string' ? encoder.encode(value) : value),
      ),
    });
  }
  const render = (entryDn: string, attributes: Map<string, { type: string; values: string[] }>, exists: boolean) =>
    exists
      ? `dn: ${entryDn}\n${[...attributes.values()].flatMap((attribute) => attribute.values.map((value) => `${attribute.type}: ${value}`)).join('\n')}\n`
      : `# ${entryDn} does not exist\n`;
  const afterLines = new Map([...lines].map(([key, value]) => [key, { ...value, values: [...value.values] }]));
  for (const change of record?.changes ?? []) {
    const key = change.type.toLowerCase();
    if (change.after.length === 0) afterLines.delete(key);
    else afterLines.set(key, { type: lines.get(key)?.type ?? change.type, values: [...change.after] });
  }
  const deleted = step.record.operation.kind === 'delete' && record?.verdict === 'would-apply';
  const afterDn = record?.newDn ?? dn;
  return {
    live: render(live?.dn ?? dn, lines, live !== undefined),
    after: render(afterDn, afterLines, !deleted && (live !== undefined || step.record.operation.kind === 'add')),
    problems: record?.findings ?? [],
    exists: live !== undefined,
  };
}

async function* single(item: SourceRecord): AsyncGenerator<SourceRecord> {
  yield item;
}

/** Record `index` of an LDIF text (an editor's document), parsed as apply parses it. */
export async function recordOf(
  text: string,
  index: number,
  catalog: Catalog,
  source: { file: string | undefined; baseDir: string | undefined },
): Promise<SourceRecord | undefined> {
  for await (const item of sourceRecords(textInput(source.file, source.baseDir, text), catalog, {
    only: new Set([index]),
  }))
    return item;
  return undefined;
}
