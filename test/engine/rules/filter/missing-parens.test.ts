import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

function filterCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code.startsWith('filter/'));
}

test('missing parentheses where the server uses the filter verbatim: error, fixed by wrapping', () => {
  const text = agreementReplace('winSyncWindowsFilter', 'objectClass=user');
  const found = filterCodes(text);
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d.code, 'filter/missing-parens');
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), 'objectClass=user');
  assert.match(d.message, /winSyncWindowsFilter must be enclosed in parentheses: write \(objectClass=user\)/);
  assert.equal(d.fixes?.[0].title, 'Wrap in parentheses');
  assert.equal(d.fixes?.[0].preferred, true);
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncWindowsFilter: (objectClass=user)');
});

test('missing parentheses where the server adds them itself: information with the same fix', () => {
  const text = agreementReplace('winSyncDirectoryFilter', 'objectClass=person');
  const [d] = filterCodes(text);
  assert.equal(d.code, 'filter/missing-parens');
  assert.equal(d.severity, 'info');
  assert.match(d.message, /works without its outer parentheses \(389-DS adds them\)/);
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncDirectoryFilter: (objectClass=person)');
});
