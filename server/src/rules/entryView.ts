import type { LdifRecord } from '../ldif/ast';
import type { Catalog, EntryKind } from '../catalog';
import { parseDn } from '../dn/dn';
import type { AttributeMention, EntryView, ValueWrite } from './types';

const PLUGIN_RDNS = [
  ['cn', 'ipa-winsync'],
  ['cn', 'plugins'],
  ['cn', 'config'],
];
const WINDOWS_AGREEMENT_CLASS = 'nsdswindowsreplicationagreement';
/** A plain (not Windows) replication agreement lives at the same place in the tree. */
const OTHER_AGREEMENT_CLASS = 'nsds5replicationagreement';

/** Builds the catalog's view of a record: its entry kind, what it writes and which attributes it names. */
export function viewEntry(record: LdifRecord, catalog: Catalog): EntryView {
  const writes: ValueWrite[] = [];
  const mentions: AttributeMention[] = [];
  for (const line of record.attributes) {
    writes.push({ line, op: 'content' });
    mentions.push({ name: line.name, op: 'content', line, isHeader: false, values: [line] });
  }
  for (const spec of record.modifications) {
    if (!spec.op) continue;
    for (const line of spec.values) writes.push({ line, op: spec.op });
    const name = spec.attribute.split(';')[0];
    if (name !== '') mentions.push({ name, op: spec.op, line: spec.header, isHeader: true, values: spec.values });
  }
  return { record, kind: classify(record, mentions, catalog), writes, mentions };
}

function classify(record: LdifRecord, mentions: readonly AttributeMention[], catalog: Catalog): EntryKind | undefined {
  const rdns = simpleRdns(record.dn?.value);
  if (!rdns) return undefined;
  if (rdns.length === 3 && PLUGIN_RDNS.every(([type, value], i) => rdns[i][0] === type && rdns[i][1] === value)) {
    return 'ipa-winsync';
  }
  if (hasObjectClass(record, WINDOWS_AGREEMENT_CLASS)) return 'agreement';
  if (isPlainAgreement(record) || !isUnderReplica(rdns)) return undefined;
  // A change to an existing entry below cn=replica: a Windows agreement when it names winsync
  // attributes (ipaWinSync* there is wrong on either kind of agreement, and the rules say so).
  return mentions.some((mention) => catalog.kindByPrefix(mention.name) !== undefined) ? 'agreement' : undefined;
}

/** An add of a plain (not Windows) replication agreement. */
export function isPlainAgreement(record: LdifRecord): boolean {
  return hasObjectClass(record, OTHER_AGREEMENT_CLASS);
}

function hasObjectClass(record: LdifRecord, lowerName: string): boolean {
  return record.attributes.some(
    (line) => line.name.toLowerCase() === 'objectclass' && (line.value ?? '').trim().toLowerCase() === lowerName,
  );
}

/** `cn=<agreement>,cn=replica,<suffix RDN(s)>,cn=mapping tree,cn=config` */
function isUnderReplica(rdns: readonly (readonly [string, string])[]): boolean {
  const n = rdns.length;
  return (
    n >= 5 &&
    rdns[1][0] === 'cn' &&
    rdns[1][1] === 'replica' &&
    rdns[n - 2][0] === 'cn' &&
    rdns[n - 2][1] === 'mapping tree' &&
    rdns[n - 1][0] === 'cn' &&
    rdns[n - 1][1] === 'config'
  );
}

/** Lower-cased [type, value] of each RDN's first AVA, or undefined when the DN does not parse. */
function simpleRdns(dn: string | undefined): (readonly [string, string])[] | undefined {
  if (dn === undefined) return undefined;
  const parsed = parseDn(dn);
  if (parsed.problems.some((problem) => problem.severity === 'error')) return undefined;
  return parsed.rdns.map((rdn) => [rdn.avas[0].type.toLowerCase(), rdn.avas[0].value.toLowerCase()] as const);
}
