/** C0 controls (ESC among them), DEL and C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal, a log or a comment line: control characters (ESC and the rest of C0,
 * DEL, C1) become `\XX`, the way RFC 4514 escapes them in a DN, so a DN or a value read from a
 * file or a server can neither move the cursor, change colours nor start a line of its own.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => `\\${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
