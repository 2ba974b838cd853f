import type { AgreementKind, AttributeSpec, CatalogData, EntryKind, EntryKindSpec } from './schema';
import { catalogData } from './data';
import { closest } from '../util/closest';

export type {
  AgreementKind,
  AttributeSpec,
  EntryKind,
  EntryKindSpec,
  ValueSyntax,
  EnumValue,
  Reaction,
} from './schema';

/** Read-only view over the catalog data; all name look-ups ignore case. */
export class Catalog {
  private readonly byName = new Map<string, AttributeSpec>();
  private readonly kinds = new Map<EntryKind, EntryKindSpec>();
  private readonly otherAllowed = new Map<EntryKind, Set<string>>();
  /** Every own prefix in lower case with its kind, in catalog order: asked about every attribute of every record. */
  private readonly prefixes: (readonly [string, EntryKind])[] = [];
  /** Their first characters, to rule most names out at once (undefined when a prefix is empty and matches all). */
  private readonly prefixFirsts: Set<number> | undefined;

  constructor(readonly data: CatalogData) {
    for (const attribute of data.attributes) {
      const key = attribute.name.toLowerCase();
      if (this.byName.has(key)) throw new Error(`catalog: attribute ${attribute.name} is listed twice`);
      this.byName.set(key, attribute);
    }
    for (const kind of data.entryKinds) {
      this.kinds.set(kind.kind, kind);
      this.otherAllowed.set(kind.kind, new Set(kind.otherAllowed.map((name) => name.toLowerCase())));
      for (const prefix of kind.ownPrefixes) this.prefixes.push([prefix.toLowerCase(), kind.kind]);
    }
    this.prefixFirsts = this.prefixes.some(([prefix]) => prefix === '')
      ? undefined
      : new Set(this.prefixes.map(([prefix]) => prefix.charCodeAt(0)));
  }

  get attributes(): readonly AttributeSpec[] {
    return this.data.attributes;
  }

  attribute(name: string): AttributeSpec | undefined {
    return this.byName.get(name.toLowerCase());
  }

  entryKind(kind: EntryKind): EntryKindSpec {
    const spec = this.kinds.get(kind);
    if (!spec) throw new Error(`catalog: no entry kind ${kind}`);
    return spec;
  }

  /** What to call an entry of this kind: for an agreement of a known kind, that kind's name. */
  title(kind: EntryKind, agreementKind?: AgreementKind): string {
    const spec = this.entryKind(kind);
    const byClass =
      agreementKind && spec.objectClasses.find((objectClass) => objectClass.agreementKind === agreementKind);
    return byClass?.title ?? spec.title;
  }

  attributesOf(kind: EntryKind): AttributeSpec[] {
    return this.data.attributes.filter((attribute) => attribute.entry === kind);
  }

  /** The entry kind whose own prefix the name carries (`ipaWinSyncFoo` → ipa-winsync). */
  kindByPrefix(name: string): EntryKind | undefined {
    // Most names start with a letter no prefix starts with.
    const code = name.charCodeAt(0);
    const first = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if (first < 0x80 && this.prefixFirsts && !this.prefixFirsts.has(first)) return undefined;
    for (const [prefix, kind] of this.prefixes) if (startsWithIgnoringCase(name, prefix)) return kind;
    return undefined;
  }

  /** Whether an attribute may appear on an entry of this kind (catalog attribute or listed generic one). */
  isAllowedOn(kind: EntryKind, name: string): boolean {
    const spec = this.attribute(name);
    if (spec) return spec.entry === kind;
    return this.otherAllowed.get(kind)?.has(name.toLowerCase()) ?? false;
  }

  /** Every name allowed on the kind, canonical spelling, for did-you-mean and completion. */
  namesAllowedOn(kind: EntryKind): string[] {
    return [...this.attributesOf(kind).map((attribute) => attribute.name), ...this.entryKind(kind).otherAllowed];
  }

  /** Nearest known name for a misspelling, or undefined when nothing is close. */
  suggest(name: string, kind: EntryKind): string | undefined {
    return closest(name, this.namesAllowedOn(kind));
  }
}

/**
 * `name.toLowerCase().startsWith(lowerPrefix)` without building the lower-cased copy: asked
 * about every attribute of every record. Names with non-ASCII characters, whose lower case
 * may change length, take the exact path.
 */
function startsWithIgnoringCase(name: string, lowerPrefix: string): boolean {
  for (let i = 0; i < lowerPrefix.length; i++) {
    if (i === name.length) return false;
    let c = name.charCodeAt(i);
    if (c > 0x7f) return name.toLowerCase().startsWith(lowerPrefix);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lowerPrefix.charCodeAt(i)) return false;
  }
  return true;
}

let loaded: Catalog | undefined;

/**
 * The catalog. Its data is checked against the zod schema when the bundles are built
 * (`scripts/build.mjs`) and by the tests, not at every start: zod was a third of the
 * language server's bundle and checking took about 80 ms of its start.
 */
export function loadCatalog(): Catalog {
  loaded ??= new Catalog(catalogData);
  return loaded;
}
