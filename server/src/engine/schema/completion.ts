/**
 * Completion from the server's schema, added to what the catalog offers: attribute names for
 * any add record (MUST not yet present first, then MAY of its classes, then the types any
 * entry may carry), object classes for objectClass values (structural first, auxiliary once a
 * structural class is there), attribute names after `add:`/`replace:`/`delete:`, and values
 * for Boolean (TRUE/FALSE) and GeneralizedTime (now) types. The catalog's items win on a tie.
 */
import type { AttrLine, LdifRecord, Position, Range } from '../ldif/ast';
import { rangeIn } from '../ldif/position';
import type { ParsedDocument } from '../document';
import type { CompletionItem } from '../features/completion';
import { countBefore, locate, modSpecOfHeader, recordEndingAbove } from '../features/support/locate';
import { attributeDetail, describeAttributeType, describeObjectClass } from './describe';
import type { AttributeType, ObjectClass, Schema } from './schema';
import { SYNTAX } from './syntaxes';

const NAME_PREFIX = /^[A-Za-z0-9.;-]*$/;
const NAME_CHAR = /[A-Za-z0-9.;-]/;

export function schemaCompletions(
  document: ParsedDocument,
  position: Position,
  schema: Schema,
  items: readonly CompletionItem[],
): CompletionItem[] {
  const extra = schemaItems(document, position, schema, items);
  if (extra.length === 0) return [...items];
  const taken = new Set(items.map((item) => item.label.toLowerCase()));
  return [...items, ...extra.filter((item) => !taken.has(item.label.toLowerCase()))];
}

function schemaItems(
  document: ParsedDocument,
  position: Position,
  schema: Schema,
  items: readonly CompletionItem[],
): CompletionItem[] {
  const at = locate(document, position);
  if (at.inComment) return [];
  const line = at.line;
  if (at.record && line && at.offset !== undefined) {
    if (at.offset > line.description.length)
      return line.line.segments.length > 1 ? [] : valueItems(at.record, line, at.offset, schema);
    // Editing the name of an existing attribute line of an add record.
    const range = rangeIn(line.line, 0, line.description.length);
    if (
      range.start.line !== position.line ||
      !isAddLike(at.record) ||
      line === at.record.dn ||
      line === at.record.changeTypeLine
    )
      return [];
    if (items.some((item) => item.kind === 'attribute')) return [];
    return nameItems(at.record, position.line, schema).map((item) => ({
      ...item,
      insertText: item.label,
      range,
      retrigger: false,
    }));
  }
  const here = at.record ?? recordEndingAbove(document, position.line)?.record;
  if (!here?.dn || !isAddLike(here) || items.some((item) => item.kind === 'attribute')) return [];
  const changeType = here.changeTypeLine;
  const linesAbove = countBefore(here.lines, position.line, (item) => item.line.range);
  // Right after dn: (and controls) a content record may still get changetype:, which the catalog offers.
  if (linesAbove === 0 || (changeType && changeType.line.range.end.line >= position.line)) return [];
  const text = document.lineText(position.line);
  if (text.startsWith(' ') || !NAME_PREFIX.test(text.slice(0, position.character))) return [];
  let end = position.character;
  while (end < text.length && NAME_CHAR.test(text[end])) end++;
  const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: end } };
  return nameItems(here, position.line, schema).map((item) => ({ ...item, range }));
}

function isAddLike(record: LdifRecord): boolean {
  return record.kind === 'add' || record.kind === 'content';
}

// ---------------------------------------------------------------- attribute names

const attributeDocs = new WeakMap<AttributeType, string>();

function attributeDoc(type: AttributeType, schema: Schema): string {
  let doc = attributeDocs.get(type);
  if (doc === undefined) attributeDocs.set(type, (doc = describeAttributeType(type, schema)));
  return doc;
}

function attributeItem(type: AttributeType, schema: Schema, tier: string, note: string): CompletionItem {
  return {
    label: type.name,
    kind: 'attribute',
    detail: `${attributeDetail(type, schema)}${note}`,
    documentation: attributeDoc(type, schema),
    insertText: `${type.name}: `,
    sortText: `${tier}${type.name.toLowerCase()}`,
    retrigger: type.syntax === SYNTAX.boolean,
  };
}

/**
 * Names for a new line of an add record: the MUST attributes of its classes it lacks, then their
 * MAY attributes, then the operational types any entry may carry; every type when the entry
 * is an extensibleObject or has no known class yet. Server-managed types and single-valued
 * types already present are left out.
 */
function nameItems(record: LdifRecord, cursorLine: number, schema: Schema): CompletionItem[] {
  const present = new Map<AttributeType, number>();
  const classes: ObjectClass[] = [];
  let extensible = false;
  for (const line of record.attributes) {
    if (line.line.range.start.line <= cursorLine && cursorLine <= line.line.range.end.line) continue;
    const type = schema.attributeType(line.name);
    if (type) present.set(type, (present.get(type) ?? 0) + 1);
    if (line.name.toLowerCase() !== 'objectclass' || line.value === undefined) continue;
    if (line.value.trim().toLowerCase() === 'extensibleobject') extensible = true;
    const pending = [schema.objectClass(line.value.trim())];
    for (let objectClass = pending.shift(); objectClass; objectClass = pending.shift()) {
      if (classes.includes(objectClass)) continue;
      classes.push(objectClass);
      pending.push(...objectClass.superiors);
    }
  }
  const offered = new Set<AttributeType>();
  const items: CompletionItem[] = [];
  const offer = (type: AttributeType | undefined, tier: string, note: string) => {
    if (!type || offered.has(type) || type.noUserModification || (type.singleValue && present.has(type))) return;
    offered.add(type);
    items.push(attributeItem(type, schema, tier, note));
  };
  const objectClassType = schema.attributeType('objectClass');
  if (objectClassType && !present.has(objectClassType)) offer(objectClassType, '0', ' · required');
  for (const objectClass of classes) {
    for (const name of objectClass.required) {
      const type = schema.attributeType(name);
      if (type && !present.has(type)) offer(type, '0', ` · required by ${objectClass.name}`);
    }
  }
  for (const objectClass of classes)
    for (const name of objectClass.allowed) offer(schema.attributeType(name), '1', ` · allowed by ${objectClass.name}`);
  const everything = extensible || classes.length === 0;
  for (const type of schema.attributeTypes) {
    if (type.operational) offer(type, '2', ' · operational');
    else if (everything) offer(type, '3', extensible ? ' · extensibleObject' : '');
  }
  return items;
}

// ---------------------------------------------------------------- values

function valueItems(record: LdifRecord, line: AttrLine, offset: number, schema: Schema): CompletionItem[] {
  if (line.encoding !== 'plain') return [];
  const keywordLines = [record.dn, record.changeTypeLine, record.newRdn, record.newSuperior, record.deleteOldRdn];
  if (keywordLines.includes(line) || record.controls.some((control) => control.line === line)) return [];
  const separatorEnd = line.description.length + 1;
  const start = Math.min(offset, line.valueOffset);
  const range = rangeIn(line.line, start, line.line.text.length);
  const space = start === separatorEnd ? ' ' : '';
  const finish = (items: Omit<CompletionItem, 'range'>[]): CompletionItem[] =>
    items.map((item) => ({ ...item, insertText: space + item.insertText, range }));
  const spec = record.kind === 'modify' ? modSpecOfHeader(record, line) : undefined;
  if (spec?.op) {
    return finish(
      schema.attributeTypes
        .filter((type) => !type.noUserModification)
        .map((type) => ({
          ...attributeItem(type, schema, type.operational ? '2' : '1', ''),
          insertText: type.name,
          retrigger: false,
        })),
    );
  }
  if (line.name.toLowerCase() === 'objectclass') return finish(objectClassItems(record, line, schema));
  const type = schema.attributeType(line.name);
  if (type?.syntax === SYNTAX.boolean) {
    return finish(
      ['TRUE', 'FALSE'].map((value, index) => ({
        label: value,
        kind: 'value',
        detail: `${type.name} · Boolean`,
        documentation: 'Boolean values are written TRUE or FALSE, in upper case.',
        insertText: value,
        sortText: String(index),
      })),
    );
  }
  if (type?.syntax === SYNTAX.generalizedTime) {
    const now = generalizedTimeNow();
    return finish([
      {
        label: now,
        kind: 'value',
        detail: `${type.name} · now (UTC)`,
        documentation: 'The current time as a GeneralizedTime: yyyymmddHHMMSS and Z for UTC.',
        insertText: now,
        sortText: '0',
      },
    ]);
  }
  return [];
}

const classDocs = new WeakMap<ObjectClass, string>();

/** Classes not yet named by the record: structural first until it has one, then auxiliary first; abstract last. */
function objectClassItems(record: LdifRecord, line: AttrLine, schema: Schema): Omit<CompletionItem, 'range'>[] {
  const named = new Set<ObjectClass>();
  for (const other of [...record.attributes, ...record.modifications.flatMap((spec) => spec.values)]) {
    if (other === line || other.name.toLowerCase() !== 'objectclass' || other.value === undefined) continue;
    const objectClass = schema.objectClass(other.value.trim());
    if (objectClass) named.add(objectClass);
  }
  const hasStructural = [...named].some((objectClass) => objectClass.kind === 'STRUCTURAL');
  const rank = (objectClass: ObjectClass) => {
    if (objectClass.kind === 'ABSTRACT') return '2';
    return (objectClass.kind === 'STRUCTURAL') !== hasStructural ? '0' : '1';
  };
  return schema.objectClasses
    .filter((objectClass) => !named.has(objectClass))
    .map((objectClass) => {
      let documentation = classDocs.get(objectClass);
      if (documentation === undefined) classDocs.set(objectClass, (documentation = describeObjectClass(objectClass)));
      return {
        label: objectClass.name,
        kind: 'value' as const,
        detail: `objectClass · ${objectClass.kind.toLowerCase()}${objectClass.origins.length > 0 ? ` · ${objectClass.origins[0]}` : ''}`,
        documentation,
        insertText: objectClass.name,
        sortText: `${rank(objectClass)}${objectClass.name.toLowerCase()}`,
      };
    });
}

function generalizedTimeNow(): string {
  return `${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
