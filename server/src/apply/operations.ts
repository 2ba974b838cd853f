/**
 * The LDAP operations an LDIF document turns into: plain data, built by plan.ts and sent
 * by run.ts. Values are bytes, because a base64 or `:<file://` value may not be text.
 */
import type { EntryKind } from '../engine/catalog';
import type { ChangeType, ModOp } from '../engine/ldif/ast';
import { isSecretAttribute } from './secret';

/** Where a record came from, for every message and report row (line is 1-based). */
export interface RecordSource {
  /** The file as the user named it; undefined for an editor buffer without a path. */
  readonly file: string | undefined;
  /** 0-based index of the record in its document. */
  readonly index: number;
  /** 1-based line of the record's `dn:` line. */
  readonly line: number;
}

export interface OperationControl {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array | undefined;
}

export interface AttributeValues {
  /** Attribute description as written first in the record (options included). */
  readonly type: string;
  readonly values: readonly Uint8Array[];
  /** 1-based line of the first value, to name the line when the server rejects the attribute. */
  readonly line: number;
}

export interface ModifyChange extends AttributeValues {
  readonly op: ModOp;
}

interface OperationBase {
  readonly dn: string;
  readonly controls: readonly OperationControl[];
}

export interface AddOperation extends OperationBase {
  readonly kind: 'add';
  readonly attributes: readonly AttributeValues[];
}

export interface DeleteOperation extends OperationBase {
  readonly kind: 'delete';
}

export interface ModifyOperation extends OperationBase {
  readonly kind: 'modify';
  readonly changes: readonly ModifyChange[];
}

/** `changetype: modrdn` and `moddn` are the same LDAP operation (ModifyDN). */
export interface RenameOperation extends OperationBase {
  readonly kind: 'modrdn';
  readonly newRdn: string;
  readonly deleteOldRdn: boolean;
  readonly newSuperior: string | undefined;
}

export type Operation = AddOperation | DeleteOperation | ModifyOperation | RenameOperation;

export interface PlannedRecord {
  readonly source: RecordSource;
  /** The changetype as written (content records count as `add`). */
  readonly changeType: ChangeType;
  readonly operation: Operation;
  /** The winsync entry the record targets (agreement, ipa-winsync plug-in), if any. */
  readonly entryKind: EntryKind | undefined;
}

/** `file:line` or `line N`, the way every message names a record. */
export function describeSource(source: RecordSource): string {
  return source.file ? `${source.file}:${source.line}` : `line ${source.line}`;
}

/** Attribute types an operation writes, with the line of each, for naming them in errors. */
export function attributesOf(operation: Operation): readonly AttributeValues[] {
  switch (operation.kind) {
    case 'add':
      return operation.attributes;
    case 'modify':
      return operation.changes;
    default:
      return [];
  }
}

/** The text of each value of the operation's password-like attributes, so no error message can echo one. */
export function secretValues(operation: Operation): string[] {
  const decoder = new TextDecoder();
  return attributesOf(operation)
    .filter((attribute) => isSecretAttribute(attribute.type))
    .flatMap((attribute) => attribute.values.map((value) => decoder.decode(value)));
}

const utf8 = new TextEncoder();

/** Bytes of a BER element whose content is `length` bytes long: tag, length octets, content. */
function element(length: number): number {
  let lengthOctets = 1;
  if (length >= 0x80) for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthOctets++;
  return 1 + lengthOctets + length;
}

const text = (value: string) => element(utf8.encode(value).length);

function attributeSize(attribute: AttributeValues): number {
  let values = 0;
  for (const value of attribute.values) values += element(value.length);
  return element(text(attribute.type) + element(values));
}

/**
 * The encoded size of the LDAP message that carries the operation (RFC 4511), as the server
 * compares it with its request limit (389-DS: nsslapd-maxbersize). Exact up to the few bytes of
 * the message ID, which is counted at its largest.
 */
export function requestSize(operation: Operation): number {
  let body: number;
  switch (operation.kind) {
    case 'add': {
      let attributes = 0;
      for (const attribute of operation.attributes) attributes += attributeSize(attribute);
      body = element(text(operation.dn) + element(attributes));
      break;
    }
    case 'modify': {
      let changes = 0;
      for (const change of operation.changes) changes += element(3 + attributeSize(change));
      body = element(text(operation.dn) + element(changes));
      break;
    }
    case 'delete':
      body = text(operation.dn);
      break;
    case 'modrdn':
      body = element(
        text(operation.dn) +
          text(operation.newRdn) +
          3 +
          (operation.newSuperior !== undefined ? text(operation.newSuperior) : 0),
      );
      break;
  }
  let controls = 0;
  for (const control of operation.controls) {
    controls += element(
      text(control.oid) + (control.critical ? 3 : 0) + (control.value ? element(control.value.length) : 0),
    );
  }
  return element(6 + body + (operation.controls.length > 0 ? element(controls) : 0));
}
