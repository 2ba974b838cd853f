import { createsEntry } from '../../catalog/semantics';
import { escapeDnValue, parseDn, replicaSuffix, type ParsedDn, type ReplicaSuffix } from '../../dn/dn';
import type { AttrLine } from '../../ldif/ast';
import type { Finding, RecordRule } from '../types';
import { valuePartEdit, valuePartRange } from '../support/edits';

const MAPPING_TREE = /mapping tree/i;

/** False only when the DN cannot be below the mapping tree: an ordinary entry's DN then needs no parse. */
export function mayBeBelowMappingTree(dn: string): boolean {
  return MAPPING_TREE.test(dn);
}

/**
 * The place of an agreement in the mapping tree: the suffix RDN must be escaped (unescaped,
 * `cn=dc=example,dc=com` names a different entry), and a new agreement must be a child of
 * `cn=replica,cn=<suffix>,cn=mapping tree,cn=config`. Replica entries and unclassified
 * changes below the mapping tree get the escaping check too.
 */
export default {
  meta: {
    code: 'dn/agreement-parent',
    group: 'dn',
    severity: 'error',
    summary: 'A replica or agreement DN with an unescaped suffix, or an agreement outside its replica entry.',
    server:
      'An unescaped suffix splits into several RDNs, so the DN names an entry that does not exist and 389-DS answers 32 (No such object). An agreement outside its replica entry is refused with 32 when the parent is missing, and dsconf and ipa-replica-manage never look for it there.',
    example: [
      'dn: cn=ad-sync,cn=replica,cn=dc=example,dc=com,cn=mapping tree,cn=config',
      'changetype: modify',
      'replace: winSyncInterval',
      'winSyncInterval: 300',
      '-',
    ],
  },
  scope: 'record',
  check(entry) {
    const dn = entry.record.dn;
    const text = dn?.value;
    if (!dn || text === undefined) return [];
    // Most records are ordinary entries: skip the DN parse unless it could be below the mapping tree.
    if (entry.kind === undefined && !mayBeBelowMappingTree(text)) return [];
    const parsed = parseDn(text);
    const suffix = replicaSuffix(parsed);
    if (suffix?.unescaped) return [unescaped(dn, text, suffix)];
    // A DN that does not parse is the DN syntax rule's business.
    const valid = !parsed.problems.some((problem) => problem.severity === 'error');
    if (entry.kind === 'agreement' && createsEntry(entry.record.kind) && valid && !isUnderReplica(parsed))
      return [misplaced(dn, text, parsed)];
    return [];
  },
} satisfies RecordRule;

function unescaped(dn: AttrLine, text: string, suffix: ReplicaSuffix): Finding {
  const escaped = `cn=${escapeDnValue(suffix.suffix)}`;
  const written = text.slice(suffix.start, suffix.end);
  return {
    range: valuePartRange(dn, suffix.start, suffix.end),
    message: `The suffix in this DN is not escaped: "${written}" falls apart into several RDNs, so the DN names a different entry and 389-DS answers 32 (No such object). Write the suffix as one RDN: ${escaped}.`,
    fixes: [
      {
        title: `Escape the suffix as ${escaped}`,
        edits: [valuePartEdit(dn, suffix.start, suffix.end, escaped)],
        preferred: true,
      },
    ],
  };
}

function isNamed(parsed: ParsedDn, index: number, value: string): boolean {
  const rdn = parsed.rdns[index];
  return rdn?.avas.length === 1 && rdn.avas[0].type.toLowerCase() === 'cn' && rdn.avas[0].value.toLowerCase() === value;
}

/** `cn=<name>,cn=replica,<one suffix RDN>,cn=mapping tree,cn=config` */
function isUnderReplica(parsed: ParsedDn): boolean {
  return (
    parsed.rdns.length === 5 &&
    isNamed(parsed, 1, 'replica') &&
    isNamed(parsed, 3, 'mapping tree') &&
    isNamed(parsed, 4, 'config')
  );
}

function misplaced(dn: AttrLine, text: string, parsed: ParsedDn): Finding {
  const parent = parsed.rdns.length > 1 ? text.slice(parsed.rdns[1].start) : '(none)';
  return {
    range: dn.valueRange,
    message: `A Windows sync agreement must be a child of its replica entry, cn=replica,cn=<escaped suffix>,cn=mapping tree,cn=config, but this one's parent is ${parent}. 389-DS answers 32 (No such object) when the parent does not exist, and dsconf and ipa-replica-manage look for agreements only below the replica entry.`,
  };
}
