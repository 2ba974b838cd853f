/**
 * A digest of a text for cache keys: equal digests stand for equal texts. It needs nothing but
 * JavaScript, so it runs in a browser's web worker too; a host with a native hash may pass its own
 * where one is asked for (the node language server hands SHA-1 to LargeDocument).
 */
export type TextDigest = (text: string) => string;

/**
 * 128 bits (32 hex digits) from four 32-bit multiply-xor lanes over the UTF-16 code units (as the
 * text is held: UTF-8 would turn every lone surrogate into the same U+FFFD), each finished with an
 * avalanche step. Not cryptographic: a text crafted to collide could only confuse its own cache.
 */
export function digest128(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    c = Math.imul(c ^ unit, 0x27d4eb2f);
    d = Math.imul(d ^ unit, 0x165667b1);
    b ^= b >>> 15;
    d ^= d >>> 13;
  }
  return [a, b, c, d].map((lane) => avalanche(lane).toString(16).padStart(8, '0')).join('');
}

function avalanche(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
