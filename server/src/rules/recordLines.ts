import type { AttrLine, LdifRecord } from '../ldif/ast';

/** The lines of a record that carry a value: dn, newrdn, newsuperior and every attribute value, in order. */
export function valueLines(record: LdifRecord): AttrLine[] {
  const lines: AttrLine[] = [];
  if (record.dn) lines.push(record.dn);
  lines.push(...record.attributes);
  if (record.newRdn) lines.push(record.newRdn);
  if (record.newSuperior) lines.push(record.newSuperior);
  for (const spec of record.modifications) lines.push(...spec.values);
  return lines;
}

/** The lines whose value is a keyword or an attribute name that LDIF tools compare literally: changetype and mod-spec headers. */
export function keywordLines(record: LdifRecord): AttrLine[] {
  const lines = record.modifications.map((spec) => spec.header);
  return record.changeTypeLine ? [record.changeTypeLine, ...lines] : lines;
}
