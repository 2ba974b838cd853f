/**
 * The catalog's view of a record: which winsync entry it targets (the plug-in entry, a sync
 * agreement or neither), what it writes and which attributes it names. Rules and features
 * read records through it.
 */
import type { AttrLine, LdifRecord, ModOp } from '../ldif/ast';
import type { Catalog, EntryKind } from '../catalog';
import { parseDn, type Rdn } from '../dn/dn';

/**
 * How a line touches the entry: written as content (`content`, `add` record),
 * or by a mod-spec operation.
 */
export type WriteOp = 'content' | ModOp;

/** A value line and what the record does with it. */
export interface ValueWrite {
  readonly line: AttrLine;
  readonly op: WriteOp;
}

/** An attribute a record names, with the line that names it (value line or mod-spec header). */
export interface AttributeMention {
  /** The attribute type, options removed. */
  readonly name: string;
  readonly op: WriteOp;
  /** The line naming it: a value line, or the `replace: x` header of a value-less mod-spec. */
  readonly line: AttrLine;
  /** True when `line` is a mod-spec header; the name is then in the header's value. */
  readonly isHeader: boolean;
  /** The value lines that go with the mention (the line itself, or the mod-spec's values). */
  readonly values: readonly AttrLine[];
}

/** A record seen through the catalog: which winsync entry it targets, and what it writes. */
export interface EntryView {
  readonly record: LdifRecord;
  /** The winsync entry kind, or undefined for any other entry. */
  readonly kind: EntryKind | undefined;
  /** Every value the record writes or deletes, in order. */
  readonly writes: readonly ValueWrite[];
  /** Every attribute the record names, once per line or header. */
  readonly mentions: readonly AttributeMention[];
}

const PLUGIN_RDNS = [
  ['cn', 'ipa-winsync'],
  ['cn', 'plugins'],
  ['cn', 'config'],
];

/** Builds the catalog's view of a record: its entry kind, what it writes and which attributes it names. */
export function viewEntry(record: LdifRecord, catalog: Catalog): EntryView {
  return new RecordView(record, catalog);
}

/**
 * Writes and mentions are listed on first use: for the ordinary entries that make up most
 * of a large file the rules look no further than the kind, and listing them cost three
 * objects per line.
 */
class RecordView implements EntryView {
  readonly kind: EntryKind | undefined;
  #writes: readonly ValueWrite[] | undefined;
  #mentions: readonly AttributeMention[] | undefined;

  constructor(
    readonly record: LdifRecord,
    catalog: Catalog,
  ) {
    this.kind = classify(record, this, catalog);
  }

  get writes(): readonly ValueWrite[] {
    if (this.#writes) return this.#writes;
    const writes: ValueWrite[] = [];
    for (const line of this.record.attributes) writes.push({ line, op: 'content' });
    for (const spec of this.record.modifications) {
      if (!spec.op) continue;
      for (const line of spec.values) writes.push({ line, op: spec.op });
    }
    return (this.#writes = writes);
  }

  get mentions(): readonly AttributeMention[] {
    if (this.#mentions) return this.#mentions;
    const mentions: AttributeMention[] = [];
    for (const line of this.record.attributes)
      mentions.push({ name: line.name, op: 'content', line, isHeader: false, values: [line] });
    for (const spec of this.record.modifications) {
      if (!spec.op) continue;
      const name = spec.attribute.split(';')[0];
      if (name !== '') mentions.push({ name, op: spec.op, line: spec.header, isHeader: true, values: spec.values });
    }
    return (this.#mentions = mentions);
  }
}

function classify(record: LdifRecord, view: Pick<EntryView, 'mentions'>, catalog: Catalog): EntryKind | undefined {
  const dn = record.dn?.value;
  if (dn === undefined) return undefined;
  const identifying = identifyingClasses(catalog);
  const byClass = identifying.find(({ lowerName }) => hasObjectClass(record, lowerName))?.kind;
  // Every winsync entry ends in cn=config: a DN that cannot spell it needs no parse unless an objectClass says what it is.
  if (!mayEndInConfig(dn) && byClass === undefined) return undefined;
  const parsed = parseDn(dn);
  if (parsed.problems.some((problem) => problem.severity === 'error')) return undefined;
  const rdns = parsed.rdns;
  if (rdns.length === 3 && PLUGIN_RDNS.every(([type, value], i) => isRdn(rdns[i], type, value))) return 'ipa-winsync';
  if (byClass !== undefined) return byClass;
  if (!isUnderMappingTree(rdns) || record.attributes.some((line) => line.name.toLowerCase() === 'objectclass'))
    return undefined;
  // A change to an existing entry under cn=mapping tree, where 389-DS runs agreements: the names
  // it writes tell the kind (winsync settings: Windows; plain-only settings: plain).
  const kinds = new Set<EntryKind>();
  for (const mention of view.mentions) {
    const kind = agreementKindOfName(mention.name, catalog);
    if (kind) kinds.add(kind);
  }
  // Windows settings first: plain-only ones on a Windows agreement are reported as not allowed there.
  if (kinds.has('agreement')) return 'agreement';
  if (kinds.has('replication-agreement')) return 'replication-agreement';
  // A modify at an agreement's usual place naming only what both kinds share: the everyday edits.
  return record.kind === 'modify' && isAtAgreementPlace(rdns) ? 'any-agreement' : undefined;
}

/** The one kind of agreement an attribute name belongs to (a shared name tells neither); a winsync-prefixed unknown name is Windows. */
function agreementKindOfName(name: string, catalog: Catalog): EntryKind | undefined {
  const spec = catalog.attribute(name);
  if (!spec) return catalog.kindByPrefix(name) === 'agreement' ? 'agreement' : undefined;
  const windows = catalog.belongsTo(spec, 'agreement');
  const plain = catalog.belongsTo(spec, 'replication-agreement');
  if (windows === plain) return undefined;
  return windows ? 'agreement' : 'replication-agreement';
}

/**
 * False only when no RDN value of the DN can read "config" in any case: the letters are not
 * there, and no escape or quote could spell them.
 */
function mayEndInConfig(dn: string): boolean {
  return dn.includes('\\') || dn.includes('"') || /config/i.test(dn);
}

/** Whether the RDN's first AVA is `type=value`, both compared in lower case. */
function isRdn(rdn: Rdn, type: string, value: string): boolean {
  const ava = rdn.avas[0];
  return ava.type.length === type.length && ava.type.toLowerCase() === type && ava.value.toLowerCase() === value;
}

/** The object classes that tell an entry kind, in catalog order (Windows before plain); looked up once per catalog. */
const identifying = new WeakMap<Catalog, readonly { readonly kind: EntryKind; readonly lowerName: string }[]>();

function identifyingClasses(catalog: Catalog): readonly { readonly kind: EntryKind; readonly lowerName: string }[] {
  const known = identifying.get(catalog);
  if (known !== undefined) return known;
  const classes = catalog.data.entryKinds.flatMap((spec) =>
    spec.objectClasses
      .filter((objectClass) => objectClass.identifies)
      .map((objectClass) => ({ kind: spec.kind, lowerName: objectClass.name.toLowerCase() })),
  );
  if (classes.length === 0) throw new Error('catalog: no entry kind names an identifying object class');
  identifying.set(catalog, classes);
  return classes;
}

function hasObjectClass(record: LdifRecord, lowerName: string): boolean {
  return record.attributes.some(
    (line) =>
      // Checked on every record: the lengths rule out most lines before any lower-casing.
      line.name.length === 11 &&
      (line.value?.length ?? 0) >= lowerName.length &&
      line.name.toLowerCase() === 'objectclass' &&
      (line.value ?? '').trim().toLowerCase() === lowerName,
  );
}

/** Below `cn=mapping tree,cn=config`, where 389-DS runs an agreement wherever it is (it finds the replica from nsDS5ReplicaRoot). */
function isUnderMappingTree(rdns: readonly Rdn[]): boolean {
  const n = rdns.length;
  return n >= 3 && isRdn(rdns[n - 1], 'cn', 'config') && isRdn(rdns[n - 2], 'cn', 'mapping tree');
}

/** `cn=<agreement>,cn=replica,<suffix RDN(s)>,cn=mapping tree,cn=config` */
function isAtAgreementPlace(rdns: readonly Rdn[]): boolean {
  return (
    rdns.length >= 5 && isUnderMappingTree(rdns) && isRdn(rdns[1], 'cn', 'replica') && !isRdn(rdns[0], 'cn', 'replica')
  );
}
