import type { Diagnostic, Severity } from '../ldif/ast';
import type { Catalog } from '../catalog';
import type { EntryView } from '../model/entryView';

/** Rule groups, which settings can switch off as a whole. */
export type RuleGroup = 'syntax' | 'dn' | 'filter' | 'values' | 'structure' | 'consistency';

export interface CodeInfo {
  readonly severity: Severity;
  readonly group: RuleGroup;
  /** One line, for docs, settings and SARIF rule descriptions. */
  readonly summary: string;
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
