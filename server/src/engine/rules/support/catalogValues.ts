import type { AttrLine } from '../../ldif/ast';
import type { AttributeSpec, Catalog, ValueSyntax } from '../../catalog';
import type { SyntaxKind } from '../../catalog/schema';
import type { AttributeMention, EntryView, WriteOp } from '../../model/entryView';

export type SyntaxOf<K extends SyntaxKind> = Extract<ValueSyntax, { kind: K }>;

const NO_VALUES: readonly never[] = Object.freeze([]);

/** A value a record writes to a catalog attribute, with the attribute's spec. */
export interface CatalogValue<K extends SyntaxKind> {
  readonly line: AttrLine;
  readonly op: WriteOp;
  readonly spec: AttributeSpec;
  readonly syntax: SyntaxOf<K>;
  /** The value as text (base64 decoded). */
  readonly value: string;
}

/**
 * Every value the record writes (content, add or replace; not delete) to a catalog attribute
 * of the record's own entry kind whose syntax is `kind`. Values given as URLs or as base64
 * that is not UTF-8 are left out: their text is not known.
 */
export function catalogValues<K extends SyntaxKind>(
  entry: EntryView,
  catalog: Catalog,
  kind: K,
): readonly CatalogValue<K>[] {
  // Asked of every record by rules that are not winsync-only: an ordinary entry gets the one empty list.
  if (entry.kind === undefined) return NO_VALUES;
  const found: CatalogValue<K>[] = [];
  for (const { line, op } of entry.writes) {
    if (op === 'delete' || line.encoding === 'url' || line.value === undefined) continue;
    const spec = catalog.attribute(line.name);
    if (!spec || spec.entry !== entry.kind || spec.syntax.kind !== kind) continue;
    found.push({ line, op, spec, syntax: spec.syntax as SyntaxOf<K>, value: line.value });
  }
  return found;
}

/** The spec of an attribute a rule names on purpose; throws when the catalog lacks it, so a typo fails at once. */
export function requireAttribute(catalog: Catalog, name: string): AttributeSpec {
  const spec = catalog.attribute(name);
  if (!spec) throw new Error(`catalog: no attribute ${name}`);
  return spec;
}

/** A value written to an enumerated catalog attribute of the record's own entry kind. */
export interface EnumWrite {
  readonly line: AttrLine;
  readonly spec: AttributeSpec;
  readonly value: string;
}

/** Every value the record writes (not deletes) to an enumerated attribute of its own entry kind, URLs included as written. */
export function enumWrites(entry: EntryView, catalog: Catalog): EnumWrite[] {
  // Catalog attributes belong to a winsync entry kind, so an ordinary entry has none to check.
  if (entry.kind === undefined) return [];
  const found: EnumWrite[] = [];
  for (const { line, op } of entry.writes) {
    if (op === 'delete' || line.value === undefined) continue;
    const spec = catalog.attribute(line.name);
    if (spec?.syntax.kind === 'enum' && spec.entry === entry.kind) found.push({ line, spec, value: line.value });
  }
  return found;
}

/** A mention of a catalog attribute, with the attribute's spec. */
export interface CatalogMention {
  readonly mention: AttributeMention;
  readonly spec: AttributeSpec;
}

/** A winsync record's mentions of catalog attributes (of either entry kind), in order; none for an ordinary entry. */
export function catalogMentions(entry: EntryView, catalog: Catalog): CatalogMention[] {
  if (entry.kind === undefined) return [];
  const found: CatalogMention[] = [];
  for (const mention of entry.mentions) {
    const spec = catalog.attribute(mention.name);
    if (spec) found.push({ mention, spec });
  }
  return found;
}
