/**
 * The `\XX` escapes DN strings (RFC 4514) and filters (RFC 4515) share: reading a hex digit,
 * writing a byte, and turning the bytes of a run of escapes back into text.
 */

/** The value of a hex digit's character code, or -1 when it is not one. */
export function hexDigitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** `\XX` for a byte; DNs are written with upper-case digits (as 389-DS stores them), filters with lower-case ones. */
export function hexEscape(byte: number, digits: 'upper' | 'lower'): string {
  const hex = byte.toString(16);
  return '\\' + (byte < 16 ? '0' : '') + (digits === 'upper' ? hex.toUpperCase() : hex);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

/** Bytes as UTF-8 text; when they are not valid UTF-8, `valid` is false and the bad bytes read as U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): { readonly text: string; readonly valid: boolean } {
  try {
    return { text: strictUtf8.decode(bytes), valid: true };
  } catch {
    return { text: lossyUtf8.decode(bytes), valid: false };
  }
}
