import { createsEntry } from '../../catalog/semantics';
import { OBSERVED } from '../../catalog/agreement.data';
import { isAgreementKind } from '../../catalog';
import type { Finding, RecordRule } from '../types';
import { requireAttribute } from '../support/catalogValues';
import { mentionNameRange } from '../support/names';
import { AGREEMENT_DN, replaceExample } from '../support/examples';

/**
 * A modify that changes the host or port of an existing agreement. Both are accepted, but the
 * running agreement does not simply take them: 389-DS 2.3 keeps a pointer into the modify's
 * entry for the host (garbled until a restart; deleting the agreement before then crashed the
 * server in the issue 12 probe), and a Windows agreement keeps dialling the old port until it
 * is disabled and enabled (the Samba sync of shared/research/samba-winsync).
 */
export default {
  meta: {
    code: 'winsync/connection-change',
    group: 'consistency',
    severity: 'warning',
    summary: "A modify changes an existing agreement's nsDS5ReplicaHost or nsDS5ReplicaPort.",
    server: `Both are accepted (result 0). ${OBSERVED}: a host changed on a running agreement is garbled in memory until ns-slapd restarts (deleting the agreement before that restart crashed 389-DS 2.3.1), and a Windows agreement keeps using the old port until it is disabled and enabled again or the server restarts.`,
    example: replaceExample(AGREEMENT_DN, 'nsDS5ReplicaHost', 'dc2.ad.example.com'),
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    if (!isAgreementKind(entry.kind) || createsEntry(entry.record.kind)) return [];
    const host = requireAttribute(catalog, 'nsDS5ReplicaHost').name.toLowerCase();
    const port = requireAttribute(catalog, 'nsDS5ReplicaPort').name.toLowerCase();
    const found: Finding[] = [];
    for (const mention of entry.mentions) {
      // A removal is refused (1), and a mod-spec without values changes nothing that runs.
      if (mention.op === 'delete' || mention.values.length === 0) continue;
      const name = mention.name.toLowerCase();
      const range = mentionNameRange(mention);
      if (name === host) {
        found.push({
          range,
          message: `Changing nsDS5ReplicaHost on a running agreement garbles the host in 389-DS 2.3 until ns-slapd restarts (${OBSERVED}: the errors log shows connections to a host of unreadable bytes). Restart the server after this change, and do not delete this agreement before that restart: the same bug crashed 389-DS 2.3.1 on the delete.`,
        });
      } else if (name === port && entry.kind !== 'replication-agreement') {
        const which = entry.kind === 'agreement' ? 'The running agreement' : 'A running Windows agreement';
        found.push({
          range,
          message: `${which} keeps dialling the old port: ${OBSERVED}, a new nsDS5ReplicaPort is used only after the agreement is disabled and enabled again (nsds5ReplicaEnabled: off, then on, in two modifies) or ns-slapd restarts.`,
        });
      }
    }
    return found;
  },
} satisfies RecordRule;
