/**
 * Records checked against the hand-written test schema, for the tests of the server's checks
 * (`schema/check.ts`) and of the schema rules: 389-DS's verdict, and the diagnostics reported.
 */
import type { Diagnostic, LdifRecord } from '../../../server/src/engine/ldif/ast';
import { checkRecord, checkRecordAgainstSchema } from '../../../server/src/engine/rules/validate';
import { checkAdd, checkModify, type RecordCheck } from '../../../server/src/engine/schema/check';
import { entryOfValues, type SchemaEntry } from '../../../server/src/engine/schema/entry';
import { getLanguageService } from '../../../server/src/engine/service';
import { fixtureSchema } from './fixture';

export const service = getLanguageService();
export const schema = fixtureSchema();

export function record(lines: readonly string[]): LdifRecord {
  const [first] = service.parse(`${lines.join('\n')}\n`).ldif.records;
  return first;
}

/** The verdict on an add of cn=x,dc=example with these lines. */
export const add = (...lines: string[]): RecordCheck => checkAdd(record(['dn: cn=x,dc=example', ...lines]), schema);

/** The verdict on a modify of cn=x,dc=example with these lines, from its mod-specs alone. */
export const modify = (...lines: string[]): RecordCheck =>
  checkModify(record(['dn: cn=x,dc=example', 'changetype: modify', ...lines]), schema);

/** The live entry the played modifies start from. */
export const current = entryOfValues(
  'cn=x,dc=example',
  { objectClass: ['top', 'person'], cn: 'x', sn: 'y', description: ['old'] },
  schema,
);

/** The verdict on a modify of cn=x,dc=example played on `current` (the dry run's case). */
export const played = (...lines: string[]): RecordCheck =>
  checkModify(record(['dn: cn=x,dc=example', 'changetype: modify', ...lines]), schema, { current });

export const codes = (check: RecordCheck): string[] => check.findings.map((finding) => finding.check.code);

/**
 * The diagnostics of one code that validation reports on the LDIF lines with the test schema;
 * with `entry`, the record is played on it, as a check that reads the entry does.
 */
export function diagnose(lines: readonly string[], code: string, entry?: SchemaEntry): Diagnostic[] {
  const document = service.parse(`${lines.join('\n')}\n`);
  if (!entry) return service.validate(document, {}, schema).filter((diagnostic) => diagnostic.code === code);
  const [view] = document.views;
  const context = { catalog: service.catalog, schema };
  return checkRecordAgainstSchema(view, context, checkRecord(view, context), entry).filter(
    (diagnostic) => diagnostic.code === code,
  );
}
