/**
 * The shortcut that lets `check` read a large file in about half the time of parsing it all:
 * nearly every record of a change file is an ordinary entry about which neither the parser nor
 * any record rule has anything to say, and building and checking those records was most of the
 * time. `QuietRecords` reads a piece's text line by line without building anything and calls a
 * block quiet only when every line has a shape that can give no diagnostic. Any doubt, every
 * record that could be a winsync entry and every record naming a catalog attribute goes to the
 * parser and the rules as before, so what the catalog knows is asked of the catalog, never
 * repeated here. test/engine/rules/quietRecords.test.ts holds it to that: a block called quiet
 * gets no diagnostic from the full check, and a whole check finds the same with and without it.
 * Schema checks need every entry, so `check --schema` does not use it. The language server
 * asks it about the blocks of a paste (`quietKind`), for the same reason.
 */
import type { Catalog } from '../catalog';
import { isPlainDn } from '../dn/dn';
import { CHANGE_TYPES, LDIF_KEYWORDS, type ChangeType, type RecordKind } from '../ldif/ast';
import { isAttributeDescription, isBase64 } from '../ldif/attrLine';
import { hasContent } from '../ldif/lines';
import { base64ToBytes, utf8Text } from '../util/bytes';
import { isAgreementClass, mayEndInConfig } from '../model/entryView';
import { mayBeBelowMappingTree } from './dn/agreement-parent';
import type { TextPart } from '../partsCheck';

/** What a description as written is, worked out once per spelling: a file repeats a few dozen. */
interface NameFacts {
  readonly description: string;
  /** The description and its colon, as a line starts. */
  readonly head: string;
  readonly valid: boolean;
  /** The keyword the description is, written in lower case and without options (`dn`, `replace`, …). */
  readonly keyword: string | undefined;
  /** Its type is a keyword in some spelling, or a catalog attribute, or has a catalog prefix: only the full check judges it. */
  readonly special: boolean;
  /** Its type is objectClass, whose values may make the record an agreement. */
  readonly objectClass: boolean;
  /** Shared by the spellings that are one description in any case: for values given twice, and replaces. */
  readonly group: NameGroup;
  /** The description of the line that followed this one last time: the next line is tried against it first. */
  next: NameFacts | undefined;
}

/** One description (in any case), marked with the records that last named it. */
interface NameGroup {
  /** The record whose attribute list last held it, and the first value it had there. */
  record: number;
  firstStart: number;
  firstEnd: number;
  /** The first value was folded or base64: its text is not the text between those offsets. */
  firstOpaque: boolean;
  /** Its values in that record, once a second one came (then `valuesRecord` is that record). */
  readonly values: ValueList;
  valuesRecord: number;
  /** The modify that last replaced it. */
  replacedIn: number;
}

/** An objectClass value met before: whether it makes an agreement, and the record that last gave it. */
interface ClassValue {
  readonly text: string;
  readonly agreement: boolean;
  record: number;
  /** The value that followed it last time: the next objectClass value is tried against it first. */
  next: ClassValue | undefined;
}

/** Distinct objectClass values kept at most; past them, a record with a new one goes to the full check. */
const MAX_CLASS_VALUES = 1024;

/** A control the parser reads without a finding, with nothing a rule looks at: an OID and its criticality. */
const PLAIN_CONTROL = /^[0-9]+(?:\.[0-9]+)*(?: (?:true|false))?$/;

/** Spellings kept at most; a hostile file with a new description on every line starts again. */
const MAX_NAMES = 4096;

const enum Phase {
  /** Expecting the dn: line. */
  dn,
  /** After dn:, a changetype: or control: line or the first attribute of a content record. */
  afterDn,
  /** After a control: line, more controls or the changetype: line that makes them controls. */
  controls,
  /** Attribute lines of a content or add record. */
  attributes,
  /** A delete: nothing may follow. */
  nothing,
  /** A rename, expecting newrdn:, then deleteoldrdn:, then newsuperior: or the end. */
  newRdn,
  deleteOldRdn,
  newSuperior,
  /** A modify, expecting an operation line. */
  operation,
  /** A modify inside a mod-spec: its values or its "-". */
  modValues,
}

const enum Encoding {
  plain,
  base64,
}

/**
 * Finds the quiet blocks of each piece of one input, given in order from its start: it numbers
 * the lines as it reads them, and the first content record and the first change record always
 * go to the full check, which compares them (ldif/mixed-records).
 */
export class QuietRecords {
  readonly #catalog: Catalog;
  readonly #names = new Map<string, NameFacts>();
  /** The same facts by length and first character (`shapeOf`): a line's description is found without a copy of it. */
  #byShape: (NameFacts[] | undefined)[] = [];
  readonly #groups = new Map<string, NameGroup>();
  #contentSeen = false;
  #changeSeen = false;
  /** Counts records, to mark name groups. */
  #record = 0;
  /** The line the next piece starts on: the input's lines are counted here, as they are read. */
  #firstLine = 0;
  /** The description of the last attribute line looked up, whose `next` predicts the next one. */
  #previous: NameFacts | undefined;
  readonly #classValues: ClassValue[] = [];
  #previousClass: ClassValue | undefined;

  // The block being read: its text, where the logical line starts and ends, its continuations.
  #text = '';
  #lineStart = 0;
  #lineEnd = 0;
  /** Start and end of each continuation line's content after its leading space, in pairs (`#foldCount` numbers). */
  readonly #folds: number[] = [];
  #foldCount = 0;
  /** Where the line after the block starts, and how many lines the block has. */
  #next = 0;
  #lines = 0;

  // The record being read.
  #phase = Phase.dn;
  /** `content` until a changetype: line says otherwise. */
  #kind: RecordKind = 'content';
  #attributes = 0;
  #specs = 0;
  #specOp: string | undefined;
  /** The open mod-spec's attribute and colon, as its value lines start. */
  #specHead = '';
  #specValues = 0;
  /** A value of the open mod-spec is base64 or folded: values are compared only as written. */
  #specOpaque = false;
  readonly #specList = new ValueList();

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
  }

  /** The lines of the pieces read so far. */
  get linesRead(): number {
    return this.#firstLine;
  }

  /**
   * The next piece of the input without its quiet blocks: each run of other blocks, with the
   * blank lines between them, as a piece of its own that the full check reads as it would have
   * read it in place.
   */
  parts(piece: Omit<TextPart, 'firstLine'>): TextPart[] {
    const text = piece.text;
    const length = text.length;
    const unsafe = unsafeOffsets(text);
    let nextUnsafe = 0;
    const parts: TextPart[] = [];
    let atFileStart = piece.atFileStart;
    let runStart = -1;
    let runEnd = 0;
    let runLine = 0;
    const flush = () => {
      if (runStart < 0) return;
      const part = runStart === 0 && runEnd === length ? text : text.slice(runStart, runEnd);
      parts.push({ text: part, firstLine: runLine, atFileStart });
      atFileStart &&= !hasContent(part);
      runStart = -1;
    };
    this.#text = text;
    let line = this.#firstLine;
    let at = 0;
    while (at < length) {
      const newline = text.indexOf('\n', at);
      const next = newline < 0 ? length : newline + 1;
      const end = lineEndAt(text, at, newline, length);
      if (end === at) {
        at = next;
        line++;
        continue;
      }
      let quiet = this.#block(at, end, next, length) && !this.#firstOfItsKind();
      const blockEnd = this.#next;
      while (nextUnsafe < unsafe.length && unsafe[nextUnsafe] < at) nextUnsafe++;
      if (nextUnsafe < unsafe.length && unsafe[nextUnsafe] < blockEnd) quiet = false;
      if (quiet) {
        flush();
        atFileStart = false;
      } else {
        if (runStart < 0) {
          runStart = at;
          runLine = line;
        }
        runEnd = blockEnd;
      }
      line += this.#lines;
      at = blockEnd;
    }
    flush();
    this.#text = '';
    this.#firstLine = line;
    return parts;
  }

  /**
   * Reads the block whose first line is [start, firstEnd), the next line starting at `next`,
   * up to its end (`#next`, `#lines`); whether it is quiet. One search per physical line.
   */
  #block(start: number, firstEnd: number, next: number, length: number): boolean {
    const text = this.#text;
    const folds = this.#folds;
    // Forgotten between records only: a record's repeated names are found through their groups.
    if (this.#names.size >= MAX_NAMES) {
      this.#names.clear();
      this.#byShape = [];
      this.#groups.clear();
      this.#previous = undefined;
    }
    this.#phase = Phase.dn;
    this.#record++;
    let lines = 1;
    let lineStart = start;
    let lineEnd = firstEnd;
    let at = next;
    let quiet = text.charCodeAt(start) !== 32; // a continuation with nothing to continue
    for (;;) {
      // The continuation lines of the logical line, then the line after them.
      let foldCount = 0;
      let afterEnd = at;
      let afterNext = at;
      while (at < length) {
        const newline = text.indexOf('\n', at);
        afterNext = newline < 0 ? length : newline + 1;
        afterEnd = lineEndAt(text, at, newline, length);
        if (text.charCodeAt(at) !== 32) break;
        folds[foldCount++] = at + 1;
        folds[foldCount++] = afterEnd;
        lines++;
        at = afterNext;
      }
      if (quiet) {
        this.#lineStart = lineStart;
        this.#lineEnd = lineEnd;
        this.#foldCount = foldCount;
        quiet = this.#line();
      }
      if (at >= length || afterEnd === at) break;
      lineStart = at;
      lineEnd = afterEnd;
      at = afterNext;
      lines++;
    }
    this.#next = at;
    this.#lines = lines;
    return quiet && this.#recordEnds();
  }

  /** Whether the record just read is the first content or change record of the input: the full check compares those. */
  #firstOfItsKind(): boolean {
    const change = this.#kind !== 'content';
    if (change ? this.#changeSeen : this.#contentSeen) return false;
    if (change) this.#changeSeen = true;
    else this.#contentSeen = true;
    return true;
  }

  /**
   * The kind of the record that `text` holds, one block without its line break, when the block
   * is quiet; undefined when it is not. For an editor's document, which compares the first
   * records of each kind itself (`ParsedDocument`): a pasted block it proves quiet is not parsed.
   */
  quietKind(text: string): RecordKind | undefined {
    const length = text.length;
    if (length === 0 || unsafeOffsets(text).length > 0) return undefined;
    this.#text = text;
    const newline = text.indexOf('\n');
    const next = newline < 0 ? length : newline + 1;
    const quiet = this.#block(0, lineEndAt(text, 0, newline, length), next, length) && this.#next === length;
    this.#text = '';
    return quiet ? this.#kind : undefined;
  }

  /** Whether the logical line just read may stand where it is in a quiet record. */
  #line(): boolean {
    const text = this.#text;
    const start = this.#lineStart;
    const end = this.#lineEnd;
    const foldCount = this.#foldCount;
    const folded = foldCount > 0;
    const first = text.charCodeAt(start);
    // A folded comment may be a folded attribute name (ldif/folded-attribute-name).
    if (first === 35 /* # */) return !folded;
    if (first === 45 /* - */ && end === start + 1 && !folded) return this.#dash();
    // The value must not end in a space (ldif/trailing-space).
    const last = folded ? this.#folds[foldCount - 1] : end;
    const lastStart = folded ? this.#folds[foldCount - 2] : start;
    if (last === lastStart || text.charCodeAt(last - 1) === 32) return false;
    // The description: the open mod-spec's attribute, the one that followed the last
    // description last time, or a look-up. A match of the description and its colon also
    // says that the name is not folded.
    let facts: NameFacts | undefined;
    let colon: number;
    const inSpec = this.#phase === Phase.modValues && text.startsWith(this.#specHead, start);
    if (inSpec) colon = start + this.#specHead.length - 1;
    else {
      const previous = this.#previous;
      facts = previous?.next;
      if (facts !== undefined && text.startsWith(facts.head, start)) colon = start + facts.description.length;
      else {
        colon = text.indexOf(':', start);
        if (colon < 0 || colon >= end) return false;
        facts = this.#factsAt(start, colon);
        if (previous) previous.next = facts;
      }
      this.#previous = facts;
    }
    let valueStart = colon + 1;
    const separator = text.charCodeAt(valueStart);
    let encoding = Encoding.plain;
    if (separator === 58 /* : */) {
      encoding = Encoding.base64;
      valueStart++;
    } else if (separator === 60 /* < */) return false;
    while (valueStart < end && text.charCodeAt(valueStart) === 32) valueStart++;
    // A fold before the value starts could change the separator when the line is unfolded.
    if (valueStart === end && folded) return false;
    if (encoding === Encoding.plain) {
      const initial = text.charCodeAt(valueStart);
      // RFC 2849 wants such values in base64 (ldif/unsafe-initial-char).
      if (valueStart < end && (initial === 58 || initial === 60)) return false;
    } else {
      const value = this.#value(valueStart);
      if (value.length % 4 !== 0 || !isBase64(value)) return false;
    }
    if (facts === undefined) return this.#modValue(valueStart, encoding, folded);
    return facts.valid && this.#attributeLine(facts, valueStart, encoding, folded);
  }

  /** The value of the logical line from `valueStart`, unfolded. */
  #value(valueStart: number): string {
    const text = this.#text;
    const folds = this.#folds;
    let value = text.slice(valueStart, this.#lineEnd);
    for (let i = 0; i < this.#foldCount; i += 2) value += text.slice(folds[i], folds[i + 1]);
    return value;
  }

  /** Whether the value from `valueStart` is `word`, unfolded. */
  #valueIs(valueStart: number, word: string): boolean {
    return (
      this.#foldCount === 0 && this.#lineEnd - valueStart === word.length && this.#text.startsWith(word, valueStart)
    );
  }

  /** An attribute-like line (not a "-", not a comment, not a value of the open mod-spec) in the current phase. */
  #attributeLine(facts: NameFacts, valueStart: number, encoding: Encoding, folded: boolean): boolean {
    const keyword = facts.keyword;
    switch (this.#phase) {
      case Phase.dn: {
        if (keyword !== 'dn') return false;
        const dn = this.#textOf(valueStart, encoding);
        // Only a plain DN has no DN finding; one that may name a winsync entry or sit below the
        // mapping tree goes to the catalog's classification and the DN rules.
        if (dn === undefined || !isPlainDn(dn) || mayEndInConfig(dn) || mayBeBelowMappingTree(dn)) return false;
        this.#phase = Phase.afterDn;
        this.#kind = 'content';
        this.#attributes = 0;
        this.#specs = 0;
        this.#specOp = undefined;
        return true;
      }
      case Phase.afterDn:
        if (keyword === 'changetype') return encoding === Encoding.plain && this.#changeType(valueStart);
        if (keyword === 'control') return this.#control(valueStart, encoding);
        this.#phase = Phase.attributes;
        return this.#contentLine(facts, valueStart, encoding, folded);
      case Phase.controls:
        if (keyword === 'changetype') return encoding === Encoding.plain && this.#changeType(valueStart);
        return keyword === 'control' && this.#control(valueStart, encoding);
      case Phase.attributes:
        return this.#contentLine(facts, valueStart, encoding, folded);
      case Phase.newRdn: {
        if (keyword !== 'newrdn') return false;
        const rdn = this.#textOf(valueStart, encoding);
        // One plain RDN: a comma or semicolon makes it several (dn/invalid).
        if (rdn === undefined || !isPlainDn(rdn) || rdn.includes(',') || rdn.includes(';')) return false;
        this.#phase = Phase.deleteOldRdn;
        return true;
      }
      case Phase.deleteOldRdn:
        this.#phase = Phase.newSuperior;
        return (
          keyword === 'deleteoldrdn' &&
          encoding === Encoding.plain &&
          (this.#valueIs(valueStart, '0') || this.#valueIs(valueStart, '1'))
        );
      case Phase.newSuperior:
        if (keyword !== 'newsuperior' || encoding !== Encoding.plain || !isPlainDn(this.#value(valueStart)))
          return false;
        this.#phase = Phase.nothing;
        return true;
      case Phase.operation:
        return encoding === Encoding.plain && this.#operation(keyword, valueStart);
      case Phase.modValues:
        // A value line of another attribute (ldif/mod-value-mismatch, ldif/missing-dash).
        return false;
      case Phase.nothing:
        return false;
    }
  }

  /** The value from `valueStart` as text: base64 decoded (undefined when that is not UTF-8). */
  #textOf(valueStart: number, encoding: Encoding): string | undefined {
    const value = this.#value(valueStart);
    return encoding === Encoding.plain ? value : utf8Text(base64ToBytes(value));
  }

  /** A `control:` line before the changetype: an OID and a criticality, no value (ldif/invalid-control). */
  #control(valueStart: number, encoding: Encoding): boolean {
    this.#phase = Phase.controls;
    return encoding === Encoding.plain && PLAIN_CONTROL.test(this.#value(valueStart));
  }

  /** `changetype:` after the dn: one of the known ones, written as the parser reads it. */
  #changeType(valueStart: number): boolean {
    let type: ChangeType | undefined;
    for (const name of CHANGE_TYPES) if (this.#valueIs(valueStart, name)) type = name;
    if (type === undefined) return false;
    this.#kind = type;
    switch (type) {
      case 'add':
        this.#phase = Phase.attributes;
        return true;
      case 'delete':
        this.#phase = Phase.nothing;
        return true;
      case 'modify':
        this.#phase = Phase.operation;
        return true;
      default:
        this.#phase = Phase.newRdn;
        return true;
    }
  }

  /** An attribute of a content or add record: an ordinary one, its value written once. */
  #contentLine(facts: NameFacts, valueStart: number, encoding: Encoding, folded: boolean): boolean {
    if (facts.special) return false;
    this.#attributes++;
    const opaque = folded || encoding === Encoding.base64;
    if (facts.objectClass) return !opaque && this.#objectClass(valueStart);
    const group = facts.group;
    const end = this.#lineEnd;
    if (group.record !== this.#record) {
      group.record = this.#record;
      group.firstStart = valueStart;
      group.firstEnd = end;
      group.firstOpaque = opaque;
      return true;
    }
    // The description comes again in this record: its values must differ (ldif/duplicate-value).
    // A folded or base64 value would have to be decoded to be compared; the full check does that.
    if (opaque || group.firstOpaque) return false;
    const values = group.values;
    if (group.valuesRecord !== this.#record) {
      group.valuesRecord = this.#record;
      values.clear(this.#text);
      values.add(group.firstStart, group.firstEnd);
    }
    return values.add(valueStart, end);
  }

  /**
   * A plain objectClass value: not one that makes an agreement, and not given before in the
   * record (under any spelling of objectClass, which only the full check tells apart). A file
   * has few of them, each found again without a copy, most often as the one that followed the
   * value before last time.
   */
  #objectClass(valueStart: number): boolean {
    const text = this.#text;
    const size = this.#lineEnd - valueStart;
    let value = this.#previousClass?.next;
    if (value === undefined || value.text.length !== size || !text.startsWith(value.text, valueStart)) {
      value = this.#classValues.find((known) => known.text.length === size && text.startsWith(known.text, valueStart));
      if (value === undefined) {
        if (this.#classValues.length === MAX_CLASS_VALUES) return false;
        const written = text.slice(valueStart, this.#lineEnd);
        value = { text: written, agreement: isAgreementClass(this.#catalog, written), record: 0, next: undefined };
        this.#classValues.push(value);
      }
      if (this.#previousClass) this.#previousClass.next = value;
    }
    this.#previousClass = value;
    if (value.agreement || value.record === this.#record) return false;
    value.record = this.#record;
    return true;
  }

  /** An operation line of a modify: add, delete or replace of an ordinary attribute. */
  #operation(keyword: string | undefined, valueStart: number): boolean {
    // increment: is refused by 389-DS (ldif/increment); other lines are unknown operations.
    if (keyword !== 'add' && keyword !== 'delete' && keyword !== 'replace') return false;
    const facts =
      this.#foldCount === 0 ? this.#factsAt(valueStart, this.#lineEnd) : this.#facts(this.#value(valueStart));
    if (!facts.valid || facts.special) return false;
    if (keyword === 'replace') {
      // A second replace of the same attribute in one modify (winsync/replaced-twice).
      if (facts.group.replacedIn === this.#record) return false;
      facts.group.replacedIn = this.#record;
    }
    this.#phase = Phase.modValues;
    this.#specs++;
    this.#specOp = keyword;
    this.#specHead = facts.head;
    this.#specValues = 0;
    this.#specOpaque = false;
    this.#specList.clear(this.#text);
    return true;
  }

  /** A value line of the open mod-spec. */
  #modValue(valueStart: number, encoding: Encoding, folded: boolean): boolean {
    this.#specValues++;
    if (this.#specOp === 'delete') return true;
    // Added or replaced values must differ (ldif/duplicate-value); folded or base64 ones are
    // compared only by the full check, which decodes them.
    this.#specOpaque ||= folded || encoding === Encoding.base64;
    if (this.#specOpaque) return this.#specValues === 1;
    return this.#specList.add(valueStart, this.#lineEnd);
  }

  /** A "-" line: it closes a mod-spec; anywhere else it is stray. */
  #dash(): boolean {
    if (this.#phase !== Phase.modValues || !this.#specClosed()) return false;
    this.#phase = Phase.operation;
    return true;
  }

  /** Whether the open mod-spec may end here: an add: needs values (ldif/add-without-values). */
  #specClosed(): boolean {
    return this.#specOp !== 'add' || this.#specValues > 0;
  }

  /** Whether the record may end where its block does. */
  #recordEnds(): boolean {
    switch (this.#phase) {
      case Phase.attributes:
        return this.#attributes > 0;
      case Phase.nothing:
      case Phase.newSuperior:
        return true;
      case Phase.operation:
        return this.#specs > 0;
      case Phase.modValues:
        return this.#specClosed();
      default:
        // No dn:, only a dn: (ldif/empty-change), or a rename without its lines.
        return false;
    }
  }

  /** The facts of the description text[start, colon). */
  #factsAt(start: number, colon: number): NameFacts {
    const text = this.#text;
    const shape = shapeOf(text, start, colon);
    const bucket = shape < 0 ? undefined : this.#byShape[shape];
    if (bucket)
      for (let i = 0; i < bucket.length; i++) if (text.startsWith(bucket[i].description, start)) return bucket[i];
    const facts = this.#facts(text.slice(start, colon));
    if (shape >= 0) (this.#byShape[shape] ??= []).push(facts);
    return facts;
  }

  #facts(description: string): NameFacts {
    const known = this.#names.get(description);
    if (known) return known;
    const lower = description.toLowerCase();
    const semicolon = lower.indexOf(';');
    const type = semicolon < 0 ? lower : lower.slice(0, semicolon);
    const catalog = this.#catalog;
    let group = this.#groups.get(lower);
    if (!group) {
      group = {
        record: 0,
        firstStart: 0,
        firstEnd: 0,
        firstOpaque: false,
        values: new ValueList(),
        valuesRecord: 0,
        replacedIn: 0,
      };
      this.#groups.set(lower, group);
    }
    const facts: NameFacts = {
      description,
      head: `${description}:`,
      valid: isAttributeDescription(description),
      keyword: description === lower && semicolon < 0 && LDIF_KEYWORDS.has(lower) ? lower : undefined,
      special:
        LDIF_KEYWORDS.has(type) || catalog.attribute(type) !== undefined || catalog.kindByPrefix(type) !== undefined,
      objectClass: type === 'objectclass',
      group,
      next: undefined,
    };
    this.#names.set(description, facts);
    return facts;
  }
}

/** Values past which a list compares copies by hash: its table of keys is then half full. */
const SHORT_LIST = 32;
const SLOTS = 64;

/**
 * The values given so far in one list (a mod-spec's, or an attribute's in one add), as offsets
 * in the text. A new value is looked for by its length and a few characters, in a small table,
 * and copied only when an earlier value has the same: hashing a copy of every value cost more
 * than reading the rest of its line.
 */
class ValueList {
  #text = '';
  readonly #starts = new Int32Array(SHORT_LIST);
  readonly #ends = new Int32Array(SHORT_LIST);
  readonly #keys = new Int32Array(SHORT_LIST);
  #count = 0;
  /** Each slot holds the index of a value whose key leads there (open addressing), if it was filled in this list's `#use`. */
  readonly #slots = new Int32Array(SLOTS);
  readonly #slotUse = new Int32Array(SLOTS);
  /** Counts the lists held: a slot of an earlier one is empty, so clearing writes nothing. */
  #use = 1;
  /** For a long list, every value so far. */
  #copies: Set<string> | undefined;

  clear(text: string): void {
    this.#text = text;
    // The marks are 32-bit: start them again long before they could wrap.
    if (++this.#use === 1 << 30) {
      this.#slotUse.fill(0);
      this.#use = 1;
    }
    this.#count = 0;
    this.#copies = undefined;
  }

  /** Adds text[start, end); false when an equal value is in the list already. */
  add(start: number, end: number): boolean {
    const text = this.#text;
    if (this.#copies) {
      const value = text.slice(start, end);
      if (this.#copies.has(value)) return false;
      this.#copies.add(value);
      return true;
    }
    const key = keyOf(text, start, end);
    const slots = this.#slots;
    const slotUse = this.#slotUse;
    const use = this.#use;
    let slot = key & (SLOTS - 1);
    for (; slotUse[slot] === use; slot = (slot + 1) & (SLOTS - 1)) {
      const i = slots[slot];
      if (this.#keys[i] === key && text.slice(this.#starts[i], this.#ends[i]) === text.slice(start, end)) return false;
    }
    const count = this.#count;
    if (count === SHORT_LIST) {
      const copies = new Set<string>();
      for (let i = 0; i < count; i++) copies.add(text.slice(this.#starts[i], this.#ends[i]));
      copies.add(text.slice(start, end));
      this.#copies = copies;
      return true;
    }
    slots[slot] = count;
    slotUse[slot] = use;
    this.#starts[count] = start;
    this.#ends[count] = end;
    this.#keys[count] = key;
    this.#count = count + 1;
    return true;
  }
}

/** The length of text[start, end) and a few of its characters, mixed: equal values have equal keys. */
function keyOf(text: string, start: number, end: number): number {
  const size = end - start;
  if (size === 0) return 0;
  // Near the start, where values of one list (names, DNs below one parent) differ most.
  const last = size - 1;
  let key = size;
  key = (key * 31 + text.charCodeAt(start + (last < 4 ? last : 4))) | 0;
  key = (key * 31 + text.charCodeAt(start + (last < 7 ? last : 7))) | 0;
  key = (key * 31 + text.charCodeAt(start + (last < 11 ? last : 11))) | 0;
  key = (key * 31 + text.charCodeAt(end - 1)) | 0;
  // The table's slot comes from the low bits: mix the high ones in.
  return key ^ (key >>> 7) ^ (key >>> 14);
}

/** End of the line at `at` whose line break is at `newline` (-1: none), without it; a CR goes with a LF. */
function lineEndAt(text: string, at: number, newline: number, length: number): number {
  if (newline < 0) return length;
  return newline > at && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
}

/** A small number for the length and first character of text[start, end), or -1 for a long or empty one. */
function shapeOf(text: string, start: number, end: number): number {
  const size = end - start;
  return size > 0 && size < 64 ? (size << 7) | (text.charCodeAt(start) & 127) : -1;
}

/**
 * Offsets of characters a quiet block may not hold, in order: NUL and CR outside a line break
 * (ldif/must-base64), U+00A0 (ldif/no-break-space) and U+FFFD (ldif/replacement-character).
 * A search per character over the whole piece: a look at every character in JavaScript cost
 * more than the rest of the shortcut.
 */
function unsafeOffsets(text: string): number[] {
  const found: number[] = [];
  for (const character of ['\0', '\u00a0', '\ufffd'])
    for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) found.push(at);
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== 10) found.push(at);
  return found.sort((a, b) => a - b);
}
