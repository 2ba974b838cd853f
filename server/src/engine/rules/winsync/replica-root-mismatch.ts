import { normalizeDn, replicaSuffix, sameDn } from '../../dn/dn';
import { clip, badValueConsequence } from '../support/wording';
import { requireAttribute } from '../support/catalogValues';
import type { Finding, RecordRule } from '../types';
import { AGREEMENT_DN, replaceExample, replaceSpec } from '../support/examples';

/** nsDS5ReplicaRoot other than the suffix the agreement's DN places it under. */
export default {
  meta: {
    code: 'winsync/replica-root-mismatch',
    group: 'consistency',
    severity: 'error',
    summary: "nsDS5ReplicaRoot differs from the suffix of the agreement's replica entry.",
    server:
      "On add, 389-DS refuses an agreement whose replicated suffix is not its parent replica's with 53 and no text; on modify it stores the value, and the agreement fails to load at the next restart.",
    example: [
      ...replaceExample(AGREEMENT_DN, 'nsDS5ReplicaRoot', 'dc=other,dc=com'),
      ...replaceSpec('winSyncInterval', '300'),
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const dn = entry.record.dn?.value;
    if (entry.kind !== 'agreement' || dn === undefined) return [];
    const spec = requireAttribute(catalog, 'nsDS5ReplicaRoot');
    const suffix = replicaSuffix(dn)?.suffix;
    if (suffix === undefined || normalizeDn(suffix) === undefined) return [];
    const found: Finding[] = [];
    for (const { line, op } of entry.writes) {
      if (op === 'delete' || line.value === undefined || line.name.toLowerCase() !== spec.name.toLowerCase()) continue;
      // A value that is not a DN is reported by the DN syntax rule.
      if (normalizeDn(line.value) === undefined || sameDn(line.value, suffix)) continue;
      found.push({
        range: line.valueRange,
        message: `nsDS5ReplicaRoot "${clip(line.value)}" is not the suffix of this agreement's replica, ${suffix} (from cn=replica,… in the DN). ${badValueConsequence(spec, entry.record)}`,
        fixes: [
          {
            title: `Use the replica's suffix ${suffix}`,
            edits: [{ range: line.valueRange, newText: suffix }],
            preferred: true,
          },
        ],
      });
    }
    return found;
  },
} satisfies RecordRule;
