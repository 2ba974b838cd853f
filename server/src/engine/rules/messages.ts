import type { LdifRecord } from '../ldif/ast';
import type { AttributeSpec } from '../catalog';

/** What the server does with a bad value of this attribute in this kind of record, as one sentence. */
export function badValueConsequence(spec: AttributeSpec, record: LdifRecord): string {
  const reaction = record.kind === 'add' || record.kind === 'content' ? spec.onBadValue.add : spec.onBadValue.modify;
  return reaction.note;
}
