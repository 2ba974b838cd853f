/**
 * A server's subschema, parsed once and indexed for the checks, hover and completion: names
 * and OIDs looked up without case, SUP chains resolved (syntax and equality rule inherited),
 * object classes with 389-DS's inherited MUST/MAY lists, and which classes need or allow each
 * attribute type. Built from the definition strings the server publishes; no I/O.
 */
import {
  readAttributeType,
  readMatchingRule,
  readObjectClass,
  readSyntax,
  type AttributeTypeDefinition,
  type DefinitionProblem,
  type MatchingRuleDefinition,
  type ObjectClassDefinition,
  type ObjectClassKind,
  type SyntaxDefinition,
} from './definitions';
import { serverTraits, SYNTAX_NAMES, type ServerTraits } from './syntaxes';
import { digest128 } from '../util/digest';

/** The four lists of cn=schema, as the server returns them. */
export interface SubschemaDefinitions {
  readonly attributeTypes: readonly string[];
  readonly objectClasses: readonly string[];
  readonly ldapSyntaxes?: readonly string[];
  readonly matchingRules?: readonly string[];
}

/** What the root DSE says about the server, when known. */
export interface ServerIdentity {
  readonly vendorName?: string;
  readonly vendorVersion?: string;
}

export interface AttributeType {
  readonly definition: AttributeTypeDefinition;
  /** The first NAME (else the OID): the spelling 389-DS uses in its messages. */
  readonly name: string;
  readonly lowerName: string;
  readonly oid: string;
  readonly superior: AttributeType | undefined;
  /** The syntax OID, inherited from the SUP chain when not given. */
  readonly syntax: string | undefined;
  /** The equality rule, inherited from the SUP chain when not given. */
  readonly equality: string | undefined;
  readonly singleValue: boolean;
  readonly noUserModification: boolean;
  /** USAGE other than userApplications: no object class needs to allow it. */
  readonly operational: boolean;
  /** X-ORIGIN values (389-DS appends 'user defined' to definitions added over LDAP). */
  readonly origins: readonly string[];
  /** Lower-cased names that X-DEPRECATED marks as old aliases. */
  readonly deprecatedNames: ReadonlySet<string>;
}

export interface ObjectClass {
  readonly definition: ObjectClassDefinition;
  readonly name: string;
  readonly oid: string;
  readonly kind: ObjectClassKind;
  /** The SUP classes this schema knows, in the order written. */
  readonly superiors: readonly ObjectClass[];
  /**
   * What an entry of this class must have: the own MUST list, then the superiors' (recursively),
   * names as written. 389-DS reports the last missing one.
   */
  readonly required: readonly string[];
  /** The MAY lists gathered the same way. */
  readonly allowed: readonly string[];
  readonly origins: readonly string[];
}

export interface Schema {
  readonly fingerprint: string;
  readonly server: ServerIdentity;
  readonly traits: ServerTraits;
  readonly attributeTypes: readonly AttributeType[];
  readonly objectClasses: readonly ObjectClass[];
  readonly syntaxes: readonly SyntaxDefinition[];
  readonly matchingRules: readonly MatchingRuleDefinition[];
  /** Definitions that did not read cleanly (they are still used as far as they could be read). */
  readonly problems: readonly DefinitionProblem[];
  attributeType(nameOrOid: string): AttributeType | undefined;
  objectClass(nameOrOid: string): ObjectClass | undefined;
  /** The syntax's description (from ldapSyntaxes, else RFC 4517's name), or undefined. */
  syntaxName(oid: string | undefined): string | undefined;
  /** Classes whose (inherited) MUST / MAY lists name the type, by any of its names or its OID. */
  mustIn(type: AttributeType): readonly ObjectClass[];
  mayIn(type: AttributeType): readonly ObjectClass[];
  /**
   * Whether the class (with its superiors) names the type in MUST or MAY, by any of its names
   * (389-DS rewrites the lists to the types' first names when it loads a class; other servers' lists may use aliases).
   */
  allows(objectClass: ObjectClass, attributeName: string): boolean;
  /**
   * The names (as canonicalName gives them) that some of the classes allows, or `'any'` when one
   * lists `*`: the checks ask it once per entry, and most entries of a file share their classes.
   */
  allowedByAny(classes: readonly ObjectClass[]): ReadonlySet<string> | 'any';
  /** The type's first name, lower-cased, for comparing names as the server does; the name itself when the schema does not know it. */
  canonicalName(name: string): string;
  /** `required` of the class with each name as canonicalName gives it. */
  requiredNames(objectClass: ObjectClass): readonly string[];
}

/**
 * A cache kept per schema for its life: `(schema, key, compute)` gives the value remembered for
 * the key, computed on first use. Keys repeat across a file (names, lists of classes); past
 * `limit` entries the cache starts again, so a file of made-up keys does not grow it without end.
 */
export function perSchemaCache<T>(limit: number): (schema: Schema, key: string, compute: () => T) => T {
  const bySchema = new WeakMap<Schema, Map<string, T>>();
  return (schema, key, compute) => {
    let known = bySchema.get(schema);
    if (!known) bySchema.set(schema, (known = new Map()));
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      known.set(key, (value = compute()));
    }
    return value;
  };
}

/** Parses and indexes the definitions; never throws (unreadable parts land in `problems`). */
export function buildSchema(definitions: SubschemaDefinitions, server: ServerIdentity = {}): Schema {
  return new IndexedSchema(definitions, server);
}

/**
 * A digest of the sorted definitions of each list (32 hex digits): the same content gives the
 * same key, whatever the order.
 */
export function schemaFingerprint(definitions: SubschemaDefinitions): string {
  const lines: string[] = [];
  for (const kind of ['attributeTypes', 'objectClasses', 'ldapSyntaxes', 'matchingRules'] as const) {
    lines.push(kind, ...[...(definitions[kind] ?? [])].sort());
  }
  return digest128(`${lines.join('\n')}\n`);
}

const OPERATIONAL_USAGES = new Set(['directoryOperation', 'distributedOperation', 'dSAOperation']);

class IndexedSchema implements Schema {
  readonly fingerprint: string;
  readonly traits: ServerTraits;
  readonly attributeTypes: AttributeType[] = [];
  readonly objectClasses: ObjectClass[] = [];
  readonly syntaxes: SyntaxDefinition[];
  readonly matchingRules: MatchingRuleDefinition[];
  readonly problems: DefinitionProblem[] = [];
  private readonly typesByKey = new Map<string, AttributeType>();
  private readonly typesAsWritten = new Map<string, AttributeType | undefined>();
  private readonly classesByKey = new Map<string, ObjectClass>();
  private readonly classesAsWritten = new Map<string, ObjectClass | undefined>();
  private readonly syntaxesByOid = new Map<string, SyntaxDefinition>();
  private readonly requiredKeys = new Map<ObjectClass, readonly string[]>();
  /** Per class: the first names (lower case) of every type it lists. */
  private readonly allowedKeys = new Map<ObjectClass, ReadonlySet<string>>();
  /** allowedByAny's answers, by the classes' OIDs. */
  private readonly allowedByClasses = new Map<string, ReadonlySet<string> | 'any'>();
  private reverse: { must: Map<AttributeType, ObjectClass[]>; may: Map<AttributeType, ObjectClass[]> } | undefined;

  constructor(
    definitions: SubschemaDefinitions,
    readonly server: ServerIdentity,
  ) {
    this.fingerprint = schemaFingerprint(definitions);
    this.traits = serverTraits(server.vendorVersion);
    this.syntaxes = (definitions.ldapSyntaxes ?? []).map((text) => readSyntax(text, this.problems));
    for (const syntax of this.syntaxes) this.syntaxesByOid.set(syntax.oid, syntax);
    this.matchingRules = (definitions.matchingRules ?? []).map((text) => readMatchingRule(text, this.problems));
    this.indexTypes(definitions.attributeTypes.map((text) => readAttributeType(text, this.problems)));
    this.indexClasses(definitions.objectClasses.map((text) => readObjectClass(text, this.problems)));
  }

  private indexTypes(definitions: readonly AttributeTypeDefinition[]): void {
    const byKey = new Map<string, AttributeTypeDefinition>();
    for (const definition of definitions)
      for (const key of keysOf(definition)) if (!byKey.has(key)) byKey.set(key, definition);
    const resolved = new Map<AttributeTypeDefinition, AttributeType>();
    const resolve = (definition: AttributeTypeDefinition, seen: Set<AttributeTypeDefinition>): AttributeType => {
      const done = resolved.get(definition);
      if (done) return done;
      seen.add(definition);
      const parentDefinition =
        definition.superior === undefined ? undefined : byKey.get(definition.superior.toLowerCase());
      if (definition.superior !== undefined && !parentDefinition) {
        this.problems.push({
          kind: 'attributeTypes',
          text: definition.text,
          problem: `its SUP ${definition.superior} is not defined`,
        });
      }
      const cyclic = parentDefinition !== undefined && seen.has(parentDefinition);
      if (cyclic)
        this.problems.push({
          kind: 'attributeTypes',
          text: definition.text,
          problem: `its SUP chain loops back to ${definition.superior}`,
        });
      const superior = parentDefinition && !cyclic ? resolve(parentDefinition, seen) : undefined;
      const deprecated = (definition.extensions.get('X-DEPRECATED') ?? [])
        .flatMap((value) => value.split(/\s+/))
        .filter(Boolean);
      const type: AttributeType = {
        definition,
        name: definition.names[0] ?? definition.oid,
        lowerName: (definition.names[0] ?? definition.oid).toLowerCase(),
        oid: definition.oid,
        superior,
        syntax: definition.syntax ?? superior?.syntax,
        equality: definition.equality ?? superior?.equality,
        singleValue: definition.singleValue,
        noUserModification: definition.noUserModification,
        operational: OPERATIONAL_USAGES.has(definition.usage),
        origins: definition.extensions.get('X-ORIGIN') ?? [],
        deprecatedNames: new Set(deprecated.map((name) => name.toLowerCase())),
      };
      resolved.set(definition, type);
      return type;
    };
    for (const definition of definitions) {
      const type = resolve(definition, new Set());
      this.attributeTypes.push(type);
      for (const key of keysOf(definition)) if (!this.typesByKey.has(key)) this.typesByKey.set(key, type);
    }
  }

  private indexClasses(definitions: readonly ObjectClassDefinition[]): void {
    const byKey = new Map<string, ObjectClassDefinition>();
    for (const definition of definitions)
      for (const key of keysOf(definition)) if (!byKey.has(key)) byKey.set(key, definition);
    const resolved = new Map<ObjectClassDefinition, ObjectClass>();
    const resolve = (definition: ObjectClassDefinition, seen: Set<ObjectClassDefinition>): ObjectClass => {
      const done = resolved.get(definition);
      if (done) return done;
      seen.add(definition);
      const superiors: ObjectClass[] = [];
      for (const name of definition.superiors) {
        const parent = byKey.get(name.toLowerCase());
        if (!parent)
          this.problems.push({
            kind: 'objectClasses',
            text: definition.text,
            problem: `its SUP ${name} is not defined`,
          });
        else if (seen.has(parent))
          this.problems.push({
            kind: 'objectClasses',
            text: definition.text,
            problem: `its SUP chain loops back to ${name}`,
          });
        else superiors.push(resolve(parent, seen));
      }
      // 389-DS keeps only the first SUP when it loads a class (it publishes `SUP ( a $ b )` as
      // `SUP a`), so on its schemas this is the first superior's lists; other servers inherit from all.
      const objectClass: ObjectClass = {
        definition,
        name: definition.names[0] ?? definition.oid,
        oid: definition.oid,
        kind: definition.kind,
        superiors,
        required: [...definition.must, ...superiors.flatMap((superior) => superior.required)],
        allowed: [...definition.may, ...superiors.flatMap((superior) => superior.allowed)],
        origins: definition.extensions.get('X-ORIGIN') ?? [],
      };
      resolved.set(definition, objectClass);
      return objectClass;
    };
    for (const definition of definitions) {
      const objectClass = resolve(definition, new Set());
      this.objectClasses.push(objectClass);
      for (const key of keysOf(definition)) if (!this.classesByKey.has(key)) this.classesByKey.set(key, objectClass);
    }
  }

  attributeType(nameOrOid: string): AttributeType | undefined {
    // Asked for every line of every record, mostly with the same few spellings: remembered as written.
    // One look-up for a known name (most of them); `has` tells an unknown one from a name not seen yet.
    const known = this.typesAsWritten.get(nameOrOid);
    if (known !== undefined || this.typesAsWritten.has(nameOrOid)) return known;
    const type = this.typesByKey.get(nameOrOid.toLowerCase());
    if (this.typesAsWritten.size >= 10_000) this.typesAsWritten.clear();
    this.typesAsWritten.set(nameOrOid, type);
    return type;
  }

  objectClass(nameOrOid: string): ObjectClass | undefined {
    const known = this.classesAsWritten.get(nameOrOid);
    if (known !== undefined || this.classesAsWritten.has(nameOrOid)) return known;
    const objectClass = this.classesByKey.get(nameOrOid.toLowerCase());
    if (this.classesAsWritten.size >= 10_000) this.classesAsWritten.clear();
    this.classesAsWritten.set(nameOrOid, objectClass);
    return objectClass;
  }

  syntaxName(oid: string | undefined): string | undefined {
    if (oid === undefined) return undefined;
    const description = this.syntaxesByOid.get(oid)?.description;
    return description && description !== oid ? description : SYNTAX_NAMES[oid];
  }

  allows(objectClass: ObjectClass, attributeName: string): boolean {
    return this.allowsCanonical(objectClass, this.canonicalName(attributeName));
  }

  private allowsCanonical(objectClass: ObjectClass, canonical: string): boolean {
    const keys = this.allowedBy(objectClass);
    return keys.has('*') || keys.has(canonical);
  }

  private allowedBy(objectClass: ObjectClass): ReadonlySet<string> {
    let keys = this.allowedKeys.get(objectClass);
    if (!keys) {
      keys = new Set([...objectClass.required, ...objectClass.allowed].map((name) => this.canonicalName(name)));
      this.allowedKeys.set(objectClass, keys);
    }
    return keys;
  }

  allowedByAny(classes: readonly ObjectClass[]): ReadonlySet<string> | 'any' {
    let key = '';
    for (const objectClass of classes) key += `${objectClass.oid} `;
    let allowed = this.allowedByClasses.get(key);
    if (allowed === undefined) {
      const union = new Set<string>();
      for (const objectClass of classes) for (const name of this.allowedBy(objectClass)) union.add(name);
      allowed = union.has('*') ? 'any' : union;
      // Class lists repeat across a file; a bound keeps made-up combinations from growing it without end.
      if (this.allowedByClasses.size >= 1_000) this.allowedByClasses.clear();
      this.allowedByClasses.set(key, allowed);
    }
    return allowed;
  }

  canonicalName(name: string): string {
    const type = this.attributeType(name);
    return type ? type.lowerName : name.toLowerCase();
  }

  requiredNames(objectClass: ObjectClass): readonly string[] {
    let names = this.requiredKeys.get(objectClass);
    if (!names)
      this.requiredKeys.set(objectClass, (names = objectClass.required.map((name) => this.canonicalName(name))));
    return names;
  }

  mustIn(type: AttributeType): readonly ObjectClass[] {
    return this.reverseIndex().must.get(type) ?? [];
  }

  mayIn(type: AttributeType): readonly ObjectClass[] {
    return this.reverseIndex().may.get(type) ?? [];
  }

  /** Built on first use (hover, completion): the checks never need it. */
  private reverseIndex(): { must: Map<AttributeType, ObjectClass[]>; may: Map<AttributeType, ObjectClass[]> } {
    if (this.reverse) return this.reverse;
    const must = new Map<AttributeType, ObjectClass[]>();
    const may = new Map<AttributeType, ObjectClass[]>();
    const add = (index: Map<AttributeType, ObjectClass[]>, names: readonly string[], objectClass: ObjectClass) => {
      for (const type of new Set(names.map((name) => this.attributeType(name)))) {
        if (!type) continue;
        const list = index.get(type) ?? [];
        if (!list.includes(objectClass)) list.push(objectClass);
        index.set(type, list);
      }
    };
    for (const objectClass of this.objectClasses) {
      add(must, objectClass.required, objectClass);
      add(may, objectClass.allowed, objectClass);
    }
    return (this.reverse = { must, may });
  }
}

/** The lower-cased names and OID a definition can be found by. */
function keysOf(definition: { readonly oid: string; readonly names: readonly string[] }): string[] {
  const keys = definition.names.map((name) => name.toLowerCase());
  if (definition.oid) keys.push(definition.oid.toLowerCase());
  return keys;
}

export type {
  AttributeTypeDefinition,
  DefinitionProblem,
  MatchingRuleDefinition,
  ObjectClassDefinition,
  ObjectClassKind,
  SyntaxDefinition,
} from './definitions';
