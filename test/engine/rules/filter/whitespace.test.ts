import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';
import { applyFix } from '../valueFixtures';

function filterCodes(text: readonly string[]) {
  return diagnose(text).filter((d) => d.code.startsWith('filter/'));
}

test('spaces between filters are filter/whitespace with a removal fix; spaces ending the value are left to ldif/trailing-space', () => {
  const text = agreementReplace('winSyncWindowsFilter', '(&(a=b) (c=d))');
  const [d] = filterCodes(text);
  assert.equal(d.code, 'filter/whitespace');
  assert.equal(covered(text, d), ' ');
  assert.equal(applyFix(text, d.fixes![0])[3], 'winSyncWindowsFilter: (&(a=b)(c=d))');
  const trailing = agreementReplace('winSyncWindowsFilter', '(a=b) ');
  assert.deepEqual(filterCodes(trailing), []);
  assert.equal(diagnose(trailing, 'ldif/trailing-space').length, 1);
});
