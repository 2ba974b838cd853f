/**
 * Hover: what an attribute does and how the server treats it, what an enum or boolean
 * value means, base64 decoded, DNs as RDNs, schedules in words. Content comes from the catalog.
 */
import type { AttrLine, Position, Range } from '../ldif/ast';
import { CHANGE_TYPES, type ChangeType } from '../ldif/ast';
import { rangeIn } from '../ldif/position';
import type { AttributeSpec, Catalog, EntryKind } from '../catalog';
import { matchChoice } from '../catalog/semantics';
import type { ParsedDocument } from '../document';
import {
  code,
  describeAttribute,
  describeBooleanValue,
  PLUGIN_NOT_SYNC_CHECKED,
  summarizeAttribute,
} from './support/describe';
import { describeBase64, describeDn, readSchedule } from './support/describeValue';
import { entryKindOf } from './support/entryKind';
import { CHANGE_TYPE_DOCS, DELETE_OLD_RDN_DOCS, KEYWORD_DOCS, MOD_OP_DOCS } from './support/keywords';
import { locate, modSpecOfHeader, type RecordAt } from './support/locate';
import { schemaHover } from '../schema/hover';
import type { Schema } from '../schema/schema';

export interface Hover {
  /** Markdown. */
  readonly contents: string;
  /** The text the hover is about. */
  readonly range: Range;
}

export function doHover(
  document: ParsedDocument,
  position: Position,
  catalog: Catalog,
  schema?: Schema,
): Hover | undefined {
  const found = catalogHover(document, position, catalog);
  // Issue 16 integration point: with a server schema loaded, it speaks for every attribute and class.
  return schema ? schemaHover(document, position, schema, found) : found;
}

function catalogHover(document: ParsedDocument, position: Position, catalog: Catalog): Hover | undefined {
  const at = locate(document, position);
  const { line, part } = at;
  if (!at.record || !line || part === undefined || part === 'separator') return undefined;
  const here: RecordAt = { record: at.record, view: at.view };
  const record = at.record;
  const range = part === 'name' ? line.nameRange : line.valueRange;
  const onName = part === 'name';

  if (line === record.dn) return hover(dnContents(line, here, catalog), range);
  if (record.controls.some((control) => control.line === line)) return onName ? keyword('control', range) : undefined;
  if (line === record.changeTypeLine) return onName ? keyword('changetype', range) : changeTypeHover(line, range);
  if (line === record.newRdn)
    return onName ? keyword('newrdn', range) : valueHover(line, range, ['**New RDN**', '', ...describeDn(text(line))]);
  if (line === record.newSuperior) {
    return onName
      ? keyword('newsuperior', range)
      : valueHover(line, range, ['**New parent entry**', '', ...describeDn(text(line))]);
  }
  if (line === record.deleteOldRdn) return onName ? keyword('deleteoldrdn', range) : deleteOldRdnHover(line, range);
  const spec = record.kind === 'modify' ? modSpecOfHeader(record, line) : undefined;
  if (spec) {
    if (onName) return spec.op ? hover(`**${spec.op}:** ${MOD_OP_DOCS[spec.op]}`, range) : undefined;
    return attributeHover(spec.attribute.split(';')[0], trimmedValueRange(line), here, catalog);
  }
  if (onName) return attributeHover(line.name, range, here, catalog);
  return attributeValueHover(line, range, catalog);
}

function hover(contents: string, range: Range): Hover {
  return { contents, range };
}

function keyword(name: string, range: Range): Hover {
  return hover(`**${name}:** ${KEYWORD_DOCS[name]}`, range);
}

function text(line: AttrLine): string {
  return line.value ?? line.rawValue;
}

/** The value's range without surrounding spaces (mod-spec headers name an attribute). */
function trimmedValueRange(line: AttrLine): Range {
  const raw = line.rawValue;
  const start = raw.length - raw.trimStart().length;
  const end = raw.trimEnd().length;
  return end > start ? rangeIn(line.line, line.valueOffset + start, line.valueOffset + end) : line.valueRange;
}

/** Hover on a value given as base64 or a URL gets the decoding (or the URL) first. */
function valueHover(line: AttrLine, range: Range, body: string[]): Hover {
  const prefix =
    line.encoding === 'base64'
      ? [describeBase64(line.value, line.bytes), '']
      : line.encoding === 'url'
        ? [`Read from ${code(line.rawValue)} when applied.`, '']
        : [];
  return hover([...prefix, ...body].join('\n').trimEnd(), range);
}

function dnContents(line: AttrLine, here: RecordAt, catalog: Catalog): string {
  const { kind, agreementKind, guessed } = entryKindOf(here, catalog);
  const title = kind ? catalog.title(kind, agreementKind) : undefined;
  const heading = title
    ? `**Entry DN** — ${guessed ? `looks like a ${title} (from its DN and the names it uses)` : title}`
    : '**Entry DN**';
  const lines = [heading, ''];
  if (kind === 'ipa-winsync') lines.push(PLUGIN_NOT_SYNC_CHECKED, '');
  if (line.encoding === 'base64') lines.push(describeBase64(line.value, line.bytes), '');
  if (line.value !== undefined) lines.push(...describeDn(line.value));
  return lines.join('\n').trimEnd();
}

function changeTypeHover(line: AttrLine, range: Range): Hover {
  const value = text(line).trim().toLowerCase();
  if ((CHANGE_TYPES as readonly string[]).includes(value))
    return hover(`**changetype: ${value}** — ${CHANGE_TYPE_DOCS[value as ChangeType]}`, range);
  return hover(`${code(text(line))} is not a changetype: use ${CHANGE_TYPES.map(code).join(', ')}.`, range);
}

function deleteOldRdnHover(line: AttrLine, range: Range): Hover {
  const value = text(line).trim();
  if (value === '0' || value === '1') return hover(`**deleteoldrdn: ${value}** — ${DELETE_OLD_RDN_DOCS[value]}`, range);
  return hover(`${code(value)} is not valid: deleteoldrdn must be 0 or 1.`, range);
}

function attributeHover(name: string, range: Range, here: RecordAt, catalog: Catalog): Hover | undefined {
  const spec = catalog.attribute(name);
  const { kind, agreementKind } = entryKindOf(here, catalog);
  if (spec) {
    const home = catalog.title(spec.entry, spec.onlyFor);
    const otherKind = spec.onlyFor !== undefined && agreementKind !== undefined && spec.onlyFor !== agreementKind;
    // In its own entry the context says where it belongs; elsewhere that comes first.
    const where =
      kind === spec.entry && !otherKind
        ? ''
        : kind
          ? `**Wrong ${otherKind ? 'kind of agreement' : 'entry'}:** this attribute belongs in the ${home}, not in this ${catalog.title(kind, agreementKind)}.\n\n`
          : `*An attribute of the ${home}.*\n\n`;
    return hover(where + describeAttribute(spec), range);
  }
  const unknown = unknownNameContents(name, kind, catalog);
  return unknown ? hover(unknown, range) : undefined;
}

/** A name the catalog does not know, in (or prefixed like) a winsync entry: say so, with the nearest known name. */
function unknownNameContents(name: string, kind: EntryKind | undefined, catalog: Catalog): string | undefined {
  const target = kind ?? catalog.kindByPrefix(name);
  if (!target) return undefined;
  const entry = catalog.entryKind(target);
  if (catalog.isAllowedOn(target, name)) {
    return `**${name}** — one of the generic attributes a ${entry.title} entry carries; the winsync catalog does not describe it.`;
  }
  const suggestion = catalog.suggest(name, target);
  const lines = [`**${name}** — not an attribute of the ${entry.title}.`];
  if (suggestion) lines.push('', `Did you mean ${code(suggestion)}?`);
  lines.push(
    '',
    entry.acceptsAnyAttribute
      ? 'The entry accepts any attribute, so the server stores this one and nothing reads it: the setting silently has no effect.'
      : "The server refuses attributes that the entry's object class does not allow.",
  );
  return lines.join('\n');
}

function attributeValueHover(line: AttrLine, range: Range, catalog: Catalog): Hover | undefined {
  const spec = catalog.attribute(line.name);
  if (!spec) return line.encoding === 'base64' ? valueHover(line, range, []) : undefined;
  const value = line.value;
  const heading = `Value of ${code(spec.name)}`;
  if (value === undefined || line.encoding === 'url') return valueHover(line, range, [heading]);
  const reading = readValue(spec, value);
  if (reading === undefined) return valueHover(line, range, [describeAttribute(spec)]);
  // What is wrong with a bad value, what is allowed and what the server does with it is the
  // diagnostic's to say (the editor shows it in the same hover): here only what the attribute is.
  if (reading === INVALID) return valueHover(line, range, [summarizeAttribute(spec, false)]);
  return valueHover(line, range, [heading, '', ...reading]);
}

const INVALID = 'invalid';

/**
 * What a value of this syntax means; INVALID when it is not a value the syntax allows; undefined
 * when the attribute's own description says it all.
 */
function readValue(spec: AttributeSpec, value: string): string[] | typeof INVALID | undefined {
  const syntax = spec.syntax;
  switch (syntax.kind) {
    case 'enum': {
      const choice = matchChoice(spec, value);
      if (!choice) return INVALID;
      const spelling =
        choice.value === value ? '' : ` (documented spelling ${code(choice.value)}; the server ignores case)`;
      const legacy = choice.legacy ? ' *Older spelling, still accepted.*' : '';
      return [`**${code(choice.value)}**${spelling} — ${choice.doc}${legacy}`];
    }
    case 'boolean':
      return [describeBooleanValue(syntax.dialect, value)];
    case 'dn':
      return describeDn(value);
    case 'schedule': {
      const window = readSchedule(value);
      return window ? [window] : INVALID;
    }
    case 'subtree-pair': {
      const colon = value.indexOf(':');
      if (colon < 0) return INVALID;
      return [
        '**Directory subtree**',
        '',
        ...describeDn(value.slice(0, colon)),
        '',
        '**Active Directory subtree**',
        '',
        ...describeDn(value.slice(colon + 1)),
      ];
    }
    case 'attr-value': {
      const space = value.indexOf(' ');
      if (space <= 0 || space === value.length - 1) return INVALID;
      return [
        `Gives synced users ${code(value.slice(0, space))} = ${code(value.slice(space + 1))} when they do not have that attribute yet.`,
      ];
    }
    default:
      return undefined;
  }
}
