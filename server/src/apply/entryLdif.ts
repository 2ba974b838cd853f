/**
 * A live entry written as LDIF (RFC 2849): a content record, values that are not safe strings in
 * base64, secrets withheld (a comment names the attribute instead). For "open the agreement as
 * LDIF" in the editor: the text can be edited and applied like any other LDIF.
 */
import { isSecretAttribute, WITHHELD } from './secret';

export interface EntryAttribute {
  readonly type: string;
  readonly values: readonly (string | Uint8Array)[];
}

export interface EntryLdifOptions {
  /** Comment lines written before the record (without the leading `# `). */
  readonly header?: readonly string[];
  /** Attributes left out of the record, listed as comments instead (server-managed status, for instance). */
  readonly asComment?: (type: string) => boolean;
}

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });

/** RFC 2849 SAFE-STRING: no NUL, CR or LF anywhere, no leading space, colon or "<", no trailing space, ASCII only. */
function isSafe(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000\r\n\u0080-\uffff]/.test(text) && !/^[ :<]/.test(text) && !/ $/.test(text);
}

/** `type: value`, or `type:: base64` when the value is not a safe string. */
export function ldifLine(type: string, value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? encoder.encode(value) : value;
  let text: string | undefined;
  try {
    text = strict.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && isSafe(text)) return `${type}: ${text}`;
  return `${type}:: ${Buffer.from(bytes).toString('base64')}`;
}

export function formatEntryLdif(
  dn: string,
  attributes: readonly EntryAttribute[],
  options: EntryLdifOptions = {},
): string {
  const lines = (options.header ?? []).map((line) => (line ? `# ${line}` : '#'));
  const comments: string[] = [];
  const body: string[] = [ldifLine('dn', dn)];
  for (const attribute of attributes) {
    if (isSecretAttribute(attribute.type)) {
      body.push(`# ${attribute.type}: ${WITHHELD} (secret: not shown; add the line yourself to change it)`);
      continue;
    }
    const target = options.asComment?.(attribute.type) ? comments : body;
    for (const value of attribute.values) {
      const line = ldifLine(attribute.type, value);
      target.push(target === comments ? `#   ${line}` : line);
    }
  }
  if (comments.length > 0) lines.push('# Kept by the server, read-only:', ...comments);
  if (lines.length > 0) lines.push('');
  return `${[...lines, ...body].join('\n')}\n`;
}
