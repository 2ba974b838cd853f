import type { Fix } from '../../ldif/ast';
import { clip, badValueConsequence } from '../support/wording';
import { catalogValues, type CatalogValue } from '../support/catalogValues';
import type { Finding, RecordRule } from '../types';
import type { EntryView } from '../../model/entryView';
import { valuePartEdit, valuePartRange } from '../support/edits';
import { AGREEMENT_DN, replaceExample, replaceSpec } from '../support/examples';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ALWAYS = '0000-2359 0123456';
/** Where the days start in `HHMM-HHMM DAYS`. */
const DAYS_AT = 10;
const FORMAT = `expected * or HHMM-HHMM DAYS, e.g. 0800-1700 12345 (${describe(480, 1020, [1, 2, 3, 4, 5])}; days run from 0 = Sunday to 6 = Saturday)`;

/** One thing wrong with a schedule, at value[start, end) of the trimmed text. */
interface Problem {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
  readonly severity: 'error' | 'warning';
  readonly fix?: Fix;
}

/**
 * Replication schedules (`nsDS5ReplicaUpdateSchedule`): `*` or `HHMM-HHMM DAYS` with real
 * times, start before end (a window cannot cross midnight) and days 0–6. The server checks
 * far less (see `serverAccepts`), which decides what the message says it does.
 */
export default {
  meta: {
    code: 'winsync/invalid-schedule',
    group: 'values',
    severity: 'error',
    milder: { severity: 'warning', when: 'a day is listed twice, which the server ignores' },
    summary: 'A replication schedule is not "*" or "HHMM-HHMM DAYS" with valid times and days.',
    server:
      '389-DS checks schedules loosely: a modify with a value its parser refuses fails with 1 (Operations error), an add stores it without a word, and impossible times or days that pass the parser make the window silently mean something else.',
    example: [
      ...replaceExample(AGREEMENT_DN, 'nsDS5ReplicaUpdateSchedule', '2200-0600 0123456'),
      ...replaceSpec('winSyncInterval', '300'),
    ],
  },
  scope: 'record',
  winsyncOnly: true,
  check(entry, { catalog }) {
    const found: Finding[] = [];
    for (const target of catalogValues(entry, catalog, 'schedule')) {
      const fix: PartFix = (title, start, end, newText, preferred) => ({
        title,
        edits: [valuePartEdit(target.line, start, end, newText)],
        preferred,
      });
      const analysis = analyse(target.value, fix);
      for (const problem of analysis.problems) found.push(diagnostic(target, entry, analysis, problem));
    }
    return found;
  },
} satisfies RecordRule;

/** Replaces text[start, end) of the trimmed value. */
type PartFix = (title: string, start: number, end: number, newText: string, preferred: boolean) => Fix;

interface Analysis {
  readonly problems: readonly Problem[];
  /** The window in words, when times and days are all valid. */
  readonly window?: string;
}

function analyse(value: string, fix: PartFix): Analysis {
  const text = value.trimEnd();
  const analysis = analyseTrimmed(text, fix);
  // ldapmodify sends trailing spaces; only "*" survives them (the server reads no further).
  if (text === value || analysis.problems.length > 0 || text.startsWith('*')) return analysis;
  const remove = fix('Remove the trailing spaces', text.length, value.length, '', true);
  const reason =
    "the trailing spaces are part of the value, and the server's schedule parser takes nothing but digits after the times";
  return { ...analysis, problems: [{ start: text.length, end: value.length, severity: 'error', reason, fix: remove }] };
}

function analyseTrimmed(text: string, fix: PartFix): Analysis {
  if (text === '*') return { problems: [] };
  if (text.startsWith('*')) {
    return {
      problems: [
        {
          start: 0,
          end: text.length,
          severity: 'error',
          reason: '"*" (any time) must stand alone',
          fix: fix('Write *', 0, text.length, '*', true),
        },
      ],
    };
  }
  const match = /^(\d\d)(\d\d)-(\d\d)(\d\d)(?: (.*))?$/.exec(text);
  if (!match) {
    const always = fix(`Replace with ${ALWAYS} (any time)`, 0, text.length, ALWAYS, false);
    return { problems: [{ start: 0, end: text.length, severity: 'error', reason: FORMAT, fix: always }] };
  }
  const [, startHour, startMinute, endHour, endMinute, days] = match;
  const found: Problem[] = [];
  const times = [
    { digits: startHour, at: 0, max: 23, what: 'hour' },
    { digits: startMinute, at: 2, max: 59, what: 'minute' },
    { digits: endHour, at: 5, max: 23, what: 'hour' },
    { digits: endMinute, at: 7, max: 59, what: 'minute' },
  ];
  for (const { digits, at, max, what } of times) {
    if (Number(digits) > max)
      found.push({ start: at, end: at + 2, severity: 'error', reason: `${what} ${digits} does not exist (00–${max})` });
  }
  const start = Number(startHour) * 60 + Number(startMinute);
  const end = Number(endHour) * 60 + Number(endMinute);
  if (found.length === 0 && start >= end) {
    found.push({
      start: 0,
      end: 9,
      severity: 'error',
      reason:
        start === end
          ? `the window ${clock(start)}–${clock(end)} is empty: it ends when it starts`
          : `the window ${clock(start)}–${clock(end)} ends before it starts, and a window cannot cross midnight: write two values, ${startHour}${startMinute}-2359 … and 0000-${endHour}${endMinute} … (the second with the following days)`,
    });
  }
  if (days === undefined) {
    found.push({
      start: 0,
      end: text.length,
      severity: 'error',
      reason:
        'the days are missing: add them after one space, e.g. 12345 for Monday to Friday or 0123456 for every day',
    });
    return { problems: found };
  }
  const dayCheck = checkDays(days, fix);
  const problems = found.concat(dayCheck.problems);
  const valid = problems.every((problem) => problem.severity === 'warning');
  return { problems, ...(valid && { window: describe(start, end, dayCheck.days) }) };
}

function checkDays(days: string, fix: PartFix): { problems: Problem[]; days: number[] } {
  const found: Problem[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < days.length; i++) {
    const at = DAYS_AT + i;
    const day = days[i];
    if (/[0-6]/.test(day)) {
      if (seen.has(Number(day))) {
        found.push({
          start: at,
          end: at + 1,
          severity: 'warning',
          reason: `day ${day} (${DAY_NAMES[Number(day)]}) is listed twice`,
        });
      }
      seen.add(Number(day));
      continue;
    }
    const reason = /[7-9]/.test(day)
      ? `day ${day} does not exist: days run from 0 (Sunday) to 6 (Saturday)`
      : `"${day}" is not a day: write the digits 0 (Sunday) to 6 (Saturday), nothing else`;
    found.push({ start: at, end: at + 1, severity: 'error', reason });
  }
  const unique = [...seen].sort((a, b) => a - b);
  if (found.length === 0 || found.some((problem) => problem.severity === 'error'))
    return { problems: found, days: unique };
  const once = fix(`Write each day once: ${unique.join('')}`, DAYS_AT, DAYS_AT + days.length, unique.join(''), true);
  return { problems: found.map((problem) => ({ ...problem, fix: once })), days: unique };
}

function diagnostic(target: CatalogValue<'schedule'>, entry: EntryView, analysis: Analysis, problem: Problem): Finding {
  const { line, spec, value: text } = target;
  const consequence =
    problem.severity === 'warning'
      ? '389-DS ignores the repetition.'
      : serverAccepts(text)
        ? '389-DS does not check times and days this closely: it stores the value on add and on modify, and the window silently means something else.'
        : badValueConsequence(spec, entry.record);
  const range = text === '' ? line.line.range : valuePartRange(line, problem.start, problem.end);
  return {
    range,
    message: `${problem.severity === 'error' ? 'Invalid schedule' : 'Schedule'} "${clip(text)}"${analysis.window ? ` (${analysis.window})` : ''} for ${spec.name}: ${problem.reason}. ${consequence}`,
    ...(problem.fix && { fixes: [problem.fix] }),
    ...(problem.severity === 'warning' && { mild: true }),
  };
}

/** What 389-DS's parse_schedule_value (repl5_schedule.c) accepts: `*…`, or HHMM-HHMM plus one more character, start ≤ end, digits after a space. */
function serverAccepts(text: string): boolean {
  if (text.startsWith('*')) return true;
  if (text.length < 10 || !/^\d{4}-\d{4}/.test(text)) return false;
  const minutes = (at: number) => Number(text.slice(at, at + 2)) * 60 + Number(text.slice(at + 2, at + 4));
  if (minutes(0) > minutes(5)) return false;
  return text[9] !== ' ' || /^\d*$/.test(text.slice(10));
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A window in words, e.g. "08:00–17:00 Mon–Fri". */
function describe(start: number, end: number, days: readonly number[]): string {
  return `${clock(start)}–${clock(end)} ${dayRanges(days)}`;
}

function dayRanges(days: readonly number[]): string {
  if (days.length === 7) return 'every day';
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${DAY_NAMES[run[0]]}–${DAY_NAMES[run[run.length - 1]]}`
        : run.map((day) => DAY_NAMES[day]).join(', '),
    )
    .join(', ');
}
