import type { AgreementKind } from '../../catalog';
import { mentionNameRange } from '../support/names';
import { deleteLines, mentionLines } from '../support/edits';
import type { RecordRule } from '../types';
import { AGREEMENT_DN } from '../support/examples';
import { catalogMentions } from '../support/catalogValues';

const KIND_NAME: Record<AgreementKind, string> = {
  windows: 'a Windows sync agreement (nsDSWindowsReplicationAgreement)',
  replication: 'a 389-DS replication agreement (nsds5ReplicationAgreement)',
};

/**
 * An attribute only the other kind of agreement takes: Windows settings (nsds7*, winSync*,
 * oneWaySync) on a 389-DS replication agreement, or the bootstrap, flow-control and
 * total-update settings of those on a Windows sync agreement.
 */
export default {
  meta: {
    code: 'winsync/wrong-agreement-kind',
    group: 'structure',
    severity: 'error',
    summary: 'An agreement carries an attribute only the other kind of agreement (Windows sync or 389-DS) takes.',
    server:
      'On add 389-DS refuses it with 65 (Object class violation, attribute not allowed). On modify a 389-DS agreement answers 53 with no text (the errors log says "Modification of … attribute is not allowed") and a Windows agreement 65. Measured on 389-DS 2.3.1.',
    example: [
      AGREEMENT_DN,
      'changetype: add',
      'objectClass: nsds5ReplicationAgreement',
      'cn: ad-sync',
      'nsDS5ReplicaHost: ipa2.example.com',
      'nsDS5ReplicaPort: 389',
      'nsDS5ReplicaRoot: dc=example,dc=com',
      'nsDS5ReplicaBindDN: cn=replication manager,cn=config',
      'nsDS5ReplicaCredentials: secret',
      'winSyncMoveAction: delete',
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const here = entry.agreementKind;
    if (entry.kind !== 'agreement' || here === undefined) return [];
    const modify = entry.record.kind === 'modify';
    return catalogMentions(entry, catalog)
      .filter(({ spec }) => spec.onlyFor !== undefined && spec.onlyFor !== here)
      .map(({ mention, spec }) => ({
        range: mentionNameRange(mention),
        message: `${spec.name} is taken only by ${KIND_NAME[spec.onlyFor ?? here]}, and this is ${KIND_NAME[here]}: 389-DS refuses it ${
          modify && here === 'replication'
            ? 'with 53 and no text (its errors log says "Modification of this attribute is not allowed")'
            : 'with 65 (Object class violation)'
        }.`,
        fixes: [
          {
            title: `Remove ${spec.name} from this agreement`,
            edits: [deleteLines(mentionLines(mention, entry.record))],
          },
        ],
      }));
  },
} satisfies RecordRule;
