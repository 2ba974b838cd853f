/**
 * Why RFC 2849 (note 4) requires a plain value to be base64-encoded, if it does. Non-ASCII UTF-8
 * is tolerated on purpose: it is common and every tool reads it. One value has one reason, the
 * first that applies, so ldif/unsafe-initial-char and ldif/must-base64 never report the same value.
 */
import type { AttrLine, LdifRecord } from '../../ldif/ast';
import { eachValueLine } from './recordLines';
import { rememberLast } from './rememberLast';

export type Base64Reason =
  | { readonly kind: 'initial-char'; readonly char: ':' | '<' }
  | { readonly kind: 'nul'; readonly at: number }
  | { readonly kind: 'cr'; readonly at: number };

export function base64Reason(value: string): Base64Reason | undefined {
  const first = value.charCodeAt(0);
  if (first === 0x3a || first === 0x3c) return { kind: 'initial-char', char: first === 0x3a ? ':' : '<' };
  const nul = value.indexOf('\0');
  if (nul >= 0) return { kind: 'nul', at: nul };
  const cr = value.indexOf('\r');
  if (cr >= 0) return { kind: 'cr', at: cr };
  return undefined;
}

type ValueToEncode = { readonly line: AttrLine; readonly reason: Base64Reason };

const NONE: readonly ValueToEncode[] = Object.freeze([]);

/** Every plain value line of the record that must be base64-encoded, with its reason (one walk for both rules). */
export const plainValuesToEncode: (record: LdifRecord) => readonly ValueToEncode[] = rememberLast(
  (record: LdifRecord) => {
    let found: ValueToEncode[] | undefined;
    eachValueLine(record, (line) => {
      const reason = line.encoding === 'plain' ? base64Reason(line.rawValue) : undefined;
      if (reason) (found ??= []).push({ line, reason });
    });
    return found ?? NONE;
  },
);
