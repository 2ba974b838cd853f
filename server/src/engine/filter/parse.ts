/**
 * RFC 4515 search filters. The parser keeps its own stack of open `(&`, `(|` and `(!`, so
 * any nesting depth parses in linear time without recursion.
 */
import { isAttributeType } from '../dn/parse';
import { decodeUtf8, hexDigitValue } from '../util/escapes';
import type {
  AssertionValue,
  AttributeDescription,
  ComparisonKind,
  FilterNode,
  FilterProblem,
  FilterProblemKind,
  MatchingRule,
  ParsedFilter,
  ParsedFilterList,
} from './ast';

const NUL = 0x00;
const SPACE = 0x20;
const BANG = 0x21;
const AMPERSAND = 0x26;
const OPEN = 0x28;
const CLOSE = 0x29;
const STAR = 0x2a;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const LESS = 0x3c;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const TILDE = 0x7e;

const NO_OPTIONS: readonly string[] = Object.freeze([]);

/** Parses one filter. Text without its outer parentheses gets a `missing-parens` problem. */
export function parseFilter(text: string): ParsedFilter {
  const { first, last, problems } = trimEdges(text);
  if (first === last) {
    problems.push(emptyProblem(text, 'Empty filter: expected a filter such as (objectClass=*)'));
    return { filter: undefined, problems, fixedByWrapping: false };
  }
  if (text.charCodeAt(first) === OPEN) {
    const [filter] = new FilterParser(text, 0, 0, text.length, problems).parse(first, last, true);
    return { filter: hasErrors(problems) ? undefined : filter, problems, fixedByWrapping: false };
  }
  // Parse the text as if it were enclosed, mapping offsets back onto the original.
  const inner = text.slice(first, last);
  const wrappedProblems: FilterProblem[] = [];
  const [filter] = new FilterParser(`(${inner})`, first - 1, first, last, wrappedProblems).parse(
    0,
    inner.length + 2,
    true,
  );
  const fixedByWrapping = !hasErrors(wrappedProblems);
  problems.push({
    start: first,
    end: last,
    severity: 'error',
    kind: 'missing-parens',
    message: !fixedByWrapping
      ? "A filter must start with '(' (and enclosing this text in parentheses alone would not make it valid)"
      : inner.length <= 80
        ? `A filter must be enclosed in parentheses: write (${inner})`
        : 'A filter must be enclosed in parentheses: add ( at the start and ) at the end',
  });
  return { filter: fixedByWrapping ? filter : undefined, problems: problems.concat(wrappedProblems), fixedByWrapping };
}

/** Parses a bare RFC 4515 filterlist: one or more filters back to back, `(a=b)(c=d)`. */
export function parseFilterList(text: string): ParsedFilterList {
  const { first, last, problems } = trimEdges(text);
  if (first === last) {
    problems.push(emptyProblem(text, 'Empty filter list: expected one or more filters such as (objectClass=*)'));
    return { filters: [], problems };
  }
  const filters = new FilterParser(text, 0, 0, text.length, problems).parse(first, last, false);
  return { filters: hasErrors(problems) ? [] : filters, problems };
}

function hasErrors(problems: readonly FilterProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

function emptyProblem(text: string, message: string): FilterProblem {
  return { start: 0, end: text.length, severity: 'error', kind: 'empty-filter', message };
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Finds the text between leading and trailing spaces, warning about those spaces. */
function trimEdges(text: string): { first: number; last: number; problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  const first = skipSpaces(text, 0, text.length);
  let last = text.length;
  while (last > first && text.charCodeAt(last - 1) === SPACE) last--;
  const message = 'Spaces around a filter are not part of RFC 4515; some servers ignore them, others reject the filter';
  if (first > 0 && first < text.length)
    problems.push({ start: 0, end: first, severity: 'warning', kind: 'whitespace', message });
  if (last < text.length && last > first)
    problems.push({ start: last, end: text.length, severity: 'warning', kind: 'whitespace', message });
  return { first, last, problems };
}

function isAlnum(c: number): boolean {
  const lower = c | 0x20;
  return (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
}

/** Characters of a matching rule: a descr or a numeric OID. */
function isRuleChar(c: number): boolean {
  return isAlnum(c) || c === HYPHEN || c === DOT;
}

/** Characters of an attribute description: the type and its `;options`. */
function isDescriptionChar(c: number): boolean {
  return isRuleChar(c) || c === SEMICOLON;
}

function findClose(src: string, from: number, to: number): number {
  let i = from;
  while (i < to && src.charCodeAt(i) !== CLOSE) i++;
  return i;
}

function preview(src: string, start: number, end: number): string {
  return end - start > 24 ? `${src.slice(start, start + 24)}…` : src.slice(start, end);
}

function characterAt(src: string, i: number): string {
  return String.fromCodePoint(src.codePointAt(i) ?? 0);
}

function pushUtf8(bytes: number[], cp: number): void {
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/** Decodes an assertion value whose bad escapes were already reported (they stay literal). */
function decodeValue(src: string, start: number, end: number): { text: string; bytes?: Uint8Array } {
  let escaped = false;
  for (let i = start; i < end && !escaped; i++) escaped = src.charCodeAt(i) === BACKSLASH;
  if (!escaped) return { text: src.slice(start, end) };
  const bytes: number[] = [];
  let i = start;
  while (i < end) {
    const c = src.charCodeAt(i);
    const high = c === BACKSLASH && i + 2 < end ? hexDigitValue(src.charCodeAt(i + 1)) : -1;
    const low = high >= 0 ? hexDigitValue(src.charCodeAt(i + 2)) : -1;
    if (low >= 0) {
      bytes.push(high * 16 + low);
      i += 3;
      continue;
    }
    const cp = src.codePointAt(i) ?? c;
    pushUtf8(bytes, cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const array = Uint8Array.from(bytes);
  const decoded = decodeUtf8(array);
  return decoded.valid ? { text: decoded.text } : { text: decoded.text, bytes: array };
}

interface Frame {
  readonly kind: 'and' | 'or' | 'not';
  readonly start: number;
  readonly children: FilterNode[];
}

const COMPARISONS: Partial<Record<number, ComparisonKind>> = {
  [TILDE]: 'approx',
  [GREATER]: 'greaterOrEqual',
  [LESS]: 'lessOrEqual',
};

class FilterParser {
  /** Where parsing continues after the item just read. */
  private next = 0;
  /** Offsets of the `*`s in the value just scanned (reused to spare allocations). */
  private readonly stars: number[] = [];

  /**
   * `src` may be a wrapped copy of the text: offsets are reported as `i + base`,
   * clamped to [low, high].
   */
  constructor(
    private readonly src: string,
    private readonly base: number,
    private readonly low: number,
    private readonly high: number,
    private readonly problems: FilterProblem[],
  ) {}

  /** Parses the filters in [from, to): the first one only when `single`, else all of them. */
  parse(from: number, to: number, single: boolean): FilterNode[] {
    const { src } = this;
    const roots: FilterNode[] = [];
    const stack: Frame[] = [];
    const attach = (node: FilterNode | undefined): void => {
      if (node) (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    };
    let pos = from;
    while (pos < to && !(single && roots.length > 0 && stack.length === 0)) {
      const c = src.charCodeAt(pos);
      if (c === OPEN) {
        const op = pos + 1 < to ? src.charCodeAt(pos + 1) : -1;
        if (op === AMPERSAND || op === PIPE || op === BANG) {
          stack.push({ kind: op === AMPERSAND ? 'and' : op === PIPE ? 'or' : 'not', start: pos, children: [] });
          pos += 2;
        } else {
          attach(this.item(pos, to));
          pos = this.next;
        }
      } else if (c === CLOSE) {
        const frame = stack.pop();
        if (frame) {
          attach(this.close(frame, pos + 1));
          pos++;
        } else {
          let end = pos + 1;
          while (end < to && src.charCodeAt(end) === CLOSE) end++;
          this.report(
            'unbalanced',
            pos,
            end,
            end - pos === 1 ? "Unbalanced ')': no '(' opens it" : `${end - pos} unbalanced ')': no '(' opens them`,
          );
          pos = end;
        }
      } else if (c === SPACE) {
        const end = skipSpaces(src, pos, to);
        this.report(
          'whitespace',
          pos,
          end,
          'Spaces between filters are not allowed by RFC 4515; some servers ignore them, others reject the filter',
          'warning',
        );
        pos = end;
      } else {
        let end = pos;
        while (end < to && src.charCodeAt(end) !== OPEN && src.charCodeAt(end) !== CLOSE) end++;
        this.report('expected-filter', pos, end, `Expected '(' to start a filter, found '${preview(src, pos, end)}'`);
        pos = end;
      }
    }
    if (stack.length > 0) {
      const inner = stack[stack.length - 1];
      this.report(
        'unbalanced',
        inner.start,
        inner.start + 1,
        stack.length === 1
          ? "'(' is never closed: expected ')' at the end of the filter"
          : `${stack.length} '(' are never closed: expected ${stack.length} more ')' at the end of the filter`,
      );
    }
    if (pos < to) this.trailing(pos, to);
    return roots;
  }

  private report(
    kind: FilterProblemKind,
    start: number,
    end: number,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ): void {
    this.problems.push({ start: this.at(start), end: this.at(end), message, severity, kind });
  }

  private at(i: number): number {
    const offset = i + this.base;
    return offset < this.low ? this.low : offset > this.high ? this.high : offset;
  }

  private trailing(pos: number, to: number): void {
    const c = this.src.charCodeAt(pos);
    if (c === CLOSE) this.report('unbalanced', pos, to, "Unbalanced ')' after the end of the filter");
    else if (c === OPEN)
      this.report(
        'trailing-text',
        pos,
        to,
        'A second filter after the end of the filter: combine filters with (&…) or (|…)',
      );
    else
      this.report(
        'trailing-text',
        pos,
        to,
        `Unexpected '${preview(this.src, pos, to)}' after the filter's closing ')'`,
      );
  }

  /** Builds the node for a closed `(&…)`, `(|…)` or `(!…)` that ends at `end`. */
  private close(frame: Frame, end: number): FilterNode | undefined {
    const { kind, start, children } = frame;
    if (kind === 'not') {
      if (children.length !== 1) {
        this.report(
          'invalid-not',
          start,
          end,
          children.length === 0
            ? "'!' needs exactly one filter: (!(cn=value))"
            : `'!' takes exactly one filter, found ${children.length}: combine them with (!(&…)) or (!(|…))`,
        );
      }
      return children.length === 0 ? undefined : { kind, child: children[0], start: this.at(start), end: this.at(end) };
    }
    if (children.length === 0) {
      this.report(
        'empty-set',
        start,
        end,
        kind === 'and'
          ? '(&) is the RFC 4526 absolute-true filter, not RFC 4515: it matches every entry. Is a filter missing?'
          : '(|) is the RFC 4526 absolute-false filter, not RFC 4515: it matches no entry. Is a filter missing?',
        'warning',
      );
    }
    return { kind, children, start: this.at(start), end: this.at(end) };
  }

  /** Reads the item `(attr op value)` at `pos`; sets `next` past it. */
  private item(pos: number, to: number): FilterNode | undefined {
    const { src } = this;
    const attrStart = pos + 1;
    let i = attrStart;
    while (i < to && isDescriptionChar(src.charCodeAt(i))) i++;
    const c = i < to ? src.charCodeAt(i) : -1;
    const equalsFollows = i + 1 < to && src.charCodeAt(i + 1) === EQUALS;
    if (c === EQUALS) return this.comparison(pos, 'equality', attrStart, i, i + 1, to);
    const comparison = COMPARISONS[c];
    if (comparison && equalsFollows) return this.comparison(pos, comparison, attrStart, i, i + 2, to);
    if (c === COLON) return this.extensible(pos, attrStart, i, to);
    const attr = src.slice(attrStart, i);
    if (c === CLOSE && i === attrStart) {
      this.report('empty-filter', pos, i + 1, "Empty '()': expected a filter such as (objectClass=*)");
    } else if (c === CLOSE || (c === -1 && i > attrStart)) {
      this.report(
        'unknown-operator',
        attrStart,
        i,
        `Missing operator after '${attr}': expected =, ~=, >=, <= or :=, e.g. (${attr}=value)`,
      );
    } else if (c === BANG && equalsFollows) {
      this.report('unknown-operator', i, i + 2, "'!=' is not an LDAP filter operator: write (!(attr=value))");
    } else if (comparison || c === BANG) {
      this.report(
        'unknown-operator',
        i,
        i + 1,
        `Unknown operator '${characterAt(src, i)}': expected =, ~=, >=, <= or :=`,
      );
    } else if (c !== -1) {
      this.report(
        'invalid-attribute',
        i,
        i + 1,
        `Invalid character '${characterAt(src, i)}' in the attribute description: expected letters, digits, '-', ';' options or an OID, then an operator (=, ~=, >=, <=, :=)`,
      );
    }
    this.closeItem(pos, findClose(src, i, to), to);
    return undefined;
  }

  /** Sets `next` past the `)` at `close`, or reports that the item is never closed; returns the item's end. */
  private closeItem(pos: number, close: number, to: number): number {
    if (close < to) {
      this.next = close + 1;
      return close + 1;
    }
    this.report('unbalanced', pos, pos + 1, "'(' is never closed: expected ')' after the value");
    this.next = to;
    return to;
  }

  private attribute(start: number, end: number, opStart: number, opEnd: number): AttributeDescription {
    const text = this.src.slice(start, end);
    if (start === end) {
      const op = this.src.slice(opStart, opEnd);
      this.report(
        'missing-attribute',
        opStart,
        opEnd,
        `Missing attribute before '${op}': expected e.g. (cn${op}value)`,
      );
      return { text, type: text, options: NO_OPTIONS, start: this.at(start), end: this.at(end) };
    }
    const semicolon = text.indexOf(';');
    const type = semicolon < 0 ? text : text.slice(0, semicolon);
    const options = semicolon < 0 ? NO_OPTIONS : text.slice(semicolon + 1).split(';');
    if (!isAttributeType(type) || options.some((option) => !/^[A-Za-z0-9-]+$/.test(option))) {
      this.report(
        'invalid-attribute',
        start,
        end,
        `Invalid attribute description '${text}': expected a name (a letter, then letters, digits or '-') or a numeric OID, optionally followed by ;options`,
      );
    }
    return { text, type, options, start: this.at(start), end: this.at(end) };
  }

  /** Scans a value from `start` to its `)` (or `to`), reporting what must be escaped; returns where it stopped. */
  private scanValue(start: number, to: number, substrings: boolean): number {
    const { src, stars } = this;
    stars.length = 0;
    let i = start;
    while (i < to) {
      const c = src.charCodeAt(i);
      if (c === CLOSE) break;
      if (c === BACKSLASH) {
        if (i + 2 < to && hexDigitValue(src.charCodeAt(i + 1)) >= 0 && hexDigitValue(src.charCodeAt(i + 2)) >= 0) {
          i += 3;
          continue;
        }
        this.badEscape(i, to);
      } else if (c === OPEN) {
        this.report(
          'unescaped-paren',
          i,
          i + 1,
          "Unescaped '(' in a value: write \\28 (or is a ')' missing before it?)",
        );
      } else if (c === NUL) {
        this.report('nul', i, i + 1, 'NUL character in a value: write \\00');
      } else if (c === STAR) {
        if (substrings) stars.push(i);
        else
          this.report('unescaped-asterisk', i, i + 1, "'*' is only a wildcard after '=': write \\2a for a literal '*'");
      }
      i++;
    }
    return i;
  }

  private badEscape(at: number, to: number): void {
    let end = at + 1;
    while (end < to && end < at + 3 && this.src.charCodeAt(end) !== CLOSE) end++;
    this.report(
      'bad-escape',
      at,
      end,
      `Invalid escape '${this.src.slice(at, end)}': '\\' must be followed by two hex digits, e.g. \\28 for '(', \\29 for ')', \\2a for '*', \\5c for '\\'`,
    );
  }

  private value(start: number, end: number): AssertionValue {
    return { ...decodeValue(this.src, start, end), start: this.at(start), end: this.at(end) };
  }

  private comparison(
    pos: number,
    kind: ComparisonKind,
    attrStart: number,
    attrEnd: number,
    valueStart: number,
    to: number,
  ): FilterNode {
    const attribute = this.attribute(attrStart, attrEnd, attrEnd, valueStart);
    const valueEnd = this.scanValue(valueStart, to, kind === 'equality');
    const end = this.closeItem(pos, valueEnd, to);
    const span = { start: this.at(pos), end: this.at(end) };
    const { stars } = this;
    if (stars.length === 0) return { kind, attribute, value: this.value(valueStart, valueEnd), ...span };
    if (stars.length === 1 && valueEnd - valueStart === 1) return { kind: 'present', attribute, ...span };
    const last = stars[stars.length - 1];
    const any: AssertionValue[] = [];
    for (let k = 1; k < stars.length; k++) {
      const from = stars[k - 1] + 1;
      if (from < stars[k]) any.push(this.value(from, stars[k]));
      else
        this.report(
          'empty-substring',
          stars[k - 1],
          stars[k] + 1,
          "Empty substring between '**': write a single '*'",
          'warning',
        );
    }
    return {
      kind: 'substring',
      attribute,
      ...(stars[0] > valueStart && { initial: this.value(valueStart, stars[0]) }),
      any,
      ...(last + 1 < valueEnd && { final: this.value(last + 1, valueEnd) }),
      ...span,
    };
  }

  /** `attr[:dn][:rule]:=value` or `[:dn]:rule:=value`; `attrEnd` is at the first `:`. */
  private extensible(pos: number, attrStart: number, attrEnd: number, to: number): FilterNode | undefined {
    const { src } = this;
    const attribute = attrEnd > attrStart ? this.attribute(attrStart, attrEnd, attrEnd, attrEnd + 1) : undefined;
    let dnAttributes = false;
    let matchingRule: MatchingRule | undefined;
    let colon = attrEnd;
    while (!(colon + 1 < to && src.charCodeAt(colon + 1) === EQUALS)) {
      let end = colon + 1;
      while (end < to && isRuleChar(src.charCodeAt(end))) end++;
      const token = src.slice(colon + 1, end);
      if (token === '' || end === to || src.charCodeAt(end) !== COLON) {
        this.report(
          'invalid-extensible',
          colon,
          Math.max(end, colon + 1),
          token === ''
            ? "Expected 'dn', a matching rule or '=' after ':' (form: attr[:dn][:rule]:=value)"
            : `Expected ':' or ':=' after ':${token}' (form: attr[:dn][:rule]:=value)`,
        );
        this.closeItem(pos, findClose(src, end, to), to);
        return undefined;
      }
      if (!dnAttributes && !matchingRule && token.toLowerCase() === 'dn') {
        dnAttributes = true;
      } else if (!matchingRule) {
        matchingRule = { text: token, start: this.at(colon + 1), end: this.at(end) };
        if (!isAttributeType(token)) {
          this.report(
            'invalid-extensible',
            colon + 1,
            end,
            `Invalid matching rule '${token}': expected an OID such as 2.5.13.5 or a name such as caseExactMatch`,
          );
        }
      } else {
        this.report(
          'invalid-extensible',
          colon,
          end,
          token.toLowerCase() === 'dn'
            ? "':dn' must come before the matching rule: attr:dn:rule:=value"
            : `Unexpected ':${token}' after the matching rule: expected ':='`,
        );
      }
      colon = end;
    }
    const valueStart = colon + 2;
    if (!attribute && !matchingRule) {
      this.report(
        'invalid-extensible',
        pos + 1,
        valueStart,
        'An extensible match without an attribute needs a matching rule, e.g. (:dn:2.5.13.5:=value)',
      );
    }
    const valueEnd = this.scanValue(valueStart, to, false);
    const end = this.closeItem(pos, valueEnd, to);
    return {
      kind: 'extensible',
      ...(attribute && { attribute }),
      dnAttributes,
      ...(matchingRule && { matchingRule }),
      value: this.value(valueStart, valueEnd),
      start: this.at(pos),
      end: this.at(end),
    };
  }
}
