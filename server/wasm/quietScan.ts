/**
 * The scan for quiet records (server/src/engine/rules/quietRecords.ts says what it proves and
 * why), in AssemblyScript, compiled to WebAssembly by scripts/build-wasm.mjs. It reads UTF-8
 * bytes, builds nothing, and asks its host whatever the catalog and the DN rules know: the facts
 * of a description the first time it meets it, whether an objectClass value makes an agreement,
 * whether a DN is plain. A block is quiet only when every line has a shape no parser finding and
 * no record rule can report on; every other block is reported as kept (`keptRun`).
 *
 * Memory: fixed tables in static data, then the input (`reserve`) and, after it, a scratch area
 * of the same size for unfolded values.
 */
import { Keyword, Kind, NameFact, NamePacking, ValueCheck } from '../src/engine/rules/quietScanCodes';

// The host's side.
/** The facts of the description input[ptr, ptr + length) as `NameFact` bits, its keyword and its group. */
declare function describeName(ptr: usize, length: i32): i32;
/** The scan forgot every description (and so every group) it knew. */
declare function forgetNames(): void;
/** Whether the objectClass value makes the record an agreement. */
declare function isAgreementClass(ptr: usize, length: i32): bool;
/** Whether the value (base64 when `base64`) passes `check` (`ValueCheck`). */
declare function valueAllowed(check: i32, ptr: usize, length: i32, base64: bool): bool;
/** A run of blocks that are not quiet: [start, end) of the input, its first line, and whether a quiet block came before it in this input. */
declare function keptRun(start: i32, end: i32, firstLine: i32, afterQuiet: bool): void;

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

/**
 * Byte strings met, numbered in the order met: open addressing over their hash, their bytes
 * copied into an arena. The descriptions and the objectClass values each have one, in static
 * memory (unmanaged: the module has no allocator, its input follows the static data).
 */
@unmanaged
class ByteStrings {
  slots: usize;
  slotMask: i32;
  hashes: usize;
  starts: usize;
  lengths: usize;
  arena: usize;
  capacity: i32;
  arenaSize: i32;
  count: i32;
  used: i32;
  /** Where `find` looked last: the hash and the free slot an `add` of those bytes takes. */
  hash: i32;
  slot: i32;

  /**
   * The table in `block`, memory the caller reserved (memory.data takes only constant sizes) of
   * `offsetof<ByteStrings>() + slotCount * 4 + capacity * 12 + arenaSize` bytes: the table's own
   * fields, then `slotCount` i32 slots, 3 × `capacity` i32 entries (hashes, starts, lengths) and
   * an arena of `arenaSize` bytes.
   */
  static placed(block: usize, slotCount: i32, capacity: i32, arenaSize: i32): ByteStrings {
    const table = changetype<ByteStrings>(block);
    const slots = block + offsetof<ByteStrings>();
    const entries = slots + ((<usize>slotCount) << 2);
    table.slots = slots;
    table.slotMask = slotCount - 1;
    table.hashes = entries;
    table.starts = entries + ((<usize>capacity) << 2);
    table.lengths = entries + ((<usize>capacity) << 3);
    table.arena = entries + <usize>capacity * 12;
    table.capacity = capacity;
    table.arenaSize = arenaSize;
    return table;
  }

  /** The number of p[0, size), or -1 when it is not held yet. */
  find(p: usize, size: i32): i32 {
    const hash = hashOf(p, size);
    let slot = hash & this.slotMask;
    for (let held = load<i32>(this.slots + ((<usize>slot) << 2)); held !== 0;) {
      const i = (<usize>(held - 1)) << 2;
      if (
        load<i32>(this.hashes + i) === hash &&
        load<i32>(this.lengths + i) === size &&
        sameBytes(this.arena + <usize>load<i32>(this.starts + i), p, size)
      )
        return held - 1;
      slot = (slot + 1) & this.slotMask;
      held = load<i32>(this.slots + ((<usize>slot) << 2));
    }
    this.hash = hash;
    this.slot = slot;
    return -1;
  }

  /** Adds p[0, size), which `find` just did not find; its number, or -1 when the table or its arena is full. */
  add(p: usize, size: i32): i32 {
    if (this.count === this.capacity || this.used + size > this.arenaSize) return -1;
    const index = this.count++;
    const i = (<usize>index) << 2;
    memory.copy(this.arena + <usize>this.used, p, size);
    store<i32>(this.hashes + i, this.hash);
    store<i32>(this.starts + i, this.used);
    store<i32>(this.lengths + i, size);
    store<i32>(this.slots + ((<usize>this.slot) << 2), index + 1);
    this.used += size;
    return index;
  }

  /** Whether the bytes of number `index` start input[at, end), followed by a colon. */
  headsLine(index: i32, at: i32, end: i32): bool {
    const size = this.length(index);
    return (
      at + size < end &&
      byteAt(at + size) === 58 &&
      sameBytes(input + <usize>at, this.arena + <usize>load<i32>(this.starts + ((<usize>index) << 2)), size)
    );
  }

  length(index: i32): i32 {
    return load<i32>(this.lengths + ((<usize>index) << 2));
  }

  clear(): void {
    memory.fill(this.slots, 0, (this.slotMask + 1) * 4);
    this.count = 0;
    this.used = 0;
  }
}

// Descriptions, forgotten between records past MAX_NAMES.
const MAX_NAMES = 4096;
const NAME_CAPACITY = 8192;
const NAME_SLOTS = 16384;
const NAME_ARENA = 1 << 18;
const names = ByteStrings.placed(
  memory.data(offsetof<ByteStrings>() + NAME_SLOTS * 4 + NAME_CAPACITY * 12 + NAME_ARENA),
  NAME_SLOTS,
  NAME_CAPACITY,
  NAME_ARENA,
);
/** What the host said of each description (`NameFact` bits, keyword, group). */
const nameFacts = memory.data(NAME_CAPACITY * 4);
/** The description of the line that followed one last time (a name index, -1: none): the next line is tried against it first. */
const nameNext = memory.data(NAME_CAPACITY * 4);
/** The description of the last attribute line looked up (a name index, -1: none). */
let previousName = -1;

// Name groups, numbered by the host: the record whose attributes last held the group, its
// first value there, the record whose values list it has, the modify that last replaced it.
const groupRecord = memory.data(NAME_CAPACITY * 4);
const groupFirstStart = memory.data(NAME_CAPACITY * 4);
const groupFirstEnd = memory.data(NAME_CAPACITY * 4);
const groupFirstOpaque = memory.data(NAME_CAPACITY * 4);
const groupValuesRecord = memory.data(NAME_CAPACITY * 4);
const groupReplacedIn = memory.data(NAME_CAPACITY * 4);

// The values of one record's lists (an attribute given twice, a mod-spec), to find one given
// twice: open addressing, slots marked with the record's generation. A record with more values
// in lists than MAX_VALUES goes to the full check.
const VALUE_SLOTS = 2048;
const MAX_VALUES = 1024;
const valueUse = memory.data(VALUE_SLOTS * 4);
const valueList = memory.data(VALUE_SLOTS * 4);
const valueStart = memory.data(VALUE_SLOTS * 4);
const valueEnd = memory.data(VALUE_SLOTS * 4);
const valueKey = memory.data(VALUE_SLOTS * 4);
let valueGeneration = 0;
let values = 0;
/** Numbers the lists of a record: an attribute's is its group, a mod-spec's counts on from NAME_CAPACITY. */
let specList = 0;

// objectClass values met: whether each makes an agreement, and the record that last gave it.
const MAX_CLASS_VALUES = 1024;
const CLASS_SLOTS = 2048;
const CLASS_ARENA = 1 << 16;
const classValues = ByteStrings.placed(
  memory.data(offsetof<ByteStrings>() + CLASS_SLOTS * 4 + MAX_CLASS_VALUES * 12 + CLASS_ARENA),
  CLASS_SLOTS,
  MAX_CLASS_VALUES,
  CLASS_ARENA,
);
const classAgreement = memory.data(MAX_CLASS_VALUES * 4);
const classRecord = memory.data(MAX_CLASS_VALUES * 4);

// The change types, as the host registers them.
const MAX_CHANGE_TYPES = 8;
const changeTypeBytes = memory.data(256);
const changeTypeStart = memory.data(MAX_CHANGE_TYPES * 4);
const changeTypeLength = memory.data(MAX_CHANGE_TYPES * 4);
const changeTypeKind = memory.data(MAX_CHANGE_TYPES * 4);
let changeTypes = 0;
let changeTypeBytesUsed = 0;

// Start and end of each continuation line's content after its leading space, in pairs.
const MAX_FOLDS = 1 << 16;
const folds = memory.data(MAX_FOLDS * 4);

// The input and the scratch area after it.
const input: usize = (__heap_base + 15) & ~(<usize>15);
let capacity = 0;

// Across inputs: the lines read, the records met, whether a content and a change record came.
let firstLine = 0;
let record = 0;
let contentSeen = false;
let changeSeen = false;

// The block being read.
let unsafeSeen = false;
let lineStart = 0;
let lineEnd = 0;
let foldCount = 0;
let blockNext = 0;
let blockLines = 0;

// The record being read.
let phase = Phase.dn;
let kind = Kind.content;
let attributes = 0;
let specs = 0;
let specOp = Keyword.none;
/** The open mod-spec's description (a name index): its value lines start with it and a colon. */
let specName = -1;
let specValues = 0;
let specOpaque = false;

/** Where the input goes, with room for `length` bytes (0 when memory cannot grow). */
export function reserve(length: i32): usize {
  if (length > capacity) {
    const needed = input + 2 * <usize>length + 16;
    const pages = <i32>((needed + 0xffff) >> 16);
    const have = memory.size();
    if (pages > have && memory.grow(pages - have) < 0) return 0;
    capacity = length;
  }
  return input;
}

/** Registers input[0, length) as the change type of `changeKind`. */
export function addChangeType(length: i32, changeKind: i32): void {
  if (changeTypes === MAX_CHANGE_TYPES || changeTypeBytesUsed + length > 256) unreachable();
  memory.copy(changeTypeBytes + changeTypeBytesUsed, input, length);
  store<i32>(changeTypeStart + (changeTypes << 2), changeTypeBytesUsed);
  store<i32>(changeTypeLength + (changeTypes << 2), length);
  store<i32>(changeTypeKind + (changeTypes << 2), changeKind);
  changeTypeBytesUsed += length;
  changeTypes++;
}

/** The lines of the inputs scanned so far. */
export function linesRead(): i32 {
  return firstLine;
}

/**
 * Scans input[0, length), the next piece of one input: reports each run of blocks that are not
 * quiet (`keptRun`), with the blank lines between them.
 */
export function scan(length: i32): void {
  let line = firstLine;
  let at = 0;
  let runStart = -1;
  let runEnd = 0;
  let runLine = 0;
  let afterQuiet = false;
  while (at < length) {
    unsafeSeen = false;
    const newline = lineBreak(at, length);
    const next = newline < 0 ? length : newline + 1;
    const end = lineEndAt(at, newline, length);
    if (end === at) {
      at = next;
      line++;
      continue;
    }
    // The first content and change records always go to the full check, which compares them.
    let quiet = block(at, end, next, length) && !firstOfItsKind();
    if (unsafeSeen) quiet = false;
    if (quiet) {
      if (runStart >= 0) keptRun(runStart, runEnd, runLine, afterQuiet);
      runStart = -1;
      afterQuiet = true;
    } else {
      if (runStart < 0) {
        runStart = at;
        runLine = line;
      }
      runEnd = blockNext;
    }
    line += blockLines;
    at = blockNext;
  }
  if (runStart >= 0) keptRun(runStart, runEnd, runLine, afterQuiet);
  firstLine = line;
}

/** The `Kind` of the record that input[0, length) holds, one block, when it is quiet; -1 when not. */
export function quietKind(length: i32): i32 {
  if (length === 0) return -1;
  unsafeSeen = false;
  const newline = lineBreak(0, length);
  const next = newline < 0 ? length : newline + 1;
  const quiet = block(0, lineEndAt(0, newline, length), next, length) && blockNext === length;
  return quiet && !unsafeSeen ? kind : -1;
}

/**
 * The offset of the next line feed from `at` (-1: none). On the way it notes the bytes a quiet
 * block may not hold (`unsafeSeen`): NUL and CR outside a line break (ldif/must-base64), U+00A0
 * (ldif/no-break-space), U+FFFD (ldif/replacement-character) and bytes that are not UTF-8, which
 * a decoder turns into U+FFFD.
 */
function lineBreak(at: i32, length: i32): i32 {
  const end = input + <usize>length;
  let p = input + <usize>at;
  // Sixteen bytes at a time while none is a control character below 14 or outside ASCII.
  const low = i8x16.splat(14);
  const zero = i8x16.splat(0);
  while (p + 16 <= end) {
    const chunk = v128.load(p);
    if (v128.any_true(v128.or(i8x16.lt_u(chunk, low), i8x16.lt_s(chunk, zero)))) break;
    p += 16;
  }
  while (p < end) {
    const byte = load<u8>(p);
    if (byte >= 14 && byte < 128) {
      p++;
      continue;
    }
    if (byte === 10) return <i32>(p - input);
    if (byte === 0) unsafeSeen = true;
    else if (byte === 13) {
      if (p + 1 >= end || load<u8>(p + 1) !== 10) unsafeSeen = true;
    } else if (byte >= 128) {
      const size = utf8Sequence(p, end);
      if (size === 0) {
        unsafeSeen = true;
        p++;
      } else p += size;
      continue;
    }
    p++;
  }
  return -1;
}

/**
 * The length of the UTF-8 sequence at `p` (0 when it is not one); notes U+00A0 and U+FFFD. The
 * ranges are those of a strict decoder (util/bytes.ts `readUtf8`, TextDecoder): no overlong
 * forms, no surrogates, nothing past U+10FFFF.
 */
function utf8Sequence(p: usize, end: usize): i32 {
  const lead = <u32>load<u8>(p);
  const left = <u32>(end - p);
  if (lead >= 0xc2 && lead <= 0xdf) {
    if (left < 2 || !continuation(p + 1)) return 0;
    if (lead === 0xc2 && load<u8>(p + 1) === 0xa0) unsafeSeen = true;
    return 2;
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    if (left < 3) return 0;
    const second = <u32>load<u8>(p + 1);
    const lowest: u32 = lead === 0xe0 ? 0xa0 : 0x80;
    const highest: u32 = lead === 0xed ? 0x9f : 0xbf;
    if (second < lowest || second > highest || !continuation(p + 2)) return 0;
    if (lead === 0xef && second === 0xbf && load<u8>(p + 2) === 0xbd) unsafeSeen = true;
    return 3;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    if (left < 4) return 0;
    const second = <u32>load<u8>(p + 1);
    const lowest: u32 = lead === 0xf0 ? 0x90 : 0x80;
    const highest: u32 = lead === 0xf4 ? 0x8f : 0xbf;
    if (second < lowest || second > highest || !continuation(p + 2) || !continuation(p + 3)) return 0;
    return 4;
  }
  return 0;
}

function continuation(p: usize): bool {
  return (load<u8>(p) & 0xc0) === 0x80;
}

/** End of the line at `at` whose line break is at `newline` (-1: none), without it; a CR goes with a LF. */
function lineEndAt(at: i32, newline: i32, length: i32): i32 {
  if (newline < 0) return length;
  return newline > at && byteAt(newline - 1) === 13 ? newline - 1 : newline;
}

function byteAt(at: i32): i32 {
  return <i32>load<u8>(input + <usize>at);
}

/**
 * Reads the block whose first line is [start, firstEnd), the next line starting at `next`, up
 * to its end (`blockNext`, `blockLines`); whether it is quiet.
 */
function block(start: i32, firstEnd: i32, next: i32, length: i32): bool {
  // Forgotten between records only: a record's repeated names are found through their groups.
  if (names.count >= MAX_NAMES || names.used > NAME_ARENA / 2) forgetAllNames();
  phase = Phase.dn;
  record++;
  newValueGeneration();
  let lines = 1;
  let logicalStart = start;
  let logicalEnd = firstEnd;
  let at = next;
  let quiet = byteAt(start) !== 32; // a continuation with nothing to continue
  for (;;) {
    // The continuation lines of the logical line, then the line after them.
    let foldsRead = 0;
    let afterEnd = at;
    let afterNext = at;
    while (at < length) {
      const newline = lineBreak(at, length);
      afterNext = newline < 0 ? length : newline + 1;
      afterEnd = lineEndAt(at, newline, length);
      if (byteAt(at) !== 32) break;
      if (foldsRead === MAX_FOLDS) quiet = false;
      else {
        store<i32>(folds + ((<usize>foldsRead) << 2), at + 1);
        store<i32>(folds + ((<usize>(foldsRead + 1)) << 2), afterEnd);
        foldsRead += 2;
      }
      lines++;
      at = afterNext;
    }
    if (quiet) {
      lineStart = logicalStart;
      lineEnd = logicalEnd;
      foldCount = foldsRead;
      quiet = logicalLine();
    }
    if (at >= length || afterEnd === at) break;
    logicalStart = at;
    logicalEnd = afterEnd;
    at = afterNext;
    lines++;
  }
  blockNext = at;
  blockLines = lines;
  return quiet && recordEnds();
}

function forgetAllNames(): void {
  names.clear();
  memory.fill(groupRecord, 0, NAME_CAPACITY * 4);
  memory.fill(groupValuesRecord, 0, NAME_CAPACITY * 4);
  memory.fill(groupReplacedIn, 0, NAME_CAPACITY * 4);
  previousName = -1;
  forgetNames();
}

/** Whether the record just read is the first content or change record of the input: the full check compares those. */
function firstOfItsKind(): bool {
  const change = kind !== Kind.content;
  if (change ? changeSeen : contentSeen) return false;
  if (change) changeSeen = true;
  else contentSeen = true;
  return true;
}

const enum Encoding {
  plain,
  base64,
}

/** Whether the logical line just read may stand where it is in a quiet record. */
function logicalLine(): bool {
  const start = lineStart;
  const end = lineEnd;
  const folded = foldCount > 0;
  const first = byteAt(start);
  // A folded comment may be a folded attribute name (ldif/folded-attribute-name).
  if (first === 35 /* # */) return !folded;
  if (first === 45 /* - */ && end === start + 1 && !folded) return dash();
  // The value must not end in a space (ldif/trailing-space).
  const last = folded ? load<i32>(folds + ((<usize>(foldCount - 1)) << 2)) : end;
  const lastStart = folded ? load<i32>(folds + ((<usize>(foldCount - 2)) << 2)) : start;
  if (last === lastStart || byteAt(last - 1) === 32) return false;
  // The description: the open mod-spec's attribute, the one that followed the last description
  // last time, or a look-up. A description and its colon on the first line also say that the
  // name is not folded (a description holds no colon).
  let name = -1;
  let colon: i32;
  if (phase === Phase.modValues && names.headsLine(specName, start, end)) {
    colon = start + names.length(specName);
  } else {
    const previous = previousName;
    const predicted = previous < 0 ? -1 : load<i32>(nameNext + ((<usize>previous) << 2));
    if (predicted >= 0 && names.headsLine(predicted, start, end)) {
      name = predicted;
      colon = start + names.length(name);
    } else {
      colon = indexOfColon(start, end);
      if (colon < 0) return false;
      name = findName(input + <usize>start, colon - start);
      if (name < 0) return false;
      if (previous >= 0) store<i32>(nameNext + ((<usize>previous) << 2), name);
    }
    previousName = name;
  }
  let valueStart = colon + 1;
  const separator = valueStart < end ? byteAt(valueStart) : -1;
  let encoding = Encoding.plain;
  if (separator === 58 /* : */) {
    encoding = Encoding.base64;
    valueStart++;
  } else if (separator === 60 /* < */) return false;
  while (valueStart < end && byteAt(valueStart) === 32) valueStart++;
  // A fold before the value starts could change the separator when the line is unfolded.
  if (valueStart === end && folded) return false;
  if (encoding === Encoding.plain) {
    const initial = valueStart < end ? byteAt(valueStart) : -1;
    // RFC 2849 wants such values in base64 (ldif/unsafe-initial-char).
    if (initial === 58 || initial === 60) return false;
  } else {
    const value = unfolded(valueStart);
    if (!isBase64(value, valueLength)) return false;
  }
  if (name < 0) return modValue(valueStart, encoding, folded);
  const facts = load<i32>(nameFacts + ((<usize>name) << 2));
  return (facts & NameFact.valid) !== 0 && attributeLine(name, facts, valueStart, encoding, folded);
}

/** Whether a[0, size) and b[0, size) hold the same bytes: eight at a time, then one. */
function sameBytes(a: usize, b: usize, size: i32): bool {
  let i: usize = 0;
  const whole = <usize>(size & ~7);
  for (; i < whole; i += 8) if (load<u64>(a + i) !== load<u64>(b + i)) return false;
  for (; i < <usize>size; i++) if (load<u8>(a + i) !== load<u8>(b + i)) return false;
  return true;
}

function indexOfColon(start: i32, end: i32): i32 {
  for (let at = start; at < end; at++) if (byteAt(at) === 58) return at;
  return -1;
}

/** The length of the last value `unfolded` gave. */
let valueLength = 0;

/**
 * The value of the logical line from `valueStart`, unfolded: where it starts, in the input when
 * the line is not folded, else in the scratch area; its length in `valueLength`.
 */
function unfolded(from: i32): usize {
  if (foldCount === 0) {
    valueLength = lineEnd - from;
    return input + <usize>from;
  }
  const scratch = input + <usize>capacity;
  let size = lineEnd - from;
  memory.copy(scratch, input + <usize>from, size);
  for (let i = 0; i < foldCount; i += 2) {
    const start = load<i32>(folds + ((<usize>i) << 2));
    const piece = load<i32>(folds + ((<usize>(i + 1)) << 2)) - start;
    memory.copy(scratch + <usize>size, input + <usize>start, piece);
    size += piece;
  }
  valueLength = size;
  return scratch;
}

/** Whether the value from `valueStart` is the ASCII `word` of `size` bytes, and not folded. */
function valueIs(from: i32, word: usize, size: i32): bool {
  return foldCount === 0 && lineEnd - from === size && sameBytes(input + <usize>from, word, size);
}

/**
 * Base64 of whole quads: only its alphabet, and "=" only as one or two at the end (the parser's
 * `isBase64` in ldif/attrLine.ts, and a length the parser takes without a finding).
 */
function isBase64(p: usize, size: i32): bool {
  if (size % 4 !== 0) return false;
  let end = size;
  if (end > 0 && load<u8>(p + <usize>(end - 1)) === 61) end--;
  if (end > 0 && load<u8>(p + <usize>(end - 1)) === 61) end--;
  for (let i = 0; i < end; i++) {
    const c = <u32>load<u8>(p + <usize>i);
    const letter = (c | 32) - 97 < 26;
    if (!letter && c - 48 >= 10 && c !== 43 && c !== 47) return false;
  }
  return true;
}

/** An attribute-like line (not a "-", not a comment, not a value of the open mod-spec) in the current phase. */
function attributeLine(name: i32, facts: i32, valueStart: i32, encoding: Encoding, folded: bool): bool {
  const keyword = (facts >> NamePacking.keywordShift) & NamePacking.keywordMask;
  switch (phase) {
    case Phase.dn: {
      if (keyword !== Keyword.dn) return false;
      // Only a plain DN has no DN finding; one that may name a winsync entry or sit below the
      // mapping tree goes to the catalog's classification and the DN rules.
      if (!hostAllows(ValueCheck.dn, valueStart, encoding)) return false;
      phase = Phase.afterDn;
      kind = Kind.content;
      attributes = 0;
      specs = 0;
      specOp = Keyword.none;
      return true;
    }
    case Phase.afterDn: {
      if (keyword === Keyword.changetype) return encoding === Encoding.plain && changeType(valueStart);
      if (keyword === Keyword.control) return control(valueStart, encoding);
      phase = Phase.attributes;
      return contentLine(name, facts, valueStart, encoding, folded);
    }
    case Phase.controls: {
      if (keyword === Keyword.changetype) return encoding === Encoding.plain && changeType(valueStart);
      return keyword === Keyword.control && control(valueStart, encoding);
    }
    case Phase.attributes:
      return contentLine(name, facts, valueStart, encoding, folded);
    case Phase.newRdn: {
      if (keyword !== Keyword.newrdn) return false;
      // One plain RDN: a comma or semicolon makes it several (dn/invalid).
      if (!hostAllows(ValueCheck.rdn, valueStart, encoding)) return false;
      phase = Phase.deleteOldRdn;
      return true;
    }
    case Phase.deleteOldRdn: {
      phase = Phase.newSuperior;
      if (keyword !== Keyword.deleteoldrdn || encoding !== Encoding.plain || foldCount !== 0) return false;
      return lineEnd - valueStart === 1 && (byteAt(valueStart) === 48 || byteAt(valueStart) === 49);
    }
    case Phase.newSuperior: {
      if (keyword !== Keyword.newsuperior || encoding !== Encoding.plain) return false;
      if (!hostAllows(ValueCheck.superior, valueStart, encoding)) return false;
      phase = Phase.nothing;
      return true;
    }
    case Phase.operation:
      return encoding === Encoding.plain && operation(keyword, valueStart);
    default:
      // A value line of another attribute in a mod-spec (ldif/mod-value-mismatch,
      // ldif/missing-dash), or anything after a delete.
      return false;
  }
}

/** Whether the host lets the value from `valueStart` pass `check`. */
function hostAllows(check: ValueCheck, valueStart: i32, encoding: Encoding): bool {
  const value = unfolded(valueStart);
  return valueAllowed(check, value, valueLength, encoding === Encoding.base64);
}

/** A `control:` line before the changetype: an OID and a criticality, no value (ldif/invalid-control). */
function control(valueStart: i32, encoding: Encoding): bool {
  phase = Phase.controls;
  return encoding === Encoding.plain && hostAllows(ValueCheck.control, valueStart, encoding);
}

/** `changetype:` after the dn: one of the known ones, written as the parser reads it. */
function changeType(valueStart: i32): bool {
  let found = -1;
  for (let i = 0; i < changeTypes; i++) {
    const offset = (<usize>i) << 2;
    if (
      valueIs(
        valueStart,
        changeTypeBytes + <usize>load<i32>(changeTypeStart + offset),
        load<i32>(changeTypeLength + offset),
      )
    )
      found = load<i32>(changeTypeKind + offset);
  }
  if (found < 0) return false;
  kind = found;
  if (found === Kind.add) phase = Phase.attributes;
  else if (found === Kind.delete) phase = Phase.nothing;
  else if (found === Kind.modify) phase = Phase.operation;
  else phase = Phase.newRdn;
  return true;
}

/** An attribute of a content or add record: an ordinary one, its value written once. */
function contentLine(name: i32, facts: i32, valueStart: i32, encoding: Encoding, folded: bool): bool {
  if ((facts & NameFact.special) !== 0) return false;
  attributes++;
  const opaque = folded || encoding === Encoding.base64;
  if ((facts & NameFact.objectClass) !== 0) return !opaque && objectClass(valueStart);
  const group = (<usize>(facts >>> NamePacking.groupShift)) << 2;
  const end = lineEnd;
  if (load<i32>(groupRecord + group) !== record) {
    store<i32>(groupRecord + group, record);
    store<i32>(groupFirstStart + group, valueStart);
    store<i32>(groupFirstEnd + group, end);
    store<i32>(groupFirstOpaque + group, opaque ? 1 : 0);
    return true;
  }
  // The description comes again in this record: its values must differ (ldif/duplicate-value).
  // A folded or base64 value would have to be decoded to be compared; the full check does that.
  if (opaque || load<i32>(groupFirstOpaque + group) !== 0) return false;
  const list = <i32>(facts >>> NamePacking.groupShift);
  if (load<i32>(groupValuesRecord + group) !== record) {
    store<i32>(groupValuesRecord + group, record);
    if (!addValue(list, load<i32>(groupFirstStart + group), load<i32>(groupFirstEnd + group))) return false;
  }
  return addValue(list, valueStart, end);
}

/**
 * A plain objectClass value: not one that makes an agreement, and not given before in the
 * record (under any spelling of objectClass, which only the full check tells apart).
 */
function objectClass(valueStart: i32): bool {
  const size = lineEnd - valueStart;
  const p = input + <usize>valueStart;
  let index = classValues.find(p, size);
  if (index < 0) {
    index = classValues.add(p, size);
    if (index < 0) return false;
    store<i32>(classAgreement + ((<usize>index) << 2), isAgreementClass(p, size) ? 1 : 0);
    store<i32>(classRecord + ((<usize>index) << 2), 0);
  }
  const i = (<usize>index) << 2;
  if (load<i32>(classAgreement + i) !== 0 || load<i32>(classRecord + i) === record) return false;
  store<i32>(classRecord + i, record);
  return true;
}

/** An operation line of a modify: add, delete or replace of an ordinary attribute. */
function operation(keyword: i32, valueStart: i32): bool {
  // increment: is refused by 389-DS (ldif/increment); other lines are unknown operations.
  if (keyword !== Keyword.add && keyword !== Keyword.delete && keyword !== Keyword.replace) return false;
  const value = unfolded(valueStart);
  const name = findName(value, valueLength);
  if (name < 0) return false;
  const facts = load<i32>(nameFacts + ((<usize>name) << 2));
  if ((facts & NameFact.valid) === 0 || (facts & NameFact.special) !== 0) return false;
  if (keyword === Keyword.replace) {
    // A second replace of the same attribute in one modify (winsync/replaced-twice).
    const group = (<usize>(facts >>> NamePacking.groupShift)) << 2;
    if (load<i32>(groupReplacedIn + group) === record) return false;
    store<i32>(groupReplacedIn + group, record);
  }
  phase = Phase.modValues;
  specs++;
  specOp = keyword;
  specName = name;
  specValues = 0;
  specOpaque = false;
  specList++;
  return true;
}

/** A value line of the open mod-spec. */
function modValue(valueStart: i32, encoding: Encoding, folded: bool): bool {
  specValues++;
  if (specOp === Keyword.delete) return true;
  // Added or replaced values must differ (ldif/duplicate-value); folded or base64 ones are
  // compared only by the full check, which decodes them.
  specOpaque = specOpaque || folded || encoding === Encoding.base64;
  if (specOpaque) return specValues === 1;
  return addValue(NAME_CAPACITY + specList, valueStart, lineEnd);
}

/** A "-" line: it closes a mod-spec; anywhere else it is stray. */
function dash(): bool {
  if (phase !== Phase.modValues || !specClosed()) return false;
  phase = Phase.operation;
  return true;
}

/** Whether the open mod-spec may end here: an add: needs values (ldif/add-without-values). */
function specClosed(): bool {
  return specOp !== Keyword.add || specValues > 0;
}

/** Whether the record may end where its block does. */
function recordEnds(): bool {
  switch (phase) {
    case Phase.attributes:
      return attributes > 0;
    case Phase.nothing:
    case Phase.newSuperior:
      return true;
    case Phase.operation:
      return specs > 0;
    case Phase.modValues:
      return specClosed();
    default:
      // No dn:, only a dn: (ldif/empty-change), or a rename without its lines.
      return false;
  }
}

/** The description at p[0, size): its index among the names met, asking the host the first time; -1 when the table is full. */
function findName(p: usize, size: i32): i32 {
  const found = names.find(p, size);
  if (found >= 0) return found;
  // Full in the middle of a record, whose names cannot be forgotten yet: the full check reads it.
  const index = names.add(p, size);
  if (index < 0) return -1;
  store<i32>(nameFacts + ((<usize>index) << 2), describeName(p, size));
  store<i32>(nameNext + ((<usize>index) << 2), -1);
  return index;
}

/** FNV-1a over the bytes. */
function hashOf(p: usize, size: i32): i32 {
  let hash: u32 = 2166136261;
  for (let i = 0; i < size; i++) hash = (hash ^ (<u32>load<u8>(p + <usize>i))) * 16777619;
  return <i32>(hash ^ (hash >>> 15));
}

/** Starts the value lists of a new record: the slots of earlier ones count as empty. */
function newValueGeneration(): void {
  if (++valueGeneration === 1 << 30) {
    memory.fill(valueUse, 0, VALUE_SLOTS * 4);
    valueGeneration = 1;
  }
  values = 0;
}

/** Adds input[start, end) to the record's list `list`; false when an equal value is in it already, or the lists are full. */
function addValue(list: i32, start: i32, end: i32): bool {
  if (values === MAX_VALUES) return false;
  const size = end - start;
  const p = input + <usize>start;
  const key = keyOf(list, p, size);
  let slot = key & (VALUE_SLOTS - 1);
  for (; load<i32>(valueUse + ((<usize>slot) << 2)) === valueGeneration; slot = (slot + 1) & (VALUE_SLOTS - 1)) {
    const i = (<usize>slot) << 2;
    if (
      load<i32>(valueKey + i) === key &&
      load<i32>(valueList + i) === list &&
      load<i32>(valueEnd + i) - load<i32>(valueStart + i) === size &&
      sameBytes(input + <usize>load<i32>(valueStart + i), p, size)
    )
      return false;
  }
  const i = (<usize>slot) << 2;
  store<i32>(valueUse + i, valueGeneration);
  store<i32>(valueList + i, list);
  store<i32>(valueStart + i, start);
  store<i32>(valueEnd + i, end);
  store<i32>(valueKey + i, key);
  values++;
  return true;
}

/** The list, the length and a few bytes of the value, mixed: equal values of one list have equal keys. */
function keyOf(list: i32, p: usize, size: i32): i32 {
  let key: u32 = <u32>size * 31 + <u32>list;
  if (size > 0) {
    // Near the start, where values of one list (names, DNs below one parent) differ most.
    const last = size - 1;
    key = key * 31 + <u32>load<u8>(p + <usize>min(last, 4));
    key = key * 31 + <u32>load<u8>(p + <usize>min(last, 7));
    key = key * 31 + <u32>load<u8>(p + <usize>min(last, 11));
    key = key * 31 + <u32>load<u8>(p + <usize>last);
  }
  return <i32>(key ^ (key >>> 7) ^ (key >>> 14));
}
