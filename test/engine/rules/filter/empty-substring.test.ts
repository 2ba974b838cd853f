import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementReplace, covered, diagnose } from '../helpers';

test('"**" in a substring filter is a warning on the empty piece, named after the attribute', () => {
  const text = agreementReplace('winSyncWindowsFilter', '(cn=sync**user)');
  const [d] = diagnose(text, 'filter/empty-substring');
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), '**');
  assert.equal(d.message, "winSyncWindowsFilter: Empty substring between '**': write a single '*'.");
  assert.deepEqual(diagnose(agreementReplace('winSyncWindowsFilter', '(cn=sync*user)'), 'filter/empty-substring'), []);
});
