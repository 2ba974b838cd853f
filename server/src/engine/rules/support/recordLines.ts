import type { AttrLine, LdifRecord } from '../../ldif/ast';

// Visitors rather than lists: two rules walk these lines in every record of a file, and
// building the lists (spread into push, once) cost more than the checks themselves.

/** Calls `visit` on each line of a record that carries a value: dn, newrdn, newsuperior and every attribute value, in order. */
export function eachValueLine(record: LdifRecord, visit: (line: AttrLine) => void): void {
  if (record.dn) visit(record.dn);
  for (const line of record.attributes) visit(line);
  if (record.newRdn) visit(record.newRdn);
  if (record.newSuperior) visit(record.newSuperior);
  for (const spec of record.modifications) for (const line of spec.values) visit(line);
}
