import type { Finding, RecordRule } from '../types';
import { mentionNameRange } from '../support/names';
import { AGREEMENT_DN, replaceSpec } from '../support/examples';

/**
 * A modify of an agreement's peer host or port. Observed on 389-DS 2.3.1 with a Samba AD DC
 * (shared/research/samba-winsync) and by the probe of issue 12: a new host is garbled in the
 * running agreement until the server restarts, and deleting an agreement after its host changed
 * crashes the server; a new port reaches the running agreement only when it is disabled and
 * enabled again.
 */
export default {
  meta: {
    code: 'winsync/running-agreement-change',
    group: 'consistency',
    severity: 'warning',
    summary: "A modify changes a running agreement's host or port, which 389-DS 2.3 does not take over cleanly.",
    server:
      '389-DS stores the new value (result 0), but observed on 389-DS 2.3.1: after a host change the running agreement dials a garbled host until the server restarts, and deleting the agreement afterwards crashes ns-slapd; a port change is used only once the agreement is disabled and enabled again.',
    example: [AGREEMENT_DN, 'changetype: modify', ...replaceSpec('nsDS5ReplicaHost', 'dc2.ad.example.com')],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry) {
    if (entry.kind !== 'agreement' || entry.record.kind !== 'modify') return [];
    const toggles = entry.mentions.some((mention) => mention.name.toLowerCase() === 'nsds5replicaenabled');
    const found: Finding[] = [];
    for (const mention of entry.mentions) {
      const name = mention.name.toLowerCase();
      if (mention.op === 'delete' || mention.values.length === 0) continue;
      if (name === 'nsds5replicahost')
        found.push({
          range: mentionNameRange(mention),
          message:
            'Observed on 389-DS 2.3.1: the running agreement takes a garbled host name from this change and keeps failing to connect until the server restarts, and deleting the agreement before that restart crashes ns-slapd. Restart 389-DS after this change (dsctl INSTANCE restart), or add a new agreement and delete the old one after a restart.',
        });
      else if (name === 'nsds5replicaport' && !toggles)
        found.push({
          range: mentionNameRange(mention),
          message:
            'Observed on 389-DS 2.3.1: the running agreement keeps the old port until it is disabled and enabled again. Add "replace: nsds5ReplicaEnabled" / "off" to this change and a second record setting it "on", or restart 389-DS.',
        });
    }
    return found;
  },
} satisfies RecordRule;
