/**
 * Remembers a function's answer for the last arguments it was called with. The registry runs every
 * rule on one record before it goes to the next, so rules that share an analysis of a record
 * (dn/invalid and dn/legacy-form, ldif/must-base64 and ldif/unsafe-initial-char) get it computed
 * once: a walk over every record of a large file is what checking costs.
 */
export function rememberLast<A extends object, R>(compute: (a: A) => R): (a: A) => R;
export function rememberLast<A extends object, B, R>(compute: (a: A, b: B) => R): (a: A, b: B) => R;
export function rememberLast<A extends object, B, R>(compute: (a: A, b?: B) => R): (a: A, b?: B) => R {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let answer: R;
  return (a, b) => {
    if (a !== lastA || b !== lastB) {
      answer = compute(a, b);
      lastA = a;
      lastB = b;
    }
    return answer;
  };
}
