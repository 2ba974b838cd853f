import type { LdifRecord } from '../ldif/ast';
import type { AttributeSpec } from '../catalog';
import { reactionFor } from '../catalog/semantics';

/** What the server does with a bad value of this attribute in this kind of record, as one sentence. */
export function badValueConsequence(spec: AttributeSpec, record: LdifRecord): string {
  return reactionFor(spec, record.kind).note;
}
