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

/** Replaces every occurrence of each secret in text (server messages may echo values back). */
export function redact(text: string, secrets: readonly (string | Secret)[]): string {
  let result = text;
  for (const secret of secrets) {
    const value = typeof secret === 'string' ? secret : secret.reveal();
    if (value.length > 0) result = result.split(value).join(WITHHELD);
  }
  return result;
}
