/**
 * Base64 and UTF-8 for the engine, which runs in node (the language server, the CLI, the
 * extension host) and in a browser's web worker (the language server on vscode.dev), where
 * node's Buffer does not exist. Where Buffer exists these are Buffer's own functions; elsewhere
 * the web platform's (atob, btoa, TextEncoder, TextDecoder), with the same results:
 * test/engine/util/bytes.test.ts compares the two on random input.
 */

const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is part of the value.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The web platform's functions, which the engine uses where there is no Buffer (exported for the tests). */
export const web = {
  /** As Buffer.from(text, 'base64'): characters outside base64 are skipped, decoding stops at "=". */
  base64ToBytes(text: string): Uint8Array {
    let clean = text
      .replace(/[^A-Za-z0-9+/\-_=]/g, '')
      .replace(/-/g, '+')
      .replace(/_/g, '/');
    const pad = clean.indexOf('=');
    if (pad >= 0) clean = clean.slice(0, pad);
    // A lone last character holds less than a byte: Buffer drops it, atob refuses it.
    if (clean.length % 4 === 1) clean = clean.slice(0, -1);
    const binary = atob(clean);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  },
  bytesToBase64(bytes: Uint8Array): string {
    let binary = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  },
};

/** The bytes of a base64 text, read as node's Buffer reads it (leniently). */
export function base64ToBytes(text: string): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(text, 'base64') : web.base64ToBytes(text);
}

/** The UTF-8 bytes of a text (a lone surrogate becomes U+FFFD). */
export function utf8Bytes(text: string): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(text, 'utf8') : encoder.encode(text);
}

/** The base64 of a text's UTF-8 bytes. */
export function utf8ToBase64(text: string): string {
  return NodeBuffer ? NodeBuffer.from(text, 'utf8').toString('base64') : web.bytesToBase64(encoder.encode(text));
}

/** The text of UTF-8 bytes; undefined when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  if (bytes.length > SHORT_BYTES) return readUtf8(bytes) ? decoder.decode(bytes) : undefined;
  const units: number[] = [];
  return readUtf8(bytes, units) ? String.fromCharCode(...units) : undefined;
}

/**
 * Up to this many bytes a value is decoded here, a little faster than by TextDecoder. A longer
 * value is checked here first: the strict TextDecoder throws on bytes that are not UTF-8 (a
 * certificate, a photo), and thrown from deep in the checks those exceptions took a tenth of the
 * schema checks of a paste of 38 records with five certificates (CPU profile).
 */
const SHORT_BYTES = 256;

/**
 * Whether the bytes are UTF-8 as the strict TextDecoder reads it (test/engine/util/bytes.test.ts
 * compares the two), with their UTF-16 code units put in `units` when given.
 */
function readUtf8(bytes: Uint8Array, units?: number[]): boolean {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i++];
    if (lead < 0x80) {
      units?.push(lead);
      continue;
    }
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    let point: number;
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      point = lead & 0x1f;
      more = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      point = lead & 0x0f;
      more = 2;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      point = lead & 0x07;
      more = 3;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return false;
    for (; more > 0; more--) {
      const next = bytes[i++];
      if (next === undefined || next < low || next > high) return false;
      point = (point << 6) | (next & 0x3f);
      low = 0x80;
      high = 0xbf;
    }
    if (!units) continue;
    if (point < 0x10000) units.push(point);
    else units.push(0xd800 + ((point - 0x10000) >> 10), 0xdc00 + ((point - 0x10000) & 0x3ff));
  }
  return true;
}

/**
 * Reads text out of the UTF-8 bytes of `buffer` (a WebAssembly module's memory, read again and
 * again), each invalid sequence read as U+FFFD. Where Buffer exists, through one Buffer over all
 * of it: no view is made per read.
 */
export function textReader(buffer: ArrayBuffer): (start: number, end: number) => string {
  if (NodeBuffer) {
    const whole = NodeBuffer.from(buffer);
    return (start, end) => whole.toString('utf8', start, end);
  }
  const whole = new Uint8Array(buffer);
  return (start, end) => decoder.decode(whole.subarray(start, end));
}

/** The text of UTF-8 bytes, each invalid sequence read as U+FFFD. */
export function lenientUtf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
