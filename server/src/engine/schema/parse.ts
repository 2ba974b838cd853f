/**
 * RFC 4512 §4.1 definitions (attribute types, object classes, LDAP syntaxes, matching rules)
 * as servers publish them in the subschema entry, read leniently: 389-DS writes OIDs such as
 * `nsAdminDomain-oid`, a bare `\` inside a DESC, `SUP 'top'` in quotes, matching rules
 * without NAME, X-ORIGIN as a list and double spaces. A strict grammar fails on those, so one
 * scanner reads "keyword, then a value or a list" in a loop. Never throws. A server publishes
 * about 1,800 definitions and a language server parses them while starting, so the scanner
 * reads the text in place, with no token objects in between.
 */

/** One definition split into its OID, its keyword fields and its flags. */
export interface RawDefinition {
  /** The numeric OID, or the descriptor-like OID 389-DS writes (`nsAdminDomain-oid`); '' when missing. */
  readonly oid: string;
  /** Keyword (upper-cased) → its values in order; lists are flattened, `$` dropped. */
  readonly fields: ReadonlyMap<string, readonly string[]>;
  /** Keywords that stand alone (SINGLE-VALUE, STRUCTURAL, …), upper-cased. */
  readonly flags: ReadonlySet<string>;
  /** What was wrong with the text, for the schema's problem list; empty when it parsed cleanly. */
  readonly problems: readonly string[];
}

/** Keywords that never take a value. */
const FLAGS = new Set([
  'OBSOLETE',
  'SINGLE-VALUE',
  'COLLECTIVE',
  'NO-USER-MODIFICATION',
  'ABSTRACT',
  'STRUCTURAL',
  'AUXILIARY',
]);

/** Keywords whose next word is always their value (`SUP name` names the attribute type `name`). */
const KEYWORDS = new Set([
  'NAME',
  'DESC',
  'SUP',
  'EQUALITY',
  'ORDERING',
  'SUBSTR',
  'SYNTAX',
  'USAGE',
  'MUST',
  'MAY',
  'APPLIES',
  'OC',
  'FORM',
  'AUX',
  'NOT',
]);

const NO_PROBLEMS: readonly string[] = Object.freeze([]);

const enum Kind {
  End,
  Open,
  Close,
  Dollar,
  Word,
  Quoted,
}

/** Reads the text a piece at a time: parentheses, `$`, quoted strings (`\27`/`\5C` unescaped) and bare words. */
class Scanner {
  at = 0;
  kind = Kind.End;
  text = '';

  constructor(
    private readonly source: string,
    private readonly problems: string[],
  ) {}

  next(): Kind {
    const source = this.source;
    while (this.at < source.length) {
      const code = source.charCodeAt(this.at);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
      this.at++;
    }
    if (this.at >= source.length) return (this.kind = Kind.End);
    const char = source[this.at];
    if (char === '(' || char === ')' || char === '$') {
      this.at++;
      return (this.kind = char === '(' ? Kind.Open : char === ')' ? Kind.Close : Kind.Dollar);
    }
    if (char === "'") {
      const end = source.indexOf("'", this.at + 1);
      if (end < 0) {
        this.problems.push(`a quoted string opened at character ${this.at + 1} is never closed`);
        this.text = unescapeQuoted(source.slice(this.at + 1));
        this.at = source.length;
      } else {
        this.text = unescapeQuoted(source.slice(this.at + 1, end));
        this.at = end + 1;
      }
      return (this.kind = Kind.Quoted);
    }
    const start = this.at;
    while (this.at < source.length && !" \t\n\r()$'".includes(source[this.at])) this.at++;
    this.text = source.slice(start, this.at);
    return (this.kind = Kind.Word);
  }
}

/** RFC 4512 escapes `'` as `\27` and `\` as `\5C`; any other backslash is kept as written. */
function unescapeQuoted(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(27|5[cC])/g, (_, hex: string) => (hex === '27' ? "'" : '\\'));
}

/** Parses one definition; whatever cannot be read is named in `problems` and skipped. */
export function parseDefinition(text: string): RawDefinition {
  const problems: string[] = [];
  const scanner = new Scanner(text, problems);
  const fields = new Map<string, string[]>();
  const flags = new Set<string>();
  let kind = scanner.next();
  if (kind !== Kind.Open) problems.push('it does not start with "("');
  else kind = scanner.next();
  let oid = '';
  if (kind === Kind.Word || kind === Kind.Quoted) {
    oid = scanner.text;
    kind = scanner.next();
  } else problems.push('it has no OID');
  let closed = false;
  while (kind !== Kind.End) {
    if (kind === Kind.Close) {
      closed = true;
      kind = scanner.next();
      break;
    }
    if (kind !== Kind.Word) {
      problems.push(`unexpected ${describe(kind, scanner.text)} where a keyword belongs`);
      kind = scanner.next();
      continue;
    }
    const keyword = scanner.text.toUpperCase();
    kind = scanner.next();
    if (FLAGS.has(keyword)) {
      flags.add(keyword);
      continue;
    }
    let values = fields.get(keyword);
    if (kind === Kind.Open) {
      values ??= [];
      for (kind = scanner.next(); kind !== Kind.End && kind !== Kind.Close; kind = scanner.next()) {
        if (kind === Kind.Word || kind === Kind.Quoted) values.push(scanner.text);
        else if (kind === Kind.Open) problems.push(`a nested "(" in the value of ${keyword}`);
      }
      if (kind === Kind.Close) kind = scanner.next();
      else problems.push(`the list after ${keyword} is never closed`);
    } else if (
      kind === Kind.Quoted ||
      (kind === Kind.Word && (KEYWORDS.has(keyword) || !isKeywordLike(scanner.text)))
    ) {
      values ??= [];
      values.push(scanner.text);
      kind = scanner.next();
    } else {
      // An unknown keyword followed by another keyword: a flag of some extension.
      flags.add(keyword);
      continue;
    }
    fields.set(keyword, values);
  }
  if (!closed) problems.push('it does not end with ")"');
  else if (kind !== Kind.End) problems.push('there is text after the closing ")"');
  return { oid, fields, flags, problems: problems.length === 0 ? NO_PROBLEMS : problems };
}

/** After a keyword this module does not know, whether a bare word is the next keyword rather than a value. */
function isKeywordLike(word: string): boolean {
  const upper = word.toUpperCase();
  return FLAGS.has(upper) || KEYWORDS.has(upper) || upper.startsWith('X-');
}

function describe(kind: Kind, text: string): string {
  switch (kind) {
    case Kind.Quoted:
      return `'${text}'`;
    case Kind.Open:
      return '"("';
    case Kind.Dollar:
      return '"$"';
    default:
      return `"${text}"`;
  }
}
