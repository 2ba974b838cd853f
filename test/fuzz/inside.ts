import assert from 'node:assert/strict';

/**
 * Length of every physical line as RFC 2849 and ldapmodify see them: LF separates lines, a CR
 * right before it belongs to the separator, any other CR is text.
 */
export function lineLengths(text: string): number[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, index) =>
    (index < lines.length - 1 || text.endsWith('\n')) && line.endsWith('\r') ? line.length - 1 : line.length,
  );
}

interface PositionLike {
  readonly line: number;
  readonly character: number;
}

function isPosition(value: unknown): value is PositionLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PositionLike).line === 'number' &&
    typeof (value as PositionLike).character === 'number'
  );
}

function isRange(value: unknown): value is { start: PositionLike; end: PositionLike } {
  return (
    typeof value === 'object' &&
    value !== null &&
    isPosition((value as { start: unknown }).start) &&
    isPosition((value as { end: unknown }).end)
  );
}

/**
 * Walks any result (AST, diagnostics, edits, symbols) and asserts that every range and
 * position in it lies inside the text: line < line count, character ≤ that line's length,
 * start ≤ end. New node types are covered without changing the test.
 */
export function assertInside(result: unknown, text: string): void {
  // After a final line break an editor shows one more, empty line: an insertion may target it.
  const lengths = text.endsWith('\n') ? [...lineLengths(text), 0] : lineLengths(text);
  const seen = new Set<object>();
  const check = (position: PositionLike, path: string) => {
    assert.ok(
      Number.isInteger(position.line) && position.line >= 0 && position.line < lengths.length,
      `${path}: line ${position.line} outside 0..${lengths.length - 1}`,
    );
    assert.ok(
      Number.isInteger(position.character) && position.character >= 0 && position.character <= lengths[position.line],
      `${path}: character ${position.character} outside 0..${lengths[position.line]} on line ${position.line}`,
    );
  };
  const walk = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) return;
    seen.add(value);
    if (isRange(value)) {
      check(value.start, `${path}.start`);
      check(value.end, `${path}.end`);
      const order = value.start.line - value.end.line || value.start.character - value.end.character;
      assert.ok(order <= 0, `${path}: starts after it ends (${JSON.stringify(value)})`);
    } else if (isPosition(value)) {
      check(value, path);
    }
    for (const [key, child] of entries(value)) walk(child, `${path}.${key}`);
  };
  walk(result, '$');
}

/**
 * An object's data: its own enumerable properties plus the getters its classes define (the
 * parser computes ranges on first use), so tests see what a caller of the AST sees.
 */
function entries(value: object): [string, unknown][] {
  const found: [string, unknown][] = Object.entries(value);
  for (
    let proto = Object.getPrototypeOf(value);
    proto && proto !== Object.prototype && proto !== Array.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get && key !== '__proto__') found.push([key, (value as Record<string, unknown>)[key]]);
    }
  }
  return found;
}

/** A plain-data copy of a result, getters included, for deep comparisons. */
export function plainData(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(plainData);
  return Object.fromEntries(entries(value).map(([key, child]) => [key, plainData(child)]));
}
