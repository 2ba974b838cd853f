/**
 * The schema checks as diagnostics: each record checked against the server's schema once per
 * version of its text (cached by record and schema), every finding worded with what 389-DS
 * will answer. The winsync catalog stays the authority on meaning: a line its rules already
 * report gets no schema diagnostic.
 */
import type { Diagnostic, LdifRecord } from '../ldif/ast';
import type { Catalog } from '../catalog';
import { resultCode } from '../features/support/describe';
import type { EntryView } from '../model/entryView';
import { checkRecord } from '../rules/validate';
import { checkAdd, checkModify, type RecordCheck } from './check';
import type { Finding } from './checks/types';
import type { Schema } from './schema';

/**
 * What the server does with the record: the verdict of the checks in its order. The subschema
 * entry itself is left alone: a change to cn=schema changes the schema, and 389-DS's schema
 * files (dn: cn=schema with definitions only) are not entries to add.
 */
export function checkRecordAgainstSchema(view: EntryView, schema: Schema, catalog: Catalog): RecordCheck | undefined {
  const record = view.record;
  const dn = record.dn?.value;
  if (dn === undefined || SUBSCHEMA_ENTRY.test(dn)) return undefined;
  if (record.kind === 'content' || record.kind === 'add') return checkAdd(record, schema);
  if (record.kind === 'modify') {
    // Without the live entry its classes are unknown. cn=config itself and most plug-in entries
    // are extensibleObject (and hold nsslapd-* settings no schema defines), so below cn=config
    // unknown types are not reported unless the catalog knows the entry.
    const acceptsAnyAttribute =
      view.kind !== undefined ? catalog.entryKind(view.kind).acceptsAnyAttribute : UNDER_CONFIG.test(dn);
    return checkModify(record, schema, { acceptsAnyAttribute });
  }
  return undefined;
}

/** Where 389-DS and OpenLDAP publish the schema (a plain test: asked for every record). */
const SUBSCHEMA_ENTRY = /^\s*cn\s*=\s*(sub)?schema\s*$/i;
const UNDER_CONFIG = /(^|,)\s*cn\s*=\s*config\s*$/i;

const cache = new WeakMap<LdifRecord, { schema: Schema; diagnostics: readonly Diagnostic[] }>();

/**
 * Schema diagnostics of every record, each record checked once per schema: an edit re-checks
 * only the records it touched, so a loaded schema does not slow typing down.
 */
export function schemaDiagnostics(views: readonly EntryView[], schema: Schema, catalog: Catalog): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const view of views) {
    let cached = cache.get(view.record);
    if (cached?.schema !== schema) {
      cached = { schema, diagnostics: recordDiagnostics(view, schema, catalog) };
      cache.set(view.record, cached);
    }
    for (const diagnostic of cached.diagnostics) found.push(diagnostic);
  }
  return found;
}

const NONE: readonly Diagnostic[] = Object.freeze([]);

function recordDiagnostics(view: EntryView, schema: Schema, catalog: Catalog): readonly Diagnostic[] {
  const verdict = checkRecordAgainstSchema(view, schema, catalog);
  if (!verdict || verdict.findings.length === 0) return NONE;
  // A line the catalog's rules speak about (values, structure, DNs, filters) is theirs alone.
  const catalogLines = new Set<number>();
  for (const diagnostic of checkRecord(view, { catalog }))
    if (!diagnostic.code.startsWith('ldif/')) catalogLines.add(diagnostic.range.start.line);
  const operation = view.record.kind === 'modify' ? 'modify' : 'add';
  const diagnostics: Diagnostic[] = [];
  for (const finding of verdict.findings) {
    const range = finding.range ?? view.record.dn?.nameRange;
    if (!range || catalogLines.has(range.start.line)) continue;
    diagnostics.push({
      code: finding.check.code,
      severity: finding.severity ?? finding.check.severity,
      range,
      message: `${finding.problem}${consequence(finding, verdict, operation)}`,
    });
  }
  return diagnostics;
}

/** What 389-DS answers, from this finding's point of view: it reports it, or an earlier problem first. */
export function consequence(finding: Finding, verdict: RecordCheck, operation: 'add' | 'modify'): string {
  const { answer } = finding;
  if (answer.code === 0) return '';
  const said = (code: number, text: string) => `${resultCode(code)}${text ? `: "${text}"` : ', with no message'}`;
  const first = verdict.reported[0];
  if (!first || verdict.reported.includes(finding)) return ` 389-DS answers ${said(answer.code, answer.text)}.`;
  const where = first?.range ? ` on line ${first.range.start.line + 1}` : '';
  return ` 389-DS refuses this ${operation} for another problem first (${first.check.code}${where}); on its own this one gets ${said(answer.code, answer.text)}.`;
}
