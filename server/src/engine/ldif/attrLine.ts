import type { AttrLine, LogicalLine, Range, ValueEncoding } from './ast';
import { syntaxFinding, type FindingDataArgs, type SyntaxCode, type SyntaxFinding } from './findings';
import { rangeIn } from './position';
import { base64ToBytes, utf8Text } from '../util/bytes';

/** Receives what the parser finds wrong in line[start, end). */
export type FindingSink = <C extends SyntaxCode>(
  code: C,
  line: LogicalLine,
  start: number,
  end: number,
  ...data: FindingDataArgs<C>
) => void;

/** A sink that collects findings into `found`. */
export function collectFindings(found: SyntaxFinding[]): FindingSink {
  return (code, line, start, end, ...data) => found.push(syntaxFinding(code, rangeIn(line, start, end), ...data));
}

const NO_OPTIONS: readonly string[] = Object.freeze([]);
const DESCRIPTION = /^(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)*)(?:;[A-Za-z0-9_-]+)*$/; // 389-DS and FreeIPA use "_" in options (ipaAllowedToPerform;read_keys)
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Whether text before a line's colon is an attribute description: a type, then options. */
export function isAttributeDescription(text: string): boolean {
  return DESCRIPTION.test(text);
}

/**
 * Reads `description: value`, `description:: base64` or `description:< url` from a
 * logical line. Returns undefined (after reporting) when the line has no colon.
 */
export function parseAttrLine(line: LogicalLine, report: FindingSink): AttrLine | undefined {
  const text = line.text;
  const colon = text.indexOf(':');
  if (colon < 0) {
    report('ldif/missing-colon', line, 0, text.length, { text });
    return undefined;
  }
  const description = text.slice(0, colon);
  if (!isAttributeDescription(description)) {
    report('ldif/invalid-attribute-description', line, 0, Math.max(colon, 1), { description });
  }
  const semicolon = description.indexOf(';');
  const name = semicolon < 0 ? description : description.slice(0, semicolon);
  const options = semicolon < 0 ? NO_OPTIONS : description.slice(semicolon + 1).split(';');

  let encoding: ValueEncoding = 'plain';
  let separatorEnd = colon + 1;
  const next = text.charCodeAt(colon + 1);
  if (next === 58 /* : */) {
    encoding = 'base64';
    separatorEnd++;
  } else if (next === 60 /* < */) {
    encoding = 'url';
    separatorEnd++;
  }
  let valueOffset = separatorEnd;
  while (text.charCodeAt(valueOffset) === 32) valueOffset++;
  const rawValue = text.slice(valueOffset);
  if (text.indexOf(NO_BREAK_SPACE) >= 0) reportNoBreakSpaces(line, colon, valueOffset, report);
  const replaced = text.indexOf(REPLACEMENT_CHARACTER);
  if (replaced >= 0) {
    report('ldif/replacement-character', line, replaced, text.lastIndexOf(REPLACEMENT_CHARACTER) + 1);
  }

  let validBase64 = false;
  if (encoding === 'base64') {
    validBase64 = rawValue.length % 4 === 0 && isBase64(rawValue);
    if (!validBase64) {
      report('ldif/invalid-base64', line, valueOffset, text.length);
    }
  } else if (encoding === 'url') {
    if (!URL_SCHEME.test(rawValue)) {
      report('ldif/invalid-url', line, valueOffset, text.length, { url: rawValue });
    } else if (!rawValue.toLowerCase().startsWith('file://')) {
      report('ldif/unsupported-url-scheme', line, valueOffset, text.length, { url: rawValue });
    }
  }

  return new ParsedAttrLine(
    line,
    description,
    name,
    options,
    encoding,
    rawValue,
    valueOffset,
    colon,
    validBase64 ? undefined : INVALID,
  );
}

/** The decoded form of a base64 value. */
interface Decoded {
  readonly value: string | undefined;
  readonly bytes: Uint8Array | undefined;
}

const INVALID: Decoded = { value: undefined, bytes: undefined };

/**
 * An attribute line whose ranges, and base64 value, are worked out on first use: a large
 * file has millions of lines, and only the few that get a diagnostic, a hover or an edit
 * ever need a range; most base64 values (certificates, photos) are never read as text. Its
 * ranges follow its logical line when the block moves.
 */
class ParsedAttrLine implements AttrLine {
  readonly #colon: number;
  #ranges: { readonly name: Range; readonly separator: Range; readonly value: Range } | undefined;
  /** For a base64 value: undefined until decoded, INVALID when it is not base64. */
  #decoded: Decoded | undefined;

  constructor(
    readonly line: LogicalLine,
    readonly description: string,
    readonly name: string,
    readonly options: readonly string[],
    readonly encoding: ValueEncoding,
    readonly rawValue: string,
    readonly valueOffset: number,
    colon: number,
    decoded: Decoded | undefined,
  ) {
    this.#colon = colon;
    this.#decoded = decoded;
  }

  get value(): string | undefined {
    return this.encoding === 'base64' ? this.#decode().value : this.rawValue;
  }

  get bytes(): Uint8Array | undefined {
    return this.encoding === 'base64' ? this.#decode().bytes : undefined;
  }

  get nameRange(): Range {
    return this.#rangesOf().name;
  }

  get separatorRange(): Range {
    return this.#rangesOf().separator;
  }

  get valueRange(): Range {
    return this.#rangesOf().value;
  }

  #decode(): Decoded {
    if (this.#decoded) return this.#decoded;
    const bytes = base64ToBytes(this.rawValue);
    const value = utf8Text(bytes);
    return (this.#decoded = { value, bytes });
  }

  #rangesOf(): { readonly name: Range; readonly separator: Range; readonly value: Range } {
    const { line } = this;
    // The name starts where the line does: ranges built before the block moved start elsewhere.
    if (this.#ranges && this.#ranges.name.start === line.range.start) return this.#ranges;
    const colon = this.#colon;
    const separatorEnd = this.encoding === 'plain' ? colon + 1 : colon + 2;
    return (this.#ranges = {
      name: rangeIn(line, 0, colon),
      separator: rangeIn(line, colon, separatorEnd),
      value: rangeIn(line, this.valueOffset, line.text.length),
    });
  }
}

const NO_BREAK_SPACE = '\u00a0';
/** What decoders put in place of bytes that are not valid UTF-8. */
const REPLACEMENT_CHARACTER = '\ufffd';

/**
 * Text copied from web pages (the IdM guide, the 389 design notes) carries U+00A0
 * where spaces were meant; the server keeps it as part of the value.
 */
function reportNoBreakSpaces(line: LogicalLine, colon: number, valueOffset: number, report: FindingSink): void {
  const text = line.text;
  const spaces: Range[] = [];
  for (let at = text.indexOf(NO_BREAK_SPACE); at >= 0; at = text.indexOf(NO_BREAK_SPACE, at + 1))
    spaces.push(rangeIn(line, at, at + 1));
  const first = text.indexOf(NO_BREAK_SPACE);
  const where = first < colon ? 'name' : first === valueOffset ? 'value-start' : 'value';
  report('ldif/no-break-space', line, first, text.lastIndexOf(NO_BREAK_SPACE) + 1, { spaces, where });
}

const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * /^[A-Za-z0-9+/]*={0,2}$/, three times faster: a search for one bad character, and a look
 * at where the first "=" is. Certificates and photos make base64 a good part of a large file.
 */
export function isBase64(text: string): boolean {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  const pad = text.indexOf('=');
  return (pad < 0 || pad >= end) && !NOT_BASE64.test(text);
}
