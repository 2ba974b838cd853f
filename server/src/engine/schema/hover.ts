/**
 * Hover from the server's schema, for any attribute and object class: what the catalog says
 * about winsync attributes stays first, and the schema adds how this server defines them.
 */
import type { Position } from '../ldif/ast';
import type { ParsedDocument } from '../document';
import { code } from '../features/support/describe';
import type { Hover } from '../features/hover';
import { locate, modSpecOfHeader } from '../features/support/locate';
import { attributeDetail, describeAttributeType, describeObjectClass, syntaxLabel } from './describe';
import type { Schema } from './schema';
import { suggestName } from './suggest';
import { syntaxRule } from './syntaxes';

/** The hover at `position` with the schema's part added; `catalogHover` is what the catalog alone gives. */
export function schemaHover(
  document: ParsedDocument,
  position: Position,
  schema: Schema,
  catalogHover: Hover | undefined,
): Hover | undefined {
  const { record, line, part } = locate(document, position);
  if (!record || !line || part === undefined || part === 'separator') return catalogHover;
  const keywordLines = [record.dn, record.changeTypeLine, record.newRdn, record.newSuperior, record.deleteOldRdn];
  if (keywordLines.includes(line) || record.controls.some((control) => control.line === line)) return catalogHover;
  const spec = record.kind === 'modify' ? modSpecOfHeader(record, line) : undefined;
  if (spec) {
    if (part === 'name') return catalogHover;
    return withAttribute(spec.attribute.split(';')[0], catalogHover, schema, catalogHover?.range ?? line.valueRange);
  }
  if (part === 'name') return withAttribute(line.name, catalogHover, schema, line.nameRange);
  const value = line.value;
  if (line.name.toLowerCase() === 'objectclass' && value !== undefined && line.encoding !== 'url') {
    return combine(catalogHover, objectClassContents(value.trim(), schema), line.valueRange);
  }
  const type = schema.attributeType(line.name);
  if (!type || line.encoding === 'url') return catalogHover;
  const rule = syntaxRule(type.syntax);
  const verdict = !rule
    ? `Value of ${code(type.name)} — ${syntaxLabel(type, schema)}; 389-DS does not check values of this syntax.`
    : rule.accepts(value, schema.traits)
      ? `Value of ${code(type.name)} — ${syntaxLabel(type, schema)}: valid.`
      : `Value of ${code(type.name)} — ${syntaxLabel(type, schema)}: **not valid**, it takes ${rule.expects} (389-DS answers 21).`;
  return combine(catalogHover, verdict, line.valueRange);
}

function withAttribute(name: string, catalogHover: Hover | undefined, schema: Schema, range: Hover['range']): Hover {
  const type = schema.attributeType(name);
  if (catalogHover) {
    const summary = type
      ? `${attributeDetail(type, schema)}${type.origins.length > 0 ? ` · ${type.origins.join(', ')}` : ''}`
      : 'not defined (an older server, or a typo)';
    return combine(catalogHover, `**In the server's schema:** ${summary}.`, range);
  }
  if (type) return { contents: describeAttributeType(type, schema), range };
  const suggestion = suggestName(name, schema, 'attributeTypes');
  return {
    contents: `**${name}** — not in the server's schema: only an extensibleObject entry can hold it.${suggestion ? ` Did you mean ${code(suggestion)}?` : ''}`,
    range,
  };
}

function objectClassContents(name: string, schema: Schema): string {
  const objectClass = schema.objectClass(name);
  if (objectClass) return describeObjectClass(objectClass);
  const suggestion = suggestName(name, schema, 'objectClasses');
  return `**${name}** — no object class of that name in the server's schema (389-DS answers 65, unknown object class).${suggestion ? ` Did you mean ${code(suggestion)}?` : ''}`;
}

function combine(catalogHover: Hover | undefined, schemaPart: string, range: Hover['range']): Hover {
  if (!catalogHover) return { contents: schemaPart, range };
  return { contents: `${catalogHover.contents}\n\n---\n\n${schemaPart}`, range: catalogHover.range };
}
