/**
 * Values in words: DNs as their RDNs with escapes decoded, replication schedules as time
 * windows, base64 as the text (or size) it encodes.
 */
import { canonicalDn, parseDn, replicaSuffix, escapeDnValue, type Ava, type Rdn } from '../../dn/dn';
import { code, codeBlock } from './describe';

function avaText(ava: Ava): string {
  if (ava.hexString) return `${code(ava.type)} = ${code(ava.value)} (BER-encoded value, shown as written)`;
  const written = ava.rawValue !== ava.value ? ` (written ${code(ava.rawValue)})` : '';
  return `${code(ava.type)} = ${code(ava.value)}${written}`;
}

function rdnText(rdn: Rdn): string {
  return rdn.avas.map(avaText).join(' + ');
}

/** Markdown lines on a DN: its RDNs, problems, the stored form of legacy spellings, a replica's suffix. */
export function describeDn(text: string): string[] {
  const parsed = parseDn(text);
  const lines: string[] = [];
  if (parsed.rdns.length === 0 && parsed.problems.length === 0) return ['The empty DN (the root DSE).'];
  if (parsed.rdns.length > 0) {
    lines.push('RDNs, from the entry up to the root:', '');
    parsed.rdns.forEach((rdn, index) => lines.push(`${index + 1}. ${rdnText(rdn)}`));
  }
  const errors = parsed.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    lines.push(
      '',
      `**Not a valid DN:** ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''}`,
    );
  } else if (parsed.problems.length > 0) {
    const stored = canonicalDn(parsed);
    if (stored !== undefined) lines.push('', `**Legacy form:** 389-DS accepts it and stores ${code(stored)}.`);
  }
  const suffix = replicaSuffix(parsed);
  if (suffix) {
    lines.push('', `**Replicated suffix:** ${code(suffix.suffix)}`);
    if (suffix.unescaped) {
      lines.push(
        '',
        `The suffix is written without escaping, so this DN names a different entry and the server answers 32 (No such object); write it as ${code(`cn=${escapeDnValue(suffix.suffix)}`)}.`,
      );
    }
  }
  return lines;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A `nsDS5ReplicaUpdateSchedule` value in words: `0800-1700 12345` → 08:00–17:00 on Monday, … and
 * Friday. Undefined when it is not a valid window (the winsync/invalid-schedule diagnostic says why).
 */
export function readSchedule(value: string): string | undefined {
  const text = value.trim();
  if (text === '*') return 'Any time: updates are not restricted to a window.';
  const match = /^(\d\d)(\d\d)-(\d\d)(\d\d) (\d+)$/.exec(text);
  if (!match) return undefined;
  const [, startHour, startMinute, endHour, endMinute, days] = match;
  const times = [startHour, startMinute, endHour, endMinute].map(Number);
  if (times[0] > 23 || times[2] > 23 || times[1] > 59 || times[3] > 59) return undefined;
  if (`${startHour}${startMinute}` > `${endHour}${endMinute}` || /[7-9]/.test(days)) return undefined;
  const numbers = [...new Set(days)].map(Number).sort((a, b) => a - b);
  const when = numbers.length === 7 ? 'every day' : `on ${list(numbers.map((day) => DAYS[day]))}`;
  return `${startHour}:${startMinute}–${endHour}:${endMinute} ${when}.`;
}

/** Markdown on a base64 value: the decoded text, or its size when it is not UTF-8. */
export function describeBase64(value: string | undefined, bytes: Uint8Array | undefined): string {
  if (!bytes) return '**Invalid base64:** the value does not decode.';
  if (value === undefined)
    return `**Base64:** binary, ${bytes.length} byte${bytes.length === 1 ? '' : 's'} (not UTF-8 text).`;
  if (value === '') return '**Base64:** decodes to the empty value.';
  return `**Base64**, decoded:\n\n${codeBlock(value)}`;
}
