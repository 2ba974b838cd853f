import type { LdifRecord } from '../engine/ldif/ast';

/**
 * Passwords and other secrets. A Secret prints as `[secret]` through every path a value
 * can leak by accident (template strings, JSON, util.inspect, console.log), so only an
 * explicit `reveal()` hands out the text.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return '[secret]';
  }

  toJSON(): string {
    return '[secret]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[secret]';
  }
}

/**
 * Attribute types whose values are passwords or keys. Over-matching only hides a value in
 * output, so a generous pattern is the safe side (it also catches password-policy settings).
 */
const SECRET_ATTRIBUTE = /passw(or)?d|credentials|pwd|rootpw|secret|privatekey|principalkey|nthash|lmpassword/i;

export function isSecretAttribute(attributeDescription: string): boolean {
  const type = attributeDescription.split(';')[0] ?? attributeDescription;
  return SECRET_ATTRIBUTE.test(type);
}

export const WITHHELD = '[withheld]';

/** The text of every secret attribute value a record writes, so no message can echo one. */
export function recordSecrets(record: LdifRecord): string[] {
  const found: string[] = [];
  for (const line of record.lines) {
    if (line !== record.dn && isSecretAttribute(line.name) && line.encoding !== 'url' && line.value)
      found.push(line.value);
  }
  return found;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Replaces every whole occurrence of each secret in text from outside (server messages may
 * echo values back). Whole as a regular expression's `\b` means it: where the secret begins
 * or ends with a letter or digit, the text next to it must not be one, so a password `e`
 * hides the value "e" but leaves the word "entry" alone. Our own wording never holds a secret.
 */
export function redact(text: string, secrets: readonly (string | Secret)[]): string {
  let result = text;
  for (const secret of secrets) {
    const value = typeof secret === 'string' ? secret : secret.reveal();
    if (value.length > 0 && result.includes(value)) result = withholdWhole(result, value);
  }
  return result;
}

function withholdWhole(text: string, value: string): string {
  const guardStart = WORD.test(value[0]);
  const guardEnd = WORD.test(value[value.length - 1]);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    if (at < from) continue;
    const end = at + value.length;
    if (guardStart && at > 0 && WORD.test(text[at - 1])) continue;
    if (guardEnd && end < text.length && WORD.test(text[end])) continue;
    out += text.slice(from, at) + WITHHELD;
    from = end;
  }
  return out + text.slice(from);
}
