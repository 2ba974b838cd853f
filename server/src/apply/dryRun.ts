/**
 * Dry run: nothing is written. Each target entry is read from the server, the records are
 * played in order against those copies (so a later record sees what an earlier one would
 * have done), and every record gets its attribute-level before → after and the reasons it
 * would fail (add of an existing entry, change of a missing one, value already there, what
 * the server's schema refuses …). Like the run it predicts, it stops at the first failure
 * unless `continueOnError`: the records after it would not be attempted.
 */
import { ResultCodeError, type Client } from 'ldapts';
import { parseDn } from '../engine/dn/dn';
import type { ChangeType, LdifRecord } from '../engine/ldif/ast';
import {
  advice,
  describeResult,
  formatExplanation,
  resultCodeOf,
  serverTextOf,
  type Explanation,
  type RemedyRenderer,
} from './errors';
import { dnKey, parentDn, renamedDn } from './dnText';
import { describeFileValue } from './localFiles';
import { explainOperationError } from './operationErrors';
import {
  describeSource,
  secretValues,
  type AttributeValues,
  type ModifyChange,
  type Operation,
  type PlannedRecord,
  type RecordSource,
} from './operations';
import { printable } from './printable';
import { planItem } from './run';
import { isSecretAttribute, redact, WITHHELD, type Secret } from './secret';
import { fetchSchema, schemaOf } from './schemaFetch';
import { checkAdd, checkEntry, checkModify } from '../engine/schema/check';
import type { ServerAnswer } from '../engine/schema/answers';
import { resultError } from './ldaptsInternals';
import { entryOfValues } from '../engine/schema/entry';
import type { Schema } from '../engine/schema/schema';
import type { SourceRecord } from './source';
import { loadCatalog, type Catalog } from '../engine/catalog';

export interface AttributeChange {
  readonly type: string;
  /** Values for display: text, or a byte count for binary values, file and digest for file values; secrets withheld. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export type DryRunVerdict = 'would-apply' | 'no-change' | 'would-fail' | 'not-planned' | 'not-attempted';
export const DRY_RUN_VERDICTS: readonly DryRunVerdict[] = [
  'would-apply',
  'no-change',
  'would-fail',
  'not-planned',
  'not-attempted',
];

export interface DryRunRecord {
  readonly source: RecordSource;
  readonly dn: string | undefined;
  readonly changeType: ChangeType | undefined;
  readonly verdict: DryRunVerdict;
  /** Why the record would fail (or could not be planned, or would not be attempted), each with its remedy. */
  readonly findings: readonly Explanation[];
  readonly changes: readonly AttributeChange[];
  /** The entry's DN after a rename. */
  readonly newDn?: string;
}

export interface DryRunSummary {
  readonly address: string;
  readonly counts: Readonly<Record<DryRunVerdict, number>>;
  readonly total: number;
}

/** A summary with every record, for hosts that keep them. */
export interface DryRunReport extends DryRunSummary {
  readonly records: readonly DryRunRecord[];
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
  readonly continueOnError?: boolean;
  readonly maxFileValueBytes: number;
  /** Called for each record in order; the dry run waits for it. */
  readonly onRecord?: (record: DryRunRecord) => void | Promise<void>;
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
  private namingContexts: string[] | undefined;

  constructor(
    private readonly client: Client,
    readonly schema: Schema | undefined,
  ) {}

  async entry(dn: string): Promise<SimEntry | null> {
    const key = dnKey(dn);
    if (!this.entries.has(key)) this.entries.set(key, await readEntry(this.client, dn));
    return this.entries.get(key) ?? null;
  }

  set(dn: string, entry: SimEntry | null): void {
    this.entries.set(dnKey(dn), entry);
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

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function dryRunRecords(
  target: DryRunTarget,
  records: AsyncIterable<SourceRecord>,
  options: DryRunOptions,
): Promise<DryRunSummary> {
  // Without a schema that can be read, predict nothing rather than everything.
  const schema = await fetchSchema(target).then(schemaOf, () => undefined);
  const simulation = new Simulation(target.client, schema);
  const counts = Object.fromEntries(DRY_RUN_VERDICTS.map((verdict) => [verdict, 0])) as Record<DryRunVerdict, number>;
  let total = 0;
  let stoppedAt: RecordSource | undefined;
  for await (const item of records) {
    if (options.signal?.aborted) break;
    const identity = {
      source: item.source,
      dn: item.record.dn?.value?.trim(),
      changeType:
        item.record.kind === 'content'
          ? ('add' as const)
          : item.record.kind === 'unknown-change'
            ? undefined
            : item.record.kind,
    };
    let result: DryRunRecord;
    if (stoppedAt) {
      result = {
        ...identity,
        verdict: 'not-attempted',
        findings: [
          {
            kind: 'record',
            cause: `Would not be attempted: the run would stop at ${describeSource(stoppedAt)}.`,
            remedy: { kind: 'continue-on-error' },
          },
        ],
        changes: [],
      };
    } else {
      const step = await planItem(item, options.maxFileValueBytes);
      result = step.ok
        ? await dryRunRecord(simulation, step.record, item.record, target.endpoint.address, options)
        : { ...identity, verdict: 'not-planned', findings: [step.explanation], changes: [] };
      if (!options.continueOnError && (result.verdict === 'would-fail' || result.verdict === 'not-planned'))
        stoppedAt = item.source;
    }
    counts[result.verdict]++;
    total++;
    await options.onRecord?.(result);
  }
  return { address: target.endpoint.address, counts, total };
}

async function dryRunRecord(
  simulation: Simulation,
  record: PlannedRecord,
  ldif: LdifRecord,
  address: string,
  options: DryRunOptions,
): Promise<DryRunRecord> {
  const { operation } = record;
  const base = { source: record.source, dn: operation.dn, changeType: record.changeType };
  const secrets = [...(options.secrets ?? []), ...secretValues(operation)];
  try {
    const outcome = await simulate(simulation, record, ldif, address, options, secrets);
    const verdict: DryRunVerdict =
      outcome.findings.length > 0
        ? 'would-fail'
        : outcome.changes.length === 0 && operation.kind === 'modify'
          ? 'no-change'
          : 'would-apply';
    return { ...base, verdict, ...outcome };
  } catch (error) {
    // Reading the entry failed (e.g. 50: no read access); the live check is incomplete, say so.
    const explanation = explainOperationError(error, { record, address, secrets });
    const code = resultCodeOf(error);
    return {
      ...base,
      verdict: 'would-fail',
      findings: [
        {
          ...explanation,
          cause: `Could not read ${operation.dn} to compare: ${code !== undefined ? describeResult(code, redact(serverTextOf(error), secrets)) : explanation.cause}`,
          remedy:
            code === 50
              ? advice('Bind as an account that may read the entry (cn=Directory Manager for cn=config).')
              : explanation.remedy,
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
  remedy: advice(fix),
});

async function simulate(
  simulation: Simulation,
  record: PlannedRecord,
  ldif: LdifRecord,
  address: string,
  options: DryRunOptions,
  secrets: readonly (string | Secret)[],
): Promise<Outcome> {
  const { operation } = record;
  const existing = await simulation.entry(operation.dn);
  // The server's schema check, played by the engine (engine/schema) in 389-DS's order and
  // words: the record's values against their syntaxes, then the whole entry as the record
  // leaves it, which is what 389-DS checks.
  const { schema } = simulation;
  const refusal = (answer: ServerAnswer | undefined): Explanation[] =>
    answer && answer.code !== 0
      ? [
          explainOperationError(resultError(answer.code, answer.text), {
            record,
            address,
            secrets,
            ...(options.catalog ? { catalog: options.catalog } : {}),
          }),
        ]
      : [];
  // The status attributes the server makes up when an agreement is read are not stored, so its
  // schema check never sees them.
  const catalog = options.catalog ?? loadCatalog();
  const asSchemaEntry = (entry: SimEntry, known: Schema) =>
    entryOfValues(
      entry.dn,
      Object.fromEntries(
        [...entry.attributes.values()].map((attribute) => [attribute.type, attribute.values.map(toBuffer)]),
      ),
      known,
      (name) => catalog.attribute(name)?.serverManaged === true,
    );
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
      const refused = refusal(schema && checkAdd(ldif, schema).answer);
      if (refused.length > 0) return { findings: refused, changes: [] };
      simulation.set(operation.dn, entry);
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
      if (findings.length === 0 && schema)
        findings = refusal(checkModify(ldif, schema, { current: asSchemaEntry(existing, schema) }).answer);
      if (findings.length === 0) simulation.set(operation.dn, after);
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
      const touched = [...new Set([...rdnTypes(existing.dn), ...rdnTypes(newDn)])];
      const refused = refusal(schema && checkEntry(asSchemaEntry(after, schema), schema).reported?.answer);
      if (refused.length > 0) return { findings: refused, changes: diff(existing, after, touched, options), newDn };
      simulation.set(operation.dn, null);
      simulation.set(newDn, after);
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

/** A value as people should see it: secrets withheld, file values as file, size and digest, binary as a size, long text cut. */
export function displayValue(type: string, value: Uint8Array): string {
  if (isSecretAttribute(type)) return WITHHELD;
  const file = describeFileValue(value);
  if (file) return file;
  let text: string;
  try {
    text = strictDecoder.decode(value);
  } catch {
    return `(${value.length} bytes of binary data)`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return `(${value.length} bytes of binary data)`;
  return printable(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${value.length} bytes)` : text);
}

/** The dry run for people: one head line per record, then `  attr: before → after` lines. */
export function formatDryRunRecord(record: DryRunRecord, render: RemedyRenderer): string[] {
  const head = `${record.verdict.padEnd(13)} ${describeSource(record.source)}  ${record.changeType ?? 'record'} ${record.dn ?? '(no dn)'}${record.newDn ? ` → ${record.newDn}` : ''}`;
  const lines = [head];
  for (const found of record.findings) lines.push(`    ! ${formatExplanation(found, render)}`);
  for (const change of record.changes) {
    const before = change.before.length ? change.before.join(' | ') : '(none)';
    const after = change.after.length ? change.after.join(' | ') : '(none)';
    lines.push(`    ${change.type}: ${before} → ${after}`);
  }
  return lines.map(printable);
}

export function formatDryRunSummary(summary: DryRunSummary): string {
  const { counts } = summary;
  const parts = [
    `${counts['would-apply']} would apply`,
    ...(counts['no-change'] ? [`${counts['no-change']} would change nothing`] : []),
    `${counts['would-fail']} would fail`,
    ...(counts['not-planned'] ? [`${counts['not-planned']} cannot be sent`] : []),
    ...(counts['not-attempted'] ? [`${counts['not-attempted']} would not be attempted`] : []),
  ];
  return printable(`dry run against ${summary.address}, nothing written: ${parts.join(', ')}`);
}
