/**
 * What a rule is. Every diagnostic code has one rule, in `rules/<prefix>/<name>.ts` for code
 * `<prefix>/<name>`, which declares the code's metadata once; the registry (`./index.ts`) adds
 * code and severity to what the rule finds when it reports it.
 */
import type { Catalog } from '../catalog';
import type { Fix, Range, Severity } from '../ldif/ast';
import type { SyntaxCode, SyntaxFinding } from '../ldif/findings';
import type { EntryView } from '../model/entryView';
import type { Schema, SubschemaDefinitions } from '../schema/schema';

/** Rule groups, which settings can switch off as a whole. */
export type RuleGroup = 'syntax' | 'dn' | 'filter' | 'values' | 'structure' | 'consistency' | 'schema';

/** What a rule declares about its code, for reporting, settings, SARIF and its documentation page. */
export interface RuleMeta<C extends string = string> {
  readonly code: C;
  readonly group: RuleGroup;
  /** The default severity; `winsyncLdif.severity` can change it per code. */
  readonly severity: Severity;
  /** When some findings are less serious than the rest: their severity, and when that is (for the docs). */
  readonly milder?: { readonly severity: Severity; readonly when: string };
  /** When some findings are more serious than the rest: their severity, and when that is (for the docs). */
  readonly stricter?: { readonly severity: Severity; readonly when: string };
  /** One line, for docs, settings and SARIF rule descriptions. */
  readonly summary: string;
  /** What 389-DS, the plug-in or the LDIF tools do with what the rule reports, for its documentation page. */
  readonly server: string;
}

/** The metadata of a rule that finds problems in the text, with an example of one. */
export interface FindingRuleMeta<C extends string = string> extends RuleMeta<C> {
  /** LDIF lines the rule reports on; its documentation page shows them, and the fix applied when there is one. */
  readonly example: readonly string[];
}

/** A problem a rule found; the registry adds the rule's code and severity when it reports it. */
export interface Finding {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** Reported at the rule's `milder` severity. */
  readonly mild?: boolean;
  /** Reported at the rule's `stricter` severity. */
  readonly strict?: boolean;
}

export interface RuleContext {
  readonly catalog: Catalog;
  /** The server's schema, while one is loaded (a connection profile, `check --schema`): the schema rules run only then. */
  readonly schema?: Schema;
}

/** A rule that looks at one record at a time; its results can be cached per record. */
export interface RecordRule {
  readonly meta: FindingRuleMeta;
  readonly scope: 'record';
  /**
   * The rule finds nothing in a record that is not a winsync entry (the plug-in entry or an
   * agreement), so such records skip it: they are nearly all of a large file.
   */
  readonly winsyncOnly?: boolean;
  /**
   * The rule finds nothing in a record without one of these `RecordTraits` (what the parser noted
   * about its lines), so such records skip it.
   */
  readonly onlyWithTraits?: number;
  check(entry: EntryView, context: RuleContext): Finding[];
}

/** A rule that compares the winsync records of a document with each other. */
export interface DocumentRule {
  readonly meta: FindingRuleMeta;
  readonly scope: 'document';
  check(entries: readonly EntryView[], context: RuleContext): Finding[];
}

/** The rule of an LDIF syntax problem the parser finds: it words the message and offers the fixes. */
export interface SyntaxRule<C extends SyntaxCode = SyntaxCode> {
  readonly meta: FindingRuleMeta<C>;
  readonly scope: 'syntax';
  message(finding: SyntaxFinding<C>): string;
  fixes?(finding: SyntaxFinding<C>): Fix[];
}

/** The metadata of a rule of the server's schema, with the schema its example is checked against. */
export interface SchemaRuleMeta extends FindingRuleMeta<`schema/${string}`> {
  readonly group: 'schema';
  /** The definitions of the server's schema that `example` needs, written for it (never copied from a server's files). */
  readonly exampleSchema: SubschemaDefinitions;
  /**
   * For a problem only a modify played on the live entry shows (the dry run's case): the entry
   * as the server holds it before the example, attribute by attribute.
   */
  readonly exampleEntry?: Readonly<Record<string, string | readonly string[]>>;
}

/**
 * A rule of the server's schema (group `schema`). 389-DS checks an add or modify in a fixed
 * order and answers the first problem it meets, so these rules do not run one by one:
 * `schema/check.ts` plays each record as the server does, calling the checks each rule file
 * exports in the server's order, and the registry reports every problem found under the rule
 * it names, with what 389-DS answers.
 */
export interface SchemaRule {
  readonly meta: SchemaRuleMeta;
  readonly scope: 'schema';
}

/**
 * A code the engine or a host reports about the checking itself, or about what only a host can
 * see (the local files `check` and apply read).
 */
export interface NoticeRule {
  readonly meta: RuleMeta;
  readonly scope: 'notice';
}

export type Rule = SyntaxRule | RecordRule | DocumentRule | SchemaRule | NoticeRule;
