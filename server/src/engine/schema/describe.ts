/**
 * Markdown about attribute types and object classes from the server's schema, for hover and
 * completion documentation: what the type or class is, how the server treats it, where it
 * comes from.
 */
import { code } from '../features/support/describe';
import type { AttributeType, ObjectClass, Schema } from './schema';
import { syntaxRule, UNMODELLED_CHECKED_SYNTAXES } from './syntaxes';

/** At most this many class names in a "MUST in / MAY in" list before "and N more". */
const LISTED = 12;

function names(list: readonly { readonly name: string }[]): string {
  const shown = list
    .slice(0, LISTED)
    .map((item) => item.name)
    .join(', ');
  return list.length > LISTED ? `${shown} and ${list.length - LISTED} more` : shown;
}

/** `Directory String (1.3.6.1.4.1.1466.115.121.1.15)` */
export function syntaxLabel(type: AttributeType, schema: Schema): string {
  if (type.syntax === undefined) return 'no syntax given';
  const name = schema.syntaxName(type.syntax);
  return name ? `${name} (${code(type.syntax)})` : code(type.syntax);
}

/** One line for completion details: `Integer · single-valued · MUST in person`. */
export function attributeDetail(type: AttributeType, schema: Schema): string {
  const parts = [
    schema.syntaxName(type.syntax) ?? type.syntax ?? 'no syntax',
    type.singleValue ? 'single-valued' : 'multi-valued',
  ];
  if (type.noUserModification) parts.push('server-managed');
  else if (type.operational) parts.push('operational');
  return parts.join(' · ');
}

export function describeAttributeType(type: AttributeType, schema: Schema): string {
  const definition = type.definition;
  const aliases = definition.names
    .slice(1)
    .map((name) => (type.deprecatedNames.has(name.toLowerCase()) ? `~~${name}~~ (deprecated)` : name));
  const lines = [
    `**${type.name}** — attribute type ${code(type.oid)}${aliases.length > 0 ? `, also ${aliases.join(', ')}` : ''}`,
    '',
  ];
  if (definition.description) lines.push(definition.description, '');
  const facts: string[] = [];
  const rule = syntaxRule(type.syntax);
  const checked = rule
    ? `389-DS accepts ${rule.expects}`
    : type.syntax !== undefined && UNMODELLED_CHECKED_SYNTAXES.has(type.syntax)
      ? '389-DS checks this syntax; winsync-ldif does not'
      : 'values are not checked';
  facts.push(
    `Syntax: ${syntaxLabel(type, schema)}${definition.syntax === undefined && type.syntax !== undefined ? ', inherited' : ''}; ${checked}.`,
  );
  const rules = [
    ['equality', type.equality],
    ['ordering', definition.ordering],
    ['substring', definition.substring],
  ].filter((pair): pair is [string, string] => pair[1] !== undefined);
  if (rules.length > 0) facts.push(`Matching: ${rules.map(([kind, name]) => `${kind} ${name}`).join(', ')}.`);
  facts.push(type.singleValue ? 'Single-valued (SINGLE-VALUE): a second value is refused with 65.' : 'Multi-valued.');
  if (type.noUserModification)
    facts.push('NO-USER-MODIFICATION: only the server writes it; 389-DS silently drops values a client sends.');
  if (type.operational) facts.push(`Operational (${definition.usage}): no object class needs to allow it.`);
  const chain: string[] = [];
  for (let parent = type.superior; parent && chain.length < 10; parent = parent.superior) chain.push(parent.name);
  if (chain.length > 0) facts.push(`Inherits from: ${chain.join(' → ')}.`);
  const must = schema.mustIn(type);
  const may = schema.mayIn(type);
  if (must.length > 0) facts.push(`MUST in: ${names(must)}.`);
  if (may.length > 0) facts.push(`MAY in: ${names(may)}.`);
  if (must.length === 0 && may.length === 0 && !type.operational)
    facts.push('No object class lists it: only an extensibleObject entry can hold it.');
  if (type.origins.length > 0) facts.push(`Origin: ${type.origins.join(', ')}.`);
  if (definition.obsolete) facts.push('OBSOLETE.');
  lines.push(...facts.map((fact) => `- ${fact}`));
  return lines.join('\n');
}

export function describeObjectClass(objectClass: ObjectClass): string {
  const definition = objectClass.definition;
  const aliases = definition.names.slice(1);
  const lines = [
    `**${objectClass.name}** — ${objectClass.kind} object class ${code(objectClass.oid)}${aliases.length > 0 ? `, also ${aliases.join(', ')}` : ''}`,
    '',
  ];
  if (definition.description) lines.push(definition.description, '');
  const chain: string[] = [];
  for (let parent = objectClass.superiors[0]; parent && chain.length < 10; parent = parent.superiors[0])
    chain.push(parent.name);
  const facts: string[] = [];
  const others = objectClass.superiors.slice(1).map((superior) => superior.name);
  if (chain.length > 0)
    facts.push(
      `Superior classes: ${chain.join(' → ')}${others.length > 0 ? `, and also ${others.join(', ')}` : ''} (389-DS adds them to the entry if missing).`,
    );
  facts.push(`MUST: ${listAttributes(objectClass.required, definition.must)}.`);
  facts.push(
    `MAY (${new Set(objectClass.allowed.map((name) => name.toLowerCase())).size}): ${listAttributes(objectClass.allowed, definition.may)}.`,
  );
  if (objectClass.kind === 'AUXILIARY') facts.push('Auxiliary: add it beside a structural class.');
  if (objectClass.name.toLowerCase() === 'extensibleobject')
    facts.push('The entry may hold any attribute type, even ones the schema does not define.');
  if (objectClass.origins.length > 0) facts.push(`Origin: ${objectClass.origins.join(', ')}.`);
  if (definition.obsolete) facts.push('OBSOLETE.');
  lines.push(...facts.map((fact) => `- ${fact}`));
  return lines.join('\n');
}

/** The class's own names first, then the inherited ones in italics; `none` when empty. */
function listAttributes(all: readonly string[], own: readonly string[]): string {
  const ownKeys = new Set(own.map((name) => name.toLowerCase()));
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const name of all) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(ownKeys.has(key) ? name : `*${name}*`);
  }
  return parts.length === 0 ? 'none' : parts.join(', ');
}
