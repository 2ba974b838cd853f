import { createsEntry } from '../../catalog/semantics';
import { requireAttribute } from '../support/catalogValues';
import type { Finding, RecordRule } from '../types';
import { agreementAddExample } from '../support/examples';

/**
 * An agreement added without the subtrees or the Windows domain: 389-DS accepts it
 * (ldap-server.md §4.2), but such an agreement has nothing to synchronise. The
 * subtrees are not needed when winSyncSubtreePair replaces them.
 */
export default {
  meta: {
    code: 'winsync/agreement-incomplete',
    group: 'structure',
    severity: 'warning',
    summary: 'A sync agreement is added without its subtrees or Windows domain, which the server accepts.',
    server:
      '389-DS accepts the add without a word, but the agreement has nothing to synchronise until it knows the AD subtree, the directory subtree (or subtree pairs) and the Windows domain.',
    example: agreementAddExample(['nsds7WindowsReplicaSubtree', 'nsds7DirectoryReplicaSubtree', 'nsds7WindowsDomain']),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    // What it asks for is what winsync needs: a 389-DS replication agreement takes none of it.
    if (entry.kind !== 'agreement' || entry.agreementKind === 'replication') return [];
    if (!createsEntry(entry.record.kind) || !entry.record.dn) return [];
    const present = new Set(entry.record.attributes.map((line) => line.name.toLowerCase()));
    const has = (name: string) => present.has(requireAttribute(catalog, name).name.toLowerCase());
    const needed = has('winSyncSubtreePair')
      ? ['nsds7WindowsDomain']
      : ['nsds7WindowsReplicaSubtree', 'nsds7DirectoryReplicaSubtree', 'nsds7WindowsDomain'];
    const missing = needed.filter((name) => !has(name)).map((name) => requireAttribute(catalog, name).name);
    if (missing.length === 0) return [];
    const found: Finding = {
      range: entry.record.dn.line.range,
      message: `This agreement has no ${missing.join(', ')}. 389-DS accepts the add without a word, but the agreement cannot synchronise until it knows the AD subtree (nsds7WindowsReplicaSubtree), the directory subtree (nsds7DirectoryReplicaSubtree) or subtree pairs (winSyncSubtreePair), and the Windows domain (nsds7WindowsDomain).`,
    };
    return [found];
  },
} satisfies RecordRule;
