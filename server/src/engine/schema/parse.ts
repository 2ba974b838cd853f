/**
 * RFC 4512 §4.1 definitions (attribute types, object classes, LDAP syntaxes, matching rules)
 * as servers publish them in the subschema entry, read leniently: 389-DS writes OIDs such as
 * `nsAdminDomain-oid`, a bare `\` inside a DESC, `SUP 'top'` in quotes, matching rules
 * without NAME, X-ORIGIN as a list and double spaces. A strict grammar fails on those, so a
 * tokenizer feeds one generic "keyword, then a value or a list" loop. Never throws.
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
const FLAGS = new Set(['OBSOLETE', 'SINGLE-VALUE', 'COLLECTIVE', 'NO-USER-MODIFICATION', 'ABSTRACT', 'STRUCTURAL', 'AUXILIARY']);

type Token =
  | { readonly kind: 'open' | 'close' | 'dollar' }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'quoted'; readonly text: string };

/** Splits a definition into parentheses, `$`, quoted strings (with `\27`/`\5C` unescaped) and bare words. */
function tokenize(text: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at++;
    } else if (char === '(') {
      tokens.push({ kind: 'open' });
      at++;
    } else if (char === ')') {
      tokens.push({ kind: 'close' });
      at++;
    } else if (char === '$') {
      tokens.push({ kind: 'dollar' });
      at++;
    } else if (char === "'") {
      const end = text.indexOf("'", at + 1);
      if (end < 0) {
        problems.push(`a quoted string opened at character ${at + 1} is never closed`);
        tokens.push({ kind: 'quoted', text: unescapeQuoted(text.slice(at + 1)) });
        break;
      }
      tokens.push({ kind: 'quoted', text: unescapeQuoted(text.slice(at + 1, end)) });
      at = end + 1;
    } else {
      let end = at;
      while (end < text.length && !" \t\n\r()$'".includes(text[end])) end++;
      tokens.push({ kind: 'word', text: text.slice(at, end) });
      at = end;
    }
  }
  return tokens;
}

/** RFC 4512 escapes `'` as `\27` and `\` as `\5C`; any other backslash is kept as written. */
function unescapeQuoted(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(27|5[cC])/g, (_, hex: string) => (hex === '27' ? "'" : '\\'));
}

/** Parses one definition; whatever cannot be read is named in `problems` and skipped. */
export function parseDefinition(text: string): RawDefinition {
  const problems: string[] = [];
  const tokens = tokenize(text, problems);
  const fields = new Map<string, string[]>();
  const flags = new Set<string>();
  let at = 0;
  if (tokens[at]?.kind !== 'open') problems.push('it does not start with "("');
  else at++;
  let oid = '';
  const first = tokens[at];
  if (first && (first.kind === 'word' || first.kind === 'quoted')) {
    oid = first.text;
    at++;
  } else {
    problems.push('it has no OID');
  }
  let closed = false;
  while (at < tokens.length) {
    const token = tokens[at++];
    if (token.kind === 'close') {
      closed = true;
      break;
    }
    if (token.kind !== 'word') {
      problems.push(`unexpected ${describe(token)} where a keyword belongs`);
      continue;
    }
    const keyword = token.text.toUpperCase();
    if (FLAGS.has(keyword)) {
      flags.add(keyword);
      continue;
    }
    const next = tokens[at];
    const values = fields.get(keyword) ?? [];
    if (next?.kind === 'open') {
      at++;
      while (at < tokens.length && tokens[at].kind !== 'close') {
        const item = tokens[at++];
        if (item.kind === 'word' || item.kind === 'quoted') values.push(item.text);
        else if (item.kind === 'open') problems.push(`a nested "(" in the value of ${keyword}`);
      }
      if (at < tokens.length) at++;
      else problems.push(`the list after ${keyword} is never closed`);
    } else if (next?.kind === 'quoted' || (next?.kind === 'word' && (KEYWORDS.has(keyword) || !isKeywordLike(next.text)))) {
      values.push(next.text);
      at++;
    } else {
      // An unknown keyword followed by another keyword: a flag of some extension.
      flags.add(keyword);
      continue;
    }
    fields.set(keyword, values);
  }
  if (!closed) problems.push('it does not end with ")"');
  else if (at < tokens.length) problems.push('there is text after the closing ")"');
  return { oid, fields, flags, problems };
}

/**
 * After a keyword this module does not know, whether a bare word is the next keyword rather
 * than a value. (After a known keyword the next word is always its value: `SUP name` names
 * the attribute type `name`.)
 */
function isKeywordLike(word: string): boolean {
  return FLAGS.has(word.toUpperCase()) || KEYWORDS.has(word.toUpperCase()) || /^X-/i.test(word);
}

const KEYWORDS = new Set(['NAME', 'DESC', 'SUP', 'EQUALITY', 'ORDERING', 'SUBSTR', 'SYNTAX', 'USAGE', 'MUST', 'MAY', 'APPLIES', 'OC', 'FORM', 'AUX', 'NOT']);

function describe(token: Token): string {
  if (token.kind === 'word') return `"${token.text}"`;
  if (token.kind === 'quoted') return `'${token.text}'`;
  return token.kind === 'open' ? '"("' : token.kind === 'close' ? '")"' : '"$"';
}
