/**
 * Dry run: nothing is written. Each target entry is read from the server, the records are
 * played in order against those copies (so a later record sees what an earlier one would
 * have done), and every record gets its attribute-level before → after and the reasons it
 * would fail (add of an existing entry, change of a missing one, value already there …).
 * With the server's schema, an add or modify is played as 389-DS's checks play it, on the
 * entry as the server holds it, so a predicted 65, 21, 20, 16, 67 or 53 is the answer it gives.
 */
import { ResultCodeError, type Client } from 'ldapts';
import { parseDn } from '../engine/dn/dn';
import type { ChangeType } from '../engine/ldif/ast';
import { checkAdd, checkModify, type RecordCheck } from '../engine/schema/check';
import { entryOfValues, type SchemaEntry } from '../engine/schema/entry';
import { buildSchema, type Schema } from '../engine/schema/schema';
import { describeResult, resultCodeOf, serverTextOf, type Explanation } from './errors';
import { dnKey, parentDn, renamedDn } from './dnText';
import { explainOperationError } from './operationErrors';
import type { AttributeValues, ModifyChange, Operation, PlannedRecord, RecordSource } from './operations';
import type { PlanStep } from './plan';
import { fetchSchema } from './schemaFetch';
import { isSecretAttribute, redact, WITHHELD, type Secret } from './secret';
import type { Catalog } from '../engine/catalog';

export interface AttributeChange {
  readonly type: string;
  /** Values for display: text, or a byte count for binary values; secrets withheld. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export type DryRunVerdict = 'would-apply' | 'would-fail' | 'not-planned';

export interface DryRunRecord {
  readonly source: RecordSource;
  readonly dn: string | undefined;
  readonly changeType: ChangeType | undefined;
  readonly verdict: DryRunVerdict;
  /** Why the record would fail (or could not be planned), each with its fix. */
  readonly findings: readonly Explanation[];
  readonly changes: readonly AttributeChange[];
  /** The entry's DN after a rename. */
  readonly newDn?: string;
}

export interface DryRunReport {
  readonly address: string;
  readonly records: readonly DryRunRecord[];
  readonly counts: Readonly<Record<DryRunVerdict, number>>;
}

export interface DryRunTarget {
  readonly client: Client;
  readonly endpoint: { readonly address: string };
}

export interface DryRunOptions {
  /** Its server-managed attributes (status, cookies) are left out of the diff. */
  readonly catalog?: Catalog;
  readonly secrets?: readonly (string | Secret)[];
  readonly signal?: AbortSignal;
  /**
   * The server's schema, for predicting what its schema and syntax checks answer. Without it the
   * dry run reads it from the server at the first add or modify; when it cannot be read (no
   * access), those checks are left to the server.
   */
  readonly schema?: Schema;
}

interface SimAttribute {
  readonly type: string;
  values: Uint8Array[];
}

interface SimEntry {
  readonly dn: string;
  readonly attributes: Map<string, SimAttribute>;
}

/** Reads entries once and keeps what earlier records would have done to them. */
class Simulation {
  private readonly entries = new Map<string, SimEntry | null>();
  /**
   * Entries as the server's checks would leave them (with the RDN values and superior classes
   * the server adds), by DN key, for the schema checks of later records; others are built from `entries`.
   */
  private readonly checked = new Map<string, SchemaEntry>();
  private namingContexts: string[] | undefined;
  private schemaRead: Promise<Schema | undefined> | undefined;

  constructor(
    private readonly target: DryRunTarget,
    private readonly options: DryRunOptions,
  ) {}

  private get client(): Client {
    return this.target.client;
  }

  /** The server's schema: given, or read once; undefined when it cannot be read. */
  schema(): Promise<Schema | undefined> {
    this.schemaRead ??= this.options.schema
      ? Promise.resolve(this.options.schema)
      : fetchSchema(this.target).then(
          (fetched) => buildSchema(fetched.definitions, fetched.server),
          () => undefined,
        );
    return this.schemaRead;
  }

  /** The entry at `dn` as the server's schema checks see it. */
  schemaEntry(entry: SimEntry, schema: Schema): SchemaEntry {
    const known = this.checked.get(dnKey(entry.dn));
    if (known) return known;
    const values: Record<string, Buffer[]> = {};
    for (const attribute of entry.attributes.values())
      values[attribute.type] = attribute.values.map((value) =>
        Buffer.from(value.buffer, value.byteOffset, value.length),
      );
    // Attributes the server keeps up to date itself (agreement status) are not the record's to judge.
    const computed = (name: string) => this.options.catalog?.attribute(name)?.serverManaged === true;
    return entryOfValues(entry.dn, values, schema, computed);
  }

  /** Keeps the entry the server's checks left (undefined: build it from the simulated entry when needed). */
  setChecked(dn: string, entry: SchemaEntry | undefined): void {
    if (entry) this.checked.set(dnKey(dn), entry);
    else this.checked.delete(dnKey(dn));
  }

  async entry(dn: string): Promise<SimEntry | null> {
    const key = dnKey(dn);
    if (!this.entries.has(key)) this.entries.set(key, await readEntry(this.client, dn));
    return this.entries.get(key) ?? null;
  }

  set(dn: string, entry: SimEntry | null): void {
    this.entries.set(dnKey(dn), entry);
    this.checked.delete(dnKey(dn));
  }

  async hasChildren(dn: string): Promise<boolean> {
    try {
      const result = await this.client.search(dn, { scope: 'one', attributes: ['1.1'], sizeLimit: 1 });
      return result.searchEntries.some((child) => this.entries.get(dnKey(child.dn)) !== null);
    } catch (error) {
      // More than one child also means "has children".
      return resultCodeOf(error) === 4;
    }
  }

  /** A missing parent matters only inside a suffix the server holds (a new suffix entry has no parent entry). */
  async parentMatters(parent: string): Promise<boolean> {
    if (this.namingContexts === undefined) {
      const root = await this.client
        .search('', { scope: 'base', attributes: ['namingContexts'] })
        .catch(() => undefined);
      const values = root?.searchEntries[0]?.namingContexts;
      this.namingContexts = [...(Array.isArray(values) ? values : values ? [values] : []), 'cn=config'].map((value) =>
        dnKey(String(value)),
      );
    }
    const key = dnKey(parent);
    return this.namingContexts.some((context) => key === context || key.endsWith(`,${context}`));
  }
}

async function readEntry(client: Client, dn: string): Promise<SimEntry | null> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['*'] });
    const found = searchEntries[0];
    if (!found) return null;
    const attributes = new Map<string, SimAttribute>();
    for (const [type, raw] of Object.entries(found)) {
      if (type === 'dn' || type === '*') continue;
      const values = (Array.isArray(raw) ? raw : [raw]).map(toBytes);
      attributes.set(type.toLowerCase(), { type, values });
    }
    return { dn: found.dn, attributes };
  } catch (error) {
    if (error instanceof ResultCodeError && error.code === 32) return null;
    throw error;
  }
}

const encoder = new TextEncoder();
// ldapts hands back valid UTF-8 as strings and everything else as Buffers, so this is lossless.
function toBytes(value: string | Buffer): Uint8Array {
  return typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value);
}

export async function dryRunPlan(
  target: DryRunTarget,
  steps: readonly PlanStep[],
  options: DryRunOptions = {},
): Promise<DryRunReport> {
  const simulation = new Simulation(target, options);
  const records: DryRunRecord[] = [];
  for (const step of steps) {
    if (options.signal?.aborted) break;
    if (!step.ok) {
      records.push({
        source: step.source,
        dn: step.dn,
        changeType: step.changeType,
        verdict: 'not-planned',
        findings: [step.explanation],
        changes: [],
      });
      continue;
    }
    records.push(await dryRunRecord(simulation, step.record, target.endpoint.address, options));
  }
  const counts: Record<DryRunVerdict, number> = { 'would-apply': 0, 'would-fail': 0, 'not-planned': 0 };
  for (const record of records) counts[record.verdict]++;
  return { address: target.endpoint.address, records, counts };
}

async function dryRunRecord(
  simulation: Simulation,
  record: PlannedRecord,
  address: string,
  options: DryRunOptions,
): Promise<DryRunRecord> {
  const { operation } = record;
  const base = { source: record.source, dn: operation.dn, changeType: record.changeType };
  try {
    const outcome = await simulate(simulation, record, address, options);
    return { ...base, verdict: outcome.findings.length > 0 ? 'would-fail' : 'would-apply', ...outcome };
  } catch (error) {
    // Reading the entry failed (e.g. 50: no read access); the live check is incomplete, say so.
    const explanation = explainOperationError(error, { record, address, secrets: options.secrets ?? [] });
    const code = resultCodeOf(error);
    return {
      ...base,
      verdict: 'would-fail',
      findings: [
        {
          ...explanation,
          cause: `Could not read ${operation.dn} to compare: ${code !== undefined ? describeResult(code, redact(serverTextOf(error), options.secrets ?? [])) : explanation.cause}`,
          fix:
            code === 50
              ? 'Bind as an account that may read the entry (cn=Directory Manager for cn=config).'
              : explanation.fix,
        },
      ],
      changes: [],
    };
  }
}

interface Outcome {
  findings: Explanation[];
  changes: AttributeChange[];
  newDn?: string;
}

const finding = (code: number, cause: string, fix: string): Explanation => ({
  kind: 'ldap',
  code,
  cause: `${describeResult(code, '')}: ${cause}`,
  fix,
});

/** The server's answer as ldapts would throw it, so a prediction is explained exactly like the refusal. */
class PredictedAnswer extends ResultCodeError {
  constructor(code: number, text: string) {
    super(code, text);
  }
}

/** The verdict of the server's checks on the record (a modify played on `current`), when the schema is known. */
async function schemaCheck(
  simulation: Simulation,
  record: PlannedRecord,
  current?: SimEntry,
): Promise<RecordCheck | undefined> {
  const schema = record.ldif && (await simulation.schema());
  if (!schema || !record.ldif) return undefined;
  return current
    ? checkModify(record.ldif, schema, { current: simulation.schemaEntry(current, schema) })
    : checkAdd(record.ldif, schema);
}

/** Nothing when the server accepts, else its refusal explained as a real one would be. */
function refusal(check: RecordCheck, record: PlannedRecord, address: string, options: DryRunOptions): Explanation[] {
  const { answer, reported } = check;
  if (answer.code === 0) return [];
  const explained = explainOperationError(new PredictedAnswer(answer.code, answer.text), {
    record,
    address,
    secrets: options.secrets ?? [],
    ...(options.catalog ? { catalog: options.catalog } : {}),
  });
  // A violation the live entry already has fails any modify of it, whatever the record says.
  return [
    reported[0]?.preexisting
      ? { ...explained, cause: `${explained.cause} The entry breaks the schema already, before this record.` }
      : explained,
  ];
}

async function simulate(
  simulation: Simulation,
  record: PlannedRecord,
  address: string,
  options: DryRunOptions,
): Promise<Outcome> {
  const { operation } = record;
  const existing = await simulation.entry(operation.dn);
  switch (operation.kind) {
    case 'add': {
      if (existing)
        return {
          findings: [
            finding(
              68,
              `${operation.dn} already exists on the server.`,
              'Use changetype: modify to change it, or delete it first.',
            ),
          ],
          changes: [],
        };
      const parent = parentDn(operation.dn);
      if (parent && (await simulation.parentMatters(parent)) && !(await simulation.entry(parent))) {
        return {
          findings: [
            finding(
              32,
              `the parent ${parent} of ${operation.dn} does not exist.`,
              'Add the parent entry first (earlier in the file), or correct the DN.',
            ),
          ],
          changes: [],
        };
      }
      const entry = newEntry(operation.dn, operation.attributes);
      const checked = await schemaCheck(simulation, record);
      const refused = checked ? refusal(checked, record, address, options) : [];
      if (refused.length > 0) return { findings: refused, changes: [] };
      simulation.set(operation.dn, entry);
      simulation.setChecked(operation.dn, checked?.entry);
      return { findings: [], changes: diff(undefined, entry, keysOf(entry), options) };
    }
    case 'delete': {
      if (!existing) return { findings: [missing(operation.dn)], changes: [] };
      if (await simulation.hasChildren(operation.dn)) {
        return {
          findings: [
            finding(66, `${operation.dn} has entries below it.`, 'Delete its children first (deepest first).'),
          ],
          changes: [],
        };
      }
      simulation.set(operation.dn, null);
      return { findings: [], changes: diff(existing, undefined, keysOf(existing), options) };
    }
    case 'modify': {
      if (!existing) return { findings: [missing(operation.dn)], changes: [] };
      const after = cloneEntry(existing);
      let findings = operation.changes.flatMap((change) => applyChange(after, change, operation.dn));
      // With the schema, the record played as the server plays it decides: its equality rules
      // say which values are already there, and the whole resulting entry is checked.
      const checked = await schemaCheck(simulation, record, existing);
      if (checked) findings = refusal(checked, record, address, options);
      if (findings.length === 0) {
        simulation.set(operation.dn, after);
        simulation.setChecked(operation.dn, checked?.entry);
      }
      const touched = [...new Set(operation.changes.map((change) => change.type.toLowerCase()))];
      return { findings, changes: diff(existing, after, touched, options) };
    }
    case 'modrdn': {
      if (!existing) return { findings: [missing(operation.dn)], changes: [] };
      const newDn = renamedDn(operation.dn, operation.newRdn, operation.newSuperior);
      if (dnKey(newDn) !== dnKey(operation.dn) && (await simulation.entry(newDn))) {
        return {
          findings: [
            finding(
              68,
              `an entry named ${newDn} already exists.`,
              'Choose another newrdn, or remove the existing entry first.',
            ),
          ],
          changes: [],
          newDn,
        };
      }
      if (operation.newSuperior && !(await simulation.entry(operation.newSuperior))) {
        return {
          findings: [
            finding(
              32,
              `the new superior ${operation.newSuperior} does not exist.`,
              'Add it first, or correct newsuperior.',
            ),
          ],
          changes: [],
          newDn,
        };
      }
      const after = renameEntry(existing, newDn, operation);
      simulation.set(operation.dn, null);
      simulation.set(newDn, after);
      const touched = [...new Set([...rdnTypes(existing.dn), ...rdnTypes(newDn)])];
      return { findings: [], changes: diff(existing, after, touched, options), newDn };
    }
  }
}

function missing(dn: string): Explanation {
  return finding(32, `${dn} does not exist on the server.`, 'Check the DN spelling, or add the entry first.');
}

function newEntry(dn: string, attributes: readonly AttributeValues[]): SimEntry {
  const map = new Map<string, SimAttribute>();
  for (const attribute of attributes) {
    const key = attribute.type.toLowerCase();
    const current = map.get(key);
    if (current) for (const value of attribute.values) current.values.push(value);
    else map.set(key, { type: attribute.type, values: [...attribute.values] });
  }
  return { dn, attributes: map };
}

function cloneEntry(entry: SimEntry, dn = entry.dn): SimEntry {
  return {
    dn,
    attributes: new Map(
      [...entry.attributes].map(([key, value]) => [key, { type: value.type, values: [...value.values] }]),
    ),
  };
}

function keysOf(entry: SimEntry): string[] {
  return [...entry.attributes.keys()];
}

/** Plays one mod-spec on the copy; returns what the server would refuse. */
function applyChange(entry: SimEntry, change: ModifyChange, dn: string): Explanation[] {
  const key = change.type.toLowerCase();
  const current = entry.attributes.get(key);
  const where = `${change.type} (line ${change.line})`;
  switch (change.op) {
    case 'add': {
      const present = change.values.filter((value) => current?.values.some((existing) => sameBytes(existing, value)));
      if (present.length > 0)
        return [
          finding(
            20,
            `${where} of ${dn} already has the value being added.`,
            'Use replace: or drop the value that is already there.',
          ),
        ];
      entry.attributes.set(key, {
        type: current?.type ?? change.type,
        values: [...(current?.values ?? []), ...change.values],
      });
      return [];
    }
    case 'delete': {
      if (!current)
        return [
          finding(
            16,
            `${where} is not present on ${dn}.`,
            'Remove this delete:, or use replace: to set the values you want.',
          ),
        ];
      if (change.values.length === 0) {
        entry.attributes.delete(key);
        return [];
      }
      const absent = change.values.filter((value) => !current.values.some((existing) => sameText(existing, value)));
      if (absent.length > 0)
        return [
          finding(
            16,
            `a value of ${where} to delete is not present on ${dn}.`,
            'Delete only values the entry has (see before), or use replace:.',
          ),
        ];
      const remaining = current.values.filter((existing) => !change.values.some((value) => sameText(existing, value)));
      if (remaining.length === 0) entry.attributes.delete(key);
      else current.values = remaining;
      return [];
    }
    case 'replace':
      if (change.values.length === 0) entry.attributes.delete(key);
      else entry.attributes.set(key, { type: current?.type ?? change.type, values: [...change.values] });
      return [];
    case 'increment': {
      const amount = Number(decoder.decode(change.values[0]));
      const old = current?.values[0] ? Number(decoder.decode(current.values[0])) : NaN;
      if (!current)
        return [
          finding(
            16,
            `${where} is not present on ${dn}, so it cannot be incremented.`,
            'Use replace: to set a first value.',
          ),
        ];
      if (Number.isFinite(amount) && Number.isFinite(old)) current.values = [encoder.encode(String(old + amount))];
      return [];
    }
  }
}

function renameEntry(entry: SimEntry, newDn: string, operation: Extract<Operation, { kind: 'modrdn' }>): SimEntry {
  const after = cloneEntry(entry, newDn);
  if (operation.deleteOldRdn) {
    for (const [type, value] of rdnPairs(entry.dn)) {
      const attribute = after.attributes.get(type.toLowerCase());
      if (attribute)
        attribute.values = attribute.values.filter((existing) => !sameText(existing, encoder.encode(value)));
      if (attribute && attribute.values.length === 0) after.attributes.delete(type.toLowerCase());
    }
  }
  for (const [type, value] of rdnPairs(newDn)) {
    const attribute = after.attributes.get(type.toLowerCase());
    const bytes = encoder.encode(value);
    if (!attribute) after.attributes.set(type.toLowerCase(), { type, values: [bytes] });
    else if (!attribute.values.some((existing) => sameText(existing, bytes))) attribute.values.push(bytes);
  }
  return after;
}

/** `uid=a+cn=b,ou=x` → [[uid, a], [cn, b]], escapes resolved. */
function rdnPairs(dn: string): [string, string][] {
  const first = parseDn(dn).rdns[0];
  return first ? first.avas.map((ava) => [ava.type, ava.value]) : [];
}

function rdnTypes(dn: string): string[] {
  return rdnPairs(dn).map(([type]) => type.toLowerCase());
}

const decoder = new TextDecoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

// Most directory attributes match case-insensitively; for "is it there" checks that is the safer guess.
function sameText(a: Uint8Array, b: Uint8Array): boolean {
  return sameBytes(a, b) || decoder.decode(a).toLowerCase() === decoder.decode(b).toLowerCase();
}

function diff(
  before: SimEntry | undefined,
  after: SimEntry | undefined,
  keys: readonly string[],
  options: DryRunOptions,
): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const key of keys) {
    if (options.catalog?.attribute(key)?.serverManaged) continue;
    const old = before?.attributes.get(key);
    const now = after?.attributes.get(key);
    const oldValues = old?.values ?? [];
    const newValues = now?.values ?? [];
    if (oldValues.length === newValues.length && oldValues.every((value, i) => sameBytes(value, newValues[i])))
      continue;
    const type = now?.type ?? old?.type ?? key;
    changes.push({
      type,
      before: oldValues.map((value) => displayValue(type, value)),
      after: newValues.map((value) => displayValue(type, value)),
    });
  }
  return changes;
}

const MAX_SHOWN = 120;

/** A value as people should see it: secrets withheld, binary as a size, long text cut. */
export function displayValue(type: string, value: Uint8Array): string {
  if (isSecretAttribute(type)) return WITHHELD;
  let text: string;
  try {
    text = strictDecoder.decode(value);
  } catch {
    return `(${value.length} bytes of binary data)`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return `(${value.length} bytes of binary data)`;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${value.length} bytes)` : text;
}

/** The dry run for people: one head line per record, then `  attr: before → after` lines. */
export function formatDryRunRecord(record: DryRunRecord): string[] {
  const where = record.source.file ? `${record.source.file}:${record.source.line}` : `line ${record.source.line}`;
  const head = `${record.verdict.padEnd(11)} ${where}  ${record.changeType ?? 'record'} ${record.dn ?? '(no dn)'}${record.newDn ? ` → ${record.newDn}` : ''}`;
  const lines = [head];
  for (const found of record.findings) lines.push(`    ! ${found.cause} Fix: ${found.fix}`);
  for (const change of record.changes) {
    const before = change.before.length ? change.before.join(' | ') : '(none)';
    const after = change.after.length ? change.after.join(' | ') : '(none)';
    lines.push(`    ${change.type}: ${before} → ${after}`);
  }
  return lines;
}

export function formatDryRunSummary(report: DryRunReport): string {
  const { counts } = report;
  return `dry run against ${report.address}, nothing written: ${counts['would-apply']} would apply, ${counts['would-fail']} would fail${counts['not-planned'] ? `, ${counts['not-planned']} cannot be sent` : ''}`;
}
