import type {
  AttrLine,
  ChangeType,
  Comment,
  Control,
  LdifDocument,
  LdifRecord,
  LogicalLine,
  ModOp,
  ModSpec,
  Range,
  RecordKind,
  ValueEncoding,
  VersionSpec,
} from './ast';
import { CHANGE_TYPES, MOD_OPS, RecordTraits, RENAME_KEYWORDS } from './ast';
import { collectFindings, isBase64, parseAttrLine, type FindingSink } from './attrLine';
import { syntaxFinding, type SyntaxFinding } from './findings';
import { splitBlocks, unfold, type Block, type SplitText } from './lines';
import { rangeIn } from './position';
import { base64ToBytes } from '../util/bytes';

/** What one block of lines turned into. */
export interface ParsedBlock {
  readonly record: LdifRecord | undefined;
  readonly version: VersionSpec | undefined;
  /** Comments of a block that holds no record. */
  readonly comments: readonly Comment[];
  /** Whether the block has any line besides comments (so `version:` may no longer follow). */
  readonly hasContent: boolean;
  /** Found with the block at line `parsedAt`: their ranges move with the block (see `shiftRanges`). */
  readonly problems: readonly SyntaxFinding[];
  /** The block's first line when it was parsed. */
  readonly parsedAt: number;
}

/**
 * Parses LDIF text (RFC 2849). Never throws: anything it cannot read becomes a
 * problem with a range, and parsing goes on with the next line or record.
 */
export function parseLdif(text: string): LdifDocument {
  const split = splitBlocks(text);
  let versionAllowed = true;
  const blocks = split.blocks.map((block) => {
    const parsed = parseBlock(block, versionAllowed);
    if (parsed.hasContent) versionAllowed = false;
    return parsed;
  });
  const document = assembleDocument(split, blocks);
  return { ...document, problems: [...document.problems, ...mixedRecordProblems(document.records)] };
}

/**
 * Joins parsed blocks into a document; callers that cache blocks per edit reuse
 * it. File-wide checks (mixedRecordProblems) are left to the caller, which may
 * see the file in pieces.
 */
export function assembleDocument(
  split: Pick<SplitText, 'lineCount' | 'eol' | 'whitespaceLines'>,
  blocks: readonly ParsedBlock[],
): LdifDocument {
  const records: LdifRecord[] = [];
  const comments: Comment[] = [];
  const problems: SyntaxFinding[] = split.whitespaceLines.map(whitespaceLineProblem);
  let version: VersionSpec | undefined;
  for (const parsed of blocks) {
    if (parsed.record) records.push(parsed.record);
    version ??= parsed.version;
    // Not push(...list): a block of 200k bad lines would exceed the argument limit and throw.
    for (const comment of parsed.comments) comments.push(comment);
    for (const problem of parsed.problems) problems.push(problem);
  }
  return { version, records, comments, problems, lineCount: split.lineCount, eol: split.eol };
}

/** A line of spaces or tabs where a blank line was probably meant. */
export function whitespaceLineProblem({ line, length }: { line: number; length: number }): SyntaxFinding {
  return syntaxFinding('ldif/whitespace-line', { start: { line, character: 0 }, end: { line, character: length } });
}

/**
 * Parses one block (lines between blank lines). `versionAllowed` says whether
 * only comments came before it, so that `version:` may stand at its start.
 */
export function parseBlock(block: Block, versionAllowed: boolean): ParsedBlock {
  const problems: SyntaxFinding[] = [];
  const report = collectFindings(problems);
  const { lines, orphans, foldedName } = unfold(block);
  for (const orphan of orphans) {
    problems.push(
      syntaxFinding('ldif/orphan-continuation', {
        start: { line: orphan, character: 0 },
        end: { line: orphan, character: 1 },
      }),
    );
  }

  const comments: Comment[] = [];
  // Most records hold no comment: their lines are the content as they are.
  let content = lines;
  if (lines.some(isComment)) {
    content = [];
    for (const line of lines) {
      if (isComment(line)) comments.push({ line, text: line.text.slice(1) });
      else content.push(line);
    }
  }

  let version: VersionSpec | undefined;
  let cursor = 0;
  if (content.length > 0 && /^version:/i.test(content[0].text) && versionAllowed) {
    const parsed = parseAttrLine(content[0], report);
    if (parsed) {
      version = { line: parsed, version: parsed.rawValue.trim() };
      if (version.version !== '1') {
        report('ldif/unsupported-version', parsed.line, parsed.valueOffset, parsed.line.text.length, {
          version: version.version,
        });
      }
    }
    cursor = 1;
  }
  const hasContent = content.length > 0;
  const parsedAt = block.startLine;
  if (cursor >= content.length) return { record: undefined, version, comments, problems, hasContent, parsedAt };

  const rest = cursor === 0 ? content : content.slice(cursor);
  if (isIncludeBlock(rest)) {
    for (const line of rest) report('ldif/include-directive', line, 0, line.text.length);
    return { record: undefined, version, comments, problems, hasContent, parsedAt };
  }

  const record = parseRecord(rest, comments, foldedName ? RecordTraits.foldedName : 0, report);
  return { record, version, comments: [], problems, hasContent, parsedAt };
}

function isComment(line: LogicalLine): boolean {
  return line.text.charCodeAt(0) === 35; /* # */
}

function isIncludeBlock(lines: readonly LogicalLine[]): boolean {
  // The first line decides for nearly every block, without a test of the others.
  return lines.length > 0 && INCLUDE.test(lines[0].text) && lines.every((line) => INCLUDE.test(line.text));
}

const INCLUDE = /^include:/i;

/** Parses the content lines of one record (comments already taken out); `blockTraits`: what unfolding its block found. */
function parseRecord(lines: LogicalLine[], comments: Comment[], blockTraits: number, report: FindingSink): LdifRecord {
  // A "-" line closes a mod-spec; everything else is attribute-like. The lines in order with
  // their "-" lines (`items`) are listed only once a "-" comes: most records have none.
  let items: Item[] | undefined;
  const all: AttrLine[] = [];
  let traits = blockTraits;
  for (const line of lines) {
    if (isDash(line.text)) {
      if (line.text.length > 1) traits |= RecordTraits.trailingSpace;
      items ??= all.slice();
      items.push({ dash: line });
      continue;
    }
    const parsed = parseAttrLine(line, report);
    if (parsed) {
      traits |= lineTraits(parsed);
      items?.push(parsed);
      all.push(parsed);
    }
  }
  // The record runs from its first line (or a comment above it) to its last line.
  const first =
    comments[0] && comments[0].line.range.start.line < lines[0].range.start.line ? comments[0].line : lines[0];
  const bounds = { first, last: lines[lines.length - 1] };

  let position = 0;
  let dn: AttrLine | undefined;
  if (all[0] && all[0].name.toLowerCase() === 'dn' && all[0].options.length === 0) {
    dn = all[0];
    position = 1;
  } else {
    const first = lines[0];
    report('ldif/missing-dn', first, 0, first.text.length);
  }

  const controls: Control[] = [];
  let changeTypeLine: AttrLine | undefined;
  // `control:` right after dn: is a control only when a changetype follows (pingidentity/ldapsdk#112).
  let look = position;
  while (all[look] && isKeyword(all[look], 'control')) look++;
  if (all[look] && isKeyword(all[look], 'changetype')) {
    for (let i = position; i < look; i++) {
      const control = parseControl(all[i], report);
      if (control.valueEncoding === 'url') traits |= RecordTraits.urlValue;
      controls.push(control);
    }
    changeTypeLine = all[look];
    position = look + 1;
  }

  const base: RecordBase = { bounds, dn, controls, changeTypeLine, lines: all, comments, traits };
  let rest: AttrLine[];
  let restItems: readonly Item[];
  if (items === undefined) restItems = rest = all.slice(position);
  else {
    restItems = position === 0 ? items : items.slice(items.indexOf(all[position - 1]) + 1);
    rest = restItems.filter(isAttr);
  }
  if (!changeTypeLine) {
    reportStrayDashes(restItems, report);
    return new ParsedRecord(base, { kind: 'content', attributes: rest });
  }
  const type = changeTypeLine.rawValue.trim().toLowerCase();
  const kind = (CHANGE_TYPES as readonly string[]).includes(type) ? (type as ChangeType) : undefined;
  if (!kind) {
    report(
      'ldif/unknown-changetype',
      changeTypeLine.line,
      changeTypeLine.valueOffset,
      changeTypeLine.line.text.length,
      {
        changeType: changeTypeLine.rawValue,
      },
    );
    return new ParsedRecord(base, { kind: 'unknown-change', attributes: rest });
  }
  // After an unknown changetype the grammar of the rest is unknown, so only known kinds judge "-" lines.
  if (kind !== 'modify') reportStrayDashes(restItems, report);
  switch (kind) {
    case 'add':
      if (rest.length === 0)
        report('ldif/add-without-attributes', changeTypeLine.line, 0, changeTypeLine.line.text.length);
      return new ParsedRecord(base, { kind, attributes: rest });
    case 'delete':
      for (const extra of rest) report('ldif/content-after-delete', extra.line, 0, extra.line.text.length);
      return new ParsedRecord(base, { kind });
    case 'modrdn':
    case 'moddn':
      return new ParsedRecord(base, { kind, ...parseRename(rest, changeTypeLine, report) });
    case 'modify':
      return new ParsedRecord(base, { kind, modifications: parseModSpecs(restItems, report) });
  }
}

/** The first and last logical lines of a record, which its range runs between. */
interface Bounds {
  readonly first: LogicalLine;
  readonly last: LogicalLine;
}

type RecordBase = Pick<LdifRecord, 'dn' | 'controls' | 'changeTypeLine' | 'lines' | 'comments' | 'traits'> & {
  readonly bounds: Bounds;
};
type RecordBody = Pick<LdifRecord, 'kind'> &
  Partial<Pick<LdifRecord, 'attributes' | 'modifications' | 'newRdn' | 'deleteOldRdn' | 'newSuperior'>>;

const NONE: readonly never[] = Object.freeze([]);

/**
 * Every record is one of these, so all records share one hidden class: spreading a different
 * mix of objects into each gave every record its own, which cost about 400 bytes and slow
 * property access per record (1M records ran out of memory). Its range is read from its first
 * and last lines, so it follows them when their block moves.
 */
class ParsedRecord implements LdifRecord {
  readonly dn: AttrLine | undefined;
  readonly controls: readonly Control[];
  readonly changeTypeLine: AttrLine | undefined;
  readonly lines: readonly AttrLine[];
  readonly comments: readonly Comment[];
  readonly kind: RecordKind;
  readonly attributes: readonly AttrLine[];
  readonly modifications: readonly ModSpec[];
  readonly newRdn: AttrLine | undefined;
  readonly deleteOldRdn: AttrLine | undefined;
  readonly newSuperior: AttrLine | undefined;
  readonly traits: number;
  readonly #bounds: Bounds;
  #range: Range | undefined;

  constructor(base: RecordBase, body: RecordBody) {
    this.dn = base.dn;
    this.controls = base.controls;
    this.changeTypeLine = base.changeTypeLine;
    this.lines = base.lines;
    this.comments = base.comments;
    this.kind = body.kind;
    this.attributes = body.attributes ?? NONE;
    this.modifications = body.modifications ?? NONE;
    this.newRdn = body.newRdn;
    this.deleteOldRdn = body.deleteOldRdn;
    this.newSuperior = body.newSuperior;
    this.traits = base.traits;
    this.#bounds = base.bounds;
  }

  get range(): Range {
    const start = this.#bounds.first.range.start;
    // Built from the lines' own positions: a range built before the block moved starts elsewhere.
    if (this.#range?.start === start) return this.#range;
    return (this.#range = { start, end: this.#bounds.last.range.end });
  }
}

/** The RecordTraits an attribute line gives its record. */
function lineTraits({ encoding, rawValue }: AttrLine): number {
  let traits = rawValue.charCodeAt(rawValue.length - 1) === 32 ? RecordTraits.trailingSpace : 0;
  if (encoding === 'url') traits |= RecordTraits.urlValue;
  else if (encoding === 'plain') {
    const first = rawValue.charCodeAt(0);
    if (first === 58 /* : */ || first === 60 /* < */ || rawValue.indexOf('\0') >= 0 || rawValue.indexOf('\r') >= 0)
      traits |= RecordTraits.unsafePlainValue;
  }
  return traits;
}

function isKeyword(line: AttrLine, keyword: string): boolean {
  return line.name.toLowerCase() === keyword && line.options.length === 0;
}

// RFC 2849's control-spec: an OID, an optional criticality (either case, as ldapmodify takes it) and an optional value.
const CONTROL = /^([0-9]+(?:\.[0-9]+)*)(?:( +)(true|false))?(?:(:[:<]?) *(.*))?$/is;

/** A `control:` line; the range of its OID is worked out when asked, from where the line is then. */
class ParsedControl implements Control {
  readonly oid: string;
  readonly critical: boolean;
  declare readonly value?: string;
  declare readonly valueEncoding?: ValueEncoding;
  declare readonly bytes?: Uint8Array;
  /** The OID's length at the start of the value; undefined when the value is not a control. */
  readonly #oidLength: number | undefined;

  constructor(
    readonly line: AttrLine,
    oidLength: number | undefined,
    oid: string,
    critical: boolean,
    value?: Pick<Control, 'value' | 'valueEncoding' | 'bytes'>,
  ) {
    this.#oidLength = oidLength;
    this.oid = oid;
    this.critical = critical;
    if (value) Object.assign(this, value);
  }

  get oidRange(): Range {
    const { line } = this;
    const oidLength = this.#oidLength;
    return oidLength === undefined
      ? line.valueRange
      : rangeIn(line.line, line.valueOffset, line.valueOffset + oidLength);
  }
}

function parseControl(line: AttrLine, report: FindingSink): Control {
  const match = CONTROL.exec(line.rawValue);
  if (!match || (match[4] === '::' && !isBase64(match[5]))) {
    report('ldif/invalid-control', line.line, line.valueOffset, line.line.text.length);
    return new ParsedControl(line, undefined, line.rawValue.trim(), false);
  }
  const [, oid, , criticality, separator, value] = match;
  const critical = criticality?.toLowerCase() === 'true';
  if (separator === undefined) return new ParsedControl(line, oid.length, oid, critical);
  if (separator === '::') {
    const bytes = base64ToBytes(value);
    return new ParsedControl(line, oid.length, oid, critical, { value, valueEncoding: 'base64', bytes });
  }
  return new ParsedControl(line, oid.length, oid, critical, {
    value,
    valueEncoding: separator === ':<' ? 'url' : 'plain',
  });
}

function parseRename(
  rest: AttrLine[],
  changeTypeLine: AttrLine,
  report: FindingSink,
): Pick<LdifRecord, 'newRdn' | 'deleteOldRdn' | 'newSuperior'> {
  const changeType = changeTypeLine.rawValue.trim();
  const expected = RENAME_KEYWORDS;
  const found: Record<string, AttrLine | undefined> = {};
  let step = 0;
  for (const line of rest) {
    const name = line.name.toLowerCase();
    const at = expected.indexOf(name);
    if (at < step || at < 0 || found[name]) {
      report('ldif/unexpected-modrdn-line', line.line, 0, line.line.text.length, {
        description: line.description,
        changeType,
      });
      continue;
    }
    found[name] = line;
    step = at + 1;
  }
  const newRdn = found.newrdn;
  const deleteOldRdn = found.deleteoldrdn;
  if (!newRdn) report('ldif/missing-newrdn', changeTypeLine.line, 0, changeTypeLine.line.text.length, { changeType });
  if (!deleteOldRdn) {
    const above = (newRdn ?? changeTypeLine).line;
    report('ldif/missing-deleteoldrdn', above, 0, above.text.length);
  } else if (!/^[01][ \t]*$/.test(deleteOldRdn.value ?? '')) {
    // Trailing white space is harmless: ldapmodify reads the first character, apply trims it.
    report('ldif/invalid-deleteoldrdn', deleteOldRdn.line, deleteOldRdn.valueOffset, deleteOldRdn.line.text.length, {
      value: deleteOldRdn.rawValue,
    });
  }
  return { newRdn, deleteOldRdn, newSuperior: found.newsuperior };
}

/** Splits the lines after `changetype: modify` into mod-specs. */
function parseModSpecs(rest: readonly Item[], report: FindingSink): ModSpec[] {
  const specs: ModSpec[] = [];
  let open: { header: AttrLine; op: ModOp | undefined; attribute: string; values: AttrLine[] } | undefined;
  const close = (dash: LogicalLine | undefined) => {
    if (!open) return;
    const { header, op, attribute, values } = open;
    specs.push(new ParsedModSpec(header, op, attribute, values, dash));
    open = undefined;
  };
  for (const line of rest) {
    if (!isAttr(line)) {
      if (!open) report('ldif/stray-dash', line.dash, 0, line.dash.text.length, { inModify: true });
      else close(line.dash);
      continue;
    }
    const op = modOp(line);
    if (open && op && !sameAttribute(line.name, open.attribute)) {
      report('ldif/missing-dash', line.line, 0, line.description.length, {
        operation: open.header.description,
        attribute: open.attribute,
        next: line.description,
      });
      close(undefined);
    }
    if (!open) {
      if (!op) report('ldif/unknown-mod-op', line.line, 0, line.description.length, { description: line.description });
      const attribute = line.rawValue.trim();
      if (op && attribute === '')
        report('ldif/missing-mod-attribute', line.line, 0, line.line.text.length, { operation: line.description });
      open = { header: line, op, attribute, values: [] };
      continue;
    }
    if (!sameAttribute(line.description, open.attribute)) {
      report('ldif/mod-value-mismatch', line.line, 0, line.description.length, {
        description: line.description,
        operation: open.header.description,
        attribute: open.attribute,
      });
    }
    open.values.push(line);
  }
  close(undefined);
  return specs;
}

/** A mod-spec; its ranges are read from its lines, so they follow them when the block moves. */
class ParsedModSpec implements ModSpec {
  /** The closing `-` line. */
  readonly #dash: LogicalLine | undefined;
  #range: Range | undefined;

  constructor(
    readonly header: AttrLine,
    readonly op: ModOp | undefined,
    readonly attribute: string,
    readonly values: readonly AttrLine[],
    dash: LogicalLine | undefined,
  ) {
    this.#dash = dash;
  }

  get terminator(): Range | undefined {
    return this.#dash?.range;
  }

  get range(): Range {
    const start = this.header.line.range.start;
    if (this.#range?.start === start) return this.#range;
    const end = (this.#dash ?? (this.values[this.values.length - 1] ?? this.header).line).range.end;
    return (this.#range = { start, end });
  }
}

type Item = AttrLine | { readonly dash: LogicalLine };

function isAttr(item: Item): item is AttrLine {
  return !('dash' in item);
}

/** A line holding "-" and nothing but trailing white space. */
function isDash(text: string): boolean {
  return text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.trimEnd() === '-');
}

function reportStrayDashes(items: readonly Item[], report: FindingSink): void {
  for (const item of items)
    if (!isAttr(item)) report('ldif/stray-dash', item.dash, 0, item.dash.text.length, { inModify: false });
}

function modOp(line: AttrLine): ModOp | undefined {
  // Every operation name is 3 to 9 letters: most value lines are ruled out without lower-casing them.
  if (line.options.length > 0 || line.name.length < 3 || line.name.length > 9) return undefined;
  const name = line.name.toLowerCase();
  return (MOD_OPS as readonly string[]).includes(name) ? (name as ModOp) : undefined;
}

function sameAttribute(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/**
 * The records the mixed-records check compares, in order: the first content record with a dn
 * and the first change record. A reader of many pieces keeps only these of each.
 */
export function mixedRecordCandidates(records: readonly LdifRecord[]): LdifRecord[] {
  const firstContent = records.find((record) => record.kind === 'content' && record.dn);
  const firstChange = records.find((record) => record.kind !== 'content');
  return records.filter((record) => record === firstContent || record === firstChange);
}

/** One finding when content and change records are mixed; only the first of each kind matters. */
export function mixedRecordProblems(records: readonly LdifRecord[]): SyntaxFinding[] {
  const [first, second] = mixedRecordCandidates(records);
  if (!second) return [];
  const { dn } = first.kind === 'content' ? first : second;
  return dn ? [syntaxFinding('ldif/mixed-records', dn.line.range)] : [];
}
