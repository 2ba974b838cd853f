import type { AttrLine, Diagnostic, LdifRecord, ModOp, Severity } from '../ldif/ast';
import type { Catalog, EntryKind } from '../catalog';

/** Rule groups, which settings can switch off as a whole. */
export type RuleGroup = 'syntax' | 'dn' | 'filter' | 'values' | 'structure' | 'consistency' | 'schema';

export interface CodeInfo {
  readonly severity: Severity;
  readonly group: RuleGroup;
  /** One line, for docs, settings and SARIF rule descriptions. */
  readonly summary: string;
}

/**
 * How a line touches the entry: written as content (`content`, `add` record),
 * or by a mod-spec operation.
 */
export type WriteOp = 'content' | ModOp;

/** A value line and what the record does with it. */
export interface ValueWrite {
  readonly line: AttrLine;
  readonly op: WriteOp;
}

/** An attribute a record names, with the line that names it (value line or mod-spec header). */
export interface AttributeMention {
  /** The attribute type, options removed. */
  readonly name: string;
  readonly op: WriteOp;
  /** The line naming it: a value line, or the `replace: x` header of a value-less mod-spec. */
  readonly line: AttrLine;
  /** True when `line` is a mod-spec header; the name is then in the header's value. */
  readonly isHeader: boolean;
  /** The value lines that go with the mention (the line itself, or the mod-spec's values). */
  readonly values: readonly AttrLine[];
}

/** A record seen through the catalog: which winsync entry it targets, and what it writes. */
export interface EntryView {
  readonly record: LdifRecord;
  /** The winsync entry kind, or undefined for any other entry. */
  readonly kind: EntryKind | undefined;
  /** Every value the record writes or deletes, in order. */
  readonly writes: readonly ValueWrite[];
  /** Every attribute the record names, once per line or header. */
  readonly mentions: readonly AttributeMention[];
}

export interface RuleContext {
  readonly catalog: Catalog;
}

/** A rule that looks at one record at a time; its results can be cached per record. */
export interface RecordRule {
  readonly scope: 'record';
  /**
   * The rule finds nothing in a record that is not a winsync entry (the plug-in entry or an
   * agreement), so such records skip it: they are nearly all of a large file.
   */
  readonly winsyncOnly?: boolean;
  readonly codes: Readonly<Record<string, CodeInfo>>;
  check(entry: EntryView, context: RuleContext): Diagnostic[];
}

/** A rule that compares the winsync records of a document with each other. */
export interface DocumentRule {
  readonly scope: 'document';
  readonly codes: Readonly<Record<string, CodeInfo>>;
  check(entries: readonly EntryView[], context: RuleContext): Diagnostic[];
}

export type Rule = RecordRule | DocumentRule;
