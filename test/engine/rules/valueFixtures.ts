import type { Fix, Position } from '../../../server/src/engine/ldif/ast';
import { AGREEMENT_DN } from './helpers';

/** An agreement add record with the object class and cn, plus the given lines. */
export function agreementAdd(...lines: string[]): string[] {
  return [
    AGREEMENT_DN,
    'changetype: add',
    'objectClass: top',
    'objectClass: nsDSWindowsReplicationAgreement',
    'cn: ad-sync',
    ...lines,
  ];
}

/**
 * A modify of the agreement replacing one attribute. It also sets winSyncInterval, so the
 * record is recognised as a Windows agreement even when `attribute` is a generic nsDS5 one.
 */
export function agreementModify(attribute: string, ...values: string[]): string[] {
  return [
    AGREEMENT_DN,
    'changetype: modify',
    `replace: ${attribute}`,
    ...values.map((value) => `${attribute}: ${value}`),
    '-',
    'replace: winSyncInterval',
    'winSyncInterval: 300',
    '-',
  ];
}

/** The lines after applying a fix's edits to the lines (as `diagnose` sees them). */
export function applyFix(lines: readonly string[], fix: Fix): string[] {
  const text = `${lines.join('\n')}\n`;
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = ({ line, character }: Position) => Math.min(text.length, (starts[line] ?? text.length) + character);
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of edits)
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result.replace(/\n$/, '').split('\n');
}
