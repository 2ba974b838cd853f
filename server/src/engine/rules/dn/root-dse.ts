import type { LdifRecord } from '../../ldif/ast';
import type { RecordRule } from '../types';
import { hasText } from '../support/dnPlaces';

const WHAT: Partial<Record<LdifRecord['kind'], string>> = {
  modify:
    'it holds server information rather than settings a winsync change would touch. Is the DN of the plug-in entry or the agreement missing?',
  add: 'it always exists and cannot be added. Is the DN missing?',
  delete: 'it cannot be deleted. Is the DN missing?',
  modrdn: 'it has no RDN and cannot be renamed. Is the DN missing?',
  moddn: 'it has no RDN and cannot be renamed. Is the DN missing?',
};

/** An empty `dn:` in a change record, which targets the root DSE. */
export default {
  meta: {
    code: 'dn/root-dse',
    group: 'dn',
    severity: 'warning',
    summary: 'A change record with an empty dn: targets the root DSE, which a change almost never means.',
    server:
      'The empty DN names the root DSE, which holds server information: 389-DS refuses to add, delete or rename it, and a modify there changes nothing a winsync setting needs.',
    example: ['dn:', 'changetype: modify', 'replace: ipaWinSyncForceSync', 'ipaWinSyncForceSync: true', '-'],
  },
  scope: 'record',
  check({ record }) {
    const line = record.dn;
    // A content record naming the root DSE is an export of it (ldapsearch -s base), which is fine.
    if (!hasText(line) || line.value.trim() !== '' || record.kind === 'content') return [];
    return [
      {
        range: { start: line.nameRange.start, end: line.separatorRange.end },
        message: `An empty dn: names the root DSE: ${WHAT[record.kind] ?? 'is the DN missing?'}`,
      },
    ];
  },
} satisfies RecordRule;
