/**
 * The server's verdict on a record, for the schema rules: the record played as 389-DS plays it
 * (`schema/check.ts`), and each problem worded with what the server answers.
 */
import type { Catalog } from '../../catalog';
import type { LdifRecord } from '../../ldif/ast';
import type { EntryView } from '../../model/entryView';
import { describeAnswer } from '../../schema/answers';
import { checkAdd, checkModify, type RecordCheck } from '../../schema/check';
import type { SchemaEntry } from '../../schema/entry';
import type { Finding } from '../../schema/findings';
import type { Schema } from '../../schema/schema';

/**
 * What the server does with the record: the verdict of its checks in its order. The subschema
 * entry itself is left alone: a change to cn=schema changes the schema, and 389-DS's schema
 * files (dn: cn=schema with definitions only) are not entries to add. `current` is the entry as
 * the server holds it, when it was read (the dry run's case): a modify is then played on it.
 */
export function schemaVerdict(
  view: EntryView,
  schema: Schema,
  catalog: Catalog,
  current?: SchemaEntry,
): RecordCheck | undefined {
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
    return checkModify(record, schema, { acceptsAnyAttribute, current });
  }
  return undefined;
}

/** Where 389-DS and OpenLDAP publish the schema (a plain test: asked for every record). */
const SUBSCHEMA_ENTRY = /^\s*cn\s*=\s*(sub)?schema\s*$/i;
const UNDER_CONFIG = /(^|,)\s*cn\s*=\s*config\s*$/i;

/** The finding's problem and what 389-DS answers, from its point of view: it reports it, or an earlier problem first. */
export function schemaMessage(finding: Finding, verdict: RecordCheck, record: LdifRecord): string {
  const { answer } = finding;
  if (answer.code === 0) return finding.problem;
  const first = verdict.reported[0];
  if (!first || verdict.reported.includes(finding))
    return `${finding.problem} 389-DS answers ${describeAnswer(answer)}.`;
  const operation = record.kind === 'modify' ? 'modify' : 'add';
  // Counted from the record's first line, not the file's: the message moves with its record when lines are added above it.
  const where = first.range ? `, line ${first.range.start.line - record.range.start.line + 1} of this record` : '';
  return `${finding.problem} 389-DS refuses this ${operation} for another problem first (${first.check.code}${where}); on its own this one gets ${describeAnswer(answer)}.`;
}
