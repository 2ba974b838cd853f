/**
 * Changes to replication agreements that 389-DS does not survive, found before anything is
 * sent. Modifying an agreement's nsDS5ReplicaHost and then deleting the same agreement kills
 * ns-slapd (389-DS 2.3.1, plain and Windows agreements alike, every attempt): the modify
 * handler keeps a pointer into the modified entry instead of a copy, and the delete frees it a
 * second time. Agreements are live anywhere under `cn=mapping tree,cn=config`. A run that would
 * do both is refused outright; `--force` does not override it, since the cost is the server.
 */
import { parseDn, type Rdn } from '../engine/dn/dn';
import type { LdifRecord } from '../engine/ldif/ast';
import { dnKey } from './dnText';
import { describeSource, type RecordSource } from './operations';

export interface AgreementHazard {
  readonly dn: string;
  /** The record that changes the host. */
  readonly hostChange: RecordSource;
  /** The record that deletes the agreement afterwards. */
  readonly deletion: RecordSource;
}

const HOST = 'nsds5replicahost';

/** Follows the records of a run in order and notes each delete of an agreement whose host an earlier record changed. */
export class AgreementHazards {
  private readonly hostChanged = new Map<string, RecordSource>();
  private readonly list: AgreementHazard[] = [];

  get found(): readonly AgreementHazard[] {
    return this.list;
  }

  see(record: LdifRecord, source: RecordSource): void {
    const changesHost =
      record.kind === 'modify' &&
      record.modifications.some((spec) => spec.attribute.split(';')[0].toLowerCase() === HOST);
    if (!changesHost && record.kind !== 'delete') return;
    const dn = record.dn?.value?.trim();
    if (dn === undefined || !underMappingTree(dn)) return;
    const key = dnKey(dn);
    if (changesHost) {
      if (!this.hostChanged.has(key)) this.hostChanged.set(key, source);
      return;
    }
    const hostChange = this.hostChanged.get(key);
    if (hostChange) this.list.push({ dn, hostChange, deletion: source });
  }
}

function underMappingTree(dn: string): boolean {
  // Most deletes are of ordinary entries: no parse unless the text can spell cn=config.
  if (!/config/i.test(dn) && !dn.includes('\\') && !dn.includes('"')) return false;
  return mappingTreeDepth(dn) >= 1;
}

/**
 * An entry below a `cn=replica` entry of the mapping tree: where agreements live (and nothing
 * else does). Used for modifies, which carry no object class to tell an agreement by.
 */
export function isAgreementDn(dn: string): boolean {
  const { rdns } = parseDn(dn);
  return mappingTreeDepth(dn) >= 3 && isCn(rdns[1], 'replica');
}

/** How many RDNs stand above `cn=mapping tree,cn=config` (0: not below it). */
function mappingTreeDepth(dn: string): number {
  const { rdns } = parseDn(dn);
  const n = rdns.length;
  return n >= 3 && isCn(rdns[n - 1], 'config') && isCn(rdns[n - 2], 'mapping tree') ? n - 2 : 0;
}

function isCn(rdn: Rdn | undefined, value: string): boolean {
  const ava = rdn?.avas[0];
  return ava !== undefined && ava.type.toLowerCase() === 'cn' && ava.value.toLowerCase() === value;
}

/** One paragraph: what would happen, and how to do the same safely. */
export function describeHazard(hazard: AgreementHazard): string {
  return (
    `${describeSource(hazard.deletion)} deletes the agreement ${hazard.dn} after ${describeSource(hazard.hostChange)} changes its nsDS5ReplicaHost: ` +
    '389-DS crashes on such a delete (the modify handler keeps a pointer into the modified entry, and the delete frees it twice). ' +
    'Apply the host change and the delete in separate runs and restart the server in between (dsctl INSTANCE restart), ' +
    'so that it reloads the agreement from dse.ldif; or leave the host change out if the agreement is deleted anyway.'
  );
}
