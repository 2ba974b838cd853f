/**
 * 389-DS's checks of an add or modify, in the server's order, as pure functions: what the
 * schema says about a record, and what the server will answer. The order decides the answer
 * when a record has several problems:
 *
 * - reading the request: `increment:` or an `add:` without values → 2; NO-USER-MODIFICATION
 *   types are dropped (a modify of nothing else → 53);
 * - building the entry: a value given twice, or (modify) added again → 20, deleted but absent → 16;
 * - the server's own additions: the RDN's values, superior classes and `top`;
 * - the schema check of the whole resulting entry (the first violation only) → 65;
 * - the syntax check (every bad value, one line each) → 21: of the entry on an add, of the
 *   new values alone on a modify (old bad values do not fail a modify; old 65s do);
 * - modify only: an RDN value removed → 67.
 *
 * Without the live entry a modify is judged by its mod-specs alone; the dry run, which reads
 * the entry, passes it as `current` and gets the full verdict.
 *
 * Each problem is found by the check of the rule that reports it (`rules/schema/<name>.ts`);
 * this module plays the server's order and builds the entry the checks look at.
 */
import type { LdifRecord, ModSpec, Range } from '../ldif/ast';
import { ACCEPTED, type ServerAnswer } from './answers';
import {
  EntryBuilder,
  entryTypeName,
  listKey,
  requestTypeName,
  valueOf,
  type EntryValue,
  type SchemaEntry,
} from './entry';
import type { Finding } from './findings';
import { perSchemaCache, type ObjectClass, type Schema } from './schema';
import { duplicateValueFinding } from '../rules/schema/duplicate-value';
import { findInvalidValues } from '../rules/schema/invalid-syntax';
import { findMissingMust } from '../rules/schema/missing-must';
import { findNoObjectClass } from '../rules/schema/no-object-class';
import { noSuchValueFinding } from '../rules/schema/no-such-value';
import { noUserModificationFinding } from '../rules/schema/no-user-modification';
import { isAlwaysAllowed, notAllowedFinding } from '../rules/schema/not-allowed';
import { rdnValueRemovedFinding } from '../rules/schema/rdn-value-removed';
import { singleValueFinding } from '../rules/schema/single-value';
import { unknownAttributeDeleted, unknownAttributeFinding } from '../rules/schema/unknown-attribute';
import { findUnknownObjectClasses, isExtensibleObject } from '../rules/schema/unknown-object-class';
import { findAddsWithoutValues } from '../rules/ldif/add-without-values';
import { findIncrements } from '../rules/ldif/increment';

export interface RecordCheck {
  /** Every problem found, in the order the server checks. */
  readonly findings: readonly Finding[];
  /** What 389-DS answers the record; code 0 when it accepts it. */
  readonly answer: ServerAnswer;
  /** The findings the answer reports (a 21 lists every bad value; other answers one problem). */
  readonly reported: readonly Finding[];
  /** The entry once the record is applied, when it can be known (an add; a modify given the live entry). */
  readonly entry: SchemaEntry | undefined;
}

export interface ModifyOptions {
  /** The entry as it is now (read by the dry run); without it, only what the mod-specs alone decide is checked. */
  readonly current?: SchemaEntry;
  /** The entry takes any attribute (a winsync entry the catalog knows to be an extensibleObject). */
  readonly acceptsAnyAttribute?: boolean;
}

/** What the server's schema check says about a whole entry: every violation, and the one it reports. */
export interface EntryCheck {
  readonly findings: readonly Finding[];
  readonly reported: Finding | undefined;
}

/** Where a problem about an attribute or class of the entry is shown; undefined when the record does not name it. */
export interface Placement {
  dn?(): Range | undefined;
  /** Where the record names this class (or the class it was added for). */
  objectClass?(objectClass: ObjectClass): Range | undefined;
  /** Where the record names this attribute (server name), when none of its values comes from the record. */
  attribute?(name: string): Range | undefined;
}

/**
 * The server's schema check of an entry as it would be stored: objectClass present, classes
 * known, each class's MUST present, then for each attribute in entry order "allowed by some
 * class" (not for operational types or on an extensibleObject) and SINGLE-VALUE. The server
 * stops at the first failure; all are returned, with the one it reports.
 */
export function checkEntry(entry: SchemaEntry, schema: Schema, placement: Placement = {}): EntryCheck {
  const classAttribute = entry.attributes.find((attribute) => attribute.type.toLowerCase() === 'objectclass');
  const missing = findNoObjectClass((classAttribute?.values.length ?? 0) > 0, () => placement.dn?.());
  if (missing.length > 0) return { findings: missing, reported: missing[0] };
  const classValues = classAttribute?.values ?? [];
  const { known, namedBy, someUnknown, allowed } = classFactsOf(classValues, schema);
  const unknown = someUnknown ? findUnknownObjectClasses(classValues, schema) : NO_FINDINGS;
  // Ranges are worked out only for a finding: most entries have none.
  const must = findMissingMust(
    entry,
    known,
    (index) =>
      classValues[namedBy[index]].line?.valueRange ?? placement.objectClass?.(known[index]) ?? placement.dn?.(),
    schema,
  );
  let reportedByAttribute: Finding | undefined;
  const perAttribute: Finding[] = [];
  for (const attribute of entry.attributes) {
    let notAllowedHere: Finding | undefined;
    const canonical = attribute.attributeType?.lowerName ?? baseType(attribute.type);
    if (allowed !== 'any' && !allowed.has(canonical) && !isAlwaysAllowed(attribute.type, attribute.attributeType)) {
      const lines = attribute.values.flatMap((value) => (value.line ? [value.line] : []));
      const ranges = lines.length > 0 ? lines.map((line) => line.nameRange) : [placement.attribute?.(attribute.type)];
      for (const range of ranges) {
        const finding = attribute.attributeType
          ? notAllowedFinding(attribute.type, attribute.attributeType, known, range, schema)
          : unknownAttributeFinding(lines[0]?.description ?? attribute.type, range, schema);
        perAttribute.push(finding);
        notAllowedHere ??= finding;
      }
    }
    let singleHere: Finding | undefined;
    if (attribute.attributeType?.singleValue && attribute.values.length > 1) {
      const extra = attribute.values
        .slice(1)
        .map((value) => value.line?.valueRange ?? placement.attribute?.(attribute.type) ?? placement.dn?.());
      for (const range of new Set(extra)) {
        const finding = singleValueFinding(attribute.type, attribute.values.length, range, 'the entry would have');
        perAttribute.push(finding);
        singleHere ??= finding;
      }
    }
    // The server checks both for an attribute and keeps the last text: SINGLE-VALUE wins.
    reportedByAttribute ??= singleHere ?? notAllowedHere;
  }
  const findings =
    unknown.length + must.findings.length + perAttribute.length === 0
      ? []
      : [...unknown, ...must.findings, ...perAttribute];
  const reported =
    unknown.length > 0
      ? unknown[unknown.length - 1]
      : must.reported !== undefined
        ? must.findings[must.reported]
        : reportedByAttribute;
  return { findings, reported };
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** What an entry's objectClass values alone decide for the schema check: the same for every entry that has them. */
interface ClassFacts {
  /** The classes the schema knows, each once, in the order the entry names them. */
  readonly known: readonly ObjectClass[];
  /** For each known class, the index of the value that names it. */
  readonly namedBy: readonly number[];
  /** A value names no class the schema knows (extensibleObject aside). */
  readonly someUnknown: boolean;
  /** What the classes allow: `any` on an extensibleObject, or with a class the schema does not know. */
  readonly allowed: ReadonlySet<string> | 'any';
}

/** Most entries of a file share their classes: their facts are worked out once. */
const classFactsByValues = perSchemaCache<ClassFacts>(1_000);

function classFactsOf(values: readonly EntryValue[], schema: Schema): ClassFacts {
  const texts: string[] = [];
  for (const value of values) {
    if (value.text === undefined) return readClassFacts(values, schema);
    texts.push(value.text);
  }
  return classFactsByValues(schema, listKey(texts), () => readClassFacts(values, schema));
}

function readClassFacts(values: readonly EntryValue[], schema: Schema): ClassFacts {
  const known: ObjectClass[] = [];
  const namedBy: number[] = [];
  let extensible = false;
  let someUnknown = false;
  values.forEach((value, index) => {
    if (value.text === undefined) return;
    if (isExtensibleObject(value.text)) extensible = true;
    const objectClass = schema.objectClass(value.text);
    if (!objectClass) {
      if (!isExtensibleObject(value.text) && !value.fromUrl) someUnknown = true;
      return;
    }
    if (known.includes(objectClass)) return;
    known.push(objectClass);
    namedBy.push(index);
  });
  // With a class it does not know, the server stops there, and what that class would allow cannot be told.
  const allowed = extensible || someUnknown ? 'any' : schema.allowedByAny(known);
  return { known, namedBy, someUnknown, allowed };
}

function baseType(type: string): string {
  const semicolon = type.indexOf(';');
  return semicolon < 0 ? type : type.slice(0, semicolon);
}

/** The server's verdict on an add (or content) record. */
export function checkAdd(record: LdifRecord, schema: Schema): RecordCheck {
  const builder = new EntryBuilder(schema, record.dn?.value);
  const early: Finding[] = [];
  let duplicate: Finding | undefined;
  for (const line of record.attributes) {
    const typeName = entryTypeName(schema, line.description);
    const { name, type } = typeName;
    // The server looks the type up as sent, options included: `modifyTimestamp;x` is not dropped.
    if (type?.noUserModification && line.options.length === 0) {
      early.push(noUserModificationFinding(type.name, line.nameRange, false));
      continue;
    }
    const value = valueOf(line);
    if (!builder.add(line.description, value, typeName)) {
      const finding = duplicateValueFinding(name, type, value.text, line.valueRange, 'in this record');
      early.push(finding);
      duplicate ??= finding;
    }
  }
  builder.addRdnValues();
  builder.expandObjectClasses();
  const entry = builder.entry();
  const placement = addPlacement(record, schema);
  const schemaCheck = checkEntry(entry, schema, placement);
  const syntax: Finding[] = [];
  for (const attribute of entry.attributes)
    for (const finding of findInvalidValues(attribute.type, attribute.attributeType, attribute.values, schema))
      syntax.push(finding);
  const findings =
    early.length + schemaCheck.findings.length + syntax.length === 0
      ? []
      : [...early, ...schemaCheck.findings, ...syntax];
  return verdict(findings, duplicate ? [duplicate] : schemaCheck.reported ? [schemaCheck.reported] : syntax, entry);
}

/** Where an add record names each class: the class itself, or the class whose superior chain brought it in. */
function addPlacement(record: LdifRecord, schema: Schema): Placement {
  // Ranges are worked out only for a finding: most entries have none.
  const dn = () => record.dn?.nameRange;
  return {
    dn,
    objectClass: (objectClass) => {
      for (const line of record.attributes) {
        if (line.name.toLowerCase() !== 'objectclass' || line.value === undefined) continue;
        const pending = [schema.objectClass(line.value)];
        for (let named = pending.shift(); named; named = pending.shift()) {
          if (named === objectClass) return line.valueRange;
          pending.push(...named.superiors);
        }
      }
      return dn();
    },
    attribute: dn,
  };
}

/** The server's verdict on a modify record: from its mod-specs alone, or played on `current`. */
export function checkModify(record: LdifRecord, schema: Schema, options: ModifyOptions = {}): RecordCheck {
  const specs = record.modifications.filter((spec) => spec.op !== undefined && spec.attribute !== '');
  // Refused while the server reads the request: nothing else is looked at.
  const decoding = [...findIncrements(specs), ...findAddsWithoutValues(specs)];
  const dropped = specs.filter((spec) => schema.attributeType(spec.attribute)?.noUserModification);
  const alone = dropped.length > 0 && dropped.length === specs.length;
  const numFindings = dropped.map((spec) =>
    noUserModificationFinding(schema.attributeType(spec.attribute)?.name ?? spec.attribute, headerRange(spec), alone),
  );
  const kept = specs.filter((spec) => !dropped.includes(spec) && spec.op !== 'increment');
  const syntax = kept
    .filter((spec) => spec.op === 'add' || spec.op === 'replace')
    .flatMap((spec) =>
      findInvalidValues(
        requestTypeName(schema, spec.attribute),
        entryTypeName(schema, spec.attribute).type,
        spec.values.map(valueOf),
        schema,
      ),
    );
  const early = [...decoding, ...numFindings];
  const refused = decoding[0] ?? (alone ? numFindings[0] : undefined);
  if (options.current) {
    const played = playModify(kept, record, schema, options.current);
    const findings = [...early, ...played.findings, ...syntax];
    const reported = refused
      ? [refused]
      : played.reported
        ? [played.reported]
        : syntax.length > 0
          ? syntax
          : played.rdn
            ? [played.rdn]
            : [];
    return verdict(
      findings,
      reported,
      refused || played.reported || syntax.length > 0 || played.rdn ? undefined : played.entry,
    );
  }
  const alonePart = modSpecFindings(kept, schema, options);
  const findings = [...early, ...alonePart.findings, ...syntax];
  const reported = refused ? [refused] : alonePart.reported ? [alonePart.reported] : syntax;
  return verdict(findings, reported, undefined);
}

function verdict(
  findings: readonly Finding[],
  reported: readonly Finding[],
  entry: SchemaEntry | undefined,
): RecordCheck {
  if (reported.length === 0) return { findings, answer: ACCEPTED, reported, entry };
  const first = reported[0].answer;
  // A 21 lists every bad value, one line each.
  const answer =
    first.code === 21 ? { code: 21, text: reported.map((finding) => finding.answer.text).join('\n') } : first;
  return { findings, answer, reported, entry };
}

function headerRange(spec: ModSpec): Range {
  return spec.header.valueRange;
}

/**
 * What the mod-specs decide whatever the entry holds: a value repeated in one mod-spec (20),
 * an unknown type written (65 unless the entry is an extensibleObject; deleting one gets 16),
 * more than one value for a SINGLE-VALUE type (65).
 */
function modSpecFindings(
  specs: readonly ModSpec[],
  schema: Schema,
  options: ModifyOptions,
): { findings: Finding[]; reported: Finding | undefined } {
  const extensible =
    options.acceptsAnyAttribute === true ||
    specs.some(
      (spec) =>
        isObjectClassSpec(spec, schema) &&
        spec.op !== 'delete' &&
        spec.values.some((line) => isExtensibleObject(line.value ?? '')),
    );
  const duplicates: Finding[] = [];
  const schemaFindings: Finding[] = [];
  const deletes: Finding[] = [];
  for (const spec of specs) {
    const { name, type } = entryTypeName(schema, spec.attribute);
    const writes = spec.op === 'add' || spec.op === 'replace';
    const { findings: repeats, distinct } = repeatedValues(spec, name, schema);
    if (writes) duplicates.push(...repeats);
    if (!type) {
      if (extensible) continue;
      if (writes) schemaFindings.push(unknownAttributeFinding(spec.attribute, headerRange(spec), schema));
      else deletes.push(unknownAttributeDeleted(spec.attribute, headerRange(spec), schema));
      continue;
    }
    if (writes && type.singleValue && distinct > 1) {
      schemaFindings.push(singleValueFinding(name, distinct, spec.values[1].valueRange, `this ${spec.op}: gives it`));
    }
  }
  const reported = duplicates[0] ?? schemaFindings[0];
  return { findings: [...duplicates, ...schemaFindings, ...deletes], reported };
}

function isObjectClassSpec(spec: ModSpec, schema: Schema): boolean {
  return entryTypeName(schema, spec.attribute).name.toLowerCase() === 'objectclass';
}

/** Values repeated in one mod-spec (20), and how many distinct values it gives. */
function repeatedValues(spec: ModSpec, name: string, schema: Schema): { findings: Finding[]; distinct: number } {
  const builder = new EntryBuilder(schema, undefined);
  const findings: Finding[] = [];
  let distinct = 0;
  for (const line of spec.values) {
    const value = valueOf(line);
    if (builder.add(spec.attribute, value)) distinct++;
    else
      findings.push(
        duplicateValueFinding(
          name,
          entryTypeName(schema, spec.attribute).type,
          value.text,
          line.valueRange,
          `in this ${spec.op}:`,
        ),
      );
  }
  return { findings, distinct };
}

interface Played {
  readonly findings: Finding[];
  /** The first failure of building or of the schema check (the RDN check comes after the syntax check). */
  readonly reported: Finding | undefined;
  readonly rdn: Finding | undefined;
  readonly entry: SchemaEntry;
}

/**
 * The modify played on the live entry as the server plays it: mod-specs in order (the first
 * that cannot apply ends the operation), classes expanded when objectClass changed, then the
 * schema check of the result. Violations the entry had before the record are marked so.
 */
function playModify(specs: readonly ModSpec[], record: LdifRecord, schema: Schema, current: SchemaEntry): Played {
  const builder = EntryBuilder.from(current, schema);
  let failed: Finding | undefined;
  for (const spec of specs) {
    failed = applySpec(builder, spec, schema);
    // The server stops at the first mod-spec that cannot apply: nothing after it is looked at.
    if (failed) return { findings: [failed], reported: failed, rdn: undefined, entry: builder.entry() };
  }
  if (specs.some((spec) => isObjectClassSpec(spec, schema))) builder.expandObjectClasses();
  const entry = builder.entry();
  const touched = (name: string) =>
    specs.filter((spec) => entryTypeName(schema, spec.attribute).name.toLowerCase() === name.toLowerCase()).pop();
  const classSpec = specs.filter((spec) => isObjectClassSpec(spec, schema)).pop();
  const placement: Placement = {
    dn: undefined,
    objectClass: () => (classSpec ? headerRange(classSpec) : undefined),
    attribute: (name) => {
      const spec = touched(name) ?? classSpec;
      return spec ? headerRange(spec) : undefined;
    },
  };
  const before = new Set(checkEntry(current, schema).findings.map((finding) => finding.answer.text));
  const after = checkEntry(entry, schema, placement);
  const marked = (finding: Finding): Finding =>
    finding.range === undefined && before.has(finding.answer.text)
      ? { ...finding, preexisting: true, problem: `Already so before this record: ${finding.problem}` }
      : finding;
  const findings = after.findings.map(marked);
  const reported = after.reported ? findings[after.findings.indexOf(after.reported)] : undefined;
  const rdn = builder.hasRdnValues() ? undefined : rdnValueRemovedFinding(record.dn?.valueRange);
  if (rdn) findings.push(rdn);
  return { findings, reported, rdn, entry };
}

/** One mod-spec on the entry; the failure (16 or 20) when it cannot apply. */
function applySpec(builder: EntryBuilder, spec: ModSpec, schema: Schema): Finding | undefined {
  const { name, type } = entryTypeName(schema, spec.attribute);
  const values: EntryValue[] = spec.values.map(valueOf);
  switch (spec.op) {
    case 'add':
      for (const [index, value] of values.entries()) {
        if (!builder.add(spec.attribute, value))
          return duplicateValueFinding(name, type, value.text, spec.values[index].valueRange, 'on the entry');
      }
      return undefined;
    case 'delete':
      if (values.length === 0)
        return builder.removeAttribute(spec.attribute)
          ? undefined
          : noSuchValueFinding(name, undefined, headerRange(spec));
      for (const [index, value] of values.entries()) {
        if (!builder.removeValue(spec.attribute, value))
          return noSuchValueFinding(name, value.text ?? '', spec.values[index].valueRange);
      }
      return undefined;
    case 'replace':
      builder.removeAttribute(spec.attribute);
      for (const [index, value] of values.entries()) {
        if (!builder.add(spec.attribute, value))
          return duplicateValueFinding(name, type, value.text, spec.values[index].valueRange, 'in this replace:');
      }
      return undefined;
    default:
      return undefined;
  }
}
