/**
 * Builds the record snippets from the snippet spec and the catalog. The language server offers
 * them as completion items where a record starts; snippets/ldif.json holds the same snippets
 * without prefixes, for Insert Snippet only: VS Code offers a prefixed snippet from a file at
 * every position, values included. Pure: no I/O, so the test can rebuild and compare with the
 * committed file.
 */
import type { AttributeSpec, Catalog } from '../../catalog';
import { escapeDnValue } from '../../dn/format';
import type { Line, Part, SnippetSpec } from './parts';
import { SNIPPETS } from './spec';

export interface RecordSnippet {
  readonly name: string;
  /** What to type for it; the completion item's label. */
  readonly prefix: string;
  readonly description: string;
  /** The lines in snippet syntax (tab stops, choices, transforms). */
  readonly body: readonly string[];
  /** The lines as inserted when every default is kept. */
  readonly preview: readonly string[];
}

/** An entry of snippets/ldif.json (no prefix: see above). */
export interface VsCodeSnippet {
  readonly body: readonly string[];
  readonly description: string;
}

// Snippet syntax: in text and placeholder defaults `$`, `}` and `\` are escaped with `\`;
// in choice options `,`, `|` and `\` are.
const escapeText = (value: string) => value.replace(/[$}\\]/g, (c) => `\\${c}`);
const escapeChoice = (value: string) => value.replace(/[,|\\]/g, (c) => `\\${c}`);

/**
 * The characters RFC 4514 escapes inside an attribute value, each as `\XX` (389-DS also
 * escapes `=`). Leading/trailing spaces and a leading `#` are left alone: suffixes start
 * with a type name.
 */
const DN_SPECIALS = ['=', ',', '+', '"', ';', '<', '>', '\\'];

/** `${n/(=)|(,)|…/${1:+\\3D}${2:+\\2C}…/g}`: VS Code rewrites tab stop n's text when the cursor leaves it. */
function dnValueTransform(tabstop: number): string {
  const regex = DN_SPECIALS.map((c) => `(${c.replace(/[\\+]/g, (s) => `\\${s}`)})`).join('|');
  const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  const format = DN_SPECIALS.map((c, i) => `\${${i + 1}:+\\\\${hex(c)}}`).join('');
  return `\${${tabstop}/${regex}/${format}/g}`;
}

/**
 * The words a boolean choice offers, in the spelling the rules' quick fixes write:
 * on/off for `on-off` attributes and those whose default is on/off, true/false otherwise.
 */
function booleanWords(spec: AttributeSpec): string[] {
  if (spec.syntax.kind !== 'boolean') return [];
  const onOff = spec.syntax.dialect === 'on-off' || ['on', 'off'].includes(spec.default?.toLowerCase() ?? '');
  return onOff ? ['on', 'off'] : ['true', 'false'];
}

/** The values a choice offers (documented ones), and every value the server accepts (legacy spellings too). */
function choiceValues(spec: AttributeSpec): { offered: string[]; accepted: string[] } {
  if (spec.syntax.kind === 'enum') {
    return {
      offered: spec.syntax.values.filter((value) => !value.legacy).map((value) => value.value),
      accepted: spec.syntax.values.map((value) => value.value),
    };
  }
  if (spec.syntax.kind === 'boolean') return { offered: booleanWords(spec), accepted: booleanWords(spec) };
  throw new Error(`${spec.name} has ${spec.syntax.kind} syntax; a choice needs an enum or a boolean`);
}

class SnippetBuilder {
  /** The default text of each tab stop. */
  private readonly defined = new Map<number, string>();
  private readonly used = new Set<number>();

  constructor(
    private readonly catalog: Catalog,
    private readonly snippet: string,
  ) {}

  private spec(name: string): AttributeSpec {
    const spec = this.catalog.attribute(name);
    if (!spec) throw new Error(`snippet "${this.snippet}": ${name} is not in the catalog`);
    return spec;
  }

  private define(tabstop: number, value: string): void {
    if (this.defined.has(tabstop))
      throw new Error(`snippet "${this.snippet}": tab stop ${tabstop} is given a value twice`);
    this.defined.set(tabstop, value);
  }

  part(part: Part | string): string {
    if (typeof part === 'string') return escapeText(part);
    switch (part.kind) {
      case 'attr':
        return this.spec(part.name).name;
      case 'choice': {
        const spec = this.spec(part.attribute);
        const { offered, accepted } = choiceValues(spec);
        const first = part.first ?? spec.default;
        if (first !== undefined && !accepted.includes(first)) {
          throw new Error(
            `snippet "${this.snippet}": ${first} is not a value of ${spec.name} (${accepted.join(', ')})`,
          );
        }
        const values = first === undefined ? offered : [first, ...offered.filter((value) => value !== first)];
        this.define(part.tabstop, values[0]);
        return `\${${part.tabstop}|${values.map(escapeChoice).join(',')}|}`;
      }
      case 'default': {
        const spec = this.spec(part.attribute);
        if (spec.default === undefined)
          throw new Error(`snippet "${this.snippet}": ${spec.name} has no default in the catalog`);
        this.define(part.tabstop, spec.default);
        return `\${${part.tabstop}:${escapeText(spec.default)}}`;
      }
      case 'text':
        this.define(part.tabstop, part.text);
        return `\${${part.tabstop}:${escapeText(part.text)}}`;
      case 'mirror':
        this.used.add(part.tabstop);
        return `\${${part.tabstop}}`;
      case 'dn-value':
        this.used.add(part.tabstop);
        return dnValueTransform(part.tabstop);
    }
  }

  line(line: Line): string {
    return line.chunks
      .map((chunk, i) => escapeText(chunk) + (i < line.parts.length ? this.part(line.parts[i]) : ''))
      .join('');
  }

  /** The line as inserted with every default kept; after every line was built, so mirrors know their tab stop's text. */
  preview(line: Line): string {
    return line.chunks
      .map((chunk, i) => chunk + (i < line.parts.length ? this.previewPart(line.parts[i]) : ''))
      .join('');
  }

  private previewPart(part: Part | string): string {
    if (typeof part === 'string') return part;
    switch (part.kind) {
      case 'attr':
        return this.spec(part.name).name;
      case 'mirror':
        return this.defined.get(part.tabstop) ?? '';
      case 'dn-value':
        return escapeDnValue(this.defined.get(part.tabstop) ?? '');
      default:
        return this.defined.get(part.tabstop) ?? '';
    }
  }

  finish(): void {
    for (const tabstop of this.used) {
      if (!this.defined.has(tabstop))
        throw new Error(`snippet "${this.snippet}": tab stop ${tabstop} is repeated but never given a value`);
    }
  }
}

export function buildSnippets(catalog: Catalog, specs: readonly SnippetSpec[] = SNIPPETS): RecordSnippet[] {
  const names = new Set<string>();
  return specs.map((spec) => {
    if (names.has(spec.name)) throw new Error(`two snippets are named "${spec.name}"`);
    names.add(spec.name);
    const builder = new SnippetBuilder(catalog, spec.name);
    const body = spec.body.map((line) => builder.line(line));
    builder.finish();
    const preview = spec.body.map((line) => builder.preview(line));
    return { name: spec.name, prefix: spec.prefix, description: spec.description, body, preview };
  });
}

/** The text of snippets/ldif.json. */
export function renderSnippets(catalog: Catalog): string {
  const file: Record<string, VsCodeSnippet> = {};
  for (const { name, body, description } of buildSnippets(catalog)) file[name] = { body, description };
  return `${JSON.stringify(file, null, 2)}\n`;
}
