import { normalizeDn, replicaSuffix, sameDn } from '../../dn/dn';
import { clip } from '../../ldif/attrLine';
import type { Diagnostic } from '../../ldif/ast';
import { requireAttribute } from '../catalogValues';
import { badValueConsequence } from '../messages';
import type { RecordRule } from '../types';

/** nsDS5ReplicaRoot other than the suffix the agreement's DN places it under. */
export const replicaRootMismatch: RecordRule = {
  scope: 'record',
  winsyncOnly: true,
  codes: {
    'winsync/replica-root-mismatch': {
      severity: 'error',
      group: 'consistency',
      summary: "nsDS5ReplicaRoot differs from the suffix of the agreement's replica entry.",
    },
  },
  check(entry, { catalog }) {
    const dn = entry.record.dn?.value;
    if (entry.kind !== 'agreement' || dn === undefined) return [];
    const spec = requireAttribute(catalog, 'nsDS5ReplicaRoot');
    const suffix = replicaSuffix(dn)?.suffix;
    if (suffix === undefined || normalizeDn(suffix) === undefined) return [];
    const found: Diagnostic[] = [];
    for (const { line, op } of entry.writes) {
      if (op === 'delete' || line.value === undefined || line.name.toLowerCase() !== spec.name.toLowerCase()) continue;
      // A value that is not a DN is reported by the DN syntax rule.
      if (normalizeDn(line.value) === undefined || sameDn(line.value, suffix)) continue;
      found.push({
        code: 'winsync/replica-root-mismatch',
        severity: 'error',
        range: line.valueRange,
        message: `nsDS5ReplicaRoot "${clip(line.value)}" is not the suffix of this agreement's replica, ${suffix} (from cn=replica,… in the DN). ${badValueConsequence(spec, entry.record)}`,
        fixes: [{ title: `Use the replica's suffix ${suffix}`, edits: [{ range: line.valueRange, newText: suffix }], preferred: true }],
      });
    }
    return found;
  },
};
