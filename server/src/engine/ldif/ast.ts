/**
 * The parsed form of an LDIF document. Every node carries an exact range in the
 * original text; folded lines keep a segment map so that any offset inside an
 * unfolded value maps back to its physical line and column.
 *
 * Positions use the LSP convention (0-based line, UTF-16 code unit column) but are
 * plain data: the engine does not depend on any LSP package.
 */
import type { SyntaxFinding } from './findings';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Where a run of logical (unfolded) text starts on its physical line. */
export interface Segment {
  /** Offset in the logical text where this physical piece begins. */
  readonly offset: number;
  readonly line: number;
  readonly character: number;
}

/** One physical line plus its continuation lines, unfolded. */
export interface LogicalLine {
  readonly text: string;
  readonly range: Range;
  /** At least one segment; the first has offset 0. */
  readonly segments: readonly Segment[];
  /** Whether it spans more than one physical line (asking does not build the segments). */
  readonly folded: boolean;
}

export type ValueEncoding = 'plain' | 'base64' | 'url';

/**
 * `name[;options]` + separator + value: every attribute line, and also the
 * keyword lines (`dn:`, `changetype:`, `control:`, `newrdn:`, `add:` …).
 */
export interface AttrLine {
  readonly line: LogicalLine;
  /** The attribute description as written, options included (`cn;lang-en`). */
  readonly description: string;
  /** The attribute type without options (`cn`). */
  readonly name: string;
  readonly options: readonly string[];
  readonly nameRange: Range;
  readonly encoding: ValueEncoding;
  /** `:`, `::` or `:<`. */
  readonly separatorRange: Range;
  /** The value text as written after the separator and its FILL spaces. */
  readonly rawValue: string;
  /** Logical offset of rawValue inside line.text. */
  readonly valueOffset: number;
  readonly valueRange: Range;
  /**
   * The value as text: rawValue for plain values and URLs, the UTF-8 decoding
   * for base64 values (undefined when the bytes are not valid UTF-8).
   */
  readonly value: string | undefined;
  /** Decoded bytes of a base64 value. */
  readonly bytes?: Uint8Array;
}

export interface Comment {
  readonly line: LogicalLine;
  /** Text after the leading `#`, unfolded. */
  readonly text: string;
}

export interface Control {
  readonly line: AttrLine;
  readonly oid: string;
  readonly oidRange: Range;
  readonly critical: boolean;
  /** The control value after `:` / `::` / `:<`, if any. */
  readonly value?: string;
  readonly valueEncoding?: ValueEncoding;
  readonly bytes?: Uint8Array;
}

export type ChangeType = 'add' | 'delete' | 'modify' | 'modrdn' | 'moddn';
export const CHANGE_TYPES: readonly ChangeType[] = ['add', 'delete', 'modify', 'modrdn', 'moddn'];

export type ModOp = 'add' | 'delete' | 'replace' | 'increment';
export const MOD_OPS: readonly ModOp[] = ['add', 'delete', 'replace', 'increment'];

/** The lines of a modrdn or moddn after its changetype, in the order RFC 2849 gives them. */
export const RENAME_KEYWORDS: readonly string[] = ['newrdn', 'deleteoldrdn', 'newsuperior'];

/** Lower-cased types the parser gives a meaning to in some place: a record's head, a mod-spec, a rename. */
export const LDIF_KEYWORDS: ReadonlySet<string> = new Set([
  'dn',
  'changetype',
  'control',
  'version',
  'include',
  ...MOD_OPS,
  ...RENAME_KEYWORDS,
]);

export interface ModSpec {
  /** The `replace: attr` line; its name is the operation, its value the attribute. */
  readonly header: AttrLine;
  /** Lower-cased operation, undefined when it is not one of MOD_OPS. */
  readonly op: ModOp | undefined;
  /** The attribute description the spec targets (header value, trimmed). */
  readonly attribute: string;
  readonly values: readonly AttrLine[];
  /** The closing `-` line; undefined when the spec ends without one. */
  readonly terminator: Range | undefined;
  readonly range: Range;
}

export type RecordKind = 'content' | ChangeType | 'unknown-change';

export interface LdifRecord {
  readonly range: Range;
  /** Undefined when the record does not start with `dn:` (a syntax problem). */
  readonly dn: AttrLine | undefined;
  readonly controls: readonly Control[];
  /** The `changetype:` line, when present. */
  readonly changeTypeLine: AttrLine | undefined;
  readonly kind: RecordKind;
  /** Attribute lines of a content record or a `changetype: add` record. */
  readonly attributes: readonly AttrLine[];
  /** Mod-specs of a `changetype: modify` record. */
  readonly modifications: readonly ModSpec[];
  readonly newRdn: AttrLine | undefined;
  readonly deleteOldRdn: AttrLine | undefined;
  readonly newSuperior: AttrLine | undefined;
  /** Every attribute-like line of the record, in order (dn, controls and keywords included). */
  readonly lines: readonly AttrLine[];
  readonly comments: readonly Comment[];
  /** What the record's lines hold, as `RecordTraits` bits. */
  readonly traits: number;
}

/**
 * What the parser notes about a record's lines as it reads them, as bits of `LdifRecord.traits`.
 * Checks that look only for one of these skip every record without it, and nearly every record
 * of a large file has none: looking again at each line, in each check, cost more than the parse.
 */
export const enum RecordTraits {
  /** A line (or a comment) is folded before its first ':', so that its attribute name may be. */
  foldedName = 1,
  /** A plain value starts with ':' or '<', or holds NUL or CR: RFC 2849 wants it in base64. */
  unsafePlainValue = 2,
  /** A value ends with a space, or a `-` line with white space. */
  trailingSpace = 4,
  /** A value, or a control's value, is read from a URL (`:<`). */
  urlValue = 8,
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A quick fix offered with a diagnostic; the rule that found the problem knows the fix. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one fix an editor may apply without asking (LSP `isPreferred`). */
  readonly preferred?: boolean;
}

export interface Diagnostic {
  /** Stable code, e.g. `winsync/invalid-enum` or `ldif/missing-dn`. */
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

export interface VersionSpec {
  readonly line: AttrLine;
  readonly version: string;
}

export interface LdifDocument {
  readonly version: VersionSpec | undefined;
  readonly records: readonly LdifRecord[];
  /** Comments outside records (between records, before the first). */
  readonly comments: readonly Comment[];
  /** Syntax problems found while parsing (codes `ldif/...`); their rules word them as diagnostics. */
  readonly problems: readonly SyntaxFinding[];
  /** Number of physical lines in the text. */
  readonly lineCount: number;
  /** The line separator the text mostly uses. */
  readonly eol: '\n' | '\r\n';
}
