/**
 * Base64 and UTF-8 for the engine, which runs in node (the language server, the CLI, the
 * extension host) and in a browser's web worker (the language server on vscode.dev), where
 * node's Buffer does not exist. Where Buffer exists these are Buffer's own functions; elsewhere
 * the web platform's (atob, btoa, TextEncoder, TextDecoder), with the same results:
 * test/engine/util/bytes.test.ts compares the two on random input.
 */

const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const encoder = new TextEncoder();
// fatal: bytes that are not UTF-8 have no text; ignoreBOM: a leading U+FEFF is part of the value.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
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
  utf8Text(bytes: Uint8Array): string | undefined {
    try {
      return strictDecoder.decode(bytes);
    } catch {
      return undefined;
    }
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
  return web.utf8Text(bytes);
}

/** The text of UTF-8 bytes, each invalid sequence read as U+FFFD. */
export function lenientUtf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
