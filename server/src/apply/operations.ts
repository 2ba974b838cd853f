/**
 * The LDAP operations an LDIF document turns into: plain data, built by plan.ts and sent
 * by run.ts. Values are bytes, because a base64 or `:<file://` value may not be text.
 */
import type { EntryKind } from '../engine/catalog';
import type { ChangeType, LdifRecord, ModOp } from '../engine/ldif/ast';

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
  /**
   * The LDIF record it was planned from, which the dry run plays on the live entry as the
   * server's schema checks do; absent for records built in code (agreement actions).
   */
  readonly ldif?: LdifRecord;
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
