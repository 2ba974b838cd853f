/**
 * LDIF records → LDAP operations. A pure function: `:<` URL values are read beforehand
 * (localFiles.ts) and passed in. A record that cannot become an operation is a step with
 * a problem, so the run reports it at its place instead of stopping the whole plan.
 */
import type { EntryKind } from '../engine/catalog';
import type { AttrLine, ChangeType, Control, LdifDocument, LdifRecord } from '../engine/ldif/ast';
import { advice, type Explanation, type Remedy } from './errors';
import type {
  AttributeValues,
  ModifyChange,
  Operation,
  OperationControl,
  PlannedRecord,
  RecordSource,
} from './operations';
import type { LocalValue } from './localFiles';

export interface PlanOptions {
  /** The file name messages use; undefined for an unsaved editor buffer. */
  readonly file?: string;
  /** Contents of the record's `:<` URLs, from readLocalFile, by URL as written. */
  readonly urlValues?: ReadonlyMap<string, LocalValue>;
  /** Which winsync entry a record targets; the CLI passes the document's entry views. */
  readonly entryKindOf?: (record: LdifRecord) => EntryKind | undefined;
}

export type PlanStep =
  | { readonly ok: true; readonly record: PlannedRecord }
  | {
      readonly ok: false;
      readonly source: RecordSource;
      readonly dn: string | undefined;
      readonly changeType: ChangeType | undefined;
      readonly explanation: Explanation;
    };

/** Not-an-operation: thrown inside planning only, caught per record. */
class RecordProblem extends Error {
  readonly remedy: Remedy;

  constructor(
    readonly cause: string,
    fix: string | Remedy,
  ) {
    super(cause);
    this.remedy = typeof fix === 'string' ? advice(fix) : fix;
  }
}

const utf8 = new TextEncoder();

export function planDocument(document: LdifDocument, options: PlanOptions = {}): PlanStep[] {
  return document.records.map((record, index) => planRecord(record, index, options));
}

export function planRecord(record: LdifRecord, index: number, options: PlanOptions = {}): PlanStep {
  const source: RecordSource = {
    file: options.file,
    index,
    line: (record.dn?.line.range.start.line ?? record.range.start.line) + 1,
  };
  const dn = record.dn?.value;
  const changeType = record.kind === 'content' ? 'add' : record.kind === 'unknown-change' ? undefined : record.kind;
  try {
    if (!record.dn)
      throw new RecordProblem(
        'the record does not start with a dn: line',
        'Start every record with "dn: <the entry\'s DN>".',
      );
    if (dn === undefined)
      throw new RecordProblem(
        'the base64 DN is not valid UTF-8',
        'Re-encode the DN as UTF-8 before base64, or write it as plain text.',
      );
    const operation = operationOf(record, dn.trim(), options);
    return {
      ok: true,
      record: { source, changeType: changeType ?? 'add', operation, entryKind: options.entryKindOf?.(record) },
    };
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error;
    return {
      ok: false,
      source,
      dn,
      changeType,
      explanation: { kind: 'record', cause: `Not sent: ${error.cause}.`, remedy: error.remedy },
    };
  }
}

function operationOf(record: LdifRecord, dn: string, options: PlanOptions): Operation {
  const controls = record.controls.map((control) => controlOf(control, options));
  switch (record.kind) {
    case 'content':
    case 'add':
      if (record.attributes.length === 0) {
        throw new RecordProblem(
          `the add of ${dn} has no attributes`,
          'Give the entry its objectClass values and required attributes.',
        );
      }
      return { kind: 'add', dn, controls, attributes: groupAttributes(record.attributes, options) };
    case 'delete':
      return { kind: 'delete', dn, controls };
    case 'modify':
      return { kind: 'modify', dn, controls, changes: record.modifications.map((spec) => changeOf(spec, options)) };
    case 'modrdn':
    case 'moddn':
      return renameOf(record, dn, controls);
    default:
      throw new RecordProblem(
        `"changetype: ${record.changeTypeLine?.value ?? ''}" is not a change type`,
        'Use one of add, delete, modify, modrdn, moddn.',
      );
  }
}

/** Lines of the same attribute description become one attribute with several values, in first-seen order. */
function groupAttributes(lines: readonly AttrLine[], options: PlanOptions): AttributeValues[] {
  const byType = new Map<string, { type: string; line: number; values: Uint8Array[] }>();
  for (const line of lines) {
    const key = line.description.toLowerCase();
    let group = byType.get(key);
    if (!group) {
      group = { type: line.description, line: lineNumber(line), values: [] };
      byType.set(key, group);
    }
    group.values.push(valueBytes(line, options));
  }
  return [...byType.values()];
}

function changeOf(spec: LdifRecord['modifications'][number], options: PlanOptions): ModifyChange {
  const type = spec.attribute.trim();
  const line = spec.values[0] ? lineNumber(spec.values[0]) : spec.header.line.range.start.line + 1;
  if (!spec.op) {
    throw new RecordProblem(
      `"${spec.header.name}:" (line ${spec.header.line.range.start.line + 1}) is not a modify operation`,
      'Use add:, delete:, replace: or increment:.',
    );
  }
  if (type === '') {
    throw new RecordProblem(
      `"${spec.op}:" on line ${spec.header.line.range.start.line + 1} names no attribute`,
      `Write "${spec.op}: <attribute>".`,
    );
  }
  if (spec.op === 'add' && spec.values.length === 0) {
    throw new RecordProblem(
      `"add: ${type}" (line ${line}) has no values`,
      `Follow it with one or more "${type}: <value>" lines.`,
    );
  }
  if (spec.op === 'increment' && spec.values.length !== 1) {
    throw new RecordProblem(
      `"increment: ${type}" (line ${line}) needs exactly one value`,
      `Follow it with one "${type}: <amount>" line.`,
    );
  }
  return { op: spec.op, type, line, values: spec.values.map((value) => valueBytes(value, options)) };
}

function renameOf(record: LdifRecord, dn: string, controls: OperationControl[]): Operation {
  const newRdn = record.newRdn?.value?.trim();
  if (!newRdn)
    throw new RecordProblem(
      `the ${record.kind} of ${dn} has no newrdn: line`,
      'Add "newrdn: <new RDN>", e.g. newrdn: uid=jdoe2.',
    );
  const deleteOld = record.deleteOldRdn?.value?.trim();
  if (deleteOld !== '0' && deleteOld !== '1') {
    throw new RecordProblem(
      deleteOld === undefined
        ? `the ${record.kind} of ${dn} has no deleteoldrdn: line`
        : `deleteoldrdn must be 0 or 1, not "${deleteOld}"`,
      'Add "deleteoldrdn: 1" to remove the old RDN value, or "deleteoldrdn: 0" to keep it.',
    );
  }
  const newSuperior = record.newSuperior?.value?.trim();
  return {
    kind: 'modrdn',
    dn,
    controls,
    newRdn,
    deleteOldRdn: deleteOld === '1',
    newSuperior: newSuperior || undefined,
  };
}

function controlOf(control: Control, options: PlanOptions): OperationControl {
  let value: Uint8Array | undefined;
  if (control.valueEncoding === 'base64') value = control.bytes;
  else if (control.valueEncoding === 'url') value = urlBytes(control.value ?? '', control.line, options);
  else if (control.value !== undefined) value = utf8.encode(control.value);
  return { oid: control.oid, critical: control.critical, value };
}

function valueBytes(line: AttrLine, options: PlanOptions): Uint8Array {
  switch (line.encoding) {
    case 'base64':
      if (!line.bytes)
        throw new RecordProblem(
          `the base64 value of ${line.name} (line ${lineNumber(line)}) cannot be decoded`,
          'Re-encode the value as base64.',
        );
      return line.bytes;
    case 'url':
      return urlBytes((line.value ?? line.rawValue).trim(), line, options);
    default:
      return utf8.encode(line.value ?? line.rawValue);
  }
}

function urlBytes(url: string, line: AttrLine, options: PlanOptions): Uint8Array {
  const loaded = options.urlValues?.get(url);
  if (!loaded)
    throw new RecordProblem(
      `the value of ${line.name} (line ${lineNumber(line)}) refers to "${url}", which was not read`,
      'Apply from a saved file so that file:// values can be read.',
    );
  if (!loaded.ok) throw new RecordProblem(`${loaded.problem} (line ${lineNumber(line)})`, loaded.remedy);
  return loaded.bytes;
}

function lineNumber(line: AttrLine): number {
  return line.line.range.start.line + 1;
}
