/**
 * The shortcut that lets `check` read a large file in about half the time of parsing it all:
 * nearly every record of a change file is an ordinary entry about which neither the parser nor
 * any record rule has anything to say, and building and checking those records was most of the
 * time. `QuietRecords` reads a piece line by line without building anything and calls a block
 * quiet only when every line has a shape that can give no diagnostic. The reading is a
 * WebAssembly module over UTF-8 bytes (server/wasm/quietScan.ts: in JavaScript it cost more than
 * the rest of `check`); this class is its host. Any doubt, every record that could be a winsync
 * entry and every record naming a catalog attribute goes to the parser and the rules as before,
 * and what the catalog and the DN rules know the module asks of them here, never repeated there. test/engine/rules/quietRecords.test.ts holds it to that: a block called quiet
 * gets no diagnostic from the full check, and a whole check finds the same with and without it.
 * Schema checks need every entry, so `check --schema` does not use it. The language server
 * asks it about the blocks of a paste (`quietKind`), for the same reason.
 */
import type { Catalog } from '../catalog';
import { isPlainDn } from '../dn/dn';
import { CHANGE_TYPES, LDIF_KEYWORDS, type ChangeType, type RecordKind } from '../ldif/ast';
import { isAttributeDescription } from '../ldif/attrLine';
import { hasContent } from '../ldif/lines';
import { base64ToBytes, textReader, utf8Bytes, utf8Text } from '../util/bytes';
import { isAgreementClass, mayEndInConfig } from '../model/entryView';
import { mayBeBelowMappingTree } from './dn/agreement-parent';
import type { TextPart } from '../partsCheck';
import { Keyword, Kind, NameFact, NamePacking, ValueCheck } from './quietScanCodes';
import { QUIET_SCAN_WASM } from './quietScanModule';

/** A control the parser reads without a finding, with nothing a rule looks at: an OID and its criticality. */
const PLAIN_CONTROL = /^[0-9]+(?:\.[0-9]+)*(?: (?:true|false))?$/;

/** The keywords the scan tells apart; any other LDIF keyword is `Keyword.other`. */
const KEYWORDS: Readonly<Record<string, Keyword>> = {
  dn: Keyword.dn,
  changetype: Keyword.changetype,
  control: Keyword.control,
  newrdn: Keyword.newrdn,
  deleteoldrdn: Keyword.deleteoldrdn,
  newsuperior: Keyword.newsuperior,
  add: Keyword.add,
  delete: Keyword.delete,
  replace: Keyword.replace,
};

const KIND_OF: Readonly<Record<ChangeType, Kind>> = {
  add: Kind.add,
  delete: Kind.delete,
  modify: Kind.modify,
  modrdn: Kind.modrdn,
  moddn: Kind.moddn,
};
/** A record's kind by its `Kind` number, as the module answers. */
const RECORD_KINDS: Readonly<Record<number, RecordKind>> = Object.fromEntries([
  [Kind.content, 'content'],
  ...CHANGE_TYPES.map((name) => [KIND_OF[name], name]),
]);

/** The few WebAssembly declarations used here: the engine's TypeScript library has no DOM. */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
};

/** What the module (server/wasm/quietScan.ts) exports. */
interface ScanExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  reserve(length: number): number;
  addChangeType(length: number, kind: Kind): void;
  linesRead(): number;
  scan(length: number): void;
  quietKind(length: number): number;
}

/** Compiled once per thread, when the first scan is made. */
let compiled: object | undefined;

/** A run of blocks that are not quiet, in bytes of the piece scanned. */
interface KeptRun {
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
  /** A quiet block came before it in the piece. */
  readonly afterQuiet: boolean;
}

/**
 * Finds the quiet blocks of each piece of one input, given in order from its start: it numbers
 * the lines as it reads them, and the first content record and the first change record always
 * go to the full check, which compares them (ldif/mixed-records). The reading is done by a
 * WebAssembly module, here given what the catalog and the DN rules know.
 */
export class QuietRecords {
  readonly #catalog: Catalog;
  /** The module's instance, made at the first scan: the language server makes one scan object at start, and may never paste. */
  #instance: ScanExports | undefined;
  /** Name groups (the spellings of a description in any case), numbered for the module. */
  readonly #groups = new Map<string, number>();
  #runs: KeptRun[] = [];
  /** Reads the module's memory, until it grows (a new buffer). */
  #reader: { readonly buffer: ArrayBuffer; readonly text: (start: number, end: number) => string } | undefined;

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
  }

  get #scan(): ScanExports {
    return (this.#instance ??= this.#instantiate());
  }

  #instantiate(): ScanExports {
    compiled ??= new WebAssembly.Module(base64ToBytes(QUIET_SCAN_WASM));
    const catalog = this.#catalog;
    const text = (at: number, length: number) => this.#memoryText(at, length);
    const host = {
      describeName: (at: number, length: number) => this.#describe(catalog, text(at, length)),
      forgetNames: () => this.#groups.clear(),
      isAgreementClass: (at: number, length: number) => isAgreementClass(catalog, text(at, length)),
      valueAllowed: (check: ValueCheck, at: number, length: number, base64: number) =>
        valueAllowed(check, base64 ? utf8Text(base64ToBytes(text(at, length))) : text(at, length)),
      keptRun: (start: number, end: number, firstLine: number, afterQuiet: number) =>
        this.#runs.push({ start, end, firstLine, afterQuiet: afterQuiet !== 0 }),
    };
    const scan = new WebAssembly.Instance(compiled, { quietScan: host }).exports as ScanExports;
    this.#instance = scan;
    for (const name of CHANGE_TYPES) scan.addChangeType(this.#put(utf8Bytes(name)), KIND_OF[name]);
    return scan;
  }

  /** The lines of the pieces read so far. */
  get linesRead(): number {
    return this.#scan.linesRead();
  }

  /**
   * The next piece of the input without its quiet blocks: each run of other blocks, with the
   * blank lines between them, as a piece of its own that the full check reads as it would have
   * read it in place.
   */
  parts(piece: Omit<TextPart, 'firstLine'>): TextPart[] {
    const text = piece.text;
    const bytes = utf8Bytes(text);
    if (bytes.length === text.length)
      return this.partsOfBytes(bytes, piece.atFileStart, (start, end) => text.slice(start, end));
    // Offsets in the text, from offsets in its UTF-8 bytes (the runs come in order).
    let byteAt = 0;
    let charAt = 0;
    const charOffset = (byteOffset: number) => {
      charAt += utf16Length(bytes, byteAt, byteOffset);
      byteAt = byteOffset;
      return charAt;
    };
    return this.partsOfBytes(bytes, piece.atFileStart, (start, end) => text.slice(charOffset(start), charOffset(end)));
  }

  /**
   * `parts` of a piece given as its UTF-8 bytes (as `check` reads a file, which then decodes only
   * what it keeps): `decode` gives the text of bytes[start, end), called in order.
   */
  partsOfBytes(bytes: Uint8Array, atFileStart: boolean, decode: (start: number, end: number) => string): TextPart[] {
    this.#runs = [];
    this.#scan.scan(this.#put(bytes));
    const parts: TextPart[] = [];
    for (const run of this.#runs) {
      const text = decode(run.start, run.end);
      atFileStart &&= !run.afterQuiet;
      parts.push({ text, firstLine: run.firstLine, atFileStart });
      atFileStart &&= !hasContent(text);
    }
    this.#runs = [];
    return parts;
  }

  /**
   * The kind of the record that `text` holds, one block without its line break, when the block
   * is quiet; undefined when it is not. For an editor's document, which compares the first
   * records of each kind itself (`ParsedDocument`): a pasted block it proves quiet is not parsed.
   */
  quietKind(text: string): RecordKind | undefined {
    const kind = this.#scan.quietKind(this.#put(utf8Bytes(text)));
    return kind < 0 ? undefined : RECORD_KINDS[kind];
  }

  /** The text of the module's memory[at, at + length). */
  #memoryText(at: number, length: number): string {
    const buffer = this.#scan.memory.buffer;
    if (this.#reader?.buffer !== buffer) this.#reader = { buffer, text: textReader(buffer) };
    return this.#reader.text(at, at + length);
  }

  /** Puts the bytes where the module reads its input; their length. */
  #put(bytes: Uint8Array): number {
    const at = this.#scan.reserve(bytes.length);
    if (at === 0) throw new RangeError(`no memory for a piece of ${bytes.length} bytes to scan`);
    new Uint8Array(this.#scan.memory.buffer, at, bytes.length).set(bytes);
    return bytes.length;
  }

  /** The `NameFact` bits, keyword and group of a description. */
  #describe(catalog: Catalog, description: string): number {
    const lower = description.toLowerCase();
    const semicolon = lower.indexOf(';');
    const type = semicolon < 0 ? lower : lower.slice(0, semicolon);
    let group = this.#groups.get(lower);
    if (group === undefined) this.#groups.set(lower, (group = this.#groups.size));
    const keyword =
      description === lower && semicolon < 0 && LDIF_KEYWORDS.has(lower)
        ? (KEYWORDS[lower] ?? Keyword.other)
        : Keyword.none;
    const special =
      LDIF_KEYWORDS.has(type) || catalog.attribute(type) !== undefined || catalog.kindByPrefix(type) !== undefined;
    return (
      (isAttributeDescription(description) ? NameFact.valid : 0) |
      (special ? NameFact.special : 0) |
      (type === 'objectclass' ? NameFact.objectClass : 0) |
      (keyword << NamePacking.keywordShift) |
      (group << NamePacking.groupShift)
    );
  }
}

/** The host's side of `ValueCheck`: what the DN rules and the catalog say of a value (undefined: not UTF-8). */
function valueAllowed(check: ValueCheck, value: string | undefined): boolean {
  if (value === undefined) return false;
  switch (check) {
    case ValueCheck.dn:
      return isPlainDn(value) && !mayEndInConfig(value) && !mayBeBelowMappingTree(value);
    case ValueCheck.rdn:
      return isPlainDn(value) && !value.includes(',') && !value.includes(';');
    case ValueCheck.superior:
      return isPlainDn(value);
    case ValueCheck.control:
      return PLAIN_CONTROL.test(value);
  }
}

/** The UTF-16 length of bytes[from, to) of a text encoded as UTF-8: a code unit per sequence, two for four bytes. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let length = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if ((byte & 0xc0) !== 0x80) length += byte >= 0xf0 ? 2 : 1;
  }
  return length;
}
