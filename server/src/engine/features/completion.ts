/**
 * Completion: attribute names valid where the cursor is (plugin entry, agreement, mod-spec),
 * LDIF keywords (changetype, mod-ops, `-`), values (enums, booleans, changetypes), and
 * whole-record snippets where a record starts. Every item carries its documentation; names and
 * values come from the catalog.
 */
import type { AttrLine, LdifRecord, ModSpec, Position, Range } from '../ldif/ast';
import { CHANGE_TYPES, MOD_OPS, RENAME_KEYWORDS } from '../ldif/ast';
import { rangeIn } from '../ldif/position';
import type { AttributeSpec, Catalog, EntryKind } from '../catalog';
import type { ParsedDocument } from '../document';
import { booleanChoiceDoc, booleanChoices, codeBlock, describeAttribute, shortSyntax } from './support/describe';
import { buildSnippets } from './snippets/build';
import { entryKindOf, type KindGuess } from './support/entryKind';
import { CHANGE_TYPE_DOCS, DELETE_OLD_RDN_DOCS, KEYWORD_DOCS, MOD_OP_DOCS } from './support/keywords';
import { countBefore, locate, modSpecOfHeader, recordEndingAbove, type RecordAt } from './support/locate';
import { schemaCompletions } from '../schema/completion';
import type { Schema } from '../schema/schema';

export type CompletionKind = 'attribute' | 'value' | 'keyword' | 'snippet';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown next to the label. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Snippet syntax for `snippet` items, plain text for the others. */
  readonly insertText: string;
  /** The text `insertText` replaces (it always contains the cursor); the cursor position when absent. */
  readonly range?: Range;
  readonly sortText?: string;
  /** Ask for completion again after inserting, because what follows has suggestions too. */
  readonly retrigger?: boolean;
}

/** An item before it knows what text it replaces; `insertText` is the form for an empty line. */
type Draft = Omit<CompletionItem, 'range'>;

const NAME_PREFIX = /^[A-Za-z0-9.;-]*$/;
const NAME_CHAR = /[A-Za-z0-9.;-]/;

export function doComplete(
  document: ParsedDocument,
  position: Position,
  catalog: Catalog,
  schema?: Schema,
): CompletionItem[] {
  const items = catalogItems(document, position, catalog);
  // Issue 16 integration point: with a server schema loaded, any attribute and class completes.
  return schema ? schemaCompletions(document, position, schema, items) : items;
}

function catalogItems(document: ParsedDocument, position: Position, catalog: Catalog): CompletionItem[] {
  const at = locate(document, position);
  if (at.inComment) return [];
  const here: RecordAt | undefined = at.record
    ? { record: at.record, view: at.view }
    : recordEndingAbove(document, position.line);
  const line = at.line;
  if (line && here && at.offset !== undefined) {
    // Editors take single-line edits only; enum and boolean values are not folded in practice.
    if (at.offset > line.description.length) {
      return line.line.folded ? [] : valueItems(line, at.offset, here, catalog);
    }
    // In the name of an existing line: replace the name, keep the colon and value.
    const range = rangeIn(line.line, 0, line.description.length);
    if (range.start.line !== position.line || range.end.line !== position.line) return [];
    return lineStartDrafts(here, position.line, catalog)
      .filter((draft) => draft.insertText.endsWith(': '))
      .map((draft) => ({ ...draft, insertText: draft.insertText.slice(0, -2), range, retrigger: false }));
  }
  // A line the parser holds no attribute line for: blank, a name typed without its colon yet, or `-`.
  const text = document.lineText(position.line);
  const before = text.slice(0, position.character);
  if (text.startsWith(' ') || !NAME_PREFIX.test(before)) return [];
  let end = position.character;
  while (end < text.length && NAME_CHAR.test(text[end])) end++;
  const range: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: end } };
  const drafts = here ? lineStartDrafts(here, position.line, catalog) : [keywordDraft('dn', '0')];
  if (startsRecord(here, position.line)) {
    // A record right below would run on into the snippet's last line: keep a blank line between.
    const followed = document.lineText(position.line + 1).trim() !== '';
    drafts.push(...snippetDrafts(catalog, followed));
  }
  return drafts.map((draft) => ({ ...draft, range }));
}

/** Whether a record starts on `line`: no record line above it that a line here would continue. */
function startsRecord(here: RecordAt | undefined, line: number): boolean {
  return !here || countBefore(here.record.lines, line, (item) => item.line.range) === 0;
}

// ---------------------------------------------------------------- record snippets

const snippetDraftsOf = new WeakMap<Catalog, Draft[]>();

/** The whole-record snippets, built from the catalog once; `separate` ends each with a blank line. */
function snippetDrafts(catalog: Catalog, separate: boolean): Draft[] {
  let drafts = snippetDraftsOf.get(catalog);
  if (!drafts) {
    drafts = buildSnippets(catalog).map((snippet, index) => ({
      label: snippet.prefix,
      kind: 'snippet',
      detail: snippet.name,
      documentation: `${snippet.description}\n\n${codeBlock(snippet.preview.join('\n'), 'ldif')}`,
      insertText: snippet.body.join('\n'),
      sortText: `1${String(index).padStart(2, '0')}`,
    }));
    snippetDraftsOf.set(catalog, drafts);
  }
  return separate ? drafts.map((draft) => ({ ...draft, insertText: `${draft.insertText}\n` })) : drafts;
}

// ---------------------------------------------------------------- line start

/** What may start line `line` of the record, judged by the lines above it. */
function lineStartDrafts(here: RecordAt, line: number, catalog: Catalog): Draft[] {
  const { record } = here;
  const count = countBefore(record.lines, line, (item) => item.line.range);
  if (count === 0) return [keywordDraft('dn', '0')];
  if (!record.dn) return [];
  const target = entryKindOf(here, catalog);
  const changeType = record.changeTypeLine;
  if (changeType && changeType.line.range.end.line < line) return afterChangeType(record, target, line, count, catalog);
  // Only dn: and controls above: changetype: may still come. (`control:` lines with no changetype
  // after them yet are parsed as attributes, so they are recognised by name here.)
  const headerOnly = count <= 1 + record.controls.length || isControlRun(record.lines, count);
  if (changeType) return headerOnly ? [keywordDraft('control', '1')] : [];
  const drafts: Draft[] = headerOnly ? [keywordDraft('changetype', '0', true), keywordDraft('control', '3')] : [];
  return [...drafts, ...attributeDrafts(target, catalog, presentSingleValued(record, line, catalog))];
}

function isControlRun(lines: readonly AttrLine[], count: number): boolean {
  for (let i = 1; i < count; i++) if (lines[i].name.toLowerCase() !== 'control') return false;
  return true;
}

function afterChangeType(
  record: LdifRecord,
  target: KindGuess,
  line: number,
  count: number,
  catalog: Catalog,
): Draft[] {
  switch (record.kind) {
    case 'add':
      return attributeDrafts(target, catalog, presentSingleValued(record, line, catalog));
    case 'modify':
      return modifyDrafts(record, line, catalog);
    case 'modrdn':
    case 'moddn': {
      const order = RENAME_KEYWORDS;
      const last = Math.max(-1, ...record.lines.slice(0, count).map((item) => order.indexOf(item.name.toLowerCase())));
      return order.slice(last + 1).map((name, index) => keywordDraft(name, String(index), name === 'deleteoldrdn'));
    }
    default:
      return [];
  }
}

/** In a modify record: the open mod-spec's `X:` and `-`, or the mod-ops when no mod-spec is open. */
function modifyDrafts(record: LdifRecord, line: number, catalog: Catalog): Draft[] {
  const specs = record.modifications;
  const spec: ModSpec | undefined = specs[countBefore(specs, line, (item) => item.header.line.range) - 1];
  const open = spec?.op !== undefined && (spec.terminator === undefined || spec.terminator.start.line >= line);
  if (!spec || !open) {
    return MOD_OPS.map((op, index) => ({
      label: op,
      kind: 'keyword',
      detail: `mod-spec: ${op} an attribute's values`,
      documentation: MOD_OP_DOCS[op],
      insertText: `${op}: `,
      sortText: `0${index}`,
      retrigger: true,
    }));
  }
  const attribute = catalog.attribute(spec.attribute.split(';')[0]);
  const hasValues = spec.values.some((value) => value.line.range.end.line < line);
  const closeFirst = hasValues || spec.op === 'delete';
  const valueLine: Draft = {
    label: spec.attribute,
    kind: 'attribute',
    detail: `value line for ${spec.op}: ${spec.attribute}`,
    documentation: attribute ? attributeDoc(attribute) : `A value for the mod-spec \`${spec.op}: ${spec.attribute}\`.`,
    insertText: `${spec.attribute}: `,
    sortText: closeFirst ? '1' : '0',
    retrigger: attribute !== undefined && hasValueChoices(attribute),
  };
  const close: Draft = {
    label: '-',
    kind: 'keyword',
    detail: `close ${spec.op}: ${spec.attribute}`,
    documentation: `${KEYWORD_DOCS['-']} Every mod-spec ends with a line holding only \`-\`.`,
    insertText: '-',
    sortText: closeFirst ? '0' : '1',
  };
  // `replace:` without an attribute yet has no value line to offer.
  return spec.attribute === '' ? [close] : [valueLine, close];
}

function keywordDraft(name: string, sortText: string, retrigger = false): Draft {
  return {
    label: name,
    kind: 'keyword',
    detail: 'LDIF keyword',
    documentation: KEYWORD_DOCS[name],
    insertText: `${name}: `,
    sortText,
    retrigger,
  };
}

// ---------------------------------------------------------------- attribute names

const docs = new WeakMap<AttributeSpec, string>();

function attributeDoc(spec: AttributeSpec): string {
  let doc = docs.get(spec);
  if (doc === undefined) {
    doc = describeAttribute(spec);
    docs.set(spec, doc);
  }
  return doc;
}

function hasValueChoices(spec: AttributeSpec): boolean {
  return spec.syntax.kind === 'enum' || spec.syntax.kind === 'boolean';
}

/** Lower-case names of single-valued attributes the record already has (the cursor's line left out). */
function presentSingleValued(record: LdifRecord, cursorLine: number, catalog: Catalog): Set<string> {
  const present = new Set<string>();
  for (const item of record.attributes) {
    if (item.line.range.start.line <= cursorLine && cursorLine <= item.line.range.end.line) continue;
    const spec = catalog.attribute(item.name);
    if (spec && !spec.multiValued) present.add(spec.name.toLowerCase());
  }
  return present;
}

/**
 * The names an author writes on an entry of this kind: catalog attributes (server-managed
 * status attributes left out), then the generic ones the entry also carries.
 */
function attributeDrafts(
  { kind, agreementKind }: KindGuess,
  catalog: Catalog,
  exclude: ReadonlySet<string> = new Set(),
  filter?: (spec: AttributeSpec) => boolean,
): Draft[] {
  if (!kind) return [];
  const drafts: Draft[] = [];
  catalog.attributesOf(kind).forEach((spec, index) => {
    if (spec.serverManaged || exclude.has(spec.name.toLowerCase()) || (filter && !filter(spec))) return;
    // An agreement of a known kind is offered only what that kind takes.
    if (spec.onlyFor && agreementKind && spec.onlyFor !== agreementKind) return;
    const required = spec.requiredOnAdd === true ? ' · required' : '';
    drafts.push({
      label: spec.name,
      kind: 'attribute',
      detail: `${spec.group} · ${shortSyntax(spec.syntax)}${required}`,
      documentation: attributeDoc(spec),
      insertText: `${spec.name}: `,
      sortText: `1${String(index).padStart(3, '0')}`,
      retrigger: hasValueChoices(spec),
    });
  });
  if (filter) return drafts;
  const entry = catalog.entryKind(kind);
  entry.otherAllowed.forEach((name, index) => {
    if (catalog.attribute(name)) return;
    drafts.push({
      label: name,
      kind: 'attribute',
      detail: 'generic attribute',
      documentation: `A generic attribute of the ${entry.title} entry (not a winsync setting; the catalog does not describe it).`,
      insertText: `${name}: `,
      sortText: `2${String(index).padStart(3, '0')}`,
    });
  });
  return drafts;
}

// ---------------------------------------------------------------- values

function valueItems(line: AttrLine, offset: number, here: RecordAt, catalog: Catalog): CompletionItem[] {
  if (line.encoding !== 'plain') return [];
  const { record } = here;
  const separatorEnd = line.description.length + 1;
  const start = Math.min(offset, line.valueOffset);
  const range = rangeIn(line.line, start, line.line.text.length);
  // `attr:|` gets a space before the value, as LDIF is usually written.
  const space = start === separatorEnd ? ' ' : '';
  const finish = (drafts: Draft[]): CompletionItem[] =>
    drafts.map((draft) => ({ ...draft, insertText: space + draft.insertText, range }));

  if (line === record.changeTypeLine) {
    return finish(
      CHANGE_TYPES.map((type, index) => ({
        label: type,
        kind: 'keyword',
        detail: 'changetype',
        documentation: CHANGE_TYPE_DOCS[type],
        insertText: type,
        sortText: String(index),
      })),
    );
  }
  if (line === record.deleteOldRdn) {
    return finish(
      (['1', '0'] as const).map((value, index) => ({
        label: value,
        kind: 'value',
        detail: 'deleteoldrdn',
        documentation: DELETE_OLD_RDN_DOCS[value],
        insertText: value,
        sortText: String(index),
      })),
    );
  }
  if (line === record.dn || line === record.newRdn || line === record.newSuperior) return [];
  if (record.controls.some((control) => control.line === line)) return [];
  const spec = record.kind === 'modify' ? modSpecOfHeader(record, line) : undefined;
  if (spec?.op) {
    const target = entryKindOf(here, catalog);
    const integers =
      spec.op === 'increment' ? (candidate: AttributeSpec) => candidate.syntax.kind === 'integer' : undefined;
    return finish(
      attributeDrafts(target, catalog, new Set(), integers).map((draft) => ({
        ...draft,
        insertText: draft.label,
        retrigger: false,
      })),
    );
  }
  if (line.name.toLowerCase() === 'objectclass') {
    const { kind } = entryKindOf(here, catalog);
    return kind ? finish(objectClassDrafts(kind, catalog)) : [];
  }
  const attribute = catalog.attribute(line.name);
  return attribute ? finish(valueDrafts(attribute)) : [];
}

/** The object classes the catalog lists for the entry kind, the identifying one first. */
function objectClassDrafts(kind: EntryKind, catalog: Catalog): Draft[] {
  return catalog.entryKind(kind).objectClasses.map((objectClass, index) => ({
    label: objectClass.name,
    kind: 'value',
    detail: `objectClass · ${catalog.entryKind(kind).title}`,
    documentation: objectClass.doc,
    insertText: objectClass.name,
    sortText: `${objectClass.identifies ? 0 : 1}${index}`,
  }));
}

/** Enum values (documented first, older spellings last) or the dialect's boolean spellings. */
function valueDrafts(spec: AttributeSpec): Draft[] {
  const syntax = spec.syntax;
  const isDefault = (value: string) => spec.default !== undefined && spec.default.toLowerCase() === value.toLowerCase();
  if (syntax.kind === 'enum') {
    return syntax.values.map((choice, index) => ({
      label: choice.value,
      kind: 'value',
      detail: `${spec.name}${isDefault(choice.value) ? ' · default' : ''}${choice.legacy ? ' · older spelling' : ''}`,
      documentation: choice.doc,
      insertText: choice.value,
      sortText: `${choice.legacy ? 1 : 0}${String(index).padStart(2, '0')}`,
    }));
  }
  if (syntax.kind === 'boolean') {
    return booleanChoices(syntax.dialect).map((choice, index) => ({
      label: choice.value,
      kind: 'value',
      detail: `${spec.name} · ${choice.meaning ? 'true' : 'false'}${isDefault(choice.value) ? ' · default' : ''}`,
      documentation: booleanChoiceDoc(syntax.dialect, choice),
      insertText: choice.value,
      sortText: `${choice.primary ? 0 : 1}${index}`,
    }));
  }
  return [];
}
