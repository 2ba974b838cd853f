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

export interface ScheduleReading {
  readonly valid: boolean;
  /** The window in words, or what is wrong with it. */
  readonly text: string;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A `nsDS5ReplicaUpdateSchedule` value in words: `0800-1700 12345` → 08:00–17:00 on Monday, … and Friday. */
export function readSchedule(value: string): ScheduleReading {
  const text = value.trim();
  if (text === '*') return { valid: true, text: 'Any time: updates are not restricted to a window.' };
  const match = /^(\d\d)(\d\d)-(\d\d)(\d\d) (\d+)$/.exec(text);
  if (!match) {
    return { valid: false, text: 'Not a schedule window: expected `*` or `HHMM-HHMM DAYS`, e.g. `0800-1700 12345`.' };
  }
  const [, startHour, startMinute, endHour, endMinute, days] = match;
  const problems: string[] = [];
  for (const [hour, minute] of [
    [startHour, startMinute],
    [endHour, endMinute],
  ]) {
    if (Number(hour) > 23 || Number(minute) > 59)
      problems.push(`${hour}${minute} is not a time of day (hours 00–23, minutes 00–59)`);
  }
  if (`${startHour}${startMinute}` > `${endHour}${endMinute}`) {
    problems.push('the window ends before it starts; a window cannot cross midnight, so split it into two values');
  }
  const badDays = [...new Set(days)].filter((day) => day > '6');
  if (badDays.length > 0) problems.push(`day ${list(badDays)} does not exist (0 = Sunday … 6 = Saturday)`);
  if (problems.length > 0) return { valid: false, text: `Not a valid window: ${problems.join('; ')}.` };
  const numbers = [...new Set(days)].map(Number).sort((a, b) => a - b);
  const when = numbers.length === 7 ? 'every day' : `on ${list(numbers.map((day) => DAYS[day]))}`;
  return { valid: true, text: `${startHour}:${startMinute}–${endHour}:${endMinute} ${when}.` };
}

/** Markdown on a base64 value: the decoded text, or its size when it is not UTF-8. */
export function describeBase64(value: string | undefined, bytes: Uint8Array | undefined): string {
  if (!bytes) return '**Invalid base64:** the value does not decode.';
  if (value === undefined)
    return `**Base64:** binary, ${bytes.length} byte${bytes.length === 1 ? '' : 's'} (not UTF-8 text).`;
  if (value === '') return '**Base64:** decodes to the empty value.';
  return `**Base64**, decoded:\n\n${codeBlock(value)}`;
}
