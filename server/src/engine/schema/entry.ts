/**
 * An entry as 389-DS holds it while it checks an operation: attributes in the order they came,
 * each named the way the server names it (the schema's first name plus lower-cased options;
 * an unknown type lower-cased), values compared under the type's equality rule. Built from an
 * add record, or from a live entry with a modify record played on it (the dry run's case).
 */
import type { AttrLine, LdifRecord } from '../ldif/ast';
import { isPlainDn, parseDn } from '../dn/dn';
import { perSchemaCache, type AttributeType, type Schema } from './schema';
import { valueKey } from './values';
import { utf8Text } from '../util/bytes';

export interface EntryValue {
  /** The value as text; undefined for bytes that are not UTF-8 or a value read from a URL at apply time. */
  readonly text: string | undefined;
  /** Read from a URL when applied: its content is unknown here, so it is never judged. */
  readonly fromUrl: boolean;
  /** The LDIF line that gives it; undefined for values the entry had before or that the server adds. */
  readonly line: AttrLine | undefined;
}

export interface EntryAttribute {
  /** The server's name for it: what its messages say. */
  readonly type: string;
  readonly attributeType: AttributeType | undefined;
  readonly values: readonly EntryValue[];
}

export interface SchemaEntry {
  readonly dn: string | undefined;
  readonly attributes: readonly EntryAttribute[];
}

export interface TypeName {
  readonly name: string;
  /** `name` lower-cased: the key an entry finds its attributes by. */
  readonly key: string;
  readonly type: AttributeType | undefined;
}

const typeNames = perSchemaCache<TypeName>(10_000);
/** The classes the server adds to an entry (superiors, `top`), by the entry's objectClass values. */
const addedClassNames = perSchemaCache<readonly string[]>(1_000);

/** The attribute's name in an entry: `uidNumber`, `cn;lang-en`, or an unknown `bogusattr` lower-cased. */
export function entryTypeName(schema: Schema, description: string): TypeName {
  return typeNames(schema, description, () => {
    const semicolon = description.indexOf(';');
    const type = schema.attributeType(semicolon < 0 ? description : description.slice(0, semicolon));
    const name = !type
      ? description.toLowerCase()
      : semicolon < 0
        ? type.name
        : type.name + description.slice(semicolon).toLowerCase();
    return { name, key: name.toLowerCase(), type };
  });
}

/**
 * The attribute's name in a request, as the server normalises it before anything else: a known
 * name or OID becomes the schema's first name; anything else, options included, is lower-cased.
 * Modify messages use it (`uidnumber;x-a: value #0 invalid per syntax`).
 */
export function requestTypeName(schema: Schema, description: string): string {
  return schema.attributeType(description)?.name ?? description.toLowerCase();
}

export function valueOf(line: AttrLine): EntryValue {
  return { text: line.encoding === 'url' ? undefined : line.value, fromUrl: line.encoding === 'url', line };
}

/** The equality key of a value (values the server cannot read as text compare by their LDIF text). */
export function keyOf(type: AttributeType | undefined, value: EntryValue): string {
  if (value.text !== undefined) return valueKey(type, value.text);
  return `\u0000${value.line?.encoding ?? ''}:${value.line?.rawValue ?? ''}`;
}

interface MutableAttribute {
  type: string;
  attributeType: AttributeType | undefined;
  values: EntryValue[];
  /** The values' equality keys, made when a second value arrives: most attributes have one value. */
  keys: Set<string> | undefined;
}

/** An entry being built or changed the way the server does it. */
export class EntryBuilder {
  private readonly list: MutableAttribute[] = [];
  private readonly byName = new Map<string, MutableAttribute>();

  constructor(
    readonly schema: Schema,
    readonly dn: string | undefined,
  ) {}

  static from(entry: SchemaEntry, schema: Schema): EntryBuilder {
    const builder = new EntryBuilder(schema, entry.dn);
    for (const attribute of entry.attributes) for (const value of attribute.values) builder.add(attribute.type, value);
    return builder;
  }

  attribute(description: string): MutableAttribute | undefined {
    return this.byName.get(entryTypeName(this.schema, description).key);
  }

  /** Adds a value (creating the attribute at the end); false when the attribute already has it. */
  add(description: string, value: EntryValue, typeName: TypeName = entryTypeName(this.schema, description)): boolean {
    const { name, key: lower, type } = typeName;
    const attribute = this.byName.get(lower);
    if (!attribute) {
      const created: MutableAttribute = { type: name, attributeType: type, values: [value], keys: undefined };
      this.byName.set(lower, created);
      this.list.push(created);
      return true;
    }
    const keys = keysOf(attribute);
    const key = keyOf(attribute.attributeType, value);
    if (keys.has(key)) return false;
    keys.add(key);
    attribute.values.push(value);
    return true;
  }

  has(description: string, value: EntryValue): boolean {
    const attribute = this.attribute(description);
    return attribute !== undefined && keysOf(attribute).has(keyOf(attribute.attributeType, value));
  }

  /** Removes one value; false when the attribute does not have it. The attribute goes with its last value. */
  removeValue(description: string, value: EntryValue): boolean {
    const attribute = this.attribute(description);
    if (!attribute) return false;
    const key = keyOf(attribute.attributeType, value);
    if (!keysOf(attribute).delete(key)) return false;
    attribute.values = attribute.values.filter((kept) => keyOf(attribute.attributeType, kept) !== key);
    if (attribute.values.length === 0) this.removeAttribute(description);
    return true;
  }

  /** Removes the attribute; false when the entry does not have it. */
  removeAttribute(description: string): boolean {
    const attribute = this.attribute(description);
    if (!attribute) return false;
    this.byName.delete(attribute.type.toLowerCase());
    this.list.splice(this.list.indexOf(attribute), 1);
    return true;
  }

  /** What the server adds to an entry itself: the RDN's values, then each class's superior and `top`. */
  addRdnValues(): void {
    for (const ava of rdnOf(this.dn)) this.add(ava.type, { text: ava.value, fromUrl: false, line: undefined });
  }

  expandObjectClasses(): void {
    const classes = this.attribute('objectClass');
    if (!classes || classes.values.length === 0) return;
    const texts: string[] = [];
    for (const value of classes.values) {
      if (value.text === undefined) {
        this.addSuperiorClasses(classes);
        return;
      }
      texts.push(value.text);
    }
    // Most entries of a file share their classes: what the server adds to them is worked out once.
    const added = addedClassNames(this.schema, listKey(texts), () => {
      const scratch = new EntryBuilder(this.schema, undefined);
      for (const text of texts) scratch.add('objectClass', { text, fromUrl: false, line: undefined });
      const values = scratch.addSuperiorClasses(scratch.attribute('objectClass')!);
      return values.slice(texts.length).map((value) => value.text!);
    });
    for (const text of added) this.add('objectClass', { text, fromUrl: false, line: undefined });
  }

  /** Adds each class's superiors and `top`, as the server does; the objectClass values then. */
  private addSuperiorClasses(classes: MutableAttribute): readonly EntryValue[] {
    // The classes present, by the name or OID written (without case): the server looks for either.
    const present = new Set<string>();
    for (const value of classes.values) if (value.text !== undefined) present.add(value.text.toLowerCase());
    const addClass = (nameOrOid: string) => {
      const objectClass = this.schema.objectClass(nameOrOid);
      if (!objectClass || present.has(objectClass.name.toLowerCase()) || present.has(objectClass.oid.toLowerCase()))
        return;
      present.add(objectClass.name.toLowerCase());
      this.add('objectClass', { text: objectClass.name, fromUrl: false, line: undefined });
    };
    // The list grows while it is read: each added superior is expanded in turn.
    for (let i = 0; i < classes.values.length; i++) {
      const text = classes.values[i].text;
      for (const superior of text === undefined ? [] : (this.schema.objectClass(text)?.superiors ?? []))
        addClass(superior.name);
    }
    addClass('top');
    return classes.values;
  }

  /** Whether every value of the DN's first RDN is still on the entry (a modify must not remove them: 67). */
  hasRdnValues(): boolean {
    return rdnOf(this.dn).every((ava) => this.has(ava.type, { text: ava.value, fromUrl: false, line: undefined }));
  }

  /** The entry as built so far; the builder must not be changed afterwards (the entry shares its lists). */
  entry(): SchemaEntry {
    return { dn: this.dn, attributes: this.list };
  }
}

/** One string for a list of texts, unambiguous whatever the texts hold (a cache key). */
export function listKey(texts: readonly string[]): string {
  let key = '';
  for (const text of texts) key += `${text.length}:${text}`;
  return key;
}

function keysOf(attribute: MutableAttribute): Set<string> {
  return (attribute.keys ??= new Set(attribute.values.map((value) => keyOf(attribute.attributeType, value))));
}

/** The type=value pairs of the DN's first RDN; none when the DN does not parse. */
function rdnOf(dn: string | undefined): { type: string; value: string }[] {
  if (!dn) return [];
  // Almost every DN is plain: its first RDN is one type=value with nothing to unescape.
  if (isPlainDn(dn)) {
    const equals = dn.indexOf('=');
    const comma = dn.indexOf(',', equals);
    return [{ type: dn.slice(0, equals), value: dn.slice(equals + 1, comma < 0 ? dn.length : comma) }];
  }
  const parsed = parseDn(dn);
  if (parsed.problems.some((problem) => problem.severity === 'error') || parsed.rdns.length === 0) return [];
  return parsed.rdns[0].avas.map((ava) => ({ type: ava.type, value: ava.value }));
}

/**
 * A live entry as the dry run reads it (ldapts gives a string for one value and an array for
 * several; binary values as Buffers), for playing the following records on. `computed` names
 * attributes the server makes up when the entry is read (an agreement's status attributes,
 * which the catalog marks server-managed): they are not stored, so the schema check never
 * sees them.
 */
export function entryOfValues(
  dn: string,
  attributes: Readonly<Record<string, string | Uint8Array | readonly (string | Uint8Array)[]>>,
  schema: Schema,
  computed: (name: string) => boolean = () => false,
): SchemaEntry {
  const builder = new EntryBuilder(schema, dn);
  for (const [description, raw] of Object.entries(attributes)) {
    if (description.toLowerCase() === 'dn' || computed(description)) continue;
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      const text = typeof item === 'string' ? item : utf8Text(item as Uint8Array);
      builder.add(description, { text, fromUrl: false, line: undefined });
    }
  }
  return builder.entry();
}

/** Whether the record names this class among its objectClass values (any case). */
export function recordHasObjectClass(record: LdifRecord, name: string): boolean {
  const lower = name.toLowerCase();
  return record.attributes.some(
    (line) => line.name.toLowerCase() === 'objectclass' && line.value?.trim().toLowerCase() === lower,
  );
}
