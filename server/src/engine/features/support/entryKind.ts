import type { AgreementKind, Catalog, EntryKind } from '../../catalog';
import { parseDn, replicaSuffix } from '../../dn/dn';
import type { RecordAt } from './locate';

export interface KindGuess {
  readonly kind: EntryKind | undefined;
  /** For an agreement, Windows sync or 389-DS, when the record tells. */
  readonly agreementKind?: AgreementKind;
  /** True when the kind comes from the DN's shape or the names used, not from the entry view. */
  readonly guessed: boolean;
}

/**
 * The record's entry kind. The entry view decides when it can; a record still being typed
 * (a new `dn:` below `cn=replica`, no object class yet) is judged by its DN's shape and by
 * the catalog prefixes of the names it already uses.
 */
export function entryKindOf({ record, view }: RecordAt, catalog: Catalog): KindGuess {
  if (view?.kind) return { kind: view.kind, agreementKind: view.agreementKind, guessed: false };
  if (isAgreementShaped(record.dn?.value)) return { kind: 'agreement', guessed: true };
  for (const line of record.lines) {
    const kind = catalog.kindByPrefix(line.name);
    if (kind) return { kind, guessed: true };
  }
  for (const spec of record.modifications) {
    const kind = catalog.kindByPrefix(spec.attribute);
    if (kind) return { kind, guessed: true };
  }
  return { kind: undefined, guessed: false };
}

/** `<something>,cn=replica,<suffix>,cn=mapping tree,cn=config`, even with an empty first RDN (`dn:,cn=replica,…`). */
export function isAgreementShaped(dn: string | undefined): boolean {
  if (dn === undefined) return false;
  const parsed = parseDn(dn);
  if (!replicaSuffix(parsed)) return false;
  const first = parsed.rdns[0]?.avas[0];
  const firstIsReplica =
    first !== undefined && first.type.toLowerCase() === 'cn' && first.value.toLowerCase() === 'replica';
  return !firstIsReplica || dn.trimStart().startsWith(',');
}
