/**
 * The catalog's view of a record: which winsync entry it targets (the plug-in entry, a sync
 * agreement or neither), what it writes and which attributes it names. Rules and features
 * read records through it.
 */
import type { AttrLine, LdifRecord, ModOp } from '../ldif/ast';
import type { AgreementKind, Catalog, EntryKind } from '../catalog';
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
  /**
   * For an agreement: Windows sync or 389-DS replication, from its object class or from an
   * attribute only one kind takes; undefined when the record does not tell (a modify of shared
   * `nsDS5Replica*` settings, which both kinds take alike).
   */
  readonly agreementKind: AgreementKind | undefined;
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
  readonly agreementKind: AgreementKind | undefined;
  #writes: readonly ValueWrite[] | undefined;
  #mentions: readonly AttributeMention[] | undefined;

  constructor(
    readonly record: LdifRecord,
    catalog: Catalog,
  ) {
    [this.kind, this.agreementKind] = classify(record, this, catalog);
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

type Classification = readonly [EntryKind | undefined, AgreementKind | undefined];

const ORDINARY: Classification = [undefined, undefined];

function classify(record: LdifRecord, view: Pick<EntryView, 'mentions'>, catalog: Catalog): Classification {
  const dn = record.dn?.value;
  if (dn === undefined) return ORDINARY;
  // Both winsync entries end in cn=config: a DN that cannot spell it needs no parse unless an objectClass makes it an agreement.
  const byClass = agreementKindByClass(record, identifyingClasses(catalog));
  if (!mayEndInConfig(dn) && !byClass) return ORDINARY;
  const parsed = parseDn(dn);
  if (parsed.problems.some((problem) => problem.severity === 'error')) return ORDINARY;
  const rdns = parsed.rdns;
  if (rdns.length === 3 && PLUGIN_RDNS.every(([type, value], i) => isRdn(rdns[i], type, value)))
    return ['ipa-winsync', undefined];
  if (byClass) return ['agreement', byClass];
  if (!isUnderReplica(rdns)) return ORDINARY;
  // A change to an existing entry below cn=replica: an agreement when it names agreement
  // attributes (ipaWinSync* there is wrong on either kind, and the rules say so). Its kind is
  // told by an attribute only one kind takes; the shared nsDS5Replica* ones leave it open.
  let named = false;
  let kind: AgreementKind | undefined;
  for (const mention of view.mentions) {
    const spec = catalog.attribute(mention.name);
    if (spec?.entry === 'agreement') {
      named = true;
      kind ??= spec.onlyFor;
    } else if (catalog.kindByPrefix(mention.name) !== undefined) named = true;
  }
  return named ? ['agreement', kind] : ORDINARY;
}

/**
 * False only when no RDN value of the DN can read "config" in any case: the letters are not
 * there, and no escape or quote could spell them.
 */
export function mayEndInConfig(dn: string): boolean {
  return dn.includes('\\') || dn.includes('"') || /config/i.test(dn);
}

/** Whether the RDN's first AVA is `type=value`, both compared in lower case. */
function isRdn(rdn: Rdn, type: string, value: string): boolean {
  const ava = rdn.avas[0];
  return ava.type.length === type.length && ava.type.toLowerCase() === type && ava.value.toLowerCase() === value;
}

/** What identifies an agreement by its object class, asked of every record: worked out once per catalog. */
interface IdentifyingClasses {
  /** Lower-cased class name → agreement kind. */
  readonly kinds: ReadonlyMap<string, AgreementKind>;
  /** The length of the shortest name. */
  readonly shortest: number;
}

const identifying = new WeakMap<Catalog, IdentifyingClasses>();

function identifyingClasses(catalog: Catalog): IdentifyingClasses {
  const known = identifying.get(catalog);
  if (known !== undefined) return known;
  const kinds = new Map<string, AgreementKind>();
  for (const objectClass of catalog.entryKind('agreement').objectClasses)
    if (objectClass.identifies && objectClass.agreementKind)
      kinds.set(objectClass.name.toLowerCase(), objectClass.agreementKind);
  if (kinds.size === 0) throw new Error('catalog: the agreement entry kind names no identifying object class');
  const classes = { kinds, shortest: Math.min(...[...kinds.keys()].map((name) => name.length)) };
  identifying.set(catalog, classes);
  return classes;
}

/** Whether the objectClass value text[start, end) makes its record an agreement. */
export function isAgreementClass(catalog: Catalog, text: string, start = 0, end = text.length): boolean {
  const { kinds, shortest } = identifyingClasses(catalog);
  // Most values are shorter than every identifying class: they need no copy.
  return end - start >= shortest && kinds.has(text.slice(start, end).trim().toLowerCase());
}

/** The agreement kind the record's object classes make (Windows wins when both are there, as in 389-DS). */
function agreementKindByClass(record: LdifRecord, { kinds }: IdentifyingClasses): AgreementKind | undefined {
  // One walk over the lines for every class: this is asked of every record.
  let found: AgreementKind | undefined;
  for (const line of record.attributes) {
    // The length rules out most lines before any lower-casing.
    if (line.name.length !== 11 || line.name.toLowerCase() !== 'objectclass') continue;
    const kind = kinds.get((line.value ?? '').trim().toLowerCase());
    if (kind === 'windows') return kind;
    found ??= kind;
  }
  return found;
}

/** `cn=<agreement>,cn=replica,<suffix RDN(s)>,cn=mapping tree,cn=config` */
function isUnderReplica(rdns: readonly Rdn[]): boolean {
  const n = rdns.length;
  return (
    n >= 5 &&
    isRdn(rdns[n - 1], 'cn', 'config') &&
    isRdn(rdns[n - 2], 'cn', 'mapping tree') &&
    isRdn(rdns[1], 'cn', 'replica')
  );
}
