/**
 * The server's own schema, read from its subschema entry (RFC 4512 objectClasses and
 * attributeTypes), so a dry run can predict the object class violations (65) the server
 * would answer: a required attribute missing after the change, a second value of a
 * single-valued attribute, an attribute no object class of the entry allows, an unknown class.
 */
import type { Client } from 'ldapts';

interface ObjectClassDefinition {
  readonly name: string;
  readonly superiors: readonly string[];
  readonly must: readonly string[];
  readonly may: readonly string[];
}

export class ServerSchema {
  private constructor(
    /** Object classes by lower-cased name (every alias). */
    private readonly classes: ReadonlyMap<string, ObjectClassDefinition>,
    /** Lower-cased attribute name or alias → lower-cased first name. */
    private readonly canonical: ReadonlyMap<string, string>,
    /** Canonical names of the single-valued attributes. */
    private readonly singleValued: ReadonlySet<string>,
  ) {}

  /** Reads the subschema entry the root DSE names; undefined when it cannot be read. */
  static async read(client: Client): Promise<ServerSchema | undefined> {
    try {
      const root = await client.search('', { scope: 'base', attributes: ['subschemaSubentry'] });
      const base = String(root.searchEntries[0]?.subschemaSubentry ?? 'cn=schema');
      const { searchEntries } = await client.search(base, {
        scope: 'base',
        attributes: ['objectClasses', 'attributeTypes'],
      });
      const classes = list(searchEntries[0]?.objectClasses);
      // No object classes means no schema we may read: predict nothing rather than everything.
      return classes.length > 0 ? ServerSchema.parse(classes, list(searchEntries[0]?.attributeTypes)) : undefined;
    } catch {
      return undefined;
    }
  }

  static parse(objectClasses: readonly string[], attributeTypes: readonly string[]): ServerSchema {
    const classes = new Map<string, ObjectClassDefinition>();
    for (const text of objectClasses) {
      const names = field(text, 'NAME');
      if (names.length === 0) continue;
      const definition = {
        name: names[0],
        superiors: field(text, 'SUP'),
        must: field(text, 'MUST'),
        may: field(text, 'MAY'),
      };
      for (const name of names) classes.set(name.toLowerCase(), definition);
    }
    const canonical = new Map<string, string>();
    const singleValued = new Set<string>();
    for (const text of attributeTypes) {
      const names = field(text, 'NAME');
      if (names.length === 0) continue;
      const first = names[0].toLowerCase();
      for (const name of names) canonical.set(name.toLowerCase(), first);
      if (/\sSINGLE-VALUE(\s|\))/.test(text)) singleValued.add(first);
    }
    return new ServerSchema(classes, canonical, singleValued);
  }

  /** The attribute's canonical (first) name, lower-cased; options removed. */
  attribute(type: string): string {
    const name = type.split(';')[0].toLowerCase();
    return this.canonical.get(name) ?? name;
  }

  isSingleValued(type: string): boolean {
    return this.singleValued.has(this.attribute(type));
  }

  /**
   * What the server would refuse about an entry with these object classes and attribute types,
   * in the words 389-DS uses (so the explanation is the one a real refusal gets); `written` are
   * the types the record writes, the only ones checked for being allowed.
   */
  violation(
    objectClasses: readonly string[],
    present: readonly string[],
    written: readonly string[],
  ): string | undefined {
    const all: ObjectClassDefinition[] = [];
    const seen = new Set<string>();
    const visit = (name: string): string | undefined => {
      const definition = this.classes.get(name.toLowerCase());
      if (!definition) return name;
      if (seen.has(definition.name)) return undefined;
      seen.add(definition.name);
      all.push(definition);
      for (const superior of definition.superiors) {
        const unknown = visit(superior);
        if (unknown) return unknown;
      }
      return undefined;
    };
    for (const name of objectClasses) {
      const unknown = visit(name);
      if (unknown) return `unknown object class "${unknown}"`;
    }
    const has = new Set(present.map((type) => this.attribute(type)));
    for (const definition of all) {
      for (const required of definition.must) {
        if (!has.has(this.attribute(required)))
          return `missing attribute "${required}" required by object class "${definition.name}"`;
      }
    }
    if (seen.has(this.classes.get('extensibleobject')?.name ?? '\u0000')) return undefined;
    const allowed = new Set(
      all.flatMap((definition) => [...definition.must, ...definition.may]).map((type) => this.attribute(type)),
    );
    allowed.add('objectclass');
    const refused = written.find((type) => !allowed.has(this.attribute(type)));
    return refused ? `attribute "${refused.split(';')[0].toLowerCase()}" not allowed` : undefined;
  }
}

function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** The names after KEYWORD in an RFC 4512 definition: `NAME 'cn'`, `NAME ( 'cn' 'commonName' )`, `MUST ( sn $ cn )`. */
function field(text: string, keyword: string): string[] {
  const match = new RegExp(`\\s${keyword}\\s+(\\([^)]*\\)|'[^']*'|[^\\s)]+)`).exec(text);
  if (!match) return [];
  return match[1]
    .replace(/^\(|\)$/g, '')
    .split(/[\s$]+/)
    .map((part) => part.replace(/^'|'$/g, ''))
    .filter((part) => part.length > 0);
}
