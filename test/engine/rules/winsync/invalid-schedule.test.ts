import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnose } from '../helpers';
import { agreementAdd, agreementModify, applyFix } from '../valueFixtures';

const CODE = 'winsync/invalid-schedule';

const ATTRIBUTE = 'nsDS5ReplicaUpdateSchedule';

test('valid schedules give nothing: *, a weekday window, the whole week', () => {
  assert.deepEqual(diagnose(agreementModify(ATTRIBUTE, '*', '0800-1700 12345', '0000-2359 0123456'), CODE), []);
});

test('a window that crosses midnight is an error naming it in words; on modify the server answers 1', () => {
  const text = agreementModify(ATTRIBUTE, '1700-0800 12345');
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '1700-0800');
  assert.match(d.message, /the window 17:00–08:00 ends before it starts, and a window cannot cross midnight/);
  assert.match(d.message, /Refused with 1 \(Operations error/);
});

test('the same value on add is accepted silently, and the message says so', () => {
  const [d] = diagnose(agreementAdd(`${ATTRIBUTE}: 1700-0800 12345`), CODE);
  assert.match(d.message, /Accepted with result 0 and nothing logged/);
});

test('hours, minutes and days out of range are errors on each part; the server does not catch them', () => {
  const text = agreementModify(ATTRIBUTE, '2300-2599 12378');
  const found = diagnose(text, CODE);
  assert.deepEqual(
    found.map((d) => covered(text, d)),
    ['25', '99', '7', '8'],
  );
  assert.match(found[0].message, /hour 25 does not exist \(00–23\)/);
  assert.match(found[1].message, /minute 99 does not exist \(00–59\)/);
  assert.match(found[2].message, /day 7 does not exist: days run from 0 \(Sunday\) to 6 \(Saturday\)/);
  assert.match(
    found[0].message,
    /389-DS does not check times and days this closely: it stores the value on add and on modify/,
  );
  // The server's own parser still refuses a start after the end, so then the catalog's reaction is quoted.
  assert.match(diagnose(agreementModify(ATTRIBUTE, '2500-1700 1'), CODE)[0].message, /Refused with 1/);
});

test('missing days and an empty window are errors', () => {
  const [days] = diagnose(agreementModify(ATTRIBUTE, '0800-1700'), CODE);
  assert.match(days.message, /the days are missing/);
  const [empty] = diagnose(agreementModify(ATTRIBUTE, '0800-0800 1'), CODE);
  assert.match(empty.message, /the window 08:00–08:00 is empty/);
});

test('a repeated day is a warning that shows the window in words, fixed by listing each day once', () => {
  const text = agreementModify(ATTRIBUTE, '0800-1700 112345');
  const [d] = diagnose(text, CODE);
  assert.equal(d.severity, 'warning');
  assert.equal(d.range.start.character, `${ATTRIBUTE}: 0800-1700 1`.length);
  assert.match(
    d.message,
    /"0800-1700 112345" \(08:00–17:00 Mon–Fri\) for nsDS5ReplicaUpdateSchedule: day 1 \(Mon\) is listed twice/,
  );
  assert.equal(applyFix(text, d.fixes![0])[3], `${ATTRIBUTE}: 0800-1700 12345`);
  const [weekend] = diagnose(agreementModify(ATTRIBUTE, '0900-1000 606'), CODE);
  assert.match(weekend.message, /\(09:00–10:00 Sun, Sat\)/);
});

test('text that is not a schedule gets the expected form and an optional "any time" replacement', () => {
  const text = agreementModify(ATTRIBUTE, 'weekdays');
  const [d] = diagnose(text, CODE);
  assert.equal(covered(text, d), 'weekdays');
  assert.match(d.message, /expected \* or HHMM-HHMM DAYS, e.g\. 0800-1700 12345 \(08:00–17:00 Mon–Fri;/);
  assert.equal(d.fixes?.[0].preferred, false);
  assert.equal(applyFix(text, d.fixes![0])[3], `${ATTRIBUTE}: 0000-2359 0123456`);
  assert.equal(diagnose(agreementModify(ATTRIBUTE, '*x'), CODE)[0].fixes?.[0].edits[0].newText, '*');
});

test('trailing spaces break an otherwise valid window (the server reads only digits after the times); "* " is still fine', () => {
  const text = agreementModify(ATTRIBUTE, '0800-1700 12345 ');
  const [d] = diagnose(text, CODE);
  assert.match(d.message, /the trailing spaces are part of the value/);
  assert.equal(applyFix(text, d.fixes![0])[3], `${ATTRIBUTE}: 0800-1700 12345`);
  assert.deepEqual(diagnose(agreementModify(ATTRIBUTE, '* '), CODE), []);
});
